//! `annals export`: the merged record, or every report of it, in the formats other tools read:
//! CSV, JSON lines, Parquet, a GDELT 2.0 event table and PLOVER JSON lines. Rows stream from
//! the store to the output, so an export of any size holds one merged event at a time (Parquet:
//! one row group). The columns are documented in docs/export.md.

use std::io::Write;

use anyhow::{Context, Result};
use std::sync::LazyLock;

use rusqlite::types::Value;
use rusqlite::Row as SqlRow;
use serde::Serialize;
use serde_json::json;

use super::columns::{self, Kind, EVENTS};
use super::query::{clauses, limit, Filter};
use super::Store;
use crate::events::taxonomy::{in_class, CodeClass};

/// One exported event: a merged event (its first report giving the evidence), or one report.
#[derive(Debug, Clone)]
pub struct Row {
    /// The merged event (`merged.n`); for a report, the report (`events.n`).
    pub id: i64,
    /// The merged event a report belongs to (its own id for a merged event).
    pub merged: i64,
    /// The report's columns, [`columns::EVENTS`] in order. A merged event has those of its
    /// first report, with its own days, sides, code (and what the code decides) and
    /// `historical` put over them.
    pub fields: Vec<Value>,
    /// Reports of the event, the documents and the outlets they come from.
    pub reports: i64,
    pub documents: i64,
    pub doc_ids: Vec<String>,
    pub urls: Vec<String>,
    pub outlets: Vec<String>,
    /// Publication day of the first document.
    pub published: Option<String>,
    /// When the first document was stored.
    pub ingested: String,
    /// Who published the report's document, as a list names it ([`super::query::publisher`]);
    /// not a column of the exports, whose `outlets` and `urls` say it.
    pub publisher: String,
}

impl Default for Row {
    fn default() -> Row {
        Row {
            id: 0,
            merged: 0,
            fields: EVENTS.iter().map(|c| c.kind.empty()).collect(),
            reports: 0,
            documents: 0,
            doc_ids: Vec::new(),
            urls: Vec::new(),
            outlets: Vec::new(),
            published: None,
            ingested: String::new(),
            publisher: String::new(),
        }
    }
}

/// The reports of a merged event, in the order given. `ingested` is stored after the body and
/// the packed document, so reading it walks their overflow pages: a listing that need not say
/// when each document was ingested passes `''`.
fn reports_sql(ingested: &str, order: &str) -> String {
    format!(
        "SELECT e.n, d.id, d.url, d.outlet, d.published, d.site, d.path, {ingested}, {}
         FROM merged_events x JOIN events e ON e.n = x.event JOIN documents d ON d.n = e.doc
         WHERE x.merged = ?1 {order}",
        columns::select("e")
    )
}

/// The columns of the report rows before [`columns::EVENTS`].
const REPORT_HEAD: usize = 8;

/// Every report, first published first.
static REPORTS: LazyLock<String> =
    LazyLock::new(|| reports_sql("d.ingested", "ORDER BY d.published_earliest, e.n"));
/// The first reports stored, read without sorting the others.
static FIRST_REPORTS: LazyLock<String> =
    LazyLock::new(|| reports_sql("''", "ORDER BY x.event LIMIT ?2"));

/// The columns of a merged event that [`merged_row`] reads.
const MERGED: &str =
    "m.n, m.earliest, m.latest, m.source_side, m.target_side, m.cameo, m.historical";

/// One report of merged event `merged`, as a row of its own.
fn report(r: &SqlRow, merged: i64) -> rusqlite::Result<Row> {
    let fields = (0..EVENTS.len())
        .map(|i| r.get::<_, Value>(REPORT_HEAD + i))
        .collect::<rusqlite::Result<_>>()?;
    let doc_id: String = r.get(1)?;
    let urls: Vec<String> = r.get::<_, Option<String>>(2)?.into_iter().collect();
    let outlets: Vec<String> = r.get::<_, Option<String>>(3)?.into_iter().collect();
    let publisher = super::query::publisher(
        outlets.first().map(String::as_str),
        r.get::<_, Option<String>>(5)?.as_deref(),
        urls.first().map(String::as_str),
        &r.get::<_, String>(6)?,
        &doc_id,
    );
    Ok(Row {
        id: r.get(0)?,
        merged,
        fields,
        reports: 1,
        documents: 1,
        doc_ids: vec![doc_id],
        urls,
        outlets,
        published: r.get(4)?,
        ingested: r.get(7)?,
        publisher,
    })
}

