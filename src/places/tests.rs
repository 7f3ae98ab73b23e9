use super::*;
use crate::clean::Context;
use crate::document::PlaceKind;
use crate::{ingest, pipeline};

fn places(text: &str) -> Vec<Option<Place>> {
    let text = format!("World news\n\n{text}");
    let raw = ingest::decode("case.txt", text.as_bytes()).expect("decodes");
    let doc = pipeline::extract(&raw, &Context::default());
    doc.events.into_iter().map(|e| e.place).collect()
}

fn one(text: &str) -> Place {
    let all = places(text);
    assert_eq!(all.len(), 1, "{text}: {all:?}");
    all[0].clone().expect("placed")
}

#[test]
fn a_meeting_is_placed_at_its_venue() {
    let p = one("March 22, 2022\n\nPeru and Chile held talks in Quito on Monday.");
    assert_eq!((p.name.as_str(), p.kind), ("Quito", PlaceKind::City));
    assert_eq!(p.country.as_deref(), Some("ECU"));
    assert!(km((p.lat, p.lon), (-0.22, -78.51)) < 20.0, "{p:?}");
    assert_eq!(p.basis, PlaceBasis::Clause);
}

#[test]
fn a_name_of_several_places_is_the_one_in_the_event_s_states() {
    // Two cities of 15,000 people or more are called Valencia: in Spain and in Venezuela.
    let p = one("March 22, 2022\n\nSpain and Portugal held talks in Valencia on Monday.");
    assert_eq!(p.country.as_deref(), Some("ESP"), "{p:?}");
    let p = one("March 22, 2022\n\nVenezuela and Colombia held talks in Valencia on Monday.");
    assert_eq!(p.country.as_deref(), Some("VEN"), "{p:?}");
}

#[test]
fn landmarks_and_states_are_places_too() {
    let p = one(
        "June 17, 2020\n\nChinese troops attacked Indian soldiers in the Galwan Valley on Monday.",
    );
    assert_eq!(
        (p.name.as_str(), p.kind),
        ("Galwan Valley", PlaceKind::Landmark)
    );
    let p = one("March 22, 2022\n\nPeru's president visited Chile on Monday for talks on trade, officials in Lima said.");
    assert_eq!((p.name.as_str(), p.kind), ("Chile", PlaceKind::Country));
}

#[test]
fn the_dateline_places_current_news_but_not_what_is_recalled() {
    let p = one("LIMA, March 21 (Reuters) - Peru accused Chile of spying on Monday.");
    assert_eq!((p.name.as_str(), p.basis), ("Lima", PlaceBasis::Dateline));
    let all = places(
        "March 22, 2022\n\nTOKYO, March 21 (Reuters) - In 1945, the Soviet Union seized islands from Japan.",
    );
    assert!(all.iter().all(Option::is_none), "{all:?}");
}

#[test]
fn the_gazetteer_holds_its_files() {
    let g = gazetteer();
    assert!(g.country("JPN").is_some());
    let moscow = g.find("Moscow");
    assert!(moscow
        .iter()
        .any(|e| e.country.as_deref() == Some("RUS") && e.capital));
    assert!(!g.find("the Kuril Islands").is_empty());
    assert!(g.find("Nowhere Land").is_empty());
    let texas = g.find("Texas");
    assert!(texas
        .iter()
        .any(|e| e.kind == PlaceKind::Adm1 && e.adm1.as_deref() == Some("TX")));
    // Subdivisions named by generic words alone are left out of the gazetteer.
    assert!(g.find("Southern District").is_empty());
}

#[test]
fn talks_of_the_same_sides_and_days_happened_at_the_article_s_venue() {
    let text = "March 22, 2022\n\nPeru and Chile held talks on Monday, officials said. \
        The agreement was signed by the presidents of Peru and Chile on Monday at the palace in Arica. \
        Bolivia criticized Chile on Monday.";
    let all = places(text);
    let at: Vec<(String, PlaceBasis)> = all
        .iter()
        .flatten()
        .map(|p| (p.name.clone(), p.basis))
        .collect();
    assert!(
        at.contains(&("Arica".to_string(), PlaceBasis::Clause)),
        "{all:?}"
    );
    assert!(
        at.contains(&("Arica".to_string(), PlaceBasis::Article)),
        "{all:?}"
    );
    // Another pair of sides is not placed by the venue.
    assert_eq!(at.len(), 2, "{all:?}");
}

#[test]
fn a_place_of_another_clause_is_not_the_event_s() {
    // The ship was in the East China Sea; the protest was not made there.
    let p = places("March 22, 2022\n\nJapan lodged a protest with China on Thursday after a Chinese survey ship was spotted in the East China Sea.");
    assert!(p.iter().all(Option::is_none), "{p:?}");
    // A visit's place may follow "to".
    let p = one("March 22, 2022\n\nThe deal was reached during a visit by Peru's president to Lima on Monday, where he met Chile's foreign minister.");
    assert_eq!(p.name, "Lima", "{p:?}");
}

