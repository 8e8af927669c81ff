"""Zero for `top`, `retrieve` and `horizon` is refused as in the CLI and the C API (before:
`top=0` returned nothing, `similar(top=0)` everything), and JSON outputs carry
`schema_version`."""
import json

import pytest

import transform_model as tm


@pytest.mark.parametrize("call, option", [
    (lambda c: c.match("ældre medicin i hjemmeplejen", top=0), "top"),
    (lambda c: c.match("ældre medicin i hjemmeplejen", retrieve=0), "retrieve"),
    (lambda c: c.match_many(["ældre medicin"], top=0), "top"),
    (lambda c: c.similar("ældre medicin i hjemmeplejen", top=0), "top"),
    (lambda c: c.partners("561", top=0), "top"),
])
def test_zero_counts_are_refused(call, option):
    with pytest.raises(tm.OptionError) as e:
        call(tm.default_catalog())
    assert f"`{option}`" in str(e.value) and "at least 1" in str(e.value)


def test_zero_horizon_is_refused():
    with pytest.raises(tm.OptionError) as e:
        tm.Portfolio.sample().analyse(horizon=0)
    assert "`horizon`" in str(e.value) and "1..100" in str(e.value)
    assert tm.Portfolio.sample().analyse(horizon=1).horizon == 1


def test_one_is_the_smallest_count():
    c = tm.default_catalog()
    assert len(c.similar("ældre medicin i hjemmeplejen", top=1)) == 1
    assert len(c.partners("561", top=1)) == 1


def test_json_outputs_carry_schema_version():
    analysis = tm.Portfolio.sample().analyse()
    assert json.loads(analysis.to_json())["schema_version"] == 1
    assert analysis.data["schema_version"] == 1
