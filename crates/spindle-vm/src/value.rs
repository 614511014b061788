//! `Value`: the 16-byte handle the VM passes around.
//!
//! | variant      | meaning                                   | allocation |
//! |--------------|-------------------------------------------|------------|
//! | `Null`       | internal marker: unbound local, empty slot | none       |
//! | `None`       | Python `None`                              | none       |
//! | `Bool(b)`    | `True` / `False`                           | none       |
//! | `Int(i64)`   | an `int` that fits in 64 bits              | none       |
//! | `Float(f64)` | a `float`                                  | none       |
//! | `Obj(r)`     | everything else (big ints too)             | counted    |
//!
//! Small ints and floats never allocate, so arithmetic loops do no refcount or heap traffic.
//! An `int` is always `Int` when it fits in an i64 (results are normalised), so equality of
//! small ints never needs the bigint path.

use crate::object::{ObjRef, Payload, PyStr};

#[derive(Clone)]
pub enum Value {
    Null,
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Obj(ObjRef),
}

impl Default for Value {
    fn default() -> Self {
        Value::None
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Null => write!(f, "<null>"),
            Value::None => write!(f, "None"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{x}"),
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
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            _ => false,
        }
    }
    /// Identity for `id()`: the address for heap objects; a stable made-up number otherwise.
    pub fn id(&self) -> usize {
        match self {
            Value::Obj(o) => o.id(),
            Value::Null => 0,
            Value::None => 0x10,
            Value::Bool(b) => 0x20 + *b as usize * 0x10,
            Value::Int(i) => (*i as usize).wrapping_mul(16).wrapping_add(0x1000_0000_0000),
            Value::Float(f) => (f.to_bits() as usize).wrapping_mul(16) | 8,
        }
    }
}

/// Equality decidable without running Python code: `Some(result)` or `None` if `__eq__` of a
/// user class might be involved.
pub fn fast_eq(a: &Value, b: &Value) -> Option<bool> {
    use Value::*;
    match (a, b) {
        (Int(x), Int(y)) => Some(x == y),
        (Int(x), Float(y)) | (Float(y), Int(x)) => Some((*x as f64) == *y && (*x as f64) as i64 == *x),
        (Float(x), Float(y)) => Some(x == y),
        (Bool(x), Bool(y)) => Some(x == y),
        (Bool(x), Int(y)) | (Int(y), Bool(x)) => Some(*x as i64 == *y),
        (Bool(x), Float(y)) | (Float(y), Bool(x)) => Some(*x as i64 as f64 == *y),
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
                (Payload::Int(_), Float(_)) | (Payload::Complex(..), _) => Option::None,
                (Payload::Str(_), _) | (Payload::Tuple(_), _) | (Payload::Bytes(_), _) | (Payload::Empty, _) | (Payload::Type(_), _) => Some(false),
                _ => Option::None,
            }
        }
        _ => Some(false),
    }
}
