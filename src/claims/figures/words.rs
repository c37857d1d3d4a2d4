//! The figure reader's word lists, from `figures.toml` beside `units.toml`.
//!
//! Entry point: [`WORDS`], one table per stage; [`has`] asks whether a token is in
//! a list. A malformed file is a build-time bug caught by the tests; at run time it
//! degrades to empty lists rather than panicking, as `units.toml` does.
//!
//! ```text
//! has(&WORDS.traps.id_nouns, "flight") → true: "flight 17" names a flight
//! ```

use std::sync::LazyLock;

use serde::Deserialize;

/// The lists, parsed on first use.
pub(super) static WORDS: LazyLock<Words> =
    LazyLock::new(|| toml::from_str(include_str!("../figures.toml")).unwrap_or_default());

/// Is `w` one of `list`?
pub(super) fn has(list: &[String], w: &str) -> bool {
    list.iter().any(|x| x == w)
}

/// `figures.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Words {
    /// Number cores (`number.rs`).
    pub(super) number: NumberWords,
    /// Ordinal words (`ordinal.rs`).
    pub(super) ordinal: OrdinalWords,
    /// Traps: digits that name rather than count (`traps.rs`).
    pub(super) traps: TrapsWords,
    /// Unit phrases (`unit_phrase.rs`).
    pub(super) unit_phrase: UnitPhraseWords,
    /// Currency (`currency.rs`).
    pub(super) currency: CurrencyWords,
    /// Kinds (`kind.rs`).
    pub(super) kind: KindWords,
    /// Rejects (`reject.rs`).
    pub(super) reject: RejectWords,
    /// Elided nouns (`elided.rs`).
    pub(super) elided: ElidedWords,
    /// Days (`days.rs`).
    pub(super) days: DaysWords,
    /// Page furniture (`furniture.rs`).
    pub(super) furniture: FurnitureWords,
}

/// `[number]`: see the comments in `figures.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct NumberWords {
    /// Nouns that number an event in sequence: "minuto 89" is the 89th minute.
    pub(super) ordinal_nouns: Vec<String>,
    /// Phrases where an ordinal word is part of a title or idiom, not a figure.
    pub(super) ordinal_idioms: Vec<String>,
    /// Words two after "a year" that date a comparison, so it is no span of time: "9% more
    /// than a year earlier".
    pub(super) dated_after: Vec<String>,
    /// Adjectives of size after a glued "m", which make it a metre: "1.8m tall".
    pub(super) measure_adjectives: Vec<String>,
    /// English superlatives after an ordinal, a rank among them: "the second biggest".
    pub(super) superlatives: Vec<String>,
}

/// `[ordinal]`: see the comments in `figures.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct OrdinalWords {
    /// English ordinal words and their numbers ("fifth" is 5, "trillionth" 10^12).
    pub(super) en: Vec<(String, f64)>,
    /// Spanish ordinal stems without accents and their numbers ("vigesim" is 20).
    pub(super) es: Vec<(String, f64)>,
}

/// `[traps]`: see the comments in `figures.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TrapsWords {
    /// Words before a number that make it an identifier ("article 5", "flight 17").
    pub(super) id_nouns: Vec<String>,
    /// Words that make a distance the name of a race ("100m hurdles", "200 metros libres").
    pub(super) race_events: Vec<String>,
    /// Verbs that report a match result: the team they name is followed by a score.
    pub(super) result_verbs: Vec<String>,
    /// Words that announce a phone number.
    pub(super) phone_cues: Vec<String>,
    /// Capitalised words after a number that name no model: currency codes and time zones
    /// ("the 737 MAX" is a model, "45 USD" is not).
    pub(super) codes_after_number: Vec<String>,
    /// Abbreviated identifier nouns before a dot: "No. 22", "art. 5".
    pub(super) id_abbreviations: Vec<String>,
    /// Words after a number that make it a time of day: "2 p.m.", "5 o'clock".
    pub(super) time_words: Vec<String>,
    /// Words that make "de 9 a 18" a timetable, not a range: "atención de 9 a 18 horas de
    /// lunes a viernes".
    pub(super) timetable_words: Vec<String>,
    /// Street nouns: a number beside one is part of an address ("5th Street", "10
    /// Downing Street", "calle Alcalá, 42").
    pub(super) street_nouns: Vec<String>,
}

