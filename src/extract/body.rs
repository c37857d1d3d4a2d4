//! Body extraction: splits the page into text blocks, scores candidate containers
//! Readability-style (text length, commas, link density, class/id words), keeps the
//! winner and its strong siblings, and drops the furniture left inside them.
//!
//! Everything is iterative over a flat, preorder arena of block elements, so deep
//! nesting cannot overflow the stack.

use std::collections::HashMap;

use super::dom::{self, Attr, Dom, Kind, NodeId};
use super::rules;

/// Marks "no element" in arena links.
const NONE: u32 = u32::MAX;

/// A block-level element in preorder.
struct El<'a> {
    tag: &'a str,
    parent: u32,
    /// Index of the last descendant (preorder), so `i..=end` is the subtree.
    end: u32,
    /// Furniture by tag, role or class/id.
    furniture: rules::Furniture,
    /// Nearest furniture element among self and ancestors.
    near_furniture: u32,
    /// Characters of prose blocks (not links, lists or headings) in the subtree.
    p_text: usize,
    /// Initial candidate score from tag and class/id.
    weight: f64,
    /// Same class attribute as another element (sibling bonus).
    class: &'a str,
    /// Non-whitespace characters in the subtree, and those inside links.
    text_len: usize,
    link_len: usize,
}

/// What kind of element a text block came from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind_ {
    Para,
    Heading(u8),
    Item,
    Quote,
    Pre,
    Caption,
    Cell,
    Other,
}

/// One paragraph of text and where it came from.
struct Block {
    el: u32,
    text: String,
    chars: usize,
    link_len: usize,
    time_len: usize,
    kind: Kind_,
}

/// The page split into blocks.
struct Doc<'a> {
    els: Vec<El<'a>>,
    blocks: Vec<Block>,
}

/// The body found on a page, and facts about the page that tell an article from
/// other pages.
pub struct Body {
    /// Body paragraphs.
    pub paragraphs: Vec<String>,
    /// Share of link text in the chosen body containers, before links were dropped
    /// (a list of teasers is mostly links; an article's body is mostly not).
    pub body_link_share: f64,
    /// Some short block of the page reads like a paywall prompt ("subscribe to
    /// continue reading"); only searched when the body is short.
    pub paywall_text: bool,
    /// Some short body paragraph reads like a cookie-consent prompt.
    pub consent_text: bool,
}

/// Extracts the body from a parsed page. `title` is dropped if repeated in the body.
pub fn extract(doc: &Dom<'_>, title: &str) -> Body {
    let d = segment(doc, doc.body());
    let strict = select(&d, title, true);
    let (paragraphs, body_link_share) = if char_len(&strict.0) >= rules::MIN_BODY_CHARS {
        strict
    } else {
        let loose = select(&d, title, false);
        if char_len(&loose.0) > char_len(&strict.0) {
            loose
        } else {
            strict
        }
    };
    let mut body = Body {
        paragraphs,
        body_link_share,
        paywall_text: false,
        consent_text: false,
    };
    // A paywall prompt is usually furniture (a `subscribe` box), so the whole page is
    // searched; cookie banners sit on most articles, so only the body counts for them.
    let prompt = |text: &str, phrases: &[&str]| {
        text.len() <= rules::PROMPT_MAX_BYTES && {
            let lower = text.to_lowercase();
            phrases.iter().any(|p| lower.contains(p))
        }
    };
    // Only a short body can be a paywall teaser: skip the search on full articles.
    let words: usize = body
        .paragraphs
        .iter()
        .map(|p| p.split_whitespace().count())
        .sum();
    body.paywall_text = words < rules::PAYWALL_MAX_WORDS
        && d.blocks
            .iter()
            .any(|b| prompt(&b.text, rules::PAYWALL_PHRASES));
    body.consent_text = body
        .paragraphs
        .iter()
        .any(|p| prompt(p, rules::CONSENT_PHRASES));
    body
}

