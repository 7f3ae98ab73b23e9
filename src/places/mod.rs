//! Where: each event placed on the map. The place its clause names (`Event::location`, else a
//! place after "in", "at", "near", "off" in the clause of its sentence that holds its trigger,
//! and "to" for a meeting or a visit) is looked up in the gazetteer of data/places (countries,
//! their first-level subdivisions, GeoNames' cities of 15,000 people or more, and landmarks
//! written by hand) and, when a name fits several places, the one in a state of the event or
//! the article wins, then a capital, then the most populous. A current event whose sentence names no place
//! is placed at the story's dateline; a recalled one never is. What a body that sits in one place
//! does (the UN Security Council, data/places/seats.tsv) happened at its seat. A current event
//! still unplaced takes the place of the article's meeting, visit or agreement of the same days.

mod gazetteer;

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::document::{Document, Event, Place, PlaceBasis, PlaceKind};
use crate::events::cues::{self, Class};
use crate::events::taxonomy::{self, CodeClass};
use crate::knowledge;
use crate::time::Days;
use gazetteer::{gazetteer, Entry};

/// Places every event of `doc` that its words or its dateline allow.
pub fn place_events(doc: &mut Document) {
    let context = article_states(doc);
    // The states the article's place mentions stand for ("the U.S.", "Britain"), for names the
    // gazetteer does not hold.
    let states: FxHashMap<String, String> = doc
        .mentions
        .iter()
        .filter(|m| m.place)
        .filter_map(|m| Some((m.text.clone(), m.actor.country.clone()?)))
        .collect();
    let dateline = doc.dateline.clone();
    for e in &mut doc.events {
        let state = e.location.as_ref().and_then(|l| states.get(l));
        e.place = place_of(e, state.map(String::as_str), &context, dateline.as_deref());
    }
    place_by_venue(&mut doc.events);
}

/// A current event the article does not place ("the leaders held talks") happened where the
/// article's meeting, visit or agreement of the same two sides, on the same days (a day or
/// two, not a year), did ("signed in Asmara").
fn place_by_venue(events: &mut [Event]) {
    let venues: Vec<(Vec<&str>, Days, Place)> = events
        .iter()
        .filter(|v| !v.historical && taxonomy::in_class(&v.cameo, CodeClass::Venue))
        .filter_map(|v| {
            let p = v.place.clone().filter(|p| p.basis == PlaceBasis::Clause)?;
            Some((pair(v), venue_days(v)?, p))
        })
        .collect();
    let found: Vec<Option<Place>> = events
        .iter()
        .map(|e| {
            if e.place.is_some() || e.historical {
                return None;
            }
            let (from, to) = venue_days(e)?;
            let sides = pair(e);
            let (_, _, p) = venues
                .iter()
                .find(|(s, (a, b), _)| *s == sides && *a <= to && from <= *b)?;
            Some(Place {
                basis: PlaceBasis::Article,
                ..p.clone()
            })
        })
        .collect();
    for (e, p) in events.iter_mut().zip(found) {
        if p.is_some() {
            e.place = p;
        }
    }
}

/// Days before its report a current event may be from when only the report's date dates it:
/// news tells what happened in the last days ("where he met Chinese Premier Li Qiang", in a
/// report of the next day).
const REPORTED_WITHIN: u64 = 2;

/// The days an event may be from, for finding its venue: a day or two (`None` when wider), and
/// the days just before for one dated only by its report.
fn venue_days(e: &Event) -> Option<Days> {
    let (a, b) = crate::merge::days(&e.date.earliest, &e.date.latest)?;
    if (b - a).num_days() > 2 {
        return None;
    }
    if e.date.stated() {
        return Some((a, b));
    }
    Some((a.checked_sub_days(chrono::Days::new(REPORTED_WITHIN))?, b))
}

/// The two sides of an event, in either order.
fn pair(e: &Event) -> Vec<&str> {
    let mut sides = vec![
        e.source.actor.side().unwrap_or_default(),
        e.target.actor.side().unwrap_or_default(),
    ];
    sides.sort_unstable();
    sides
}

