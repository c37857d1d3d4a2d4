//! Restated figures: one quantity an article states more than once (a summary bullet,
//! then the body; a headline figure repeated in the lede) is one quantity with several
//! mentions, so it gets one row and pairs once, and the context of every mention
//! counts as evidence when it is paired.

use super::align::{loose, near_bound, vague};
use super::derive::Derived;
use crate::claims::{Figure, Kind};

/// Width of "about" on either side, as the figure reader makes it.
const ABOUT: f64 = 0.1;

/// A quantity as an article states it: its first mention (in reading order, or its
/// derivation) and any later mentions of the same quantity.
#[derive(Debug, Clone)]
pub(super) struct Mentioned {
    pub first: Derived,
    pub also: Vec<Figure>,
    /// Earlier mentions the article replaced with this quantity's current value
    /// (`current`), carrying that value: evidence of which quantity it is, never
    /// shown as what the article says.
    pub replaced: Vec<Figure>,
    /// The same replaced mentions with the values they stated: one that stated the
    /// other article's value vouches that the replacement is that quantity.
    pub superseded: Vec<Figure>,
}

impl Mentioned {
    /// Every stated mention, the first one first.
    pub fn mentions(&self) -> impl Iterator<Item = &Figure> {
        std::iter::once(&self.first.figure).chain(&self.also)
    }
}

/// Folds later mentions of a stated quantity into its first; derived figures stay as
/// they are. Example: "Mexico cleared 37 new diplomats" in a summary and "the 37 new
/// diplomats will join the 49" in the body give one quantity, 37 new diplomats.
pub(super) fn merge(figures: Vec<Derived>) -> Vec<Mentioned> {
    let mut out: Vec<Mentioned> = Vec::with_capacity(figures.len());
    for d in figures {
        let stated = |m: &&mut Mentioned| m.first.derivation.is_none();
        if d.derivation.is_none()
            && let Some(m) = out
                .iter_mut()
                .filter(stated)
                .find(|m| m.mentions().any(|f| same_quantity(f, &d.figure)))
        {
            m.also.push(d.figure);
            continue;
        }
        // "voted 65-35", "15 votos contra 10": the two sides of a tally are one
        // quantity (a vote), as a journalist compares it.
        if d.derivation.is_none()
            && let Some(m) = out.last_mut().filter(|m| {
                m.first.derivation.is_none()
                    && m.also.is_empty()
                    && tally(&m.first.figure, &d.figure)
            })
        {
            m.also.push(d.figure);
            // "5-2" in the summary and "5-2" in the body: one vote, stated twice.
            let last = out.len() - 1;
            if let Some(k) = (0..last).find(|&k| same_tally(&out[k], &out[last])) {
                let again = out.remove(last);
                out[k].also.extend(again.mentions().cloned());
            }
            continue;
        }
        out.push(Mentioned {
            first: d,
            also: Vec::new(),
            replaced: Vec::new(),
            superseded: Vec::new(),
        });
    }
    out
}

/// Are both quantities tallies ("65-35") with the same two sides?
fn same_tally(a: &Mentioned, b: &Mentioned) -> bool {
    let sides = |m: &Mentioned| match m.also.as_slice() {
        [second] if m.first.derivation.is_none() && tally(&m.first.figure, second) => {
            Some((m.first.figure.value, second.value))
        }
        _ => None,
    };
    sides(a).is_some() && sides(a) == sides(b)
}

/// Words that join the two sides of a tally.
const TALLY_JOINS: &[&str] = &["-", "–", " - ", " – ", " to ", "-to-", " a ", " contra "];

/// Is `b` the other side of a tally that `a` opens: the next figure, in the same
/// sentence, two counts of one thing (or of nothing named) joined by a dash, "to",
/// "a" or "contra", the larger first? Not a change ("fell from 419,000 to 51,000",
/// "rose by 51,000 to 419,000"), though "by 7 votes to 6" is a tally.
fn tally(a: &Figure, b: &Figure) -> bool {
    let counts = a.kind == Kind::Count && b.kind == Kind::Count;
    // The second side's noun is often unsaid, and the reader's guess of it may come
    // from a later noun ("134 votos contra 63 y siete abstenciones").
    let one_thing = a.unit_key == b.unit_key || b.unit_key.is_empty() || b.unit.is_empty();
    // "by 7 votes to 6" is a vote, not a change by 7 to 6.
    let votes = a.unit_key == "vote";
    let change = !votes
        && ["from ", "by ", "de ", "desde "]
            .iter()
            .any(|w| a.sentence.contains(&format!("{w}{}", a.text)));
    counts
        && one_thing
        && !change
        && a.value.is_exact()
        && b.value.is_exact()
        && b.value.lo <= a.value.lo
        && a.sentence == b.sentence
        && b.span[0] > a.span[1]
        && ((b.span[0] - a.span[1] <= 8
            && TALLY_JOINS
                .iter()
                .any(|j| a.sentence.contains(&format!("{}{j}{}", a.text, b.text))))
            || for_and_against(a, b))
}

