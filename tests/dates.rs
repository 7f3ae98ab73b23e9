//! Publication dates as scraped pages print them, end to end: every form a page can print is
//! read, and pages that print none are dated from what they say. Every page here is synthetic.

mod common;

use common::annals_fed;
use serde_json::Value;

const STORY: &str = "The foreign ministers of the two countries spoke by telephone about the \
    border, the ministry said in a statement, and agreed to keep talking through diplomatic channels.";

/// The document `annals extract` makes of `page`.
fn extract(page: &str) -> Value {
    let out = annals_fed(&["extract", "-"], page.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one document")
}

/// The publication interval and the rules of its evidence.
fn published(page: &str) -> (String, String, Vec<String>) {
    let doc = extract(page);
    let p = &doc["published"];
    assert!(p.is_object(), "no date: {doc}");
    let rules = p["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["rule"].as_str().unwrap().to_string())
        .collect();
    (
        p["earliest"].as_str().unwrap().to_string(),
        p["latest"].as_str().unwrap().to_string(),
        rules,
    )
}

#[test]
fn every_printed_form_is_read() {
    let cases = [
        ("Talks by phone\n\nPublished: Oct 5,2012\n\n", "2012-10-05"),
        ("Talks by phone\n\nMar. 3, 2015 (AFP)--\n\n", "2015-03-03"),
        (
            "Talks by phone\n\nWednesday, 7 May 2014, 10:12 GMT\n\n",
            "2014-05-07",
        ),
        ("Talks by phone\n\nSat - 14 June 22\n\n", "2022-06-14"),
        ("Talks by phone\n\nDate: 2019-11-20\n\n", "2019-11-20"),
        ("Talks by phone\n\nJuly 10, 2018\n\n", "2018-07-10"),
        ("Talks by phone\n\nPosted 3rd March '98\n\n", "1998-03-03"),
        (
            "Talks by phone\n\nUpdated: 2006-07-16 08:57\n\n",
            "2006-07-16",
        ),
        (
            "Talks by phone\n\nOn 11/13/19 at 4:00 PM EST\n\n",
            "2019-11-13",
        ),
        ("Talks by phone\n\n20.11.19\n\n", "2019-11-20"),
        (
            "Talks by phone\n\nby Example Office / 2016.12.01\n\n",
            "2016-12-01",
        ),
        // A scraper glues the page's separate elements: the year and the clock.
        ("Talks by phone\n\nNov 15, 20195:45 AM\n\n", "2019-11-15"),
        (
            "Talks by phone\n\nPublished Tue, Nov 19 20197:05 AM EST\n\n",
            "2019-11-19",
        ),
    ];
    for (head, day) in cases {
        let (earliest, latest, rules) = published(&format!("{head}{STORY}\n"));
        assert_eq!(
            (earliest.as_str(), latest.as_str()),
            (day, day),
            "{head:?}: {rules:?}"
        );
    }
}

#[test]
fn a_date_glued_before_the_first_line_is_read_and_cut_off() {
    for (line, day) in [
        (format!(" date 2020-06-17 {STORY}"), "2020-06-17"),
        (format!("Published: March 3, 2015 {STORY}"), "2015-03-03"),
        (format!("Mar. 3, 2015 (AFP) -- {STORY}"), "2015-03-03"),
    ] {
        let doc = extract(&format!(
            "{line}\n\nA second paragraph of the story follows here, with more words.\n"
        ));
        assert_eq!(doc["published"]["earliest"], day, "{line}");
        assert_eq!(doc["published"]["evidence"][0]["rule"], "date-prefix");
        let body = doc["body"].as_str().unwrap();
        assert!(body.starts_with("The foreign ministers"), "{body}");
        assert!(
            doc["removed"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["reason"] == "date" && r["line"] == 1),
            "{doc}"
        );
    }
    // A date glued before a page's title line that is removed as the title: the line is
    // removed once, whole (the store keys removed lines by their number; found by the fuzzer).
    let title = "Updated: 2006-07-16 08:57Updated: 2006-07-16 08:57the ministers agree";
    let doc = extract(&format!(
        "<!doctype html><html><head><title>{title}</title></head><body><article>\
         <h1>Ministers agree</h1><p>{STORY}</p><p>A second paragraph of the story follows \
         here, with more words than the first.</p></article></body></html>"
    ));
    let first: Vec<&Value> = doc["removed"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["line"] == 1)
        .collect();
    assert_eq!(first.len(), 1, "{doc}");
    // A photo caption after the date, and the page is stored.
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.txt");
    std::fs::write(
        &page,
        format!(
            " date 2020-06-17 The ministers met in Delhi. (File photo for representation)\n\n\
             {STORY}\n\nA second paragraph of the story follows here, with more words.\n"
        ),
    )
    .unwrap();
    let db = dir.path().join("t.db");
    let out = common::annals(&[
        "ingest",
        page.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
    ]);
    let said =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("1 documents added"), "{said}");
}

#[test]
fn a_dateline_gives_the_day_and_the_text_the_year() {
    // Liz Truss was prime minister from 2022-09-06 to 2022-10-25: the only October 3 of her term.
    let page = "Truss defends budget\n\nLONDON, Oct 3 (Reuters) - Prime Minister Liz Truss defended \
                her budget on Monday as markets fell, her office said in a statement to reporters.\n";
    let (earliest, latest, rules) = published(page);
    assert_eq!(
        (earliest.as_str(), latest.as_str()),
        ("2022-10-03", "2022-10-04")
    );
    assert!(rules.contains(&"dateline-day".to_string()), "{rules:?}");
    // A dateline with the year is a printed date.
    let page =
        "Talks by phone\n\nBEIJING, Oct 5, 2012 (Xinhua) -- The foreign ministers of the two \
                countries spoke by telephone, the ministry said in a statement on Friday.\n";
    let (earliest, _, rules) = published(page);
    assert_eq!(earliest, "2012-10-05");
    assert_eq!(rules[0], "dateline");
}

#[test]
fn a_dateline_a_colon_ends_is_no_side() {
    // "LONDON: ..." as Asian papers print it: the city is where the story was filed, not the
    // subject of its first sentence.
    let page = "Britain expels diplomats\n\nLONDON: British Prime Minister Ann Grey expelled 23 \
                diplomats and suspended high-level contacts with Russia on Wednesday, the \
                government said in a statement.\n";
    let doc = extract(page);
    assert_eq!(doc["dateline"], "London");
    let events: Vec<(&str, &str)> = doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["cameo"].as_str().unwrap(),
                e["source"]["code"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(events, [("161", "GBRGOV")]);
}

#[test]
fn an_update_bounds_the_publication() {
    // 05/06/2021 is 5 June or 6 May; the page was updated on 20 May, so it is 6 May.
    let page = format!(
        "Talks by phone\n\nPublished 05/06/2021\n\nLast Updated: May 20, 2021\n\n{STORY}\n"
    );
    let (earliest, _, rules) = published(&page);
    assert_eq!(earliest, "2021-05-06");
    assert!(rules.contains(&"update-bounds".to_string()), "{rules:?}");
}

#[test]
fn a_byline_before_the_date_gives_the_authors() {
    let page = format!(
        "Talks by phone\n\nPosted by Jane Q. Doe on November 19, 2019, 6:21 AM EST\n\n{STORY}\n"
    );
    let doc = extract(&page);
    assert_eq!(doc["published"]["earliest"], "2019-11-19", "{doc}");
    assert_eq!(doc["authors"], serde_json::json!(["Jane Q. Doe"]), "{doc}");
    // The publication and its update on one line: the first date is the publication.
    let page = format!(
        "Talks by phone\n\nBy Example Staff | November 18, 2019 at 2:26 PM HST - Updated November 19 at 4:46 PM\n\n{STORY}\n"
    );
    let (earliest, _, rules) = published(&page);
    assert_eq!(earliest, "2019-11-18");
    assert_eq!(rules[0], "date-line");
}

#[test]
fn an_embedded_post_is_older_than_the_page_not_its_date() {
    // Fumio Kishida was prime minister from 2021-10-04 to 2024-10-01; the post says the page is
    // not older than 2023-06-13 (its day, or the day before in another time zone).
    let page = format!(
        "Talks by phone\n\nPrime Minister Fumio Kishida welcomed the talks. {STORY}\n\n\
         — Jane Doe (@janedoe) June 14, 2023\n\nA last paragraph of the story, with more words.\n"
    );
    let (earliest, latest, rules) = published(&page);
    assert_eq!(
        (earliest.as_str(), latest.as_str()),
        ("2023-06-13", "2024-10-01")
    );
    assert!(rules.contains(&"embedded-post".to_string()), "{rules:?}");
}

#[test]
fn a_date_line_without_its_year_gives_the_day_and_the_text_the_year() {
    // Liz Truss was prime minister from 2022-09-06 to 2022-10-25: the only October 3 of her term.
    for line in ["Posted Oct 3, 8:19 PM", "Mon, Oct 3", "Oct 3"] {
        let page = format!(
            "Truss defends budget\n\n{line}\n\nPrime Minister Liz Truss defended her budget as \
             markets fell, her office said in a statement to reporters.\n"
        );
        let (earliest, latest, rules) = published(&page);
        assert_eq!(
            (earliest.as_str(), latest.as_str()),
            ("2022-10-03", "2022-10-04"),
            "{line}"
        );
        assert!(rules.contains(&"dateline-day".to_string()), "{rules:?}");
    }
}

#[test]
fn a_photo_caption_dates_a_page_that_prints_no_date() {
    let page = format!(
        "Talks by phone\n\nPhoto: The two ministers before their call in Tokyo, March 3, 2015.\n\n{STORY}\n"
    );
    let (earliest, latest, rules) = published(&page);
    assert_eq!(
        (earliest.as_str(), latest.as_str()),
        ("2015-03-03", "2015-04-02")
    );
    assert!(rules.contains(&"photo-caption".to_string()), "{rules:?}");
    // A file photo is older than the story: a lower bound only, and no other clue here.
    let page = format!(
        "Talks by phone\n\nFile photo: the two ministers in Tokyo, March 3, 2015.\n\n{STORY}\n"
    );
    let doc = extract(&page);
    assert!(doc["published"].is_null(), "{}", doc["published"]);
}

#[test]
fn an_officeholder_still_in_office_bounds_an_undated_page() {
    // Anthony Albanese: prime minister of Australia since 2022-05-23; the page is not from the
    // future.
    let page =
        format!("Talks by phone\n\nPrime Minister Anthony Albanese welcomed the talks. {STORY}\n");
    let (earliest, latest, _) = published(&page);
    assert_eq!(earliest, "2022-05-23");
    assert_eq!(latest, chrono::Local::now().date_naive().to_string());
}
