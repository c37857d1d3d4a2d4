//! A story served on 127.0.0.1 whose article pages can be switched between states, for
//! the snapshot and fault tests.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use super::{Reply, Server};

/// An article page; `n` is the number of new diplomats it states.
pub fn article(n: u32) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Embassy grows | Test Post</title></head>\
         <body><nav><a href=\"/\">Home</a><a href=\"/world\">World</a></nav><article><h1>Russia's embassy in Mexico grows</h1>\
         <p>Mexico's foreign ministry has approved {n} new diplomats for the Russian embassy in Mexico City, \
         on top of the 49 already accredited there, two officials said on Monday.</p>\
         <p>The increase would give Russia the largest diplomatic mission in the Mexican capital, ahead of the \
         United States, whose embassy lists 46 diplomats, according to the officials.</p>\
         <p>Security analysts said the size of the mission was hard to explain by trade alone, which remains \
         modest between the two countries, and pointed to the long history of espionage cases.</p>\
         </article><footer>Contact us</footer></body></html>"
    )
}

pub const REFERENCE: &str = "Mexico approves 37 new Russian diplomats\n\n\
Mexico has approved 37 new diplomats for the Russian embassy in Mexico City, on top of the 49 already accredited there.\n\n\
Russia's mission becomes the largest in the capital, ahead of the United States embassy and its 46 diplomats.\n";

/// A story file with `n` outlets served by `base`, each with one listed article.
pub fn story_file(dir: &Path, base: &str, n: usize) -> PathBuf {
    std::fs::write(dir.join("reference.txt"), REFERENCE).unwrap();
    let mut s =
        String::from("title = \"Russian diplomats in Mexico\"\nreference = \"reference.txt\"\n");
    for i in 0..n {
        s.push_str(&format!(
            "\n[[outlet]]\nid = \"outlet-{i}\"\narticles = [\"{base}/a/{i}.html\"]\n"
        ));
    }
    let path = dir.join("story.toml");
    std::fs::write(&path, s).unwrap();
    path
}

/// A server whose article pages state `state` new diplomats (0 = 404, 1 = collapsed page).
pub async fn switchable() -> (Server, Arc<AtomicU32>) {
    let state = Arc::new(AtomicU32::new(36));
    let s = state.clone();
    let server = Server::start(move |req| {
        let n = s.load(Ordering::SeqCst);
        match (req.path.as_str(), n) {
            ("/robots.txt", _) => Reply::new(404, ""),
            (_, 0) => Reply::new(404, "gone"),
            (_, 1) => {
                Reply::html("<html><body><p>Please accept cookies to continue.</p></body></html>")
            }
            (_, n) => {
                let etag = format!("\"v{n}\"");
                if req.header("if-none-match") == Some(etag.as_str()) {
                    return Reply::new(304, "");
                }
                Reply::html(article(n)).header("ETag", &etag)
            }
        }
    })
    .await;
    (server, state)
}

/// The storydiff binary under test.
pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_storydiff"))
}
