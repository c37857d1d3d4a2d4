//! The spec files: their cases, which model each labels, and the unit lexicon the
//! scorer reads to name units the way the reader does.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct Case {
    pub(crate) input: String,
    pub(crate) results: Vec<SpecResult>,
}

#[derive(Deserialize, Clone)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct SpecResult {
    pub(crate) text: String,
    pub(crate) type_name: String,
    #[serde(default)]
    pub(crate) resolution: Option<serde_json::Map<String, serde_json::Value>>,
    /// First and last character (inclusive) of `text` in the input.
    pub(crate) start: usize,
    pub(crate) end: usize,
}

impl SpecResult {
    pub(crate) fn field(&self, key: &str) -> Option<&str> {
        self.resolution.as_ref()?.get(key)?.as_str()
    }
}

/// What a spec file labels, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Model {
    /// Cardinals, fractions, decimals: a value of any kind but ordinal and date.
    Number,
    /// Intervals ("more than 30", "between 20 and 30").
    Range,
    Percent,
    Ordinal,
    /// Money with its currency.
    Currency,
    /// A count of a unit of measure.
    Dimension,
    /// An age, read as a duration.
    Age,
    Temperature,
}

impl Model {
    pub(crate) fn from_file(name: &str) -> Option<Model> {
        Some(match name {
            "NumberModel.json" => Model::Number,
            "NumberRangeModel.json" => Model::Range,
            "PercentModel.json" => Model::Percent,
            "OrdinalModel.json" => Model::Ordinal,
            "CurrencyModel.json" => Model::Currency,
            "DimensionModel.json" => Model::Dimension,
            "AgeModel.json" => Model::Age,
            "TemperatureModel.json" => Model::Temperature,
            _ => return None,
        })
    }
}

/// One spec file: language, "group/model" name, model and cases.
pub(crate) struct SpecFile {
    pub(crate) lang: &'static str,
    pub(crate) name: String,
    pub(crate) model: Model,
    pub(crate) cases: Vec<Case>,
}

pub(crate) fn spec_dir() -> PathBuf {
    std::env::var_os("STORYDIFF_RECOGNIZERS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/numbers/recognizers"),
        PathBuf::from,
    )
}

pub(crate) fn load(root: &Path) -> Vec<SpecFile> {
    let mut out = Vec::new();
    for group in ["Number", "NumberWithUnit"] {
        for (folder, lang) in [("English", "en"), ("Spanish", "es")] {
            let dir = root.join(group).join(folder);
            let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
                .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
                .map(|e| e.expect("dir entry").path())
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .collect();
            paths.sort();
            for path in paths {
                let file = path.file_name().unwrap().to_string_lossy().to_string();
                let Some(model) = Model::from_file(&file) else {
                    continue;
                };
                let text = std::fs::read_to_string(&path).expect("read spec");
                // One file starts with a byte-order mark.
                let cases = serde_json::from_str(text.trim_start_matches('\u{feff}'))
                    .unwrap_or_else(|e| panic!("{file}: {e}"));
                let name = format!("{group}/{}", file.trim_end_matches(".json"));
                out.push(SpecFile {
                    lang,
                    name,
                    model,
                    cases,
                });
            }
        }
    }
    out
}

/// Character range (inclusive end) to byte range.
pub(crate) fn byte_span(input: &str, start: usize, end: usize) -> (usize, usize) {
    let at = |n: usize| input.char_indices().nth(n).map_or(input.len(), |(b, _)| b);
    (at(start), at(end + 1))
}

/// The unit lexicon, read from `src/claims/units.toml`: days per duration unit,
/// surface form to key, which keys are units of measure.
pub(crate) struct Lexicon {
    pub(crate) days: HashMap<String, f64>,
    pub(crate) forms: HashMap<String, String>,
    pub(crate) measures: Vec<String>,
}

impl Lexicon {
    pub(crate) fn load() -> Lexicon {
        #[derive(Deserialize)]
        struct File {
            unit: Vec<Unit>,
        }
        #[derive(Deserialize)]
        struct Unit {
            key: String,
            forms: Vec<String>,
            #[serde(default)]
            days: f64,
            #[serde(default)]
            measure: bool,
        }
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/claims/units.toml");
        let text = std::fs::read_to_string(path).expect("read units.toml");
        let file: File = toml::from_str(&text).expect("parse units.toml");
        let mut lex = Lexicon {
            days: HashMap::new(),
            forms: HashMap::new(),
            measures: Vec::new(),
        };
        for u in file.unit {
            if u.days > 0.0 {
                lex.days.insert(u.key.clone(), u.days);
            }
            if u.measure {
                lex.measures.push(u.key.clone());
            }
            for f in u.forms {
                lex.forms.entry(f).or_insert_with(|| u.key.clone());
            }
        }
        lex
    }

    /// The keys a unit named in a spec may take ("Kilómetro" → kilometer). A speed
    /// takes the key of its distance ("Mile per hour" → mile), as the lexicon has no
    /// speeds; the specs call "tonnes" and "100t" a ton, so a ton is either.
    pub(crate) fn keys_of(&self, name: &str) -> Vec<String> {
        // Spanish names of units the lexicon has no Spanish form for.
        const SPANISH: &[(&str, &str)] = &[
            ("libra", "pound"),
            ("pie cúbico", "cubic foot"),
            ("tonelada métrica", "metric ton"),
            ("centímetro cúbico", "cubic centimeter"),
        ];
        let name = name.to_lowercase();
        let name = SPANISH
            .iter()
            .find(|(es, _)| *es == name)
            .map_or(name.as_str(), |(_, en)| en);
        let head = name
            .split(" per ")
            .next()
            .and_then(|h| h.split(" por ").next())
            .unwrap_or(name);
        let key = self.forms.get(head).map_or(head, String::as_str);
        match key {
            "ton" => vec!["ton".to_string(), "tonne".to_string()],
            k => vec![k.to_string()],
        }
    }
}
