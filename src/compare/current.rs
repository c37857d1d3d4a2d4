//! What an article presents as current. A correction ("An earlier version of this
//! article said 260 jobs. It is 300."), a value it rejects ("seven people, not
//! eight") and a live blog's later entry on the same quantity ("14:05 – 410,000
//! homes" after "08:40 – about 350,000 homes") replace a value the article also
//! states. The labelling rules compare an outlet by the value it presents as current,
//! so the replaced one pairs with nothing. [`replaced`] is the entry point.

use super::evidence::pair_score;
use super::restated::Mentioned;
use crate::claims::{Figure, Kind};
use crate::fetch::discover::fold;

/// Words that say a sentence corrects what the article said before.
const CORRECTION_CUES: &[&str] = &[
    "earlier version",
    "earlier entry",
    "previous version",
    "we said",
    "we wrote",
    "we reported",
    "version anterior",
    "entrada anterior",
    "dijimos",
    "publicamos",
    "informamos",
    "se informo inicialmente",
];

/// Words that open a correction or an update. Not "revised": economic news calls the
/// prior week's figure "a revised 507,000", which updates nothing in the article.
const UPDATE_CUES: &[&str] = &[
    "correction",
    "corrected",
    "correccion",
    "corrige",
    "fe de errores",
    "fe de erratas",
    "update",
    "updated",
    "ultima hora",
    "actualizados",
    "actualizadas",
    "actualizada",
    "latest figure",
    "latest count",
    "actualizacion",
    "actualizado",
    "actualiza",
    "nuevo balance",
    "ultimo balance",
];

/// Words that mark a value as a first report a later figure may replace ("The board
/// initially said 40", "En un primer balance, 180.000").
const EARLIER_CUES: &[&str] = &[
    "initially",
    "at first",
    "first reported",
    "first said",
    "inicialmente",
    "en un primer",
    "en una primera",
    "primer balance",
    "primer comunicado",
];

/// Words right before a value an update or correction sets aside ("not eight",
/// "frente a los 15 que había comunicado").
const REJECTING: &[&str] = &[
    "not",
    "no",
    "instead of",
    "rather than",
    "en lugar de",
    "en vez de",
    "frente a",
];

/// How sure the disjoint-pair model must be that a later figure restates an earlier
/// one's quantity before the later value replaces the earlier.
const SAME_QUANTITY: f64 = 0.3;

/// What became of a figure the article no longer presents as current.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Fate {
    /// Still current.
    Current,
    /// Set aside with nothing in its place (a rejected value, another mention of it).
    Gone,
    /// Replaced by figure `j`.
    By(usize),
}

/// A replaced mention, carrying its replacement's value, and that replacement.
pub(super) struct Replaced {
    pub earlier: Figure,
    /// The earlier mention with the value it stated, when the disjoint-pair model is
    /// as sure the two are one quantity as it must be to call a divergence: only then
    /// may it vouch for the replacement (`align`).
    pub was: Option<Figure>,
    pub by: Figure,
}

/// The article's figures it presents as current (`body` its text), in reading order,
/// and the mentions it replaced, each with its replacement's value: what the article
/// said of the quantity is still evidence of which quantity it is.
pub(super) fn current(figs: Vec<Figure>, body: &str) -> (Vec<Figure>, Vec<Replaced>) {
    let fates = replaced(&figs, body);
    let mut evidence = Vec::new();
    for (i, fate) in fates.iter().enumerate() {
        if let Fate::By(j) = *fate {
            evidence.push(Replaced {
                earlier: Figure {
                    value: figs[j].value,
                    ..figs[i].clone()
                },
                was: same_quantity(&figs[i], &figs[j])
                    .is_some_and(|p| p >= super::pair_model::MODEL.diverge_min)
                    .then(|| figs[i].clone()),
                by: figs[j].clone(),
            });
        }
    }
    let kept = figs
        .into_iter()
        .zip(fates)
        .filter(|(_, f)| *f == Fate::Current)
        .map(|(f, _)| f)
        .collect();
    (kept, evidence)
}

/// Gives each quantity the replaced mentions of its replacement.
pub(super) fn attach(quantities: &mut [Mentioned], replaced: Vec<Replaced>) {
    for r in replaced {
        let stated = |f: &Figure| f.span == r.by.span && f.headline == r.by.headline;
        if let Some(q) = quantities
            .iter_mut()
            .find(|q| q.first.derivation.is_none() && q.mentions().any(stated))
        {
            q.replaced.push(r.earlier);
            q.superseded.extend(r.was);
        }
    }
}

