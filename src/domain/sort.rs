//! A stable sort for the short lists the app orders (processes, roadmap steps,
//! discuss items: hundreds at most). Binary insertion keeps the code a few
//! hundred bytes per call site, where the standard sort adds several kilobytes
//! of wasm for every comparator.

/// Sorts `v` stably by `cmp`.
pub fn sort_stable<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> std::cmp::Ordering) {
    for i in 1..v.len() {
        let (mut lo, mut hi) = (0, i);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if cmp(&v[mid], &v[i]) == std::cmp::Ordering::Greater {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        v[lo..=i].rotate_right(1);
    }
}
