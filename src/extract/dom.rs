//! A small HTML parser built for extraction: tokenizer plus a light tree builder into
//! a flat arena.
//!
//! html5ever's full tree construction (atoms, tendrils, a node allocation per text
//! run, every attribute kept) was half of the extraction time. Extraction reads a
//! dozen attributes and the text, so this parser keeps only those, skips the bodies of
//! scripts and styles with a byte search, and builds the tree with the parts of the
//! HTML tree-construction rules that change its shape for extraction: head/body
//! placement, implied end tags (`p`, `li`, `dd`/`dt`, headings, `option`, table
//! cells and rows, implicit `tbody`/`tr`), void and raw-text elements, scope-limited
//! end tags, stray end tags ignored at special elements, foster parenting of content
//! between table rows, foreign (SVG/MathML) content, and character references (named,
//! from the HTML entity table, and numeric). Left out: the adoption agency's
//! re-parenting of misnested formatting elements (`<b><p>x</b>y`) and the
//! reconstruction of unclosed ones in later blocks; on well-formed pages (all 181
//! benchmark pages and the fixtures) the output is the same as html5ever's, on
//! random misnested tag soup it differs where those two rules apply.
//!
//! Everything is iterative; open-element counts keep scope checks constant-time on
//! deeply nested pages.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::rules;

/// Node index in the arena; [`NONE`] for "no node".
pub type NodeId = u32;
/// Marks "no node".
pub const NONE: NodeId = u32::MAX;

/// The attributes extraction reads; all others are dropped while tokenizing.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum Attr {
    Class,
    Id,
    Style,
    Hidden,
    AriaHidden,
    Itemprop,
    Rel,
    Role,
    Href,
    Content,
    Name,
    Property,
    HttpEquiv,
    Datetime,
    Pubdate,
    Type,
    Lang,
}

fn attr_of(name: &[u8]) -> Option<Attr> {
    if name.len() > 11 {
        return None;
    }
    let mut low = [0u8; 11];
    for (d, s) in low.iter_mut().zip(name) {
        *d = s.to_ascii_lowercase();
    }
    Some(match &low[..name.len()] {
        b"class" => Attr::Class,
        b"id" => Attr::Id,
        b"style" => Attr::Style,
        b"hidden" => Attr::Hidden,
        b"aria-hidden" => Attr::AriaHidden,
        b"itemprop" => Attr::Itemprop,
        b"rel" => Attr::Rel,
        b"role" => Attr::Role,
        b"href" => Attr::Href,
        b"content" => Attr::Content,
        b"name" => Attr::Name,
        b"property" => Attr::Property,
        b"http-equiv" => Attr::HttpEquiv,
        b"datetime" => Attr::Datetime,
        b"pubdate" => Attr::Pubdate,
        b"type" => Attr::Type,
        b"lang" => Attr::Lang,
        _ => return None,
    })
}

/// Tag names the parser or the extractor treat specially, sorted for binary search.
/// Other names are interned per document.
#[rustfmt::skip]
const KNOWN: &[&str] = &[
    "a", "address", "applet", "area", "article", "aside", "audio", "b", "base",
    "basefont", "bgsound", "big", "blockquote", "body", "br", "button", "canvas",
    "caption", "center", "code", "col", "colgroup", "dd", "details", "dialog", "dir",
    "div", "dl", "dt", "em", "embed", "fieldset", "figcaption", "figure", "font",
    "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head",
    "header", "hgroup", "hr", "html", "i", "iframe", "image", "img", "input", "keygen",
    "legend", "li", "link", "listing", "main", "map", "marquee", "math", "menu", "meta",
    "nav", "nobr", "noembed", "noframes", "noscript", "object", "ol", "optgroup",
    "option", "p", "param", "picture", "plaintext", "pre", "rb", "rp", "rt", "rtc",
    "ruby", "s", "script", "search", "section", "select", "small", "source", "span",
    "strike", "strong", "style", "sub", "summary", "sup", "svg", "table", "tbody", "td",
    "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track",
    "tt", "u", "ul", "var", "video", "wbr", "xmp",
];

/// Tag id: index into [`KNOWN`], or past it for names interned per document.
pub type Tag = u16;

const fn known(name: &str) -> Tag {
    let mut i = 0;
    while i < KNOWN.len() {
        let k = KNOWN[i].as_bytes();
        let n = name.as_bytes();
        if k.len() == n.len() {
            let mut j = 0;
            while j < k.len() && k[j] == n[j] {
                j += 1;
            }
            if j == k.len() {
                return i as Tag;
            }
        }
        i += 1;
    }
    panic!("not a known tag")
}

macro_rules! tags {
    ($($c:ident = $n:literal),* $(,)?) => { $(pub const $c: Tag = known($n);)* };
}

/// Ids of the tags code refers to by name.
pub mod tag {
    use super::{Tag, known};
    tags!(
        A = "a",
        ADDRESS = "address",
        ARTICLE = "article",
        BODY = "body",
        BR = "br",
        BUTTON = "button",
        DD = "dd",
        DIV = "div",
        DT = "dt",
        FRAMESET = "frameset",
        H1 = "h1",
        HEAD = "head",
        HTML = "html",
        IMAGE = "image",
        IMG = "img",
        LI = "li",
        LINK = "link",
        MAIN = "main",
        MATH = "math",
        META = "meta",
        NOBR = "nobr",
        OPTGROUP = "optgroup",
        OPTION = "option",
        P = "p",
        PLAINTEXT = "plaintext",
        SCRIPT = "script",
        STYLE = "style",
        SVG = "svg",
        TABLE = "table",
        TBODY = "tbody",
        TD = "td",
        TEMPLATE = "template",
        TFOOT = "tfoot",
        TH = "th",
        THEAD = "thead",
        TIME = "time",
        TITLE = "title",
        TR = "tr",
        OL = "ol",
        UL = "ul",
        COLGROUP = "colgroup",
        FORM = "form",
        INPUT = "input",
    );
}

// Tag flags. The first three come from `rules`, the rest from the HTML parsing rules.
const SKIP: u32 = 1;
const BLOCK: u32 = 1 << 1;
const FURNITURE: u32 = 1 << 2;
/// The HTML "special" category: stray end tags stop at them.
const SPECIAL: u32 = 1 << 3;
const VOID: u32 = 1 << 4;
/// A start tag closes an open `p`.
const CLOSES_P: u32 = 1 << 5;
/// Boundary of the default element scope.
const SCOPE: u32 = 1 << 6;
/// Closed implicitly by "generate implied end tags".
const IMPLIED_END: u32 = 1 << 7;
const HEADING: u32 = 1 << 8;
/// Text up to the matching end tag is not markup.
const RAW: u32 = 1 << 9;
/// Goes into `<head>` when met before the body.
const HEAD_EL: u32 = 1 << 10;
/// Ends SVG/MathML content when met inside it.
const BREAKOUT: u32 = 1 << 11;
/// Table structure: handled only inside a table.
const TABLE_PART: u32 = 1 << 12;
/// Counts towards [`rules::MAX_SOURCE_DEPTH`].
const FLATTEN: u32 = 1 << 13;