/// "134 votos a favor, 63 en contra", "52 in favor and 47 against": a tally written
/// as its two sides.
fn for_and_against(a: &Figure, b: &Figure) -> bool {
    const FOR: &[&str] = &[
        " a favor, ",
        " a favor y ",
        " in favor, ",
        " in favor and ",
        " for, ",
    ];
    const AGAINST: &[&str] = &[" en contra", " against"];
    FOR.iter().any(|f| {
        AGAINST
            .iter()
            .any(|c| a.sentence.contains(&format!("{}{f}{}{c}", a.text, b.text)))
    })
}

/// Is `head`'s value `body`'s rounded to `head`'s last written digit, and close to it?
/// "$3 billion" in a headline for "$3.2 billion" in the body (3 for 3.2 and 3.4, not
/// for 3.6; 1.9 for 1.94); `align` asks the same of any two figures.
pub(super) fn rounded_to_its_digits(head: &Figure, body: &Figure) -> bool {
    let (Some(h), Some(b)) = (head.value.lo, body.value.lo) else {
        return false;
    };
    if !head.value.is_exact() || !body.value.is_exact() || h <= 0.0 || h == b {
        return false;
    }
    let significant = significant_digits(head);
    if significant == 0 {
        return false;
    }
    // The step it was rounded to: a unit of its last significant digit; and close,
    // since one digit rounds loosely ("10" is not 6 rounded, though 6 rounds to it).
    let step = 10f64.powi(h.log10().floor() as i32 + 1 - significant);
    (b - h).abs() < step / 2.0 && (b - h).abs() <= 0.25 * h.abs().max(b.abs())
}

/// The significant digits of a figure's number as written ("1.9" of "$1.9 trillion"
/// has 2; trailing zeros of a whole number are not: "400" has 1); 0 when it is not
/// written in digits.
pub(super) fn significant_digits(f: &Figure) -> i32 {
    let written: String = f
        .text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
        .collect();
    let decimals = written.contains(['.', ',']) && !written.ends_with(['.', ',']);
    let digits: String = written.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_start_matches('0');
    (if decimals {
        digits.len()
    } else {
        digits.trim_end_matches('0').len()
    }) as i32
}

/// A figure that summarises the body: in the headline, or in a summary bullet ("- 23
/// confirmed dead, 41 missing") above it.
fn summary(f: &Figure) -> bool {
    let mut chars = f.sentence.chars();
    let marker = chars
        .next()
        .is_some_and(|c| matches!(c, '-' | '•' | '*' | '–'));
    f.headline || (marker && chars.next().is_some_and(char::is_whitespace))
}

