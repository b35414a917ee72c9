//! Anki notes: a tab-separated text file with the header lines Anki's importer reads
//! (File > Import), then one Basic note per quiz card: front, back, tags and a guid.
//!
//! The guid is the card's stable id (`carestudy:guide/topic#kind:target`, the id saved progress
//! keys on: a point's place in its topic, never its words), so importing the file again after
//! a guide is edited updates each note in place, keeping its review history, rather than adding
//! a copy beside it. (Anki's importer matches rows to notes by this column: `#guid column`.)
//!
//! Fields are HTML. Guide text is escaped before it goes into the HTML around it, and no field
//! holds a tab or a line break, so every row has exactly four columns. A field never starts
//! with a quote (the importer would read a quoted field) or `#` (a comment line).

use super::{ANKI_SEED, Selection};
use crate::content::{Guide, Library, Topic};
use crate::quiz::{Body, CardSpec, Question, QuestionKind, QuizDeck, RecallList, Scope};
use std::fmt::Write as _;

/// The header lines, before the deck line.
const HEADER: &str =
    "#separator:tab\n#html:true\n#tags column:3\n#guid column:4\n#notetype:Basic\n";

/// The prefix of every note's guid, so carestudy's notes never match another deck's.
const GUID_PREFIX: &str = "carestudy:";

pub(super) fn render(library: &Library, selection: Selection) -> String {
    let mut out = String::from(HEADER);
    // One deck per guide; a topic's notes go to its guide's deck.
    let guide_deck = |index: usize| {
        library
            .guide(index)
            .map_or_else(|| "none".to_owned(), |g| tag_part(&g.id))
    };
    let (deck_name, scope) = match selection {
        Selection::All => ("all".to_owned(), Scope::All),
        Selection::Guide(index) => (guide_deck(index), Scope::Guide(index)),
        Selection::Topic(at) => (guide_deck(at.guide), Scope::Topic(at)),
    };
    let _ = writeln!(out, "#deck:carestudy::{deck_name}");
    let mut deck = QuizDeck::new(library, scope, ANKI_SEED);
    // The deck's own order is shuffled; a file reads better, and imports in a better order for
    // learning, topic by topic with the flip card first.
    let mut cards: Vec<CardSpec> = deck.cards().collect();
    cards.sort_by_key(|card| (card.topic, kind_order(card.kind), card.target));
    for card in cards {
        let (Some(guide), Some(topic)) =
            (library.guide(card.topic.guide), library.topic(card.topic))
        else {
            continue;
        };
        // A card whose guides cannot give it four distinct options is left out, as the quiz
        // skips it.
        if let Some(question) = deck.question_for(library, card) {
            let note = note(guide, topic, &question);
            let guid = format!("{GUID_PREFIX}{}", question.card_id);
            row(&mut out, &[&note.front, &note.back, &note.tags, &guid]);
        }
    }
    out
}

/// Flip cards first: the topic as a whole, then its details.
fn kind_order(kind: QuestionKind) -> u8 {
    match kind {
        QuestionKind::FlipCard => 0,
        QuestionKind::TopicToPoint => 1,
        QuestionKind::PointToTopic => 2,
        QuestionKind::ExampleToTopic => 3,
    }
}

struct Note {
    front: String,
    back: String,
    tags: String,
}

fn note(guide: &Guide, topic: &Topic, question: &Question) -> Note {
    let source = format!(
        "<p><i>{}</i><br><small>{}</small></p>",
        html(&topic.title),
        html(&guide.title)
    );
    // The subject, and under it the guide when the subject is the topic: two guides can have
    // a topic of the same name, and Anki takes notes with the same front for the same note.
    let subject = if question.kind == QuestionKind::PointToTopic
        || question.kind == QuestionKind::ExampleToTopic
    {
        format!("<p><b>{}</b></p>", html(&question.subject))
    } else {
        format!(
            "<p><b>{}</b><br><small>{}</small></p>",
            html(&question.subject),
            html(&guide.title)
        )
    };
    let (front, back) = match &question.body {
        Body::Recall { lists } => {
            let front = format!("{subject}<p>{}</p>", html(&question.prompt));
            (front, format!("{}{source}", recall_lists(lists)))
        }
        Body::Choice { options, correct } => {
            let front = format!(
                "<p>{}</p>{subject}<ol style=\"text-align: left; display: inline-block\">{}</ol>",
                html(&question.prompt),
                items(options)
            );
            let back = format!(
                "<p>{}. <b>{}</b></p>{source}",
                correct + 1,
                html(question.correct_text())
            );
            (front, back)
        }
    };
    let tags = format!(
        "carestudy::{}::{} carestudy-kind::{}",
        tag_part(&guide.id),
        tag_part(&topic.id),
        question.kind.code()
    );
    Note { front, back, tags }
}

