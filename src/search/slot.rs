//! Where an app keeps its search index: built on a thread of its own once the first screen is
//! up, so the first keystroke of a search does not wait for it, or on first use when no thread
//! was asked for (headless runs, which stay deterministic: the same index either way).

use super::SearchIndex;
use crate::content::Library;
use std::cell::{Cell, OnceCell};
use std::sync::Arc;
use std::thread::JoinHandle;

#[derive(Default)]
pub struct IndexSlot {
    index: OnceCell<SearchIndex>,
    building: Cell<Option<JoinHandle<SearchIndex>>>,
}

impl std::fmt::Debug for IndexSlot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IndexSlot")
            .field("index", &self.index)
            .finish_non_exhaustive()
    }
}

impl IndexSlot {
    pub fn new() -> Self {
        Self::default()
    }

    /// Starts building the index of `library` on a thread, unless it is built or being built.
    /// Should the thread not start, the index is built on first use as before.
    pub fn build_in_background(&self, library: &Arc<Library>) {
        let started = self.building.take();
        if self.index.get().is_some() || started.is_some() {
            self.building.set(started);
            return;
        }
        let library = Arc::clone(library);
        let thread = std::thread::Builder::new()
            .name("search-index".into())
            .spawn(move || SearchIndex::new(&library));
        self.building.set(thread.ok());
    }

    /// The index of `library` (the one given to [`build_in_background`](Self::build_in_background)
    /// if it was): waits for the thread if it is still building, or builds it here.
    pub fn get(&self, library: &Library) -> &SearchIndex {
        self.index.get_or_init(|| {
            self.building
                .take()
                .and_then(|thread| thread.join().ok())
                .unwrap_or_else(|| SearchIndex::new(library))
        })
    }

    /// Whether the index is built and taken in.
    pub fn is_ready(&self) -> bool {
        self.index.get().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load_builtin;

    #[test]
    fn an_index_built_on_a_thread_is_the_one_built_here() {
        let library = Arc::new(load_builtin().unwrap_or_default());
        let here = IndexSlot::new();
        let there = IndexSlot::new();
        there.build_in_background(&library);
        // Asking again while it builds starts nothing more.
        there.build_in_background(&library);
        assert!(!there.is_ready());
        for query in ["safeguarding", "duty of care", "mentro", "safeg", "zqxjv"] {
            assert_eq!(
                there.get(&library).search(&library, query, 10),
                here.get(&library).search(&library, query, 10),
                "{query}"
            );
        }
        assert!(there.is_ready() && here.is_ready());
        there.build_in_background(&library);
        assert!(there.building.take().is_none());
    }
}