fn char_len(ps: &[String]) -> usize {
    ps.iter().map(|p| p.chars().count()).sum()
}

fn kind_of(tag: &str) -> Kind_ {
    match tag {
        "p" => Kind_::Para,
        "h1" => Kind_::Heading(1),
        "h2" => Kind_::Heading(2),
        "h3" => Kind_::Heading(3),
        "h4" => Kind_::Heading(4),
        "h5" => Kind_::Heading(5),
        "h6" => Kind_::Heading(6),
        "li" | "dt" | "dd" => Kind_::Item,
        "blockquote" => Kind_::Quote,
        "pre" => Kind_::Pre,
        "figcaption" | "caption" => Kind_::Caption,
        "td" | "th" => Kind_::Cell,
        _ => Kind_::Other,
    }
}

/// True for elements whose subtree is not rendered.
fn is_hidden(doc: &Dom<'_>, e: NodeId) -> bool {
    if doc.attr(e, Attr::Hidden).is_some() || doc.attr(e, Attr::AriaHidden) == Some("true") {
        return true;
    }
    doc.attr(e, Attr::Style).is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// Inline elements holding a date or an author name: a block made mostly of them is
/// a dateline ("Jane Doe · June 11 · Updated June 12"), not prose.
fn is_dateline_inline(doc: &Dom<'_>, tag: dom::Tag, e: NodeId) -> bool {
    tag == dom::tag::TIME
        || doc
            .attr(e, Attr::Itemprop)
            .is_some_and(|p| matches!(p, "author" | "creator" | "datePublished" | "dateModified"))
        || doc
            .attr(e, Attr::Rel)
            .is_some_and(|r| r.split_whitespace().any(|t| t == "author"))
}

/// Class/id verdicts per distinct class/id string: pages repeat a few class names on
/// thousands of elements, and each verdict is dozens of substring searches.
/// Keyed by the attribute values as written, so a hit needs no lower-casing; a miss
/// combines per-token verdicts, themselves cached (see [`rules::token_hits`]).
#[derive(Default)]
struct NameCache<'a> {
    names: HashMap<(&'a str, &'a str), (rules::Furniture, f64), FastHash>,
    tokens: HashMap<&'a str, rules::NameHits, FastHash>,
}

impl<'a> NameCache<'a> {
    /// Furniture verdict and class weight of element `e`'s class and id.
    fn get(&mut self, doc: &'a Dom<'_>, e: NodeId) -> (rules::Furniture, f64) {
        let class = doc.attr(e, Attr::Class).unwrap_or("");
        let id = doc.attr(e, Attr::Id).unwrap_or("");
        if class.is_empty() && id.is_empty() {
            return (rules::Furniture::No, 0.0);
        }
        if let Some(&v) = self.names.get(&(class, id)) {
            return v;
        }
        let tokens = &mut self.tokens;
        let hits: Vec<rules::NameHits> = class
            .split_whitespace()
            .chain(id.split_whitespace())
            .map(|t| {
                *tokens
                    .entry(t)
                    .or_insert_with(|| rules::token_hits(&t.to_ascii_lowercase()))
            })
            .collect();
        let v = rules::name_verdict(hits);
        self.names.insert((class, id), v);
        v
    }
}

/// A multiply-rotate hasher for the short, non-adversarial keys above (SipHash cost
/// more than the lookups it served).
#[derive(Default, Clone, Copy)]
struct FastHash;

impl std::hash::BuildHasher for FastHash {
    type Hasher = FastHasher;
    fn build_hasher(&self) -> FastHasher {
        FastHasher(0)
    }
}

struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn write_u8(&mut self, b: u8) {
        self.write(&[b]);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

fn furniture(
    doc: &Dom<'_>,
    tag: dom::Tag,
    e: NodeId,
    by_name: rules::Furniture,
) -> rules::Furniture {
    use rules::Furniture;
    if matches!(tag, dom::tag::BODY | dom::tag::HTML | dom::tag::MAIN)
        || doc.attr(e, Attr::Itemprop) == Some("articleBody")
    {
        return Furniture::No;
    }
    if doc.is_furniture(tag) {
        return Furniture::Hard;
    }
    if let Some(role) = doc.attr(e, Attr::Role)
        && rules::FURNITURE_ROLES.contains(&role.to_ascii_lowercase().as_str())
    {
        return Furniture::Hard;
    }
    by_name
}

/// Text being gathered for the current block.
#[derive(Default)]
struct Buf {
    raw: String,
    link_len: usize,
    time_len: usize,
    /// A `<br>` was seen with only whitespace after it.
    after_br: bool,
}

/// Appends `raw` to `out` with whitespace runs collapsed to one space and trimmed
/// (what `split_whitespace` + `join(" ")` gives, in one pass); returns the number of
/// non-whitespace characters.
fn collapse_into(raw: &str, out: &mut String) -> usize {
    let mut n = 0;
    for w in raw.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
        n += if w.is_ascii() {
            w.len()
        } else {
            w.chars().count()
        };
    }
    n
}

/// Non-whitespace characters in `s`.
fn non_ws_chars(s: &str) -> usize {
    if s.is_ascii() {
        s.bytes()
            .filter(|b| !b.is_ascii_whitespace() && *b != 0x0b)
            .count()
    } else {
        s.chars().filter(|c| !c.is_whitespace()).count()
    }
}

fn flush(d: &mut Doc<'_>, owner: u32, buf: &mut Buf) {
    let mut text = String::with_capacity(buf.raw.len());
    let chars = collapse_into(&buf.raw, &mut text);
    if chars == 0 {
        buf.raw.clear();
        buf.link_len = 0;
        buf.time_len = 0;
        return;
    }
    let kind: Kind_ = if owner == NONE {
        Kind_::Other
    } else {
        kind_of(d.els[owner as usize].tag)
    };
    if owner != NONE {
        let el = &mut d.els[owner as usize];
        el.text_len += chars;
        el.link_len += buf.link_len;
        if matches!(
            kind,
            Kind_::Para | Kind_::Other | Kind_::Cell | Kind_::Quote | Kind_::Pre
        ) && chars >= rules::MIN_SCORED_LEN
            && buf.link_len * 2 < chars
        {
            el.p_text += chars;
        }
    }
    d.blocks.push(Block {
        el: owner,
        text,
        chars,
        link_len: buf.link_len.min(chars),
        time_len: buf.time_len.min(chars),
        kind,
    });
    buf.raw.clear();
    buf.link_len = 0;
    buf.time_len = 0;
    buf.after_br = false;
}

