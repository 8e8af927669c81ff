"""Inline SVG charts for Jupyter (no JavaScript)."""
from __future__ import annotations

import html
import math
from typing import List, Optional, Sequence, Tuple


def _point(cx: float, cy: float, r: float, i: int, n: int) -> Tuple[float, float]:
    a = -math.pi / 2 + 2 * math.pi * i / n
    return cx + r * math.cos(a), cy + r * math.sin(a)


def _poly(points: Sequence[Tuple[float, float]]) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in points)


def radar(labels: List[str], scores: List[Optional[float]], lows: List[Optional[float]],
          highs: List[Optional[float]], target: Optional[float], lo: float = 1.0, hi: float = 5.0,
          title: str = "") -> str:
    """A radar chart of dimension scores with their interval band and the target profile."""
    n = len(labels)
    size, cx, cy, R = 460, 230, 240, 150
    radius = lambda v: R * (min(max(v, lo), hi) - lo) / (hi - lo)  # noqa: E731
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size + 20}" '
             f'viewBox="0 0 {size} {size + 20}" role="img" font-family="sans-serif" font-size="11">',
             f'<title>{html.escape(title)}</title>']
    for level in range(int(lo), int(hi) + 1):
        ring = [_point(cx, cy, radius(level), i, n) for i in range(n)]
        parts.append(f'<polygon points="{_poly(ring)}" fill="none" stroke="#ccc"/>')
        parts.append(f'<text x="{cx + 3}" y="{cy - radius(level) + 10:.1f}" fill="#999">{level}</text>')
    for i, label in enumerate(labels):
        x, y = _point(cx, cy, R, i, n)
        parts.append(f'<line x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
        lx, ly = _point(cx, cy, R + 28, i, n)
        anchor = "middle" if abs(lx - cx) < 20 else ("start" if lx > cx else "end")
        parts.append(f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}">{html.escape(label)}</text>')
    if all(v is not None for v in lows + highs):
        outer = [_point(cx, cy, radius(v), i, n) for i, v in enumerate(highs)]  # type: ignore[arg-type]
        inner = [_point(cx, cy, radius(v), i, n) for i, v in enumerate(lows)]  # type: ignore[arg-type]
        parts.append(f'<polygon class="ci" points="{_poly(outer + inner[::-1])}" fill="#4a90d9" '
                     f'fill-opacity="0.18" stroke="none" fill-rule="evenodd"/>')
    if target is not None:
        ring = [_point(cx, cy, radius(target), i, n) for i in range(n)]
        parts.append(f'<polygon class="target" points="{_poly(ring)}" fill="none" stroke="#d9534f" '
                     f'stroke-dasharray="5,4" stroke-width="1.5"/>')
    pts = [_point(cx, cy, radius(v if v is not None else lo), i, n) for i, v in enumerate(scores)]
    parts.append(f'<polygon class="score" points="{_poly(pts)}" fill="#4a90d9" fill-opacity="0.35" '
                 f'stroke="#1f5fa8" stroke-width="2"/>')
    parts.append("</svg>")
    return "".join(parts)


def bars(labels: List[str], values: List[float], title: str = "") -> str:
    """A horizontal bar chart (e.g. mission coverage)."""
    width, row, left = 520, 24, 240
    top = max(values, default=1.0) or 1.0
    height = row * len(labels) + 30
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
             f'font-family="sans-serif" font-size="11"><title>{html.escape(title)}</title>']
    for i, (label, v) in enumerate(zip(labels, values)):
        y = 10 + i * row
        w = (width - left - 50) * v / top
        parts.append(f'<text x="{left - 6}" y="{y + 14}" text-anchor="end">{html.escape(label)}</text>')
        parts.append(f'<rect x="{left}" y="{y + 3}" width="{w:.1f}" height="{row - 8}" fill="#4a90d9"/>')
        parts.append(f'<text x="{left + w + 4:.1f}" y="{y + 14}">{v:.2f}</text>')
    parts.append("</svg>")
    return "".join(parts)
