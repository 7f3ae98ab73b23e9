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

/// Trained weights: what the tagger and the parser score with.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Weights {
    pub classes: usize,
    rows: FxHashMap<u64, Vec<(u16, f32)>>,
}

impl Weights {
    /// Adds the weights of `features` to `scores` (one per class).
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        for f in features {
            if let Some(row) = self.rows.get(f) {
                for &(c, w) in row {
                    scores[c as usize] += w;
                }
            }
        }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The rows in the order of their features, for writing the same bytes every time.
    pub fn sorted_rows(&self) -> Vec<(u64, &[(u16, f32)])> {
        let mut rows: Vec<(u64, &[(u16, f32)])> =
            self.rows.iter().map(|(f, r)| (*f, r.as_slice())).collect();
        rows.sort_unstable_by_key(|r| r.0);
        rows
    }

    pub fn from_rows(
        classes: usize,
        rows: impl IntoIterator<Item = (u64, Vec<(u16, f32)>)>,
    ) -> Self {
        Weights {
            classes,
            rows: rows.into_iter().collect(),
        }
    }
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
pub fn best(scores: &[f32], allowed: impl Fn(usize) -> bool) -> Option<usize> {
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
            let mut s = vec![0.0; 2];
            w.score(&feats, &mut s);
            assert_eq!(best(&s, |_| true), Some(truth));
        }
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
