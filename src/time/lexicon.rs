//! The words of time expressions (`data/time/lexicon.tsv`) and the tokens the tagger reads.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::knowledge;

/// A TIMEX3 unit of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
    Decade,
    Century,
    Quarter,
    Hour,
    Minute,
    Second,
    Weekend,
}

impl Unit {
    fn parse(code: &str) -> Unit {
        match code {
            "D" => Unit::Day,
            "W" => Unit::Week,
            "M" => Unit::Month,
            "Y" => Unit::Year,
            "DE" => Unit::Decade,
            "CE" => Unit::Century,
            "Q" => Unit::Quarter,
            "H" => Unit::Hour,
            "MIN" => Unit::Minute,
            "S" => Unit::Second,
            "WE" => Unit::Weekend,
            c => panic!("data/time/lexicon.tsv: unknown unit {c:?}"),
        }
    }

    pub fn is_clock(self) -> bool {
        matches!(self, Unit::Hour | Unit::Minute | Unit::Second)
    }
}

/// What a word can mean in a time expression; a word may have several meanings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Lex {
    Month(u32),
    Weekday(u32),
    Unit(Unit),
    Number(f64),
    Ordinal(u32),
    Season(&'static str),
    Daypart(&'static str),
    Shift(i32),
    Span,
    Deictic(i64),
    Ref(&'static str),
    Mod(&'static str),
    Approx(&'static str),
    Fuzzy,
    Set(&'static str),
    Each,
    Ago(i32),
    /// A tense cue: 1 future ("will"), -1 past ("said"), 0 open ("would").
    Tense(i32),
    Intro,
    Zone,
    /// A word that reports what is said, or opens what is reported ("said", "that").
    Report,
}

static LEXICON: LazyLock<FxHashMap<&'static str, Vec<Lex>>> = LazyLock::new(|| {
    let mut map: FxHashMap<&'static str, Vec<Lex>> = FxHashMap::default();
    let mut add = |word: &'static str, lex: Lex| map.entry(word).or_default().push(lex);
    for r in knowledge::rows(include_str!("../../data/time/lexicon.tsv")) {
        add(r[0], parse(r[0], r[1], r.get(2).copied().unwrap_or("")));
    }
    for r in knowledge::rows(include_str!("../../data/time/months.tsv")) {
        add(r[0], parse(r[0], "month", r[1]));
    }
    for r in knowledge::rows(include_str!("../../data/time/weekdays.tsv")) {
        add(r[0], parse(r[0], "weekday", r[1]));
    }
    // Phrases ("to be held") are for the publication-date rules; single words mark tense here.
    let future = knowledge::words(include_str!("../../data/time/future_cues.txt"));
    for w in future.filter(|w| !w.contains(' ')) {
        add(w, Lex::Tense(1));
    }
    for w in knowledge::words(include_str!("../../data/time/past_cues.txt")) {
        add(w, Lex::Tense(-1));
    }
    for w in knowledge::words(include_str!("../../data/time/open_cues.txt")) {
        add(w, Lex::Tense(0));
    }
    map
});

fn parse(word: &'static str, class: &str, value: &'static str) -> Lex {
    let num = || -> f64 {
        value
            .parse()
            .unwrap_or_else(|_| panic!("data/time: {word}: number {value:?}"))
    };
    match class {
        "month" => Lex::Month(num() as u32),
        "weekday" => Lex::Weekday(num() as u32),
        "unit" => Lex::Unit(Unit::parse(value)),
        "number" => Lex::Number(num()),
        "ordinal" => Lex::Ordinal(num() as u32),
        "season" => Lex::Season(value),
        "daypart" => Lex::Daypart(value),
        "shift" => Lex::Shift(num() as i32),
        "span" => Lex::Span,
        "deictic" => Lex::Deictic(num() as i64),
        "ref" => Lex::Ref(value),
        "mod" => Lex::Mod(value),
        "approx" => Lex::Approx(value),
        "fuzzy" => Lex::Fuzzy,
        "set" => Lex::Set(value),
        "each" => Lex::Each,
        "ago" => Lex::Ago(num() as i32),
        "intro" => Lex::Intro,
        "report" => Lex::Report,
        "zone" => Lex::Zone,
        c => panic!("data/time/lexicon.tsv: {word}: unknown class {c:?}"),
    }
}

/// Accessors for `Token::find`: the value of one class of meaning.
macro_rules! accessors {
    ($($name:ident: $variant:ident -> $t:ty;)*) => {
        $(
            pub fn $name(l: &Lex) -> Option<$t> {
                match l {
                    Lex::$variant(v) => Some(*v),
                    _ => None,
                }
            }
        )*
    };
}

accessors! {
    number: Number -> f64;
    month: Month -> u32;
    weekday: Weekday -> u32;
    unit: Unit -> Unit;
    ordinal: Ordinal -> u32;
    season: Season -> &'static str;
    daypart: Daypart -> &'static str;
    shift: Shift -> i32;
    deictic: Deictic -> i64;
    reference: Ref -> &'static str;
    modifier: Mod -> &'static str;
    approx: Approx -> &'static str;
    set: Set -> &'static str;
    ago: Ago -> i32;
    tense: Tense -> i32;
}

/// What kind of characters a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Word,
    Digits,
    /// Letters and digits mixed: "1990s", "75th", "3rd".
    Mixed,
    Punct,
}

/// One token of the text: a run of letters and digits, or one other visible character.
#[derive(Debug, Clone)]
pub struct Token<'a> {
    pub text: &'a str,
    /// Byte offsets into the text.
    pub start: usize,
    pub end: usize,
    pub shape: Shape,
    /// White space (or the start of the text) right before the token.
    pub spaced: bool,
    /// The token's meanings in the lexicon; empty for most words.
    pub lex: &'static [Lex],
}

impl Token<'_> {
    pub fn is(&self, word: &str) -> bool {
        self.text.eq_ignore_ascii_case(word)
    }

    pub fn capitalized(&self) -> bool {
        self.text.starts_with(|c: char| c.is_uppercase())
    }

    pub fn number(&self) -> Option<f64> {
        match self.shape {
            Shape::Digits if self.text.len() <= 9 => self.text.parse().ok(),
            _ => self.find(number),
        }
    }

    pub fn find<T>(&self, f: impl Fn(&Lex) -> Option<T>) -> Option<T> {
        self.lex.iter().find_map(f)
    }

    /// Whether one of the token's meanings is `lex` (for classes without a value).
    pub fn has(&self, lex: Lex) -> bool {
        self.lex.contains(&lex)
    }
}

