//! `int`: inline i64 with overflow promotion to `BigInt`, hashing as CPython (mod 2**61-1).

use crate::object::{ObjRef, Payload};
use crate::types::{add_methods, add_staticmethod, types, BuiltinTypes};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero, Pow};
use spindle_compiler::bytecode::{BinOp, CmpOp};

const MODULUS: i64 = (1 << 61) - 1;

#[inline]
pub fn hash_i64(i: i64) -> i64 {
    if i.unsigned_abs() < MODULUS as u64 {
        // Below the modulus an int is its own hash (no division).
        return if i == -1 { -2 } else { i };
    }
    let m = (i.unsigned_abs() % MODULUS as u64) as i64;
    let h = if i < 0 { -m } else { m };
    if h == -1 { -2 } else { h }
}

pub fn hash_bigint(b: &BigInt) -> i64 {
    let m = BigInt::from(MODULUS);
    let r = (b.abs() % &m).to_i64().unwrap_or(0);
    let h = if b.is_negative() { -r } else { r };
    if h == -1 { -2 } else { h }
}

/// Normalise: small results become inline `Int`.
pub fn from_bigint(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::Obj(ObjRef::new(types().int.clone(), Payload::Int(b))),
    }
}

pub fn to_bigint(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool64(b) => Some(BigInt::from(b.get() as i64)),
        Value::Obj(o) => match &o.payload {
            Payload::Int(b) => Some(b.clone()),
            _ => None,
        },
        _ => None,
    }
}

pub fn to_i64(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool64(b) => Some(b.get() as i64),
        Value::Obj(o) => match &o.payload {
            Payload::Int(b) => b.to_i64(),
            _ => None,
        },
        _ => None,
    }
}

/// CPython's `PyNumber_AsSsize_t(v, OverflowError)`: an int or `__index__` object as a C
/// ssize_t, TypeError for other types, OverflowError when it does not fit.
pub fn as_ssize(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Value::Int(i) = v {
        return Ok(*i);
    }
    let b = crate::ops::index_value(vm, v)?;
    match bigint_to_i64(&b) {
        Some(i) => Ok(i),
        None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

/// Argument Clinic's `int` converter (`_PyLong_AsInt`): an int or `__index__` object that fits
/// a C int.
pub fn as_c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    if let Value::Float64(_) = v {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let b = crate::ops::index_value(vm, v)?;
    match bigint_to_i64(&b).and_then(|i| i32::try_from(i).ok()) {
        Some(i) => Ok(i),
        None => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}

pub fn bigint_to_i64(b: &BigInt) -> Option<i64> {
    b.to_i64()
}

pub fn bigint_to_f64(b: &BigInt) -> f64 {
    b.to_f64().unwrap_or(if b.is_negative() { f64::NEG_INFINITY } else { f64::INFINITY })
}

pub fn int_to_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    let b = to_bigint(v).unwrap_or_default();
    let f = bigint_to_f64(&b);
    if f.is_infinite() {
        return Err(vm.overflow_error("int too large to convert to float"));
    }
    Ok(f)
}

pub fn float_to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 9.0e18 {
        return Ok(Value::Int(t as i64));
    }
    Ok(from_bigint(crate::types::float::f64_to_bigint(t).unwrap_or_default()))
}

/// `x op y` on small ints, promoting on overflow.
pub fn int_binop(vm: &mut Vm, x: i64, y: i64, op: BinOp) -> PyResult {
    let r = match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        BinOp::FloorDiv => {
            if y == 0 {
                return Err(vm.zero_division("integer division or modulo by zero"));
            }
            x.checked_div_euclid(y).map(|_| Integer::div_floor(&x, &y))
        }
        BinOp::Mod => {
            if y == 0 {
                return Err(vm.zero_division("integer modulo by zero"));
            }
            x.checked_rem(y).map(|_| x.mod_floor(&y))
        }
        BinOp::TrueDiv => {
            if y == 0 {
                return Err(vm.zero_division("division by zero"));
            }
            if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                return Ok(Value::Float(x as f64 / y as f64));
            }
            return bigint_binop(vm, &BigInt::from(x), &BigInt::from(y), op);
        }
        BinOp::And => Some(x & y),
        BinOp::Or => Some(x | y),
        BinOp::Xor => Some(x ^ y),
        BinOp::LShift => {
            if y < 0 {
                return Err(vm.value_error("negative shift count"));
            }
            if y < 63 && x.unsigned_abs() < (1u64 << (62 - y)) {
                Some(x << y)
            } else {
                None
            }
        }
        BinOp::RShift => {
            if y < 0 {
                return Err(vm.value_error("negative shift count"));
            }
            Some(if y >= 64 { if x < 0 { -1 } else { 0 } } else { x >> y })
        }
        BinOp::Pow => {
            if y < 0 {
                return crate::types::float::float_binop(vm, x as f64, y as f64, BinOp::Pow);
            }
            if y <= u32::MAX as i64 { x.checked_pow(y as u32) } else { None }
        }
        BinOp::MatMul => return Err(vm.type_error("unsupported operand type(s) for @: 'int' and 'int'")),
    };
    match r {
        Some(v) => Ok(Value::Int(v)),
        None => bigint_binop(vm, &BigInt::from(x), &BigInt::from(y), op),
    }
}

