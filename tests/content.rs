#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The built-in guides: their shape, their coverage of the source guides, and that they are
//! written in the project's own words.

use carestudy::content::{
    Library, is_based_on_a_source_guide, load_builtin, load_dir, missing_references,
};
use std::collections::HashSet;
use std::path::Path;

fn builtin() -> Library {
    load_builtin().expect("the built-in guides load without problems")
}

/// Five guides are written from the five source guides; any other built-in guide names its
/// public references (what `carestudy check` asks of it).
#[test]
fn five_source_based_guides_and_references_for_the_rest() {
    let library = builtin();
    let (based, others): (Vec<_>, Vec<_>) = library
        .guides
        .iter()
        .partition(|guide| is_based_on_a_source_guide(guide));
    assert_eq!(based.len(), 5);
    let topics: usize = based.iter().map(|g| g.topics.len()).sum();
    assert!((60..=80).contains(&topics), "{topics} topics");
    for guide in others {
        assert!(
            !guide.references.is_empty(),
            "{} lists no references",
            guide.id
        );
    }
    assert!(missing_references(&library).is_empty());
    for guide in &library.guides {
        for topic in &guide.topics {
            assert!(!topic.summary.is_empty(), "{}/{}", guide.id, topic.id);
            // A glossary entry is reading matter: a definition and its links, nothing to quiz.
            assert!(
                topic.point_count() > 0 || !topic.see_also.is_empty(),
                "{}/{} has no points to quiz on and no See also links",
                guide.id,
                topic.id
            );
        }
    }
}