#[test]
fn what_a_body_that_sits_in_one_place_does_happens_there() {
    // The Security Council sits in New York, in 2006 as today; a place in the clause wins.
    let p = one("July 16, 2006\n\nThe UN Security Council condemned North Korea on Saturday.");
    assert_eq!(
        (p.name.as_str(), p.basis),
        ("New York City", PlaceBasis::Seat),
        "{p:?}"
    );
    assert_eq!(p.country.as_deref(), Some("USA"));
    let p = one(
        "July 16, 2006\n\nThe UN Security Council condemned North Korea in Nairobi on Saturday.",
    );
    assert_eq!(
        (p.name.as_str(), p.basis),
        ("Nairobi", PlaceBasis::Clause),
        "{p:?}"
    );
    // What is done to it happens where the doer is.
    let all = places("July 16, 2006\n\nJapan urged the UN Security Council to act on Saturday.");
    assert!(
        all.iter()
            .all(|p| p.as_ref().is_none_or(|p| p.basis != PlaceBasis::Seat)),
        "{all:?}"
    );
}

#[test]
fn a_month_is_no_town() {
    // March is also a town in England.
    let all = places("March 22, 2022\n\nJapan protested to China in March, officials said.");
    assert_eq!(all.len(), 1, "{all:?}");
    assert!(all[0].is_none(), "{all:?}");
}

#[test]
fn the_united_nations_is_in_new_york() {
    // Met "at the U.N.": the UN is where they met, not a side.
    let p = one("March 22, 2022\n\nJapan and Peru held talks at the U.N. on Monday.");
    assert_eq!(p.country.as_deref(), Some("USA"), "{p:?}");
    assert!(km((p.lat, p.lon), (40.75, -73.97)) < 5.0, "{p:?}");
    // A wire's "UNITED NATIONS" dateline places its current events there too.
    let p =
        one("UNITED NATIONS (AP) — Japan urged China on Monday to release the detained sailors.");
    assert_eq!(
        (p.country.as_deref(), p.basis),
        (Some("USA"), PlaceBasis::Dateline),
        "{p:?}"
    );
}

#[test]
fn provinces_and_regions_are_places() {
    let p =
        one("May 2, 2023\n\nIraqi troops attacked Syrian militants in Anbar province on Monday.");
    assert_eq!(
        (p.kind, p.country.as_deref()),
        (PlaceKind::Adm1, Some("IRQ")),
        "{p:?}"
    );
    assert!(km((p.lat, p.lon), (33.4, 42.2)) < 150.0, "{p:?}");
    // Two first-level subdivisions are called Punjab: in India and in Pakistan.
    let p = one(
        "May 2, 2023\n\nIndian troops shelled villages in Pakistan's Punjab province on Monday.",
    );
    assert_eq!(
        (p.kind, p.country.as_deref()),
        (PlaceKind::Adm1, Some("PAK")),
        "{p:?}"
    );
    // A diacritic GeoNames writes and news does not.
    let p =
        one("May 2, 2023\n\nIndian police arrested Sri Lankan fishermen in Tamil Nadu on Monday.");
    assert_eq!(
        (p.kind, p.adm1.as_deref()),
        (PlaceKind::Adm1, Some("25")),
        "{p:?}"
    );
}

#[test]
fn a_city_is_the_city_unless_the_words_say_region() {
    let city =
        one("May 2, 2023\n\nRussian forces shelled Ukrainian positions in Donetsk on Monday.");
    assert_eq!(city.kind, PlaceKind::City, "{city:?}");
    let region =
        one("May 2, 2023\n\nRussian forces shelled Ukrainian positions in the Donetsk region on Monday.");
    assert_eq!(
        (region.kind, region.country.as_deref()),
        (PlaceKind::Adm1, Some("UKR"))
    );
}

#[test]
fn a_state_of_the_event_s_side_before_a_state_of_the_same_name() {
    let p = one("May 2, 2023\n\nAmerican police arrested Mexican migrants in Georgia on Monday.");
    assert_eq!(
        (p.kind, p.country.as_deref()),
        (PlaceKind::Adm1, Some("USA")),
        "{p:?}"
    );
    let p = one("May 2, 2023\n\nRussian troops attacked Georgian forces in Georgia on Monday.");
    assert_eq!(
        (p.kind, p.country.as_deref()),
        (PlaceKind::Country, Some("GEO")),
        "{p:?}"
    );
}

#[test]
fn words_that_name_a_part_of_any_state_are_no_place() {
    let all = places(
        "May 2, 2023\n\nTurkish police arrested Kurdish activists in Central Anatolia on Monday.",
    );
    assert_eq!(all.len(), 1, "{all:?}");
    assert!(all[0].is_none(), "{all:?}");
}