/// `[unit_phrase]`: see the comments in `figures.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct UnitPhraseWords {
    /// Determiners between "of"/"de" and the counted noun: "thousands of the people".
    pub(super) determiners: Vec<String>,
    /// Prepositions that end a unit phrase ("11% over three seasons").
    pub(super) stops: Vec<String>,
    /// English irregular participles, read as verbs rather than counted nouns: "out of 2.1
    /// million cast", "1,200 sold".
    pub(super) irregular_participles: Vec<String>,
    /// Spanish verb endings, read as verbs rather than counted nouns: "40 resultaron
    /// heridas".
    pub(super) verb_endings_es: Vec<String>,
    /// Titles before a name, which end a unit phrase: "the first Mr. Trump has faced".
    pub(super) honorifics: Vec<String>,
    /// Pronouns after "de"/"of" that point back to the noun before: "siete de ellas", "two
    /// of them".
    pub(super) pronouns: Vec<String>,
    /// Unit surfaces that are plural without an -s (so a 4-digit number before them counts,
    /// not dates): "2000 people".
    pub(super) plural_nouns: Vec<String>,
    /// Spanish adjectives that come before the counted noun: "14 presuntos
    /// integrantes".
    pub(super) prenominal_es: Vec<String>,
    /// Unit keys an ordinal orders even before another noun: "the third quarter
    /// profit" orders quarters (but "his 12th home win" orders wins).
    pub(super) ordered_first: Vec<String>,
}

/// `[currency]`: see the comments in `figures.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CurrencyWords {
    /// Verbs of spending or earning: a scaled number after one is an amount of money.
    pub(super) money_verbs: Vec<String>,
    /// Nouns for an amount of money: "un plan de 3.000 millones", "a package of 2 billion".
    pub(super) money_nouns: Vec<String>,
}

/// `[kind]`: see the comments in `figures.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct KindWords {
    /// Words after "points" that compare two levels ("four points lower", "cuatro puntos
    /// menos").
    pub(super) comparatives: Vec<String>,
    /// Words that make points an index's own ("el Ibex subió 200 puntos, un 2 %").
    pub(super) index_words: Vec<String>,
    /// Nouns for a gap between two levels ("una diferencia de 4,8 puntos").
    pub(super) gap_nouns: Vec<String>,
}

/// `[reject]`: see the comments in `figures.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RejectWords {
    /// Verbs of dialling before an alternative number: "Call 999 in an emergency or 101 for
    /// ...".
    pub(super) dial_verbs: Vec<String>,
    /// Words before a bare number that name a service, which counts nothing: "según el
    /// 112", "call 911".
    pub(super) service_verbs: Vec<String>,
    /// Nouns after a span of time that make it a maturity naming the bond: "the 10-year
    /// Treasury note".
    pub(super) maturity_nouns: Vec<String>,
}

/// `[elided]`: see the comments in `figures.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ElidedWords {
    /// Verbs only people do, right after a bare count that is their subject ("3.7 million
    /// march across France", "200,000 fled").
    pub(super) people_verbs: Vec<String>,
    /// Places sized by a bare number, sized in people: "a city of 600,000".
    pub(super) place_nouns: Vec<String>,
    /// Verbs that leave people without something, so a bare number after them counts
    /// people: "left 8.5 million without power".
    pub(super) leaving_verbs: Vec<String>,
    /// What people are left without, after those verbs: "dejó a 2 millones sin luz".
    pub(super) left_without: Vec<String>,
    /// Words that make a sentence's dash pair a vote tally: "passed the bill 68-31".
    pub(super) vote_words: Vec<String>,
    /// Words shortly before bare numbers that make them votes: "the vote was 9 to 4".
    pub(super) vote_cues: Vec<String>,
    /// Phrases after a bare number that name what it counts: "eleva a 151 el número
    /// de personas atendidas".
    pub(super) number_of: Vec<String>,
}

