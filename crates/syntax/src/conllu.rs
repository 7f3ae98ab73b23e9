//! Reading and writing CoNLL-U (https://universaldependencies.org/format.html): one token a
//! line, ten tab-separated columns, sentences separated by blank lines. Multiword-token lines
//! (`1-2`) and empty nodes (`1.1`) are skipped: the parser works on syntactic words.

use std::fmt::{self, Write as _};

/// One syntactic word of a sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Token {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    /// The head's position, 1-based; 0 for the root.
    pub head: usize,
    pub deprel: String,
    pub misc: String,
}

/// A sentence: its comment lines (`# sent_id = …`) and its words.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sentence {
    pub comments: Vec<String>,
    pub tokens: Vec<Token>,
}

impl Sentence {
    /// The value of a `# key = value` comment.
    pub fn meta(&self, key: &str) -> Option<&str> {
        self.comments.iter().find_map(|c| {
            let (k, v) = c.trim_start_matches('#').split_once('=')?;
            (k.trim() == key).then(|| v.trim())
        })
    }

    /// Whether every arc can be drawn above the words without crossing another.
    pub fn is_projective(&self) -> bool {
        let arcs: Vec<(usize, usize)> = self
            .tokens
            .iter()
            .enumerate()
            .map(|(i, t)| (t.head.min(i + 1), t.head.max(i + 1)))
            .collect();
        arcs.iter().all(|&(a, b)| {
            arcs.iter()
                .all(|&(c, d)| !((c < a && a < d && d < b) || (a < c && c < b && b < d)))
        })
    }
}

/// A line that is not CoNLL-U.
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for Error {}

/// Reads every sentence of a CoNLL-U text.
pub fn parse(text: &str) -> Result<Vec<Sentence>, Error> {
    let mut out = Vec::new();
    let mut current = Sentence::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !current.tokens.is_empty() || !current.comments.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        if line.starts_with('#') {
            current.comments.push(line.to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let error = |message: String| Error {
            line: n + 1,
            message,
        };
        if cols.len() != 10 {
            return Err(error(format!("{} columns, not 10", cols.len())));
        }
        if cols[0].contains(['-', '.']) {
            continue;
        }
        let id: usize = cols[0]
            .parse()
            .map_err(|_| error(format!("bad id '{}'", cols[0])))?;
        if id != current.tokens.len() + 1 {
            return Err(error(format!("id {id} out of order")));
        }
        let head = match cols[6] {
            "_" => 0,
            h => h.parse().map_err(|_| error(format!("bad head '{h}'")))?,
        };
        current.tokens.push(Token {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head,
            deprel: cols[7].to_string(),
            misc: cols[9].to_string(),
        });
    }
    if !current.tokens.is_empty() {
        out.push(current);
    }
    for (k, s) in out.iter().enumerate() {
        if s.tokens.iter().any(|t| t.head > s.tokens.len()) {
            return Err(Error {
                line: 0,
                message: format!("sentence {}: a head outside the sentence", k + 1),
            });
        }
    }
    Ok(out)
}

/// Writes sentences as CoNLL-U.
pub fn write(sentences: &[Sentence]) -> String {
    let mut out = String::new();
    for s in sentences {
        for c in &s.comments {
            out.push_str(c);
            out.push('\n');
        }
        for (i, t) in s.tokens.iter().enumerate() {
            let col = |v: &str| {
                if v.is_empty() {
                    "_".to_string()
                } else {
                    v.to_string()
                }
            };
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t_\t{}",
                i + 1,
                t.form,
                col(&t.lemma),
                col(&t.upos),
                col(&t.xpos),
                col(&t.feats),
                t.head,
                col(&t.deprel),
                col(&t.misc)
            );
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "# sent_id = a-1\n# text = Japan's envoy left.\n\
        1-2\tJapan's\t_\t_\t_\t_\t_\t_\t_\t_\n\
        1\tJapan\tJapan\tPROPN\tNNP\t_\t3\tnmod:poss\t_\tSpaceAfter=No\n\
        2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n\
        3\tenvoy\tenvoy\tNOUN\tNN\t_\t4\tnsubj\t_\t_\n\
        4\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n\
        5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";

    #[test]
    fn reads_words_skipping_multiword_lines() {
        let s = parse(TEXT).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].tokens.len(), 5);
        assert_eq!(s[0].tokens[3].lemma, "leave");
        assert_eq!(s[0].tokens[0].head, 3);
        assert_eq!(s[0].meta("sent_id"), Some("a-1"));
        assert!(s[0].is_projective());
    }

    #[test]
    fn writes_what_it_reads() {
        let s = parse(TEXT).unwrap();
        assert_eq!(parse(&write(&s)).unwrap(), s);
    }

    #[test]
    fn bad_lines_are_errors_with_their_number() {
        let e = parse("1\tJapan\tJapan\n").unwrap_err();
        assert_eq!(e.line, 1);
        let e = parse("2\ta\ta\tX\tX\t_\t0\troot\t_\t_\n").unwrap_err();
        assert!(e.message.contains("out of order"), "{e}");
    }

    #[test]
    fn crossing_arcs_are_not_projective() {
        let mut s = parse(TEXT).unwrap().remove(0);
        // 'Japan' <- 'left' crosses 'envoy' <- ... no; make 1 -> 4 and 3 -> 5 cross.
        s.tokens[0].head = 4;
        s.tokens[2].head = 5;
        assert!(!s.is_projective());
    }
}
