//! HTML pages: the article's text and the metadata the markup states.
//!
//! The main content is chosen by `dom_smoothie` (a port of Mozilla's Readability), measured
//! against the other Rust extractors on the ScrapingHub benchmark (`annals eval html`). Before
//! it looks, scripts and styles are emptied and the parts of a page that are never the article
//! (`data/html/drop.txt`: figures and captions, galleries, menus) are removed; after it, blocks
//! that are nothing but links ("Read more: …" lists of other stories). The text keeps one
//! paragraph a line, for the cleaning stage's line-by-line judgement.

use std::borrow::Cow;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use dom_query::{Document, Matcher, Selection};
use dom_smoothie::{Config, Readability, TextMode};
use rustc_hash::FxHashMap;
use serde_json::Value;

use super::{grouped, Meta, Stated};

/// The rule of a publication day read in the page's address (`/2019/11/20/`).
pub const ADDRESS_DATE: &str = "address date";

const DROP: &str = include_str!("../../data/html/drop.txt");
const META: &str = include_str!("../../data/html/meta.tsv");

/// The article of one page: its title, then its paragraphs, one a line.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub title: Option<String>,
    pub paragraphs: Vec<String>,
    pub meta: Meta,
}

impl Page {
    /// The text the cleaning stage reads: the title line, a blank line, the paragraphs.
    pub fn text(&self) -> String {
        let mut text = self.title.clone().unwrap_or_default();
        for p in &self.paragraphs {
            text.push_str("\n\n");
            text.push_str(p);
        }
        text
    }
}

/// One selector list of every part of a page that is never the article.
static DROP_MATCHER: LazyLock<Matcher> = LazyLock::new(|| {
    Matcher::new(&selectors(DROP).join(", ")).expect("data/html/drop.txt holds valid selectors")
});

/// The selectors of a list, one a line; a line starting with `#` is a comment (a selector of an
/// id, `#comments`, can still be written as `[id="comments"]`).
fn selectors(list: &str) -> Vec<&str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// A `<meta>` element to read: which field it fills, its rank among those of that field
/// (the file's order), and the rule's name.
struct MetaRule {
    field: String,
    rank: usize,
    rule: String,
}

/// The rules of `data/html/meta.tsv` by attribute and lower-cased value.
static META_RULES: LazyLock<FxHashMap<(String, String), MetaRule>> = LazyLock::new(|| {
    META.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .enumerate()
        .filter_map(|(rank, l)| {
            let mut cols = l.split('\t');
            let (field, attr, value) = (cols.next()?, cols.next()?, cols.next()?);
            let rule = MetaRule {
                field: field.to_string(),
                rank,
                rule: format!("meta {attr}={value}"),
            };
            Some(((attr.to_string(), value.to_ascii_lowercase()), rule))
        })
        .collect()
});

/// The deepest nesting read. The extractor and the selector engine recurse once a level, so a
/// page nested thousands deep overflows a thread's stack; news pages nest a few dozen levels (52
/// at most on the 181 pages of the ScrapingHub benchmark), and Chromium's parser stops nesting
/// at 512.
pub const MAX_DEPTH: usize = 512;

/// The most (node, ancestor) pairs read. The extractor measures the text under many of a page's
/// elements, so its work grows with these pairs rather than with the bytes: 8,000 nested
/// `<div>`s (32 million pairs) took 12 s, 100,000 never ended. The benchmark's pages have 47,000
/// at most; this many take about a second.
pub const MAX_PAIRS: usize = 4_000_000;

/// The most nodes (elements, texts, comments) a page may make. The benchmark's largest page has
/// 3,900 once its scripts are emptied; a page of a few kilobytes can make millions (each stray
/// `</p>` makes a paragraph), and parsing them was most of the time such a page took.
pub const MAX_NODES: usize = 400_000;

/// The longest text without markup read, in bytes. The extractor's work on one text grows with
/// the square of its length (a text of 2 MB took 10 s, split into pieces of 10 KB 2 s: found by
/// `annals fuzz`); the texts of the benchmark's pages are 10 KB at most.
pub const MAX_TEXT: usize = 250_000;

