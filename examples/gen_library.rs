//! Generates a whole course's worth of synthetic carestudy guides, for benchmarks and scale tests.
//!
//! The built-in library is five guides; a real course may hold hundreds. This example writes N guides
//! in the real guide format (see `content/README.md`), shaped like the built-in ones: 16 to 24 topics
//! each, every topic with a summary, key features and examples, and about one topic in three with
//! another named list (Tips, Challenges, Benefits or Steps). The prose is built from sentence
//! templates filled with health and social care vocabulary (roles, settings, concepts, laws,
//! documents), so loading, searching and quizzing over it behave as they would over real guides.
//!
//! The output is deterministic: the random generator is seeded from N, so the same N always gives
//! byte-identical files.
//!
//! ```sh
//! cargo run --release --example gen_library -- --guides 500 /tmp/gen500
//! cargo run --release -- check /tmp/gen500          # validate with the real loader
//! cargo run --release -- --content /tmp/gen500      # open the app on them
//! ```
//!
//! The files are `DIR/guide-0001.md`, `DIR/guide-0002.md`, ... with guide ids `generated-0001`, ...
//! DIR is created if needed. If DIR exists and is not empty the generator refuses, unless `--force`
//! is given: then it overwrites the `guide-*.md` files it writes and leaves every other file alone.

#![forbid(unsafe_code)]

use anyhow::{Context, Result, bail};
use clap::Parser;
use fastrand::Rng;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Write N generated guides in the carestudy format, for benchmarks and scale tests.
#[derive(Debug, Parser)]
#[command(
    name = "gen_library",
    after_help = "Example: cargo run --release --example gen_library -- --guides 500 /tmp/gen500\n\
                  The same N always gives byte-identical files."
)]
struct Args {
    /// How many guides to write (guide-0001.md ...)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=100_000))]
    guides: u32,

    /// Write into DIR even if it is not empty (overwrites the guide-*.md files written, deletes nothing)
    #[arg(long)]
    force: bool,

    /// The folder to write into; created if it does not exist
    #[arg(value_name = "DIR")]
    dir: PathBuf,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // `{:#}` prints the context chain on one line, without a backtrace.
            eprintln!("gen_library: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<()> {
    prepare_dir(&args.dir, args.force)?;

    let n = args.guides;
    let mut rng = Rng::with_seed(seed_for(n));
    let mut topics = 0usize;
    let mut bytes = 0usize;
    for number in 1..=n {
        let guide = generate_guide(&mut rng, number, n);
        topics += guide.topics;
        bytes += guide.text.len();
        let path = args.dir.join(format!("guide-{number:04}.md"));
        fs::write(&path, &guide.text)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    println!(
        "gen_library: wrote {n} guides, {topics} topics, {bytes} bytes to {}",
        args.dir.display()
    );
    if args.force {
        let stale = stale_guides(&args.dir, n)?;
        if stale > 0 {
            eprintln!(
                "gen_library: note: {} also holds {stale} guide-*.md file(s) numbered above {n} \
                 from an earlier run; they were left alone and will load with the new ones",
                args.dir.display()
            );
        }
    }
    Ok(())
}

/// Every guide of an N-guide library as (file name, text), in order: what `run` writes. The
/// benchmarks include this file as a module to generate the same library in memory.
#[allow(dead_code)]
pub fn library_files(n: u32) -> Vec<(String, String)> {
    let mut rng = Rng::with_seed(seed_for(n));
    (1..=n)
        .map(|number| {
            let guide = generate_guide(&mut rng, number, n);
            (format!("guide-{number:04}.md"), guide.text)
        })
        .collect()
}

/// How many `guide-NNNN.md` files in `dir` are numbered above `n` (left over from a larger run).
fn stale_guides(dir: &Path, n: u32) -> Result<usize> {
    let mut stale = 0;
    for entry in fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))? {
        let entry = entry.with_context(|| format!("cannot read {}", dir.display()))?;
        let name = entry.file_name();
        let number = name
            .to_str()
            .and_then(|name| name.strip_prefix("guide-"))
            .and_then(|rest| rest.strip_suffix(".md"))
            .and_then(|digits| digits.parse::<u64>().ok());
        if number.is_some_and(|number| number > u64::from(n)) {
            stale += 1;
        }
    }
    Ok(stale)
}

