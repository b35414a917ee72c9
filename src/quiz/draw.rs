//! Drawing a question's wrong options from its candidates (places in the index's lists of
//! titles or point texts): from the question's own guide first, then from the others, looking
//! at a bounded number of candidates however large the library is. Listing, scoring or
//! trying every candidate of every other guide for each question made the Anki export of
//! 4,000 one-topic guides take time in the square of their number (#13.10).

use super::build::OPTIONS;
use std::collections::HashMap;

/// While the other guides hold at most this many topics, every candidate from them is scored
/// and the half least like the question's topic is drawn from, as a hand check of questions
/// expects. Beyond it the half is estimated from a sample.
const EXACT_TOPICS: usize = 256;
/// Candidates scored to estimate where the half least like the question's topic ends (the
/// median of 32 falls between the 33rd and 67th percentile nineteen times in twenty).
const SAMPLE: usize = 32;
/// Candidates from other guides looked at, at most, for one question beyond [`EXACT_TOPICS`]:
/// where fewer than one in thirty would do, the question is one the library cannot ask well.
const MOST_LOOKED_AT: usize = 96;

/// The candidates for a question about a topic of `guide`: the groups of its own guide
/// (`in_guide[guide]`, ascending) and those of every other guide (`0..count` without them);
/// `own` groups (the question's own title or points) are neither.
pub(super) fn candidates(
    in_guide: &[Vec<usize>],
    count: usize,
    guide: usize,
    own: &[usize],
) -> (Vec<usize>, Others) {
    let same_guide = in_guide.get(guide).map_or(&[][..], Vec::as_slice);
    let same: Vec<usize> = same_guide
        .iter()
        .copied()
        .filter(|g| !own.contains(g))
        .collect();
    let mut left_out: Vec<usize> = same_guide.iter().chain(own).copied().collect();
    left_out.sort_unstable();
    left_out.dedup();
    (same, Others::new(count, left_out))
}

/// Three wrong options (as candidates' places): from the question's own guide (`same`) first,
/// then from the others. From other guides, only the half least like the question's topic:
/// another guide covers the same ground in other words more often than the question's own guide
/// does. (Worked out only when the own guide falls short.) `other_topics`: how many topics the
/// other guides hold.
pub(super) fn draw_wrong(
    same: &mut Vec<usize>,
    mut other: Others,
    other_topics: usize,
    rng: &mut fastrand::Rng,
    sound: &dyn Fn(usize) -> bool,
    likeness: &mut dyn FnMut(usize) -> f64,
) -> Vec<usize> {
    let wanted = OPTIONS - 1;
    let mut wrong = draw_sound(same, wanted, rng, &mut |c| sound(c), usize::MAX);
    if wrong.len() < wanted {
        let wanted = wanted - wrong.len();
        let more = if other_topics <= EXACT_TOPICS {
            let mut listed = other.listed();
            keep_least_alike(&mut listed, likeness);
            draw_sound(&mut listed, wanted, rng, &mut |c| sound(c), usize::MAX)
        } else {
            draw_least_alike(&mut other, wanted, rng, sound, likeness)
        };
        wrong.extend(more);
    }
    wrong
}

/// Keeps the half of `candidates` (at least a question's worth) that score lowest: the ones
/// least like the question's topic.
fn keep_least_alike(candidates: &mut Vec<usize>, score: &mut dyn FnMut(usize) -> f64) {
    let mut scored: Vec<(f64, usize)> = candidates.iter().map(|&c| (score(c), c)).collect();
    scored.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let keep = (scored.len() / 2).max(OPTIONS * 2).min(scored.len());
    *candidates = scored.into_iter().take(keep).map(|(_, c)| c).collect();
}

/// Up to `wanted` sound candidates scoring at most the median of a random sample: the half
/// least like the question's topic, estimated, drawn without listing the candidates.
fn draw_least_alike(
    candidates: &mut Others,
    wanted: usize,
    rng: &mut fastrand::Rng,
    sound: &dyn Fn(usize) -> bool,
    likeness: &mut dyn FnMut(usize) -> f64,
) -> Vec<usize> {
    let sample = draw_sound(candidates, SAMPLE, rng, &mut |_| true, SAMPLE);
    let mut scores: Vec<f64> = sample.into_iter().map(&mut *likeness).collect();
    scores.sort_by(f64::total_cmp);
    let Some(&median) = scores.get(scores.len() / 2) else {
        return Vec::new();
    };
    let mut fits = |c: usize| likeness(c) <= median && sound(c);
    draw_sound(candidates, wanted, rng, &mut fits, MOST_LOOKED_AT)
}

/// Up to `wanted` of `candidates` that pass `sound`, in a random order, looking at `most` of
/// them at most: a lazy shuffle that stops as soon as enough are found.
fn draw_sound(
    candidates: &mut dyn Shuffled,
    wanted: usize,
    rng: &mut fastrand::Rng,
    sound: &mut dyn FnMut(usize) -> bool,
    most: usize,
) -> Vec<usize> {
    let mut found = Vec::new();
    let len = candidates.len();
    for k in 0..len.min(most) {
        if found.len() == wanted {
            break;
        }
        let pick = rng.usize(k..len);
        candidates.swap(k, pick);
        let candidate = candidates.get(k);
        if sound(candidate) {
            found.push(candidate);
        }
    }
    found
}

/// A list being shuffled in place, one place at a time.
trait Shuffled {
    fn len(&self) -> usize;
    fn get(&self, place: usize) -> usize;
    fn swap(&mut self, a: usize, b: usize);
}

