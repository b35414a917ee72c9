//! The model's texts, each guide's kept end to end in one buffer (#14: memory proportional to
//! the content). A library of 5,000 guides holds 1.4 million texts averaging 73 bytes: as
//! separate `String`s, their headers, allocations and the allocator's own bookkeeping cost as
//! much again as the text, and decoding them from the parse cache was mostly `malloc`.
//!
//! A [`Text`] is a range of its guide's buffer and derefs to `str`, so readers keep writing
//! `&topic.title`; a [`Texts`] is a list of them (a topic's key features, say) with each item's
//! line in its file. Both are cheap to clone (a reference count) and keep their buffer alive.

use serde::ser::{Serialize, SerializeSeq, Serializer};
use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::{Deref, Index, Range};
use std::sync::{Arc, LazyLock};

/// One guide's texts end to end, and the bounds and lines of its lists' items.
#[derive(Default)]
pub struct Store {
    text: Box<str>,
    /// A list of `n` items takes `n + 1` bounds: item `i` of the list starting at bound `first`
    /// is `text[bounds[first + i]..bounds[first + i + 1]]`. Every bound is a char boundary.
    bounds: Box<[u32]>,
    /// The line in its file of the item starting at each bound (0 where unknown).
    lines: Box<[u32]>,
}

impl Store {
    /// A store of these parts, if every bound is a char boundary inside `text` and each has
    /// its line: anything else (a damaged cache entry) is refused, so reading never fails.
    pub fn new(text: Box<str>, bounds: Box<[u32]>, lines: Box<[u32]>) -> Option<Arc<Self>> {
        let sound = bounds.len() == lines.len()
            && bounds
                .iter()
                .all(|&bound| text.is_char_boundary(bound as usize));
        sound.then(|| {
            Arc::new(Self {
                text,
                bounds,
                lines,
            })
        })
    }

    fn slice(&self, start: u32, end: u32) -> &str {
        self.text
            .get(start as usize..end as usize)
            .unwrap_or_default()
    }

    /// The text of `span`, if it is one of this store's.
    pub fn text_at(self: &Arc<Self>, span: Span) -> Option<Text> {
        self.text.get(span.0 as usize..span.1 as usize)?;
        Some(Text {
            store: Arc::clone(self),
            start: span.0,
            end: span.1,
        })
    }

    /// The list at `span`, if it is one of this store's (an empty list is anyone's).
    pub fn texts_at(self: &Arc<Self>, span: ListSpan) -> Option<Texts> {
        let (first, len) = span;
        let last = u64::from(first) + u64::from(len);
        (len == 0 || last < self.bounds.len() as u64).then(|| Texts {
            store: Arc::clone(self),
            first,
            len,
        })
    }
}

/// A text's place in its store's buffer: start and end, in bytes.
pub type Span = (u32, u32);
/// A list's place in its store: its first bound and how many items it has.
pub type ListSpan = (u32, u32);

/// Builds one store: texts and lists are added one after the other, and each addition says
/// where it went.
#[derive(Default)]
pub struct StoreBuilder {
    text: String,
    bounds: Vec<u32>,
    lines: Vec<u32>,
}

impl StoreBuilder {
    /// Where the buffer ends now. Guides are at most `MAX_FILE_BYTES` (512 KiB) of Markdown,
    /// so their texts never come near `u32::MAX`.
    fn end(&self) -> u32 {
        u32::try_from(self.text.len()).unwrap_or(u32::MAX)
    }

    pub fn text(&mut self, text: &str) -> Span {
        let start = self.end();
        self.text.push_str(text);
        (start, self.end())
    }

    /// A list of `(item, line)`. An empty list takes no room (most topics have no criteria,
    /// search terms or model answer of their own).
    pub fn list<'t>(&mut self, items: impl IntoIterator<Item = (&'t str, usize)>) -> ListSpan {
        let first = u32::try_from(self.bounds.len()).unwrap_or(u32::MAX);
        let mut len = 0;
        for (item, line) in items {
            self.bounds.push(self.end());
            self.lines.push(u32::try_from(line).unwrap_or(u32::MAX));
            self.text.push_str(item);
            len += 1;
        }
        if len == 0 {
            return (0, 0);
        }
        self.bounds.push(self.end());
        self.lines.push(0);
        (first, len)
    }

    /// The parts of the store: its text, bounds and lines.
    pub fn into_parts(self) -> (String, Vec<u32>, Vec<u32>) {
        (self.text, self.bounds, self.lines)
    }

    /// The store (sound by construction: every bound was the buffer's end when it was taken).
    fn finish(self) -> Arc<Store> {
        Arc::new(Store {
            text: self.text.into_boxed_str(),
            bounds: self.bounds.into_boxed_slice(),
            lines: self.lines.into_boxed_slice(),
        })
    }
}

