//! `Value`: the 16-byte handle the VM passes around.
//!
//! | variant         | meaning                                    | allocation |
//! |-----------------|--------------------------------------------|------------|
//! | `Null`          | internal marker: unbound local, empty slot | none       |
//! | `None`          | Python `None`                              | none       |
//! | `Bool64(b)`     | `True` / `False`                           | none       |
//! | `Int(i64)`      | an `int` that fits in 64 bits              | none       |
//! | `Float64(f)`    | a `float`                                  | none       |
//! | `Obj(r)`        | everything else (big ints too)             | counted    |
//!
//! Small ints and floats never allocate, so arithmetic loops do no refcount or heap traffic.
//! An `int` is always `Int` when it fits in an i64 (results are normalised), so equality of
//! small ints never needs the bigint path.
//!
//! Layout: every payload is one 8-byte integer-like word ([`B64`] holds a bool, [`F64`] a
//! float's bits, `ObjRef` a pointer). That makes `Value` a "scalar pair" (tag word, payload
//! word) for the Rust ABI: it is passed and returned in two registers and copied with two
//! 8-byte moves. A `bool` or `f64` payload would make it an opaque 16-byte aggregate, copied
//! through memory with mixed-width stores and 16-byte loads, which stall the CPU's
//! store-to-load forwarding on every push/pop of the eval loop.
//!
//! Build values with `Value::Bool(b)` / `Value::Float(f)` (constructor functions); match them
//! with `Value::Bool64(b)` / `Value::Float64(f)` and read the payload with `b.get()` / `f.get()`.

use crate::object::{ObjRef, Payload, PyStr};

/// A `bool` stored in a full word (0 or 1). See the module docs ("Layout").
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(transparent)]
pub struct B64(u64);

impl std::fmt::Debug for B64 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.get())
    }
}

impl B64 {
    pub const FALSE: B64 = B64(0);
    pub const TRUE: B64 = B64(1);
    #[inline(always)]
    pub const fn new(b: bool) -> B64 {
        B64(b as u64)
    }
    #[inline(always)]
    pub const fn get(self) -> bool {
        self.0 != 0
    }
}

/// An `f64` stored as its bits. See the module docs ("Layout").
#[derive(Clone, Copy)]
#[repr(transparent)]
pub struct F64(u64);

impl F64 {
    #[inline(always)]
    pub const fn new(f: f64) -> F64 {
        F64(f.to_bits())
    }
    #[inline(always)]
    pub const fn get(self) -> f64 {
        f64::from_bits(self.0)
    }
}

impl std::fmt::Debug for F64 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.get())
    }
}

#[derive(Default)]
pub enum Value {
    Null,
    #[default]
    None,
    Bool64(B64),
    Int(i64),
    Float64(F64),
    Obj(ObjRef),
}

impl Clone for Value {
    /// One tag test: only `Obj` takes a count; everything else is a plain copy. (The derived
    /// clone compiles to a jump table over all six variants.)
    #[inline(always)]
    fn clone(&self) -> Value {
        match self {
            Value::Obj(o) => Value::Obj(o.clone()),
            // SAFETY: every other variant is plain data: no drop glue and no counts, so a
            // bitwise copy is a valid independent value.
            _ => unsafe { std::ptr::read(self) },
        }
    }
}

impl Value {
    /// `clone()` in GIL mode, for a caller that has just seen `free_threaded()` false.
    #[inline(always)]
    pub fn clone_gil(&self) -> Value {
        match self {
            Value::Obj(o) => Value::Obj(o.clone_gil()),
            // SAFETY: as in `clone`.
            _ => unsafe { std::ptr::read(self) },
        }
    }

    /// `drop()` in GIL mode, for a caller that has just seen `free_threaded()` false.
    #[inline(always)]
    pub fn drop_gil(self) {
        if let Value::Obj(o) = self {
            o.drop_gil();
        }
    }
}

#[allow(non_snake_case)]
impl Value {
    /// A Python bool.
    #[inline(always)]
    pub const fn Bool(b: bool) -> Value {
        Value::Bool64(B64::new(b))
    }
    /// A Python float.
    #[inline(always)]
    pub const fn Float(f: f64) -> Value {
        Value::Float64(F64::new(f))
    }
}


impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Null => write!(f, "<null>"),
            Value::None => write!(f, "None"),
            Value::Bool64(b) => write!(f, "{}", b.get()),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float64(x) => write!(f, "{}", x.get()),
            Value::Obj(o) => match &o.payload {
                Payload::Str(s) => write!(f, "{:?}", s.as_str()),
                _ => write!(f, "<obj {:p}>", o.as_ptr()),
            },
        }
    }
}

