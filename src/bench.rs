//! Throughput benchmarks on generated articles (never timed unit tests): `annals bench`.
//!
//! The generator writes pages shaped like scraped news (ads, date lines in several forms,
//! bylines, datelines, prose, share prompts, disclaimers) from small word lists, the same pages
//! for the same seed, so runs compare.

use std::fmt;
use std::path::Path;
use std::time::Instant;

use crate::clean::Context;
use chrono::NaiveDate;

use crate::document::Document;
use crate::{actors, ingest, pipeline, time};

/// A deterministic pseudo-random sequence (SplitMix64): enough to vary generated pages (and the
/// fuzzer's inputs).
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub(crate) fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }

    /// A number from `lo` to `hi`, both included.
    pub(crate) fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
}

const ACTORS: &[&str] = &[
    "Russia",
    "Japan",
    "Mongolia",
    "China",
    "the United States",
    "the European Union",
    "Ukraine",
    "the foreign minister",
    "the prime minister",
    "the Kremlin",
    "Tokyo",
    "Beijing",
    "the ministry",
];
const VERBS: &[&str] = &[
    "urged",
    "criticised",
    "welcomed",
    "met",
    "accused",
    "invited",
    "warned",
    "praised",
    "called on",
    "signed an agreement with",
    "held talks with",
    "imposed sanctions on",
];
const TAILS: &[&str] = &[
    "over the disputed islands",
    "on Wednesday",
    "during a visit to the capital",
    "last month",
    "ahead of the summit",
    "in a statement on Friday",
    "after weeks of tension",
    "to resume negotiations on a peace treaty",
    "despite objections from the opposition",
];
const BOILER: &[&str] = &[
    "Advertisement",
    "Share this article",
    "Comment (0)",
    "Leave a Reply",
    "Read more",
    "Risk Disclosure: Trading in financial instruments involves high risks.",
    "© 2024 Example Media Limited. All Rights Reserved.",
    "No data",
    "Related articles",
];
const DATES: &[&str] = &[
    "Published 03/09/2014, 14:20",
    "26 Apr, 2008 10:20",
    "March 22, 2022",
    "2024-09-04T10:18:35+07:00",
    "Fri March 22, 2013",
    "Updated Sept. 3, 2014",
];

/// One generated page.
pub fn generate(rng_seed: u64, i: u64) -> String {
    let mut rng = Rng(rng_seed.wrapping_mul(1_000_003).wrapping_add(i));
    let mut page = String::new();
    page.push_str(rng.pick(BOILER));
    page.push_str("\n\n");
    let title = format!(
        "{} {} {} {}",
        rng.pick(ACTORS),
        rng.pick(VERBS),
        rng.pick(ACTORS),
        rng.pick(TAILS)
    );
    page.push_str(&title);
    page.push_str("\n\n");
    page.push_str(rng.pick(DATES));
    page.push_str("\n\nBy Ann Example\n\n");
    for p in 0..rng.range(4, 12) {
        if p == 0 {
            page.push_str("TOKYO (Reuters) - ");
        }
        for _ in 0..rng.range(1, 4) {
            let sentence = format!(
                "{} {} {} {}, officials said on {}. ",
                rng.pick(ACTORS),
                rng.pick(VERBS),
                rng.pick(ACTORS),
                rng.pick(TAILS),
                rng.pick(&["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]),
            );
            let mut c = sentence.chars();
            page.extend(c.next().map(|f| f.to_ascii_uppercase()));
            page.push_str(c.as_str());
        }
        page.push_str("\n\n");
    }
    for _ in 0..rng.range(1, 5) {
        page.push_str(rng.pick(BOILER));
        page.push('\n');
    }
    page
}

/// Writes `docs` generated pages as JSON Lines records (`{"id": "gen-N", "text": ...}`).
pub fn write_feed(docs: usize, seed: u64, out: &mut impl std::io::Write) -> std::io::Result<()> {
    for i in 0..docs as u64 {
        let record = serde_json::json!({ "id": format!("gen-{i}"), "text": generate(seed, i) });
        writeln!(out, "{record}")?;
    }
    out.flush()
}

/// A measured run.
pub trait Timed {
    fn seconds(&self) -> f64;
}

impl Timed for Throughput {
    fn seconds(&self) -> f64 {
        self.seconds
    }
}

impl Timed for Words {
    fn seconds(&self) -> f64 {
        self.seconds
    }
}

/// What a benchmark run measured.
pub struct Throughput {
    /// What was timed: `extract` (text pages) or `html` (HTML pages).
    pub stage: &'static str,
    pub docs: usize,
    pub bytes: usize,
    /// Sentences of the bodies, and the events found in them.
    pub sentences: usize,
    pub events: usize,
    pub seconds: f64,
}

impl fmt::Display for Throughput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} documents, {:.1} MB, {} sentences, {} events in {:.3} s on one core: {:.0} documents/s, {:.0} sentences/s, {:.1} MB/s",
            self.stage,
            self.docs,
            self.bytes as f64 / 1e6,
            self.sentences,
            self.events,
            self.seconds,
            self.docs as f64 / self.seconds,
            self.sentences as f64 / self.seconds,
            self.bytes as f64 / 1e6 / self.seconds
        )
    }
}

