import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "crates" / "transform-model" / "data"
# Build output: CARGO_TARGET_DIR when set (relative to the workspace root), else target/.
CLI = ROOT / os.environ.get("CARGO_TARGET_DIR", "target") / "release" / "transform-model"


@pytest.fixture(scope="session")
def sample_csv() -> pathlib.Path:
    return DATA / "sample_responses.csv"


@pytest.fixture(scope="session")
def cli():
    """Runs the Rust CLI and parses its JSON output."""
    if not CLI.exists():
        subprocess.run(["cargo", "build", "--release", "-q", "-p", "transform-model-cli"], cwd=ROOT, check=True)

    def run(*args: str):
        out = subprocess.run([str(CLI), *args], check=True, capture_output=True, text=True).stdout
        return json.loads(out)

    return run
