//! Cleaning a page of plain text: every line becomes title, metadata, body or boilerplate, and
//! the page's metadata (title, outlet, site, authors, dateline, date lines) is read off it.
//!
//! Invariant: this stage reads only the text of one document (and, when asked, the keys of
//! lines repeated across its site); it never dates, codes actors or finds events.

mod lines;
mod meta;
mod outlets;
mod phrases;

pub use lines::is_stopword;

use chrono::NaiveDate;
use rustc_hash::FxHashSet;

use crate::document::{Document, Paragraph, Removed};
use crate::time::stated::{self, DateMatch};
use lines::{Label, Line, LineContext};

/// What cleaning needs beyond the document itself.
#[derive(Debug, Default, Clone, Copy)]
pub struct Context<'a> {
    /// Keys (see [`line_keys`]) of lines that recur across documents of the same site.
    pub repeated: Option<&'a FxHashSet<u64>>,
    /// The text is the main content an HTML extractor kept, not a whole page: every text line
    /// between the first and the last is body unless it is boilerplate or metadata.
    pub extracted: bool,
}

/// A line that carries a date, for the time stage to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateLine {
    pub line: usize,
    pub text: String,
    pub updated: bool,
    /// Where the date stands: `date-line` (a line of its own), `update-line`, `date-prefix`
    /// (glued before the first text line), `dateline` (a wire's, before the story).
    pub rule: &'static str,
    /// The first date printed on the line.
    pub found: DateMatch,
}

/// A month and a day printed without a year: a wire's dateline ("WASHINGTON, July 15 (Yonhap)").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayOfYear {
    pub month: u32,
    pub day: u32,
    pub text: String,
}

/// What cleaning found for the time stage: the page's date lines and how its site writes dates.
#[derive(Debug, Default)]
pub struct PageDates {
    pub lines: Vec<DateLine>,
    /// `dmy`, `mdy` or `ymd`, from the site, the outlet or the URL's country domain.
    pub order: Option<String>,
    /// The day a dateline gives without its year, when no line gives a whole date.
    pub day_of_year: Option<DayOfYear>,
    /// Dates printed in photo captions, and their lines: a page is not older than its pictures.
    pub captions: Vec<(NaiveDate, String)>,
    /// Dates of posts the page embeds, and their signature lines ("— Jane Doe (@janedoe)
    /// November 1, 2019"): a page is not older than what it embeds.
    pub posts: Vec<(NaiveDate, String)>,
}

/// Splits a page into title, metadata, body and boilerplate, filling those fields of `doc`.
pub fn clean(text: &str, ctx: &Context, doc: &mut Document) -> PageDates {
    let mut texts: Vec<&str> = text.lines().map(trim).collect();
    let glued = glued_date(&mut texts);
    let (mut lines, stops): (Vec<Line>, Vec<f64>) = texts
        .iter()
        .enumerate()
        .map(|(i, t)| lines::features(i + 1, t))
        .unzip();
    let line_ctx = LineContext {
        english: lines::looks_english(&stops),
        repeated: ctx.repeated,
    };
    for (line, s) in lines.iter_mut().zip(&stops) {
        lines::classify(line, *s, &line_ctx);
    }
    if ctx.extracted {
        mark_given_title(&mut lines);
    } else {
        mark_title(&mut lines);
    }
    let body = if ctx.extracted {
        all_text(&lines)
    } else {
        main_run(&lines)
    };
    mark_after_body(&mut lines, &body);
    assemble(&lines, &body, doc);
    let mut dates = read_metadata(doc, text, &lines);
    if let Some(g) = glued {
        let at = doc.removed.partition_point(|r| r.line < g.line);
        // When the rest of the line is removed too (a title or a caption after the date), the
        // line's one record says so, with the whole line (the store keys records by line).
        if let Some(rest) = doc.removed.get_mut(at).filter(|r| r.line == g.line) {
            if !rest.text.starts_with(&g.text) {
                rest.text = format!("{} {}", g.text, rest.text);
            }
        } else {
            doc.removed.insert(
                at,
                Removed {
                    line: g.line,
                    text: g.text.clone(),
                    kind: "metadata".to_string(),
                    reason: "date".to_string(),
                },
            );
        }
        dates.lines.insert(0, g);
    }
    dates
}

/// A date glued before the first text line (` date 2020-06-17 The phone call took place…`): cut
/// off the line, which is then judged without it, and returned as a date line of its own.
fn glued_date(texts: &mut [&str]) -> Option<DateLine> {
    let first = texts.iter().position(|t| !t.is_empty())?;
    let line = texts[first];
    let (found, start) = meta::date_prefix(line)?;
    texts[first] = &line[start..];
    let text = line[..start].trim_end().to_string();
    let updated = lines::is_update(&text);
    Some(DateLine {
        line: first + 1,
        text,
        updated,
        rule: "date-prefix",
        found,
    })
}

