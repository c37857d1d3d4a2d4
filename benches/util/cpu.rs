//! Shared by the benchmarks: CPU time, the steadier figure on a shared machine.

/// Nanoseconds this process has spent on a CPU (Linux, `/proc/self/schedstat`), if known.
pub fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}
