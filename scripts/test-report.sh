#!/usr/bin/env bash
# The HTML report in a real browser: writes the sample report with the CLI, prints it to PDF
# in headless Chromium (page count within bounds; pdftotext finds the Danish section titles;
# page 1 is the council's summary alone), then drives Chromium with selenium at 1280 px and
# 390 px (no horizontal overflow, no console errors, every SVG sized, one h1, ordered
# headings) and runs axe-core (no serious or critical violation). Artifacts (report, PDF,
# screenshots, page texts) go to $CARGO_TARGET_DIR/report-artifacts.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET="${CARGO_TARGET_DIR:-target}"
ART="$TARGET/report-artifacts"
mkdir -p "$ART"

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/pip install -q --disable-pip-version-check "selenium>=4.20,<5"
if [ ! -f "$TARGET/report-node/node_modules/axe-core/axe.min.js" ]; then
  npm install --silent --no-audit --no-fund --prefix "$TARGET/report-node" axe-core@4 >/dev/null
fi

cargo build --release -q -p transform-model-cli
TM="$TARGET/release/transform-model"
DATA=crates/transform-model/data
"$TM" report "$DATA/sample_responses.csv" --portfolio "$DATA/portfolio.json" --catalog "$DATA/catalog.json" --plan \
  --invited politician=27,top_manager=12,middle_manager=40,frontline=120,external_partner=30 --out "$ART/report.html"

# Print to PDF. Bounds: page 1 (summary) + one page per main section (8) at the least; the
# sample with portfolio, catalog and plan measured 16 pages, so 24 allows growth, not a
# broken layout (a chart split over pages or an unbroken table would add many more).
PROFILE="$(mktemp -d)"
timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$PROFILE" \
  --no-pdf-header-footer --print-to-pdf="$ART/report.pdf" "file://$PWD/$ART/report.html" 2>/dev/null
rm -rf "$PROFILE"
pages=$(pdfinfo "$ART/report.pdf" | awk '/^Pages:/ {print $2}')
echo "PDF: $pages pages"
if [ "$pages" -lt 8 ] || [ "$pages" -gt 24 ]; then
  echo "report PDF has $pages pages, outside 8–24" >&2; exit 1
fi
pdftotext -layout "$ART/report.pdf" "$ART/report.txt"
for title in "Resumé til byrådet" "Hovedkonklusion" "Her foreslås det at sætte ind" "Hvor sikre er resultaterne?" \
  "Dimensionerne" "Grupper og forskelle i opfattelse" "Anbefalinger" "Porteføljen af indsatser" \
  "Virksomme ingredienser til missionerne" "Planen" "Bilag: Metode"; do
  grep -qF "$title" "$ART/report.txt" || { echo "PDF text lacks the section title '$title'" >&2; exit 1; }
done
# Page 1 is the council's summary, whole: it ends with its footer, and page 2 is the next section.
pdftotext -f 1 -l 1 -layout "$ART/report.pdf" "$ART/page1.txt"
pdftotext -f 2 -l 2 -layout "$ART/report.pdf" "$ART/page2.txt"
grep -qF "Hvor sikre er resultaterne?" "$ART/page1.txt" && grep -qF "Datagrundlag:" "$ART/page1.txt" \
  || { echo "page 1 does not hold the whole summary" >&2; exit 1; }
grep -qF "Dimensionerne" "$ART/page2.txt" || { echo "page 2 does not start the next section" >&2; exit 1; }

.venv/bin/python tests/report/check_browser.py "$ART/report.html" \
  "$TARGET/report-node/node_modules/axe-core/axe.min.js" "$ART"
echo "report: browser checks passed (artifacts in $ART)"
