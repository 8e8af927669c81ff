"""Assessment: scoring survey responses on a maturity model."""
from __future__ import annotations

import html
import json
import os
import re
from typing import Any, Dict, List, Optional, Sequence, Union

import numpy as np

from . import _transform_model as _rs
from . import _args
from . import _columns
from . import _responses
from . import _rounds
from . import _subsets
from . import _warnings
from ._errors import ArgumentTypeError, OptionError, ResponseError
from ._frames import Column, Spec
from ._model import Model, default_model, model_arg
from . import _report


DIMENSIONS = Spec(
    "One row per dimension of the model, in model order.",
    Column("id", "str", "dimension id (D1, D2, …)"),
    Column("label", "str", "dimension name in `lang`"),
    Column("score", "float", "municipality score on the answer scale (NaN when not reported)"),
    Column("level", "Int64", "maturity level attained (floor of the score); <NA> when not reported"),
    Column("progress", "float", "score points above the attained level (score − level)"),
    Column("ci_low", "float", "lower end of the 95% interval: Welch–Satterthwaite over the group means "
           "(balanced) or Student t (pooled); NaN when dispersion may not be published (n < min_dispersion_n)"),
    Column("ci_high", "float", "upper end of the 95% interval (NaN without one)"),
    Column("se", "float", "standard error of the score, published exactly when the interval is (NaN without)"),
    Column("df", "float", "degrees of freedom behind the interval (NaN when infinite or without an interval)"),
    Column("borderline", "boolean", "the interval crosses a level boundary: the level is uncertain"),
    Column("p_level", "list", "P(level) for levels 1..5 from the bootstrap replicates (dict), None without"),
    Column("partial", "boolean", "a perspective (role asked the dimension) is missing from the score"),
    Column("missing_perspectives", "list", "role ids missing from the score"),
    Column("alpha", "float", "Cronbach's alpha, pairwise as psych::alpha (NaN when not computable or "
           "not publishable)"),
    Column("alpha_n", "Int64", "the smallest number of respondents answering both items of an item pair; "
           "alpha needs max(k, 3)"),
    Column("icc1", "float", "ICC(1) of the respondent scores across the reported role groups"),
    Column("icc2", "float", "ICC(2): reliability of the group means"),
    Column("n", "Int64", "respondents with a score on the dimension"),
    Column("n_effective", "float", "Kish's effective n under the weighting ((Σw)²/Σw²)"),
    Column("target", "float", "target score (NaN without a target)"),
    Column("gap", "float", "max(target − score, 0) in scale points"),
    Column("status", "str", "clearly_below / uncertain / at_or_above the target, given the interval"),
    Column("priority_score", "float", "score on the common perspectives, which the priorities compare (NaN without)"),
    Column("priority_gap", "float", "max(target − priority_score, 0): the gap that orders the recommendations"),
)
GROUPS = Spec(
    "Long form: one row per reported group × dimension (suppressed figures are NaN).",
    Column("role", "str", "role id of the group (small roles are merged into `other`)"),
    Column("group_n", "Int64", "respondents in the group"),
    Column("dimension", "str", "dimension id"),
    Column("score", "float", "group score (NaN when suppressed for anonymity or not asked)"),
    Column("n", "Int64", "group members with a score on the dimension"),
    Column("ci_low", "float", "lower end of the group's 95% Student t interval (NaN under min_dispersion_n)"),
    Column("ci_high", "float", "upper end of the group's 95% Student t interval"),
    Column("sd", "float", "standard deviation of the members' scores (NaN under min_dispersion_n)"),
    Column("rwg_uniform", "float", "within-group agreement r_wg(J) against the uniform null (1 = full agreement)"),
    Column("rwg_slight_skew", "float", "r_wg(J) against the slight-skew null (σ² = 1.34)"),
    Column("j", "Int64", "items behind r_wg(J)"),
    Column("single_item", "boolean", "the group's roles are asked one item of the dimension: no agreement figure"),
    Column("common_score", "float", "the group's mean on the dimension's common items, to compare groups on "
           "(NaN when suppressed or when score already rests on them)"),
    Column("alpha", "float", "the group's Cronbach's alpha on its own items (NaN unless groups are asked different items)"),
    Column("dont_know_rate", "float", "share of \"ved ikke\" among the items asked of the group (NaN under min_dispersion_n)"),
)
GAPS = Spec(
    "Perception gaps: one row per pair of groups × dimension (diff = a − b).",
    Column("a", "str", "first group"),
    Column("b", "str", "second group"),
    Column("dimension", "str", "dimension id"),
    Column("diff", "float", "score of a − score of b on the items both were asked"),
    Column("ci_low", "float", "lower end of the Welch interval of the difference"),
    Column("ci_high", "float", "upper end of the Welch interval of the difference"),
    Column("p", "float", "two-sided Welch p-value"),
    Column("p_adjusted", "float", "Holm-adjusted p over every gap of the assessment"),
    Column("significant", "boolean", "p_adjusted below 5 %"),
    Column("common_items", "list", "the items the difference is computed on"),
    Column("withheld", "str", "why the gap or its interval is not reported (None when it is)"),
)
UNITS = Spec(
    "The breakdown (`by=`): one row per published cell × dimension — each unit, and each unit × role "
    "group; figures disclosure control withheld are NaN / <NA> (docs/disclosure.md).",
    Column("department", "str", "value of the first breakdown column"),
    Column("unit", "str", "value of the second breakdown column (None for the department as a whole)"),
    Column("role", "str", "role group id (None for all roles of the unit)"),
    Column("cell_n", "Int64", "respondents in the cell (<NA> when withheld)"),
    Column("dimension", "str", "dimension id"),
    Column("score", "float", "mean of the cell's scored respondents (NaN when withheld)"),
    Column("n", "Int64", "scored respondents (<NA> when withheld)"),
    Column("ci_low", "float", "lower end of the Student t interval (NaN under min_dispersion_n or withheld)"),
    Column("ci_high", "float", "upper end of the interval"),
)
RECOMMENDATIONS = Spec(
    "Dimensions ordered by weighted gap to the target, with the levers to pull.",
    Column("priority", "Int64", "1 = act first"),
    Column("dimension", "str", "dimension id"),
    Column("label", "str", "dimension name in `lang`"),
    Column("gap", "float", "target − score"),
    Column("weighted_gap", "float", "gap × the dimension's weight"),
    Column("levers", "list", "lever ids of the dimension"),
    Column("lever_labels", "list", "lever names in `lang`"),
)


