//! `float` and `complex` arithmetic, hashing and conversion.

use crate::object::{ObjRef, Payload};
use crate::types::{add_methods, add_staticmethod, types, BuiltinTypes};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};
use num_bigint::BigInt;
use spindle_compiler::bytecode::{BinOp, CmpOp};

pub fn hash_float(f: f64) -> i64 {
    if f.is_nan() {
        return 0;
    }
    if f.is_infinite() {
        return if f > 0.0 { 314159 } else { -314159 };
    }
    if f.fract() == 0.0 && f.abs() < 9.0e18 {
        return crate::types::int::hash_i64(f as i64);
    }
    // CPython's algorithm: reduce the exact rational value mod 2**61-1.
    let (m, e) = frexp(f.abs());
    let modulus: u64 = (1 << 61) - 1;
    let mut mm = m;
    let mut x: u64 = 0;
    let mut e = e;
    while mm != 0.0 {
        x = ((x << 28) & modulus) | (x >> (61 - 28));
        mm *= 268435456.0;
        e -= 28;
        let y = mm as u64;
        mm -= y as f64;
        x += y;
        if x >= modulus {
            x -= modulus;
        }
    }
    let e = if e >= 0 { e % 61 } else { 61 - 1 - ((-1 - e) % 61) };
    x = ((x << e) & modulus) | (x >> (61 - e));
    let mut h = x as i64;
    if f < 0.0 {
        h = -h;
    }
    if h == -1 { -2 } else { h }
}

pub fn frexp(f: f64) -> (f64, i32) {
    if f == 0.0 || !f.is_finite() {
        return (f, 0);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(f * (1u64 << 54) as f64);
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

pub fn f64_to_bigint(f: f64) -> Option<BigInt> {
    if !f.is_finite() {
        return None;
    }
    use num_traits::FromPrimitive;
    BigInt::from_f64(f.trunc())
}

/// float value of an int/float/bool (no __float__).
pub fn to_f64(v: &Value) -> Option<f64> {
    match v {
        Value::Float64(f) => Some(f.get()),
        Value::Int(i) => Some(*i as f64),
        Value::Bool64(b) => Some(b.get() as i64 as f64),
        Value::Obj(o) => match &o.payload {
            Payload::Float(f) => Some(*f),
            Payload::Int(b) => Some(crate::types::int::bigint_to_f64(b)),
            _ => None,
        },
        _ => None,
    }
}

/// Only real floats (not ints).
pub fn to_f64_strict(v: &Value) -> Option<f64> {
    match v {
        Value::Float64(f) => Some(f.get()),
        Value::Obj(o) => match &o.payload {
            Payload::Float(f) => Some(*f),
            _ => None,
        },
        _ => None,
    }
}

pub fn complex_parts(v: &Value) -> Option<(f64, f64)> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Complex(r, i) => Some((*r, *i)),
            _ => to_f64(v).map(|f| (f, 0.0)),
        },
        _ => to_f64(v).map(|f| (f, 0.0)),
    }
}

pub fn new_complex(r: f64, i: f64) -> Value {
    Value::Obj(ObjRef::new(types().complex.clone(), Payload::Complex(r, i)))
}