/// Walks the tree once (iteratively) and splits it into blocks.
fn segment<'a>(doc: &'a Dom<'_>, root: NodeId) -> Doc<'a> {
    let mut d = Doc {
        els: Vec::new(),
        blocks: Vec::new(),
    };
    let mut buf = Buf::default();
    // Open block elements (arena indices), innermost last.
    let mut open: Vec<u32> = Vec::new();
    // Open inline counters: links and <time> elements.
    let mut in_link = 0usize;
    let mut in_time = 0usize;
    let mut names = NameCache::default();
    let mut depth = 0usize;
    let mut node = root;
    loop {
        let mut descend = false;
        match doc.kind(node) {
            Kind::Element(tag, ..) => {
                let e = node;
                if depth < rules::MAX_DEPTH && !doc.is_skip(tag) && !is_hidden(doc, e) {
                    descend = true;
                    let owner = open.last().copied().unwrap_or(NONE);
                    if tag == dom::tag::BR {
                        if buf.after_br {
                            flush(&mut d, owner, &mut buf);
                        } else {
                            buf.raw.push('\n');
                            buf.after_br = true;
                        }
                    } else if doc.is_block(tag) {
                        flush(&mut d, owner, &mut buf);
                        let (by_name, class_weight) = names.get(doc, e);
                        let idx = d.els.len() as u32;
                        let furniture = furniture(doc, tag, e, by_name);
                        let name = doc.tag_name(tag);
                        let mut weight = rules::tag_weight(name) + class_weight;
                        if doc.attr(e, Attr::Itemprop) == Some("articleBody") {
                            weight += rules::ARTICLE_BODY_BONUS;
                        }
                        if tag == dom::tag::ARTICLE {
                            weight += rules::CLASS_WEIGHT / 2.0;
                        }
                        d.els.push(El {
                            tag: name,
                            parent: owner,
                            end: idx,
                            furniture,
                            near_furniture: NONE,
                            p_text: 0,
                            weight,
                            class: doc.attr(e, Attr::Class).unwrap_or(""),
                            text_len: 0,
                            link_len: 0,
                        });
                        open.push(idx);
                    } else {
                        let owner_kind = if owner == NONE {
                            Kind_::Other
                        } else {
                            kind_of(d.els[owner as usize].tag)
                        };
                        // Furniture spans directly in a container (share counts, credits)
                        // are skipped; inside a paragraph they are part of the sentence.
                        if matches!(owner_kind, Kind_::Other | Kind_::Cell)
                            && tag != dom::tag::A
                            && names.get(doc, e).0 != rules::Furniture::No
                        {
                            descend = false;
                        } else {
                            in_link += usize::from(tag == dom::tag::A);
                            in_time += usize::from(is_dateline_inline(doc, tag, e));
                        }
                    }
                }
            }
            Kind::Text(t) => {
                let s: &str = doc.str(t);
                let n = non_ws_chars(s);
                if n > 0 {
                    buf.after_br = false;
                    if in_link > 0 {
                        buf.link_len += n;
                    }
                    if in_time > 0 {
                        buf.time_len += n;
                    }
                }
                buf.raw.push_str(s);
            }
            _ => {}
        }
        if descend {
            let c = doc.first_child(node);
            if c != dom::NONE {
                depth += 1;
                node = c;
                continue;
            }
        }
        // Leave `node` (children done or skipped), then move to a sibling or climb.
        let mut entered = descend;
        loop {
            if entered && let Some(tag) = doc.tag(node) {
                if doc.is_block(tag) {
                    let owner = open.pop().unwrap_or(NONE);
                    flush(&mut d, owner, &mut buf);
                } else {
                    if tag == dom::tag::A {
                        in_link = in_link.saturating_sub(1);
                    }
                    if is_dateline_inline(doc, tag, node) {
                        in_time = in_time.saturating_sub(1);
                    }
                }
            }
            if node == root {
                break;
            }
            let s = doc.next_sibling(node);
            if s != dom::NONE {
                node = s;
                break;
            }
            let p = doc.parent(node);
            if p == dom::NONE {
                node = root;
                break;
            }
            depth = depth.saturating_sub(1);
            node = p;
            entered = true;
        }
        if node == root {
            let owner = open.last().copied().unwrap_or(NONE);
            flush(&mut d, owner, &mut buf);
            aggregate(&mut d);
            return d;
        }
    }
}

/// Sums text lengths up the tree, records subtree ends, clears soft furniture that
/// wraps most of the prose, and links each element to its nearest furniture.
fn aggregate(d: &mut Doc<'_>) {
    for i in (0..d.els.len()).rev() {
        let p = d.els[i].parent;
        if p != NONE {
            let c = &d.els[i];
            let (t, l, e, pt) = (c.text_len, c.link_len, c.end, c.p_text);
            let pe = &mut d.els[p as usize];
            pe.text_len += t;
            pe.link_len += l;
            pe.p_text += pt;
            pe.end = pe.end.max(e);
        }
    }
    let total: usize = d
        .els
        .iter()
        .filter(|e| e.parent == NONE)
        .map(|e| e.p_text)
        .sum();
    for i in 0..d.els.len() {
        let e = &d.els[i];
        let furn = match e.furniture {
            rules::Furniture::No => false,
            rules::Furniture::Soft => {
                (e.p_text as f64) < total as f64 * rules::WRAPPER_SHARE || total == 0
            }
            rules::Furniture::Hard => true,
        };
        let near = if furn {
            i as u32
        } else if e.parent == NONE {
            NONE
        } else {
            d.els[e.parent as usize].near_furniture
        };
        d.els[i].near_furniture = near;
    }
}

