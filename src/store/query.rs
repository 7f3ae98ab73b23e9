//! Asking the store: events as documents report them, the merged record as a timeline, relations
//! of a dyad per year or month, full-text search, one document.

use anyhow::{anyhow, Context, Result};
use chrono::{Datelike, NaiveDate};
use rusqlite::types::Value;
use serde::Serialize;

use super::Store;
use crate::actors::lineage;
use crate::document::Document;

/// What `events`, `timeline` and `relations` select. A state stands for itself and the states it
/// continues (`RUS` also finds `SUN`).
#[derive(Debug, Default, Clone)]
pub struct Filter {
    /// A state or organization on either side, or the prefix of an actor code (`RUSGOV`).
    pub actor: Option<String>,
    /// Two states or organizations, either way round.
    pub dyad: Option<(String, String)>,
    /// Days the event may fall on overlap `from..=to` (made by [`period`]).
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// CAMEO code prefix (`163`, `16`).
    pub code: Option<String>,
    /// Only `historical` events (recalled), or only current ones.
    pub historical: Option<bool>,
    pub planned: Option<bool>,
    /// Also events said not to have happened or only as possible (left out by default).
    pub all: bool,
    /// Only events with a known date.
    pub dated: bool,
    /// Only events with no date at all (nothing printed or inferred dates them).
    pub undated: bool,
    /// Only events whose confidence is at least this (a merged event: one of its reports').
    pub min_confidence: Option<f64>,
    /// Only conflict (`true`: CAMEO quad classes 3 and 4) or cooperation (`false`: 1 and 2).
    pub conflict: Option<bool>,
    /// Only events placed in this state (where it happened, not who did it; a merged event:
    /// one of its reports').
    pub country: Option<String>,
    /// Only events placed within `km` of latitude and longitude (a merged event: one of its
    /// reports).
    pub near: Option<(f64, f64, f64)>,
    pub limit: Option<usize>,
    /// At most this many reports listed with each merged event of a timeline (all when
    /// `None`); the number of documents is always the full one.
    pub reports: Option<usize>,
}

/// A filter as a user writes it, on the command line or in the API's query string: the one
/// place filters are read and checked. Empty values are no filter (`from=`).
#[derive(Debug, Default, Clone, Copy)]
pub struct Asked<'a> {
    pub actor: Option<&'a str>,
    pub dyad: Option<&'a str>,
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
    pub code: Option<&'a str>,
    pub historical: Option<bool>,
    pub planned: Option<bool>,
    pub all: bool,
    pub undated: bool,
    pub min_confidence: Option<&'a str>,
    /// `cooperation` or `conflict`.
    pub relation: Option<&'a str>,
    /// Where it happened: a state (`JPN`), and a circle `LAT,LON,KM`.
    pub country: Option<&'a str>,
    pub near: Option<&'a str>,
    pub limit: Option<usize>,
}

impl Filter {
    /// The filter a user asked for, or what is wrong with it, saying what is accepted.
    pub fn asked(a: &Asked) -> Result<Filter> {
        let dyad = given(a.dyad).map(parse_dyad).transpose()?;
        if let Some((x, y)) = &dyad {
            known_actor(x)?;
            known_actor(y)?;
        }
        let actor = given(a.actor).map(str::to_uppercase);
        if let Some(x) = &actor {
            known_actor(x)?;
        }
        let (from, to) = period(given(a.from), given(a.to))?;
        if a.undated && (from.is_some() || to.is_some()) {
            return Err(anyhow!(
                "undated with from or to: undated events have no days to compare"
            ));
        }
        let code = given(a.code).map(known_code).transpose()?;
        Ok(Filter {
            actor,
            dyad,
            from,
            to,
            code,
            historical: a.historical,
            planned: a.planned,
            all: a.all,
            dated: false,
            undated: a.undated,
            min_confidence: given(a.min_confidence).map(min_confidence).transpose()?,
            conflict: given(a.relation).map(relation).transpose()?,
            country: given(a.country).map(placed_in).transpose()?,
            near: given(a.near).map(near).transpose()?,
            limit: a.limit,
            reports: None,
        })
    }
}

