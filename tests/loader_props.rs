#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Property tests for the guide loader: it returns a guide or located problems for any input,
//! never panics, never lets terminal-control characters through, and reads back what a valid
//! guide says.

use carestudy::content::{CommandVerb, Guide, parse_guide};
use proptest::prelude::*;
use proptest::sample::select;
use std::fs;
use std::path::Path;

const FRONT_MATTER: &str = "+++\nid = \"x\"\ntitle = \"T\"\ncriterion = \"1.1 C\"\n\
verb = \"describe\"\nsource = \"S\"\n+++\n";

/// Pieces of guides and of things guides must not contain, to be glued together at random.
const FRAGMENTS: &[&str] = &[
    "+++",
    "+++\n",
    "\n\n## A topic {#a-topic}\n\nA summary.\n\n",
    "\n\n### Key features\n\n- ",
    "id = \"x\"\n",
    "title = \"T\"\n",
    "criterion = \"1.1 C\"\n",
    "verb = \"describe\"\n",
    "source = \"S\"\n",
    "criteria = [\"CC 1.4\", \"\u{1b}[2J\"]\n",
    "colour = 1\n",
    "[table]\n",
    "# ",
    "## ",
    "### ",
    "#### ",
    "Key features",
    "Examples",
    "Criteria",
    "Tips",
    "{#id}",
    "{#other}",
    "{#Bad Id}",
    "{#}",
    "- ",
    "* ",
    "1. ",
    "  ",
    "    ",
    "\t",
    ">",
    "> ",
    "\n",
    "\n\n",
    "\r\n",
    "`",
    "```",
    "**",
    "_",
    "[link](http://x)",
    "![image](x.png)",
    "<b>",
    "<!--",
    "-->",
    "|a|b|\n|-|-|\n",
    "---\n",
    "\\",
    "&amp;",
    "&#27;",
    "&#x202E;",
    "word",
    "A summary sentence.",
    "café",
    "日本語",
    "👩‍⚕️",
    "\u{1b}[31m",
    "\u{1b}]0;title\u{7}",
    "\u{7}",
    "\u{9b}",
    "\u{0}",
    "\u{7f}",
    "\u{85}",
    "\u{2028}",
    "\u{feff}",
    "\u{200e}",
    "\u{202a}",
    "\u{202e}",
    "\u{2066}",
    "\u{2069}",
];

/// Text made of fragments and arbitrary characters, sometimes after a valid front matter block so
/// that the body parser is reached.
fn markdownish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => select(FRAGMENTS).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
    ];
    (any::<bool>(), prop::collection::vec(piece, 0..64)).prop_map(|(front, pieces)| {
        let body = pieces.concat();
        if front {
            format!("{FRONT_MATTER}{body}")
        } else {
            body
        }
    })
}

/// Inline text for a slot of an otherwise valid guide: words mixed with control characters,
/// bidi overrides, character references that decode to them, and inline Markdown.
fn hostile_inline() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => select(&[
            " ", "word", "café", "日本語", "👩‍⚕️", "`code`", "**", "_", "*", "\\", "&amp;", "&#27;",
            "&#x1b;", "&#x9b;", "&#7;", "&#0;", "&#x202E;", "&#8294;", "&#x200F;", "<b>",
            "[link]", "\t",
        ][..]).prop_map(str::to_owned),
        2 => select(&[
            '\u{7}', '\u{8}', '\u{b}', '\u{c}', '\u{1b}', '\u{7f}', '\u{80}', '\u{85}',
            '\u{9b}', '\u{9f}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}',
            '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{61c}',
            '\u{feff}', '\u{2028}',
        ][..]).prop_map(String::from),
        // NUL makes a file binary and a line break ends a heading: those are errors, not text.
        1 => any::<char>()
            .prop_filter("not NUL or a line break", |c| !matches!(c, '\0' | '\n' | '\r'))
            .prop_map(String::from),
    ];
    // A leading letter keeps the slot from being empty once cleaned and from starting a block.
    prop::collection::vec(piece, 0..12).prop_map(|pieces| format!("A{}", pieces.concat()))
}