/// The keys of a page's lines, for finding lines repeated across documents of one site.
pub fn line_keys(text: &str) -> FxHashSet<u64> {
    text.lines()
        .map(|l| phrases::line_key(trim(l)))
        .filter(|k| !k.is_empty())
        .map(|k| lines::key_hash(&k))
        .collect()
}

fn trim(line: &str) -> &str {
    line.trim_matches(|c: char| c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}'))
}

/// An extractor's text starts with the page's title line (empty when it has none).
fn mark_given_title(lines: &mut [Line]) {
    let Some(first) = lines.first().filter(|l| l.label != Label::Empty) else {
        return;
    };
    let key = first.key.clone();
    lines[0].label = Label::Title;
    for l in lines.iter_mut().skip(1) {
        if l.label != Label::Empty && l.key == key {
            l.label = Label::TitleRepeat;
        }
    }
}

/// The title is the first short line of three or more words before the first prose line;
/// every later line that repeats it is marked as a repeat.
fn mark_title(lines: &mut [Line]) {
    let first_prose = lines
        .iter()
        .position(|l| l.label == Label::Prose)
        .unwrap_or(lines.len());
    let Some(t) = lines[..first_prose]
        .iter()
        .position(|l| l.label == Label::Short && l.words >= 3)
    else {
        return;
    };
    lines[t].label = Label::Title;
    let key = lines[t].key.clone();
    for l in lines.iter_mut().skip(t + 1) {
        if l.label != Label::Empty && l.key == key {
            l.label = Label::TitleRepeat;
        }
    }
}

/// The lines `[start, end]` (indices) of the main run of prose: the stretch whose score is
/// highest, where prose scores its word count, short lines a small penalty (so headings inside
/// the article are kept) and boilerplate or metadata a smaller one (so an ad inside the article
/// does not cut it in two). Only text lines inside the run become body.
fn main_run(lines: &[Line]) -> Option<(usize, usize)> {
    let score = |l: &Line| -> i64 {
        match l.label {
            Label::Empty => 0,
            Label::Prose => l.words as i64,
            Label::Credit => 1,
            Label::Short => -3,
            _ => -2,
        }
    };
    let (mut best, mut best_span) = (0i64, None);
    let (mut sum, mut start) = (0i64, 0usize);
    for (i, l) in lines.iter().enumerate() {
        if sum <= 0 {
            sum = 0;
            start = i;
        }
        sum += score(l);
        if sum > best && l.label.is_text() {
            best = sum;
            best_span = Some((start, i));
        }
    }
    let (start, end) = best_span.or_else(|| all_text(lines))?;
    let start = (start..=end).find(|&i| lines[i].label.is_text())?;
    Some((start, end))
}

/// With no prose at all (a list, a one-line note), every text line is body.
fn all_text(lines: &[Line]) -> Option<(usize, usize)> {
    let first = lines.iter().position(|l| l.label.is_text())?;
    let last = lines.iter().rposition(|l| l.label.is_text())?;
    Some((first, last))
}

/// After the body: an editorial credit right after it is part of the article; a bare name right
/// after it (or after the credit) is a closing byline.
fn mark_after_body(lines: &mut [Line], body: &Option<(usize, usize)>) {
    let Some((_, end)) = *body else { return };
    for l in lines.iter_mut().skip(end + 1) {
        match l.label {
            Label::Empty | Label::Credit => continue,
            Label::Short if meta::closing_byline(l.text).is_some() => l.label = Label::Byline,
            _ => {}
        }
        break;
    }
}

fn in_body(i: usize, l: &Line, body: &Option<(usize, usize)>, lines: &[Line]) -> bool {
    let Some((start, end)) = *body else {
        return false;
    };
    let credit_after = l.label == Label::Credit
        && i > end
        && lines[end + 1..i]
            .iter()
            .all(|m| matches!(m.label, Label::Empty | Label::Credit));
    (l.label.is_text() && (start..=end).contains(&i)) || credit_after
}

fn assemble(lines: &[Line], body_run: &Option<(usize, usize)>, out: &mut Document) {
    let mut chars = 0usize;
    for (i, l) in lines.iter().enumerate() {
        if l.label == Label::Empty {
            continue;
        }
        if in_body(i, l, body_run, lines) {
            if !out.body.is_empty() {
                out.body.push_str("\n\n");
                chars += 2;
            }
            let len = l.text.chars().count();
            out.paragraphs.push(Paragraph {
                start: chars,
                end: chars + len,
                line: l.no,
            });
            out.body.push_str(l.text);
            chars += len;
            continue;
        }
        let (kind, reason) = removal(l.label);
        out.removed.push(Removed {
            line: l.no,
            text: l.text.to_string(),
            kind: kind.to_string(),
            reason: reason.to_string(),
        });
    }
}