/// True when `inner` lies in the subtree of `outer`.
fn within(d: &Doc<'_>, outer: u32, inner: u32) -> bool {
    inner != NONE && outer <= inner && inner <= d.els[outer as usize].end
}

/// Eligible for scoring/output: in strict mode, not inside any furniture.
fn clean(d: &Doc<'_>, el: u32, strict: bool) -> bool {
    !strict || el == NONE || d.els[el as usize].near_furniture == NONE
}

fn link_density(el: &El<'_>) -> f64 {
    if el.text_len == 0 {
        0.0
    } else {
        el.link_len as f64 / el.text_len as f64
    }
}

/// Scores candidates and returns the chosen body paragraphs and their link share.
fn select(d: &Doc<'_>, title: &str, strict: bool) -> (Vec<String>, f64) {
    let mut els: Vec<(f64, bool)> = vec![(0.0, false); d.els.len()];
    for b in &d.blocks {
        if b.el == NONE
            || b.chars < rules::MIN_SCORED_LEN
            || !matches!(
                b.kind,
                Kind_::Para | Kind_::Pre | Kind_::Cell | Kind_::Other | Kind_::Quote
            )
            || !clean(d, b.el, strict)
            || b.link_len * 2 > b.chars
        {
            continue;
        }
        let commas = b.text.matches([',', '\u{ff0c}', '\u{3001}']).count() as f64;
        let score = 1.0 + commas + (b.chars as f64 / 100.0).min(3.0);
        let mut cur = if matches!(b.kind, Kind_::Para | Kind_::Pre | Kind_::Quote) {
            d.els[b.el as usize].parent
        } else {
            b.el
        };
        for level in 0..rules::SCORE_LEVELS {
            if cur == NONE {
                break;
            }
            let e = &d.els[cur as usize];
            let slot = &mut els[cur as usize];
            if !slot.1 {
                *slot = (e.weight, true);
            }
            slot.0 += match level {
                0 => score,
                1 => score / 2.0,
                l => score / (l as f64 * 3.0),
            };
            cur = e.parent;
        }
    }
    let final_score = |i: usize| -> f64 {
        if els[i].1 {
            els[i].0 * (1.0 - link_density(&d.els[i]))
        } else {
            f64::NEG_INFINITY
        }
    };
    let mut ranked: Vec<(usize, f64)> = (0..d.els.len())
        .filter(|&i| els[i].1 && clean(d, i as u32, strict))
        .map(|i| (i, final_score(i)))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    let Some(&(top0, top_score)) = ranked.first() else {
        return collect(d, &[], title, strict);
    };
    let mut top = top0 as u32;

    // Several strong candidates under one ancestor: the body is split (ads, widgets).
    let alts: Vec<u32> = ranked
        .iter()
        .skip(1)
        .take(5)
        .filter(|(_, s)| *s >= top_score * rules::ALT_CANDIDATE_SHARE)
        .map(|(i, _)| *i as u32)
        .collect();
    if alts.len() >= 2 {
        let mut anc = d.els[top as usize].parent;
        while anc != NONE && d.els[anc as usize].tag != "body" {
            if alts.iter().filter(|&&a| within(d, anc, a)).count() >= 2 {
                top = anc;
                break;
            }
            anc = d.els[anc as usize].parent;
        }
    }
    // A wrapper holding nothing but the winner: look at the wrapper's siblings instead.
    loop {
        let p = d.els[top as usize].parent;
        if p == NONE
            || d.els[p as usize].tag == "body"
            || d.els[p as usize].text_len != d.els[top as usize].text_len
            || !clean(d, p, strict)
        {
            break;
        }
        top = p;
    }

    let top_final = final_score(top as usize).max(top_score);
    let threshold = (top_final * rules::SIBLING_SHARE).max(rules::SIBLING_MIN_SCORE);
    let mut keep = Vec::new();
    let parent = d.els[top as usize].parent;
    if parent == NONE {
        keep.push(top);
    } else {
        let top_class = d.els[top as usize].class;
        let mut c = parent + 1;
        while c <= d.els[parent as usize].end {
            let e = &d.els[c as usize];
            let next = e.end + 1;
            if c == top {
                keep.push(c);
            } else if clean(d, c, strict) && e.text_len > 0 {
                let mut s = final_score(c as usize);
                if !top_class.is_empty() && e.class == top_class {
                    s = s.max(0.0) + top_final * rules::SIBLING_SHARE;
                }
                let ld = link_density(e);
                let para_ok = e.tag == "p"
                    && ((e.text_len > 80 && ld < 0.25) || (ld == 0.0 && sentence_end(d, c)));
                if s >= threshold || para_ok {
                    keep.push(c);
                }
            }
            c = next;
        }
    }
    collect(d, &keep, title, strict)
}

