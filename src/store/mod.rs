//! The store stage: extracted documents kept in an embedded SQLite file (WAL), one transaction
//! per batch of inputs, so that a killed ingest loses no committed batch and leaves no half-written
//! document. Documents are keyed by the hash of their bytes: ingesting them again adds nothing.
//!
//! Besides the whole document (as `annals extract` prints it, compressed: its JSON repeats every
//! field name and would be most of the file), its parts get tables of their own for queries:
//! `removed` lines, `timexes`, `mentions`, `events`; `merged` holds the events of all documents
//! merged into one record per real-world event (see `merge`), `bodies` the full-text index of
//! titles and bodies, `errors` the inputs that could not be read.

pub mod columns;
pub mod export;
pub mod load;
mod merge;
mod parquet;
pub mod query;
mod redate;
pub mod render;

use std::collections::HashSet;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use rusqlite::types::Value;
use rusqlite::{params, Connection, Transaction};
use rustc_hash::FxHashSet;

use crate::document::{Document, Event};

pub use load::{ingest, Summary};
pub use merge::MergeStats;

/// Where `annals ingest` and the queries look by default.
pub const DEFAULT_DB: &str = "annals.db";

const SCHEMA: &str = include_str!("schema.sql");

/// The layout of `schema.sql`, kept in the file's `user_version`: a store of another layout is
/// refused rather than half-read.
const LAYOUT: i64 = 2;

pub struct Store {
    conn: Connection,
    /// When the running query is to be stopped, if it is to be (see `Store::bounded`).
    deadline: Deadline,
}

type Deadline = Arc<Mutex<Option<Instant>>>;

/// One input of a batch: its document, or why it could not be read.
pub enum Item {
    Doc {
        doc: Box<Document>,
        /// The document's JSON, compressed (made by `Item::doc`, on the thread that extracted
        /// it, so that the one writer only writes).
        packed: Vec<u8>,
    },
    Failed {
        path: String,
        message: String,
    },
}

impl Item {
    pub fn doc(mut doc: Document) -> Result<Item> {
        // The syntax layer serves the stages that made the document; stored, it would be most
        // of the store.
        doc.syntax.clear();
        Ok(Item::Doc {
            packed: pack(&doc)?,
            doc: Box::new(doc),
        })
    }
}

/// A document as the store keeps it whole: its JSON, compressed.
fn pack(doc: &Document) -> Result<Vec<u8>> {
    Ok(lz4_flex::compress_prepend_size(&serde_json::to_vec(doc)?))
}