class Assessment:
    """The result of `assess`: scores, levels, intervals, reliability, gaps, recommendations.

    Save it with `to_json()` and reload it with `Assessment.from_json(text)` or
    `tm.load(path)`; `compare(baseline)` tests the change from an earlier round.
    """

    __slots__ = ("_inner", "_model", "_data", "_notes")

    def __init__(self, inner: "_rs._Assessment", model: Model,
                 notes: Sequence["_warnings.AssessmentWarning"] = ()) -> None:
        self._inner = inner
        self._model = model
        self._data: Dict[str, Any] = json.loads(inner.to_json())
        # Warnings raised by this package (item columns the caller skipped), not in the core's JSON.
        self._notes = list(notes)

    @classmethod
    def from_json(cls, text: str, model: Optional[Model] = None) -> "Assessment":
        """Reloads an assessment saved with `to_json()` (this contract version or version 1).

        `model` is the model it was computed on; by default the embedded `dtm` model, which
        must then be the assessment's model."""
        if not isinstance(text, str):
            raise ArgumentTypeError(f"text= must be the JSON text of an assessment, not {type(text).__name__}; "
                                    f"use tm.load(path) for a file", option="text", allowed="a JSON text")
        inner = _rs._Assessment.from_json(text)
        return cls(inner, _model_for(json.loads(inner.to_json())["model"], model))

    @property
    def warnings(self) -> List["_warnings.AssessmentWarning"]:
        """Every warning of the assessment: kind, dimension, value, count and the message in
        Danish and English (``w.text('en')``). Data-loss warnings (respondents excluded for
        anonymity, a skipped item column, a dimension without a score, alpha not computed)
        are also raised as `DataLossWarning` when `assess` runs."""
        return _warnings.from_data(self._data["warnings"]) + list(self._notes)

    def compare(self, baseline: Union["Assessment", str, "os.PathLike[str]"]) -> "_rounds.RoundComparison":
        """The change from an earlier round (an Assessment, or the path of its saved JSON) to
        this one: per dimension and per group × dimension, with a Welch interval (the rounds
        are independent samples, as for perception gaps) and significance after Holm's
        correction over all changes. Both rounds must use the same model and weighting; a
        version-1 baseline has no dispersion, so its changes come without interval or p."""
        if isinstance(baseline, (str, os.PathLike)):
            baseline = load(baseline, self._model)
        _args.instance("baseline", baseline, Assessment, "an Assessment or the path of a saved assessment JSON")
        try:
            return _rounds.compare(self, baseline)
        except ResponseError as e:
            raise OptionError(e.message, option="baseline") from None

    @property
    def overall_level(self) -> Optional[int]:
        """The overall level: the overall score's level, lowered to any dimension surely below it."""
        return self._inner.overall_level

    @property
    def overall_score(self) -> Optional[float]:
        """The unweighted mean of the dimension scores."""
        return self._inner.overall_score

    @property
    def model(self) -> Model:
        return self._model

    def to_dict(self) -> Dict[str, Any]:
        """The assessment as plain data (the CLI's `assess` JSON)."""
        return json.loads(self._inner.to_json())

    def to_json(self) -> str:
        """The same JSON as the CLI's `assess`."""
        return self._inner.to_json()

    def to_csv(self, path: Union[str, "os.PathLike[str]"], lang: str = "da") -> None:
        """Writes the long table of `assess --format csv` (one row per figure, docs/exports.md):
        `;` and decimal comma under `lang="da"`, `,` and decimal point under `"en"`."""
        _rs.export_assessment(self._inner, "csv", _args.lang(lang), os.fspath(path))

    def to_excel(self, path: Union[str, "os.PathLike[str]"], lang: str = "da") -> None:
        """Writes the workbook of `assess --format xlsx`: one sheet per section."""
        _rs.export_assessment(self._inner, "xlsx", _args.lang(lang), os.fspath(path))

    @DIMENSIONS.documents
    def dimensions(self, lang: str = "da") -> Any:
        lang = _args.lang(lang)
        ds = self._data["dimensions"]
        return DIMENSIONS.from_columns({
            "id": [d["id"] for d in ds], "label": [d["label"][lang] for d in ds],
            "score": [d["score"] for d in ds], "level": [d["level"] for d in ds],
            "progress": [d["progress"] for d in ds], "ci_low": [_lo(d["ci"]) for d in ds],
            "ci_high": [_hi(d["ci"]) for d in ds], "se": [d["se"] for d in ds], "df": [d["df"] for d in ds],
            "borderline": [d["borderline"] for d in ds],
            "p_level": [d["level_probabilities"] for d in ds], "partial": [d["partial"] for d in ds],
            "missing_perspectives": [d["missing_perspectives"] for d in ds], "alpha": [d["alpha"] for d in ds],
            "alpha_n": [d["alpha_n"] for d in ds], "icc1": [d["icc1"] for d in ds], "icc2": [d["icc2"] for d in ds],
            "n": [d["n"] for d in ds], "n_effective": [d["n_effective"] for d in ds],
            "target": [d["target"] for d in ds], "gap": [d["gap"] for d in ds], "status": [d["status"] for d in ds],
            "priority_score": [d["priority_score"] for d in ds], "priority_gap": [d["priority_gap"] for d in ds]})

    @GROUPS.documents
    def groups(self) -> Any:
        rows = [(g, d) for g in self._data["groups"] for d in g["dimensions"]]
        return GROUPS.from_columns({
            "role": [g["role"] for g, _ in rows], "group_n": [g["n"] for g, _ in rows],
            "dimension": [d["id"] for _, d in rows], "score": [d["score"] for _, d in rows],
            "n": [d["n"] for _, d in rows], "ci_low": [_lo(d["ci"]) for _, d in rows],
            "ci_high": [_hi(d["ci"]) for _, d in rows], "sd": [d["sd"] for _, d in rows],
            "rwg_uniform": [d["rwg_uniform"] for _, d in rows], "rwg_slight_skew": [d["rwg_slight_skew"] for _, d in rows],
            "j": [d["j"] for _, d in rows], "single_item": [d["single_item"] for _, d in rows],
            "common_score": [d["common_score"] for _, d in rows], "alpha": [d["alpha"] for _, d in rows],
            "dont_know_rate": [d["dont_know_rate"] for _, d in rows]})

    @GAPS.documents
    def gaps(self) -> Any:
        gs = self._data["gaps"]
        return GAPS.from_columns({
            "a": [g["a"] for g in gs], "b": [g["b"] for g in gs], "dimension": [g["dimension"] for g in gs],
            "diff": [g["diff"] for g in gs], "ci_low": [_lo(g["ci"]) for g in gs],
            "ci_high": [_hi(g["ci"]) for g in gs], "p": [g["p"] for g in gs], "p_adjusted": [g["p_adjusted"] for g in gs],
            "significant": [g["significant"] for g in gs], "common_items": [g["common_items"] for g in gs],
            "withheld": [(g.get("withheld") or {}).get("reason") for g in gs]})

    @UNITS.documents
    def units(self) -> Any:
        rows = [(u, d) for u in self._data.get("units", []) for d in u["dimensions"]]
        return UNITS.from_columns({
            "department": [u["department"] for u, _ in rows], "unit": [u["unit"] for u, _ in rows],
            "role": [u["role"] for u, _ in rows], "cell_n": [u["n"] for u, _ in rows],
            "dimension": [d["id"] for _, d in rows], "score": [d["score"] for _, d in rows],
            "n": [d["n"] for _, d in rows], "ci_low": [_lo(d["ci"]) for _, d in rows],
            "ci_high": [_hi(d["ci"]) for _, d in rows]})

    @property
    def by(self) -> List[str]:
        """The unit columns of the breakdown (`by=`); empty without one."""
        return list(self._data.get("by", []))

    @property
    def suppression(self) -> Dict[str, int]:
        """How many figures disclosure control withheld over everything this assessment
        publishes: `primary` (cells under k) and `secondary` (cells withheld so that no
        withheld cell or respondent can be derived by differencing)."""
        return dict(self._data["suppression"])

    @property
    def municipality(self) -> Optional[Dict[str, str]]:
        """The municipality assessed (`code`, `name`), when `municipality=` was given."""
        m = self._data.get("municipality")
        return dict(m) if m else None

    @RECOMMENDATIONS.documents
    def recommendations(self, lang: str = "da") -> Any:
        lang = _args.lang(lang)
        rs = self._data["recommendations"]
        return RECOMMENDATIONS.from_columns({
            "priority": [r["priority"] for r in rs], "dimension": [r["dimension"] for r in rs],
            "label": [r["label"][lang] for r in rs], "gap": [r["gap"] for r in rs],
            "weighted_gap": [r["weighted_gap"] for r in rs], "levers": [r["levers"] for r in rs],
            "lever_labels": [[_lever_text(x[lang], lang) for x in r["lever_labels"]] for r in rs]})

    def with_baseline(self, baseline: "Assessment") -> "Assessment":
        """This assessment with progress against an earlier round of the same model (the
        JSON's `baseline`, with the round comparison of `compare` under `baseline.rounds`)."""
        return Assessment(self._inner.with_baseline(baseline._inner), self._model, self._notes)

    def table(self, lang: str = "da") -> str:
        """The plain-text report the CLI prints."""
        return self._inner.render_table(self._model._inner, _args.lang(lang))

    def radar_svg(self, lang: str = "da") -> str:
        """The core's SVG radar of the dimension scores, their intervals and the target."""
        return _report.assessment_svg(self, "radar", lang)

    def chart_svg(self, kind: str = "bars", lang: str = "da") -> str:
        """A chart of the core as SVG: `bars` (the report's page 1), `radar`, `heatmap` or `gaps`."""
        return _report.assessment_svg(self, kind, lang)

    def to_html(self, portfolio: Any = None, catalog: Any = None, plan: Any = None, lang: str = "da",
                invited: Optional[Dict[str, int]] = None, **paper: Any) -> str:
        """The council's report as one self-contained HTML document, byte for byte the CLI's
        `report` for the same inputs. `portfolio` is a `Portfolio`, `catalog` a `Catalog`, `plan`
        a `Plan`, `invited` the people invited per role id (for the response rate). The council
        paper's own inputs are keywords: `municipality`, `committee`, `meeting_date`,
        `survey_period` and `status` (see `report_html` in `_report`)."""
        return _report.report_html(self, portfolio, catalog, plan, lang, invited, **paper)

    def save_report(self, path: Union[str, "os.PathLike[str]"], portfolio: Any = None, catalog: Any = None,
                    plan: Any = None, lang: str = "da", invited: Optional[Dict[str, int]] = None,
                    **paper: Any) -> None:
        """Writes `to_html(…)` to `path`, replaced whole (never left half-written)."""
        _report.save_report(self, path, portfolio=portfolio, catalog=catalog, plan=plan, lang=lang, invited=invited,
                            **paper)

    def _repr_html_(self) -> str:
        return self.notebook_html("da")

    def notebook_html(self, lang: str = "da") -> str:
        """A compact view for notebooks (`_repr_html_`): the headline, the table, the core's
        radar (REPORT.md keeps the radar for the appendix and Jupyter), the reservations and
        any change since a baseline."""
        lang = _args.lang(lang)
        t = (lambda da, en: da if lang == "da" else en)
        levels = {lv["level"]: lv["label"][lang] for lv in self._model._data["levels"]}
        o = self._data["overall"]
        head = (f"<h4>{t('Samlet niveau', 'Overall level')}: {o['level']} "
                f"{html.escape(levels.get(o['level'], ''))} — {t('gennemsnit', 'mean')} "
                f"{_fmt(o['score'], lang)}</h4>")
        rows = "".join(
            f"<tr><td>{d['id']}</td><td>{html.escape(d['label'][lang])}</td><td>{_fmt(d['score'], lang)}</td>"
            f"<td>{d['level'] or '–'}</td><td>{_ci(d['ci'], lang)}</td><td>{_fmt(d['alpha'], lang)}</td>"
            f"<td>{d['n']}</td></tr>"
            for d in self._data["dimensions"])
        table = (f"<table><thead><tr><th></th><th>{t('Dimension', 'Dimension')}</th><th>Score</th>"
                 f"<th>{t('Niveau', 'Level')}</th><th>{t('Usikkerhed', 'Interval')}</th><th>{t('alfa', 'alpha')}</th>"
                 f"<th>n</th></tr></thead><tbody>{rows}</tbody></table>")
        note = (f"<p>{t('Udeladt af hensyn til anonymitet', 'Left out for anonymity')}: "
                f"{self._data['excluded_for_anonymity']}</p>")
        warned = "".join(f'<li class="{html.escape(w.kind)}">{html.escape(w.text(lang))}</li>' for w in self.warnings)
        warned = f"<h4>{t('Forbehold', 'Warnings')}</h4><ul>{warned}</ul>" if warned else ""
        rounds = (self._data.get("baseline") or {}).get("rounds")
        change = _rounds.changes_html(rounds, lang) if rounds else ""
        return (f'<div class="transform-model-assessment">{head}<div style="display:flex;gap:1em;flex-wrap:wrap">'
                f'<div>{table}{note}</div><div style="min-width:320px;flex:1;padding:0 4em">{_radar(self, lang)}</div>'
                f"</div>{warned}{change}</div>")

    def __reduce__(self):
        return (_restore, (self.to_json(), self._model.to_json(), [tuple(w) for w in self._notes]))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Assessment) and self._data == other._data

    def __repr__(self) -> str:
        return (f"Assessment(level={self.overall_level}, score={_fmt(self.overall_score)}, "
                f"n={self._data['n_respondents']}, excluded={self._data['excluded_for_anonymity']})")


