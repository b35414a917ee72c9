//! Spreading a CPU-bound pass over many independent items across the machine's cores.

use std::sync::atomic::{AtomicUsize, Ordering};

/// How many threads CPU-bound work may use: every core the process may run on.
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// `work` on every item, on up to [`cores`] threads when there are at least `threshold` items
/// (below it, starting threads costs more than it saves). Threads take the next item as they
/// finish one, so a few large items do not leave the other cores idle. The results keep the
/// items' order.
pub fn map_on_all_cores<T: Sync, R: Send>(
    items: &[T],
    threshold: usize,
    work: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let threads = cores().min(items.len());
    if items.len() < threshold.max(2) || threads < 2 {
        return items.iter().map(&work).collect();
    }
    let next = AtomicUsize::new(0);
    let take_items = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else {
                return done;
            };
            done.push((i, work(item)));
        }
    };
    let mut results: Vec<(usize, R)> = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(take_items)).collect();
        let mut all = take_items();
        for helper in helpers {
            // A helper that panicked lost its items; they are redone below rather than lost.
            if let Ok(theirs) = helper.join() {
                all.extend(theirs);
            }
        }
        all
    });
    results.sort_unstable_by_key(|(i, _)| *i);
    if results.len() == items.len() {
        return results.into_iter().map(|(_, r)| r).collect();
    }
    let mut done = results.into_iter().peekable();
    let mut ordered = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match done.next_if(|(j, _)| *j == i) {
            Some((_, r)) => ordered.push(r),
            None => ordered.push(work(item)),
        }
    }
    ordered
}

/// `work` over `items`, in two halves on two threads when there are at least `threshold` items
/// (below it, starting a thread costs more than it saves). The results keep the items' order.
pub fn in_two_halves<T: Sync, R: Send>(
    items: &[T],
    threshold: usize,
    work: impl Fn(&[T]) -> Vec<R> + Sync,
) -> Vec<R> {
    if items.len() < threshold.max(2) {
        return work(items);
    }
    let (first, second) = items.split_at(items.len() / 2);
    std::thread::scope(|scope| {
        let other = scope.spawn(|| work(second));
        let mut results = work(first);
        // Should the thread fail, do its half here rather than lose results.
        results.extend(other.join().unwrap_or_else(|_| work(second)));
        results
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_whether_split_or_not() {
        let items: Vec<u32> = (0..1000).collect();
        let double = |part: &[u32]| part.iter().map(|i| i * 2).collect::<Vec<_>>();
        let split = in_two_halves(&items, 10, double);
        let whole = in_two_halves(&items, 10_000, double);
        assert_eq!(split, whole);
        assert_eq!(split[999], 1998);
    }

    #[test]
    fn all_cores_keep_order_and_miss_nothing() {
        let items: Vec<u64> = (0..5000).collect();
        // Uneven work, so threads finish their items at different times.
        let work = |&i: &u64| (0..i % 97).fold(i, |acc, k| acc.wrapping_mul(31).wrapping_add(k));
        let expected: Vec<u64> = items.iter().map(work).collect();
        assert_eq!(map_on_all_cores(&items, 2, work), expected);
        assert_eq!(map_on_all_cores(&items, usize::MAX, work), expected);
        assert_eq!(map_on_all_cores(&items[..1], 1, work), expected[..1]);
        assert!(map_on_all_cores(&items[..0], 1, work).is_empty());
    }
}