/// Why a page is not read: its shape would take the extractor too deep or too long.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    Deep,
    Large,
    Costly(Shape),
    LongText(usize),
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::Deep => write!(f, "too deeply nested: over {MAX_DEPTH} levels of elements"),
            Refused::Large => write!(
                f,
                "too many elements: over {} nodes (elements and texts)",
                grouped(MAX_NODES)
            ),
            Refused::Costly(s) => write!(
                f,
                "too costly to read: {} nodes at an average depth of {} ({} node-ancestor pairs, over the limit of {})",
                grouped(s.nodes),
                s.pairs / s.nodes.max(1),
                grouped(s.pairs),
                grouped(MAX_PAIRS)
            ),
            Refused::LongText(n) => write!(
                f,
                "too costly to read: a text of {} bytes without markup, over the limit of {}",
                grouped(*n),
                grouped(MAX_TEXT)
            ),
        }
    }
}

/// How many nodes a page has, how deep they nest, and every node's depth summed (the pairs of a
/// node and one of its ancestors).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shape {
    pub nodes: usize,
    pub deepest: usize,
    pub pairs: usize,
    /// The longest text node, in bytes.
    pub longest_text: usize,
}

/// The shape of a parsed page, walked without recursion (its depth is what is in question).
fn shape(doc: &Document) -> Shape {
    let root = doc.root();
    let mut s = Shape::default();
    let mut next = root.first_child();
    let mut depth = 1;
    while let Some(node) = next {
        s.nodes += 1;
        s.pairs += depth;
        s.deepest = s.deepest.max(depth);
        if node.is_text() {
            s.longest_text = s.longest_text.max(node.text().len());
        }
        if let Some(child) = node.first_child() {
            next = Some(child);
            depth += 1;
            continue;
        }
        // The next node in document order: a sibling of this node or of its nearest ancestor
        // that has one.
        let mut at = node;
        next = loop {
            if let Some(sibling) = at.next_sibling() {
                break Some(sibling);
            }
            match at.parent() {
                Some(parent) if parent.id != root.id => {
                    at = parent;
                    depth -= 1;
                }
                _ => break None,
            }
        };
    }
    s
}

/// Parses a page as `Document::from` does, but a piece at a time, and stops when the tree grows
/// over `MAX_NODES` or its newest branch over `MAX_DEPTH`: the tree builder looks through the
/// open elements for every tag, so its work grows with their depth (100,000 nested `<div>`s took
/// 26 s to parse). A piece holds at most a few thousand tags, so it cannot take long whatever the
/// depth when it starts.
fn parse(html: &str) -> Result<Document, Refused> {
    use html5ever::tendril::TendrilSink;
    const PIECE: usize = 8 * 1024;
    let opts = html5ever::ParseOpts {
        tree_builder: html5ever::tree_builder::TreeBuilderOpts {
            scripting_enabled: false,
            ..Default::default()
        },
        ..Default::default()
    };
    let mut parser = html5ever::parse_document(Document::default(), opts);
    let mut rest = html;
    while !rest.is_empty() {
        let mut cut = PIECE.min(rest.len());
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        parser.process(rest[..cut].into());
        rest = &rest[cut..];
        let doc = &parser.tokenizer.sink.sink;
        if doc.tree.len() > MAX_NODES {
            return Err(Refused::Large);
        }
        if newest_depth(doc) > MAX_DEPTH {
            return Err(Refused::Deep);
        }
    }
    Ok(parser.finish())
}

/// The depth of the last branch of the tree (each node's last child, down from the root): where
/// the parser appends, so the depth of its open elements.
fn newest_depth(doc: &Document) -> usize {
    let mut depth = 0;
    let mut at = doc.root().last_child();
    while let Some(node) = at {
        depth += 1;
        at = node.last_child();
    }
    depth
}

