import pathlib
import subprocess
import sys

import nbformat
from nbclient import NotebookClient

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_quickstart_notebook_runs_and_shows_the_radar_chart():
    # Run where Jupyter runs it: the kernel's folder is the notebook's own (examples/).
    folder = ROOT / "examples"
    before = sorted(p.name for p in folder.iterdir())
    nb = nbformat.read(folder / "quickstart.ipynb", as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
    assert sorted(p.name for p in folder.iterdir()) == before, "the notebook leaves no files behind"
    tagged = [c for c in nb.cells if "assessment" in c.get("metadata", {}).get("tags", [])]
    assert tagged, "the notebook tags its assessment cell"
    html = "".join(o.get("data", {}).get("text/html", "") for o in tagged[0]["outputs"])
    assert "<svg" in html and 'class="score"' in html
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    # The showcase shows something: the sample survey has at least one significant gap.
    gaps = [c for c in nb.cells if "significant-gaps" in c.get("metadata", {}).get("tags", [])]
    assert gaps, "the notebook tags its significant-gaps cell"
    shown = "".join(o.get("data", {}).get("text/html", "") for o in gaps[0]["outputs"])
    assert "<tbody>" in shown and "<tr" in shown.split("<tbody>")[1], "at least one significant gap"


def test_stubs_match_the_compiled_module():
    r = subprocess.run([sys.executable, "-m", "mypy.stubtest", "transform_model._transform_model",
                        "--ignore-missing-stub"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stdout + r.stderr