/// True when the element's last block ends like a sentence.
fn sentence_end(d: &Doc<'_>, el: u32) -> bool {
    d.blocks
        .iter()
        .rev()
        .find(|b| b.el == el)
        .is_some_and(|b| b.text.ends_with(['.', '!', '?', '"', '\u{201d}']))
}

/// Output paragraphs from the kept subtrees (or the whole page when none), dropping
/// furniture inside them, and the share of link text in the blocks considered.
fn collect(d: &Doc<'_>, keep: &[u32], title: &str, strict: bool) -> (Vec<String>, f64) {
    let title_norm = title.trim().to_lowercase();
    let mut out: Vec<String> = Vec::new();
    let (mut chars, mut links) = (0usize, 0usize);
    for b in &d.blocks {
        let root = if keep.is_empty() {
            if !clean(d, b.el, strict) {
                continue;
            }
            NONE
        } else {
            match keep.iter().find(|&&k| within(d, k, b.el)) {
                Some(&k) => k,
                None => continue,
            }
        };
        if root != NONE {
            let nf = d.els[b.el as usize].near_furniture;
            // Furniture strictly inside the kept subtree.
            if nf != NONE && nf > root && within(d, root, nf) {
                continue;
            }
        }
        chars += b.chars;
        links += b.link_len;
        if !keep_block(b, &title_norm) {
            continue;
        }
        if out.last() != Some(&b.text) {
            out.push(b.text.clone());
        }
    }
    let share = if chars == 0 {
        0.0
    } else {
        links as f64 / chars as f64
    };
    (out, share)
}

fn keep_block(b: &Block, title_norm: &str) -> bool {
    match b.kind {
        Kind_::Caption | Kind_::Heading(1) => return false,
        Kind_::Heading(_) if b.text.to_lowercase() == title_norm => return false,
        _ => {}
    }
    // Headline run together with a short date/byline line (layouts without markup).
    if !title_norm.is_empty() {
        let lower = b.text.to_lowercase();
        if lower.starts_with(title_norm)
            && lower.len() - title_norm.len() <= rules::TITLE_LINE_EXTRA
        {
            return false;
        }
    }
    if b.link_len as f64 > b.chars as f64 * rules::MAX_LINK_DENSITY {
        return false;
    }
    if b.time_len * 10 >= b.chars * 7 {
        return false;
    }
    !rules::is_boilerplate(&b.text) && !rules::looks_like_byline(&b.text)
}
