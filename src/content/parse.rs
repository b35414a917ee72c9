//! Markdown guide -> [`Guide`]: front matter, then one `##` topic per section.
//!
//! Every problem is collected with its position rather than stopping at the first, so a tutor
//! can fix a whole file in one pass. Nothing here panics on any input.

use super::diagnostic::{Diagnostic, LineIndex, split_lines};
use super::model::{
    ASSESSMENT_QUESTION, CRITERIA, CommandVerb, EXAMPLES, Guide, ItemLines, KEY_FEATURES,
    MODEL_ANSWER, PointList, Reference, SEARCH_TERMS, SEE_ALSO, Table, Topic, TopicLink,
};
use super::references::is_web_address;
use super::sanitize::{sanitize, sanitize_inline};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::BTreeMap;
use std::ops::Range;

/// Guides larger than this are refused before parsing. The largest real guide is a few tens of
/// KiB; at this size the most hostile file measured (a line of `[`s, repeated) costs under 40 MB
/// and 0.1 s to reject or load, inside the 64 MB and 250 ms any accepted file may cost.
pub const MAX_FILE_BYTES: usize = 512 * 1024;
/// A line longer than this is certainly not prose; refusing it keeps parsing fast.
pub const MAX_LINE_BYTES: usize = 64 * 1024;
/// After this many problems in one file the rest are counted, not listed.
pub const MAX_DIAGNOSTICS_PER_FILE: usize = 50;
/// Block quotes, lists and indentation nested deeper than this at the start of a line are refused
/// before parsing: the format needs two levels, and pulldown-cmark re-checks every open container
/// on every following line, so a deep nest followed by many lines takes time quadratic in the file.
pub const MAX_NESTING: usize = 16;

const FENCE: &str = "+++";
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
        return Ok(guide);
    }
    if parser.hidden > 0 {
        diagnostics.push(Diagnostic::whole_file(
            path,
            format!("{} more problems in this file not shown", parser.hidden),
        ));
    }
    Ok(guide).and(Err(diagnostics))
}

/// Checks that a file is a plausible text guide and returns it as UTF-8.
fn decode<'a>(path: &str, bytes: &'a [u8]) -> Result<&'a str, Diagnostic> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Diagnostic::whole_file(
            path,
            "empty file: a guide starts with a `+++` front matter block",
        ));
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(size_error(path, bytes.len() as u64));
    }
    if let Some(nul) = memchr::memchr(0, bytes) {
        let (line, column) = byte_position(bytes, nul);
        return Err(Diagnostic::at(
            path,
            line,
            column,
            "binary file: found a NUL byte; a guide must be plain UTF-8 text",
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = byte_position(bytes, e.valid_up_to());
        Diagnostic::at(
            path,
            line,
            column,
            "invalid UTF-8: save the guide as UTF-8 text",
        )
    })?;
    let mut offset = 0;
    for (number, line) in split_lines(text).enumerate() {
        if let Some(at) = too_deep(line) {
            return Err(Diagnostic::at(
                path,
                number + 1,
                // The prefix `too_deep` scans is ASCII, so its byte offset is the column.
                at + 1,
                format!(
                    "nesting too deep: more than {MAX_NESTING} levels of block quotes (`>`), lists \
                     or indentation at the start of this line"
                ),
            ));
        }
        if line.len() > MAX_LINE_BYTES {
            return Err(Diagnostic::at(
                path,
                number + 1,
                1,
                format!(
                    "line is {} bytes long; the limit is {MAX_LINE_BYTES} bytes (64 KiB)",
                    line.len()
                ),
            ));
        }
        offset += line.len() + 1;
    }
    debug_assert!(offset >= text.len());
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// Where a line's leading container markers first exceed [`MAX_NESTING`] levels, if they do.
///
/// An estimate rather than CommonMark's rules: each `>`, each list marker (`-`, `*`, `+` or
/// `1.`/`1)` followed by a space) and every four columns of a run of whitespace count one level.
/// Every container pulldown-cmark keeps open needs a marker or its own indentation (two columns or
/// more) on the line that opens or continues it, so the real depth is at most about twice the
/// estimate. The scan stops at the limit, so it is cheap on any line.
fn too_deep(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let is_gap = |i: usize| bytes.get(i).is_none_or(|&b| b == b' ' || b == b'\t');
    let (mut levels, mut run, mut i) = (0usize, 0usize, 0usize);
    while let Some(&b) = bytes.get(i) {
        let start = i;
        match b {
            b' ' => run += 1,
            b'\t' => run += 4,
            _ => {
                levels += run / 4;
                run = 0;
                match b {
                    b'>' => levels += 1,
                    b'-' | b'*' | b'+' if is_gap(i + 1) => levels += 1,
                    b'0'..=b'9' => {
                        let digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
                        let marker = i + digits;
                        let delimited = matches!(bytes.get(marker), Some(b'.' | b')'));
                        if digits > 9 || !delimited || !is_gap(marker + 1) {
                            return None;
                        }
                        levels += 1;
                        i = marker;
                    }
                    _ => return None,
                }
            }
        }
        if levels + run / 4 > MAX_NESTING {
            return Some(start);
        }
        i += 1;
    }
    None
}

pub fn size_error(path: &str, size: u64) -> Diagnostic {
    Diagnostic::whole_file(
        path,
        format!("file is {size} bytes; the limit for a guide is 512 KiB ({MAX_FILE_BYTES} bytes)"),
    )
}

/// Line and column of a byte in text that may not be valid UTF-8 (columns count bytes there).
fn byte_position(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

struct FrontMatter {
    id: String,
    /// Byte offset of the id's value, for messages about it.
    id_at: usize,
    title: String,
    criterion: String,
    verb: CommandVerb,
    source: String,
    /// Byte offset of the source's value, for messages about it.
    source_at: usize,
    criteria: Vec<String>,
    references: Vec<Reference>,
}

/// A topic being assembled from events.
struct TopicDraft {
    topic: Topic,
    heading_offset: usize,
    /// The `###` list name waiting for its list (or table), and where the heading was.
    pending_list: Option<(String, usize)>,
    /// The prose section (`### Model answer`, `### Assessment question`) being read.
    prose: Option<ProseDraft>,
    has_lists: bool,
    /// The heading was already reported (no id, a bad or repeated id): what is under it is read
    /// as usual, so it is not reported again as being outside a topic, but the topic is dropped.
    rejected: bool,
}

/// The sections whose content is paragraphs rather than a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ProseKind {
    ModelAnswer,
    AssessmentQuestion,
}

impl ProseKind {
    fn of(name: &str) -> Option<Self> {
        if name.eq_ignore_ascii_case(MODEL_ANSWER) {
            Some(Self::ModelAnswer)
        } else if name.eq_ignore_ascii_case(ASSESSMENT_QUESTION) {
            Some(Self::AssessmentQuestion)
        } else {
            None
        }
    }

    fn name(self) -> &'static str {
        match self {
            Self::ModelAnswer => MODEL_ANSWER,
            Self::AssessmentQuestion => ASSESSMENT_QUESTION,
        }
    }
}