fn removal(label: Label) -> (&'static str, &'static str) {
    match label {
        Label::Title => ("title", "title"),
        Label::TitleRepeat => ("title", "title-repeat"),
        Label::Date { updated: false } => ("metadata", "date"),
        Label::Date { updated: true } => ("metadata", "updated"),
        Label::Byline => ("metadata", "byline"),
        Label::Outlet => ("metadata", "outlet"),
        Label::Source => ("metadata", "source"),
        Label::Boilerplate(family) => ("boilerplate", family),
        Label::Credit | Label::Prose | Label::Short | Label::Empty => {
            ("boilerplate", "outside-body")
        }
    }
}

/// Reads title, authors, outlet, site, URL, dateline and date lines off the labelled lines.
fn read_metadata(out: &mut Document, text: &str, lines: &[Line]) -> PageDates {
    let mut dates = PageDates::default();
    let mut byline_outlet = None;
    let mut outlet_line = None;
    let mut glued_site = None;
    let mut credits = Vec::new();
    let mut closing = None;
    let mut source_site: Option<&outlets::Outlet> = None;
    let mut source_name = None;
    for l in lines {
        match l.label {
            Label::Title => out.title = Some(l.text.to_string()),
            Label::Byline => match meta::byline(l.text) {
                Some(b) if out.authors.is_empty() => {
                    out.authors = b.authors;
                    byline_outlet = b.outlet;
                }
                Some(_) => {}
                None => closing = closing.or_else(|| meta::closing_byline(l.text)),
            },
            Label::Credit if credits.is_empty() => {
                credits = meta::credit(l.text).unwrap_or_default()
            }
            Label::Outlet => outlet_line = outlet_line.or(outlets::by_name(l.text)),
            Label::Source => match meta::source_line(l.text) {
                Some(meta::SourceRef::Url(u)) => {
                    source_site = u.host_str().and_then(outlets::by_host);
                    out.url = Some(u.to_string());
                }
                Some(meta::SourceRef::Name(n)) => source_name = Some(n),
                None => {}
            },
            Label::Date { updated } => {
                let Some(found) = stated::find_dates(l.text).into_iter().next() else {
                    yearless_line(l, updated, &mut dates);
                    continue;
                };
                match meta::byline_before_date(&l.text[..found.start]) {
                    Some(b) if out.authors.is_empty() && !b.authors.is_empty() => {
                        out.authors = b.authors;
                        byline_outlet = byline_outlet.or(b.outlet);
                    }
                    Some(_) => {}
                    None => {
                        glued_site =
                            glued_site.or_else(|| meta::site_before_date(l.text, found.start))
                    }
                }
                dates.lines.push(DateLine {
                    line: l.no,
                    text: l.text.to_string(),
                    updated,
                    rule: if updated { "update-line" } else { "date-line" },
                    found,
                });
            }
            Label::Boilerplate("embedded-post") => {
                if let Some(found) = stated::find_dates(l.text).into_iter().next() {
                    dates
                        .posts
                        .push((found.readings[0].date, l.text.to_string()));
                }
            }
            Label::Boilerplate("caption") => {
                if let Some(found) = stated::find_dates(l.text).into_iter().next() {
                    let day = found.readings[0].date;
                    dates.captions.push((day, l.text.to_string()));
                }
            }
            _ => {}
        }
    }
    if out.authors.is_empty() {
        out.authors = if credits.is_empty() {
            closing.into_iter().collect()
        } else {
            credits
        };
    }
    let first_body_line = out
        .paragraphs
        .first()
        .and_then(|p| lines.iter().find(|l| l.no == p.line));
    let dateline = first_body_line.and_then(|l| meta::dateline(l.text));
    if let Some((d, l)) = dateline.as_ref().zip(first_body_line) {
        dateline_date(d, l, &mut dates);
    }
    let fingerprint = outlets::by_fingerprint(text);
    let glued = glued_site.map(|g| outlets::canonical(&g));
    out.site = fingerprint
        .map(|o| o.name.to_string())
        .or(glued)
        .or(source_site.map(|o| o.name.to_string()));
    out.outlet = dateline
        .as_ref()
        .and_then(|d| d.agency.clone())
        .or(outlet_line.map(|o| o.name.to_string()))
        .or(byline_outlet)
        .or(source_name.map(|n| outlets::canonical(&n)))
        .or(out.site.clone());
    out.dateline = dateline.map(|d| d.place);
    dates.order = date_order(out);
    dates
}