/// The store every empty text and list made on its own shares.
static EMPTY: LazyLock<Arc<Store>> = LazyLock::new(|| {
    Arc::new(Store {
        text: Box::default(),
        bounds: Box::new([0]),
        lines: Box::new([0]),
    })
});

/// One text of the model: a range of its guide's buffer. Derefs to `str`; compares, orders,
/// hashes, prints and serialises as its `str`.
#[derive(Clone)]
pub struct Text {
    store: Arc<Store>,
    start: u32,
    end: u32,
}

impl Text {
    pub fn as_str(&self) -> &str {
        self.store.slice(self.start, self.end)
    }
}

impl Default for Text {
    fn default() -> Self {
        Self {
            store: Arc::clone(&EMPTY),
            start: 0,
            end: 0,
        }
    }
}

/// A text with a store of its own (tests, and texts made outside a guide).
impl From<&str> for Text {
    fn from(text: &str) -> Self {
        if text.is_empty() {
            return Self::default();
        }
        let mut builder = StoreBuilder::default();
        let span = builder.text(text);
        Self {
            store: builder.finish(),
            start: span.0,
            end: span.1,
        }
    }
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Self::from(text.as_str())
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl PartialOrd for Text {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Text {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for Text {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        self == other.as_str()
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// A list of texts (a topic's key features, say), each with its line in its file. Reads like a
/// slice of `str`: `len`, `get`, `iter`, `[i]`, `for item in &list`.
#[derive(Clone)]
pub struct Texts {
    store: Arc<Store>,
    first: u32,
    len: u32,
}

impl Texts {
    pub fn len(&self) -> usize {
        self.len as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn get(&self, index: usize) -> Option<&str> {
        (index < self.len()).then(|| self.item(index as u32))
    }

    pub fn first(&self) -> Option<&str> {
        self.get(0)
    }

    pub fn last(&self) -> Option<&str> {
        self.len().checked_sub(1).and_then(|i| self.get(i))
    }

    /// The line of item `index` in its file (0 where unknown or out of range).
    pub fn line(&self, index: usize) -> usize {
        if index >= self.len() {
            return 0;
        }
        let at = self.first as usize + index;
        self.store.lines.get(at).map_or(0, |&line| line as usize)
    }

    pub fn iter(&self) -> TextsIter<'_> {
        TextsIter {
            texts: self,
            range: 0..self.len,
        }
    }

    pub fn contains(&self, text: &str) -> bool {
        self.iter().any(|item| item == text)
    }

    /// The items with `separator` between them.
    pub fn join(&self, separator: &str) -> String {
        let mut joined = String::new();
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                joined.push_str(separator);
            }
            joined.push_str(item);
        }
        joined
    }

    /// The items as owned strings.
    pub fn to_vec(&self) -> Vec<String> {
        self.iter().map(str::to_owned).collect()
    }

    /// `index` is below `len`.
    fn item(&self, index: u32) -> &str {
        let at = self.first as usize + index as usize;
        let bound = |i: usize| self.store.bounds.get(i).copied().unwrap_or_default();
        self.store.slice(bound(at), bound(at + 1))
    }

    /// A list with a store of its own, of `(item, line)`.
    pub fn with_lines<'t>(items: impl IntoIterator<Item = (&'t str, usize)>) -> Self {
        let mut builder = StoreBuilder::default();
        let (first, len) = builder.list(items);
        Self {
            store: builder.finish(),
            first,
            len,
        }
    }
}

impl Default for Texts {
    fn default() -> Self {
        Self {
            store: Arc::clone(&EMPTY),
            first: 0,
            len: 0,
        }
    }
}

/// A list with a store of its own (tests, and lists made outside a guide); lines are unknown.
impl<S: AsRef<str>> FromIterator<S> for Texts {
    fn from_iter<I: IntoIterator<Item = S>>(items: I) -> Self {
        let items: Vec<S> = items.into_iter().collect();
        Self::with_lines(items.iter().map(|item| (item.as_ref(), 0)))
    }
}

impl<S: AsRef<str>> From<Vec<S>> for Texts {
    fn from(items: Vec<S>) -> Self {
        items.into_iter().collect()
    }
}

