//! Guides as data: the typed model, the Markdown loader and the built-in guides.
//! Nothing here knows about terminals or rendering.

mod builtin;
mod cache;
mod diagnostic;
mod links;
mod load;
mod model;
mod packed;
mod parse;
mod references;
mod sanitize;
mod sections;
mod text;

pub use cache::{CACHE_DIR_VARIABLE, FileStamp, GuideCache};
pub use diagnostic::{Diagnostic, Diagnostics, LineIndex};
pub use load::{
    MAX_FOLDER_DEPTH, MAX_FOLDER_ENTRIES, load_builtin, load_builtin_with_cache, load_dir,
    load_dir_with_cache,
};
pub use model::{
    ANSWER_PLAN, ASSESSMENT_QUESTION, CONTEXT_NOTE, CRITERIA, CommandVerb, EXAMPLES, Guide,
    KEY_FEATURES, Library, MODEL_ANSWER, PointList, Reference, SEARCH_TERMS, SEE_ALSO, Table,
    Topic, TopicLink, TopicRef, Totals,
};
pub use parse::{MAX_FILE_BYTES, MAX_LINE_BYTES, parse_guide};
pub use references::{SOURCE_GUIDES, is_based_on_a_source_guide, missing_references};
pub use sanitize::{escape_for_message, sanitize, sanitize_inline};
pub use sections::{Criteria, List, ListKind, Section};
pub use text::{Text, Texts, TextsIter};
