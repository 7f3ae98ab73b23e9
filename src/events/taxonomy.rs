//! The CAMEO code table (data/events/cameo.tsv): names, Goldstein scores, QuadClass and the
//! PLOVER mapping of every code.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::knowledge;

const CAMEO: &str = include_str!("../../data/events/cameo.tsv");
const CLASSES: &str = include_str!("../../data/events/code_classes.tsv");
const DERIVED: &str = include_str!("../../data/events/derived.tsv");
const THREATS: &str = include_str!("../../data/events/threats.tsv");
const REFUSALS: &str = include_str!("../../data/events/refusals.tsv");
const INTENTS: &str = include_str!("../../data/events/intents.tsv");

#[derive(Debug, Clone)]
pub struct Code {
    pub code: &'static str,
    pub name: &'static str,
    pub goldstein: f64,
    pub quad: u8,
    pub plover: Option<(&'static str, &'static str, &'static str)>,
}

/// Every CAMEO code by its digits.
pub fn codes() -> &'static FxHashMap<&'static str, Code> {
    static CODES: OnceLock<FxHashMap<&'static str, Code>> = OnceLock::new();
    CODES.get_or_init(|| {
        knowledge::rows(CAMEO)
            .map(|r| {
                let number = |f: &str| {
                    f.parse()
                        .unwrap_or_else(|_| panic!("data/events/cameo.tsv: {:?} for {}", f, r[0]))
                };
                let code = Code {
                    code: r[0],
                    name: r[1],
                    goldstein: number(r[2]),
                    quad: number(r[3]) as u8,
                    plover: (!r[4].is_empty()).then_some((r[4], r[5], r[6])),
                };
                (r[0], code)
            })
            .collect()
    })
}

/// The roots of the code table (two digits), in order.
pub fn roots() -> Vec<&'static Code> {
    let mut roots: Vec<&Code> = codes().values().filter(|c| c.code.len() == 2).collect();
    roots.sort_unstable_by_key(|c| c.code);
    roots
}

/// The code for these digits; panics on a code the table lacks (patterns are checked at load).
pub fn code(digits: &str) -> &'static Code {
    codes()
        .get(digits)
        .unwrap_or_else(|| panic!("unknown CAMEO code {digits:?}"))
}

/// The code or role an event rule gives on its own (data/events/derived.tsv): `threat` is 130.
pub fn derived(rule: &str) -> &'static str {
    static DERIVED_BY_RULE: OnceLock<FxHashMap<&'static str, &'static str>> = OnceLock::new();
    let table =
        DERIVED_BY_RULE.get_or_init(|| knowledge::rows(DERIVED).map(|r| (r[0], r[1])).collect());
    table
        .get(rule)
        .copied()
        .unwrap_or_else(|| panic!("data/events/derived.tsv: no rule {rule:?}"))
}

/// Whether `value` is one of the values (`a|b|c`) a rule of data/events/derived.tsv lists: a
/// role among the `challengers`, the `people`.
pub fn derived_lists(rule: &str, value: &str) -> bool {
    derived(rule).split('|').any(|v| v == value)
}

/// The code of a threat to do act `cameo` (data/events/threats.tsv): that of the longest listed
/// prefix of the act's code, else the generic threat.
pub fn threat_of(cameo: &str) -> &'static str {
    static THREAT_BY_ACT: OnceLock<ByPrefix> = OnceLock::new();
    THREAT_BY_ACT
        .get_or_init(|| ByPrefix::new(THREATS))
        .get(cameo)
        .unwrap_or_else(|| derived("generic-threat"))
}

/// The code of a refusal to do act `cameo` (data/events/refusals.tsv): that of the longest
/// listed prefix of the act's code; `None` for an act whose refusal is no rejection.
pub fn refusal_of(cameo: &str) -> Option<&'static str> {
    static REFUSAL_BY_ACT: OnceLock<ByPrefix> = OnceLock::new();
    REFUSAL_BY_ACT
        .get_or_init(|| ByPrefix::new(REFUSALS))
        .get(cameo)
}