/// A document the store kept whole.
fn unpack(packed: &[u8]) -> Result<Document> {
    let json = lz4_flex::decompress_size_prepended(packed).context("damaged")?;
    Ok(serde_json::from_slice(&json)?)
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
        // The references in the schema are not enforced row by row (SQLite's default): the one
        // writer adds a document's parts in the transaction that adds the document, and checking
        // each part against the documents (and each merged report against the events) took a
        // sixth of an ingest. Tests run `PRAGMA foreign_key_check` on ingested stores instead.
        conn.pragma_update(None, "foreign_keys", "OFF")?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        // 16 MB of pages (the default is 2): the indexes an ingest adds to stay in memory, and
        // the memory does not grow with the store.
        conn.pragma_update(None, "cache_size", -16384)?;
        // Lets SQLite sort with a second thread when it builds an index after a bulk ingest.
        conn.pragma_update(None, "threads", 2)?;
        check_layout(&conn, path)?;
        conn.execute_batch(&format!("{}{SCHEMA}", columns::create_table()))
            .with_context(|| format!("creating the tables of {}", path.display()))?;
        conn.pragma_update(None, "user_version", LAYOUT)?;
        Store::with(conn)
    }

    /// Opens an existing store for reading only (the queries, `annals serve`): nothing is created
    /// or changed, and a store on a read-only or full disk can be read.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        if !path.exists() {
            anyhow::bail!(
                "{} does not exist: ingest articles into it first (annals ingest PATH --db {})",
                path.display(),
                path.display()
            );
        }
        let conn = match read_only(path, false) {
            Ok(conn) => conn,
            // SQLite reads a store in WAL mode through a shared-memory file beside it, which a
            // read-only folder or a full disk keeps it from creating. With nothing in a WAL file
            // beside it, the store is wholly in its file and can be read as a file nobody changes.
            Err(first) if wal_is_empty(path) => read_only(path, true).map_err(|_| first)?,
            Err(first) => return Err(first),
        };
        let tables: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE name = 'documents'",
            [],
            |r| r.get(0),
        )?;
        if tables == 0 {
            anyhow::bail!(
                "{} is not a store of annals (it has no documents table)",
                path.display()
            );
        }
        Store::with(conn)
    }

    /// A store on `conn`, whose queries stop when `Store::bounded` says (SQLite calls the
    /// handler every few thousand steps of a query).
    fn with(mut conn: Connection) -> Result<Store> {
        // `annals_km(lat, lon, lat, lon)`: great-circle kilometres, for `--near`; NULL when a
        // place is missing.
        conn.create_scalar_function(
            "annals_km",
            4,
            rusqlite::functions::FunctionFlags::SQLITE_UTF8
                | rusqlite::functions::FunctionFlags::SQLITE_DETERMINISTIC,
            |ctx| {
                let at = |i| ctx.get::<Option<f64>>(i);
                Ok(match (at(0)?, at(1)?, at(2)?, at(3)?) {
                    (Some(a), Some(b), Some(c), Some(d)) => Some(crate::places::km((a, b), (c, d))),
                    _ => None,
                })
            },
        )?;
        let deadline = Deadline::default();
        let due = deadline.clone();
        conn.progress_handler(
            10_000,
            Some(move || {
                due.lock()
                    .is_ok_and(|d| d.is_some_and(|at| Instant::now() > at))
            }),
        )?;
        Ok(Store { conn, deadline })
    }

    /// Runs `query` and stops it, with an error, if it takes over `limit`.
    pub fn bounded<T>(&self, limit: Duration, query: impl FnOnce() -> Result<T>) -> Result<T> {
        let set = |at| {
            if let Ok(mut d) = self.deadline.lock() {
                *d = at;
            }
        };
        set(Some(Instant::now() + limit));
        let result = query();
        set(None);
        result.map_err(|e| match e.downcast_ref::<rusqlite::Error>() {
            Some(rusqlite::Error::SqliteFailure(f, _))
                if f.code == rusqlite::ErrorCode::OperationInterrupted =>
            {
                anyhow::anyhow!(
                    "the query took over {} s and was stopped: narrow it",
                    limit.as_secs_f64()
                )
            }
            _ => e,
        })
    }

    /// The ids (content hashes) of the documents already stored.
    pub fn ids(&self) -> Result<HashSet<String>> {
        let mut st = self.conn.prepare("SELECT id FROM documents")?;
        let ids = st.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
        Ok(ids)
    }

    /// Writes `items` in one transaction: all of them or, if the process dies, none.
    pub fn write(&mut self, items: &[Item]) -> Result<Written> {
        let mut batch = self.batch()?;
        for item in items {
            batch.add(item)?;
        }
        batch.commit()
    }

    /// Starts a transaction to add documents to.
    pub fn batch(&mut self) -> Result<Batch<'_>> {
        Ok(Batch {
            tx: self.conn.transaction()?,
            now: now(),
            keys: FxHashSet::default(),
            written: Written::default(),
        })
    }

    /// Before adding at least as many documents as the store holds: drops the index of events
    /// by merge key, which would be updated at a random place for every event, to build it
    /// once, sorted, in `end_bulk`. (A crash in between loses nothing: `open` builds it too.)
    pub fn begin_bulk(&mut self) -> Result<()> {
        self.conn.execute_batch("DROP INDEX IF EXISTS events_key")?;
        Ok(())
    }

    pub fn end_bulk(&mut self) -> Result<()> {
        self.conn.execute_batch(SCHEMA)?;
        Ok(())
    }

    /// Dates again the loosely dated pages by the dated pages' reports of the same events (of
    /// the keys with new reports); returns how many it dated.
    pub fn redate(&mut self) -> Result<usize> {
        redate::redate(&mut self.conn)
    }

    /// Merges the reports of every key with new reports into one record per real-world event.
    pub fn merge(&mut self) -> Result<MergeStats> {
        merge::merge(&mut self.conn)
    }

    /// The store's file (`None` for a store in memory).
    pub fn path(&self) -> Option<&Path> {
        self.conn.path().filter(|p| !p.is_empty()).map(Path::new)
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }
}

/// Documents being added in one transaction.
pub struct Batch<'a> {
    tx: Transaction<'a>,
    now: String,
    /// Merge keys of the events added, marked pending once at commit.
    keys: FxHashSet<String>,
    written: Written,
}

impl Batch<'_> {
    pub fn add(&mut self, item: &Item) -> Result<()> {
        let w = &mut self.written;
        match item {
            Item::Doc { doc, packed } => {
                // A document the store refuses (a bug in what a stage gave) fails alone: its
                // rows are rolled back to a savepoint, and the batch goes on.
                let mut keys = FxHashSet::default();
                let sp = self.tx.savepoint()?;
                match insert_document(&sp, doc, packed, &self.now, &mut keys) {
                    Ok(added) => {
                        sp.commit()?;
                        self.keys.extend(keys);
                        if added {
                            w.documents += 1;
                            w.events += doc.events.len();
                        } else {
                            w.known += 1;
                        }
                    }
                    Err(e) => {
                        drop(sp);
                        let message = format!("cannot store it (a bug): {e:#}");
                        self.failed(&doc.path, &message)?;
                    }
                }
            }
            Item::Failed { path, message } => self.failed(path, message)?,
        }
        Ok(())
    }

    fn failed(&mut self, path: &str, message: &str) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT OR REPLACE INTO errors (path, message, at) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![path, message, self.now])?;
        self.written.errors += 1;
        Ok(())
    }

    /// Inputs added so far.
    pub fn len(&self) -> usize {
        let w = &self.written;
        w.documents + w.known + w.errors
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn commit(self) -> Result<Written> {
        let mut pending = self
            .tx
            .prepare_cached("INSERT OR IGNORE INTO pending (merge_key) VALUES (?1)")?;
        for key in &self.keys {
            pending.execute([key])?;
        }
        drop(pending);
        self.tx.commit()?;
        Ok(self.written)
    }
}