/// How often the article names each state (its mentions' countries).
fn article_states(doc: &Document) -> FxHashMap<String, usize> {
    let mut out = FxHashMap::default();
    for m in &doc.mentions {
        if let Some(c) = &m.actor.country {
            *out.entry(c.clone()).or_insert(0) += 1;
        }
    }
    out
}

/// The place of `e`: its clause's (by name, else the state its place mention stands for), its
/// sentence's, else its story's dateline.
fn place_of(
    e: &Event,
    state: Option<&str>,
    article: &FxHashMap<String, usize>,
    dateline: Option<&str>,
) -> Option<Place> {
    let sides: Vec<&str> = [&e.source, &e.target]
        .iter()
        .filter_map(|s| s.actor.country.as_deref())
        .collect();
    let pick = |name: &str, basis: PlaceBasis| {
        let entry = best(name, &sides, article)?;
        Some(entry.place(basis))
    };
    if let Some(p) = e
        .location
        .as_deref()
        .and_then(|l| pick(l, PlaceBasis::Clause))
    {
        return Some(p);
    }
    if let Some(country) = state.and_then(|s| gazetteer().country(s)) {
        return Some(country.place(PlaceBasis::Clause));
    }
    if let Some(p) = named_near(e)
        .into_iter()
        .find_map(|n| Some(n.entry(&sides, article)?.place(PlaceBasis::Clause)))
    {
        return Some(p);
    }
    // "Russia's invasion of Ukraine": in Ukraine, as an invasion of 2003 was in Iraq.
    if cues::is(&crate::events::trigger_word(e), Class::OnLand) {
        let invaded = e.target.actor.country.as_deref();
        if let Some(country) = invaded.and_then(|c| gazetteer().country(c)) {
            return Some(country.place(PlaceBasis::Clause));
        }
    }
    // What the Security Council does, it does in New York, in 2006 as today.
    if let Some(p) = seat(&e.source.actor.code) {
        return Some(p);
    }
    // A story filed from Tokyo tells of today's events there, not of 1945's.
    if e.historical {
        return None;
    }
    pick(dateline?, PlaceBasis::Dateline)
}

/// The seat of the body of actor code `code` (data/places/seats.tsv), where it acts.
fn seat(code: &str) -> Option<Place> {
    static SEATS: LazyLock<FxHashMap<&'static str, (&'static str, &'static str)>> =
        LazyLock::new(|| {
            knowledge::rows(include_str!("../../data/places/seats.tsv"))
                .map(|r| (r[0], (r[1], r[2])))
                .collect()
        });
    let (name, state) = SEATS.get(code)?;
    let entry = best(name, &[state], &FxHashMap::default())?;
    Some(entry.place(PlaceBasis::Seat))
}

/// The place `name` most likely means for an event between `sides`, in an article naming the
/// states of `article`: a state by its name, a landmark, then a city or a province, those of
/// the event's states first, then of the article's, then a city before a province of the same
/// name ("Donetsk" is the city), then a place of that name before one also so called, then
/// capitals, then the most populous.
fn best<'g>(name: &str, sides: &[&str], article: &FxHashMap<String, usize>) -> Option<&'g Entry> {
    best_of(name, gazetteer().find(name), sides, article)
}

/// The best of `found`, the places `name` names, as `best` ranks them.
fn best_of<'g>(
    name: &str,
    mut found: Vec<&'g Entry>,
    sides: &[&str],
    article: &FxHashMap<String, usize>,
) -> Option<&'g Entry> {
    // "Georgia" for an arrest by American police is the state of the United States, unless
    // the country Georgia is a side too.
    let side = |e: &&Entry| sides.contains(&e.country.as_deref().unwrap_or_default());
    let is = |e: &&Entry, kind| e.kind == kind;
    if found.iter().any(|e| is(e, PlaceKind::Adm1) && side(e))
        && !found.iter().any(|e| is(e, PlaceKind::Country) && side(e))
    {
        found.retain(|e| !is(e, PlaceKind::Country));
    }
    let rank = |e: &&Entry| {
        let country = e.country.as_deref().unwrap_or_default();
        (
            e.kind.rank(),
            sides.contains(&country),
            article.get(country).copied().unwrap_or(0),
            e.kind == PlaceKind::City,
            // "Philadelphia" is the American city; it is also an old name of Amman.
            own_name(e, name),
            e.capital,
            e.population,
        )
    };
    found.into_iter().max_by_key(rank)
}

