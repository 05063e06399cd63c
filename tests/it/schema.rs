//! The committed JSON Schemas must match the types they describe, so editors never check
//! routine files against a stale format. Set SUPPLE_WRITE_SCHEMA=1 to rewrite them.

use supple::content::{exercises_schema, poses_schema, routine_schema};

fn compare(path: &str, generated: String) {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("SUPPLE_WRITE_SCHEMA").is_some() {
        std::fs::write(&full, &generated).expect("write schema");
    }
    let committed = std::fs::read_to_string(&full).unwrap_or_default();
    assert!(
        committed == generated,
        "{path} differs from the schema generated from the types; \
         run `SUPPLE_WRITE_SCHEMA=1 cargo test --test schema` and commit the result"
    );
}

#[test]
fn routine_schema_is_up_to_date() {
    compare("content/routine.schema.json", routine_schema());
}

#[test]
fn exercises_schema_is_up_to_date() {
    compare("content/exercises.schema.json", exercises_schema());
}

#[test]
fn poses_schema_is_up_to_date() {
    compare("content/poses.schema.json", poses_schema());
}

#[test]
fn schema_describes_the_step_fields() {
    let schema: serde_json::Value = serde_json::from_str(&routine_schema()).expect("json");
    let step = &schema["$defs"]["StepSpec"]["properties"];
    for field in [
        "exercise",
        "seconds",
        "reps",
        "rest_seconds",
        "switch_seconds",
        "order",
    ] {
        assert!(
            step.get(field).is_some(),
            "step field {field} missing from schema"
        );
    }
    assert_eq!(schema["$defs"]["StepSpec"]["additionalProperties"], false);
}