impl Row {
    fn field(&self, name: &str) -> &Value {
        &self.fields[columns::index(name)]
    }

    /// A text column (empty when missing).
    pub fn text(&self, name: &str) -> &str {
        self.maybe(name).unwrap_or_default()
    }

    /// A text column that may be missing.
    pub fn maybe(&self, name: &str) -> Option<&str> {
        match self.field(name) {
            Value::Text(t) => Some(t),
            _ => None,
        }
    }

    /// An integer or yes/no column.
    pub fn int(&self, name: &str) -> i64 {
        match self.field(name) {
            Value::Integer(i) => *i,
            _ => 0,
        }
    }

    /// An integer column that may be missing.
    pub fn maybe_int(&self, name: &str) -> Option<i64> {
        match self.field(name) {
            Value::Integer(i) => Some(*i),
            _ => None,
        }
    }

    /// A real column that may be missing.
    pub fn maybe_real(&self, name: &str) -> Option<f64> {
        match self.field(name) {
            Value::Real(r) => Some(*r),
            Value::Integer(i) => Some(*i as f64),
            _ => None,
        }
    }

    pub fn real(&self, name: &str) -> f64 {
        match self.field(name) {
            Value::Real(r) => *r,
            Value::Integer(i) => *i as f64,
            _ => 0.0,
        }
    }

    fn set(&mut self, name: &str, value: Value) {
        self.fields[columns::index(name)] = value;
    }
}

/// The merged event as one row: its own days, sides, code and counts, the documents of its
/// reports, and the evidence of its first report.
fn merged_row(m: &SqlRow, reports: &[Row]) -> rusqlite::Result<Row> {
    let mut row = reports[0].clone();
    let all = |list: fn(&Row) -> &Vec<String>| {
        let items = reports
            .iter()
            .flat_map(|r| list(r).iter().cloned())
            .collect();
        super::render::dedup(items)
    };
    row.doc_ids = all(|r| &r.doc_ids);
    row.urls = all(|r| &r.urls);
    row.outlets = all(|r| &r.outlets);
    row.id = m.get(0)?;
    row.merged = row.id;
    // The merged table's columns are named as the report's.
    for (i, name) in MERGED.split(", ").map(|c| &c[2..]).enumerate().skip(1) {
        if name != "cameo" {
            row.set(name, m.get(i)?);
        }
    }
    columns::set_code(&mut row.fields, &m.get::<_, String>(5)?);
    row.reports = reports.len() as i64;
    row.documents = row.doc_ids.len() as i64;
    Ok(row)
}