/// Generates `docs` pages, then times decoding, every stage and JSON serialization of each,
/// one after another on the calling thread, `runs` times over the same pages. Repeating matters
/// on a shared machine, where one run can be slowed by a neighbour: read the median.
pub fn run_extract(docs: usize, seed: u64, runs: usize) -> Vec<Throughput> {
    let pages: Vec<String> = (0..docs as u64).map(|i| generate(seed, i)).collect();
    let one = |page: &String| {
        let raw = ingest::decode("gen.txt", page.as_bytes()).ok()?;
        Some(pipeline::extract(&raw, &Context::default()))
    };
    timed("extract", &pages, String::len, one, runs)
}

/// Times the whole pipeline over real texts (news of TimeML files), repeated up to `bytes` so
/// that a run lasts long enough to time.
pub fn run_extract_texts(texts: &[String], bytes: usize, runs: usize) -> Vec<Throughput> {
    let pages = repeated(texts.iter().collect(), |p: &&String| p.len(), bytes);
    timed("extract", &pages, |p| p.len(), |p| document_of(p), runs)
}

/// Times `one` (an input to its document) and the document's JSON over every input, `runs`
/// times, after the first inputs once untimed: the knowledge files and the extractor's tables
/// are loaded before timing, as a long-running process would have them.
fn timed<T>(
    stage: &'static str,
    inputs: &[T],
    size: impl Fn(&T) -> usize,
    one: impl Fn(&T) -> Option<Document>,
    runs: usize,
) -> Vec<Throughput> {
    let bytes = inputs.iter().map(size).sum();
    inputs.iter().take(5).for_each(|i| drop(one(i)));
    let mut sink = Vec::with_capacity(1 << 20);
    (0..runs.max(1))
        .map(|_| {
            let (mut sentences, mut events) = (0, 0);
            let start = Instant::now();
            for doc in inputs.iter().filter_map(&one) {
                sentences += doc.sentences.len();
                events += doc.events.len();
                serde_json::to_writer(&mut sink, &doc).expect("serializes");
                sink.clear();
            }
            Throughput {
                stage,
                docs: inputs.len(),
                bytes,
                sentences,
                events,
                seconds: start.elapsed().as_secs_f64(),
            }
        })
        .collect()
}

/// One generated article as a web page: menus, the article with its markup, a footer.
pub fn generate_html(rng_seed: u64, i: u64) -> String {
    let text = generate(rng_seed, i);
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let boiler = lines.next().unwrap_or_default();
    let title = lines.next().unwrap_or_default();
    let mut page = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title} | Example News</title>\
         <meta property=\"og:site_name\" content=\"Example News\"></head><body>\
         <nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li><li><a href=\"/business\">Business</a></li></ul></nav>\
         <div class=\"ad\">{boiler}</div><main><article><h1>{title}</h1>"
    );
    for line in lines {
        page.push_str(&format!("<p>{line}</p>"));
    }
    page.push_str(
        "<div class=\"share-tools\"><a href=\"#\">Facebook</a> <a href=\"#\">Twitter</a></div></article>\
         <aside><h3>Most read</h3><ul><li><a href=\"/a\">Markets slide as rates rise</a></li><li><a href=\"/b\">Storm hits coast</a></li></ul></aside>\
         </main><footer>Terms of Use | Privacy Policy | Contact</footer></body></html>",
    );
    page
}

/// Times HTML pages to events on the calling thread: reading the page (charset, article,
/// markup), every stage, and JSON output, `runs` times over the same pages; the median counts.
pub fn run_html(pages: &[(String, String)], runs: usize) -> Vec<Throughput> {
    let one = |(url, html): &(String, String)| {
        let raw = ingest::page("page.html", html.as_bytes(), None, Some(url)).ok()?;
        Some(pipeline::extract(&raw, &Context::default()))
    };
    timed("html", pages, |(_, html)| html.len(), one, runs)
}

