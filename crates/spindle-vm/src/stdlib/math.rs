//! `math`: float functions with CPython's domain errors, and the exact integer functions.

use crate::stdlib::{module_with, set_attr};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

fn arg(vm: &mut Vm, a: &Args, i: usize, name: &str) -> PyResult<f64> {
    match a.args.get(i) {
        Some(v) => crate::types::float::real_of(vm, v),
        None => Err(vm.type_error(&format!("{name}() missing required argument"))),
    }
}

fn nargs(vm: &mut Vm, a: &Args, name: &str, n: usize) -> PyResult<()> {
    if a.args.len() != n {
        let msg = if n == 1 { format!("math.{name}() takes exactly one argument ({} given)", a.args.len()) } else { format!("{name} expected {n} arguments, got {}", a.args.len()) };
        return Err(vm.type_error(&msg));
    }
    Ok(())
}

fn domain(vm: &mut Vm) -> crate::PyErr {
    vm.value_error("math domain error")
}

fn range_err(vm: &mut Vm) -> crate::PyErr {
    vm.overflow_error("math range error")
}

/// A one-argument float function; `ok` says whether the input is in the domain.
fn f1(vm: &mut Vm, a: &Args, name: &str, f: fn(f64) -> f64, ok: fn(f64) -> bool) -> PyResult {
    nargs(vm, a, name, 1)?;
    let x = arg(vm, a, 0, name)?;
    if !ok(x) {
        return Err(domain(vm));
    }
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(range_err(vm));
    }
    Ok(Value::Float(r))
}

macro_rules! float_fns {
    ($( $fname:ident : $pyname:literal => $f:expr, $ok:expr; )*) => {
        $( fn $fname(vm: &mut Vm, a: Args) -> PyResult { f1(vm, &a, $pyname, $f, $ok) } )*
        const FLOAT_FNS: &[(&str, crate::NativeFn)] = &[ $( ($pyname, $fname), )* ];
    };
}

float_fns! {
    m_sqrt: "sqrt" => f64::sqrt, |x| x >= 0.0 || x.is_nan();
    m_exp: "exp" => f64::exp, |_| true;
    m_expm1: "expm1" => f64::exp_m1, |_| true;
    m_sin: "sin" => f64::sin, |x| !x.is_infinite();
    m_cos: "cos" => f64::cos, |x| !x.is_infinite();
    m_tan: "tan" => f64::tan, |x| !x.is_infinite();
    m_asin: "asin" => f64::asin, |x| (-1.0..=1.0).contains(&x) || x.is_nan();
    m_acos: "acos" => f64::acos, |x| (-1.0..=1.0).contains(&x) || x.is_nan();
    m_atan: "atan" => f64::atan, |_| true;
    m_sinh: "sinh" => f64::sinh, |_| true;
    m_cosh: "cosh" => f64::cosh, |_| true;
    m_tanh: "tanh" => f64::tanh, |_| true;
    m_asinh: "asinh" => glibc_asinh, |_| true;
    m_acosh: "acosh" => glibc_acosh, |x| x >= 1.0 || x.is_nan();
    m_atanh: "atanh" => glibc_atanh, |x| (x > -1.0 && x < 1.0) || x.is_nan();
    m_log1p: "log1p" => f64::ln_1p, |x| x > -1.0 || x.is_nan();
    m_fabs: "fabs" => f64::abs, |_| true;
    m_degrees: "degrees" => f64::to_degrees, |_| true;
    m_radians: "radians" => f64::to_radians, |_| true;
    m_erf: "erf" => |x| unsafe_libm1(libm::erf, x), |_| true;
    m_erfc: "erfc" => |x| unsafe_libm1(libm::erfc, x), |_| true;
    m_cbrt: "cbrt" => f64::cbrt, |_| true;
    m_exp2: "exp2" => f64::exp2, |_| true;
    m_gamma: "gamma" => gamma, |x| !(x <= 0.0 && x == x.floor());
    m_lgamma: "lgamma" => |x| gamma(x).abs().ln(), |x| !(x <= 0.0 && x == x.floor());
}


