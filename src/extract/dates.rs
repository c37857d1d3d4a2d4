//! Publication dates as pages write them, normalised.
//!
//! Machine-readable values (JSON-LD, `<meta>`, `<time datetime>`) come in many ISO 8601
//! variants and sometimes RFC 2822; visible datelines are prose ("March 3, 2024, 10:30
//! a.m. EST", "3 de marzo de 2024, 10:30 h"). A timestamp with an offset becomes RFC
//! 3339 in that offset. One without an offset takes the page's offset (the first
//! offset found in any timestamp on the page), since a site writes all its times in
//! one zone; with none known it stays a local `YYYY-MM-DDTHH:MM:SS`, because guessing
//! UTC would shift the day of evening stories. A bare day stays `YYYY-MM-DD`.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, SecondsFormat};

/// A parsed timestamp: local date and time of day (if any) and offset (if any).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stamp {
    date: NaiveDate,
    time: Option<NaiveTime>,
    offset: Option<FixedOffset>,
}

impl Stamp {
    /// The offset this stamp states, if any.
    pub fn offset(&self) -> Option<FixedOffset> {
        self.offset
    }

    /// RFC 3339 when the time and an offset are known (its own, else `page_offset`).
    pub fn render(&self, page_offset: Option<FixedOffset>) -> String {
        let Some(time) = self.time else {
            return self.date.format("%Y-%m-%d").to_string();
        };
        let local = NaiveDateTime::new(self.date, time);
        match self.offset.or(page_offset) {
            Some(off) => match local.and_local_timezone(off).single() {
                Some(dt) => dt.to_rfc3339_opts(SecondsFormat::AutoSi, true),
                None => local.format("%Y-%m-%dT%H:%M:%S").to_string(),
            },
            None => local.format("%Y-%m-%dT%H:%M:%S").to_string(),
        }
    }
}

fn from_dt(dt: DateTime<FixedOffset>) -> Stamp {
    Stamp {
        date: dt.date_naive(),
        time: Some(dt.time()),
        offset: Some(*dt.offset()),
    }
}

/// Parses a machine-readable timestamp (ISO 8601 variants, RFC 2822), falling back
/// to [`parse_visible`].
pub fn parse(s: &str) -> Option<Stamp> {
    let s = s.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(from_dt(dt));
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S%z",
        "%Y-%m-%d %H:%M:%S %z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%dT%H:%M%:z",
        "%Y%m%dT%H%M%S%z",
    ] {
        if let Ok(dt) = DateTime::parse_from_str(s, f) {
            return Some(from_dt(dt));
        }
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(from_dt(dt));
    }
    // "…Z" with fractional seconds chrono's rfc3339 rejects, or a trailing "UTC"/"GMT".
    for suffix in ["Z", " UTC", " GMT"] {
        if let Some(head) = s.strip_suffix(suffix)
            && let Some(mut st) = parse_naive(head)
            && st.time.is_some()
        {
            st.offset = FixedOffset::east_opt(0);
            return Some(st);
        }
    }
    parse_naive(s).or_else(|| parse_visible(s))
}

fn parse_naive(s: &str) -> Option<Stamp> {
    for f in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, f) {
            return Some(Stamp {
                date: dt.date(),
                time: Some(dt.time()),
                offset: None,
            });
        }
    }
    for f in ["%Y-%m-%d", "%Y/%m/%d", "%Y%m%d"] {
        if let Ok(date) = NaiveDate::parse_from_str(s, f) {
            return Some(Stamp {
                date,
                time: None,
                offset: None,
            });
        }
    }
    None
}

/// English and Spanish month names and abbreviations, by month number.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("enero", 1),
    ("ene", 1),
    ("february", 2),
    ("feb", 2),
    ("febrero", 2),
    ("march", 3),
    ("mar", 3),
    ("marzo", 3),
    ("april", 4),
    ("apr", 4),
    ("abril", 4),
    ("abr", 4),
    ("may", 5),
    ("mayo", 5),
    ("june", 6),
    ("jun", 6),
    ("junio", 6),
    ("july", 7),
    ("jul", 7),
    ("julio", 7),
    ("august", 8),
    ("aug", 8),
    ("agosto", 8),
    ("ago", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septiembre", 9),
    ("setiembre", 9),
    ("set", 9),
    ("october", 10),
    ("oct", 10),
    ("octubre", 10),
    ("november", 11),
    ("nov", 11),
    ("noviembre", 11),
    ("december", 12),
    ("dec", 12),
    ("diciembre", 12),
    ("dic", 12),
];

/// Zone abbreviations common in datelines, with their offsets in hours.
const ZONES: &[(&str, i32)] = &[
    ("utc", 0),
    ("gmt", 0),
    ("est", -5),
    ("edt", -4),
    ("cst", -6),
    ("cdt", -5),
    ("mst", -7),
    ("mdt", -6),
    ("pst", -8),
    ("pdt", -7),
    ("bst", 1),
    ("cet", 1),
    ("cest", 2),
];

