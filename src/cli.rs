//! Command-line arguments and the dispatch of each subcommand to the library.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};
use serde_json::json;
use storydiff::compare::Status;
use storydiff::fetch::{FetchOptions, Fetcher};
use storydiff::report::{self, Format};
use storydiff::snapshot::Store;
use storydiff::{claims, config, demo, extract, pipeline};

/// Exit codes (documented in the README).
pub mod exit {
    /// A report was produced (or the fetch ran), with at least one outlet compared.
    pub const OK: u8 = 0;
    /// An unexpected failure: I/O, a corrupt snapshot.
    pub const FAILURE: u8 = 1;
    /// Bad arguments or an invalid story file.
    pub const USAGE: u8 = 2;
    /// No outlet at all could be fetched or compared.
    pub const NO_OUTLET: u8 = 3;
    /// The reference article is unavailable and was never snapshotted.
    pub const NO_REFERENCE: u8 = 4;
    /// `verify` found corrupt or missing snapshot files.
    pub const CORRUPT: u8 = 5;
}

/// Compare how news outlets cover one story: figures, quotes and framing against a
/// reference article, with versioned snapshots.
#[derive(Debug, Parser)]
#[command(name = "storydiff", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Discover, fetch, extract, snapshot, compare and report.
    Run {
        /// The story file (feeds/<story>.toml).
        story: PathBuf,
        #[command(flatten)]
        out: Output,
        #[command(flatten)]
        store: StoreArg,
        #[command(flatten)]
        http: HttpArgs,
    },
    /// Discover, fetch and snapshot only (for scheduled runs).
    Fetch {
        /// The story file (feeds/<story>.toml).
        story: PathBuf,
        #[command(flatten)]
        store: StoreArg,
        #[command(flatten)]
        http: HttpArgs,
    },
    /// Compare and report from the snapshots on disk, without network.
    Report {
        /// The story file (feeds/<story>.toml).
        story: PathBuf,
        #[command(flatten)]
        out: Output,
        #[command(flatten)]
        store: StoreArg,
    },
    /// Extract one page and show its article and claims.
    Inspect {
        /// An HTML or text file, or an http(s) URL.
        target: String,
        /// Print only the article body, paragraphs separated by a blank line.
        #[arg(long, conflicts_with = "json")]
        text: bool,
        /// Print the article and its claims as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show every version of every stored article, with labelled changes and word diffs.
    History {
        /// The story file (feeds/<story>.toml).
        story: PathBuf,
        /// Only this outlet (`reference` for the reference).
        #[arg(long, value_name = "ID")]
        outlet: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        store: StoreArg,
    },
    /// Re-hash every stored version; name any corrupt or missing file.
    Verify {
        /// Snapshot directory.
        #[arg(long, value_name = "DIR", default_value = "snapshots")]
        snapshots: PathBuf,
    },
    /// Run the whole pipeline offline on the bundled demo story.
    Demo {
        #[command(flatten)]
        out: Output,
        /// Snapshot directory (default: a temporary directory, removed afterwards).
        #[arg(long, value_name = "DIR")]
        snapshots: Option<PathBuf>,
    },
}

#[derive(Debug, Args)]
struct Output {
    /// Report format: text, md, json or html.
    #[arg(long, short, default_value = "text", value_name = "FORMAT")]
    format: Format,
    /// Write the report to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    out: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct HttpArgs {
    /// Minimum seconds between two requests to one host (robots.txt Crawl-delay may raise it).
    #[arg(long, value_name = "SECONDS", default_value_t = 1.0)]
    delay: f64,
    /// Requests in flight at once, across hosts.
    #[arg(long, value_name = "N", default_value_t = storydiff::fetch::DEFAULT_CONCURRENCY)]
    concurrency: usize,
    /// Seconds allowed for one request, body included.
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0)]
    timeout: f64,
    /// Retries after a connection failure, a 429 or a 5xx (with backoff).
    #[arg(long, value_name = "N", default_value_t = 3)]
    retries: u32,
    /// Largest response accepted, in MiB (decompressed).
    #[arg(long, value_name = "MIB", default_value_t = 10)]
    max_mib: usize,
}

