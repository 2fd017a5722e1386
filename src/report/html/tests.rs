use super::*;
use crate::report::samples;

fn html() -> String {
    page(&samples::sample_report())
}

/// The text between `<tag` and its end for the first element whose
/// opening tag contains `needle`.
fn element_with<'a>(html: &'a str, needle: &str, close: &str) -> &'a str {
    let at = html.find(needle).unwrap_or_else(|| panic!("no {needle}"));
    let start = html[..at].rfind('<').unwrap();
    let end = at + html[at..].find(close).unwrap() + close.len();
    &html[start..end]
}

#[test]
fn base64_matches_known_vectors() {
    for (input, expected) in [
        ("", ""),
        ("f", "Zg=="),
        ("fo", "Zm8="),
        ("foo", "Zm9v"),
        ("foobar", "Zm9vYmFy"),
    ] {
        assert_eq!(base64(input.as_bytes()), expected);
    }
}

#[test]
fn hostile_text_renders_as_text() {
    let h = html();
    // Our own script is the only one, and nothing from the article
    // became an element or an attribute.
    assert_eq!(h.matches("<script").count(), 1, "{h}");
    assert!(!h.contains("<img"));
    assert!(!h.contains("onerror=\""));
    assert!(!h.contains("href=\"javascript:"));
    assert!(!h.contains("<b>unstoppable"));
    assert!(h.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"));
    assert!(h.contains("&lt;img src=x onerror=&quot;document.body.id=&#39;pwned&#39;&quot;&gt;"));
    // The javascript: URL is shown, not linked.
    assert!(h.contains("javascript:alert(&#39;x&#39;)"));
    // The https URL is linked, with its ampersand and quotes escaped.
    assert!(h.contains(
        "<a href=\"https://example.com/a?x=1&amp;y=&quot;2&quot;\" rel=\"noopener noreferrer\">"
    ));
}

#[test]
fn page_is_self_contained() {
    let h = html();
    for needle in ["src=\"", "<link", "@import", "url("] {
        assert!(!h.contains(needle), "external reference {needle}");
    }
    assert!(h.contains("default-src &#39;none&#39;"));
    let csp_hash = base64(&Sha256::digest(SCRIPT.as_bytes()));
    assert!(h.contains(&format!("sha256-{csp_hash}")));
    assert!(h.contains(&format!("<script>{SCRIPT}</script>")));
}

#[test]
fn matrix_rows_are_grouped_by_kind_and_coloured_by_verdict() {
    let h = html();
    assert!(h.contains("<table id=\"matrix\" class=\"matrix\">"));
    let guests = element_with(&h, "data-key=\"guests\"", "</tr>");
    assert!(guests.starts_with("<tr class=\"row verdict-single-source\" data-kind=\"count\""));
    assert!(guests.contains("data-verdict=\"single_source\" data-severity=\"info\""));
    // One cell per source: two empty, one with the value.
    assert_eq!(guests.matches("<td class=\"empty\">").count(), 2);
    assert!(guests.contains("<summary title=\"Officials said &lt;img"));
    assert!(guests.contains(">≥10001</summary>"));
    assert!(guests.contains("<mark>more than 10,000 guests</mark>"));

    let date = element_with(&h, "data-key=\"event-date\"", "</tr>");
    assert!(date.contains("verdict-agree"));
    assert_eq!(date.matches("<details>").count(), 2);
    let precedent = element_with(&h, "data-key=\"leaders-gathering\"", "</tr>");
    assert!(precedent.contains("class=\"row verdict-conflict\""));
    assert!(precedent.contains("data-severity=\"warning\""));
    assert!(precedent.contains(">unprecedented</summary>"));
    assert!(precedent.contains(">last in 1987 (38 years)</summary>"));

    // Kinds in declaration order: count before date before precedent.
    let pos = |k: &str| {
        h.find(&format!("<tbody class=\"kind-group\" data-kind=\"{k}\""))
            .unwrap()
    };
    assert!(pos("count") < pos("date") && pos("date") < pos("precedent"));
    assert_eq!(h.matches("class=\"kind-group\"").count(), 4);
}

#[test]
fn findings_show_sentences_side_by_side_with_marks_and_diff() {
    let h = html();
    let conflict = element_with(&h, "data-rule=\"precedent-conflict\"", "</section>");
    assert!(conflict.contains("data-verdict=\"conflict\" data-severity=\"warning\""));
    assert_eq!(conflict.matches("<div class=\"side\"").count(), 2);
    assert!(conflict.contains("It was an <mark>unprecedented</mark> gathering."));
    assert!(conflict.contains("The first such gathering <mark>in 38 years</mark>."));
    assert!(conflict.contains("bundle/004_cccc.txt:9:26"));

    let drift = element_with(&h, "data-rule=\"quote-drift\"", "</section>");
    assert!(drift.contains(
        "<p class=\"diff\"><ins>the </ins>rejuvenation is <del>&lt;b&gt;unstoppable&lt;/b&gt;</del></p>"
    ));
    // Conflicts come before agreements, agreements before single source.
    let pos = |rule: &str| h.find(&format!("data-rule=\"{rule}\"")).unwrap();
    assert!(pos("precedent-conflict") < pos("date-agree"));
    assert!(pos("date-agree") < pos("single-source"));
}

#[test]
fn summary_and_filters() {
    let h = html();
    assert!(h.contains("<li data-count=\"conflicts\"><b>2</b>conflicts</li>"));
    assert!(h.contains("<li data-count=\"single_source\"><b>1</b>single-source</li>"));
    assert!(h.contains("<li data-count=\"sources\"><b>3</b>sources</li>"));
    assert!(h.contains("<form id=\"filters\" hidden>"));
    for v in [
        "conflict",
        "internal",
        "reference",
        "agree",
        "single_source",
        "none",
    ] {
        assert!(
            h.contains(&format!("name=\"verdict\" value=\"{v}\" checked")),
            "{v}"
        );
    }
    for s in ["error", "warning", "info"] {
        assert!(
            h.contains(&format!("name=\"severity\" value=\"{s}\" checked")),
            "{s}"
        );
    }
}

#[test]
fn second_bundle_gets_its_own_matrix_id() {
    let mut r = samples::sample_report();
    let mut b2 = samples::sample_bundle();
    b2.name = "other".into();
    r.bundles.push(b2);
    let h = page(&r);
    assert_eq!(h.matches("id=\"matrix\"").count(), 1);
    assert_eq!(h.matches("id=\"matrix-2\"").count(), 1);
    assert!(h.contains("id=\"f-1-0\""));
}

#[test]
fn empty_report_is_a_valid_page() {
    let h = page(&Report::new(vec![]));
    assert!(h.starts_with("<!DOCTYPE html>"));
    assert!(h.ends_with("</html>\n"));
}