/// A TOML basic string holding `text`, with every control character escaped as `\uXXXX`.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A guide with the right shape whose every text slot is [`hostile_inline`].
fn hostile_guide() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(hostile_inline(), 5),
        prop::collection::vec(hostile_inline(), 7),
        prop::collection::vec(hostile_inline(), 7),
    )
        .prop_map(|(front, first, second)| {
            format!(
                "+++\nid = \"x\"\ntitle = {}\ncriterion = {}\nverb = \"describe\"\nsource = {}\n\
                 criteria = [{}, {}]\n+++\n\n{}\n\n\
                 ## {} {{#first}}\n\n{}\n\n### Key features\n\n- {}\n- {}\n\n### Examples\n\n\
                 1. {}\n\n### Criteria\n\n- {}\n\n\
                 ## {} {{#second}}\n\n{}\n\n{}\n\n### Tips{}\n\n- {}\n- {}\n\n### Key features\n\n\
                 - {}\n",
                toml_string(&front[0]),
                toml_string(&front[1]),
                toml_string(&front[2]),
                toml_string(&front[3]),
                toml_string(&front[4]),
                first[0],
                first[1],
                first[2],
                first[3],
                first[4],
                first[5],
                first[6],
                second[0],
                second[1],
                second[2],
                second[3],
                second[4],
                second[5],
                second[6],
            )
        })
}

/// A character that must never reach a terminal from a guide.
fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Every string a guide holds, with a name for messages.
fn strings(guide: &Guide) -> Vec<(String, &str)> {
    let mut all = vec![
        ("id".to_owned(), guide.id.as_str()),
        ("title".to_owned(), guide.title.as_str()),
        ("criterion".to_owned(), guide.criterion.as_str()),
        ("source".to_owned(), guide.source.as_str()),
        ("introduction".to_owned(), guide.introduction.as_str()),
    ];
    all.extend(guide.criteria.iter().map(|c| ("criteria".to_owned(), c)));
    for topic in &guide.topics {
        let name = |field: &str| format!("topic {:?} {field}", topic.id);
        all.push((name("id"), topic.id.as_str()));
        all.push((name("title"), topic.title.as_str()));
        all.push((name("summary"), topic.summary.as_str()));
        let lists = [
            ("key features", &topic.key_features),
            ("examples", &topic.examples),
            ("criteria", &topic.criteria),
        ];
        for (field, points) in lists {
            all.extend(points.iter().map(|p| (name(field), p)));
        }
        for list in &topic.lists {
            all.push((name("list name"), list.name.as_str()));
            all.extend(list.points.iter().map(|p| (name(&list.name), p)));
        }
    }
    all
}

/// Parses `text`; a guide must hold no unsafe character, problems must be well formed.
/// Returns whether it parsed.
fn check_clean(text: &str) -> Result<bool, TestCaseError> {
    match parse_guide("p.md", text.as_bytes()) {
        Ok(guide) => {
            for (field, value) in strings(&guide) {
                prop_assert!(
                    !value.chars().any(is_unsafe),
                    "{field} holds a control or bidi character: {value:?}"
                );
            }
            Ok(true)
        }
        Err(problems) => {
            prop_assert!(!problems.is_empty());
            for problem in problems {
                prop_assert_eq!(&problem.path, "p.md");
                if let Some((line, column)) = problem.position {
                    prop_assert!(line >= 1 && column >= 1, "{}", problem);
                }
            }
            Ok(false)
        }
    }
}

// ---------------------------------------------------------------------------------------------
// A random valid guide, rendered to Markdown.

#[derive(Debug, Clone)]
struct TopicSpec {
    id: String,
    title: String,
    summary: Vec<String>,
    key_features: Vec<String>,
    examples: Vec<String>,
    /// Other named lists; names are distinct and not one of the three reserved names.
    lists: Vec<(String, Vec<String>)>,
    criteria: Vec<String>,
}

