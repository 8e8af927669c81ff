"""Inline SVG charts for Jupyter (no JavaScript), drawn truthfully: what is not reported is
marked as such, never drawn as a value."""
from __future__ import annotations

import html
import math
from typing import List, Optional, Sequence, Tuple

TEXTS = {
    "title": ("Modenhedsprofil", "Maturity profile"),
    "score": ("Score", "Score"),
    "band": ("95 %-interval", "95% interval"),
    "target": ("Mål", "Target"),
    "not_reported": ("ikke rapporteret", "not reported"),
}


def _t(key: str, lang: str) -> str:
    da, en = TEXTS[key]
    return da if lang == "da" else en


def _point(cx: float, cy: float, r: float, i: int, n: int) -> Tuple[float, float]:
    a = -math.pi / 2 + 2 * math.pi * i / n
    return cx + r * math.cos(a), cy + r * math.sin(a)


def _poly(points: Sequence[Tuple[float, float]]) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in points)


def radar(labels: List[str], scores: List[Optional[float]], lows: List[Optional[float]],
          highs: List[Optional[float]], target: Optional[float], lo: float = 1.0, hi: float = 5.0,
          lang: str = "da") -> str:
    """A radar chart of dimension scores with their interval band, the target ring and a legend.

    A dimension without a score is a gap in the score outline with a hollow marker on its axis
    labelled "not reported"; an interval band is drawn between neighbouring dimensions that
    both have an interval, so one missing interval removes only its own stretch.
    """
    n = len(labels)
    size, cx, cy, R = 460, 230, 240, 150
    legend_h = 22
    radius = lambda v: R * (min(max(v, lo), hi) - lo) / (hi - lo)  # noqa: E731
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size + 20 + legend_h}" '
             f'viewBox="0 0 {size} {size + 20 + legend_h}" role="img" font-family="sans-serif" font-size="11">',
             f'<title>{html.escape(_t("title", lang))}</title>']
    for level in range(int(lo), int(hi) + 1):
        ring = [_point(cx, cy, radius(level), i, n) for i in range(n)]
        parts.append(f'<polygon points="{_poly(ring)}" fill="none" stroke="#ccc"/>')
        parts.append(f'<text x="{cx + 3}" y="{cy - radius(level) + 10:.1f}" fill="#999">{level}</text>')
    for i, label in enumerate(labels):
        x, y = _point(cx, cy, R, i, n)
        parts.append(f'<line x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
        lx, ly = _point(cx, cy, R + 28, i, n)
        anchor = "middle" if abs(lx - cx) < 20 else ("start" if lx > cx else "end")
        text = html.escape(label)
        if scores[i] is None:
            text += f' <tspan class="not-reported" fill="#999">({_t("not_reported", lang)})</tspan>'
        parts.append(f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}">{text}</text>')
    parts += _band(lows, highs, radius, cx, cy, n)
    if target is not None:
        ring = [_point(cx, cy, radius(target), i, n) for i in range(n)]
        parts.append(f'<polygon class="target" points="{_poly(ring)}" fill="none" stroke="#d9534f" '
                     f'stroke-dasharray="5,4" stroke-width="1.5"/>')
    parts += _scores(scores, radius, cx, cy, n, R)
    parts += _legend(size + 8, target is not None, any(v is None for v in scores), lang)
    parts.append("</svg>")
    return "".join(parts)


def _neighbours(n: int) -> List[Tuple[int, int]]:
    return [(i, (i + 1) % n) for i in range(n)] if n > 2 else [(i, i + 1) for i in range(n - 1)]


def _band(lows: List[Optional[float]], highs: List[Optional[float]], radius, cx: float, cy: float,
          n: int) -> List[str]:
    """One quadrilateral per pair of neighbouring dimensions that both have an interval."""
    has = [lows[i] is not None and highs[i] is not None for i in range(n)]
    out = []
    for i, j in _neighbours(n):
        if has[i] and has[j]:
            quad = [_point(cx, cy, radius(highs[i]), i, n), _point(cx, cy, radius(highs[j]), j, n),
                    _point(cx, cy, radius(lows[j]), j, n), _point(cx, cy, radius(lows[i]), i, n)]
            out.append(f'<polygon class="ci" points="{_poly(quad)}" fill="#4a90d9" fill-opacity="0.18" '
                       f'stroke="none"/>')
    return out


def _scores(scores: List[Optional[float]], radius, cx: float, cy: float, n: int, R: float) -> List[str]:
    """The score outline: a filled polygon when every dimension is reported, else the segments
    between reported neighbours, with a hollow marker at the rim of each unreported axis."""
    pts = [None if v is None else _point(cx, cy, radius(v), i, n) for i, v in enumerate(scores)]
    out = []
    if all(p is not None for p in pts):
        out.append(f'<polygon class="score" points="{_poly(pts)}" fill="#4a90d9" fill-opacity="0.35" '
                   f'stroke="#1f5fa8" stroke-width="2"/>')
    else:
        for i, j in _neighbours(n):
            if pts[i] is not None and pts[j] is not None:
                out.append(f'<polyline class="score" points="{_poly([pts[i], pts[j]])}" fill="none" '
                           f'stroke="#1f5fa8" stroke-width="2"/>')
    for i, p in enumerate(pts):
        if p is not None:
            out.append(f'<circle class="score-point" cx="{p[0]:.1f}" cy="{p[1]:.1f}" r="2.5" fill="#1f5fa8"/>')
        else:
            x, y = _point(cx, cy, R, i, n)
            out.append(f'<circle class="not-reported" cx="{x:.1f}" cy="{y:.1f}" r="4" fill="white" '
                       f'stroke="#999" stroke-dasharray="2,2"/>')
    return out


def _legend(y: float, target: bool, not_reported: bool, lang: str) -> List[str]:
    out = ['<g class="legend">']
    x = 20.0
    out.append(f'<rect x="{x}" y="{y}" width="14" height="10" fill="#4a90d9" fill-opacity="0.35" stroke="#1f5fa8"/>'
               f'<text x="{x + 18}" y="{y + 9}">{_t("score", lang)}</text>')
    x += 80
    out.append(f'<rect x="{x}" y="{y}" width="14" height="10" fill="#4a90d9" fill-opacity="0.18"/>'
               f'<text x="{x + 18}" y="{y + 9}">{_t("band", lang)}</text>')
    x += 110
    if target:
        out.append(f'<line x1="{x}" y1="{y + 5}" x2="{x + 14}" y2="{y + 5}" stroke="#d9534f" '
                   f'stroke-dasharray="5,4" stroke-width="1.5"/><text x="{x + 18}" y="{y + 9}">{_t("target", lang)}</text>')
        x += 70
    if not_reported:
        out.append(f'<circle cx="{x + 7}" cy="{y + 5}" r="4" fill="white" stroke="#999" stroke-dasharray="2,2"/>'
                   f'<text x="{x + 18}" y="{y + 9}">{_t("not_reported", lang)}</text>')
    out.append("</g>")
    return out


def shorten(text: str, width: int) -> str:
    """`text` cut to at most `width` characters at a word boundary, with "…" when cut."""
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if " " in cut and not text[width - 1].isspace():
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:–-") + "…"


def bars(labels: List[str], values: List[float], title: str = "") -> str:
    """A horizontal bar chart (e.g. mission coverage)."""
    width, row, left = 560, 24, 280
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
