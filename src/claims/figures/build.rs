//! Assembly: a number core grown into a figure.
//!
//! Entry point: [`build`], with the core `number` read; it runs the stages in order
//! (range, currency sign, qualifier, percent sign, unit phrase, kind, rejects) and
//! [`finish`] writes the figure, naming an elided noun through `elided`.
//!
//! ```text
//! "more than 150 KGB officers" → (150, +∞) count officer [kgb]
//! ```

use crate::claims::qualifiers::{self, Qualifier};
use crate::claims::tokens::TokKind;
use crate::claims::types::{Figure, Interval, Kind};
use crate::claims::units::{LEXICON, UnitKind};

use super::currency::{
    MONEY_NOUNS, MONEY_VERBS, currency_before, money_key, names_dollars, sentence_currency,
};
use super::elided::{
    inherited_unit, institution_nationality, people_unsaid, population_before, population_kind,
    subject_unit, tally,
};
use super::kind::{
    COMPARATIVES, INDEX_WORDS, after_aged, is_age, is_year, people_over, same_sentence_percent,
    scale_interval,
};
use super::number::Core;
use super::qualifier::prefix_qualifier;
use super::range::{extend_range, in_dash_pair, score_second};
use super::reject::{
    anaphoric, closes_count_list, in_attribution, opens_count_list, possessive_title, pronoun_one,
    service_number,
};
use super::unit_phrase::{
    UnitPhrase, borrowed_unit, is_plural, noun_after_name, unit_phrase, whole_count,
};
use super::{Ctx, attribution, plain_figure};

