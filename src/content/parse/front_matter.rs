//! The `+++` block at the top of a guide: finding it, reading its TOML keys (id, title,
//! criterion, verb, source, criteria, references) and reporting each bad or missing key where it is.

use super::GuideParser;
use super::draft::Reference;
use crate::content::model::CommandVerb;
use crate::content::references::is_web_address;
use crate::content::sanitize::sanitize_inline;
use std::collections::BTreeMap;
use std::ops::Range;

const FENCE: &str = "+++";

/// The front matter's values, once every required key is present and valid.
pub(super) struct FrontMatter {
    pub(super) id: String,
    /// Byte offset of the id's value, for messages about it.
    pub(super) id_at: usize,
    pub(super) title: String,
    pub(super) criterion: String,
    pub(super) verb: CommandVerb,
    pub(super) source: String,
    /// Byte offset of the source's value, for messages about it.
    pub(super) source_at: usize,
    pub(super) criteria: Vec<String>,
    pub(super) references: Vec<Reference>,
}

/// The keys read so far: the plain strings with where their values start, then the lists.
#[derive(Default)]
struct Keys<'k> {
    strings: BTreeMap<&'k str, (String, usize)>,
    criteria: Vec<String>,
    references: Vec<Reference>,
}

type TomlTable = BTreeMap<toml::Spanned<String>, toml::Spanned<toml::Value>>;

impl GuideParser<'_> {
    /// Finds the `+++` block; returns the byte ranges of its contents and of the body after it.
    pub(super) fn split_front_matter(&mut self) -> Option<(Range<usize>, Range<usize>)> {
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

    pub(super) fn parse_front_matter(&mut self, range: Range<usize>) -> Option<FrontMatter> {
        let source = &self.text[range.clone()];
        let table: TomlTable = match toml::from_str(source) {
            Ok(table) => table,
            Err(e) => {
                let at = range.start + e.span().map_or(0, |s| s.start);
                let message = e.message().trim_end().replace('\n', " ");
                self.error(at, format!("front matter: {message}"));
                return None;
            }
        };
        let mut keys = Keys::default();
        for (key, value) in &table {
            self.read_key(&mut keys, key, value, source, range.start);
        }
        self.complete(keys, range.end)
    }

    /// Reads one key of the front matter (`front`, starting at byte `base` of the file) into `keys`.
    fn read_key<'k>(
        &mut self,
        keys: &mut Keys<'k>,
        key: &'k toml::Spanned<String>,
        value: &toml::Spanned<toml::Value>,
        front: &str,
        base: usize,
    ) {
        let key_at = base + key.span().start;
        let value_at = base + value.span().start;
        match key.get_ref().as_str() {
            name @ ("id" | "title" | "criterion" | "verb" | "source") => {
                match value.get_ref().as_str() {
                    Some(s) => {
                        keys.strings.insert(name, (sanitize_inline(s), value_at));
                    }
                    None => self.error(value_at, format!("`{name}` must be a string")),
                }
            }
            "criteria" => match value.get_ref().as_array() {
                Some(items) => {
                    for item in items {
                        match item.as_str() {
                            Some(s) => keys.criteria.push(sanitize_inline(s)),
                            None => self.error(value_at, "`criteria` must be a list of strings"),
                        }
                    }
                }
                None => self.error(
                    value_at,
                    "`criteria` must be a list of strings, like [\"Care Certificate 1.4\"]",
                ),
            },
            "references" => keys.references = self.parse_references(front, base, value),
            other => self.error(
                key_at,
                format!(
                    "unknown key `{other}` in front matter (known keys: id, title, \
                     criterion, verb, source, criteria, references)"
                ),
            ),
        }
    }

    /// The front matter from its keys once each required one is there and valid; a missing key
    /// is reported at the closing fence.
    fn complete(&mut self, mut keys: Keys<'_>, closing_fence: usize) -> Option<FrontMatter> {
        let mut required = |this: &mut Self, key: &str| -> Option<(String, usize)> {
            match keys.strings.remove(key) {
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
        let verb = verb.and_then(|(word, at)| self.verb(&word, at));
        Some(FrontMatter {
            id: id?,
            id_at,
            title: title?.0,
            criterion: criterion?.0,
            verb: verb?,
            source: source_title?.0,
            source_at,
            criteria: keys.criteria,
            references: keys.references,
        })
    }

    fn verb(&mut self, word: &str, at: usize) -> Option<CommandVerb> {
        let verb = CommandVerb::parse(&word.to_lowercase());
        if verb.is_none() {
            let known: Vec<_> = CommandVerb::ALL.iter().map(|v| v.name()).collect();
            self.error(
                at,
                format!("unknown verb `{word}`: use one of {}", known.join(", ")),
            );
        }
        verb
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
            if let Some(reference) = self.reference(item.get_ref(), at)
                && !self.listed_twice(&references, &reference, at)
            {
                references.push(reference);
            }
        }
        references
    }

    /// One reference's `title` and `url`, or `None` once its problem is reported.
    fn reference(&mut self, fields: &toml::Table, at: usize) -> Option<Reference> {
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
                return None;
            }
            Some(None) => {
                self.error(at, "a reference's `title` must be a string");
                return None;
            }
            None => {
                self.error(at, "a reference needs a `title` and a `url`");
                return None;
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
                return None;
            }
            Some(None) => {
                self.error(
                    at,
                    format!("the url of reference \"{title}\" must be a string"),
                );
                return None;
            }
            None => {
                self.error(at, format!("reference \"{title}\" needs a `url`"));
                return None;
            }
        };
        Some(Reference { title, url })
    }

    fn listed_twice(&mut self, earlier: &[Reference], reference: &Reference, at: usize) -> bool {
        let twice = earlier.iter().any(|r| r.url == reference.url);
        if twice {
            self.error(
                at,
                format!("the reference {} is listed twice", reference.url),
            );
        }
        twice
    }
}
