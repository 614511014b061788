//! `PyStr`: the payload of `str` objects. UTF-8 text plus a cached hash and character count,
//! so `len()` is O(1) and indexing ASCII text is O(1).

use std::sync::atomic::{AtomicI64, Ordering};

/// `a + b` as a new string (exact capacity: no reallocation when boxed).
#[inline]
pub fn concat(a: &str, b: &str) -> String {
    let mut r = String::with_capacity(a.len() + b.len());
    r.push_str(a);
    r.push_str(b);
    r
}

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
    /// CPython's string hash (see `hash_str`); cached after the first call.
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

/// CPython 3.11's `str` hash with `PYTHONHASHSEED=0`: SipHash-1-3 (zero key) over the
/// string's canonical representation (one, two or four little-endian bytes per code point,
/// by the widest character), so sets of strings iterate and `hash()` returns as in CPython.
/// The empty string hashes to 0; -1 becomes -2.
pub fn hash_str(s: &str) -> i64 {
    if s.is_empty() {
        return 0;
    }
    let h = if s.is_ascii() {
        siphash13(s.as_bytes())
    } else {
        let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
        let mut buf: Vec<u8> = Vec::with_capacity(s.len() * 4);
        if max < 0x100 {
            buf.extend(s.chars().map(|c| c as u32 as u8));
        } else if max < 0x10000 {
            for c in s.chars() {
                buf.extend_from_slice(&(c as u32 as u16).to_le_bytes());
            }
        } else {
            for c in s.chars() {
                buf.extend_from_slice(&(c as u32).to_le_bytes());
            }
        }
        siphash13(&buf)
    };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython's `_Py_HashBytes` for bytes objects (`PYTHONHASHSEED=0`).
pub fn hash_bytes(b: &[u8]) -> i64 {
    if b.is_empty() {
        return 0;
    }
    let h = siphash13(b);
    if h == -1 {
        -2
    } else {
        h
    }
}

/// SipHash-1-3 with a zero key, as `Python/pyhash.c`'s `siphash13`.
fn siphash13(data: &[u8]) -> i64 {
    let mut v0: u64 = 0x736f_6d65_7073_6575;
    let mut v1: u64 = 0x646f_7261_6e64_6f6d;
    let mut v2: u64 = 0x6c79_6765_6e65_7261;
    let mut v3: u64 = 0x7465_6462_7974_6573;
    #[inline(always)]
    fn round(v0: &mut u64, v1: &mut u64, v2: &mut u64, v3: &mut u64) {
        *v0 = v0.wrapping_add(*v1);
        *v2 = v2.wrapping_add(*v3);
        *v1 = v1.rotate_left(13) ^ *v0;
        *v3 = v3.rotate_left(16) ^ *v2;
        *v0 = v0.rotate_left(32);
        *v2 = v2.wrapping_add(*v1);
        *v0 = v0.wrapping_add(*v3);
        *v1 = v1.rotate_left(17) ^ *v2;
        *v3 = v3.rotate_left(21) ^ *v0;
        *v2 = v2.rotate_left(32);
    }
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let m = u64::from_le_bytes(w);
        v3 ^= m;
        round(&mut v0, &mut v1, &mut v2, &mut v3);
        v0 ^= m;
    }
    let rest = chunks.remainder();
    let mut w = [0u8; 8];
    w[..rest.len()].copy_from_slice(rest);
    let b = ((data.len() as u64) << 56) | u64::from_le_bytes(w);
    v3 ^= b;
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    v0 ^= b;
    v2 ^= 0xff;
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    ((v0 ^ v1) ^ (v2 ^ v3)) as i64
}