/// Whether `name` is the place's own name, not one of its other names.
fn own_name(e: &Entry, name: &str) -> bool {
    gazetteer::key(e.name) == gazetteer::key(name)
}

/// What a word of data/places/words.tsv does around a place's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    Preposition,
    Visit,
    Joins,
    Continues,
    OtherClause,
    SamePlace,
    Part,
    Between,
    Within,
    BeforePart,
    Fight,
}

/// The kind of `word` (any case) in data/places/words.tsv.
fn word(word: &str) -> Option<Word> {
    static WORDS: LazyLock<FxHashMap<&'static str, Word>> = LazyLock::new(|| {
        knowledge::rows(include_str!("../../data/places/words.tsv"))
            .map(|r| {
                let kind = match r[1] {
                    "preposition" => Word::Preposition,
                    "visit" => Word::Visit,
                    "joins" => Word::Joins,
                    "continues" => Word::Continues,
                    "other-clause" => Word::OtherClause,
                    "same-place" => Word::SamePlace,
                    "part" => Word::Part,
                    "between" => Word::Between,
                    "within" => Word::Within,
                    "before-part" => Word::BeforePart,
                    "fight" => Word::Fight,
                    other => panic!(
                        "data/places/words.tsv: unknown kind {other:?} of {:?}",
                        r[0]
                    ),
                };
                (r[0], kind)
            })
            .collect()
    });
    WORDS.get(word.to_lowercase().as_str()).copied()
}

/// Whether `w` names a part of any state, or joins or continues a name (data/places/words.tsv):
/// "Central", "Northern", "of".
fn generic(w: &str) -> bool {
    matches!(
        word(w),
        Some(Word::Part | Word::Between | Word::Joins | Word::Continues)
    )
}

/// The words of `text` with their byte offsets.
fn words_at(text: &str) -> Vec<(usize, &str)> {
    text.split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect()
}

/// Places named after a preposition of place in the sentence of `e` (data/places/words.tsv),
/// in the clause that holds its trigger, nearest the trigger first, leaving out those quoted
/// when the trigger is not (or the other way round): in "'the victory at Khalkhin Gol,' Putin
/// said at the start of talks" the talks are not at Khalkhin Gol.
fn named_near(e: &Event) -> Vec<Named> {
    let sentence = &e.evidence.text;
    let trigger = sentence.find(&e.evidence.trigger).unwrap_or(0);
    let quoted = |at: usize| {
        sentence[..at]
            .chars()
            .filter(|c| matches!(c, '"' | '\u{201c}' | '\u{201d}'))
            .count()
            % 2
            == 1
    };
    let (from, to) = clause_around(sentence, trigger);
    let venue = taxonomy::in_class(&e.cameo, CodeClass::Venue);
    // "urged Moscow to release the sailors detained near the Kerch Strait": a place after
    // another verb's participle is where that happened, not where a verb's event did.
    let verb = e.rule.starts_with("verb ");
    let trigger_end = trigger + e.evidence.trigger.len();
    let of_participle = |at: usize| {
        let (start, word) = word_before(sentence, at);
        verb && !(trigger..trigger_end).contains(&start) && crate::events::is_participle(word)
    };
    let mut found: Vec<(usize, Named)> = named_in(sentence, venue)
        .into_iter()
        .filter(|(at, _)| quoted(*at) == quoted(trigger) && (from..to).contains(at))
        .filter(|(at, _)| !of_participle(*at))
        .collect();
    // "got into a scuffle, and 20 soldiers were killed in clashes at Galwan Valley": a fight
    // the clause does not place was where the sentence says the fighting was, in any clause.
    if found.is_empty() && taxonomy::in_class(&e.cameo, CodeClass::Fighting) {
        let after_fight = |at: usize| {
            let (_, last) = word_before(sentence, at);
            word(last.trim_matches(|c: char| !c.is_alphanumeric())) == Some(Word::Fight)
        };
        found = named_in(sentence, venue)
            .into_iter()
            .filter(|(at, _)| quoted(*at) == quoted(trigger) && after_fight(*at))
            .collect();
    }
    found.sort_by_key(|(at, _)| at.abs_diff(trigger));
    found.into_iter().map(|(_, named)| named).collect()
}

