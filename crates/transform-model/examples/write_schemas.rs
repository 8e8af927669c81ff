//! Writes `docs/schema/{name}.json` for every schema of `transform_model::schema`.
//! Run from the workspace root: `cargo run -p transform-model --example write_schemas`.
//! `tests/schema_files.rs` fails when the files are stale.

use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/schema");
    std::fs::create_dir_all(&dir)?;
    for (name, _, _) in transform_model::schema::SCHEMAS {
        let path = dir.join(format!("{name}.json"));
        std::fs::write(&path, transform_model::schema::schema_file(name)?)?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
