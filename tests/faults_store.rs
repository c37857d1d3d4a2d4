//! Store faults through the binary, against a loopback site that changes between runs:
//! a kill at every write step (fault points) and at random moments (SIGKILL), a full
//! disk (injected, and a real small tmpfs when running as root), and a hand-edited
//! snapshot. After each, the next run must exit 0 and continue: versions contiguous,
//! none torn, lost or duplicated, `verify` clean, and nothing stored before changed.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use common::site::{bin, story_file, switchable};
use storydiff::snapshot::Store;

const OUTLETS: usize = 6;

fn fetch(snaps: &Path, story: &Path) -> Command {
    let mut c = bin();
    c.args(["fetch", "--delay", "0", "--retries", "0", "--snapshots"])
        .arg(snaps)
        .arg(story)
        .env_remove("RUST_LOG")
        .env_remove("STORYDIFF_FAULT");
    c
}

fn text(o: &Output) -> String {
    format!(
        "exit {:?}\nstdout: {}\nstderr: {}",
        o.status,
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Every committed version's files (a record and its page), by path.
fn committed(snaps: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![snaps.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if p.is_dir() {
                stack.push(p);
            } else if let Some(stem) = name.strip_suffix(".json").filter(|s| s.starts_with('v')) {
                files.insert(p.clone(), std::fs::read(&p).unwrap());
                let page = d.join(format!("{stem}.html.gz"));
                files.insert(page.clone(), std::fs::read(&page).unwrap_or_default());
            }
        }
    }
    files
}

/// What stored before is still there, byte for byte.
fn assert_kept(before: &BTreeMap<PathBuf, Vec<u8>>, snaps: &Path, when: &str) {
    let now = committed(snaps);
    for (path, bytes) in before {
        assert_eq!(
            now.get(path),
            Some(bytes),
            "{when}: {} changed or vanished",
            path.display()
        );
    }
}

/// The store after a clean run: `verify` finds nothing, every outlet's versions are
/// contiguous with no two consecutive ones alike, and the latest states `n`.
fn assert_continued(snaps: &Path, n: u32, when: &str) {
    let store = Store::new(snaps);
    let v = store.verify().unwrap();
    assert!(v.problems.is_empty(), "{when}: {:?}", v.problems);
    assert!(
        v.leftovers.is_empty(),
        "{when}: temp files {:?}",
        v.leftovers
    );
    assert!(v.incomplete.is_empty(), "{when}: {:?}", v.incomplete);
    for i in 0..OUTLETS {
        let outlet = format!("outlet-{i}");
        let keys = store.articles("story", &outlet).unwrap();
        assert_eq!(keys.len(), 1, "{when}: {outlet}");
        let versions = store.versions("story", &outlet, &keys[0]).unwrap();
        for (j, ver) in versions.iter().enumerate() {
            assert_eq!(ver.version as usize, j + 1, "{when}: {outlet} numbering");
        }
        for w in versions.windows(2) {
            assert_ne!(
                w[0].hash, w[1].hash,
                "{when}: {outlet} duplicated a version"
            );
        }
        let last = versions.last().unwrap().article.text();
        assert!(
            last.contains(&format!("approved {n} new diplomats")),
            "{when}: {outlet} latest is not the page now served: {last}"
        );
    }
}

/// A switchable loopback site and a story of `outlets` outlets on it, with a first
/// clean fetch done into `snaps` (under `dir` unless given).
struct Site {
    _rt: tokio::runtime::Runtime,
    _server: common::Server,
    state: std::sync::Arc<std::sync::atomic::AtomicU32>,
    _tmp: tempfile::TempDir,
    story: PathBuf,
    snaps: PathBuf,
}

impl Site {
    fn new(outlets: usize, snaps: Option<PathBuf>) -> Site {
        let rt = tokio::runtime::Runtime::new().unwrap();
        let (server, state) = rt.block_on(switchable());
        let tmp = tempfile::tempdir().unwrap();
        let story = story_file(tmp.path(), &server.base, outlets);
        let snaps = snaps.unwrap_or_else(|| tmp.path().join("snapshots"));
        let out = fetch(&snaps, &story).output().unwrap();
        assert!(out.status.success(), "first run: {}", text(&out));
        Site {
            _rt: rt,
            _server: server,
            state,
            _tmp: tmp,
            story,
            snaps,
        }
    }
}

#[test]
fn a_kill_at_every_write_step_leaves_a_store_the_next_run_continues() {
    let site = Site::new(OUTLETS, None);
    let (state, story, snaps) = (site.state.clone(), site.story.clone(), site.snaps.clone());
    let mut n = 36;
    assert_continued(&snaps, n, "first run");

    // Each step of each file's write: temp created, temp written and synced, renamed.
    let mut set_aside_seen = false;
    for kind in ["page", "record", "status", "events"] {
        for step in ["write", "written", "renamed"] {
            for nth in [1, 4] {
                let point = format!("{kind}.{step}@{nth}");
                let before = committed(&snaps);
                // Events are written when a page is taken down; versions when it changes.
                if kind == "events" {
                    state.store(0, Ordering::SeqCst);
                } else {
                    n += 1;
                    state.store(n, Ordering::SeqCst);
                }
                let out = fetch(&snaps, &story)
                    .env("STORYDIFF_FAULT", format!("crash:{point}"))
                    .output()
                    .unwrap();
                assert!(!out.status.success(), "{point}: not killed\n{}", text(&out));
                assert!(
                    String::from_utf8_lossy(&out.stderr).contains("fault injection: crash at"),
                    "{point}: {}",
                    text(&out)
                );
                assert_kept(&before, &snaps, &point);
                let v = Store::new(&snaps).verify().unwrap();
                assert!(v.problems.is_empty(), "{point}: {:?}", v.problems);

                if kind == "events" {
                    // Back to the page last served; then the store must be whole.
                    state.store(n, Ordering::SeqCst);
                }
                let out = fetch(&snaps, &story).output().unwrap();
                assert_eq!(
                    out.status.code(),
                    Some(0),
                    "{point}: next run\n{}",
                    text(&out)
                );
                assert_continued(&snaps, n, &format!("after {point}"));
                set_aside_seen |= !Store::new(&snaps).verify().unwrap().set_aside.is_empty();
            }
        }
    }
    assert!(
        set_aside_seen,
        "a kill between page and record must leave a page to set aside"
    );
    // `verify` through the binary names what was set aside and still exits 0.
    let out = bin()
        .arg("verify")
        .arg("--snapshots")
        .arg(&snaps)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("set aside from an interrupted write"),
        "{}",
        text(&out)
    );
}

