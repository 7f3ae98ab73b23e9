//! The gazetteer of data/places, embedded and read once: every name (lowercase) to the places
//! it names.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::document::PlaceKind;
use crate::knowledge;

const COUNTRIES: &str = include_str!("../../data/places/countries.tsv");
const CITIES: &str = include_str!("../../data/places/cities.tsv");
const LANDMARKS: &str = include_str!("../../data/places/landmarks.tsv");
const ADM1: &str = include_str!("../../data/places/adm1.tsv");

pub struct Entry {
    pub name: &'static str,
    pub kind: PlaceKind,
    pub country: Option<String>,
    pub adm1: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub geonames_id: Option<u64>,
    pub capital: bool,
    pub population: u64,
    /// A state's FIPS 10-4 code (`RS`), which GDELT's geography columns use.
    pub fips: Option<&'static str>,
}

impl Entry {
    /// A place of `file` by its name, kind, state and coordinates; nothing else known.
    fn at(
        file: &str,
        name: &'static str,
        kind: PlaceKind,
        country: &str,
        (lat, lon): (&str, &str),
    ) -> Entry {
        Entry {
            name,
            kind,
            country: some(country),
            adm1: None,
            lat: number(file, lat),
            lon: number(file, lon),
            geonames_id: None,
            capital: false,
            population: 0,
            fips: None,
        }
    }
}

impl PlaceKind {
    /// Which kind a name means first when it names several: "Mexico" is the state before the
    /// capital (one of whose names it is), "Gaza" the strip before the city. A city and a
    /// province share a rank: which state the article speaks of decides between them first
    /// ("Victoria" in Australia is the state, in Canada the city).
    pub fn rank(self) -> u8 {
        match self {
            PlaceKind::Country => 2,
            PlaceKind::Landmark => 1,
            PlaceKind::City | PlaceKind::Adm1 => 0,
        }
    }
}

pub struct Gazetteer {
    entries: Vec<Entry>,
    by_name: FxHashMap<String, Vec<u32>>,
    by_country: FxHashMap<&'static str, u32>,
}

pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(Gazetteer::load)
}

fn number<T: std::str::FromStr>(file: &str, field: &str) -> T {
    field
        .parse()
        .unwrap_or_else(|_| panic!("data/places/{file}: {field:?} is not a number"))
}

fn some(field: &str) -> Option<String> {
    (!field.is_empty()).then(|| field.to_string())
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let mut g = Gazetteer {
            entries: Vec::new(),
            by_name: FxHashMap::default(),
            by_country: FxHashMap::default(),
        };
        for r in knowledge::rows(COUNTRIES) {
            let file = "countries.tsv";
            g.by_country.insert(r[0], g.entries.len() as u32);
            let entry = Entry {
                geonames_id: Some(number(file, r[5])),
                population: number(file, r[6]),
                fips: (!r[8].is_empty()).then_some(r[8]),
                ..Entry::at(file, r[2], PlaceKind::Country, r[0], (r[3], r[4]))
            };
            g.add(&[r[2]], entry);
        }
        for r in knowledge::rows(LANDMARKS) {
            let names: Vec<&'static str> = r[0].split('|').collect();
            let entry = Entry::at(
                "landmarks.tsv",
                names[0],
                PlaceKind::Landmark,
                r[2],
                (r[3], r[4]),
            );
            g.add(&names, entry);
        }
        for r in knowledge::rows(ADM1) {
            let file = "adm1.tsv";
            let names: Vec<&'static str> = r[1].split('|').collect();
            let entry = Entry {
                adm1: some(r[3]),
                geonames_id: Some(number(file, r[0])),
                population: number(file, r[7]),
                ..Entry::at(file, names[0], PlaceKind::Adm1, r[2], (r[5], r[6]))
            };
            g.add(&names, entry);
        }
        for r in knowledge::rows(CITIES) {
            let file = "cities.tsv";
            let names: Vec<&'static str> = r[1].split('|').collect();
            let entry = Entry {
                adm1: some(r[3]),
                geonames_id: Some(number(file, r[0])),
                capital: r[7] == "1",
                population: number(file, r[6]),
                ..Entry::at(file, names[0], PlaceKind::City, r[2], (r[4], r[5]))
            };
            g.add(&names, entry);
        }
        g
    }

    fn add(&mut self, names: &[&str], entry: Entry) {
        let i = self.entries.len() as u32;
        self.entries.push(entry);
        for name in names {
            let list = self.by_name.entry(key(name)).or_default();
            if !list.contains(&i) {
                list.push(i);
            }
        }
    }

    /// Every place `name` names ("the" before it or not, any case).
    pub fn find(&self, name: &str) -> Vec<&Entry> {
        self.by_name
            .get(&key(name))
            .map(|list| list.iter().map(|&i| &self.entries[i as usize]).collect())
            .unwrap_or_default()
    }

    /// A state's entry by its code (`JPN`).
    pub fn country(&self, code: &str) -> Option<&Entry> {
        self.by_country
            .get(code)
            .map(|&i| &self.entries[i as usize])
    }
}

/// Names are found in any case, with curly apostrophes as straight ones, "the" before them or
/// not.
pub fn key(name: &str) -> String {
    let name = name.trim();
    let name = name
        .strip_prefix("the ")
        .or_else(|| name.strip_prefix("The "))
        .unwrap_or(name);
    name.to_lowercase().replace('\u{2019}', "'")
}