impl Value {
    #[inline(always)]
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
    #[inline(always)]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }
    #[inline]
    pub fn as_obj(&self) -> Option<&ObjRef> {
        match self {
            Value::Obj(o) => Some(o),
            _ => None,
        }
    }
    #[inline]
    pub fn as_pystr(&self) -> Option<&PyStr> {
        match self {
            Value::Obj(o) => match &o.payload {
                Payload::Str(s) => Some(s),
                _ => None,
            },
            _ => None,
        }
    }
    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        self.as_pystr().map(|s| s.as_str())
    }
    /// `a is b`.
    #[inline]
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Obj(a), Value::Obj(b)) => a.is(b),
            (Value::None, Value::None) | (Value::Null, Value::Null) => true,
            (Value::Bool64(a), Value::Bool64(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float64(a), Value::Float64(b)) => a.get().to_bits() == b.get().to_bits(),
            _ => false,
        }
    }
    /// Identity for `id()`: the address for heap objects; a stable made-up number otherwise.
    pub fn id(&self) -> usize {
        match self {
            Value::Obj(o) => o.id(),
            Value::Null => 0,
            Value::None => 0x10,
            Value::Bool64(b) => 0x20 + b.get() as usize * 0x10,
            Value::Int(i) => (*i as usize).wrapping_mul(16).wrapping_add(0x1000_0000_0000),
            Value::Float64(f) => (f.get().to_bits() as usize).wrapping_mul(16) | 8,
        }
    }
}

/// Equality decidable without running Python code: `Some(result)` or `None` if `__eq__` of a
/// user class might be involved.
pub fn fast_eq(a: &Value, b: &Value) -> Option<bool> {
    use Value::*;
    match (a, b) {
        (Int(x), Int(y)) => Some(x == y),
        (Int(x), Float64(y)) | (Float64(y), Int(x)) => Some((*x as f64) == y.get() && (*x as f64) as i64 == *x),
        (Float64(x), Float64(y)) => Some(x.get() == y.get()),
        (Bool64(x), Bool64(y)) => Some(x == y),
        (Bool64(x), Int(y)) | (Int(y), Bool64(x)) => Some(x.get() as i64 == *y),
        (Bool64(x), Float64(y)) | (Float64(y), Bool64(x)) => Some(x.get() as i64 as f64 == y.get()),
        (None, None) => Some(true),
        (Obj(x), Obj(y)) => {
            if x.is(y) {
                return Some(true);
            }
            let (xb, yb) = (x.cls_data().builtin, y.cls_data().builtin);
            match (&x.payload, &y.payload) {
                (Payload::Str(s), Payload::Str(t)) if xb && yb => Some(s.as_str() == t.as_str()),
                (Payload::Int(s), Payload::Int(t)) if xb && yb => Some(s == t),
                (Payload::Bytes(s), Payload::Bytes(t)) if xb && yb => Some(s == t),
                (Payload::Tuple(s), Payload::Tuple(t)) if xb && yb => {
                    if s.len() != t.len() {
                        return Some(false);
                    }
                    for (p, q) in s.iter().zip(t.iter()) {
                        if !fast_eq(p, q)? {
                            return Some(false);
                        }
                    }
                    Some(true)
                }
                (Payload::FrozenSet(_), _) | (_, Payload::FrozenSet(_)) => Option::None,
                _ if xb && yb => {
                    // Different builtin kinds are unequal except numeric cross-kind cases.
                    match (&x.payload, &y.payload) {
                        (Payload::Str(_), _) | (_, Payload::Str(_)) => Some(false),
                        (Payload::Empty, _) | (_, Payload::Empty) => Some(false),
                        (Payload::Type(_), _) | (_, Payload::Type(_)) => Some(false),
                        _ => Option::None,
                    }
                }
                _ => Option::None,
            }
        }
        (Obj(x), other) | (other, Obj(x)) => {
            if !x.cls_data().builtin {
                return Option::None;
            }
            match (&x.payload, other) {
                (Payload::Int(_), Int(_)) => Some(false),
                (Payload::Int(_), Float64(_)) | (Payload::Complex(..), _) => Option::None,
                (Payload::Str(_), _) | (Payload::Tuple(_), _) | (Payload::Bytes(_), _) | (Payload::Empty, _) | (Payload::Type(_), _) => Some(false),
                _ => Option::None,
            }
        }
        _ => Some(false),
    }
}
