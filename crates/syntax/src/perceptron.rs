//! An averaged perceptron over hashed features: each feature is a `u64` (a template's id and
//! its values, hashed once), each holds a short row of (class, weight) pairs for the classes it
//! has ever been updated for. Sparse rows keep the model small: a feature seen with one or two
//! classes stores one or two weights, not one per class.

use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHasher};

/// A feature's id: its template and values, hashed.
pub fn feature(parts: impl Hash) -> u64 {
    let mut h = FxHasher::default();
    parts.hash(&mut h);
    h.finish()
}

/// Trained weights: what the tagger and the parser score with. Each weight is a 16-bit integer
/// in units of `scale` (scores only ever pick the best class, which the unit does not change).
/// The rows live in one flat open-addressing table, and the features of one score are looked up
/// together, their slots prefetched first: with a table of some 20 MB every lookup would
/// otherwise wait for memory on its own.
///
/// Most rows hold a class or two (the features of words), but the features every move has (tag
/// pairs, the bias) hold most classes, and adding those pair by pair took half the scoring
/// time: a row of at least `DENSE_FROM` pairs is also kept dense, one weight a class, which adds
/// in a few vector instructions.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Weights {
    pub classes: usize,
    pub scale: f32,
    slots: Vec<Slot>,
    /// Every row's (class, weight) pairs, rows in the order of their features (the dense rows'
    /// too: their order, the training's, is written).
    entries: Vec<(u16, i16)>,
    /// The dense rows, `classes` weights each.
    dense: Vec<i16>,
    /// Each dense row's pairs in `entries`: start and length.
    dense_pairs: Vec<(u32, u32)>,
}

/// A feature's row: `len` pairs from `start` in `entries`; `key` 0 is an empty slot. When `len`
/// is `DENSE`, the row is dense and `start` its number among the dense rows.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct Slot {
    key: u64,
    start: u32,
    len: u32,
}

const DENSE: u32 = u32::MAX;

/// Rows of at least this many pairs are kept dense (measured: see `docs/syntax.md`).
const DENSE_FROM: usize = 16;

/// The key a feature is stored under (0 marks an empty slot).
fn key_of(f: u64) -> u64 {
    f.max(1)
}

/// Features looked up together.
const BATCH: usize = 64;