fn gamma(x: f64) -> f64 {
    if x < 0.5 {
        return std::f64::consts::PI / ((std::f64::consts::PI * x).sin() * gamma(1.0 - x));
    }
    if x == x.floor() && x <= 171.0 {
        let mut r = 1.0;
        let mut i = 2.0;
        while i < x {
            r *= i;
            i += 1.0;
        }
        return r;
    }
    // Lanczos approximation (g = 7).
    const G: [f64; 9] = [0.999_999_999_999_809_9, 676.520_368_121_885_1, -1_259.139_216_722_402_8, 771.323_428_777_653_1, -176.615_029_162_140_6, 12.507_343_278_686_905, -0.138_571_095_265_720_12, 9.984_369_578_019_572e-6, 1.505_632_735_149_311_6e-7];
    let x = x - 1.0;
    let mut a = G[0];
    let t = x + 7.5;
    for (i, g) in G.iter().enumerate().skip(1) {
        a += g / (x + i as f64);
    }
    (2.0 * std::f64::consts::PI).sqrt() * t.powf(x + 0.5) * (-t).exp() * a
}

/// CPython's `loghelper`: `func` of a positive number; ints too large for a double are split
/// as _PyLong_Frexp does, x * 2**e with x in [0.5, 1) rounded to 53 bits, giving
/// func(x) + func(2.0) * e.
fn loghelper(vm: &mut Vm, v: &Value, func: fn(f64) -> f64) -> PyResult<f64> {
    if let Value::Obj(o) = v {
        if let crate::object::Payload::Int(b) = &o.payload {
            if !b.is_positive() {
                return Err(domain(vm));
            }
            if b.to_f64().is_none_or(|f| f.is_infinite()) {
                let bits = b.bits();
                let shift = bits - 55;
                let mut top: BigInt = b >> shift;
                if !(b - (&top << shift)).is_zero() {
                    top |= BigInt::one(); // sticky bit: one correctly rounded step
                }
                let (mut x, mut e) = (top.to_f64().unwrap_or(0.0) / (1u64 << 55) as f64, bits as f64);
                if x == 1.0 {
                    // Rounded up to the next power of two: CPython renormalises to 0.5.
                    (x, e) = (0.5, e + 1.0);
                }
                return Ok(func(x) + func(2.0) * e);
            }
        }
    }
    let x = crate::types::float::real_of(vm, v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain(vm));
    }
    Ok(func(x))
}

fn m_log2(vm: &mut Vm, a: Args) -> PyResult {
    nargs(vm, &a, "log2", 1)?;
    Ok(Value::Float(loghelper(vm, &a.args[0], f64::log2)?))
}

fn m_log10(vm: &mut Vm, a: Args) -> PyResult {
    nargs(vm, &a, "log10", 1)?;
    Ok(Value::Float(loghelper(vm, &a.args[0], f64::log10)?))
}

fn log(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.is_empty() || a.args.len() > 2 {
        return Err(vm.type_error(&format!("log expected 1 or 2 arguments, got {}", a.args.len())));
    }
    let x = loghelper(vm, &a.args[0], f64::ln)?;
    match a.args.get(1) {
        None => Ok(Value::Float(x)),
        Some(b) => {
            let lb = loghelper(vm, b, f64::ln)?;
            if lb == 0.0 {
                return Err(vm.zero_division("float division by zero"));
            }
            Ok(Value::Float(x / lb))
        }
    }
}