impl Index<usize> for Texts {
    type Output = str;

    fn index(&self, index: usize) -> &str {
        assert!(
            index < self.len(),
            "index {index} out of range for a list of {}",
            self.len()
        );
        self.item(index as u32)
    }
}

impl<'a> IntoIterator for &'a Texts {
    type Item = &'a str;
    type IntoIter = TextsIter<'a>;

    fn into_iter(self) -> TextsIter<'a> {
        self.iter()
    }
}

impl fmt::Debug for Texts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl PartialEq for Texts {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for Texts {}

impl<S: AsRef<str>> PartialEq<[S]> for Texts {
    fn eq(&self, other: &[S]) -> bool {
        self.iter().eq(other.iter().map(AsRef::as_ref))
    }
}

impl<S: AsRef<str>, const N: usize> PartialEq<[S; N]> for Texts {
    fn eq(&self, other: &[S; N]) -> bool {
        self == &other[..]
    }
}

impl<S: AsRef<str>> PartialEq<Vec<S>> for Texts {
    fn eq(&self, other: &Vec<S>) -> bool {
        self == &other[..]
    }
}

impl Serialize for Texts {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for item in self {
            seq.serialize_element(item)?;
        }
        seq.end()
    }
}

/// The items of a [`Texts`], in order.
#[derive(Clone)]
pub struct TextsIter<'a> {
    texts: &'a Texts,
    range: Range<u32>,
}

impl<'a> Iterator for TextsIter<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        self.range.next().map(|i| self.texts.item(i))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.range.size_hint()
    }

    fn nth(&mut self, n: usize) -> Option<&'a str> {
        self.range.nth(n).map(|i| self.texts.item(i))
    }
}

impl DoubleEndedIterator for TextsIter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.range.next_back().map(|i| self.texts.item(i))
    }
}

impl ExactSizeIterator for TextsIter<'_> {}

impl std::iter::FusedIterator for TextsIter<'_> {}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn texts_and_lists_share_one_buffer_and_read_back() {
        let mut builder = StoreBuilder::default();
        let title = builder.text("Café rota");
        let points = builder.list([("One", 3), ("", 4), ("Three ü", 9)]);
        let empty = builder.list([]);
        let (text, bounds, lines) = builder.into_parts();
        let store = Store::new(text.into(), bounds.into(), lines.into()).unwrap();
        let title = store.text_at(title).unwrap();
        assert_eq!(title, "Café rota");
        assert_eq!(&title[..3], "Caf");
        let points = store.texts_at(points).unwrap();
        assert_eq!(points, ["One", "", "Three ü"]);
        assert_eq!(
            (points.len(), &points[2], points.get(3)),
            (3, "Three ü", None)
        );
        assert_eq!((points.line(0), points.line(2), points.line(3)), (3, 9, 0));
        assert_eq!(points.iter().next_back(), Some("Three ü"));
        assert!(store.texts_at(empty).unwrap().is_empty());
        assert_eq!(points.iter().nth(1), Some(""));
    }

    #[test]
    fn spans_outside_the_buffer_or_inside_a_character_are_refused() {
        let store = Store::new("é".into(), Box::new([0, 2]), Box::new([0, 0])).unwrap();
        assert!(store.text_at((0, 2)).is_some());
        assert!(store.text_at((0, 1)).is_none());
        assert!(store.text_at((0, 3)).is_none());
        assert!(store.texts_at((0, 1)).is_some());
        assert!(store.texts_at((1, 1)).is_none());
        assert!(store.texts_at((u32::MAX, u32::MAX)).is_none());
        assert!(Store::new("é".into(), Box::new([1]), Box::new([0])).is_none());
        assert!(Store::new("é".into(), Box::new([0]), Box::new([])).is_none());
    }

    #[test]
    fn texts_made_on_their_own_compare_and_serialise_as_strings() {
        let text = Text::from("a \"quoted\" line");
        assert_eq!(
            serde_json::to_string(&text).unwrap(),
            r#""a \"quoted\" line""#
        );
        assert_eq!(format!("{text:?}"), format!("{:?}", "a \"quoted\" line"));
        assert_eq!(Text::default(), "");
        let list: Texts = vec!["x", "y"].into();
        assert_eq!(serde_json::to_string(&list).unwrap(), r#"["x","y"]"#);
        assert_eq!(format!("{list:?}"), r#"["x", "y"]"#);
        assert!(Texts::default().is_empty());
        assert_eq!(list.to_vec(), ["x", "y"]);
    }
}