/// A looked-up row, as scoring reads it.
#[derive(Clone, Copy)]
enum Row<'a> {
    Pairs(&'a [(u16, i16)]),
    Dense(&'a [i16]),
}

impl Weights {
    /// Weights from rows of (class, weight), rounded to 16 bits; what rounds to nothing is left
    /// out. The same rows give the same table, whatever their order.
    pub fn from_rows(
        classes: usize,
        rows: impl IntoIterator<Item = (u64, Vec<(u16, f32)>)>,
    ) -> Self {
        let rows: Vec<(u64, Vec<(u16, f32)>)> = rows.into_iter().collect();
        let max = rows
            .iter()
            .flat_map(|(_, r)| r.iter().map(|(_, w)| w.abs()))
            .fold(0f32, f32::max);
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let rows = rows.into_iter().map(|(f, row)| {
            let q = row
                .into_iter()
                .map(|(c, w)| (c, (w / scale).round() as i16))
                .filter(|(_, q)| *q != 0)
                .collect();
            (f, q)
        });
        Weights::from_quantized(classes, scale, rows.collect())
    }

    /// Weights from rows already in units of `scale`.
    pub fn from_quantized(
        classes: usize,
        scale: f32,
        mut rows: Vec<(u64, Vec<(u16, i16)>)>,
    ) -> Self {
        rows.retain(|(_, r)| !r.is_empty());
        rows.sort_unstable_by_key(|r| key_of(r.0));
        rows.dedup_by_key(|r| key_of(r.0));
        let capacity = (rows.len() * 4 / 3 + 1).next_power_of_two().max(16);
        let mut w = Weights {
            classes,
            scale,
            slots: vec![Slot::default(); capacity],
            entries: Vec::with_capacity(rows.iter().map(|r| r.1.len()).sum()),
            ..Weights::default()
        };
        for (f, row) in rows {
            let slot = w.store(key_of(f), &row);
            let mut i = w.home(slot.key);
            while w.slots[i].key != 0 {
                i = (i + 1) & (w.slots.len() - 1);
            }
            w.slots[i] = slot;
        }
        w
    }

    /// Stores a row, dense too when it is long, and gives its slot.
    fn store(&mut self, key: u64, row: &[(u16, i16)]) -> Slot {
        let start = self.entries.len() as u32;
        self.entries.extend_from_slice(row);
        if row.len() < DENSE_FROM {
            return Slot {
                key,
                start,
                len: row.len() as u32,
            };
        }
        let at = self.dense.len();
        self.dense.resize(at + self.classes, 0);
        for &(c, q) in row {
            self.dense[at + c as usize] = q;
        }
        self.dense_pairs.push((start, row.len() as u32));
        Slot {
            key,
            start: (self.dense_pairs.len() - 1) as u32,
            len: DENSE,
        }
    }

    /// Where a key's probe starts: the top bits of its mixed hash.
    fn home(&self, key: u64) -> usize {
        let bits = self.slots.len().trailing_zeros();
        let mixed = (key ^ (key >> 29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (mixed >> (64 - bits)) as usize
    }

    /// The row of a feature, probing from `i`.
    fn find(&self, key: u64, mut i: usize) -> Option<Row<'_>> {
        loop {
            let s = self.slots[i];
            if s.key == key {
                return Some(self.row(s));
            }
            if s.key == 0 {
                return None;
            }
            i = (i + 1) & (self.slots.len() - 1);
        }
    }

    fn row(&self, s: Slot) -> Row<'_> {
        if s.len == DENSE {
            let at = s.start as usize * self.classes;
            Row::Dense(&self.dense[at..at + self.classes])
        } else {
            Row::Pairs(&self.entries[s.start as usize..(s.start + s.len) as usize])
        }
    }

    /// A slot's (class, weight) pairs, in the order they were given.
    fn pairs(&self, s: Slot) -> &[(u16, i16)] {
        let (start, len) = if s.len == DENSE {
            self.dense_pairs[s.start as usize]
        } else {
            (s.start, s.len)
        };
        &self.entries[start as usize..(start + len) as usize]
    }

    /// Adds the weights of `features` to `scores` (one per class), in units of `scale`.
    pub fn score(&self, features: &[u64], scores: &mut [i32]) {
        if self.slots.is_empty() {
            return;
        }
        let scores = &mut scores[..self.classes];
        // Three passes, so that the memory of each is fetched while the others wait: the
        // slots, then the rows they point to, then the adding.
        let mut homes = [0usize; BATCH];
        let mut rows = [Row::Pairs(&[]); BATCH];
        for chunk in features.chunks(BATCH) {
            for (h, f) in homes.iter_mut().zip(chunk) {
                *h = self.home(key_of(*f));
                prefetch(&self.slots[*h]);
            }
            for ((h, f), row) in homes.iter().zip(chunk).zip(rows.iter_mut()) {
                *row = self.find(key_of(*f), *h).unwrap_or(Row::Pairs(&[]));
                match row {
                    Row::Pairs([first, ..]) => prefetch(first),
                    Row::Pairs([]) => {}
                    Row::Dense(d) => prefetch(&d[0]),
                }
            }
            for row in &rows[..chunk.len()] {
                match *row {
                    Row::Pairs(p) => {
                        for &(c, w) in p {
                            scores[c as usize] += i32::from(w);
                        }
                    }
                    Row::Dense(d) => {
                        for (s, &w) in scores.iter_mut().zip(d) {
                            *s += i32::from(w);
                        }
                    }
                }
            }
        }
    }

    /// Features with a row.
    pub fn len(&self) -> usize {
        self.slots.iter().filter(|s| s.key != 0).count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The weights without those of at most `least` units, and without rows left empty: a
    /// smaller table, read from memory less often.
    pub fn pruned(&self, least: i16) -> Weights {
        let rows = self
            .sorted_rows()
            .into_iter()
            .map(|(f, row)| {
                let kept = row.iter().copied().filter(|(_, q)| q.abs() > least);
                (f, kept.collect())
            })
            .collect();
        Weights::from_quantized(self.classes, self.scale, rows)
    }

    /// The rows in the order of their features, for writing the same bytes every time.
    pub fn sorted_rows(&self) -> Vec<(u64, &[(u16, i16)])> {
        let mut rows: Vec<(u64, &[(u16, i16)])> = self
            .slots
            .iter()
            .filter(|s| s.key != 0)
            .map(|&s| (s.key, self.pairs(s)))
            .collect();
        rows.sort_unstable_by_key(|r| r.0);
        rows
    }
}

/// Asks the processor to fetch `x`'s cache line now, while other lookups are prepared.
#[inline(always)]
fn prefetch<T>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch only hints the cache; the pointer comes from a live reference.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
            (x as *const T).cast::<i8>(),
        );
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}