pub fn bigint_binop(vm: &mut Vm, x: &BigInt, y: &BigInt, op: BinOp) -> PyResult {
    Ok(from_bigint(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => {
            if x.bits() + y.bits() > 64 * 1024 * 1024 {
                return Err(vm.memory_error());
            }
            x * y
        }
        BinOp::FloorDiv => {
            if y.is_zero() {
                return Err(vm.zero_division("integer division or modulo by zero"));
            }
            x.div_floor(y)
        }
        BinOp::Mod => {
            if y.is_zero() {
                return Err(vm.zero_division("integer modulo by zero"));
            }
            x.mod_floor(y)
        }
        BinOp::TrueDiv => {
            if y.is_zero() {
                return Err(vm.zero_division("division by zero"));
            }
            return true_divide(vm, x, y);
        }
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        BinOp::LShift => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            let s = y.to_u64().unwrap_or(u64::MAX);
            if s > 1 << 31 || x.bits() + s > 64 * 1024 * 1024 * 8 {
                if x.is_zero() {
                    return Ok(Value::Int(0));
                }
                return Err(vm.overflow_error("too many digits in integer"));
            }
            x << s
        }
        BinOp::RShift => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            let s = y.to_u64().unwrap_or(u64::MAX);
            if s > x.bits() + 1 {
                return Ok(Value::Int(if x.is_negative() { -1 } else { 0 }));
            }
            x >> s
        }
        BinOp::Pow => {
            if y.is_negative() {
                let xf = int_to_f64(vm, &from_bigint(x.clone()))?;
                let yf = int_to_f64(vm, &from_bigint(y.clone()))?;
                return crate::types::float::float_binop(vm, xf, yf, BinOp::Pow);
            }
            if x.is_zero() || x.is_one() {
                return Ok(from_bigint(x.clone()));
            }
            if *x == BigInt::from(-1) {
                return Ok(Value::Int(if y.is_even() { 1 } else { -1 }));
            }
            let e = y.to_u64().unwrap_or(u64::MAX);
            if (x.bits() as u128) * (e as u128) > 64 * 1024 * 1024 * 8 {
                return Err(vm.memory_error());
            }
            Pow::pow(x, e)
        }
        BinOp::MatMul => return Err(vm.type_error("unsupported operand type(s) for @: 'int' and 'int'")),
    }))
}

/// `x / y` for ints, correctly rounded (CPython's `long_true_divide`); `y` is non-zero.
pub fn true_divide(vm: &mut Vm, x: &BigInt, y: &BigInt) -> PyResult {
    let neg = x.is_negative() != y.is_negative();
    let (a, b) = (x.abs(), y.abs());
    if a.is_zero() {
        return Ok(Value::Float(if neg { -0.0 } else { 0.0 }));
    }
    // Both exactly representable: one IEEE division is correctly rounded.
    if a.bits() <= 53 && b.bits() <= 53 {
        let q = bigint_to_f64(&a) / bigint_to_f64(&b);
        return Ok(Value::Float(if neg { -q } else { q }));
    }
    // Scale so the integer quotient has 55 or 56 bits, fold the remainder into a sticky bit,
    // and let the u64 -> f64 conversion round (to nearest, ties to even) once.
    let shift: i64 = 55 - (a.bits() as i64 - b.bits() as i64);
    let (q, r) = if shift >= 0 { (&a << shift as usize).div_rem(&b) } else { a.div_rem(&(&b << (-shift) as usize)) };
    let mut q = q.to_u64().unwrap_or(u64::MAX);
    if !r.is_zero() {
        q |= 1;
    }
    let exp = -shift;
    // q < 2**57; the result is q * 2**exp.
    if exp + 57 > 1025 {
        return Err(vm.overflow_error("integer division result too large for a float"));
    }
    let mut f = q as f64;
    let mut e = exp;
    while e > 0 {
        let k = e.min(1000);
        f *= 2f64.powi(k as i32);
        e -= k;
    }
    while e < 0 {
        let k = (-e).min(1000);
        f /= 2f64.powi(k as i32);
        e += k;
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("integer division result too large for a float"));
    }
    Ok(Value::Float(if neg { -f } else { f }))
}

/// Most decimal digits an int may have when converted to or from text (CPython's default
/// `sys.get_int_max_str_digits()`).
pub const MAX_STR_DIGITS: usize = 4300;