/// `_Py_c_prod`.
fn c_prod(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `c_powu`: `x ** n` by repeated squaring.
fn c_powu(x: (f64, f64), n: u64) -> (f64, f64) {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: u64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

/// `_Py_c_quot`: Smith's division; None when dividing by zero.
fn c_quot(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    let (abs_br, abs_bi) = (b.0.abs(), b.1.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

pub fn complex_binop(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    let (Some((ar, ai)), Some((br, bi))) = (complex_parts(a), complex_parts(b)) else { return Ok(None) };
    Ok(Some(match op {
        BinOp::Add => new_complex(ar + br, ai + bi),
        BinOp::Sub => new_complex(ar - br, ai - bi),
        BinOp::Mul => new_complex(ar * br - ai * bi, ar * bi + ai * br),
        BinOp::TrueDiv => match c_quot((ar, ai), (br, bi)) {
            Some((r, i)) => new_complex(r, i),
            None => return Err(vm.zero_division("complex division by zero")),
        },
        BinOp::Pow => {
            // CPython's complex_pow: small integral exponents by repeated multiplication.
            let r = if bi == 0.0 && br == br.floor() && br.abs() <= 100.0 {
                let n = br as i64;
                if n >= 0 {
                    Some(c_powu((ar, ai), n as u64))
                } else {
                    c_quot((1.0, 0.0), c_powu((ar, ai), (-n) as u64))
                }
            } else if br == 0.0 && bi == 0.0 {
                Some((1.0, 0.0))
            } else if ar == 0.0 && ai == 0.0 {
                if bi != 0.0 || br < 0.0 {
                    None
                } else {
                    Some((0.0, 0.0))
                }
            } else {
                let vabs = ar.hypot(ai);
                let mut len = vabs.powf(br);
                let at = ai.atan2(ar);
                let mut phase = at * br;
                if bi != 0.0 {
                    len /= (at * bi).exp();
                    phase += bi * vabs.ln();
                }
                Some((len * phase.cos(), len * phase.sin()))
            };
            match r {
                Some((x, y)) if x.is_finite() && y.is_finite() || !(ar.is_finite() && ai.is_finite() && br.is_finite() && bi.is_finite()) => new_complex(x, y),
                Some(_) => return Err(vm.overflow_error("complex exponentiation")),
                None => return Err(vm.zero_division("0.0 to a negative or complex power")),
            }
        }
        _ => return Ok(None),
    }))
}

/// `x // y` and `x % y` for floats (CPython's `_float_div_mod`); `y` is non-zero.
pub fn float_div_mod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let fd = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(x / y)
    };
    (fd, m)
}

/// `divmod(x, y)` for floats.
pub fn float_divmod(vm: &mut Vm, x: f64, y: f64) -> PyResult {
    if y == 0.0 {
        return Err(vm.zero_division("float divmod()"));
    }
    let (q, r) = float_div_mod(x, y);
    Ok(crate::types::tuple::new_tuple(vec![Value::Float(q), Value::Float(r)]))
}

fn is_odd_integer(f: f64) -> bool {
    f.is_finite() && f.fract() == 0.0 && (f / 2.0).fract() != 0.0
}

/// `x ** y` for floats (CPython's `float_pow`): special cases first, negative bases with
/// fractional exponents give complex results, overflow is an OverflowError.
pub fn float_pow(vm: &mut Vm, x: f64, y: f64) -> PyResult {
    if y == 0.0 {
        return Ok(Value::Float(1.0));
    }
    if x.is_nan() {
        return Ok(Value::Float(x));
    }
    if y.is_nan() {
        return Ok(Value::Float(if x == 1.0 { 1.0 } else { y }));
    }
    if y.is_infinite() {
        let a = x.abs();
        return Ok(Value::Float(if a == 1.0 {
            1.0
        } else if (y > 0.0) == (a > 1.0) {
            y.abs()
        } else {
            0.0
        }));
    }
    if x.is_infinite() {
        let odd = is_odd_integer(y);
        return Ok(Value::Float(if y > 0.0 {
            if odd { x } else { x.abs() }
        } else if odd {
            0.0f64.copysign(x)
        } else {
            0.0
        }));
    }
    if x == 0.0 {
        if y < 0.0 {
            return Err(vm.zero_division("0.0 cannot be raised to a negative power"));
        }
        return Ok(Value::Float(if is_odd_integer(y) { x } else { 0.0 }));
    }
    let mut base = x;
    let mut negate = false;
    if base < 0.0 {
        if y != y.floor() {
            // Negative numbers raised to fractional powers become complex (_Py_c_pow).
            let vabs = base.abs();
            let len = vabs.powf(y);
            let phase = std::f64::consts::PI * y;
            return Ok(new_complex(len * phase.cos(), len * phase.sin()));
        }
        base = -base;
        negate = is_odd_integer(y);
    }
    if base == 1.0 {
        return Ok(Value::Float(if negate { -1.0 } else { 1.0 }));
    }
    let r = base.powf(y);
    if r.is_infinite() {
        return Err(vm.overflow_error("(34, 'Numerical result out of range')"));
    }
    Ok(Value::Float(if negate { -r } else { r }))
}

pub fn float_binop(vm: &mut Vm, x: f64, y: f64, op: BinOp) -> PyResult {
    Ok(Value::Float(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv => {
            if y == 0.0 {
                return Err(vm.zero_division("float division by zero"));
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return Err(vm.zero_division("float floor division by zero"));
            }
            float_div_mod(x, y).0
        }
        BinOp::Mod => {
            if y == 0.0 {
                return Err(vm.zero_division("float modulo"));
            }
            float_div_mod(x, y).1
        }
        BinOp::Pow => return float_pow(vm, x, y),
        _ => {
            let sym = op.symbol();
            return Err(vm.type_error(&format!("unsupported operand type(s) for {sym}: 'float' and 'float'")));
        }
    }))
}

/// CPython's `PyFloat_AsDouble` (math functions, float arguments of natives): floats, ints,
/// `__float__` and `__index__` objects; text is refused ("must be real number, not str")
/// instead of parsed as `float(x)` does.
pub fn real_of(vm: &mut Vm, x: &Value) -> PyResult<f64> {
    if let Value::Int(i) = x {
        return Ok(*i as f64);
    }
    let convertible = x.as_str().is_none()
        && crate::types::bytes::bytes_like(x).is_none()
        && (to_f64(x).is_some() || vm.lookup_special(x, "__float__").is_some() || vm.lookup_special(x, "__index__").is_some());
    if !convertible {
        let tn = vm.type_name(x);
        return Err(vm.type_error(&format!("must be real number, not {tn}")));
    }
    float_of(vm, x)
}

/// `float(x)`.
pub fn float_of(vm: &mut Vm, x: &Value) -> PyResult<f64> {
    if let Some(f) = to_f64(x) {
        if let Value::Obj(o) = x {
            if let Payload::Int(_) = &o.payload {
                if f.is_infinite() {
                    return Err(vm.overflow_error("int too large to convert to float"));
                }
            }
        }
        if let Value::Obj(o) = x {
            if !o.cls_data().builtin {
                if let Some(r) = vm.call_special(x, "__float__", &[])? {
                    return to_f64_strict(&r).ok_or_else(|| vm.type_error("__float__ returned non-float"));
                }
            }
        }
        return Ok(f);
    }
    if let Some(s) = x.as_str() {
        return parse_float(vm, s);
    }
    if let Some(b) = crate::types::bytes::bytes_like(x) {
        let s = String::from_utf8_lossy(&b).into_owned();
        return match parse_float(vm, &s) {
            Ok(f) => Ok(f),
            Err(_) => {
                let r = vm.repr(x)?;
                Err(vm.value_error(&format!("could not convert string to float: {r}")))
            }
        };
    }
    if let Some(r) = vm.call_special(x, "__float__", &[])? {
        return match to_f64_strict(&r) {
            Some(f) => Ok(f),
            None => {
                let tn = vm.type_name(&r);
                Err(vm.type_error(&format!("{}.__float__ returned non-float (type {tn})", vm.type_name(x))))
            }
        };
    }
    if let Some(r) = vm.call_special(x, "__index__", &[])? {
        return crate::types::int::int_to_f64(vm, &r);
    }
    let tn = vm.type_name(x);
    Err(vm.type_error(&format!("float() argument must be a string or a real number, not '{tn}'")))
}

/// Parse a float literal as `float(str)` does: surrounding whitespace, a sign, `inf`,
/// `infinity`, `nan` in any case, digits with single underscores between them, any Unicode
/// decimal digits. `None` if invalid.
pub fn parse_float_text(s: &str) -> Option<f64> {
    let t = s.trim_matches(|c: char| c.is_whitespace());
    let mut clean = String::with_capacity(t.len());
    let chars: Vec<char> = t.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == '_' {
            let digit = |j: Option<&char>| j.is_some_and(|c| c.is_ascii_digit() || crate::types::int::unicode_digit(*c).is_some());
            if !(i > 0 && digit(chars.get(i - 1)) && digit(chars.get(i + 1))) {
                return None;
            }
            continue;
        }
        if c.is_ascii() {
            clean.push(c);
        } else if let Some(d) = crate::types::int::unicode_digit(c) {
            clean.push(char::from_digit(d, 10)?);
        } else {
            return None;
        }
    }
    let lower = clean.to_ascii_lowercase();
    let (neg, body) = match lower.as_bytes().first() {
        Some(b'-') => (true, &lower[1..]),
        Some(b'+') => (false, &lower[1..]),
        _ => (false, lower.as_str()),
    };
    let v = match body {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => {
            // Only digits, one point, and an exponent: Rust's parser accepts nothing else here.
            if body.is_empty() || !body.bytes().all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'+' | b'-')) || body.starts_with(['+', '-']) {
                return None;
            }
            body.parse::<f64>().ok()?
        }
    };
    Some(if neg { -v } else { v })
}

