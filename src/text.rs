//! Small helpers over byte offsets of a text, shared by the stages that match words.

/// Whether a byte offset falls between words (not inside a run of letters and digits).
pub(crate) fn is_word_edge(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().next();
    !(before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric))
}

/// `text` cut to `max` characters, with "…" where it was cut.
pub(crate) fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

/// Up to `n` bytes of text right before a byte offset, cut at a character boundary: a bounded
/// look back, so that work per match does not grow with the text.
pub(crate) fn before(text: &str, at: usize, n: usize) -> &str {
    let mut from = at.saturating_sub(n);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    &text[from..at]
}

/// Up to `n` bytes of text right after a byte offset, cut at a character boundary.
pub(crate) fn after(text: &str, at: usize, n: usize) -> &str {
    let mut to = (at + n).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    &text[at..to]
}

/// Byte offsets to character offsets, for offsets asked in increasing order.
pub(crate) struct CharOffsets<'a> {
    text: &'a str,
    ascii: bool,
    byte: usize,
    chars: usize,
}

impl<'a> CharOffsets<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        CharOffsets {
            text,
            ascii: text.is_ascii(),
            byte: 0,
            chars: 0,
        }
    }

    pub(crate) fn at(&mut self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        if byte < self.byte {
            (self.byte, self.chars) = (0, 0);
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

/// Character offsets to byte offsets.
pub(crate) struct ByteOffsets {
    /// Byte offset of each character, and the text's length at the end; empty for ASCII.
    starts: Vec<usize>,
}

impl ByteOffsets {
    pub(crate) fn new(text: &str) -> Self {
        let starts = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices()
                .map(|(b, _)| b)
                .chain([text.len()])
                .collect()
        };
        ByteOffsets { starts }
    }

    pub(crate) fn at(&self, char: usize) -> usize {
        if self.starts.is_empty() {
            char
        } else {
            self.starts[char.min(self.starts.len() - 1)]
        }
    }
}