/// Builds a figure from a core: returns it and the token index after it.
pub(super) fn build(ctx: &Ctx, core: Core, prev: &[(Figure, usize)]) -> Option<(Figure, usize)> {
    let toks = ctx.toks;
    let (value, mut end, range_start) = extend_range(ctx, &core);
    let mut start = core.start;
    let currency_prefix =
        currency_before(toks, start)
            .filter(|_| !core.fraction)
            .map(|(code, s)| {
                // "$450.000 millones" in Latin American copy is pesos, like the word
                // "pesos"; dollars there are written "US$" or named.
                if code == "USD"
                    && ctx.lang == "es"
                    && toks[s].lower == "$"
                    && !names_dollars(ctx, s)
                {
                    let peso = LEXICON.unit("peso").and_then(|u| u.currency.clone());
                    (peso.unwrap_or(code), s)
                } else {
                    (code, s)
                }
            });
    if let Some((_, s)) = &currency_prefix {
        start = *s;
    }
    let mut qualifier = prefix_qualifier(ctx, start, prev).map(|(q, s)| {
        start = s;
        q
    });
    if let Some(s) = range_start {
        start = start.min(s);
    }
    // Percent sign or word; a share is a percentage and counts nothing itself.
    let mut kind = Kind::Count;
    if core.fraction {
        kind = Kind::Percent;
    } else if toks.get(end).is_some_and(|t| t.is_punct("%")) {
        kind = Kind::Percent;
        end += 1;
    }
    if let Some((q, e)) = qualifiers::suffix_at(toks, end) {
        qualifier = qualifier.or(Some(q));
        end = e;
    }
    if core.approx {
        qualifier = qualifier.or(Some(Qualifier::About));
    }
    let mut up = if core.fraction {
        UnitPhrase {
            start: end,
            end,
            ..UnitPhrase::default()
        }
    } else {
        unit_phrase(ctx, end)
    };
    // "más de 1,6 millones ya tienen": Spanish "millones"/"millón" takes its noun
    // with "de", so a word right after it is no unit.
    let spanish_scale = ctx.lang == "es"
        && end > 0
        && matches!(
            toks[end - 1].lower.as_str(),
            "millones" | "millón" | "millon"
        )
        && toks[end - 1].kind == TokKind::Word;
    if spanish_scale
        && up.has_head()
        && up.start == end
        && up
            .head
            .is_none_or(|u| u.kind == UnitKind::Count && !u.measure)
    {
        up = UnitPhrase {
            start: end,
            end,
            ..UnitPhrase::default()
        };
    }
    if core.ordinal && ctx.lang == "en" {
        noun_after_name(ctx, &mut up);
    }
    // "a 3-1 series lead": the second number of a score (a dash pair that does not
    // rise, so no range) counts nothing of the noun after it.
    if score_second(toks, core.start, core.value) {
        up = UnitPhrase {
            start: end,
            end,
            ..UnitPhrase::default()
        };
    }
    if core.multiple {
        up = UnitPhrase {
            start: end,
            end,
            head: LEXICON.unit("time"),
            ..UnitPhrase::default()
        };
    }
    let plain_count = kind == Kind::Count && currency_prefix.is_none() && !core.ordinal;
    // "de los que 56.000 son menores", "of whom 300 were children": the noun after a
    // copula says what the number counts.
    if plain_count
        && !up.has_head()
        && toks
            .get(end)
            .is_some_and(|c| matches!(c.lower.as_str(), "son" | "eran" | "fueron" | "are" | "were"))
        && let Some(m) = LEXICON
            .unit_at(toks, end + 1)
            .filter(|m| m.entry.kind == UnitKind::Count && is_plural(&toks[m.end - 1].lower))
    {
        up.head = Some(m.entry);
        up.borrowed = true;
    }
    if plain_count && !up.has_head() {
        if let Some((borrowed, percent)) = borrowed_unit(ctx, end) {
            up = borrowed;
            if percent {
                kind = Kind::Percent;
            }
        } else if is_age(ctx, &core, qualifier.is_some())
            || after_aged(toks, start)
            || people_over(ctx, &core, start)
        {
            up.head = LEXICON.unit("year");
        }
    }
    let unit_kind = up.head.map(|u| u.kind).unwrap_or_default();
    let mut currency = currency_prefix.map(|(c, _)| c);
    match unit_kind {
        UnitKind::Percent if kind == Kind::Count => kind = Kind::Percent,
        UnitKind::Money => {
            kind = Kind::Money;
            currency = up.head.and_then(|u| u.currency.clone()).or(currency);
        }
        _ => {}
    }
    if currency.is_some() && kind == Kind::Count {
        kind = Kind::Money;
    }
    let mut value = value;
    // "1,200 desaparecidos": people come whole, so the separator groups thousands.
    // "un bono de 3,000 pesos": money has two decimals at most, so three digits after
    // the separator group thousands whatever the convention.
    if let Some(th) = core.thousands
        && range_start.is_none()
        && (kind == Kind::Count && whole_count(&up) || kind == Kind::Money && !core.scaled)
    {
        value = Interval::exact(th);
    }
    // "seis años y medio", "dos horas y media": half a unit more.
    if up.has_head()
        && !up.borrowed
        && value.is_exact()
        && toks.get(up.end).is_some_and(|t| t.is("y"))
        && toks
            .get(up.end + 1)
            .is_some_and(|t| t.is("medio") || t.is("media"))
    {
        value = Interval::exact(value.lo.unwrap_or(0.0) + 0.5);
        up.end += 2;
    }
    // "cuatro puntos menos" after a percentage: percentage points, not index points;
    // "a quarter-point" (a share of a point) only moves a rate.
    let point_share = toks[core.start].kind == TokKind::Word
        && matches!(toks[core.start].lower.as_str(), "quarter" | "half");
    if kind == Kind::Count && up.head.is_some_and(|u| u.key == "point") && point_share {
        kind = Kind::Percent;
        up.head = LEXICON.unit("percentage point");
    }
    // "cayó casi seis puntos, hasta el 69,9 %": points a percentage moved by, unless
    // the sentence is about a stock index, whose points are its own.
    // "rose 1.234 points, or 3.5%" restates the move as a percentage: index points.
    let restated = toks.get(up.end).is_some_and(|c| c.is_punct(",("))
        && toks
            .get(up.end + 1)
            .is_some_and(|w| matches!(w.lower.as_str(), "or" | "o" | "un" | "a"))
        || toks.get(up.end).is_some_and(|c| c.is_punct("("));
    // "down four points from last month": "down"/"up" move a percentage too.
    let moved_points = !restated
        && (start.saturating_sub(2)..start).any(|k| {
            qualifiers::is_change_verb(&toks[k]) || matches!(toks[k].lower.as_str(), "down" | "up")
        })
        && !ctx
            .sentence_toks(ctx.tok_sentence[start])
            .iter()
            .any(|t| INDEX_WORDS.contains(&t.lower.as_str()));
    if kind == Kind::Count
        && up.head.is_some_and(|u| u.key == "point")
        && moved_points
        && same_sentence_percent(ctx, start, prev)
    {
        kind = Kind::Percent;
        up.head = LEXICON.unit("percentage point");
    }
    if kind == Kind::Count
        && up.head.is_some_and(|u| u.key == "point")
        && (up.end..up.end + 1).chain(up.end.checked_sub(1)).any(|k| {
            toks.get(k)
                .is_some_and(|t| COMPARATIVES.contains(&t.lower.as_str()))
        })
        && same_sentence_percent(ctx, start, prev)
    {
        kind = Kind::Percent;
        up.head = LEXICON.unit("percentage point");
    }
    // "se gastó 2 millones", "paid 3 million for": an amount with its currency
    // left unsaid.
    // "pagó 1 millón por Vardy ... una plantilla de 57 millones": once a sentence
    // counts money, a later scaled amount with no noun is money too.
    // Only an amount "of"/"for" something ("una plantilla de 57 millones"), not
    // "left 8.5 million without power", whose noun is people.
    let money_before = prev.last().is_some_and(|(f, e)| {
        f.kind == Kind::Money && ctx.tok_sentence[*e - 1] == ctx.tok_sentence[start]
    }) && start
        .checked_sub(1)
        .is_some_and(|k| matches!(toks[k].lower.as_str(), "de" | "of" | "por" | "for" | "at"));
    if kind == Kind::Count && !up.has_head() && core.scaled && money_before {
        kind = Kind::Money;
        currency = prev.last().and_then(|(f, _)| f.currency.clone());
    }
    // "necesita 2.000 millones de dólares ... le ha inyectado más de 5.000 millones",
    // "Inditex gana 5.381 millones ... 1,54 euros por acción": a scaled amount with no
    // noun in a sentence that names a currency is money in it (not "left 8.5 million
    // without power", whose noun is people).
    if kind == Kind::Count
        && !up.has_head()
        && core.scaled
        && !people_unsaid(toks, start, end)
        && let Some(code) = sentence_currency(ctx, start, prev)
    {
        kind = Kind::Money;
        currency = Some(code);
    }
    if kind == Kind::Count
        && !up.has_head()
        && core.scaled
        && (start.saturating_sub(3)..start).any(|k| {
            MONEY_VERBS.contains(&toks[k].lower.as_str())
                || MONEY_NOUNS.contains(&toks[k].lower.as_str())
        })
    {
        kind = Kind::Money;
    }
    if core.ordinal {
        kind = Kind::Ordinal;
    } else if kind == Kind::Count && unit_kind == UnitKind::Duration {
        kind = Kind::Duration;
        let days = up.head.map_or(1.0, |u| u.days);
        value = scale_interval(value, days);
    }
    // "entre 1163 y 1345": two four-digit ends with no noun span years, older too.
    let year_span = range_start.is_some()
        && kind == Kind::Count
        && !up.has_head()
        && core.plain_digits.as_ref().is_some_and(|d| d.len() == 4)
        && [value.lo, value.hi]
            .iter()
            .all(|b| b.is_some_and(|v| v.fract() == 0.0 && (1000.0..=2100.0).contains(&v)));
    // "a fire in 2012 killed 112 workers": after "in"/"since", a plausible year is one
    // unless a plural noun follows ("in 2012 cases" would count).
    let after_in = core.start > 0
        && matches!(
            toks[core.start - 1].lower.as_str(),
            "in" | "since" | "en" | "desde"
        )
        && qualifier.is_none()
        && !up.head_surface.ends_with('s')
        && core.plain_digits.as_ref().is_some_and(|d| {
            d.len() == 4
                && d.parse::<f64>()
                    .is_ok_and(|v| (1900.0..=2100.0).contains(&v))
        });
    let year = core.year
        || year_span
        || after_in
        || is_year(&core, &up, qualifier, kind, range_start.is_some());
    if year {
        let fig = plain_figure(ctx, start, core.end.max(end), value, Kind::Year);
        return Some((fig, core.end.max(end)));
    }
    let known_unit = up.head.is_some();
    // "portería a cero": a bare zero counts nothing.
    let zero_word = toks[core.start].kind == TokKind::Word && core.value.hi == Some(0.0);
    if zero_word && !up.has_head() {
        return None;
    }
    if core.bare_one
        && !(toks[core.start].is("one") && known_unit && !pronoun_one(toks, core.start))
        && !(up.has_head() && closes_count_list(ctx, core.start, prev))
        && !opens_count_list(toks, core.start, &up)
    {
        return None;
    }
    if kind == Kind::Count
        && qualifier.is_none()
        && (anaphoric(ctx, &core, start, &up)
            || service_number(ctx, &core, &up)
            || possessive_title(ctx, &core, &up, prev))
    {
        return None;
    }
    // "over £4m bribery scheme": "over" is about the amount, not above it.
    if kind == Kind::Money
        && qualifier == Some(Qualifier::MoreThan)
        && toks[start].is("over")
        && up.unknown_head.is_some()
        && !up.head_surface.ends_with('s')
    {
        qualifier = None;
        start += 1;
    }
    if let Some(q) = qualifier.filter(|_| kind != Kind::Ordinal) {
        value = qualifiers::apply(q, value);
    }
    let fig_end = if up.end > up.start && !up.borrowed {
        up.end
    } else {
        end
    };
    if kind == Kind::Count && up.has_head() && in_attribution(ctx, start, fig_end) {
        return None;
    }
    // "se situó en el 3,5 %, dos décimas menos": after a percentage, Spanish counts
    // a change in tenths of a point (elsewhere "décimas" may be of a second).
    if kind == Kind::Count
        && up.unknown_head.as_deref() == Some("décima")
        && same_sentence_percent(ctx, start, prev)
    {
        kind = Kind::Percent;
        value = scale_interval(value, 0.1);
        up.unknown_head = None;
        up.head = LEXICON.unit("percentage point");
    }
    // "the 10-year Treasury note", "el bono a 10 años": a maturity names the bond.
    let maturity = kind == Kind::Duration
        && toks.get(fig_end).is_some_and(|n| {
            matches!(
                n.lower.as_str(),
                "treasury"
                    | "treasuries"
                    | "note"
                    | "notes"
                    | "bond"
                    | "bonds"
                    | "gilt"
                    | "gilts"
                    | "yield"
                    | "yields"
                    | "bund"
                    | "bunds"
            )
        });
    if maturity {
        return None;
    }
    let fig = finish(ctx, start, fig_end, value, kind, currency, up, prev);
    Some((fig, fig_end))
}

