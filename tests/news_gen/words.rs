//! The word lists the generators draw from (kept one table a few lines, unformatted).

/// Words and phrases that the figure, quote and framing rules look for.
pub const WORDS: &[&str] = &[
    "the", "officials", "said", "told", "according to", "votes", "vote", "people", "diplomats",
    "new", "million", "billion", "bn", "m", "k", "rose", "from", "to", "fell", "jumped", "a jump",
    "on top of", "in addition to", "join", "plus", "added", "adds", "percent", "per cent",
    "at least", "more than", "nearly", "about", "up to", "between", "and", "killed", "injured",
    "dozens of", "hundreds", "first", "second", "Monday", "March", "last May", "the score",
    "won", "lost", "passed", "budget", "beds", "hospital", "Mr.", "Dr.", "U.S.", "No.",
    "Sept.", "officers", "KGB", "terrorist", "regime", "slammed", "claimed", "allegedly",
    "half", "a third of", "one in", "out of", "total", "in total", "up from", "down", "its",
    "según", "dijo", "afirmó", "aseguró", "personas", "muertos", "millones", "mil", "de", "a",
    "pasó", "subió", "cayó", "más de", "al menos", "casi", "unos", "entre", "y", "por ciento",
    "el pasado mayo", "diplomáticos", "se sumarán a", "además de", "votos", "euros", "pesos",
    "la mitad", "de cada", "decenas de", "tercer", "minuto", "febrero", "hasta", "desde",
    "en un mes", "años", "years", "hours", "días", "el", "los", "las", "del", "en", "que",
];

/// Numbers in words and odd shapes.
pub const NUMBER_WORDS: &[&str] = &[
    "3rd", "25.º", "1st", "½", "two-thirds", "1/3", "-4", "+5", "007", "1e9", "1.2.3", "12,34,56",
    "3,5 millones", "2,5%", "10^6", "#1", "No. 1", "9-11", "24/7", "50-50", "3-0-1", "1-800-555",
    ".5", "5.", "1,", "-0", "0x1F", "XIV", "twenty-one", "veintiún", "dos mil", "a dozen",
    "one hundred and five", "cientos", "mil millones", "1 billón", "Oct. 15", "the 1990s",
    "los años 80", "2020-21", "2020/21", "FY2024", "Q3", "1.5 points", "cinco por ciento",
    "$1.2bn", "US$ 3", "USD 3", "3 USD", "MXN$500", "R$", "¥", "₹", "5 mil pesos",
    "2,5 millones de dólares", "15 de octubre", "396-9", "4-3", "51.2%", "1/2",
];

/// Characters and strings that break naive byte arithmetic, spacing or escaping.
pub const ODD: &[&str] = &[
    "\t", "\u{a0}", "\u{202f}", "  ", "\n", "\r\n", "\u{200b}", "\u{200d}", "\u{feff}",
    "\u{202e}", "\u{202d}", "\u{2066}", "\u{301}", "e\u{301}", "é", "ñ", "Á", "İ", "ẞ", "ß",
    "ﬁ", "Σ", "🙂", "👩\u{200d}👩\u{200d}👧", "🇲🇽", "مرحبا", "שלום", "三", "１２３", "٣٩٦",
    "²", "½", "…", "—", "–", "-", "/", ":", ";", ",", ".", "(", ")", "%", "$", "€", "£",
    "\u{1b}[31m", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<zzx>",
    "javascript:alert(1)", "[x](javascript:alert(1))", "|", "**", "`", "&amp;", "</td>", "-->",
    "[-", "-]", "{+", "+}", "\\", "#", "",
];

/// Pairs of quote marks, and some that do not pair.
pub const QUOTE_MARKS: &[(&str, &str)] = &[
    ("\"", "\""), ("“", "”"), ("«", "»"), ("‘", "’"), ("'", "'"), ("„", "“"), ("“", ""),
    ("", "»"), ("«", "”"), ("«", "“"),
];

/// Attributions after a quote.
pub const SPEAKERS: &[&str] = &[
    ", said Maria López.", ", dijo el ministro.", ", according to officials.", " Okafor said.",
    ", afirmó Ana Pérez, portavoz del Gobierno.", ", he told reporters", ", según la agencia.", "",
];

/// Hand-written sentences with the shapes that have broken the pipeline before.
pub const BUILT_IN: &[&str] = &[
    "It passed in a 396-9 vote.",
    "Mexico won 4-3 after extra time, and 2-2 on aggregate.",
    "The House voted 218–214 on Friday.",
    "The fund grew to $2.5m, up from $2.2m, a 14% rise.",
    "La empresa invertirá €3 millones y contratará a 1.250 empleados.",
    "Staff rose from 49 diplomats to 86 diplomats, a 60% jump.",
    "Mexico approved 37 new diplomats on top of the 49 already there.",
    "«Es un paso histórico», dijo la ministra, según la agencia.",
    "“We will not stop,” said Okafor, who won 51.2% of the vote.",
    "Between 30 and 40 people were hurt on 15 October 2023, police said.",
    "El 23.09.2023 a las 14:00, unas 1 500 personas marcharon.",
    "At least 150 KGB officers operated in Mexico in the 1970s.",
    "La plantilla pasó de 86 diplomáticos a 49 diplomáticos el pasado mayo.",
    "The plan adds 120 new beds to its 300 beds by 2026.",
    "Prices fell 0,5 % in a month; 3.5 million homes were hit.",
    "He was sentenced to 12 years and fined $1.8 million.",
];

/// Unit keys, modifiers and currencies for hand-made figures.
pub const UNIT_KEYS: &[&str] = &["", "diplomat", "person", "vote", "officer", "bed", "euro", "dollar"];
pub const MODIFIERS: &[&str] = &["new", "russian", "existing", "total", "fewer", "former", ""];
pub const CURRENCIES: &[&str] = &["USD", "EUR", "MXN", "", "<b>"];
