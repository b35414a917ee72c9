//! The guides shipped inside the binary, so carestudy works from any folder.

/// (path shown in messages, text), in the order learners meet them.
pub const BUILTIN_GUIDES: [(&str, &str); 8] = [
    (
        "content/working-relationships.md",
        include_str!("../../content/working-relationships.md"),
    ),
    (
        "content/types-of-relationships.md",
        include_str!("../../content/types-of-relationships.md"),
    ),
    (
        "content/reasons-for-professional-relationships.md",
        include_str!("../../content/reasons-for-professional-relationships.md"),
    ),
    (
        "content/care-certificate-1-4.md",
        include_str!("../../content/care-certificate-1-4.md"),
    ),
    (
        "content/therapeutic-relationship.md",
        include_str!("../../content/therapeutic-relationship.md"),
    ),
    (
        "content/answering-the-assessment.md",
        include_str!("../../content/answering-the-assessment.md"),
    ),
    (
        "content/law-and-codes.md",
        include_str!("../../content/law-and-codes.md"),
    ),
    (
        "content/glossary.md",
        include_str!("../../content/glossary.md"),
    ),
];