pub fn parse_float(vm: &mut Vm, s: &str) -> PyResult<f64> {
    match parse_float_text(s) {
        Some(f) => Ok(f),
        None => {
            let sv = vm.new_str(s);
            let rs = vm.repr(&sv)?;
            Err(vm.value_error(&format!("could not convert string to float: {rs}")))
        }
    }
}

fn float_new(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::check_new(vm, &types().float, &a)?;
    if !a.kwargs.is_empty() {
        return Err(vm.type_error("float() takes no keyword arguments"));
    }
    if a.args.len() > 2 {
        return Err(vm.type_error(&format!("float expected at most 1 argument, got {}", a.args.len() - 1)));
    }
    let f = match a.args.get(1) {
        None => 0.0,
        Some(x) => float_of(vm, x)?,
    };
    match &a.args[0] {
        Value::Obj(c) if !c.is(&types().float) => {
            Ok(Value::Obj(crate::types::new_object(c, Payload::Float(f))))
        }
        _ => Ok(Value::Float(f)),
    }
}

fn not_implemented() -> Value {
    Value::Obj(types().not_implemented_obj.clone())
}

fn self_float(vm: &mut Vm, a: &Args, name: &str) -> PyResult<f64> {
    match a.args.first() {
        Some(v) => match to_f64_strict(v) {
            Some(f) => Ok(f),
            None => {
                let tn = vm.type_name(v);
                Err(vm.type_error(&format!("descriptor '{name}' requires a 'float' object but received a '{tn}'")))
            }
        },
        None => Err(vm.type_error(&format!("descriptor '{name}' of 'float' object needs an argument"))),
    }
}

