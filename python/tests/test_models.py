"""Bundled models by id: `Model.bundled`, `model=` strings, and `ci` through the same engine."""
import json
import pathlib

import pytest

import transform_model as tm

ROOT = pathlib.Path(__file__).resolve().parents[2]
MODELS = ROOT / "crates" / "transform-model" / "models"
DATA = ROOT / "crates" / "transform-model" / "data"


def test_bundled_ids_and_versions():
    assert tm.bundled_ids() == ["ci", "ci@2026.1", "ci@2027.1", "dtm", "dtm@2026.1", "dtm@2026.2", "dtm@2027.1"]
    for spec, file in [("dtm", "dtm-2027.1.json"), ("dtm@2026.2", "dtm-2026.2.json"), ("dtm@2026.1", "dtm.json"), ("ci", "ci.json")]:
        raw = json.loads((MODELS / file).read_text(encoding="utf-8"))
        m = tm.Model.bundled(spec)
        assert (m.id, m.version) == (raw["id"], raw["version"])
        assert len(m.items) == len(raw["items"]) and len(m.dimensions) == len(raw["dimensions"])
    assert tm.Model.bundled("dtm") == tm.default_model()


def test_an_unknown_id_or_version_raises_model_error_listing_the_known():
    with pytest.raises(tm.ModelError) as e:
        tm.Model.bundled("dtm@2025.9")
    assert "dtm@2025.9" in str(e.value) and "dtm@2026.1" in str(e.value) and e.value.path == "dtm@2025.9"
    with pytest.raises(tm.ModelError):
        tm.assess(DATA / "sample_responses_ci.csv", model="nope")
    with pytest.raises(tm.ArgumentTypeError) as e:
        tm.assess(DATA / "sample_responses_ci.csv", model=3)
    assert e.value.option == "model"


def test_assess_takes_a_model_id_and_equals_the_cli(cli):
    path = DATA / "sample_responses_ci.csv"
    a = tm.assess(path, model="ci", bootstrap=0)
    assert a.model.id == "ci"
    dims = a.dimensions()
    assert list(dims["id"]) == ["agenda", "measurement", "activities", "communication", "backbone"]
    assert dims["score"].notna().all()
    assert a.to_dict() == cli("assess", str(path), "--model", "ci", "--bootstrap", "0")
    assert a == tm.assess(path, model=tm.Model.bundled("ci"), bootstrap=0)


def test_a_model_string_that_names_a_file_reads_the_file(tmp_path):
    path = tmp_path / "mine.json"
    path.write_text(tm.Model.bundled("ci").to_json(), encoding="utf-8")
    assert tm.Model.resolve(str(path)) == tm.Model.bundled("ci")
    a = tm.assess(DATA / "sample_responses_ci.csv", model=str(path), bootstrap=0)
    assert a == tm.assess(DATA / "sample_responses_ci.csv", model="ci", bootstrap=0)