/// What a run of the time tagger measured.
pub struct Words {
    pub texts: usize,
    pub words: usize,
    pub expressions: usize,
    pub seconds: f64,
}

impl fmt::Display for Words {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "time: {} texts, {} words, {} expressions in {:.3} s on one core: {:.0} words/s",
            self.texts,
            self.words,
            self.expressions,
            self.seconds,
            self.words as f64 / self.seconds
        )
    }
}

/// Times tagging and normalizing the time expressions of `texts` (each with its reference
/// day), `runs` times over the same texts; words are runs of non-space characters.
pub fn run_time(texts: &[(String, NaiveDate)], runs: usize) -> Vec<Words> {
    let words = texts
        .iter()
        .map(|(t, _)| t.split_whitespace().count())
        .sum();
    let _ = time::timexes(&time::tag("warm up on Friday"), None);
    (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            let mut expressions = 0;
            for (text, day) in texts {
                expressions += time::timexes(&time::tag(text), Some((*day, *day))).len();
            }
            Words {
                texts: texts.len(),
                words,
                expressions,
                seconds: start.elapsed().as_secs_f64(),
            }
        })
        .collect()
}

/// What a run of the actors stage measured.
pub struct Mentions {
    pub docs: usize,
    pub bytes: usize,
    pub mentions: usize,
    pub seconds: f64,
}

impl fmt::Display for Mentions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "actors: {} documents, {:.1} MB, {} mentions in {:.3} s on one core: {:.0} mentions/s, {:.1} MB/s",
            self.docs,
            self.bytes as f64 / 1e6,
            self.mentions,
            self.seconds,
            self.mentions as f64 / self.seconds,
            self.bytes as f64 / 1e6 / self.seconds
        )
    }
}

impl Timed for Mentions {
    fn seconds(&self) -> f64 {
        self.seconds
    }
}

/// Times the actors stage alone (matching, phrases, coreference, terms of office) over
/// documents the earlier stages have already prepared, `runs` times.
pub fn run_actors(docs: &[Document], runs: usize) -> Vec<Mentions> {
    let bytes = docs.iter().map(|d| d.body.len()).sum();
    if let Some(d) = docs.first() {
        actors::mentions(d); // builds the automaton before timing
    }
    (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            let mentions = docs.iter().map(|d| actors::mentions(d).len()).sum();
            Mentions {
                docs: docs.len(),
                bytes,
                mentions,
                seconds: start.elapsed().as_secs_f64(),
            }
        })
        .collect()
}

/// What a run of the syntax stage measured.
pub struct Parses {
    pub sentences: usize,
    pub words: usize,
    pub seconds: f64,
}

impl fmt::Display for Parses {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "syntax: {} sentences, {} words in {:.3} s on one core: {:.0} sentences/s, {:.0} words/s",
            self.sentences,
            self.words,
            self.seconds,
            self.sentences as f64 / self.seconds,
            self.words as f64 / self.seconds
        )
    }
}

impl Timed for Parses {
    fn seconds(&self) -> f64 {
        self.seconds
    }
}

/// Times the syntax stage alone (words, tags, lemmas, parse) over the sentences of documents
/// the earlier stages have prepared, `runs` times.
pub fn run_syntax(docs: &[Document], runs: usize) -> Vec<Parses> {
    let _ = crate::syntax::model(); // read before timing
    (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            let (mut sentences, mut words) = (0, 0);
            for d in docs {
                let parsed = crate::syntax::parse(&d.body, &d.sentences);
                sentences += parsed.iter().filter(|p| !p.words.is_empty()).count();
                words += parsed.iter().map(|p| p.words.len()).sum::<usize>();
            }
            Parses {
                sentences,
                words,
                seconds: start.elapsed().as_secs_f64(),
            }
        })
        .collect()
}

/// Generated pages through every stage: the documents the actors stage is timed on.
pub fn generated_documents(docs: usize, seed: u64) -> Vec<Document> {
    (0..docs as u64)
        .filter_map(|i| {
            let raw = ingest::decode("gen", generate(seed, i).as_bytes()).ok()?;
            Some(pipeline::extract(&raw, &Context::default()))
        })
        .collect()
}

/// The items repeated until their sizes add up to at least `bytes`.
pub fn repeated<T: Clone>(items: Vec<T>, size: impl Fn(&T) -> usize, bytes: usize) -> Vec<T> {
    let total: usize = items.iter().map(size).sum();
    if total == 0 {
        return items;
    }
    let times = bytes.div_ceil(total);
    (0..times).flat_map(|_| items.iter().cloned()).collect()
}