/// The same value, kind and currency, and the same thing counted: for counts a known
/// unit on both sides (an unnamed "37" may be anything), and no modifier that sets one
/// apart ("37 new diplomats" and "37 KGB officers" are not a restatement). An
/// unnamed count restates a named one of ten or more ("410 injured" ... "the 410"),
/// and "about 40 tonnes" restates "40 tonnes". A headline figure restates a body
/// figure with the same number, whatever its noun or qualifier.
fn same_quantity(a: &Figure, b: &Figure) -> bool {
    let near = |p: Option<f64>, q: f64| p.is_some_and(|p| (p - q).abs() <= 1e-9 * q.abs());
    let rounded = |x: &Figure, y: &Figure| {
        x.value.is_exact()
            && x.value.lo.is_some_and(|v| {
                v > 0.0
                    && near(y.value.lo, v * (1.0 - ABOUT))
                    && near(y.value.hi, v * (1.0 + ABOUT))
            })
    };
    let same_value = a.value == b.value || rounded(a, b) || rounded(b, a);
    let (ma, mb) = (&a.modifiers, &b.modifiers);
    let modifiers_agree = ma.is_empty() || mb.is_empty() || ma.iter().any(|m| mb.contains(m));
    // An unnamed count of ten or more restates a named one: its unit is unsaid ("the
    // 410", "otras 63 resultaron heridas"; the reader's guess of it is only a guess).
    let unnamed_restates = |x: &Figure, y: &Figure| {
        x.unit.is_empty()
            && !y.unit_key.is_empty()
            && (!y.unit.is_empty() || y.kind == Kind::Money)
            && x.value.is_exact()
            && x.value.lo.is_some_and(|v| v >= 10.0)
    };
    // "150 millones" restates "150 millones de euros": a sum whose currency is unsaid.
    let bare_sum = |x: &Figure, y: &Figure| {
        x.kind == Kind::Count
            && y.kind == Kind::Money
            && x.unit_key.is_empty()
            && unnamed_restates(x, y)
    };
    if a.value == b.value && (bare_sum(a, b) || bare_sum(b, a)) {
        return modifiers_agree;
    }
    // A headline states the body's figures in fewer words ("Claims Fall 34,000" for
    // "new jobless claims fell 34,000", "9 muertos" for "al menos 9 muertos", "Siete
    // mineros" for "siete muertos"): the same number restates the body's, whatever
    // noun and qualifier each gives it. Ordinals still order the same thing.
    if summary(a) != summary(b) {
        let ends = |x: &Figure| [x.value.lo, x.value.hi];
        // A written end, not the edge of a vague amount ("decenas" ends at 100, which
        // is no statement of "ciento").
        let shared_end = !vague(&a.value)
            && !vague(&b.value)
            && ends(a)
                .iter()
                .flatten()
                .any(|v| ends(b).contains(&Some(*v)));
        let (head, body) = if summary(a) { (a, b) } else { (b, a) };
        let ordered =
            a.kind != Kind::Ordinal || a.unit_key == b.unit_key || head.unit_key.is_empty();
        // "More Than 180 Killed" over "189 people were killed": a headline bound
        // around the body's exact figure, close to it.
        let bound_around = body.value.is_exact()
            && head.value.overlaps(&body.value)
            && loose(&head.value)
            && !vague(&head.value)
            && near_bound(&head.value, &body.value);
        return a.kind == b.kind
            && a.currency == b.currency
            && (same_value || shared_end || rounded_to_its_digits(head, body) || bound_around)
            && ordered
            && modifiers_agree;
    }
    // "620 empleados" ... "620 personas": a count of ten or more restated under a
    // related or broader noun; a small one ("4 muertos", "cuatro personas") may be
    // two groups.
    let kin = |x: &Figure, y: &Figure| {
        !x.unit_key.is_empty()
            && (crate::claims::units_related(&x.unit_key, &y.unit_key)
                || crate::claims::units_broader(&x.unit_key, &y.unit_key))
            && x.value.is_exact()
            && x.value.lo.is_some_and(|v| v >= 10.0)
    };
    // "at least 23 people" ... "23 confirmed dead": a floor that includes its end
    // restates that count, of the same thing. Not "more than half" and "half", nor
    // "up to 10 days" and "10 days".
    let bound_at = |x: &Figure, y: &Figure| {
        y.value.is_exact()
            && x.value.hi.is_none()
            && !x.value.lo_strict
            && x.value.lo.is_some()
            && x.value.lo == y.value.lo
            && (kin(y, x) || (!x.unit_key.is_empty() && x.unit_key == y.unit_key))
    };
    if a.kind == b.kind
        && a.currency == b.currency
        && (bound_at(a, b) || bound_at(b, a))
        && modifiers_agree
    {
        return true;
    }
    if a.kind != b.kind || !same_value || a.currency != b.currency {
        return false;
    }
    let same_unit = !a.unit_key.is_empty() && a.unit_key == b.unit_key;
    // Two counts whose nouns are both unsaid ("cut the backlog to 63,000" in a bullet
    // and in the body): the reader's two guesses of the noun are no evidence of two
    // quantities when the count is ten or more, or when the guesses are kin ("nueve de
    // ellos" detainees, "nueve en la provincia" people).
    let guesses_kin = a.unit_key.is_empty()
        || b.unit_key.is_empty()
        || crate::claims::units_related(&a.unit_key, &b.unit_key)
        || crate::claims::units_broader(&a.unit_key, &b.unit_key);
    let both_unnamed = a.unit.is_empty()
        && b.unit.is_empty()
        && a.value.is_exact()
        && (a.value.lo.is_some_and(|v| v >= 10.0) || guesses_kin);
    if a.kind == Kind::Count
        && !(same_unit
            || unnamed_restates(a, b)
            || unnamed_restates(b, a)
            || kin(a, b)
            || kin(b, a)
            || both_unnamed)
    {
        return false;
    }
    // "First" is everywhere: an ordinal restates another only of the same thing.
    if a.kind == Kind::Ordinal && a.unit_key != b.unit_key {
        return false;
    }
    if a.kind != Kind::Count
        && a.unit_key != b.unit_key
        && !a.unit_key.is_empty()
        && !b.unit_key.is_empty()
    {
        return false;
    }
    modifiers_agree
}

