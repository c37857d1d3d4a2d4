//! Report: renders a [`Comparison`] as text, Markdown, JSON or HTML.
//!
//! Every format implements a private `Render` trait over the same comparison, so they always say the
//! same thing. Page content is untrusted: the HTML format escapes every piece of it.
//! Entry point: [`render`].

mod html;
mod json;
mod markdown;
mod text;

use std::str::FromStr;

use crate::claims::{Figure, Interval};
use crate::compare::{Comparison, QuoteCell, Verdict};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Plain text for a terminal.
    #[default]
    Text,
    /// Markdown for a forge or wiki.
    Markdown,
    /// JSON, schema `storydiff.report/1`.
    Json,
    /// One self-contained HTML page.
    Html,
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "text" | "txt" => Ok(Format::Text),
            "md" | "markdown" => Ok(Format::Markdown),
            "json" => Ok(Format::Json),
            "html" => Ok(Format::Html),
            other => Err(format!(
                "unknown format `{other}`: use text, md, json or html"
            )),
        }
    }
}

/// Rendering options.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// ANSI colours in the text format.
    pub color: bool,
}

/// One output format.
trait Render {
    fn render(&self, c: &Comparison, opts: &Options) -> String;
}

/// Renders the comparison in `format`.
pub fn render(c: &Comparison, format: Format, opts: &Options) -> String {
    let r: &dyn Render = match format {
        Format::Text => &text::Text,
        Format::Markdown => &markdown::Markdown,
        Format::Json => &json::Json,
        Format::Html => &html::Html,
    };
    r.render(c, opts)
}

/// A number without a needless fraction: 37, 1.5, 0.25.
fn num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// An interval as a reader writes it: `37`, `≥ 150`, `> 24`, `30–40`, `< 10`.
fn interval(i: &Interval) -> String {
    match (i.lo, i.hi) {
        (Some(a), Some(b)) if a == b => num(a),
        (Some(a), None) => format!("{} {}", if i.lo_strict { ">" } else { "≥" }, num(a)),
        (None, Some(b)) => format!("{} {}", if i.hi_strict { "<" } else { "≤" }, num(b)),
        (Some(a), Some(b)) => format!(
            "{}{}–{}{}",
            if i.lo_strict { "(" } else { "" },
            num(a),
            num(b),
            if i.hi_strict { ")" } else { "" }
        ),
        (None, None) => "any".into(),
    }
}

/// A value of a figure of `kind` as a reader writes it: dates (`yyyymmdd` bounds) as
/// "2022-02" for a whole month, "2022-02-24" for a day; anything else as [`interval`].
fn value_of(kind: crate::claims::Kind, i: &Interval) -> String {
    let ymd = |v: f64| {
        let v = v as i64;
        (v / 10_000, v / 100 % 100, v % 100)
    };
    match (kind, i.lo, i.hi) {
        (crate::claims::Kind::Date, Some(a), Some(b)) => {
            let ((ya, ma, da), (yb, mb, db)) = (ymd(a), ymd(b));
            if a == b {
                format!("{ya:04}-{ma:02}-{da:02}")
            } else if ya == yb && ma == mb && da == 1 && db >= 28 {
                format!("{ya:04}-{ma:02}")
            } else if ya == yb && ma == 1 && da == 1 && mb == 12 && db == 31 {
                format!("{ya:04}")
            } else {
                format!("{ya:04}-{ma:02}-{da:02}–{yb:04}-{mb:02}-{db:02}")
            }
        }
        _ => interval(i),
    }
}

/// A short label for a figure: its value and unit ("37 new russian diplomats").
fn label(f: &Figure) -> String {
    let v = interval(&f.value);
    match (f.kind, f.currency.as_deref()) {
        // A date interval reads badly as yyyymmdd bounds: the words say it best.
        (crate::claims::Kind::Date, _) => format!("{} (date)", f.text),
        (crate::claims::Kind::Money, Some(cur)) => format!("{cur} {v}"),
        (crate::claims::Kind::Percent, _) => format!("{v}%"),
        _ if f.unit.is_empty() => format!("{v} ({})", f.kind.as_str()),
        _ => format!("{v} {}", f.unit),
    }
}

/// Outlet ids in story order that have cells.
/// For a quote paired across languages: how much carried over, and the words that did
/// not (plain text; each format escapes it).
fn carried_note(cell: &QuoteCell) -> Option<String> {
    let across = cell.diff.is_empty() && (!cell.lost.is_empty() || !cell.added.is_empty());
    if !(across || cell.status == crate::compare::QuoteMatch::Translated) {
        return None;
    }
    let mut parts = vec![format!(
        "across languages, {:.0}% of the words carried over",
        cell.overlap.unwrap_or(0.0) * 100.0
    )];
    if !cell.lost.is_empty() {
        parts.push(format!("not carried: {}", cell.lost.join(", ")));
    }
    if !cell.added.is_empty() {
        parts.push(format!("outlet only: {}", cell.added.join(", ")));
    }
    Some(parts.join("; "))
}

fn compared_ids(c: &Comparison) -> Vec<&str> {
    c.outlets
        .iter()
        .filter(|o| o.article.is_some())
        .map(|o| o.id.as_str())
        .collect()
}

/// "12 agree, 1 diverge, ..." over the whole matrix.
fn tally_line(c: &Comparison) -> String {
    let t = c.tally();
    [
        Verdict::Agree,
        Verdict::Compatible,
        Verdict::Diverge,
        Verdict::Missing,
    ]
    .iter()
    .map(|v| format!("{} {}", t.get(v).copied().unwrap_or(0), v.as_str()))
    .collect::<Vec<_>>()
    .join(", ")
}

#[cfg(test)]
mod regressions;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_read_naturally() {
        let mut i = Interval::exact(37.0);
        assert_eq!(interval(&i), "37");
        i.hi = None;
        assert_eq!(interval(&i), "≥ 37");
        i.lo_strict = true;
        assert_eq!(interval(&i), "> 37");
        assert_eq!(interval(&Interval::closed(30.0, 40.0)), "30–40");
        assert_eq!(num(1.5), "1.5");
        use crate::claims::Kind;
        let month = Interval::closed(20220201.0, 20220228.0);
        assert_eq!(value_of(Kind::Date, &month), "2022-02");
        assert_eq!(
            value_of(Kind::Date, &Interval::exact(20230919.0)),
            "2023-09-19"
        );
        assert_eq!(value_of(Kind::Count, &Interval::exact(37.0)), "37");
    }
}