def _radar(a: Assessment, lang: str) -> str:
    """The radar for a notebook cell: long dimension names at the left spokes reach past the
    chart's viewBox, so the SVG draws outside it (into the cell's padding) instead of cutting
    them off."""
    return a.chart_svg("radar", lang).replace("<svg ", '<svg overflow="visible" style="overflow:visible" ', 1)


def _restore(assessment_json: str, model_json: str, notes: Sequence[Any] = ()) -> Assessment:
    return Assessment(_rs._Assessment.from_json(assessment_json), Model.from_json(model_json),
                      [_warnings.AssessmentWarning(*n) for n in notes])


def _model_for(ref: Dict[str, Any], model: Optional[Model]) -> Model:
    """The model an assessment was computed on: `model`, or the embedded one; its id must match."""
    model = default_model() if model is None else _args.instance("model", model, Model, "a transform_model.Model")
    if model.id != ref["id"]:
        raise OptionError(f"the assessment was computed on model {ref['id']!r}, not {model.id!r}: pass model= "
                          f"(tm.Model.from_file(path)) for the model it used", option="model",
                          allowed=[ref["id"]], value=model.id)
    return model


def load(path: Union[str, "os.PathLike[str]"], model: Optional[Model] = None) -> Assessment:
    """Reloads an assessment saved as JSON (`Path(p).write_text(a.to_json())`, or the CLI's
    `assess --format json`); see `Assessment.from_json`."""
    if not isinstance(path, (str, os.PathLike)):
        raise ArgumentTypeError(f"path= must be a path, not {type(path).__name__}", option="path",
                                allowed="a path (str or os.PathLike)", value=path)
    with open(path, encoding="utf-8") as f:
        return Assessment.from_json(f.read(), model)