/// One weight being trained: its value, the sum of its values over the updates so far (for the
/// average), and the update when it last changed.
#[derive(Debug, Clone, Copy)]
struct Cell {
    class: u16,
    weight: f32,
    total: f64,
    stamp: u64,
}

/// Weights being trained.
#[derive(Debug, Default)]
pub struct Trainer {
    classes: usize,
    rows: FxHashMap<u64, Vec<Cell>>,
    /// Updates so far: the average divides by it.
    step: u64,
}

impl Trainer {
    pub fn new(classes: usize) -> Self {
        Trainer {
            classes,
            ..Trainer::default()
        }
    }

    /// The current (not averaged) scores of `features`.
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        for f in features {
            if let Some(row) = self.rows.get(f) {
                for c in row {
                    scores[c.class as usize] += c.weight;
                }
            }
        }
    }

    /// One example seen: when `guess` is not `truth`, moves the weights of `features` towards
    /// `truth` and away from `guess`.
    pub fn update(&mut self, features: &[u64], truth: usize, guess: usize) {
        self.step += 1;
        if truth == guess {
            return;
        }
        let step = self.step;
        for f in features {
            let row = self.rows.entry(*f).or_default();
            for (class, delta) in [(truth, 1.0), (guess, -1.0)] {
                let k = match row.iter().position(|c| c.class as usize == class) {
                    Some(k) => k,
                    None => {
                        row.push(Cell {
                            class: class as u16,
                            weight: 0.0,
                            total: 0.0,
                            stamp: step,
                        });
                        row.len() - 1
                    }
                };
                let c = &mut row[k];
                c.total += (step - c.stamp) as f64 * c.weight as f64;
                c.stamp = step;
                c.weight += delta;
            }
        }
    }

    /// The averaged weights, without those that average to nothing.
    pub fn average(self) -> Weights {
        let step = self.step.max(1);
        let rows = self.rows.into_iter().filter_map(|(f, row)| {
            let row: Vec<(u16, f32)> = row
                .into_iter()
                .map(|c| {
                    let total = c.total + (step - c.stamp) as f64 * c.weight as f64;
                    (c.class, (total / step as f64) as f32)
                })
                .filter(|(_, w)| w.abs() > 1e-3)
                .collect();
            (!row.is_empty()).then_some((f, row))
        });
        Weights::from_rows(self.classes, rows)
    }
}

/// The best class of `scores` among those `allowed` says yes to (the first on a tie).
pub fn best<T: PartialOrd + Copy>(scores: &[T], allowed: impl Fn(usize) -> bool) -> Option<usize> {
    let mut out: Option<usize> = None;
    for (c, s) in scores.iter().enumerate() {
        if allowed(c) && out.is_none_or(|b| *s > scores[b]) {
            out = Some(c);
        }
    }
    out
}

