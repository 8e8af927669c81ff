"""Browser checks of the HTML report in headless Chromium (selenium + the system
chromedriver): no horizontal overflow at 1280 px and 390 px, no console errors, every SVG
with a non-zero size, one h1 and headings in order, and no serious or critical axe-core
violation; printed (print media, the A4 page box's width), every element's right edge lies
within the page box. Screenshots go to the artifacts folder.

Usage: check_browser.py REPORT.html AXE.min.js ARTIFACTS_DIR
"""
from __future__ import annotations

import base64
import pathlib
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage"]

LAYOUT = """
const doc = document.documentElement;
const svgs = [...document.querySelectorAll('svg')].map(s => {
  const r = s.getBoundingClientRect(); return [r.width, r.height]; });
const headings = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => Number(h.tagName[1]));
const wide = [...document.body.querySelectorAll('*')]
  .filter(e => !e.closest('.table-box') && e.getBoundingClientRect().right > doc.clientWidth + 1)
  .map(e => e.tagName + '.' + e.className).slice(0, 5);
return {scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, svgs, headings, wide,
        h1: document.querySelectorAll('h1').length, height: doc.scrollHeight};
"""


def fail(message: str) -> None:
    print(f"report browser check FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def driver() -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp(prefix='tm-report-chromium-')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def check_width(d: webdriver.Chrome, url: str, width: int, artifacts: pathlib.Path) -> None:
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                      {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
    d.get(url)
    m = d.execute_script(LAYOUT)
    if m["scrollWidth"] > m["clientWidth"]:
        fail(f"{width}px: horizontal overflow ({m['scrollWidth']} > {m['clientWidth']}): {m['wide']}")
    empty = [i for i, (w, h) in enumerate(m["svgs"]) if w <= 0 or h <= 0]
    if not m["svgs"] or empty:
        fail(f"{width}px: {len(m['svgs'])} SVGs, zero-sized: {empty}")
    if m["h1"] != 1:
        fail(f"{width}px: {m['h1']} h1 elements")
    levels = m["headings"]
    if levels[0] != 1 or any(b > a + 1 for a, b in zip(levels, levels[1:])):
        fail(f"{width}px: headings skip a level: {levels}")
    shot = d.execute_cdp_cmd("Page.captureScreenshot", {
        "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": min(m["height"], 16000), "scale": 1}})
    (artifacts / f"report-{width}px.png").write_bytes(base64.b64decode(shot["data"]))
    print(f"{width}px: ok ({len(m['svgs'])} SVGs, {len(levels)} headings, page height {m['height']}px)")


# A4 portrait minus the @page side margins (15 mm each): 180 mm at 96 px per inch.
PAGE_BOX_PX = round(180 / 25.4 * 96)

PRINT_EDGES = """
const limit = arguments[0];
const out = [...document.body.querySelectorAll('*')]
  .map(e => [e, e.getBoundingClientRect()])
  .filter(([e, r]) => r.width > 0 && r.right > limit + 1)
  .map(([e, r]) => e.tagName + '.' + e.className + ' right=' + Math.round(r.right) + ': '
       + (e.textContent || '').trim().slice(0, 60));
return out.slice(0, 8);
"""


def check_print(d: webdriver.Chrome, url: str) -> None:
    """Printed, nothing reaches past the page box: the layout at the page box's width with the
    print style sheet, every element's right edge measured."""
    d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                      {"width": PAGE_BOX_PX, "height": 1000, "deviceScaleFactor": 1, "mobile": False})
    d.get(url)
    over = d.execute_script(PRINT_EDGES, PAGE_BOX_PX)
    d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    if over:
        fail(f"printed, elements reach past the page box ({PAGE_BOX_PX}px): {over}")
    print(f"print: every element within the page box ({PAGE_BOX_PX}px)")


def check_console(d: webdriver.Chrome) -> None:
    errors = [e for e in d.get_log("browser") if e.get("level") == "SEVERE"]
    if errors:
        fail(f"console errors: {errors}")


def check_axe(d: webdriver.Chrome, axe: str) -> None:
    d.execute_script(axe)
    result = d.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations))"
        ".catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));")
    bad = [v for v in result if v.get("impact") in ("serious", "critical")]
    for v in result:
        print(f"axe: {v['impact']}: {v['id']} ({len(v['nodes'])} nodes): {v['help']}")
    if bad:
        fail("axe-core: " + "; ".join(f"{v['id']}: {v['help']}" for v in bad))
    print(f"axe-core: no serious or critical violations ({len(result)} minor or moderate)")


def main() -> None:
    report, axe_path, artifacts = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    artifacts.mkdir(parents=True, exist_ok=True)
    url = report.resolve().as_uri()
    d = driver()
    try:
        for width in (1280, 390):
            check_width(d, url, width, artifacts)
        check_print(d, url)
        check_console(d)
        check_axe(d, axe_path.read_text(encoding="utf-8"))
    finally:
        d.quit()


if __name__ == "__main__":
    main()
