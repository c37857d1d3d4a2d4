//! The snapshot store through the pipeline and the binary, against loopback servers:
//! new versions only on change, 304, removal, collapsed extraction, history diffs,
//! and two concurrent fetches of one story (kills and full disks: `faults_store.rs`).

mod common;

use std::path::Path;
use std::sync::atomic::Ordering;

use common::site::{bin, story_file, switchable};
use common::{Reply, Server, fast_options};
use storydiff::pipeline;
use storydiff::snapshot::{EventKind, Store};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn versions_304_removal_collapse_and_history() {
    let (server, state) = switchable().await;
    let tmp = tempfile::tempdir().unwrap();
    let story = storydiff::config::load(&story_file(tmp.path(), &server.base, 1)).unwrap();
    let store = Store::new(tmp.path().join("snapshots"));
    let opts = fast_options();

    let s1 = pipeline::fetch_story(&story, &store, &opts).await.unwrap();
    assert_eq!(s1.new_versions(), 1, "{s1:?}");

    // Unchanged page: the server answers 304 to the stored ETag; no version.
    let s2 = pipeline::fetch_story(&story, &store, &opts).await.unwrap();
    assert_eq!(s2.new_versions(), 0);
    assert!(
        server
            .log
            .lock()
            .unwrap()
            .iter()
            .any(|r| r.header("if-none-match") == Some("\"v36\""))
    );

    // A stealth edit: 36 becomes 37.
    state.store(37, Ordering::SeqCst);
    let s3 = pipeline::fetch_story(&story, &store, &opts).await.unwrap();
    assert_eq!(s3.new_versions(), 1);
    let h = pipeline::history(&story, &store, Some("outlet-0")).unwrap();
    assert_eq!(h.len(), 1);
    let v2 = &h[0].versions[1];
    assert_eq!(v2.version, 2);
    assert_eq!(v2.diff.len(), 1, "one hunk: {:?}", v2.diff);
    assert!(v2.diff[0].contains("[-36-]{+37+}"), "{:?}", v2.diff);
    let labels: Vec<_> = v2.changes.iter().map(|c| c.kind.label()).collect();
    assert!(labels.contains(&"figure changed"), "{labels:?}");
    // The run that caught the edit says so in its summary.
    let caught = &s3.outlets[0].articles[0].changes;
    assert!(
        caught
            .iter()
            .any(|c| c.starts_with("figure changed:") && c.contains("36") && c.contains("37")),
        "{caught:?}"
    );

    // A consent wall instead of the article: an extraction failure, not an edit.
    state.store(1, Ordering::SeqCst);
    let s4 = pipeline::fetch_story(&story, &store, &opts).await.unwrap();
    assert_eq!(s4.new_versions(), 0);
    assert!(
        s4.outlets[0].articles[0]
            .note
            .as_deref()
            .unwrap()
            .contains("extraction failed")
    );

    // The page is taken down: removed, and the last version is still compared.
    state.store(0, Ordering::SeqCst);
    let s5 = pipeline::fetch_story(&story, &store, &opts).await.unwrap();
    assert!(
        s5.outlets[0].articles[0]
            .note
            .as_deref()
            .unwrap()
            .contains("removed")
    );
    let h = pipeline::history(&story, &store, Some("outlet-0")).unwrap();
    let kinds: Vec<_> = h[0].events.iter().map(|e| e.kind).collect();
    assert_eq!(kinds, [EventKind::ExtractionFailed, EventKind::Removed]);
    assert_eq!(h[0].versions.len(), 2, "nothing stored is lost");
    let c = pipeline::compare_story(&story, &store).unwrap();
    assert_eq!(c.outlets[0].article.as_ref().unwrap().version, 2);

    // It comes back unchanged (a 304 to the stored ETag): restored, no new version.
    state.store(37, Ordering::SeqCst);
    let s6 = pipeline::fetch_story(&story, &store, &opts).await.unwrap();
    assert_eq!(s6.new_versions(), 0);
    let h = pipeline::history(&story, &store, Some("outlet-0")).unwrap();
    let kinds: Vec<_> = h[0].events.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [
            EventKind::ExtractionFailed,
            EventKind::Removed,
            EventKind::Restored
        ]
    );
    assert!(store.verify().unwrap().problems.is_empty());
}

#[test]
fn two_concurrent_fetches_of_one_story_do_not_interleave() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let (server, _state) = rt.block_on(switchable());
    let tmp = tempfile::tempdir().unwrap();
    let story = story_file(tmp.path(), &server.base, 10);
    let snaps = tmp.path().join("snapshots");
    let spawn = || {
        bin()
            .args(["fetch", "--delay", "0", "--snapshots"])
            .arg(&snaps)
            .arg(&story)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
    assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
    // One run wrote the versions, the other (after the lock) found them unchanged.
    let store = Store::new(&snaps);
    for i in 0..10 {
        let keys = store.articles("story", &format!("outlet-{i}")).unwrap();
        assert_eq!(keys.len(), 1);
        let versions = store
            .versions("story", &format!("outlet-{i}"), &keys[0])
            .unwrap();
        assert_eq!(versions.len(), 1, "outlet-{i}: {} versions", versions.len());
    }
    assert!(store.verify().unwrap().problems.is_empty());
    let summaries: Vec<String> = [&a, &b]
        .iter()
        .map(|o| String::from_utf8_lossy(&o.stderr).into_owned())
        .collect();
    assert!(
        summaries.iter().any(|s| s.contains("10 new versions")),
        "{summaries:?}"
    );
    assert!(
        summaries.iter().any(|s| s.contains("0 new versions")),
        "{summaries:?}"
    );
    drop(server);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_scheduled_fetch_reports_each_edit_it_catches() {
    let (server, state) = switchable().await;
    let tmp = tempfile::tempdir().unwrap();
    let story = story_file(tmp.path(), &server.base, 1);
    let fetch = || {
        let out = bin()
            .args(["fetch", story.to_str().unwrap(), "--delay", "0"])
            .env_remove("RUST_LOG")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let first = fetch();
    assert!(!first.contains("edited"), "{first}");
    state.store(37, Ordering::SeqCst);
    let second = fetch();
    let lines: Vec<&str> = second.lines().collect();
    assert_eq!(
        lines.len(),
        2,
        "one line per edited article, then the summary: {second}"
    );
    assert!(
        lines[0].starts_with("outlet-0: edited, v2 of http://127.0.0.1:")
            && lines[0].contains("figure changed: ")
            && lines[0].contains("36")
            && lines[0].contains("37"),
        "{second}"
    );
    assert_eq!(lines[1], "story: 1 of 1 outlets ok, 1 new versions");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_paywalled_page_is_an_outlet_error_and_never_a_version() {
    let paywall = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/extract/paywall-en/page.html"),
    )
    .unwrap();
    let server = Server::start(move |req| match req.path.as_str() {
        "/robots.txt" => Reply::new(404, ""),
        _ => Reply::html(paywall.clone()),
    })
    .await;
    let tmp = tempfile::tempdir().unwrap();
    let story = storydiff::config::load(&story_file(tmp.path(), &server.base, 1)).unwrap();
    let store = Store::new(tmp.path().join("snapshots"));
    let s = pipeline::fetch_story(&story, &store, &fast_options())
        .await
        .unwrap();
    let o = &s.outlets[0];
    assert_eq!(o.status, storydiff::compare::Status::Error);
    assert!(
        o.error
            .as_deref()
            .unwrap()
            .contains("not an article (paywalled)"),
        "{o:?}"
    );
    assert!(store.articles(&story.id, "outlet-0").unwrap().is_empty());
}
