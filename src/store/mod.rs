//! The store stage: extracted documents kept in an embedded SQLite file (WAL), one transaction
//! per batch, so that a killed ingest loses no committed batch and leaves no half-written
//! document. Documents are keyed by the hash of their bytes: ingesting them again adds nothing.
//!
//! Besides the whole document (as `annals extract` prints it), its parts get tables of their own
//! for queries: `removed` lines, `timexes`, `mentions`, `events`; `merged` holds the events of all
//! documents merged into one record per real-world event (see `merge`), `bodies` the full-text
//! index of titles and bodies, `errors` the inputs that could not be read.

pub mod load;
mod merge;
pub mod query;
pub mod render;

use std::collections::HashSet;
use std::path::Path;

use anyhow::{Context, Result};
use rusqlite::{params, Connection, Transaction};

use crate::document::{Document, Event};

pub use load::{ingest, Summary};
pub use merge::MergeStats;

/// Where `annals ingest` and the queries look by default.
pub const DEFAULT_DB: &str = "annals.db";

const SCHEMA: &str = include_str!("schema.sql");

pub struct Store {
    conn: Connection,
}

/// One input of a batch: its document, or why it could not be read.
pub enum Item {
    Doc(Box<Document>),
    Failed { path: String, message: String },
}

/// What writing one batch did.
#[derive(Debug, Default, Clone, Copy)]
pub struct Written {
    pub documents: usize,
    pub events: usize,
    /// Documents already in the store (same bytes).
    pub known: usize,
    pub errors: usize,
}

impl Store {
    /// Opens (creating when missing) the store at `path`.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path).with_context(|| format!("opening {}", path.display()))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // With WAL, NORMAL keeps every committed transaction across a crash of the process; only a
        // power cut may lose the last ones, never corrupt the file.
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.execute_batch(SCHEMA)
            .with_context(|| format!("creating the tables of {}", path.display()))?;
        Ok(Store { conn })
    }

    /// The ids (content hashes) of the documents already stored.
    pub fn ids(&self) -> Result<HashSet<String>> {
        let mut st = self.conn.prepare("SELECT id FROM documents")?;
        let ids = st.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
        Ok(ids)
    }

    /// Writes a batch in one transaction: all of it or, if the process dies, none of it.
    pub fn write(&mut self, items: &[Item]) -> Result<Written> {
        let tx = self.conn.transaction()?;
        let mut w = Written::default();
        for item in items {
            match item {
                Item::Doc(doc) => {
                    if insert_document(&tx, doc)? {
                        w.documents += 1;
                        w.events += doc.events.len();
                    } else {
                        w.known += 1;
                    }
                }
                Item::Failed { path, message } => {
                    tx.prepare_cached(
                        "INSERT OR REPLACE INTO errors (path, message, at) VALUES (?1, ?2, ?3)",
                    )?
                    .execute(params![path, message, now()])?;
                    w.errors += 1;
                }
            }
        }
        tx.commit()?;
        Ok(w)
    }

    /// Merges the events of every document into one record per real-world event, anew.
    pub fn merge(&mut self) -> Result<MergeStats> {
        merge::merge(&mut self.conn)
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }
}

fn now() -> String {
    chrono::Local::now().format("%Y-%m-%dT%H:%M:%S").to_string()
}

/// Inserts a document and its parts; false when a document with its id is already stored.
fn insert_document(tx: &Transaction, doc: &Document) -> Result<bool> {
    let published = doc.published.as_ref();
    // Statements are prepared once per connection: this runs for every document.
    let added = tx
        .prepare_cached(
            "INSERT OR IGNORE INTO documents (id, path, title, outlet, site, url, language,
                published, published_earliest, published_latest, published_basis, body, json,
                ingested)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        )?
        .execute(params![
            doc.id,
            doc.path,
            doc.title,
            doc.outlet,
            doc.site,
            doc.url,
            doc.language,
            published.map(|p| &p.value),
            published.map(|p| &p.earliest),
            published.map(|p| &p.latest),
            published.map(|p| &p.basis),
            doc.body,
            serde_json::to_string(doc)?,
            now(),
        ])?;
    if added == 0 {
        return Ok(false);
    }
    let n = tx.last_insert_rowid();
    tx.prepare_cached("DELETE FROM errors WHERE path = ?1")?
        .execute([&doc.path])?;
    tx.prepare_cached("INSERT INTO bodies (rowid, title, body) VALUES (?1, ?2, ?3)")?
        .execute(params![n, doc.title, doc.body])?;
    insert_parts(tx, n, doc)?;
    for e in &doc.events {
        insert_event(tx, n, e)?;
    }
    Ok(true)
}

fn insert_parts(tx: &Transaction, n: i64, doc: &Document) -> Result<()> {
    let mut removed = tx.prepare_cached(
        "INSERT INTO removed (doc, line, kind, reason, text) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for r in &doc.removed {
        removed.execute(params![n, r.line, r.kind, r.reason, r.text])?;
    }
    let mut timex = tx.prepare_cached(
        "INSERT INTO timexes (doc, start, end, text, type, value, earliest, latest, rule)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for t in &doc.timexes {
        timex.execute(params![
            n, t.start, t.end, t.text, t.kind, t.value, t.earliest, t.latest, t.rule
        ])?;
    }
    let mut mention = tx.prepare_cached(
        "INSERT INTO mentions (doc, start, end, text, code, country, org, role, name, place, rule)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for m in &doc.mentions {
        let a = &m.actor;
        mention.execute(params![
            n, m.start, m.end, m.text, a.code, a.country, a.org, a.role, a.name, m.place, m.rule
        ])?;
    }
    Ok(())
}

fn insert_event(tx: &Transaction, doc: i64, e: &Event) -> Result<()> {
    let mut st = tx.prepare_cached(
        "INSERT INTO events (doc, source_code, source_side, source_text, target_code, target_side,
            target_text, cameo, root, name, goldstein, quad_class, plover, value, earliest, latest,
            granularity, basis, date_text, historical, planned, hypothetical, negated, claimed_by,
            location, sentence, start, end, trigger, evidence, rule, confidence)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
            ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32)",
    )?;
    let (s, t, d, v) = (&e.source, &e.target, &e.date, &e.evidence);
    st.execute(params![
        doc,
        s.actor.code,
        s.actor.side(),
        s.text,
        t.actor.code,
        t.actor.side(),
        t.text,
        e.cameo,
        e.root,
        e.name,
        e.goldstein,
        e.quad_class,
        e.plover.as_ref().map(|p| &p.event),
        d.value,
        d.earliest,
        d.latest,
        d.granularity,
        d.basis,
        d.text,
        e.historical,
        e.planned,
        e.hypothetical,
        e.negated,
        e.claimed_by.as_ref().map(|c| &c.actor.code),
        e.location,
        v.sentence,
        v.start,
        v.end,
        v.trigger,
        v.text,
        e.rule,
        e.confidence,
    ])?;
    Ok(())
}

#[cfg(test)]
mod tests;
