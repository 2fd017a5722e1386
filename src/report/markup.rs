//! Escaping for the two markup formats, the HTML page and JUnit XML: one
//! loop, with the two points where the languages differ named. GitHub
//! annotations are not markup and escape by their own rules (`github.rs`);
//! text for a terminal goes through `text::terminal_safe`.

/// Text for HTML element content and quoted attribute values. Control
/// characters other than tab and newline, which HTML cannot carry
/// meaningfully, become U+FFFD.
pub fn html(s: &str) -> String {
    escape(s, "&#39;", |c| c.is_control() && !matches!(c, '\t' | '\n'))
}

/// Text for XML content and attribute values. Characters XML 1.0 cannot
/// carry at all (C0 controls other than tab, newline and carriage return;
/// U+FFFE, U+FFFF) become U+FFFD; C1 controls are legal XML and pass.
pub fn xml(s: &str) -> String {
    escape(s, "&apos;", |c| {
        ((c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r'))
            || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    })
}

/// The five markup characters as entities, so nothing from an article can
/// open a tag or leave a quoted attribute; `apostrophe` is the entity each
/// language's readers expect; characters `unrepresentable` says the target
/// cannot carry become U+FFFD.
fn escape(s: &str, apostrophe: &str, unrepresentable: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str(apostrophe),
            c if unrepresentable(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_covers_markup_and_quotes() {
        assert_eq!(
            html("<a href=\"x\" onclick='y'>&</a>"),
            "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;"
        );
        assert_eq!(
            html("a\u{0}b\nc\td\re\u{9b}"),
            "a\u{FFFD}b\nc\td\u{FFFD}e\u{FFFD}"
        );
    }

    #[test]
    fn xml_keeps_what_xml_can_carry() {
        assert_eq!(
            xml("<a b=\"x\" c='y'>&</a>"),
            "&lt;a b=&quot;x&quot; c=&apos;y&apos;&gt;&amp;&lt;/a&gt;"
        );
        assert_eq!(xml("a\u{1}b\u{FFFF}"), "a\u{FFFD}b\u{FFFD}");
        assert_eq!(xml("a\tb\nc\rd\u{9b}"), "a\tb\nc\rd\u{9b}");
    }
}