/// Whether a relation asked for is conflict (`conflict`) or cooperation (`cooperation`).
fn relation(value: &str) -> Result<bool> {
    match value.to_ascii_lowercase().as_str() {
        "conflict" => Ok(true),
        "cooperation" => Ok(false),
        _ => Err(anyhow!(
            "relation {value:?}: give cooperation (CAMEO quad classes 1 and 2) or conflict (3 and 4)"
        )),
    }
}

/// A state events can be placed in (`jpn` -> `JPN`), or why not.
fn placed_in(code: &str) -> Result<String> {
    let code = code.to_uppercase();
    if crate::places::is_country(&code) {
        return Ok(code);
    }
    Err(anyhow!(
        "country {code:?}: give the ISO 3166-1 alpha-3 code of where events happened, as JPN or \
         UKR (data/places/countries.tsv lists them)"
    ))
}

/// A circle `LAT,LON,KM` (degrees and kilometres), or why not.
fn near(value: &str) -> Result<(f64, f64, f64)> {
    let bad = || {
        anyhow!(
            "near {value:?}: give latitude, longitude and a distance in km, as 35.68,139.69,50 \
             (latitude -90 to 90, longitude -180 to 180, distance above 0)"
        )
    };
    let parts: Vec<f64> = value
        .split(',')
        .map(|p| p.trim().parse::<f64>().map_err(|_| bad()))
        .collect::<Result<_>>()?;
    match parts[..] {
        [lat, lon, km]
            if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) && km > 0.0 =>
        {
            Ok((lat, lon, km))
        }
        _ => Err(bad()),
    }
}

