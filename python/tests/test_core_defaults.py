"""Defaults are defined once, in the core (`AssessOptions::default()` and friends): every
Python signature repeats them and is checked here against the values the core reports
through the binding (`_transform_model.core_defaults`)."""
import inspect
import json

import pytest

import transform_model as tm
from transform_model import _transform_model as _rs

CORE = json.loads(_rs.core_defaults())
# Arguments whose Python default is None, meaning "the core's default" (passed on unset).
CORE_WHEN_NONE = {("assess", "confidence"), ("plan", "capacity_hours")}

FACES = [
    ("assess", tm.assess),
    ("item_analysis", tm.item_analysis),
    ("match", tm.Catalog.match),
    ("match", tm.Catalog.match_many),
    ("portfolio", tm.Portfolio.analyse),
    ("plan", tm.plan),
]


@pytest.mark.parametrize("key,function", FACES, ids=[f"{k}:{f.__qualname__}" for k, f in FACES])
def test_every_python_default_is_the_cores(key, function):
    params = inspect.signature(function).parameters
    checked = 0
    for name, core in CORE[key].items():
        if name not in params:
            continue
        default = params[name].default
        if default is None and (key, name) in CORE_WHEN_NONE:
            continue
        assert default == core, f"{function.__qualname__}({name}={default!r}) but the core's default is {core!r}"
        checked += 1
    assert checked >= 1, f"no default of {function.__qualname__} compared"


def test_the_core_reports_the_defaults_the_docs_state():
    # docs/scoring.md: k = 5, dispersion from 10, 1000 bootstrap replicates, 95 % intervals.
    a = CORE["assess"]
    assert (a["min_group_size"], a["min_dispersion_n"], a["bootstrap"], a["confidence"]) == (5, 10, 1000, 0.95)
    assert CORE["item_analysis"]["min_group_size"] == a["min_group_size"]


def test_an_unset_none_default_gives_the_cores_value():
    a = tm.assess(tm.sample_survey("dtm@2026.2", 60, seed=2), "dtm@2026.2", bootstrap=20)
    b = tm.assess(tm.sample_survey("dtm@2026.2", 60, seed=2), "dtm@2026.2", bootstrap=20,
                  confidence=CORE["assess"]["confidence"])
    assert a == b