struct ProseDraft {
    kind: ProseKind,
    heading_offset: usize,
    paragraphs: Vec<String>,
}

/// A table being read: its header once the head row has ended, then its rows.
struct TableDraft {
    name: String,
    start: usize,
    header: Option<Vec<String>>,
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    /// Where the row being read starts: a missing cell has no place of its own.
    row_start: usize,
}

/// What the parser is inside of at the moment.
enum Inline {
    None,
    Heading {
        level: HeadingLevel,
        id: Option<String>,
        /// `.class` attributes after the title, like `.party`.
        classes: Vec<String>,
        start: usize,
        text: String,
    },
    Paragraph {
        start: usize,
        text: String,
    },
}

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

    fn parse(&mut self) -> Option<Guide> {
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
        Some(Guide {
            id: front.id,
            title: front.title,
            criterion: front.criterion,
            verb: front.verb,
            source: front.source,
            criteria: front.criteria,
            references: front.references,
            introduction,
            topics,
            origin: self.path.to_owned(),
            id_position: self.lines.position(front.id_at),
            source_position: self.lines.position(front.source_at),
        })
    }

    /// Finds the `+++` block; returns the byte ranges of its contents and of the body after it.
    fn split_front_matter(&mut self) -> Option<(Range<usize>, Range<usize>)> {
        let text = self.text;
        let first_line_end = text.find('\n').unwrap_or(text.len());
        if text[..first_line_end].trim_end() != FENCE {
            let first_content = text.len() - text.trim_start().len();
            self.error(
                first_content,
                "no front matter: a guide must start with a line `+++`, then `id`, `title`, \
                 `criterion`, `verb` and `source`, then `+++`",
            );
            return None;
        }
        let front_start = (first_line_end + 1).min(text.len());
        let mut line_start = front_start;
        while line_start < text.len() {
            let line_end = text[line_start..]
                .find('\n')
                .map_or(text.len(), |i| line_start + i);
            if text[line_start..line_end].trim_end() == FENCE {
                let body_start = (line_end + 1).min(text.len());
                return Some((front_start..line_start, body_start..text.len()));
            }
            line_start = line_end + 1;
        }
        self.error(
            0,
            "front matter opened here is never closed: add a line `+++` after the last key",
        );
        None
    }

    fn parse_front_matter(&mut self, range: Range<usize>) -> Option<FrontMatter> {
        let source = &self.text[range.clone()];
        type Table = BTreeMap<toml::Spanned<String>, toml::Spanned<toml::Value>>;
        let table: Table = match toml::from_str(source) {
            Ok(table) => table,
            Err(e) => {
                let at = range.start + e.span().map_or(0, |s| s.start);
                let message = e.message().trim_end().replace('\n', " ");
                self.error(at, format!("front matter: {message}"));
                return None;
            }
        };
        let mut strings: BTreeMap<&str, (String, usize)> = BTreeMap::new();
        let mut criteria = Vec::new();
        let mut references = Vec::new();
        for (key, value) in &table {
            let key_at = range.start + key.span().start;
            let value_at = range.start + value.span().start;
            match key.get_ref().as_str() {
                name @ ("id" | "title" | "criterion" | "verb" | "source") => {
                    match value.get_ref().as_str() {
                        Some(s) => {
                            strings.insert(name, (sanitize_inline(s), value_at));
                        }
                        None => self.error(value_at, format!("`{name}` must be a string")),
                    }
                }
                "criteria" => match value.get_ref().as_array() {
                    Some(items) => {
                        for item in items {
                            match item.as_str() {
                                Some(s) => criteria.push(sanitize_inline(s)),
                                None => {
                                    self.error(value_at, "`criteria` must be a list of strings")
                                }
                            }
                        }
                    }
                    None => self.error(
                        value_at,
                        "`criteria` must be a list of strings, like [\"Care Certificate 1.4\"]",
                    ),
                },
                "references" => references = self.parse_references(source, range.start, value),
                other => self.error(
                    key_at,
                    format!(
                        "unknown key `{other}` in front matter (known keys: id, title, \
                         criterion, verb, source, criteria, references)"
                    ),
                ),
            }
        }
        let closing_fence = range.end;
        let mut required = |this: &mut Self, key: &str| -> Option<(String, usize)> {
            match strings.remove(key) {
                Some((value, at)) if value.is_empty() => {
                    this.error(at, format!("`{key}` must not be empty"));
                    None
                }
                Some(found) => Some(found),
                None => {
                    this.error(
                        closing_fence,
                        format!("missing required key `{key}` in front matter"),
                    );
                    None
                }
            }
        };
        let id = required(self, "id");
        let title = required(self, "title");
        let criterion = required(self, "criterion");
        let verb = required(self, "verb");
        let source_title = required(self, "source");
        let id_at = id.as_ref().map_or(closing_fence, |(_, at)| *at);
        let source_at = source_title.as_ref().map_or(closing_fence, |(_, at)| *at);
        let id = id.and_then(|(id, at)| self.valid_id(id, at, "guide id"));
        let verb = verb.and_then(|(word, at)| {
            let verb = CommandVerb::parse(&word.to_lowercase());
            if verb.is_none() {
                let known: Vec<_> = CommandVerb::ALL.iter().map(|v| v.name()).collect();
                self.error(
                    at,
                    format!("unknown verb `{word}`: use one of {}", known.join(", ")),
                );
            }
            verb
        });
        Some(FrontMatter {
            id: id?,
            id_at,
            title: title?.0,
            criterion: criterion?.0,
            verb: verb?,
            source: source_title?.0,
            source_at,
            criteria,
            references,
        })
    }

    /// `references = [{ title = "...", url = "https://..." }, ...]`. `value` is the key's value
    /// as the whole front matter (`front`, starting at byte `base` of the file) parsed it.
    fn parse_references(
        &mut self,
        front: &str,
        base: usize,
        value: &toml::Spanned<toml::Value>,
    ) -> Vec<Reference> {
        const SHAPE: &str = "`references` must be a list of references, like \
                             [{ title = \"Mental Capacity Act 2005\", url = \"https://...\" }]";
        /// The front matter again, with the position of each reference, so a problem with one
        /// points at its own line.
        #[derive(serde::Deserialize)]
        struct Located {
            references: Vec<toml::Spanned<toml::Table>>,
        }
        let value_at = base + value.span().start;
        let is_list_of_tables = value
            .get_ref()
            .as_array()
            .is_some_and(|items| items.iter().all(toml::Value::is_table));
        let located = match toml::from_str::<Located>(front) {
            Ok(located) if is_list_of_tables => located.references,
            _ => {
                self.error(value_at, SHAPE);
                return Vec::new();
            }
        };
        if located.is_empty() {
            self.error(
                value_at,
                "`references` is empty: list at least one reference, or leave the key out",
            );
        }
        let mut references: Vec<Reference> = Vec::new();
        for item in located {
            let at = base + item.span().start;
            let fields = item.get_ref();
            if let Some(key) = fields.keys().find(|k| *k != "title" && *k != "url") {
                self.error(
                    at,
                    format!(
                        "unknown key `{key}` in a reference: a reference has a `title` and a `url`"
                    ),
                );
            }
            let text = |name: &str| fields.get(name).map(|v| v.as_str().map(sanitize_inline));
            let title = match text("title") {
                Some(Some(title)) if !title.is_empty() => title,
                Some(Some(_)) => {
                    self.error(at, "a reference's `title` must not be empty");
                    continue;
                }
                Some(None) => {
                    self.error(at, "a reference's `title` must be a string");
                    continue;
                }
                None => {
                    self.error(at, "a reference needs a `title` and a `url`");
                    continue;
                }
            };
            let url = match text("url") {
                Some(Some(url)) if is_web_address(&url) => url,
                Some(Some(url)) => {
                    self.error(
                        at,
                        format!(
                            "the url of reference \"{title}\" is not a web address: write it in \
                             full, starting with https:// (found `{url}`)"
                        ),
                    );
                    continue;
                }
                Some(None) => {
                    self.error(
                        at,
                        format!("the url of reference \"{title}\" must be a string"),
                    );
                    continue;
                }
                None => {
                    self.error(at, format!("reference \"{title}\" needs a `url`"));
                    continue;
                }
            };
            if references.iter().any(|r| r.url == url) {
                self.error(at, format!("the reference {url} is listed twice"));
                continue;
            }
            references.push(Reference { title, url });
        }
        references
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

    /// `guide_id` completes bare topic ids in `### See also` links (`advocates` ->
    /// `this-guide/advocates`); it is `None` when the front matter has problems of its own.
    fn parse_body(&mut self, body: Range<usize>, guide_id: Option<&str>) -> (String, Vec<Topic>) {
        let base = body.start;
        let source = &self.text[body];
        let options = Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_TABLES;
        let mut introduction: Vec<String> = Vec::new();
        let mut topics: Vec<Topic> = Vec::new();
        let mut topic_lines: BTreeMap<String, usize> = BTreeMap::new();
        let mut draft: Option<TopicDraft> = None;
        let mut inline = Inline::None;
        // Depth of lists we are inside, and the list being filled (if the outermost is wanted).
        let mut list_depth = 0usize;
        let mut current_list: Option<PointList> = None;
        let mut item_text: Option<String> = None;
        let mut item_start = 0usize;
        // Link destinations inside the point being read, with where each link starts.
        let mut item_links: Vec<(String, usize)> = Vec::new();
        // Where the first text of the point being read starts, for messages about a bare link.
        let mut item_text_at: Option<usize> = None;
        // The links of a `### See also` list being read.
        let mut current_links: Vec<TopicLink> = Vec::new();
        let mut current_table: Option<TableDraft> = None;
        // Inside a construct the format does not use: its contents are skipped until it ends.
        let mut skip_depth = 0usize;

        for (event, span) in Parser::new_ext(source, options).into_offset_iter() {
            let at = base + span.start;
            if skip_depth > 0 {
                match event {
                    Event::Start(_) => skip_depth += 1,
                    Event::End(_) => skip_depth -= 1,
                    _ => {}
                }
                continue;
            }
            match event {
                Event::Start(Tag::Heading {
                    level, id, classes, ..
                }) => {
                    inline = Inline::Heading {
                        level,
                        id: id.map(|id| id.to_string()),
                        classes: classes.iter().map(|c| sanitize_inline(c)).collect(),
                        start: at,
                        text: String::new(),
                    };
                }
                Event::End(TagEnd::Heading(_)) => {
                    let Inline::Heading {
                        level,
                        id,
                        classes,
                        start,
                        text,
                    } = std::mem::replace(&mut inline, Inline::None)
                    else {
                        continue;
                    };
                    let title = sanitize_inline(&text);
                    match level {
                        HeadingLevel::H2 => {
                            if let Some(done) = draft.take() {
                                self.finish_topic(done, &mut topics);
                            }
                            let mut started = self.start_topic(id, title, start, &mut topic_lines);
                            for class in classes {
                                match class.as_str() {
                                    PARTY_CLASS => started.topic.party = true,
                                    CONTEXT_CLASS => started.topic.context = true,
                                    _ => self.error(
                                        start,
                                        format!(
                                            "unknown topic class `.{class}`: the classes are \
                                             `.{PARTY_CLASS}` (a party in the relationship map) \
                                             and `.{CONTEXT_CLASS}` (wider context, not one of a \
                                             care worker's own working relationships)"
                                        ),
                                    ),
                                }
                            }
                            if started.topic.party && started.topic.context {
                                self.error(
                                    start,
                                    format!(
                                        "a topic is a party (`.{PARTY_CLASS}`) or wider context \
                                         (`.{CONTEXT_CLASS}`), not both"
                                    ),
                                );
                            }
                            draft = Some(started);
                        }
                        HeadingLevel::H3 => match draft.as_mut() {
                            None => self.error(
                                start,
                                format!(
                                    "list heading `### {title}` before any topic: start a topic \
                                     with `## Title {{#topic-id}}` first"
                                ),
                            ),
                            Some(d) => {
                                if let Some((name, at)) = d.pending_list.take() {
                                    self.error(at, format!("`### {name}` has no list under it"));
                                }
                                self.close_prose(d);
                                if title.is_empty() {
                                    self.error(start, "a `###` list heading needs a name");
                                } else if let Some(kind) = ProseKind::of(&title) {
                                    self.open_prose(d, kind, start);
                                } else {
                                    d.pending_list = Some((title, start));
                                }
                            }
                        },
                        HeadingLevel::H1 => self.error(
                            start,
                            "`#` headings are not used: the guide's title is `title` in the \
                             front matter, and topics are `##` headings",
                        ),
                        _ => self.error(
                            start,
                            "headings below `###` are not used: a topic is `##`, a named list \
                             is `###`",
                        ),
                    }
                }
                Event::Start(Tag::Paragraph) if list_depth == 0 => {
                    inline = Inline::Paragraph {
                        start: at,
                        text: String::new(),
                    };
                }
                Event::End(TagEnd::Paragraph) if list_depth == 0 => {
                    let Inline::Paragraph { start, text } =
                        std::mem::replace(&mut inline, Inline::None)
                    else {
                        continue;
                    };
                    let paragraph = sanitize_inline(&text);
                    match draft.as_mut() {
                        None => introduction.push(paragraph),
                        Some(d) => {
                            if let Some(prose) = d.prose.as_mut() {
                                prose.paragraphs.push(paragraph);
                            } else if let Some((name, _)) = &d.pending_list {
                                let message = format!(
                                    "text under `### {name}` must be a list (start each point \
                                     with `- `) or a table"
                                );
                                self.error(start, message);
                            } else if d.has_lists {
                                self.error(
                                    start,
                                    "a paragraph after the topic's lists: put summary \
                                     paragraphs before the first `###` list",
                                );
                            } else {
                                if !d.topic.summary.is_empty() {
                                    d.topic.summary.push_str("\n\n");
                                }
                                d.topic.summary.push_str(&paragraph);
                            }
                        }
                    }
                }
                Event::Start(Tag::List(_))
                    if list_depth == 0
                        && let Some(prose) = draft.as_ref().and_then(|d| d.prose.as_ref()) =>
                {
                    let message = format!(
                        "`### {}` holds paragraphs, not a list: write it as sentences, or give \
                         the list a `###` heading of its own",
                        prose.kind.name()
                    );
                    self.error(at, message);
                    skip_depth = 1;
                }
                Event::Start(Tag::List(_)) => {
                    list_depth += 1;
                    if list_depth > 1 {
                        self.error(
                            at,
                            "a list inside a point is not allowed: make each sub-point a point \
                             of its own",
                        );
                        skip_depth = 1;
                        list_depth -= 1;
                        continue;
                    }
                    match draft.as_mut() {
                        None => self.error(
                            at,
                            "a list before the first topic: points must belong to a topic \
                             (start one with `## Title {#topic-id}`)",
                        ),
                        Some(d) => match d.pending_list.take() {
                            Some((name, _)) => {
                                d.has_lists = true;
                                current_list = Some(PointList {
                                    name,
                                    points: Vec::new(),
                                    lines: Vec::new(),
                                });
                            }
                            None => self.error(
                                at,
                                "a list without a name: put a `### Key features` (or another \
                                 name) heading above it",
                            ),
                        },
                    }
                }
                Event::End(TagEnd::List(_)) => {
                    list_depth = list_depth.saturating_sub(1);
                    if list_depth == 0
                        && let (Some(list), Some(d)) = (current_list.take(), draft.as_mut())
                    {
                        if list.name.eq_ignore_ascii_case(SEE_ALSO) {
                            d.topic.see_also.append(&mut current_links);
                        } else {
                            add_list(&mut d.topic, list);
                        }
                    }
                }
                Event::Start(Tag::Item) => {
                    item_text = Some(String::new());
                    item_start = at;
                    item_links.clear();
                    item_text_at = None;
                }
                Event::End(TagEnd::Item) => {
                    let point = sanitize_inline(&item_text.take().unwrap_or_default());
                    if let Some(list) = current_list.as_mut() {
                        if point.is_empty() && item_links.is_empty() {
                            self.error(item_start, "an empty point: write the point or remove it");
                        } else if list.name.eq_ignore_ascii_case(SEARCH_TERMS) {
                            let earlier = draft.as_ref().map_or(&[][..], |d| &d.topic.search_terms);
                            match search_term_problem(&point, earlier, &list.points) {
                                Some(problem) => self.error(item_start, problem),
                                None => list.points.push(point),
                            }
                        } else if list.name.eq_ignore_ascii_case(SEE_ALSO) {
                            let links = std::mem::take(&mut item_links);
                            let text_at = item_text_at.unwrap_or(item_start);
                            if let Some(link) = self.see_also_link(&point, links, text_at, guide_id)
                                && !current_links.iter().any(|l| l.target == link.target)
                            {
                                current_links.push(link);
                            }
                        } else {
                            list.points.push(point);
                            list.lines.push(self.lines.position(item_start).0);
                        }
                    }
                }
                Event::Start(Tag::Table(_)) => {
                    let Some(d) = draft.as_mut().filter(|_| list_depth == 0) else {
                        let message = if list_depth > 0 {
                            "a table inside a point is not allowed"
                        } else {
                            "a table before the first topic: tables belong to a topic (start \
                             one with `## Title {#topic-id}`)"
                        };
                        self.error(at, message);
                        skip_depth = 1;
                        continue;
                    };
                    if let Some(prose) = &d.prose {
                        let message = format!(
                            "`### {}` holds paragraphs, not a table: give the table a `###` \
                             heading of its own",
                            prose.kind.name()
                        );
                        self.error(at, message);
                        skip_depth = 1;
                        continue;
                    }
                    match d.pending_list.take() {
                        Some((name, _)) => {
                            d.has_lists = true;
                            current_table = Some(TableDraft {
                                name,
                                start: at,
                                header: None,
                                rows: Vec::new(),
                                row: Vec::new(),
                                row_start: at,
                            });
                        }
                        None => {
                            self.error(
                                at,
                                "a table without a name: put a `### ...` heading above it",
                            );
                            skip_depth = 1;
                        }
                    }
                }
                Event::Start(Tag::TableHead | Tag::TableRow) => {
                    if let Some(table) = current_table.as_mut() {
                        table.row.clear();
                        table.row_start = at;
                    }
                }
                Event::Start(Tag::TableCell) => {
                    item_text = Some(String::new());
                }
                Event::End(TagEnd::TableCell) => {
                    let cell = sanitize_inline(&item_text.take().unwrap_or_default());
                    if let Some(table) = current_table.as_mut() {
                        if cell.is_empty() {
                            let column = table.row.len();
                            let under = table
                                .header
                                .as_ref()
                                .and_then(|header| header.get(column))
                                .map_or(String::new(), |name| format!(" under `{name}`"));
                            let message = format!(
                                "an empty table cell{under}: every row needs a cell for each \
                                 column of the header"
                            );
                            self.error(table.row_start, message);
                        }
                        table.row.push(cell);
                    }
                }
                Event::End(TagEnd::TableHead) => {
                    if let Some(table) = current_table.as_mut() {
                        table.header = Some(std::mem::take(&mut table.row));
                    }
                }
                Event::End(TagEnd::TableRow) => {
                    if let Some(table) = current_table.as_mut() {
                        let row = std::mem::take(&mut table.row);
                        table.rows.push(row);
                    }
                }
                Event::End(TagEnd::Table) => {
                    if let (Some(table), Some(d)) = (current_table.take(), draft.as_mut()) {
                        self.finish_table(table, &mut d.topic);
                    }
                }
                Event::Start(Tag::Paragraph) => {
                    if let Some(text) = item_text.as_mut()
                        && !text.is_empty()
                    {
                        text.push(' ');
                    }
                }
                Event::End(TagEnd::Paragraph) => {}
                Event::Text(s) | Event::Code(s) | Event::InlineMath(s) => {
                    if item_text.is_some() && item_text_at.is_none() {
                        item_text_at = Some(at);
                    }
                    push_text(&mut inline, &mut item_text, &s);
                }
                Event::SoftBreak | Event::HardBreak => {
                    push_text(&mut inline, &mut item_text, " ");
                }
                Event::Start(Tag::Link { dest_url, .. }) => {
                    if item_text.is_some() {
                        item_links.push((dest_url.to_string(), at));
                    }
                }
                Event::Start(
                    Tag::Emphasis
                    | Tag::Strong
                    | Tag::Strikethrough
                    | Tag::Superscript
                    | Tag::Subscript,
                )
                | Event::End(
                    TagEnd::Emphasis
                    | TagEnd::Strong
                    | TagEnd::Strikethrough
                    | TagEnd::Superscript
                    | TagEnd::Subscript
                    | TagEnd::Link,
                ) => {}
                Event::Rule | Event::Html(_) | Event::InlineHtml(_) => {}
                Event::Start(Tag::HtmlBlock) => skip_depth = 1,
                Event::Start(tag) => {
                    let what = match tag {
                        Tag::BlockQuote(_) => "block quotes are",
                        Tag::CodeBlock(_) => "code blocks are",
                        Tag::Image { .. } => "images are",
                        _ => "this kind of Markdown is",
                    };
                    self.error(at, format!("{what} not part of the guide format"));
                    skip_depth = 1;
                }
                Event::End(_)
                | Event::FootnoteReference(_)
                | Event::TaskListMarker(_)
                | Event::DisplayMath(_) => {}
            }
        }
        if let Some(done) = draft.take() {
            self.finish_topic(done, &mut topics);
        }
        (introduction.join("\n\n"), topics)
    }

    fn start_topic(
        &mut self,
        id: Option<String>,
        title: String,
        at: usize,
        seen: &mut BTreeMap<String, usize>,
    ) -> TopicDraft {
        if title.is_empty() {
            self.error(at, "a topic heading needs a title");
        }
        let id = match id {
            Some(id) => self.valid_id(sanitize(&id), at, "topic id"),
            None => {
                self.error(
                    at,
                    format!("topic `{title}` has no id: add one after the title, like `## {title} {{#some-id}}`"),
                );
                None
            }
        };
        let rejected = match &id {
            None => true,
            Some(id) => match seen.get(id) {
                Some(&first) => {
                    let (line, column) = self.lines.position(first);
                    self.error(
                        at,
                        format!(
                            "duplicate topic id `{id}`: also used at {}:{line}:{column}",
                            self.path
                        ),
                    );
                    true
                }
                None => {
                    seen.insert(id.clone(), at);
                    false
                }
            },
        };
        let (line, _) = self.lines.position(at);
        TopicDraft {
            topic: Topic {
                id: id.unwrap_or_default(),
                title,
                summary: String::new(),
                key_features: Vec::new(),
                examples: Vec::new(),
                lists: Vec::new(),
                criteria: Vec::new(),
                search_terms: Vec::new(),
                tables: Vec::new(),
                question: None,
                model_answer: Vec::new(),
                see_also: Vec::new(),
                party: false,
                context: false,
                line,
                item_lines: ItemLines::default(),
            },
            heading_offset: at,
            pending_list: None,
            prose: None,
            has_lists: false,
            rejected,
        }
    }

    fn open_prose(&mut self, draft: &mut TopicDraft, kind: ProseKind, at: usize) {
        let already = match kind {
            ProseKind::ModelAnswer => !draft.topic.model_answer.is_empty(),
            ProseKind::AssessmentQuestion => draft.topic.question.is_some(),
        };
        if already {
            let name = kind.name();
            self.error(
                at,
                format!("a second `### {name}` in this topic: a topic has one {name}"),
            );
        }
        draft.has_lists = true;
        draft.prose = Some(ProseDraft {
            kind,
            heading_offset: at,
            paragraphs: Vec::new(),
        });
    }

    /// Files the prose section being read, if any, under its topic field.
    fn close_prose(&mut self, draft: &mut TopicDraft) {
        let Some(prose) = draft.prose.take() else {
            return;
        };
        let name = prose.kind.name();
        if prose.paragraphs.is_empty() {
            self.error(
                prose.heading_offset,
                format!("`### {name}` has no text under it: write it in paragraphs"),
            );
            return;
        }
        match prose.kind {
            ProseKind::ModelAnswer => draft.topic.model_answer = prose.paragraphs,
            ProseKind::AssessmentQuestion => {
                let mut paragraphs = prose.paragraphs.into_iter();
                draft.topic.question = paragraphs.next();
                if paragraphs.next().is_some() {
                    self.error(
                        prose.heading_offset,
                        format!("`### {name}` holds one paragraph: the question as it is asked"),
                    );
                }
            }
        }
    }

    /// Checks a table's shape and files it under its topic.
    fn finish_table(&mut self, table: TableDraft, topic: &mut Topic) {
        let header = table.header.unwrap_or_default();
        if header.len() < 2 {
            self.error(
                table.start,
                format!("the table `{}` needs at least two columns", table.name),
            );
            return;
        }
        if table.rows.is_empty() {
            self.error(
                table.start,
                format!(
                    "the table `{}` has a header but no rows: add a row under the `---` line",
                    table.name
                ),
            );
            return;
        }
        topic.tables.push(Table {
            name: table.name,
            header,
            rows: table.rows,
        });
    }

    /// A `### See also` point as a link: one Markdown link to a topic (`[Title](guide/topic)`)
    /// or a bare id. Whether the topic exists is checked once every guide has loaded.
    fn see_also_link(
        &mut self,
        text: &str,
        links: Vec<(String, usize)>,
        at: usize,
        guide_id: Option<&str>,
    ) -> Option<TopicLink> {
        let (target, at) = match links.as_slice() {
            [] => (text.to_owned(), at),
            [(dest, link_at)] => (dest.clone(), *link_at),
            [_, (_, second), ..] => {
                self.error(*second, "one link per `### See also` point");
                return None;
            }
        };
        let target = target.trim().trim_start_matches('#');
        let parts: Vec<&str> = target.split('/').collect();
        let is_id = |part: &&str| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        };
        let target = match parts.as_slice() {
            [guide, topic] if is_id(guide) && is_id(topic) => target.to_owned(),
            [topic] if is_id(topic) => match guide_id {
                Some(guide) => format!("{guide}/{topic}"),
                None => return None,
            },
            _ => {
                self.error(
                    at,
                    format!(
                        "`{target}` is not a topic: a `### See also` point links to a topic by \
                         its id, like `[Advocates](types-of-relationships/advocates)`"
                    ),
                );
                return None;
            }
        };
        let (line, column) = self.lines.position(at);
        Some(TopicLink {
            target,
            line,
            column,
        })
    }

    fn finish_topic(&mut self, mut draft: TopicDraft, topics: &mut Vec<Topic>) {
        if let Some((name, at)) = draft.pending_list.take() {
            self.error(at, format!("`### {name}` has no list under it"));
        }
        self.close_prose(&mut draft);
        if draft.rejected {
            return;
        }
        let topic = draft.topic;
        if topic.summary.is_empty() {
            let message = if draft.has_lists {
                format!(
                    "topic `{}` has no summary: add a paragraph under its heading, before the lists",
                    topic.id
                )
            } else {
                format!(
                    "topic `{}` has nothing under it: add a summary paragraph",
                    topic.id
                )
            };
            self.error(draft.heading_offset, message);
            return;
        }
        topics.push(topic);
    }
}