fn now() -> String {
    chrono::Local::now().format("%Y-%m-%dT%H:%M:%S").to_string()
}

/// Refuses a file that holds tables of another layout than this build's.
/// A connection that can only read the store at `path` (`immutable`: as a file that nothing
/// changes while it is read, so without the shared-memory file of WAL mode).
fn read_only(path: &Path, immutable: bool) -> Result<Connection> {
    use rusqlite::OpenFlags;
    let opening = || format!("opening {} to read", path.display());
    let mut flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = if immutable {
        flags |= OpenFlags::SQLITE_OPEN_URI;
        let absolute = path.canonicalize().with_context(opening)?;
        let mut uri = url::Url::from_file_path(&absolute)
            .map_err(|()| anyhow::anyhow!("{} as a file address", absolute.display()))?;
        uri.set_query(Some("immutable=1"));
        Connection::open_with_flags(uri.as_str(), flags)
    } else {
        Connection::open_with_flags(path, flags)
    }
    .with_context(opening)?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    conn.pragma_update(None, "cache_size", -16384)?;
    check_layout(&conn, path).with_context(opening)?;
    Ok(conn)
}

/// Whether the write-ahead log beside the store at `path` holds nothing (or is not there).
fn wal_is_empty(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(wal).map_or(true, |m| m.len() == 0)
}

fn check_layout(conn: &Connection, path: &Path) -> Result<()> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let tables: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE name = 'documents'",
        [],
        |r| r.get(0),
    )?;
    let again = "ingest the inputs again into a new store (--db)";
    if tables > 0 && version != LAYOUT {
        anyhow::bail!(
            "{} is a store of layout {version}, this Annals reads layout {LAYOUT}: {again}",
            path.display()
        );
    }
    let mut st = conn.prepare("SELECT name FROM pragma_table_info('events')")?;
    let table: Vec<String> = st
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let (missing, extra) = columns::differences(&table);
    if !table.is_empty() && (!missing.is_empty() || !extra.is_empty()) {
        anyhow::bail!(
            "{} was written by another release of Annals: its events lack the columns [{}] and \
             have [{}] that this one does not write: {again}",
            path.display(),
            missing.join(", "),
            extra.join(", ")
        );
    }
    Ok(())
}

/// Inserts a document and its parts; false when a document with its id is already stored.
fn insert_document(
    tx: &Connection,
    doc: &Document,
    packed: &[u8],
    now: &str,
    keys: &mut FxHashSet<String>,
) -> Result<bool> {
    let published = doc.published.as_ref();
    // Statements are prepared once per connection: this runs for every document.
    let added = tx
        .prepare_cached(
            "INSERT OR IGNORE INTO documents (id, path, title, outlet, site, url, language,
                published, published_earliest, published_latest, published_basis, body, document,
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
            published.map(|p| p.basis.as_str()),
            doc.body,
            packed,
            now,
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
        keys.insert(crate::merge::key_of(e).into_owned());
    }
    Ok(true)
}

fn insert_parts(tx: &Connection, n: i64, doc: &Document) -> Result<()> {
    let mut removed = tx.prepare_cached(
        "INSERT INTO removed (doc, line, kind, reason, text) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for r in &doc.removed {
        removed.execute(params![n, r.line, r.kind, r.reason, r.text])?;
    }
    insert_timexes_and_mentions(tx, n, doc)
}

/// The parts of a document that its date decides (`redate` writes them again).
fn insert_timexes_and_mentions(tx: &Connection, n: i64, doc: &Document) -> Result<()> {
    let mut timex = tx.prepare_cached(
        "INSERT INTO timexes (doc, nth, start, end, text, type, value, earliest, latest, rule)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for (i, t) in doc.timexes.iter().enumerate() {
        timex.execute(params![
            n, i, t.start, t.end, t.text, t.kind, t.value, t.earliest, t.latest, t.rule
        ])?;
    }
    let mut mention = tx.prepare_cached(
        "INSERT INTO mentions (doc, nth, start, end, text, code, country, org, role, name, place,
            rule)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    for (i, m) in doc.mentions.iter().enumerate() {
        let a = &m.actor;
        mention.execute(params![
            n, i, m.start, m.end, m.text, a.code, a.country, a.org, a.role, a.name, m.place, m.rule
        ])?;
    }
    Ok(())
}

/// Adds a report of document `doc`, its columns as [`columns::EVENTS`] makes them.
fn insert_event(tx: &Connection, doc: i64, e: &Event) -> Result<()> {
    static SQL: std::sync::LazyLock<String> = std::sync::LazyLock::new(columns::insert_sql);
    let values = columns::values(e)?;
    let mut st = tx.prepare_cached(&SQL)?;
    st.execute(rusqlite::params_from_iter(
        std::iter::once(Value::Integer(doc)).chain(values),
    ))?;
    Ok(())
}

#[cfg(test)]
mod tests;
