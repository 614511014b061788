//! Text formatting, following CPython's C code closely so that output and error messages match:
//! float to text (`PyOS_double_to_string`: `repr`, `'e'`/`'f'`/`'g'`), the format-spec
//! mini-language (`Python/formatter_unicode.c`: `format()`, f-strings, `__format__`),
//! `str.format` (`Objects/stringlib/unicode_format.h`), `%`-formatting (`PyUnicode_Format`,
//! also used for bytes), and `ascii()` escaping.

use crate::object::Payload;
use crate::types::types;
use crate::value::Value;
use crate::vm::Vm;
use crate::PyResult;

// ----- floats to text -----

/// Decimal digits of a finite, non-negative double and the position of the decimal point:
/// the value is `0.DIGITS * 10**decpt`. No leading zeros; trailing zeros stripped; zero is
/// `("0", 1)` (as David Gay's `dtoa`).
struct Digits {
    digits: Vec<u8>,
    decpt: i64,
}

/// From Rust's exact scientific formatting `d.ddde±x`.
fn digits_from_exp(s: &str) -> Digits {
    let (m, e) = s.split_once('e').unwrap_or((s, "0"));
    let exp: i64 = e.parse().unwrap_or(0);
    let mut digits: Vec<u8> = m.bytes().filter(|c| c.is_ascii_digit()).collect();
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
    if digits.iter().all(|&c| c == b'0') {
        return Digits { digits: vec![b'0'], decpt: 1 };
    }
    Digits { digits, decpt: exp + 1 }
}

/// dtoa mode 0: the shortest digits that round-trip.
fn dtoa_shortest(a: f64) -> Digits {
    let d = digits_from_exp(&format!("{a:e}"));
    // When two strings of the shortest length both round-trip (the exact value lies halfway
    // between them), CPython's dtoa takes the one nearest the exact value, half to even;
    // Rust's shortest formatting may take the other. Ties need a near-17-digit mantissa.
    if d.digits.len() >= 16 {
        let even = dtoa_sig(a, d.digits.len());
        if even.digits != d.digits {
            let text = format!("0.{}e{}", String::from_utf8_lossy(&even.digits), even.decpt);
            if text.parse::<f64>().ok() == Some(a) {
                return even;
            }
        }
    }
    d
}

/// dtoa mode 2: `n` (>= 1) significant digits, correctly rounded.
fn dtoa_sig(a: f64, n: usize) -> Digits {
    // A double has at most 767 significant decimal digits; more are zeros.
    digits_from_exp(&format!("{:.*e}", n.min(800) - 1, a))
}