/// The word before byte `at` of a sentence, and where it starts.
fn word_before(sentence: &str, at: usize) -> (usize, &str) {
    let before = sentence[..at].trim_end();
    let word = before.rsplit(' ').next().unwrap_or("");
    (before.len() - word.len(), word)
}

/// A place's name as a sentence gives it, with what the words around it say of it.
struct Named {
    name: String,
    /// The state it is said to be in: "Pakistan's Punjab province".
    state: Option<String>,
    /// Whether a word after it says it is a subdivision: "the Donetsk region" is not the city.
    region: bool,
}

impl Named {
    /// The gazetteer's entry the name most likely means, as `best` ranks them, among those of
    /// its state and of its kind where the words say.
    fn entry<'g>(&self, sides: &[&str], article: &FxHashMap<String, usize>) -> Option<&'g Entry> {
        let mut found = gazetteer().find(&self.name);
        if let Some(state) = &self.state {
            found.retain(|e| e.country.as_ref() == Some(state));
        }
        if self.region && found.iter().any(|e| e.kind == PlaceKind::Adm1) {
            found.retain(|e| e.kind == PlaceKind::Adm1);
        }
        best_of(&self.name, found, sides, article)
    }
}

/// Whether a word opens another clause, whose places are not the event's ("protested ...
/// after a ship was spotted in the East China Sea"): the clause and condition words of the
/// events stage, and those of data/places/words.tsv, but "where".
fn opens_clause(word: &str) -> bool {
    match self::word(word) {
        Some(Word::OtherClause) => true,
        Some(Word::SamePlace) => false,
        _ => cues::is(word, Class::Clause) || cues::is(word, Class::Condition),
    }
}

/// The byte range of the clause of `sentence` around byte `at`: from the last clause opener
/// (or ";", or ", and") before it to the next one after it.
fn clause_around(sentence: &str, at: usize) -> (usize, usize) {
    let mut bounds = vec![0];
    let mut previous = "";
    for (i, w) in words_at(sentence) {
        let bare = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let opens = opens_clause(&bare) || (bare == "and" && previous.ends_with(','));
        if opens || previous.ends_with(';') {
            bounds.push(i);
        }
        previous = w;
    }
    bounds.push(sentence.len());
    let from = bounds.iter().copied().filter(|&b| b <= at).max();
    let to = bounds.iter().copied().filter(|&b| b > at).min();
    (from.unwrap_or(0), to.unwrap_or(sentence.len()))
}

