//! The unit and modifier lexicon (`units.toml`), and lookups over tokens.

use std::sync::LazyLock;

use serde::Deserialize;

use super::tokens::{Tok, TokKind};
use super::types::Figure;
use super::word_hash::{WordMap, WordSet};

/// What a unit noun makes of the figure it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub(crate) enum UnitKind {
    /// People or things (default).
    #[default]
    Count,
    /// A span of time (see `days`).
    Duration,
    /// A percentage ("per cent").
    Percent,
    /// A currency (see `currency`).
    Money,
}

/// One `[[unit]]` entry.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Unit {
    /// Language-neutral key.
    pub key: String,
    forms: Vec<String>,
    #[serde(default)]
    families: Vec<String>,
    /// What the noun makes of its figure.
    #[serde(default)]
    pub kind: UnitKind,
    /// Days per unit, for durations.
    #[serde(default)]
    pub days: f64,
    /// ISO 4217 code, for money.
    #[serde(default)]
    pub currency: Option<String>,
    /// A unit of measure, whose figures may have decimals.
    #[serde(default)]
    pub measure: bool,
    /// Money: letter codes written before or after a number ("usd").
    #[serde(default)]
    pub codes: Vec<String>,
    /// Money: signs written before or after a number ("$", "c$", "€").
    #[serde(default)]
    pub symbols: Vec<String>,
    /// Money: places whose copy writes a sign it shares for this currency.
    #[serde(default)]
    places: Vec<String>,
    /// A sub-unit's share of its currency's main unit (a cent is 0.01); 0 otherwise.
    #[serde(default)]
    pub subunit: f64,
    /// A measure: the larger unit it is written after ("5 feet 2 inches": foot).
    #[serde(default)]
    pub whole: Option<String>,
    /// A measure: how many of it make its `whole` (12 inches to the foot).
    #[serde(default)]
    pub parts: f64,
    /// A unit compared in another: that unit's key ("basis point": "percentage
    /// point") and how many of it one of this makes (`factor`, 0.01).
    #[serde(default)]
    pub compared_as: Option<String>,
    #[serde(default)]
    pub factor: f64,
}

impl Unit {
    /// Is it a unit of temperature ("degree", "fahrenheit")?
    pub fn is_temperature(&self) -> bool {
        self.families.iter().any(|f| f == "temperature")
    }
}

/// One `[[modifier]]` entry.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Modifier {
    /// Language-neutral key.
    pub key: String,
    /// "nationality", "status" or "other".
    pub group: String,
    forms: Vec<String>,
}

#[derive(Deserialize)]
struct File {
    institutions: Vec<String>,
    #[serde(default)]
    anyone: Vec<String>,
    #[serde(default)]
    people_families: Vec<String>,
    unit: Vec<Unit>,
    modifier: Vec<Modifier>,
}

/// The parsed lexicon with form indexes.
pub(crate) struct Lexicon {
    units: Vec<Unit>,
    modifiers: Vec<Modifier>,
    /// Surface form (words joined by one space) → unit index.
    unit_forms: WordMap<String, usize>,
    /// Surface form → modifier index.
    modifier_forms: WordMap<String, usize>,
    institutions: WordMap<String, ()>,
    /// Keys naming any person ("person"), and the families that count people.
    anyone: Vec<String>,
    people_families: Vec<String>,
    /// Money code (lower case) → unit index.
    codes: WordMap<String, usize>,
    /// Money sign (lower case) → the units that write it, first the default.
    symbols: WordMap<String, Vec<usize>>,
    /// Place (words joined by one space) → money unit index.
    places: WordMap<String, usize>,
    /// Key → unit index.
    keys: WordMap<String, usize>,
    /// Longest form, in words.
    max_words: usize,
    /// Every leading part of every unit and modifier form ("km", "km/", "km/h"): a
    /// phrase that is none can grow into no form, so a lookup stops there.
    form_prefixes: WordSet<String>,
}

