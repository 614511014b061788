//! `int`: inline i64 with overflow promotion to `BigInt`, hashing as CPython (mod 2**61-1).

use crate::object::{ObjRef, Payload};
use crate::types::{add_methods, add_staticmethod, types, BuiltinTypes};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero, Pow};
use spindle_compiler::bytecode::BinOp;

const MODULUS: i64 = (1 << 61) - 1;

pub fn hash_i64(i: i64) -> i64 {
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
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
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
        Value::Bool(b) => Some(*b as i64),
        Value::Obj(o) => match &o.payload {
            Payload::Int(b) => b.to_i64(),
            _ => None,
        },
        _ => None,
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
            x.checked_div_euclid(y).map(|_| x.div_floor(&y))
        }
        BinOp::Mod => {
            if y == 0 {
                return Err(vm.zero_division("integer division or modulo by zero"));
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
            if y < 63 && (x.abs() < (1i64 << (62 - y))) {
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
                if x == 0 {
                    return Err(vm.zero_division("0.0 cannot be raised to a negative power"));
                }
                return Ok(Value::Float((x as f64).powf(y as f64)));
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
                return Err(vm.zero_division("integer division or modulo by zero"));
            }
            x.mod_floor(y)
        }
        BinOp::TrueDiv => {
            if y.is_zero() {
                return Err(vm.zero_division("division by zero"));
            }
            let (xf, yf) = (bigint_to_f64(x), bigint_to_f64(y));
            if xf.is_finite() && yf.is_finite() {
                return Ok(Value::Float(xf / yf));
            }
            let q = x.div_floor(y);
            let qf = bigint_to_f64(&q);
            if qf.is_infinite() {
                return Err(vm.overflow_error("integer division result too large for a float"));
            }
            return Ok(Value::Float(qf));
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
                if x.is_zero() {
                    return Err(vm.zero_division("0.0 cannot be raised to a negative power"));
                }
                return Ok(Value::Float(bigint_to_f64(x).powf(bigint_to_f64(y))));
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

fn int_new(vm: &mut Vm, a: Args) -> PyResult {
    let cls = a.args[0].clone();
    let v = match (a.args.get(1), a.args.get(2).or(a.kw("base"))) {
        (None, _) => Value::Int(0),
        (Some(x), None) => int_of(vm, x)?,
        (Some(x), Some(base)) => {
            let b = to_i64(base).unwrap_or(10);
            let s = match x {
                Value::Obj(o) => match &o.payload {
                    Payload::Str(s) => s.as_str().to_string(),
                    Payload::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
                    _ => return Err(vm.type_error("int() can't convert non-string with explicit base")),
                },
                _ => return Err(vm.type_error("int() can't convert non-string with explicit base")),
            };
            parse_int(vm, &s, b as u32)?
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
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => float_to_int(vm, *f),
        Value::Obj(o) => match &o.payload {
            Payload::Int(b) if o.cls_data().builtin => Ok(from_bigint(b.clone())),
            Payload::Str(s) => parse_int(vm, s.as_str(), 10),
            Payload::Bytes(b) => parse_int(vm, &String::from_utf8_lossy(b), 10),
            _ => {
                for m in ["__int__", "__index__", "__trunc__"] {
                    if let Some(r) = vm.call_special(x, m, &[])? {
                        if let Some(b) = to_bigint(&r) {
                            return Ok(from_bigint(b));
                        }
                        let tn = vm.type_name(&r);
                        return Err(vm.type_error(&format!("{m} returned non-int (type {tn})")));
                    }
                }
                if let Payload::Int(b) = &o.payload {
                    return Ok(from_bigint(b.clone()));
                }
                if let Payload::Float(f) = &o.payload {
                    return float_to_int(vm, *f);
                }
                let tn = vm.type_name(x);
                Err(vm.type_error(&format!("int() argument must be a string, a bytes-like object or a real number, not '{tn}'")))
            }
        },
        _ => Err(vm.type_error("int() argument must be a string, a bytes-like object or a real number, not 'NoneType'")),
    }
}

pub fn parse_int(vm: &mut Vm, s: &str, base: u32) -> PyResult {
    let orig = s;
    let t = s.trim();
    let (neg, body) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let mut base = base;
    let lower = body.to_ascii_lowercase();
    let mut digits = body;
    let pfx = |p: &str| lower.starts_with(p);
    if (base == 16 || base == 0) && pfx("0x") {
        base = 16;
        digits = &body[2..];
    } else if (base == 8 || base == 0) && pfx("0o") {
        base = 8;
        digits = &body[2..];
    } else if (base == 2 || base == 0) && pfx("0b") {
        base = 2;
        digits = &body[2..];
    } else if base == 0 {
        base = 10;
        if body.len() > 1 && body.starts_with('0') && body.chars().any(|c| c != '0' && c != '_') {
            digits = "!";
        }
    }
    let bad = |vm: &mut Vm| {
        let o = vm_str(vm, orig);
        let r = vm.repr(&o).unwrap_or_default();
        vm.value_error(&format!("invalid literal for int() with base {}: {r}", if base == 0 { 10 } else { base }))
    };
    if !(2..=36).contains(&base) {
        return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
    }
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return Err(bad(vm));
    }
    let clean: String = digits.chars().filter(|c| *c != '_').map(|c| if c.is_ascii_digit() { c } else if let Some(d) = c.to_digit(10) { char::from_digit(d, 10).unwrap_or(c) } else { c }).collect();
    if clean.len() > 4300 && base == 10 {
        return Err(vm.value_error(&format!("Exceeds the limit (4300 digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit", clean.len())));
    }
    match BigInt::parse_bytes(clean.as_bytes(), base) {
        Some(b) => Ok(from_bigint(if neg { -b } else { b })),
        None => Err(bad(vm)),
    }
}

fn vm_str(vm: &mut Vm, s: &str) -> Value {
    vm.new_str(s)
}

pub fn int_repr_value(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let b = to_bigint(v).unwrap_or_default();
    if b.bits() > 14300 {
        return Err(vm.value_error("Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"));
    }
    Ok(b.to_string())
}

fn self_int(vm: &mut Vm, a: &Args) -> PyResult<BigInt> {
    match a.args.first().and_then(to_bigint) {
        Some(b) => Ok(b),
        None => Err(vm.type_error("descriptor requires an 'int' object")),
    }
}

fn int_repr(vm: &mut Vm, a: Args) -> PyResult {
    let s = int_repr_value(vm, &a.args[0])?;
    Ok(vm.new_string(s))
}

fn int_bit_length(vm: &mut Vm, a: Args) -> PyResult {
    let b = self_int(vm, &a)?;
    Ok(Value::Int(b.bits() as i64))
}

fn int_bit_count(vm: &mut Vm, a: Args) -> PyResult {
    let b = self_int(vm, &a)?;
    Ok(Value::Int(b.abs().to_biguint().map(|u| u.count_ones()).unwrap_or(0) as i64))
}

fn int_to_bytes(vm: &mut Vm, a: Args) -> PyResult {
    let b = self_int(vm, &a)?;
    let length = a.args.get(1).or(a.kw("length")).and_then(to_i64).unwrap_or(1) as usize;
    let order = a.args.get(2).or(a.kw("byteorder")).and_then(|v| v.as_str().map(|s| s.to_string())).unwrap_or_else(|| "big".into());
    let signed = a.kw("signed").map(|v| matches!(v, Value::Bool(true))).unwrap_or(false);
    if b.is_negative() && !signed {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed { b.to_signed_bytes_le() } else { b.to_bytes_le().1 };
    if bytes.len() > length {
        // to_signed_bytes_le may include a redundant sign byte.
        return Err(vm.overflow_error("int too big to convert"));
    }
    let fill = if signed && b.is_negative() { 0xff } else { 0 };
    if b.is_zero() {
        bytes.clear();
    }
    bytes.resize(length, fill);
    if order == "big" {
        bytes.reverse();
    } else if order != "little" {
        return Err(vm.value_error("byteorder must be either 'little' or 'big'"));
    }
    Ok(crate::types::bytes::new_bytes(bytes))
}

fn int_from_bytes(vm: &mut Vm, a: Args) -> PyResult {
    let data = a.args.get(1).or(a.kw("bytes")).cloned().unwrap_or(Value::None);
    let order = a.args.get(2).or(a.kw("byteorder")).and_then(|v| v.as_str().map(|s| s.to_string())).unwrap_or_else(|| "big".into());
    let signed = a.kw("signed").map(|v| matches!(v, Value::Bool(true))).unwrap_or(false);
    let mut bytes = match crate::types::bytes::bytes_like(&data) {
        Some(b) => b,
        None => vm.collect(&data)?.iter().map(|v| to_i64(v).unwrap_or(0) as u8).collect(),
    };
    if order == "big" {
        bytes.reverse();
    }
    let b = if signed { BigInt::from_signed_bytes_le(&bytes) } else { BigInt::from_bytes_le(num_bigint::Sign::Plus, &bytes) };
    Ok(from_bigint(b))
}

fn int_conjugate(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(from_bigint(to_bigint(&a.args[0]).unwrap_or_default()))
}

fn int_getnewargs(vm: &mut Vm, a: Args) -> PyResult {
    let b = self_int(vm, &a)?;
    Ok(crate::types::tuple::new_tuple(vec![from_bigint(b)]))
}

fn int_index(vm: &mut Vm, a: Args) -> PyResult {
    let b = self_int(vm, &a)?;
    Ok(from_bigint(b))
}

fn int_hash(vm: &mut Vm, a: Args) -> PyResult {
    let b = self_int(vm, &a)?;
    Ok(Value::Int(hash_bigint(&b)))
}

fn int_format(vm: &mut Vm, a: Args) -> PyResult {
    let spec = a.args.get(1).and_then(|s| s.as_str().map(|x| x.to_string())).unwrap_or_default();
    let v = from_bigint(self_int(vm, &a)?);
    if spec.is_empty() {
        return vm.str_value(&v);
    }
    let s = crate::format::format_builtin(vm, &v, &spec)?;
    Ok(vm.new_string(s))
}

macro_rules! int_dunder {
    ($name:ident, $op:expr, $rev:expr) => {
        fn $name(vm: &mut Vm, a: Args) -> PyResult {
            let (x, y) = if $rev { (a.args[1].clone(), a.args[0].clone()) } else { (a.args[0].clone(), a.args[1].clone()) };
            let xs = crate::ops::is_int(&x) && crate::ops::is_int(&y);
            if !xs {
                return Ok(Value::Obj(types().not_implemented_obj.clone()));
            }
            let xb = to_bigint(&x).unwrap_or_default();
            let yb = to_bigint(&y).unwrap_or_default();
            bigint_binop(vm, &xb, &yb, $op)
        }
    };
}
int_dunder!(int_add, BinOp::Add, false);
int_dunder!(int_radd, BinOp::Add, true);
int_dunder!(int_sub, BinOp::Sub, false);
int_dunder!(int_rsub, BinOp::Sub, true);
int_dunder!(int_mul, BinOp::Mul, false);
int_dunder!(int_rmul, BinOp::Mul, true);
int_dunder!(int_floordiv, BinOp::FloorDiv, false);
int_dunder!(int_truediv, BinOp::TrueDiv, false);
int_dunder!(int_mod, BinOp::Mod, false);
int_dunder!(int_pow, BinOp::Pow, false);

fn int_neg(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(from_bigint(-to_bigint(&a.args[0]).unwrap_or_default()))
}
fn int_bool(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Bool(!to_bigint(&a.args[0]).unwrap_or_default().is_zero()))
}
fn int_eq(vm: &mut Vm, a: Args) -> PyResult {
    let r = crate::ops::native_compare(vm, &a.args[0], &a.args[1], spindle_compiler::bytecode::CmpOp::Eq)?;
    Ok(r.map(Value::Bool).unwrap_or(Value::Obj(types().not_implemented_obj.clone())))
}
fn int_lt(vm: &mut Vm, a: Args) -> PyResult {
    let r = crate::ops::native_compare(vm, &a.args[0], &a.args[1], spindle_compiler::bytecode::CmpOp::Lt)?;
    Ok(r.map(Value::Bool).unwrap_or(Value::Obj(types().not_implemented_obj.clone())))
}

fn bool_new(vm: &mut Vm, a: Args) -> PyResult {
    match a.args.get(1) {
        None => Ok(Value::Bool(false)),
        Some(v) => Ok(Value::Bool(vm.truthy(v)?)),
    }
}

fn bool_repr(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Obj(crate::vm::intern_static(if matches!(a.args[0], Value::Bool(true)) { "True" } else { "False" })))
}

pub fn init(t: &BuiltinTypes) {
    add_staticmethod(&t.int, "__new__", int_new);
    add_methods(&t.int, &[
        ("__repr__", int_repr), ("__str__", int_repr), ("bit_length", int_bit_length), ("bit_count", int_bit_count), ("to_bytes", int_to_bytes),
        ("conjugate", int_conjugate), ("__getnewargs__", int_getnewargs), ("__index__", int_index), ("__int__", int_index), ("__hash__", int_hash), ("__format__", int_format),
        ("__add__", int_add), ("__radd__", int_radd), ("__sub__", int_sub), ("__rsub__", int_rsub), ("__mul__", int_mul), ("__rmul__", int_rmul),
        ("__floordiv__", int_floordiv), ("__truediv__", int_truediv), ("__mod__", int_mod), ("__pow__", int_pow), ("__neg__", int_neg), ("__bool__", int_bool),
        ("__eq__", int_eq), ("__lt__", int_lt), ("__trunc__", int_index), ("__floor__", int_index), ("__ceil__", int_index),
    ]);
    crate::types::add_classmethod(&t.int, "from_bytes", int_from_bytes);
    add_staticmethod(&t.bool_, "__new__", bool_new);
    add_methods(&t.bool_, &[("__repr__", bool_repr), ("__str__", bool_repr)]);
    let _ = BigInt::one();
}