#[rustfmt::skip]
fn parser_flags(name: &str) -> u32 {
    let mut f = 0;
    let has = |set: &[&str]| set.contains(&name);
    if has(&[
        "address", "applet", "area", "article", "aside", "base", "basefont",
        "bgsound", "blockquote", "body", "br", "button", "caption", "center", "col",
        "colgroup", "dd", "details", "dir", "div", "dl", "dt", "embed", "fieldset",
        "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2",
        "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "iframe",
        "img", "input", "keygen", "li", "link", "listing", "main", "marquee",
        "menu", "meta", "nav", "noembed", "noframes", "noscript", "object", "ol",
        "p", "param", "plaintext", "pre", "script", "search", "section", "select",
        "source", "style", "summary", "table", "tbody", "td", "template",
        "textarea", "tfoot", "th", "thead", "title", "tr", "track", "ul", "wbr",
        "xmp",
    ]) {
        f |= SPECIAL;
    }
    if has(&[
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
        "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
    ]) {
        f |= VOID;
    }
    if has(&[
        "address", "article", "aside", "blockquote", "center", "details", "dialog",
        "dir", "div", "dl", "fieldset", "figcaption", "figure", "footer", "form",
        "header", "hgroup", "main", "menu", "nav", "ol", "p", "search", "section",
        "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing",
        "plaintext", "hr", "xmp", "li", "dd", "dt",
    ]) {
        f |= CLOSES_P;
    }
    if has(&[
        "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
    ]) {
        f |= SCOPE;
    }
    if has(&[
        "dd", "dt", "li", "optgroup", "option", "p", "rb", "rp", "rt", "rtc",
    ]) {
        f |= IMPLIED_END;
    }
    if has(&["h1", "h2", "h3", "h4", "h5", "h6"]) {
        f |= HEADING;
    }
    if has(&[
        "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "title", "textarea",
        "template",
    ]) {
        f |= RAW;
    }
    if has(&[
        "base", "basefont", "bgsound", "link", "meta", "title", "style", "script", "noscript",
        "noframes", "template",
    ]) {
        f |= HEAD_EL;
    }
    if has(&[
        "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl",
        "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i",
        "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby",
        "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u",
        "ul", "var",
    ]) {
        f |= BREAKOUT;
    }
    if has(&[
        "caption", "col", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr",
    ]) {
        f |= TABLE_PART;
    }
    f
}

fn rule_flags(name: &str) -> u32 {
    let mut f = 0;
    if rules::is_skip_tag(name) {
        f |= SKIP;
    }
    if rules::is_block_tag(name) {
        f |= BLOCK;
    }
    if rules::is_furniture_tag(name) {
        f |= FURNITURE;
    }
    if rules::FLATTEN_TAGS.contains(&name) {
        f |= FLATTEN;
    }
    f
}

/// A tag name of up to 15 bytes, lower-cased, as one integer (bytes from the top,
/// length in the lowest byte): looking names up compares integers, not strings.
fn pack(name: &[u8]) -> Option<u128> {
    if name.len() > 15 {
        return None;
    }
    let mut v = 0u128;
    for (i, c) in name.iter().enumerate() {
        v |= u128::from(c.to_ascii_lowercase()) << (8 * (15 - i));
    }
    Some(v | name.len() as u128)
}

/// [`KNOWN`] packed, sorted by key.
static KNOWN_PACKED: LazyLock<Vec<(u128, Tag)>> = LazyLock::new(|| {
    let mut v: Vec<(u128, Tag)> = KNOWN
        .iter()
        .enumerate()
        .filter_map(|(i, n)| Some((pack(n.as_bytes())?, i as Tag)))
        .collect();
    v.sort_unstable();
    v
});

static KNOWN_FLAGS: LazyLock<Vec<u32>> = LazyLock::new(|| {
    KNOWN
        .iter()
        .map(|n| parser_flags(n) | rule_flags(n))
        .collect()
});

/// Input bytes read: decoded text can outgrow the input a little, and every offset
/// into either must fit in a `u32`.
pub const MAX_INPUT: usize = (u32::MAX / 4) as usize;

/// Most elements open at once (a few levels above the container-tag limit).
const MAX_OPEN: usize = rules::MAX_SOURCE_DEPTH + 64;

/// Text stored in the source (`Src`) or in the parser's own buffer (decoded text).
#[derive(Clone, Copy)]
enum Span {
    Src(u32, u32),
    Buf(u32, u32),
    /// Decoded attribute values, kept apart so that text merged across ignored tags
    /// always ends the text buffer and grows in place.
    Attr(u32, u32),
}

/// What a node is.
#[derive(Clone, Copy)]
pub enum Kind {
    Document,
    /// An element: its tag and its range in the attribute list.
    Element(Tag, u32, u32),
    Text(TextRef),
    Comment,
}

/// Handle to a text node's text (see [`Dom::str`]).
#[derive(Clone, Copy)]
pub struct TextRef(Span);

struct Node {
    kind: Kind,
    parent: NodeId,
    first_child: NodeId,
    last_child: NodeId,
    next_sibling: NodeId,
    prev_sibling: NodeId,
}

/// A parsed page.
pub struct Dom<'a> {
    src: &'a str,
    buf: String,
    abuf: String,
    nodes: Vec<Node>,
    attrs: Vec<(Attr, Span)>,
    /// Names of tags not in [`KNOWN`], by `id - KNOWN.len()`, with their flags.
    extra: Vec<(String, u32)>,
    html: NodeId,
    body: NodeId,
}

impl<'a> Dom<'a> {
    /// Parses a page. Never fails: any input yields a tree with an `html` element.
    /// Offsets are 32-bit, so only the first [`MAX_INPUT`] bytes are read.
    pub fn parse(src: &'a str) -> Dom<'a> {
        let mut end = src.len().min(MAX_INPUT);
        while !src.is_char_boundary(end) {
            end -= 1;
        }
        let mut b = Builder::new(&src[..end]);
        b.run();
        b.dom
    }

    fn span(&self, s: Span) -> &str {
        match s {
            Span::Src(a, b) => &self.src[a as usize..b as usize],
            Span::Buf(a, b) => &self.buf[a as usize..b as usize],
            Span::Attr(a, b) => &self.abuf[a as usize..b as usize],
        }
    }

    /// The `html` element.
    pub fn root_element(&self) -> NodeId {
        self.html
    }

    /// The `body` element, else the `html` element.
    pub fn body(&self) -> NodeId {
        if self.body == NONE {
            self.html
        } else {
            self.body
        }
    }

    /// What node `n` is.
    pub fn kind(&self, n: NodeId) -> Kind {
        self.nodes[n as usize].kind
    }

    /// The tag of element `n`, if it is one.
    pub fn tag(&self, n: NodeId) -> Option<Tag> {
        match self.nodes[n as usize].kind {
            Kind::Element(t, ..) => Some(t),
            _ => None,
        }
    }

    /// The lower-case name of a tag.
    pub fn tag_name(&self, t: Tag) -> &str {
        match KNOWN.get(t as usize) {
            Some(n) => n,
            None => &self.extra[t as usize - KNOWN.len()].0,
        }
    }

    fn flags(&self, t: Tag) -> u32 {
        match KNOWN_FLAGS.get(t as usize) {
            Some(&f) => f,
            None => self.extra[t as usize - KNOWN.len()].1,
        }
    }

    /// [`rules::is_skip_tag`] for a tag id.
    pub fn is_skip(&self, t: Tag) -> bool {
        self.flags(t) & SKIP != 0
    }

    /// [`rules::is_block_tag`] for a tag id.
    pub fn is_block(&self, t: Tag) -> bool {
        self.flags(t) & BLOCK != 0
    }

    /// [`rules::is_furniture_tag`] for a tag id.
    pub fn is_furniture(&self, t: Tag) -> bool {
        self.flags(t) & FURNITURE != 0
    }

    /// Value of attribute `a` of node `n` (None for non-elements).
    pub fn attr(&self, n: NodeId, a: Attr) -> Option<&str> {
        match self.nodes[n as usize].kind {
            Kind::Element(_, from, to) => self.attrs[from as usize..to as usize]
                .iter()
                .find(|(k, _)| *k == a)
                .map(|(_, v)| self.span(*v)),
            _ => None,
        }
    }

    /// The text of a text node.
    pub fn str(&self, t: TextRef) -> &str {
        self.span(t.0)
    }

    /// Text of node `n` if it is a text node.
    pub fn text(&self, n: NodeId) -> Option<&str> {
        match self.nodes[n as usize].kind {
            Kind::Text(t) => Some(self.str(t)),
            _ => None,
        }
    }

    pub fn parent(&self, n: NodeId) -> NodeId {
        self.nodes[n as usize].parent
    }

    pub fn first_child(&self, n: NodeId) -> NodeId {
        self.nodes[n as usize].first_child
    }

    pub fn next_sibling(&self, n: NodeId) -> NodeId {
        self.nodes[n as usize].next_sibling
    }

    /// Every element in creation order (document order but for implied elements).
    pub fn elements(&self) -> impl Iterator<Item = (NodeId, Tag)> + '_ {
        self.nodes
            .iter()
            .enumerate()
            .filter_map(|(i, n)| match n.kind {
                Kind::Element(t, ..) => Some((i as NodeId, t)),
                _ => None,
            })
    }