fn float_nargs(vm: &mut Vm, a: &Args, name: &str, n: usize) -> PyResult<()> {
    if !a.kwargs.is_empty() {
        return Err(vm.type_error(&format!("float.{name}() takes no keyword arguments")));
    }
    if a.args.len() != n + 1 {
        let given = a.args.len().saturating_sub(1);
        return Err(vm.type_error(&match n {
            0 => format!("float.{name}() takes no arguments ({given} given)"),
            _ => format!("expected {n} argument{}, got {given}", if n == 1 { "" } else { "s" }),
        }));
    }
    Ok(())
}

/// The other operand of a float method as a float: floats and ints; None = NotImplemented.
fn other_f(vm: &mut Vm, v: &Value) -> PyResult<Option<f64>> {
    if let Some(f) = to_f64_strict(v) {
        return Ok(Some(f));
    }
    if crate::ops::is_int(v) {
        return crate::types::int::int_to_f64(vm, v).map(Some);
    }
    Ok(None)
}

fn float_binary(vm: &mut Vm, a: &Args, name: &str, op: BinOp, reflected: bool) -> PyResult {
    let x = self_float(vm, a, name)?;
    float_nargs(vm, a, name, 1)?;
    let Some(y) = other_f(vm, &a.args[1])? else { return Ok(not_implemented()) };
    let (x, y) = if reflected { (y, x) } else { (x, y) };
    float_binop(vm, x, y, op)
}

macro_rules! float_binary_methods {
    ($( $f:ident, $rf:ident, $name:literal, $rname:literal, $op:expr; )*) => {
        $(
            fn $f(vm: &mut Vm, a: Args) -> PyResult { float_binary(vm, &a, $name, $op, false) }
            fn $rf(vm: &mut Vm, a: Args) -> PyResult { float_binary(vm, &a, $rname, $op, true) }
        )*
        const FLOAT_BINARY: &[(&str, crate::NativeFn)] = &[ $( ($name, $f), ($rname, $rf), )* ];
    };
}

float_binary_methods! {
    float_add, float_radd, "__add__", "__radd__", BinOp::Add;
    float_sub, float_rsub, "__sub__", "__rsub__", BinOp::Sub;
    float_mul, float_rmul, "__mul__", "__rmul__", BinOp::Mul;
    float_truediv, float_rtruediv, "__truediv__", "__rtruediv__", BinOp::TrueDiv;
    float_floordiv, float_rfloordiv, "__floordiv__", "__rfloordiv__", BinOp::FloorDiv;
    float_mod, float_rmod, "__mod__", "__rmod__", BinOp::Mod;
}

