//! Scoring events against the gold files (format and matching rules: ../shared/gold/README.md).
//!
//! A predicted event matches a gold event on source, target, CAMEO root (or one of the gold's
//! `alt_roots`) and dates that overlap give or take a day; for roots 03, 04 and 05 the direction
//! does not matter. Each gold event matches one predicted event at most. Events said not to have
//! happened (`negated`) or only as a possibility (`hypothetical`) are not claims that they
//! happened, so they are not scored.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::{cause, ratio, Prf};
use crate::document::{Document, Event, EventActor};
use crate::places;
use crate::time::iso_day;

#[derive(Debug, Deserialize)]
pub struct GoldEvent {
    pub source: String,
    pub target: String,
    pub cameo: String,
    #[serde(default)]
    pub alt_roots: Vec<String>,
    pub date: GoldInterval,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub evidence: String,
    /// Where it happened, as the text names it ("Asmara", "Galwan Valley").
    #[serde(default)]
    pub location: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct GoldInterval {
    pub earliest: String,
    pub latest: String,
}

/// The lower ends of the confidence bands precision is reported by.
pub const BANDS: [f64; 4] = [0.0, 0.55, 0.7, 0.85];

pub(super) fn band(confidence: f64) -> usize {
    BANDS
        .iter()
        .rposition(|&low| confidence >= low)
        .unwrap_or(0)
}

/// Event counts of one document or of all.
#[derive(Debug, Default, Clone, Serialize)]
pub struct EventCounts {
    pub predicted: usize,
    pub matched: usize,
    pub required: usize,
    pub matched_required: usize,
    /// Matched events whose date is no wider than the gold's plus two days.
    pub tight: usize,
    /// Predictions given a place.
    pub placed: usize,
    /// Matched events whose gold names a place the gazetteer knows; of them, those given a
    /// place, in the gold place's state, and within 50 km of it.
    pub gold_places: usize,
    pub gold_places_placed: usize,
    pub gold_places_country: usize,
    pub gold_places_near: usize,
    /// Of those, the ones whose document names the gold place (the measure: events
    /// whose text says where), and of them those within 50 km.
    pub gold_places_named: usize,
    pub gold_places_named_near: usize,
    /// Predictions and the matched among them, by confidence band (see `BANDS`).
    pub bands: [(usize, usize); BANDS.len()],
    /// Required gold events no prediction matched, by why (see `cause`).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub causes: BTreeMap<&'static str, usize>,
    /// Predictions no gold event matched, by why (see `extra_cause`).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub extra_causes: BTreeMap<&'static str, usize>,
    /// Gold events no prediction matched: `[cause] SRC TGT CODE evidence`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missed: Vec<String>,
    /// Predictions no gold event matched: `[cause] SRC TGT CODE date trigger`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<String>,
    /// Matched events not placed within 50 km of the gold's place: `CODE place vs gold`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub misplaced: Vec<String>,
    /// Matched events whose date is wider than the gold's: `CODE predicted vs gold`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub loose: Vec<String>,
}

impl EventCounts {
    /// Precision over every prediction, recall over the required gold events only.
    pub fn prf(&self) -> Prf {
        Prf::new(
            ratio(self.matched, self.predicted),
            ratio(self.matched_required, self.required),
        )
    }

    pub fn tight_share(&self) -> f64 {
        if self.matched == 0 {
            0.0
        } else {
            self.tight as f64 / self.matched as f64
        }
    }

    pub fn add(&mut self, o: &EventCounts) {
        self.predicted += o.predicted;
        self.matched += o.matched;
        self.required += o.required;
        self.matched_required += o.matched_required;
        self.tight += o.tight;
        self.placed += o.placed;
        self.gold_places += o.gold_places;
        self.gold_places_placed += o.gold_places_placed;
        self.gold_places_country += o.gold_places_country;
        self.gold_places_near += o.gold_places_near;
        self.gold_places_named += o.gold_places_named;
        self.gold_places_named_near += o.gold_places_named_near;
        for (mine, theirs) in self.bands.iter_mut().zip(&o.bands) {
            mine.0 += theirs.0;
            mine.1 += theirs.1;
        }
        for (cause, n) in &o.causes {
            *self.causes.entry(cause).or_default() += n;
        }
        for (cause, n) in &o.extra_causes {
            *self.extra_causes.entry(cause).or_default() += n;
        }
    }

