//! `annals export`: the merged record, or every report of it, in the formats other tools read:
//! CSV, JSON lines, Parquet, a GDELT 2.0 event table and PLOVER JSON lines. Rows stream from
//! the store to the output, so an export of any size holds one merged event at a time (Parquet:
//! one row group). The columns are documented in docs/export.md.

use std::io::Write;

use anyhow::{Context, Result};
use rusqlite::Row as SqlRow;
use serde::Serialize;
use serde_json::json;

use super::query::{clauses, limit, Filter};
use super::Store;
use crate::events::taxonomy;

/// One exported event: a merged event (its first report giving the evidence), or one report.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Row {
    /// The merged event (`merged.n`); for a report, the report (`events.n`).
    pub id: i64,
    /// The merged event a report belongs to (its own id for a merged event).
    pub merged: i64,
    pub earliest: String,
    pub latest: String,
    /// States (else organizations) on each side.
    pub source: Option<String>,
    pub target: Option<String>,
    /// Actor codes (`RUSGOV`) and the words of the first report.
    pub source_code: String,
    pub source_text: String,
    pub target_code: String,
    pub target_text: String,
    pub cameo: String,
    pub root: String,
    pub name: String,
    pub goldstein: f64,
    pub quad_class: i64,
    pub plover_event: Option<String>,
    pub plover_mode: Option<String>,
    pub plover_context: Option<String>,
    pub historical: bool,
    pub planned: bool,
    pub hypothetical: bool,
    pub negated: bool,
    /// Reports of the event, the documents and the outlets they come from.
    pub reports: i64,
    pub documents: i64,
    pub doc_ids: Vec<String>,
    pub urls: Vec<String>,
    pub outlets: Vec<String>,
    /// Publication day of the first document.
    pub published: Option<String>,
    pub location: Option<String>,
    /// How the first report was dated, and from which words.
    pub date_basis: String,
    pub date_text: Option<String>,
    /// Evidence of the first report: sentence number, trigger span (characters of the body),
    /// trigger, sentence, pattern.
    pub sentence: i64,
    pub start: i64,
    pub end: i64,
    pub trigger: String,
    pub evidence: String,
    pub rule: String,
    pub confidence: f64,
    pub ingested: String,
    /// Who published the report's document, as a list names it ([`super::query::publisher`]);
    /// not a column of the exports, whose `outlets` and `urls` say it.
    #[serde(skip)]
    pub publisher: String,
}

/// The reports of a merged event, in the order given. `ingested` is stored after the body and
/// the packed document, so reading it walks their overflow pages: a listing that need not say
/// when each document was ingested passes `''`.
macro_rules! reports_sql {
    ($ingested:literal, $order:literal) => {
        concat!(
            "SELECT e.n, e.earliest, e.latest, e.source_side, e.target_side,
        e.source_code, e.source_text, e.target_code, e.target_text, e.cameo, e.historical,
        e.planned, e.hypothetical, e.negated, d.id, d.url, d.outlet, d.published, e.location,
        e.basis, e.date_text, e.sentence, e.start, e.end, e.trigger, e.evidence, e.rule,
        e.confidence, d.site, d.path, ",
            $ingested,
            " FROM merged_events x JOIN events e ON e.n = x.event JOIN documents d ON d.n = e.doc
    WHERE x.merged = ?1 ",
            $order
        )
    };
}

/// Every report, first published first.
const REPORTS: &str = reports_sql!("d.ingested", "ORDER BY d.published_earliest, e.n");
/// The first reports stored, read without sorting the others.
const FIRST_REPORTS: &str = reports_sql!("''", "ORDER BY x.event LIMIT ?2");

/// The columns of a merged event that [`merged_row`] reads.
const MERGED: &str =
    "m.n, m.earliest, m.latest, m.source_side, m.target_side, m.cameo, m.historical";

