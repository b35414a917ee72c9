//! A one-line text box: the characters and a cursor, edited by actions.

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    chars: Vec<char>,
    /// Cursor position as a character index, 0..=len.
    cursor: usize,
}

impl TextInput {
    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    pub fn insert(&mut self, c: char) {
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

    /// Deletes back to the start of the word before the cursor (and the spaces after it).
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

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.chars.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> TextInput {
        let mut input = TextInput::default();
        text.chars().for_each(|c| input.insert(c));
        input
    }

    #[test]
    fn edits_at_the_cursor() {
        let mut input = typed("cae");
        input.left();
        input.insert('r');
        assert_eq!(input.text(), "care");
        input.home();
        input.delete_forward();
        assert_eq!(input.text(), "are");
        input.end();
        input.backspace();
        assert_eq!((input.text().as_str(), input.cursor()), ("ar", 2));
    }

    #[test]
    fn delete_word_removes_the_word_before_the_cursor() {
        let mut input = typed("age uk  ");
        input.delete_word();
        assert_eq!(input.text(), "age ");
        input.delete_word();
        assert_eq!(input.text(), "");
        input.delete_word();
        assert_eq!(input.cursor(), 0);
    }
}