#[test]
fn the_folder_and_the_embedded_copy_are_the_same_guides() {
    let from_folder = load_dir(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/content")))
        .expect("content/ loads");
    let json = |library: &Library| serde_json::to_string(library).unwrap();
    let mut embedded: Vec<_> = builtin().guides;
    let mut folder = from_folder.guides;
    embedded.sort_by(|a, b| a.id.cmp(&b.id));
    folder.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(
        json(&Library { guides: embedded }),
        json(&Library { guides: folder })
    );
}

/// Every section of every source guide is a topic (ids are stable: progress keys on them).
#[test]
fn every_section_of_the_sources_is_a_topic() {
    let expected: [(&str, &[&str]); 5] = [
        (
            "working-relationships",
            &[
                "colleagues",
                "manager-and-staff",
                "other-professionals",
                "service-users",
                "families-and-carers",
                "volunteers",
                "external-agencies",
                "professional-boundaries",
                "why-they-matter",
            ],
        ),
        (
            "types-of-relationships",
            &[
                "professional-service-user",
                "families-and-carers",
                "professional-to-professional",
                "manager-and-staff",
                "colleagues",
                "service-user-to-service-user",
                "advocates",
                "mentor-or-tutor",
                "community-and-voluntary",
                "person-centred",
                "transactional-transformational",
            ],
        ),
        (
            "reasons-for-professional-relationships",
            &[
                "effective-care",
                "dignity",
                "legal-standards",
                "communication",
                "person-centred-care",
                "teamwork",
                "safeguarding",
                "confidence-independence",
                "conflict",
                "professional-development",
                "multi-agency-working",
                "trust",
                "boundaries",
                "exploitation",
                "families-carers",
            ],
        ),
        (
            "care-certificate-1-4",
            &[
                "working-vs-personal",
                "good-communication",
                "jargon",
                "communication-needs",
                "records",
                "trust",
                "care-planning",
                "conflict-and-advice",
            ],
        ),
        (
            "therapeutic-relationship",
            &[
                "definition",
                "core-values",
                "components",
                "trust-and-safety",
                "professional-boundaries",
                "empathy-and-understanding",
                "communication",
                "shared-goals-and-collaboration",
                "why-it-matters",
                "building-it",
                "challenges-and-solutions",
                "drawing-boundaries",
                "person-centred-care",
                "barriers",
                "supervision-and-reflective-practice",
                "confidentiality-and-trust",
                "team-settings",
                "culture-diversity-and-inclusion",
            ],
        ),
    ];
    let library = builtin();
    for (guide_id, topics) in expected {
        for topic in topics {
            let id = format!("{guide_id}/{topic}");
            assert!(library.find_by_id(&id).is_some(), "missing topic {id}");
        }
    }
}

/// Names the sources use that learners must find in the guides.
#[test]
fn named_professions_organisations_and_laws_are_kept() {
    let library = serde_json::to_string(&builtin()).unwrap().to_lowercase();
    for name in [
        "GP",
        "paramedic",
        "Age UK",
        "Mind",
        "Data Protection Act 2018",
        "GDPR",
        "care leaver",
        "dementia",
        "advocate",
        "safeguarding",
        "jargon",
        "interpreters",
        "easy-read",
    ] {
        assert!(
            library.contains(&name.to_lowercase()),
            "the guides never mention {name}"
        );
    }
}

/// The words of each sentence (or line, for list points and headings), lowercased.
fn sentences(text: &str) -> Vec<Vec<String>> {
    text.to_lowercase()
        .replace('’', "'")
        .split(['.', '!', '?', '\n', ':', ';'])
        .map(|sentence| {
            sentence
                .split(|c: char| !(c.is_alphanumeric() || c == '\''))
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .collect()
}

/// The guides' own prose: everything but what quotes a criterion's wording on purpose: the
/// front matter (`source`, `criterion`, reference titles), `### Assessment question` (asked
/// word for word) and `### Criteria` lists.
fn prose(markdown: &str) -> String {
    let body = markdown.splitn(3, "+++").nth(2).unwrap_or(markdown);
    let mut quoting = false;
    let mut kept = String::new();
    for line in body.lines() {
        if line.starts_with('#') {
            let name = line.trim_start_matches('#').trim();
            quoting = line.starts_with("### ")
                && (name.eq_ignore_ascii_case("Assessment question")
                    || name.eq_ignore_ascii_case("Criteria"));
        }
        if !quoting {
            kept.push_str(line);
            kept.push('\n');
        }
    }
    kept
}

/// No run of seven words in a row within a sentence is shared with any source guide: sentences
/// are never pasted. (A run that spans two list points is not a shared sentence.)
/// The sources sit beside the repository (`../shared/sources`), as they do in CI.
#[test]
fn the_guides_share_no_sentence_with_the_sources() {
    const RUN: usize = 7;
    let sources = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/sources");
    let Ok(entries) = std::fs::read_dir(&sources) else {
        eprintln!("skipped: {} is not here to compare with", sources.display());
        return;
    };
    let mut runs: HashSet<Vec<String>> = HashSet::new();
    let mut files = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "txt") {
            files += 1;
            let text = std::fs::read_to_string(&path).unwrap();
            for sentence in sentences(&text) {
                runs.extend(sentence.windows(RUN).map(<[String]>::to_vec));
            }
        }
    }
    assert_eq!(files, 5, "expected the five source guides");
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let mut shared = Vec::new();
    for entry in std::fs::read_dir(content).unwrap().flatten() {
        let path = entry.path();
        if path.file_name().is_some_and(|n| n == "README.md") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for sentence in sentences(&prose(&text)) {
            for run in sentence.windows(RUN) {
                if runs.contains(run) {
                    shared.push(format!("{}: {}", path.display(), run.join(" ")));
                }
            }
        }
    }
    assert!(
        shared.is_empty(),
        "copied from the sources:\n{}",
        shared.join("\n")
    );
}

/// One public reference's excerpt, as read: `tests/fixtures/references/*.txt` hold the title on
/// their first line, the address on the second, then the passages the guides' facts come from.
struct ReferenceExcerpt {
    file: String,
    url: String,
    text: String,
}

fn reference_excerpts() -> Vec<ReferenceExcerpt> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/references");
    let mut excerpts: Vec<ReferenceExcerpt> = std::fs::read_dir(&folder)
        .unwrap()
        .flatten()
        .map(|entry| {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            let mut lines = text.lines();
            let (_title, url) = (lines.next().unwrap_or(""), lines.next().unwrap_or(""));
            ReferenceExcerpt {
                file: entry.file_name().to_string_lossy().into_owned(),
                url: url.trim().to_owned(),
                text: lines.collect::<Vec<_>>().join("\n"),
            }
        })
        .collect();
    excerpts.sort_by(|a, b| a.file.cmp(&b.file));
    excerpts
}