fn float_divmod_m(vm: &mut Vm, a: Args) -> PyResult {
    let x = self_float(vm, &a, "__divmod__")?;
    float_nargs(vm, &a, "__divmod__", 1)?;
    let Some(y) = other_f(vm, &a.args[1])? else { return Ok(not_implemented()) };
    float_divmod(vm, x, y)
}

fn float_rdivmod(vm: &mut Vm, a: Args) -> PyResult {
    let x = self_float(vm, &a, "__rdivmod__")?;
    float_nargs(vm, &a, "__rdivmod__", 1)?;
    let Some(y) = other_f(vm, &a.args[1])? else { return Ok(not_implemented()) };
    float_divmod(vm, y, x)
}

fn float_pow_impl(vm: &mut Vm, a: &Args, name: &str, reflected: bool) -> PyResult {
    let x = self_float(vm, a, name)?;
    if a.args.len() < 2 || a.args.len() > 3 {
        let given = a.args.len().saturating_sub(1);
        return Err(vm.type_error(&format!("expected 1 or 2 arguments, got {given}")));
    }
    if a.args.get(2).is_some_and(|m| !m.is_none()) {
        return Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers"));
    }
    let Some(y) = other_f(vm, &a.args[1])? else { return Ok(not_implemented()) };
    if reflected {
        float_pow(vm, y, x)
    } else {
        float_pow(vm, x, y)
    }
}

fn float_pow_m(vm: &mut Vm, a: Args) -> PyResult {
    float_pow_impl(vm, &a, "__pow__", false)
}

fn float_rpow(vm: &mut Vm, a: Args) -> PyResult {
    float_pow_impl(vm, &a, "__rpow__", true)
}

fn float_compare(vm: &mut Vm, a: &Args, name: &str, op: CmpOp) -> PyResult {
    self_float(vm, a, name)?;
    float_nargs(vm, a, name, 1)?;
    let o = &a.args[1];
    if to_f64_strict(o).is_none() && !crate::ops::is_int(o) {
        return Ok(not_implemented());
    }
    let x = Value::Float(to_f64_strict(&a.args[0]).unwrap_or(0.0));
    let y = match to_f64_strict(o) {
        Some(f) => Value::Float(f),
        None => o.clone(),
    };
    let r = crate::ops::native_compare(vm, &x, &y, op)?;
    Ok(r.map(Value::Bool).unwrap_or_else(not_implemented))
}

fn float_eq(vm: &mut Vm, a: Args) -> PyResult {
    float_compare(vm, &a, "__eq__", CmpOp::Eq)
}
fn float_ne(vm: &mut Vm, a: Args) -> PyResult {
    float_compare(vm, &a, "__ne__", CmpOp::Ne)
}
fn float_lt(vm: &mut Vm, a: Args) -> PyResult {
    float_compare(vm, &a, "__lt__", CmpOp::Lt)
}
fn float_le(vm: &mut Vm, a: Args) -> PyResult {
    float_compare(vm, &a, "__le__", CmpOp::Le)
}
fn float_gt(vm: &mut Vm, a: Args) -> PyResult {
    float_compare(vm, &a, "__gt__", CmpOp::Gt)
}
fn float_ge(vm: &mut Vm, a: Args) -> PyResult {
    float_compare(vm, &a, "__ge__", CmpOp::Ge)
}

macro_rules! float_unary {
    ($f:ident, $name:literal, |$vm:ident, $x:ident| $body:expr) => {
        fn $f(vm: &mut Vm, a: Args) -> PyResult {
            let $x = self_float(vm, &a, $name)?;
            float_nargs(vm, &a, $name, 0)?;
            let $vm = vm;
            $body
        }
    };
}

