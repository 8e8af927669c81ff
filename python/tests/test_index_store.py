"""Catalog.save_index / Catalog.load_index: a loaded index answers as the catalog does,
and a file that is not a sound index raises CatalogError naming the file."""
import json

import pytest

import transform_model as tm
from transform_model._errors import CatalogError


def test_a_loaded_index_matches_like_the_catalog(tmp_path):
    cat = tm.default_catalog()
    path = tmp_path / "catalog.tmi"
    cat.save_index(path)
    loaded = tm.Catalog.load_index(path)
    assert len(loaded) == len(cat)
    assert json.loads(loaded.to_json()) == json.loads(cat.to_json())
    problem = "Flere ledige i vores boligområder skal i job"
    a = cat.match(problem, context={"urbanity": "rural"}).attrs["result"]
    b = loaded.match(problem, context={"urbanity": "rural"}).attrs["result"]
    assert a == b
    assert loaded.similar(problem).equals(cat.similar(problem))


def test_broken_files_raise_catalog_error(tmp_path):
    good = tmp_path / "good.tmi"
    tm.default_catalog().save_index(good)
    data = good.read_bytes()
    cut = tmp_path / "cut.tmi"
    cut.write_bytes(data[: len(data) // 2])
    flipped = tmp_path / "flipped.tmi"
    flipped.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
    foreign = tmp_path / "catalog.tmi"
    foreign.write_text(tm.default_catalog().to_json())
    for path, needle in [(cut, "truncated"), (flipped, "checksum"), (foreign, "not a transform-model index"),
                         (tmp_path / "missing.tmi", "cannot read")]:
        with pytest.raises(CatalogError) as e:
            tm.Catalog.load_index(path)
        assert needle in str(e.value), str(e.value)
        assert e.value.path == str(path)
