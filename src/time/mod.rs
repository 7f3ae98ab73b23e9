//! Time: dates printed on the page and, from them and the text, when the document was
//! published. Later this stage also normalizes every time expression in the body.
//!
//! Invariant: this stage reads text and the date lines that `clean` found; it does not decide
//! what is body or boilerplate.

pub mod published;
pub mod stated;

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::Weekday;

use crate::knowledge;

pub use published::published;

static WEEKDAYS: LazyLock<HashMap<&'static str, Weekday>> = LazyLock::new(|| {
    knowledge::rows(include_str!("../../data/time/weekdays.tsv"))
        .map(|r| {
            let n: u8 = r[1]
                .parse()
                .expect("data/time/weekdays.tsv: weekday number");
            (r[0], Weekday::try_from(n - 1).expect("weekday 1-7"))
        })
        .collect()
});

static TLD_ORDER: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    knowledge::rows(include_str!("../../data/time/date_order.tsv"))
        .map(|r| (r[0], r[1]))
        .collect()
});

/// The weekday a word names ("Wednesday", "wed", "Thurs."), if any.
pub fn weekday_of(word: &str) -> Option<Weekday> {
    let w = word.trim_end_matches('.').to_lowercase();
    WEEKDAYS.get(w.as_str()).copied()
}

/// How numeric dates are written on a host, from its country-code top-level domain.
pub fn date_order_of_host(host: &str) -> Option<String> {
    let tld = host.rsplit('.').next()?;
    TLD_ORDER.get(tld).map(|o| o.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_and_hosts() {
        assert_eq!(weekday_of("Wednesday"), Some(Weekday::Wed));
        assert_eq!(weekday_of("Thurs."), Some(Weekday::Thu));
        assert_eq!(weekday_of("Wed"), Some(Weekday::Wed));
        assert_eq!(weekday_of("Week"), None);
        assert_eq!(date_order_of_host("www.example.vn").as_deref(), Some("dmy"));
        assert_eq!(date_order_of_host("example.com"), None);
    }
}