/// One report of merged event `merged`, as a row of its own.
fn report(r: &SqlRow, merged: i64) -> rusqlite::Result<Row> {
    let mut row = Row {
        id: r.get(0)?,
        merged,
        earliest: r.get(1)?,
        latest: r.get(2)?,
        source: r.get(3)?,
        target: r.get(4)?,
        source_code: r.get(5)?,
        source_text: r.get(6)?,
        target_code: r.get(7)?,
        target_text: r.get(8)?,
        historical: r.get(10)?,
        planned: r.get(11)?,
        hypothetical: r.get(12)?,
        negated: r.get(13)?,
        reports: 1,
        documents: 1,
        doc_ids: vec![r.get(14)?],
        urls: r.get::<_, Option<String>>(15)?.into_iter().collect(),
        outlets: r.get::<_, Option<String>>(16)?.into_iter().collect(),
        published: r.get(17)?,
        location: r.get(18)?,
        date_basis: r.get(19)?,
        date_text: r.get(20)?,
        sentence: r.get(21)?,
        start: r.get(22)?,
        end: r.get(23)?,
        trigger: r.get(24)?,
        evidence: r.get(25)?,
        rule: r.get(26)?,
        confidence: r.get(27)?,
        ingested: r.get(30)?,
        ..Row::default()
    };
    let (outlet, site, url) = (&row.outlets, r.get::<_, Option<String>>(28)?, &row.urls);
    row.publisher = super::query::publisher(
        outlet.first().map(String::as_str),
        site.as_deref(),
        url.first().map(String::as_str),
        &r.get::<_, String>(29)?,
        &row.doc_ids[0],
    );
    row.set_code(&r.get::<_, String>(9)?);
    Ok(row)
}

impl Row {
    /// The CAMEO code and what the code table says of it: root, name, Goldstein score,
    /// QuadClass, PLOVER category, mode and context.
    fn set_code(&mut self, cameo: &str) {
        let code = taxonomy::code(cameo);
        let part = |p: Option<&str>| p.filter(|s| !s.is_empty()).map(str::to_string);
        let plover = code.plover;
        self.plover_event = part(plover.map(|p| p.0));
        self.plover_mode = part(plover.map(|p| p.1));
        self.plover_context = part(plover.map(|p| p.2));
        self.cameo = code.code.to_string();
        self.root = code.code[..2].to_string();
        self.name = code.name.to_string();
        self.goldstein = code.goldstein;
        self.quad_class = i64::from(code.quad);
    }
}

/// The merged event as one row: its own days, code and counts, the documents of its reports,
/// and the evidence of its first report.
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
    row.earliest = m.get(1)?;
    row.latest = m.get(2)?;
    row.source = m.get(3)?;
    row.target = m.get(4)?;
    row.historical = m.get(6)?;
    row.set_code(&m.get::<_, String>(5)?);
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
            let mut st = self.conn().prepare_cached(REPORTS)?;
            let rows = st.query_map([merged], |r| report(r, merged))?;
            return Ok(rows.collect::<rusqlite::Result<_>>()?);
        };
        let mut st = self.conn().prepare_cached(FIRST_REPORTS)?;
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
    Real(f64),
    Bool(bool),
}

impl Row {
    /// Every column in order, with its name: what CSV and Parquet write.
    pub fn columns(&self) -> [(&'static str, Cell<'_>); 39] {
        use Cell::*;
        [
            ("id", Int(self.id)),
            ("merged", Int(self.merged)),
            ("earliest", Text(Some(&self.earliest))),
            ("latest", Text(Some(&self.latest))),
            ("source", Text(self.source.as_deref())),
            ("target", Text(self.target.as_deref())),
            ("source_code", Text(Some(&self.source_code))),
            ("source_text", Text(Some(&self.source_text))),
            ("target_code", Text(Some(&self.target_code))),
            ("target_text", Text(Some(&self.target_text))),
            ("cameo", Text(Some(&self.cameo))),
            ("root", Text(Some(&self.root))),
            ("name", Text(Some(&self.name))),
            ("goldstein", Real(self.goldstein)),
            ("quad_class", Int(self.quad_class)),
            ("plover_event", Text(self.plover_event.as_deref())),
            ("plover_mode", Text(self.plover_mode.as_deref())),
            ("plover_context", Text(self.plover_context.as_deref())),
            ("historical", Bool(self.historical)),
            ("planned", Bool(self.planned)),
            ("hypothetical", Bool(self.hypothetical)),
            ("negated", Bool(self.negated)),
            ("reports", Int(self.reports)),
            ("documents", Int(self.documents)),
            ("doc_ids", List(&self.doc_ids)),
            ("urls", List(&self.urls)),
            ("outlets", List(&self.outlets)),
            ("published", Text(self.published.as_deref())),
            ("location", Text(self.location.as_deref())),
            ("date_basis", Text(Some(&self.date_basis))),
            ("date_text", Text(self.date_text.as_deref())),
            ("sentence", Int(self.sentence)),
            ("start", Int(self.start)),
            ("end", Int(self.end)),
            ("trigger", Text(Some(&self.trigger))),
            ("evidence", Text(Some(&self.evidence))),
            ("rule", Text(Some(&self.rule))),
            ("confidence", Real(self.confidence)),
            ("ingested", Text(Some(&self.ingested))),
        ]
    }
}

