//! The one object that flows through the pipeline. Each stage fills its own fields; later stages
//! (time expressions, actors, events) add theirs to the same object.
//!
//! Every offset is a count of Unicode characters (not bytes) into `body`, so that
//! `body[start:end]` in Python gives the same text as the span names.

use serde::{Deserialize, Serialize};

use crate::text::cut;

/// A cleaned, dated article with the provenance of everything that was taken out of it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Document {
    /// Content hash of the raw input bytes (BLAKE3, first 16 hex digits).
    pub id: String,
    /// Where the document was read from (`-` for standard input).
    pub path: String,
    pub title: Option<String>,
    /// Who wrote the story: a news agency named in the dateline, or the publishing site.
    pub outlet: Option<String>,
    /// The site the page was scraped from, where the page shows it.
    pub site: Option<String>,
    /// The article's address: a WARC record's target, a feed record's or the page's own
    /// (canonical link, `og:url`), or a "Source: URL" line of the text.
    pub url: Option<String>,
    /// When a crawler fetched the page (a WARC record's date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fetched: Option<String>,
    /// A feed record's own `id` field (`extract --jsonl-in` and JSON Lines input), to join the
    /// output back to the input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_id: Option<String>,
    pub authors: Vec<String>,
    /// The place of a dateline such as "ULAN BATOR (Reuters) -", in title case.
    pub dateline: Option<String>,
    /// ISO 639-1 code of the body's language (639-3 where no two-letter code exists).
    pub language: Option<String>,
    pub published: Option<Published>,
    /// Paragraphs of the article joined by a blank line.
    pub body: String,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Span>,
    /// Each sentence's words with their part of speech, lemma and dependency (the `syntax`
    /// stage, one entry per sentence of `sentences`), for the stages after it. The store does
    /// not keep it; `extract --syntax` prints it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub syntax: Vec<Parsed>,
    /// Time expressions of the body, normalized against the publication date.
    pub timexes: Vec<Timex>,
    /// Mentions of actors in the body: states, organizations, people, and the words that refer
    /// back to them.
    pub mentions: Vec<Mention>,
    /// Events the body reports or recalls: who did what to whom, when, and the words that say so.
    pub events: Vec<Event>,
    /// Every non-empty input line that is not in `body`, with why it was taken out.
    pub removed: Vec<Removed>,
    /// Problems that did not stop the document (repaired encoding, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// A half-open range `[start, end)` of characters in `body`.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// One sentence's words, in Universal Dependencies conventions ("Russia's" is `Russia` `'s`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Parsed {
    pub words: Vec<Word>,
}

/// A word of a sentence: where it stands in `body` (characters), its lemma, its universal and
/// Penn Treebank tags, and its head (the 1-based number of another word of the sentence, 0 for
/// the root) with the UD relation to it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub head: usize,
    pub deprel: String,
}

/// One paragraph of the body and the input line it came from (1-based).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    pub line: usize,
}

/// An input line kept out of the body.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Removed {
    /// 1-based line number in the input.
    pub line: usize,
    pub text: String,
    /// `title`, `metadata` or `boilerplate`.
    pub kind: String,
    /// The family or rule that decided it, e.g. `disclaimer`, `date`, `outside-body`.
    pub reason: String,
}

/// When the document was published: an interval of days with the evidence for it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Published {
    /// TIMEX3-style value: `2014-09-03` or `2014-09-03T14:20`.
    pub value: String,
    /// First and last possible day, `YYYY-MM-DD`.
    pub earliest: String,
    pub latest: String,
    pub basis: PublishedBasis,
    pub evidence: Vec<Evidence>,
}

/// How a publication date was found: a closed set, so that a misspelt one does not compile.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum PublishedBasis {
    /// The page prints it.
    Stated,
    /// Estimated from the content (terms of office, known events, weekdays).
    Inferred,
    /// The page's markup gives it (`<meta>`, JSON-LD).
    Markup,
    /// The input gives it (a record's `date`, a caller's day).
    Given,
}

/// How an event's days were found.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum DateBasis {
    /// A time expression of the event's clause or sentence.
    Sentence,
    /// The days of a well-known event the words name (`text`: its id in data/time/events.tsv).
    KnownEvent,
    /// The days of a war or battle the article names, between the same sides (`text`: its name).
    Period,
    /// The publication date, for a report of current news.
    Published,
    /// The publication date, itself inferred from the content.
    InferredPublished,
    /// Nothing dates it.
    Unknown,
}

