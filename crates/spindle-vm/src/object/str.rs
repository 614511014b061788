//! `PyStr`: the payload of `str` objects. UTF-8 text plus a cached hash and character count,
//! so `len()` is O(1) and indexing ASCII text is O(1).

use std::sync::atomic::{AtomicI64, Ordering};

pub struct PyStr {
    s: Box<str>,
    /// Number of code points.
    nchars: usize,
    /// Cached hash; 0 means "not computed" (a real hash of 0 is stored as 1... see `hash`).
    hash: AtomicI64,
}

impl PyStr {
    pub fn new(s: impl Into<Box<str>>) -> PyStr {
        let s: Box<str> = s.into();
        let nchars = if s.is_ascii() { s.len() } else { s.chars().count() };
        PyStr { s, nchars, hash: AtomicI64::new(0) }
    }
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }
    #[inline]
    pub fn char_len(&self) -> usize {
        self.nchars
    }
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.nchars == self.s.len()
    }
    /// Deterministic string hash (FxHash-style over the UTF-8 bytes). Never -1 or 0.
    pub fn hash(&self) -> i64 {
        let h = self.hash.load(Ordering::Relaxed);
        if h != 0 {
            return h;
        }
        let h = hash_str(&self.s);
        self.hash.store(h, Ordering::Relaxed);
        h
    }
    /// The `i`-th code point (0 <= i < char_len).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.s.as_bytes().get(i).map(|&b| b as char)
        } else {
            self.s.chars().nth(i)
        }
    }
    /// Byte offset of code point `i` (i may equal char_len).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i.min(self.s.len())
        } else {
            self.s.char_indices().nth(i).map(|(b, _)| b).unwrap_or(self.s.len())
        }
    }
}

pub fn hash_str(s: &str) -> i64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for chunk in s.as_bytes().chunks(8) {
        let mut w = [0u8; 8];
        w[..chunk.len()].copy_from_slice(chunk);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    h ^= h >> 29;
    let mut r = (h >> 1) as i64;
    if r == -1 || r == 0 {
        r = 2;
    }
    r
}