fn int_new(vm: &mut Vm, a: Args) -> PyResult {
    let cls = Value::Obj(crate::types::check_new(vm, &types().int, &a)?);
    if a.args.len() > 3 {
        return Err(vm.type_error(&format!("int() takes at most 2 arguments ({} given)", a.args.len() - 1)));
    }
    let mut x = a.args.get(1).cloned();
    let mut base = a.args.get(2).cloned();
    for (k, v) in a.kwargs {
        match k.as_str() {
            Some("base") if base.is_none() => base = Some(v.clone()),
            Some("x") if x.is_none() => {
                return Err(vm.type_error("'x' is an invalid keyword argument for int()"));
            }
            Some(name) => return Err(vm.type_error(&format!("'{name}' is an invalid keyword argument for int()"))),
            None => return Err(vm.type_error("keywords must be strings")),
        }
    }
    let v = match (x.take(), base) {
        (None, None) => Value::Int(0),
        (None, Some(_)) => return Err(vm.type_error("int() missing string argument")),
        (Some(x), None) => int_of(vm, &x)?,
        (Some(x), Some(base)) => {
            let b = crate::ops::index_value(vm, &base)?;
            let b = match b.to_i64() {
                Some(b) if b == 0 || (2..=36).contains(&b) => b as u32,
                _ => return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0")),
            };
            match &x {
                Value::Obj(o) => match &o.payload {
                    Payload::Str(s) => parse_int(vm, s.as_str(), b)?,
                    Payload::Bytes(_) | Payload::ByteArray(_) => {
                        let bytes = crate::types::bytes::bytes_like(&x).unwrap_or_default();
                        parse_int_bytes(vm, &bytes, b, &x)?
                    }
                    _ => return Err(vm.type_error("int() can't convert non-string with explicit base")),
                },
                _ => return Err(vm.type_error("int() can't convert non-string with explicit base")),
            }
        }
    };
    wrap_subclass(&cls, v)
}

fn wrap_subclass(cls: &Value, v: Value) -> PyResult {
    match cls {
        Value::Obj(c) if !c.is(&types().int) => {
            let b = to_bigint(&v).unwrap_or_default();
            Ok(Value::Obj(crate::types::new_object(c, Payload::Int(b))))
        }
        _ => Ok(v),
    }
}

/// `int(x)` for one argument.
pub fn int_of(vm: &mut Vm, x: &Value) -> PyResult {
    match x {
        Value::Int(_) => Ok(x.clone()),
        Value::Bool64(b) => Ok(Value::Int(b.get() as i64)),
        Value::Float64(f) => float_to_int(vm, f.get()),
        Value::Obj(o) => {
            if o.cls_data().builtin {
                match &o.payload {
                    Payload::Int(b) => return Ok(from_bigint(b.clone())),
                    Payload::Str(s) => return parse_int(vm, s.as_str(), 10),
                    Payload::Bytes(b) => return parse_int_bytes(vm, b, 10, x),
                    Payload::ByteArray(_) => {
                        let b = crate::types::bytes::bytes_like(x).unwrap_or_default();
                        return parse_int_bytes(vm, &b, 10, x);
                    }
                    _ => {}
                }
            }
            for m in ["__int__", "__index__"] {
                if let Some(r) = vm.call_special(x, m, &[])? {
                    if let Some(b) = to_bigint(&r) {
                        return Ok(from_bigint(b));
                    }
                    let tn = vm.type_name(&r);
                    return Err(vm.type_error(&format!("{m} returned non-int (type {tn})")));
                }
            }
            if let Some(r) = vm.call_special(x, "__trunc__", &[])? {
                if let Some(b) = to_bigint(&r) {
                    return Ok(from_bigint(b));
                }
                if let Some(r2) = vm.call_special(&r, "__index__", &[])? {
                    if let Some(b) = to_bigint(&r2) {
                        return Ok(from_bigint(b));
                    }
                }
                let tn = vm.type_name(&r);
                return Err(vm.type_error(&format!("__trunc__ returned non-Integral (type {tn})")));
            }
            match &o.payload {
                Payload::Str(s) => return parse_int(vm, s.as_str(), 10),
                Payload::Bytes(b) => return parse_int_bytes(vm, b, 10, x),
                Payload::Int(b) => return Ok(from_bigint(b.clone())),
                Payload::Float(f) => return float_to_int(vm, *f),
                _ => {}
            }
            let tn = vm.type_name(x);
            Err(vm.type_error(&format!("int() argument must be a string, a bytes-like object or a real number, not '{tn}'")))
        }
        _ => {
            let tn = vm.type_name(x);
            Err(vm.type_error(&format!("int() argument must be a string, a bytes-like object or a real number, not '{tn}'")))
        }
    }
}

/// `int(bytes, base)`: the bytes are ASCII text; the error shows the bytes' repr.
fn parse_int_bytes(vm: &mut Vm, b: &[u8], base: u32, orig: &Value) -> PyResult {
    let text: String = b.iter().map(|&c| if c.is_ascii() { c as char } else { '\u{fffd}' }).collect();
    match parse_digits(&text, base) {
        Ok(v) => v.map_or_else(|n| Err(too_many_digits(vm, n)), Ok),
        Err(()) => {
            let r = vm.repr(orig)?;
            Err(invalid_literal(vm, base, &r))
        }
    }
}

fn invalid_literal(vm: &mut Vm, base: u32, repr: &str) -> crate::PyErr {
    // CPython prints at most 200 characters of the repr (`%.200R`).
    let shown: String = repr.chars().take(200).collect();
    vm.value_error(&format!("invalid literal for int() with base {base}: {shown}"))
}