/// The code of an intention to do act `cameo` (data/events/intents.tsv): that of the longest
/// listed prefix of the act's code; `None` for an act whose intention has no code of its own.
pub fn intent_of(cameo: &str) -> Option<&'static str> {
    static INTENT_BY_ACT: OnceLock<ByPrefix> = OnceLock::new();
    INTENT_BY_ACT
        .get_or_init(|| ByPrefix::new(INTENTS))
        .get(cameo)
}

/// A table of codes by the prefix of another code, read from rows of (prefix, code).
struct ByPrefix(FxHashMap<&'static str, &'static str>);

impl ByPrefix {
    fn new(file: &'static str) -> ByPrefix {
        ByPrefix(knowledge::rows(file).map(|r| (r[0], r[1])).collect())
    }

    /// The code of the longest listed prefix of `cameo`.
    fn get(&self, cameo: &str) -> Option<&'static str> {
        (1..=cameo.len())
            .rev()
            .find_map(|n| self.0.get(&cameo[..n]).copied())
    }
}

/// The classes of CAMEO codes of data/events/code_classes.tsv, where the rules that read them
/// are described. A class is named in code by this type, so a misspelt one does not compile;
/// a class the file lacks, or a name in it that is no class, stops the program at first use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CodeClass {
    Aimed,
    AtGovernment,
    Blamed,
    Complaint,
    Detention,
    EitherWay,
    Examining,
    Fighting,
    FromTarget,
    GameWords,
    Intention,
    Mediation,
    Meeting,
    MilitaryForce,
    Mutual,
    NoTarget,
    OwnState,
    PlaceTarget,
    Rejecting,
    ReleaseDemand,
    Rioting,
    TerritoryTarget,
    Together,
    Undoing,
    Venue,
    Visit,
    Wanting,
}

impl CodeClass {
    const ALL: [CodeClass; 27] = [
        CodeClass::Aimed,
        CodeClass::AtGovernment,
        CodeClass::Blamed,
        CodeClass::Complaint,
        CodeClass::Detention,
        CodeClass::EitherWay,
        CodeClass::Examining,
        CodeClass::Fighting,
        CodeClass::FromTarget,
        CodeClass::GameWords,
        CodeClass::Intention,
        CodeClass::Mediation,
        CodeClass::Meeting,
        CodeClass::MilitaryForce,
        CodeClass::Mutual,
        CodeClass::NoTarget,
        CodeClass::OwnState,
        CodeClass::PlaceTarget,
        CodeClass::Rejecting,
        CodeClass::ReleaseDemand,
        CodeClass::Rioting,
        CodeClass::TerritoryTarget,
        CodeClass::Together,
        CodeClass::Undoing,
        CodeClass::Venue,
        CodeClass::Visit,
        CodeClass::Wanting,
    ];