/// Splits text into tokens and looks each word up once.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut chars = text.char_indices().peekable();
    let mut spaced = true;
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            spaced = true;
            continue;
        }
        let mut end = start + c.len_utf8();
        if c.is_alphanumeric() {
            while let Some(&(i, n)) = chars.peek() {
                if !n.is_alphanumeric() {
                    break;
                }
                end = i + n.len_utf8();
                chars.next();
            }
        }
        out.push(token(text, start, end, spaced));
        spaced = false;
    }
    out
}

fn token(text: &str, start: usize, end: usize, spaced: bool) -> Token<'_> {
    let t = &text[start..end];
    let (mut letters, mut digits) = (false, false);
    for b in t.bytes() {
        letters |= b.is_ascii_alphabetic() || b >= 0x80;
        digits |= b.is_ascii_digit();
    }
    let shape = match (letters, digits) {
        (true, true) => Shape::Mixed,
        (true, false) => Shape::Word,
        (false, true) => Shape::Digits,
        _ => Shape::Punct,
    };
    let lex = if shape == Shape::Word {
        meanings(t)
    } else {
        &[]
    };
    Token {
        text: t,
        start,
        end,
        shape,
        spaced,
        lex,
    }
}

/// The lexicon entry of a word, case-insensitively, without allocating for short ASCII words.
pub(crate) fn meanings(word: &str) -> &'static [Lex] {
    let mut buf = [0u8; 16];
    if word.len() > buf.len() || !word.is_ascii() {
        return &[];
    }
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let key = std::str::from_utf8(lower).unwrap_or("");
    LEXICON.get(key).map_or(&[], Vec::as_slice)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_meanings() {
        let toks = tokenize("In mid-1990s, Jan. 14 was a Friday.");
        let texts: Vec<&str> = toks.iter().map(|t| t.text).collect();
        assert_eq!(
            texts,
            ["In", "mid", "-", "1990s", ",", "Jan", ".", "14", "was", "a", "Friday", "."]
        );
        assert_eq!(toks[3].shape, Shape::Mixed);
        assert!(!toks[2].spaced && toks[1].spaced);
        assert_eq!(toks[5].lex, &[Lex::Month(1)]);
        assert_eq!(toks[10].lex, &[Lex::Weekday(5)]);
        assert_eq!(toks[7].number(), Some(14.0));
        assert!(meanings("EARLIER").contains(&Lex::Ago(-1)));
    }
}