fn push_text(inline: &mut Inline, item_text: &mut Option<String>, s: &str) {
    if let Some(text) = item_text.as_mut() {
        text.push_str(s);
        return;
    }
    match inline {
        Inline::Heading { text, .. } | Inline::Paragraph { text, .. } => text.push_str(s),
        Inline::None => {}
    }
}

/// A search term longer than this is a sentence, not a term.
pub const MAX_SEARCH_TERM_CHARS: usize = 60;

/// What is wrong with a `### Search terms` item, given the terms before it in the topic.
fn search_term_problem(term: &str, earlier: &[String], in_this_list: &[String]) -> Option<String> {
    let length = term.chars().count();
    if length > MAX_SEARCH_TERM_CHARS {
        return Some(format!(
            "search term is {length} characters long: a search term is a word or a short phrase \
             of at most {MAX_SEARCH_TERM_CHARS} characters"
        ));
    }
    let same = |other: &&String| {
        other
            .split_whitespace()
            .map(str::to_lowercase)
            .eq(term.split_whitespace().map(str::to_lowercase))
    };
    let repeated = earlier.iter().chain(in_this_list).any(|t| same(&t));
    repeated.then(|| format!("search term `{term}` is listed twice in this topic"))
}

/// Files a finished list under the topic field its name points to.
fn add_list(topic: &mut Topic, list: PointList) {
    let name = list.name.to_lowercase();
    if name == KEY_FEATURES.to_lowercase() {
        topic.key_features.extend(list.points);
        topic.item_lines.key_features.extend(list.lines);
    } else if name == EXAMPLES.to_lowercase() {
        topic.examples.extend(list.points);
        topic.item_lines.examples.extend(list.lines);
    } else if name == CRITERIA.to_lowercase() {
        topic.criteria.extend(list.points);
    } else if name == SEARCH_TERMS.to_lowercase() {
        topic.search_terms.extend(list.points);
    } else if let Some(existing) = topic.lists.iter_mut().find(|l| l.name == list.name) {
        existing.points.extend(list.points);
        existing.lines.extend(list.lines);
    } else {
        topic.lists.push(list);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(guide.topics[0].key_features[1], "Point [2Jtwo");
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
