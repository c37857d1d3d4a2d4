//! Prints the figures the reader finds in one paragraph, one per line: a quick way to
//! see what a rule change does.
//!
//! ```sh
//! cargo run --release --example figures -- en "The population is 3 million and a half"
//! ```

use storydiff::claims;
use storydiff::extract::Article;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [lang, text @ ..] = args.as_slice() else {
        eprintln!("usage: figures LANG TEXT...");
        std::process::exit(2);
    };
    let article = Article {
        paragraphs: vec![text.join(" ")],
        lang: Some(lang.clone()),
        published: Some("2024-06-15T12:00:00Z".to_string()),
        ..Article::default()
    };
    for f in claims::analyze(&article).figures {
        let b = |x: Option<f64>| x.map_or("inf".to_string(), |v| v.to_string());
        let (open, close) = (
            if f.value.lo_strict { "(" } else { "[" },
            if f.value.hi_strict { ")" } else { "]" },
        );
        println!(
            "{:?} {open}{}, {}{close} {} [{}] {}",
            f.text,
            b(f.value.lo),
            b(f.value.hi),
            f.kind.as_str(),
            f.unit_key,
            f.currency.unwrap_or_default()
        );
    }
}