    /// `n` and its descendants in preorder.
    pub fn descendants(&self, n: NodeId) -> Descendants<'_, 'a> {
        Descendants {
            dom: self,
            root: n,
            next: n,
        }
    }

    /// The text of every text node under `n`, concatenated.
    pub fn text_content(&self, n: NodeId) -> String {
        let mut s = String::new();
        for d in self.descendants(n) {
            if let Some(t) = self.text(d) {
                s.push_str(t);
            }
        }
        s
    }
}

/// Preorder iterator over a subtree.
pub struct Descendants<'d, 'a> {
    dom: &'d Dom<'a>,
    root: NodeId,
    next: NodeId,
}

impl Iterator for Descendants<'_, '_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let cur = self.next;
        if cur == NONE {
            return None;
        }
        let d = self.dom;
        let fc = d.first_child(cur);
        self.next = if fc != NONE {
            fc
        } else {
            let mut n = cur;
            loop {
                if n == self.root {
                    break NONE;
                }
                let s = d.next_sibling(n);
                if s != NONE {
                    break s;
                }
                n = d.parent(n);
                if n == NONE {
                    break NONE;
                }
            }
        };
        Some(cur)
    }
}

/// Where the tree builder is, as far as head and body placement go.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Mode {
    BeforeHead,
    InHead,
    AfterHead,
    InBody,
}

struct Builder<'a> {
    dom: Dom<'a>,
    b: &'a [u8],
    pos: usize,
    /// Open elements (node, tag), innermost last.
    stack: Vec<(NodeId, Tag)>,
    /// Open elements per known tag, so most scope checks need no scan.
    open: Vec<u32>,
    mode: Mode,
    head: NodeId,
    /// Stack index of the outermost open SVG/MathML element.
    foreign: Option<usize>,
    quirks: bool,
    seen_doctype: bool,
    /// Open container tags as written in the source (see [`Builder::too_deep`]), and
    /// how many dropped start tags still await their end tags.
    src_depth: usize,
    dropped: usize,
    /// A comment was inserted since the last text: the next text starts a new node.
    text_break: bool,
    interned: HashMap<String, Tag>,
    /// Scratch for tag names and attributes of the current tag.
    name_buf: Vec<u8>,
    tag_attrs: Vec<(Attr, Span)>,
}

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

