//! The national benchmark (DOMAIN.md §7): published assessments of many municipalities
//! combined into percentiles per dimension, and one municipality's place among its peers.
//!
//! Rules (docs/disclosure.md, "Benchmark"): every assessment names its municipality
//! (`assess --municipality CODE`), each municipality once; all are on the same model id and
//! version (a different version is refused — dimensions can change meaning between
//! versions, and a partial comparison would read as a full one); a peer group of fewer
//! than 3 municipalities is not reported, and a dimension scored by fewer than 3 peers has
//! no figures. Quartiles interpolate linearly between order statistics (R type 7, numpy's
//! default); rank 1 is the highest score; percentile = 100 × (peers scoring strictly
//! lower) / (peers − 1).

use serde::{Deserialize, Serialize};

use crate::maturity::{Assessment, ModelRef};
use crate::municipality;

/// Version of the benchmark JSON.
pub const BENCHMARK_SCHEMA_VERSION: u32 = 1;

/// The fewest municipalities a peer group (or a dimension's figures) may rest on.
pub const MIN_PEERS: usize = 3;

/// Errors of the benchmark; each names the assessment (by position, 1-based) or code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BenchmarkError {
    /// No assessments given.
    #[error("no assessments to benchmark")]
    Empty,
    /// An assessment without a municipality.
    #[error("assessment {index} names no municipality (assess it with the municipality option)")]
    NoMunicipality {
        /// 1-based position of the assessment.
        index: usize,
    },
    /// Two assessments of one municipality.
    #[error(
        "municipality {code} appears twice (assessments {first} and {second}); give one assessment per municipality"
    )]
    DuplicateMunicipality {
        /// The code.
        code: String,
        /// 1-based position of the first.
        first: usize,
        /// 1-based position of the second.
        second: usize,
    },
    /// Assessments on different models or model versions.
    #[error(
        "assessment {index} is on model {found}, the first on {expected}; benchmarks compare one model version only"
    )]
    ModelVersion {
        /// 1-based position of the assessment.
        index: usize,
        /// `id version` of the first assessment.
        expected: String,
        /// `id version` of this one.
        found: String,
    },
    /// A code that is not one of the 98 municipalities.
    #[error("`{code}` is not one of the 98 municipality codes")]
    UnknownCode {
        /// The code given.
        code: String,
    },
    /// `of` names a municipality with no assessment among those given.
    #[error("municipality {code} has no assessment among those given")]
    NotAssessed {
        /// The code.
        code: String,
    },
    /// `peers: region` without `of`.
    #[error("peers `region` needs a municipality (the `of` option) whose region to use")]
    RegionWithoutOf,
    /// Fewer peers than [`MIN_PEERS`].
    #[error(
        "the peer group has {n} municipalit(y/ies); at least {MIN_PEERS} are needed so no single municipality stands out"
    )]
    TooFewPeers {
        /// Peers found.
        n: usize,
    },
}

/// Which municipalities to compare with.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Peers {
    /// Every assessment given.
    #[default]
    All,
    /// Those in the same region as `of`.
    Region,
    /// These municipality codes (and `of`).
    List(Vec<String>),
}

/// Options of a benchmark.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct BenchmarkOptions {
    /// The municipality to place among its peers.
    pub of: Option<String>,
    /// The peer group.
    pub peers: Peers,
}

impl BenchmarkOptions {
    /// Options placing `of` (if any) among `peers`.
    pub fn new(of: Option<String>, peers: Peers) -> Self {
        BenchmarkOptions { of, peers }
    }
}

/// The peer group: how it was chosen and its size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PeerGroup {
    /// `all`, `region` or `list`.
    pub kind: String,
    /// Municipalities in the group.
    pub n: usize,
    /// Region name, for `region`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
}

/// One municipality's place on one dimension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Placement {
    /// Municipality code.
    pub code: String,
    /// Its score; null when its assessment has none on the dimension.
    pub score: Option<f64>,
    /// 1 = the highest score among the peers; null without a score.
    pub rank: Option<usize>,
    /// 100 × peers scoring strictly lower / (peers − 1); null without a score.
    pub percentile: Option<f64>,
}

/// The distribution of one dimension over the peers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct BenchmarkDimension {
    /// Dimension id.
    pub id: String,
    /// Peers with a score on the dimension.
    pub n: usize,
    /// Lowest score; null under 3 peers with a score (also the quartiles and max).
    pub min: Option<f64>,
    /// First quartile (R type 7).
    pub p25: Option<f64>,
    /// Median.
    pub median: Option<f64>,
    /// Third quartile.
    pub p75: Option<f64>,
    /// Highest score.
    pub max: Option<f64>,
    /// The place of `of`; null when no municipality was given.
    pub of: Option<Placement>,
}

