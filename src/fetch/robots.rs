//! robots.txt (RFC 9309): groups by user-agent, longest-match allow/disallow with `*`
//! and `$`, plus the non-standard but widespread `Crawl-delay` and `Sitemap` lines.
//!
//! What an unreadable file means follows the RFC: a 4xx (no robots.txt) allows
//! everything; a 5xx or a network failure means the site is unreachable, so
//! everything is disallowed for this run.

use std::time::Duration;

/// One `User-agent` group: its agents, `(allow, pattern)` rules and crawl delay.
type Group = (Vec<String>, Vec<(bool, String)>, Option<Duration>);

/// Parsed rules for one user agent.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Robots {
    /// `(allow, pattern)` rules of the group that applies to us.
    rules: Vec<(bool, String)>,
    /// Crawl-delay of that group.
    pub crawl_delay: Option<Duration>,
    /// Sitemap URLs listed anywhere in the file.
    pub sitemaps: Vec<String>,
    /// Why everything is disallowed, when robots.txt was unreachable.
    pub unreachable: Option<String>,
}

impl Robots {
    /// Rules that allow everything.
    pub fn allow_all() -> Robots {
        Robots::default()
    }

    /// Rules that disallow everything because robots.txt could not be read (`reason`).
    pub fn unreachable(reason: String) -> Robots {
        Robots {
            unreachable: Some(reason),
            ..Robots::default()
        }
    }

    /// Parses `text` for the product token `agent` (e.g. `storydiff`).
    pub fn parse(text: &str, agent: &str) -> Robots {
        let agent = agent.to_ascii_lowercase();
        let mut sitemaps = Vec::new();
        // Groups: (agents, rules, delay). A user-agent line after rules starts a group.
        let mut groups: Vec<Group> = Vec::new();
        let mut in_agents = false;
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let (key, value) = (key.trim().to_ascii_lowercase(), value.trim());
            match key.as_str() {
                "user-agent" => {
                    if !in_agents {
                        groups.push((Vec::new(), Vec::new(), None));
                        in_agents = true;
                    }
                    if let Some(g) = groups.last_mut() {
                        g.0.push(value.to_ascii_lowercase());
                    }
                }
                "allow" | "disallow" => {
                    in_agents = false;
                    if let Some(g) = groups.last_mut()
                        && !value.is_empty()
                    {
                        g.1.push((key == "allow", value.to_string()));
                    }
                }
                "crawl-delay" => {
                    in_agents = false;
                    if let (Some(g), Ok(secs)) = (groups.last_mut(), value.parse::<f64>())
                        && secs.is_finite()
                        && secs >= 0.0
                    {
                        g.2 = Some(Duration::from_secs_f64(secs.min(3600.0)));
                    }
                }
                "sitemap" => sitemaps.push(value.to_string()),
                _ => {}
            }
        }
        let mine = |pred: &dyn Fn(&str) -> bool| {
            let mut rules = Vec::new();
            let mut delay = None;
            let mut any = false;
            for (agents, r, d) in &groups {
                if agents.iter().any(|a| pred(a)) {
                    any = true;
                    rules.extend(r.iter().cloned());
                    delay = delay.or(*d);
                }
            }
            any.then_some((rules, delay))
        };
        let (rules, crawl_delay) = mine(&|a| !a.is_empty() && a != "*" && agent.starts_with(a))
            .or_else(|| mine(&|a| a == "*"))
            .unwrap_or_default();
        Robots {
            rules,
            crawl_delay,
            sitemaps,
            unreachable: None,
        }
    }

    /// Whether `path` (path and query of a URL) may be fetched.
    pub fn allowed(&self, path: &str) -> bool {
        if self.unreachable.is_some() {
            return path == "/robots.txt";
        }
        let mut best: Option<(usize, bool)> = None;
        for (allow, pattern) in &self.rules {
            if matches(pattern, path) {
                let len = pattern.len();
                // Longest match wins; on a tie, allow wins.
                if best.is_none_or(|(l, a)| len > l || (len == l && *allow && !a)) {
                    best = Some((len, *allow));
                }
            }
        }
        best.is_none_or(|(_, allow)| allow)
    }
}

/// Matches a robots.txt path pattern (`*` any run, trailing `$` end) against a path prefix.
fn matches(pattern: &str, path: &str) -> bool {
    let (pat, anchored) = match pattern.strip_suffix('$') {
        Some(p) => (p, true),
        None => (pattern, false),
    };
    let p: Vec<char> = pat.chars().collect();
    let s: Vec<char> = path.chars().collect();
    // Iterative wildcard match with one backtrack point (classic glob algorithm).
    let (mut i, mut j) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    loop {
        if i == p.len() {
            if !anchored || j == s.len() {
                return true;
            }
        } else if p[i] == '*' {
            star = Some((i, j));
            i += 1;
            continue;
        } else if j < s.len() && p[i] == s[j] {
            i += 1;
            j += 1;
            continue;
        }
        match star {
            Some((si, sj)) if sj < s.len() => {
                star = Some((si, sj + 1));
                i = si + 1;
                j = sj + 1;
            }
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TXT: &str = "\
User-agent: *
Disallow: /private/
Allow: /private/open.html
Crawl-delay: 2

User-agent: storydiff
User-agent: otherbot
Disallow: /news/drafts
Disallow: /*.pdf$
Allow: /news/drafts/public
Crawl-delay: 0.5

Sitemap: https://h.test/sitemap.xml
";

    #[test]
    fn our_group_applies_with_longest_match() {
        let r = Robots::parse(TXT, "storydiff");
        assert!(r.allowed("/private/x"), "the * group does not apply to us");
        assert!(!r.allowed("/news/drafts/1"));
        assert!(r.allowed("/news/drafts/public/2"));
        assert!(!r.allowed("/files/a.pdf"));
        assert!(r.allowed("/files/a.pdf?x=1"));
        assert_eq!(r.crawl_delay, Some(Duration::from_millis(500)));
        assert_eq!(r.sitemaps, ["https://h.test/sitemap.xml"]);
    }

    #[test]
    fn star_group_for_other_agents() {
        let r = Robots::parse(TXT, "somebot");
        assert!(!r.allowed("/private/x"));
        assert!(r.allowed("/private/open.html"));
        assert_eq!(r.crawl_delay, Some(Duration::from_secs(2)));
    }

    #[test]
    fn empty_disallow_and_unreachable() {
        assert!(Robots::parse("User-agent: *\nDisallow:\n", "storydiff").allowed("/a"));
        assert!(!Robots::parse("User-agent: *\nDisallow: /\n", "storydiff").allowed("/"));
        assert!(!Robots::unreachable("HTTP 503".into()).allowed("/a"));
        assert!(Robots::allow_all().allowed("/a"));
    }

    #[test]
    fn wildcards() {
        assert!(matches("/a*b", "/axxb/c"));
        assert!(matches("/a*b$", "/axxb"));
        assert!(!matches("/a*b$", "/axxbc"));
        assert!(matches("*", "/anything"));
        assert!(!matches("/a", "/"));
    }
}