impl<'a> Builder<'a> {
    fn new(src: &'a str) -> Builder<'a> {
        let mut dom = Dom {
            src,
            buf: String::new(),
            abuf: String::new(),
            nodes: Vec::with_capacity(src.len() / 40 + 8),
            attrs: Vec::new(),
            extra: Vec::new(),
            html: NONE,
            body: NONE,
        };
        dom.nodes.push(Node {
            kind: Kind::Document,
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
            prev_sibling: NONE,
        });
        Builder {
            dom,
            b: src.as_bytes(),
            // A byte order mark is not text.
            pos: if src.starts_with('\u{feff}') { 3 } else { 0 },
            stack: Vec::new(),
            open: vec![0; KNOWN.len()],
            mode: Mode::BeforeHead,
            head: NONE,
            foreign: None,
            quirks: true,
            seen_doctype: false,
            src_depth: 0,
            dropped: 0,
            text_break: false,
            interned: HashMap::new(),
            name_buf: Vec::new(),
            tag_attrs: Vec::new(),
        }
    }

    // ---- tree operations ----

    fn append(&mut self, parent: NodeId, kind: Kind) -> NodeId {
        let id = self.dom.nodes.len() as NodeId;
        self.dom.nodes.push(Node {
            kind,
            parent,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
            prev_sibling: NONE,
        });
        let p = &mut self.dom.nodes[parent as usize];
        let last = p.last_child;
        p.last_child = id;
        if last == NONE {
            p.first_child = id;
        } else {
            self.dom.nodes[last as usize].next_sibling = id;
            self.dom.nodes[id as usize].prev_sibling = last;
        }
        id
    }

    /// Adds a node just before `before`, under the same parent.
    fn insert_before(&mut self, before: NodeId, kind: Kind) -> NodeId {
        let parent = self.dom.nodes[before as usize].parent;
        let prev = self.dom.nodes[before as usize].prev_sibling;
        let id = self.dom.nodes.len() as NodeId;
        self.dom.nodes.push(Node {
            kind,
            parent,
            first_child: NONE,
            last_child: NONE,
            next_sibling: before,
            prev_sibling: prev,
        });
        self.dom.nodes[before as usize].prev_sibling = id;
        if prev == NONE {
            self.dom.nodes[parent as usize].first_child = id;
        } else {
            self.dom.nodes[prev as usize].next_sibling = id;
        }
        id
    }

    /// Where content goes when the current node is table structure: just before the
    /// innermost table ("foster parenting"), as browsers do with stray text and
    /// elements between rows. None when content goes to the current node.
    fn foster_point(&mut self) -> Option<NodeId> {
        if self.top_tag() == Some(tag::COLGROUP) {
            self.pop();
        }
        match self.top_tag()? {
            tag::TABLE | tag::TBODY | tag::THEAD | tag::TFOOT | tag::TR => {
                let ti = self.table_index()?;
                let table = self.stack[ti].0;
                (self.dom.nodes[table as usize].parent != NONE).then_some(table)
            }
            _ => None,
        }
    }

    fn flags(&self, t: Tag) -> u32 {
        self.dom.flags(t)
    }

    fn current(&self) -> NodeId {
        self.stack.last().map_or(self.dom.html, |e| e.0)
    }

    fn top_tag(&self) -> Option<Tag> {
        self.stack.last().map(|e| e.1)
    }

    /// Appends an element with the current tag's attributes under `parent`.
    fn new_element(&mut self, parent: NodeId, t: Tag) -> NodeId {
        let kind = self.element_kind(t);
        self.append(parent, kind)
    }

    fn element_kind(&mut self, t: Tag) -> Kind {
        let from = self.dom.attrs.len() as u32;
        self.dom.attrs.append(&mut self.tag_attrs);
        let to = self.dom.attrs.len() as u32;
        self.text_break = false;
        Kind::Element(t, from, to)
    }

    fn push(&mut self, n: NodeId, t: Tag) {
        if let Some(c) = self.open.get_mut(t as usize) {
            *c += 1;
        }
        self.stack.push((n, t));
    }

    fn pop(&mut self) {
        if let Some((_, t)) = self.stack.pop() {
            if let Some(c) = self.open.get_mut(t as usize) {
                *c -= 1;
            }
            if self.foreign.is_some_and(|f| self.stack.len() <= f) {
                self.foreign = None;
            }
        }
    }

    /// Inserts an element at the current node (pushing it unless void).
    fn insert(&mut self, t: Tag, self_closing: bool) -> NodeId {
        let fostered = if self.flags(t) & TABLE_PART == 0
            && !matches!(
                t,
                tag::TABLE | tag::SCRIPT | tag::STYLE | tag::TEMPLATE | tag::FORM | tag::INPUT
            ) {
            self.foster_point()
        } else {
            None
        };
        let n = match fostered {
            Some(table) => {
                let kind = self.element_kind(t);
                self.insert_before(table, kind)
            }
            None => {
                let parent = self.current();
                self.new_element(parent, t)
            }
        };
        // Past the depth cap an element stays empty and its content goes to the
        // current node: scans of the open elements stay short on any page.
        if !(self_closing || self.flags(t) & VOID != 0) && self.stack.len() < MAX_OPEN {
            self.push(n, t);
        }
        n
    }

    fn ensure_html(&mut self) {
        if self.dom.html == NONE {
            let attrs = std::mem::take(&mut self.tag_attrs);
            self.dom.html = self.new_element(0, tag::HTML);
            self.push(self.dom.html, tag::HTML);
            self.tag_attrs = attrs;
        }
    }

    fn ensure_head(&mut self) {
        self.ensure_html();
        if self.head == NONE {
            let attrs = std::mem::take(&mut self.tag_attrs);
            self.head = self.new_element(self.dom.html, tag::HEAD);
            self.tag_attrs = attrs;
            if self.mode < Mode::InHead {
                self.mode = Mode::InHead;
            }
        }
    }

    fn ensure_body(&mut self) {
        if self.mode == Mode::InBody {
            return;
        }
        let attrs = std::mem::take(&mut self.tag_attrs);
        self.ensure_head();
        self.dom.body = self.new_element(self.dom.html, tag::BODY);
        self.push(self.dom.body, tag::BODY);
        self.mode = Mode::InBody;
        self.tag_attrs = attrs;
    }

    /// Adds the current tag's attributes to `n` where it lacks them (a second `<html>`
    /// or `<body>` tag).
    fn merge_attrs(&mut self, n: NodeId) {
        let Kind::Element(t, from, to) = self.dom.nodes[n as usize].kind else {
            return;
        };
        let new: Vec<(Attr, Span)> = std::mem::take(&mut self.tag_attrs)
            .into_iter()
            .filter(|(a, _)| {
                !self.dom.attrs[from as usize..to as usize]
                    .iter()
                    .any(|(k, _)| k == a)
            })
            .collect();
        if new.is_empty() {
            return;
        }
        // Re-home the element's attributes at the end of the list.
        let start = self.dom.attrs.len() as u32;
        let old: Vec<(Attr, Span)> = self.dom.attrs[from as usize..to as usize].to_vec();
        self.dom.attrs.extend(old);
        self.dom.attrs.extend(new);
        let end = self.dom.attrs.len() as u32;
        self.dom.nodes[n as usize].kind = Kind::Element(t, start, end);
    }

    fn is_open(&self, t: Tag) -> bool {
        self.open.get(t as usize).is_some_and(|&c| c > 0)
    }

    /// Whether an element with tag `t` is in scope; `extra` adds boundary tags.
    fn in_scope(&self, t: Tag, extra: &[Tag]) -> bool {
        if !self.is_open(t) {
            return false;
        }
        for &(_, s) in self.stack.iter().rev() {
            if s == t {
                return true;
            }
            if self.flags(s) & SCOPE != 0 || extra.contains(&s) {
                return false;
            }
        }
        false
    }

    fn generate_implied_end(&mut self, except: Option<Tag>) {
        while let Some(t) = self.top_tag() {
            if self.flags(t) & IMPLIED_END != 0 && Some(t) != except && self.stack.len() > 1 {
                self.pop();
            } else {
                break;
            }
        }
    }

    /// Pops up to and including the innermost element with tag `t`.
    fn pop_until(&mut self, t: Tag) {
        while let Some(s) = self.top_tag() {
            if self.stack.len() <= 1 {
                return;
            }
            self.pop();
            if s == t {
                return;
            }
        }
    }

    fn close_p(&mut self) {
        if self.in_scope(tag::P, &[tag::BUTTON]) {
            self.generate_implied_end(Some(tag::P));
            self.pop_until(tag::P);
        }
    }

    // ---- tokenizer ----

    fn run(&mut self) {
        let b = self.b;
        while self.pos < b.len() {
            let start = self.pos;
            let lt = memchr(b'<', &b[start..]).map_or(b.len(), |o| start + o);
            if lt > start {
                self.text(start, lt);
            }
            if lt >= b.len() {
                break;
            }
            self.pos = lt;
            if !self.markup() {
                // A `<` that starts no markup is text.
                self.text(lt, lt + 1);
                self.pos = lt + 1;
            }
        }
        self.ensure_body();
    }

    /// Handles markup at `self.pos` (a `<`); false if it is plain text.
    fn markup(&mut self) -> bool {
        let b = self.b;
        let i = self.pos;
        match b.get(i + 1) {
            Some(c) if c.is_ascii_alphabetic() => self.tag(false),
            Some(b'/') => match b.get(i + 2) {
                Some(c) if c.is_ascii_alphabetic() => self.tag(true),
                Some(b'>') => {
                    self.pos = i + 3;
                    true
                }
                None => false,
                _ => {
                    self.bogus_comment(i + 2);
                    true
                }
            },
            Some(b'!') => {
                if b[i + 2..].starts_with(b"--") {
                    let s = i + 4;
                    self.pos = if b[s..].starts_with(b">") {
                        s + 1
                    } else if b[s..].starts_with(b"->") {
                        s + 2
                    } else {
                        find(&b[s..], b"-->").map_or(b.len(), |e| s + e + 3)
                    };
                    self.comment();
                } else if b.len() >= i + 9 && b[i + 2..i + 9].eq_ignore_ascii_case(b"doctype") {
                    let end = memchr(b'>', &b[i..]).map_or(b.len(), |e| i + e + 1);
                    self.doctype(&b[i + 9..end]);
                    self.pos = end;
                } else if self.foreign.is_some() && b[i + 2..].starts_with(b"[CDATA[") {
                    let s = i + 9;
                    let e = find(&b[s..], b"]]>").map_or(b.len(), |e| s + e);
                    self.text(s, e);
                    self.pos = (e + 3).min(b.len());
                } else {
                    self.bogus_comment(i + 2);
                }
                true
            }
            Some(b'?') => {
                self.bogus_comment(i + 1);
                true
            }
            _ => false,
        }
    }

    fn bogus_comment(&mut self, from: usize) {
        self.pos = memchr(b'>', &self.b[from..]).map_or(self.b.len(), |e| from + e + 1);
        self.comment();
    }

    fn comment(&mut self) {
        if self.mode == Mode::InBody {
            let p = self.current();
            self.append(p, Kind::Comment);
        } else if self.dom.html != NONE {
            let p = if self.head != NONE && self.mode == Mode::InHead {
                self.head
            } else {
                self.dom.html
            };
            self.append(p, Kind::Comment);
        } else {
            self.append(0, Kind::Comment);
        }
        self.text_break = true;
    }

    fn doctype(&mut self, d: &[u8]) {
        if self.seen_doctype || self.dom.html != NONE {
            return;
        }
        self.seen_doctype = true;
        let s = String::from_utf8_lossy(d).to_ascii_lowercase();
        let mut words = s.split_whitespace();
        let name = words.next().unwrap_or("").trim_end_matches('>');
        let public = s.contains("public");
        let has_system = s.matches(['"', '\'']).count() >= 4;
        // The common quirks triggers; `html` alone is standards mode.
        self.quirks = name != "html"
            || (public
                && (s.contains("-//w3c//dtd html 3")
                    || s.contains("-//ietf//dtd html")
                    || s.contains("-//w3o//")
                    || s.contains("-//w3c//dtd html 4.0 transitional")
                    || ((s.contains("-//w3c//dtd html 4.01 transitional")
                        || s.contains("-//w3c//dtd html 4.01 frameset"))
                        && !has_system)));
    }

    fn intern(&mut self, name: &[u8]) -> Tag {
        if let Some(k) = pack(name)
            && let Ok(i) = KNOWN_PACKED.binary_search_by_key(&k, |e| e.0)
        {
            return KNOWN_PACKED[i].1;
        }
        self.name_buf.clear();
        self.name_buf.extend_from_slice(name);
        self.name_buf.make_ascii_lowercase();
        let s = String::from_utf8_lossy(&self.name_buf);
        if let Some(&t) = self.interned.get(s.as_ref()) {
            return t;
        }
        let s = s.into_owned();
        let t = (KNOWN.len() + self.dom.extra.len()).min(Tag::MAX as usize) as Tag;
        if (t as usize) < KNOWN.len() + self.dom.extra.len() {
            // Out of ids (absurd page): reuse the last one.
            return t;
        }
        let f = rule_flags(&s);
        self.dom.extra.push((s.clone(), f));
        self.open.push(0);
        self.interned.insert(s, t);
        t
    }

    /// Parses a start or end tag at `self.pos`; false when the input ends inside it
    /// (the tokenizer then drops it).
    fn tag(&mut self, end: bool) -> bool {
        let b = self.b;
        let mut i = self.pos + if end { 2 } else { 1 };
        let name_start = i;
        while i < b.len() && !is_ws(b[i]) && b[i] != b'/' && b[i] != b'>' {
            i += 1;
        }
        let t = self.intern(&b[name_start..i]);
        self.tag_attrs.clear();
        let mut self_closing = false;
        loop {
            while i < b.len() && (is_ws(b[i]) || b[i] == b'/') {
                self_closing = b[i] == b'/';
                i += 1;
            }
            if i >= b.len() {
                self.pos = b.len();
                return true;
            }
            if b[i] == b'>' {
                i += 1;
                break;
            }
            self_closing = false;
            let an = i;
            i += 1; // the first character may be `=`
            while i < b.len() && !is_ws(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
                i += 1;
            }
            let attr = if end { None } else { attr_of(&b[an..i]) };
            while i < b.len() && is_ws(b[i]) {
                i += 1;
            }
            let mut value = (i, i);
            if b.get(i) == Some(&b'=') {
                i += 1;
                while i < b.len() && is_ws(b[i]) {
                    i += 1;
                }
                match b.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let s = i + 1;
                        let e = memchr(q, &b[s..]).map_or(b.len(), |e| s + e);
                        value = (s, e);
                        i = (e + 1).min(b.len());
                    }
                    _ => {
                        let s = i;
                        while i < b.len() && !is_ws(b[i]) && b[i] != b'>' {
                            i += 1;
                        }
                        value = (s, i);
                    }
                }
            }
            if let Some(a) = attr
                && !self.tag_attrs.iter().any(|(k, _)| *k == a)
            {
                let v = self.decode(value.0, value.1, true);
                self.tag_attrs.push((a, v));
            }
        }
        self.pos = i;
        if self.flags(t) & FLATTEN != 0 && self.too_deep(end) {
            return true;
        }
        if end {
            self.end_tag(t);
        } else {
            self.start_tag(t, self_closing);
        }
        true
    }

    /// Pathological nesting guard: container tags nested deeper than
    /// [`rules::MAX_SOURCE_DEPTH`] in the source are dropped with their end tags (their
    /// text kept), flattening the excess levels into the deepest allowed one. Real
    /// pages nest a few hundred levels at most; the rest of the pipeline then never
    /// sees a 100,000-deep tree. True when this tag is dropped.
    fn too_deep(&mut self, end: bool) -> bool {
        if end {
            if self.dropped > 0 {
                self.dropped -= 1;
                return true;
            }
            self.src_depth = self.src_depth.saturating_sub(1);
            false
        } else if self.src_depth >= rules::MAX_SOURCE_DEPTH {
            self.dropped += 1;
            true
        } else {
            self.src_depth += 1;
            false
        }
    }

    // ---- text and character references ----

    /// Text of `src[from..to]` with character references decoded (attribute values
    /// into their own buffer).
    fn decode(&mut self, from: usize, to: usize, in_attr: bool) -> Span {
        let b = self.b;
        let Some(first) = memchr(b'&', &b[from..to]) else {
            return Span::Src(from as u32, to as u32);
        };
        let src = self.dom.src;
        let out = if in_attr {
            &mut self.dom.abuf
        } else {
            &mut self.dom.buf
        };
        let start = out.len();
        out.push_str(&src[from..from + first]);
        let mut i = from + first;
        while i < to {
            let Some(amp) = memchr(b'&', &b[i..to]).map(|o| i + o) else {
                out.push_str(&src[i..to]);
                break;
            };
            out.push_str(&src[i..amp]);
            let (text, next) = char_ref(&b[..to], amp, in_attr);
            match text {
                Some(r) => out.push_str(r.as_str()),
                None => out.push('&'),
            }
            i = next;
        }
        let (start, end) = (start as u32, out.len() as u32);
        if in_attr {
            Span::Attr(start, end)
        } else {
            Span::Buf(start, end)
        }
    }

    fn text(&mut self, from: usize, to: usize) {
        if self.mode != Mode::InBody {
            let s = &self.b[from..to];
            if s.iter().all(|&c| is_ws(c)) {
                if self.mode >= Mode::InHead && self.head != NONE {
                    let sp = Span::Src(from as u32, to as u32);
                    let p = if self.mode == Mode::InHead {
                        self.head
                    } else {
                        self.dom.html
                    };
                    self.append(p, Kind::Text(TextRef(sp)));
                }
                return;
            }
            self.ensure_body();
        }
        let span = self.decode(from, to, false);
        if !self.b[from..to].iter().all(|&c| is_ws(c))
            && let Some(table) = self.foster_point()
        {
            let prev = self.dom.nodes[table as usize].prev_sibling;
            if !self.text_break
                && prev != NONE
                && matches!(self.dom.nodes[prev as usize].kind, Kind::Text(_))
            {
                self.merge_text(prev, span);
            } else {
                self.text_break = false;
                self.insert_before(table, Kind::Text(TextRef(span)));
            }
            return;
        }
        let parent = self.current();
        self.append_text(parent, span);
    }

    /// Appends text under `parent`, merging with a text node that ends its children.
    fn append_text(&mut self, parent: NodeId, span: Span) {
        let last = self.dom.nodes[parent as usize].last_child;
        if !self.text_break
            && last != NONE
            && matches!(self.dom.nodes[last as usize].kind, Kind::Text(_))
        {
            self.merge_text(last, span);
            return;
        }
        self.text_break = false;
        self.append(parent, Kind::Text(TextRef(span)));
    }

    /// Appends `span` to text node `node`.
    fn merge_text(&mut self, node: NodeId, span: Span) {
        if let Kind::Text(TextRef(prev)) = self.dom.nodes[node as usize].kind {
            let merged = match (prev, span) {
                (Span::Src(a, b), Span::Src(c, d)) if b == c => Span::Src(a, d),
                (Span::Buf(a, b), Span::Buf(c, d)) if b == c => Span::Buf(a, d),
                // Grow in place: merging stays linear however many pieces there are.
                (Span::Buf(a, b), Span::Src(c, d)) if b as usize == self.dom.buf.len() => {
                    let src = self.dom.src;
                    self.dom.buf.push_str(&src[c as usize..d as usize]);
                    Span::Buf(a, self.dom.buf.len() as u32)
                }
                _ => {
                    let start = self.dom.buf.len();
                    let joined = format!("{}{}", self.dom.span(prev), self.dom.span(span));
                    self.dom.buf.push_str(&joined);
                    Span::Buf(start as u32, self.dom.buf.len() as u32)
                }
            };
            self.dom.nodes[node as usize].kind = Kind::Text(TextRef(merged));
        }
    }

    /// Consumes a raw-text element's content up to its end tag, adding it as text of
    /// `el` when `keep`.
    fn raw_text(&mut self, el: NodeId, t: Tag, keep: bool, decode: bool) {
        let b = self.b;
        let name = self.dom.tag_name(t).as_bytes();
        let start = self.pos;
        let mut i = start;
        let end = loop {
            let Some(o) = find(&b[i..], b"</") else {
                break b.len();
            };
            let at = i + o;
            let n = at + 2;
            if b.len() >= n + name.len()
                && b[n..n + name.len()].eq_ignore_ascii_case(name)
                && b.get(n + name.len())
                    .is_none_or(|&c| is_ws(c) || c == b'/' || c == b'>')
            {
                break at;
            }
            i = at + 2;
        };
        if keep && end > start {
            let span = if decode {
                self.decode(start, end, false)
            } else {
                Span::Src(start as u32, end as u32)
            };
            self.text_break = true;
            self.append_text(el, span);
        }
        self.pos = end;
        if end < b.len() {
            // Skip the end tag itself.
            self.pos = memchr(b'>', &b[end..]).map_or(b.len(), |e| end + e + 1);
        }
    }

    // ---- tree construction ----

    fn start_tag(&mut self, t: Tag, self_closing: bool) {
        let t = if t == tag::IMAGE { tag::IMG } else { t };
        let f = self.flags(t);
        if self.mode != Mode::InBody {
            self.ensure_html();
            if t == tag::HTML {
                self.merge_attrs(self.dom.html);
                return;
            }
            if t == tag::HEAD {
                self.ensure_head();
                return;
            }
            if t == tag::FRAMESET {
                return;
            }
            if t == tag::BODY {
                self.ensure_body();
                self.merge_attrs(self.dom.body);
                return;
            }
            if f & HEAD_EL != 0 {
                self.ensure_head();
                let el = self.new_element(self.head, t);
                if f & RAW != 0 {
                    self.raw_content(el, t);
                }
                return;
            }
            self.ensure_body();
        }
        if let Some(root) = self.foreign {
            if f & BREAKOUT == 0 {
                self.insert(t, self_closing);
                return;
            }
            while self.stack.len() > root {
                self.pop();
            }
            self.foreign = None;
        }
        match t {
            tag::HTML => return self.merge_attrs(self.dom.html),
            tag::BODY => {
                if self.dom.body != NONE {
                    self.merge_attrs(self.dom.body);
                }
                return;
            }
            tag::HEAD | tag::FRAMESET => return,
            _ => {}
        }
        if f & TABLE_PART != 0 {
            return self.table_part(t);
        }
        if f & RAW != 0 {
            if t == tag::TEMPLATE {
                // Template content is not part of the rendered page.
                let el = self.insert(t, true);
                return self.raw_text(el, t, false, false);
            }
            if f & CLOSES_P != 0 {
                self.close_p();
            }
            let el = self.insert(t, true);
            return self.raw_content(el, t);
        }
        if f & CLOSES_P != 0 {
            self.close_p();
        }
        match t {
            _ if f & HEADING != 0
                && self.top_tag().is_some_and(|s| self.flags(s) & HEADING != 0) =>
            {
                self.pop()
            }
            tag::LI => self.close_item(&[tag::LI]),
            tag::DD | tag::DT => self.close_item(&[tag::DD, tag::DT]),
            tag::BUTTON if self.in_scope(tag::BUTTON, &[]) => {
                self.generate_implied_end(None);
                self.pop_until(tag::BUTTON);
            }
            // An open link is closed by the next one (unless a block intervenes).
            tag::A | tag::NOBR if self.is_open(t) => {
                let at = self
                    .stack
                    .iter()
                    .rposition(|&(_, s)| s == t || self.flags(s) & SPECIAL != 0);
                if let Some(at) = at
                    && self.stack[at].1 == t
                {
                    while self.stack.len() > at {
                        self.pop();
                    }
                }
            }
            tag::OPTION | tag::OPTGROUP if self.top_tag() == Some(tag::OPTION) => self.pop(),
            _ => {}
        }
        if t == tag::TABLE {
            // A table started between rows ends the open one.
            if matches!(
                self.top_tag(),
                Some(tag::TABLE | tag::TBODY | tag::THEAD | tag::TFOOT | tag::TR)
            ) && let Some(ti) = self.table_index()
            {
                while self.stack.len() > ti {
                    self.pop();
                }
            }
            if !self.quirks {
                self.close_p();
            }
        }
        if t == tag::PLAINTEXT {
            let el = self.insert(t, true);
            let (s, e) = (self.pos, self.b.len());
            let span = self.decode(s, e, false);
            self.append_text(el, span);
            self.pos = e;
            return;
        }
        let foreign = matches!(t, tag::SVG | tag::MATH);
        let n = self.insert(t, foreign && self_closing);
        if foreign && self.stack.last().is_some_and(|e| e.0 == n) {
            self.foreign = Some(self.stack.len() - 1);
        }
    }

    /// Content of a raw-text element: kept for JSON-LD scripts and elements other
    /// than scripts and styles; character references decoded in `title`/`textarea`.
    fn raw_content(&mut self, el: NodeId, t: Tag) {
        let keep = match t {
            tag::SCRIPT => self
                .dom
                .attr(el, Attr::Type)
                .is_some_and(|v| v.to_ascii_lowercase().contains("ld+json")),
            tag::STYLE => false,
            _ => true,
        };
        let decode = matches!(self.dom.tag_name(t), "title" | "textarea");
        self.raw_text(el, t, keep, decode);
    }

    /// `<li>`, `<dd>`, `<dt>`: close an open item of the same kind.
    fn close_item(&mut self, kinds: &[Tag]) {
        if !kinds.iter().any(|&k| self.is_open(k)) {
            return;
        }
        for i in (0..self.stack.len()).rev() {
            let s = self.stack[i].1;
            if kinds.contains(&s) {
                self.generate_implied_end(Some(s));
                self.pop_until(s);
                return;
            }
            if self.flags(s) & SPECIAL != 0 && !matches!(s, tag::ADDRESS | tag::DIV | tag::P) {
                return;
            }
        }
    }

    /// Index of the innermost open table on the stack.
    fn table_index(&self) -> Option<usize> {
        if !self.is_open(tag::TABLE) {
            return None;
        }
        self.stack.iter().rposition(|&(_, s)| s == tag::TABLE)
    }

    /// Pops back to a table element of one of `ctx` (or the table itself).
    fn clear_to(&mut self, table: usize, ctx: &[Tag]) {
        while self.stack.len() > table + 1 {
            let s = self.stack[self.stack.len() - 1].1;
            if ctx.contains(&s) {
                return;
            }
            self.pop();
        }
    }

    /// Table structure tags: rows and cells close open ones, `tbody` and `tr` are
    /// implied; outside a table they are ignored, as browsers do.
    fn table_part(&mut self, t: Tag) {
        let Some(ti) = self.table_index() else {
            return;
        };
        let sections = [tag::TBODY, tag::THEAD, tag::TFOOT];
        match t {
            tag::TR => {
                self.clear_to(ti, &sections);
                if self.top_tag() == Some(tag::TABLE) {
                    self.tag_attrs_saved(tag::TBODY);
                }
            }
            tag::TD | tag::TH => {
                self.clear_to(ti, &[tag::TR, tag::TBODY, tag::THEAD, tag::TFOOT]);
                if self.top_tag() == Some(tag::TABLE) {
                    self.tag_attrs_saved(tag::TBODY);
                }
                if self.top_tag() != Some(tag::TR) {
                    self.tag_attrs_saved(tag::TR);
                }
            }
            _ => self.clear_to(ti, &[]),
        }
        self.insert(t, false);
    }

    /// Inserts an implied element (no attributes of its own).
    fn tag_attrs_saved(&mut self, t: Tag) {
        let attrs = std::mem::take(&mut self.tag_attrs);
        self.insert(t, false);
        self.tag_attrs = attrs;
    }

    fn end_tag(&mut self, t: Tag) {
        let t = if t == tag::IMAGE { tag::IMG } else { t };
        let f = self.flags(t);
        if self.mode != Mode::InBody {
            match t {
                tag::HEAD => {
                    self.ensure_head();
                    self.mode = Mode::AfterHead;
                    return;
                }
                tag::BR => {
                    self.ensure_body();
                }
                _ => return,
            }
        }
        if let Some(root) = self.foreign {
            // The innermost foreign element with this name, if any (ids are names
            // lower-cased, so equal ids are equal names).
            if let Some(i) = (root..self.stack.len())
                .rev()
                .find(|&i| self.stack[i].1 == t)
            {
                while self.stack.len() > i {
                    self.pop();
                }
                return;
            }
        }
        match t {
            tag::BODY | tag::HTML => {}
            tag::BR => {
                self.tag_attrs.clear();
                self.insert(tag::BR, true);
            }
            tag::P => {
                if self.in_scope(tag::P, &[tag::BUTTON]) {
                    self.close_p();
                } else {
                    self.tag_attrs.clear();
                    self.insert(tag::P, true);
                }
            }
            tag::LI | tag::DD | tag::DT => {
                let extra: &[Tag] = if t == tag::LI {
                    &[tag::OL, tag::UL]
                } else {
                    &[]
                };
                if self.in_scope(t, extra) {
                    self.generate_implied_end(Some(t));
                    self.pop_until(t);
                }
            }
            _ if f & HEADING != 0 => {
                let at = self
                    .stack
                    .iter()
                    .rposition(|&(_, s)| self.flags(s) & (HEADING | SCOPE) != 0);
                if let Some(at) = at
                    && self.flags(self.stack[at].1) & HEADING != 0
                {
                    self.generate_implied_end(None);
                    while self.stack.len() > at {
                        self.pop();
                    }
                }
            }
            tag::TABLE => {
                if let Some(ti) = self.table_index() {
                    while self.stack.len() > ti {
                        self.pop();
                    }
                }
            }
            _ if f & TABLE_PART != 0 => {
                if let Some(ti) = self.table_index()
                    && self.stack[ti..].iter().any(|&(_, s)| s == t)
                {
                    self.pop_until(t);
                }
            }
            _ if f & SPECIAL != 0 || f & SCOPE != 0 => {
                if self.in_scope(t, &[]) {
                    self.generate_implied_end(Some(t));
                    self.pop_until(t);
                }
            }
            _ => {
                // Any other end tag: close the innermost such element unless a special
                // element is open inside it.
                if !self.is_open(t) {
                    return;
                }
                for i in (0..self.stack.len()).rev() {
                    let s = self.stack[i].1;
                    if s == t {
                        if i == 0 {
                            return;
                        }
                        while self.stack.len() > i {
                            self.pop();
                        }
                        return;
                    }
                    if self.flags(s) & SPECIAL != 0 {
                        return;
                    }
                }
            }
        }
    }
}