/// The lexicon, parsed on first use. A malformed file is a build-time bug caught by
/// the tests; at run time it degrades to an empty lexicon rather than panicking.
pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let file: File = toml::from_str(include_str!("units.toml")).unwrap_or(File {
        institutions: Vec::new(),
        anyone: Vec::new(),
        people_families: Vec::new(),
        unit: Vec::new(),
        modifier: Vec::new(),
    });
    Lexicon::new(file)
});

/// A lexicon entry matched at a token position.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Match<'a, T> {
    /// The entry.
    pub entry: &'a T,
    /// Token index one past the match.
    pub end: usize,
}

impl Lexicon {
    fn new(file: File) -> Lexicon {
        let mut max_words = 1;
        let mut index = |forms: &[String], i: usize, map: &mut WordMap<String, usize>| {
            for f in forms {
                let key = normalise_form(f);
                max_words = max_words.max(key.split(' ').count());
                map.entry(key).or_insert(i);
            }
        };
        let mut unit_forms = WordMap::default();
        let mut places = WordMap::default();
        for (i, u) in file.unit.iter().enumerate() {
            index(&u.forms, i, &mut unit_forms);
            index(&u.places, i, &mut places);
            // "a 40-square-mile blaze": a measure of two words hyphenated before a noun.
            if u.measure {
                let hyphenated: Vec<String> = u
                    .forms
                    .iter()
                    .filter(|f| f.contains(' '))
                    .map(|f| f.replace(' ', "-"))
                    .collect();
                index(&hyphenated, i, &mut unit_forms);
            }
        }
        // A code or a sign in letters ("USD", "元") is a unit noun too: "20 usd".
        let mut codes = WordMap::default();
        let mut symbols: WordMap<String, Vec<usize>> = WordMap::default();
        for (i, u) in file.unit.iter().enumerate() {
            index(&u.codes, i, &mut codes);
            for s in &u.symbols {
                symbols.entry(s.to_lowercase()).or_default().push(i);
            }
            let lettered: Vec<String> = (u.codes.iter().chain(&u.symbols))
                .filter(|s| s.chars().all(super::tokens::is_letter))
                .cloned()
                .collect();
            index(&lettered, i, &mut unit_forms);
        }
        let mut modifier_forms = WordMap::default();
        for (i, m) in file.modifier.iter().enumerate() {
            index(&m.forms, i, &mut modifier_forms);
        }
        let institutions = file
            .institutions
            .iter()
            .map(|f| (normalise_form(f), ()))
            .collect();
        let keys = file
            .unit
            .iter()
            .enumerate()
            .rev()
            .map(|(i, u)| (u.key.clone(), i))
            .collect();
        let form_prefixes = unit_forms
            .keys()
            .chain(modifier_forms.keys())
            .flat_map(|f: &String| {
                f.char_indices()
                    .skip(1)
                    .map(|(b, _)| f[..b].to_string())
                    .chain([f.clone()])
            })
            .collect();
        Lexicon {
            form_prefixes,
            keys,
            anyone: file.anyone,
            people_families: file.people_families,
            units: file.unit,
            modifiers: file.modifier,
            unit_forms,
            modifier_forms,
            institutions,
            codes,
            symbols,
            places,
            max_words,
        }
    }