#[cfg(test)]
mod tests {
    use super::super::align::{align, verdict};
    use super::super::{Evidence, Verdict};
    use super::*;
    use crate::claims::Interval;

    fn fig(text: &str, value: Interval, kind: Kind, unit: &str, sentence: &str) -> Figure {
        Figure {
            text: text.into(),
            value,
            kind,
            unit: unit.into(),
            unit_key: unit.into(),
            modifiers: Vec::new(),
            currency: (kind == Kind::Money).then(|| "USD".to_string()),
            span: [0, text.len()],
            sentence: sentence.into(),
            attribution: None,
            headline: false,
        }
    }

    fn stated(figs: &[Figure]) -> Vec<Mentioned> {
        merge(
            figs.iter()
                .map(|f| Derived {
                    figure: f.clone(),
                    derivation: None,
                })
                .collect(),
        )
    }

    fn evidence() -> Evidence {
        Evidence {
            url: "u".into(),
            captured: chrono::DateTime::<chrono::Utc>::UNIX_EPOCH,
            hash: "h".into(),
            version: 1,
        }
    }

    #[test]
    fn a_quantity_stated_twice_is_one_and_pairs_once() {
        let bullet = "Mexico cleared 37 new Russian diplomats.";
        let body = "The 37 diplomats will join the 49 diplomats already in Mexico City.";
        let e = Interval::exact;
        let reference = [
            fig(
                "37 new Russian diplomats",
                e(37.0),
                Kind::Count,
                "diplomat",
                bullet,
            ),
            fig("37 diplomats", e(37.0), Kind::Count, "diplomat", body),
            fig("49 diplomats", e(49.0), Kind::Count, "diplomat", body),
        ];
        let r = stated(&reference);
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(r[0].also.len(), 1);
        // An unnamed count of ten or more restates a named one ("the 37 arrive
        // Monday"); a small one ("3") may be anything.
        let bare = [
            reference[0].clone(),
            fig("37", e(37.0), Kind::Count, "", body),
        ];
        assert_eq!(stated(&bare).len(), 1);
        let small = [
            fig("3 diplomats", e(3.0), Kind::Count, "diplomat", bullet),
            fig("3", e(3.0), Kind::Count, "", body),
        ];
        assert_eq!(stated(&small).len(), 2);
        // The outlet's second 37 is not left over as "new information", and its
        // 86 in total (another quantity) is not paired with the 49 at all.
        let o_text = "Russia will have 37 new diplomats more. With 37 new diplomats, the mission reaches 86 diplomats in total.";
        let mut total = fig("86 diplomats", e(86.0), Kind::Count, "diplomat", o_text);
        total.modifiers = vec!["total".into()];
        let outlet = [
            fig("37 new diplomats", e(37.0), Kind::Count, "diplomat", o_text),
            fig("37 new diplomats", e(37.0), Kind::Count, "diplomat", o_text),
            total,
        ];
        let (cells, extras) = align(&r, &stated(&outlet), &evidence(), true);
        assert_eq!(cells[0].verdict, Verdict::Agree);
        assert_ne!(cells[1].verdict, Verdict::Diverge, "{:?}", cells[1]);
        assert_eq!(extras.len(), 1, "only the total is extra: {extras:?}");
    }