/// How many characters of a paragraph its wire dateline takes ("BRUSSELS (Reuters) - "), if it
/// opens with one: the place a story was filed from, not a place or an actor of its events.
pub fn dateline_chars(paragraph: &str) -> Option<usize> {
    meta::dateline(paragraph).map(|d| d.chars)
}

/// The date a dateline carries: a whole date is a date line; a month and a day, the day of the
/// year the time stage finds the year of.
fn dateline_date(d: &meta::Dateline, l: &Line, dates: &mut PageDates) {
    let Some(when) = d.when.as_deref() else {
        return;
    };
    if let Some(found) = stated::find_dates(when).into_iter().next() {
        dates.lines.push(DateLine {
            line: l.no,
            text: when.to_string(),
            updated: false,
            rule: "dateline",
            found,
        });
    } else if let Some((month, day)) = stated::month_day(when) {
        dates.day_of_year = Some(DayOfYear {
            month,
            day,
            text: when.to_string(),
        });
    }
}

/// A publication line with a month and a day and no year ("Posted Nov 18, 8:19 PM"): the day of
/// the year the time stage finds the year of, unless a line before gave one (a dateline read
/// later overrules it). An update line says only that the page is older.
fn yearless_line(l: &Line, updated: bool, dates: &mut PageDates) {
    if updated || dates.day_of_year.is_some() {
        return;
    }
    if let Some((month, day)) = meta::yearless_date_line(l.text) {
        dates.day_of_year = Some(DayOfYear {
            month,
            day,
            text: l.text.to_string(),
        });
    }
}

/// The date order of the site (it prints the page), else of the outlet, else of the URL's
/// country domain.
fn date_order(out: &Document) -> Option<String> {
    let known = |name: &Option<String>| {
        name.as_deref()
            .and_then(outlets::by_name)
            .map(|o| o.date_order)
            .filter(|o| !o.is_empty())
    };
    let by_host = || {
        let host = url::Url::parse(out.url.as_deref()?)
            .ok()?
            .host_str()?
            .to_string();
        crate::time::date_order_of_host(&host)
    };
    known(&out.site)
        .or_else(|| known(&out.outlet))
        .map(str::to_string)
        .or_else(by_host)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "\
Menu
Big Deal: Up to 50% off PremiumPlus SALE

Ministers meet as island talks stall

Published 05/06/2021, 09:15
Ministers meet as island talks stall

By Ann Lee

TOKYO (Reuters) - Japan's foreign minister met his Russian counterpart in Tokyo on Saturday, the ministry said in a statement.

Talks on a peace treaty

The two sides agreed to meet again next year, but neither side would give ground on the disputed islands.

(Reporting by Ann Lee; Editing by Bo Kim)

Advertisement
Comment (0)
Terms of Use | Privacy Policy
";

    #[test]
    fn a_page_is_split_into_title_metadata_body_and_boilerplate() {
        let mut c = Document::default();
        let dates = clean(PAGE, &Context::default(), &mut c);
        assert_eq!(
            c.title.as_deref(),
            Some("Ministers meet as island talks stall")
        );
        assert_eq!(c.authors, vec!["Ann Lee"]);
        assert_eq!(c.outlet.as_deref(), Some("Reuters"));
        assert_eq!(c.dateline.as_deref(), Some("Tokyo"));
        let body_lines: Vec<usize> = c.paragraphs.iter().map(|p| p.line).collect();
        assert_eq!(body_lines, vec![11, 13, 15, 17]);
        let reasons: Vec<(usize, &str)> = c
            .removed
            .iter()
            .map(|r| (r.line, r.reason.as_str()))
            .collect();
        assert_eq!(
            reasons,
            vec![
                (1, "navigation"),
                (2, "ad"),
                (4, "title"),
                (6, "date"),
                (7, "title-repeat"),
                (9, "byline"),
                (19, "ad"),
                (20, "comment"),
                (21, "disclaimer"),
            ]
        );
        assert_eq!(dates.lines.len(), 1);
    }

    #[test]
    fn paragraph_spans_are_character_offsets() {
        let mut c = Document::default();
        clean("Tiêu đề ngắn gọn ở đây\n\nMột đoạn văn rất dài có đủ từ để được coi là văn xuôi, và nó kết thúc bằng dấu chấm.\n", &Context::default(), &mut c);
        for p in &c.paragraphs {
            let text: String = c.body.chars().skip(p.start).take(p.end - p.start).collect();
            assert!(!text.is_empty() && !text.contains("\n\n"));
        }
        assert_eq!(c.paragraphs.last().unwrap().end, c.body.chars().count());
    }
}
