//! The JSON Schemas in docs/ (rule, lexicon and reference files) describe
//! what the loader accepts: every default pack file and the example pack
//! validate, the malformed rule packs (tests/packs/bad-rules) do not, and the schemas name the
//! same fields and values as the Rust types (read from serde's own "expected
//! one of" messages, so a field added in Rust and not in the schema fails
//! here).
//!
//! The validator below covers the subset of JSON Schema (draft 7) the
//! schemas use; it refuses keywords it does not know, so the schemas cannot
//! quietly grow past it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn schema(name: &str) -> Value {
    let text = std::fs::read_to_string(root().join("docs").join(name)).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn yaml(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

struct Validator<'a> {
    root: &'a Value,
}

const ANNOTATIONS: &[&str] = &[
    "$schema",
    "$id",
    "title",
    "description",
    "format",
    "default",
];

impl Validator<'_> {
    fn resolve<'b>(&'b self, reference: &str) -> &'b Value {
        let path = reference
            .strip_prefix("#/")
            .unwrap_or_else(|| panic!("only local $refs: {reference}"));
        path.split('/').fold(self.root, |v, part| &v[part])
    }

    /// Errors found validating `v` against `s`, with JSON pointers.
    fn errors(&self, s: &Value, v: &Value, at: &str) -> Vec<String> {
        let mut out = Vec::new();
        let Some(obj) = s.as_object() else {
            return out;
        };
        for (keyword, arg) in obj {
            let fail = |out: &mut Vec<String>, what: String| out.push(format!("{at}: {what}"));
            match keyword.as_str() {
                k if ANNOTATIONS.contains(&k) => {}
                "definitions" => {}
                "$ref" => out.extend(self.errors(self.resolve(arg.as_str().unwrap()), v, at)),
                "type" => {
                    let types: Vec<&str> = match arg {
                        Value::String(t) => vec![t.as_str()],
                        Value::Array(ts) => ts.iter().map(|t| t.as_str().unwrap()).collect(),
                        _ => panic!("bad type keyword"),
                    };
                    let ok = types.iter().any(|t| match *t {
                        "object" => v.is_object(),
                        "array" => v.is_array(),
                        "string" => v.is_string(),
                        "number" => v.is_number(),
                        "boolean" => v.is_boolean(),
                        "null" => v.is_null(),
                        other => panic!("type {other}"),
                    });
                    if !ok {
                        fail(&mut out, format!("not of type {types:?}: {v}"));
                    }
                }
                "enum" => {
                    if !arg.as_array().unwrap().contains(v) {
                        fail(&mut out, format!("{v} not in {arg}"));
                    }
                }
                "const" => {
                    if arg != v {
                        fail(&mut out, format!("{v} is not {arg}"));
                    }
                }
                "properties" => {
                    if let Some(o) = v.as_object() {
                        for (k, sub) in arg.as_object().unwrap() {
                            if let Some(x) = o.get(k) {
                                out.extend(self.errors(sub, x, &format!("{at}/{k}")));
                            }
                        }
                    }
                }
                "additionalProperties" => {
                    if let Some(o) = v.as_object() {
                        let known = obj.get("properties").and_then(Value::as_object);
                        for (k, x) in o {
                            if known.is_some_and(|p| p.contains_key(k)) {
                                continue;
                            }
                            match arg {
                                Value::Bool(false) => {
                                    fail(&mut out, format!("unknown property {k}"));
                                }
                                Value::Bool(true) => {}
                                sub => out.extend(self.errors(sub, x, &format!("{at}/{k}"))),
                            }
                        }
                    }
                }
                "required" => {
                    if let Some(o) = v.as_object() {
                        for k in arg.as_array().unwrap() {
                            if !o.contains_key(k.as_str().unwrap()) {
                                fail(&mut out, format!("missing {k}"));
                            }
                        }
                    }
                }
                "propertyNames" => {
                    if let Some(o) = v.as_object() {
                        for k in o.keys() {
                            out.extend(self.errors(arg, &Value::String(k.clone()), at));
                        }
                    }
                }
                "minProperties" | "maxProperties" => {
                    if let Some(o) = v.as_object() {
                        let n = arg.as_u64().unwrap() as usize;
                        let bad = if keyword == "minProperties" {
                            o.len() < n
                        } else {
                            o.len() > n
                        };
                        if bad {
                            fail(&mut out, format!("{keyword} {n}: {} properties", o.len()));
                        }
                    }
                }
                "items" => {
                    if let Some(a) = v.as_array() {
                        for (i, x) in a.iter().enumerate() {
                            out.extend(self.errors(arg, x, &format!("{at}/{i}")));
                        }
                    }
                }
                "minLength" => {
                    if let Some(s) = v.as_str() {
                        if (s.chars().count() as u64) < arg.as_u64().unwrap() {
                            fail(&mut out, format!("shorter than {arg}"));
                        }
                    }
                }
                "pattern" => {
                    if let Some(s) = v.as_str() {
                        if !regex::Regex::new(arg.as_str().unwrap())
                            .unwrap()
                            .is_match(s)
                        {
                            fail(&mut out, format!("{s:?} does not match {arg}"));
                        }
                    }
                }
                "minimum" | "maximum" => {
                    if let Some(x) = v.as_f64() {
                        let m = arg.as_f64().unwrap();
                        if (keyword == "minimum" && x < m) || (keyword == "maximum" && x > m) {
                            fail(&mut out, format!("{x} beyond {keyword} {m}"));
                        }
                    }
                }
                "anyOf" => {
                    let all: Vec<Vec<String>> = arg
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|sub| self.errors(sub, v, at))
                        .collect();
                    if all.iter().all(|e| !e.is_empty()) {
                        fail(&mut out, format!("no alternative fits: {all:?}"));
                    }
                }
                "allOf" => {
                    for sub in arg.as_array().unwrap() {
                        out.extend(self.errors(sub, v, at));
                    }
                }
                "if" => {
                    if self.errors(arg, v, at).is_empty() {
                        if let Some(then) = obj.get("then") {
                            out.extend(self.errors(then, v, at));
                        }
                    }
                }
                "then" => {}
                other => panic!("the test validator does not know the keyword {other}"),
            }
        }
        out
    }

    fn validate(&self, v: &Value) -> Vec<String> {
        self.errors(self.root, v, "")
    }
}

fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    out.sort();
    out
}

#[test]
fn default_packs_and_the_example_pack_validate() {
    let cases = [
        ("rules/core", "rule.schema.json"),
        ("rules/lexicon", "lexicon.schema.json"),
        ("rules/reference", "reference.schema.json"),
    ];
    for (dir, name) in cases {
        let s = schema(name);
        let files = yaml_files(&root().join(dir));
        assert!(!files.is_empty(), "{dir}");
        for file in files {
            let errors = Validator { root: &s }.validate(&yaml(&file));
            assert!(errors.is_empty(), "{}: {errors:#?}", file.display());
        }
    }
    // The example pack names its schema in a modeline.
    for file in yaml_files(&root().join("examples/custom-pack")) {
        let text = std::fs::read_to_string(&file).unwrap();
        let name = text
            .lines()
            .find_map(|l| l.split("$schema=../../docs/").nth(1))
            .unwrap_or_else(|| panic!("{} has no schema modeline", file.display()));
        let s = schema(name.trim());
        let errors = Validator { root: &s }.validate(&yaml(&file));
        assert!(errors.is_empty(), "{}: {errors:#?}", file.display());
    }
}

#[test]
fn malformed_rule_packs_fail_the_schema() {
    let s = schema("rule.schema.json");
    // The others are not schema matters: YAML syntax, a duplicate id across
    // files, a regex (`format: regex` is an annotation for editors).
    for case in [
        "unknown-check",
        "unknown-field",
        "missing-field",
        "wrong-type",
        "unknown-kind",
    ] {
        let file = root()
            .join("tests/packs/bad-rules")
            .join(case)
            .join("rules.yaml");
        let errors = Validator { root: &s }.validate(&yaml(&file));
        assert!(!errors.is_empty(), "{case} passed the schema");
    }
}

