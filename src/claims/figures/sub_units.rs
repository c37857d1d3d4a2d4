//! Sub-units: cents, pence, céntimos.
//!
//! Entry point, a step of `build`: [`read`]. A sub-unit noun makes its amount a share
//! of the main unit ("50 cents" is 0.50), in the one currency the sentence names
//! ("12 centavos de dólar"), else in the sub-unit's own (`subunit` and `currency` in
//! `units.toml`).
//!
//! ```text
//! "470 pence a share" → 4.70 GBP, unit penny
//! ```

use crate::claims::types::{Figure, Kind};

use super::Ctx;
use super::build::Draft;
use super::currency::sentence_currencies;
use super::kind::scale_interval;

/// Step: a sub-unit amount as a share of its currency.
pub(super) fn read(ctx: &Ctx, d: &mut Draft, prev: &[(Figure, usize)]) {
    if d.kind != Kind::Money {
        return;
    }
    if let Some(u) = d.up.head.filter(|u| u.subunit > 0.0) {
        d.value = scale_interval(d.value, u.subunit);
        let mut codes = sentence_currencies(ctx, d.start, prev);
        d.currency = if codes.len() == 1 {
            codes.pop()
        } else {
            u.currency.clone()
        };
    }
}