#[derive(Debug, Clone)]
struct GuideSpec {
    id: String,
    title: String,
    criterion: String,
    verb: CommandVerb,
    source: String,
    criteria: Vec<String>,
    introduction: Vec<String>,
    topics: Vec<TopicSpec>,
}

fn id() -> impl Strategy<Value = String> {
    "[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}"
}

/// Words from an alphabet with no Markdown or TOML meaning, one space apart.
fn words() -> impl Strategy<Value = String> {
    "[A-Za-z0-9éüø’][a-zA-Z0-9éüø’]{0,9}( [a-zA-Z0-9éüø’]{1,10}){0,6}"
}

fn point_list() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(words(), 1..4)
}

fn topic(id: String) -> impl Strategy<Value = TopicSpec> {
    let names = prop::collection::btree_set("[A-Z][a-z]{2,8}", 0..3);
    (
        words(),
        prop::collection::vec(words(), 1..3),
        prop::collection::vec(words(), 0..4),
        prop::collection::vec(words(), 0..3),
        names.prop_flat_map(|names| {
            let names: Vec<String> = names
                .into_iter()
                .filter(|n| !matches!(n.as_str(), "Examples" | "Criteria"))
                .collect();
            let count = names.len();
            (Just(names), prop::collection::vec(point_list(), count))
        }),
        prop::collection::vec(words(), 0..2),
    )
        .prop_map(
            move |(title, summary, key_features, examples, (names, points), criteria)| TopicSpec {
                id: id.clone(),
                title,
                summary,
                key_features,
                examples,
                lists: names.into_iter().zip(points).collect(),
                criteria,
            },
        )
}

fn guide() -> impl Strategy<Value = GuideSpec> {
    let topics = prop::collection::btree_set(id(), 1..5).prop_flat_map(|ids| {
        ids.into_iter()
            .map(topic)
            .collect::<Vec<_>>()
            .prop_shuffle()
    });
    (
        id(),
        words(),
        words(),
        select(CommandVerb::ALL.to_vec()),
        words(),
        prop::collection::vec(words(), 0..3),
        prop::collection::vec(words(), 0..3),
        topics,
    )
        .prop_map(
            |(id, title, criterion, verb, source, criteria, introduction, topics)| GuideSpec {
                id,
                title,
                criterion,
                verb,
                source,
                criteria,
                introduction,
                topics,
            },
        )
}

fn bullet_list(out: &mut String, name: &str, points: &[String], numbered: bool) {
    if points.is_empty() {
        return;
    }
    out.push_str(&format!("### {name}\n\n"));
    for (i, point) in points.iter().enumerate() {
        if numbered {
            out.push_str(&format!("{}. {point}\n", i + 1));
        } else {
            out.push_str(&format!("- {point}\n"));
        }
    }
    out.push('\n');
}