impl Shuffled for Vec<usize> {
    fn len(&self) -> usize {
        self.as_slice().len()
    }

    fn get(&self, place: usize) -> usize {
        self[place]
    }

    fn swap(&mut self, a: usize, b: usize) {
        self.as_mut_slice().swap(a, b);
    }
}

/// The numbers `0..count` but the `left_out` ones, ascending, as a list to shuffle that is
/// never written out: only the places the shuffle has touched are stored.
pub(super) struct Others {
    count: usize,
    /// Ascending, each below `count`.
    left_out: Vec<usize>,
    moved: HashMap<usize, usize>,
}

impl Others {
    fn new(count: usize, left_out: Vec<usize>) -> Self {
        Self {
            count,
            left_out,
            moved: HashMap::new(),
        }
    }

    /// The list written out, as it stands.
    fn listed(&self) -> Vec<usize> {
        (0..Shuffled::len(self))
            .map(|place| self.get(place))
            .collect()
    }

    /// The number at `place` before any shuffling: the `place`-th that is not left out.
    fn unmoved(&self, place: usize) -> usize {
        let mut n = place;
        for &gap in &self.left_out {
            if gap <= n {
                n += 1;
            } else {
                break;
            }
        }
        n
    }
}

impl Shuffled for Others {
    fn len(&self) -> usize {
        self.count.saturating_sub(self.left_out.len())
    }

    fn get(&self, place: usize) -> usize {
        self.moved
            .get(&place)
            .copied()
            .unwrap_or_else(|| self.unmoved(place))
    }

    fn swap(&mut self, a: usize, b: usize) {
        let (at_a, at_b) = (self.get(a), self.get(b));
        self.moved.insert(a, at_b);
        self.moved.insert(b, at_a);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    /// Drawing from [`Others`] is drawing from the list it stands for, written out: the same
    /// seed picks the same numbers in the same order, so the lazy list changes no question.
    #[test]
    fn others_draw_as_the_list_they_stand_for() {
        let left_out = vec![0, 3, 4, 9, 11];
        let listed: Vec<usize> = (0..12).filter(|n| !left_out.contains(n)).collect();
        assert_eq!(Others::new(12, left_out.clone()).listed(), listed);
        let mut sound = |n: usize| !n.is_multiple_of(3);
        for seed in 0..50 {
            for wanted in [1, 3, 12] {
                let (mut a, mut b) = (
                    fastrand::Rng::with_seed(seed),
                    fastrand::Rng::with_seed(seed),
                );
                let mut list = listed.clone();
                let mut others = Others::new(12, left_out.clone());
                assert_eq!(
                    draw_sound(&mut list, wanted, &mut a, &mut sound, usize::MAX),
                    draw_sound(&mut others, wanted, &mut b, &mut sound, usize::MAX),
                    "seed {seed}, {wanted} wanted"
                );
                assert_eq!(a.u64(..), b.u64(..), "the same draws were made");
            }
        }
        let mut none = Others::new(3, vec![0, 1, 2]);
        let mut any = |_| true;
        assert!(draw_sound(&mut none, 3, &mut fastrand::Rng::with_seed(1), &mut any, 9).is_empty());
    }

    /// A question's candidates from other guides are never written out: drawing touches only
    /// the places it shuffles.
    #[test]
    fn drawing_from_a_large_library_touches_only_what_it_draws() {
        let mut others = Others::new(1_000_000, vec![5, 6, 7]);
        let mut rng = fastrand::Rng::with_seed(3);
        let mut even = |n: usize| n.is_multiple_of(2);
        let found = draw_sound(&mut others, 3, &mut rng, &mut even, usize::MAX);
        assert_eq!(found.len(), 3);
        assert!(
            found
                .iter()
                .all(|n| n.is_multiple_of(2) && ![5, 6, 7].contains(n))
        );
        assert!(
            others.moved.len() <= 2 * 20,
            "{} places",
            others.moved.len()
        );
    }

    /// Beyond [`EXACT_TOPICS`], the wrong options from other guides are sound ones from about
    /// the half least like the question's topic, found by scoring and trying a bounded number
    /// of candidates however many there are.
    #[test]
    fn a_large_library_is_drawn_from_its_least_alike_half_looking_at_few() {
        let count = 1_000_000;
        let scored = Cell::new(0);
        // Candidates are as alike as their number is large.
        let mut likeness = |c: usize| {
            scored.set(scored.get() + 1);
            u32::try_from(c).map_or(f64::MAX, f64::from) / 1e6
        };
        let mut rng = fastrand::Rng::with_seed(7);
        let other = Others::new(count, Vec::new());
        let wrong = draw_wrong(
            &mut Vec::new(),
            other,
            count,
            &mut rng,
            &|_| true,
            &mut likeness,
        );
        assert_eq!(wrong.len(), OPTIONS - 1);
        assert!(wrong.iter().all(|&c| c < count * 3 / 4), "{wrong:?}");
        assert!(
            scored.get() <= SAMPLE + MOST_LOOKED_AT,
            "{} scored",
            scored.get()
        );

        // Where nothing is sound, the search gives up after a bounded look.
        let looked = Cell::new(0);
        let unsound = |_| {
            looked.set(looked.get() + 1);
            false
        };
        let other = Others::new(count, Vec::new());
        let none = draw_wrong(
            &mut Vec::new(),
            other,
            count,
            &mut rng,
            &unsound,
            &mut |_| 0.0,
        );
        assert!(none.is_empty());
        assert!(looked.get() <= MOST_LOOKED_AT, "{} looked at", looked.get());
    }
}