/// Decoded text of a character reference at `b[at]` (`&`), and the index after it.
/// `None`: not a reference, the `&` is literal.
fn char_ref(b: &[u8], at: usize, in_attr: bool) -> (Option<CharText>, usize) {
    let i = at + 1;
    if b.get(i) == Some(&b'#') {
        let (hex, s) = match b.get(i + 1) {
            Some(b'x' | b'X') => (true, i + 2),
            _ => (false, i + 1),
        };
        let mut j = s;
        let mut v: u32 = 0;
        while j < b.len() {
            let d = match (hex, b[j]) {
                (_, c @ b'0'..=b'9') => (c - b'0') as u32,
                (true, c @ b'a'..=b'f') => (c - b'a' + 10) as u32,
                (true, c @ b'A'..=b'F') => (c - b'A' + 10) as u32,
                _ => break,
            };
            v = v
                .saturating_mul(if hex { 16 } else { 10 })
                .saturating_add(d);
            j += 1;
        }
        if j == s {
            return (None, at + 1);
        }
        if b.get(j) == Some(&b';') {
            j += 1;
        }
        let c = match v {
            0x80..=0x9f => markup5ever::data::C1_REPLACEMENTS[(v - 0x80) as usize]
                .unwrap_or_else(|| char::from_u32(v).unwrap_or('\u{fffd}')),
            0 => '\u{fffd}',
            _ => char::from_u32(v).unwrap_or('\u{fffd}'),
        };
        return (Some(CharText::one(c)), j);
    }
    let mut j = i;
    while j < b.len() && j - i < 40 && b[j].is_ascii_alphanumeric() {
        j += 1;
    }
    if j == i {
        return (None, at + 1);
    }
    // ASCII, so every index is a char boundary.
    let name = std::str::from_utf8(&b[i..j]).unwrap_or("");
    if b.get(j) == Some(&b';') {
        let mut key = String::with_capacity(name.len() + 1);
        key.push_str(name);
        key.push(';');
        if let Some(&(c1, c2)) = markup5ever::data::NAMED_ENTITIES.get(&key[..])
            && c1 != 0
        {
            return (Some(CharText::two(c1, c2)), j + 1);
        }
    }
    // Legacy references without `;` (`&amp`, `&copy`): the longest that is one.
    for len in (1..=name.len()).rev() {
        if let Some(&(c1, c2)) = markup5ever::data::NAMED_ENTITIES.get(&name[..len])
            && c1 != 0
        {
            let next = b.get(i + len).copied();
            if in_attr && next.is_some_and(|c| c.is_ascii_alphanumeric() || c == b'=') {
                return (None, at + 1);
            }
            return (Some(CharText::two(c1, c2)), i + len);
        }
    }
    (None, at + 1)
}