    /// "places: ..." of `annals eval`.
    pub fn places_line(&self) -> String {
        format!(
            "places: {} of {} events placed; of {} matched events whose gold names a place, {} placed, {} in its state, {} within 50 km; of the {} whose text names that place, {} within 50 km",
            self.placed,
            self.predicted,
            self.gold_places,
            self.gold_places_placed,
            self.gold_places_country,
            self.gold_places_near,
            self.gold_places_named,
            self.gold_places_named_near
        )
    }

    pub fn bands_line(&self) -> String {
        bands_line(&self.bands)
    }

    /// "no actor 20, no frame 9, ...", the largest first.
    pub fn causes_line(&self) -> String {
        totals_line(&self.causes)
    }

    /// The same for the extra predictions.
    pub fn extra_causes_line(&self) -> String {
        totals_line(&self.extra_causes)
    }
}

fn totals_line(causes: &BTreeMap<&'static str, usize>) -> String {
    let mut causes: Vec<(&&str, &usize)> = causes.iter().collect();
    causes.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let parts: Vec<String> = causes.iter().map(|(c, n)| format!("{c} {n}")).collect();
    parts.join(", ")
}

/// "0.85+ 12/14 (0.857), ...": precision of each band of (predicted, matched) counts, the most
/// confident first.
pub(super) fn bands_line(bands: &[(usize, usize); BANDS.len()]) -> String {
    let parts: Vec<String> = (0..BANDS.len())
        .rev()
        .map(|b| {
            let (predicted, matched) = bands[b];
            let precision = if predicted == 0 {
                "-".to_string()
            } else {
                format!("{:.3}", ratio(matched, predicted))
            };
            format!("{:.2}+ {matched}/{predicted} ({precision})", BANDS[b])
        })
        .collect();
    parts.join(", ")
}

/// Scores one document's events against its gold events.
pub fn score(
    gold: &[GoldEvent],
    aliases: &HashMap<String, Vec<String>>,
    doc: &Document,
) -> EventCounts {
    let predicted = &doc.events;
    let scored: Vec<&Event> = predicted.iter().filter(|e| e.asserted()).collect();
    let mut used = vec![false; gold.len()];
    // Whether the text names a gold place, asked of each matched event.
    let body = doc.body.to_lowercase();
    let mut counts = EventCounts {
        predicted: scored.len(),
        placed: scored.iter().filter(|e| e.place.is_some()).count(),
        required: gold.iter().filter(|g| g.required).count(),
        ..EventCounts::default()
    };
    // Required gold events take their match first, so an optional one cannot steal it.
    let mut order: Vec<usize> = (0..gold.len()).collect();
    order.sort_by_key(|&i| !gold[i].required);
    let mut matched_pred = vec![false; scored.len()];
    // Exact codes pair up first, so a 114 is not taken by a gold 111 that shares its root.
    for exact in [true, false] {
        for &i in &order {
            let g = &gold[i];
            if used[i] {
                continue;
            }
            let fits = |j: usize| {
                !matched_pred[j]
                    && (!exact || g.cameo == scored[j].cameo)
                    && matches(g, scored[j], aliases)
            };
            if let Some(j) = (0..scored.len()).find(|&j| fits(j)) {
                matched_pred[j] = true;
                used[i] = true;
                counts.matched += 1;
                counts.matched_required += usize::from(g.required);
                count_place(g, scored[j], &body, &mut counts);
                if tight(g, scored[j]) {
                    counts.tight += 1;
                } else {
                    let e = scored[j];
                    counts.loose.push(format!(
                        "{} {}..{} ({}) vs gold {}..{}  {:?}",
                        e.cameo,
                        e.date.earliest,
                        e.date.latest,
                        e.date.basis,
                        g.date.earliest,
                        g.date.latest,
                        e.evidence.trigger
                    ));
                }
            }
        }
    }
    for (i, g) in gold.iter().enumerate() {
        if !used[i] && g.required {
            let why = miss_cause(g, aliases, doc);
            *counts.causes.entry(why).or_default() += 1;
            counts.missed.push(format!(
                "[{why}] {} {} {} {}..{}  {}",
                g.source, g.target, g.cameo, g.date.earliest, g.date.latest, g.evidence
            ));
        }
    }
    for (j, e) in scored.iter().enumerate() {
        let b = band(e.confidence);
        counts.bands[b].0 += 1;
        counts.bands[b].1 += usize::from(matched_pred[j]);
        if !matched_pred[j] {
            let unmatched: Vec<&GoldEvent> = (0..gold.len())
                .filter(|&i| !used[i])
                .map(|i| &gold[i])
                .collect();
            let why = extra_cause(e, &unmatched, aliases);
            *counts.extra_causes.entry(why).or_default() += 1;
            counts.extra.push(format!(
                "[{why}] {} {} {} {}..{}  {:?}",
                key(&e.source),
                key(&e.target),
                e.cameo,
                e.date.earliest,
                e.date.latest,
                e.evidence.trigger
            ));
        }
    }
    counts
}

/// Why a gold event was missed, the first that applies: `flagged` (predicted, but negated or
/// hypothetical), `wrong date`, `wrong direction`, `wrong root` (a prediction between the same
/// sides), `no actor` (its sentence has no mention of one side), `side not linked` (both sides
/// are named and an event word was found in the sentence, but not between them), `no frame`
/// (no event word of the sentence gave an event).
fn miss_cause(
    g: &GoldEvent,
    aliases: &HashMap<String, Vec<String>>,
    doc: &Document,
) -> &'static str {
    let direct = |e: &Event| orientation(g, e, aliases).0;
    let reversed = |e: &Event| orientation(g, e, aliases).1;
    // The sentence that holds the gold's evidence, else the whole body: a prediction counts
    // toward a cause only from that sentence.
    let probe: String = g.evidence.chars().take(40).collect();
    let bytes = crate::text::ByteOffsets::new(&doc.body);
    let sentence = doc.sentences.iter().enumerate().find(|(_, s)| {
        let text = &doc.body[bytes.at(s.start)..bytes.at(s.end)];
        !probe.is_empty() && text.contains(&probe)
    });
    let (span, index) = match sentence {
        Some((i, s)) => ((s.start, s.end), Some(i)),
        None => ((0, usize::MAX), None),
    };
    let here: Vec<&Event> = doc
        .events
        .iter()
        .filter(|e| index.is_none_or(|i| e.evidence.sentence == i))
        .collect();
    if here.iter().any(|e| !e.asserted() && matches(g, e, aliases)) {
        return cause::FLAGGED;
    }
    let scored = || here.iter().filter(|e| e.asserted());
    if scored().any(|e| root_ok(g, e) && (direct(e) || reversed(e)) && !overlaps(g, e)) {
        return cause::WRONG_DATE;
    }
    if scored().any(|e| root_ok(g, e) && reversed(e) && overlaps(g, e)) {
        return cause::WRONG_DIRECTION;
    }
    if scored().any(|e| (direct(e) || reversed(e)) && overlaps(g, e)) {
        return cause::WRONG_ROOT;
    }
    let named = |side: &str| {
        doc.mentions.iter().any(|m| {
            let inside = m.start >= span.0 && m.end <= span.1;
            inside && m.actor.side().is_some_and(|s| same_actor(side, s, aliases))
        })
    };
    if !named(&g.source) || !named(&g.target) {
        return cause::NO_ACTOR;
    }
    if !here.is_empty() {
        cause::SIDE_NOT_LINKED
    } else {
        cause::NO_FRAME
    }
}

