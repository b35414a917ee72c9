//! The guide's body, read as pulldown-cmark events: the introduction, then `##` topics with their
//! summary and `###` sections. [`Body`] holds what the reader is inside of; each kind of event
//! goes to one handler here (headings, paragraphs, text, Markdown the format does not use) or in
//! the files beside it (lists, tables, topics).

use super::GuideParser;
use super::draft::{PointList, Topic};
use super::lists::ItemDraft;
use super::tables::TableDraft;
use super::topic::{ProseKind, TopicDraft};
use crate::content::model::TopicLink;
use crate::content::sanitize::sanitize_inline;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::BTreeMap;
use std::ops::Range;

/// What the reader is inside of at the moment, outside lists and tables.
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

/// The body being read.
pub(super) struct Body<'p, 'a> {
    pub(super) parser: &'p mut GuideParser<'a>,
    /// Completes bare topic ids in `### See also` links; `None` when the front matter has problems.
    pub(super) guide_id: Option<&'p str>,
    introduction: Vec<String>,
    pub(super) topics: Vec<Topic>,
    /// Where each topic id was first used, for messages about a repeated one.
    pub(super) topic_lines: BTreeMap<String, usize>,
    pub(super) draft: Option<TopicDraft>,
    inline: Inline,
    /// Depth of the lists we are inside.
    pub(super) list_depth: usize,
    /// The list being filled, if the outermost is wanted.
    pub(super) current_list: Option<PointList>,
    /// The point (or table cell) being read.
    pub(super) item: ItemDraft,
    /// The links of a `### See also` list being read.
    pub(super) current_links: Vec<TopicLink>,
    pub(super) current_table: Option<TableDraft>,
    /// Inside a construct the format does not use: its contents are skipped until it ends.
    pub(super) skip_depth: usize,
}

impl GuideParser<'_> {
    /// `guide_id` completes bare topic ids in `### See also` links (`advocates` ->
    /// `this-guide/advocates`); it is `None` when the front matter has problems of its own.
    pub(super) fn parse_body(
        &mut self,
        body: Range<usize>,
        guide_id: Option<&str>,
    ) -> (String, Vec<Topic>) {
        let base = body.start;
        let source = &self.text[body];
        let options = Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_TABLES;
        let mut reader = Body {
            parser: self,
            guide_id,
            introduction: Vec::new(),
            topics: Vec::new(),
            topic_lines: BTreeMap::new(),
            draft: None,
            inline: Inline::None,
            list_depth: 0,
            current_list: None,
            item: ItemDraft::default(),
            current_links: Vec::new(),
            current_table: None,
            skip_depth: 0,
        };
        for (event, span) in Parser::new_ext(source, options).into_offset_iter() {
            reader.event(event, base + span.start);
        }
        if let Some(done) = reader.draft.take() {
            reader.parser.finish_topic(done, &mut reader.topics);
        }
        (reader.introduction.join("\n\n"), reader.topics)
    }
}

impl Body<'_, '_> {
    pub(super) fn error(&mut self, offset: usize, message: impl Into<String>) {
        self.parser.error(offset, message);
    }

    /// Takes one event starting at byte `at` of the file.
    fn event(&mut self, event: Event<'_>, at: usize) {
        if self.skip_depth > 0 {
            match event {
                Event::Start(_) => self.skip_depth += 1,
                Event::End(_) => self.skip_depth -= 1,
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(Tag::Heading {
                level, id, classes, ..
            }) => self.start_heading(level, id, &classes, at),
            Event::End(TagEnd::Heading(_)) => self.end_heading(),
            Event::Start(Tag::Paragraph) if self.list_depth == 0 => {
                self.inline = Inline::Paragraph {
                    start: at,
                    text: String::new(),
                };
            }
            Event::End(TagEnd::Paragraph) if self.list_depth == 0 => self.end_paragraph(),
            Event::Start(Tag::List(_)) => self.start_list(at),
            Event::End(TagEnd::List(_)) => self.end_list(),
            Event::Start(Tag::Item) => self.item.start(at),
            Event::End(TagEnd::Item) => self.end_item(),
            Event::Start(Tag::Table(_)) => self.start_table(at),
            Event::Start(Tag::TableHead | Tag::TableRow) => self.start_row(at),
            Event::Start(Tag::TableCell) => self.item.text = Some(String::new()),
            Event::End(TagEnd::TableCell) => self.end_cell(),
            Event::End(TagEnd::TableHead) => self.end_head(),
            Event::End(TagEnd::TableRow) => self.end_row(),
            Event::End(TagEnd::Table) => self.end_table(),
            Event::Start(Tag::Paragraph) => {
                // A second paragraph in a point.
                if let Some(text) = self.item.text.as_mut()
                    && !text.is_empty()
                {
                    text.push(' ');
                }
            }
            Event::Text(s) | Event::Code(s) | Event::InlineMath(s) => {
                if self.item.text.is_some() && self.item.text_at.is_none() {
                    self.item.text_at = Some(at);
                }
                self.push_text(&s);
            }
            Event::SoftBreak | Event::HardBreak => self.push_text(" "),
            Event::Start(Tag::Link { dest_url, .. }) => {
                if self.item.text.is_some() {
                    self.item.links.push((dest_url.to_string(), at));
                }
            }
            Event::Start(
                Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript,
            ) => {}
            Event::Start(Tag::HtmlBlock) => self.skip_depth = 1,
            Event::Start(tag) => self.unsupported(&tag, at),
            Event::End(_)
            | Event::Rule
            | Event::Html(_)
            | Event::InlineHtml(_)
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_)
            | Event::DisplayMath(_) => {}
        }
    }