macro_rules! names {
    ($t:ty { $($v:ident => $s:literal),* $(,)? }) => {
        impl $t {
            /// The name written in JSON, the store and the exports.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(<$t>::$v => $s),*
                }
            }

            /// The value `as_str` names (as the store reads it back).
            pub fn from_name(name: &str) -> Option<Self> {
                match name {
                    $($s => Some(<$t>::$v),)*
                    _ => None,
                }
            }
        }

        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

names!(PublishedBasis {
    Stated => "stated",
    Inferred => "inferred",
    Markup => "markup",
    Given => "given",
});

names!(DateBasis {
    Sentence => "sentence",
    KnownEvent => "known-event",
    Period => "period",
    Published => "published",
    InferredPublished => "inferred-published",
    Unknown => "unknown",
});

/// How finely a date is known: the unit its days make up. An event's date is `day`, `week`,
/// `month`, `year` or `years` by how many days it spans, empty when nothing dates it; a time
/// expression's is the unit it names.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Time,
    Day,
    Weekend,
    Week,
    Month,
    Season,
    Quarter,
    Year,
    /// More than a year.
    Years,
    Decade,
    Century,
    #[default]
    #[serde(rename = "")]
    Unknown,
}

names!(Granularity {
    Time => "time",
    Day => "day",
    Weekend => "weekend",
    Week => "week",
    Month => "month",
    Season => "season",
    Quarter => "quarter",
    Year => "year",
    Years => "years",
    Decade => "decade",
    Century => "century",
    Unknown => "",
});

/// A time expression of the body, TIMEX3-compatible, with the days it can cover.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Timex {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// TIMEX3 type (`DATE`, `TIME`, `DURATION`, `SET`), or an Annals extension that TimeML
    /// leaves out: `PERIOD` (a named era such as World War II), `ANNIVERSARY` (the year it
    /// recalls), `RANGE` ("between 2012 and 2020").
    #[serde(rename = "type")]
    pub kind: String,
    /// TIMEX3 value: `2013-03-22`, `2012-SU`, `P3M`, `PRESENT_REF`, `XXXX-WXX-2` when the
    /// reference date is unknown.
    pub value: String,
    /// TIMEX3 mod: `START`, `MID`, `END`, `APPROX`, `LESS_THAN`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    /// First and last possible day (`YYYY-MM-DD`), for expressions that name days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earliest: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub granularity: Option<Granularity>,
    /// The value was computed from the reference date ("yesterday"), not read off the text.
    pub anchored: bool,
    /// The grammar rule or data entry that produced it.
    pub rule: String,
}

/// A span of the body that names an actor, with who it is at the time the sentence speaks of.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub actor: Actor,
    /// The name is used as a place ("a visit to Ulan Bator"), not as an actor that does things.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub place: bool,
    /// How the actor was found: `name`, `adjective`, `capital`, `seat`, `organization`,
    /// `agent`, `role-appositive`, `appositive`, `coreference`, `pair`, `pronoun`, ...
    pub rule: String,
    /// Why it got its code, for a person: e.g. `prime-minister 2012-12-26..2020-09-16` or
    /// `former: last term ended 2020-09-16`.
    pub why: String,
}

/// Who an actor is, CAMEO-style.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Actor {
    /// Country or organization code followed by the role: `RUSGOV`, `JPNMIL`, `RUS`, `ICC`.
    pub code: String,
    /// ISO 3166-1 alpha-3 (or `SUN` and other historical codes) of the state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Code of an organization or region: `ICC`, `UNO`, `WST`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
    /// CAMEO agent code: `GOV`, `MIL`, `ELI` (former officials), `LEG`, `MED`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The office held at that time (`prime-minister`), or the one a former holder held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Entry of the knowledge base: `person:shinzo-abe`, `state:JPN`, `org:ICC`, `seat:Kremlin`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kb_id: Option<String>,
}

impl Actor {
    /// The state (else the organization) the actor belongs to, whatever its role: what two
    /// mentions must share to be the same side of an event.
    pub fn side(&self) -> Option<&str> {
        self.country.as_deref().or(self.org.as_deref())
    }
}