/// Why a prediction matched no gold event, the first that applies against the gold events left
/// unmatched: `no date` (it has none, so it can match nothing), `wrong date` (a gold event of
/// its root between its sides, on other days), `wrong direction`, `wrong root` (a gold event
/// between its sides under another root), `wrong side` (a gold event of its root that shares
/// one side), `not in gold` (none of these: a misreading, or an event the gold does not code).
fn extra_cause(
    e: &Event,
    gold: &[&GoldEvent],
    aliases: &HashMap<String, Vec<String>>,
) -> &'static str {
    if e.date.earliest.is_empty() {
        return cause::NO_DATE;
    }
    let sides = |g: &GoldEvent| orientation(g, e, aliases);
    let any = |test: &dyn Fn(&GoldEvent) -> bool| gold.iter().any(|g| test(g));
    if any(&|g| root_ok(g, e) && (sides(g).0 || sides(g).1) && !overlaps(g, e)) {
        return cause::WRONG_DATE;
    }
    if any(&|g| root_ok(g, e) && sides(g).1 && overlaps(g, e)) {
        return cause::WRONG_DIRECTION;
    }
    if any(&|g| (sides(g).0 || sides(g).1) && overlaps(g, e)) {
        return cause::WRONG_ROOT;
    }
    let one_side = |g: &GoldEvent| {
        let same = |gold: &str, got: &EventActor| same_actor(gold, key(got), aliases);
        [&e.source, &e.target]
            .iter()
            .any(|a| same(&g.source, a) || same(&g.target, a))
    };
    if any(&|g| root_ok(g, e) && one_side(g) && overlaps(g, e)) {
        return cause::WRONG_SIDE;
    }
    cause::NOT_IN_GOLD
}