/// Whether a page of this shape is read.
fn readable(s: Shape) -> Result<(), Refused> {
    if s.deepest > MAX_DEPTH {
        Err(Refused::Deep)
    } else if s.pairs > MAX_PAIRS {
        Err(Refused::Costly(s))
    } else if s.longest_text > MAX_TEXT {
        Err(Refused::LongText(s.longest_text))
    } else {
        Ok(())
    }
}

/// Reads a page (`url` where known: the page's own address resolves relative links and gives
/// a date path). A page too deep or too costly to read is refused before anything walks it.
pub fn page(html: &str, url: Option<&str>) -> Result<Page, Refused> {
    let lean = without_code(html);
    let doc = parse(&lean)?;
    readable(shape(&doc))?;
    let mut meta = metadata(&doc, url);
    drop_small(doc.select_matcher(&DROP_MATCHER));
    // JSON-LD is read above, with the rest of the markup; the text is taken from the content's
    // HTML below, so the crate's own text is the cheapest kind.
    let config = Config {
        text_mode: TextMode::Raw,
        disable_json_ld: true,
        ..Config::default()
    };
    let absolute = url.filter(|u| url::Url::parse(u).is_ok());
    let article =
        Readability::with_document(doc, absolute, Some(config)).and_then(|mut r| r.parse());
    let (paragraphs, title) = match article {
        Ok(a) => (paragraphs(&a.content), Some(a.title.to_string())),
        Err(_) => (Vec::new(), None),
    };
    if meta.title.is_none() {
        meta.title = title.filter(|t| !t.trim().is_empty());
    }
    Ok(Page {
        title: meta.title.clone(),
        paragraphs,
        meta,
    })
}

/// Removes the matched parts, but never one that holds paragraphs of prose: a page may wrap its
/// whole article in a `<form>` or a `<div class="has-advert">`.
fn drop_small(parts: Selection) {
    for part in parts.iter() {
        if part.select("p").length() < 3 {
            part.remove();
        }
    }
}