/// Every reference a guide lists has its excerpt kept as a fixture, and every fixture is a
/// reference some guide lists: the excerpts are what the next test compares against.
#[test]
fn every_reference_has_its_excerpt_kept() {
    let excerpts = reference_excerpts();
    let kept: HashSet<&str> = excerpts.iter().map(|e| e.url.as_str()).collect();
    let library = builtin();
    let listed: HashSet<&str> = library
        .guides
        .iter()
        .flat_map(|g| &g.references)
        .map(|r| r.url.as_str())
        .collect();
    let mut problems: Vec<String> = listed
        .difference(&kept)
        .map(|url| format!("no excerpt in tests/fixtures/references for {url}"))
        .collect();
    problems.extend(
        excerpts
            .iter()
            .filter(|e| !listed.contains(e.url.as_str()))
            .map(|e| format!("{}: no guide lists {}", e.file, e.url)),
    );
    for excerpt in &excerpts {
        if excerpt.text.split_whitespace().count() < 12 {
            problems.push(format!("{}: the excerpt is missing", excerpt.file));
        }
    }
    problems.sort();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Where a reference's page is the primary text or an official body's own words: legislation,
/// GOV.UK and the other government sites, the regulators, the Code of Conduct's publishers, the
/// awarding bodies, the NHS and councils (some councils publish their procedures on their own
/// domains). A page's host matches an entry or ends with `.entry`.
const OFFICIAL_HOSTS: &[&str] = &[
    "gov.uk", // legislation, GOV.UK, DHSC, the National Archives, councils
    "nhs.uk", // NHS trusts and practices
    "gov.wales",
    "cqc.org.uk",
    "ico.org.uk",
    "equalityhumanrights.com",
    "scottishhumanrights.com",
    "scie.org.uk",
    "skillsforcare.org.uk",
    "skillsforhealth.org.uk",
    "nocn.org.uk",
    "cityandguilds.com",
    "hcpc-uk.org",
    "socialcare.wales",
    "sssc.uk.com",
    "careinspectorate.com",
    "ukcgc.uk",                // the UK Caldicott Guardian Council
    "nibusinessinfo.co.uk",    // Invest Northern Ireland, the NI government's business site
    "umccoventry.co.uk",       // Coventry City Council: Understanding the Mental Capacity Act
    "hullappp.co.uk",          // Hull City Council's adult social care procedures
    "manchproviderappp.co.uk", // Manchester City Council's procedures for care providers
    "ucl.ac.uk",               // University College London's legal services (a public body)
    "hssib.org.uk",            // the Health Services Safety Investigations Body (a statutory body)
];

fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.split(':').next().unwrap_or("").trim_end_matches('.');
    host.trim_start_matches("www.").to_lowercase()
}