fn key(a: &EventActor) -> &str {
    a.actor.side().unwrap_or("")
}

/// Whether a predicted side is the gold's: the same code, or one of the gold file's aliases.
fn same_actor(gold: &str, got: &str, aliases: &HashMap<String, Vec<String>>) -> bool {
    gold == got
        || aliases
            .get(gold)
            .is_some_and(|a| a.iter().any(|x| x == got))
}

/// Whether a prediction's root is the gold's or one of its `alt_roots`.
fn root_ok(g: &GoldEvent, e: &Event) -> bool {
    g.cameo.get(..2) == Some(e.root.as_str()) || g.alt_roots.contains(&e.root)
}

/// Whether a prediction's sides are the gold's as they stand, and the other way round.
fn orientation(g: &GoldEvent, e: &Event, aliases: &HashMap<String, Vec<String>>) -> (bool, bool) {
    let same = |gold: &str, got: &EventActor| same_actor(gold, key(got), aliases);
    (
        same(&g.source, &e.source) && same(&g.target, &e.target),
        same(&g.source, &e.target) && same(&g.target, &e.source),
    )
}

fn matches(g: &GoldEvent, e: &Event, aliases: &HashMap<String, Vec<String>>) -> bool {
    let (direct, reversed) = orientation(g, e, aliases);
    let either_way = super::undirected(&e.root) && reversed;
    root_ok(g, e) && (direct || either_way) && overlaps(g, e)
}

fn overlaps(g: &GoldEvent, e: &Event) -> bool {
    let (Some(ga), Some(gb), Some(ea), Some(eb)) = (
        iso_day(&g.date.earliest),
        iso_day(&g.date.latest),
        iso_day(&e.date.earliest),
        iso_day(&e.date.latest),
    ) else {
        return false;
    };
    let slack = chrono::Duration::days(1);
    ea <= gb + slack && ga <= eb + slack
}

/// Whether a matched event is placed where its gold says (its state, and within 50 km of the
/// place the gazetteer gives the gold's name for the gold's sides), and whether `body`
/// (lowercased) names that place at all (a gold place known only from elsewhere, "Beijing" for a meeting in China
/// the article never places, is no miss of the measure).
fn count_place(g: &GoldEvent, e: &Event, body: &str, counts: &mut EventCounts) {
    let sides = [
        g.source.get(..3).unwrap_or(""),
        g.target.get(..3).unwrap_or(""),
    ];
    let Some(gold) = g
        .location
        .as_deref()
        .and_then(|l| places::locate(l, &sides))
    else {
        return;
    };
    counts.gold_places += 1;
    let gold_name = g.location.as_deref().unwrap_or_default();
    let named = body.contains(&gold_name.to_lowercase());
    counts.gold_places_named += usize::from(named);
    let Some(p) = &e.place else {
        let line = format!(
            "{} unplaced vs gold {gold_name}  {:?}",
            e.cameo, e.evidence.trigger
        );
        counts.misplaced.push(line);
        return;
    };
    counts.gold_places_placed += 1;
    counts.gold_places_country += usize::from(gold.2.is_none() || p.country == gold.2);
    let km = places::km((p.lat, p.lon), (gold.0, gold.1));
    if km <= 50.0 {
        counts.gold_places_near += 1;
        counts.gold_places_named_near += usize::from(named);
    } else {
        counts.misplaced.push(format!(
            "{} {} ({}, {km:.0} km away) vs gold {gold_name}  {:?}",
            e.cameo, p.name, p.basis, e.evidence.trigger
        ));
    }
}