    /// Markdown the guide format does not use: reported, and skipped to its end.
    fn unsupported(&mut self, tag: &Tag<'_>, at: usize) {
        let what = match tag {
            Tag::BlockQuote(_) => "block quotes are",
            Tag::CodeBlock(_) => "code blocks are",
            Tag::Image { .. } => "images are",
            _ => "this kind of Markdown is",
        };
        self.error(at, format!("{what} not part of the guide format"));
        self.skip_depth = 1;
    }

    fn push_text(&mut self, s: &str) {
        if let Some(text) = self.item.text.as_mut() {
            text.push_str(s);
            return;
        }
        match &mut self.inline {
            Inline::Heading { text, .. } | Inline::Paragraph { text, .. } => text.push_str(s),
            Inline::None => {}
        }
    }

    fn start_heading(
        &mut self,
        level: HeadingLevel,
        id: Option<CowStr<'_>>,
        classes: &[CowStr<'_>],
        at: usize,
    ) {
        self.inline = Inline::Heading {
            level,
            id: id.map(|id| id.to_string()),
            classes: classes.iter().map(|c| sanitize_inline(c)).collect(),
            start: at,
            text: String::new(),
        };
    }

    fn end_heading(&mut self) {
        let Inline::Heading {
            level,
            id,
            classes,
            start,
            text,
        } = std::mem::replace(&mut self.inline, Inline::None)
        else {
            return;
        };
        let title = sanitize_inline(&text);
        match level {
            HeadingLevel::H2 => {
                if let Some(done) = self.draft.take() {
                    self.parser.finish_topic(done, &mut self.topics);
                }
                let mut started = self
                    .parser
                    .start_topic(id, title, start, &mut self.topic_lines);
                self.parser.topic_classes(&mut started, classes, start);
                self.draft = Some(started);
            }
            HeadingLevel::H3 => self.section_heading(title, start),
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

    /// A `###` heading: the name of a list or table to come, or a prose section.
    fn section_heading(&mut self, title: String, start: usize) {
        let Some(d) = self.draft.as_mut() else {
            self.error(
                start,
                format!(
                    "list heading `### {title}` before any topic: start a topic \
                     with `## Title {{#topic-id}}` first"
                ),
            );
            return;
        };
        if let Some((name, at)) = d.pending_list.take() {
            self.parser
                .error(at, format!("`### {name}` has no list under it"));
        }
        self.parser.close_prose(d);
        if title.is_empty() {
            self.parser
                .error(start, "a `###` list heading needs a name");
        } else if let Some(kind) = ProseKind::of(&title) {
            self.parser.open_prose(d, kind, start);
        } else {
            d.pending_list = Some((title, start));
        }
    }

    /// A paragraph outside lists: the introduction, a topic's summary or a prose section's.
    fn end_paragraph(&mut self) {
        let Inline::Paragraph { start, text } = std::mem::replace(&mut self.inline, Inline::None)
        else {
            return;
        };
        let paragraph = sanitize_inline(&text);
        let Some(d) = self.draft.as_mut() else {
            self.introduction.push(paragraph);
            return;
        };
        if let Some(prose) = d.prose.as_mut() {
            prose.paragraphs.push(paragraph);
        } else if let Some((name, _)) = &d.pending_list {
            let message = format!(
                "text under `### {name}` must be a list (start each point \
                 with `- `) or a table"
            );
            self.parser.error(start, message);
        } else if d.has_lists {
            self.parser.error(
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
