//! Prints multiple-choice questions for checking by hand: for each seed, the first
//! multiple-choice question of a quiz over all the built-in guides (or `--content DIR`), with
//! every option's owner (the guides holding a topic title, or the topics holding a point), so a
//! reader can judge whether any wrong option could defensibly be right.
//!
//! ```sh
//! cargo run --example quiz_sample -- --from 1000 --count 100 [--content DIR]
//! ```

use carestudy::content::{Library, load_builtin, load_dir};
use carestudy::quiz::{QuestionKind, QuizDeck, Scope};
use std::path::PathBuf;

fn main() {
    let mut from = 0u64;
    let mut count = 100u64;
    let mut content: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next();
        match (arg.as_str(), value) {
            ("--from", Some(v)) => from = v.parse().unwrap_or(from),
            ("--count", Some(v)) => count = v.parse().unwrap_or(count),
            ("--content", Some(v)) => content = Some(PathBuf::from(v)),
            _ => {
                eprintln!("usage: quiz_sample [--from SEED] [--count N] [--content DIR]");
                std::process::exit(2);
            }
        }
    }
    let loaded = match &content {
        Some(dir) => load_dir(dir),
        None => load_builtin(),
    };
    let library = match loaded {
        Ok(library) => library,
        Err(problems) => {
            eprintln!("the guides have problems: {problems:?}");
            std::process::exit(1);
        }
    };
    for seed in from..from + count {
        print_first_choice(&library, seed);
    }
}

fn print_first_choice(library: &Library, seed: u64) {
    let mut deck = QuizDeck::new(library, Scope::All, seed);
    let Some(question) = (0..deck.len().max(1))
        .filter_map(|_| deck.next_question(library))
        .find(|q| q.choice().is_some())
    else {
        println!("## seed {seed}: no multiple-choice question");
        return;
    };
    let Some((options, correct)) = question.choice() else {
        return;
    };
    let guide_of = |at: carestudy::content::TopicRef| {
        library
            .guide(at.guide)
            .map_or_else(String::new, |g| g.id.to_string())
    };
    let topic = library
        .topic(question.topic)
        .map_or("", |t| t.title.as_str());
    println!(
        "## seed {seed} [{}] {}\n   {}\n   topic: {topic} ({})",
        question.kind.code(),
        question.prompt,
        question.subject,
        guide_of(question.topic)
    );
    for (i, option) in options.iter().enumerate() {
        let owners: Vec<String> = library
            .topic_refs()
            .filter(|&at| {
                library.topic(at).is_some_and(|t| {
                    if question.kind == QuestionKind::TopicToPoint {
                        t.points().any(|(_, p)| p == option)
                    } else {
                        t.title == *option
                    }
                })
            })
            .map(|at| {
                let title = library.topic(at).map_or("", |t| t.title.as_str());
                if question.kind == QuestionKind::TopicToPoint {
                    format!("{}: {title}", guide_of(at))
                } else {
                    guide_of(at)
                }
            })
            .collect();
        let mark = if i == correct { "*" } else { " " };
        println!("   {mark} {option}  [{}]", owners.join("; "));
    }
}