/// A benchmark of published assessments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Benchmark {
    /// Version of this JSON.
    pub schema_version: u32,
    /// The model every assessment is on.
    pub model: ModelRef,
    /// The peer group.
    pub peers: PeerGroup,
    /// Per dimension, in the model's order.
    pub dimensions: Vec<BenchmarkDimension>,
}

impl Benchmark {
    /// Pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a benchmark serializes")
    }
}

/// Combines `assessments` (one per municipality) into the benchmark.
pub fn benchmark(assessments: &[Assessment], options: &BenchmarkOptions) -> Result<Benchmark, BenchmarkError> {
    let first = assessments.first().ok_or(BenchmarkError::Empty)?;
    let codes = check_inputs(assessments)?;
    let of = match &options.of {
        Some(code) => {
            let code = code.trim();
            municipality::all()
                .iter()
                .find(|m| m.code == code)
                .ok_or_else(|| BenchmarkError::UnknownCode { code: code.to_owned() })?;
            Some(
                codes
                    .iter()
                    .position(|c| c == code)
                    .ok_or_else(|| BenchmarkError::NotAssessed { code: code.to_owned() })?,
            )
        }
        None => None,
    };
    let (members, peers) = peer_group(&codes, of, &options.peers)?;
    if members.len() < MIN_PEERS {
        return Err(BenchmarkError::TooFewPeers { n: members.len() });
    }
    let dimensions = first
        .dimensions
        .iter()
        .enumerate()
        .map(|(d, dim)| {
            let score = |i: usize| assessments[i].dimensions.get(d).and_then(|x| x.score);
            let mut values: Vec<f64> = members.iter().filter_map(|&i| score(i)).collect();
            values.sort_by(f64::total_cmp);
            let enough = values.len() >= MIN_PEERS;
            let q = |p: f64| enough.then(|| quantile(&values, p));
            BenchmarkDimension {
                id: dim.id.clone(),
                n: values.len(),
                min: q(0.0),
                p25: q(0.25),
                median: q(0.5),
                p75: q(0.75),
                max: q(1.0),
                of: of.map(|i| place(&codes[i], score(i).filter(|_| enough), &values)),
            }
        })
        .collect();
    Ok(Benchmark { schema_version: BENCHMARK_SCHEMA_VERSION, model: first.model.clone(), peers, dimensions })
}

/// Each assessment's municipality code; refuses a missing or duplicate code and mixed models.
fn check_inputs(assessments: &[Assessment]) -> Result<Vec<String>, BenchmarkError> {
    let key = |m: &ModelRef| format!("`{}` {}", m.id, m.version);
    let expected = key(&assessments[0].model);
    let mut codes: Vec<String> = Vec::with_capacity(assessments.len());
    for (i, a) in assessments.iter().enumerate() {
        let m = a.municipality.as_ref().ok_or(BenchmarkError::NoMunicipality { index: i + 1 })?;
        if municipality::all().iter().all(|x| x.code != m.code) {
            return Err(BenchmarkError::UnknownCode { code: m.code.clone() });
        }
        if let Some(first) = codes.iter().position(|c| *c == m.code) {
            return Err(BenchmarkError::DuplicateMunicipality {
                code: m.code.clone(),
                first: first + 1,
                second: i + 1,
            });
        }
        if key(&a.model) != expected {
            return Err(BenchmarkError::ModelVersion { index: i + 1, expected, found: key(&a.model) });
        }
        codes.push(m.code.clone());
    }
    Ok(codes)
}

/// Indices of the peer municipalities, and the group's description.
fn peer_group(codes: &[String], of: Option<usize>, peers: &Peers) -> Result<(Vec<usize>, PeerGroup), BenchmarkError> {
    let region_of = |code: &str| municipality::all().iter().find(|m| m.code == code).map(|m| m.region_code.clone());
    Ok(match peers {
        Peers::All => ((0..codes.len()).collect(), PeerGroup { kind: "all".into(), n: codes.len(), region: None }),
        Peers::Region => {
            let of = of.ok_or(BenchmarkError::RegionWithoutOf)?;
            let region = region_of(&codes[of]);
            let members: Vec<usize> = (0..codes.len()).filter(|&i| region_of(&codes[i]) == region).collect();
            let name = municipality::all().iter().find(|m| m.code == codes[of]).map(|m| m.region_name.clone());
            let n = members.len();
            (members, PeerGroup { kind: "region".into(), n, region: name })
        }
        Peers::List(list) => {
            for code in list {
                if municipality::all().iter().all(|m| m.code != code.trim()) {
                    return Err(BenchmarkError::UnknownCode { code: code.clone() });
                }
            }
            let members: Vec<usize> =
                (0..codes.len()).filter(|&i| Some(i) == of || list.iter().any(|c| c.trim() == codes[i])).collect();
            let n = members.len();
            (members, PeerGroup { kind: "list".into(), n, region: None })
        }
    })
}