fn too_many_digits(vm: &mut Vm, n: usize) -> crate::PyErr {
    vm.value_error(&format!("Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has {n} digits; use sys.set_int_max_str_digits() to increase the limit"))
}

/// `int(text, base)` with CPython's rules: surrounding whitespace, a sign, a base prefix
/// (with one optional underscore after it), single underscores between digits, any Unicode
/// decimal digits.
pub fn parse_int(vm: &mut Vm, s: &str, base: u32) -> PyResult {
    match parse_digits(s, base) {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(n)) => Err(too_many_digits(vm, n)),
        Err(()) => {
            let sv = vm.new_str(s);
            let r = vm.repr(&sv)?;
            Err(invalid_literal(vm, base, &r))
        }
    }
}

/// Err(()) for an invalid literal; Ok(Err(n)) when a decimal literal has too many digits.
fn parse_digits(s: &str, base: u32) -> Result<Result<Value, usize>, ()> {
    let t = s.trim_matches(|c: char| c.is_whitespace());
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let b = body.as_bytes();
    let mut base = base;
    let mut digits = body;
    let prefix_base = if b.len() >= 2 && b[0] == b'0' {
        match b[1] {
            b'x' | b'X' => 16,
            b'o' | b'O' => 8,
            b'b' | b'B' => 2,
            _ => 0,
        }
    } else {
        0
    };
    if base == 0 {
        if prefix_base != 0 {
            base = prefix_base;
            digits = &body[2..];
        } else if b.first() == Some(&b'0') {
            // "0", "00", "0_0": only zeros are allowed after a leading zero.
            if body.chars().all(|c| c == '0' || c == '_') && !body.ends_with('_') && !body.contains("__") {
                return Ok(Ok(Value::Int(0)));
            }
            return Err(());
        } else {
            base = 10;
        }
    } else if prefix_base == base {
        digits = &body[2..];
    }
    if prefix_base != 0 && digits.len() != body.len() {
        // One underscore may follow the prefix.
        if let Some(rest) = digits.strip_prefix('_') {
            digits = rest;
        }
    }
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return Err(());
    }
    let mut clean = String::with_capacity(digits.len());
    for c in digits.chars() {
        if c == '_' {
            continue;
        }
        let d = if c.is_ascii_alphanumeric() {
            c.to_digit(36).ok_or(())?
        } else {
            unicode_digit(c).ok_or(())?
        };
        if d >= base {
            return Err(());
        }
        clean.push(std::char::from_digit(d, 36).ok_or(())?);
    }
    if !base.is_power_of_two() && clean.len() > MAX_STR_DIGITS {
        return Ok(Err(clean.len()));
    }
    let v = if clean.len() <= 18 && base == 10 {
        Value::Int(clean.parse::<i64>().map_err(|_| ())? * if neg { -1 } else { 1 })
    } else {
        let n = BigInt::parse_bytes(clean.as_bytes(), base).ok_or(())?;
        from_bigint(if neg { -n } else { n })
    };
    Ok(Ok(v))
}

/// The value of a Unicode decimal digit (category Nd): digits come in runs of ten
/// starting at a code point ending in 0 (or 6 for a few scripts); the common ones here.
pub fn unicode_digit(c: char) -> Option<u32> {
    const ZEROS: &[u32] = &[
        0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x11066, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6,
    ];
    let n = c as u32;
    ZEROS.iter().find(|&&z| n >= z && n < z + 10).map(|&z| n - z)
}

/// `str(int)`, refusing more than [`MAX_STR_DIGITS`] digits as CPython does.
pub fn int_repr_value(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Value::Int(i) = v {
        return Ok(i.to_string());
    }
    let b = to_bigint(v).unwrap_or_default();
    if b.bits() >= 14_000 {
        // 4300 decimal digits are about 14284 bits: convert and count near the limit.
        if b.bits() > 15_000 || b.abs().to_string().len() > MAX_STR_DIGITS {
            return Err(vm.value_error(&format!("Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")));
        }
    }
    Ok(b.to_string())
}

// ----- methods -----

fn not_implemented() -> Value {
    Value::Obj(types().not_implemented_obj.clone())
}

/// `self` of an int method, checked.
fn self_int(vm: &mut Vm, a: &Args, name: &str) -> PyResult<BigInt> {
    match a.args.first() {
        Some(v) if crate::ops::is_int(v) => Ok(to_bigint(v).unwrap_or_default()),
        Some(v) => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("descriptor '{name}' requires a 'int' object but received a '{tn}'")))
        }
        None => Err(vm.type_error(&format!("descriptor '{name}' of 'int' object needs an argument"))),
    }
}

/// An int argument as a plain int value (bools become ints).
fn plain(v: &Value) -> Value {
    match v {
        Value::Bool64(b) => Value::Int(b.get() as i64),
        Value::Obj(o) if !o.cls_data().builtin => from_bigint(to_bigint(v).unwrap_or_default()),
        _ => v.clone(),
    }
}

