//! A text box: characters with a cursor, edited by actions. Written answers use its lines; the
//! search box and the presentation's "go to" box are single lines (they never get a newline).

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextArea {
    chars: Vec<char>,
    /// Cursor position as a character index, 0..=len.
    cursor: usize,
}

impl TextArea {
    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    pub fn is_blank(&self) -> bool {
        self.chars.iter().all(|c| c.is_whitespace())
    }

    pub fn insert(&mut self, c: char) {
        // Pasted text may bring carriage returns and tabs; keep lines and words, nothing else.
        let c = match c {
            '\r' => '\n',
            '\t' => ' ',
            c if c.is_control() && c != '\n' => return,
            c => c,
        };
        self.chars.insert(self.cursor, c);
        self.cursor += 1;
    }

    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            self.chars.remove(self.cursor);
        }
    }

    pub fn delete_forward(&mut self) {
        if self.cursor < self.chars.len() {
            self.chars.remove(self.cursor);
        }
    }

    /// Deletes back to the start of the word before the cursor.
    pub fn delete_word(&mut self) {
        let mut start = self.cursor;
        while start > 0 && self.chars[start - 1].is_whitespace() {
            start -= 1;
        }
        while start > 0 && !self.chars[start - 1].is_whitespace() {
            start -= 1;
        }
        self.chars.drain(start..self.cursor);
        self.cursor = start;
    }

    pub fn clear(&mut self) {
        self.chars.clear();
        self.cursor = 0;
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.chars.len());
    }

    fn line_start(&self, at: usize) -> usize {
        self.chars[..at]
            .iter()
            .rposition(|&c| c == '\n')
            .map_or(0, |i| i + 1)
    }

    fn line_end(&self, at: usize) -> usize {
        self.chars[at..]
            .iter()
            .position(|&c| c == '\n')
            .map_or(self.chars.len(), |i| at + i)
    }

    pub fn home(&mut self) {
        self.cursor = self.line_start(self.cursor);
    }

    pub fn end(&mut self) {
        self.cursor = self.line_end(self.cursor);
    }

    /// To the same column of the line above (or its end, if shorter).
    pub fn up(&mut self) {
        let start = self.line_start(self.cursor);
        if start == 0 {
            self.cursor = 0;
            return;
        }
        let column = self.cursor - start;
        let above = self.line_start(start - 1);
        self.cursor = (above + column).min(start - 1);
    }

    /// To the same column of the line below (or its end, if shorter).
    pub fn down(&mut self) {
        let column = self.cursor - self.line_start(self.cursor);
        let end = self.line_end(self.cursor);
        if end == self.chars.len() {
            self.cursor = end;
            return;
        }
        let below = end + 1;
        self.cursor = (below + column).min(self.line_end(below));
    }

    /// The text cut into rows of at most `width` characters (lines wrap at the width), and the
    /// row and column of the cursor. A plain character wrap keeps the cursor exact.
    pub fn layout(&self, width: usize) -> (Vec<String>, (usize, usize)) {
        let width = width.max(1);
        let mut rows = vec![String::new()];
        let mut cursor = (0, 0);
        let mut column = 0;
        for (i, &c) in self.chars.iter().enumerate() {
            if i == self.cursor {
                cursor = (rows.len() - 1, column);
            }
            if c == '\n' {
                rows.push(String::new());
                column = 0;
                continue;
            }
            if column == width {
                rows.push(String::new());
                column = 0;
                if i == self.cursor {
                    cursor = (rows.len() - 1, 0);
                }
            }
            if let Some(row) = rows.last_mut() {
                row.push(c);
            }
            column += 1;
        }
        if self.cursor == self.chars.len() {
            if column == width {
                rows.push(String::new());
                column = 0;
            }
            cursor = (rows.len() - 1, column);
        }
        (rows, cursor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> TextArea {
        let mut area = TextArea::default();
        text.chars().for_each(|c| area.insert(c));
        area
    }

    #[test]
    fn moves_between_lines_keeping_the_column() {
        let mut area = typed("first line\nab\nthird line");
        area.up();
        assert_eq!(area.cursor(), "first line\nab".len());
        area.up();
        assert_eq!(area.cursor(), 2);
        area.down();
        area.down();
        assert_eq!(area.cursor(), "first line\nab\nth".len());
        area.home();
        area.backspace();
        assert_eq!(area.text(), "first line\nabthird line");
    }

    #[test]
    fn pasted_returns_become_newlines_and_controls_are_dropped() {
        let area = typed("a\r\nb\tc\u{1b}[2J");
        assert_eq!(area.text(), "a\n\nb c[2J");
    }

    #[test]
    fn layout_wraps_and_places_the_cursor() {
        let area = typed("abcdef\ngh");
        let (rows, cursor) = area.layout(4);
        assert_eq!(rows, ["abcd", "ef", "gh"]);
        assert_eq!(cursor, (2, 2));
        let mut start = area.clone();
        start.up();
        start.home();
        assert_eq!(start.layout(4).1, (0, 0));
        let full = typed("abcd");
        assert_eq!(
            full.layout(4),
            (vec!["abcd".to_owned(), String::new()], (1, 0))
        );
    }

    #[test]
    fn edits_at_the_cursor_on_one_line() {
        let mut area = typed("cae");
        area.left();
        area.insert('r');
        assert_eq!(area.text(), "care");
        area.home();
        area.delete_forward();
        assert_eq!(area.text(), "are");
        area.end();
        area.backspace();
        assert_eq!((area.text().as_str(), area.cursor()), ("ar", 2));
    }

    #[test]
    fn delete_word_and_clear() {
        let mut area = typed("care worker ");
        area.delete_word();
        assert_eq!(area.text(), "care ");
        area.clear();
        assert!(area.is_blank());
    }
}
