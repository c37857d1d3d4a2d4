//! The fitted pair scorer: the probability that two figures state the same quantity,
//! from the evidence `evidence::pair_score` measures, by logistic regression whose
//! weights and thresholds live in `pair_model.toml`. The file is written by
//! `scripts/fit_pairs.py` from labelled cells (`tests/fixtures/verdicts/`); the
//! script's header says how to refit it.
//!
//! ```text
//! p = 1 / (1 + exp(-(bias + Σ weight[name] × feature[name])))
//! ```

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::Deserialize;

/// Declares the features once: the struct, its names in order, and its values in the
/// same order, so the fit script, the dump and the scorer can never disagree.
macro_rules! features {
    ($($(#[doc = $doc:literal])* $name:ident),* $(,)?) => {
        /// What one pair of figures has in common, as numbers in 0..=1 (or small
        /// positive values); see each field.
        #[derive(Clone, Debug, Default, PartialEq)]
        pub struct Features {
            $($(#[doc = $doc])* pub $name: f64,)*
        }

        /// The feature names, in the order of [`Features::values`].
        pub const NAMES: &[&str] = &[$(stringify!($name)),*];

        impl Features {
            /// The values in the order of [`NAMES`].
            pub fn values(&self) -> Vec<f64> {
                vec![$(self.$name),*]
            }
        }
    };
}

features! {
    /// A count with the same unit on both sides.
    unit_same,
    /// A count whose units the lexicon relates ("diplomat" / "diplomático").
    unit_related,
    /// A count whose unit is broader on one side ("people" / "workers").
    unit_broader,
    /// A count with no unit, or a guessed one that differs.
    unit_unknown,
    /// The kind, when not a count.
    kind_money,
    kind_percent,
    kind_year,
    kind_date,
    kind_duration,
    kind_ordinal,
    /// Share of modifiers in common ("new", "total") when both have some.
    modifiers_shared,
    /// Both have modifiers, none in common.
    modifiers_differ,
    /// Only one side has modifiers.
    modifiers_one_side,
    /// What the amount measures is the same ("budget" / "spending").
    measures_same,
    /// What the amount measures differs (same language only).
    measures_differ,
    /// Only one is a change ("by 20,000").
    change_one_side,
    /// Changes over different periods.
    periods_differ,
    /// Only one is a total.
    total_one_side,
    /// Share of the shorter sentence's content words in the other.
    context,
    /// Names both sentences share, up to three, divided by three.
    names,
    /// Share of the words next to the numbers in common.
    near_words,
    /// Both are the starting point of a change ("up from 49").
    base_both,
    /// Only one is.
    base_one_side,
    /// The articles are in different languages.
    other_language,
    /// The same value.
    values_equal,
    /// Overlapping precise values.
    values_overlap,
    /// Overlapping values where one is an open bound or a vague amount.
    values_overlap_loose,
    /// Disjoint values: how far apart (|ln ratio| for amounts, years / 10, months for
    /// dates), capped at 3.
    values_apart,
    /// Disjoint values within a fifth of each other, or a year or a month apart.
    values_close,
    /// An open bound far from the other value (beyond a factor of 1.5 of its end).
    far_from_bound,
    /// Either value is a vague amount ("hundreds").
    vague,
    /// The values overlap only through a bound or a vague amount, and nothing ties
    /// the numbers themselves together (no common unit, modifier, measured thing or
    /// word next to both).
    loose_unanchored,
    /// Either figure is in a headline.
    headline,
    /// Either unit is guessed from a nearby noun, not written.
    unit_guessed,
    /// A count whose written units the lexicon does not relate ("bales" /
    /// "packages"): a synonym it lacks, or two things.
    unit_differs,
    /// Money whose currency one side leaves unsaid.
    currency_unsaid,
}

/// `pair_model.toml` as written by the fit script.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Model {
    /// Where the weights came from (the script's summary of its data and fit).
    #[allow(dead_code)]
    pub fitted_on: String,
    pub bias: f64,
    /// The bias of the model for pairs whose values are disjoint.
    pub diverge_bias: f64,
    /// A pair whose values agree or overlap needs at least this probability.
    pub match_min: f64,
    /// A pair whose values are disjoint needs at least this [`Model::diverge_probability`]
    /// to be called "diverge".
    pub diverge_min: f64,
    pub weights: BTreeMap<String, f64>,
    /// Weights fitted on disjoint pairs alone: what makes two different numbers one
    /// quantity is not what makes two equal ones (the words around them weigh more).
    pub diverge_weights: BTreeMap<String, f64>,
    /// Both weight tables in the order of [`NAMES`] (a missing one weighs nothing; a
    /// test checks none is missing).
    #[serde(skip)]
    ordered: Vec<f64>,
    #[serde(skip)]
    ordered_diverge: Vec<f64>,
}

pub(super) static MODEL: LazyLock<Model> = LazyLock::new(|| {
    let mut m: Model =
        toml::from_str(include_str!("pair_model.toml")).expect("src/compare/pair_model.toml");
    let order = |w: &BTreeMap<String, f64>| -> Vec<f64> {
        NAMES
            .iter()
            .map(|n| w.get(*n).copied().unwrap_or(0.0))
            .collect()
    };
    m.ordered = order(&m.weights);
    m.ordered_diverge = order(&m.diverge_weights);
    m
});

impl Model {
    /// The probability that the pair with these features states one quantity.
    pub fn probability(&self, x: &Features) -> f64 {
        logistic(self.bias, &self.ordered, x)
    }

    /// The same, from the model fitted on pairs whose values are disjoint: what a
    /// "diverge" verdict is decided on.
    pub fn diverge_probability(&self, x: &Features) -> f64 {
        logistic(self.diverge_bias, &self.ordered_diverge, x)
    }
}

fn logistic(bias: f64, weights: &[f64], x: &Features) -> f64 {
    let z = weights
        .iter()
        .zip(x.values())
        .map(|(w, v)| w * v)
        .sum::<f64>()
        + bias;
    1.0 / (1.0 + (-z).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_model_file_weighs_every_feature_and_nothing_else() {
        let m = &*MODEL;
        for table in [&m.weights, &m.diverge_weights] {
            for n in NAMES {
                assert!(table.contains_key(*n), "pair_model.toml lacks `{n}`");
            }
            for k in table.keys() {
                assert!(
                    NAMES.contains(&k.as_str()),
                    "pair_model.toml has unknown `{k}`"
                );
            }
        }
        assert!(0.0 < m.match_min && m.match_min <= m.diverge_min && m.diverge_min < 1.0);
    }

    #[test]
    fn the_same_value_in_the_same_words_is_likelier_one_quantity_than_a_far_one() {
        let near = Features {
            unit_same: 1.0,
            context: 0.8,
            near_words: 1.0,
            values_equal: 1.0,
            ..Features::default()
        };
        let far = Features {
            unit_same: 1.0,
            values_apart: 3.0,
            ..Features::default()
        };
        let m = &*MODEL;
        assert!(
            m.probability(&near) > m.match_min,
            "{}",
            m.probability(&near)
        );
        assert!(m.probability(&far) < m.match_min, "{}", m.probability(&far));
    }
}