/// What became of each of an article's figures (in reading order, `body` its text).
pub(super) fn replaced(figs: &[Figure], body: &str) -> Vec<Fate> {
    let mut out = vec![Fate::Current; figs.len()];
    // Each figure's sentence and paragraph opening, folded once: the loops below are
    // over pairs.
    let folded: Vec<(String, String)> = figs
        .iter()
        .map(|f| (fold(&f.sentence), fold(paragraph_start(f, body))))
        .collect();
    let has = |i: usize, cues: &[&str]| {
        let (s, p) = &folded[i];
        cues.iter().any(|c| has_phrase(s, c) || has_phrase(p, c))
    };
    let correcting: Vec<bool> = (0..figs.len()).map(|i| has(i, CORRECTION_CUES)).collect();
    let updating: Vec<bool> = (0..figs.len()).map(|i| has(i, UPDATE_CUES)).collect();
    let first_report: Vec<bool> = (0..figs.len()).map(|i| has(i, EARLIER_CUES)).collect();
    let stamps: Vec<Option<u32>> = figs.iter().map(|f| entry_time(f, body)).collect();
    let para = |f: &Figure| paragraph_start(f, body).as_ptr();
    // The values a correction sets aside: what it says was said, each set aside by
    // the later figure of the paragraph that replaces it ("we said 219 of the victims
    // were over 75. The report gives 291": 219, not 75), and any value an update or a
    // correction rejects ("seven, not eight").
    let said: Vec<usize> = (0..figs.len())
        .filter(|&i| !figs[i].headline && correcting[i] && said_before(&figs[i]))
        .collect();
    let mut wrong: Vec<usize> = Vec::new();
    let mut by: Vec<(usize, usize)> = Vec::new();
    for (j, b) in figs.iter().enumerate() {
        if b.headline || said.contains(&j) {
            continue;
        }
        let best = said
            .iter()
            .filter(|&&i| !wrong.contains(&i) && i < j && para(&figs[i]) == para(b))
            .filter(|&&i| figs[i].kind == b.kind && figs[i].value != b.value)
            .filter_map(|&i| Some((i, same_quantity(&figs[i], b)?)))
            .max_by(|x, y| x.1.total_cmp(&y.1));
        if let Some((i, _)) = best {
            wrong.push(i);
            by.push((i, j));
        }
    }
    wrong.extend(
        (0..figs.len()).filter(|&i| !figs[i].headline && updating[i] && rejected(&figs[i])),
    );
    for (i, f) in figs.iter().enumerate() {
        let set_aside = wrong.iter().any(|&w| {
            w == i || {
                let w = &figs[w];
                w.kind == f.kind && w.value == f.value && units_agree(w, f)
            }
        });
        if set_aside {
            out[i] = Fate::Gone;
        }
    }
    for (i, j) in by {
        out[i] = Fate::By(j);
    }
    // A later entry of a live blog, or an update, replaces the earlier value of the
    // quantity it restates in another sentence.
    let when = chronology(&stamps);
    for (j, b) in figs.iter().enumerate() {
        if out[j] != Fate::Current || b.headline {
            continue;
        }
        let later = updating[j] || stamps[j].is_some();
        let best = (0..figs.len())
            .filter(|&i| out[i] == Fate::Current && !figs[i].headline && when[i] < when[j])
            .filter(|&i| figs[i].sentence != b.sentence)
            .filter(|&i| later || first_report[i])
            .filter(|&i| figs[i].kind == b.kind && figs[i].value != b.value)
            .filter_map(|i| Some((i, same_quantity(&figs[i], b)?)))
            .filter(|&(_, p)| p >= SAME_QUANTITY)
            .max_by(|x, y| x.1.total_cmp(&y.1));
        if let Some((i, _)) = best {
            out[i] = Fate::By(j);
        }
    }
    out
}

/// Each figure's place in time: reading order, reversed when the article is a live
/// blog whose entries run newest first (their time stamps mostly fall down the page).
/// `stamps` is each figure's entry time stamp.
fn chronology(stamps: &[Option<u32>]) -> Vec<isize> {
    let mut seen: Vec<u32> = stamps.iter().flatten().copied().collect();
    seen.dedup();
    let falling = seen.windows(2).filter(|w| w[1] < w[0]).count();
    let rising = seen.windows(2).filter(|w| w[1] > w[0]).count();
    let newest_first = falling > rising;
    (0..stamps.len() as isize)
        .map(|i| if newest_first { -i } else { i })
        .collect()
}

