//! Reading the knowledge files under `data/`. They are embedded at build time, so the binary
//! needs nothing beside it; each stage parses its own files once, on first use.

/// The data rows of a tab-separated knowledge file: comments (`#`) and blank lines skipped,
/// fields trimmed. `-` stands for an empty field.
pub fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            l.split('\t')
                .map(|f| match f.trim() {
                    "-" => "",
                    f => f,
                })
                .collect()
        })
}

/// The entries of a one-word-per-line list.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    rows(text).filter_map(|r| r.first().copied())
}

/// A `|`-separated field as a list, empty for an empty field.
pub fn list(field: &str) -> Vec<&str> {
    field
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// An ISO date field (`2022-02-24`) of the knowledge file `file`; a bad one is a build-time
/// mistake in the data, so it stops the program with the file's name.
pub fn date(file: &str, field: &str) -> chrono::NaiveDate {
    field
        .parse()
        .unwrap_or_else(|_| panic!("{file}: bad date {field:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_skip_comments_and_blanks_and_read_dash_as_empty() {
        let text = "# comment\n\na\tb\t-\n  \nc\td\te\n";
        let got: Vec<Vec<&str>> = rows(text).collect();
        assert_eq!(got, vec![vec!["a", "b", ""], vec!["c", "d", "e"]]);
    }

    #[test]
    fn list_splits_on_bars() {
        assert_eq!(list("a | b|"), vec!["a", "b"]);
        assert!(list("").is_empty());
    }
}
