#!/usr/bin/env python3
"""Benchmark: extraction speed of storydiff against trafilatura, on one core.

Both extract the body of every page of the shared article-extraction benchmark
(181 gzipped pages), starting from the raw bytes (so both include charset decoding
and HTML parsing), pinned to one CPU core:

  storydiff, in-process:   `cargo bench --bench extract_speed -- DIR ROUNDS`
                           (benches/extract_speed.rs: decode + extract in a loop
                           over pages already in memory; median of ROUNDS rounds)
  storydiff, processes:    `target/release/storydiff inspect --text PAGE` once per
                           page, as evaluate.py runs it (process start-up included)
  trafilatura, in-process: `trafilatura.extract(raw_bytes)` in a Python loop over
                           pages already in memory; median of ROUNDS rounds

Both wall time and CPU time are reported; on a machine shared with other work the
CPU figure is the steadier one. Goal (issue 4): storydiff in-process pages/s >= 20x
trafilatura's.

Setup and run (PyPI only):
    python3 -m venv /tmp/trafvenv && /tmp/trafvenv/bin/pip install trafilatura lxml_html_clean
    cargo build --release && cargo bench --bench extract_speed --no-run
    /tmp/trafvenv/bin/python benches/extract_speed.py [--bench DIR] [--rounds 3] [--core 0]
"""
import argparse, gzip, json, os, statistics, subprocess, sys, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BENCH = ROOT.parent / "shared" / "bench" / "article-extraction"


def load_pages(html_dir):
    paths = sorted(html_dir.glob("*.html.gz"))
    return [(p.name[: -len(".html.gz")], gzip.decompress(p.read_bytes())) for p in paths]


def storydiff_in_process(html_dir, rounds):
    out = subprocess.run(
        ["cargo", "bench", "--quiet", "--bench", "extract_speed", "--", str(html_dir), str(rounds)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    line = [l for l in out.stdout.splitlines() if l.startswith("{")][-1]
    return json.loads(line)


def storydiff_processes(binary, pages):
    with tempfile.TemporaryDirectory(prefix="extract-speed-") as tmp:
        files = []
        for name, raw in pages:
            f = Path(tmp) / f"{name}.html"
            f.write_bytes(raw)
            files.append(f)
        t0 = time.perf_counter()
        for f in files:
            subprocess.run([str(binary), "inspect", "--text", str(f)], capture_output=True, check=True)
        wall = time.perf_counter() - t0
    return len(pages) / wall, wall


def trafilatura_in_process(pages, rounds):
    import trafilatura
    secs, cpu = [], []
    for _ in range(rounds):
        t0, c0 = time.perf_counter(), time.process_time()
        for _, raw in pages:
            trafilatura.extract(raw)
        secs.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    n = len(pages)
    return n / statistics.median(secs), n / statistics.median(cpu), secs, cpu, trafilatura.__version__


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="benchmark directory (holds html/)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--core", type=int, default=0, help="CPU core to pin to")
    ap.add_argument("--binary", type=Path, default=ROOT / "target" / "release" / "storydiff")
    a = ap.parse_args()
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        sys.exit("trafilatura is not importable: run this with the venv's python (see --help)")
    # Children (cargo bench, storydiff) inherit the affinity.
    os.sched_setaffinity(0, {a.core})
    html_dir = a.bench / "html"
    pages = load_pages(html_dir)
    print(f"{len(pages)} pages from {html_dir}, pinned to core {a.core}, {a.rounds} rounds")

    sd = storydiff_in_process(html_dir, a.rounds)
    sd_proc, sd_proc_wall = storydiff_processes(a.binary, pages)
    tr, tr_cpu, tr_secs, tr_cpu_secs, tr_version = trafilatura_in_process(pages, a.rounds)

    fmt = lambda xs: " ".join(f"{x:.2f}" for x in xs)
    rows = [
        ("storydiff (in-process)", sd["pages_per_second"], sd["pages_per_cpu_second"],
         fmt(sd["seconds"]), fmt(sd["cpu_seconds"])),
        ("storydiff (processes)", sd_proc, None, f"{sd_proc_wall:.2f}", "-"),
        (f"trafilatura {tr_version}", tr, tr_cpu, fmt(tr_secs), fmt(tr_cpu_secs)),
    ]
    print(f"{'extractor':<24} {'pages/s':>8} {'/cpu-s':>8}  wall s per round | cpu s per round")
    for name, pps, cpu, secs, cpus in rows:
        cpu = f"{cpu:8.1f}" if cpu else f"{'-':>8}"
        print(f"{name:<24} {pps:8.1f} {cpu}  {secs} | {cpus}")
    ratio = sd["pages_per_second"] / tr
    cpu_ratio = f"{sd['pages_per_cpu_second'] / tr_cpu:.1f}x" if sd["pages_per_cpu_second"] else "n/a"
    print(f"storydiff in-process / trafilatura: {ratio:.1f}x wall, {cpu_ratio} CPU (goal >= 20x); "
          f"whole processes: {sd_proc / tr:.1f}x wall")


if __name__ == "__main__":
    main()
