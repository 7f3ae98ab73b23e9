//! Runs the stages over one document, and over a batch of inputs where one bad input never stops
//! the rest.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::clean::{self, Context};
use crate::document::{Document, Evidence, Published, PublishedBasis};
use crate::ingest::{self, IngestError, Opened, RawDoc, Source};
use crate::merge::corroborate::{self, Anchors};
use crate::{actors, events, merge, places, segment, syntax, time};

/// Runs every stage over one decoded document.
pub fn extract(raw: &RawDoc, ctx: &Context) -> Document {
    let mut doc = Document {
        id: raw.id.clone(),
        path: raw.path.clone(),
        warnings: raw.warnings.clone(),
        ..Document::default()
    };
    let ctx = Context {
        extracted: ctx.extracted || raw.meta.extracted,
        ..*ctx
    };
    let text = without_nul(&raw.text, &mut doc.warnings);
    let dates = clean::clean(&text, &ctx, &mut doc);
    take_meta(&mut doc, &raw.meta);
    let tagged = time::tag(&doc.body);
    let from_text = time::published(&dates.lines, &tagged, dates.order.as_deref());
    doc.published = match markup_date(&raw.meta.published) {
        Some(markup) => Some(reconcile(markup, from_text, &mut doc.warnings)),
        None => from_text.or_else(|| {
            let hints = time::infer::Hints {
                day_of_year: dates.day_of_year.as_ref(),
                captions: &dates.captions,
                posts: &dates.posts,
            };
            time::infer::infer(&tagged, hints)
        }),
    };
    doc.timexes = time::timexes(&tagged, doc.published.as_ref().and_then(reference));
    annotate(&mut doc);
    if doc.language.is_none() {
        // Too little text to tell: what the page or the record declares ("en-GB" as "en").
        doc.language = raw.meta.language.as_deref().and_then(declared_language);
    }
    doc
}

/// The text without NUL characters, which no article holds and no reader after this one expects
/// (a search for a word of them fails in SQLite): a feed's `\u0000`, UTF-16 cut at an odd byte,
/// a NUL past the head that the binary check reads. Removed, with a warning.
fn without_nul<'a>(text: &'a str, warnings: &mut Vec<String>) -> std::borrow::Cow<'a, str> {
    let n = text.matches('\0').count();
    if n == 0 {
        return std::borrow::Cow::Borrowed(text);
    }
    warnings.push(format!("{n} NUL character(s) removed"));
    std::borrow::Cow::Owned(text.replace('\0', ""))
}

fn declared_language(tag: &str) -> Option<String> {
    let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
    (primary.len() == 2 || primary.len() == 3).then_some(primary)
}

/// What the container or the markup states wins over what cleaning read off the text, except
/// the outlet: a dateline's agency ("(Reuters) -") wrote the story the site publishes.
fn take_meta(doc: &mut Document, meta: &ingest::Meta) {
    let or = |a: &Option<String>, b: Option<String>| a.clone().or(b);
    doc.url = or(&meta.url, doc.url.take());
    doc.title = or(&meta.title, doc.title.take());
    if !meta.authors.is_empty() {
        doc.authors = meta.authors.clone();
    }
    doc.site = or(&meta.outlet, doc.site.take());
    doc.outlet = doc.outlet.take().or_else(|| meta.outlet.clone());
    doc.fetched = meta.fetched.clone();
    doc.record_id = meta.record_id.clone();
}

/// [`extract`], with a panic (a bug met on this document) an error of the document alone.
pub fn guarded(raw: &RawDoc, ctx: &Context) -> Outcome {
    ingest::catch(|| extract(raw, ctx))
}

