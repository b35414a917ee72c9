//! Text from guide files is untrusted: it must never be able to drive the terminal.
//!
//! Every line of every guide passes through here, so the work is done over bytes: runs of
//! printable ASCII (nearly all of a guide) are copied whole, and only the bytes that can start
//! whitespace, a control character or a bidi control are looked at as characters.

use std::borrow::Cow;

/// Removes control characters other than newline and tab, and the Unicode bidirectional
/// embedding, override and isolate characters (which can make text display in a misleading order).
pub fn sanitize(text: &str) -> String {
    if !text.bytes().any(may_start_unsafe) {
        return text.to_owned();
    }
    text.chars().filter(|&c| !is_unsafe(c)).collect()
}

/// Sanitises and folds every run of whitespace into one space, trimming both ends: the form of
/// titles and points. One pass and one allocation.
///
/// Text that needs no change (nearly all of it) is copied in verbatim segments: a segment grows
/// over printable ASCII, single spaces between printable ASCII, and characters that are neither
/// whitespace nor unsafe; only at anything else is it copied out and that character handled.
pub fn sanitize_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let bytes = text.as_bytes();
    // The verbatim segment is text[start..i]: it never begins or ends with whitespace.
    let mut start = 0;
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        if let Some(word) = bytes
            .get(i..i + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
            && is_plain_word(u64::from_le_bytes(word), start == i)
        {
            i += 8;
            continue;
        }
        if is_printable_ascii(byte) {
            i += 1;
            continue;
        }
        if byte == b' ' && start < i && bytes.get(i + 1).is_some_and(|&b| is_printable_ascii(b)) {
            i += 2;
            continue;
        }
        // `i` is on a character boundary: segments end after whole characters.
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let after = i + c.len_utf8();
        let plain = !c.is_ascii() && !c.is_whitespace() && !is_unsafe(c);
        if plain {
            i = after;
            continue;
        }
        flush(&mut out, &mut pending_space, &text[start..i]);
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        }
        // Anything else here is unsafe, and dropped.
        i = after;
        start = i;
    }
    flush(&mut out, &mut pending_space, &text[start..]);
    out
}

/// Whether eight bytes (little-endian in `word`) can all join the verbatim segment: printable
/// ASCII and spaces, with no two spaces together, none last (so the segment never ends in a
/// space) and none first when the segment is empty. Bit tricks over the whole word at once.
fn is_plain_word(word: u64, starts_segment: bool) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = ONES * 0x80;
    const LOWS: u64 = ONES * 0x7f;
    // Any byte below 0x20, or above 0x7e (0x7f and everything non-ASCII).
    let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGHS;
    let above_tilde = (word.wrapping_add(ONES) | word) & HIGHS;
    if below_space | above_tilde != 0 {
        return false;
    }
    // The high bit of each byte that is a space (exact: no carry crosses a byte here).
    let other = word ^ (ONES * 0x20);
    let spaces = !(((other & LOWS) + LOWS) | other) & HIGHS;
    let first = 0x80;
    let last = 0x80 << 56;
    spaces & last == 0 && !(starts_segment && spaces & first != 0) && spaces & (spaces << 8) == 0
}

/// Appends a verbatim segment, after the space owed to whitespace before it.
fn flush(out: &mut String, pending_space: &mut bool, segment: &str) {
    if segment.is_empty() {
        return;
    }
    if *pending_space {
        out.push(' ');
        *pending_space = false;
    }
    out.push_str(segment);
}

/// Text for a message about a guide (a file name, an unknown key): every control character,
/// line break and bidi control is shown as a visible escape (`\u{1b}`), so the message cannot
/// drive the terminal, stays on one line, and still tells the reader which file or key it means.
pub fn escape_for_message(text: &str) -> Cow<'_, str> {
    if !text
        .bytes()
        .any(|b| b == b'\n' || b == b'\t' || may_start_unsafe(b))
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() || is_bidi_control(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn is_printable_ascii(byte: u8) -> bool {
    matches!(byte, 0x21..=0x7e)
}

/// Whether a byte can begin a character [`is_unsafe`] removes: an ASCII control other than
/// newline and tab, DEL, or the lead byte of C1 controls (U+0080..U+009F: 0xC2), the Arabic
/// letter mark (U+061C: 0xD8) or the bidi controls (U+200E..U+2069: 0xE2).
fn may_start_unsafe(byte: u8) -> bool {
    (byte < 0x20 && byte != b'\n' && byte != b'\t') || matches!(byte, 0x7f | 0xc2 | 0xd8 | 0xe2)
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
    use proptest::prelude::*;

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
    fn inline_folds_unicode_whitespace() {
        assert_eq!(
            sanitize_inline("a\u{a0}b\u{2028}\u{3000}c\u{85}d\r\u{b}e"),
            "a b c d e"
        );
    }

    #[test]
    fn keeps_ordinary_unicode() {
        assert_eq!(sanitize("care worker’s — café"), "care worker’s — café");
        assert_eq!(
            sanitize_inline("care worker’s — café"),
            "care worker’s — café"
        );
    }

    #[test]
    fn whole_words_of_plain_text_are_recognised() {
        let word = |s: &[u8; 8]| u64::from_le_bytes(*s);
        assert!(is_plain_word(word(b"abcdefgh"), true));
        assert!(is_plain_word(word(b"ab cd ef"), true));
        assert!(is_plain_word(word(b" bcdefgh"), false));
        assert!(!is_plain_word(word(b" bcdefgh"), true));
        assert!(!is_plain_word(word(b"abcdefg "), false));
        assert!(!is_plain_word(word(b"abc  fgh"), false));
        assert!(!is_plain_word(word(b"abc\tefgh"), false));
        assert!(!is_plain_word(word(b"abcdefg\x7f"), false));
        assert!(!is_plain_word(word(b"abcd\xc3\xa9gh"), false));
        assert!(!is_plain_word(word(b"\x1babcdefg"), false));
    }

    #[test]
    fn messages_show_controls_as_escapes() {
        assert_eq!(escape_for_message("guide.md"), "guide.md");
        assert_eq!(
            escape_for_message("a\u{1b}[2Jb\nc\u{202e}d\u{9b}"),
            "a\\u{1b}[2Jb\\u{a}c\\u{202e}d\\u{9b}"
        );
    }

    /// The character-by-character definitions the byte-level code must agree with.
    fn reference_inline(text: &str) -> String {
        let mut out = String::new();
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

    fn text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            3 => proptest::sample::select(&[
                "word", " ", "  ", "\n", "\t", "a b c d e f", "abcdefghijklmnop", "x y", "\r\n", "café", "’", "\u{1b}[31m", "\u{7f}",
                "\u{85}", "\u{9b}", "\u{a0}", "\u{61c}", "\u{200e}", "\u{2028}", "\u{202e}",
                "\u{2066}", "\u{3000}", "\u{feff}", "日本語",
            ][..]).prop_map(str::to_owned),
            1 => any::<char>().prop_map(String::from),
        ];
        proptest::collection::vec(piece, 0..40).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]

        #[test]
        fn byte_level_sanitising_agrees_with_the_character_definition(text in text()) {
            prop_assert_eq!(sanitize_inline(&text), reference_inline(&text));
            let filtered: String = text.chars().filter(|&c| !is_unsafe(c)).collect();
            prop_assert_eq!(sanitize(&text), filtered);
            let escaped = escape_for_message(&text);
            prop_assert!(!escaped.chars().any(|c| c.is_control() || is_bidi_control(c)));
        }
    }
}
