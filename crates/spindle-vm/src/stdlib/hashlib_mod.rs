//! `_hashlib`: message digests for `lib/hashlib.py` — MD5 (RFC 1321), SHA-1 (FIPS 180-4),
//! SHA-224/256 and SHA-384/512 (FIPS 180-4), written here from the specifications. A hash
//! object (`_hashlib.HASH`) keeps the running state; `update`, `digest`, `hexdigest` and
//! `copy` work as CPython's.

use crate::object::{ObjRef, Payload};
use crate::stdlib::module_with;
use crate::sync::PyCell;
use crate::types::{add_getters, add_methods};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};
use std::sync::OnceLock;

// ----- the algorithms -----

#[derive(Clone, Copy, PartialEq)]
enum Algo {
    Md5,
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
}

impl Algo {
    fn from_name(name: &str) -> Option<Algo> {
        Some(match name.to_ascii_lowercase().as_str() {
            "md5" => Algo::Md5,
            "sha1" => Algo::Sha1,
            "sha224" => Algo::Sha224,
            "sha256" => Algo::Sha256,
            "sha384" => Algo::Sha384,
            "sha512" => Algo::Sha512,
            _ => return None,
        })
    }
    fn name(self) -> &'static str {
        match self {
            Algo::Md5 => "md5",
            Algo::Sha1 => "sha1",
            Algo::Sha224 => "sha224",
            Algo::Sha256 => "sha256",
            Algo::Sha384 => "sha384",
            Algo::Sha512 => "sha512",
        }
    }
    fn digest_size(self) -> usize {
        match self {
            Algo::Md5 => 16,
            Algo::Sha1 => 20,
            Algo::Sha224 => 28,
            Algo::Sha256 => 32,
            Algo::Sha384 => 48,
            Algo::Sha512 => 64,
        }
    }
    fn block_size(self) -> usize {
        match self {
            Algo::Sha384 | Algo::Sha512 => 128,
            _ => 64,
        }
    }
}

/// The running state of one digest: chaining values, the partial block, the length.
#[derive(Clone)]
struct Hasher {
    algo: Algo,
    h32: [u32; 8],
    h64: [u64; 8],
    buf: Vec<u8>,
    /// Total message length in bytes.
    len: u128,
}

const MD5_S: [u32; 64] = [
    7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
];

fn md5_k() -> &'static [u32; 64] {
    static K: OnceLock<[u32; 64]> = OnceLock::new();
    K.get_or_init(|| {
        let mut k = [0u32; 64];
        for (i, e) in k.iter_mut().enumerate() {
            *e = ((i as f64 + 1.0).sin().abs() * 4294967296.0) as u32;
        }
        k
    })
}

const SHA256_K: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

const SHA512_K: [u64; 80] = [
    0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc, 0x3956c25bf348b538, 0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118, 0xd807aa98a3030242, 0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2, 0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235, 0xc19bf174cf692694, 0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65, 0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5, 0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725, 0x06ca6351e003826f, 0x142929670a0e6e70, 0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df, 0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b, 0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218, 0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8, 0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3, 0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec, 0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b, 0xca273eceea26619c, 0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba, 0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b, 0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
];