fn method_args(vm: &mut Vm, a: &Args, name: &str, n: usize) -> PyResult<()> {
    if a.args.len() != n + 1 || !a.kwargs.is_empty() {
        if !a.kwargs.is_empty() {
            return Err(vm.type_error(&format!("int.{name}() takes no keyword arguments")));
        }
        let given = a.args.len().saturating_sub(1);
        return Err(vm.type_error(&match n {
            0 => format!("int.{name}() takes no arguments ({given} given)"),
            _ => format!("expected {n} argument{}, got {given}", if n == 1 { "" } else { "s" }),
        }));
    }
    Ok(())
}

/// `int.__op__(self, other)` / `int.__rop__(self, other)`: NotImplemented unless both are ints.
fn int_binary(vm: &mut Vm, a: &Args, name: &str, op: BinOp, reflected: bool) -> PyResult {
    self_int(vm, a, name)?;
    method_args(vm, a, name, 1)?;
    let (s, o) = (&a.args[0], &a.args[1]);
    if !crate::ops::is_int(o) {
        return Ok(not_implemented());
    }
    let (x, y) = if reflected { (plain(o), plain(s)) } else { (plain(s), plain(o)) };
    match crate::ops::native_binop(vm, &x, &y, op)? {
        Some(r) => Ok(r),
        None => Ok(not_implemented()),
    }
}

macro_rules! int_binary_methods {
    ($( $f:ident, $rf:ident, $name:literal, $rname:literal, $op:expr; )*) => {
        $(
            fn $f(vm: &mut Vm, a: Args) -> PyResult { int_binary(vm, &a, $name, $op, false) }
            fn $rf(vm: &mut Vm, a: Args) -> PyResult { int_binary(vm, &a, $rname, $op, true) }
        )*
        const INT_BINARY: &[(&str, crate::NativeFn)] = &[ $( ($name, $f), ($rname, $rf), )* ];
    };
}

int_binary_methods! {
    int_add, int_radd, "__add__", "__radd__", BinOp::Add;
    int_sub, int_rsub, "__sub__", "__rsub__", BinOp::Sub;
    int_mul, int_rmul, "__mul__", "__rmul__", BinOp::Mul;
    int_truediv, int_rtruediv, "__truediv__", "__rtruediv__", BinOp::TrueDiv;
    int_floordiv, int_rfloordiv, "__floordiv__", "__rfloordiv__", BinOp::FloorDiv;
    int_mod, int_rmod, "__mod__", "__rmod__", BinOp::Mod;
    int_lshift, int_rlshift, "__lshift__", "__rlshift__", BinOp::LShift;
    int_rshift, int_rrshift, "__rshift__", "__rrshift__", BinOp::RShift;
    int_and, int_rand, "__and__", "__rand__", BinOp::And;
    int_or, int_ror, "__or__", "__ror__", BinOp::Or;
    int_xor, int_rxor, "__xor__", "__rxor__", BinOp::Xor;
}

/// `divmod` of two ints.
pub fn int_divmod_values(vm: &mut Vm, x: &Value, y: &Value) -> PyResult {
    let (x, y) = (plain(x), plain(y));
    if let (Value::Int(_), Value::Int(0)) = (&x, &y) {
        return Err(vm.zero_division("integer division or modulo by zero"));
    }
    if to_bigint(&y).is_some_and(|b| b.is_zero()) {
        return Err(vm.zero_division("integer division or modulo by zero"));
    }
    let q = crate::ops::native_binop(vm, &x, &y, BinOp::FloorDiv)?.unwrap_or(Value::None);
    let r = crate::ops::native_binop(vm, &x, &y, BinOp::Mod)?.unwrap_or(Value::None);
    Ok(crate::types::tuple::new_tuple(vec![q, r]))
}

fn int_divmod(vm: &mut Vm, a: Args) -> PyResult {
    self_int(vm, &a, "__divmod__")?;
    method_args(vm, &a, "__divmod__", 1)?;
    if !crate::ops::is_int(&a.args[1]) {
        return Ok(not_implemented());
    }
    int_divmod_values(vm, &a.args[0], &a.args[1])
}

fn int_rdivmod(vm: &mut Vm, a: Args) -> PyResult {
    self_int(vm, &a, "__rdivmod__")?;
    method_args(vm, &a, "__rdivmod__", 1)?;
    if !crate::ops::is_int(&a.args[1]) {
        return Ok(not_implemented());
    }
    int_divmod_values(vm, &a.args[1], &a.args[0])
}

/// `pow(base, exp, mod)` for ints.
pub fn int_pow_mod(vm: &mut Vm, b: &BigInt, e: &BigInt, m: &BigInt) -> PyResult {
    if m.is_zero() {
        return Err(vm.value_error("pow() 3rd argument cannot be 0"));
    }
    let mm = m.abs();
    let base = if e.is_negative() {
        let g = b.mod_floor(&mm).extended_gcd(&mm);
        if !g.gcd.is_one() {
            return Err(vm.value_error("base is not invertible for the given modulus"));
        }
        g.x.mod_floor(&mm)
    } else {
        b.mod_floor(&mm)
    };
    let mut r = base.modpow(&e.abs(), &mm);
    if m.is_negative() && !r.is_zero() {
        r += m;
    }
    Ok(from_bigint(r))
}