/// Parses a visible dateline: a day, a month name and a year in either order
/// ("March 3, 2024", "3 de marzo de 2024"), optionally a time ("10:30 a.m.",
/// "18.05 h") and a zone abbreviation.
pub fn parse_visible(s: &str) -> Option<Stamp> {
    if s.len() > 200 {
        return None;
    }
    let lower = s
        .to_lowercase()
        .replace("a.m.", " am ")
        .replace("p.m.", " pm ");
    let toks: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == ':'))
        .filter(|t| !t.is_empty())
        .filter(|t| !matches!(*t, "de" | "del" | "of" | "the"))
        .collect();
    let month_at = toks
        .iter()
        .position(|t| MONTHS.iter().any(|(m, _)| m == t))?;
    let month = MONTHS.iter().find(|(m, _)| *m == toks[month_at])?.1;
    let day_of = |t: &str| -> Option<u32> {
        let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
        let rest = &t[digits.len()..];
        let ok = matches!(rest, "" | "st" | "nd" | "rd" | "th" | "º" | "o");
        let d: u32 = digits.parse().ok()?;
        (ok && (1..=31).contains(&d) && digits.len() <= 2).then_some(d)
    };
    let year_of = |t: &str| -> Option<i32> {
        (t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
            .filter(|y| (1900..=2200).contains(y))
    };
    let (day, year, after) = if let Some(d) = toks.get(month_at + 1).and_then(|t| day_of(t)) {
        let y = toks.get(month_at + 2).and_then(|t| year_of(t))?;
        (d, y, month_at + 3)
    } else {
        let d = month_at
            .checked_sub(1)
            .and_then(|i| toks.get(i))
            .and_then(|t| day_of(t))?;
        let y = toks.get(month_at + 1).and_then(|t| year_of(t))?;
        (d, y, month_at + 2)
    };
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    let mut time = None;
    let mut offset = None;
    let rest = &toks[after.min(toks.len())..];
    for (i, t) in rest.iter().enumerate().take(6) {
        if time.is_none()
            && let Some((h, m)) = t.split_once(':')
            && let (Ok(mut h), Ok(m)) = (h.parse::<u32>(), m.parse::<u32>())
        {
            match rest.get(i + 1).copied() {
                Some("pm") if h < 12 => h += 12,
                Some("am") if h == 12 => h = 0,
                _ => {}
            }
            time = NaiveTime::from_hms_opt(h, m, 0);
        } else if time.is_some()
            && let Some((_, hours)) = ZONES.iter().find(|(z, _)| z == t)
        {
            offset = FixedOffset::east_opt(hours * 3600);
        }
    }
    Some(Stamp { date, time, offset })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str, page: Option<i32>) -> Option<String> {
        parse(s).map(|st| st.render(page.and_then(|h| FixedOffset::east_opt(h * 3600))))
    }

    #[test]
    fn machine_formats() {
        assert_eq!(
            norm("2024-03-01T10:00:00+01:00", None).as_deref(),
            Some("2024-03-01T10:00:00+01:00")
        );
        assert_eq!(
            norm("2024-03-01T10:00:00.000Z", None).as_deref(),
            Some("2024-03-01T10:00:00Z")
        );
        assert_eq!(
            norm("2024-03-01T10:00:00-0500", None).as_deref(),
            Some("2024-03-01T10:00:00-05:00")
        );
        assert_eq!(
            norm("Fri, 01 Mar 2024 10:00:00 GMT", None).as_deref(),
            Some("2024-03-01T10:00:00Z")
        );
        assert_eq!(norm("2024-03-01", Some(2)).as_deref(), Some("2024-03-01"));
        assert_eq!(norm("20240301", None).as_deref(), Some("2024-03-01"));
    }

    #[test]
    fn naive_times_take_the_page_offset() {
        assert_eq!(
            norm("2024-03-01 10:00", Some(-6)).as_deref(),
            Some("2024-03-01T10:00:00-06:00")
        );
        assert_eq!(
            norm("2024-03-01T10:00:00", None).as_deref(),
            Some("2024-03-01T10:00:00")
        );
    }

    #[test]
    fn visible_datelines() {
        assert_eq!(
            norm("Published March 3, 2024, 10:30 p.m. EST", None).as_deref(),
            Some("2024-03-03T22:30:00-05:00")
        );
        assert_eq!(
            norm("3 de marzo de 2024, 10:30", Some(1)).as_deref(),
            Some("2024-03-03T10:30:00+01:00")
        );
        assert_eq!(
            norm("Updated: Sept. 21st 2023", None).as_deref(),
            Some("2023-09-21")
        );
        assert_eq!(norm("May the force", None), None);
        assert_eq!(norm("March 40, 2024", None), None);
    }
}
