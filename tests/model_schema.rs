//! The committed JSON Schema (`schema/report.schema.json`) is the one generated from the types.
//! `UPDATE_GOLDEN=1 cargo test --test model_schema` regenerates it.

#[test]
fn committed_schema_matches_the_types() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/report.schema.json");
    let generated = xxgk::model::json_schema();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == generated,
        "schema/report.schema.json is stale: run UPDATE_GOLDEN=1 cargo test --test model_schema"
    );
}

#[test]
fn schema_names_the_contract() {
    let v: serde_json::Value = serde_json::from_str(&xxgk::model::json_schema()).unwrap();
    let props = &v["properties"];
    for key in [
        "schema",
        "title",
        "agency",
        "year",
        "intro",
        "sections",
        "bookmarks",
        "tables",
        "diagnostics",
    ] {
        assert!(props.get(key).is_some(), "missing property {key}");
    }
}
