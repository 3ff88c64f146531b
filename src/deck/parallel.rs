//! Spreading a large deck's independent work (parsing its tables, expanding its facts) over
//! the machine's cores, so that a 100 000-card deck loads in a fraction of a second.
//!
//! Results come back in input order, so the output never depends on the number of threads;
//! small inputs stay on the calling thread.

/// Calls `work(n, slice)` on the consecutive slices of `items` (on several threads when there
/// are at least `min_per_thread * 2` items) and returns the results in the order of the slices.
pub fn map_chunks<T, R>(
    items: &[T],
    min_per_thread: usize,
    work: impl Fn(usize, &[T]) -> R + Sync,
) -> Vec<R>
where
    T: Sync,
    R: Send,
{
    let cores = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    let threads = cores.min(items.len() / min_per_thread.max(1)).max(1);
    if threads == 1 {
        return vec![work(0, items)];
    }
    let size = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let work = &work;
        let handles: Vec<_> = items
            .chunks(size)
            .enumerate()
            .map(|(n, chunk)| scope.spawn(move || work(n, chunk)))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_input_order() {
        let items: Vec<usize> = (0..10_000).collect();
        let sums = map_chunks(&items, 100, |_, chunk| chunk.to_vec());
        assert_eq!(sums.concat(), items);
    }

    #[test]
    fn small_inputs_are_one_chunk() {
        assert_eq!(
            map_chunks(&[1, 2, 3], 100, |n, c| (n, c.len())),
            vec![(0, 3)]
        );
    }
}