fn int_pow_impl(vm: &mut Vm, a: &Args, name: &str, reflected: bool) -> PyResult {
    self_int(vm, a, name)?;
    if a.args.len() < 2 || a.args.len() > 3 {
        let given = a.args.len().saturating_sub(1);
        return Err(vm.type_error(&format!("expected 1 or 2 arguments, got {given}")));
    }
    let (s, o) = (&a.args[0], &a.args[1]);
    if !crate::ops::is_int(o) {
        return Ok(not_implemented());
    }
    let (x, y) = if reflected { (o, s) } else { (s, o) };
    match a.args.get(2) {
        Some(m) if !m.is_none() => {
            if !crate::ops::is_int(m) {
                return Ok(not_implemented());
            }
            let (xb, yb, mb) = (to_bigint(x).unwrap_or_default(), to_bigint(y).unwrap_or_default(), to_bigint(m).unwrap_or_default());
            int_pow_mod(vm, &xb, &yb, &mb)
        }
        _ => crate::ops::native_binop(vm, &plain(x), &plain(y), BinOp::Pow).map(|r| r.unwrap_or_else(not_implemented)),
    }
}

fn int_pow(vm: &mut Vm, a: Args) -> PyResult {
    int_pow_impl(vm, &a, "__pow__", false)
}

fn int_rpow(vm: &mut Vm, a: Args) -> PyResult {
    int_pow_impl(vm, &a, "__rpow__", true)
}

macro_rules! int_unary {
    ($f:ident, $name:literal, |$vm:ident, $b:ident| $body:expr) => {
        fn $f(vm: &mut Vm, a: Args) -> PyResult {
            let $b = self_int(vm, &a, $name)?;
            method_args(vm, &a, $name, 0)?;
            let $vm = vm;
            $body
        }
    };
}

int_unary!(int_neg, "__neg__", |_vm, b| Ok(from_bigint(-b)));
int_unary!(int_pos, "__pos__", |_vm, b| Ok(from_bigint(b)));
int_unary!(int_abs, "__abs__", |_vm, b| Ok(from_bigint(b.abs())));
int_unary!(int_invert, "__invert__", |_vm, b| Ok(from_bigint(-b - 1)));
int_unary!(int_bool, "__bool__", |_vm, b| Ok(Value::Bool(!b.is_zero())));
int_unary!(int_int, "__int__", |_vm, b| Ok(from_bigint(b)));
int_unary!(int_index, "__index__", |_vm, b| Ok(from_bigint(b)));
int_unary!(int_trunc, "__trunc__", |_vm, b| Ok(from_bigint(b)));
int_unary!(int_floor, "__floor__", |_vm, b| Ok(from_bigint(b)));
int_unary!(int_ceil, "__ceil__", |_vm, b| Ok(from_bigint(b)));
int_unary!(int_conjugate, "conjugate", |_vm, b| Ok(from_bigint(b)));
int_unary!(int_float, "__float__", |vm, b| int_to_f64(vm, &from_bigint(b)).map(Value::Float));
int_unary!(int_hash, "__hash__", |_vm, b| Ok(Value::Int(hash_bigint(&b))));
int_unary!(int_bit_length, "bit_length", |_vm, b| Ok(Value::Int(b.bits() as i64)));
int_unary!(int_bit_count, "bit_count", |_vm, b| Ok(Value::Int(b.magnitude().count_ones() as i64)));
int_unary!(int_getnewargs, "__getnewargs__", |_vm, b| Ok(crate::types::tuple::new_tuple(vec![from_bigint(b)])));
int_unary!(int_as_integer_ratio, "as_integer_ratio", |_vm, b| Ok(crate::types::tuple::new_tuple(vec![from_bigint(b), Value::Int(1)])));
int_unary!(int_sizeof, "__sizeof__", |_vm, b| Ok(Value::Int(24 + 4 * (b.bits() as i64 / 30).max(if b.is_zero() { 0 } else { 1 }))));

fn int_repr(vm: &mut Vm, a: Args) -> PyResult {
    self_int(vm, &a, "__repr__")?;
    let s = int_repr_value(vm, &plain(&a.args[0]))?;
    Ok(vm.new_string(s))
}

/// `round(int, ndigits)`: for negative ndigits, round half to even at 10**-ndigits.
pub fn int_round_value(vm: &mut Vm, x: &BigInt, nd: Option<&Value>) -> PyResult {
    let nd = match nd {
        None | Some(Value::None) => return Ok(from_bigint(x.clone())),
        Some(n) => crate::ops::index_value(vm, n)?,
    };
    if !nd.is_negative() {
        return Ok(from_bigint(x.clone()));
    }
    let Some(k) = (-nd).to_u32().filter(|k| *k <= 1_000_000) else {
        return Ok(Value::Int(0));
    };
    let p = Pow::pow(BigInt::from(10), k);
    let (q, r) = x.div_mod_floor(&p);
    let twice = &r * 2;
    let q = if twice > p || (twice == p && q.is_odd()) { q + 1 } else { q };
    Ok(from_bigint(q * p))
}

