//! The YAML report: the JSON contract's data, same fields, same meaning,
//! for people who read YAML more easily and for YAML-based pipelines.

use std::io::Write;

use super::Report;

pub fn render(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let text = serde_yaml::to_string(report).map_err(std::io::Error::other)?;
    out.write_all(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::samples;

    #[test]
    fn yaml_carries_the_same_data_as_json() {
        let report = samples::sample_report();
        let mut out = Vec::new();
        render(&report, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let from_yaml: serde_json::Value = serde_yaml::from_str(&text).unwrap();
        let from_json = serde_json::to_value(&report).unwrap();
        assert_eq!(from_yaml, from_json);
        assert!(text.starts_with("version: 1\n"));
    }
}