/// Up to two characters, without allocating.
struct CharText {
    buf: [u8; 8],
    len: usize,
}

impl CharText {
    fn one(c: char) -> CharText {
        let mut buf = [0u8; 8];
        let len = c.encode_utf8(&mut buf).len();
        CharText { buf, len }
    }

    fn two(c1: u32, c2: u32) -> CharText {
        let mut t = CharText::one(char::from_u32(c1).unwrap_or('\u{fffd}'));
        if let Some(c) = char::from_u32(c2).filter(|_| c2 != 0) {
            t.len += c.encode_utf8(&mut t.buf[t.len..]).len();
        }
        t
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("\u{fffd}")
    }
}

use memchr::memchr;

fn find(h: &[u8], n: &[u8]) -> Option<usize> {
    memchr::memmem::find(h, n)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree as an S-expression: elements by name, text quoted.
    fn tree(html: &str) -> String {
        let d = Dom::parse(html);
        let mut out = String::new();
        fn walk(d: &Dom<'_>, n: NodeId, out: &mut String) {
            match d.kind(n) {
                Kind::Element(t, ..) => {
                    out.push('(');
                    out.push_str(d.tag_name(t));
                    let mut c = d.first_child(n);
                    while c != NONE {
                        out.push(' ');
                        walk(d, c, out);
                        c = d.next_sibling(c);
                    }
                    out.push(')');
                }
                Kind::Text(t) => {
                    out.push('"');
                    out.push_str(d.str(t));
                    out.push('"');
                }
                _ => out.push('!'),
            }
        }
        walk(&d, d.body(), &mut out);
        out
    }

    #[test]
    fn implied_end_tags() {
        assert_eq!(
            tree("<p>a<p>b<div>c</div>"),
            r#"(body (p "a") (p "b") (div "c"))"#
        );
        assert_eq!(
            tree("<ul><li>a<li>b</ul><dl><dt>x<dd>y</dl>"),
            r#"(body (ul (li "a") (li "b")) (dl (dt "x") (dd "y")))"#
        );
        assert_eq!(tree("<h2>a<h3>b"), r#"(body (h2 "a") (h3 "b"))"#);
        assert_eq!(tree("x</p>y"), r#"(body "x" (p) "y")"#);
    }

    #[test]
    fn tables_get_implied_rows_and_sections() {
        assert_eq!(
            tree("<!doctype html><table><td>a<td>b<tr><td>c</table>"),
            r#"(body (table (tbody (tr (td "a") (td "b")) (tr (td "c")))))"#
        );
    }

    #[test]
    fn stray_content_in_tables_goes_before_them() {
        assert_eq!(
            tree("<!doctype html><table>x<tr>y<td>a</td><div>b</div>c</tr></table>"),
            r#"(body "xy" (div "b") "c" (table (tbody (tr (td "a")))))"#
        );
        assert_eq!(
            tree("<table> <tr><td>a</table>"),
            r#"(body (table " " (tbody (tr (td "a")))))"#
        );
    }

    #[test]
    fn stray_end_tags_stop_at_blocks() {
        assert_eq!(
            tree("<div><span>a</div>b"),
            r#"(body (div (span "a")) "b")"#
        );
        assert_eq!(
            tree("<span><div>a</span>b</div>"),
            r#"(body (span (div "ab")))"#
        );
    }

    #[test]
    fn head_elements_and_raw_text() {
        let d = Dom::parse(
            "<title>A &amp; B</title><script>if (a<b) x='</p>';</script>\
             <script type=\"application/ld+json\">{\"a\":1}</script><p>T</p>",
        );
        let title = d.elements().find(|&(_, t)| t == tag::TITLE).unwrap().0;
        assert_eq!(d.text_content(title), "A & B");
        let scripts: Vec<String> = d
            .elements()
            .filter(|&(_, t)| t == tag::SCRIPT)
            .map(|(n, _)| d.text_content(n))
            .collect();
        assert_eq!(scripts, ["", "{\"a\":1}"]);
        assert_eq!(tree("<title>x</title><p>T</p>"), r#"(body (p "T"))"#);
    }

    #[test]
    fn character_references() {
        assert_eq!(
            tree("<p>&lt;a&gt; &#233;&#xE9; &copy 2024 &notit; &bogus; &#150;</p>"),
            "(body (p \"<a> éé © 2024 ¬it; &bogus; \u{2013}\"))"
        );
        let d = Dom::parse("<a href=\"?a=1&copy=2&amp;b\">x</a>");
        let a = d.elements().find(|&(_, t)| t == tag::A).unwrap().0;
        assert_eq!(d.attr(a, Attr::Href), Some("?a=1&copy=2&b"));
    }

    #[test]
    fn attributes_kept_and_bom_dropped() {
        let d = Dom::parse("\u{feff}<P ARIA-HIDDEN=true Class=x class=y data-x=1 id='i'>t");
        let p = d.elements().find(|&(_, t)| t == tag::P).unwrap().0;
        assert_eq!(d.attr(p, Attr::AriaHidden), Some("true"));
        assert_eq!(d.attr(p, Attr::Class), Some("x"));
        assert_eq!(d.attr(p, Attr::Id), Some("i"));
        assert_eq!(tree("\u{feff}x"), r#"(body "x")"#);
    }

    #[test]
    fn comments_and_foreign_content() {
        assert_eq!(
            tree("<p>a<!-- <p>x --><!-->b</p><svg><path/><p>c</p>"),
            r#"(body (p "a" ! ! "b") (svg (path)) (p "c"))"#
        );
    }

    #[test]
    fn deep_nesting_is_flattened_keeping_text() {
        let n = rules::MAX_SOURCE_DEPTH + 50;
        let html = format!(
            "{}<p>Kept</p>{}<p>After</p>",
            "<div class=x>".repeat(n),
            "</DIV>".repeat(n)
        );
        let d = Dom::parse(&html);
        let divs = d.elements().filter(|&(_, t)| t == tag::DIV).count();
        assert_eq!(divs, rules::MAX_SOURCE_DEPTH);
        let after = tree(&html);
        assert!(after.contains(r#"(p "Kept"))"#));
        assert!(after.ends_with(r#")) (p "After"))"#));
    }

    #[test]
    fn script_words_in_comments_and_titles_are_not_tags() {
        assert_eq!(
            tree("<!-- <script> --><p>Kept</p><!-- </script> -->"),
            r#"(body (p "Kept") !)"#
        );
        assert_eq!(
            tree("<title>Using <script> safely</title><p>Kept</p>"),
            r#"(body (p "Kept"))"#
        );
        assert_eq!(
            tree("<script data-x=\"a>b\">var s;</script><p>Kept</p><scripts>x</scripts>"),
            r#"(body (p "Kept") (scripts "x"))"#
        );
    }

    #[test]
    fn text_merged_across_ignored_tags() {
        assert_eq!(
            tree("<p>a &amp; b</span>c<td x='&amp;'>d&lt;</q>e"),
            r#"(body (p "a & bcd<e"))"#
        );
        // Many pieces: grows in place rather than recopying (would be quadratic).
        let html = "x&amp;</i>y</b>".repeat(200_000);
        let d = Dom::parse(&html);
        let body = d.body();
        let t = d.first_child(body);
        assert_eq!(d.text(t).map(str::len), Some(600_000));
        assert!(d.buf.len() < 2 * html.len());
    }

    #[test]
    fn arbitrary_input_does_not_panic() {
        for s in [
            "<",
            "</",
            "<!",
            "<!-",
            "<a b='",
            "&#",
            "&#x;",
            "<p a=\"&",
            "<table><td",
            "<svg><![CDATA[x",
        ] {
            let _ = Dom::parse(s);
        }
    }
}
