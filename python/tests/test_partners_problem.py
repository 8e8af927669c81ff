"""Partners for a problem (issue 32 item 6) and Danish context names (item 7) from Python:
the same library call as the CLI's `partners --problem`."""
import pytest

import transform_model as tm


def test_partners_for_a_problem_rank_by_relevance_then_context():
    c = tm.default_catalog()
    p = c.partners(problem="unge uden uddannelse", municipality="316", context={"kommunegruppe": "landkommune"}, top=3)
    assert 1 <= len(p) <= 3 and p["score"].is_monotonic_decreasing
    assert "316" not in list(p["code"])
    # score = 0.7 · relevance + 0.3 · context similarity, row by row.
    for _, row in p.iterrows():
        assert row["score"] == pytest.approx(0.7 * row["relevance"] + 0.3 * row["context_similarity"])
    # Danish and English context names are one query.
    en = c.partners(problem="unge uden uddannelse", municipality="316", context={"urbanity": "rural"}, top=3)
    assert list(en["code"]) == list(p["code"])


def test_partners_for_a_problem_errors_are_typed():
    c = tm.default_catalog()
    with pytest.raises(tm.CatalogError):
        c.partners(problem="unge uden uddannelse", municipality="999")
    with pytest.raises(tm.CatalogError):
        c.partners()