/// One event: a CAMEO-coded action of a source on a target, dated by when it happened.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Event {
    pub source: EventActor,
    pub target: EventActor,
    /// CAMEO code (`163`), its root (`16`) and name.
    pub cameo: String,
    pub root: String,
    pub name: String,
    pub goldstein: f64,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// The PLOVER event, mode and context the CAMEO code maps to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plover: Option<Plover>,
    pub date: EventDate,
    /// Well before publication: the article recalls it.
    pub historical: bool,
    /// Scheduled or expected, not yet done ("will visit", "plans to").
    pub planned: bool,
    /// Said as a possibility ("could", "might", "would").
    pub hypothetical: bool,
    /// Said not to have happened ("did not", "refused to").
    pub negated: bool,
    /// Who says so, when the event is reported speech ("..., Kishida said").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimed_by: Option<EventActor>,
    /// Where it happened, as written ("Moscow").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Where it happened, on the map: the place `location` or the sentence names, else the
    /// dateline's (src/places).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    pub evidence: EventEvidence,
    /// The pattern of data/events/patterns.tsv that matched, as written there.
    pub rule: String,
    /// 0 to 1: how much of the coding rests on firm cues rather than fallbacks.
    pub confidence: f64,
    /// What its reports share with other reports of the same event (`merge::key`): the
    /// states, the CAMEO root and the flags (`RUS|JPN|19|000`).
    #[serde(default)]
    pub merge_key: String,
}

/// The actor of an event side: who it is, as the mention (or the territory) names it, and
/// where.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct EventActor {
    #[serde(flatten)]
    pub actor: Actor,
    /// The mention's text and span in `body`.
    pub text: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Plover {
    pub event: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
}

/// A place of the gazetteer (data/places) an event is placed at.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Place {
    /// Its name in the gazetteer ("Moscow", "Galwan Valley").
    pub name: String,
    #[serde(rename = "type")]
    pub kind: PlaceKind,
    /// The state it is in (ISO 3166-1 alpha-3); none for a sea or a strait.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Its first-level subdivision, as GeoNames codes it within the country (`48`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adm1: Option<String>,
    pub lat: f64,
    pub lon: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonames_id: Option<u64>,
    /// What placed the event there.
    pub basis: PlaceBasis,
}

/// What kind of place: a state (its centre), a first-level subdivision of a state (a
/// province, a region: its centre), a city, or a landmark (islands, a valley, a sea).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    Country,
    Adm1,
    City,
    Landmark,
}

names!(PlaceKind {
    Country => "country",
    Adm1 => "adm1",
    City => "city",
    Landmark => "landmark",
});

/// How an event was placed: by the words of its clause or sentence, by the dateline of a story
/// of current news, or by the venue of the article's meeting of the same days.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum PlaceBasis {
    Clause,
    Dateline,
    /// The place of the article's meeting, visit or agreement of the same days.
    Article,
    /// The seat of the body that acted (data/places/seats.tsv).
    Seat,
}

names!(PlaceBasis {
    Clause => "clause",
    Dateline => "dateline",
    Article => "article",
    Seat => "seat",
});

impl Event {
    /// Whether the text says it happened (or will): neither negated nor only possible. The
    /// evaluations score these only (the timeline, too, hides the others unless `--all`).
    pub fn asserted(&self) -> bool {
        !self.negated && !self.hypothetical
    }
}

/// When an event happened: a TIMEX3-style value and the days it can be.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct EventDate {
    pub value: String,
    pub earliest: String,
    pub latest: String,
    pub granularity: Granularity,
    pub basis: DateBasis,
    /// The time expression it was read from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl EventDate {
    /// Whether the days come from what the article says of the event, not from its own date.
    pub fn stated(&self) -> bool {
        matches!(
            self.basis,
            DateBasis::Sentence | DateBasis::KnownEvent | DateBasis::Period
        )
    }
}

/// The words that carry an event.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct EventEvidence {
    /// Index of the sentence in `sentences`, and its text.
    pub sentence: usize,
    pub text: String,
    /// Span of the trigger words in `body`.
    pub start: usize,
    pub end: usize,
    pub trigger: String,
}

/// One reason behind a decision, pointing at the words it rests on.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Evidence {
    pub rule: String,
    pub text: String,
    /// Input line (1-based) for evidence taken from the raw page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

