"""The national benchmark (DOMAIN.md §7): published assessments of many municipalities
combined into percentiles per dimension and one municipality's rank among its peers,
computed in the core (`transform_model::benchmark`); and synthetic surveys to try it on."""
from __future__ import annotations

import json
from typing import Any, Dict, Mapping, NamedTuple, Optional, Sequence, Union

from . import _args
from . import _transform_model as _rs
from ._assess import Assessment
from ._frames import Column, Spec, pandas
from ._model import Model, model_arg

DIMENSIONS = Spec(
    "One row per dimension of the model: the distribution of the peers' scores (quartiles "
    "interpolate linearly, as numpy's default), and the place of `of`.",
    Column("dimension", "str", "dimension id"),
    Column("n", "int", "peers with a score on the dimension"),
    Column("min", "float", "lowest score (NaN under 3 peers with a score, as the other figures)"),
    Column("p25", "float", "first quartile"),
    Column("median", "float", "median"),
    Column("p75", "float", "third quartile"),
    Column("max", "float", "highest score"),
    Column("of_code", "str", "municipality code of `of` (None without `of`)"),
    Column("of_score", "float", "its score"),
    Column("of_rank", "Int64", "its rank, 1 = the highest score"),
    Column("of_percentile", "float", "100 × peers scoring strictly lower / (peers − 1)"),
)

PEERS = Spec(
    "One row: the peer group.",
    Column("kind", "str", "all, region or list"),
    Column("n", "int", "municipalities in the peer group"),
    Column("region", "str", "the region, for kind region"),
)


class BenchmarkFrames(NamedTuple):
    """The benchmark as DataFrames (`dimensions`, `peers`) and as the core's JSON dict."""

    dimensions: Any
    peers: Any
    data: Dict[str, Any]


def benchmark(assessments: Union[Sequence[Assessment], Mapping[str, Assessment]], of: Optional[str] = None,
              peers: Union[str, Sequence[str]] = "all") -> BenchmarkFrames:
    """Combines assessments of many municipalities (one each, same model version).

    `assessments` is a mapping municipality code → Assessment, or a list of Assessments
    made with `municipality=` recorded (the CLI's `assess --municipality CODE`). `of` is the
    municipality to place among its peers; `peers` is `"all"`, `"region"` (the region of
    `of`) or a list of municipality codes. A peer group of fewer than 3 municipalities is
    refused (`OptionError`), as are duplicate codes and mixed model versions."""
    if isinstance(assessments, Mapping):
        codes = [str(c) for c in assessments.keys()]
        items = list(assessments.values())
    else:
        items = list(assessments)
        codes = [None] * len(items)
    for i, a in enumerate(items):
        _args.instance(f"assessments[{i}]", a, Assessment, "an Assessment (the result of tm.assess)")
    if of is not None:
        _args.instance("of", of, str, "a municipality code such as '101'")
    if isinstance(peers, str) and peers in ("all", "region"):
        kind, listed = peers, []
    else:
        kind, listed = "list", _args.text_list("peers", peers)
    text = _rs.benchmark_json([a._inner for a in items], codes, of, kind, listed)
    return _frames(json.loads(text))


def _frames(data: Dict[str, Any]) -> BenchmarkFrames:
    rows = data["dimensions"]
    of = [r["of"] or {} for r in rows]
    dims = DIMENSIONS.from_columns({
        "dimension": [r["id"] for r in rows],
        "n": [r["n"] for r in rows],
        **{k: [r[k] for r in rows] for k in ("min", "p25", "median", "p75", "max")},
        "of_code": [o.get("code") for o in of],
        "of_score": [o.get("score") for o in of],
        "of_rank": [o.get("rank") for o in of],
        "of_percentile": [o.get("percentile") for o in of],
    }, attrs={"model": data["model"]})
    p = data["peers"]
    peer_frame = PEERS.from_columns({"kind": [p["kind"]], "n": [p["n"]], "region": [p.get("region")]})
    return BenchmarkFrames(dims, peer_frame, data)


def sample_survey(model: Union[None, str, Model] = None, respondents: int = 2000, seed: int = 0,
                  role_counts: Optional[Dict[str, int]] = None) -> Any:
    """A synthetic survey (as `transform-model sample`) as a wide DataFrame: `respondent`,
    `role` and one column per item (NaN = no answer); the same seed gives the same survey.
    `role_counts={"politician": 4, "frontline": 30}` fixes the head count of each role
    (roles not named get none; `respondents` is then not used), as `--role-counts`."""
    model = model_arg(model)
    counts = None if role_counts is None else {
        str(r): _args.count(f"role_counts[{r}]", n) for r, n in _args.mapping("role_counts", role_counts).items()}
    values, ids, roles, items = _rs.sample_survey(model._inner, _args.count("respondents", respondents),
                                                  _args.count("seed", seed), counts)
    pd = pandas()
    frame = pd.DataFrame(values, columns=items).astype("float64")
    frame[frame < 0] = float("nan")
    frame.insert(0, "role", roles)
    frame.insert(0, "respondent", ids)
    return frame


def municipalities() -> Any:
    """The 98 Danish municipalities as a DataFrame: `code`, `name`, `region`, ordered by code."""
    rows = _rs.municipalities()
    return pandas().DataFrame(rows, columns=["code", "name", "region"])