#[allow(clippy::too_many_arguments)]
fn finish(
    ctx: &Ctx,
    start: usize,
    end: usize,
    value: Interval,
    kind: Kind,
    currency: Option<String>,
    up: UnitPhrase,
    prev: &[(Figure, usize)],
) -> Figure {
    let toks = ctx.toks;
    let span = [toks[start].start, toks[end - 1].end];
    let unit = if up.end > up.start {
        ctx.text[toks[up.start].start..toks[up.end - 1].end].to_lowercase()
    } else {
        String::new()
    };
    let mut modifiers: Vec<String> = Vec::new();
    let mut nationality = false;
    for (key, group) in &up.modifiers {
        nationality |= group == "nationality";
        if !modifiers.contains(key) {
            modifiers.push(key.clone());
        }
    }
    let mut unit_key = match (&up.head, &up.unknown_head) {
        (Some(u), _) => u.key.clone(),
        (None, Some(w)) => w.clone(),
        _ => String::new(),
    };
    if kind == Kind::Money && up.head.is_none_or(|u| u.kind != UnitKind::Money) {
        unit_key = money_key(currency.as_deref());
    }
    // An elided noun: the subject of a verb of change ("the staff grew from 49 to
    // 86"), else the noun of the figure before.
    // "de magnitud 6,3", "a magnitude 7.1 quake": the measure is named first.
    let measure_before = start
        .checked_sub(1)
        .is_some_and(|k| matches!(toks[k].lower.as_str(), "magnitude" | "magnitud"));
    // "the magnitude 5.9 quake" measures the quake in magnitude.
    if kind == Kind::Count && measure_before {
        unit_key = "magnitude".to_string();
    } else if kind == Kind::Count && !up.has_head() {
        // The numbers of a score ("a 3-1 series lead") borrow no noun from before.
        let score = in_dash_pair(toks, start) || in_dash_pair(toks, start.saturating_sub(2));
        // "subió en 49.558 personas en septiembre, hasta 3,77 millones": a count
        // with its noun stated just before lends it before the verb's subject does.
        // Dates between do not interrupt ("personas en septiembre, hasta").
        let stated = prev
            .iter()
            .rev()
            .find(|(f, _)| !matches!(f.kind, Kind::Date | Kind::Year))
            .filter(|(f, e)| {
                f.kind == Kind::Count
                    && !f.unit.is_empty()
                    && !f.unit_key.is_empty()
                    && start.saturating_sub(*e) <= 8
                    && ctx.tok_sentence[*e - 1] == ctx.tok_sentence[start]
            });
        if let Some((f, _)) = stated.filter(|_| !score) {
            unit_key = f.unit_key.clone();
        } else if !score {
            unit_key = subject_unit(ctx, start);
        }
        // "for a population of 400,000", "la población ... hasta los 3 millones".
        // "the wild tiger population has risen to 355": a population of a kind.
        if !score && population_before(ctx, start) {
            unit_key = population_kind(ctx, start).unwrap_or_else(|| "person".to_string());
        }
        if unit_key.is_empty() && !score {
            unit_key = inherited_unit(ctx, start, prev);
        }
        if unit_key.is_empty() && tally(ctx, start) {
            unit_key = "vote".to_string();
        }
        if unit_key.is_empty() && !score && people_unsaid(toks, start, end) {
            unit_key = "person".to_string();
        }
    }
    // A percentage is a share of whatever follows it; its unit is the percent.
    if kind == Kind::Percent && unit_key != "percentage point" {
        unit_key = "percent".to_string();
    }
    if kind == Kind::Count
        && !nationality
        && let Some(n) = institution_nationality(ctx, start, prev)
    {
        modifiers.push(n);
    }
    Figure {
        text: ctx.text[span[0]..span[1]].to_string(),
        value,
        kind,
        unit,
        unit_key,
        modifiers,
        currency,
        span,
        sentence: ctx.sentence_text(start),
        attribution: attribution(ctx, start),
    }
}
