//! `float` and `complex` arithmetic, hashing and conversion.

use crate::object::{ObjRef, Payload};
use crate::types::{add_methods, add_staticmethod, types, BuiltinTypes};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};
use num_bigint::BigInt;
use spindle_compiler::bytecode::BinOp;

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
        Value::Float(f) => Some(*f),
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
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
        Value::Float(f) => Some(*f),
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

pub fn complex_binop(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    let (Some((ar, ai)), Some((br, bi))) = (complex_parts(a), complex_parts(b)) else { return Ok(None) };
    Ok(Some(match op {
        BinOp::Add => new_complex(ar + br, ai + bi),
        BinOp::Sub => new_complex(ar - br, ai - bi),
        BinOp::Mul => new_complex(ar * br - ai * bi, ar * bi + ai * br),
        BinOp::TrueDiv => {
            let d = br * br + bi * bi;
            if d == 0.0 {
                return Err(vm.zero_division("complex division by zero"));
            }
            new_complex((ar * br + ai * bi) / d, (ai * br - ar * bi) / d)
        }
        BinOp::Pow => {
            if br == 0.0 && bi == 0.0 {
                return Ok(Some(new_complex(1.0, 0.0)));
            }
            if ar == 0.0 && ai == 0.0 {
                return Ok(Some(new_complex(0.0, 0.0)));
            }
            let (r, th) = ((ar * ar + ai * ai).sqrt(), ai.atan2(ar));
            let lr = r.ln();
            let nr = (br * lr - bi * th).exp();
            let nt = bi * lr + br * th;
            new_complex(nr * nt.cos(), nr * nt.sin())
        }
        _ => return Ok(None),
    }))
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
            let m = x % y;
            let m = if m != 0.0 && ((m < 0.0) != (y < 0.0)) { m + y } else { m };
            let d = (x - m) / y;
            let r = d.round();
            if r == 0.0 { 0.0f64.copysign(x / y) } else { r }
        }
        BinOp::Mod => {
            if y == 0.0 {
                return Err(vm.zero_division("float modulo"));
            }
            let m = x % y;
            if m != 0.0 && ((m < 0.0) != (y < 0.0)) { m + y } else if m == 0.0 { 0.0f64.copysign(y) } else { m }
        }
        BinOp::Pow => {
            if x == 0.0 && y < 0.0 {
                return Err(vm.zero_division("0.0 cannot be raised to a negative power"));
            }
            if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
                let (r, th) = (x.abs(), std::f64::consts::PI);
                let nr = r.powf(y);
                return Ok(new_complex(nr * (th * y).cos(), nr * (th * y).sin()));
            }
            let r = x.powf(y);
            if r.is_infinite() && x.is_finite() && y.is_finite() {
                return Err(vm.overflow_error("(34, 'Numerical result out of range')"));
            }
            r
        }
        _ => {
            let sym = op.symbol();
            return Err(vm.type_error(&format!("unsupported operand type(s) for {sym}: 'float' and 'float'")));
        }
    }))
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

pub fn parse_float(vm: &mut Vm, s: &str) -> PyResult<f64> {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    let r = match lower.trim_start_matches(['+', '-']) {
        "inf" | "infinity" => Some(if lower.starts_with('-') { f64::NEG_INFINITY } else { f64::INFINITY }),
        "nan" => Some(f64::NAN),
        _ => {
            let ok = !t.is_empty() && !t.contains("__") && !t.starts_with('_') && !t.ends_with('_') && t.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-' | '_'));
            if ok { t.replace('_', "").parse::<f64>().ok() } else { None }
        }
    };
    match r {
        Some(f) => Ok(f),
        None => {
            let sv = vm_s(vm, s);
            let rs = vm.repr(&sv)?;
            Err(vm.value_error(&format!("could not convert string to float: {rs}")))
        }
    }
}

fn vm_s(vm: &mut Vm, s: &str) -> Value {
    vm.new_str(s)
}

fn float_new(vm: &mut Vm, a: Args) -> PyResult {
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

fn self_f(vm: &mut Vm, a: &Args) -> PyResult<f64> {
    match a.args.first().and_then(to_f64_strict) {
        Some(f) => Ok(f),
        None => Err(vm.type_error("descriptor requires a 'float' object")),
    }
}

fn float_repr(vm: &mut Vm, a: Args) -> PyResult {
    let f = self_f(vm, &a)?;
    Ok(vm.new_string(crate::format::float_repr(f)))
}

fn float_is_integer(vm: &mut Vm, a: Args) -> PyResult {
    let f = self_f(vm, &a)?;
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

fn float_hex(vm: &mut Vm, a: Args) -> PyResult {
    let f = self_f(vm, &a)?;
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
        let m = format!("{mant:013x}");
        let m = m.trim_end_matches('0');
        let m = if m.is_empty() { "0" } else { m };
        format!("{sign}0x{lead}.{m}p{}{}", if e >= 0 { "+" } else { "-" }, e.abs())
    };
    Ok(vm.new_string(s))
}

fn float_as_integer_ratio(vm: &mut Vm, a: Args) -> PyResult {
    let f = self_f(vm, &a)?;
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

fn float_int(vm: &mut Vm, a: Args) -> PyResult {
    let f = self_f(vm, &a)?;
    crate::types::int::float_to_int(vm, f)
}

fn float_float(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Float(self_f(vm, &a)?))
}

fn float_getnewargs(vm: &mut Vm, a: Args) -> PyResult {
    let f = self_f(vm, &a)?;
    Ok(crate::types::tuple::new_tuple(vec![Value::Float(f)]))
}

fn float_format(vm: &mut Vm, a: Args) -> PyResult {
    let f = Value::Float(self_f(vm, &a)?);
    let spec = a.args.get(1).and_then(|s| s.as_str().map(|x| x.to_string())).unwrap_or_default();
    crate::format::format_value(vm, &f, &spec)
}

fn float_round(vm: &mut Vm, a: Args) -> PyResult {
    let f = self_f(vm, &a)?;
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
    Ok(new_complex(rr - ii, ri + ir))
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
        let sign = if i < 0.0 || (i == 0.0 && i.is_sign_negative()) || i.is_nan() && i.is_sign_negative() { "-" } else { "+" };
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
    add_methods(&t.float, &[
        ("__repr__", float_repr), ("__str__", float_repr), ("is_integer", float_is_integer), ("hex", float_hex), ("as_integer_ratio", float_as_integer_ratio),
        ("__int__", float_int), ("__trunc__", float_int), ("__float__", float_float), ("__getnewargs__", float_getnewargs), ("__format__", float_format), ("__round__", float_round),
    ]);
    add_staticmethod(&t.complex, "__new__", complex_new);
    add_methods(&t.complex, &[("__repr__", complex_repr), ("__str__", complex_repr), ("conjugate", complex_conjugate), ("__abs__", complex_abs)]);
}