    #[test]
    fn a_tally_is_one_quantity_and_a_rounded_restatement_too() {
        let e = Interval::exact;
        // Two figures of one sentence, with their spans in it.
        let pair = |s: &str, a: (&str, f64), b: (&str, f64), unit: &str| {
            let at = |t: &str| s.find(t).unwrap_or(0);
            let mut x = fig(a.0, e(a.1), Kind::Count, unit, s);
            let mut y = fig(b.0, e(b.1), Kind::Count, unit, s);
            x.span = [at(a.0), at(a.0) + a.0.len()];
            y.span = [at(b.0), at(b.0) + b.0.len()];
            stated(&[x, y])
        };
        let vote = "The Senate voted 65-35 to pass the bill.";
        let tally = pair(vote, ("65", 65.0), ("35", 35.0), "");
        assert_eq!(tally.len(), 1, "{tally:?}");
        // A change is two quantities: before and after.
        let change = "Claims fell from 419,000 to 51,000 last week.";
        let two = pair(change, ("419,000", 419e3), ("51,000", 51e3), "claim");
        assert_eq!(two.len(), 2);
        // "by 7 votes to 6" reads like a change but is a vote.
        let by = "It was rejected in 2019, by 7 votes to 6.";
        assert_eq!(pair(by, ("7 votes", 7.0), ("6", 6.0), "vote").len(), 1);
        let by = "Its staff fell by 700 workers to 600.";
        assert_eq!(
            pair(by, ("700 workers", 700.0), ("600", 600.0), "worker").len(),
            2
        );
        // The second side's guessed noun, from a later noun, does not split the tally.
        let s = "Aprobada por 134 votos contra 63 y siete abstenciones.";
        let at = |t: &str| s.find(t).unwrap_or(0);
        let mut x = fig("134 votos", e(134.0), Kind::Count, "vote", s);
        x.span = [at("134 votos"), at("134 votos") + 9];
        let mut y = fig("63", e(63.0), Kind::Count, "abstention", s);
        y.unit = String::new();
        y.span = [at("63"), at("63") + 2];
        assert_eq!(stated(&[x, y]).len(), 1);
        let s = "La ley salió con 134 votos a favor, 63 en contra y siete abstenciones.";
        assert_eq!(pair(s, ("134 votos", 134.0), ("63", 63.0), "vote").len(), 1);
        let s = "The bill passed with 52 senators in favor and 47 against.";
        assert_eq!(
            pair(s, ("52 senators", 52.0), ("47", 47.0), "senator").len(),
            1
        );
        let about = Interval::closed(36.0, 44.0);
        let tonnes = stated(&[
            fig(
                "40 tonnes",
                e(40.0),
                Kind::Count,
                "tonne",
                "It stored 40 tonnes.",
            ),
            fig(
                "about 40 tonnes",
                about,
                Kind::Count,
                "tonne",
                "About 40 tonnes burned.",
            ),
        ]);
        assert_eq!(tonnes.len(), 1);
    }

    #[test]
    fn a_headline_rounds_the_body_figure_closely_or_not_at_all() {
        let head = |text: &str, v: f64| Figure {
            headline: true,
            ..fig(text, Interval::exact(v), Kind::Count, "", "Headline")
        };
        let body = |v: f64| fig("x", Interval::exact(v), Kind::Count, "", "Body.");
        assert!(rounded_to_its_digits(
            &head("$3 billion", 3e9),
            &body(3.2e9)
        ));
        assert!(!rounded_to_its_digits(
            &head("$3 billion", 3e9),
            &body(3.6e9)
        ));
        // One digit rounds loosely: "10" is no restatement of 6.
        assert!(!rounded_to_its_digits(&head("10", 10.0), &body(6.0)));
    }

    #[test]
    fn a_headline_bound_around_the_body_figure_restates_it() {
        let more = Interval {
            lo: Some(180.0),
            hi: None,
            lo_strict: true,
            hi_strict: false,
        };
        let mut head = fig(
            "More Than 180",
            more,
            Kind::Count,
            "",
            "More Than 180 Killed",
        );
        head.headline = true;
        let body = |v: f64| {
            fig(
                &format!("{v} people"),
                Interval::exact(v),
                Kind::Count,
                "person",
                "Shootings killed people over the weekend.",
            )
        };
        assert_eq!(stated(&[head.clone(), body(189.0)]).len(), 1);
        // Far past the bound, or outside it, the body's figure is another quantity.
        assert_eq!(stated(&[head.clone(), body(400.0)]).len(), 2);
        assert_eq!(stated(&[head, body(150.0)]).len(), 2);
    }