/// The first date the markup states that reads as a plausible day (`2019-11-20`,
/// `2019-11-20T01:39:00Z`, `2019-11-20 01:39`; not a placeholder such as `0001-01-01`, nor a
/// day to come): the day as written, in the outlet's own time zone. A time in UTC before
/// `UTC_EVENING_ENDS` may be the evening before where the outlet is (`2019-11-19T04:58Z` is
/// 23:58 on the 18th in New York), so both days are given.
fn markup_date(stated: &[ingest::Stated]) -> Option<Published> {
    stated.iter().find_map(|s| {
        let v = s.value.trim();
        let iso = v.get(..10).and_then(|d| d.parse::<NaiveDate>().ok());
        let day = iso.or_else(|| printed_day(v))?;
        if day.year() < EARLIEST_MARKUP_YEAR || day > time::infer::today().succ_opt()? {
            return None;
        }
        let time = v
            .get(10..16)
            .filter(|t| iso.is_some() && t.starts_with(['T', ' ']) && t.as_bytes()[3] == b':')
            .map(|t| format!("T{}", &t[1..]));
        let mut evidence = vec![Evidence {
            rule: s.rule.clone(),
            text: s.value.clone(),
            line: None,
        }];
        let hour: Option<u32> = time.as_ref().and_then(|t| t.get(1..3)?.parse().ok());
        let evening = hour.filter(|h| *h < UTC_EVENING_ENDS && in_utc(v));
        let (first, last) = match evening {
            Some(h) => utc_days(day, h, stated, &mut evidence)?,
            None => (day, day),
        };
        let value = match (first == last, &time) {
            (true, Some(t)) if evening.is_none() => format!("{day}{t}"),
            _ => crate::time::infer::shared_value(first, last),
        };
        Some(Published {
            value,
            earliest: first.to_string(),
            latest: last.to_string(),
            basis: PublishedBasis::Markup,
            evidence,
        })
    })
}

/// The outlet's days for a time stamped in UTC at hour `hour` of `day`, early enough to be the
/// evening before in the Americas: both days, unless the page's address, written on the
/// outlet's own day ("/2019/11/18/"), names one of them; with the evidence for it.
fn utc_days(
    day: NaiveDate,
    hour: u32,
    stated: &[ingest::Stated],
    evidence: &mut Vec<Evidence>,
) -> Option<(NaiveDate, NaiveDate)> {
    let before = day.pred_opt()?;
    evidence.push(Evidence {
        rule: "utc-evening-before".to_string(),
        text: format!(
            "{hour:02} h UTC is the evening before in the Americas: the outlet's day is {before} \
             or {day}"
        ),
        line: None,
    });
    let Some(a) = address_day(stated).filter(|a| *a == before || *a == day) else {
        return Some((before, day));
    };
    evidence.push(Evidence {
        rule: DAY_BY_ADDRESS.to_string(),
        text: format!("{a}, the day in the page's address: the outlet's own day"),
        line: None,
    });
    Some((a, a))
}

/// A markup date printed as pages print dates, its month a word: "November 19, 2019, 07:47 PM
/// EST", "01:38:07 PM IST Nov 20, 2019" (a numeric one whose day and month could be swapped is
/// not read).
fn printed_day(v: &str) -> Option<NaiveDate> {
    let found = time::stated::find_dates(v);
    let first = found.first()?;
    match first.readings.as_slice() {
        [one] => Some(one.date),
        _ => None,
    }
}

/// The day of the page's address (`/2019/11/18/`), as the markup reader states it.
fn address_day(stated: &[ingest::Stated]) -> Option<NaiveDate> {
    let s = stated
        .iter()
        .find(|s| s.rule == ingest::html::ADDRESS_DATE)?;
    s.value.get(..10)?.parse().ok()
}

/// The rule of the evidence that the page's address chose the day of a time in UTC.
pub const DAY_BY_ADDRESS: &str = "utc-day-by-address";

/// Markup dates before this year are placeholders (`0001-01-01T00:00:00Z`), not dates of news
/// on the web.
const EARLIEST_MARKUP_YEAR: i32 = 1900;

/// The UTC hour before which a time in UTC may still be the day before where the outlet is: 8,
/// midnight on the Pacific coast of the Americas. On the 44 pages of the ScrapingHub set whose
/// address carries their day, 6 of the 11 stamped in UTC before 08:00 are of the day before in
/// their address, and none of the 17 stamped later.
const UTC_EVENING_ENDS: u32 = 8;

/// Whether a machine-readable time is in UTC: `Z`, `+00:00`, `+0000`, `GMT`, `UTC`.
fn in_utc(v: &str) -> bool {
    let v = v.trim_end();
    v.ends_with('Z')
        || v.ends_with("+00:00")
        || v.ends_with("+0000")
        || v.ends_with("GMT")
        || v.ends_with("UTC")
}

