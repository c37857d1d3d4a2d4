//! "Sentence-like": four or more words that are not numbers ([`sentence_like`]).

/// Lower case without accents, so "veintitrés" and "veintitres" read the same.
pub(crate) fn fold(w: &str) -> String {
    w.to_lowercase()
        .chars()
        .map(|c| match c {
            'á' => 'a',
            'é' => 'e',
            'í' => 'i',
            'ó' => 'o',
            'ú' | 'ü' => 'u',
            c => c,
        })
        .collect()
}

/// Number words of both languages: cardinals, scales, fractions and ordinals.
pub(crate) fn number_word(w: &str) -> bool {
    const EN: &str = "zero nought naught one two three four five six seven eight nine ten eleven \
        twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty \
        thirty forty fifty sixty seventy eighty ninety hundred thousand million billion \
        trillion lakh crore dozen dozens half halves quarter first second third fourth \
        fifth sixth seventh eighth ninth nineth tenth twelfth twentieth thirtieth \
        fortieth fiftieth sixtieth seventieth eightieth ninetieth hundredth thousandth \
        millionth billionth trillionth";
    const ES: &str = "cero un uno una dos tres cuatro cinco seis siete ocho nueve diez once doce trece \
        catorce quince veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa \
        cien ciento quinientos quinientas mil millon millones billon billones docena \
        medio media mitad tercio cuarto quinto sexto septimo octavo noveno decimo primer \
        primero primera segundo segunda tercer tercero tercera";
    let w = fold(w);
    let base = w.strip_suffix('s').unwrap_or(&w);
    let listed = |l: &str| l.split_whitespace().any(|x| x == w || x == base);
    let nth = |s: &str| {
        // "twenty-fifths", "eleventh", "sixteenth"
        s.strip_suffix("th").is_some_and(|stem| {
            let e = format!("{stem}e");
            EN.split_whitespace().any(|x| x == stem || x == e)
        })
    };
    listed(EN)
        || listed(ES)
        || nth(base)
        || ["veinti", "dieci", "treintai"]
            .iter()
            .any(|p| w.starts_with(p))
        || ["cientos", "cientas", "avo", "avos", "ava", "avas"]
            .iter()
            .any(|s| w.ends_with(s))
        || w.contains("esim")
}

/// Four or more words that are not numbers. A word has a letter; a numeral ("1,234",
/// "10k") is a number; "and", "y", "con", "coma", "point" between two numbers join
/// them ("one hundred and six") and do not count.
pub(crate) fn sentence_like(input: &str) -> bool {
    let toks: Vec<String> = input
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|t| !t.is_empty())
        .collect();
    let is_num = |t: &str| {
        t.chars().any(|c| c.is_ascii_digit())
            || t.split('-').all(|p| !p.is_empty() && number_word(p))
    };
    const JOINERS: &[&str] = &[
        "and", "y", "e", "con", "coma", "point", "punto", "over", "sobre",
    ];
    let mut words = 0;
    for (i, t) in toks.iter().enumerate() {
        if is_num(t) || !t.chars().any(char::is_alphabetic) {
            continue;
        }
        let joins = JOINERS.contains(&fold(t).as_str())
            && i > 0
            && is_num(&toks[i - 1])
            && toks.get(i + 1).is_some_and(|n| is_num(n));
        if !joins {
            words += 1;
        }
    }
    words >= 4
}