/// The page without the contents of its scripts (JSON-LD aside), style sheets, inline SVG
/// pictures and templates, and without its comments: often most of its bytes, none of them the
/// article, and the HTML parser need not read them. As the HTML standard does, a script ends at
/// the first `</script`, whatever it holds. A template's contents are inert and kept apart from
/// the page's tree, where neither the extractor nor the checks of `parse` see them: nested
/// templates are the one way to nest deep out of their sight, so an unclosed one ends the page.
fn without_code(html: &str) -> Cow<'_, str> {
    fn finder(patterns: &[&str]) -> AhoCorasick {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(patterns)
            .expect("valid patterns")
    }
    const TEMPLATE: usize = 3;
    const COMMENT: usize = 4;
    static OPEN: LazyLock<AhoCorasick> =
        LazyLock::new(|| finder(&["<script", "<style", "<svg", "<template", "<!--"]));
    static CLOSE: LazyLock<[AhoCorasick; 5]> = LazyLock::new(|| {
        [
            finder(&["</script"]),
            finder(&["</style"]),
            finder(&["</svg"]),
            finder(&["</template"]),
            finder(&["-->"]),
        ]
    });
    let mut out = String::new();
    let mut copied = 0;
    let mut at = 0;
    while let Some(m) = OPEN.find(&html[at..]) {
        let (start, kind) = (at + m.start(), m.pattern().as_usize());
        let tag_end = start + m.len();
        let close = &CLOSE[kind];
        if kind == COMMENT {
            let Some(end) = close.find(&html[tag_end..]).map(|c| tag_end + c.end()) else {
                break;
            };
            out.push_str(&html[copied..start]);
            (copied, at) = (end, end);
            continue;
        }
        let Some(gt) = html[tag_end..].find('>').map(|i| tag_end + i + 1) else {
            break;
        };
        let next = html.as_bytes().get(tag_end).copied().unwrap_or(b'>');
        if !(next == b'>' || next == b'/' || next.is_ascii_whitespace()) {
            // `<scripted>`, `<styles>`: not the element.
            at = tag_end;
            continue;
        }
        let end = match close.find(&html[gt..]) {
            Some(c) => gt + c.start(),
            None if kind == TEMPLATE => html.len(),
            None => break,
        };
        if !html[tag_end..gt].contains("ld+json") {
            out.push_str(&html[copied..gt]);
            copied = end;
        }
        at = end;
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// The paragraphs of the chosen content, without its blocks of nothing but links.
fn paragraphs(content: &str) -> Vec<String> {
    let doc = Document::fragment(content);
    for block in doc.select("p, li, h2, h3, h4, h5, h6").iter() {
        if only_links(&block) {
            block.remove();
        }
    }
    doc.formatted_text()
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect()
}

/// A block whose words are all inside links: a list of other stories, "Read more".
fn only_links(block: &Selection) -> bool {
    let text = block.text();
    let words = |s: &str| s.split_whitespace().count();
    let all = words(&text);
    if all == 0 {
        return false;
    }
    let linked: usize = block.select("a").iter().map(|a| words(&a.text())).sum();
    linked >= all
}

/// What the markup says of the page: JSON-LD first (a `NewsArticle` or any `Article`), then the
/// `<meta>` elements of `data/html/meta.tsv`, `<time datetime>`, and the date in the address.
fn metadata(doc: &Document, url: Option<&str>) -> Meta {
    static MARKUP: LazyLock<Matcher> = LazyLock::new(|| {
        Matcher::new(
            r#"html[lang], meta[content], script[type="application/ld+json"], time[datetime], link[rel="canonical"]"#,
        )
        .expect("valid selectors")
    });
    let mut meta = Meta::default();
    let mut found: Vec<(&MetaRule, String)> = Vec::new();
    let (mut time, mut canonical) = (None, None);
    // One pass over the page; each field then takes what was found in the order of trust.
    for el in doc.select_matcher(&MARKUP).iter() {
        let attr = |name: &str| {
            el.attr(name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        match el.nodes()[0].node_name().as_deref() {
            Some("meta") => found.extend(meta_rule(&el).zip(attr("content"))),
            Some("script") => {
                if let Some(v) = lenient_json(&el.text()) {
                    json_ld(&v, &mut meta);
                }
            }
            Some("time") => time = time.or_else(|| attr("datetime")),
            Some("link") => canonical = canonical.or_else(|| attr("href")),
            Some("html") => meta.language = attr("lang"),
            _ => {}
        }
    }
    found.sort_by_key(|(rule, _)| rule.rank);
    for (rule, content) in found {
        fill(&mut meta, &rule.field, content, &rule.rule);
    }
    if let Some(t) = time {
        meta.published.push(Stated::new(&t, "time datetime"));
    }
    meta.url = url.map(str::to_string).or(meta.url).or(canonical);
    if let Some(day) = meta.url.as_deref().and_then(url_date) {
        meta.published.push(Stated::new(&day, ADDRESS_DATE));
    }
    // Looked for only when the markup states no date: a pass over the whole page.
    if meta.published.is_empty() {
        if let Some(printed) = printed_date(doc) {
            meta.published.push(Stated::new(&printed, "date element"));
        }
    }
    meta
}

/// The text of the first element whose class is one of `data/html/date_classes.txt`: the date
/// the page prints for readers in its byline, for a page whose markup states none.
fn printed_date(doc: &Document) -> Option<String> {
    static CLASSES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        crate::knowledge::words(include_str!("../../data/html/date_classes.txt")).collect()
    });
    static DATED: LazyLock<Matcher> = LazyLock::new(|| {
        let selectors: Vec<String> = CLASSES.iter().map(|c| format!(".{c}")).collect();
        Matcher::new(&selectors.join(", ")).expect("valid selectors")
    });
    doc.select_matcher(&DATED).iter().find_map(|el| {
        let text = el.text().split_whitespace().collect::<Vec<_>>().join(" ");
        (!text.is_empty() && text.len() <= PRINTED_DATE_MAX).then_some(text)
    })
}

/// The longest text of a date element read: a date, a time, a weekday and a zone, not a
/// paragraph.
const PRINTED_DATE_MAX: usize = 80;

/// The rule of `data/html/meta.tsv` a `<meta>` element answers to, if any.
fn meta_rule(el: &Selection) -> Option<&'static MetaRule> {
    ["property", "name", "itemprop"]
        .into_iter()
        .find_map(|attr| {
            let value = el.attr(attr)?;
            META_RULES.get(&(attr.to_string(), value.to_ascii_lowercase()))
        })
}