float_unary!(float_repr, "__repr__", |vm, f| Ok(vm.new_string(crate::format::float_repr(f))));
float_unary!(float_neg, "__neg__", |_vm, f| Ok(Value::Float(-f)));
float_unary!(float_pos, "__pos__", |_vm, f| Ok(Value::Float(f)));
float_unary!(float_abs, "__abs__", |_vm, f| Ok(Value::Float(f.abs())));
float_unary!(float_bool, "__bool__", |_vm, f| Ok(Value::Bool(f != 0.0)));
float_unary!(float_int, "__int__", |vm, f| crate::types::int::float_to_int(vm, f));
float_unary!(float_trunc, "__trunc__", |vm, f| crate::types::int::float_to_int(vm, f));
float_unary!(float_floor, "__floor__", |vm, f| crate::types::int::float_to_int(vm, f.floor()));
float_unary!(float_ceil, "__ceil__", |vm, f| crate::types::int::float_to_int(vm, f.ceil()));
float_unary!(float_float, "__float__", |_vm, f| Ok(Value::Float(f)));
float_unary!(float_conjugate, "conjugate", |_vm, f| Ok(Value::Float(f)));
float_unary!(float_hash, "__hash__", |_vm, f| Ok(Value::Int(hash_float(f))));
float_unary!(float_sizeof, "__sizeof__", |_vm, _f| Ok(Value::Int(24)));
float_unary!(float_getnewargs, "__getnewargs__", |_vm, f| Ok(crate::types::tuple::new_tuple(vec![Value::Float(f)])));
float_unary!(float_is_integer, "is_integer", |_vm, f| Ok(Value::Bool(f.is_finite() && f.fract() == 0.0)));

/// `float.hex()`: always 13 hex digits after the point, as CPython.
fn float_hex(vm: &mut Vm, a: Args) -> PyResult {
    let f = self_float(vm, &a, "hex")?;
    float_nargs(vm, &a, "hex", 0)?;
    let s = if f.is_nan() {
        "nan".to_string()
    } else if f.is_infinite() {
        if f > 0.0 { "inf".into() } else { "-inf".into() }
    } else if f == 0.0 {
        if f.is_sign_negative() { "-0x0.0p+0".into() } else { "0x0.0p+0".into() }
    } else {
        let bits = f.to_bits();
        let sign = if bits >> 63 == 1 { "-" } else { "" };
        let exp = ((bits >> 52) & 0x7ff) as i64;
        let mant = bits & ((1 << 52) - 1);
        let (lead, e) = if exp == 0 { (0, -1022) } else { (1, exp - 1023) };
        format!("{sign}0x{lead}.{mant:013x}p{}{}", if e >= 0 { "+" } else { "-" }, e.abs())
    };
    Ok(vm.new_string(s))
}

/// `m * 2**e` correctly rounded to a double; None on overflow.
fn ldexp_bigint(m: &BigInt, e: i64) -> Option<f64> {
    use num_traits::{ToPrimitive, Zero};
    if m.is_zero() {
        return Some(0.0);
    }
    let bits = m.bits() as i64;
    // Keep 55 significant bits (more for subnormals is not needed: round once below).
    let top = bits + e; // value < 2**top
    if top > 1024 {
        return None;
    }
    // The lowest kept bit's weight: 2**(top-55), but not below 2**-1076 (subnormal
    // granularity 2**-1074 plus two guard bits).
    let low = (top - 55).max(-1076);
    let shift = low - e;
    let mut q = if shift > 0 {
        let q = m >> shift as usize;
        let rest = m - (&q << shift as usize);
        let mut q = q.to_u64()?;
        if !rest.is_zero() {
            q |= 1;
        }
        q
    } else {
        (m << (-shift) as usize).to_u64()?
    };
    // Round q (units of 2**low) to the precision of the result's binade.
    let qbits = 64 - q.leading_zeros() as i64;
    let result_exp = low + qbits; // value in [2**(result_exp-1), 2**result_exp)
    let ulp_exp = (result_exp - 53).max(-1074);
    let drop = ulp_exp - low;
    if drop > 0 {
        let d = drop as u32;
        let half = 1u64 << (d - 1);
        let rem = q & ((1u64 << d) - 1);
        q >>= d;
        if rem > half || (rem == half && q & 1 == 1) {
            q += 1;
        }
    }
    let mut f = q as f64;
    let mut k = if drop > 0 { ulp_exp } else { low };
    while k > 0 {
        let s = k.min(1000);
        f *= 2f64.powi(s as i32);
        k -= s;
    }
    while k < 0 {
        let s = (-k).min(1000);
        f /= 2f64.powi(s as i32);
        k += s;
    }
    if f.is_infinite() {
        return None;
    }
    Some(f)
}

