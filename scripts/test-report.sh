#!/usr/bin/env bash
# The HTML report in a real browser: writes the sample report with the CLI, prints it to PDF
# in headless Chromium (page count within bounds; pdftotext finds the council paper's and the
# appendices' titles; the resumé and the indstilling fit on page 1 or pages 1–2, the
# sagsfremstilling starts a new page), then drives Chromium with selenium at 1280 px and
# 390 px (no horizontal overflow, no console errors, every SVG sized, one h1, ordered
# headings), printed (every element's right edge within the A4 page box), and runs axe-core
# (no serious or critical violation). Prints the page count and the render time.
# Artifacts (report, PDF, screenshots, page texts) go to $CARGO_TARGET_DIR/report-artifacts.
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
start=$(date +%s%N)
"$TM" report "$DATA/sample_responses.csv" --portfolio "$DATA/portfolio.json" --catalog "$DATA/catalog.json" --plan \
  --invited politician=27,top_manager=12,middle_manager=40,frontline=120,external_partner=30 \
  --survey-period 2026-03-02..2026-03-20 --meeting-date 2026-05-12 --committee "Økonomiudvalget" \
  --out "$ART/report.html"
echo "report: written in $(( ($(date +%s%N) - start) / 1000000 )) ms (scoring with 1.000 bootstrap resamples included)"

# Print to PDF. Bounds: the paper (front, sagsfremstilling with Økonomi … Bilag) and one page
# per appendix (7) at the least; the sample with portfolio, catalog and plan measured 20
# pages, so 30 allows growth, not a broken layout (a chart split over pages or an unbroken
# table would add many more).
PROFILE="$(mktemp -d)"
timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$PROFILE" \
  --no-pdf-header-footer --print-to-pdf="$ART/report.pdf" "file://$PWD/$ART/report.html" 2>/dev/null
rm -rf "$PROFILE"
pages=$(pdfinfo "$ART/report.pdf" | awk '/^Pages:/ {print $2}')
echo "PDF: $pages pages"
if [ "$pages" -lt 9 ] || [ "$pages" -gt 30 ]; then
  echo "report PDF has $pages pages, outside 9–30" >&2; exit 1
fi
pdftotext -layout "$ART/report.pdf" "$ART/report.txt"
for title in "Resumé" "Indstilling" "Direktionen indstiller, at" "Sagsfremstilling" "Økonomi" "Høring" \
  "Videre forløb" "Beslutning" "Bilag" "Bilag 1: Dimensionerne" "Bilag 2: Grupper og forskelle i opfattelse" \
  "Bilag 3: Anbefalinger" "Bilag 4: Porteføljen af indsatser" "Bilag 5: Virksomme ingredienser til missionerne" \
  "Bilag 6: Planen" "Bilag 7: Metode"; do
  grep -qF "$title" "$ART/report.txt" || { echo "PDF text lacks the section title '$title'" >&2; exit 1; }
done
# The front (resumé and indstilling) fits on one page or two: the sagsfremstilling, which
# starts a new page, is on page 2 or 3; the resumé is on page 1.
page_of() { for p in $(seq 1 "$pages"); do
  text="$(pdftotext -f "$p" -l "$p" -layout "$ART/report.pdf" -)"
  case "$text" in *"$1"*) echo "$p"; return ;; esac; done; echo 0; }
resume=$(page_of "Resumé")
sag=$(page_of "Sagsfremstilling")
echo "PDF: resumé on page $resume, sagsfremstilling from page $sag"
if [ "$resume" != 1 ] || [ "$sag" -lt 2 ] || [ "$sag" -gt 3 ]; then
  echo "the front is not on page 1 (or 1–2): resumé on page $resume, sagsfremstilling on page $sag" >&2; exit 1
fi

.venv/bin/python tests/report/check_browser.py "$ART/report.html" \
  "$TARGET/report-node/node_modules/axe-core/axe.min.js" "$ART"
echo "report: browser checks passed (artifacts in $ART)"

# "Resultater pr. enhed": a survey of its own on an explicit model and seed with a department
# column (the last 3 rows in Kultur, under k), assessed by department; the report with the
# units section passes the same browser and print checks, and its PDF carries the section.
UNITS="$ART/units"
mkdir -p "$UNITS"
"$TM" sample --respondents 60 --seed 2027 --model dtm@2026.2 \
  | awk 'NR == 1 {print $0 ",department"; next} {d = NR <= 31 ? "Social" : (NR <= 58 ? "Teknik" : "Kultur"); print $0 "," d}' \
  >"$UNITS/survey.csv"
"$TM" assess "$UNITS/survey.csv" --model dtm@2026.2 --by department --output "$UNITS/assessment.json"
"$TM" report "$UNITS/assessment.json" --model dtm@2026.2 --out "$UNITS/report.html"
PROFILE="$(mktemp -d)"
timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$PROFILE" \
  --no-pdf-header-footer --print-to-pdf="$UNITS/report.pdf" "file://$PWD/$UNITS/report.html" 2>/dev/null
rm -rf "$PROFILE"
pdftotext -layout "$UNITS/report.pdf" "$UNITS/report.txt"
grep -qF "Resultater pr. enhed" "$UNITS/report.txt" || { echo "units report PDF lacks 'Resultater pr. enhed'" >&2; exit 1; }
echo "units report PDF: $(pdfinfo "$UNITS/report.pdf" | awk '/^Pages:/ {print $2}') pages"
.venv/bin/python tests/report/check_browser.py "$UNITS/report.html" \
  "$TARGET/report-node/node_modules/axe-core/axe.min.js" "$UNITS"
echo "units report: browser checks passed (artifacts in $UNITS)"