/// Capitalized names after a preposition of place (and "to", for a meeting or a visit: "a visit
/// to Beijing") in a sentence, with their byte offsets: candidates for the gazetteer ("clashed
/// in the Galwan Valley" gives "Galwan Valley").
fn named_in(sentence: &str, venue: bool) -> Vec<(usize, Named)> {
    let words = words_at(sentence);
    let mut out = Vec::new();
    for (i, (at, w)) in words.iter().enumerate() {
        let place = match word(w) {
            Some(Word::Preposition) => true,
            Some(Word::Visit) => venue,
            // "on the outskirts of Kabul", but not "sanctions on Russia".
            Some(Word::BeforePart) => part_of(&words[(i + 2).min(words.len())..]) > 0,
            _ => false,
        };
        // Prepositions are lower case, but the sentence's first word: "In Kherson Oblast,
        // Ukrainian troops attacked" (a year or a month after it is no place: "In 1945").
        if !place || (i > 0 && w.starts_with(char::is_uppercase)) {
            continue;
        }
        // "in the disputed Kurile island chain": an article and one word before the name.
        let mut j = i + 1;
        if words.get(j).is_some_and(|(_, w)| *w == "the") {
            j += 1;
        }
        let capital = |k: usize| {
            words
                .get(k)
                .is_some_and(|(_, w)| w.starts_with(char::is_uppercase))
        };
        if !capital(j) && capital(j + 1) && j > i + 1 {
            j += 1;
        }
        j += part_of(&words[j.min(words.len())..]);
        let rest = &words[j.min(words.len())..];
        let (name, owner) = name_from(rest);
        // "protested to China in March": the month, not the town in England.
        if name.len() == 1 && crate::time::names_month_or_weekday(name[0]) {
            continue;
        }
        // "in Pakistan's Punjab province": the Punjab of Pakistan.
        let state = owner.and_then(|k| Some((k, state_named(&name[..k].join(" "))?)));
        let (from, state) = match state {
            Some((k, state)) if longest_known(&name[k..], Some(&state)).is_some() => {
                (k, Some(state))
            }
            _ => (0, None),
        };
        let Some(n) = longest_known(&name[from..], state.as_deref()) else {
            continue;
        };
        // The word after the name: "Punjab province", "Borno State", "the Donetsk region".
        let next = rest
            .get(from + n)
            .map(|(_, w)| w.trim_end_matches([',', '.', ';']));
        let named = Named {
            name: name[from..from + n].join(" "),
            state,
            region: next.is_some_and(|w| word(w) == Some(Word::Part)),
        };
        out.push((*at, named));
    }
    out
}

/// How many words at the start of `words` name a part of the place after them ("southern end
/// of the" in "at the southern end of the Kurile chain", "outskirts of" in "on the outskirts of
/// Kabul"): words of a part of any state or of a place (data/places/words.tsv), then "of" and
/// "the"; none if no "of" follows them.
fn part_of(words: &[(usize, &str)]) -> usize {
    let parts = words
        .iter()
        .take_while(|(_, w)| matches!(word(w), Some(Word::Part | Word::Within)))
        .count();
    if parts == 0 || words.get(parts).is_none_or(|(_, w)| *w != "of") {
        return 0;
    }
    let the = words.get(parts + 1).is_some_and(|(_, w)| *w == "the");
    parts + 1 + usize::from(the)
}

/// How many of `name`'s words, from the first, make the longest name the gazetteer knows (of
/// a place in `state`, if given): "Galwan Valley region" gives 2; but not words that name a
/// part of any state ("in Central Anatolia" is not the town of Central, Louisiana).
fn longest_known(name: &[&str], state: Option<&str>) -> Option<usize> {
    for n in (1..=name.len()).rev() {
        if name[..n].iter().all(|w| generic(w)) {
            return None;
        }
        let found = gazetteer().find(&name[..n].join(" "));
        let inside = |e: &&Entry| state.is_none() || e.country.as_deref() == state;
        if found.iter().any(inside) {
            return Some(n);
        }
    }
    None
}

/// The state a name names ("Pakistan"), by its code.
fn state_named(name: &str) -> Option<String> {
    let found = gazetteer().find(name);
    let state = found.iter().find(|e| e.kind == PlaceKind::Country)?;
    state.country.clone()
}