/// `float.fromhex(s)`.
fn float_fromhex(vm: &mut Vm, a: Args) -> PyResult {
    let Some(s) = a.args.get(1).and_then(|v| v.as_str()).map(|s| s.to_string()) else {
        let tn = a.args.get(1).map(|v| vm.type_name(v)).unwrap_or_default();
        return Err(vm.type_error(&format!("fromhex() argument must be str, not {tn}")));
    };
    let invalid = |vm: &mut Vm| vm.value_error("invalid hexadecimal floating-point string");
    let t = s.trim_matches(|c: char| c.is_whitespace()).to_ascii_lowercase();
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t.as_str()),
    };
    let special = match body {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    let value = match special {
        Some(v) => v,
        None => {
            let body = body.strip_prefix("0x").unwrap_or(body);
            let (mant, exp) = match body.split_once('p') {
                Some((m, e)) => (m, Some(e)),
                None => (body, None),
            };
            let (ip, fp) = mant.split_once('.').unwrap_or((mant, ""));
            if (ip.is_empty() && fp.is_empty()) || !ip.bytes().chain(fp.bytes()).all(|c| c.is_ascii_hexdigit()) {
                return Err(invalid(vm));
            }
            let e: i64 = match exp {
                None => 0,
                Some(e) => {
                    let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
                    if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
                        return Err(invalid(vm));
                    }
                    e.parse::<i64>().unwrap_or(if e.starts_with('-') { i64::MIN / 4 } else { i64::MAX / 4 }).clamp(-1 << 40, 1 << 40)
                }
            };
            let digits = format!("{ip}{fp}");
            let m = BigInt::parse_bytes(digits.as_bytes(), 16).unwrap_or_default();
            match ldexp_bigint(&m, e - 4 * fp.len() as i64) {
                Some(v) => v,
                None => return Err(vm.overflow_error("hexadecimal value too large to represent as a float")),
            }
        }
    };
    let v = Value::Float(if neg { -value } else { value });
    match &a.args[0] {
        Value::Obj(c) if !c.is(&types().float) => {
            let cv = Value::Obj(c.clone());
            vm.call(&cv, &[v], &[])
        }
        _ => Ok(v),
    }
}

fn float_as_integer_ratio(vm: &mut Vm, a: Args) -> PyResult {
    let f = self_float(vm, &a, "as_integer_ratio")?;
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    let (m, e) = frexp(f);
    let mut m = m;
    let mut e = e;
    for _ in 0..300 {
        if m.fract() == 0.0 {
            break;
        }
        m *= 2.0;
        e -= 1;
    }
    let mut num = f64_to_bigint(m).unwrap_or_default();
    let mut den = BigInt::from(1);
    if e > 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    use num_integer::Integer;
    let g = num.gcd(&den);
    if g > BigInt::from(1) {
        num /= &g;
        den /= &g;
    }
    Ok(crate::types::tuple::new_tuple(vec![crate::types::int::from_bigint(num), crate::types::int::from_bigint(den)]))
}

