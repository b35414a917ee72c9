//! Where a guide's facts come from. A guide based on one of the five source guides carries their
//! facts; any other guide must name the public references its facts come from (`references` in
//! its front matter). `carestudy check` holds guides to this; the app opens them either way.

use super::diagnostic::Diagnostic;
use super::model::{Guide, Library};

/// The `source` of a guide based on one of the five revision guides carestudy's built-in guides
/// are written from (`/work/shared/sources`, listed in content/README.md).
pub const SOURCE_GUIDES: [&str; 5] = [
    "4.2 Describe different working relationships in health and social care settings (Care Learning)",
    "What are the Different Types of Relationships in Health and Social Care? (Care Learning)",
    "1.1 Explain reasons for developing professional relationships (Care Learning)",
    "Understanding Professional Relationships in Health and Social Care (Care Learning)",
    "The therapeutic relationship in health and social care (Care Learning)",
];

/// Whether the guide's `source` is one of [`SOURCE_GUIDES`] (ignoring case and spacing).
pub fn is_based_on_a_source_guide(guide: &Guide) -> bool {
    let folded = |text: &str| {
        text.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    let source = folded(&guide.source);
    SOURCE_GUIDES.iter().any(|known| folded(known) == source)
}

/// One problem for each guide that is not based on a source guide and lists no references,
/// located at its `source`.
pub fn missing_references(library: &Library) -> Vec<Diagnostic> {
    library
        .guides
        .iter()
        .filter(|guide| guide.references.is_empty() && !is_based_on_a_source_guide(guide))
        .map(|guide| {
            let (line, column) = guide.source_position;
            Diagnostic::at(
                &guide.origin,
                line,
                column,
                "no `references`: a guide not based on one of the five source guides must list \
                 the public references its facts come from, like `references = [{ title = \
                 \"Mental Capacity Act 2005\", url = \"https://www.legislation.gov.uk/ukpga/2005/9\" \
                 }]` (see content/README.md)",
            )
        })
        .collect()
}

/// A full web address: `https://` or `http://`, a host, and no spaces.
pub fn is_web_address(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|rest| {
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        !host.is_empty() && host.contains('.') && !url.chars().any(char::is_whitespace)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_guide;

    fn guide(front: &str) -> Guide {
        let text = format!(
            "+++\nid = \"g\"\ntitle = \"T\"\ncriterion = \"C\"\nverb = \"explain\"\n{front}\n+++\n\n\
             ## A {{#a}}\n\nA summary.\n"
        );
        match parse_guide("g.md", text.as_bytes()) {
            Ok(guide) => guide,
            Err(problems) => panic!("{problems:?}"),
        }
    }

    #[test]
    fn web_addresses() {
        assert!(is_web_address(
            "https://www.legislation.gov.uk/ukpga/2014/23"
        ));
        assert!(is_web_address("http://example.org"));
        assert!(is_web_address("https://ico.org.uk/?q=x#y"));
        for bad in [
            "",
            "www.cqc.org.uk",
            "https://",
            "https:///path",
            "https://localhost",
            "ftp://example.org",
            "javascript:alert(1)",
            "https://exa mple.org",
        ] {
            assert!(!is_web_address(bad), "{bad}");
        }
    }

    #[test]
    fn the_five_source_guides_need_no_references_and_others_do() {
        for source in SOURCE_GUIDES {
            let based = guide(&format!("source = \"{}\"", source.replace('"', "\\\"")));
            assert!(is_based_on_a_source_guide(&based), "{source}");
        }
        // Case and spacing do not matter; the title alone, or another publisher's, is not enough.
        let spaced = guide(
            "source = \"the therapeutic  relationship in health and social care (care learning)\"",
        );
        assert!(is_based_on_a_source_guide(&spaced));
        let bare = guide("source = \"The therapeutic relationship in health and social care\"");
        assert!(!is_based_on_a_source_guide(&bare));

        let notes = guide("source = \"Our team's notes\"");
        let problems = missing_references(&Library {
            guides: vec![notes, spaced],
        });
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0]
                .to_string()
                .starts_with("g.md:6:10: error: no `references`: a guide not based on"),
            "{}",
            problems[0]
        );

        let referenced = guide(
            "source = \"Our team's notes\"\nreferences = [{ title = \"Care Act 2014\", url = \
             \"https://www.legislation.gov.uk/ukpga/2014/23\" }]",
        );
        assert!(
            missing_references(&Library {
                guides: vec![referenced]
            })
            .is_empty()
        );
    }
}
