"""transform_model — from *driftskommune* to transformative municipality.

Three capabilities on one Rust core:

- `assess` scores questionnaire responses on the maturity model (`default_model()`);
- `Portfolio.analyse` checks initiatives against citizen-value missions;
- `Catalog.match` distils active ingredients (virksomme ingredienser) from other
  municipalities' interventions for your problem.
"""
from ._assess import Assessment, assess, load
from ._benchmark import BenchmarkFrames, benchmark, municipalities, sample_survey
from ._catalog import Catalog, default_catalog, export_match
from ._errors import (
    AnonymityError,
    ArgumentTypeError,
    CatalogError,
    ModelError,
    OptionError,
    PortfolioError,
    ResponseError,
    TransformModelError,
)
from ._items import ItemAnalysis, item_analysis
from ._model import Model, bundled_ids, default_model
from ._plan import Plan, plan
from ._portfolio import Portfolio, PortfolioAnalysis
from ._questionnaire import pilot_guide, questionnaire
from ._rounds import RoundComparison
from ._samples import portfolio_template, sample_responses
from ._columns import IgnoredColumnsWarning
from ._schema import schema, schema_names
from ._subsets import SubsetWarning
from ._warnings import AssessmentWarning, DataLossWarning
from ._transform_model import __version__

__all__ = [
    "AnonymityError", "ArgumentTypeError", "Assessment", "AssessmentWarning", "DataLossWarning", "RoundComparison",
    "SubsetWarning",
    "load", "schema", "schema_names", "Catalog", "CatalogError", "ItemAnalysis", "Model", "ModelError", "OptionError", "Plan",
    "Portfolio", "PortfolioAnalysis", "PortfolioError", "ResponseError", "TransformModelError", "__version__",
    "BenchmarkFrames", "benchmark", "municipalities", "sample_survey",
    "assess", "bundled_ids", "default_catalog", "export_match", "default_model", "item_analysis", "pilot_guide", "plan", "questionnaire",
    "sample_responses", "portfolio_template", "IgnoredColumnsWarning",
]
