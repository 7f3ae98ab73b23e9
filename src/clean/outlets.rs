//! The outlets table (`data/clean/outlets.tsv`): names, aliases, hosts, date order and
//! page fingerprints of news agencies and sites.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::knowledge;

#[derive(Debug)]
pub struct Outlet {
    pub name: &'static str,
    /// `dmy`, `mdy` or `ymd`; empty when unknown.
    pub date_order: &'static str,
}

struct Table {
    outlets: Vec<Outlet>,
    by_name: HashMap<String, usize>,
    by_host: HashMap<&'static str, usize>,
    fingerprints: AhoCorasick,
    fingerprint_owner: Vec<usize>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut t = Table {
        outlets: Vec::new(),
        by_name: HashMap::new(),
        by_host: HashMap::new(),
        fingerprints: AhoCorasick::new([""; 0]).expect("empty automaton"),
        fingerprint_owner: Vec::new(),
    };
    let mut prints = Vec::new();
    for row in knowledge::rows(include_str!("../../data/clean/outlets.tsv")) {
        let [name, _kind, aliases, hosts, order, fingerprints] = row[..] else {
            panic!("data/clean/outlets.tsv: a row needs 6 fields: {row:?}");
        };
        let i = t.outlets.len();
        t.outlets.push(Outlet {
            name,
            date_order: order,
        });
        for n in std::iter::once(name).chain(knowledge::list(aliases)) {
            t.by_name.insert(n.to_lowercase(), i);
        }
        for h in knowledge::list(hosts) {
            t.by_host.insert(h, i);
        }
        for p in knowledge::list(fingerprints) {
            prints.push(p);
            t.fingerprint_owner.push(i);
        }
    }
    t.fingerprints = AhoCorasick::new(&prints).expect("fingerprints compile");
    t
});

/// The outlet with this name or alias (any case).
pub fn by_name(name: &str) -> Option<&'static Outlet> {
    let t = &*TABLE;
    t.by_name
        .get(&name.trim().to_lowercase())
        .map(|&i| &t.outlets[i])
}

/// The table's name for an outlet written any way it knows ("AP" → "Associated Press"); an
/// outlet it does not know keeps the name as written.
pub fn canonical(name: &str) -> String {
    by_name(name).map_or_else(|| name.to_string(), |o| o.name.to_string())
}

/// The outlet serving this host, trying the host and then each parent domain
/// (`uk.investing.com`, then `investing.com`).
pub fn by_host(host: &str) -> Option<&'static Outlet> {
    let t = &*TABLE;
    let host = host.trim_start_matches("www.");
    let mut rest = host;
    loop {
        if let Some(&i) = t.by_host.get(rest) {
            return Some(&t.outlets[i]);
        }
        rest = rest.split_once('.')?.1;
        if !rest.contains('.') {
            return None;
        }
    }
}

/// The site whose fingerprint the page text carries.
pub fn by_fingerprint(text: &str) -> Option<&'static Outlet> {
    let t = &*TABLE;
    let m = t.fingerprints.find(text)?;
    Some(&t.outlets[t.fingerprint_owner[m.pattern().as_usize()]])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_hosts_and_fingerprints() {
        assert_eq!(by_name("REUTERS").unwrap().name, "Reuters");
        assert_eq!(canonical("AP"), "Associated Press");
        assert_eq!(canonical("Some Blog"), "Some Blog");
        assert_eq!(by_host("www.nguoiduatin.vn").unwrap().name, "Người Đưa Tin");
        assert_eq!(by_host("uk.investing.com").unwrap().name, "Investing.com");
        assert!(by_host("example.com").is_none());
        let site = by_fingerprint("(c) Fusion Media Limited").unwrap();
        assert_eq!(site.name, "Investing.com");
    }
}