/// A small xorshift: the campaign's kill times vary per run and the seed is printed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

#[test]
fn sixty_runs_killed_at_random_moments_never_wedge_the_story() {
    let started = Instant::now();
    let site = Site::new(OUTLETS, None);
    let (state, story, snaps) = (site.state.clone(), site.story.clone(), site.snaps.clone());
    // Kill times spread over a whole run's length (and a bit past it).
    let run_ms = (started.elapsed().as_millis() as u64).clamp(20, 2_000);
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    println!("kill campaign seed {seed}, a clean run takes {run_ms} ms");
    let mut rng = Rng(seed);
    let mut n = 36;
    let (mut interrupted, mut mid_write, mut clean_runs) = (0, 0, 0);
    for round in 0..60 {
        n += 1;
        state.store(n, Ordering::SeqCst);
        let before = committed(&snaps);
        let when = format!("round {round} (seed {seed})");
        if round % 6 == 5 {
            // Every later run exits 0 and finds the store whole.
            let out = fetch(&snaps, &story).output().unwrap();
            assert_eq!(out.status.code(), Some(0), "{when}\n{}", text(&out));
            assert_continued(&snaps, n, &when);
            clean_runs += 1;
        } else {
            let mut child = fetch(&snaps, &story)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap();
            std::thread::sleep(Duration::from_millis(rng.below(run_ms * 6 / 5)));
            let _ = child.kill(); // SIGKILL on Unix
            let status = child.wait().unwrap();
            if !status.success() {
                interrupted += 1;
            }
            let at_n = committed(&snaps)
                .iter()
                .filter(|(p, b)| {
                    p.extension().is_some_and(|e| e == "json")
                        && String::from_utf8_lossy(b).contains(&format!("approved {n} new"))
                })
                .count();
            if at_n > 0 && at_n < OUTLETS {
                mid_write += 1;
            }
        }
        assert_kept(&before, &snaps, &when);
        let v = Store::new(&snaps).verify().unwrap();
        assert!(v.problems.is_empty(), "{when}: {:?}", v.problems);
    }
    let out = fetch(&snaps, &story).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_continued(&snaps, n, "after the campaign");
    println!(
        "{interrupted} of 50 killed runs were interrupted, {mid_write} between two outlets' writes; {clean_runs} clean runs between"
    );
    assert!(
        mid_write >= 5,
        "too few kills landed between two outlets' writes: {mid_write}"
    );
}