/// The fields serde accepts for a type, from its unknown-field message.
fn serde_fields<T: serde::de::DeserializeOwned + std::fmt::Debug>(
    sample: &str,
) -> BTreeSet<String> {
    let err = serde_yaml::from_str::<T>(sample).unwrap_err().to_string();
    let list = err
        .split("expected one of ")
        .nth(1)
        .or_else(|| err.split("expected ").nth(1))
        .unwrap_or_else(|| panic!("{err}"));
    list.split(", ")
        .map(|f| {
            f.split('`')
                .nth(1)
                .unwrap_or_else(|| panic!("{err}"))
                .to_string()
        })
        .collect()
}

fn schema_fields(s: &Value, pointer: &str) -> BTreeSet<String> {
    s.pointer(pointer)
        .and_then(Value::as_object)
        .unwrap_or_else(|| panic!("{pointer}"))
        .keys()
        .cloned()
        .collect()
}

#[test]
fn schemas_name_the_fields_serde_accepts() {
    use factlint::rules::schema::{Comparison, PackFile, Params, RuleDef, Selector};
    use factlint::vocabulary::lexicon::LexiconDef;
    use factlint::vocabulary::reference::ReferenceDef;

    let rule = schema("rule.schema.json");
    let lexicon = schema("lexicon.schema.json");
    let reference = schema("reference.schema.json");
    let unknown = "zz_unknown: 1\n";
    let pairs: Vec<(BTreeSet<String>, BTreeSet<String>, &str)> = vec![
        (
            serde_fields::<PackFile>(unknown),
            schema_fields(&rule, "/properties"),
            "pack file",
        ),
        (
            serde_fields::<RuleDef>("id: x\nzz_unknown: 1\n"),
            schema_fields(&rule, "/definitions/rule/properties"),
            "rule",
        ),
        (
            serde_fields::<Selector>(unknown),
            schema_fields(&rule, "/definitions/selector/properties"),
            "selector",
        ),
        (
            serde_fields::<Params>(unknown),
            schema_fields(&rule, "/definitions/params/properties"),
            "params",
        ),
        (
            serde_fields::<Comparison>(unknown),
            schema_fields(&rule, "/definitions/comparison/properties"),
            "comparison",
        ),
        (
            serde_fields::<LexiconDef>(unknown),
            schema_fields(&lexicon, "/definitions/lexicon/properties"),
            "lexicon",
        ),
        (
            serde_fields::<ReferenceDef>(unknown),
            schema_fields(&reference, "/definitions/reference/properties"),
            "reference",
        ),
    ];
    for (serde, schema, what) in pairs {
        assert_eq!(
            serde, schema,
            "{what}: serde (left) and schema (right) differ"
        );
    }
}

#[test]
fn schema_enums_match_the_rust_enums() {
    use factlint::facts::{FactKind, Modality};
    use factlint::rules::Severity;
    use factlint::rules::schema::{CheckKind, Join, ReferencePack, Relation};

    let rule = schema("rule.schema.json");
    let values = |pointer: &str| -> Vec<Value> {
        rule.pointer(pointer)
            .and_then(Value::as_array)
            .unwrap_or_else(|| panic!("{pointer}"))
            .clone()
    };
    let checks: Vec<Value> = CheckKind::ALL
        .iter()
        .map(|c| Value::from(c.as_str()))
        .collect();
    assert_eq!(values("/definitions/check/enum"), checks);
    let kinds: Vec<Value> = FactKind::ALL
        .iter()
        .map(|k| Value::from(k.as_str()))
        .collect();
    assert_eq!(values("/definitions/kind/enum"), kinds);
    // Enums without an ALL list: every schema value must deserialize, and
    // the count must match the variants.
    fn all_parse<T: serde::de::DeserializeOwned>(values: &[Value], n: usize) {
        assert_eq!(values.len(), n, "{values:?}");
        for v in values {
            serde_json::from_value::<T>(v.clone()).unwrap_or_else(|e| panic!("{v}: {e}"));
        }
    }
    all_parse::<Modality>(&values("/definitions/modality/enum"), 5);
    all_parse::<Severity>(&values("/definitions/severity/enum"), 3);
    all_parse::<Join>(&values("/definitions/params/properties/join/enum"), 2);
    all_parse::<Relation>(&values("/definitions/params/properties/relation/enum"), 2);
    all_parse::<ReferencePack>(&values("/definitions/params/properties/pack/enum"), 1);
}
