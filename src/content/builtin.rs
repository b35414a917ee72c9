//! The guides shipped inside the binary, so carestudy works from any folder.

/// The guides' paths (shown in messages), in the order learners meet them.
///
/// A list of their own, apart from the texts, so that they lie together in the binary: a start
/// with a warm parse cache reads only the paths, and a path beside each text made it map the
/// 64 KB around each (the built-in guides' peak memory, README Performance). Statics, not
/// consts: a static's strings are laid out together, where a const's are laid out where each
/// is used.
pub static BUILTIN_PATHS: [&str; 8] = [
    "content/working-relationships.md",
    "content/types-of-relationships.md",
    "content/reasons-for-professional-relationships.md",
    "content/care-certificate-1-4.md",
    "content/therapeutic-relationship.md",
    "content/answering-the-assessment.md",
    "content/law-and-codes.md",
    "content/glossary.md",
];

/// The guides' texts, in the order of their paths.
static BUILTIN_TEXTS: [&str; 8] = [
    include_str!("../../content/working-relationships.md"),
    include_str!("../../content/types-of-relationships.md"),
    include_str!("../../content/reasons-for-professional-relationships.md"),
    include_str!("../../content/care-certificate-1-4.md"),
    include_str!("../../content/therapeutic-relationship.md"),
    include_str!("../../content/answering-the-assessment.md"),
    include_str!("../../content/law-and-codes.md"),
    include_str!("../../content/glossary.md"),
];

/// (path, text) of each built-in guide, in the order learners meet them.
pub fn builtin_guides() -> impl Iterator<Item = (&'static str, &'static str)> {
    BUILTIN_PATHS.into_iter().zip(BUILTIN_TEXTS)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Paths and texts are listed apart: each path still goes with its own guide, whose id is
    /// the file's name.
    #[test]
    fn each_path_goes_with_its_own_text() {
        assert_eq!(builtin_guides().count(), 8);
        for (path, text) in builtin_guides() {
            let name = path.trim_start_matches("content/").trim_end_matches(".md");
            assert!(text.contains(&format!("\nid = \"{name}\"\n")), "{path}");
        }
    }
}