fn int_round(vm: &mut Vm, a: Args) -> PyResult {
    let b = self_int(vm, &a, "__round__")?;
    if a.args.len() > 2 {
        return Err(vm.type_error(&format!("__round__ expected at most 1 argument, got {}", a.args.len() - 1)));
    }
    int_round_value(vm, &b, a.args.get(1))
}

fn int_format(vm: &mut Vm, a: Args) -> PyResult {
    self_int(vm, &a, "__format__")?;
    method_args(vm, &a, "__format__", 1)?;
    let Some(spec) = a.args[1].as_str().map(|x| x.to_string()) else {
        let tn = vm.type_name(&a.args[1]);
        return Err(vm.type_error(&format!("__format__() argument must be str, not {tn}")));
    };
    let v = a.args[0].clone();
    if spec.is_empty() {
        return vm.str_value(&v);
    }
    let s = crate::format::format_builtin(vm, &v, &spec)?;
    Ok(vm.new_string(s))
}

fn int_compare(vm: &mut Vm, a: &Args, name: &str, op: CmpOp) -> PyResult {
    self_int(vm, a, name)?;
    method_args(vm, a, name, 1)?;
    if !crate::ops::is_int(&a.args[1]) {
        return Ok(not_implemented());
    }
    let r = crate::ops::native_compare(vm, &plain(&a.args[0]), &plain(&a.args[1]), op)?;
    Ok(r.map(Value::Bool).unwrap_or_else(not_implemented))
}

fn int_eq(vm: &mut Vm, a: Args) -> PyResult {
    int_compare(vm, &a, "__eq__", CmpOp::Eq)
}
fn int_ne(vm: &mut Vm, a: Args) -> PyResult {
    int_compare(vm, &a, "__ne__", CmpOp::Ne)
}
fn int_lt(vm: &mut Vm, a: Args) -> PyResult {
    int_compare(vm, &a, "__lt__", CmpOp::Lt)
}
fn int_le(vm: &mut Vm, a: Args) -> PyResult {
    int_compare(vm, &a, "__le__", CmpOp::Le)
}
fn int_gt(vm: &mut Vm, a: Args) -> PyResult {
    int_compare(vm, &a, "__gt__", CmpOp::Gt)
}
fn int_ge(vm: &mut Vm, a: Args) -> PyResult {
    int_compare(vm, &a, "__ge__", CmpOp::Ge)
}

/// Parse `to_bytes` / `from_bytes` arguments: (length-or-bytes, byteorder, signed).
fn bytes_args<'a>(vm: &mut Vm, a: &Args<'a>, name: &str, first: &str) -> PyResult<(Option<Value>, bool, bool)> {
    let mut pos: Vec<Value> = a.args[1..].to_vec();
    let mut signed = false;
    let mut first_v = None;
    let mut order = None;
    if pos.len() > 2 {
        return Err(vm.type_error(&format!("{name}() takes at most 2 positional arguments ({} given)", pos.len())));
    }
    if !pos.is_empty() {
        first_v = Some(pos.remove(0));
    }
    if !pos.is_empty() {
        order = Some(pos.remove(0));
    }
    for (k, v) in a.kwargs {
        match k.as_str() {
            Some(k) if k == first && first_v.is_none() => first_v = Some(v.clone()),
            Some("byteorder") if order.is_none() => order = Some(v.clone()),
            Some("signed") => signed = vm.truthy(v)?,
            Some(k) if k == first || k == "byteorder" => {
                return Err(vm.type_error(&format!("argument for {name}() given by name ('{k}') and position")));
            }
            Some(k) => return Err(vm.type_error(&format!("{name}() got an unexpected keyword argument '{k}'"))),
            None => return Err(vm.type_error("keywords must be strings")),
        }
    }
    let little = match &order {
        None => false,
        Some(o) => match o.as_str() {
            Some("big") => false,
            Some("little") => true,
            Some(_) => return Err(vm.value_error("byteorder must be either 'little' or 'big'")),
            None => {
                let tn = vm.type_name(o);
                return Err(vm.type_error(&format!("{name}() argument 'byteorder' must be str, not {tn}")));
            }
        },
    };
    Ok((first_v, little, signed))
}

