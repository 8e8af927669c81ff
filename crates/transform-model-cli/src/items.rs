//! `transform-model items`: item analysis for piloting a questionnaire. The JSON is the
//! library's `ItemAnalysis`; the table and the CSV are views of the same value.

use std::fmt::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use transform_model::Lang;
use transform_model::maturity::{
    DimensionFlag, DimensionReliability, ItemAnalysis, ItemFlag, ItemOptions, ItemStats, item_analysis,
};

#[derive(Clone, Copy, ValueEnum)]
pub enum ItemsFormat {
    Json,
    Table,
    Csv,
}

#[derive(Args)]
pub struct ItemsArgs {
    /// Responses: wide CSV, .xlsx or long JSON (`sample`: the bundled survey).
    responses: PathBuf,
    /// A bundled model id (dtm, ci, dtm@2026.1) or a model file.
    #[arg(long)]
    model: Option<String>,
    /// Minimum respondents behind any figure (k); below 5 needs --allow-small-groups, below 3 is refused.
    #[arg(long, default_value_t = 5)]
    min_group_size: usize,
    /// Allow 3 ≤ k < 5 (a small pilot).
    #[arg(long)]
    allow_small_groups: bool,
    /// Also analyse each role group of at least k respondents on its own.
    #[arg(long)]
    by_role: bool,
    /// Minimum respondents behind an SD, item-rest r, alpha and omega.
    #[arg(long, default_value_t = 10)]
    min_dispersion_n: usize,
    /// An earlier published item analysis (JSON) of the same survey: items whose n differs
    /// from it by 1 to k − 1 are withheld (repeatable).
    #[arg(long = "audit-against")]
    audit_against: Vec<PathBuf>,
    #[command(flatten)]
    read: crate::response_args::ResponseArgs,
    #[arg(long, value_enum, default_value = "json")]
    format: ItemsFormat,
    /// Language of the table's headings and flags.
    #[arg(long, default_value = "da")]
    lang: Lang,
}

pub fn run(a: ItemsArgs) -> Result<String, String> {
    let model = crate::load_model(a.model.as_ref(), None)?;
    let data = a.read.read(&model, &a.responses, &[], a.lang)?;
    let options = {
        let mut o = ItemOptions::default();
        o.min_group_size = a.min_group_size;
        o.allow_small_groups = a.allow_small_groups;
        o.by_role = a.by_role;
        o.min_dispersion_n = a.min_dispersion_n;
        o.audit_against = a
            .audit_against
            .iter()
            .map(|path| {
                let text = transform_model::limits::read_text(path)
                    .map_err(|e| format!("cannot read --audit-against `{}`: {e}", path.display()))?;
                serde_json::from_str(&text)
                    .map_err(|e| format!("--audit-against `{}`: not an item analysis JSON: {e}", path.display()))
            })
            .collect::<Result<_, String>>()?;
        o
    };
    let result = item_analysis(&model, &data, &options).map_err(|e| format!("{e}{}", crate::option_hint(&e)))?;
    Ok(match a.format {
        ItemsFormat::Json => result.to_json(),
        ItemsFormat::Table => table(&result, a.lang),
        ItemsFormat::Csv => csv(&result),
    })
}

fn num(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_owned(), |v| format!("{v:.2}"))
}

fn item_flag(f: ItemFlag, lang: Lang) -> &'static str {
    match f {
        ItemFlag::LowItemRestR => lang.pick("lav item-rest r (< 0,3)", "low item-rest r (< 0.3)"),
        ItemFlag::AlphaRisesIfDeleted => lang.pick("alpha stiger uden", "alpha rises if deleted"),
        ItemFlag::ManyDontKnow => lang.pick("≥ 20 % ved ikke", "≥ 20 % don't know"),
        ItemFlag::TooFewAnswers => lang.pick("for få svar (anonymitet)", "too few answers (anonymity)"),
        ItemFlag::Suppressed => lang.pick("tilbageholdt (anonymitet)", "withheld (anonymity)"),
        ItemFlag::Ceiling => lang.pick("loft: ≥ 80 % i de to højeste", "ceiling: ≥ 80 % in the top two"),
        ItemFlag::Floor => lang.pick("gulv: ≥ 80 % i de to laveste", "floor: ≥ 80 % in the bottom two"),
        // A flag added to the library later than this table.
        _ => lang.pick("anden markering", "other flag"),
    }
}

fn dimension_flag(f: DimensionFlag, lang: Lang) -> &'static str {
    match f {
        DimensionFlag::LowAlpha => lang.pick("lav alpha (< 0,7)", "low alpha (< 0.7)"),
        DimensionFlag::TooFewAnswers => lang.pick("for få fælles svar", "too few common answers"),
        DimensionFlag::Heywood => lang.pick("Heywood-tilfælde (omega usikker)", "Heywood case (omega uncertain)"),
        // A flag added to the library later than this table.
        _ => lang.pick("anden markering", "other flag"),
    }
}