impl Store {
    /// The reports of a merged event, as rows of their own, first published first.
    /// With `most`, the first `most` reports stored instead, read without sorting them all: an
    /// event of a large store can have hundreds.
    pub(super) fn reports_of(&self, merged: i64, most: Option<usize>) -> Result<Vec<Row>> {
        let Some(most) = most else {
            let mut st = self.conn().prepare_cached(&REPORTS)?;
            let rows = st.query_map([merged], |r| report(r, merged))?;
            return Ok(rows.collect::<rusqlite::Result<_>>()?);
        };
        let mut st = self.conn().prepare_cached(&FIRST_REPORTS)?;
        let rows = st.query_map([merged, most as i64], |r| report(r, merged))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One merged event and its reports, or `None` when there is no such event.
    pub fn merged_event(&self, id: i64) -> Result<Option<(Row, Vec<Row>)>> {
        let mut st = self
            .conn()
            .prepare_cached(&format!("SELECT {MERGED} FROM merged m WHERE m.n = ?1"))?;
        let mut rows = st.query([id])?;
        let Some(m) = rows.next()? else {
            return Ok(None);
        };
        let reports = self.reports_of(id, None)?;
        if reports.is_empty() {
            return Ok(None);
        }
        Ok(Some((merged_row(m, &reports)?, reports)))
    }

    /// Calls `emit` with every merged event `f` selects in order of days (undated last), or
    /// (`reports`) with every report of them; returns how many rows were emitted.
    pub fn export(
        &self,
        f: &Filter,
        reports: bool,
        mut emit: impl FnMut(&Row) -> Result<()>,
    ) -> Result<usize> {
        let c = clauses(f, "m", false);
        let sql = format!(
            "SELECT {MERGED} FROM merged m
             WHERE {} ORDER BY m.earliest = '', m.earliest, m.latest, m.n LIMIT {}",
            c.finish(),
            limit(f)
        );
        let mut merged = self.conn().prepare(&sql)?;
        let mut rows = merged.query(rusqlite::params_from_iter(c.params.iter()))?;
        let mut count = 0;
        while let Some(m) = rows.next()? {
            let list = self.reports_of(m.get(0)?, None)?;
            if list.is_empty() {
                continue;
            }
            if reports {
                list.iter().try_for_each(&mut emit)?;
                count += list.len();
            } else {
                emit(&merged_row(m, &list)?)?;
                count += 1;
            }
        }
        Ok(count)
    }

    /// Exports what `f` selects in `format` to `out` (standard output when `None`); returns
    /// how many rows were written. A GDELT row must have a day: undated events are left out.
    pub fn export_to(
        &self,
        f: &Filter,
        reports: bool,
        format: Format,
        out: Option<&std::path::Path>,
    ) -> Result<usize> {
        let mut sink = sink(format, output(out, format)?)?;
        let f = Filter {
            dated: f.dated || format == Format::Gdelt,
            ..f.clone()
        };
        let rows = self.export(&f, reports, |row| sink.write(row))?;
        sink.finish()?;
        Ok(rows)
    }
}

/// The formats of `annals export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One row per event, a header first; lists joined by spaces.
    Csv,
    /// One JSON object per line, lists as arrays.
    Jsonl,
    /// Apache Parquet, one column per field (lists joined by spaces), Snappy-compressed.
    Parquet,
    /// Tab-separated, no header: the 61 columns of a GDELT 2.0 event table.
    Gdelt,
    /// One PLOVER event record (JSON) per line.
    Plover,
}

/// Where exported rows go, format by format.
pub trait Sink {
    fn write(&mut self, row: &Row) -> Result<()>;
    fn finish(self: Box<Self>) -> Result<()>;
}

/// A sink of `format` writing to `out`.
fn sink(format: Format, out: Box<dyn Write + Send>) -> Result<Box<dyn Sink>> {
    Ok(match format {
        Format::Csv => Box::new(Csv {
            out: csv::Writer::from_writer(out),
            header: false,
        }),
        Format::Jsonl => Box::new(Lines { out, line: jsonl }),
        Format::Plover => Box::new(Lines { out, line: plover }),
        Format::Gdelt => Box::new(Lines { out, line: gdelt }),
        Format::Parquet => Box::new(super::parquet::Parquet::new(out)?),
    })
}

/// A value of one column.
pub enum Cell<'a> {
    Text(Option<&'a str>),
    List(&'a [String]),
    Int(i64),
    MaybeInt(Option<i64>),
    Real(f64),
    MaybeReal(Option<f64>),
    Bool(bool),
}

impl Row {
    /// Every column in order, with its name: what CSV, JSON lines and Parquet write.
    pub fn columns(&self) -> Vec<(&'static str, Cell<'_>)> {
        use Cell::*;
        let mut out = vec![("id", Int(self.id)), ("merged", Int(self.merged))];
        out.extend(
            EVENTS
                .iter()
                .zip(&self.fields)
                .map(|(c, v)| (c.name, Cell::of(c.kind, v))),
        );
        out.extend([
            ("reports", Int(self.reports)),
            ("documents", Int(self.documents)),
            ("doc_ids", List(&self.doc_ids)),
            ("urls", List(&self.urls)),
            ("outlets", List(&self.outlets)),
            ("published", Text(self.published.as_deref())),
            ("ingested", Text(Some(&self.ingested))),
        ]);
        out
    }
}

impl Serialize for Row {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Cells(&self.columns()).serialize(s)
    }
}