/// A small deterministic random number generator (xorshift64*), for shuffling and exploring
/// the same way on every machine.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_rule_and_averages() {
        // Class 1 when feature "a" is on, else class 0 ("b").
        let (a, b, bias) = (feature("a"), feature("b"), feature("bias"));
        let mut t = Trainer::new(2);
        for _ in 0..10 {
            for (feats, truth) in [(vec![a, bias], 1), (vec![b, bias], 0)] {
                let mut s = vec![0.0; 2];
                t.score(&feats, &mut s);
                let guess = best(&s, |_| true).unwrap();
                t.update(&feats, truth, guess);
            }
        }
        let w = t.average();
        for (feats, truth) in [(vec![a, bias], 1), (vec![b, bias], 0)] {
            let mut s = vec![0i32; 2];
            w.score(&feats, &mut s);
            assert_eq!(best(&s, |_| true), Some(truth));
        }
    }

    #[test]
    fn pruning_drops_small_weights_and_empty_rows() {
        let w =
            Weights::from_quantized(2, 1.0, vec![(7, vec![(0, 5), (1, -40)]), (9, vec![(1, 3)])]);
        assert_eq!(w.len(), 2);
        let p = w.pruned(10);
        assert_eq!(p.len(), 1);
        let mut s = vec![0i32; 2];
        p.score(&[7, 9, 11], &mut s);
        assert_eq!(s, [0, -40]);
    }

    /// Rows of every length, stored as pairs or dense too, score as their pairs do
    /// and give back the same pairs in the same order (for writing the same bytes).
    #[test]
    fn rows_of_every_length_score_and_write_as_their_pairs() {
        let classes = 200;
        let long: Vec<(u16, i16)> = (0..DENSE_FROM as u16)
            .rev()
            .map(|c| (c + 2, c as i16 - 7))
            .collect();
        let rows = vec![
            (3, long),
            (5, vec![(1, 9), (0, -2)]),
            (6, vec![(199, i16::MIN)]),
            (
                8,
                vec![(7, i16::MAX), (150, -32000), (4, 1), (9, -1), (3, 3)],
            ),
            (9, vec![(198, -1), (2, i16::MAX)]),
        ];
        let w = Weights::from_quantized(classes, 1.0, rows.clone());
        let features = [3, 5, 6, 8, 9, 3, 12];
        let mut s = vec![0i32; classes];
        w.score(&features, &mut s);
        let mut expected = vec![0i32; classes];
        for f in features {
            for (c, q) in rows.iter().filter(|r| r.0 == f).flat_map(|r| &r.1) {
                expected[*c as usize] += i32::from(*q);
            }
        }
        assert_eq!(s, expected);
        let back: Vec<(u64, Vec<(u16, i16)>)> = w
            .sorted_rows()
            .into_iter()
            .map(|(f, r)| (f, r.to_vec()))
            .collect();
        assert_eq!(back, rows);
    }

    #[test]
    fn best_respects_what_is_allowed() {
        assert_eq!(best(&[3.0, 1.0, 2.0], |c| c != 0), Some(2));
        assert_eq!(best(&[1.0], |_| false), None);
    }

    #[test]
    fn the_rng_is_the_same_everywhere() {
        let mut r = Rng::new(7);
        let a: Vec<u64> = (0..3).map(|_| r.next_u64()).collect();
        let mut r = Rng::new(7);
        let b: Vec<u64> = (0..3).map(|_| r.next_u64()).collect();
        assert_eq!(a, b);
        let mut v: Vec<usize> = (0..10).collect();
        Rng::new(1).shuffle(&mut v);
        let mut sorted = v.clone();
        sorted.sort();
        assert_eq!(sorted, (0..10).collect::<Vec<_>>());
    }
}