    /// The longest unit form starting at token `i`.
    pub fn unit_at(&self, toks: &[Tok], i: usize) -> Option<Match<'_, Unit>> {
        let (idx, end) = self.longest(&self.unit_forms, toks, i)?;
        Some(Match {
            entry: &self.units[idx],
            end,
        })
    }

    /// The longest modifier form starting at token `i`.
    pub fn modifier_at(&self, toks: &[Tok], i: usize) -> Option<Match<'_, Modifier>> {
        let (idx, end) = self.longest(&self.modifier_forms, toks, i)?;
        Some(Match {
            entry: &self.modifiers[idx],
            end,
        })
    }

    /// The longest institution noun starting at token `i`: its end.
    pub fn institution_at(&self, toks: &[Tok], i: usize) -> Option<usize> {
        (1..=2).rev().find_map(|n| {
            let phrase = phrase(toks, i, n)?;
            self.institutions.contains_key(&phrase).then_some(i + n)
        })
    }

    /// The unit with key `key`.
    pub fn unit(&self, key: &str) -> Option<&Unit> {
        self.keys.get(key).map(|&i| &self.units[i])
    }

    /// Longest form of `map` starting at `i`: (entry index, end token).
    fn longest(
        &self,
        map: &WordMap<String, usize>,
        toks: &[Tok],
        i: usize,
    ) -> Option<(usize, usize)> {
        // The phrase grows a token at a time (as `phrase` writes it), so one string
        // serves every length; the longest form found wins.
        let mut out = String::new();
        let mut best = None;
        for n in 1..=self.max_words {
            let Some(slice) = toks.get(i..i + n) else {
                break;
            };
            let k = n - 1;
            let t = &slice[k];
            let glued = k > 0 && t.start == slice[k - 1].end;
            if k > 0 && !glued {
                out.push(' ');
            }
            out.push_str(&t.lower);
            if !self.form_prefixes.contains(out.as_str()) {
                break;
            }
            if phrase_token_ok(slice, k, true)
                && let Some(&idx) = map.get(out.as_str())
            {
                best = Some((idx, i + n));
            }
            if !phrase_token_ok(slice, k, false) {
                break;
            }
        }
        best
    }

    /// The key of the currency unit with ISO code `code` ("USD" → "dollar"), not a
    /// sub-unit's.
    pub fn money_key(&self, code: &str) -> Option<&str> {
        self.units
            .iter()
            .find(|u| {
                u.kind == UnitKind::Money && u.subunit == 0.0 && u.currency.as_deref() == Some(code)
            })
            .map(|u| u.key.as_str())
    }

    /// The currency whose code is `code`, in any case ("usd", "RMB").
    pub fn money_code(&self, code: &str) -> Option<&Unit> {
        self.codes
            .get(&code.to_lowercase())
            .map(|&i| &self.units[i])
    }

    /// The currencies that write the sign `sign` ("$", "c$", "€"), the default first.
    pub fn money_symbol(&self, sign: &str) -> Vec<&Unit> {
        self.symbols
            .get(&sign.to_lowercase())
            .map(|v| v.iter().map(|&i| &self.units[i]).collect())
            .unwrap_or_default()
    }

    /// The currency of the longest place named at token `i` ("Buenos Aires" → peso).
    /// A possessive names the place too ("China's").
    pub fn place_at(&self, toks: &[Tok], i: usize) -> Option<Match<'_, Unit>> {
        let (idx, end) = (1..=self.max_words).rev().find_map(|n| {
            let p = phrase(toks, i, n)?;
            let bare = p.strip_suffix("'s").or_else(|| p.strip_suffix("’s"));
            let idx = self.places.get(&p).or_else(|| self.places.get(bare?))?;
            Some((*idx, i + n))
        })?;
        Some(Match {
            entry: &self.units[idx],
            end,
        })
    }

    /// Do two unit keys name the same count (same key or a shared family)?
    pub fn related(&self, a: &str, b: &str) -> bool {
        if a == b {
            return true;
        }
        let (Some(ua), Some(ub)) = (self.unit(a), self.unit(b)) else {
            return false;
        };
        ua.families.iter().any(|f| ub.families.contains(f))
    }

    /// Is one key a broader name for what the other counts? A compound's head ("wind
    /// turbine" is a turbine, "member state" a state, "health centre" a centre), or a
    /// key for anyone ("person") against a count of people in some role ("worker",
    /// "death"). Weaker than [`Lexicon::related`]: two roles are not related by it.
    pub fn broader(&self, a: &str, b: &str) -> bool {
        let head = |x: &str, y: &str| x.rsplit_once(' ').is_some_and(|(_, h)| h == y);
        let people = |k: &str| self.people_in_role(k);
        let anyone = |k: &str| self.anyone.iter().any(|x| x == k);
        head(a, b) || head(b, a) || (anyone(a) && people(b)) || (anyone(b) && people(a))
    }

    /// Does the key count people in some role ("worker", "death")?
    fn people_in_role(&self, k: &str) -> bool {
        self.unit(k).is_some_and(|u| {
            u.families
                .iter()
                .any(|f| f == "people" || self.people_families.contains(f))
        })
    }

    /// Does the key count people, in a role or anyone ("person")?
    pub fn counts_people(&self, k: &str) -> bool {
        self.anyone.iter().any(|x| x == k) || self.people_in_role(k)
    }
}