/// A fixed seed derived from N, so the same N always gives the same library.
fn seed_for(n: u32) -> u64 {
    0x6361_7265_7374_7564 ^ u64::from(n).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// Creates DIR, or checks that it is an empty folder (or that `--force` was given).
fn prepare_dir(dir: &Path, force: bool) -> Result<()> {
    match fs::metadata(dir) {
        Ok(meta) if !meta.is_dir() => {
            bail!("{} exists and is not a folder", dir.display())
        }
        Ok(_) => {
            let mut entries =
                fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))?;
            if let Some(entry) = entries.next() {
                entry.with_context(|| format!("cannot read {}", dir.display()))?;
                if !force {
                    bail!(
                        "{} is not empty: choose an empty or new folder, or pass --force to \
                         overwrite the guide-*.md files in it (other files are left alone)",
                        dir.display()
                    );
                }
            }
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => fs::create_dir_all(dir)
            .with_context(|| format!("cannot create folder {}", dir.display())),
        Err(e) => Err(e).with_context(|| format!("cannot read {}", dir.display())),
    }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const CONCEPTS: &[&str] = &[
    "dignity",
    "consent",
    "safeguarding",
    "confidentiality",
    "person-centred care",
    "partnership working",
    "communication",
    "professional boundaries",
    "record keeping",
    "duty of care",
    "equality and diversity",
    "independence",
    "choice and control",
    "privacy",
    "risk assessment",
    "trust",
    "empathy",
    "accountability",
    "whistleblowing",
    "continuity of care",
    "wellbeing",
    "active listening",
    "reflective practice",
    "teamwork",
    "advocacy",
    "mental capacity",
    "infection prevention",
    "safe moving and handling",
    "inclusion",
    "respect",
    "duty of candour",
    "information sharing",
    "conflict resolution",
    "medication safety",
    "nutrition and hydration",
    "end of life care",
    "positive risk taking",
    "supervision",
    "handling complaints",
    "anti-discriminatory practice",
];

const ROLES: &[&str] = &[
    "care worker",
    "senior carer",
    "support worker",
    "healthcare assistant",
    "nurse",
    "district nurse",
    "mental health nurse",
    "GP",
    "social worker",
    "advocate",
    "volunteer",
    "occupational therapist",
    "physiotherapist",
    "speech and language therapist",
    "pharmacist",
    "dietitian",
    "paramedic",
    "health visitor",
    "registered manager",
    "team leader",
    "key worker",
    "activities coordinator",
    "personal assistant",
    "care coordinator",
    "domiciliary care worker",
    "housing support officer",
];

/// A setting: its name as a noun, and as a place ("in a care home").
const SETTINGS: &[(&str, &str)] = &[
    ("care home", "in a care home"),
    ("hospital ward", "on a hospital ward"),
    ("day centre", "at a day centre"),
    ("home care", "in home care"),
    ("supported living", "in supported living"),
    ("hospice", "in a hospice"),
    ("nursing home", "in a nursing home"),
    ("GP surgery", "at a GP surgery"),
    ("mental health", "in a community mental health team"),
    ("children's home", "in a children's home"),
    ("extra care housing", "in extra care housing"),
    ("respite care", "in a respite service"),
    ("reablement", "in a reablement service"),
    ("learning disability", "in a learning disability service"),
    ("outpatient clinic", "at an outpatient clinic"),
    ("residential care", "in residential care"),
];

const PEOPLE: &[&str] = &[
    "the people they support",
    "residents",
    "patients",
    "service users",
    "individuals and their families",
    "older people",
    "people living with dementia",
    "young people",
    "people with learning disabilities",
    "family carers",
    "people at the end of life",
    "adults with mental health needs",
    "people with sensory loss",
    "children and young people in care",
];

const PERSON: &[&str] = &[
    "an older resident",
    "a person living with dementia",
    "a young person with autism",
    "a man recovering from a stroke",
    "a woman with a learning disability",
    "a family carer",
    "a person receiving end of life care",
    "a child in foster care",
    "a person with hearing loss",
    "a new resident",
    "an adult with anxiety and depression",
    "a wheelchair user",
    "a worried relative",
    "a person whose first language is not English",
    "a man with diabetes",
    "a woman who has recently been bereaved",
    "a teenager leaving care",
    "a person with Parkinson's disease",
];

/// Verb phrases in the base form ("staff should ...").
const ACTIONS: &[&str] = &[
    "listen to what the person wants",
    "explain choices in plain language",
    "record what happened accurately",
    "ask for consent before giving care",
    "report concerns to a senior",
    "respect the person's privacy",
    "share information only on a need-to-know basis",
    "involve the family where the person agrees",
    "check the care plan before each visit",
    "keep to agreed boundaries",
    "reflect on their own practice",
    "challenge poor practice",
    "support the person to make their own decisions",
    "follow the organisation's policies",
    "raise a safeguarding concern without delay",
    "work in partnership with other professionals",
    "promote independence in daily tasks",
    "treat each person as an individual",
    "check that the person has understood",
    "pass on changes at handover",
    "keep personal information secure",
    "seek advice when they are unsure",
];

/// Verb phrases in the third person ("a nurse ...").
const EX_ACTIONS: &[&str] = &[
    "asks for consent before helping with personal care",
    "explains the menu using pictures",
    "writes clear notes in the daily record",
    "checks the care plan before a home visit",
    "reports a bruise to the senior on shift",
    "arranges an interpreter for a family meeting",
    "closes the curtains during personal care",
    "refers a concern to the safeguarding team",
    "politely declines a gift from a family",
    "shares a change in mobility at handover",
    "sits at eye level to talk things through",
    "agrees a plan with the physiotherapist",
    "checks the medication record twice",
    "offers a choice of clothes each morning",
    "speaks to the manager about a rota gap",
    "knocks and waits before entering a bedroom",
    "keeps a laptop locked when leaving the office",
    "updates the risk assessment after a fall",
];

/// What may happen to people when practice is poor ("people may ...").
const HARMS: &[&str] = &[
    "feel ignored",
    "lose trust in staff",
    "be put at risk of harm",
    "miss out on the support they need",
    "feel that their dignity has been taken away",
    "become isolated",
    "refuse care they would benefit from",
    "be left confused about what is happening",
    "feel that decisions are made without them",
];

/// What may happen to a team when practice is poor ("the team may ...").
const TEAM_HARMS: &[&str] = &[
    "miss important changes",
    "repeat work",
    "lose track of risks",
    "disagree about who is responsible",
    "make avoidable mistakes",
    "lose the confidence of families",
];

const OUTCOMES: &[&str] = &[
    "better outcomes",
    "safer care",
    "greater independence",
    "stronger trust",
    "fewer mistakes",
    "improved wellbeing",
    "continuity of care",
    "a better quality of life",
    "earlier help when needs change",
    "more confidence in the service",
];

const POLICIES: &[&str] = &[
    "the Care Act 2014",
    "the Mental Capacity Act 2005",
    "the Data Protection Act 2018",
    "the Equality Act 2010",
    "the Health and Social Care Act 2008",
    "the Human Rights Act 1998",
    "the Code of Conduct for healthcare support workers",
    "the Care Certificate",
    "the organisation's safeguarding policy",
    "the local authority's safeguarding procedure",
    "the CQC inspection framework",
    "the Children Act 1989",
];

const DOCUMENTS: &[&str] = &[
    "care plan",
    "daily notes",
    "incident form",
    "handover sheet",
    "risk assessment",
    "hospital passport",
    "medication administration record",
    "communication book",
    "consent form",
    "support plan",
    "body map",
    "fluid chart",
];

const ACTIVITIES: &[&str] = &[
    "handover",
    "care plan review",
    "medication round",
    "multidisciplinary meeting",
    "supervision session",
    "admission",
    "discharge planning meeting",
    "best interests meeting",
    "safeguarding referral",
    "team meeting",
    "morning routine",
    "mealtime",
    "home visit",
    "personal care session",
    "family meeting",
    "review meeting",
    "night shift",
    "first visit",
];

const ADJECTIVES: &[&str] = &[
    "clear",
    "accurate",
    "timely",
    "respectful",
    "consistent",
    "honest",
    "professional",
    "sensitive",
    "open",
    "safe",
    "fair",
    "person-centred",
];

const FEELINGS: &[&str] = &[
    "valued",
    "respected",
    "safe",
    "listened to",
    "involved",
    "confident",
    "in control",
    "informed",
];

const VERBS: &[&str] = &[
    "identify", "outline", "describe", "explain", "compare", "analyse", "evaluate",
];

// ---------------------------------------------------------------------------------------------
// Templates. `{key}` is replaced by a word or phrase (see `Filler::word`).

const GUIDE_TITLES: &[&str] = &[
    "{Topic} {at_setting}",
    "{Topic} and {concept} in care settings",
    "Understanding {topic} in health and social care",
    "{Topic}: the role of the {role}",
    "Working with {people}: {topic} in practice",
    "{Topic} for {role}s",
    "Promoting {topic} {at_setting}",
];

const CRITERION_OBJECTS: &[&str] = &[
    "the main duties of {role}s relating to {topic}",
    "the key principles of {topic}",
    "how {topic} is put into practice {at_setting}",
    "why {topic} is important in health and social care",
    "the roles of {role}s and {role}s in supporting {topic}",
    "the factors that affect {topic} {at_setting}",
    "approaches to improving {topic} in care settings",
    "how {policy} shapes {topic}",
    "the links between {topic} and {concept}",
];

const TOPIC_TITLES: &[&str] = &[
    "{Topic} {at_setting}",
    "The role of the {role} in {topic}",
    "{Topic} and {concept}",
    "Why {topic} matters",
    "{Topic} during the {activity}",
    "Working with {role}s",
    "Barriers to {topic}",
    "What {policy} says about {topic}",
    "{Topic} with {people}",
    "Recording {topic} in the {document}",
    "When {topic} goes wrong",
    "Improving {topic}",
];

const SUMMARY_OPENERS: &[&str] = &[
    "{Topic} is a central part of the work of every {role} {at_setting}, because it shapes how {people} are treated and how safe they feel.",
    "{Topic} is about the way staff {action} and {action}.",
    "This topic looks at how {role}s and {role}s work together on {topic} {at_setting}.",
    "{Topic} matters in every setting, from a busy hospital ward to a small supported living service.",
    "{Topic} is one of the foundations of {adj} and {adj} care for {people}.",
    "Every {role} is expected to understand {topic} and to put it into practice each day.",
    "{Policy} sets out duties that relate to {topic}, and employers turn these duties into local policies.",
    "{Topic} describes how staff {action}, even when the shift is busy.",
    "For {people}, {topic} can make the difference between care that feels safe and care that feels rushed.",
    "{Topic} shows in small everyday moments, such as the {activity} or a conversation with {person}.",
    "Learners often meet {topic} first {at_setting}, where they see how {role}s {action}.",
    "{Topic} is not a single task but a way of working that runs through the whole of a shift.",
    "Under {policy}, {topic} is part of what people can expect from any care service.",
    "{Topic} helps {role}s and {role}s agree how to support {person}.",
];

const SUMMARY_FOLLOWERS: &[&str] = &[
    "It asks staff to {action} and to {action}, so that {people} receive care that is {adj} and {adj}.",
    "When it is weak, {people} may {harm}, and the wider team may {team_harm}.",
    "Strong practice depends on {concept}, {concept} and a clear understanding of each worker's role.",
    "A {role} who understands it can {action} even when the team is under pressure.",
    "It links closely with {concept} and with the way information is written in the {document}.",
    "Done well, it leads to {outcome} and helps {people} feel {feeling}.",
    "Staff learn about it during induction and keep developing it through supervision and reflective practice.",
    "It applies {at_setting} as much as anywhere else, although the details differ from service to service.",
    "Managers check it through audits, spot checks and feedback from {people}.",
    "If staff are unsure, they should speak to {a_role} before acting.",
    "It also protects staff, because a clear record shows what was done and why.",
    "Each {role} brings different knowledge, and {topic} depends on that knowledge being shared.",
    "Over time it builds {concept} and helps {people} feel {feeling}.",
];

const KEY_FEATURES: &[&str] = &[
    "{Topic} protects the rights of {people}",
    "Every {role} has a duty to {action}",
    "{Role}s should {action}",
    "Getting this right depends on {concept} and {concept}",
    "{Policy} sets out what is expected of staff",
    "Records must be {adj}, {adj} and kept secure",
    "Staff {action} during every {activity}",
    "Good practice builds trust between staff and {people}",
    "The same standards apply {at_setting} as anywhere else",
    "Concerns are reported to {a_role} or the registered manager",
    "Practice is reviewed regularly in supervision with {a_role}",
    "Doing this well leads to {outcome} for {people}",
    "Good practice is written into the {document}",
    "Without it, {people} may {harm}",
    "Staff must {action} and {action}",
    "Care workers owe this to {people} as part of their duty of care",
    "Communication should be {adj} and {adj}",
    "Each person's wishes are recorded in the {document}",
    "Teams that share information well are less likely to {team_harm}",
    "Good practice helps {people} feel {feeling}",
];

const EXAMPLES: &[&str] = &[
    "{A_role} {at_setting} {ex_action}",
    "During a {activity}, {a_role} {ex_action}",
    "{A_role} {ex_action} when supporting {person}",
    "{Person} {at_setting} is helped by {a_role} who {ex_action}",
    "{A_role} and {a_role} meet to plan the care of {person}",
    "{A_role} notices that {person} seems withdrawn and {ex_action}",
    "At the {activity}, {a_role} {ex_action}",
];

const TIPS: &[&str] = &[
    "Always {action}",
    "Ask {a_role} for advice if you are unsure about {topic}",
    "Read the {document} before you start each shift",
    "Use plain words and check the person has understood",
    "Write up the {document} as soon as you can",
    "Talk about {topic} in supervision with {a_role}",
    "Remember that {people} are the experts in their own lives",
    "Learn what {policy} expects of you",
];

const CHALLENGES: &[&str] = &[
    "Staff shortages can make {topic} harder {at_setting}",
    "{People} may have communication needs that are not recorded",
    "Different professionals may disagree about {topic}",
    "Time pressure during the {activity} can lead to shortcuts",
    "Families may not agree with the person's choices",
    "Information in the {document} may be out of date",
    "New staff may not yet understand {policy}",
    "Balancing {topic} with {concept} is not always easy",
];

const BENEFITS: &[&str] = &[
    "{People} feel more {feeling}",
    "Fewer mistakes are made during the {activity}",
    "Teams share a clear picture of each person's needs",
    "Doing this well leads to {outcome} for {people}",
    "Staff feel more confident about {topic}",
    "Families trust the service more",
    "Problems are noticed earlier and dealt with sooner",
    "The service meets the expectations of {policy}",
];

const STEPS: &[&str] = &[
    "Read the {document} and note any recent changes",
    "Explain what you plan to do and why",
    "Ask the person for their consent",
    "Carry out the task in a way that respects {topic}",
    "Record what happened in the {document}",
    "Report any concerns to {a_role}",
    "Review the plan at the next {activity}",
    "Reflect on what went well and what could change",
];

const CRITERIA_SOURCES: &[&str] = &[
    "Care Certificate Standard {s}.{o}",
    "Responsibilities of a care worker {s}.{o}",
    "Level 2 Diploma in Care, outcome {s}.{o}",
    "Level 3 Diploma in Adult Care, outcome {s}.{o}",
];

// ---------------------------------------------------------------------------------------------
// Generation

struct Generated {
    text: String,
    topics: usize,
}

/// Fills templates for one topic (or the guide's front matter).
struct Filler<'a> {
    rng: &'a mut Rng,
    topic: &'static str,
    setting: (&'static str, &'static str),
}