impl Document {
    /// A readable summary for a person at a terminal: metadata, the body's paragraphs cut to
    /// one line each, and every removed line with its reason.
    pub fn pretty(&self) -> String {
        use std::fmt::Write;
        let or_none = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".to_string());
        let mut s = String::new();
        let _ = writeln!(s, "── {}  (id {})", self.path, self.id);
        let _ = writeln!(s, "title      {}", or_none(&self.title));
        let _ = writeln!(
            s,
            "outlet     {}   site {}",
            or_none(&self.outlet),
            or_none(&self.site)
        );
        let authors = if self.authors.is_empty() {
            "—".to_string()
        } else {
            self.authors.join(", ")
        };
        let _ = writeln!(s, "authors    {authors}");
        let _ = writeln!(
            s,
            "dateline   {}   language {}",
            or_none(&self.dateline),
            or_none(&self.language)
        );
        match &self.published {
            None => {
                let _ = writeln!(s, "published  —");
            }
            Some(p) => {
                let _ = writeln!(
                    s,
                    "published  {} ({}, {} to {})",
                    p.value, p.basis, p.earliest, p.latest
                );
                for e in &p.evidence {
                    let _ = writeln!(s, "  {:<22} {}", e.rule, e.text);
                }
            }
        }
        let _ = writeln!(s, "timexes    {}", self.timexes.len());
        for t in &self.timexes {
            let _ = writeln!(s, "  {:<11} {:<24} {}", t.kind, t.value, t.text);
        }
        let _ = writeln!(s, "mentions   {}", self.mentions.len());
        for m in &self.mentions {
            let name = m.actor.name.as_deref().unwrap_or("");
            let place = if m.place { " (place)" } else { "" };
            let _ = writeln!(
                s,
                "  {:<9} {:<32} {:<15} {}{place}",
                m.actor.code,
                cut(&m.text, 32),
                m.rule,
                name
            );
        }
        self.pretty_events(&mut s);
        let _ = writeln!(
            s,
            "body       {} paragraphs, {} sentences, {} characters",
            self.paragraphs.len(),
            self.sentences.len(),
            self.body.chars().count()
        );
        for p in &self.paragraphs {
            let text: String = self
                .body
                .chars()
                .skip(p.start)
                .take(p.end - p.start)
                .collect();
            let _ = writeln!(s, "  L{:<4} {}", p.line, cut(&text, 96));
        }
        let _ = writeln!(s, "removed    {} lines", self.removed.len());
        for r in &self.removed {
            let why = format!("{}/{}", r.kind, r.reason);
            let _ = writeln!(s, "  L{:<4} {:<24} {}", r.line, why, cut(&r.text, 72));
        }
        for w in &self.warnings {
            let _ = writeln!(s, "warning    {w}");
        }
        s
    }

    /// Each event on one line (who, code, whom, when, flags), then its trigger and sentence.
    fn pretty_events(&self, s: &mut String) {
        use std::fmt::Write;
        let _ = writeln!(s, "events     {}", self.events.len());
        for e in &self.events {
            let when = if e.date.earliest == e.date.latest {
                e.date.earliest.clone()
            } else {
                format!("{}..{}", e.date.earliest, e.date.latest)
            };
            let flags: Vec<&str> = [
                (e.historical, "historical"),
                (e.planned, "planned"),
                (e.hypothetical, "hypothetical"),
                (e.negated, "negated"),
            ]
            .iter()
            .filter(|(on, _)| *on)
            .map(|(_, name)| *name)
            .collect();
            // What the date was read from: "sentence: In 1956", "known-event: <id>".
            let basis = match &e.date.text {
                Some(t) => format!("{}: {t}", e.date.basis),
                None => e.date.basis.to_string(),
            };
            let _ = writeln!(
                s,
                "  {:<9} {:<5} {:<9} {:<23} ({basis}) {} {}",
                e.source.actor.code,
                e.cameo,
                e.target.actor.code,
                when,
                e.name,
                flags.join(" ")
            );
            let by = e
                .claimed_by
                .as_ref()
                .map_or(String::new(), |c| format!(" — said by {}", c.text));
            let _ = writeln!(
                s,
                "      \"{}\"{by}: {}",
                e.evidence.trigger,
                cut(&e.evidence.text, 90)
            );
        }
    }
}
