//! The guides in forms other programs read: a Markdown revision sheet, tab-separated notes Anki
//! imports, and the whole model as JSON. Pure text in, text out: no files, no terminal, no
//! clock, so the same library always exports to the same bytes. `commands::export` does the I/O.

mod anki;
mod json;
mod markdown;

use crate::content::{Guide, Library, TopicRef};

/// The seed of the quiz deck the Anki export draws its cards and options from: fixed, so
/// exporting the same guides twice gives the same file.
pub const ANKI_SEED: u64 = 0;

/// What `carestudy export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A revision sheet in Markdown (CommonMark), every topic in full
    #[value(alias = "md")]
    Markdown,
    /// Tab-separated notes for Anki (File > Import): one note per quiz card
    Anki,
    /// The whole model as JSON, in an envelope with a format name and version
    Json,
}

/// What an export covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection {
    All,
    /// One guide, by index (an index past the end exports nothing).
    Guide(usize),
    /// One topic: a handout.
    Topic(TopicRef),
}

/// The whole library in `format`.
pub fn render(library: &Library, format: Format) -> String {
    render_selection(library, Selection::All, format)
}

/// What `selection` covers, in `format`. Anki cards of one guide or topic still take wrong
/// options from the rest of the library when their own has too few, exactly as the quiz does.
pub fn render_selection(library: &Library, selection: Selection, format: Format) -> String {
    match format {
        Format::Markdown => markdown::render(library, selection),
        Format::Anki => anki::render(library, selection),
        Format::Json => match selection {
            Selection::All => json::render(&library.guides),
            Selection::Guide(index) => {
                json::render(library.guides.get(index..=index).unwrap_or(&[]))
            }
            // The topic's guide, holding that topic alone.
            Selection::Topic(at) => {
                let guide = library.guide(at.guide).map(|guide| Guide {
                    topics: guide
                        .topics
                        .get(at.topic..=at.topic)
                        .unwrap_or(&[])
                        .to_vec(),
                    ..guide.clone()
                });
                json::render(guide.as_slice())
            }
        },
    }
}

/// Test fixtures shared by the format modules.
#[cfg(test)]
pub(crate) mod fixtures {
    use crate::content::{Library, PointList, parse_guide};
    pub use crate::test_support::builtin_library as builtin;

    /// A guide parsed from Markdown whose text holds HTML and Markdown syntax as literal text
    /// (code spans keep `<b>&` as text). Five topics, so every card can have four options.
    pub fn parsed_with_markup() -> Library {
        let text = "+++\nid = \"markup\"\ntitle = \"Markup `<i>` & co\"\ncriterion = \"1.1 Explain `<tags>`\"\n\
            verb = \"explain\"\nsource = \"Tests & \\\"quotes\\\"\"\n+++\n\n\
            ## Bold `<b>&` topic {#bold}\n\nA summary with `<script>alert('x')</script>`.\n\n\
            ### Key features\n\n- A point with `<b>&` in it\n- A \"quoted\" point\n\n\
            ### Examples\n\n- An example with `a\tb` and `</td>`\n\n\
            ## Second {#second}\n\nS.\n\n### Key features\n\n- Only in second\n- Another in second\n\n\
            ### Examples\n\n- Second's example\n\n\
            ## Third {#third}\n\nS.\n\n### Key features\n\n- Only in third\n\n\
            ### Examples\n\n- Third's example\n\n\
            ## Fourth {#fourth}\n\nS.\n\n### Key features\n\n- Only in fourth\n\n\
            ### Examples\n\n- Fourth's example\n\n\
            ## Fifth {#fifth}\n\nS.\n\n### Key features\n\n- Only in fifth\n\n\
            ### Tips\n\n- A tip with `&amp;` already escaped\n";
        match parse_guide("markup.md", text.as_bytes()) {
            Ok(guide) => Library {
                guides: vec![guide],
            },
            Err(e) => panic!("the fixture guide fails to parse: {e:?}"),
        }
    }