fn int_result(vm: &mut Vm, a: &Args, name: &str, f: fn(f64) -> f64, special: &str) -> PyResult {
    nargs(vm, a, name, 1)?;
    let v = &a.args[0];
    if crate::ops::is_int(v) {
        return Ok(crate::types::int::from_bigint(crate::types::int::to_bigint(v).unwrap_or_default()));
    }
    if let Value::Obj(_) = v {
        if let Some(r) = vm.call_special(v, special, &[])? {
            return Ok(r);
        }
    }
    let x = arg(vm, a, 0, name)?;
    crate::types::int::float_to_int(vm, f(x))
}

fn floor(vm: &mut Vm, a: Args) -> PyResult {
    int_result(vm, &a, "floor", f64::floor, "__floor__")
}
fn ceil(vm: &mut Vm, a: Args) -> PyResult {
    int_result(vm, &a, "ceil", f64::ceil, "__ceil__")
}
fn trunc(vm: &mut Vm, a: Args) -> PyResult {
    int_result(vm, &a, "trunc", f64::trunc, "__trunc__")
}

fn pow(vm: &mut Vm, a: Args) -> PyResult {
    nargs(vm, &a, "pow", 2)?;
    let x = arg(vm, &a, 0, "pow")?;
    let y = arg(vm, &a, 1, "pow")?;
    if x == 0.0 && y < 0.0 {
        return Err(domain(vm));
    }
    if x < 0.0 && y.is_finite() && y != y.floor() {
        return Err(domain(vm));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_err(vm));
    }
    Ok(Value::Float(r))
}

fn atan2(vm: &mut Vm, a: Args) -> PyResult {
    nargs(vm, &a, "atan2", 2)?;
    let y = arg(vm, &a, 0, "atan2")?;
    let x = arg(vm, &a, 1, "atan2")?;
    Ok(Value::Float(y.atan2(x)))
}

/// The C math library's functions that Rust's f64 lacks (std links libm on every target).
mod libm {
    extern "C" {
        pub fn erf(x: f64) -> f64;
        pub fn erfc(x: f64) -> f64;
        pub fn remainder(x: f64, y: f64) -> f64;
        pub fn nextafter(x: f64, y: f64) -> f64;
    }
}

fn unsafe_libm1(f: unsafe extern "C" fn(f64) -> f64, x: f64) -> f64 {
    // SAFETY: pure libm functions of a double, no pointers involved.
    unsafe { f(x) }
}

fn libm2(f: unsafe extern "C" fn(f64, f64) -> f64, x: f64, y: f64) -> f64 {
    // SAFETY: pure libm functions of two doubles, no pointers involved.
    unsafe { f(x, y) }
}

/// `math.remainder(x, y)`: IEEE 754 remainder (x - n*y, n the integer nearest x/y).
fn remainder(vm: &mut Vm, a: Args) -> PyResult {
    nargs(vm, &a, "remainder", 2)?;
    let x = arg(vm, &a, 0, "remainder")?;
    let y = arg(vm, &a, 1, "remainder")?;
    if x.is_nan() || y.is_nan() {
        return Ok(Value::Float(f64::NAN));
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain(vm));
    }
    Ok(Value::Float(libm2(libm::remainder, x, y)))
}

fn nextafter(vm: &mut Vm, a: Args) -> PyResult {
    nargs(vm, &a, "nextafter", 2)?;
    let x = arg(vm, &a, 0, "nextafter")?;
    let y = arg(vm, &a, 1, "nextafter")?;
    Ok(Value::Float(libm2(libm::nextafter, x, y)))
}