/// `[days]`: see the comments in `figures.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DaysWords {
    /// Street nouns before a date that names the street: "la calle 5 de Mayo".
    pub(super) street_nouns: Vec<String>,
}

/// `[furniture]`: see the comments in `figures.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FurnitureWords {
    /// Openers of a furniture line when a time, a colon or a preposition follows: "Updated
    /// 14:32 GMT", "Actualizado el 23/09" ("Updated figures show" is news).
    pub(super) openers: Vec<String>,
    /// Words of a counter field: "1,204 shares", "5 min read", "Comentarios (37)".
    pub(super) counter_words: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_toml_parses_with_every_list_filled() {
        let w: Words = toml::from_str(include_str!("../figures.toml")).expect("figures.toml");
        let lists = [
            ("number.ordinal_nouns", &w.number.ordinal_nouns),
            ("number.ordinal_idioms", &w.number.ordinal_idioms),
            ("number.dated_after", &w.number.dated_after),
            ("number.measure_adjectives", &w.number.measure_adjectives),
            ("traps.id_nouns", &w.traps.id_nouns),
            ("traps.race_events", &w.traps.race_events),
            ("traps.result_verbs", &w.traps.result_verbs),
            ("traps.phone_cues", &w.traps.phone_cues),
            ("traps.codes_after_number", &w.traps.codes_after_number),
            ("traps.id_abbreviations", &w.traps.id_abbreviations),
            ("traps.time_words", &w.traps.time_words),
            ("traps.timetable_words", &w.traps.timetable_words),
            ("unit_phrase.determiners", &w.unit_phrase.determiners),
            ("unit_phrase.stops", &w.unit_phrase.stops),
            (
                "unit_phrase.irregular_participles",
                &w.unit_phrase.irregular_participles,
            ),
            (
                "unit_phrase.verb_endings_es",
                &w.unit_phrase.verb_endings_es,
            ),
            ("unit_phrase.pronouns", &w.unit_phrase.pronouns),
            ("unit_phrase.honorifics", &w.unit_phrase.honorifics),
            ("unit_phrase.plural_nouns", &w.unit_phrase.plural_nouns),
            ("currency.money_verbs", &w.currency.money_verbs),
            ("currency.money_nouns", &w.currency.money_nouns),
            ("kind.comparatives", &w.kind.comparatives),
            ("kind.index_words", &w.kind.index_words),
            ("reject.dial_verbs", &w.reject.dial_verbs),
            ("reject.service_verbs", &w.reject.service_verbs),
            ("reject.maturity_nouns", &w.reject.maturity_nouns),
            ("elided.people_verbs", &w.elided.people_verbs),
            ("elided.place_nouns", &w.elided.place_nouns),
            ("elided.leaving_verbs", &w.elided.leaving_verbs),
            ("elided.left_without", &w.elided.left_without),
            ("elided.vote_words", &w.elided.vote_words),
            ("elided.vote_cues", &w.elided.vote_cues),
            ("days.street_nouns", &w.days.street_nouns),
            ("furniture.openers", &w.furniture.openers),
            ("furniture.counter_words", &w.furniture.counter_words),
        ];
        assert!(w.ordinal.en.len() > 30 && w.ordinal.es.len() > 30);
        for (name, list) in lists {
            assert!(!list.is_empty(), "{name} is empty");
            assert!(
                list.iter().all(|x| *x == x.to_lowercase()),
                "{name} has upper case"
            );
        }
    }
}