impl Hasher {
    fn new(algo: Algo) -> Hasher {
        let mut h32 = [0u32; 8];
        let mut h64 = [0u64; 8];
        match algo {
            Algo::Md5 => h32[..4].copy_from_slice(&[0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]),
            Algo::Sha1 => h32[..5].copy_from_slice(&[0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0]),
            Algo::Sha224 => h32 = [0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4],
            Algo::Sha256 => h32 = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19],
            Algo::Sha384 => h64 = [0xcbbb9d5dc1059ed8, 0x629a292a367cd507, 0x9159015a3070dd17, 0x152fecd8f70e5939, 0x67332667ffc00b31, 0x8eb44a8768581511, 0xdb0c2e0d64f98fa7, 0x47b5481dbefa4fa4],
            Algo::Sha512 => h64 = [0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1, 0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179],
        }
        Hasher { algo, h32, h64, buf: Vec::new(), len: 0 }
    }

    fn update(&mut self, mut data: &[u8]) {
        let bs = self.algo.block_size();
        self.len += data.len() as u128;
        if !self.buf.is_empty() {
            let need = bs - self.buf.len();
            let take = need.min(data.len());
            self.buf.extend_from_slice(&data[..take]);
            data = &data[take..];
            if self.buf.len() == bs {
                let block = std::mem::take(&mut self.buf);
                self.compress(&block);
            }
        }
        while data.len() >= bs {
            self.compress(&data[..bs]);
            data = &data[bs..];
        }
        self.buf.extend_from_slice(data);
    }

    fn compress(&mut self, block: &[u8]) {
        match self.algo {
            Algo::Md5 => self.md5_block(block),
            Algo::Sha1 => self.sha1_block(block),
            Algo::Sha224 | Algo::Sha256 => self.sha256_block(block),
            Algo::Sha384 | Algo::Sha512 => self.sha512_block(block),
        }
    }

    fn md5_block(&mut self, block: &[u8]) {
        let k = md5_k();
        let mut m = [0u32; 16];
        for (i, w) in m.iter_mut().enumerate() {
            *w = u32::from_le_bytes([block[4 * i], block[4 * i + 1], block[4 * i + 2], block[4 * i + 3]]);
        }
        let (mut a, mut b, mut c, mut d) = (self.h32[0], self.h32[1], self.h32[2], self.h32[3]);
        for i in 0..64 {
            let (f, g) = match i / 16 {
                0 => ((b & c) | (!b & d), i),
                1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
                2 => (b ^ c ^ d, (3 * i + 5) % 16),
                _ => (c ^ (b | !d), (7 * i) % 16),
            };
            let f = f.wrapping_add(a).wrapping_add(k[i]).wrapping_add(m[g]);
            a = d;
            d = c;
            c = b;
            b = b.wrapping_add(f.rotate_left(MD5_S[i]));
        }
        self.h32[0] = self.h32[0].wrapping_add(a);
        self.h32[1] = self.h32[1].wrapping_add(b);
        self.h32[2] = self.h32[2].wrapping_add(c);
        self.h32[3] = self.h32[3].wrapping_add(d);
    }

    fn sha1_block(&mut self, block: &[u8]) {
        let mut w = [0u32; 80];
        for i in 0..16 {
            w[i] = u32::from_be_bytes([block[4 * i], block[4 * i + 1], block[4 * i + 2], block[4 * i + 3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e, ..] = self.h32;
        for (i, wi) in w.iter().enumerate() {
            let (f, k) = match i / 20 {
                0 => ((b & c) | (!b & d), 0x5A827999),
                1 => (b ^ c ^ d, 0x6ED9EBA1),
                2 => ((b & c) | (b & d) | (c & d), 0x8F1BBCDC),
                _ => (b ^ c ^ d, 0xCA62C1D6u32),
            };
            let t = a.rotate_left(5).wrapping_add(f).wrapping_add(e).wrapping_add(k).wrapping_add(*wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        for (h, v) in self.h32.iter_mut().zip([a, b, c, d, e]) {
            *h = h.wrapping_add(v);
        }
    }

    fn sha256_block(&mut self, block: &[u8]) {
        let mut w = [0u32; 64];
        for i in 0..16 {
            w[i] = u32::from_be_bytes([block[4 * i], block[4 * i + 1], block[4 * i + 2], block[4 * i + 3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let mut v = self.h32;
        for i in 0..64 {
            let [a, b, c, d, e, f, g, h] = v;
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = h.wrapping_add(s1).wrapping_add(ch).wrapping_add(SHA256_K[i]).wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            v = [t1.wrapping_add(t2), a, b, c, d.wrapping_add(t1), e, f, g];
        }
        for (h, x) in self.h32.iter_mut().zip(v) {
            *h = h.wrapping_add(x);
        }
    }

    fn sha512_block(&mut self, block: &[u8]) {
        let mut w = [0u64; 80];
        for (i, wi) in w.iter_mut().enumerate().take(16) {
            let mut b = [0u8; 8];
            b.copy_from_slice(&block[8 * i..8 * i + 8]);
            *wi = u64::from_be_bytes(b);
        }
        for i in 16..80 {
            let s0 = w[i - 15].rotate_right(1) ^ w[i - 15].rotate_right(8) ^ (w[i - 15] >> 7);
            let s1 = w[i - 2].rotate_right(19) ^ w[i - 2].rotate_right(61) ^ (w[i - 2] >> 6);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let mut v = self.h64;
        for i in 0..80 {
            let [a, b, c, d, e, f, g, h] = v;
            let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let ch = (e & f) ^ (!e & g);
            let t1 = h.wrapping_add(s1).wrapping_add(ch).wrapping_add(SHA512_K[i]).wrapping_add(w[i]);
            let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            v = [t1.wrapping_add(t2), a, b, c, d.wrapping_add(t1), e, f, g];
        }
        for (h, x) in self.h64.iter_mut().zip(v) {
            *h = h.wrapping_add(x);
        }
    }

    /// The digest of the data so far (the state is left as it was).
    fn finish(&self) -> Vec<u8> {
        let mut h = self.clone();
        let bs = h.algo.block_size();
        let len_bytes = if bs == 128 { 16 } else { 8 };
        let bit_len = h.len.wrapping_mul(8);
        let mut pad = vec![0x80u8];
        while !(h.buf.len() + pad.len() + len_bytes).is_multiple_of(bs) {
            pad.push(0);
        }
        match h.algo {
            Algo::Md5 => pad.extend_from_slice(&(bit_len as u64).to_le_bytes()),
            Algo::Sha384 | Algo::Sha512 => pad.extend_from_slice(&bit_len.to_be_bytes()),
            _ => pad.extend_from_slice(&(bit_len as u64).to_be_bytes()),
        }
        let len_before = h.len;
        h.update(&pad);
        h.len = len_before;
        let mut out = Vec::with_capacity(64);
        match h.algo {
            Algo::Md5 => {
                for w in &h.h32[..4] {
                    out.extend_from_slice(&w.to_le_bytes());
                }
            }
            Algo::Sha1 | Algo::Sha224 | Algo::Sha256 => {
                for w in &h.h32 {
                    out.extend_from_slice(&w.to_be_bytes());
                }
            }
            Algo::Sha384 | Algo::Sha512 => {
                for w in &h.h64 {
                    out.extend_from_slice(&w.to_be_bytes());
                }
            }
        }
        out.truncate(h.algo.digest_size());
        out
    }
}

// ----- the HASH type -----

/// The payload of a `_hashlib.HASH` object: its running state, protected by its own lock.
struct HashObj(PyCell<Hasher>);

fn hash_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| {
        let t = crate::stdlib::native_type("_hashlib.HASH");
        add_methods(&t, &[("update", h_update), ("digest", h_digest), ("hexdigest", h_hexdigest), ("copy", h_copy), ("__repr__", h_repr)]);
        add_getters(&t, &[("name", h_name), ("digest_size", h_digest_size), ("block_size", h_block_size)]);
        t
    })
}

fn new_hash(h: Hasher) -> Value {
    Value::Obj(ObjRef::new(hash_type().clone(), Payload::Native(Box::new(HashObj(PyCell::new(h))))))
}

fn self_hash<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a HashObj> {
    match a.args.first() {
        Some(Value::Obj(o)) => match &o.payload {
            Payload::Native(n) => match n.downcast_ref::<HashObj>() {
                Some(h) => Ok(h),
                None => Err(vm.type_error("descriptor requires a '_hashlib.HASH' object")),
            },
            _ => Err(vm.type_error("descriptor requires a '_hashlib.HASH' object")),
        },
        _ => Err(vm.type_error("descriptor requires a '_hashlib.HASH' object")),
    }
}

/// Data to hash: bytes-like only (str raises as CPython: "Strings must be encoded before
/// hashing").
fn data_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if v.as_str().is_some() {
        return Err(vm.type_error("Strings must be encoded before hashing"));
    }
    match crate::types::bytes::bytes_like(v) {
        Some(b) => Ok(b),
        None => Err(vm.type_error("object supporting the buffer API required")),
    }
}

fn h_update(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() != 2 {
        return Err(vm.type_error(&format!("update() takes exactly one argument ({} given)", a.args.len().saturating_sub(1))));
    }
    let data = data_arg(vm, &a.args[1])?;
    let h = self_hash(vm, &a)?;
    h.0.lock().update(&data);
    Ok(Value::None)
}

fn h_digest(vm: &mut Vm, a: Args) -> PyResult {
    let h = self_hash(vm, &a)?;
    let d = h.0.lock().finish();
    Ok(crate::types::bytes::new_bytes(d))
}

fn h_hexdigest(vm: &mut Vm, a: Args) -> PyResult {
    let h = self_hash(vm, &a)?;
    let d = h.0.lock().finish();
    let s: String = d.iter().map(|b| format!("{b:02x}")).collect();
    Ok(vm.new_string(s))
}

fn h_copy(vm: &mut Vm, a: Args) -> PyResult {
    let h = self_hash(vm, &a)?;
    let c = h.0.lock().clone();
    Ok(new_hash(c))
}

fn h_name(vm: &mut Vm, a: Args) -> PyResult {
    let h = self_hash(vm, &a)?;
    let n = h.0.lock().algo.name();
    Ok(vm.new_str(n))
}

fn h_digest_size(vm: &mut Vm, a: Args) -> PyResult {
    let h = self_hash(vm, &a)?;
    let n = h.0.lock().algo.digest_size();
    Ok(Value::Int(n as i64))
}

fn h_block_size(vm: &mut Vm, a: Args) -> PyResult {
    let h = self_hash(vm, &a)?;
    let n = h.0.lock().algo.block_size();
    Ok(Value::Int(n as i64))
}

fn h_repr(vm: &mut Vm, a: Args) -> PyResult {
    let h = self_hash(vm, &a)?;
    let n = h.0.lock().algo.name();
    let id = a.args[0].id();
    Ok(vm.new_string(format!("<{n} _hashlib.HASH object @ {id:#x}>")))
}

/// `new(name, data=b'')`: a hash object of one of the supported algorithms.
fn hl_new(vm: &mut Vm, a: Args) -> PyResult {
    let mut name = a.args.first().cloned();
    let mut data = a.args.get(1).cloned();
    for (k, v) in a.kwargs {
        match k.as_str() {
            Some("name") => name = Some(v.clone()),
            Some("data") | Some("string") => data = Some(v.clone()),
            Some("usedforsecurity") => {}
            _ => {
                let ks = vm.repr(k)?;
                return Err(vm.type_error(&format!("new() got an unexpected keyword argument {ks}")));
            }
        }
    }
    let Some(name) = name else { return Err(vm.type_error("new() missing required argument 'name' (pos 1)")) };
    let Some(n) = name.as_str() else {
        let tn = vm.type_name(&name);
        return Err(vm.type_error(&format!("new() argument 'name' must be str, not {tn}")));
    };
    let Some(algo) = Algo::from_name(n) else {
        let n = n.to_string();
        return Err(vm.value_error(&format!("unsupported hash type {n}")));
    };
    let mut h = Hasher::new(algo);
    if let Some(d) = data {
        let bytes = data_arg(vm, &d)?;
        h.update(&bytes);
    }
    Ok(new_hash(h))
}

pub fn create(vm: &mut Vm) -> ObjRef {
    let m = module_with(vm, "_hashlib", &[("new", hl_new)]);
    crate::stdlib::set_attr(vm, &m, "HASH", Value::Obj(hash_type().clone()));
    m
}