/// The words of a name at the start of `words`: capitalized, joined by "of", and continued by
/// a lower-case noun of places ("Kurile island chain"), up to a punctuation mark; with how many
/// of them the first possessive ends ("Pakistan's Punjab": 1).
fn name_from<'a>(words: &[(usize, &'a str)]) -> (Vec<&'a str>, Option<usize>) {
    let mut name: Vec<&str> = Vec::new();
    let mut owner = None;
    for (_, w) in words {
        let bare = w.trim_end_matches([',', '.', ';', ':', '"', '\u{201d}', ')']);
        let kind = word(bare).filter(|_| !name.is_empty());
        let inside = matches!(kind, Some(Word::Joins | Word::Continues));
        if !(bare.starts_with(char::is_uppercase) || inside) {
            break;
        }
        let plain = bare.trim_end_matches("'s").trim_end_matches("\u{2019}s");
        name.push(plain);
        if plain.len() != bare.len() && owner.is_none() {
            owner = Some(name.len());
        }
        if bare.len() != w.len() {
            break;
        }
    }
    while name.last().is_some_and(|w| word(w) == Some(Word::Joins)) {
        name.pop();
    }
    let owner = owner.filter(|k| *k < name.len());
    (name, owner)
}

impl Entry {
    fn place(&self, basis: PlaceBasis) -> Place {
        Place {
            name: self.name.to_string(),
            kind: self.kind,
            country: self.country.clone(),
            adm1: self.adm1.clone(),
            lat: self.lat,
            lon: self.lon,
            geonames_id: self.geonames_id,
            basis,
        }
    }
}

/// Whether `preposition` says where something stands ("in", "at", "near": data/places/words.tsv).
pub fn is_locative(preposition: &str) -> bool {
    word(preposition) == Some(Word::Preposition)
}

/// The state of the place `name` most likely means, with nothing else known (`Sialkot`: PAK);
/// `None` for a name of no place, or of a place of no state (a sea).
pub fn state_of(name: &str) -> Option<String> {
    best(name, &[], &FxHashMap::default())?.country.clone()
}

/// Cities of at least this many people are known well enough to be named as the first word of
/// a longer name ("Kabul Airport"); smaller towns of that word are another name's start ("Pan
/// Am" is no town of Myanmar).
const PROMINENT: u64 = 100_000;

/// The state of the place `name` means, when it is a state, a province, a landmark, a capital
/// or a city of `PROMINENT` people or more.
pub fn prominent_state_of(name: &str) -> Option<String> {
    let e = best(name, &[], &FxHashMap::default())?;
    let prominent = e.kind != PlaceKind::City || e.capital || e.population >= PROMINENT;
    e.country.clone().filter(|_| prominent)
}

/// Whether the gazetteer knows `name` as a place of any kind ("LONDON", "New Delhi").
pub fn is_place(name: &str) -> bool {
    !gazetteer().find(name).is_empty()
}

/// Whether `name` names a territory of the gazetteer that is neither a state nor a city ("the
/// West Bank", "the Golan Heights").
pub fn names_territory(name: &str) -> bool {
    gazetteer()
        .find(name)
        .iter()
        .any(|e| e.kind == PlaceKind::Landmark && e.country.is_some())
}

/// Whether `name` names a city of state `iso3` in the gazetteer ("Dar es Salaam", `TZA`).
pub fn is_city_of(name: &str, iso3: &str) -> bool {
    gazetteer()
        .find(name)
        .iter()
        .any(|e| e.kind == PlaceKind::City && e.country.as_deref() == Some(iso3))
}

/// Whether the gazetteer has state `iso3` (`JPN`).
pub fn is_country(iso3: &str) -> bool {
    gazetteer().country(iso3).is_some()
}

/// A state's FIPS 10-4 code (`JPN` -> `JA`), as GDELT's geography columns name states.
pub fn fips(iso3: &str) -> Option<&'static str> {
    gazetteer().country(iso3)?.fips
}

/// Great-circle distance in kilometres.
pub fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1) = (a.0.to_radians(), a.1.to_radians());
    let (la2, lo2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// Where gold names a place: the entry its name most likely means for an event between
/// `sides` (for `annals eval`).
pub fn locate(name: &str, sides: &[&str]) -> Option<(f64, f64, Option<String>)> {
    best(name, sides, &FxHashMap::default()).map(|e| (e.lat, e.lon, e.country.clone()))
}

#[cfg(test)]
mod tests;