def _skipped_items(model: Model, responses: Any, items: Optional[List[str]], ignore: List[str]) -> List[str]:
    """Item columns of the model the caller left out: named in `ignore_columns=`, or (for a
    wide frame) present but not chosen by `items=`."""
    known = [i["id"] for i in model.items]
    if hasattr(responses, "columns") and hasattr(responses, "index"):
        columns = [str(c) for c in responses.columns]
        if "item" in columns and "value" in columns and items is None:
            return []
        chosen = set(items) if items is not None else None
        return [c for c in columns if c in known and (c in ignore or (chosen is not None and c not in chosen))]
    return [c for c in known if c in ignore]


def _fmt(x: Optional[float], lang: str = "en") -> str:
    """Two decimals; a decimal comma in Danish."""
    if x is None:
        return "–"
    text = f"{x:.2f}"
    return text.replace(".", ",") if lang == "da" else text


def _lever_text(label: str, lang: str) -> str:
    """A lever's name in Danish without the article's number ("Greb 6: Gør …" → "Gør …"), as
    the report and the tables write it (the number is the `levers` column's id)."""
    if lang == "da":
        head, sep, rest = label.partition(": ")
        if sep and re.fullmatch(r"(Greb|Start) \d+", head):
            return rest
    return label


def _lo(ci: Optional[Sequence[float]]) -> Optional[float]:
    return ci[0] if ci else None