/// `math.ulp(x)`: the value of the least significant bit of x.
fn ulp(vm: &mut Vm, a: Args) -> PyResult {
    nargs(vm, &a, "ulp", 1)?;
    let x = arg(vm, &a, 0, "ulp")?;
    if x.is_nan() {
        return Ok(Value::Float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(Value::Float(x));
    }
    let up = libm2(libm::nextafter, x, f64::INFINITY);
    if up.is_infinite() {
        return Ok(Value::Float(x - libm2(libm::nextafter, x, f64::NEG_INFINITY)));
    }
    Ok(Value::Float(up - x))
}

fn fmod(vm: &mut Vm, a: Args) -> PyResult {
    nargs(vm, &a, "fmod", 2)?;
    let x = arg(vm, &a, 0, "fmod")?;
    let y = arg(vm, &a, 1, "fmod")?;
    if y == 0.0 || x.is_infinite() {
        return Err(domain(vm));
    }
    Ok(Value::Float(x % y))
}

fn copysign(vm: &mut Vm, a: Args) -> PyResult {
    nargs(vm, &a, "copysign", 2)?;
    let x = arg(vm, &a, 0, "copysign")?;
    let y = arg(vm, &a, 1, "copysign")?;
    Ok(Value::Float(x.copysign(y)))
}

// The inverse hyperbolic functions as glibc computes them (fdlibm's algorithms over the
// system's log and log1p), which CPython calls: Rust's f64::asinh/acosh/atanh use other
// formulas and differ in the last digit for some arguments.
const LN2: f64 = std::f64::consts::LN_2;

/// The high 32 bits of |x| (fdlibm compares these, not the whole value).
fn high_word(x: f64) -> u32 {
    ((x.to_bits() >> 32) as u32) & 0x7fff_ffff
}

pub fn glibc_asinh(x: f64) -> f64 {
    let ix = high_word(x);
    if ix >= 0x7ff0_0000 {
        return x + x; // inf or nan
    }
    if ix < 0x3e30_0000 {
        return x; // |x| < 2**-28
    }
    let ax = x.abs();
    let w = if ix > 0x41b0_0000 {
        ax.ln() + LN2 // |x| > 2**28
    } else if ix > 0x4000_0000 {
        (2.0 * ax + 1.0 / ((x * x + 1.0).sqrt() + ax)).ln() // 2**28 > |x| > 2
    } else {
        let t = x * x;
        (ax + t / (1.0 + (1.0 + t).sqrt())).ln_1p()
    };
    w.copysign(x)
}

pub fn glibc_acosh(x: f64) -> f64 {
    if x < 1.0 || x.is_nan() {
        return f64::NAN; // (x - x) / (x - x) in C: invalid
    }
    let hx = high_word(x);
    if hx >= 0x41b0_0000 {
        if hx >= 0x7ff0_0000 {
            return x + x;
        }
        return x.ln() + LN2; // x > 2**28
    }
    if x == 1.0 {
        return 0.0;
    }
    if hx > 0x4000_0000 {
        let t = x * x;
        return (2.0 * x - 1.0 / (x + (t - 1.0).sqrt())).ln(); // 2**28 > x > 2
    }
    let t = x - 1.0;
    (t + (2.0 * t + t * t).sqrt()).ln_1p()
}

pub fn glibc_atanh(x: f64) -> f64 {
    let xa = x.abs();
    let t = if xa < 0.5 {
        if xa < 3.725290298461914e-9 {
            return x;
        }
        let t = xa + xa;
        0.5 * (t + t * xa / (1.0 - xa)).ln_1p()
    } else if xa < 1.0 {
        0.5 * ((xa + xa) / (1.0 - xa)).ln_1p()
    } else if xa == 1.0 {
        f64::INFINITY
    } else {
        return f64::NAN; // (x - x) / (x - x) in C: invalid
    };
    t.copysign(x)
}

fn hypot(vm: &mut Vm, a: Args) -> PyResult {
    let mut vals = Vec::with_capacity(a.args.len());
    let mut max = 0.0f64;
    let mut found_nan = false;
    for i in 0..a.args.len() {
        let x = arg(vm, &a, i, "hypot")?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        vals.push(x);
    }
    Ok(Value::Float(vector_norm(&mut vals, max, found_nan)))
}

/// CPython 3.11's `vector_norm` (mathmodule.c): the Euclidean norm with the squares and
/// their sum kept exactly as double-length values and a final differential correction, so
/// the result is the same (correctly rounded in almost all cases) as CPython's.
pub fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let max_e = frexp_exp(max);
    if max_e < -1023 {
        // ldexp(1.0, -max_e) would overflow: make the subnormals normal first.
        for x in vec.iter_mut() {
            *x /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = ldexp1(-max_e);
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    for &x in vec.iter() {
        let x = x * scale; // lossless scaling
        let (hi, lo) = dl_mul(x, x); // lossless squaring
        let (shi, slo) = dl_fast_sum(csum, hi); // lossless addition
        csum = shi;
        frac1 += lo;
        frac2 += slo;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let (hi, lo) = dl_mul(-h, h);
    let (shi, slo) = dl_fast_sum(csum, hi);
    csum = shi;
    frac1 += lo;
    frac2 += slo;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h); // differential correction
    h / scale
}

/// The exponent frexp gives (x = m * 2**e with 0.5 <= m < 1), for finite nonzero x.
fn frexp_exp(x: f64) -> i32 {
    let bits = x.abs().to_bits();
    let e = ((bits >> 52) & 0x7ff) as i32;
    if e == 0 {
        // subnormal: normalise
        let m = bits & ((1u64 << 52) - 1);
        let lz = m.leading_zeros() as i32 - 12;
        return -1022 - lz;
    }
    e - 1022
}

/// 2.0**e for -1074 <= e <= 1023.
fn ldexp1(e: i32) -> f64 {
    if e >= -1022 {
        f64::from_bits(((e + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (e + 1074))
    }
}

/// x + y as (sum, error), exact when |x| >= |y|.
fn dl_fast_sum(a: f64, b: f64) -> (f64, f64) {
    let x = a + b;
    let z = x - a;
    (x, b - z)
}

/// x * y as (product, error), exact.
fn dl_mul(x: f64, y: f64) -> (f64, f64) {
    let z = x * y;
    (z, x.mul_add(y, -z))
}

fn dist(vm: &mut Vm, a: Args) -> PyResult {
    nargs(vm, &a, "dist", 2)?;
    let p = vm.collect(&a.args[0])?;
    let q = vm.collect(&a.args[1])?;
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::new();
    for (x, y) in p.iter().zip(q.iter()) {
        let x = crate::types::float::real_of(vm, x)?;
        let y = crate::types::float::real_of(vm, y)?;
        diffs.push(Value::Float(x - y));
    }
    hypot(vm, Args::new(&diffs))
}

fn pred(vm: &mut Vm, a: &Args, name: &str, f: fn(f64) -> bool) -> PyResult {
    nargs(vm, a, name, 1)?;
    let x = arg(vm, a, 0, name)?;
    Ok(Value::Bool(f(x)))
}
fn isnan(vm: &mut Vm, a: Args) -> PyResult {
    pred(vm, &a, "isnan", f64::is_nan)
}
fn isinf(vm: &mut Vm, a: Args) -> PyResult {
    pred(vm, &a, "isinf", f64::is_infinite)
}
fn isfinite(vm: &mut Vm, a: Args) -> PyResult {
    pred(vm, &a, "isfinite", f64::is_finite)
}

fn isclose(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() != 2 {
        return Err(vm.type_error(&format!("isclose() takes exactly 2 positional arguments ({} given)", a.args.len())));
    }
    let x = arg(vm, &a, 0, "isclose")?;
    let y = arg(vm, &a, 1, "isclose")?;
    let rel = match a.kw("rel_tol") {
        Some(v) => crate::types::float::real_of(vm, v)?,
        None => 1e-9,
    };
    let abs_tol = match a.kw("abs_tol") {
        Some(v) => crate::types::float::real_of(vm, v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::Bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let d = (x - y).abs();
    Ok(Value::Bool(d <= (rel * y).abs() || d <= (rel * x).abs() || d <= abs_tol))
}

fn frexp(vm: &mut Vm, a: Args) -> PyResult {
    nargs(vm, &a, "frexp", 1)?;
    let x = arg(vm, &a, 0, "frexp")?;
    let (m, e) = crate::types::float::frexp(x);
    Ok(crate::types::tuple::new_tuple(vec![Value::Float(m), Value::Int(e as i64)]))
}

fn ldexp(vm: &mut Vm, a: Args) -> PyResult {
    nargs(vm, &a, "ldexp", 2)?;
    let x = arg(vm, &a, 0, "ldexp")?;
    let Some(e) = a.args.get(1).filter(|v| crate::ops::is_int(v)).map(|v| crate::types::int::to_i64(v).unwrap_or(if crate::types::int::to_bigint(v).map(|b| b.is_negative()).unwrap_or(false) { i64::MIN } else { i64::MAX })) else {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::Float(x));
    }
    let e = e.clamp(-10000, 10000) as i32;
    let mut r = x;
    let mut e = e;
    while e > 1000 {
        r *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        r *= 2f64.powi(-1000);
        e += 1000;
    }
    r *= 2f64.powi(e);
    if r.is_infinite() {
        return Err(range_err(vm));
    }
    Ok(Value::Float(r))
}

fn modf(vm: &mut Vm, a: Args) -> PyResult {
    nargs(vm, &a, "modf", 1)?;
    let x = arg(vm, &a, 0, "modf")?;
    if x.is_infinite() {
        return Ok(crate::types::tuple::new_tuple(vec![Value::Float(0.0f64.copysign(x)), Value::Float(x)]));
    }
    let t = x.trunc();
    Ok(crate::types::tuple::new_tuple(vec![Value::Float((x - t).copysign(x)), Value::Float(t)]))
}

fn fsum(vm: &mut Vm, a: Args) -> PyResult {
    nargs(vm, &a, "fsum", 1)?;
    let items = vm.collect(&a.args[0])?;
    // Shewchuk's exact partial sums (as CPython's msum).
    let mut partials: Vec<f64> = Vec::new();
    for it in items {
        let mut x = crate::types::float::real_of(vm, &it)?;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    let mut hi = 0.0;
    while let Some(x) = partials.pop() {
        let y = hi;
        hi = x + y;
        let lo = y - (hi - x);
        if lo != 0.0 {
            // Correct rounding of the final sum.
            if let Some(&next) = partials.last() {
                if (lo < 0.0 && next < 0.0) || (lo > 0.0 && next > 0.0) {
                    let y2 = lo * 2.0;
                    let x2 = hi + y2;
                    if y2 == x2 - hi {
                        hi = x2;
                    }
                }
            }
            break;
        }
    }
    Ok(Value::Float(hi))
}

fn int_of(vm: &mut Vm, v: &Value, name: &str) -> PyResult<BigInt> {
    if !crate::ops::is_int(v) {
        let tn = vm.type_name(v);
        let _ = name;
        return Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")));
    }
    Ok(crate::types::int::to_bigint(v).unwrap_or_default())
}

fn gcd(vm: &mut Vm, a: Args) -> PyResult {
    let mut g = BigInt::zero();
    for v in a.args {
        let x = int_of(vm, v, "gcd")?;
        g = g.gcd(&x);
    }
    Ok(crate::types::int::from_bigint(g))
}

fn lcm(vm: &mut Vm, a: Args) -> PyResult {
    let mut l = BigInt::one();
    for v in a.args {
        let x = int_of(vm, v, "lcm")?;
        if x.is_zero() {
            return Ok(Value::Int(0));
        }
        l = l.lcm(&x);
    }
    Ok(crate::types::int::from_bigint(l.abs()))
}

fn factorial(vm: &mut Vm, a: Args) -> PyResult {
    nargs(vm, &a, "factorial", 1)?;
    if let Value::Float64(_) = &a.args[0] {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = int_of(vm, &a.args[0], "factorial")?;
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_u64().filter(|n| *n < 1_000_000) else { return Err(vm.overflow_error("factorial() argument should not exceed 9223372036854775807")) };
    let mut r = BigInt::one();
    for i in 2..=n {
        r *= i;
    }
    Ok(crate::types::int::from_bigint(r))
}

fn comb_perm(vm: &mut Vm, a: &Args, name: &str, comb: bool) -> PyResult {
    if a.args.is_empty() || a.args.len() > 2 || (comb && a.args.len() != 2) {
        return Err(vm.type_error(&format!("{name} expected 2 arguments, got {}", a.args.len())));
    }
    let n = int_of(vm, &a.args[0], name)?;
    let k = match a.args.get(1) {
        Some(v) if !v.is_none() => int_of(vm, v, name)?,
        _ => n.clone(),
    };
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    // CPython computes with a C long long count of factors.
    let k = if comb { k.clone().min(&n - &k) } else { k };
    let Some(k_u) = k.to_i64().map(|k| k as u64) else {
        return Err(vm.overflow_error(if comb {
            "min(n - k, k) must not exceed 9223372036854775807"
        } else if a.args.get(1).is_none_or(|v| v.is_none()) {
            "factorial() argument should not exceed 9223372036854775807"
        } else {
            "k must not exceed 9223372036854775807"
        }));
    };
    let mut r = BigInt::one();
    for i in 0..k_u {
        r *= &n - i;
        if comb {
            r /= i + 1;
        }
    }
    Ok(crate::types::int::from_bigint(r))
}

fn comb(vm: &mut Vm, a: Args) -> PyResult {
    comb_perm(vm, &a, "comb", true)
}
fn perm(vm: &mut Vm, a: Args) -> PyResult {
    comb_perm(vm, &a, "perm", false)
}

fn isqrt(vm: &mut Vm, a: Args) -> PyResult {
    nargs(vm, &a, "isqrt", 1)?;
    let n = int_of(vm, &a.args[0], "isqrt")?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(crate::types::int::from_bigint(n.sqrt()))
}

fn prod(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() != 1 {
        return Err(vm.type_error(&format!("prod() takes exactly 1 positional argument ({} given)", a.args.len())));
    }
    let mut acc = a.kw("start").cloned().unwrap_or(Value::Int(1));
    let it = vm.iter(&a.args[0])?;
    while let Some(x) = vm.next(&it)? {
        acc = crate::ops::binary_op(vm, &acc, &x, spindle_compiler::bytecode::BinOp::Mul)?;
    }
    Ok(acc)
}

pub fn create(vm: &mut Vm) -> crate::object::ObjRef {
    let m = module_with(
        vm,
        "math",
        &[
            ("log", log),
            ("log2", m_log2),
            ("log10", m_log10),
            ("floor", floor),
            ("ceil", ceil),
            ("trunc", trunc),
            ("pow", pow),
            ("atan2", atan2),
            ("fmod", fmod),
            ("remainder", remainder),
            ("nextafter", nextafter),
            ("ulp", ulp),
            ("copysign", copysign),
            ("hypot", hypot),
            ("dist", dist),
            ("isnan", isnan),
            ("isinf", isinf),
            ("isfinite", isfinite),
            ("isclose", isclose),
            ("frexp", frexp),
            ("ldexp", ldexp),
            ("modf", modf),
            ("fsum", fsum),
            ("gcd", gcd),
            ("lcm", lcm),
            ("factorial", factorial),
            ("comb", comb),
            ("perm", perm),
            ("isqrt", isqrt),
            ("prod", prod),
        ],
    );
    for (n, f) in FLOAT_FNS {
        let v = crate::builtins::native_function(n, *f, "math");
        set_attr(vm, &m, n, v);
    }
    for (n, v) in [("pi", std::f64::consts::PI), ("e", std::f64::consts::E), ("tau", std::f64::consts::TAU), ("inf", f64::INFINITY), ("nan", f64::NAN)] {
        set_attr(vm, &m, n, Value::Float(v));
    }
    m
}