fn float_format(vm: &mut Vm, a: Args) -> PyResult {
    self_float(vm, &a, "__format__")?;
    float_nargs(vm, &a, "__format__", 1)?;
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

fn float_round(vm: &mut Vm, a: Args) -> PyResult {
    let f = self_float(vm, &a, "__round__")?;
    if a.args.len() > 2 {
        return Err(vm.type_error(&format!("__round__ expected at most 1 argument, got {}", a.args.len() - 1)));
    }
    crate::builtins::round_float(vm, f, a.args.get(1))
}

fn complex_new(vm: &mut Vm, a: Args) -> PyResult {
    let real = a.args.get(1).or(a.kw("real"));
    let imag = a.args.get(2).or(a.kw("imag"));
    if let Some(s) = real.and_then(|r| r.as_str()) {
        let t = s.trim().replace(' ', "");
        let t = t.trim_start_matches('(').trim_end_matches(')');
        let parse = |x: &str| -> Option<f64> { if x.is_empty() || x == "+" { Some(1.0) } else if x == "-" { Some(-1.0) } else { x.parse().ok() } };
        if let Some(body) = t.strip_suffix(['j', 'J']) {
            let split = body.char_indices().rev().find(|(i, c)| (*c == '+' || *c == '-') && *i > 0 && !body[..*i].ends_with(['e', 'E'])).map(|(i, _)| i);
            let r = match split {
                Some(i) => parse(&body[..i]).zip(parse(&body[i..])),
                None => parse(body).map(|im| (0.0, im)),
            };
            if let Some((r, i)) = r {
                return Ok(new_complex(r, i));
            }
        } else if let Ok(r) = t.parse::<f64>() {
            return Ok(new_complex(r, 0.0));
        }
        return Err(vm.value_error("complex() arg is a malformed string"));
    }
    let (rr, ri) = match real {
        Some(v) => complex_parts(v).ok_or_else(|| vm.type_error("complex() first argument must be a string or a number"))?,
        None => (0.0, 0.0),
    };
    let (ir, ii) = match imag {
        Some(v) => complex_parts(v).ok_or_else(|| vm.type_error("complex() second argument must be a number"))?,
        None => (0.0, 0.0),
    };
    // CPython's complex_new: only complex parts are combined, so complex(1.0, -0.0) keeps
    // the sign of its imaginary zero.
    let is_complex = |v: Option<&Value>| matches!(v, Some(Value::Obj(o)) if matches!(o.payload, Payload::Complex(..)));
    let mut re = rr;
    let mut im = if imag.is_some() { ir } else { ri };
    if is_complex(imag) {
        re -= ii;
    }
    if is_complex(real) && imag.is_some() {
        im += ri;
    }
    Ok(new_complex(re, im))
}

fn complex_repr(vm: &mut Vm, a: Args) -> PyResult {
    let (r, i) = complex_parts(&a.args[0]).unwrap_or((0.0, 0.0));
    let fmt = |x: f64| -> String {
        let s = crate::format::float_repr(x);
        s.strip_suffix(".0").map(|t| t.to_string()).unwrap_or(s)
    };
    let s = if r == 0.0 && !r.is_sign_negative() {
        format!("{}j", fmt(i))
    } else {
        // CPython ignores the sign of a NaN: always '+nanj'.
        let sign = if i < 0.0 || (i == 0.0 && i.is_sign_negative()) { "-" } else { "+" };
        format!("({}{}{}j)", fmt(r), sign, fmt(i.abs()))
    };
    Ok(vm.new_string(s))
}

fn complex_conjugate(_vm: &mut Vm, a: Args) -> PyResult {
    let (r, i) = complex_parts(&a.args[0]).unwrap_or((0.0, 0.0));
    Ok(new_complex(r, -i))
}

fn complex_abs(_vm: &mut Vm, a: Args) -> PyResult {
    let (r, i) = complex_parts(&a.args[0]).unwrap_or((0.0, 0.0));
    Ok(Value::Float(r.hypot(i)))
}

pub fn init(t: &BuiltinTypes) {
    add_staticmethod(&t.float, "__new__", float_new);
    add_methods(&t.float, FLOAT_BINARY);
    add_methods(&t.float, &[
        ("__repr__", float_repr), ("__str__", float_repr), ("__format__", float_format), ("__hash__", float_hash), ("__sizeof__", float_sizeof),
        ("__divmod__", float_divmod_m), ("__rdivmod__", float_rdivmod), ("__pow__", float_pow_m), ("__rpow__", float_rpow),
        ("__neg__", float_neg), ("__pos__", float_pos), ("__abs__", float_abs), ("__bool__", float_bool),
        ("__int__", float_int), ("__trunc__", float_trunc), ("__floor__", float_floor), ("__ceil__", float_ceil), ("__float__", float_float), ("__round__", float_round),
        ("__eq__", float_eq), ("__ne__", float_ne), ("__lt__", float_lt), ("__le__", float_le), ("__gt__", float_gt), ("__ge__", float_ge),
        ("is_integer", float_is_integer), ("hex", float_hex), ("as_integer_ratio", float_as_integer_ratio), ("conjugate", float_conjugate), ("__getnewargs__", float_getnewargs),
    ]);
    crate::types::add_classmethod(&t.float, "fromhex", float_fromhex);
    add_staticmethod(&t.complex, "__new__", complex_new);
    add_methods(&t.complex, &[("__repr__", complex_repr), ("__str__", complex_repr), ("conjugate", complex_conjugate), ("__abs__", complex_abs)]);
}