/// Lower case, single spaces, and the dotted acronyms' own spelling kept.
fn normalise_form(f: &str) -> String {
    f.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// `n` consecutive tokens from `i` joined as a lexicon form, if they are words (or
/// a hyphen inside a word pair, "high-ranking") with nothing else between them. The
/// signs of units of measure are part of a form too: a degree sign opening it ("°C",
/// "85 °"), a slash inside it ("km/h"), and a power glued at its end ("km2", "m²").
/// May token `k` of `slice` stand in a phrase, as its last token or before another?
fn phrase_token_ok(slice: &[Tok], k: usize, last: bool) -> bool {
    let t = &slice[k];
    let glued = k > 0 && (t.start == slice[k - 1].end);
    let power = glued && last && slice[k - 1].kind == TokKind::Word;
    if t.kind == TokKind::Num && !(power && matches!(t.lower.as_str(), "2" | "3")) {
        return false;
    }
    let sign = match t.lower.as_str() {
        "-" => k > 0 && !last,
        "/" => k > 0 && !last && glued,
        "°" | "º" => k == 0,
        "²" | "³" => power,
        _ => false,
    };
    t.kind != TokKind::Punct || sign
}

fn phrase(toks: &[Tok], i: usize, n: usize) -> Option<String> {
    let slice = toks.get(i..i + n)?;
    let mut out = String::new();
    for (k, t) in slice.iter().enumerate() {
        let glued = k > 0 && (t.start == slice[k - 1].end);
        if !phrase_token_ok(slice, k, k + 1 == n) {
            return None;
        }
        if k > 0 && !glued {
            out.push(' ');
        }
        out.push_str(&t.lower);
    }
    Some(out)
}

/// A crude English/Spanish singular of an unknown head noun ("widgets" → "widget",
/// "ciudades" → "ciudad").
pub(crate) fn crude_singular(word: &str, lang: &str) -> String {
    let singular = singular_form(word, lang);
    // A Spanish "-ción" noun the lexicon lacks has an English "-tion" cognate
    // ("intervenciones" intervention, "posición" position): keys are English.
    if lang == "es" {
        for ending in ["ción", "cion"] {
            if let Some(stem) = singular.strip_suffix(ending).filter(|s| s.len() > 2) {
                return format!("{stem}tion");
            }
        }
    }
    singular
}

fn singular_form(word: &str, lang: &str) -> String {
    let w = word.to_lowercase();
    if let Some(stem) = w
        .strip_suffix("ies")
        .filter(|s| s.len() > 1 && lang != "es")
    {
        return format!("{stem}y");
    }
    for suffix in ["ches", "shes", "xes", "sses", "zes"] {
        if w.ends_with(suffix) && lang != "es" {
            return w[..w.len() - 2].to_string();
        }
    }
    if lang == "es"
        && let Some(stem) = w.strip_suffix("es")
        && stem.chars().last().is_some_and(|c| "dlnrzj".contains(c))
    {
        return stem.to_string();
    }
    match w.strip_suffix('s') {
        Some(stem) if !stem.ends_with('s') && stem.chars().count() > 2 => stem.to_string(),
        _ => w,
    }
}

/// `f` in the unit it is compared in (`compared_as` in `units.toml`), when that is
/// another: "25 basis points" is 0.25 percentage point, so it agrees with "a quarter
/// of a percentage point". Its text stays as written. `None` for every other unit.
/// An amount in a sub-unit ("25 cents") is compared in its currency's main unit
/// (0.25 dollar).
#[cfg(test)]
pub(crate) fn in_compared_unit(f: &Figure) -> Option<Figure> {
    let (to, factor) = compared_as(f)?;
    let mut f = f.clone();
    f.value = f.value.scaled(factor);
    f.unit_key = to;
    Some(f)
}

/// The unit key `f` is compared in and how many of it one of `f`'s unit makes, when
/// that is another unit: what [`in_compared_unit`] converts to, without converting.
pub(crate) fn compared_as(f: &Figure) -> Option<(String, f64)> {
    let u = LEXICON.unit(&f.unit_key)?;
    let sub = (u.subunit > 0.0).then(|| {
        let code = f.currency.as_deref().or(u.currency.as_deref())?;
        Some((LEXICON.money_key(code)?.to_string(), u.subunit))
    });
    match sub.flatten() {
        Some(main) => Some(main),
        None => Some((u.compared_as.clone().filter(|_| u.factor > 0.0)?, u.factor)),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn basis_points_are_compared_as_percentage_points() {
        let figs = crate::claims::analyze(&crate::extract::Article {
            paragraphs: vec!["The bank raised rates by 25 basis points to 4.5%.".into()],
            lang: Some("en".into()),
            ..crate::extract::Article::default()
        })
        .figures;
        let bp = figs.iter().find(|f| f.text.contains("25")).expect("25 bp");
        let f = in_compared_unit(bp).expect("converted");
        assert_eq!(
            (f.value.lo, f.unit_key.as_str()),
            (Some(0.25), "percentage point")
        );
        assert_eq!(f.text, bp.text);
        // Other units are left as they are.
        let pct = figs.iter().find(|f| f.text.contains("4.5")).expect("4.5%");
        assert!(in_compared_unit(pct).is_none());
    }

    #[test]
    fn keys_find_the_first_entry() {
        let first = LEXICON.units.iter().position(|u| u.key == "person");
        let found = LEXICON.unit("person").map(|u| u as *const Unit);
        assert_eq!(found, first.map(|i| &LEXICON.units[i] as *const Unit));
    }

    #[test]
    fn lexicon_parses_with_enough_keys() {
        let file: File = toml::from_str(include_str!("units.toml")).expect("units.toml");
        let keys: std::collections::HashSet<_> = file.unit.iter().map(|u| &u.key).collect();
        assert!(keys.len() >= 40, "{} unit keys", keys.len());
        assert_eq!(keys.len(), file.unit.len(), "duplicate unit keys");
    }

    #[test]
    fn unit_forms_are_unique() {
        let file: File = toml::from_str(include_str!("units.toml")).expect("units.toml");
        let mut seen: HashMap<String, &str> = HashMap::new();
        for u in &file.unit {
            assert!(!u.forms.is_empty(), "{}: no forms", u.key);
            for f in &u.forms {
                let form = normalise_form(f);
                if let Some(other) = seen.insert(form.clone(), &u.key) {
                    panic!("form {form:?} in both {other:?} and {:?}", u.key);
                }
            }
        }
    }

    #[test]
    fn money_codes_signs_and_places() {
        // Each code and place names one currency; a shared sign lists its default first.
        let file: File = toml::from_str(include_str!("units.toml")).expect("units.toml");
        let mut seen: HashMap<String, &str> = HashMap::new();
        for u in &file.unit {
            for c in u.codes.iter().chain(&u.places) {
                let c = normalise_form(c);
                if let Some(other) = seen.insert(c.clone(), &u.key) {
                    panic!("code or place {c:?} in both {other:?} and {:?}", u.key);
                }
            }
            let money = !(u.codes.is_empty() && u.symbols.is_empty() && u.subunit == 0.0);
            assert!(!money || u.kind == UnitKind::Money, "{}: not money", u.key);
        }
        assert_eq!(
            LEXICON.money_code("USD").map(|u| u.key.as_str()),
            Some("dollar")
        );
        assert_eq!(
            LEXICON.money_code("rmb").map(|u| u.key.as_str()),
            Some("yuan")
        );
        // A code that is also a word is no code: "his pen", "a cop".
        assert!(LEXICON.money_code("pen").is_none() && LEXICON.money_code("cop").is_none());
        let dollar_signs: Vec<_> = LEXICON
            .money_symbol("$")
            .iter()
            .map(|u| u.key.as_str())
            .collect();
        assert_eq!(dollar_signs.first(), Some(&"dollar"));
        assert!(dollar_signs.contains(&"peso") && dollar_signs.contains(&"canadian dollar"));
        assert_eq!(
            LEXICON.money_symbol("C$")[0].currency.as_deref(),
            Some("CAD")
        );
        let toks = tokenize("Buenos Aires");
        assert_eq!(
            LEXICON.place_at(&toks, 0).map(|m| m.entry.key.as_str()),
            Some("peso")
        );
        // The unit of a code is its main unit, never a sub-unit of the same currency.
        assert_eq!(LEXICON.money_key("USD"), Some("dollar"));
        assert_eq!(unit_key("USD").as_deref(), Some("dollar"));
        assert_eq!(unit_key("元").as_deref(), Some("yuan"));
    }

    #[test]
    fn families_name_other_units() {
        // A family shared by one unit only relates nothing: a typo.
        let file: File = toml::from_str(include_str!("units.toml")).expect("units.toml");
        let mut count: HashMap<&str, usize> = HashMap::new();
        for u in &file.unit {
            for f in &u.families {
                *count.entry(f.as_str()).or_default() += 1;
            }
        }
        let lonely: Vec<_> = count
            .iter()
            .filter(|(_, n)| **n < 2)
            .map(|(f, _)| *f)
            .collect();
        assert!(lonely.is_empty(), "families with one unit: {lonely:?}");
    }

    fn unit_key(text: &str) -> Option<String> {
        let toks = tokenize(text);
        LEXICON.unit_at(&toks, 0).map(|m| m.entry.key.clone())
    }

    fn modifier_key(text: &str) -> Option<(String, usize)> {
        let toks = tokenize(text);
        LEXICON
            .modifier_at(&toks, 0)
            .map(|m| (m.entry.key.clone(), m.end))
    }

    #[test]
    fn bilingual_forms() {
        assert_eq!(unit_key("diplomáticos").as_deref(), Some("diplomat"));
        assert_eq!(unit_key("Diplomats").as_deref(), Some("diplomat"));
        assert_eq!(unit_key("agentes").as_deref(), Some("agent"));
        assert_eq!(unit_key("per cent").as_deref(), Some("percent"));
        assert_eq!(unit_key("muertos").as_deref(), Some("death"));
        assert_eq!(modifier_key("ya acreditados"), Some(("existing".into(), 2)));
        assert_eq!(modifier_key("U.S."), Some(("american".into(), 1)));
        assert_eq!(
            modifier_key("estadounidenses").map(|m| m.0).as_deref(),
            Some("american")
        );
        assert_eq!(
            modifier_key("high-ranking").map(|m| m.0).as_deref(),
            Some("senior")
        );
    }

    #[test]
    fn nouns_as_written() {
        // Each distinct English noun has its own key; Spanish takes the plain translation.
        for (form, key) in [
            ("cars", "car"),
            ("coches", "car"),
            ("vehicles", "vehicle"),
            ("camiones", "truck"),
            ("autobuses", "bus"),
            ("offences", "offence"),
            ("delitos", "crime"),
            ("asylum seekers", "asylum seeker"),
            ("solicitantes de asilo", "asylum seeker"),
            ("refugiados", "refugee"),
            ("hogares", "household"),
            ("familias", "family"),
            ("espectadores", "spectator"),
            ("viewers", "viewer"),
            ("habitantes", "inhabitant"),
            ("vecinos", "resident"),
            ("elementos", "member"),
            ("españoles", "spaniard"),
            ("Spaniards", "spaniard"),
            ("británicos", "briton"),
            ("estadounidenses", "american"),
            ("rusos", "russian"),
            ("muertos", "death"),
            ("desaparecidos", "missing"),
        ] {
            assert_eq!(unit_key(form).as_deref(), Some(key), "{form}");
        }
        // English singular nationality words are adjectives, not counted people.
        assert_eq!(unit_key("Russian"), None);
        assert_eq!(unit_key("Spanish"), None);
    }

    #[test]
    fn everyday_counted_nouns() {
        // Animals, goods, places, roles and events news counts, in both languages.
        for (form, key) in [
            ("pingüinos", "penguin"),
            ("penguins", "penguin"),
            ("tigres", "tiger"),
            ("jabalíes", "wild boar"),
            ("mascarillas", "mask"),
            ("balas", "bullet"),
            ("cartuchos", "cartridge"),
            ("mantas", "blanket"),
            ("playas", "beach"),
            ("comisarías", "police station"),
            ("fontaneros", "plumber"),
            ("nietos", "grandchild"),
            ("sargentos", "sergeant"),
            ("deportaciones", "deportation"),
            ("manifestaciones", "demonstration"),
            ("infartos", "heart attack"),
            ("aranceles", "tariff"),
            ("licitaciones", "tender"),
        ] {
            assert_eq!(unit_key(form).as_deref(), Some(key), "{form}");
        }
        // A compound whose first word is another unit keeps its own sense.
        assert_eq!(unit_key("day labourers").as_deref(), Some("day labourer"));
        assert_eq!(unit_key("heart attacks").as_deref(), Some("heart attack"));
        assert_eq!(unit_key("paradas de autobús").as_deref(), Some("bus stop"));
        // A compound that is just a kind of a known noun counts that noun.
        assert!(LEXICON.unit("food parcel").is_none());
        assert!(LEXICON.unit("asylum application").is_none());
        // Words that are also verbs, adjectives or brands are left out.
        for form in ["tsunami", "festival", "motor", "factor", "hindu", "passes"] {
            assert_eq!(unit_key(form), None, "{form}");
        }
    }

    #[test]
    fn related_units() {
        assert!(LEXICON.related("car", "vehicle"));
        assert!(LEXICON.related("household", "family"));
        assert!(LEXICON.related("asylum seeker", "refugee"));
        assert!(LEXICON.related("spectator", "viewer"));
        assert!(LEXICON.related("offence", "crime"));
        assert!(LEXICON.related("inhabitant", "resident"));
        assert!(LEXICON.related("murder", "homicide"));
        assert!(LEXICON.related("ship", "boat"));
        assert!(LEXICON.related("factory", "plant"));
        assert!(LEXICON.related("spaniard", "person"));
        assert!(!LEXICON.related("car", "household"));
        assert!(LEXICON.related("agent", "officer"));
        assert!(LEXICON.related("spy", "agent"));
        assert!(LEXICON.related("diplomat", "diplomat"));
        assert!(!LEXICON.related("diplomat", "officer"));
        assert!(!LEXICON.related("death", "injured"));
    }

    #[test]
    fn broader_units() {
        // A compound's head, either way round.
        assert!(LEXICON.broader("wind turbine", "turbine"));
        assert!(LEXICON.broader("state", "member state"));
        // Anyone against a role; two roles are not made kin by it.
        assert!(LEXICON.broader("person", "worker"));
        assert!(LEXICON.broader("death", "person"));
        assert!(!LEXICON.broader("worker", "soldier"));
        assert!(!LEXICON.broader("person", "truck"));
        assert!(!LEXICON.broader("turbine", "engine"));
    }

    #[test]
    fn crude_singulars() {
        assert_eq!(crude_singular("widgets", "en"), "widget");
        assert_eq!(crude_singular("Companies", "en"), "company");
        assert_eq!(crude_singular("boxes", "en"), "box");
        assert_eq!(crude_singular("ciudades", "es"), "ciudad");
        assert_eq!(crude_singular("press", "en"), "press");
    }
}