    #[test]
    fn counts_whose_nouns_are_both_unsaid_restate_each_other() {
        let e = Interval::exact;
        // The reader's guesses of the unsaid noun differ; the numbers are one.
        let guessed = |text: &str, v: f64, key: &str, s: &str| Figure {
            unit: String::new(),
            ..fig(text, e(v), Kind::Count, key, s)
        };
        let backlog = [
            guessed("63,000", 63000.0, "claim", "Backlog cut to 63,000."),
            guessed(
                "63,000",
                63000.0,
                "case",
                "It decided 52,800 cases, cutting the backlog to 63,000.",
            ),
        ];
        assert_eq!(stated(&backlog).len(), 1);
        // A small count merges only when the guesses are kin...
        let nine = [
            guessed(
                "nueve",
                9.0,
                "detainee",
                "17 detenidos, nueve de ellos aquí.",
            ),
            guessed(
                "nueve",
                9.0,
                "person",
                "Han sido detenidas 17 personas: nueve aquí.",
            ),
        ];
        assert_eq!(stated(&nine).len(), 1);
        // ...and a written noun is evidence: nine homes are not nine people.
        let apart = [
            guessed("nueve", 9.0, "person", "Nueve resultaron heridos."),
            fig(
                "nueve casas",
                e(9.0),
                Kind::Count,
                "house",
                "Ardieron nueve casas.",
            ),
        ];
        assert_eq!(stated(&apart).len(), 2);
    }

    #[test]
    fn a_floor_restates_the_count_at_its_end_but_no_other_bound_does() {
        let floor = Interval {
            lo: Some(23.0),
            hi: None,
            lo_strict: false,
            hi_strict: false,
        };
        let body = "Divers recovered more bodies on Sunday.";
        let exact = fig("23 dead", Interval::exact(23.0), Kind::Count, "death", body);
        let at_least = fig("at least 23", floor, Kind::Count, "death", body);
        assert_eq!(stated(&[at_least.clone(), exact.clone()]).len(), 1);
        // "More than 23" excludes 23; "up to 23" is a ceiling, not a count.
        let more = Figure {
            value: Interval {
                lo_strict: true,
                ..floor
            },
            ..at_least.clone()
        };
        assert_eq!(stated(&[more, exact.clone()]).len(), 2);
        let up_to = Figure {
            value: Interval {
                lo: Some(0.0),
                hi: Some(23.0),
                lo_strict: false,
                hi_strict: false,
            },
            ..at_least
        };
        assert_eq!(stated(&[up_to, exact]).len(), 2);
    }

    #[test]
    fn a_summary_bullet_restates_the_body_like_a_headline() {
        let e = Interval::exact;
        let bullet = "- 23 confirmed dead, 4 missing";
        let body = "Another 4 people were still missing on Sunday.";
        let figs = [
            fig("4 missing", e(4.0), Kind::Count, "missing", bullet),
            fig("4 people", e(4.0), Kind::Count, "person", body),
        ];
        assert_eq!(stated(&figs).len(), 1);
        // Without the bullet's marker (or with a minus sign) they are two sentences
        // of the body, and small counts of two nouns may be two groups.
        for s in ["23 confirmed dead, 4 missing", "-4 missing"] {
            let mut figs = figs.clone();
            figs[0].sentence = s.into();
            assert_eq!(stated(&figs).len(), 2, "{s}");
        }
    }