fn tight(g: &GoldEvent, e: &Event) -> bool {
    let width = |a: &str, b: &str| Some((iso_day(b)? - iso_day(a)?).num_days());
    match (
        width(&g.date.earliest, &g.date.latest),
        width(&e.date.earliest, &e.date.latest),
    ) {
        (Some(gw), Some(ew)) => ew <= gw + 2,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        let raw = crate::ingest::decode("case.txt", text.as_bytes()).expect("decodes");
        crate::pipeline::extract(&raw, &crate::clean::Context::default())
    }

    fn gold(source: &str, target: &str, cameo: &str, evidence: &str) -> GoldEvent {
        serde_json::from_value(serde_json::json!({
            "source": source, "target": target, "cameo": cameo, "required": true,
            "date": {"earliest": "2022-03-21", "latest": "2022-03-21"}, "evidence": evidence,
        }))
        .expect("a gold event")
    }

    #[test]
    fn each_miss_gets_its_cause() {
        let d = doc(
            "March 22, 2022\n\nJapan imposed sanctions on Russia on Monday, officials said. \
                     Japan did not attack Russia on Monday. The rebels praised Russia on Monday. \
                     Japan and Russia disagreed about fish on Monday.",
        );
        let aliases = HashMap::new();
        let cause_of = |g: GoldEvent| {
            let counts = score(&[g], &aliases, &d);
            counts.causes.keys().next().copied().unwrap_or("matched")
        };
        assert_eq!(
            cause_of(gold("JPN", "RUS", "163", "Japan imposed sanctions")),
            "matched"
        );
        assert_eq!(
            cause_of(gold("JPN", "RUS", "111", "Japan imposed sanctions")),
            "wrong root"
        );
        assert_eq!(
            cause_of(gold("RUS", "JPN", "163", "Japan imposed sanctions")),
            "wrong direction"
        );
        assert_eq!(
            cause_of(gold("JPN", "RUS", "190", "Japan did not attack")),
            "flagged"
        );
        assert_eq!(
            cause_of(gold("SYR", "RUS", "051", "The rebels praised")),
            "no actor"
        );
        assert_eq!(
            cause_of(gold("JPN", "RUS", "110", "Japan and Russia disagreed")),
            "no frame"
        );
    }

    #[test]
    fn each_extra_gets_its_cause() {
        let d =
            doc("March 22, 2022\n\nJapan imposed sanctions on Russia on Monday, officials said.");
        let aliases = HashMap::new();
        let cause_of = |g: GoldEvent| {
            let counts = score(&[g], &aliases, &d);
            counts
                .extra_causes
                .keys()
                .next()
                .copied()
                .unwrap_or("matched")
        };
        let evidence = "Japan imposed sanctions";
        assert_eq!(cause_of(gold("JPN", "RUS", "163", evidence)), "matched");
        assert_eq!(cause_of(gold("JPN", "RUS", "111", evidence)), "wrong root");
        assert_eq!(
            cause_of(gold("RUS", "JPN", "163", evidence)),
            "wrong direction"
        );
        assert_eq!(cause_of(gold("JPN", "CHN", "163", evidence)), "wrong side");
        assert_eq!(cause_of(gold("CHN", "USA", "040", evidence)), "not in gold");
        let mut later = gold("JPN", "RUS", "163", evidence);
        later.date.earliest = "2023-01-01".into();
        later.date.latest = "2023-01-02".into();
        assert_eq!(cause_of(later), "wrong date");
        let undated =
            doc("Japan imposed sanctions on Russia, officials said in a statement on the matter.");
        assert!(undated.events.iter().all(|e| e.date.earliest.is_empty()));
        let counts = score(&[gold("JPN", "RUS", "163", evidence)], &aliases, &undated);
        assert_eq!(counts.extra_causes.keys().next().copied(), Some("no date"));
    }
}
