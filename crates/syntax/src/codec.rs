//! The model file's plain binary layout: little-endian integers, strings as a length and bytes,
//! weights as sorted rows. Written the same way every time, so that the same training gives the
//! same bytes.

use crate::perceptron::Weights;

#[derive(Default)]
pub struct Writer(pub Vec<u8>);

impl Writer {
    pub fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }

    pub fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }

    pub fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }

    pub fn strs(&mut self, items: &[String]) {
        self.u32(items.len() as u32);
        for s in items {
            self.str(s);
        }
    }

    /// Weights as rows sorted by feature, each weight in 16 bits.
    pub fn weights(&mut self, w: &Weights) {
        let rows = w.sorted_rows();
        self.u32(w.classes as u32);
        self.0.extend_from_slice(&w.scale.to_le_bytes());
        self.u32(rows.len() as u32);
        for (f, row) in rows {
            self.u64(f);
            // A row holds at most one weight per class.
            self.0.extend_from_slice(&(row.len() as u16).to_le_bytes());
            for &(c, q) in row {
                self.0.extend_from_slice(&c.to_le_bytes());
                self.0.extend_from_slice(&q.to_le_bytes());
            }
        }
    }
}

pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

/// The model file ended early or holds something else.
#[derive(Debug)]
pub struct Corrupt;

impl std::fmt::Display for Corrupt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the syntax model is cut short or corrupt")
    }
}

impl std::error::Error for Corrupt {}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, at: 0 }
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], Corrupt> {
        let out = self.bytes.get(self.at..self.at + n).ok_or(Corrupt)?;
        self.at += n;
        Ok(out)
    }

    pub fn u16(&mut self) -> Result<u16, Corrupt> {
        Ok(u16::from_le_bytes(
            self.take(2)?.try_into().map_err(|_| Corrupt)?,
        ))
    }

    pub fn u32(&mut self) -> Result<u32, Corrupt> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().map_err(|_| Corrupt)?,
        ))
    }

    pub fn u64(&mut self) -> Result<u64, Corrupt> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().map_err(|_| Corrupt)?,
        ))
    }

    pub fn str(&mut self) -> Result<String, Corrupt> {
        let n = self.u32()? as usize;
        String::from_utf8(self.take(n)?.to_vec()).map_err(|_| Corrupt)
    }

    pub fn strs(&mut self) -> Result<Vec<String>, Corrupt> {
        let n = self.u32()? as usize;
        (0..n).map(|_| self.str()).collect()
    }

    pub fn weights(&mut self) -> Result<Weights, Corrupt> {
        let classes = self.u32()? as usize;
        let scale = f32::from_le_bytes(self.take(4)?.try_into().map_err(|_| Corrupt)?);
        let n = self.u32()? as usize;
        let mut rows = Vec::with_capacity(n.min(1 << 24));
        for _ in 0..n {
            let f = self.u64()?;
            let len = self.u16()? as usize;
            let mut row = Vec::with_capacity(len);
            for _ in 0..len {
                let c = self.u16()?;
                let q = self.u16()? as i16;
                if c as usize >= classes {
                    return Err(Corrupt);
                }
                row.push((c, q));
            }
            rows.push((f, row));
        }
        Ok(Weights::from_quantized(classes, scale, rows))
    }

    pub fn done(&self) -> bool {
        self.at == self.bytes.len()
    }
}