fn fill(meta: &mut Meta, field: &str, value: String, rule: &str) {
    match field {
        "published" => meta.published.push(Stated::new(&value, rule)),
        "title" if meta.title.is_none() => meta.title = Some(value),
        "author" if meta.authors.is_empty() && !value.starts_with("http") => {
            meta.authors = vec![value]
        }
        "outlet" if meta.outlet.is_none() => meta.outlet = Some(value),
        "url" if meta.url.is_none() => meta.url = Some(value),
        _ => {}
    }
}

/// A short news page for tests: `head` in its head, `byline` between its title and its article
/// of three paragraphs.
#[cfg(test)]
pub(crate) fn sample_page(head: &str, byline: &str) -> String {
    let body = "<p>The ministers of the two states met in the capital on Monday and agreed to \
                resume talks on trade, officials said after the meeting.</p>"
        .repeat(3);
    format!(
        "<html><head>{head}</head><body><h1>Talks</h1>{byline}<article>{body}</article></body>\
         </html>"
    )
}

/// JSON-LD as sites write it: some leave line breaks and tabs raw inside its strings ("the
/// article's body\n\nits second paragraph"), which JSON forbids; as spaces, it reads.
fn lenient_json(text: &str) -> Option<Value> {
    serde_json::from_str(text).ok().or_else(|| {
        let spaced = text.replace(['\n', '\r', '\t'], " ");
        serde_json::from_str(&spaced).ok()
    })
}

/// Reads an article object of JSON-LD, wherever it sits: alone, in a list, in `@graph`.
fn json_ld(v: &Value, meta: &mut Meta) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| json_ld(i, meta)),
        Value::Object(o) => {
            if let Some(graph) = o.get("@graph") {
                json_ld(graph, meta);
            }
            if !is_article(o.get("@type")) {
                return;
            }
            let text = |k: &str| o.get(k).and_then(Value::as_str).map(str::trim);
            if let Some(d) = text("datePublished") {
                meta.published.push(Stated::new(d, "json-ld datePublished"));
            }
            if meta.title.is_none() {
                meta.title = text("headline").map(str::to_string);
            }
            if meta.authors.is_empty() {
                meta.authors = names(o.get("author"));
            }
            if meta.outlet.is_none() {
                meta.outlet = names(o.get("publisher")).into_iter().next();
            }
        }
        _ => {}
    }
}

fn is_article(t: Option<&Value>) -> bool {
    let article = |s: &str| s.ends_with("Article") || s == "BlogPosting" || s == "Report";
    match t {
        Some(Value::String(s)) => article(s),
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).any(article),
        _ => false,
    }
}

/// The names of a JSON-LD person or organization, or of a list of them.
fn names(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) => vec![s.trim().to_string()],
        Some(Value::Object(o)) => o
            .get("name")
            .and_then(Value::as_str)
            .map(|n| vec![n.trim().to_string()])
            .unwrap_or_default(),
        Some(Value::Array(a)) => a.iter().flat_map(|x| names(Some(x))).collect(),
        _ => Vec::new(),
    }
    .into_iter()
    .filter(|n| !n.is_empty())
    .collect()
}

/// The day an address carries as `/2019/11/20/` or `/2019-11-20`, as `2019-11-20`.
pub(super) fn url_date(url: &str) -> Option<String> {
    static RE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(
            r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|[^\d]|$)",
        )
        .expect("valid pattern")
    });
    let c = RE.captures(url)?;
    let n = |i: usize| c[i].parse::<u32>().ok();
    let day = chrono::NaiveDate::from_ymd_opt(c[1].parse().ok()?, n(2)?, n(3)?)?;
    Some(day.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r##"<!doctype html><html lang="en"><head>
<title>Talks stall | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2021-06-05T09:15:00+09:00">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle",
 "headline":"Ministers meet as island talks stall","author":[{"@type":"Person","name":"Ann Lee"}],
 "datePublished":"2021-06-05T09:15:00+09:00","publisher":{"@type":"Organization","name":"Example News"}}]}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ministers meet as island talks stall</h1>
