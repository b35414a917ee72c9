//! Text from guide files is untrusted: it must never be able to drive the terminal.

/// Removes control characters other than newline and tab, and the Unicode bidirectional
/// embedding, override and isolate characters (which can make text display in a misleading order).
pub fn sanitize(text: &str) -> String {
    if !text.chars().any(is_unsafe) {
        return text.to_owned();
    }
    text.chars().filter(|&c| !is_unsafe(c)).collect()
}

/// Sanitises and folds every run of whitespace into one space, trimming both ends: the form of
/// titles and points. One pass and one allocation: it runs on every line of every guide.
pub fn sanitize_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        } else if !is_unsafe(c) {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c)
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_escape_sequences_but_keeps_newlines_and_tabs() {
        assert_eq!(sanitize("a\x1b[31mred\x07\n\tb"), "a[31mred\n\tb");
    }

    #[test]
    fn removes_c1_controls_and_bidi_overrides() {
        assert_eq!(sanitize("x\u{9b}y\u{202E}evil\u{2066}z"), "xyevilz");
    }

    #[test]
    fn inline_folds_whitespace() {
        assert_eq!(sanitize_inline("  one\n two\t\tthree "), "one two three");
    }

    #[test]
    fn inline_drops_unsafe_characters_between_words() {
        assert_eq!(sanitize_inline(" a\u{1b} \u{202e} b\u{7}c "), "a bc");
    }

    #[test]
    fn keeps_ordinary_unicode() {
        assert_eq!(sanitize("care worker’s — café"), "care worker’s — café");
    }
}