impl HttpArgs {
    fn options(&self) -> Result<FetchOptions> {
        let secs = |v: f64, name: &str| {
            if v.is_finite() && v >= 0.0 {
                Ok(std::time::Duration::from_secs_f64(v))
            } else {
                Err(anyhow::anyhow!(
                    "--{name} must be a number of seconds, 0 or more"
                ))
            }
        };
        Ok(FetchOptions {
            min_delay: secs(self.delay, "delay")?,
            timeout: secs(self.timeout, "timeout")?,
            concurrency: self.concurrency.max(1),
            retries: self.retries,
            max_bytes: self.max_mib.saturating_mul(1 << 20),
            ..FetchOptions::default()
        })
    }
}

#[derive(Debug, Args)]
struct StoreArg {
    /// Snapshot directory (default: `snapshots/` beside the story's `feeds/` directory).
    #[arg(long, value_name = "DIR")]
    snapshots: Option<PathBuf>,
}

impl StoreArg {
    fn store(&self, story: &Path) -> Store {
        Store::new(
            self.snapshots
                .clone()
                .unwrap_or_else(|| default_snapshots(story)),
        )
    }
}

/// `snapshots/` beside the `feeds/` directory holding the story, else beside the story.
fn default_snapshots(story: &Path) -> PathBuf {
    let dir = story
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match (dir.file_name(), dir.parent()) {
        (Some(name), Some(parent)) if name == "feeds" => parent.join("snapshots"),
        _ => dir.join("snapshots"),
    }
}

/// Runs the parsed command; returns the exit code.
pub fn execute(cli: Cli) -> Result<u8> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    match cli.command {
        Command::Run {
            story,
            out,
            store,
            http,
        } => {
            let story = config::load(&story)?;
            let store = store.store(&story.path);
            let opts = http.options()?;
            let summary = fetch_story(&rt, &story, &store, &opts)?;
            // The report (stdout) names each outlet's failure; stderr gets the one line.
            eprintln!("{}", summary_line(&summary));
            let code = report_story(&story, &store, &out)?;
            Ok(if summary.store_failures() > 0 {
                exit::FAILURE
            } else {
                code
            })
        }
        Command::Fetch { story, store, http } => {
            let story = config::load(&story)?;
            let store = store.store(&story.path);
            let opts = http.options()?;
            let summary = fetch_story(&rt, &story, &store, &opts)?;
            for o in summary.outlets.iter().filter(|o| o.status != Status::Ok) {
                eprintln!(
                    "{}: {}: {}",
                    o.id,
                    o.status.as_str(),
                    o.error.as_deref().unwrap_or("")
                );
            }
            // Edits caught since the last run are what a scheduled job is for: one line
            // per edited article, so cron mail carries them.
            for o in &summary.outlets {
                for a in o.articles.iter().filter(|a| !a.changes.is_empty()) {
                    eprintln!(
                        "{}: edited, v{} of {}: {}",
                        o.id,
                        a.version,
                        a.url,
                        a.changes.join("; ")
                    );
                }
            }
            eprintln!("{}", summary_line(&summary));
            Ok(if summary.store_failures() > 0 {
                // A full disk or a permission problem needs a person: not a good run.
                exit::FAILURE
            } else if summary.ok_count() == 0 {
                exit::NO_OUTLET
            } else {
                exit::OK
            })
        }
        Command::Report { story, out, store } => {
            let story = config::load(&story)?;
            let store = store.store(&story.path);
            report_story(&story, &store, &out)
        }
        Command::Inspect { target, text, json } => rt.block_on(inspect(&target, text, json)),
        Command::History {
            story,
            outlet,
            json,
            store,
        } => {
            let story = config::load(&story)?;
            if let Some(o) = &outlet
                && o != "reference"
                && !story.outlets.iter().any(|x| &x.id == o)
            {
                anyhow::bail!("{}: no outlet `{o}` in this story", story.path.display());
            }
            let store = store.store(&story.path);
            let h = pipeline::history(&story, &store, outlet.as_deref())?;
            let text = if json {
                format!("{}\n", serde_json::to_string_pretty(&h)?)
            } else {
                history_text(&h)
            };
            emit(&text, None)?;
            Ok(exit::OK)
        }
        Command::Verify { snapshots } => {
            let v = Store::new(&snapshots).verify()?;
            for p in &v.problems {
                println!("CORRUPT {p}");
            }
            for l in &v.leftovers {
                println!(
                    "note: leftover temp file from an interrupted run (removed by the next fetch): {}",
                    l.display()
                );
            }
            for l in &v.incomplete {
                println!(
                    "note: page of an interrupted write, no version record (set aside by the next fetch): {}",
                    l.display()
                );
            }
            for l in &v.set_aside {
                println!(
                    "note: set aside from an interrupted write (not a version; kept for inspection): {}",
                    l.display()
                );
            }
            println!(
                "{}: {} versions checked, {} problems",
                snapshots.display(),
                v.versions,
                v.problems.len()
            );
            Ok(if v.problems.is_empty() {
                exit::OK
            } else {
                exit::CORRUPT
            })
        }
        Command::Demo { out, snapshots } => {
            let tmp;
            let dir = match snapshots {
                Some(d) => d,
                None => {
                    tmp = tempfile::tempdir().context("cannot create a temporary directory")?;
                    tmp.path().to_path_buf()
                }
            };
            let store = Store::new(dir);
            let site = rt
                .block_on(demo::serve())
                .context("cannot serve the demo site on 127.0.0.1")?;
            let story = demo::story(&site.base)?;
            // The demo site is our own loopback server: no politeness delay needed.
            let opts = FetchOptions {
                min_delay: std::time::Duration::ZERO,
                ..FetchOptions::default()
            };
            fetch_story(&rt, &story, &store, &opts)?;
            drop(site);
            report_story(&story, &store, &out)
        }
    }
}

