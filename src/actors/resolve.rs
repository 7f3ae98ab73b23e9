//! Who a person is on the days a sentence speaks of: the office they held then, a former
//! official (ELI) after their last term, or what they are outside office before their first.

use super::kb::{kb, Person, Term};
use crate::document::Actor;

/// What the words around a name say of the person.
#[derive(Debug, Default, Clone, Copy)]
pub struct Hint {
    /// An office named by a title next to the name ("Prime Minister").
    pub office: Option<usize>,
    /// "former", "ex-".
    pub former: bool,
    /// The role the title words give ("Gen.": MIL), for someone outside any term of the base.
    pub role: Option<&'static str>,
}

/// The days a sentence speaks of, first and last.
pub use crate::time::Days;

/// Of person `k` and their namesakes (two men called Andris Berzins), the one `days` speak of.
pub fn namesake_on(k: usize, days: Option<Days>) -> usize {
    one_on(k, &kb().people[k].namesakes, days)
}

/// Of person `k` and `others` named alike, the one `days` speak of: the one in office then,
/// else the one whose last term before them ended last, else `k`.
pub fn one_on(k: usize, others: &[usize], days: Option<Days>) -> usize {
    let kb = kb();
    let Some((from, to)) = days.filter(|_| !others.is_empty()) else {
        return k;
    };
    let all = || std::iter::once(k).chain(others.iter().copied());
    let in_office = all().find(|&i| kb.people[i].terms.iter().any(|t| t.overlaps(from, to)));
    let former = || {
        all()
            .filter_map(|i| {
                let terms = &kb.people[i].terms;
                let end = terms.iter().filter_map(|t| t.end).filter(|&e| e < from);
                Some((end.max()?, i))
            })
            .max()
            .map(|(_, i)| i)
    };
    in_office.or_else(former).unwrap_or(k)
}

/// The actor a person is on `days` (unknown: the person's last term), and why.
pub fn person(p: &Person, days: Option<Days>, hint: Hint) -> (Actor, String) {
    let kb = kb();
    let named = |t: &&Term| Some(t.office) == hint.office;
    if hint.former {
        let term = p.terms.iter().rev().find(named).or(p.terms.last());
        let why = match term {
            Some(t) => format!("said to be former {}", kb.offices[t.office].id),
            None => "said to be a former official".to_string(),
        };
        return (actor(p, term, Some("ELI")), why);
    }
    let Some((from, to)) = days else {
        let term = p.terms.iter().rev().find(named).or(p.terms.last());
        return in_term(p, term, "no date: their last term");
    };
    let overlapping: Vec<&Term> = p.terms.iter().filter(|t| t.overlaps(from, to)).collect();
    if let Some(t) = overlapping.iter().copied().find(named) {
        return in_term(p, Some(t), "in office");
    }
    // Someone in two offices at once is named by the first in offices.tsv (its precedence).
    if let Some(t) = overlapping.iter().copied().min_by_key(|t| t.office) {
        return in_term(p, Some(t), "in office");
    }
    if let Some(t) = p
        .terms
        .iter()
        .rev()
        .find(|t| t.end.is_some_and(|e| e < from))
    {
        let why = format!(
            "former: {} ended {} before {from}",
            kb.offices[t.office].id,
            t.end.map_or_else(String::new, |e| e.to_string())
        );
        return (actor(p, Some(t), Some("ELI")), why);
    }
    // "Gen. Powell" in 1990: the title says what the base does not.
    let role = (!p.role.is_empty()).then_some(p.role).or(hint.role);
    let why = match p.terms.first() {
        Some(t) => format!("before their first term ({})", t.start),
        None => "no term of office in the base".to_string(),
    };
    (actor(p, None, role), why)
}

fn in_term(p: &Person, term: Option<&Term>, how: &str) -> (Actor, String) {
    let Some(t) = term else {
        let role = (!p.role.is_empty()).then_some(p.role);
        return (
            actor(p, None, role),
            "no term of office in the base".to_string(),
        );
    };
    let office = &kb().offices[t.office];
    let end = t.end.map_or_else(|| "now".to_string(), |e| e.to_string());
    let why = format!("{how}: {} {}..{end}", office.id, t.start);
    (actor(p, Some(t), Some(office.role)), why)
}

/// The actor of a person in or after `term`: a term of an organization (UN, EU) codes the
/// organization, else the state.
fn actor(p: &Person, term: Option<&Term>, role: Option<&str>) -> Actor {
    let kb = kb();
    let place = term.map_or(p.country, |t| t.country);
    let is_state = kb.state(place).is_some();
    let role = role.filter(|r| !r.is_empty());
    Actor {
        code: [place, role.unwrap_or("")].concat(),
        country: is_state.then(|| place.to_string()),
        org: (!is_state).then(|| place.to_string()),
        role: role.map(str::to_string),
        office: term.map(|t| kb.offices[t.office].id.to_string()),
        name: Some(p.name.to_string()),
        kb_id: Some(p.id.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn who(name: &str, day: &str, hint: Hint) -> Actor {
        let p = kb().people.iter().find(|p| p.name == name).unwrap();
        let d: chrono::NaiveDate = day.parse().unwrap();
        person(p, Some((d, d)), hint).0
    }

    #[test]
    fn the_role_follows_the_date() {
        let medvedev = |d| who("Dmitry Medvedev", d, Hint::default());
        assert_eq!(
            medvedev("2008-04-26").office.as_deref(),
            Some("president-elect")
        );
        assert_eq!(medvedev("2008-04-26").code, "RUSELI");
        assert_eq!(medvedev("2010-01-01").code, "RUSGOV");
        let abe = |d| who("Shinzo Abe", d, Hint::default());
        assert_eq!(abe("2019-01-11").code, "JPNGOV");
        assert_eq!(abe("2022-03-22").code, "JPNELI");
        assert_eq!(abe("2022-03-22").office.as_deref(), Some("prime-minister"));
    }

    #[test]
    fn former_in_the_text_wins_and_organizations_code_their_officials() {
        let former = Hint {
            former: true,
            ..Hint::default()
        };
        assert_eq!(who("Dmitry Medvedev", "2022-03-22", former).code, "RUSELI");
        let g = who("Antonio Guterres", "2022-03-22", Hint::default());
        assert_eq!((g.code.as_str(), g.org.as_deref()), ("UNOGOV", Some("UNO")));
    }

    #[test]
    fn a_title_codes_someone_before_their_first_term() {
        let general = Hint {
            role: Some("MIL"),
            ..Hint::default()
        };
        assert_eq!(who("Colin Powell", "1990-11-08", general).code, "USAMIL");
        assert_eq!(who("Colin Powell", "2003-02-05", general).code, "USAGOV");
    }

    #[test]
    fn people_outside_office_keep_their_own_role() {
        assert_eq!(
            who("Vasily Mikheev", "2008-04-26", Hint::default()).code,
            "RUSEDU"
        );
        assert_eq!(
            who("Georgy Zhukov", "1939-08-20", Hint::default()).code,
            "SUNMIL"
        );
    }
}
