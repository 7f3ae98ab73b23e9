//! Checks the terms of office against CountryInfo (`../shared/data/eventdata/countryinfo/`,
//! leaders up to about 2011): a reference to check the base against, never copied into it.
//! Reports terms whose start no CountryInfo term of the same person and state is near, and
//! heads of state and government since 1990 that CountryInfo has and the base lacks.

use chrono::NaiveDate;

use super::coverage::CHECKED;
use super::kb::kb;

/// How far apart two starts of the same term may be (acting periods, sources that differ).
const SLACK_DAYS: i64 = 45;

/// CountryInfo's coverage ends about here; later terms are not checked.
const UNTIL: (i32, u32, u32) = (2010, 12, 31);

/// One term of a leader in CountryInfo.
#[derive(Debug)]
struct Leader {
    country: String,
    /// Every spelling CountryInfo gives ("{DMITRY MEDVEDEV }{DMITRIY MEDVEDEV }").
    names: Vec<String>,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
}

/// The disagreements between the base and a CountryInfo file, one line each.
pub fn against_countryinfo(text: &str) -> Vec<String> {
    let leaders = leaders(text);
    let until = NaiveDate::from_ymd_opt(UNTIL.0, UNTIL.1, UNTIL.2).expect("a date");
    let from = NaiveDate::from_ymd_opt(1990, 1, 1).expect("a date");
    let kb = kb();
    let mut out = Vec::new();
    for p in &kb.people {
        let keys: Vec<String> = std::iter::once(p.name)
            .chain(p.also.iter().copied())
            .map(fold)
            .collect();
        for t in p
            .terms
            .iter()
            .filter(|t| t.start <= until && t.start >= from)
        {
            let kind = kb.offices[t.office].kind;
            if kind != "head-of-state" && kind != "head-of-government" {
                continue;
            }
            let theirs: Vec<&Leader> = leaders
                .iter()
                .filter(|l| l.country == t.country && l.names.iter().any(|n| keys.contains(n)))
                .collect();
            if theirs.is_empty() {
                continue; // a spelling CountryInfo does not share: nothing to compare
            }
            let near = theirs.iter().any(|l| {
                l.start
                    .is_some_and(|s| (s - t.start).num_days().abs() <= SLACK_DAYS)
            });
            if !near {
                let starts: Vec<String> = theirs
                    .iter()
                    .map(|l| l.start.map_or("?".to_string(), |d| d.to_string()))
                    .collect();
                out.push(format!(
                    "{} {} {}: starts {} here, CountryInfo has {}",
                    t.country,
                    p.name,
                    kb.offices[t.office].id,
                    t.start,
                    starts.join(", ")
                ));
            }
        }
    }
    for l in &leaders {
        let recent = l.end.is_none_or(|e| e >= from) && l.start.is_some_and(|s| s <= until);
        let known = kb.people.iter().any(|p| {
            std::iter::once(p.name)
                .chain(p.also.iter().copied())
                .any(|n| l.names.contains(&fold(n)))
        });
        if recent && CHECKED.contains(&l.country.as_str()) && !known {
            out.push(format!(
                "{} {}: in CountryInfo ({}), not in the base",
                l.country,
                l.names.join(" / "),
                l.start.map_or("?".to_string(), |d| d.to_string())
            ));
        }
    }
    out
}

/// The leaders of every country's `<Leaders>` block.
fn leaders(text: &str) -> Vec<Leader> {
    let mut out = Vec::new();
    let mut country = String::new();
    let mut inside = false;
    for line in text.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("<CountryCode>") {
            country = rest.trim_end_matches("</CountryCode>").to_string();
        } else if line.starts_with("<Leaders>") {
            inside = true;
        } else if line.starts_with("</Leaders>") {
            inside = false;
        } else if inside && !line.starts_with('<') {
            out.extend(leader(&country, line));
        }
    }
    out
}

/// `KEIZO_OBUCHI_ [19980730 - 20000405]`, `AKIHITO_ [>19890107]`.
fn leader(country: &str, line: &str) -> Option<Leader> {
    let (name, _) = line.split_once('[')?;
    let rest = &line[name.len()..];
    let name = name.trim();
    let dates = rest.split('[').nth(1)?.split(']').next()?;
    let day =
        |s: &str| NaiveDate::parse_from_str(s.trim().trim_start_matches(['>', '<']), "%Y%m%d").ok();
    let (start, end) = match dates.split_once(" - ") {
        Some((a, b)) => (day(a), day(b)),
        None if dates.starts_with('>') => (day(dates), None),
        None => (None, day(dates)),
    };
    let names = name
        .split(['{', '}'])
        .map(|n| fold(&n.replace('_', " ")))
        .filter(|n| !n.is_empty())
        .collect();
    Some(Leader {
        country: country.to_string(),
        names,
        start,
        end,
    })
}

/// Upper case without accents or punctuation, one space between words: "Édouard Balladur" →
/// "EDOUARD BALLADUR", "K. R. Narayanan" → "K R NARAYANAN".
fn fold(name: &str) -> String {
    let ascii = deunicode::deunicode(name).to_uppercase();
    let words = ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty());
    words.collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_leader_lines() {
        let l = leader(
            "JPN",
            "KEIZO_OBUCHI_\t\t[19980730 - 20000405]  [B:19370101]",
        )
        .unwrap();
        assert_eq!(l.names, vec!["KEIZO OBUCHI"]);
        let m = leader("RUS", "{DMITRY_MEDVEDEV_}{DMITRIY_MEDVEDEV_} [>20080507]").unwrap();
        assert_eq!(m.names, vec!["DMITRY MEDVEDEV", "DMITRIY MEDVEDEV"]);
        assert_eq!(l.start, NaiveDate::from_ymd_opt(1998, 7, 30));
        let a = leader("JPN", "AKIHITO_ [>19890107]").unwrap();
        assert_eq!((a.start.is_some(), a.end), (true, None));
        assert_eq!(fold("Édouard Balladur"), "EDOUARD BALLADUR");
        assert_eq!(fold("K.R. Narayanan"), fold("K. R. Narayanan"));
    }
}