fn int_to_bytes(vm: &mut Vm, a: Args) -> PyResult {
    let b = self_int(vm, &a, "to_bytes")?;
    let (length, little, signed) = bytes_args(vm, &a, "to_bytes", "length")?;
    let length = match length {
        None => 1,
        Some(l) => {
            let l = crate::ops::index_value(vm, &l)?;
            if l.is_negative() {
                return Err(vm.value_error("length argument must be non-negative"));
            }
            l.to_usize().unwrap_or(usize::MAX)
        }
    };
    if b.is_negative() && !signed {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed { b.to_signed_bytes_le() } else { b.to_bytes_le().1 };
    if b.is_zero() {
        bytes.clear();
    }
    // to_signed_bytes_le may carry a sign byte that fits in the padding.
    if bytes.len() > length {
        return Err(vm.overflow_error("int too big to convert"));
    }
    let fill = if signed && b.is_negative() { 0xff } else { 0 };
    let mut out = crate::alloc::try_vec(vm, length)?;
    out.extend_from_slice(&bytes);
    out.resize(length, fill);
    if !little {
        out.reverse();
    }
    Ok(crate::types::bytes::new_bytes(out))
}

fn int_from_bytes(vm: &mut Vm, a: Args) -> PyResult {
    let (data, little, signed) = bytes_args(vm, &a, "from_bytes", "bytes")?;
    let Some(data) = data else { return Err(vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)")) };
    let mut bytes = match crate::types::bytes::bytes_like(&data) {
        Some(b) if data.as_str().is_none() => b,
        _ => {
            if data.as_str().is_some() {
                return Err(vm.type_error("cannot convert 'str' object to bytes"));
            }
            let items = vm.collect(&data)?;
            let mut out = Vec::with_capacity(items.len());
            for v in &items {
                let n = crate::ops::index_value(vm, v)?;
                match n.to_u8() {
                    Some(x) => out.push(x),
                    None => return Err(vm.value_error("bytes must be in range(0, 256)")),
                }
            }
            out
        }
    };
    if !little {
        bytes.reverse();
    }
    let b = if signed { BigInt::from_signed_bytes_le(&bytes) } else { BigInt::from_bytes_le(num_bigint::Sign::Plus, &bytes) };
    let v = from_bigint(b);
    match &a.args[0] {
        Value::Obj(c) if !c.is(&types().int) => {
            let cv = Value::Obj(c.clone());
            vm.call(&cv, &[v], &[])
        }
        _ => Ok(v),
    }
}

// ----- bool -----

fn bool_new(vm: &mut Vm, a: Args) -> PyResult {
    if !a.kwargs.is_empty() {
        return Err(vm.type_error("bool() takes no keyword arguments"));
    }
    if a.args.len() > 2 {
        return Err(vm.type_error(&format!("bool expected at most 1 argument, got {}", a.args.len() - 1)));
    }
    match a.args.get(1) {
        None => Ok(Value::Bool(false)),
        Some(v) => Ok(Value::Bool(vm.truthy(v)?)),
    }
}

fn bool_repr(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Obj(crate::vm::intern_static(if matches!(a.args[0], Value::Bool64(crate::value::B64::TRUE)) { "True" } else { "False" })))
}

/// `bool & bool` is a bool; anything else is int arithmetic.
fn bool_bitop(vm: &mut Vm, a: &Args, name: &str, op: BinOp) -> PyResult {
    if let (Some(Value::Bool64(x)), Some(Value::Bool64(y))) = (a.args.first(), a.args.get(1)) {
        return Ok(Value::Bool(match op {
            BinOp::And => x.get() & y.get(),
            BinOp::Or => x.get() | y.get(),
            _ => x.get() ^ y.get(),
        }));
    }
    int_binary(vm, a, name, op, false)
}

fn bool_and(vm: &mut Vm, a: Args) -> PyResult {
    bool_bitop(vm, &a, "__and__", BinOp::And)
}
fn bool_or(vm: &mut Vm, a: Args) -> PyResult {
    bool_bitop(vm, &a, "__or__", BinOp::Or)
}
fn bool_xor(vm: &mut Vm, a: Args) -> PyResult {
    bool_bitop(vm, &a, "__xor__", BinOp::Xor)
}

pub fn init(t: &BuiltinTypes) {
    add_staticmethod(&t.int, "__new__", int_new);
    add_methods(&t.int, INT_BINARY);
    add_methods(&t.int, &[
        ("__repr__", int_repr), ("__str__", int_repr), ("__format__", int_format), ("__hash__", int_hash), ("__sizeof__", int_sizeof),
        ("__divmod__", int_divmod), ("__rdivmod__", int_rdivmod), ("__pow__", int_pow), ("__rpow__", int_rpow),
        ("__neg__", int_neg), ("__pos__", int_pos), ("__abs__", int_abs), ("__invert__", int_invert), ("__bool__", int_bool),
        ("__int__", int_int), ("__index__", int_index), ("__float__", int_float), ("__trunc__", int_trunc), ("__floor__", int_floor), ("__ceil__", int_ceil), ("__round__", int_round),
        ("__eq__", int_eq), ("__ne__", int_ne), ("__lt__", int_lt), ("__le__", int_le), ("__gt__", int_gt), ("__ge__", int_ge),
        ("bit_length", int_bit_length), ("bit_count", int_bit_count), ("to_bytes", int_to_bytes), ("conjugate", int_conjugate),
        ("as_integer_ratio", int_as_integer_ratio), ("__getnewargs__", int_getnewargs),
    ]);
    crate::types::add_classmethod(&t.int, "from_bytes", int_from_bytes);
    add_staticmethod(&t.bool_, "__new__", bool_new);
    add_methods(&t.bool_, &[
        ("__repr__", bool_repr), ("__str__", bool_repr), ("__and__", bool_and), ("__rand__", bool_and), ("__or__", bool_or), ("__ror__", bool_or), ("__xor__", bool_xor), ("__rxor__", bool_xor),
    ]);
}