fn table(a: &ItemAnalysis, lang: Lang) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} {} {} · {}: {} ({}: {}) · k = {}",
        lang.pick("Itemanalyse", "Item analysis"),
        a.model.id,
        a.model.version,
        lang.pick("respondenter", "respondents"),
        a.n_respondents,
        lang.pick("udeladt af hensyn til anonymitet", "left out for anonymity"),
        a.excluded_for_anonymity,
        a.min_group_size,
    );
    section(&mut s, lang.pick("Alle", "All"), &a.items, &a.dimensions, lang);
    for r in a.by_role.iter().flatten() {
        section(
            &mut s,
            &format!("{} {} (n = {})", lang.pick("Rolle", "Role"), r.role, r.n),
            &r.items,
            &r.dimensions,
            lang,
        );
    }
    let _ = writeln!(s, "\nomega: {}", a.omega_estimator);
    s
}

fn section(s: &mut String, title: &str, items: &[ItemStats], dims: &[DimensionReliability], lang: Lang) {
    let _ = writeln!(s, "\n== {title} ==");
    let _ = writeln!(
        s,
        "{:<12} {:<6} {:>5} {:>5} {:>5} {:>5} {:>7} {:>9} {:>9}  flags",
        "item",
        "dim",
        "asked",
        "n",
        lang.pick("snit", "mean"),
        "sd",
        lang.pick("ved ikke", "dk"),
        "item-rest",
        lang.pick("α uden", "α w/o"),
    );
    for i in items {
        let flags: Vec<&str> = i.flags.iter().map(|&f| item_flag(f, lang)).collect();
        let _ = writeln!(
            s,
            "{:<12} {:<6} {:>5} {:>5} {:>5} {:>5} {:>7} {:>9} {:>9}  {}",
            format!("{}{}", i.item, if i.reverse { " (R)" } else { "" }),
            i.dimension,
            i.n_asked,
            i.n.map_or("–".to_owned(), |n| n.to_string()),
            num(i.mean),
            num(i.sd),
            i.dont_know_share.map_or("–".to_owned(), |x| format!("{:.0} %", x * 100.0)),
            num(i.item_rest_r),
            num(i.alpha_if_deleted),
            flags.join("; ")
        );
    }
    let _ = writeln!(s);
    let _ =
        writeln!(s, "{:<8} {:>5} {:>5} {:>6} {:>6} {:>6} {:>6}  flags", "dim", "items", "n", "α", "α std", "r̄", "ω_t");
    for d in dims {
        let flags: Vec<&str> = d.flags.iter().map(|&f| dimension_flag(f, lang)).collect();
        let _ = writeln!(
            s,
            "{:<8} {:>5} {:>5} {:>6} {:>6} {:>6} {:>6}  {}",
            d.dimension,
            d.n_items,
            d.n,
            num(d.alpha),
            num(d.alpha_std),
            num(d.average_r),
            num(d.omega_total),
            flags.join("; ")
        );
    }
}

/// One tidy table: a row per item and per dimension (`level`), per role group when asked
/// (`role` empty for everyone); figures in full precision, flags joined by `;`.
fn csv(a: &ItemAnalysis) -> String {
    let mut s = String::from(
        "level,role,dimension,item,reverse,n_asked,n,mean,sd,dont_know_share,item_rest_r,alpha_if_deleted,alpha,alpha_std,average_r,omega_total,flags\n",
    );
    let mut sections = vec![("", &a.items, &a.dimensions)];
    for r in a.by_role.iter().flatten() {
        sections.push((r.role.as_str(), &r.items, &r.dimensions));
    }
    let f = |x: Option<f64>| x.map_or_else(String::new, |v| v.to_string());
    for (role, items, dims) in sections {
        for i in items {
            let flags: Vec<String> = i.flags.iter().map(|fl| fl.as_str().to_owned()).collect();
            let _ = writeln!(
                s,
                "item,{},{},{},{},{},{},{},{},{},{},{},,,,,{}",
                field(role),
                field(&i.dimension),
                field(&i.item),
                i.reverse,
                i.n_asked,
                i.n.map_or_else(String::new, |n| n.to_string()),
                f(i.mean),
                f(i.sd),
                f(i.dont_know_share),
                f(i.item_rest_r),
                f(i.alpha_if_deleted),
                flags.join(";")
            );
        }
        for d in dims {
            let flags: Vec<String> = d.flags.iter().map(|fl| fl.as_str().to_owned()).collect();
            let _ = writeln!(
                s,
                "dimension,{},{},,,,{},,,,,,{},{},{},{},{}",
                field(role),
                field(&d.dimension),
                d.n,
                f(d.alpha),
                f(d.alpha_std),
                f(d.average_r),
                f(d.omega_total),
                flags.join(";")
            );
        }
    }
    s
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
fn field(x: &str) -> String {
    if x.contains([',', '"', '\n', '\r']) { format!("\"{}\"", x.replace('"', "\"\"")) } else { x.to_owned() }
}