/// The markup's day is kept (a machine-readable date is read without guessing the order of
/// day and month); a date line of the text that agrees (a day apart at most: time zones) is
/// added to the evidence, and where the markup gives two days (a time in UTC), says which; one
/// that does not agree is a warning.
fn reconcile(
    mut markup: Published,
    text: Option<Published>,
    warnings: &mut Vec<String>,
) -> Published {
    let Some(text) = text else { return markup };
    let day = |p: &Published| p.earliest.parse::<NaiveDate>().ok();
    let agree = day(&markup)
        .zip(day(&text))
        .is_some_and(|(a, b)| (a - b).num_days().abs() <= 1);
    if agree {
        let inside = markup.earliest <= text.earliest && text.latest <= markup.latest;
        if inside && markup.earliest != markup.latest {
            markup.earliest = text.earliest.clone();
            markup.latest = text.latest.clone();
            markup.value = text.value.clone();
        }
        markup.evidence.extend(text.evidence);
    } else {
        warnings.push(format!(
            "the markup dates the page {} ({}), its text {}: the markup's date is kept",
            markup.earliest, markup.evidence[0].rule, text.earliest
        ));
    }
    markup
}

/// Runs the stages after cleaning over text that is already clean (a sentence of a test set, say)
/// and published on a known day, or on an unknown one.
pub fn extract_clean(id: &str, text: &str, published: Option<NaiveDate>) -> Document {
    let mut doc = Document {
        id: id.to_string(),
        body: text.trim().to_string(),
        published: published.map(given),
        ..Document::default()
    };
    let tagged = time::tag(&doc.body);
    doc.timexes = time::timexes(&tagged, doc.published.as_ref().and_then(reference));
    annotate(&mut doc);
    doc
}

/// A page with a loose date, dated again by what dated pages of other outlets say of the events
/// it reports (`merge::corroborate`); `None` when they do not narrow its date.
pub fn corroborated(doc: &Document, anchors: &Anchors) -> Option<Document> {
    let (basis, days) = corroborate::page(doc);
    if !corroborate::loose(basis, days) {
        return None;
    }
    let tagged = time::tag(&doc.body);
    let resolve = |day| time::timexes(&tagged, Some((day, day)));
    let mut published = corroborate::publication(doc, anchors, resolve)?;
    let mut doc = doc.clone();
    if let Some(before) = doc.published.take() {
        published.evidence.extend(before.evidence);
    }
    doc.timexes = time::timexes(&tagged, reference(&published));
    doc.published = Some(published);
    annotate(&mut doc);
    Some(doc)
}

/// Every loose page of a batch dated again by the dated ones ([`corroborated`]).
pub fn corroborate_all(docs: &mut [Document]) {
    let mut anchors = Anchors::default();
    for doc in docs.iter() {
        anchors.add_document(doc);
    }
    if anchors.is_empty() {
        return;
    }
    for doc in docs.iter_mut() {
        if let Some(redated) = corroborated(doc, &anchors) {
            *doc = redated;
        }
    }
}

/// The stages after time expressions: sentences, actors, events, language.
fn annotate(doc: &mut Document) {
    doc.sentences = segment::sentences(&doc.body);
    doc.mentions = actors::mentions(doc);
    doc.events = events::events(doc);
    for e in &mut doc.events {
        e.merge_key = merge::key(e);
    }
    places::place_events(doc);
    doc.language = language(&doc.body);
}

/// The document with its syntax layer: each sentence's words, tags, lemmas and dependencies.
pub fn with_syntax(mut doc: Document) -> Document {
    doc.syntax = syntax::parse(&doc.body, &doc.sentences);
    doc
}

/// A publication day the caller knows, not one the page states.
fn given(day: NaiveDate) -> Published {
    let iso = day.to_string();
    Published {
        value: iso.clone(),
        earliest: iso.clone(),
        latest: iso,
        basis: PublishedBasis::Given,
        evidence: Vec::new(),
    }
}

/// The days the publication date can be, as the reference of relative expressions.
fn reference(p: &Published) -> Option<(NaiveDate, NaiveDate)> {
    p.earliest.parse().ok().zip(p.latest.parse().ok())
}