/// Every reference is an official or primary source, or says in its title that it quotes one word
/// for word (`quoting ...`) or is a whole copy of one (`copy at ...`): nothing a learner is taught
/// rests only on an unofficial page (#11).
#[test]
fn every_reference_is_official_or_says_what_it_quotes() {
    let library = builtin();
    let mut problems = Vec::new();
    for guide in &library.guides {
        for reference in &guide.references {
            let host = host_of(&reference.url);
            let official = OFFICIAL_HOSTS
                .iter()
                .any(|entry| host == *entry || host.ends_with(&format!(".{entry}")));
            let says_what_it_quotes =
                reference.title.contains("(quoting ") || reference.title.contains("copy at ");
            if !official && !says_what_it_quotes {
                problems.push(format!(
                    "{}: {} ({}) is neither official nor marked as quoting one",
                    guide.id, reference.title, reference.url
                ));
            }
        }
    }
    problems.sort();
    problems.dedup();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn hosts_are_read_from_addresses() {
    assert_eq!(
        host_of("https://www.legislation.gov.uk/ukpga/2014/23"),
        "legislation.gov.uk"
    );
    assert_eq!(host_of("http://cqc.org.uk./publications"), "cqc.org.uk");
    assert_eq!(host_of("https://example.com:8080?x=1"), "example.com");
    assert_eq!(host_of("https://blogs.ncl.ac.uk/x"), "blogs.ncl.ac.uk");
}

/// No run of twelve words in a row within a sentence is shared with the excerpt of a reference
/// the guide lists: facts from the law, the regulator and the codes are put in the guides' own
/// words.
#[test]
fn the_guides_share_no_run_of_twelve_words_with_their_references() {
    const RUN: usize = 12;
    let excerpts = reference_excerpts();
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let mut shared = Vec::new();
    for guide in builtin().guides {
        let listed: HashSet<&str> = guide.references.iter().map(|r| r.url.as_str()).collect();
        let mut runs: HashSet<Vec<String>> = HashSet::new();
        for excerpt in excerpts.iter().filter(|e| listed.contains(e.url.as_str())) {
            for sentence in sentences(&excerpt.text) {
                runs.extend(sentence.windows(RUN).map(<[String]>::to_vec));
            }
        }
        // The built-in guides are the files in content/ (checked equal by another test).
        let path = content.join(guide.origin.trim_start_matches("content/"));
        let text = std::fs::read_to_string(&path).unwrap();
        for sentence in sentences(&prose(&text)) {
            for run in sentence.windows(RUN) {
                if runs.contains(run) {
                    shared.push(format!("{}: {}", path.display(), run.join(" ")));
                }
            }
        }
    }
    assert!(
        shared.is_empty(),
        "copied from a reference:\n{}",
        shared.join("\n")
    );
}

/// The guides written out in content/README.md load, and pass `check`'s references rule: a tutor
/// who copies one starts from a valid guide.
#[test]
fn the_format_guide_examples_are_valid_guides() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("content/README.md"))
            .unwrap();
    let examples: Vec<&str> = readme
        .split("```markdown\n")
        .skip(1)
        .filter_map(|block| block.split("\n```").next())
        .filter(|block| block.starts_with("+++"))
        .collect();
    assert_eq!(
        examples.len(),
        2,
        "the shape of a guide and a complete example"
    );
    for example in examples {
        let guide = carestudy::content::parse_guide("README example", example.as_bytes())
            .unwrap_or_else(|problems| panic!("{problems:?}\n{example}"));
        assert!(!guide.references.is_empty(), "{}", guide.id);
        let library = Library {
            guides: vec![guide],
        };
        assert!(carestudy::content::missing_references(&library).is_empty());
    }
}

/// Every piece of prose in a guide (introduction, summaries, points, examples), lowercased, with
/// where it is.
fn prose_of(library: &Library) -> Vec<(String, String)> {
    let mut texts = Vec::new();
    for guide in &library.guides {
        texts.push((guide.id.to_string(), guide.introduction.to_lowercase()));
        for topic in &guide.topics {
            let at = format!("{}/{}", guide.id, topic.id);
            texts.push((at.clone(), topic.summary.to_lowercase()));
            for (_, point) in topic.points() {
                texts.push((at.clone(), point.to_lowercase()));
            }
            for example in &topic.examples {
                texts.push((at.clone(), example.to_lowercase()));
            }
        }
    }
    texts
}