    /// A guide with text no guide file would produce: newlines and tabs inside points, text
    /// that looks like Markdown block syntax, and every special character. (Built by editing a
    /// parsed guide, so it keeps up with new fields of the model.)
    pub fn hostile() -> Library {
        let text = "+++\nid = \"hostile\"\ntitle = \"T\"\ncriterion = \"C\"\nverb = \"describe\"\n\
            source = \"S\"\n+++\n\n## A {#a}\n\nS.\n\n### Key features\n\n- P\n\n\
            ## B {#b}\n\nS.\n\n### Key features\n\n- P\n\n## C {#c}\n\nS.\n\n### Key features\n\n- P\n\n\
            ## D {#d}\n\nS.\n\n### Key features\n\n- P\n";
        let mut guide = match parse_guide("hostile.md", text.as_bytes()) {
            Ok(guide) => guide,
            Err(e) => panic!("the fixture guide fails to parse: {e:?}"),
        };
        guide.title = "Hostile # guide #".into();
        guide.criterion = "1.1 <Describe> [things](http://x)".into();
        guide.source = "`Source` & *co*".into();
        guide.criteria = vec!["=== setext?", "4.2 Describe"].into();
        guide.introduction = "An introduction\nover two lines.\n\n---".into();
        let texts: [(&str, [&str; 3]); 4] = [
            (
                "Star *a* _b_ `c` \\d",
                ["1) not ordered", "<b>bold</b> & &amp;", "***"],
            ),
            ("Closing ###", ["~~~ fence", "```", "| a | b |"]),
            ("<div>", ["[x]: http://y", "![img](z)", "a  \nb"]),
            ("Plain", ["    indented", "\u{a0}nbsp", "tail\\"]),
        ];
        for (topic, (title, points)) in guide.topics.iter_mut().zip(texts) {
            topic.title = title.into();
            topic.summary = "1. Not a list\n\n# Not a heading\n\n> not a quote".into();
            topic.key_features = points.iter().collect();
            topic.examples = vec!["- not a nested item"].into();
            topic.lists = Box::new([PointList {
                name: "Tips & <tricks>".into(),
                points: vec!["+ plus\tand tab\nand newline"].into(),
            }]);
            topic.criteria = vec!["2.1 *Own* criterion"].into();
        }
        Library {
            guides: vec![guide],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::{builtin, parsed_with_markup};
    use super::*;

    #[test]
    fn every_format_is_deterministic() {
        let library = builtin();
        for format in [Format::Markdown, Format::Anki, Format::Json] {
            assert_eq!(
                render(&library, format),
                render(&library, format),
                "{format:?}"
            );
        }
    }

    #[test]
    fn a_guide_limits_every_format_to_that_guide() {
        let library = builtin();
        let Some(second) = library.guide(1) else {
            panic!("the built-in guides have a second guide");
        };
        let sheet = render_selection(&library, Selection::Guide(1), Format::Markdown);
        assert!(sheet.starts_with(&format!("# {}\n", second.title)));
        for (i, guide) in library.guides.iter().enumerate() {
            if i != 1 {
                assert!(!sheet.contains(&format!("# {}\n", guide.title)));
            }
        }
        let cards = render_selection(&library, Selection::Guide(1), Format::Anki);
        let tag = format!("carestudy::{}::", second.id);
        let rows: Vec<&str> = cards.lines().filter(|l| !l.starts_with('#')).collect();
        assert!(!rows.is_empty());
        assert!(rows.iter().all(|row| row.contains(&tag)), "{cards}");
        let json = render_selection(&library, Selection::Guide(1), Format::Json);
        assert!(json.contains(&format!("\"id\": \"{}\"", second.id)));
        assert!(!json.contains(&format!("\"id\": \"{}\"", library.guides[0].id)));
    }

    #[test]
    fn a_topic_limits_every_format_to_that_topic() {
        let library = builtin();
        let at = TopicRef { guide: 1, topic: 2 };
        let (Some(guide), Some(topic)) = (library.guide(1), library.topic(at)) else {
            panic!("the built-in guides have that topic");
        };
        let sheet = render_selection(&library, Selection::Topic(at), Format::Markdown);
        assert!(
            sheet.starts_with(&format!("# {}\n", topic.title)),
            "{sheet}"
        );
        assert!(sheet.contains(guide.title.as_str()));
        let cards = render_selection(&library, Selection::Topic(at), Format::Anki);
        let tag = format!("carestudy::{}::{} ", guide.id, topic.id);
        let rows: Vec<&str> = cards.lines().filter(|l| !l.starts_with('#')).collect();
        assert!(!rows.is_empty());
        assert!(rows.iter().all(|row| row.contains(&tag)), "{cards}");
        let json = render_selection(&library, Selection::Topic(at), Format::Json);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
        let topics = &value["guides"][0]["topics"];
        assert_eq!(topics.as_array().map(Vec::len), Some(1), "{json}");
        assert_eq!(topics[0]["id"], topic.id.as_str());
    }

    #[test]
    fn a_guide_past_the_end_exports_nothing() {
        let library = parsed_with_markup();
        let sheet = render_selection(&library, Selection::Guide(9), Format::Markdown);
        assert!(!sheet.contains("# "));
        let cards = render_selection(&library, Selection::Guide(9), Format::Anki);
        assert!(cards.lines().all(|l| l.starts_with('#')));
    }
}