/// dtoa mode 3: `n` digits after the decimal point, correctly rounded.
fn dtoa_fixed(a: f64, n: usize) -> Digits {
    // A double has at most 1074 digits after the point; more are zeros.
    let s = format!("{:.*}", n.min(1100), a);
    let (int_part, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut digits: Vec<u8> = int_part.bytes().chain(frac.bytes()).collect();
    let mut decpt = int_part.len() as i64;
    let lead = digits.iter().take_while(|&&c| c == b'0').count();
    digits.drain(..lead);
    decpt -= lead as i64;
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    if digits.is_empty() {
        if a == 0.0 {
            return Digits { digits: vec![b'0'], decpt: 1 };
        }
        // Rounds to zero: no digits, the point just left of the last requested place.
        return Digits { digits, decpt: -(n as i64) };
    }
    Digits { digits, decpt }
}

/// Flags of [`double_to_string`] (CPython's `Py_DTSF_*`).
#[derive(Clone, Copy, Default)]
pub struct DtsFlags {
    pub sign: bool,
    pub add_dot_0: bool,
    pub alt: bool,
    pub no_neg_0: bool,
}

/// `PyOS_double_to_string`: `code` is one of `eEfFgGr`; `precision` is ignored for `r`.
/// Returns `MemoryError` when the padding zeros cannot be allocated.
pub fn double_to_string(vm: &mut Vm, val: f64, code: char, precision: usize, flags: DtsFlags) -> PyResult<String> {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    let (inf, nan, e_char) = if upper { ("INF", "NAN", 'E') } else { ("inf", "nan", 'e') };
    let mut neg = val.is_sign_negative();
    if val.is_nan() || val.is_infinite() {
        let mut out = String::new();
        if val.is_nan() {
            neg = false;
        }
        if neg {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        out.push_str(if val.is_nan() { nan } else { inf });
        return Ok(out);
    }
    let a = val.abs();
    let mut precision = precision as i64;
    let d = match code {
        'e' => {
            precision += 1;
            dtoa_sig(a, precision as usize)
        }
        'f' => dtoa_fixed(a, precision as usize),
        'g' => {
            if precision == 0 {
                precision = 1;
            }
            dtoa_sig(a, precision as usize)
        }
        _ => dtoa_shortest(a),
    };
    let Digits { digits, mut decpt } = d;
    if flags.no_neg_0 && neg && (digits.is_empty() || digits == b"0") {
        neg = false;
    }
    let digits_len = digits.len() as i64;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            if decpt <= -4 || decpt > (if flags.add_dot_0 { precision - 1 } else { precision }) {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end = if !use_exp && flags.add_dot_0 { vdigits_end.max(decpt + 1) } else { vdigits_end.max(decpt) };
    let size = (vdigits_end - vdigits_start) as usize + 8;
    let mut p = crate::alloc::try_string(vm, size)?;
    if neg {
        p.push('-');
    } else if flags.sign {
        p.push('+');
    }
    let zeros = |p: &mut String, n: i64| p.extend(std::iter::repeat_n('0', n.max(0) as usize));
    let text = |p: &mut String, b: &[u8]| p.extend(b.iter().map(|&c| c as char));
    if decpt <= 0 {
        zeros(&mut p, decpt - vdigits_start);
        p.push('.');
        zeros(&mut p, -decpt);
    } else {
        zeros(&mut p, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        text(&mut p, &digits[..decpt as usize]);
        p.push('.');
        text(&mut p, &digits[decpt as usize..]);
    } else {
        text(&mut p, &digits);
    }
    if digits_len < decpt {
        zeros(&mut p, decpt - digits_len);
        p.push('.');
        zeros(&mut p, vdigits_end - decpt);
    } else {
        zeros(&mut p, vdigits_end - digits_len);
    }
    if p.ends_with('.') && !flags.alt {
        p.pop();
    }
    if use_exp {
        p.push(e_char);
        p.push(if exp < 0 { '-' } else { '+' });
        p.push_str(&format!("{:02}", exp.abs()));
    }
    Ok(p)
}

/// `repr(float)`: the shortest string that round-trips, laid out as CPython does
/// (scientific notation below 1e-4 and from 1e16).
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let Digits { digits, decpt } = dtoa_shortest(f.abs());
    let sign = if f.is_sign_negative() { "-" } else { "" };
    let digits = String::from_utf8(digits).unwrap_or_default();
    if decpt <= -4 || decpt > 16 {
        let exp = decpt - 1;
        let m = if digits.len() > 1 { format!("{}.{}", &digits[..1], &digits[1..]) } else { digits };
        return format!("{sign}{m}e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs());
    }
    let n = digits.len() as i64;
    let body = if decpt <= 0 {
        format!("0.{}{}", "0".repeat((-decpt) as usize), digits)
    } else if decpt >= n {
        format!("{}{}.0", digits, "0".repeat((decpt - n) as usize))
    } else {
        format!("{}.{}", &digits[..decpt as usize], &digits[decpt as usize..])
    };
    format!("{sign}{body}")
}

/// Escape non-ASCII characters as `ascii()` does.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

// ----- the format-spec mini-language -----

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`
/// (CPython's `InternalFormatSpec`).
#[derive(Debug, Clone)]
pub struct Spec {
    pub fill: char,
    pub align: char,
    pub sign: Option<char>,
    pub no_neg_0: bool,
    pub alt: bool,
    pub width: Option<usize>,
    /// `','` or `'_'`.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    /// `None` is CPython's `'\0'` (no type given, for floats).
    pub ty: Option<char>,
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Read a run of decimal digits; `Ok(None)` if there are none.
fn spec_integer(vm: &mut Vm, c: &[char], pos: &mut usize) -> PyResult<Option<usize>> {
    let start = *pos;
    let mut acc: usize = 0;
    while let Some(d) = c.get(*pos).and_then(|ch| ch.to_digit(10)) {
        if acc > (isize::MAX as usize - d as usize) / 10 {
            return Err(vm.value_error("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d as usize;
        *pos += 1;
    }
    Ok(if *pos == start { None } else { Some(acc) })
}

fn char_for_msg(c: char) -> String {
    let n = c as u32;
    if n > 32 && n < 128 {
        c.to_string()
    } else {
        format!("\\x{n:x}")
    }
}

fn unknown_code(vm: &mut Vm, ty: char, type_name: &str) -> crate::PyErr {
    vm.value_error(&format!("Unknown format code '{}' for object of type '{type_name}'", char_for_msg(ty)))
}

/// `parse_internal_render_format_spec`.
fn parse_spec(vm: &mut Vm, s: &str, type_name: &str, default_type: Option<char>, default_align: char) -> PyResult<Spec> {
    let c: Vec<char> = s.chars().collect();
    let end = c.len();
    let mut pos = 0;
    let mut sp = Spec { fill: ' ', align: default_align, sign: None, no_neg_0: false, alt: false, width: None, grouping: None, precision: None, ty: default_type };
    let mut fill_specified = false;
    let mut align_specified = false;
    if end >= 2 && is_align(c[1]) {
        sp.align = c[1];
        sp.fill = c[0];
        fill_specified = true;
        align_specified = true;
        pos = 2;
    } else if end >= 1 && is_align(c[0]) {
        sp.align = c[0];
        align_specified = true;
        pos = 1;
    }
    if pos < end && matches!(c[pos], '+' | '-' | ' ') {
        sp.sign = Some(c[pos]);
        pos += 1;
    }
    if pos < end && c[pos] == 'z' {
        sp.no_neg_0 = true;
        pos += 1;
    }
    if pos < end && c[pos] == '#' {
        sp.alt = true;
        pos += 1;
    }
    if !fill_specified && pos < end && c[pos] == '0' {
        sp.fill = '0';
        if !align_specified && default_align == '>' {
            sp.align = '=';
        }
        pos += 1;
    }
    sp.width = spec_integer(vm, &c, &mut pos)?;
    if pos < end && c[pos] == ',' {
        sp.grouping = Some(',');
        pos += 1;
    }
    if pos < end && c[pos] == '_' {
        if sp.grouping.is_some() {
            return Err(vm.value_error("Cannot specify both ',' and '_'."));
        }
        sp.grouping = Some('_');
        pos += 1;
    }
    if pos < end && c[pos] == ',' && sp.grouping == Some('_') {
        return Err(vm.value_error("Cannot specify both ',' and '_'."));
    }
    if pos < end && c[pos] == '.' {
        pos += 1;
        match spec_integer(vm, &c, &mut pos)? {
            Some(p) => sp.precision = Some(p),
            None => return Err(vm.value_error("Format specifier missing precision")),
        }
    }
    if end - pos > 1 {
        return Err(vm.value_error(&format!("Invalid format specifier '{s}' for object of type '{type_name}'")));
    }
    if end - pos == 1 {
        sp.ty = Some(c[pos]);
    }
    if let Some(g) = sp.grouping {
        match sp.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if g == '_' => {}
            Some(t) => return Err(vm.value_error(&format!("Cannot specify '{g}' with '{}'.", char_for_msg(t)))),
        }
    }
    Ok(sp)
}

/// Widths of the parts of a formatted number (CPython's `NumberFieldWidths`).
struct NumberLayout {
    lpad: usize,
    sign: Option<char>,
    spad: usize,
    rpad: usize,
    /// Zeros the digit grouping adds on the left (zero padding with `'0='`).
    min_width: i64,
}

/// `calc_number_widths`: `n_digits` integer digits, `n_rest` chars after them (decimal point,
/// fraction, exponent, `%`), `prefix` (`0x`) length.
fn number_layout(sp: &Spec, neg: bool, n_prefix: usize, n_digits: usize, n_rest: usize) -> (NumberLayout, usize) {
    let sign = match sp.sign {
        Some('+') => Some(if neg { '-' } else { '+' }),
        Some(' ') => Some(if neg { '-' } else { ' ' }),
        _ => neg.then_some('-'),
    };
    let n_sign = sign.is_some() as usize;
    let n_non_digit = n_sign + n_prefix + n_rest;
    let width = sp.width.map(|w| w as i64).unwrap_or(-1);
    let min_width = if sp.fill == '0' && sp.align == '=' { width - n_non_digit as i64 } else { 0 };
    let grouped = if n_digits == 0 { 0 } else { grouped_len(n_digits, min_width, sp.grouping.is_some(), group_size(sp)) };
    let mut l = NumberLayout { lpad: 0, sign, spad: 0, rpad: 0, min_width };
    let pad = width - (n_non_digit + grouped) as i64;
    if pad > 0 {
        let pad = pad as usize;
        match sp.align {
            '<' => l.rpad = pad,
            '^' => {
                l.lpad = pad / 2;
                l.rpad = pad - l.lpad;
            }
            '=' => l.spad = pad,
            _ => l.lpad = pad,
        }
    }
    (l, grouped)
}

fn group_size(sp: &Spec) -> usize {
    if matches!(sp.ty, Some('b' | 'o' | 'x' | 'X')) {
        4
    } else {
        3
    }
}

/// Groups of `_PyUnicode_InsertThousandsGrouping`, most significant first: each is
/// (leading zeros, digits), separated by the separator if grouping.
fn grouping_plan(n_digits: usize, min_width: i64, grouping: bool, size: usize) -> Vec<(usize, usize)> {
    let mut remaining = n_digits as i64;
    let mut min_width = min_width;
    let mut groups = Vec::new();
    if grouping {
        loop {
            let l = (size as i64).min(remaining.max(min_width).max(1));
            let zeros = (l - remaining).max(0);
            let chars = remaining.min(l).max(0);
            groups.push((zeros as usize, chars as usize));
            remaining -= chars;
            min_width -= l;
            if remaining <= 0 && min_width <= 0 {
                break;
            }
            min_width -= 1;
        }
    } else {
        let l = remaining.max(min_width).max(1);
        groups.push(((l - remaining).max(0) as usize, remaining.min(l).max(0) as usize));
    }
    groups.reverse();
    groups
}

fn grouped_len(n_digits: usize, min_width: i64, grouping: bool, size: usize) -> usize {
    let plan = grouping_plan(n_digits, min_width, grouping, size);
    plan.iter().map(|(z, c)| z + c).sum::<usize>() + plan.len().saturating_sub(1) * grouping as usize
}

/// `fill_number`: lay out sign, prefix, grouped digits and the rest.
fn fill_number(vm: &mut Vm, sp: &Spec, neg: bool, prefix: &str, digits: &str, rest: &str) -> PyResult<String> {
    let (l, grouped) = number_layout(sp, neg, prefix.chars().count(), digits.len(), rest.chars().count());
    let total = l.lpad + l.spad + l.rpad + grouped + prefix.len() + rest.len() + 1;
    let mut out = crate::alloc::try_string(vm, total.saturating_mul(sp.fill.len_utf8()))?;
    out.extend(std::iter::repeat_n(sp.fill, l.lpad));
    if let Some(s) = l.sign {
        out.push(s);
    }
    out.push_str(prefix);
    out.extend(std::iter::repeat_n(sp.fill, l.spad));
    if !digits.is_empty() {
        let sep = sp.grouping.unwrap_or(',');
        let plan = grouping_plan(digits.len(), l.min_width, sp.grouping.is_some(), group_size(sp));
        let mut at = 0;
        for (i, (zeros, chars)) in plan.iter().enumerate() {
            if i > 0 {
                out.push(sep);
            }
            out.extend(std::iter::repeat_n('0', *zeros));
            out.push_str(&digits[at..at + chars]);
            at += chars;
        }
    }
    out.push_str(rest);
    out.extend(std::iter::repeat_n(sp.fill, l.rpad));
    Ok(out)
}

/// `calc_padding` + write, for strings.
fn pad_text(vm: &mut Vm, body: &str, nchars: usize, width: Option<usize>, align: char, fill: char) -> PyResult<String> {
    let total = width.unwrap_or(0).max(nchars);
    let lpad = match align {
        '>' => total - nchars,
        '^' => (total - nchars) / 2,
        _ => 0,
    };
    let rpad = total - nchars - lpad;
    let mut out = crate::alloc::try_string(vm, body.len().saturating_add((lpad + rpad).saturating_mul(fill.len_utf8())))?;
    out.extend(std::iter::repeat_n(fill, lpad));
    out.push_str(body);
    out.extend(std::iter::repeat_n(fill, rpad));
    Ok(out)
}

/// `format(value, spec)`: `type(value).__format__(value, spec)`, with native paths for
/// builtin types.
pub fn format_value(vm: &mut Vm, v: &Value, spec: &str) -> PyResult {
    let builtin = match v {
        Value::Obj(o) => o.cls_data().builtin,
        _ => true,
    };
    if !builtin {
        let sv = vm.new_str(spec);
        if let Some(r) = vm.call_special(v, "__format__", &[sv])? {
            if r.as_str().is_none() {
                let tn = vm.type_name(&r);
                return Err(vm.type_error(&format!("__format__ must return a str, not {tn}")));
            }
            return Ok(r);
        }
    }
    if spec.is_empty() {
        return vm.str_value(v);
    }
    let s = format_builtin(vm, v, spec)?;
    Ok(vm.new_string(s))
}

/// `__format__` of a builtin value (int, bool, float, str, and `object.__format__`) with a
/// non-empty spec.
pub fn format_builtin(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return vm.to_str(v);
    }
    let tn = vm.type_name(v);
    match v {
        Value::Int(_) | Value::Bool64(_) => format_int_spec(vm, v, spec, &tn),
        Value::Float64(f) => format_float_spec(vm, f.get(), spec, &tn),
        Value::Obj(o) => match &o.payload {
            Payload::Int(_) => format_int_spec(vm, v, spec, &tn),
            Payload::Float(f) => format_float_spec(vm, *f, spec, &tn),
            Payload::Str(s) => format_str_spec(vm, s.as_str(), spec, &tn),
            _ => Err(vm.type_error(&format!("unsupported format string passed to {tn}.__format__"))),
        },
        _ => Err(vm.type_error(&format!("unsupported format string passed to {tn}.__format__"))),
    }
}

/// `format_string_internal`.
fn format_str_spec(vm: &mut Vm, s: &str, spec: &str, tn: &str) -> PyResult<String> {
    let sp = parse_spec(vm, spec, tn, Some('s'), '<')?;
    if sp.ty != Some('s') {
        return Err(unknown_code(vm, sp.ty.unwrap_or('\0'), tn));
    }
    if let Some(sign) = sp.sign {
        return Err(vm.value_error(if sign == ' ' { "Space not allowed in string format specifier" } else { "Sign not allowed in string format specifier" }));
    }
    if sp.no_neg_0 {
        return Err(vm.value_error("Negative zero coercion (z) not allowed in string format specifier"));
    }
    if sp.alt {
        return Err(vm.value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if sp.align == '=' {
        return Err(vm.value_error("'=' alignment not allowed in string format specifier"));
    }
    let (body, n) = match sp.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((i, _)) => (&s[..i], p),
            None => (s, s.chars().count()),
        },
        None => (s, s.chars().count()),
    };
    pad_text(vm, body, n, sp.width, sp.align, sp.fill)
}

/// `format_long_internal` (and the int-to-float types).
fn format_int_spec(vm: &mut Vm, v: &Value, spec: &str, tn: &str) -> PyResult<String> {
    let sp = parse_spec(vm, spec, tn, Some('d'), '>')?;
    match sp.ty {
        Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => {}
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            let f = crate::types::int::int_to_f64(vm, v)?;
            return format_float_with(vm, f, &sp);
        }
        other => return Err(unknown_code(vm, other.unwrap_or('\0'), tn)),
    }
    if sp.precision.is_some() {
        return Err(vm.value_error("Precision not allowed in integer format specifier"));
    }
    if sp.no_neg_0 {
        return Err(vm.value_error("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    let big = crate::types::int::to_bigint(v).unwrap_or_default();
    let neg = big.sign() == num_bigint::Sign::Minus;
    let ty = sp.ty.unwrap_or('d');
    if ty == 'c' {
        if sp.sign.is_some() {
            return Err(vm.value_error("Sign not allowed with integer format specifier 'c'"));
        }
        if sp.alt {
            return Err(vm.value_error("Alternate form (#) not allowed with integer format specifier 'c'"));
        }
        let Some(n) = crate::types::int::bigint_to_i64(&big).filter(|n| (0..0x110000).contains(n)) else {
            return Err(vm.overflow_error("%c arg not in range(0x110000)"));
        };
        let Some(ch) = char::from_u32(n as u32) else { return Err(crate::unicode::surrogate_error(vm, "format(x, 'c') argument", n as u32)) };
        return fill_number(vm, &sp, false, "", "", &ch.to_string());
    }
    let mag = num_traits::Signed::abs(&big);
    let (digits, prefix) = match ty {
        'b' => (mag.to_str_radix(2), "0b"),
        'o' => (mag.to_str_radix(8), "0o"),
        'x' => (mag.to_str_radix(16), "0x"),
        'X' => (mag.to_str_radix(16).to_uppercase(), "0X"),
        _ => (crate::types::int::int_repr_value(vm, &crate::types::int::from_bigint(mag))?, ""),
    };
    let prefix = if sp.alt { prefix } else { "" };
    fill_number(vm, &sp, neg, prefix, &digits, "")
}

fn format_float_spec(vm: &mut Vm, f: f64, spec: &str, tn: &str) -> PyResult<String> {
    let sp = parse_spec(vm, spec, tn, None, '>')?;
    match sp.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => format_float_with(vm, f, &sp),
        Some(other) => Err(unknown_code(vm, other, tn)),
    }
}

/// `format_float_internal`.
fn format_float_with(vm: &mut Vm, val: f64, sp: &Spec) -> PyResult<String> {
    let given = sp.precision.is_some();
    let precision = sp.precision.unwrap_or(0);
    if precision > i32::MAX as usize {
        return Err(vm.value_error("precision too big"));
    }
    let mut flags = DtsFlags { alt: sp.alt, no_neg_0: sp.no_neg_0, ..Default::default() };
    let mut ty = sp.ty.unwrap_or('\0');
    let mut default_precision = 6;
    if ty == '\0' {
        flags.add_dot_0 = true;
        ty = 'r';
        default_precision = 0;
    }
    if ty == 'n' {
        ty = 'g';
    }
    let mut val = val;
    let mut pct = false;
    if ty == '%' {
        ty = 'f';
        val *= 100.0;
        pct = true;
    }
    let precision = if given {
        if ty == 'r' {
            ty = 'g';
        }
        precision
    } else {
        default_precision
    };
    let mut buf = double_to_string(vm, val, ty, precision, flags)?;
    if pct {
        buf.push('%');
    }
    let (neg, body) = match buf.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, buf.as_str()),
    };
    let nd = body.bytes().take_while(|c| c.is_ascii_digit()).count();
    let (digits, rest) = body.split_at(nd);
    fill_number(vm, sp, neg, "", digits, rest)
}

// ----- %-formatting -----

/// `fmt % args` for str (`bytes_mode` false) or bytes (true; text is bytes as latin-1 chars).
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    percent_format_impl(vm, fmt, args, false)
}

/// `bytes % args`: `fmt` and the result hold one char per byte.
pub fn percent_format_bytes(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    percent_format_impl(vm, fmt, args, true)
}

struct PctArgs {
    args: Value,
    /// Number of tuple items, or -1 for a single non-tuple argument.
    len: i64,
    idx: i64,
}

impl PctArgs {
    fn next(&mut self, vm: &mut Vm) -> PyResult {
        if self.idx < self.len {
            let i = self.idx;
            self.idx += 1;
            if self.len < 0 {
                return Ok(self.args.clone());
            }
            if let Some(items) = crate::types::tuple::tuple_items(&self.args) {
                if let Some(v) = items.get(i as usize) {
                    return Ok(v.clone());
                }
            }
        }
        Err(vm.type_error("not enough arguments for format string"))
    }
}

fn is_tuple(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.payload, Payload::Tuple(_)))
}

fn percent_format_impl(vm: &mut Vm, fmt: &str, args: &Value, bytes_mode: bool) -> PyResult<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut st = match crate::types::tuple::tuple_items(args) {
        Some(items) if is_tuple(args) => PctArgs { args: args.clone(), len: items.len() as i64, idx: 0 },
        _ => PctArgs { args: args.clone(), len: -1, idx: -2 },
    };
    // PyMapping_Check: anything with __getitem__ that is not a tuple or str.
    let is_mapping = match args {
        Value::Obj(o) => !matches!(o.payload, Payload::Tuple(_) | Payload::Str(_)) && (!bytes_mode || !matches!(o.payload, Payload::Bytes(_))) && crate::types::lookup(&o.cls, "__getitem__").is_some(),
        _ => false,
    };
    let dict = if is_mapping { Some(args.clone()) } else { None };
    let mut out = String::with_capacity(fmt.len() + 16);
    let n = chars.len();
    let mut i = 0;
    while i < n {
        if chars[i] != '%' {
            let start = i;
            while i < n && chars[i] != '%' {
                i += 1;
            }
            out.extend(&chars[start..i]);
            continue;
        }
        i += 1;
        if i < n && chars[i] == '%' {
            out.push('%');
            i += 1;
            continue;
        }
        // Mapping key.
        if i < n && chars[i] == '(' {
            let Some(d) = dict.clone() else { return Err(vm.type_error("format requires a mapping")) };
            let mut depth = 1;
            i += 1;
            let start = i;
            while i < n && depth > 0 {
                match chars[i] {
                    ')' => depth -= 1,
                    '(' => depth += 1,
                    _ => {}
                }
                i += 1;
            }
            if depth > 0 {
                return Err(vm.value_error("incomplete format key"));
            }
            let key: String = chars[start..i - 1].iter().collect();
            let k = if bytes_mode { crate::types::bytes::new_bytes(key.chars().map(|c| c as u32 as u8).collect()) } else { vm.new_string(key) };
            let v = vm.getitem(&d, &k)?;
            st = PctArgs { args: v, len: -1, idx: -2 };
        }
        let (mut ljust, mut plus, mut blank, mut alt, mut zero) = (false, false, false, false, false);
        while i < n {
            match chars[i] {
                '-' => ljust = true,
                '+' => plus = true,
                ' ' => blank = true,
                '#' => alt = true,
                '0' => zero = true,
                _ => break,
            }
            i += 1;
        }
        let mut width: Option<usize> = None;
        if i < n && chars[i] == '*' {
            let v = st.next(vm)?;
            if !crate::ops::is_int(&v) {
                return Err(vm.type_error("* wants int"));
            }
            let w = match crate::types::int::to_i64(&v) {
                Some(w) => w,
                None => return Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
            };
            if w < 0 {
                ljust = true;
            }
            width = Some(w.unsigned_abs() as usize);
            i += 1;
        } else if i < n && chars[i].is_ascii_digit() {
            let mut w: usize = 0;
            while i < n && chars[i].is_ascii_digit() {
                let d = chars[i] as usize - '0' as usize;
                if w > (isize::MAX as usize - d) / 10 {
                    return Err(vm.value_error("width too big"));
                }
                w = w * 10 + d;
                i += 1;
            }
            width = Some(w);
        }
        let mut prec: Option<usize> = None;
        if i < n && chars[i] == '.' {
            i += 1;
            prec = Some(0);
            if i < n && chars[i] == '*' {
                let v = st.next(vm)?;
                if !crate::ops::is_int(&v) {
                    return Err(vm.type_error("* wants int"));
                }
                let p = match crate::types::int::to_i64(&v).filter(|p| i32::try_from(*p).is_ok()) {
                    Some(p) => p,
                    None => return Err(vm.overflow_error("Python int too large to convert to C int")),
                };
                prec = Some(p.max(0) as usize);
                i += 1;
            } else if i < n && chars[i].is_ascii_digit() {
                let mut p: usize = 0;
                while i < n && chars[i].is_ascii_digit() {
                    let d = chars[i] as usize - '0' as usize;
                    if p > (i32::MAX as usize - d) / 10 {
                        return Err(vm.value_error("precision too big"));
                    }
                    p = p * 10 + d;
                    i += 1;
                }
                prec = Some(p);
            }
        }
        if i < n && matches!(chars[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= n {
            return Err(vm.value_error("incomplete format"));
        }
        let ch = chars[i];
        i += 1;
        let v = st.next(vm)?;
        let mut signed = false;
        let s: String = match ch {
            's' | 'r' | 'a' if !bytes_mode || ch != 's' => {
                
                match ch {
                    's' => vm.to_str(&v)?,
                    'r' if !bytes_mode => vm.repr(&v)?,
                    _ => ascii_escape(&vm.repr(&v)?),
                }
            }
            's' | 'b' if bytes_mode => {
                let b = match crate::types::bytes::bytes_like(&v) {
                    Some(b) => b,
                    None => match vm.call_special(&v, "__bytes__", &[])? {
                        Some(r) => match crate::types::bytes::bytes_like(&r) {
                            Some(b) => b,
                            None => {
                                let tn = vm.type_name(&r);
                                return Err(vm.type_error(&format!("__bytes__ returned non-bytes (type {tn})")));
                            }
                        },
                        None => {
                            let tn = vm.type_name(&v);
                            return Err(vm.type_error(&format!("%b requires a bytes-like object, or an object that implements __bytes__, not '{tn}'")));
                        }
                    },
                };
                b.iter().map(|&c| c as char).collect()
            }
            'i' | 'd' | 'u' | 'o' | 'x' | 'X' => {
                signed = true;
                let iv = percent_int_arg(vm, &v, ch)?;
                format_long(vm, &iv, alt, prec, ch)?
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                signed = true;
                let x = match crate::types::float::to_f64(&v) {
                    _ if crate::ops::is_int(&v) => crate::types::int::int_to_f64(vm, &v)?,
                    Some(x) => x,
                    None => match vm.call_special(&v, "__float__", &[])? {
                        Some(r) => match crate::types::float::to_f64(&r) {
                            Some(x) => x,
                            None => {
                                let tn = vm.type_name(&v);
                                let rn = vm.type_name(&r);
                                return Err(vm.type_error(&format!("{tn}.__float__ returned non-float (type {rn})")));
                            }
                        },
                        None => {
                            let tn = vm.type_name(&v);
                            return Err(vm.type_error(&format!("must be real number, not {tn}")));
                        }
                    },
                };
                double_to_string(vm, x, ch, prec.unwrap_or(6), DtsFlags { alt, ..Default::default() })?
            }
            'c' => percent_char(vm, &v, bytes_mode)?.to_string(),
            other => {
                let shown = if (31..=126).contains(&(other as u32)) { other } else { '?' };
                return Err(vm.value_error(&format!("unsupported format character '{shown}' (0x{:x}) at index {}", other as u32, i - 1)));
            }
        };
        percent_output(vm, &mut out, &s, ch, width, prec, signed, ljust, plus, blank, alt, zero)?;
        if dict.is_some() && st.idx < st.len {
            return Err(vm.type_error("not all arguments converted during string formatting"));
        }
    }
    if st.idx < st.len && dict.is_none() {
        return Err(vm.type_error("not all arguments converted during string formatting"));
    }
    Ok(out)
}

/// The int for `%d`/`%x`...: ints as they are; other numbers through `int()` (or
/// `__index__` for `%o %x %X`).
fn percent_int_arg(vm: &mut Vm, v: &Value, ch: char) -> PyResult {
    if crate::ops::is_int(v) {
        return Ok(v.clone());
    }
    let wrong = |vm: &mut Vm| {
        let tn = vm.type_name(v);
        let what = if matches!(ch, 'o' | 'x' | 'X') { "an integer" } else { "a real number" };
        vm.type_error(&format!("%{ch} format: {what} is required, not {tn}"))
    };
    let is_number = matches!(v, Value::Float64(_)) || matches!(v, Value::Obj(o) if matches!(o.payload, Payload::Float(_) | Payload::Complex(..))) || ["__index__", "__int__", "__float__"].iter().any(|m| vm.lookup_special(v, m).is_some());
    if !is_number {
        return Err(wrong(vm));
    }
    let r = if matches!(ch, 'o' | 'x' | 'X') { crate::ops::index_value(vm, v).map(crate::types::int::from_bigint) } else { crate::types::int::int_of(vm, v) };
    match r {
        Ok(r) => Ok(r),
        Err(e) if vm.is_instance_of(&e, &types().exc.type_error.clone()) => Err(wrong(vm)),
        Err(e) => Err(e),
    }
}

/// `_PyUnicode_FormatLong`: sign, `0x` prefix if `alt`, digits zero-padded to `prec`.
fn format_long(vm: &mut Vm, v: &Value, alt: bool, prec: Option<usize>, ch: char) -> PyResult<String> {
    let big = crate::types::int::to_bigint(v).unwrap_or_default();
    let neg = big.sign() == num_bigint::Sign::Minus;
    let mag = num_traits::Signed::abs(&big);
    let (digits, prefix) = match ch {
        'o' => (mag.to_str_radix(8), "0o"),
        'x' => (mag.to_str_radix(16), "0x"),
        'X' => (mag.to_str_radix(16).to_uppercase(), "0X"),
        _ => (crate::types::int::int_repr_value(vm, &crate::types::int::from_bigint(mag))?, ""),
    };
    let zeros = prec.unwrap_or(0).saturating_sub(digits.len());
    let mut out = crate::alloc::try_string(vm, digits.len() + zeros + 3)?;
    if neg {
        out.push('-');
    }
    if alt {
        out.push_str(prefix);
    }
    out.extend(std::iter::repeat_n('0', zeros));
    out.push_str(&digits);
    Ok(out)
}

/// `%c`: an int code point (a byte for bytes) or a one-character str (bytes).
fn percent_char(vm: &mut Vm, v: &Value, bytes_mode: bool) -> PyResult<char> {
    if bytes_mode {
        if let Some(b) = crate::types::bytes::bytes_like(v).filter(|_| !crate::ops::is_int(v)) {
            if b.len() == 1 {
                return Ok(b[0] as char);
            }
            return Err(vm.type_error("%c requires an integer in range(256) or a single byte"));
        }
        return match crate::ops::index_value(vm, v) {
            Ok(n) => match crate::types::int::bigint_to_i64(&n).filter(|n| (0..256).contains(n)) {
                Some(n) => Ok(n as u8 as char),
                None => Err(vm.overflow_error("%c arg not in range(256)")),
            },
            Err(_) => Err(vm.type_error("%c requires an integer in range(256) or a single byte")),
        };
    }
    if let Some(s) = v.as_str() {
        let mut it = s.chars();
        if let (Some(c), None) = (it.next(), it.next()) {
            return Ok(c);
        }
        return Err(vm.type_error("%c requires int or char"));
    }
    if !crate::ops::is_int(v) && vm.lookup_special(v, "__index__").is_none() {
        return Err(vm.type_error("%c requires int or char"));
    }
    let n = crate::ops::index_value(vm, v)?;
    let Some(n) = crate::types::int::bigint_to_i64(&n).filter(|n| (0..0x110000).contains(n)) else {
        return Err(vm.overflow_error("%c arg not in range(0x110000)"));
    };
    char::from_u32(n as u32).ok_or_else(|| crate::unicode::surrogate_error(vm, "%c argument", n as u32))
}

/// `unicode_format_arg_output`: precision truncation for `%s %r %a`, sign, `0x` prefix,
/// padding.
#[allow(clippy::too_many_arguments)]
fn percent_output(vm: &mut Vm, out: &mut String, s: &str, ch: char, width: Option<usize>, prec: Option<usize>, signed: bool, ljust: bool, plus: bool, blank: bool, alt: bool, zero: bool) -> PyResult<()> {
    let chars: Vec<char> = s.chars().collect();
    let mut len = chars.len();
    let fill = if signed && zero { '0' } else { ' ' };
    if width.is_none_or(|w| w <= len) && prec.is_none_or(|p| p >= len) && !(plus || blank) {
        out.push_str(s);
        return Ok(());
    }
    if matches!(ch, 's' | 'r' | 'a' | 'b') {
        if let Some(p) = prec {
            len = len.min(p);
        }
    }
    let mut pindex = 0;
    let mut sign = signed;
    let mut signchar = '\0';
    if sign {
        let c0 = chars.first().copied().unwrap_or('\0');
        if c0 == '-' || c0 == '+' {
            signchar = c0;
            len -= 1;
            pindex += 1;
        } else if plus {
            signchar = '+';
        } else if blank {
            signchar = ' ';
        } else {
            sign = false;
        }
    }
    let mut width = width.unwrap_or(0).max(len);
    crate::alloc::reserve_str(vm, out, width + 2)?;
    if sign {
        if fill != ' ' {
            out.push(signchar);
        }
        if width > len {
            width -= 1;
        }
    }
    let prefixed = alt && matches!(ch, 'x' | 'X' | 'o');
    if prefixed {
        if fill != ' ' {
            out.push('0');
            out.push(ch);
            pindex += 2;
        }
        width = width.saturating_sub(2);
        len -= 2;
    }
    if width > len && !ljust {
        out.extend(std::iter::repeat_n(fill, width - len));
        width = len;
    }
    if fill == ' ' {
        if sign {
            out.push(signchar);
        }
        if prefixed {
            out.push('0');
            out.push(ch);
            pindex += 2;
        }
    }
    out.extend(&chars[pindex..pindex + len]);
    if width > len {
        out.extend(std::iter::repeat_n(' ', width - len));
    }
    Ok(())
}

// ----- str.format -----

/// `str.format(*args, **kwargs)` (`mapping` None) and `str.format_map(mapping)`.
pub fn str_format(vm: &mut Vm, fmt: &str, args: &[Value], kwargs: &[(Value, Value)], mapping: Option<&Value>) -> PyResult<String> {
    let mut auto = AutoNumber::Init;
    let chars: Vec<char> = fmt.chars().collect();
    build_string(vm, &chars, args, kwargs, mapping, 2, &mut auto)
}

#[derive(PartialEq, Clone, Copy)]
enum AutoNumber {
    Init,
    Auto(usize),
    Manual,
}

fn build_string(vm: &mut Vm, s: &[char], args: &[Value], kwargs: &[(Value, Value)], mapping: Option<&Value>, depth: i32, auto: &mut AutoNumber) -> PyResult<String> {
    if depth <= 0 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let mut out = String::with_capacity(s.len());
    let end = s.len();
    let mut pos = 0;
    while pos < end {
        // Literal text up to the first '{' or '}'.
        let start = pos;
        let mut c = '\0';
        let mut markup = false;
        while pos < end {
            c = s[pos];
            pos += 1;
            if c == '{' || c == '}' {
                markup = true;
                break;
            }
        }
        let at_end = pos >= end;
        let mut len = pos - start;
        if c == '}' && markup && (at_end || s[pos] != '}') {
            return Err(vm.value_error("Single '}' encountered in format string"));
        }
        if at_end && c == '{' && markup {
            return Err(vm.value_error("Single '{' encountered in format string"));
        }
        if markup {
            if s[pos] == c {
                pos += 1;
                markup = false;
            } else {
                len -= 1;
            }
        }
        out.extend(&s[start..start + len]);
        if !markup {
            continue;
        }
        // parse_field
        let name_start = pos;
        let mut c = '\0';
        let mut ended = false;
        while pos < end {
            c = s[pos];
            pos += 1;
            match c {
                '{' => return Err(vm.value_error("unexpected '{' in field name")),
                '[' => {
                    while pos < end && s[pos] != ']' {
                        pos += 1;
                    }
                    continue;
                }
                '}' | ':' | '!' => {
                    ended = true;
                    break;
                }
                _ => continue,
            }
        }
        let name_end = if ended { pos - 1 } else { pos };
        let field_name = &s[name_start..name_end];
        let mut conversion = None;
        let mut spec: &[char] = &[];
        let mut spec_expand = false;
        if ended && (c == '!' || c == ':') {
            let mut done = false;
            if c == '!' {
                if pos >= end {
                    return Err(vm.value_error("end of string while looking for conversion specifier"));
                }
                conversion = Some(s[pos]);
                pos += 1;
                if pos < end {
                    let c2 = s[pos];
                    pos += 1;
                    if c2 == '}' {
                        done = true;
                    } else if c2 != ':' {
                        return Err(vm.value_error("expected ':' after conversion specifier"));
                    }
                }
            }
            if !done {
                let spec_start = pos;
                let mut count = 1;
                let mut closed = false;
                while pos < end {
                    let c3 = s[pos];
                    pos += 1;
                    if c3 == '{' {
                        spec_expand = true;
                        count += 1;
                    } else if c3 == '}' {
                        count -= 1;
                        if count == 0 {
                            spec = &s[spec_start..pos - 1];
                            closed = true;
                            break;
                        }
                    }
                }
                if !closed {
                    return Err(vm.value_error("unmatched '{' in format spec"));
                }
            }
        } else if !(ended && c == '}') {
            return Err(vm.value_error("expected '}' before end of string"));
        }
        // output_markup
        let mut obj = get_field_object(vm, field_name, args, kwargs, mapping, auto)?;
        if let Some(conv) = conversion {
            obj = match conv {
                'r' => vm.repr_value(&obj)?,
                's' => vm.str_value(&obj)?,
                'a' => {
                    let r = vm.repr(&obj)?;
                    vm.new_string(ascii_escape(&r))
                }
                other => {
                    let n = other as u32;
                    let shown = if n > 32 && n < 127 { other.to_string() } else { format!("\\x{n:x}") };
                    return Err(vm.value_error(&format!("Unknown conversion specifier {shown}")));
                }
            };
        }
        let spec_s: String = if spec_expand { build_string(vm, spec, args, kwargs, mapping, depth - 1, auto)? } else { spec.iter().collect() };
        let r = format_value(vm, &obj, &spec_s)?;
        out.push_str(r.as_str().unwrap_or(""));
    }
    Ok(out)
}

/// A decimal index (`get_integer`): `Ok(None)` if the text is empty or not all digits.
fn field_integer(vm: &mut Vm, s: &[char]) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for c in s {
        let Some(d) = c.to_digit(10) else { return Ok(None) };
        if acc > (isize::MAX as usize - d as usize) / 10 {
            return Err(vm.value_error("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d as usize;
    }
    Ok(Some(acc))
}

fn get_field_object(vm: &mut Vm, name: &[char], args: &[Value], kwargs: &[(Value, Value)], mapping: Option<&Value>, auto: &mut AutoNumber) -> PyResult {
    let first_end = name.iter().position(|&c| c == '.' || c == '[').unwrap_or(name.len());
    let first = &name[..first_end];
    let mut index = field_integer(vm, first)?;
    let empty = first.is_empty();
    if empty || index.is_some() {
        if *auto == AutoNumber::Init {
            *auto = if empty { AutoNumber::Auto(0) } else { AutoNumber::Manual };
        }
        match (*auto, empty) {
            (AutoNumber::Manual, true) => return Err(vm.value_error("cannot switch from manual field specification to automatic field numbering")),
            (AutoNumber::Auto(_), false) => return Err(vm.value_error("cannot switch from automatic field numbering to manual field specification")),
            _ => {}
        }
        if let AutoNumber::Auto(n) = *auto {
            index = Some(n);
            *auto = AutoNumber::Auto(n + 1);
        }
    }
    let mut obj = match index {
        None => {
            let key: String = first.iter().collect();
            match mapping {
                Some(m) => {
                    let k = vm.new_string(key);
                    vm.getitem(m, &k)?
                }
                None => match kwargs.iter().find(|(k, _)| k.as_str() == Some(key.as_str())) {
                    Some((_, v)) => v.clone(),
                    None => {
                        let k = vm.new_string(key);
                        return Err(vm.key_error(k));
                    }
                },
            }
        }
        Some(i) => {
            if mapping.is_some() {
                return Err(vm.value_error("Format string contains positional fields"));
            }
            match args.get(i) {
                Some(v) => v.clone(),
                None => return Err(vm.index_error(&format!("Replacement index {i} out of range for positional args tuple"))),
            }
        }
    };
    let rest = &name[first_end..];
    let mut pos = 0;
    while pos < rest.len() {
        let c = rest[pos];
        pos += 1;
        match c {
            '.' => {
                let start = pos;
                while pos < rest.len() && rest[pos] != '.' && rest[pos] != '[' {
                    pos += 1;
                }
                let attr: String = rest[start..pos].iter().collect();
                if attr.is_empty() {
                    return Err(vm.value_error("Empty attribute in format string"));
                }
                obj = vm.get_attr_str(&obj, &attr)?;
            }
            '[' => {
                let start = pos;
                while pos < rest.len() && rest[pos] != ']' {
                    pos += 1;
                }
                if pos >= rest.len() {
                    return Err(vm.value_error("Missing ']' in format string"));
                }
                let key = &rest[start..pos];
                pos += 1;
                if key.is_empty() {
                    return Err(vm.value_error("Empty attribute in format string"));
                }
                let k = match field_integer(vm, key)? {
                    Some(i) => Value::Int(i as i64),
                    None => vm.new_string(key.iter().collect()),
                };
                obj = vm.getitem(&obj, &k)?;
            }
            _ => return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier")),
        }
    }
    Ok(obj)
}