<figure><img src="a.jpg"><figcaption>The foreign ministers before their talks in Tokyo.</figcaption></figure>
<p>Japan's foreign minister met his Russian counterpart in Tokyo on Saturday, the ministry said in a statement after the meeting.</p>
<p>The two sides agreed to meet again next year, but neither side would give ground on the disputed islands, officials said.</p>
<ul><li><a href="/x">Read more: Island row deepens</a></li><li><a href="/y">Sanctions widen</a></li></ul>
<p>Both ministers called the talks frank and said the dialogue on a peace treaty would continue through diplomatic channels.</p>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
</article><footer>Terms of Use | Privacy Policy</footer></body></html>"##;

    #[test]
    fn the_article_is_kept_and_the_rest_removed() {
        let p = page(
            PAGE,
            Some("https://example.com/world/2021/06/05/talks-stall"),
        )
        .unwrap();
        let text = p.paragraphs.join("\n");
        assert!(text.contains("met his Russian counterpart"), "{text}");
        assert!(text.contains("dialogue on a peace treaty"), "{text}");
        for gone in [
            "figcaption",
            "before their talks",
            "Read more",
            "Share on",
            "Privacy",
            "World",
        ] {
            assert!(!text.contains(gone), "{gone} in {text}");
        }
    }

    #[test]
    fn a_byline_date_is_read_when_the_markup_states_none() {
        let byline = "<div class=\"byline\">By Ann Lee <span class=\"article-publish-date\">\
                      November 19, 2019, 9:02 AM</span></div>";
        let page_of = |head: &str| sample_page(head, byline);
        let p = page(&page_of(""), None).unwrap();
        assert_eq!(p.meta.published[0].value, "November 19, 2019, 9:02 AM");
        assert_eq!(p.meta.published[0].rule, "date element");
        let meta = r#"<meta property="article:published_time" content="2019-11-18T10:00:00Z">"#;
        let p = page(&page_of(meta), None).unwrap();
        assert!(p.meta.published.iter().all(|s| s.rule != "date element"));
    }

    #[test]
    fn json_ld_with_raw_line_breaks_in_its_strings_is_read() {
        let ld = "{\"@type\": \"NewsArticle\", \"articleBody\": \"One.\n\nTwo.\",\n \
                  \"datePublished\": \"01:38:07 PM IST Nov 20, 2019\"}";
        let v = lenient_json(ld).expect("reads");
        let mut meta = Meta::default();
        json_ld(&v, &mut meta);
        assert_eq!(meta.published[0].value, "01:38:07 PM IST Nov 20, 2019");
    }

    #[test]
    fn metadata_comes_from_the_markup() {
        let p = page(PAGE, None).unwrap();
        let m = &p.meta;
        assert_eq!(
            m.title.as_deref(),
            Some("Ministers meet as island talks stall")
        );
        assert_eq!(m.authors, vec!["Ann Lee"]);
        assert_eq!(m.outlet.as_deref(), Some("Example News"));
        assert_eq!(m.language.as_deref(), Some("en"));
        assert_eq!(m.published[0].rule, "json-ld datePublished");
        assert_eq!(m.published[0].value, "2021-06-05T09:15:00+09:00");
        assert!(m
            .published
            .iter()
            .any(|s| s.rule == "meta property=article:published_time"));
    }

    #[test]
    fn a_date_in_the_address_is_read() {
        assert_eq!(
            url_date("https://x.com/2019/11/20/story").as_deref(),
            Some("2019-11-20")
        );
        assert_eq!(
            url_date("https://x.com/news/2019-1-5-story").as_deref(),
            Some("2019-01-05")
        );
        assert_eq!(url_date("https://x.com/2019/13/20/story"), None);
        assert_eq!(url_date("https://x.com/id/20191120"), None);
    }

    #[test]
    fn every_selector_of_the_data_files_parses() {
        LazyLock::force(&DROP_MATCHER);
        assert!(META_RULES.len() > 10);
    }

    #[test]
    fn scripts_and_styles_are_emptied_but_json_ld_is_kept() {
        let page = r#"<p>a</p><SCRIPT src="x.js">var s = "<p>not text</p>";</Script><style>p{}</style>
<script type="application/ld+json">{"headline":"h"}</script><noscript>kept</noscript><p>b</p>"#;
        let lean = without_code(page);
        assert!(
            !lean.contains("not text") && !lean.contains("p{}"),
            "{lean}"
        );
        assert!(
            lean.contains(r#"{"headline":"h"}"#) && lean.contains("<noscript>kept"),
            "{lean}"
        );
        assert!(
            lean.contains("<p>a</p>") && lean.ends_with("<p>b</p>"),
            "{lean}"
        );
        assert!(matches!(without_code("<p>no code</p>"), Cow::Borrowed(_)));
        let nested =
            without_code("<p>a</p><template><template><p>inert</p></template>b</template><p>c</p>");
        assert_eq!(nested, "<p>a</p><template></template>b</template><p>c</p>");
        let unclosed = "<p>a</p><template>".to_string() + &"<template>".repeat(1000) + "<p>x</p>";
        assert_eq!(without_code(&unclosed), "<p>a</p><template>");
    }

    #[test]
    fn the_shape_counts_depths_without_recursion() {
        let doc =
            Document::from("<html><head></head><body><div><p>a</p><p>b</p></div></body></html>");
        // html 1; head, body 2; div 3; p, p 4; their texts 5.
        let s = shape(&doc);
        assert_eq!(
            (s.nodes, s.deepest, s.pairs),
            (8, 5, 1 + 2 + 2 + 3 + 4 + 5 + 4 + 5)
        );
    }

    /// Runs `page` on a thread with the stack of a rayon worker (2 MB), as `ingest` does.
    fn page_on_a_worker(html: String) -> Result<Page, Refused> {
        std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || page(&html, None))
            .unwrap()
            .join()
            .expect("no stack overflow")
    }

    #[test]
    fn a_page_nested_too_deep_is_refused() {
        let html = format!("<p>{}x{}</p>", "<b>".repeat(50_000), "</b>".repeat(50_000));
        assert_eq!(page_on_a_worker(html).unwrap_err(), Refused::Deep);
    }

    #[test]
    fn a_page_nested_as_deep_as_allowed_is_read() {
        let n = MAX_DEPTH - 10;
        let text = "A paragraph deep inside the page, long enough to be read as its article text.";
        let html = format!(
            "<html><body>{}<p>{text}</p>{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let p = page_on_a_worker(html).unwrap();
        assert_eq!(p.paragraphs, vec![text]);
    }

    #[test]
    fn a_page_that_makes_too_many_nodes_is_refused_while_parsing() {
        // Each stray `</p>` makes an empty paragraph.
        let html = format!("<html><body>{}</body></html>", "</p>".repeat(MAX_NODES));
        assert_eq!(page_on_a_worker(html).unwrap_err(), Refused::Large);
    }

    #[test]
    fn a_page_too_costly_to_read_is_refused() {
        let html = format!(
            "<html><body>{}{}</body></html>",
            "<div>".repeat(400),
            "<b>x</b> ".repeat(10_000)
        );
        let err = page_on_a_worker(html).unwrap_err();
        assert!(
            matches!(err, Refused::Costly(s) if s.pairs > MAX_PAIRS),
            "{err:?}"
        );
        assert!(err.to_string().starts_with("too costly to read: "), "{err}");
    }

    #[test]
    fn malformed_html_still_gives_text() {
        let p = page("<html><body><p>Unclosed <b>tags <div>and a paragraph that is long enough to read as the article of this small page, with more words in it.", None).unwrap();
        assert!(
            p.paragraphs
                .join(" ")
                .contains("paragraph that is long enough"),
            "{p:?}"
        );
    }
}