def _hi(ci: Optional[Sequence[float]]) -> Optional[float]:
    return ci[1] if ci else None


def _ci(ci: Optional[Sequence[float]], lang: str = "en") -> str:
    if not ci:
        return ""
    sep = "; " if lang == "da" else ", "
    return f"[{_fmt(ci[0], lang)}{sep}{_fmt(ci[1], lang)}]"


def assess(
    responses: Any,
    model: Union[None, str, Model] = None,
    *,
    roles: Optional[Sequence[str]] = None,
    items: Optional[Sequence[str]] = None,
    respondents: Optional[Sequence[str]] = None,
    missing: int = -1,
    weighting: str = "balanced",
    min_group_size: int = 5,
    allow_small_groups: bool = False,
    min_dispersion_n: int = 10,
    min_common_items: int = 2,
    bootstrap: int = 1000,
    seed: int = 0,
    target: Optional[int] = None,
    baseline: Optional[Assessment] = None,
    ignore_columns: Union[str, Sequence[str]] = (),
    threads: Optional[int] = None,
    encoding: Optional[str] = None,
    decimal: Optional[str] = None,
    sheet: Optional[str] = None,
    by: Union[None, str, Sequence[str]] = None,
    units: Optional[Dict[str, Sequence[str]]] = None,
    filters: Optional[Dict[str, Sequence[str]]] = None,
    municipality: Optional[str] = None,
    confidence: Optional[float] = None,
    audit_against: Union[None, Assessment, str, "os.PathLike[str]", Sequence[Any]] = None,
    respondent_column: Optional[str] = None,
    role_column: Optional[str] = None,
    department_column: Optional[str] = None,
    columns: Union[None, Dict[str, Any], str, "os.PathLike[str]"] = None,
    role_values: Optional[Dict[str, str]] = None,
    ignore_unknown_columns: bool = False,
    baseline_responses: Any = None,
) -> Assessment:
    """Scores survey responses on `model`: a Model, a bundled model id (`"dtm"`, `"dtm@2026.1"`,
    `"ci"`) or a model file path (default: `dtm`, its newest version).

    `responses` is one of:

    - a pandas DataFrame in the wide survey layout: `role` and one column per item, with the
      respondent ids in a `respondent` column or in the index (`df.set_index('respondent')`).
      Columns that are neither items nor `respondent`/`role` are refused with their list:
      skip them with `ignore_columns=` or name the item columns with `items=`. Cells may be
      numbers, NaN/None, or text (`"4"`, `"4,0"` with a decimal comma, `"ved ikke"`);
    - a long DataFrame with columns `role`, `item`, `value` (and `respondent` or the index):
      one row per answer;
    - a path to a CSV (wide) or JSON (long) file. CSV is read as UTF-8; a file saved by Danish
      Excel is usually Windows-1252: pass `encoding="cp1252"`. `decimal=","` reads "2,0" as 2;
    - a path to an `.xlsx` workbook: its first sheet, or `sheet="name"`; a wide sheet or an
      XLSForm-style export (KoboToolbox, ODK: metadata columns skipped, "dk" = don't know);
    - a numpy integer matrix (respondents × items) with `roles=` and `items=` (and optionally
      `respondents=`); `missing` marks an unanswered cell. A C-contiguous int64 matrix is
      read in place, without a copy.

    A single string given for a list argument (`ignore_columns="timestamp"`, `roles=`,
    `items=`) is one element. Bad arguments raise `OptionError` naming the argument and what it
    accepts; bad data raises `ResponseError`, naming the DataFrame's index label for frames.

    What the options mean:

    - `weighting="balanced"` (default) gives every reported perspective (role group) the
      same weight in a dimension's score, whatever its size: 30 frontline staff and 6 top
      managers count half and half. `"pooled"` counts every respondent once, so the largest
      group dominates. The two can put a dimension on different levels (a level is the
      floor of the score) whenever the groups disagree; the interval is Welch–Satterthwaite
      over the group means (balanced) or Student t over all respondents (pooled). Rounds are
      only compared under the same weighting.
    - `min_group_size` (k, default 5) is the anonymity floor: no figure rests on fewer than
      k respondents. Roles with fewer than k respondents are merged into one group `other`
      ("Øvrige"); if `other` is still below k, its respondents are left out of every figure
      (a `DataLossWarning` says how many). k below 5 needs `allow_small_groups=True` (the
      result warns); k below 3 is always refused.
    - `min_dispersion_n` (default 10): dispersion figures (intervals, SD, r_wg, alpha, the
      level probabilities) are published only for cells of at least this many respondents,
      as a small group's spread could identify its members. Below it the score is shown
      without interval.
    - `alpha_n` (in `dimensions()`) is the smallest number of respondents who answered both
      items of any item pair of the dimension; Cronbach's alpha is computed pairwise (as R's
      psych::alpha) and reported only when `alpha_n` is at least max(k, 3) and dispersion
      may be published; otherwise alpha is NaN and a `DataLossWarning` says why.
    - `min_common_items` (default 2): a perception gap between two groups is computed on the
      items both were asked, and only when they share at least this many.
    - `by="department"` (or `["department", "unit"]`, or any other column) breaks the results
      down by unit, as the CLI's `assess --by`: `Assessment.units()` holds the cells, and one
      joint disclosure audit over everything the call publishes (role groups, units, unit ×
      role) withholds any cell that could be derived by differencing (`suppression`). A
      DataFrame's `department`/`unit` columns (and those named in `by=`) are unit columns, not
      items; for a numpy matrix give them as `units={"department": [...]}`, one per row.
      Filter answers (dtm 2027.1's `F_missions`, …: ja / nej / ved ikke) are a frame's or a
      file's own columns; for a numpy matrix give them as `filters={"F_missions": [...]}`.
      An item behind a filter not answered "ja" is not asked: neither answered nor missing.
      **Do not assess subsets of one survey in a loop** (one call per department): separate
      calls are audited separately, and the whole municipality minus the departments gives
      people away. Use `by=`; a `SubsetWarning` is raised when a call's respondents overlap an
      earlier call's without being the same.
    - `municipality="851"`: the 3-digit code (one of the 98), recorded for `tm.benchmark`.
    - `confidence` (default 0.95): coverage of the intervals; 1 − confidence is the
      significance level of the perception gaps.
    - `audit_against`: earlier published assessments of the same survey (Assessments or
      paths of their JSON): a cell whose n differs from theirs by 1 to k − 1 is withheld.
      `baseline=` is audited against too.
    - The column map of a survey tool's export (the CLI's options of the same names), for a
      file or a DataFrame: `respondent_column="Respondent-ID"`, `role_column="Hvad er din
      rolle?"`, `department_column="Afdeling"`, `role_values={"Leder": "top_manager"}`
      (role ids and the model's own role labels need none), `columns=` a dict with the keys
      respondent, role, department, ignore, role_values or the path of the CLI's map file
      (.toml or .csv; the arguments win over it), and `ignore_unknown_columns=True` to skip
      every column that is not an item (listed in an `IgnoredColumnsWarning`). A mapped
      column the data lacks, or a role value with no mapping, is a `ResponseError` naming it.
    - `responses="sample"` is the bundled sample survey (when no file of that name exists).
    - `baseline_responses`: with `baseline=` made on an earlier version of the model, that
      round's responses (a path, or a DataFrame in the canonical layout): both rounds are
      scored again on the items the two versions carry over unchanged, and the change is
      reported on those (`carried_over`, `item_changes` in the comparison), as the CLI's
      `--baseline-responses`. Their model is the bundled version the baseline names.

    Warnings: every warning is in `Assessment.warnings`; those that mean lost data
    (respondents excluded, an item column skipped, no score, alpha not computed) are also
    raised as `transform_model.DataLossWarning`.

    The GIL is released while scoring; the same seed gives the same intervals on any
    thread count, and a DataFrame gives the same figures as the numpy matrix of the same
    answers and respondent ids.
    """
    model = model_arg(model)
    if baseline is not None:
        _args.instance("baseline", baseline, Assessment, "an Assessment (the result of an earlier tm.assess)")
    opts = (_args.choice("weighting", weighting, _args.WEIGHTINGS), _args.count("min_group_size", min_group_size),
            _args.flag("allow_small_groups", allow_small_groups), _args.count("min_dispersion_n", min_dispersion_n),
            _args.count("min_common_items", min_common_items), _args.count("bootstrap", bootstrap), _args.count("seed", seed), _args.optional_int("target", target),
            _args.optional_count("threads", threads))
    ignore = _args.text_list("ignore_columns", ignore_columns)
    read = _columns.read_options(respondent_column, role_column, department_column, columns, role_values,
                                 ignore_unknown_columns, ignore)
    earlier = _earlier(audit_against, model) + ([baseline] if baseline is not None else [])
    kw: Dict[str, Any] = {"by": _args.text_list("by", by), "municipality": _municipality(municipality),
                          "confidence": _confidence(confidence), "audit_against": [a._inner for a in earlier]}
    kw.update(_previous(baseline, baseline_responses))
    if filters is not None and not isinstance(responses, np.ndarray):
        raise OptionError("filters= applies to a numpy matrix; a DataFrame's or a file's filter columns are its own "
                          "columns", option="filters", value=type(responses).__name__)
    if units is not None and not isinstance(responses, np.ndarray):
        raise OptionError("units= applies to a numpy matrix; a DataFrame's unit columns are its own columns and "
                          "a file's are read from it", option="units", value=type(responses).__name__)
    skipped = [] if isinstance(responses, np.ndarray) else _skipped_items(
        model, responses, _args.optional_text_list("items", items), ignore)
    ignored: List[str] = []
    if isinstance(responses, np.ndarray):
        _columns.no_matrix(read)
        kw["units"] = _units(units, len(responses) if responses.ndim else 0)
        kw["filters"] = _units(filters, len(responses) if responses.ndim else 0, "filters")
        inner = _responses.from_matrix(model, responses, roles, items, respondents, missing, opts, kw=kw)
    elif isinstance(responses, (str, os.PathLike)):
        if sheet is not None:
            _args.instance("sheet", sheet, str, "a sheet name")
        inner = _responses.from_path(model, responses, ignore, encoding, decimal, opts, sheet=sheet, kw=kw,
                                     read=read)
        ignored = read.ignored() if read is not None else []
    elif hasattr(responses, "columns") and hasattr(responses, "index"):
        if read is not None:
            responses, ignored = _columns.apply(model, responses, read, kw["by"])
        inner = _responses.from_frame(model, responses, _args.optional_text_list("items", items), ignore, opts, kw=kw)
    else:
        raise _args.ArgumentTypeError(
            f"responses= must be a pandas DataFrame, a path, or a numpy integer matrix, not "
            f"{type(responses).__name__}", option="responses", allowed="DataFrame, path or numpy matrix")
    _columns.warn_ignored(ignored)
    note = _warnings.ignored_items(skipped)
    result = Assessment(inner, model, [note] if note else [])
    _warnings.emit(result.warnings)
    fingerprint = _subsets.respondent_ids(responses, respondents, roles, [i["id"] for i in model.items])
    _subsets.seen(model.id, fingerprint, audited=bool(earlier))
    return result