impl Cell<'_> {
    /// The value as CSV and GDELT write it.
    fn text(&self) -> String {
        match self {
            Cell::Text(t) => t.unwrap_or_default().to_string(),
            Cell::List(l) => l.join(" "),
            Cell::Int(i) => i.to_string(),
            Cell::Real(r) => r.to_string(),
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
    let entity = |side: &Option<String>, code: &str, text: &str| {
        json!({
            "code": side,
            "sector": sector(side.as_deref(), code),
            "entity_text": text,
        })
    };
    let mut record = json!({
        "id": format!("annals-{}", row.id),
        "date": row.earliest,
        "actor": [entity(&row.source, &row.source_code, &row.source_text)],
        "recipient": [entity(&row.target, &row.target_code, &row.target_text)],
        "event": row.plover_event.iter().collect::<Vec<_>>(),
        "mode": row.plover_mode.iter().collect::<Vec<_>>(),
        "context": row.plover_context.iter().collect::<Vec<_>>(),
        "event_text": [row.trigger],
        "quad_code": row.quad_class,
        "text": row.evidence,
        "text_info": {"sequence": row.sentence, "start": row.start, "end": row.end},
        "cite_info": {
            "url": row.urls.first(),
            "publication": row.outlets.first(),
            "coder": concat!("annals ", env!("CARGO_PKG_VERSION")),
            "codebook": "CAMEO 1.1b3, PLOVER by CAMEO2PLOVER",
        },
        "coded_date": row.ingested.get(..10),
        "cameo": row.cameo,
        "goldstein": row.goldstein,
        "historical": row.historical,
        "documents": row.doc_ids,
        "rule": row.rule,
    });
    if row.latest != row.earliest {
        record["enddate"] = json!(row.latest);
    }
    if let Some(place) = &row.location {
        record["event_loc"] = json!({ "extracted_place": place });
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
    let day = row.earliest.replace('-', "");
    let mut f: Vec<String> = vec![
        row.id.to_string(),
        day.clone(),
        day.get(..6).unwrap_or_default().to_string(),
        day.get(..4).unwrap_or_default().to_string(),
        fraction_date(&row.earliest),
    ];
    f.extend(gdelt_actor(&row.source, &row.source_code, &row.source_text));
    f.extend(gdelt_actor(&row.target, &row.target_code, &row.target_text));
    let base = row.cameo.get(..3).unwrap_or(&row.cameo);
    f.extend([
        u8::from(row.sentence == 0).to_string(),
        row.cameo.clone(),
        base.to_string(),
        row.root.clone(),
        row.quad_class.to_string(),
        row.goldstein.to_string(),
        row.reports.to_string(),
        row.outlets.len().max(1).to_string(),
        row.documents.to_string(),
        String::new(),
    ]);
    // Actor1Geo_*, Actor2Geo_*: 8 columns each; ActionGeo_* with the place named, if any.
    f.extend(std::iter::repeat_n(String::new(), 16));
    let place = row.location.clone().unwrap_or_default();
    let action_type = if place.is_empty() { "" } else { "0" };
    f.extend([action_type.to_string(), place]);
    f.extend(std::iter::repeat_n(String::new(), 6));
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

/// Code, name, country, known group, ethnic, religion 1-2, type 1-3: 10 GDELT actor columns.
fn gdelt_actor(side: &Option<String>, code: &str, text: &str) -> [String; 10] {
    let side = side.as_deref().unwrap_or_default();
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