#[test]
fn a_part_of_a_place_is_at_the_place() {
    let p = one("May 2, 2023\n\nAfghan police arrested Pakistani militants on the outskirts of Kabul on Monday.");
    assert_eq!(
        (p.name.as_str(), p.kind),
        ("Kabul", PlaceKind::City),
        "{p:?}"
    );
    let p = one("May 2, 2023\n\nIn 1945, Soviet forces occupied islands at the southern end of the Kurile chain.");
    assert_eq!(p.kind, PlaceKind::Landmark, "{p:?}");
    // A border is two states' ("its buildup on the border of Saudi Arabia" is not in it).
    let all = places("May 2, 2023\n\nIraqi troops attacked Kuwaiti forces on the border of Saudi Arabia on Monday.");
    assert!(all.iter().all(Option::is_none), "{all:?}");
    // "on" is no preposition of place by itself: sanctions on a state are not placed there.
    let all = places("May 2, 2023\n\nJapan imposed sanctions on Russia on Monday.");
    assert!(all.iter().all(Option::is_none), "{all:?}");
}

#[test]
fn a_territory_referred_to_is_where_it_was_seized() {
    let all = places(
        "May 2, 2023\n\nJapan claims the Kuril Islands, officials said. In 1945, the Soviet Union seized the islands from Japan.",
    );
    let p = all.iter().flatten().next().expect("placed");
    assert_eq!(
        (p.name.as_str(), p.kind),
        ("Kuril Islands", PlaceKind::Landmark),
        "{all:?}"
    );
}

#[test]
fn a_place_s_own_name_before_another_s_old_name() {
    // "Philadelphia" is the American city; it is also an old name of Amman, a capital.
    let p = one("March 22, 2022\n\nJapan and Peru held talks in Philadelphia on Monday.");
    assert_eq!(p.country.as_deref(), Some("USA"), "{p:?}");
}

#[test]
fn a_place_after_another_verb_s_participle_is_that_verb_s() {
    // The sailors were detained near the strait; the appeal was made where the story was filed.
    let p = one(
        "May 7, 2019\n\nBRUSSELS (Reuters) - The EU urged Russia on Tuesday to release the \
         Ukrainian sailors detained near the Kerch Strait.",
    );
    assert_eq!(
        (p.name.as_str(), p.basis),
        ("Brussels", PlaceBasis::Dateline),
        "{p:?}"
    );
}

#[test]
fn a_fight_is_where_the_sentence_says_the_fighting_was() {
    let all = places(
        "June 17, 2020\n\nOn Monday, Peruvian and Chilean soldiers got into a scuffle, and 20 Peruvian soldiers were killed in clashes at Arica.",
    );
    assert!(!all.is_empty());
    for p in all {
        let p = p.expect("placed");
        assert_eq!(
            (p.name.as_str(), p.country.as_deref()),
            ("Arica", Some("CHL"))
        );
    }
}

#[test]
fn a_venue_dated_by_its_report_places_the_days_before() {
    // The meeting has no date of its own: the report's day stands for "lately", so the
    // signing of the day before happened where it did.
    let text = "Mongolia and China agree on rail links\n\nOctober 12, 2023\n\n\
        Mongolian and Chinese officials signed an agreement on October 11 to build two railway crossings.\n\n\
        The deal was reached during a visit by Mongolia's prime minister to Beijing, where he met Chinese Premier Li Qiang.";
    let signing = |text: &str| -> Option<Place> {
        let raw = ingest::decode("case.txt", text.as_bytes()).expect("decodes");
        let doc = pipeline::extract(&raw, &Context::default());
        let signed = doc.events.into_iter().find(|e| e.cameo == "057");
        signed.expect("a signing").place
    };
    let p = signing(text).expect("placed");
    assert_eq!((p.name.as_str(), p.basis), ("Beijing", PlaceBasis::Article));
    // A week before, the venue is no longer the signing's.
    assert_eq!(
        signing(&text.replace("on October 11", "on October 4")),
        None
    );
}

#[test]
fn an_invasion_happens_in_the_state_invaded() {
    let p = one("March 22, 2022\n\nThe crisis stems from Russia's invasion of Ukraine, Japanese Prime Minister Fumio Kishida told parliament on Tuesday.");
    assert_eq!(
        (p.country.as_deref(), p.kind),
        (Some("UKR"), PlaceKind::Country)
    );
    // Taking land is placed on the land taken, not the state it was taken from.
    let p = places("March 22, 2022\n\nRussia seized Crimea on Friday after weeks of unrest.");
    assert!(
        p.iter().flatten().all(|p| p.kind != PlaceKind::Country),
        "{p:?}"
    );
}