/// A text (real news) through every stage, for timing a later stage alone; `None` for an
/// empty text.
pub fn document_of(text: &str) -> Option<Document> {
    let raw = ingest::decode("text", text.as_bytes()).ok()?;
    Some(pipeline::extract(&raw, &Context::default()))
}

/// The bodies of generated pages, each with its stated publication day.
pub fn generated_bodies(docs: usize, seed: u64) -> Vec<(String, NaiveDate)> {
    generated_documents(docs, seed)
        .into_iter()
        .filter_map(|doc| {
            let day = doc.published.as_ref()?.earliest.parse().ok()?;
            Some((doc.body, day))
        })
        .collect()
}

/// The run of median duration.
pub fn median<T: Timed>(runs: &mut [T]) -> &T {
    runs.sort_by(|a, b| a.seconds().total_cmp(&b.seconds()));
    &runs[runs.len() / 2]
}

/// What an ingest benchmark measured.
pub struct IngestRun {
    pub summary: crate::store::Summary,
    /// Peak resident memory of the process, in MB (Linux; `None` elsewhere).
    pub peak_mb: Option<f64>,
    /// Processor time of the ingest on all threads, in seconds (Linux; `None` elsewhere): on a
    /// busy machine a steadier measure than the wall clock.
    pub cpu_seconds: Option<f64>,
    pub threads: usize,
}

impl fmt::Display for IngestRun {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.summary;
        write!(
            f,
            "ingest: {} documents, {} events, {} merged, into a new store in {:.1} s (merging {:.1} s) on {} threads: {:.0} documents/s; {} of processor time per document; peak memory {}",
            s.documents,
            s.events,
            s.merge.merged,
            s.seconds,
            s.merge_seconds,
            self.threads,
            s.documents as f64 / s.seconds,
            self.cpu_seconds.map_or("unknown".to_string(), |c| format!(
                "{:.2} ms",
                c * 1e3 / s.documents.max(1) as f64
            )),
            self.peak_mb
                .map_or("unknown".to_string(), |m| format!("{m:.0} MB")),
        )
    }
}

/// Writes `docs` generated pages to a temporary folder, then times `annals ingest` of them
/// into a new store there (or at `keep`), on every core (the folder is removed afterwards).
pub fn run_ingest(docs: usize, seed: u64, keep: Option<&Path>) -> anyhow::Result<IngestRun> {
    let dir = std::env::temp_dir().join(format!("annals-bench-{}", std::process::id()));
    let pages = dir.join("pages");
    std::fs::create_dir_all(&pages)?;
    for i in 0..docs as u64 {
        std::fs::write(pages.join(format!("{i:07}.txt")), generate(seed, i))?;
    }
    let db = keep.map_or_else(|| dir.join("bench.db"), Path::to_path_buf);
    if db.exists() {
        anyhow::bail!("{} exists: the benchmark needs a new store", db.display());
    }
    let mut store = crate::store::Store::open(&db)?;
    let opts = crate::store::load::Options {
        max_bytes: ingest::DEFAULT_MAX_BYTES,
        batch: crate::store::load::DEFAULT_BATCH,
        progress: false,
    };
    let cpu = cpu_seconds();
    let summary = crate::store::ingest(&mut store, &[pages], &opts);
    let cpu = cpu_seconds().zip(cpu).map(|(after, before)| after - before);
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(IngestRun {
        summary: summary?,
        peak_mb: peak_memory_mb(),
        cpu_seconds: cpu,
        threads: rayon::current_num_threads(),
    })
}

/// Processor time the process used so far (user and system, all threads), in seconds.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces; utime and
    // stime are the 14th and 15th fields, in clock ticks (100 a second on Linux).
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// The process's peak resident memory (VmHWM), in MB.
pub(crate) fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_pages_are_deterministic_and_clean_into_a_body() {
        assert_eq!(generate(7, 3), generate(7, 3));
        assert_ne!(generate(7, 3), generate(7, 4));
        let raw = ingest::decode("g", generate(1, 0).as_bytes()).unwrap();
        let doc = pipeline::extract(&raw, &Context::default());
        assert!(doc.title.is_some() && doc.published.is_some());
        assert!(doc.body.starts_with("TOKYO (Reuters) - "));
        assert_eq!(doc.authors, vec!["Ann Example"]);
    }
}