fn pick<T: Copy>(rng: &mut Rng, items: &[T]) -> T {
    items[rng.usize(..items.len())]
}

fn article(word: &str) -> &'static str {
    match word.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u') => "an",
        _ => "a",
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

impl Filler<'_> {
    fn word(&mut self, key: &str) -> String {
        let rng = &mut *self.rng;
        match key {
            "topic" => self.topic.to_owned(),
            "concept" => loop {
                let concept = pick(rng, CONCEPTS);
                if concept != self.topic {
                    break concept.to_owned();
                }
            },
            "role" => pick(rng, ROLES).to_owned(),
            "a_role" => {
                let role = pick(rng, ROLES);
                format!("{} {role}", article(role))
            }
            "at_setting" => {
                // Mostly the topic's own setting, sometimes another, so settings mix across a guide.
                if rng.usize(..4) == 0 {
                    pick(rng, SETTINGS).1.to_owned()
                } else {
                    self.setting.1.to_owned()
                }
            }
            "setting" => self.setting.0.to_owned(),
            "people" => pick(rng, PEOPLE).to_owned(),
            "person" => pick(rng, PERSON).to_owned(),
            "action" => pick(rng, ACTIONS).to_owned(),
            "ex_action" => pick(rng, EX_ACTIONS).to_owned(),
            "harm" => pick(rng, HARMS).to_owned(),
            "team_harm" => pick(rng, TEAM_HARMS).to_owned(),
            "outcome" => pick(rng, OUTCOMES).to_owned(),
            "policy" => pick(rng, POLICIES).to_owned(),
            "document" => pick(rng, DOCUMENTS).to_owned(),
            "activity" => pick(rng, ACTIVITIES).to_owned(),
            "adj" => pick(rng, ADJECTIVES).to_owned(),
            "feeling" => pick(rng, FEELINGS).to_owned(),
            "s" => (rng.usize(1..=15)).to_string(),
            "o" => (rng.usize(1..=6)).to_string(),
            other => other.to_owned(),
        }
    }

    /// A random template from `templates`, filled, starting with a capital letter.
    fn fill_one(&mut self, templates: &[&str]) -> String {
        let template = pick(self.rng, templates);
        self.fill(template)
    }

    /// The template filled (see `fill_raw`), starting with a capital letter.
    fn fill(&mut self, template: &str) -> String {
        capitalise(&self.fill_raw(template))
    }

    /// Replaces each `{key}` in the template; `{Key}` gives the word with a capital letter.
    fn fill_raw(&mut self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 64);
        // Words already used in this template, so "clear and clear" does not happen.
        let mut used: Vec<String> = Vec::new();
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                out.push_str(&rest[open..]);
                return out;
            };
            let key = &after[..close];
            let capital = key.starts_with(|c: char| c.is_ascii_uppercase());
            let key = key.to_ascii_lowercase();
            let mut word = self.word(&key);
            for _ in 0..8 {
                if !used.contains(&word) {
                    break;
                }
                word = self.word(&key);
            }
            used.push(word.clone());
            if capital {
                out.push_str(&capitalise(&word));
            } else {
                out.push_str(&word);
            }
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        out
    }

    /// `count` distinct points of 5 to 20 words, from different templates where possible.
    fn points(&mut self, templates: &[&str], count: usize, full_stop: bool) -> Vec<String> {
        let mut order = templates.to_vec();
        self.rng.shuffle(&mut order);
        let mut seen = BTreeSet::new();
        let mut points = Vec::with_capacity(count);
        for attempt in 0..count * 8 {
            if points.len() == count {
                break;
            }
            let mut point = self.fill(order[attempt % order.len()]);
            if !(5..=20).contains(&word_count(&point)) {
                continue;
            }
            if full_stop {
                point.push('.');
            }
            if seen.insert(point.clone()) {
                points.push(point);
            }
        }
        points
    }

    /// One to three sentences, 20 to 60 words in all.
    fn summary(&mut self) -> String {
        for _ in 0..20 {
            let sentences = self.rng.usize(1..=3);
            let mut text = self.fill_one(SUMMARY_OPENERS);
            for _ in 1..sentences {
                text.push(' ');
                text.push_str(&self.fill_one(SUMMARY_FOLLOWERS));
            }
            while word_count(&text) < 20 {
                text.push(' ');
                text.push_str(&self.fill_one(SUMMARY_FOLLOWERS));
            }
            if word_count(&text) <= 60 {
                return text;
            }
        }
        self.fill_one(SUMMARY_OPENERS)
    }
}