def _previous(baseline: Optional[Assessment], responses: Any) -> Dict[str, Any]:
    """The previous round for the core: `baseline=` and `baseline_responses=` (a file, or a
    DataFrame as CSV text for the core's reader)."""
    if baseline is None:
        if responses is not None:
            raise OptionError("baseline_responses= needs baseline= (the previous round's published assessment)",
                              option="baseline_responses", value=type(responses).__name__)
        return {}
    if responses is None:
        return {"baseline": baseline._inner}
    if isinstance(responses, (str, os.PathLike)):
        source = (os.fspath(responses), True)
    elif hasattr(responses, "columns") and hasattr(responses, "index"):
        frame = responses if "respondent" in responses.columns else responses.rename_axis("respondent").reset_index()
        source = (frame.to_csv(index=False), False)
    else:
        raise ArgumentTypeError(f"baseline_responses= must be a path or a DataFrame, not {type(responses).__name__}",
                                option="baseline_responses", allowed="a path or a DataFrame", value=responses)
    return {"baseline": baseline._inner, "baseline_responses": source}


def _earlier(value: Any, model: Model) -> List[Assessment]:
    """`audit_against=`: one or more Assessments or paths of saved assessment JSON."""
    if value is None:
        return []
    many = value if isinstance(value, (list, tuple)) else [value]
    out = []
    for a in many:
        if isinstance(a, (str, os.PathLike)):
            a = load(a, model)
        out.append(_args.instance("audit_against", a, Assessment,
                                  "Assessments or paths of saved assessment JSON (earlier releases)"))
    return out


def _municipality(value: Any) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ArgumentTypeError(f"municipality= must be a 3-digit municipality code, not {type(value).__name__} "
                                f"{value!r}", option="municipality", allowed="a 3-digit code such as '851'",
                                value=value)
    return f"{value:03d}" if isinstance(value, int) else value


def _confidence(value: Any) -> Optional[float]:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ArgumentTypeError(f"confidence= must be a number between 0 and 1, not {type(value).__name__} "
                                f"{value!r}", option="confidence", allowed="a number in (0, 1)", value=value)
    return float(value)


def _units(value: Any, rows: int, name: str = "units") -> List[Any]:
    """`units=` (or `filters=`) for a numpy matrix: {column: one value per row}."""
    if value is None:
        return []
    if not isinstance(value, dict):
        raise ArgumentTypeError(f"{name}= must be a dict of column → one value per row, not "
                                f"{type(value).__name__}", option=name, allowed="a dict", value=value)
    out = []
    for column, values in value.items():
        texts = _responses._texts(values)
        if len(texts) != rows:
            raise OptionError(f"{name}[{column!r}] has {len(texts)} values for {rows} rows of responses=",
                              option=name, allowed=f"{rows} values", value=len(texts))
        out.append((str(column), texts))
    return out