/// The probability that two disjoint figures of one article state one quantity, when
/// their units allow it.
fn same_quantity(a: &Figure, b: &Figure) -> Option<f64> {
    if a.kind == Kind::Count && !units_agree(a, b) {
        return None;
    }
    pair_score(a, b, true).map(|m| m.diverge_probability)
}

/// The same unit, a related one, or one side's unit unknown (not both: two bare
/// numbers of one article say nothing of being one count).
fn units_agree(a: &Figure, b: &Figure) -> bool {
    let (ka, kb) = (&a.unit_key, &b.unit_key);
    if ka.is_empty() && kb.is_empty() {
        return a.kind != Kind::Count;
    }
    ka.is_empty()
        || kb.is_empty()
        || crate::claims::units_related(ka, kb)
        || crate::claims::units_broader(ka, kb)
}

/// Does the figure follow what the correction says was said ("said the vote was 8-5",
/// "indicaba que ... 24 horas") rather than what is right?
fn said_before(f: &Figure) -> bool {
    let s = fold(&f.sentence);
    let Some(at) = s.find(&fold(&f.text)) else {
        return false;
    };
    CORRECTION_CUES
        .iter()
        .any(|c| s.find(c).is_some_and(|k| k < at))
}

/// Is the figure the value a sentence sets aside ("seven, not eight")?
fn rejected(f: &Figure) -> bool {
    let s = fold(&f.sentence);
    let t = fold(&f.text);
    s.match_indices(&t).any(|(at, _)| {
        let before = s[..at].trim_end_matches(|c: char| !c.is_alphanumeric());
        // "frente a los 15", "not £2.14 billion", "y no \"más de siete\"".
        let before = before
            .strip_suffix(" los")
            .or_else(|| before.strip_suffix(" las"))
            .or_else(|| before.strip_suffix(" the"))
            .unwrap_or(before);
        REJECTING.iter().any(|r| {
            before.strip_suffix(r).is_some_and(|rest| {
                rest.is_empty() || rest.ends_with(|c: char| !c.is_alphanumeric())
            })
        })
    })
}

/// The first words of the figure's paragraph (where a live blog puts "Update:" or
/// "18:45 –"), or "" for a headline figure.
fn paragraph_start<'a>(f: &Figure, body: &'a str) -> &'a str {
    if f.headline || f.span[0] > body.len() || !body.is_char_boundary(f.span[0]) {
        return "";
    }
    let start = body[..f.span[0]].rfind("\n\n").map_or(0, |k| k + 2);
    let mut end = (start + 40).min(body.len());
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    &body[start..end]
}

/// Minutes past midnight of the time stamp opening the figure's paragraph ("18:45 –",
/// "10.30 |", "Sábado, 09.30 —"), the mark of a live-blog entry.
fn entry_time(f: &Figure, body: &str) -> Option<u32> {
    let head = paragraph_start(f, body);
    let head = head.split_once(", ").map_or(head, |(day, rest)| {
        if day.chars().all(char::is_alphabetic) {
            rest
        } else {
            head
        }
    });
    let stamp: String = head.chars().take_while(|c| !c.is_whitespace()).collect();
    let (h, m) = stamp.split_once([':', '.'])?;
    // "3:01:40 |": seconds too.
    let m = m.split(':').next().unwrap_or(m);
    let m = m.trim_end_matches(|c: char| !c.is_ascii_digit());
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    let rest = head[stamp.len()..].trim_start();
    // "18:45 – ...", "05:40 | ...", "22:35 Correction: ...", not "3.5 million".
    let marked = rest.starts_with(['–', '—', '-', '|', ':'])
        || stamp.ends_with(':')
        || rest.starts_with(char::is_uppercase);
    (h < 24 && m < 60 && m.to_string().len() <= 2 && marked).then_some(h * 60 + m)
}

