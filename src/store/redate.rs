//! Pages of the store with a loose date dated again by what dated pages of other outlets say
//! of the events they report ([`crate::merge::corroborate`]), before merging: a report dated
//! to its day merges with the others, where a report dated to years stays apart.
//!
//! Only the keys this ingest added reports to (`pending`) are read: a new dated page dates the
//! loose pages already stored, a new loose page is dated by the dated pages already stored.

use anyhow::Result;
use rusqlite::{params, Connection, Transaction};
use rustc_hash::{FxHashMap, FxHashSet};

use super::{insert_event, insert_timexes_and_mentions, pack, unpack};
use crate::document::{DateBasis, Document, PublishedBasis};
use crate::merge::corroborate::{self, Anchors, Role};
use crate::merge::{self as rule, Days};
use crate::pipeline;

/// Dates again the loose pages with an event of a pending key; returns how many it dated. A
/// page that cannot be read back or dated (a bug met on it) keeps what it had, with a warning:
/// the ingest goes on to merge.
pub fn redate(conn: &mut Connection) -> Result<usize> {
    let (anchors, loose) = read(conn)?;
    if anchors.is_empty() {
        return Ok(0);
    }
    let mut redated = 0;
    let tx = conn.transaction()?;
    for n in loose {
        let packed: Vec<u8> = tx
            .prepare_cached("SELECT document FROM documents WHERE n = ?1")?
            .query_row([n], |r| r.get(0))?;
        let dated = unpack(&packed).and_then(|doc| {
            crate::ingest::catch(|| pipeline::corroborated(&doc, &anchors))
                .map_err(anyhow::Error::from)
        });
        match dated {
            Ok(Some(dated)) => {
                replace(&tx, n, &dated)?;
                redated += 1;
            }
            Ok(None) => {}
            Err(e) => {
                eprintln!("annals: warning: document {n} of the store not dated again: {e:#}")
            }
        }
    }
    tx.commit()?;
    Ok(redated)
}

/// The anchors of the pending keys, and the loose pages that report an event of an anchored key.
fn read(conn: &Connection) -> Result<(Anchors, Vec<i64>)> {
    let mut st = conn.prepare(
        "SELECT e.doc, e.merge_key, e.earliest, e.latest, e.historical, d.published_basis,
                d.published_earliest, d.published_latest, e.date_basis, e.date_value
         FROM pending p JOIN events e ON e.merge_key = p.merge_key JOIN documents d ON d.n = e.doc",
    )?;
    let mut anchors = Anchors::default();
    let mut loose: FxHashMap<i64, Vec<String>> = FxHashMap::default();
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let (doc, key): (i64, String) = (r.get(0)?, r.get(1)?);
        let dated_by = DateBasis::from_name(&r.get::<_, String>(8)?)
            .ok_or_else(|| anyhow::anyhow!("unknown date basis in the store"))?;
        let value: String = r.get(9)?;
        let event = rule::days(&r.get::<_, String>(2)?, &r.get::<_, String>(3)?)
            .map(|d| corroborate::anchor_days(d, dated_by, &value));
        let basis = r
            .get::<_, Option<String>>(5)?
            .and_then(|b| PublishedBasis::from_name(&b));
        let page: Option<Days> = r
            .get::<_, Option<String>>(6)?
            .zip(r.get::<_, Option<String>>(7)?)
            .and_then(|(a, b)| rule::days(&a, &b));
        match corroborate::role((basis, page), event, r.get(4)?) {
            Role::Anchor(days) => anchors.add(&key, days),
            Role::Loose => loose.entry(doc).or_default().push(key),
            Role::Neither => {}
        }
    }
    let mut docs: Vec<i64> = loose
        .into_iter()
        .filter(|(_, keys)| keys.iter().any(|k| anchors.has(k)))
        .map(|(n, _)| n)
        .collect();
    docs.sort_unstable();
    Ok((anchors, docs))
}

/// Writes a page's new date and the parts that follow from it in place of the old ones; the
/// keys of its old and new events are merged again.
fn replace(tx: &Transaction, n: i64, doc: &Document) -> Result<()> {
    let mut keys: FxHashSet<String> = tx
        .prepare_cached("SELECT DISTINCT merge_key FROM events WHERE doc = ?1")?
        .query_map([n], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for table in ["events", "timexes", "mentions"] {
        tx.execute(&format!("DELETE FROM {table} WHERE doc = ?1"), [n])?;
    }
    let p = doc.published.as_ref();
    let packed = pack(doc)?;
    tx.prepare_cached(
        "UPDATE documents SET published = ?2, published_earliest = ?3, published_latest = ?4,
            published_basis = ?5, document = ?6 WHERE n = ?1",
    )?
    .execute(params![
        n,
        p.map(|p| &p.value),
        p.map(|p| &p.earliest),
        p.map(|p| &p.latest),
        p.map(|p| p.basis.as_str()),
        packed,
    ])?;
    insert_timexes_and_mentions(tx, n, doc)?;
    for e in &doc.events {
        insert_event(tx, n, e)?;
        keys.insert(crate::merge::key_of(e).into_owned());
    }
    let mut pending = tx.prepare_cached("INSERT OR IGNORE INTO pending (merge_key) VALUES (?1)")?;
    for key in &keys {
        pending.execute([key])?;
    }
    Ok(())
}