/// The body's language as ISO 639-1 (639-3 where there is no two-letter code), when the
/// detector is confident. The first 200 characters (some 30 words) are read, and 500 when they
/// do not decide: detection costs in proportion to what it reads, and was the costliest step of
/// extraction when it read 500 every time.
fn language(body: &str) -> Option<String> {
    if plainly_english(body) {
        return Some("en".to_string());
    }
    let head = |n: usize| &body[..body.char_indices().nth(n).map_or(body.len(), |(i, _)| i)];
    let info = whatlang::detect(head(200))
        .filter(|i| i.is_reliable())
        .or_else(|| whatlang::detect(head(500)))?;
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    let code = info.lang().code();
    let iso = isolang::Language::from_639_3(code).and_then(|l| l.to_639_1());
    Some(iso.unwrap_or(code).to_string())
}

/// Whether a text opens in plain English: at least 8 of its first 40 words, and a fifth of them,
/// are English function words (data/clean/stopwords_en.txt). Such a text needs no detector,
/// which took 4% of extraction's time (`perf` of `annals bench`). Pages of other languages have
/// at most 4 such words in their first 40 (the ScrapingHub pages in Portuguese, Italian, German,
/// Indonesian, Russian, Korean and Japanese), and go to the detector.
fn plainly_english(body: &str) -> bool {
    const WORDS: usize = 40;
    const LEAST: usize = 8;
    let words = body
        .split(|c: char| !c.is_alphabetic() && c != '\'')
        .filter(|w| !w.is_empty())
        .take(WORDS);
    let (mut all, mut function) = (0, 0);
    for w in words {
        all += 1;
        function += usize::from(crate::clean::is_stopword(&w.to_lowercase()));
    }
    function >= LEAST && function * 5 >= all
}

/// How a batch is read.
#[derive(Debug, Clone)]
pub struct Options {
    pub max_bytes: u64,
    /// Treat a line as boilerplate when it recurs in at least this many documents of the same
    /// folder (documents of one site are expected to share a folder). `None`: off.
    pub repeated_min_docs: Option<usize>,
    /// Run the syntax stage (`Document::syntax`). No stage reads it yet, and it costs five
    /// times the others together (docs/syntax.md), so it runs only when asked.
    pub syntax: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_bytes: ingest::DEFAULT_MAX_BYTES,
            repeated_min_docs: None,
            syntax: false,
        }
    }
}

/// The outcome of one input of a batch.
pub type Outcome = Result<Document, IngestError>;

/// Extracts every input in order, handing each outcome to `each` as soon as it is ready.
/// Returns how many inputs failed.
pub fn run_batch(paths: &[PathBuf], opts: &Options, mut each: impl FnMut(&str, Outcome)) -> usize {
    let sources = ingest::expand(paths, None);
    let mut stdin_cache = None;
    let repeated = opts
        .repeated_min_docs
        .map(|min| repeated_lines(&sources, opts.max_bytes, min, &mut stdin_cache));
    let mut failed = 0;
    let mut report = |path: &str, outcome: Outcome| {
        let outcome = match outcome {
            Ok(doc) if opts.syntax => ingest::catch(|| with_syntax(doc)),
            other => other,
        };
        failed += usize::from(outcome.as_ref().is_err_and(|e| !e.is_skip()));
        each(path, outcome);
    };
    for (source, walk_error) in &sources {
        let opened = match walk_error {
            Some(e) => Err(IngestError::Walk(e.clone())),
            // Standard input read by the first pass is read from what it kept.
            None if *source == Source::Stdin && stdin_cache.is_some() => Ok(Opened::One(Box::new(
                read_cached(source, opts.max_bytes, &mut stdin_cache),
            ))),
            None => ingest::catch(|| ingest::open(source, opts.max_bytes)).and_then(|o| o),
        };
        let group = repeated.as_ref().and_then(|r| r.get(&group_of(source)));
        let ctx = Context {
            repeated: group,
            ..Context::default()
        };
        match opened {
            Err(e) => report(&source.display(), Err(e)),
            Ok(Opened::One(raw)) => report(&source.display(), raw.and_then(|r| guarded(&r, &ctx))),
            Ok(Opened::Many(records)) => {
                for (path, raw) in records {
                    report(&path, raw.and_then(|r| guarded(&r, &Context::default())));
                }
            }
            // Extracted elsewhere (a Spark job's documents table): given back as they are.
            Ok(Opened::Table(rows)) => {
                for (path, doc) in rows {
                    report(&path, doc);
                }
            }
        }
    }
    failed
}