fn history_text(h: &[pipeline::ArticleHistory]) -> String {
    use std::fmt::Write;
    let mut o = String::new();
    if h.is_empty() {
        o.push_str("no stored articles\n");
    }
    for a in h {
        let _ = writeln!(o, "{} / {}\n  {}", a.outlet, a.key, a.url);
        for v in &a.versions {
            let _ = writeln!(
                o,
                "  v{:<3} {}  {}  {} words",
                v.version,
                v.captured.format("%Y-%m-%d %H:%M:%S UTC"),
                &v.hash[..v.hash.len().min(19)],
                v.words
            );
            for c in &v.changes {
                let _ = writeln!(o, "       {}: {}", c.kind.label(), c.detail);
            }
            for d in &v.diff {
                let _ = writeln!(o, "       │ {d}");
            }
        }
        for e in &a.events {
            let _ = writeln!(
                o,
                "  {} {}: {}",
                e.time.format("%Y-%m-%d %H:%M:%S UTC"),
                e.kind.as_str(),
                e.detail.as_deref().unwrap_or("")
            );
        }
        o.push('\n');
    }
    o
}

/// Runs the fetch stages with a progress bar on a terminal (stderr) and nothing
/// otherwise, so cron logs hold only errors and the summary.
fn fetch_story(
    rt: &tokio::runtime::Runtime,
    story: &config::Story,
    store: &Store,
    opts: &FetchOptions,
) -> Result<pipeline::FetchSummary> {
    let bar = if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(story.outlets.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{prefix} [{bar:30}] {pos}/{len} outlets {msg}",
            )
            .expect("static template")
            .progress_chars("=> "),
        );
        bar.set_prefix(story.id.clone());
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    let on_outlet = |o: &pipeline::OutletOutcome| {
        bar.set_message(format!("{} {}", o.id, o.status.as_str()));
        bar.inc(1);
    };
    let summary = rt.block_on(pipeline::fetch_story_observed(
        story, store, opts, &on_outlet,
    ));
    bar.finish_and_clear();
    let summary = summary?;
    log_summary(&summary);
    Ok(summary)
}