/// Linear interpolation between order statistics (R type 7) of sorted `values`.
fn quantile(values: &[f64], p: f64) -> f64 {
    let h = (values.len() - 1) as f64 * p;
    let (lo, hi) = (h.floor() as usize, h.ceil() as usize);
    values[lo] + (h - lo as f64) * (values[hi] - values[lo])
}

fn place(code: &str, score: Option<f64>, values: &[f64]) -> Placement {
    let Some(x) = score else { return Placement { code: code.to_owned(), score: None, rank: None, percentile: None } };
    let higher = values.iter().filter(|&&v| v > x).count();
    let lower = values.iter().filter(|&&v| v < x).count();
    Placement {
        code: code.to_owned(),
        score: Some(x),
        rank: Some(higher + 1),
        percentile: Some(100.0 * lower as f64 / (values.len() - 1) as f64),
    }
}

/// The benchmark as CSV: one row per dimension (`.` decimals, empty for null).
pub fn to_csv(b: &Benchmark) -> String {
    let f = |x: Option<f64>| x.map_or(String::new(), |v| format!("{v}"));
    let mut out = String::from("dimension,n,min,p25,median,p75,max,of_code,of_score,of_rank,of_percentile\n");
    for d in &b.dimensions {
        let (code, score, rank, pct) = match &d.of {
            Some(p) => (p.code.clone(), f(p.score), p.rank.map_or(String::new(), |r| r.to_string()), f(p.percentile)),
            None => Default::default(),
        };
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{code},{score},{rank},{pct}\n",
            d.id,
            d.n,
            f(d.min),
            f(d.p25),
            f(d.median),
            f(d.p75),
            f(d.max)
        ));
    }
    out
}

/// The benchmark as a text table; Danish with decimal comma, or English.
pub fn render_table(b: &Benchmark, lang: crate::Lang) -> String {
    let da = lang == crate::Lang::Da;
    let num = |x: Option<f64>| match x {
        Some(v) if da => format!("{v:.2}").replace('.', ","),
        Some(v) => format!("{v:.2}"),
        None => "–".to_owned(),
    };
    let kind = match (b.peers.kind.as_str(), da) {
        ("all", true) => "alle".to_owned(),
        ("region", true) => format!("samme region ({})", b.peers.region.clone().unwrap_or_default()),
        ("list", true) => "valgt liste".to_owned(),
        ("region", false) => format!("same region ({})", b.peers.region.clone().unwrap_or_default()),
        ("list", false) => "chosen list".to_owned(),
        _ => "all".to_owned(),
    };
    let mut out = if da {
        format!("Benchmark: {} kommuner ({kind}), model {} {}\n", b.peers.n, b.model.id, b.model.version)
    } else {
        format!("Benchmark: {} municipalities ({kind}), model {} {}\n", b.peers.n, b.model.id, b.model.version)
    };
    let head = if da {
        ["Dimension", "n", "min", "25 %", "median", "75 %", "maks", "score", "placering", "percentil"]
    } else {
        ["Dimension", "n", "min", "25 %", "median", "75 %", "max", "score", "rank", "percentile"]
    };
    out.push_str(&format!(
        "{:<14}{:>4}{:>8}{:>8}{:>8}{:>8}{:>8}{:>8}{:>11}{:>11}\n",
        head[0], head[1], head[2], head[3], head[4], head[5], head[6], head[7], head[8], head[9]
    ));
    for d in &b.dimensions {
        let (score, rank, pct) = match &d.of {
            Some(p) => (
                num(p.score),
                p.rank.map_or("–".to_owned(), |r| format!("{r}/{}", d.n)),
                p.percentile.map_or("–".to_owned(), |v| format!("{:.0}", v)),
            ),
            None => ("–".to_owned(), "–".to_owned(), "–".to_owned()),
        };
        out.push_str(&format!(
            "{:<14}{:>4}{:>8}{:>8}{:>8}{:>8}{:>8}{:>8}{:>11}{:>11}\n",
            d.id,
            d.n,
            num(d.min),
            num(d.p25),
            num(d.median),
            num(d.p75),
            num(d.max),
            score,
            rank,
            pct
        ));
    }
    out
}