/// `extract --jsonl-in`: one output line per record of `records`, in order, one record at a
/// time: the document, or `{"path", "id", "error"}` for a record that cannot be read. Returns
/// how many records there were and how many failed.
pub fn stream(
    mut records: ingest::Records,
    out: &mut impl Write,
) -> anyhow::Result<(usize, usize)> {
    let (mut total, mut failed) = (0, 0);
    while let Some((path, raw)) = records.next() {
        total += 1;
        match raw.and_then(|raw| guarded(&raw, &Context::default())) {
            Ok(doc) => serde_json::to_writer(&mut *out, &doc)?,
            Err(e) => {
                failed += 1;
                let id = records.last_id();
                let line = serde_json::json!({ "path": path, "id": id, "error": e.to_string() });
                serde_json::to_writer(&mut *out, &line)?;
            }
        }
        writeln!(out)?;
    }
    out.flush()?;
    Ok((total, failed))
}

/// Standard input can be read only once: with two passes it is kept from the first.
fn read_cached(
    source: &Source,
    max: u64,
    cache: &mut Option<RawDoc>,
) -> Result<RawDoc, IngestError> {
    match (source, cache.as_ref()) {
        (Source::Stdin, Some(raw)) => Ok(raw.clone()),
        (Source::Stdin, None) => {
            let raw = ingest::read(source, max)?;
            *cache = Some(raw.clone());
            Ok(raw)
        }
        _ => ingest::read(source, max),
    }
}

/// The folder a document belongs to, standing for its site.
fn group_of(source: &Source) -> PathBuf {
    match source {
        Source::File(p) => p.parent().map_or_else(PathBuf::new, Path::to_path_buf),
        Source::Stdin => PathBuf::from("-"),
    }
}

