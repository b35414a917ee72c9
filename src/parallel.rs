//! Splitting a pass over many independent items between two threads: the machines carestudy
//! targets (an old laptop, CI) have two cores, and the work here is CPU-bound.

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
}