/// A value, unless it is missing or blank.
fn given(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

/// An actor code the knowledge base can have given, or why not.
fn known_actor(code: &str) -> Result<()> {
    if crate::actors::kb::kb().can_code(code) {
        return Ok(());
    }
    Err(anyhow!(
        "actor {code:?}: no state, organization or group of the knowledge base has this code; \
         give a code such as RUS, JPN, EU, RUSGOV or ---REB (`annals kb` lists them)"
    ))
}

/// A CAMEO code or root (`16`, `163`), or why not.
fn known_code(code: &str) -> Result<String> {
    if crate::events::taxonomy::codes().contains_key(code) {
        return Ok(code.to_string());
    }
    Err(anyhow!(
        "code {code:?}: not a CAMEO code; give a root from 01 to 20 or a code under it, as 16 \
         or 163 (data/events/cameo.tsv lists them)"
    ))
}

/// The two codes of a dyad written `RUS,JPN` (any case, spaces allowed), or why not.
pub fn parse_dyad(text: &str) -> Result<(String, String)> {
    match text.split_once(',') {
        Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => {
            Ok((a.trim().to_uppercase(), b.trim().to_uppercase()))
        }
        _ => Err(anyhow!("dyad {text:?}: give two codes, as RUS,JPN")),
    }
}

/// A least confidence written `0.7` (from 0 to 1), or why not.
pub fn min_confidence(text: &str) -> Result<f64> {
    let bad = || anyhow!("min-confidence {text:?}: give a number from 0 to 1, as 0.7");
    let c: f64 = text.trim().parse().map_err(|_| bad())?;
    if (0.0..=1.0).contains(&c) {
        Ok(c)
    } else {
        Err(bad())
    }
}

/// The days a filter's `from` and `to` allow: each a year, a month or a day (`2014`, `2014-09`,
/// `2014-09-03`), `from` from its first day, `to` to its last; or why they do not.
pub fn period(
    from: Option<&str>,
    to: Option<&str>,
) -> Result<(Option<NaiveDate>, Option<NaiveDate>)> {
    let from = from.map(|t| bound(t, "from", false)).transpose()?;
    let to = to.map(|t| bound(t, "to", true)).transpose()?;
    if let (Some(a), Some(b)) = (from, to) {
        if b < a {
            return Err(anyhow!(
                "to ({b}) is before from ({a}): no day is in between"
            ));
        }
    }
    Ok((from, to))
}

/// The first (or `last`) day of a year, a month or a day written in ISO 8601.
fn bound(text: &str, name: &str, last: bool) -> Result<NaiveDate> {
    let bad = || {
        anyhow!("{name} {text:?}: give a year, a month or a day, as 2014, 2014-09 or 2014-09-03")
    };
    let parts: Vec<&str> = text.trim().split('-').collect();
    let widths_ok = parts.len() <= 3
        && parts.iter().enumerate().all(|(i, p)| {
            p.len() == if i == 0 { 4 } else { 2 } && p.bytes().all(|b| b.is_ascii_digit())
        });
    if !widths_ok {
        return Err(bad());
    }
    let n: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    let year = n[0] as i32;
    let day = match (n.len(), last) {
        (1, false) => NaiveDate::from_ymd_opt(year, 1, 1),
        (1, true) => NaiveDate::from_ymd_opt(year, 12, 31),
        (2, false) => NaiveDate::from_ymd_opt(year, n[1], 1),
        (2, true) => NaiveDate::from_ymd_opt(year, n[1], 1)
            .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
            .and_then(|d| d.pred_opt()),
        _ => NaiveDate::from_ymd_opt(year, n[1], n[2]),
    };
    day.filter(|d| d.year() == year)
        .ok_or_else(|| anyhow!("{name} {text:?} is not a day of the calendar"))
}

/// `WHERE` clauses and their parameters, built up filter by filter.
#[derive(Default)]
pub(super) struct Clauses {
    sql: Vec<String>,
    pub(super) params: Vec<Value>,
}

impl Clauses {
    /// The placeholder of a new parameter.
    fn param(&mut self, value: String) -> String {
        self.params.push(Value::Text(value));
        format!("?{}", self.params.len())
    }

    /// Placeholders for a state and the states it continues.
    fn states(&mut self, state: &str) -> String {
        let list: Vec<String> = lineage(state)
            .into_iter()
            .map(|s| self.param(s.to_string()))
            .collect();
        list.join(", ")
    }

    /// The placeholder of a new parameter of any type.
    fn value(&mut self, value: Value) -> String {
        self.params.push(value);
        format!("?{}", self.params.len())
    }

    /// A condition on a report (`cond` of the report's alias): on table `e` itself, or, for a
    /// merged event, on one of its reports.
    fn of_a_report(&mut self, t: &str, cond: impl Fn(&str) -> String) {
        self.sql.push(if t == "e" {
            cond(t)
        } else {
            format!(
                "EXISTS (SELECT 1 FROM merged_events me JOIN events x ON x.n = me.event \
                 WHERE me.merged = {t}.n AND {})",
                cond("x")
            )
        });
    }

    pub(super) fn finish(&self) -> String {
        if self.sql.is_empty() {
            "1".to_string()
        } else {
            self.sql.join(" AND ")
        }
    }
}

/// The clauses of filter `f` on table alias `t` (`codes`: the table has actor codes).
pub(super) fn clauses(f: &Filter, t: &str, codes: bool) -> Clauses {
    let mut c = Clauses::default();
    if let Some((a, b)) = &f.dyad {
        let (a, b) = (c.states(a), c.states(b));
        c.sql.push(format!(
            "(({t}.source_side IN ({a}) AND {t}.target_side IN ({b})) OR \
              ({t}.source_side IN ({b}) AND {t}.target_side IN ({a})))"
        ));
    }
    if let Some(a) = &f.actor {
        let states = c.states(a);
        let mut sql = format!("{t}.source_side IN ({states}) OR {t}.target_side IN ({states})");
        if codes {
            let p = c.param(format!("{a}%"));
            sql += &format!(" OR {t}.source_code LIKE {p} OR {t}.target_code LIKE {p}");
        }
        c.sql.push(format!("({sql})"));
    }
    if let Some(from) = f.from {
        let p = c.param(from.to_string());
        c.sql.push(format!("{t}.latest >= {p}"));
    }
    if let Some(to) = f.to {
        let p = c.param(to.to_string());
        c.sql.push(format!("{t}.earliest <= {p}"));
    }
    if let Some(code) = &f.code {
        let p = c.param(format!("{code}%"));
        c.sql.push(format!("{t}.cameo LIKE {p}"));
    }
    if let Some(conflict) = f.conflict {
        c.sql.push(format!(
            "{t}.quad_class {} 3",
            if conflict { ">=" } else { "<" }
        ));
    }
    for (name, value) in [("historical", f.historical), ("planned", f.planned)] {
        if let Some(v) = value {
            c.sql.push(format!("{t}.{name} = {}", i32::from(v)));
        }
    }
    if !f.all {
        c.sql
            .push(format!("NOT {t}.negated AND NOT {t}.hypothetical"));
    }
    if f.dated {
        c.sql.push(format!("{t}.earliest != ''"));
    }
    if f.undated {
        c.sql.push(format!("{t}.earliest = ''"));
    }
    // A merged event is as well founded as the best of its reports, and happened wherever one
    // of them places it.
    if let Some(least) = f.min_confidence {
        let p = c.value(Value::Real(least));
        c.of_a_report(t, |r| format!("{r}.confidence >= {p}"));
    }
    if let Some(country) = &f.country {
        let p = c.param(country.clone());
        c.of_a_report(t, |r| format!("{r}.place_country = {p}"));
    }
    if let Some((lat, lon, km)) = f.near {
        let [lat, lon, km] = [lat, lon, km].map(|v| c.value(Value::Real(v)));
        c.of_a_report(t, |r| {
            format!("annals_km({r}.place_lat, {r}.place_lon, {lat}, {lon}) <= {km}")
        });
    }
    c
}

/// One event as a document reports it.
#[derive(Debug, Serialize)]
pub struct EventRow {
    pub doc: String,
    /// Who published the document: [`publisher`].
    pub publisher: String,
    pub earliest: String,
    pub latest: String,
    pub basis: String,
    pub source: String,
    pub cameo: String,
    pub target: String,
    pub name: String,
    pub goldstein: f64,
    pub historical: bool,
    pub planned: bool,
    pub hypothetical: bool,
    pub negated: bool,
    pub trigger: String,
    pub sentence: String,
    pub rule: String,
}

impl Store {
    /// Events as the documents report them, in order of date.
    pub fn events(&self, f: &Filter) -> Result<Vec<EventRow>> {
        let c = clauses(f, "e", true);
        let sql = format!(
            "SELECT d.id, e.earliest, e.latest, e.date_basis, e.source_code, e.cameo, e.target_code,
                    e.name, e.goldstein, e.historical, e.planned, e.hypothetical, e.negated,
                    e.trigger, e.evidence, e.rule, d.outlet, d.site, d.url, d.path
             FROM events e JOIN documents d ON d.n = e.doc
             WHERE {} ORDER BY e.earliest = '', e.earliest, e.latest, d.id, e.start LIMIT {}",
            c.finish(),
            limit(f)
        );
        let mut st = self.conn().prepare(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(c.params.iter()), |r| {
            let doc: String = r.get(0)?;
            let text = |i: usize| r.get::<_, Option<String>>(i);
            let (outlet, site, url) = (text(16)?, text(17)?, text(18)?);
            let path: String = r.get(19)?;
            Ok(EventRow {
                publisher: publisher(
                    outlet.as_deref(),
                    site.as_deref(),
                    url.as_deref(),
                    &path,
                    &doc,
                ),
                doc,
                earliest: r.get(1)?,
                latest: r.get(2)?,
                basis: r.get(3)?,
                source: r.get(4)?,
                cameo: r.get(5)?,
                target: r.get(6)?,
                name: r.get(7)?,
                goldstein: r.get(8)?,
                historical: r.get(9)?,
                planned: r.get(10)?,
                hypothetical: r.get(11)?,
                negated: r.get(12)?,
                trigger: r.get(13)?,
                sentence: r.get(14)?,
                rule: r.get(15)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

impl Store {
    /// How many events (`merged`: merged events) filter `f` would also give with `--all`: those
    /// said not to have happened or only as possible, which it leaves out.
    pub fn hidden(&self, f: &Filter, merged: bool) -> Result<usize> {
        if f.all {
            return Ok(0);
        }
        let all = Filter {
            all: true,
            limit: None,
            ..f.clone()
        };
        let (table, t) = if merged {
            ("merged", "m")
        } else {
            ("events", "e")
        };
        let c = clauses(&all, t, !merged);
        let sql = format!(
            "SELECT COUNT(*) FROM {table} {t} WHERE {} AND ({t}.negated OR {t}.hypothetical)",
            c.finish()
        );
        let n: i64 =
            self.conn()
                .query_row(&sql, rusqlite::params_from_iter(c.params.iter()), |r| {
                    r.get(0)
                })?;
        Ok(n as usize)
    }
}

/// `f` for events with a known date only: a timeline or a count by period places each event.
fn dated(f: &Filter) -> Filter {
    Filter {
        dated: true,
        ..f.clone()
    }
}

pub(super) fn limit(f: &Filter) -> i64 {
    f.limit.map_or(-1, |n| n as i64)
}

/// One merged event: what happened, when, and every document that tells it.
#[derive(Debug, Serialize)]
pub struct MergedRow {
    /// The merged event's id (`annals serve`'s `/api/merged/ID`).
    pub id: i64,
    pub earliest: String,
    pub latest: String,
    pub source: Option<String>,
    pub target: Option<String>,
    pub cameo: String,
    pub name: String,
    pub goldstein: f64,
    pub historical: bool,
    pub planned: bool,
    /// 1 verbal cooperation … 4 material conflict.
    pub quad_class: i64,
    pub documents: usize,
    /// Where its first placed report places it.
    pub place: Option<MapPoint>,
    pub reports: Vec<Report>,
}

/// A place on the map: its name and coordinates.
#[derive(Debug, Serialize)]
pub struct MapPoint {
    pub name: String,
    pub lat: f64,
    pub lon: f64,
}

/// One document's report of a merged event.
#[derive(Debug, Serialize)]
pub struct Report {
    pub doc: String,
    pub outlet: Option<String>,
    /// Who published it, as a list names it: [`publisher`].
    pub publisher: String,
    pub trigger: String,
    pub sentence: String,
}

impl Store {
    /// The merged record, in order of date: one row per real-world event.
    pub fn timeline(&self, f: &Filter) -> Result<Vec<MergedRow>> {
        // Undated events last, in a section of their own: stored, shown and counted.
        let c = clauses(f, "m", false);
        let sql = format!(
            "SELECT m.n, m.earliest, m.latest, m.source_side, m.target_side, m.cameo, m.name,
                    m.goldstein, m.historical, m.planned, m.documents, m.quad_class,
                    (SELECT json_array(x.place_name, x.place_lat, x.place_lon)
                     FROM merged_events me JOIN events x ON x.n = me.event
                     WHERE me.merged = m.n AND x.place_lat IS NOT NULL ORDER BY x.n LIMIT 1)
             FROM merged m WHERE {} ORDER BY m.earliest = '', m.earliest, m.latest, m.cameo
             LIMIT {}",
            c.finish(),
            limit(f)
        );
        let mut st = self.conn().prepare(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(c.params.iter()), |r| {
            Ok(MergedRow {
                id: r.get(0)?,
                earliest: r.get(1)?,
                latest: r.get(2)?,
                source: r.get(3)?,
                target: r.get(4)?,
                cameo: r.get(5)?,
                name: r.get(6)?,
                goldstein: r.get(7)?,
                historical: r.get(8)?,
                planned: r.get(9)?,
                documents: r.get::<_, i64>(10)? as usize,
                quad_class: r.get(11)?,
                place: r.get::<_, Option<String>>(12)?.and_then(|p| map_point(&p)),
                reports: Vec::new(),
            })
        })?;
        let mut out = Vec::new();
        for row in rows {
            let mut m = row?;
            m.reports = self.reports(m.id, f.reports)?;
            out.push(m);
        }
        Ok(out)
    }

    /// The reports of a merged event: their documents, triggers and sentences.
    fn reports(&self, merged: i64, most: Option<usize>) -> Result<Vec<Report>> {
        let rows = self.reports_of(merged, most)?;
        Ok(rows
            .into_iter()
            .map(|r| Report {
                trigger: r.text("trigger").to_string(),
                sentence: r.text("evidence").to_string(),
                doc: r.doc_ids.into_iter().next().unwrap_or_default(),
                outlet: r.outlets.into_iter().next(),
                publisher: r.publisher,
            })
            .collect())
    }
}

/// A place as the timeline's query gives it: `["Moscow", 55.75, 37.61]`.
fn map_point(json: &str) -> Option<MapPoint> {
    let (name, lat, lon): (String, f64, f64) = serde_json::from_str(json).ok()?;
    Some(MapPoint { name, lat, lon })
}

/// Who published a document, as a list names it: the outlet, else the site, else its address's
/// host, else the name of the file it was read from, else its id.
pub(super) fn publisher(
    outlet: Option<&str>,
    site: Option<&str>,
    url: Option<&str>,
    path: &str,
    id: &str,
) -> String {
    let host = || {
        let url = url::Url::parse(url?).ok()?;
        Some(url.host_str()?.trim_start_matches("www.").to_string())
    };
    let file = || {
        let name = std::path::Path::new(path).file_name()?.to_str()?;
        Some(name.to_string()).filter(|n| !n.is_empty())
    };
    outlet
        .or(site)
        .map(str::to_string)
        .or_else(host)
        .or_else(file)
        .unwrap_or_else(|| id.to_string())
}

/// A stored document, as a list shows it.
#[derive(Debug, Serialize)]
pub struct DocumentRow {
    pub id: String,
    pub path: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub site: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    pub published: Option<String>,
    pub events: usize,
}

/// A state or organization on a side of merged events, and how many.
#[derive(Debug, Serialize)]
pub struct Side {
    pub code: String,
    /// The state's or organization's name ("Japan"), when the knowledge base has one.
    pub name: Option<&'static str>,
    pub events: usize,
}

impl Store {
    /// Documents in the order they were stored, `limit` of them after the first `offset`.
    pub fn documents(&self, limit: usize, offset: usize) -> Result<Vec<DocumentRow>> {
        let mut st = self.conn().prepare_cached(
            "SELECT d.id, d.path, d.title, d.outlet, d.site, d.url, d.language, d.published,
                    (SELECT count(*) FROM events e WHERE e.doc = d.n)
             FROM documents d ORDER BY d.n LIMIT ?1 OFFSET ?2",
        )?;
        let rows = st.query_map([limit as i64, offset as i64], |r| {
            Ok(DocumentRow {
                id: r.get(0)?,
                path: r.get(1)?,
                title: r.get(2)?,
                outlet: r.get(3)?,
                site: r.get(4)?,
                url: r.get(5)?,
                language: r.get(6)?,
                published: r.get(7)?,
                events: r.get::<_, i64>(8)? as usize,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many documents the store holds.
    pub fn count_documents(&self) -> Result<usize> {
        let n: i64 = self
            .conn()
            .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))?;
        Ok(n as usize)
    }

    /// Every side of the merged record, most frequent first.
    pub fn sides(&self) -> Result<Vec<Side>> {
        let mut st = self.conn().prepare(
            "SELECT side, count(*) AS n FROM (
                SELECT source_side AS side FROM merged WHERE source_side IS NOT NULL
                UNION ALL SELECT target_side FROM merged WHERE target_side IS NOT NULL)
             GROUP BY side ORDER BY n DESC, side",
        )?;
        let rows = st.query_map([], |r| {
            let code: String = r.get(0)?;
            Ok(Side {
                name: crate::actors::side_name(&code),
                code,
                events: r.get::<_, i64>(1)? as usize,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Relations of a dyad in one year or month: merged events, and their Goldstein scores.
#[derive(Debug, Serialize)]
pub struct Period {
    pub period: String,
    pub events: usize,
    pub goldstein_sum: f64,
    pub goldstein_mean: f64,
    /// Cooperation and conflict events (QuadClass 1-2 and 3-4).
    pub cooperation: usize,
    pub conflict: usize,
}

impl Store {
    /// Merged events per year (`by_month` false) or month, by the first day each may fall on.
    pub fn relations(&self, f: &Filter, by_month: bool) -> Result<Vec<Period>> {
        let c = clauses(&dated(f), "m", false);
        let width = if by_month { 7 } else { 4 };
        let sql = format!(
            "SELECT substr(m.earliest, 1, {width}) AS p, count(*), sum(m.goldstein),
                    avg(m.goldstein), sum(m.quad_class <= 2), sum(m.quad_class >= 3)
             FROM merged m WHERE {} GROUP BY p ORDER BY p",
            c.finish()
        );
        let mut st = self.conn().prepare(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(c.params.iter()), |r| {
            Ok(Period {
                period: r.get(0)?,
                events: r.get::<_, i64>(1)? as usize,
                goldstein_sum: r.get(2)?,
                goldstein_mean: r.get(3)?,
                cooperation: r.get::<_, i64>(4)? as usize,
                conflict: r.get::<_, i64>(5)? as usize,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// A document whose title or body matches a search.
#[derive(Debug, Serialize)]
pub struct Hit {
    pub doc: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub snippet: String,
}

/// The most words (operators and the words of phrases included) and characters a search may
/// have: FTS5's work grows with the square of a query's terms (1,000 terms took 2.4 s on five
/// documents, 2,000 terms 18 s), and 64 take a few milliseconds.
pub const MAX_SEARCH_WORDS: usize = 64;
pub const MAX_SEARCH_CHARS: usize = 1_000;

/// How long a search may run before it is stopped (a common word over millions of documents).
pub const SEARCH_TIME: std::time::Duration = std::time::Duration::from_secs(5);

/// A search within the bounds, or why not.
fn check_search(query: &str) -> Result<()> {
    let chars = query.chars().count();
    let words = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count();
    if chars > MAX_SEARCH_CHARS {
        Err(anyhow!(
            "the search is {chars} characters long, over the limit of {MAX_SEARCH_CHARS}: narrow it"
        ))
    } else if words > MAX_SEARCH_WORDS {
        Err(anyhow!(
            "the search has {words} words (operators included), over the limit of {MAX_SEARCH_WORDS}: narrow it"
        ))
    } else if query.contains('\0') {
        // SQLite would read the query only up to it ("unterminated string").
        Err(anyhow!("the search holds a NUL character: remove it"))
    } else {
        Ok(())
    }
}

/// The words around a body's first match, the matches in brackets: `… the [Kuril] Islands …`.
/// `marked` is the body with its matches between U+E000 and U+E001 (FTS5's highlight()).
fn snippet(marked: &str) -> String {
    const BEFORE: usize = 6;
    const WORDS: usize = 16;
    let at = marked.find('\u{E000}').unwrap_or(0);
    let mut before: Vec<&str> = marked[..at]
        .split_whitespace()
        .rev()
        .take(BEFORE + 1)
        .collect();
    let cut_before = before.len() > BEFORE;
    before.truncate(BEFORE);
    before.reverse();
    let mut after: Vec<&str> = marked[at..]
        .split_whitespace()
        .take(WORDS - before.len() + 1)
        .collect();
    let cut_after = after.len() > WORDS - before.len();
    after.truncate(WORDS - before.len());
    let mut out = String::new();
    if cut_before {
        out.push_str("… ");
    }
    out.push_str(&[before, after].concat().join(" "));
    if cut_after {
        out.push_str(" …");
    }
    out.replace('\u{E000}', "[").replace('\u{E001}', "]")
}

impl Store {
    /// Full-text search (SQLite FTS5 query syntax: words, "a phrase", OR, NOT, prefix*), best
    /// match first. A search over `MAX_SEARCH_WORDS` or `MAX_SEARCH_CHARS` is refused, one that
    /// runs over `SEARCH_TIME` stopped.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>> {
        self.search_in(query, limit, &Filter::default())
    }

    /// [`Store::search`] among the documents that report an event of the filter's actor or
    /// dyad (its other conditions are not read); all documents when it names neither.
    pub fn search_in(&self, query: &str, limit: usize, sides: &Filter) -> Result<Vec<Hit>> {
        check_search(query)?;
        self.bounded(SEARCH_TIME, || self.search_unbounded(query, limit, sides))
    }

    fn search_unbounded(&self, query: &str, limit: usize, sides: &Filter) -> Result<Vec<Hit>> {
        let sides = Filter {
            actor: sides.actor.clone(),
            dyad: sides.dyad.clone(),
            all: true,
            ..Filter::default()
        };
        let mut c = clauses(&sides, "e", true);
        let query_at = c.param(query.to_string());
        c.params.push(Value::Integer(limit as i64));
        let limit_at = format!("?{}", c.params.len());
        let among = if sides.actor.is_some() || sides.dyad.is_some() {
            format!(
                "AND d.n IN (SELECT e.doc FROM events e WHERE {})",
                c.finish()
            )
        } else {
            String::new()
        };
        // The body with its matches marked (by two characters of the private use area, which
        // text does not hold), for `snippet` to cut. FTS5's own snippet() weighs every pair of
        // matches in a document: one word 40,000 times in one body took it 9 s.
        let sql = format!(
            "SELECT d.id, d.title, d.published, highlight(bodies, 1, char(57344), char(57345))
             FROM bodies JOIN documents d ON d.n = bodies.rowid
             WHERE bodies MATCH {query_at} {among} ORDER BY rank LIMIT {limit_at}"
        );
        let mut st = self.conn().prepare(&sql)?;
        let rows = st
            .query_map(rusqlite::params_from_iter(c.params.iter()), |r| {
                Ok(Hit {
                    doc: r.get(0)?,
                    title: r.get(1)?,
                    published: r.get(2)?,
                    snippet: snippet(&r.get::<_, String>(3)?),
                })
            })
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .with_context(|| format!("searching for {query:?} (FTS5 query syntax)"))?;
        Ok(rows)
    }

    /// The stored document whose id starts with `id`.
    pub fn document(&self, id: &str) -> Result<Document> {
        let mut st = self
            .conn()
            .prepare("SELECT document FROM documents WHERE id LIKE ?1 || '%' LIMIT 2")?;
        let found: Vec<Vec<u8>> = st
            .query_map([id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        match found.as_slice() {
            [packed] => super::unpack(packed).with_context(|| format!("document {id:?}")),
            [] => Err(anyhow!("no document {id:?} in the store")),
            _ => Err(anyhow!(
                "{id:?} is the start of several document ids: give more of it"
            )),
        }
    }

    /// Inputs that could not be read: path and why.
    pub fn errors(&self) -> Result<Vec<(String, String)>> {
        let mut st = self
            .conn()
            .prepare("SELECT path, message FROM errors ORDER BY path")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snippet_is_the_words_around_the_first_match() {
        let mark = |s: &str| s.replace('[', "\u{E000}").replace(']', "\u{E001}");
        let body = "one two three four five six seven eight nine the [Kuril] Islands were seized \
                    by the Soviet Union in 1945 and remain disputed to this day [Kuril]";
        assert_eq!(
            snippet(&mark(body)),
            "… five six seven eight nine the [Kuril] Islands were seized by the Soviet Union in 1945 …"
        );
        assert_eq!(snippet(&mark("[Japan] protested.")), "[Japan] protested.");
        // A match in the title only: the body's first words.
        assert_eq!(snippet("a b c"), "a b c");
    }
}