fn render(spec: &GuideSpec) -> String {
    let quoted: Vec<String> = spec.criteria.iter().map(|c| format!("{c:?}")).collect();
    let mut out = format!(
        "+++\nid = {:?}\ntitle = {:?}\ncriterion = {:?}\nverb = {:?}\nsource = {:?}\ncriteria = [{}]\n+++\n\n",
        spec.id,
        spec.title,
        spec.criterion,
        spec.verb.name(),
        spec.source,
        quoted.join(", ")
    );
    for paragraph in &spec.introduction {
        out.push_str(&format!("{paragraph}\n\n"));
    }
    for topic in &spec.topics {
        out.push_str(&format!("## {} {{#{}}}\n\n", topic.title, topic.id));
        for paragraph in &topic.summary {
            out.push_str(&format!("{paragraph}\n\n"));
        }
        bullet_list(&mut out, "Key features", &topic.key_features, false);
        bullet_list(&mut out, "Examples", &topic.examples, true);
        for (name, points) in &topic.lists {
            bullet_list(&mut out, name, points, false);
        }
        bullet_list(&mut out, "Criteria", &topic.criteria, false);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = parse_guide("p.md", &bytes);
    }

    #[test]
    fn arbitrary_bytes_after_front_matter_never_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..2048),
    ) {
        let mut text = FRONT_MATTER.as_bytes().to_vec();
        text.extend_from_slice(&bytes);
        let _ = parse_guide("p.md", &text);
    }

    #[test]
    fn markdownish_text_never_panics_or_leaks_control_characters(text in markdownish()) {
        check_clean(&text)?;
    }

    #[test]
    fn hostile_text_in_a_valid_guide_is_cleaned(text in hostile_guide()) {
        let problems = parse_guide("p.md", text.as_bytes()).err().unwrap_or_default();
        let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
        prop_assert!(problems.is_empty(), "expected a guide:\n{}\n---\n{}", problems.join("\n"), text);
        check_clean(&text)?;
    }

    #[test]
    fn a_valid_guide_reads_back_as_written(spec in guide()) {
        let text = render(&spec);
        let guide = match parse_guide("p.md", text.as_bytes()) {
            Ok(guide) => guide,
            Err(problems) => {
                let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
                return Err(TestCaseError::fail(format!("{}\n---\n{text}", problems.join("\n"))));
            }
        };
        prop_assert_eq!(&guide.id, &spec.id);
        prop_assert_eq!(&guide.title, &spec.title);
        prop_assert_eq!(&guide.criterion, &spec.criterion);
        prop_assert_eq!(guide.verb, spec.verb);
        prop_assert_eq!(&guide.source, &spec.source);
        prop_assert_eq!(&guide.criteria, &spec.criteria);
        prop_assert_eq!(&guide.introduction, &spec.introduction.join("\n\n"));
        prop_assert_eq!(guide.topics.len(), spec.topics.len());
        for (topic, expected) in guide.topics.iter().zip(&spec.topics) {
            prop_assert_eq!(&topic.id, &expected.id);
            prop_assert_eq!(&topic.title, &expected.title);
            prop_assert_eq!(&topic.summary, &expected.summary.join("\n\n"));
            prop_assert_eq!(&topic.key_features, &expected.key_features);
            prop_assert_eq!(&topic.examples, &expected.examples);
            prop_assert_eq!(&topic.criteria, &expected.criteria);
            let lists: Vec<(String, Vec<String>)> = topic
                .lists
                .iter()
                .map(|list| (list.name.to_string(), list.points.to_vec()))
                .collect();
            prop_assert_eq!(&lists, &expected.lists);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The parse cache: a damaged, foreign or stale entry is never trusted.

mod cache {
    use super::*;
    use carestudy::content::{GuideCache, load_dir_with_cache};
    use std::path::PathBuf;
    use std::sync::OnceLock;

    /// A folder of guides (the built-in ones), its cache with an entry for each, and what the
    /// folder loads to without a cache.
    struct Fixture {
        _dir: tempfile::TempDir,
        root: PathBuf,
        cache: GuideCache,
        files: Vec<PathBuf>,
        entries: Vec<Vec<u8>>,
        expected: String,
    }

    fn fixture() -> &'static Fixture {
        static FIXTURE: OnceLock<Fixture> = OnceLock::new();
        FIXTURE.get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let root = dir.path().join("guides");
            fs::create_dir(&root).unwrap();
            let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
            let mut files = Vec::new();
            for entry in fs::read_dir(source).unwrap() {
                let path = entry.unwrap().path();
                let name = path.file_name().unwrap().to_owned();
                if path.extension().is_some_and(|e| e == "md") && name != "README.md" {
                    fs::copy(&path, root.join(&name)).unwrap();
                    files.push(root.join(name));
                }
            }
            files.sort();
            // A file changed in the last two seconds is not cached yet.
            std::thread::sleep(std::time::Duration::from_millis(2100));
            let cache = GuideCache::at(dir.path().join("cache"));
            let fresh = load_dir_with_cache(&root, None).expect("the built-in guides load");
            let cached = load_dir_with_cache(&root, Some(&cache)).unwrap();
            let expected = format!("{fresh:?}");
            assert_eq!(format!("{cached:?}"), expected);
            let entries: Vec<Vec<u8>> = files
                .iter()
                .map(|f| fs::read(cache.entry_path(f)).expect("an entry for every guide"))
                .collect();
            // A second load is served from the entries and gives the same library.
            let warm = load_dir_with_cache(&root, Some(&cache)).unwrap();
            assert_eq!(format!("{warm:?}"), expected);
            Fixture {
                _dir: dir,
                root,
                cache,
                files,
                entries,
                expected,
            }
        })
    }

    #[derive(Debug, Clone)]
    enum Damage {
        FlipBit(usize, u8),
        SetByte(usize, u8),
        Truncate(usize),
        Append(Vec<u8>),
        Insert(usize, Vec<u8>),
        Replace(Vec<u8>),
        /// Another guide's sound entry in this one's place.
        Swap(usize),
        Empty,
    }

    fn damage() -> impl Strategy<Value = Damage> {
        prop_oneof![
            (any::<usize>(), 0u8..8).prop_map(|(at, bit)| Damage::FlipBit(at, bit)),
            (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Damage::SetByte(at, b)),
            any::<usize>().prop_map(Damage::Truncate),
            prop::collection::vec(any::<u8>(), 1..64).prop_map(Damage::Append),
            (any::<usize>(), prop::collection::vec(any::<u8>(), 1..64))
                .prop_map(|(at, bytes)| Damage::Insert(at, bytes)),
            prop::collection::vec(any::<u8>(), 0..4096).prop_map(Damage::Replace),
            any::<usize>().prop_map(Damage::Swap),
            Just(Damage::Empty),
        ]
    }

    fn apply(damage: &Damage, entry: &[u8], others: &[Vec<u8>]) -> Vec<u8> {
        let mut bytes = entry.to_vec();
        let len = bytes.len().max(1);
        match damage {
            Damage::FlipBit(at, bit) => bytes[at % len] ^= 1 << bit,
            Damage::SetByte(at, b) => bytes[at % len] = *b,
            Damage::Truncate(at) => bytes.truncate(at % len),
            Damage::Append(more) => bytes.extend_from_slice(more),
            Damage::Insert(at, more) => {
                let at = at % len;
                bytes.splice(at..at, more.iter().copied());
            }
            Damage::Replace(all) => bytes.clone_from(all),
            Damage::Swap(other) => bytes.clone_from(&others[other % others.len()]),
            Damage::Empty => bytes.clear(),
        }
        bytes
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn a_damaged_cache_entry_cannot_crash_or_change_the_result(
            which in 0usize..64,
            damage in damage(),
        ) {
            let fx = fixture();
            let which = which % fx.files.len();
            let entry = fx.cache.entry_path(&fx.files[which]);
            let damaged = apply(&damage, &fx.entries[which], &fx.entries);
            fs::write(&entry, &damaged).unwrap();
            let loaded = load_dir_with_cache(&fx.root, Some(&fx.cache));
            // Put the sound entry back before judging, so one failure does not cascade.
            fs::write(&entry, &fx.entries[which]).unwrap();
            let loaded = loaded.map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(format!("{loaded:?}"), fx.expected.as_str(), "{:?}", damage);
        }
    }

    #[test]
    fn a_cache_folder_that_cannot_be_written_changes_nothing() {
        let fx = fixture();
        let blocked = tempfile::NamedTempFile::new().unwrap();
        // A file where the cache folder should be: every write fails.
        let cache = GuideCache::at(blocked.path().join("cache"));
        let loaded = load_dir_with_cache(&fx.root, Some(&cache)).unwrap();
        assert_eq!(format!("{loaded:?}"), fx.expected);
    }
}