const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "at", "during", "for", "in", "of", "on", "says", "the", "to", "what", "when",
    "why", "with",
];

/// Turns a title into the id part after `topic-NN-`: lowercase words joined by hyphens.
fn slug(title: &str, max_words: usize) -> String {
    title
        .replace('\'', "")
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && !STOP_WORDS.contains(&w.to_ascii_lowercase().as_str()))
        .take(max_words)
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}

/// A TOML basic string, quoted and escaped.
fn toml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

fn generate_guide(rng: &mut Rng, number: u32, n: u32) -> Generated {
    let theme = pick(rng, CONCEPTS);
    let setting = pick(rng, SETTINGS);
    let verb = pick(rng, VERBS);
    let full_stops = rng.bool();
    let mut f = Filler {
        rng,
        topic: theme,
        setting,
    };

    let title = f.fill_one(GUIDE_TITLES);
    let template = pick(f.rng, CRITERION_OBJECTS);
    let object = f.fill_raw(template);
    let unit = f.rng.usize(1..=9);
    let outcome = f.rng.usize(1..=6);
    let criterion = format!("{unit}.{outcome} {} {object}", capitalise(verb));

    let mut text = String::with_capacity(24 * 1024);
    text.push_str("+++\n");
    let _ = writeln!(text, "id = \"generated-{number:04}\"");
    let _ = writeln!(text, "title = {}", toml_string(&title));
    let _ = writeln!(text, "criterion = {}", toml_string(&criterion));
    let _ = writeln!(text, "verb = \"{verb}\"");
    let _ = writeln!(
        text,
        "source = {}",
        toml_string(&format!("Generated by gen_library (N={n})"))
    );
    // `carestudy check` asks a guide not based on a source guide for its references.
    text.push_str(
        "references = [{ title = \"Generated text\", url = \"https://example.org/gen_library\" }]\n",
    );
    if f.rng.bool() {
        let count = f.rng.usize(1..=3);
        let criteria: Vec<String> = (0..count)
            .map(|_| toml_string(&f.fill_one(CRITERIA_SOURCES)))
            .collect();
        let _ = writeln!(text, "criteria = [{}]", criteria.join(", "));
    }
    text.push_str("+++\n\n");

    // An introduction, as most built-in guides have.
    if f.rng.usize(..3) != 0 {
        for _ in 0..f.rng.usize(1..=2) {
            text.push_str(&f.summary());
            text.push_str("\n\n");
        }
    }

    let topic_count = f.rng.usize(16..=24);
    let mut titles = BTreeSet::new();
    for index in 1..=topic_count {
        // Topics stay near the guide's theme: half of them are about it, the rest about a neighbour.
        f.topic = if f.rng.bool() {
            theme
        } else {
            pick(f.rng, CONCEPTS)
        };
        f.setting = if f.rng.usize(..3) == 0 {
            pick(f.rng, SETTINGS)
        } else {
            setting
        };
        let mut topic_title = f.fill_one(TOPIC_TITLES);
        let mut tries = 0;
        while titles.contains(&topic_title) {
            tries += 1;
            topic_title = f.fill_one(TOPIC_TITLES);
            if tries > 50 {
                topic_title = format!("{topic_title} (part {index})");
            }
        }
        titles.insert(topic_title.clone());
        let id = format!("topic-{index:02}-{}", slug(&topic_title, 4));
        let _ = writeln!(text, "## {topic_title} {{#{id}}}\n");
        text.push_str(&f.summary());
        text.push_str("\n\n");

        let features = f.rng.usize(4..=9);
        push_list(
            &mut text,
            "Key features",
            &f.points(KEY_FEATURES, features, full_stops),
            false,
        );
        let examples = f.rng.usize(1..=3);
        push_list(
            &mut text,
            "Examples",
            &f.points(EXAMPLES, examples, full_stops),
            false,
        );
        if f.rng.usize(..3) == 0 {
            let count = f.rng.usize(3..=6);
            let (name, templates, numbered) = match f.rng.usize(..4) {
                0 => ("Tips", TIPS, false),
                1 => ("Challenges", CHALLENGES, false),
                2 => ("Benefits", BENEFITS, false),
                _ => ("Steps", STEPS, true),
            };
            push_list(
                &mut text,
                name,
                &f.points(templates, count, full_stops),
                numbered,
            );
        }
        if f.rng.usize(..12) == 0 {
            let count = f.rng.usize(1..=2);
            let criteria: BTreeSet<String> =
                (0..count).map(|_| f.fill_one(CRITERIA_SOURCES)).collect();
            let criteria: Vec<String> = criteria.into_iter().collect();
            push_list(&mut text, "Criteria", &criteria, false);
        }
    }
    // One newline at the end of the file, not a blank line.
    while text.ends_with("\n\n") {
        text.pop();
    }
    Generated {
        text,
        topics: topic_count,
    }
}

fn push_list(text: &mut String, name: &str, points: &[String], numbered: bool) {
    let _ = writeln!(text, "### {name}\n");
    for (i, point) in points.iter().enumerate() {
        if numbered {
            let _ = writeln!(text, "{}. {point}", i + 1);
        } else {
            let _ = writeln!(text, "- {point}");
        }
    }
    text.push('\n');
}
