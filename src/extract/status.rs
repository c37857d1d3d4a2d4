//! Is this page an article? Index and section pages, consent walls and paywalls all
//! yield *some* text, and a pipeline that versions and compares it would report a
//! story "rewritten" into a cookie notice. General signals only: how much prose the
//! body holds, how much of it is links, and paywall / consent markers in class and id
//! names, in JSON-LD (`isAccessibleForFree`) and in the text, in English and Spanish.
//!
//! A wall is only a wall when little text got through: a full article that also
//! carries a cookie banner or a subscription box is an article.

use super::article::PageStatus;
use super::body::Body;
use super::dom::{Attr, Dom};
use super::metadata::Meta;
use super::rules;

/// Class/id markers present on the page: (paywall, consent).
fn name_markers(doc: &Dom<'_>) -> (bool, bool) {
    let (mut paywall, mut consent) = (false, false);
    for (e, _) in doc.elements() {
        let (class, id) = (doc.attr(e, Attr::Class), doc.attr(e, Attr::Id));
        if class.is_none() && id.is_none() {
            continue;
        }
        let names = format!("{} {}", class.unwrap_or(""), id.unwrap_or("")).to_ascii_lowercase();
        paywall |= rules::PAYWALL_NAMES.iter().any(|w| names.contains(w));
        consent |= rules::CONSENT_NAMES.iter().any(|w| names.contains(w));
        if paywall && consent {
            break;
        }
    }
    (paywall, consent)
}

/// Words in a paragraph; scripts written without spaces count one word per two
/// characters, roughly their word length.
fn words(p: &str) -> usize {
    p.split_whitespace()
        .map(|t| {
            let dense = t
                .chars()
                .filter(|&c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}'))
                .count();
            if dense > 0 { (dense / 2).max(1) } else { 1 }
        })
        .sum()
}

/// Classifies the page from its metadata and extracted body.
pub fn classify(doc: &Dom<'_>, meta: &Meta, body: &Body) -> PageStatus {
    let counts: Vec<usize> = body.paragraphs.iter().map(|p| words(p)).collect();
    let total: usize = counts.iter().sum();
    if total < rules::PAYWALL_MAX_WORDS && (meta.not_free || body.paywall_text) {
        return PageStatus::Paywalled;
    }
    if total < rules::CONSENT_MAX_WORDS && body.consent_text {
        return PageStatus::ConsentWall;
    }
    if total < rules::MIN_ARTICLE_WORDS {
        // Nothing readable: say why when the markup does. Paywall and consent
        // machinery sits on free articles too, so it only explains an empty page.
        return match name_markers(doc) {
            (true, _) => PageStatus::Paywalled,
            (_, true) => PageStatus::ConsentWall,
            _ => PageStatus::NotAnArticle,
        };
    }
    let long_paragraphs = counts
        .iter()
        .filter(|&&n| n >= rules::LONG_PARAGRAPH_WORDS)
        .count();
    if body.body_link_share >= rules::INDEX_LINK_SHARE
        && long_paragraphs < rules::INDEX_MAX_LONG_PARAGRAPHS
        && total < rules::INDEX_MAX_WORDS
    {
        return PageStatus::NotAnArticle;
    }
    PageStatus::Article
}