fn summary_line(s: &pipeline::FetchSummary) -> String {
    format!(
        "{}: {} of {} outlets ok, {} new versions{}",
        s.story,
        s.ok_count(),
        s.outlets.len(),
        s.new_versions(),
        if s.reference_changed {
            ", new reference version"
        } else {
            ""
        }
    )
}

fn log_summary(s: &pipeline::FetchSummary) {
    tracing::info!(
        story = %s.story,
        ok = s.ok_count(),
        outlets = s.outlets.len(),
        new_versions = s.new_versions(),
        reference_changed = s.reference_changed,
        "fetch finished"
    );
}

fn report_story(story: &config::Story, store: &Store, out: &Output) -> Result<u8> {
    let comparison = pipeline::compare_story(story, store)?;
    let color = out.out.is_none()
        && out.format == Format::Text
        && std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let rendered = report::render(&comparison, out.format, &report::Options { color });
    emit(&rendered, out.out.as_deref())?;
    let compared = comparison.outlets.iter().any(|o| o.status == Status::Ok);
    Ok(if compared { exit::OK } else { exit::NO_OUTLET })
}

fn emit(text: &str, out: Option<&Path>) -> Result<()> {
    match out {
        Some(path) => {
            std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
        }
        None => {
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(text.as_bytes())
                .and_then(|_| stdout.flush())
            {
                // A closed pipe (`| head`) is not a failure.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                r => r.context("cannot write to standard output"),
            }
        }
    }
}

async fn inspect(target: &str, text_only: bool, as_json: bool) -> Result<u8> {
    let lower = target.to_ascii_lowercase();
    let (body, url, is_txt) = if lower.starts_with("http://") || lower.starts_with("https://") {
        let url =
            url::Url::parse(target).with_context(|| format!("`{target}` is not a valid URL"))?;
        let fetched = Fetcher::new(&FetchOptions::default())?.fetch(&url).await?;
        let is_txt = fetched
            .content_type
            .as_deref()
            .is_some_and(|c| c.starts_with("text/plain"));
        (fetched.text, Some(fetched.final_url.to_string()), is_txt)
    } else {
        let path = Path::new(target);
        let bytes = std::fs::read(path).with_context(|| format!("cannot read {target}"))?;
        let is_txt = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
        (storydiff::fetch::decode(&bytes, None), None, is_txt)
    };
    let article = if is_txt {
        extract::Article::from_text(&body)
    } else {
        extract::extract(&body, url.as_deref())
    };
    if text_only {
        emit(&format!("{}\n", article.text()), None)?;
        return Ok(exit::OK);
    }
    let claims = claims::analyze(&article);
    if as_json {
        let doc = json!({
            "url": url,
            "article": {
                "title": article.title,
                "byline": article.byline,
                "published": article.published,
                "modified": article.modified,
                "lang": article.lang,
                "canonical_url": article.canonical_url,
                "site_name": article.site_name,
                "status": article.status,
                "words": article.word_count(),
                "text": article.text(),
            },
            "claims": claims,
        });
        emit(&format!("{}\n", serde_json::to_string_pretty(&doc)?), None)?;
        return Ok(exit::OK);
    }
    let mut o = format!(
        "{}\n{} · {} · {} · {} words\n\nFigures ({})\n",
        article.title,
        article.byline.as_deref().unwrap_or("no byline"),
        article.published.as_deref().unwrap_or("no date"),
        article.lang.as_deref().unwrap_or("language unknown"),
        article.word_count(),
        claims.figures.len()
    );
    for f in &claims.figures {
        o.push_str(&format!(
            "  {:<40} {:<8} {}\n",
            f.text,
            f.kind.as_str(),
            f.unit_key
        ));
    }
    o.push_str(&format!("\nQuotes ({})\n", claims.quotes.len()));
    for q in &claims.quotes {
        o.push_str(&format!(
            "  “{}” ({})\n",
            q.text,
            q.speaker.as_deref().unwrap_or("unattributed")
        ));
    }
    o.push_str(&format!("\nFraming hits ({})\n", claims.framing.hits.len()));
    for h in &claims.framing.hits {
        o.push_str(&format!("  {:<12} {}\n", h.category, h.term));
    }
    emit(&o, None)?;
    Ok(exit::OK)
}
