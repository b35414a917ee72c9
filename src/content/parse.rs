//! Markdown guide -> [`Guide`]: front matter, then one `##` topic per section.
//!
//! Every problem is collected with its position rather than stopping at the first, so a tutor
//! can fix a whole file in one pass. Nothing here panics on any input. The work is split by idea
//! into the files of `parse/`: `decode` (is it a text guide at all), `front_matter` (the `+++`
//! block), `body` (the events of the Markdown after it), `topic` (a `##` topic and its prose
//! sections), `lists` (points, search terms and See also links) and `tables`.

mod body;
mod decode;
pub(super) mod draft;
mod front_matter;
mod lists;
mod tables;
mod topic;

use super::diagnostic::{Diagnostic, LineIndex};
use super::model::Guide;
use super::packed::PackedGuide;
use decode::decode;
pub use decode::{MAX_FILE_BYTES, MAX_LINE_BYTES, size_error};

/// After this many problems in one file the rest are counted, not listed.
pub const MAX_DIAGNOSTICS_PER_FILE: usize = 50;
/// The heading class that marks a topic as a party in the relationship map.
pub const PARTY_CLASS: &str = "party";
/// The heading class that marks a topic as wider context, not one of a care worker's own
/// working relationships.
pub const CONTEXT_CLASS: &str = "context";

/// Parses one guide file. `path` is only used in messages.
pub fn parse_guide(path: &str, bytes: &[u8]) -> Result<Guide, Vec<Diagnostic>> {
    let text = decode(path, bytes).map_err(|d| vec![d])?;
    let mut parser = GuideParser::new(path, text);
    let guide = parser.parse();
    let mut diagnostics = parser.diagnostics;
    if diagnostics.is_empty()
        && let Some(guide) = guide
    {
        // Packing what the parser built cannot fail: its places are taken as the buffer grows.
        return PackedGuide::from_draft(guide)
            .into_guide(path)
            .ok_or_else(|| {
                vec![Diagnostic::whole_file(
                    path,
                    "internal error: the guide could not be packed",
                )]
            });
    }
    if parser.hidden > 0 {
        diagnostics.push(Diagnostic::whole_file(
            path,
            format!("{} more problems in this file not shown", parser.hidden),
        ));
    }
    Ok(guide).and(Err(diagnostics))
}

/// One file being parsed, and the problems found in it so far.
struct GuideParser<'a> {
    path: &'a str,
    text: &'a str,
    lines: LineIndex<'a>,
    /// The first [`MAX_DIAGNOSTICS_PER_FILE`] problems; the rest are only counted in `hidden`
    /// (a hostile file can hold millions, and each would cost memory).
    diagnostics: Vec<Diagnostic>,
    hidden: usize,
}

impl<'a> GuideParser<'a> {
    fn new(path: &'a str, text: &'a str) -> Self {
        Self {
            path,
            text,
            lines: LineIndex::new(text),
            diagnostics: Vec::new(),
            hidden: 0,
        }
    }

    fn error(&mut self, offset: usize, message: impl Into<String>) {
        if self.diagnostics.len() >= MAX_DIAGNOSTICS_PER_FILE {
            self.hidden += 1;
            return;
        }
        let (line, column) = self.lines.position(offset);
        self.diagnostics
            .push(Diagnostic::at(self.path, line, column, message));
    }

    fn parse(&mut self) -> Option<draft::Guide> {
        let (front, body) = self.split_front_matter()?;
        let front = self.parse_front_matter(front);
        let body_start = body.start;
        let guide_id = front.as_ref().map(|f| f.id.clone());
        let (introduction, topics) = self.parse_body(body, guide_id.as_deref());
        let front = front?;
        if topics.is_empty() && self.diagnostics.is_empty() {
            self.error(
                body_start,
                "the guide has no topics: add one with `## Title {#topic-id}`",
            );
        }
        Some(draft::Guide {
            id: front.id,
            title: front.title,
            criterion: front.criterion,
            verb: front.verb,
            source: front.source,
            criteria: front.criteria,
            references: front.references,
            introduction,
            topics,
            id_position: self.lines.position(front.id_at),
            source_position: self.lines.position(front.source_at),
        })
    }

