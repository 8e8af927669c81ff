"""transform_model — from *driftskommune* to transformative municipality.

Three capabilities on one Rust core:

- `assess` scores questionnaire responses on the maturity model (`default_model()`);
- `Portfolio.analyse` checks initiatives against citizen-value missions;
- `Catalog.match` distils active ingredients (virksomme ingredienser) from other
  municipalities' interventions for your problem.
"""
from ._assess import Assessment, assess
from ._catalog import Catalog, default_catalog
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
from ._model import Model, default_model
from ._plan import Plan, plan
from ._portfolio import Portfolio, PortfolioAnalysis
from ._transform_model import __version__

__all__ = [
    "AnonymityError", "ArgumentTypeError", "Assessment", "Catalog", "CatalogError", "Model", "ModelError", "OptionError",
    "Plan", "Portfolio", "PortfolioAnalysis", "PortfolioError", "ResponseError", "TransformModelError", "__version__",
    "assess", "default_catalog", "default_model", "plan",
]
