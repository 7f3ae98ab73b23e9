//! `annals redate-stream`: dates other outlets lend ([`super::corroborate`]) for a distributed
//! engine, in two passes over the documents `annals extract --jsonl-in` printed. `--roles`
//! tells, for each document, the anchors it gives and the keys it could be dated by; the engine
//! joins the loose documents' keys to the anchors of those keys; the second pass dates each
//! loose document again by its anchors. The rule stays here; the engine only joins.

use std::io::{BufRead, Write};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use super::corroborate::{self, Anchors};
use crate::document::Document;
use crate::pipeline;

/// A report that dates others, as the engine carries it.
#[derive(Serialize, Deserialize)]
struct Anchor {
    key: String,
    earliest: String,
    latest: String,
}

/// What a document is to the others: `{"id", "anchors": [...], "loose": [keys]}`.
#[derive(Serialize)]
struct Roles<'a> {
    id: &'a str,
    anchors: Vec<Anchor>,
    loose: Vec<&'a str>,
}

/// One loose document and the anchors of its keys.
#[derive(Deserialize)]
struct Loose {
    document: Document,
    anchors: Vec<Anchor>,
}

/// For each document line of `input`, its roles, when it has any (a failed record has none).
/// Returns how many lines were written.
pub fn roles(input: impl BufRead, out: &mut impl Write) -> Result<usize> {
    let mut written = 0;
    for (i, line) in input.lines().enumerate() {
        let line = line.context("reading standard input")?;
        let Some(doc) = super::stream::document(&line, i)? else {
            continue;
        };
        let anchors: Vec<Anchor> = corroborate::anchors_of(&doc)
            .into_iter()
            .map(|(key, d)| Anchor {
                key: key.to_string(),
                earliest: d.0.to_string(),
                latest: d.1.to_string(),
            })
            .collect();
        let loose = corroborate::loose_keys(&doc);
        if anchors.is_empty() && loose.is_empty() {
            continue;
        }
        let id = &doc.id;
        serde_json::to_writer(&mut *out, &Roles { id, anchors, loose })?;
        writeln!(out)?;
        written += 1;
    }
    out.flush()?;
    Ok(written)
}

/// For each `{"document", "anchors"}` line of `input`, the document dated again by its anchors,
/// or as it came when they do not narrow its date. Returns how many were dated again.
pub fn redate(input: impl BufRead, out: &mut impl Write) -> Result<usize> {
    let mut redated = 0;
    for record in super::stream::records::<Loose>(input, "a document with its anchors") {
        let (_, loose) = record?;
        let mut anchors = Anchors::default();
        for a in &loose.anchors {
            if let Some(days) = super::days(&a.earliest, &a.latest) {
                anchors.add(&a.key, days);
            }
        }
        // A bug met on one document leaves it as it came: the engine's task goes on.
        match crate::ingest::catch(|| pipeline::corroborated(&loose.document, &anchors)) {
            Ok(Some(doc)) => {
                serde_json::to_writer(&mut *out, &doc)?;
                redated += 1;
            }
            Ok(None) => serde_json::to_writer(&mut *out, &loose.document)?,
            Err(e) => {
                let id = &loose.document.id;
                eprintln!("annals: warning: document {id} not dated again: {e}");
                serde_json::to_writer(&mut *out, &loose.document)?;
            }
        }
        writeln!(out)?;
    }
    out.flush()?;
    Ok(redated)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::Context;
    use crate::ingest;
    use serde_json::Value;

    fn line(text: &str) -> String {
        let raw = ingest::decode("t.txt", text.as_bytes()).unwrap();
        serde_json::to_string(&pipeline::extract(&raw, &Context::default())).unwrap()
    }

    #[test]
    fn the_two_passes_date_a_loose_page_as_an_ingest_does() {
        let dated = line("Talks\n\nWednesday, 17 June 2020\n\nKenya's foreign minister spoke by telephone with her Tanzanian counterpart on Wednesday. Kenya recalled its ambassador to Tanzania.\n");
        let loose = line("Envoy recalled\n\nKenya's foreign minister yesterday spoke by telephone with her Tanzanian counterpart. Kenya yesterday recalled its ambassador to Tanzania.\n");
        let failed = r#"{"path":"x","id":null,"error":"not text"}"#;
        let input = format!("{dated}\n{loose}\n{failed}\n");
        let mut out = Vec::new();
        assert_eq!(roles(input.as_bytes(), &mut out).unwrap(), 2);
        let rows: Vec<Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let anchors = &rows[0]["anchors"];
        assert_eq!(anchors[0]["key"], "KEN|TZA|04|000");
        assert_eq!(rows[1]["loose"][0], "KEN|TZA|04|000");
        assert_eq!(rows[1]["loose"][1], "KEN|TZA|16|000");
        // The engine's join, done by hand.
        let joined = format!(r#"{{"document":{loose},"anchors":{anchors}}}"#);
        let mut out = Vec::new();
        assert_eq!(redate(joined.as_bytes(), &mut out).unwrap(), 1);
        let doc: Document = serde_json::from_slice(&out).unwrap();
        let p = doc.published.unwrap();
        assert_eq!(
            (p.earliest.as_str(), p.latest.as_str()),
            ("2020-06-18", "2020-06-18")
        );
        assert_eq!(p.evidence[0].rule, "corroborated");
    }
}