/// First pass: for each folder, the keys of lines found in at least `min_docs` of its documents.
fn repeated_lines(
    sources: &[(Source, Option<String>)],
    max: u64,
    min_docs: usize,
    stdin_cache: &mut Option<RawDoc>,
) -> HashMap<PathBuf, FxHashSet<u64>> {
    let mut counts: HashMap<PathBuf, FxHashMap<u64, usize>> = HashMap::new();
    for (source, err) in sources {
        if err.is_some() {
            continue;
        }
        let Ok(raw) = read_cached(source, max, stdin_cache) else {
            continue;
        };
        let group = counts.entry(group_of(source)).or_default();
        for key in clean::line_keys(&raw.text) {
            *group.entry(key).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .map(|(g, c)| {
            (
                g,
                c.into_iter()
                    .filter(|&(_, n)| n >= min_docs.max(2))
                    .map(|(k, _)| k)
                    .collect(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extract_fills_the_document() {
        let raw = ingest::decode(
            "t.txt",
            "Leaders meet in the capital today\n\n22 March 2013\n\nThe two presidents met in the capital on Friday and signed a trade deal. They will meet again next year.\n"
                .as_bytes(),
        )
        .unwrap();
        let doc = extract(&raw, &Context::default());
        assert_eq!(
            doc.title.as_deref(),
            Some("Leaders meet in the capital today")
        );
        assert_eq!(doc.published.as_ref().unwrap().earliest, "2013-03-22");
        assert_eq!(doc.sentences.len(), 2);
        assert_eq!(doc.language.as_deref(), Some("en"));
        assert_eq!(doc.removed.len(), 2);
    }

    #[test]
    fn plain_english_needs_no_detector_and_other_languages_still_get_one() {
        let english = "Japan and Russia held talks in Tokyo on Monday about the islands that \
                       the two countries have disputed since the end of the war.";
        assert!(plainly_english(english));
        assert_eq!(language(english).as_deref(), Some("en"));
        let portuguese = "O presidente do Brasil encontrou-se com o presidente da China em \
                          Pequim na sexta-feira para assinar acordos de comércio e investimento.";
        assert!(!plainly_english(portuguese));
        assert_eq!(language(portuguese).as_deref(), Some("pt"));
        let menu = "Home News Business Politics Sport Video Opinion Subscribe Login";
        assert!(!plainly_english(menu));
    }

    fn stated(values: &[&str]) -> Vec<ingest::Stated> {
        values
            .iter()
            .map(|v| ingest::Stated::new(v, "json-ld datePublished"))
            .collect()
    }

    #[test]
    fn markup_dates_that_cannot_be_the_day_are_passed_over() {
        let p = markup_date(&stated(&[
            "0001-01-01T00:00:00Z",
            "2019-11-19T14:10:00-05:00",
        ]));
        let p = p.expect("the second reads");
        assert_eq!(
            (p.earliest.as_str(), p.latest.as_str()),
            ("2019-11-19", "2019-11-19")
        );
        assert!(markup_date(&stated(&["0001-01-01T00:00:00Z", "2999-01-01"])).is_none());
    }

    #[test]
    fn markup_dates_printed_with_a_named_month_are_read() {
        for v in [
            "November 19, 2019, 07:47 PM EST",
            "01:38:07 PM IST Nov 19, 2019",
        ] {
            let p = markup_date(&stated(&[v])).expect(v);
            assert_eq!(
                (p.earliest.as_str(), p.latest.as_str()),
                ("2019-11-19", "2019-11-19")
            );
        }
        // Day and month that could be swapped are left to other evidence.
        assert!(markup_date(&stated(&["03/09/2019"])).is_none());
    }

    #[test]
    fn a_time_early_in_utc_may_be_the_evening_before() {
        let p = markup_date(&stated(&["2019-11-19T04:58:46Z"])).unwrap();
        assert_eq!(
            (p.earliest.as_str(), p.latest.as_str()),
            ("2019-11-18", "2019-11-19")
        );
        assert!(p.evidence.iter().any(|e| e.rule == "utc-evening-before"));
        // With its zone, or later in the day, the day is the day written.
        for v in [
            "2019-11-19T04:58:46+09:00",
            "2019-11-19T14:58:46Z",
            "2019-11-19",
        ] {
            let p = markup_date(&stated(&[v])).unwrap();
            assert_eq!(
                (p.earliest.as_str(), p.latest.as_str()),
                ("2019-11-19", "2019-11-19")
            );
        }
        // So does the page's address, written on the outlet's own day.
        let mut both = stated(&["2019-11-19T04:58:46Z"]);
        both.push(ingest::Stated::new(
            "2019-11-18",
            ingest::html::ADDRESS_DATE,
        ));
        let settled = markup_date(&both).unwrap();
        assert_eq!(
            (settled.earliest.as_str(), settled.latest.as_str()),
            ("2019-11-18", "2019-11-18")
        );
        // A date line of the text says which of the two days.
        let line = Published {
            value: "2019-11-18".into(),
            earliest: "2019-11-18".into(),
            latest: "2019-11-18".into(),
            basis: PublishedBasis::Stated,
            evidence: Vec::new(),
        };
        let p = reconcile(p, Some(line), &mut Vec::new());
        assert_eq!(
            (p.earliest.as_str(), p.latest.as_str()),
            ("2019-11-18", "2019-11-18")
        );
    }

    #[test]
    fn nul_characters_are_removed_with_a_warning() {
        // As a JSON Lines record's "\u0000" or UTF-16 cut at an odd byte give them.
        let mut raw = ingest::decode("t.txt", b"Leaders meet\n\nText.\n").unwrap();
        raw.text =
            "Leaders meet\n\nThe T\0O\0KYO talks between the two foreign ministers began on \
                    Friday and will go on for three days, officials said.\n"
                .to_string();
        let doc = extract(&raw, &Context::default());
        assert!(!doc.body.contains('\0'), "{:?}", doc.body);
        assert!(doc.body.contains("TOKYO"), "{:?}", doc.body);
        assert!(
            doc.warnings.iter().any(|w| w.contains("2 NUL")),
            "{:?}",
            doc.warnings
        );
    }
}
