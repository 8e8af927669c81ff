//! The flat parts of a catalog as CSV, for spreadsheets: one file of ingredients and one of
//! interventions. Lists are `;`-separated; an intervention's ingredients are `id:weight;…`.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use super::CatalogError;
use super::catalog::{Catalog, CatalogDef, Evidence, Ingredient, IngredientUse, Intervention, MunicipalityRef};
use crate::localized::Localized;

#[derive(Deserialize, schemars::JsonSchema)]
struct IngredientRow {
    id: String,
    name_da: String,
    name_en: String,
    #[serde(default)]
    description_da: String,
    #[serde(default)]
    description_en: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    tags: String,
}

#[derive(Deserialize, schemars::JsonSchema)]
struct InterventionRow {
    id: String,
    title: String,
    description: String,
    municipality_code: String,
    #[serde(default)]
    municipality_name: String,
    year: Option<i64>,
    #[serde(default)]
    area: String,
    #[serde(default)]
    target_groups: String,
    #[serde(default)]
    problems: String,
    #[serde(default)]
    urbanity: String,
    #[serde(default)]
    population_band: String,
    ingredients: String,
    evidence_level: i64,
    #[serde(default)]
    evidence_label: String,
    outcome: String,
    transfer: String,
}

/// An enum column, parsed so that its error names the column.
fn variant<T: for<'de> Deserialize<'de>>(row: usize, column: &str, value: &str) -> Result<T, CatalogError> {
    serde_json::from_value(Value::from(value.trim()))
        .map_err(|e| invalid("interventions.csv", row, column, e.to_string()))
}

fn list(s: &str) -> Vec<String> {
    s.split(';').map(str::trim).filter(|x| !x.is_empty()).map(str::to_owned).collect()
}

fn rows<T: for<'de> Deserialize<'de>>(file: &str, text: &str) -> Result<Vec<T>, CatalogError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Always `,`: `;` separates the items of a list inside a field.
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| invalid(file, 1, "", e.to_string()))?.clone();
    reader
        .deserialize::<T>()
        .map(|r| {
            r.map_err(|e| {
                let row = e.position().map_or(0, |p| p.line() as usize);
                let column = match e.kind() {
                    csv::ErrorKind::Deserialize { err, .. } => {
                        err.field().and_then(|f| headers.get(f as usize)).unwrap_or("").to_owned()
                    }
                    _ => String::new(),
                };
                invalid(file, row, &column, e.to_string())
            })
        })
        .collect()
}

fn invalid(file: &str, row: usize, column: &str, message: String) -> CatalogError {
    let path =
        if column.is_empty() { format!("{file} row {row}") } else { format!("{file} row {row}, column `{column}`") };
    CatalogError::Invalid { path, message }
}

impl Catalog {
    /// Reads a catalog from two CSV texts (`ingredients.csv`, `interventions.csv`) and
    /// validates it like a JSON catalog. Errors name the file, row and column.
    ///
    /// Columns: `id,name_da,name_en,description_da,description_en,category,tags` and
    /// `id,title,description,municipality_code,municipality_name,year,area,target_groups,problems,
    /// urbanity,population_band,ingredients,evidence_level,evidence_label,outcome,transfer`.
    pub fn from_csv(ingredients_csv: &str, interventions_csv: &str) -> Result<Catalog, CatalogError> {
        let ingredients = rows::<IngredientRow>("ingredients.csv", ingredients_csv)?
            .into_iter()
            .map(|r| Ingredient {
                id: r.id,
                name: Localized::da_en(&r.name_da, &r.name_en),
                description: Localized::da_en(&r.description_da, &r.description_en),
                category: r.category,
                tags: list(&r.tags),
            })
            .collect();
        let mut interventions = Vec::new();
        for (i, r) in rows::<InterventionRow>("interventions.csv", interventions_csv)?.into_iter().enumerate() {
            let uses = list(&r.ingredients)
                .into_iter()
                .map(|u| {
                    let (id, weight) = u.split_once(':').unwrap_or((u.as_str(), "1"));
                    let weight = weight.trim().parse::<f64>().map_err(|_| {
                        invalid("interventions.csv", i + 2, "ingredients", format!("`{u}` is not id:weight"))
                    })?;
                    Ok(IngredientUse { id: id.trim().to_owned(), weight })
                })
                .collect::<Result<Vec<_>, CatalogError>>()?;
            let mut context = BTreeMap::new();
            for (key, value) in [("urbanity", r.urbanity), ("population_band", r.population_band)] {
                if !value.trim().is_empty() {
                    context.insert(key.to_owned(), Value::from(value.trim()));
                }
            }
            interventions.push(Intervention {
                id: r.id,
                title: r.title,
                description: r.description,
                municipality: MunicipalityRef {
                    code: r.municipality_code.trim().to_owned(),
                    name: r.municipality_name,
                },
                year: r.year,
                area: r.area,
                target_groups: list(&r.target_groups),
                problems: list(&r.problems),
                tags: Vec::new(),
                context,
                ingredients: uses,
                evidence: Evidence { level: r.evidence_level, label: r.evidence_label, declaration: None },
                outcome: variant(i + 2, "outcome", &r.outcome)?,
                transfer: variant(i + 2, "transfer", &r.transfer)?,
                effect_size: None,
            });
        }
        CatalogDef { note: None, ingredients, interventions }.validate()
    }
}
