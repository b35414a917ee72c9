//! A topic's named tables (`### Name` above a Markdown table): read row by row, every cell
//! required, at least two columns and one row under the header.

use super::GuideParser;
use super::body::Body;
use super::draft::Topic;
use crate::content::model::Table;
use crate::content::sanitize::sanitize_inline;

/// A table being read: its header once the head row has ended, then its rows.
pub(super) struct TableDraft {
    name: String,
    start: usize,
    header: Option<Vec<String>>,
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    /// Where the row being read starts: a missing cell has no place of its own.
    row_start: usize,
}

impl Body<'_, '_> {
    pub(super) fn start_table(&mut self, at: usize) {
        let Some(d) = self.draft.as_mut().filter(|_| self.list_depth == 0) else {
            let message = if self.list_depth > 0 {
                "a table inside a point is not allowed"
            } else {
                "a table before the first topic: tables belong to a topic (start \
                 one with `## Title {#topic-id}`)"
            };
            self.error(at, message);
            self.skip_depth = 1;
            return;
        };
        if let Some(prose) = &d.prose {
            let message = format!(
                "`### {}` holds paragraphs, not a table: give the table a `###` \
                 heading of its own",
                prose.kind.name()
            );
            self.parser.error(at, message);
            self.skip_depth = 1;
            return;
        }
        match d.pending_list.take() {
            Some((name, _)) => {
                d.has_lists = true;
                self.current_table = Some(TableDraft {
                    name,
                    start: at,
                    header: None,
                    rows: Vec::new(),
                    row: Vec::new(),
                    row_start: at,
                });
            }
            None => {
                self.parser.error(
                    at,
                    "a table without a name: put a `### ...` heading above it",
                );
                self.skip_depth = 1;
            }
        }
    }

    /// The head row or a body row starts.
    pub(super) fn start_row(&mut self, at: usize) {
        if let Some(table) = self.current_table.as_mut() {
            table.row.clear();
            table.row_start = at;
        }
    }

    pub(super) fn end_cell(&mut self) {
        let cell = sanitize_inline(&self.item.text.take().unwrap_or_default());
        if let Some(table) = self.current_table.as_mut() {
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
                self.parser.error(table.row_start, message);
            }
            table.row.push(cell);
        }
    }

    pub(super) fn end_head(&mut self) {
        if let Some(table) = self.current_table.as_mut() {
            table.header = Some(std::mem::take(&mut table.row));
        }
    }

    pub(super) fn end_row(&mut self) {
        if let Some(table) = self.current_table.as_mut() {
            let row = std::mem::take(&mut table.row);
            table.rows.push(row);
        }
    }

    pub(super) fn end_table(&mut self) {
        if let (Some(table), Some(d)) = (self.current_table.take(), self.draft.as_mut()) {
            self.parser.finish_table(table, &mut d.topic);
        }
    }
}

impl GuideParser<'_> {
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
}