    fn valid_id(&mut self, id: String, at: usize, what: &str) -> Option<String> {
        let well_formed = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !id.starts_with('-')
            && !id.ends_with('-');
        if well_formed {
            Some(id)
        } else {
            self.error(
                at,
                format!(
                    "{what} `{id}` is not valid: use lowercase letters, digits and hyphens \
                     (like `service-users`)"
                ),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::decode::{MAX_NESTING, too_deep};
    use super::*;
    use crate::content::model::CommandVerb;

    const GOOD: &str = "+++\nid = \"g\"\ntitle = \"T\"\ncriterion = \"1.1 C\"\nverb = \"describe\"\nsource = \"S\"\ncriteria = [\"CC 1.4\"]\n+++\n\nIntro **text**.\n\n## First {#first}\n\nSummary one\ncontinues.\n\n### Key features\n\n- Point *one*\n- Point two\n\n### Examples\n\n1. An example\n\n### Tips\n\n- A tip\n\n### Criteria\n\n- 1.4a\n\n## Second {#second}\n\nOnly a summary.\n";

    fn errors(text: &str) -> Vec<String> {
        match parse_guide("g.md", text.as_bytes()) {
            Ok(_) => Vec::new(),
            Err(d) => d.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn parses_a_complete_guide() -> Result<(), Vec<Diagnostic>> {
        let guide = parse_guide("g.md", GOOD.as_bytes())?;
        assert_eq!(guide.id, "g");
        assert_eq!(guide.verb, CommandVerb::Describe);
        assert_eq!(guide.criteria, ["CC 1.4"]);
        assert_eq!(guide.introduction, "Intro text.");
        assert_eq!(guide.topics.len(), 2);
        let first = &guide.topics[0];
        assert_eq!(first.id, "first");
        assert_eq!(first.summary, "Summary one continues.");
        assert_eq!(first.key_features, ["Point one", "Point two"]);
        assert_eq!(first.examples, ["An example"]);
        assert_eq!(first.lists[0].name, "Tips");
        assert_eq!(first.lists[0].points, ["A tip"]);
        assert_eq!(first.criteria, ["1.4a"]);
        assert_eq!(first.line, 12);
        assert_eq!(first.point_lines().collect::<Vec<_>>(), [19, 20, 28]);
        assert_eq!(first.example_line(0), 24);
        assert_eq!(guide.topics[1].summary, "Only a summary.");
        Ok(())
    }

    #[test]
    fn reports_missing_and_unknown_keys_together() {
        let text = GOOD.replace("verb = \"describe\"\n", "colour = \"red\"\n");
        let found = errors(&text);
        assert!(found.contains(&"g.md:5:1: error: unknown key `colour` in front matter (known keys: id, title, criterion, verb, source, criteria, references)".to_owned()), "{found:?}");
        assert!(
            found.contains(
                &"g.md:8:1: error: missing required key `verb` in front matter".to_owned()
            ),
            "{found:?}"
        );
    }

    #[test]
    fn references_are_read_in_order() -> Result<(), Vec<Diagnostic>> {
        let text = GOOD.replace(
            "criteria = [\"CC 1.4\"]\n",
            "criteria = [\"CC 1.4\"]\nreferences = [\n  { title = \"Care Act 2014\", url = \"https://www.legislation.gov.uk/ukpga/2014/23\" },\n  { url = \"https://www.cqc.org.uk\", title = \" CQC \" },\n]\n",
        );
        let guide = parse_guide("g.md", text.as_bytes())?;
        let found: Vec<(&str, &str)> = guide
            .references
            .iter()
            .map(|r| (r.title.as_str(), r.url.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "Care Act 2014",
                    "https://www.legislation.gov.uk/ukpga/2014/23"
                ),
                ("CQC", "https://www.cqc.org.uk")
            ]
        );
        assert_eq!(guide.source_position, (6, 10));
        assert!(parse_guide("g.md", GOOD.as_bytes())?.references.is_empty());
        Ok(())
    }

    #[test]
    fn each_bad_reference_is_reported_on_its_own_line() {
        let with = |references: &str| {
            errors(&GOOD.replace(
                "criteria = [\"CC 1.4\"]\n",
                &format!("criteria = [\"CC 1.4\"]\nreferences = {references}\n"),
            ))
        };
        assert_eq!(
            with("\"https://www.cqc.org.uk\""),
            [
                "g.md:8:14: error: `references` must be a list of references, like [{ title = \"Mental Capacity Act 2005\", url = \"https://...\" }]"
            ]
        );
        assert_eq!(
            with("[\"https://www.cqc.org.uk\"]")[0],
            "g.md:8:14: error: `references` must be a list of references, like [{ title = \"Mental Capacity Act 2005\", url = \"https://...\" }]"
        );
        assert_eq!(
            with("[]"),
            [
                "g.md:8:14: error: `references` is empty: list at least one reference, or leave the key out"
            ]
        );
        let found = with(
            "[\n { title = \"A\", url = \"https://a.example.org\" },\n { title = \"B\", url = \"www.cqc.org.uk\" },\n { title = \"\", url = \"https://c.example.org\" },\n { title = \"D\" },\n { url = \"https://e.example.org\" },\n { title = \"F\", url = \"https://a.example.org\" },\n { title = \"G\", url = \"https://g.example.org\", page = 4 },\n { title = 7, url = \"https://h.example.org\" },\n]",
        );
        assert_eq!(
            found,
            [
                "g.md:10:2: error: the url of reference \"B\" is not a web address: write it in full, starting with https:// (found `www.cqc.org.uk`)",
                "g.md:11:2: error: a reference's `title` must not be empty",
                "g.md:12:2: error: reference \"D\" needs a `url`",
                "g.md:13:2: error: a reference needs a `title` and a `url`",
                "g.md:14:2: error: the reference https://a.example.org is listed twice",
                "g.md:15:2: error: unknown key `page` in a reference: a reference has a `title` and a `url`",
                "g.md:16:2: error: a reference's `title` must be a string",
            ]
        );
    }

    #[test]
    fn topic_classes() -> Result<(), Vec<Diagnostic>> {
        let text = GOOD
            .replace("{#first}", "{#first .party}")
            .replace("{#second}", "{#second .context}");
        let guide = parse_guide("g.md", text.as_bytes())?;
        assert!(guide.topics[0].party && !guide.topics[0].context);
        assert!(guide.topics[1].context && !guide.topics[1].party);
        assert_eq!(
            errors(&GOOD.replace("{#second}", "{#second .party .context}")),
            [
                "g.md:34:1: error: a topic is a party (`.party`) or wider context (`.context`), not both"
            ]
        );
        assert_eq!(
            errors(&GOOD.replace("{#second}", "{#second .wider}")),
            [
                "g.md:34:1: error: unknown topic class `.wider`: the classes are `.party` (a party in the relationship map) and `.context` (wider context, not one of a care worker's own working relationships)"
            ]
        );
        Ok(())
    }

    #[test]
    fn a_topic_without_id_is_located() {
        let text = GOOD.replace("## Second {#second}", "## Second");
        assert_eq!(
            errors(&text),
            [
                "g.md:34:1: error: topic `Second` has no id: add one after the title, like `## Second {#some-id}`"
            ]
        );
    }

    #[test]
    fn an_empty_topic_is_an_error() {
        let text = GOOD.replace("Only a summary.\n", "");
        assert_eq!(
            errors(&text),
            ["g.md:34:1: error: topic `second` has nothing under it: add a summary paragraph"]
        );
    }

    #[test]
    fn duplicate_topic_ids_name_both_places() {
        let text = GOOD.replace("{#second}", "{#first}");
        assert_eq!(
            errors(&text),
            ["g.md:34:1: error: duplicate topic id `first`: also used at g.md:12:1"]
        );
    }

    #[test]
    fn what_is_under_a_rejected_topic_is_not_reported_again() {
        let text = GOOD.replace(
            "{#second}\n\nOnly a summary.",
            "{#first}\n\nA summary.\n\n### Key features\n\n- A point",
        );
        assert_eq!(
            errors(&text),
            ["g.md:34:1: error: duplicate topic id `first`: also used at g.md:12:1"]
        );
        let text = GOOD.replace("## First {#first}", "## First");
        assert_eq!(
            errors(&text),
            [
                "g.md:12:1: error: topic `First` has no id: add one after the title, like `## First {#some-id}`"
            ]
        );
    }

    #[test]
    fn nested_lists_are_reported_once() {
        let text = GOOD.replace("- Point two\n", "- Point two\n  - nested\n    - deeper\n");
        assert_eq!(
            errors(&text),
            [
                "g.md:21:3: error: a list inside a point is not allowed: make each sub-point a point of its own"
            ]
        );
    }

    #[test]
    fn search_terms_are_their_own_field_not_points() -> Result<(), Vec<Diagnostic>> {
        let text = GOOD.replace(
            "### Criteria",
            "### Search terms\n\n- handover\n- multidisciplinary team\n\n### Criteria",
        );
        let guide = parse_guide("g.md", text.as_bytes())?;
        let first = &guide.topics[0];
        assert_eq!(first.search_terms, ["handover", "multidisciplinary team"]);
        assert_eq!(first.lists.len(), 1, "only Tips is a list of points");
        assert_eq!(first.point_count(), 3);
        assert!(first.points().all(|(_, p)| p != "handover"));
        Ok(())
    }

    #[test]
    fn repeated_or_overlong_search_terms_are_located() {
        let long = "word ".repeat(13);
        let text = GOOD.replace(
            "### Criteria",
            &format!(
                "### Search terms\n\n- handover\n- Handover\n- {long}\n\n### Search terms\n\n- \
                 HANDOVER\n\n### Criteria"
            ),
        );
        assert_eq!(
            errors(&text),
            [
                "g.md:33:1: error: search term `Handover` is listed twice in this topic",
                "g.md:34:1: error: search term is 64 characters long: a search term is a word or \
                 a short phrase of at most 60 characters",
                "g.md:38:1: error: search term `HANDOVER` is listed twice in this topic",
            ]
        );
    }

    #[test]
    fn sanitises_text_at_load() -> Result<(), Vec<Diagnostic>> {
        let text = GOOD.replace("Point two", "Point \u{1b}[2Jtwo\u{202e}");
        let guide = parse_guide("g.md", text.as_bytes())?;
        assert_eq!(&guide.topics[0].key_features[1], "Point [2Jtwo");
        Ok(())
    }

    #[test]
    fn absurd_nesting_is_refused_before_parsing() {
        let deep_quote = format!("{GOOD}{}x\n", ">".repeat(100));
        assert_eq!(
            errors(&deep_quote),
            [format!(
                "g.md:37:17: error: nesting too deep: more than {MAX_NESTING} levels of block \
                 quotes (`>`), lists or indentation at the start of this line"
            )]
        );
        let deep_list = format!("{GOOD}{}x\n", "- ".repeat(100));
        assert!(errors(&deep_list)[0].starts_with("g.md:37:33: error: nesting too deep"));
        let indented = format!("{GOOD}{}x\n", " ".repeat(200));
        assert!(errors(&indented)[0].starts_with("g.md:37:68: error: nesting too deep"));
        // Ordinary lines, numbers and rules are not nesting.
        assert_eq!(too_deep("- - - > 1. point"), None);
        assert_eq!(too_deep("1234567890. not a marker"), None);
        assert_eq!(too_deep("---------------------------------------"), None);
        assert_eq!(too_deep("2024 was a year"), None);
    }

    /// GOOD with `extra` appended to its second topic.
    fn with_second(extra: &str) -> String {
        format!("{GOOD}{extra}")
    }

    #[test]
    fn prose_sections_are_kept_apart_from_the_points() -> Result<(), Vec<Diagnostic>> {
        let text = with_second(
            "\n### Assessment question\n\nDescribe a thing.\n\n### Answer plan\n\n- Say what it is.\n\n\
             ### Model answer\n\nFirst paragraph\nof the answer.\n\nSecond paragraph.\n",
        );
        let guide = parse_guide("g.md", text.as_bytes())?;
        let second = &guide.topics[1];
        assert_eq!(second.question.as_deref(), Some("Describe a thing."));
        assert_eq!(
            second.model_answer,
            ["First paragraph of the answer.", "Second paragraph."]
        );
        let points: Vec<&str> = second.points().map(|(_, p)| p).collect();
        assert_eq!(points, ["Say what it is."]);
        assert_eq!(second.answer_points(), ["Say what it is."]);
        Ok(())
    }

    #[test]
    fn prose_sections_hold_paragraphs_only() {
        let list = with_second("\n### Model answer\n\n- a point\n");
        assert_eq!(
            errors(&list),
            [
                "g.md:40:1: error: `### Model answer` holds paragraphs, not a list: write it as sentences, or give the list a `###` heading of its own",
                "g.md:38:1: error: `### Model answer` has no text under it: write it in paragraphs"
            ]
        );
        let two = with_second("\n### Assessment question\n\nOne?\n\nTwo?\n");
        assert_eq!(
            errors(&two),
            [
                "g.md:38:1: error: `### Assessment question` holds one paragraph: the question as it is asked"
            ]
        );
        let twice = with_second("\n### Model answer\n\nOne.\n\n### Model answer\n\nTwo.\n");
        assert_eq!(
            errors(&twice),
            [
                "g.md:42:1: error: a second `### Model answer` in this topic: a topic has one Model answer"
            ]
        );
    }

    #[test]
    fn a_named_table_is_read_row_by_row() -> Result<(), Vec<Diagnostic>> {
        let text = with_second(
            "\n### Side by side\n\n| Aspect | Working | Personal |\n|---|---|---|\n\
             | Pay | Paid | *Unpaid* |\n| Choice | Set by the job | Chosen |\n",
        );
        let guide = parse_guide("g.md", text.as_bytes())?;
        let table = &guide.topics[1].tables[0];
        assert_eq!(table.name, "Side by side");
        assert_eq!(table.header, ["Aspect", "Working", "Personal"]);
        assert_eq!(
            table.rows,
            [
                ["Pay", "Paid", "Unpaid"],
                ["Choice", "Set by the job", "Chosen"]
            ]
        );
        assert_eq!(guide.topics[1].point_count(), 0);
        Ok(())
    }

    #[test]
    fn tables_are_checked() {
        let short_row = with_second("\n### T\n\n| A | B |\n|---|---|\n| only a |\n");
        assert_eq!(
            errors(&short_row),
            [
                "g.md:42:1: error: an empty table cell under `B`: every row needs a cell for each column of the header"
            ]
        );
        let unnamed = with_second("\n| A | B |\n|---|---|\n| 1 | 2 |\n");
        assert_eq!(
            errors(&unnamed),
            ["g.md:38:1: error: a table without a name: put a `### ...` heading above it"]
        );
        let one_column = with_second("\n### T\n\n| A |\n|---|\n| 1 |\n");
        assert_eq!(
            errors(&one_column),
            ["g.md:40:1: error: the table `T` needs at least two columns"]
        );
    }

    #[test]
    fn see_also_points_are_links_to_topics() -> Result<(), Vec<Diagnostic>> {
        let text = with_second(
            "\n### See also\n\n- [Advocates](other-guide/advocates)\n- first\n- other-guide/volunteers\n",
        );
        let guide = parse_guide("g.md", text.as_bytes())?;
        let second = &guide.topics[1];
        let targets: Vec<&str> = second.see_also.iter().map(|l| l.target.as_str()).collect();
        assert_eq!(
            targets,
            ["other-guide/advocates", "g/first", "other-guide/volunteers"]
        );
        assert_eq!(
            (second.see_also[0].line, second.see_also[0].column),
            (40, 3)
        );
        assert_eq!(second.point_count(), 0);
        let bad =
            with_second("\n### See also\n\n- [Advocates](https://example.org)\n- Two words\n");
        assert_eq!(
            errors(&bad),
            [
                "g.md:40:3: error: `https://example.org` is not a topic: a `### See also` point links to a topic by its id, like `[Advocates](types-of-relationships/advocates)`",
                "g.md:41:3: error: `Two words` is not a topic: a `### See also` point links to a topic by its id, like `[Advocates](types-of-relationships/advocates)`"
            ]
        );
        Ok(())
    }

    #[test]
    fn problems_past_the_cap_are_counted_not_kept() {
        let text = format!("{GOOD}{}", "#\n".repeat(10_000));
        let found = errors(&text);
        assert_eq!(found.len(), MAX_DIAGNOSTICS_PER_FILE + 1);
        assert_eq!(
            found.last().map(String::as_str),
            Some("g.md:1:1: error: 9950 more problems in this file not shown")
        );
    }

    #[test]
    fn invalid_utf8_reports_its_line() {
        let mut bytes = GOOD.as_bytes().to_vec();
        let at = GOOD.find("Intro").unwrap_or(0);
        bytes[at + 2] = 0xff;
        let found = parse_guide("g.md", &bytes).err().unwrap_or_default();
        assert_eq!(
            found[0].to_string(),
            "g.md:10:3: error: invalid UTF-8: save the guide as UTF-8 text"
        );
    }
}
