//! `Model::resolve`: an existing file wins over a bundled id of the same name. Alone in its
//! test binary because it changes the working directory.

use transform_model::{Model, ModelError};

#[test]
fn an_existing_file_wins_over_a_bundled_id() {
    let dir = std::env::temp_dir().join(format!("tm-resolve-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // A file named `dtm` holding the `ci` model.
    std::fs::write(dir.join("dtm"), transform_model::model::CI_2026_1_JSON).unwrap();
    let before = std::env::current_dir().unwrap();
    std::env::set_current_dir(&dir).unwrap();
    let from_file = Model::resolve("dtm");
    let bundled = Model::resolve("dtm@2026.1");
    let unknown = Model::resolve("ci@1999.1");
    std::env::set_current_dir(before).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(from_file.unwrap().id(), "ci", "the file `dtm` is read, not the bundled dtm");
    assert_eq!(bundled.unwrap().version(), "2026.1");
    let e = unknown.unwrap_err();
    assert!(matches!(&e, ModelError::UnknownBundled { spec, .. } if spec == "ci@1999.1"), "{e:?}");
}