    /// The class's name in the data files.
    pub fn name(self) -> &'static str {
        match self {
            CodeClass::Aimed => "aimed",
            CodeClass::AtGovernment => "at-government",
            CodeClass::Blamed => "blamed",
            CodeClass::Complaint => "complaint",
            CodeClass::Detention => "detention",
            CodeClass::EitherWay => "either-way",
            CodeClass::Examining => "examining",
            CodeClass::Fighting => "fighting",
            CodeClass::FromTarget => "from-target",
            CodeClass::GameWords => "game-words",
            CodeClass::Intention => "intention",
            CodeClass::Mediation => "mediation",
            CodeClass::Meeting => "meeting",
            CodeClass::MilitaryForce => "military-force",
            CodeClass::Mutual => "mutual",
            CodeClass::NoTarget => "no-target",
            CodeClass::OwnState => "own-state",
            CodeClass::PlaceTarget => "place-target",
            CodeClass::Rejecting => "rejecting",
            CodeClass::ReleaseDemand => "release-demand",
            CodeClass::Rioting => "rioting",
            CodeClass::TerritoryTarget => "territory-target",
            CodeClass::Together => "together",
            CodeClass::Undoing => "undoing",
            CodeClass::Venue => "venue",
            CodeClass::Visit => "visit",
            CodeClass::Wanting => "wanting",
        }
    }

    /// The class a data file names.
    pub fn named(name: &str) -> Option<CodeClass> {
        CodeClass::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// Whether a code is in a class of data/events/code_classes.tsv: it starts with one of the
/// class's prefixes.
pub fn in_class(cameo: &str, class: CodeClass) -> bool {
    static PREFIXES: OnceLock<FxHashMap<CodeClass, Vec<&'static str>>> = OnceLock::new();
    let classes = PREFIXES.get_or_init(|| {
        let read: FxHashMap<CodeClass, Vec<&str>> = knowledge::rows(CLASSES)
            .map(|r| {
                let class = CodeClass::named(r[0]).unwrap_or_else(|| {
                    panic!("data/events/code_classes.tsv: {:?} is no class", r[0])
                });
                (class, r[1].split('|').collect())
            })
            .collect();
        for c in CodeClass::ALL {
            assert!(
                read.contains_key(&c),
                "data/events/code_classes.tsv: no class {:?}",
                c.name()
            );
        }
        read
    });
    classes[&class].iter().any(|p| cameo.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_whole_and_consistent() {
        let c = codes();
        assert!(c.len() >= 300, "{} codes", c.len());
        for root in 1..=20 {
            assert!(
                c.contains_key(format!("{root:02}").as_str()),
                "root {root:02}"
            );
        }
        for (digits, entry) in c {
            let root = code(&digits[..2]);
            assert_eq!(
                entry.quad, root.quad,
                "{digits}: QuadClass differs from its root"
            );
            assert!((-10.0..=10.0).contains(&entry.goldstein));
        }
        assert_eq!(code("106").name, "Demand withdrawal");
        assert_eq!(code("192").plover.unwrap().0, "COERCE");
    }

    #[test]
    fn every_code_class_is_in_the_file_and_every_name_there_a_class() {
        for c in CodeClass::ALL {
            assert_eq!(CodeClass::named(c.name()), Some(c));
        }
        // Loading the file checks both ways.
        assert!(in_class("036", CodeClass::Mutual));
        assert!(!in_class("190", CodeClass::Mutual));
        assert_eq!(CodeClass::named("mutal"), None);
    }

    #[test]
    fn every_derived_code_is_a_code() {
        for rule in [
            "military-force",
            "asked-to-meet",
            "street-protest",
            "riot",
            "accusation",
            "claim",
            "generic-threat",
        ] {
            assert!(codes().contains_key(derived(rule)), "{rule}");
        }
        assert_eq!(derived("armed-forces"), "MIL");
    }

    /// Every row of a table of acts (`file`) is an act's code and a code of `root`; with
    /// `cooperative`, the act is one of cooperation (quad class 1 or 2).
    fn check_acts(file: &str, root: &str, cooperative: bool) {
        for r in knowledge::rows(file) {
            assert!(codes().contains_key(r[0]), "{}: not a code", r[0]);
            assert!(
                !cooperative || code(r[0]).quad <= 2,
                "{}: not cooperation",
                r[0]
            );
            let ok = r[1].starts_with(root) && codes().contains_key(r[1]);
            assert!(ok, "{}: not a code of root {root}", r[1]);
        }
    }

    #[test]
    fn every_threat_is_a_code_of_root_13_for_an_act_code() {
        check_acts(THREATS, "13", false);
        assert_eq!(threat_of("1912"), "1381");
        assert_eq!(threat_of("163"), "1312");
        assert_eq!(threat_of("1124"), "130");
    }

    #[test]
    fn every_intention_is_a_code_of_root_03_for_a_cooperative_act() {
        check_acts(INTENTS, "03", true);
        assert_eq!(intent_of("0841"), Some("0353"));
        assert_eq!(intent_of("071"), Some("0331"));
        assert_eq!(intent_of("111"), None);
    }

    #[test]
    fn every_refusal_is_a_code_of_root_12_for_a_cooperative_act() {
        check_acts(REFUSALS, "12", true);
        assert_eq!(refusal_of("0841"), Some("1243"));
        assert_eq!(refusal_of("0813"), Some("1241"));
        assert_eq!(refusal_of("011"), None);
    }
}