#[test]
fn no_space_at_each_write_fails_the_run_loudly_and_the_next_run_continues() {
    let site = Site::new(OUTLETS, None);
    let (state, story, snaps) = (site.state.clone(), site.story.clone(), site.snaps.clone());
    let mut n = 36;
    for point in [
        "page.write@2",
        "record.write@3",
        "status.write@4",
        "record.written@1",
    ] {
        n += 1;
        state.store(n, Ordering::SeqCst);
        let before = committed(&snaps);
        let out = fetch(&snaps, &story)
            .env("STORYDIFF_FAULT", format!("enospc:{point}"))
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{point}: {}", text(&out));
        assert!(
            err.contains("No space left on device") && err.contains(snaps.to_str().unwrap()),
            "{point}: the error names the reason and the file\n{}",
            text(&out)
        );
        // One outlet's failed write does not stop the others.
        assert!(
            err.contains(&format!("{} of {OUTLETS} outlets ok", OUTLETS - 1)),
            "{point}: {}",
            text(&out)
        );
        assert_kept(&before, &snaps, point);
        let out = fetch(&snaps, &story).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{point}: next run\n{}",
            text(&out)
        );
        assert_continued(&snaps, n, point);
    }
}

/// A tmpfs mounted for the test; unmounted when dropped.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(at: &Path, size: &str) -> Option<Tmpfs> {
        std::fs::create_dir_all(at).ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| Tmpfs(at.to_path_buf()))
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_real_full_disk_loses_nothing_and_the_next_run_continues() {
    let tmp = tempfile::tempdir().unwrap();
    let mnt = tmp.path().join("disk");
    let Some(_disk) = Tmpfs::mount(&mnt, "1m") else {
        println!(
            "skipped: cannot mount a tmpfs here (needs root); the injected test covers ENOSPC"
        );
        return;
    };
    let site = Site::new(OUTLETS, Some(mnt.join("snapshots")));
    let (state, story, snaps) = (site.state.clone(), site.story.clone(), site.snaps.clone());
    // Fill the disk to the last byte.
    let filler = mnt.join("filler");
    {
        use std::io::Write;
        let mut f = std::fs::File::create(&filler).unwrap();
        let block = vec![0u8; 4096];
        while f.write_all(&block).is_ok() {}
        let mut byte = [0u8; 1];
        while f.write_all(&byte).is_ok() {
            byte[0] = 1;
        }
    }
    let before = committed(&snaps);
    state.store(37, Ordering::SeqCst);
    let out = fetch(&snaps, &story).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("No space left on device"),
        "{}",
        text(&out)
    );
    assert_kept(&before, &snaps, "full disk");
    assert!(Store::new(&snaps).verify().unwrap().problems.is_empty());
    std::fs::remove_file(&filler).unwrap();
    let out = fetch(&snaps, &story).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_continued(&snaps, 37, "space freed");
}

#[test]
fn a_hand_edited_snapshot_is_an_outlet_error_never_evidence() {
    let site = Site::new(2, None);
    let (story, snaps) = (site.story.clone(), site.snaps.clone());
    let store = Store::new(&snaps);
    let key = &store.articles("story", "outlet-0").unwrap()[0];
    let record = snaps.join("story/outlet-0").join(key).join("v0001.json");
    let edited = std::fs::read_to_string(&record)
        .unwrap()
        .replace("approved 36 new", "approved 96 new");
    assert!(edited.contains("approved 96 new"));
    std::fs::write(&record, &edited).unwrap();

    for args in [
        vec!["fetch", "--delay", "0"],
        vec!["report", "--format", "json"],
    ] {
        let out = bin()
            .args(&args)
            .arg("--snapshots")
            .arg(&snaps)
            .arg(&story)
            .output()
            .unwrap();
        let all = text(&out);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: outlet-1 is fine\n{all}"
        );
        assert!(
            all.contains("content hash mismatch") && all.contains(record.to_str().unwrap()),
            "{args:?}: the outlet's error names the file\n{all}"
        );
        assert!(
            !all.contains("96 new"),
            "{args:?}: the edit is shown as evidence\n{all}"
        );
        if args[0] == "report" {
            let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            let o = json["outlets"]
                .as_array()
                .unwrap()
                .iter()
                .find(|o| o["id"] == "outlet-0")
                .unwrap();
            assert_eq!(o["status"], "error", "{o}");
        }
    }
    // The run recorded the outlet's new state, and never rewrote the edited file.
    let status = store.read_status("story", "outlet-0").unwrap().unwrap();
    assert_eq!(status.status, "error");
    assert_eq!(std::fs::read_to_string(&record).unwrap(), edited);
    let out = bin()
        .arg("verify")
        .arg("--snapshots")
        .arg(&snaps)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5), "{}", text(&out));
}