/// Each list of a flip card under its heading, as the quiz shows them.
fn recall_lists(lists: &[RecallList]) -> String {
    lists
        .iter()
        .map(|list| {
            format!(
                "<p><b>{}</b></p><ul style=\"text-align: left; display: inline-block\">{}</ul>",
                html(&list.heading),
                items(&list.points)
            )
        })
        .collect()
}

fn items(texts: &[String]) -> String {
    texts
        .iter()
        .map(|text| format!("<li>{}</li>", html(text)))
        .collect()
}

/// One row. The fields are ours or escaped, so this only guards the four-column promise.
fn row(out: &mut String, fields: &[&String]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push('\t');
        }
        out.extend(field.chars().map(|c| match c {
            '\t' | '\n' | '\r' => ' ',
            c => c,
        }));
    }
    out.push('\n');
}

/// Text as HTML: the five special characters escaped, a line break as `<br>`, a tab as a space.
fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' => out.push(' '),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("<br>");
            }
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

/// An id as part of an Anki tag: tags are split on spaces, and `::` separates levels.
fn tag_part(id: &str) -> String {
    let part: String = id
        .chars()
        .map(|c| {
            if c.is_whitespace() || c.is_control() || matches!(c, '"' | ':') {
                '-'
            } else {
                c
            }
        })
        .collect();
    if part.is_empty() {
        "-".to_owned()
    } else {
        part
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{builtin, hostile, parsed_with_markup};
    use super::*;
    use std::sync::OnceLock;

    /// The built-in guides and their Anki file, made once: building every card takes a while
    /// in a debug build.
    fn builtin_file() -> &'static (Library, String) {
        static FILE: OnceLock<(Library, String)> = OnceLock::new();
        FILE.get_or_init(|| {
            let library = builtin();
            let file = render(&library, Selection::All);
            (library, file)
        })
    }

    /// The header lines and the rows after them, each split into its columns.
    fn parse(file: &str) -> (Vec<&str>, Vec<Vec<&str>>) {
        let lines: Vec<&str> = file.lines().collect();
        let header_len = lines.iter().take_while(|l| l.starts_with('#')).count();
        let rows = lines[header_len..]
            .iter()
            .map(|line| line.split('\t').collect())
            .collect();
        (lines[..header_len].to_vec(), rows)
    }

    fn buildable_cards(library: &Library, scope: Scope) -> usize {
        let mut deck = QuizDeck::new(library, scope, ANKI_SEED);
        let cards: Vec<CardSpec> = deck.cards().collect();
        cards
            .into_iter()
            .filter(|&card| deck.question_for(library, card).is_some())
            .count()
    }

    #[test]
    fn the_header_comes_first_and_names_separator_html_tags_and_deck() {
        let (_, file) = builtin_file();
        let (header, _) = parse(file);
        for line in [
            "#separator:tab",
            "#html:true",
            "#tags column:3",
            "#guid column:4",
            "#notetype:Basic",
            "#deck:carestudy::all",
        ] {
            assert!(header.contains(&line), "{line} missing from {header:?}");
        }
        assert!(file.ends_with('\n'));
    }

    #[test]
    fn one_note_per_card_each_with_four_columns() {
        let (library, file) = builtin_file();
        let (_, rows) = parse(file);
        let cards = QuizDeck::new(library, Scope::All, ANKI_SEED)
            .cards()
            .count();
        assert_eq!(rows.len(), cards, "every built-in card makes a note");
        for row in &rows {
            assert_eq!(row.len(), 4, "{row:?}");
            assert!(row.iter().all(|field| !field.is_empty()), "{row:?}");
            assert!(
                row[0].starts_with('<') && row[1].starts_with('<'),
                "{row:?}"
            );
            assert!(row[2].starts_with("carestudy::"), "{row:?}");
        }
        let fronts: std::collections::HashSet<&str> = rows.iter().map(|r| r[0]).collect();
        assert_eq!(fronts.len(), rows.len(), "two notes share a front");
    }

    #[test]
    fn tags_name_the_guide_the_topic_and_the_kind() {
        let (library, file) = builtin_file();
        let (_, rows) = parse(file);
        let Some(guide) = library.guide(0) else {
            panic!("no guides");
        };
        let first = format!("carestudy::{}::{}", guide.id, guide.topics[0].id);
        assert_eq!(rows[0][2], format!("{first} carestudy-kind::flip"));
        for row in &rows {
            let tags: Vec<&str> = row[2].split(' ').collect();
            assert_eq!(tags.len(), 2, "{row:?}");
            assert_eq!(tags[0].matches("::").count(), 2, "{row:?}");
            assert!(
                ["flip", "topic", "point", "example"]
                    .iter()
                    .any(|kind| tags[1] == format!("carestudy-kind::{kind}")),
                "{row:?}"
            );
        }
    }

    #[test]
    fn guide_text_is_escaped_in_every_field() {
        for library in [parsed_with_markup(), hostile()] {
            let file = render(&library, Selection::All);
            let (header, rows) = parse(&file);
            assert_eq!(header.len(), 6);
            assert!(!rows.is_empty());
            for row in &rows {
                assert_eq!(row.len(), 4, "{row:?}");
                for field in &row[..2] {
                    for raw in [
                        "<b>& in",
                        "<b>bold",
                        "<script",
                        "</td>",
                        "<tricks>",
                        "<div>",
                        "<Describe>",
                        "<tags>",
                        "<i> &",
                        "\"quoted",
                        "'x'",
                    ] {
                        assert!(!field.contains(raw), "{raw} unescaped in {field}");
                    }
                    // Every `<` opens one of the export's own tags.
                    for (at, _) in field.match_indices('<') {
                        let tag = &field[at..];
                        assert!(
                            [
                                "<p>", "</p>", "<b>", "</b>", "<i>", "</i>", "<br>", "<small>",
                                "</small>", "<ol ", "</ol>", "<ul ", "</ul>", "<li>", "</li>"
                            ]
                            .iter()
                            .any(|ours| tag.starts_with(ours)),
                            "stray `<` at {tag}"
                        );
                    }
                }
            }
        }
        let file = render(&parsed_with_markup(), Selection::All);
        assert!(file.contains("A point with &lt;b&gt;&amp; in it"), "{file}");
        assert!(file.contains("A &quot;quoted&quot; point"));
        assert!(
            file.contains("&amp;amp;"),
            "an entity in the text stays text"
        );
    }

    #[test]
    fn a_multiple_choice_card_shows_four_options_and_the_answer() {
        let (_, file) = builtin_file();
        let (_, rows) = parse(file);
        let choice = rows
            .iter()
            .find(|r| r[2].ends_with("carestudy-kind::example"))
            .unwrap_or_else(|| panic!("no example card"));
        assert_eq!(choice[0].matches("<li>").count(), 4, "{choice:?}");
        assert!(choice[0].starts_with("<p>Which topic does this example illustrate?</p>"));
        let flip = rows
            .iter()
            .find(|r| r[2].ends_with("carestudy-kind::flip"))
            .unwrap_or_else(|| panic!("no flip card"));
        assert!(
            flip[0].contains("Recall what this topic says under Key features"),
            "{flip:?}"
        );
        assert!(
            flip[1].starts_with("<p><b>Key features</b></p><ul "),
            "{flip:?}"
        );
    }

    #[test]
    fn the_answer_on_the_back_is_the_numbered_right_option() {
        let (library, file) = builtin_file();
        let mut deck = QuizDeck::new(library, Scope::All, ANKI_SEED);
        let mut cards: Vec<CardSpec> = deck.cards().collect();
        cards.sort_by_key(|card| (card.topic, kind_order(card.kind), card.target));
        let questions: Vec<Question> = cards
            .into_iter()
            .filter_map(|card| deck.question_for(library, card))
            .collect();
        let (_, rows) = parse(file);
        assert_eq!(questions.len(), rows.len());
        for (question, row) in questions.iter().zip(&rows) {
            let (options, correct) = match &question.body {
                Body::Recall { lists } => {
                    assert!(row[1].starts_with(&recall_lists(lists)), "{row:?}");
                    for list in lists {
                        assert!(row[1].contains(&format!("<b>{}</b>", html(&list.heading))));
                    }
                    continue;
                }
                Body::Choice { options, correct } => (options, correct),
            };
            let answer = format!(
                "<p>{}. <b>{}</b></p>",
                correct + 1,
                html(question.correct_text())
            );
            assert!(row[1].starts_with(&answer), "{row:?} should start {answer}");
            assert!(row[0].contains(&items(options)), "{row:?}");
        }
    }

    #[test]
    fn one_guide_makes_its_own_deck() {
        let library = builtin();
        let file = render(&library, Selection::Guide(2));
        let (header, rows) = parse(&file);
        let id = &library.guides[2].id;
        assert!(header.contains(&format!("#deck:carestudy::{id}").as_str()));
        assert_eq!(rows.len(), buildable_cards(&library, Scope::Guide(2)));
        assert!(
            rows.iter()
                .all(|r| r[2].starts_with(&format!("carestudy::{id}::")))
        );
    }

    /// The guid column is the card's stable id, which keys on where a point is, never on its
    /// words: rewording a point keeps every guid, and changes the rows of that point's cards.
    #[test]
    fn each_note_s_guid_is_its_card_id_and_survives_rewording() {
        let (library, file) = builtin_file();
        let (_, rows) = parse(file);
        let mut deck = QuizDeck::new(library, Scope::All, ANKI_SEED);
        let mut cards: Vec<CardSpec> = deck.cards().collect();
        cards.sort_by_key(|card| (card.topic, kind_order(card.kind), card.target));
        let ids: Vec<String> = cards
            .into_iter()
            .filter_map(|card| deck.question_for(library, card))
            .map(|q| format!("carestudy:{}", q.card_id))
            .collect();
        let guids: Vec<&str> = rows.iter().map(|r| r[3]).collect();
        assert_eq!(guids, ids);
        let distinct: std::collections::HashSet<&&str> = guids.iter().collect();
        assert_eq!(distinct.len(), guids.len(), "two notes share a guid");
        assert!(guids.contains(&"carestudy:working-relationships/volunteers#point:0"));

        let mut edited = library.clone();
        let at = edited
            .find_by_id("working-relationships/volunteers")
            .unwrap_or_else(|| panic!("no volunteers topic"));
        let topic = &mut edited.guides[at.guide].topics[at.topic];
        let mut points = topic.key_features.to_vec();
        points[0] = "Unpaid helpers take on jobs that call for no specialist training.".to_owned();
        topic.key_features = points.into();
        let edited_file = render(&edited, Selection::All);
        let (_, edited_rows) = parse(&edited_file);
        let edited_guids: Vec<&str> = edited_rows.iter().map(|r| r[3]).collect();
        assert_eq!(edited_guids, guids, "rewording a point keeps every guid");
        let changed: Vec<&str> = rows
            .iter()
            .zip(&edited_rows)
            .filter(|(before, after)| before[..2] != after[..2])
            .map(|(before, _)| before[3])
            .collect();
        assert!(
            changed.contains(&"carestudy:working-relationships/volunteers#point:0"),
            "{changed:?}"
        );
        assert!(changed.contains(&"carestudy:working-relationships/volunteers#flip:0"));
    }

    #[test]
    fn one_topic_makes_its_notes_in_its_guide_s_deck() {
        let library = builtin();
        let Some(at) = library.find_by_id("working-relationships/volunteers") else {
            panic!("no volunteers topic");
        };
        let file = render(&library, Selection::Topic(at));
        let (header, rows) = parse(&file);
        assert!(header.contains(&"#deck:carestudy::working-relationships"));
        assert_eq!(rows.len(), buildable_cards(&library, Scope::Topic(at)));
        assert!(
            rows.iter()
                .all(|r| r[3].starts_with("carestudy:working-relationships/volunteers#"))
        );
    }

    #[test]
    fn html_escapes_and_flattens() {
        assert_eq!(
            html("a&b<c>\"d\"'e'"),
            "a&amp;b&lt;c&gt;&quot;d&quot;&#39;e&#39;"
        );
        assert_eq!(
            html("one\ntwo\r\nthree\rfour\tfive"),
            "one<br>two<br>three<br>four five"
        );
        assert_eq!(tag_part("a b:c\"d"), "a-b-c-d");
        assert_eq!(tag_part(""), "-");
    }
}