    #[test]
    fn restatements_under_other_words_merge() {
        let e = Interval::exact;
        let s = "Otras 63 resultaron heridas.";
        // The unit is unsaid; the reader's guess ("passenger") is only a guess.
        let mut guessed = fig("63", e(63.0), Kind::Count, "passenger", s);
        guessed.unit = String::new();
        let injured = fig(
            "63 heridos",
            e(63.0),
            Kind::Count,
            "injured",
            "Deja 63 heridos.",
        );
        assert_eq!(stated(&[injured, guessed]).len(), 1);
        // A sum whose currency is unsaid restates the one that names it.
        let mut bare = fig(
            "150 millones",
            e(150e6),
            Kind::Count,
            "",
            "Su cláusula: 150 millones.",
        );
        bare.unit = String::new();
        let euros = fig(
            "150 millones de euros",
            e(150e6),
            Kind::Money,
            "euro",
            "Cláusula de 150 millones de euros.",
        );
        assert_eq!(stated(&[euros, bare]).len(), 1);
        // A count of ten or more under a broader noun; a small one may be two groups.
        let staff = fig(
            "620 empleados",
            e(620.0),
            Kind::Count,
            "employee",
            "Cierra con 620 empleados.",
        );
        let people = fig(
            "620 personas",
            e(620.0),
            Kind::Count,
            "person",
            "Afecta a 620 personas.",
        );
        assert_eq!(stated(&[staff, people]).len(), 1);
        let dead = fig("4 muertos", e(4.0), Kind::Count, "death", "Deja 4 muertos.");
        let four = fig(
            "cuatro personas",
            e(4.0),
            Kind::Count,
            "person",
            "Cuatro personas viajaban.",
        );
        assert_eq!(stated(&[dead, four]).len(), 2);
        // The same tally twice is one vote.
        let vote = |s: &str| {
            let at = |t: &str| s.find(t).unwrap_or(0);
            let mut x = fig("5", e(5.0), Kind::Count, "", s);
            let mut y = fig("2", e(2.0), Kind::Count, "", s);
            x.span = [at("5"), at("5") + 1];
            y.span = [at("2"), at("2") + 1];
            [x, y]
        };
        let twice: Vec<Figure> = vote("The court ruled 5-2 on Monday.")
            .into_iter()
            .chain(vote("In the 5-2 ruling, the majority wrote."))
            .collect();
        let merged = stated(&twice);
        assert_eq!(merged.len(), 1, "{merged:?}");
        assert_eq!(merged[0].mentions().count(), 4);
    }

    #[test]
    fn bounds_and_vague_amounts_need_the_same_quantity() {
        let s1 = "Hundreds of officials were expelled from Europe last year.";
        let s2 = "Mexico approved 37 new officials for the embassy.";
        let hundreds = Interval {
            lo: Some(200.0),
            hi: Some(1000.0),
            lo_strict: false,
            hi_strict: true,
        };
        let r = stated(&[fig(
            "Hundreds of officials",
            hundreds,
            Kind::Count,
            "official",
            s1,
        )]);
        let o = stated(&[fig(
            "37 new officials",
            Interval::exact(37.0),
            Kind::Count,
            "official",
            s2,
        )]);
        let (cells, _) = align(&r, &o, &evidence(), true);
        assert_eq!(cells[0].verdict, Verdict::Missing, "{:?}", cells[0]);
        // An open bound overlapping a value in an unrelated sentence is no match either.
        let up_to = Interval {
            lo: Some(0.0),
            hi: Some(1825.0),
            lo_strict: false,
            hi_strict: false,
        };
        let r = stated(&[fig(
            "up to five years",
            up_to,
            Kind::Duration,
            "year",
            "He faces up to five years in prison.",
        )]);
        let o = stated(&[fig(
            "46 to 57 months",
            Interval::closed(1380.0, 1710.0),
            Kind::Duration,
            "month",
            "Prosecutors asked for 46 to 57 months.",
        )]);
        let (cells, _) = align(&r, &o, &evidence(), true);
        assert_eq!(cells[0].verdict, Verdict::Missing, "{:?}", cells[0]);
    }

    #[test]
    fn verdicts_read_floors_and_periods_as_reporters_write_them() {
        let s = "The fine was more than $250,000.";
        let more = Interval {
            lo: Some(250000.0),
            hi: None,
            lo_strict: true,
            hi_strict: false,
        };
        let a = fig("more than $250,000", more, Kind::Money, "dollar", s);
        let b = fig(
            "$250,000",
            Interval::exact(250000.0),
            Kind::Money,
            "dollar",
            s,
        );
        assert_eq!(verdict(&a, &b), Verdict::Compatible);
        let c = fig(
            "$200,000",
            Interval::exact(200000.0),
            Kind::Money,
            "dollar",
            s,
        );
        assert_eq!(verdict(&a, &c), Verdict::Diverge);
        let p1 = fig(
            "from 1965 to 1977",
            Interval::closed(1965.0, 1977.0),
            Kind::Year,
            "",
            s,
        );
        let p2 = fig(
            "from 1966 to 1978",
            Interval::closed(1966.0, 1978.0),
            Kind::Year,
            "",
            s,
        );
        assert_eq!(verdict(&p1, &p2), Verdict::Diverge);
        assert_eq!(verdict(&p1, &p1.clone()), Verdict::Agree);
        let y = fig("1970", Interval::exact(1970.0), Kind::Year, "", s);
        assert_eq!(
            verdict(&p1, &y),
            Verdict::Compatible,
            "a year inside a span"
        );
    }
}