/// Does `hay` contain `phrase` as whole words?
fn has_phrase(hay: &str, phrase: &str) -> bool {
    hay.match_indices(phrase).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + phrase.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::{Interval, analyze};
    use crate::extract::Article;

    fn read(text: &str, lang: &str) -> (Vec<Figure>, String) {
        let article = Article {
            paragraphs: text.split("\n\n").map(String::from).collect(),
            lang: Some(lang.to_string()),
            ..Article::default()
        };
        (analyze(&article).figures, article.text())
    }

    fn kept(text: &str, lang: &str) -> Vec<String> {
        let (figs, body) = read(text, lang);
        current(figs, &body).0.into_iter().map(|f| f.text).collect()
    }

    #[test]
    fn a_correction_sets_aside_the_value_it_corrects_wherever_it_is_stated() {
        let text = "The plant will cut 260 jobs, the company said.\n\nCorrection: An earlier \
                    version of this article said the plant would cut 260 jobs. It will cut 300 jobs.";
        let k = kept(text, "en");
        assert!(!k.iter().any(|t| t.contains("260")), "{k:?}");
        assert!(k.iter().any(|t| t.contains("300")), "{k:?}");
        let k = kept(
            "22:35 Correction: the ambulance service says seven people, not eight, were taken to hospital.",
            "en",
        );
        assert_eq!(k, vec!["seven people".to_string()], "{k:?}");
    }

    #[test]
    fn a_later_live_blog_entry_replaces_the_earlier_value_of_its_quantity() {
        let text = "08:40 – The company says about 350,000 homes are without power.\n\n\
                    12:15 – Police say traffic lights are out at more than 800 junctions.\n\n\
                    14:05 – The company now says 410,000 homes lost power.";
        let k = kept(text, "en");
        assert!(!k.iter().any(|t| t.contains("350,000")), "{k:?}");
        assert!(k.iter().any(|t| t.contains("410,000")), "{k:?}");
        assert!(k.iter().any(|t| t.contains("800")), "{k:?}");
    }

    #[test]
    fn a_replaced_mention_stays_as_evidence_of_its_replacement_with_the_new_value() {
        let text = "14:05 – The company says 410,000 homes lost power in the city.\n\n\
                    18:45 – The company now says 430,000 homes lost power in the city.";
        let (figs, body) = read(text, "en");
        let (kept, replaced) = current(figs, &body);
        assert_eq!(kept.len(), 1, "{kept:?}");
        assert_eq!(replaced.len(), 1);
        let r = &replaced[0];
        // Its own words, the current value.
        assert!(r.earlier.text.contains("410,000"), "{}", r.earlier.text);
        assert_eq!(r.earlier.value, kept[0].value);
        let derived = super::super::derive::with_derived(&kept);
        let mut quantities = super::super::restated::merge(derived);
        attach(&mut quantities, replaced);
        assert_eq!(quantities[0].replaced.len(), 1);
        assert!(quantities[0].first.figure.text.contains("430,000"));
    }

    #[test]
    fn a_blog_that_runs_newest_first_keeps_its_top_entry() {
        let text = "14:05 – The company now says 410,000 homes lost power.\n\n\
                    12:15 – Police say traffic lights are out at more than 800 junctions.\n\n\
                    08:40 – The company says about 350,000 homes are without power.";
        let k = kept(text, "en");
        assert!(k.iter().any(|t| t.contains("410,000")), "{k:?}");
        assert!(!k.iter().any(|t| t.contains("350,000")), "{k:?}");
    }

    #[test]
    fn a_revised_figure_of_another_week_updates_nothing() {
        let text = "Claims fell to 473,000 last week, the department said.\n\n\
                    The prior week was a revised 507,000 claims.";
        assert_eq!(kept(text, "en").len(), read(text, "en").0.len());
    }

    #[test]
    fn two_quantities_of_one_unit_without_an_update_both_stay() {
        // A part and the total, no update: the seed story's shape.
        let text = "Mexico approved 37 new diplomats, who will join the 49 already there. \
                    That makes 86 diplomats in all.";
        assert_eq!(kept(text, "en").len(), read(text, "en").0.len());
        // "no más de 30" is a bound, not a rejected value.
        let k = kept("La sala admite no más de 30 personas.", "es");
        assert_eq!(k.len(), 1, "{k:?}");
    }

    #[test]
    fn time_stamps_open_entries_and_nothing_else() {
        let f = |text: &str| Figure {
            text: "5".into(),
            value: Interval::exact(5.0),
            kind: Kind::Count,
            unit: String::new(),
            unit_key: String::new(),
            modifiers: Vec::new(),
            currency: None,
            span: [text.len() - 1, text.len()],
            sentence: text.into(),
            attribution: None,
            headline: false,
        };
        for (text, want) in [
            ("18:45 – Update: 5", Some(18 * 60 + 45)),
            ("10.30 | Indeci: 5", Some(630)),
            ("Sábado, 09.30 — 5", Some(570)),
            ("12:15 Correction: 5", Some(735)),
            ("3.5 million people: 5", None),
        ] {
            assert_eq!(entry_time(&f(text), text), want, "{text}");
        }
    }
}