/// Named cells as one JSON object, in their order.
pub struct Cells<'a>(pub &'a [(&'static str, Cell<'a>)]);

impl Serialize for Cells<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (name, cell) in self.0 {
            map.serialize_entry(name, cell)?;
        }
        map.end()
    }
}

impl Serialize for Cell<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Text(t) => t.serialize(s),
            Cell::List(l) => l.serialize(s),
            Cell::Int(i) => i.serialize(s),
            Cell::MaybeInt(i) => i.serialize(s),
            Cell::Real(r) => r.serialize(s),
            Cell::MaybeReal(r) => r.serialize(s),
            Cell::Bool(b) => b.serialize(s),
        }
    }
}

impl<'a> Cell<'a> {
    /// A stored value as its column's kind of cell.
    pub(super) fn of(kind: Kind, v: &'a Value) -> Cell<'a> {
        match (kind, v) {
            (Kind::Bool, Value::Integer(i)) => Cell::Bool(*i != 0),
            (Kind::Bool, _) => Cell::Bool(false),
            (Kind::Int, Value::Integer(i)) => Cell::Int(*i),
            (Kind::Int, _) => Cell::Int(0),
            (Kind::MaybeInt, Value::Integer(i)) => Cell::MaybeInt(Some(*i)),
            (Kind::MaybeInt, _) => Cell::MaybeInt(None),
            (Kind::Real, Value::Real(r)) => Cell::Real(*r),
            (Kind::Real, Value::Integer(i)) => Cell::Real(*i as f64),
            (Kind::Real, _) => Cell::Real(0.0),
            (Kind::MaybeReal, Value::Real(r)) => Cell::MaybeReal(Some(*r)),
            (Kind::MaybeReal, Value::Integer(i)) => Cell::MaybeReal(Some(*i as f64)),
            (Kind::MaybeReal, _) => Cell::MaybeReal(None),
            (Kind::Text | Kind::MaybeText, Value::Text(t)) => Cell::Text(Some(t)),
            (Kind::Text | Kind::MaybeText, _) => Cell::Text(None),
        }
    }

    /// The value as CSV and GDELT write it.
    fn text(&self) -> String {
        match self {
            Cell::Text(t) => t.unwrap_or_default().to_string(),
            Cell::List(l) => l.join(" "),
            Cell::Int(i) => i.to_string(),
            Cell::MaybeInt(i) => i.map(|i| i.to_string()).unwrap_or_default(),
            Cell::Real(r) => r.to_string(),
            Cell::MaybeReal(r) => r.map(|r| r.to_string()).unwrap_or_default(),
            Cell::Bool(b) => u8::from(*b).to_string(),
        }
    }
}

struct Csv {
    out: csv::Writer<Box<dyn Write + Send>>,
    header: bool,
}

impl Sink for Csv {
    fn write(&mut self, row: &Row) -> Result<()> {
        let columns = row.columns();
        if !self.header {
            self.out
                .write_record(columns.iter().map(|(name, _)| name))?;
            self.header = true;
        }
        self.out
            .write_record(columns.iter().map(|(_, cell)| cell.text()))?;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<()> {
        self.out.flush()?;
        Ok(())
    }
}

/// Formats that write one line per row.
struct Lines {
    out: Box<dyn Write + Send>,
    line: fn(&Row, &mut dyn Write) -> Result<()>,
}

impl Sink for Lines {
    fn write(&mut self, row: &Row) -> Result<()> {
        (self.line)(row, &mut self.out)?;
        self.out.write_all(b"\n")?;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<()> {
        self.out.flush()?;
        Ok(())
    }
}

fn jsonl(row: &Row, out: &mut dyn Write) -> Result<()> {
    serde_json::to_writer(out, row)?;
    Ok(())
}

/// A PLOVER record (PLOVER manual, "Data Fields"), with Annals' own fields after the standard
/// ones: the CAMEO code and Goldstein score, the documents and the evidence's position.
fn plover(row: &Row, out: &mut dyn Write) -> Result<()> {
    let entity = |side: &str| {
        let code = row.text(&format!("{side}_code"));
        let state = row.maybe(&format!("{side}_side"));
        json!({
            "code": state,
            "sector": sector(state, code),
            "entity_text": row.text(&format!("{side}_text")),
        })
    };
    let list = |name: &str| row.maybe(name).into_iter().collect::<Vec<_>>();
    let mut record = json!({
        "id": format!("annals-{}", row.id),
        "date": row.text("earliest"),
        "actor": [entity("source")],
        "recipient": [entity("target")],
        "event": list("plover_event"),
        "mode": list("plover_mode"),
        "context": list("plover_context"),
        "event_text": [row.text("trigger")],
        "quad_code": row.int("quad_class"),
        "text": row.text("evidence"),
        "text_info": {
            "sequence": row.int("sentence"),
            "start": row.int("start"),
            "end": row.int("end"),
        },
        "cite_info": {
            "url": row.urls.first(),
            "publication": row.outlets.first(),
            "coder": concat!("annals ", env!("CARGO_PKG_VERSION")),
            "codebook": "CAMEO 1.1b3, PLOVER by CAMEO2PLOVER",
        },
        "coded_date": row.ingested.get(..10),
        "cameo": row.text("cameo"),
        "goldstein": row.real("goldstein"),
        "historical": row.int("historical") != 0,
        "documents": row.doc_ids,
        "rule": row.text("rule"),
    });
    if row.text("latest") != row.text("earliest") {
        record["enddate"] = json!(row.text("latest"));
    }
    if let Some(place) = row.maybe("location") {
        record["event_loc"] = json!({ "extracted_place": place });
    }
    if let Some(name) = row.maybe("place_name") {
        record["event_loc"]["name"] = json!(name);
        record["event_loc"]["country"] = json!(row.maybe("place_country"));
        record["event_loc"]["lat"] = json!(row.maybe_real("place_lat"));
        record["event_loc"]["lon"] = json!(row.maybe_real("place_lon"));
        record["event_loc"]["geonames_id"] = json!(row.maybe_int("place_geonames_id"));
    }
    serde_json::to_writer(out, &record)?;
    Ok(())
}

/// The role part of an actor code: `RUSGOV` -> `GOV` (none for a bare state or organization).
fn sector<'a>(side: Option<&str>, code: &'a str) -> Option<&'a str> {
    let rest = code.strip_prefix(side.unwrap_or_default())?;
    rest.get(..3)
}

/// A row of a GDELT 2.0 event table (61 tab-separated columns; docs/export.md says how each is
/// filled). GDELT dates an event by its article; here SQLDATE is the first day the event may
/// fall on. What Annals does not measure (tone, coordinates, ethnic and religious codes) is
/// left empty, never zero.
fn gdelt(row: &Row, out: &mut dyn Write) -> Result<()> {
    let day = row.text("earliest").replace('-', "");
    let mut f: Vec<String> = vec![
        row.id.to_string(),
        day.clone(),
        day.get(..6).unwrap_or_default().to_string(),
        day.get(..4).unwrap_or_default().to_string(),
        fraction_date(row.text("earliest")),
    ];
    f.extend(gdelt_actor(row, "source"));
    f.extend(gdelt_actor(row, "target"));
    let cameo = row.text("cameo");
    let base = cameo.get(..3).unwrap_or(cameo);
    f.extend([
        u8::from(row.int("sentence") == 0).to_string(),
        cameo.to_string(),
        base.to_string(),
        row.text("root").to_string(),
        row.int("quad_class").to_string(),
        row.real("goldstein").to_string(),
        row.reports.to_string(),
        row.outlets.len().max(1).to_string(),
        row.documents.to_string(),
        String::new(),
    ]);
    // Actor1Geo_*, Actor2Geo_*, ActionGeo_*: 8 columns each. The sides of a meeting, a visit
    // or a signing were where it happened; of other events, the text does not say where.
    let place = action_geo(row);
    let together = in_class(cameo, CodeClass::Together);
    let sides = if together && !place[0].is_empty() {
        place.clone()
    } else {
        Default::default()
    };
    f.extend(sides.clone());
    f.extend(sides);
    f.extend(place);
    f.push(row.ingested.replace(['-', 'T', ':'], ""));
    let first_doc = row.doc_ids.first().map(|d| format!("annals:{d}"));
    f.push(row.urls.first().cloned().or(first_doc).unwrap_or_default());
    let clean: Vec<String> = f
        .into_iter()
        .map(|c| c.replace(['\t', '\n'], " "))
        .collect();
    out.write_all(clean.join("\t").as_bytes())?;
    Ok(())
}

/// GDELT's ActionGeo_Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID:
/// the event's place (type 1 a state, 2 a US state, 3 a US city, 4 another city or a landmark,
/// 5 another first-level subdivision; codes of states in FIPS 10-4, as GDELT writes them; the
/// feature is the GeoNames id, or a state's FIPS code). A place named but not found in the
/// gazetteer has type 0 and its name only.
fn action_geo(row: &Row) -> [String; 8] {
    let Some(name) = row.maybe("place_name") else {
        let named = row.text("location");
        let kind = if named.is_empty() { "" } else { "0" };
        return [kind, named, "", "", "", "", "", ""].map(str::to_string);
    };
    let iso3 = row.text("place_country");
    let fips = crate::places::fips(iso3).unwrap_or_default();
    let country = crate::actors::side_name(iso3).unwrap_or(iso3);
    let is_state = row.text("place_type") == "country";
    let full = if is_state || country.is_empty() {
        name.to_string()
    } else {
        format!("{name}, {country}")
    };
    let adm1 = match row.maybe("place_adm1") {
        Some(a) if !fips.is_empty() => format!("{fips}{a}"),
        _ => fips.to_string(),
    };
    let number = |name: &str| {
        row.maybe_real(name)
            .map(|v| v.to_string())
            .unwrap_or_default()
    };
    let feature = match row.maybe_int("place_geonames_id") {
        Some(id) if !is_state => id.to_string(),
        _ => fips.to_string(),
    };
    let us = iso3 == "USA";
    let kind = match row.text("place_type") {
        "country" => "1",
        "adm1" if us => "2",
        "adm1" => "5",
        _ if us => "3",
        _ => "4",
    };
    [
        kind.to_string(),
        full,
        fips.to_string(),
        adm1,
        String::new(),
        number("place_lat"),
        number("place_lon"),
        feature,
    ]
}

/// Code, name, country, known group, ethnic, religion 1-2, type 1-3 of the row's `source` or
/// `target`: 10 GDELT actor columns.
fn gdelt_actor(row: &Row, which: &str) -> [String; 10] {
    let code = row.text(&format!("{which}_code"));
    let text = row.text(&format!("{which}_text"));
    let side = row.text(&format!("{which}_side"));
    let (state, group) = if crate::actors::is_state(side) {
        (side, "")
    } else {
        ("", side)
    };
    let role = sector(Some(side), code).unwrap_or_default();
    [
        code.to_string(),
        text.to_uppercase(),
        state.to_string(),
        group.to_string(),
        String::new(),
        String::new(),
        String::new(),
        role.to_string(),
        String::new(),
        String::new(),
    ]
}

/// GDELT's FractionDate: the year plus the share of it gone by, `1945.5836`.
fn fraction_date(day: &str) -> String {
    use chrono::Datelike;
    match crate::time::iso_day(day) {
        Some(d) => format!("{:.4}", d.year() as f64 + f64::from(d.ordinal()) / 365.0),
        None => String::new(),
    }
}

/// Where `annals export` writes: a new file, or standard output (not for Parquet on a
/// terminal).
fn output(path: Option<&std::path::Path>, format: Format) -> Result<Box<dyn Write + Send>> {
    use std::io::IsTerminal;
    match path {
        Some(p) => {
            let file =
                std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?;
            Ok(Box::new(std::io::BufWriter::new(file)))
        }
        None if format == Format::Parquet && std::io::stdout().is_terminal() => {
            anyhow::bail!("Parquet is binary: give --out FILE or redirect the output")
        }
        None => Ok(Box::new(std::io::BufWriter::new(std::io::stdout()))),
    }
}