/// Issue #11's wrong or misleading rules are gone, and the rules they broke are said one way
/// everywhere: gifts go by the employer's policy, families hear with the person's consent.
#[test]
fn the_guides_teach_no_rule_issue_11_found_wrong() {
    let texts = prose_of(&builtin());
    let wrong = [
        "gdpr applies to digital records",
        "politely refuse presents",
        "turning down any bribe or gift",
        "as they are told",
        "act on management's instructions",
        "give guidance while",
        "keep your dealings with people to working time",
        "apart from emergencies",
        "rare exceptions, for instance",
        "keep it within the team",
        "make choices in the best interests",
    ];
    for (at, text) in &texts {
        for phrase in wrong {
            assert!(
                !text.contains(phrase),
                "{at} still says \"{phrase}\": {text}"
            );
        }
        let has_word = |word: &str| {
            text.split(|c: char| !c.is_alphanumeric())
                .any(|w| w == word)
        };
        let about_gifts = has_word("gift") || has_word("gifts");
        if about_gifts && !text.contains("bribe") || has_word("presents") {
            assert!(
                text.contains("policy"),
                "{at}: a gift rule without the employer's policy: {text}"
            );
        }
        if text.contains("keep them informed") || text.contains("keeps her family up to date") {
            assert!(
                text.contains("consent"),
                "{at}: families informed without consent: {text}"
            );
        }
    }
    let says = |phrase: &str| texts.iter().any(|(_, text)| text.contains(phrase));
    assert!(says("paper records in a filing system"));
    assert!(says("need-to-know"));
    assert!(says("duty of care to the people they support comes first"));
    assert!(says("whistleblowing"));
}

/// The criteria each guide and topic is tagged with are the ones it serves (#11).
#[test]
fn criteria_tags_name_what_each_guide_serves() {
    let library = builtin();
    let guide = |id: &str| {
        library
            .guides
            .iter()
            .find(|g| g.id == id)
            .unwrap_or_else(|| panic!("no guide {id}"))
    };
    let topic = |id: &str| {
        library
            .find_by_id(id)
            .and_then(|at| library.topic(at))
            .unwrap_or_else(|| panic!("no topic {id}"))
    };
    let reasons = guide("reasons-for-professional-relationships");
    assert!(
        !reasons.criteria.iter().any(|c| c.contains("1.3")),
        "{:?}",
        reasons.criteria
    );
    assert!(
        reasons
            .criteria
            .iter()
            .any(|c| c.starts_with("Responsibilities of a care worker 3.1"))
    );
    assert!(
        topic("reasons-for-professional-relationships/professional-development")
            .criteria
            .is_empty()
    );
    let therapeutic = guide("therapeutic-relationship");
    assert!(
        therapeutic.criteria.is_empty(),
        "{:?}",
        therapeutic.criteria
    );
    let working_vs_personal = topic("care-certificate-1-4/working-vs-personal");
    assert!(
        working_vs_personal
            .criteria
            .iter()
            .any(|c| c.starts_with("Care Certificate Standard 1.3")),
        "{:?}",
        working_vs_personal.criteria
    );
    for id in [
        "why-partnership-matters",
        "key-people-and-advocates",
        "partnership-in-practice",
    ] {
        let partnership = topic(&format!("care-certificate-1-4/{id}"));
        assert!(
            partnership
                .criteria
                .iter()
                .any(|c| c.starts_with("Care Certificate Standard 1.4")),
            "{id}"
        );
    }
}

/// The types guide's three topics that are not a care worker's own working relationships are
/// marked as wider context, and the 4.2 guide names every party a care worker works with (#11).
#[test]
fn wider_context_is_marked_and_the_parties_are_complete() {
    let library = builtin();
    let context: Vec<String> = library
        .topic_refs()
        .filter(|&at| library.topic(at).is_some_and(|t| t.context))
        .filter_map(|at| library.stable_id(at))
        .collect();
    assert_eq!(
        context,
        [
            "types-of-relationships/service-user-to-service-user",
            "types-of-relationships/person-centred",
            "types-of-relationships/transactional-transformational",
        ]
    );
    for party in [
        "advocates",
        "friends-and-others",
        "legal-authority",
        "inspectors-and-commissioners",
        "agency-and-bank-staff",
    ] {
        let id = format!("working-relationships/{party}");
        let topic = library.find_by_id(&id).and_then(|at| library.topic(at));
        assert!(topic.is_some_and(|t| t.party), "{id} is not a party");
    }
}
