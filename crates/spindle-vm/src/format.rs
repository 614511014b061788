//! Text formatting: `repr(float)`, the format-spec mini-language (`format()`, f-strings,
//! `str.format`), `%`-formatting, and `ascii()` escaping.

use crate::object::Payload;
use crate::types::types;
use crate::value::Value;
use crate::vm::Vm;
use crate::PyResult;

/// `repr(float)`: the shortest string that round-trips, laid out as CPython does
/// (scientific notation below 1e-4 and from 1e16).
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    // Rust's `{:e}` gives the shortest round-trip digits: "1.2345e6".
    let e = format!("{f:e}");
    let (mant, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if neg { "-" } else { "" };
    if !(-4..16).contains(&exp) {
        let m = if digits.len() > 1 { format!("{}.{}", &digits[..1], &digits[1..]) } else { digits.clone() };
        let es = if exp < 0 { format!("-{:02}", -exp) } else { format!("+{exp:02}") };
        return format!("{sign}{m}e{es}");
    }
    let point = exp + 1; // position of the decimal point within digits
    let s = if point <= 0 {
        format!("0.{}{}", "0".repeat((-point) as usize), digits)
    } else if point as usize >= digits.len() {
        format!("{}{}.0", digits, "0".repeat(point as usize - digits.len()))
    } else {
        format!("{}.{}", &digits[..point as usize], &digits[point as usize..])
    };
    format!("{sign}{s}")
}

/// Escape non-ASCII characters as `ascii()` does.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::new();
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

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Default, Debug, Clone)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub alt: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

pub fn parse_spec(vm: &mut Vm, s: &str) -> PyResult<Spec> {
    let c: Vec<char> = s.chars().collect();
    let mut i = 0;
    let mut sp = Spec::default();
    let is_align = |ch: char| matches!(ch, '<' | '>' | '^' | '=');
    if c.len() >= 2 && is_align(c[1]) {
        sp.fill = Some(c[0]);
        sp.align = Some(c[1]);
        i = 2;
    } else if !c.is_empty() && is_align(c[0]) {
        sp.align = Some(c[0]);
        i = 1;
    }
    if i < c.len() && matches!(c[i], '+' | '-' | ' ') {
        sp.sign = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == 'z' {
        i += 1;
    }
    if i < c.len() && c[i] == '#' {
        sp.alt = true;
        i += 1;
    }
    if i < c.len() && c[i] == '0' {
        sp.zero = true;
        i += 1;
    }
    let start = i;
    while i < c.len() && c[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        sp.width = Some(spec_number(vm, &c[start..i])?);
    }
    if i < c.len() && (c[i] == ',' || c[i] == '_') {
        sp.grouping = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        let ps = i;
        while i < c.len() && c[i].is_ascii_digit() {
            i += 1;
        }
        if i == ps {
            return Err(vm.value_error("Format specifier missing precision"));
        }
        sp.precision = Some(spec_number(vm, &c[ps..i])?);
    }
    if i < c.len() {
        sp.ty = Some(c[i]);
        i += 1;
    }
    if i < c.len() {
        return Err(vm.value_error("Invalid format specifier"));
    }
    Ok(sp)
}

/// A width or precision of a format spec. Like CPython: more than fits in a Py_ssize_t is a
/// ValueError; a size whose output buffer cannot be allocated is a MemoryError (checked here,
/// so the formatting code below never aborts or exhausts memory).
fn spec_number(vm: &mut Vm, digits: &[char]) -> PyResult<usize> {
    let n = match digits.iter().collect::<String>().parse::<usize>() {
        Ok(n) if n <= isize::MAX as usize => n,
        _ => return Err(vm.value_error("Too many decimal digits in format string")),
    };
    if !crate::object::alloc_plausible(n) {
        return Err(vm.memory_error());
    }
    Ok(n)
}

fn pad(body: String, sp: &Spec, default_align: char, sign_len: usize) -> String {
    let width = sp.width.unwrap_or(0);
    let len = body.chars().count();
    if len >= width {
        return body;
    }
    let fill = sp.fill.unwrap_or(if sp.zero && sp.align.is_none() { '0' } else { ' ' });
    let align = sp.align.unwrap_or(if sp.zero && sp.fill.is_none() { '=' } else { default_align });
    let n = width - len;
    let f = |k: usize| fill.to_string().repeat(k);
    match align {
        '<' => format!("{body}{}", f(n)),
        '^' => format!("{}{body}{}", f(n / 2), f(n - n / 2)),
        '=' => {
            let (s, rest) = body.split_at(sign_len.min(body.len()));
            format!("{s}{}{rest}", f(n))
        }
        _ => format!("{}{body}", f(n)),
    }
}

fn group_digits(digits: &str, sep: char, every: usize) -> String {
    let mut out = String::new();
    let n = digits.len();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (n - i) % every == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// `format(value, spec)`.
pub fn format_value(vm: &mut Vm, v: &Value, spec: &str) -> PyResult {
    // Builtin fast paths; user classes go through __format__.
    let builtin = match v {
        Value::Obj(o) => o.cls_data().builtin,
        _ => true,
    };
    if !builtin {
        let sv = vm_str(vm, spec);
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

fn vm_str(vm: &mut Vm, s: &str) -> Value {
    vm.new_str(s)
}

/// Format a builtin value with a non-empty spec.
pub fn format_builtin(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    let sp = parse_spec(vm, spec)?;
    match v {
        Value::Int(_) | Value::Bool(_) => format_int(vm, v, &sp),
        Value::Float(f) => format_float(vm, *f, &sp),
        Value::Obj(o) => match &o.payload {
            Payload::Int(_) => format_int(vm, v, &sp),
            Payload::Float(f) => format_float(vm, *f, &sp),
            Payload::Str(s) => {
                if let Some(t) = sp.ty {
                    if t != 's' {
                        return Err(vm.value_error(&format!("Unknown format code '{t}' for object of type 'str'")));
                    }
                }
                if sp.sign.is_some() {
                    return Err(vm.value_error("Sign not allowed in string format specifier"));
                }
                if sp.align == Some('=') {
                    return Err(vm.value_error("'=' alignment not allowed in string format specifier"));
                }
                let mut body: String = s.as_str().to_string();
                if let Some(p) = sp.precision {
                    body = body.chars().take(p).collect();
                }
                Ok(pad(body, &sp, '<', 0))
            }
            _ => {
                let tn = o.cls_data().name.clone();
                if sp.ty.is_some() || sp.width.is_some() || sp.precision.is_some() || sp.fill.is_some() || sp.align.is_some() {
                    let s = vm.to_str(v)?;
                    if sp.ty.is_none() && sp.precision.is_none() {
                        let _ = s;
                    }
                    return Err(vm.type_error(&format!("unsupported format string passed to {tn}.__format__")));
                }
                vm.to_str(v)
            }
        },
        _ => vm.to_str(v),
    }
}

fn format_int(vm: &mut Vm, v: &Value, sp: &Spec) -> PyResult<String> {
    let big = crate::types::int::to_bigint(v).unwrap_or_default();
    let ty = sp.ty.unwrap_or('d');
    if matches!(ty, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        let f = crate::types::int::bigint_to_f64(&big);
        return format_float(vm, f, sp);
    }
    if sp.precision.is_some() {
        return Err(vm.value_error("Precision not allowed in integer format specifier"));
    }
    let neg = big.sign() == num_bigint::Sign::Minus;
    let mag = if neg { -big.clone() } else { big.clone() };
    let (digits, prefix) = match ty {
        'd' | 'n' => (mag.to_string(), ""),
        'x' => (mag.to_str_radix(16), "0x"),
        'X' => (mag.to_str_radix(16).to_uppercase(), "0X"),
        'o' => (mag.to_str_radix(8), "0o"),
        'b' => (mag.to_str_radix(2), "0b"),
        'c' => {
            let n = crate::types::int::bigint_to_i64(&big).unwrap_or(-1);
            let ch = char::from_u32(n as u32).filter(|_| (0..0x110000).contains(&n));
            return match ch {
                Some(c) => Ok(pad(c.to_string(), sp, '<', 0)),
                None => Err(vm.overflow_error("%c arg not in range(0x110000)")),
            };
        }
        's' => return Err(vm.value_error("Unknown format code 's' for object of type 'int'")),
        other => return Err(vm.value_error(&format!("Unknown format code '{other}' for object of type 'int'"))),
    };
    let digits = match sp.grouping {
        Some(g) => {
            let every = if matches!(ty, 'd' | 'n') { 3 } else { 4 };
            group_digits(&digits, g, every)
        }
        None => digits,
    };
    let sign = if neg { "-" } else { match sp.sign { Some('+') => "+", Some(' ') => " ", _ => "" } };
    let prefix = if sp.alt { prefix } else { "" };
    let body = format!("{sign}{prefix}{digits}");
    let sl = sign.len() + prefix.len();
    if sp.zero && sp.align.is_none() && sp.grouping.is_some() {
        // Zero padding with grouping inserts separators in the padding too.
        let width = sp.width.unwrap_or(0);
        let mut d = digits.replace([',', '_'], "");
        let g = sp.grouping.unwrap_or(',');
        let every = if matches!(ty, 'd' | 'n') { 3 } else { 4 };
        loop {
            let grouped = group_digits(&d, g, every);
            if grouped.len() + sl >= width {
                return Ok(format!("{sign}{prefix}{grouped}"));
            }
            d.insert(0, '0');
        }
    }
    Ok(pad(body, sp, '>', sl))
}

pub fn format_float(vm: &mut Vm, f: f64, sp: &Spec) -> PyResult<String> {
    let ty = sp.ty;
    if let Some(t) = ty {
        if !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' | 'n') {
            return Err(vm.value_error(&format!("Unknown format code '{t}' for object of type 'float'")));
        }
    }
    let neg = f.is_sign_negative() && !(f.is_nan());
    let a = f.abs();
    let body = if a.is_nan() || a.is_infinite() {
        let s = if a.is_nan() { "nan" } else { "inf" };
        if matches!(ty, Some('E' | 'F' | 'G')) {
            s.to_uppercase()
        } else if ty == Some('%') {
            format!("{s}%")
        } else {
            s.to_string()
        }
    } else {
        match ty {
            Some('f' | 'F') => format!("{:.*}", sp.precision.unwrap_or(6), a),
            Some('%') => format!("{:.*}%", sp.precision.unwrap_or(6), a * 100.0),
            Some('e' | 'E') => {
                let s = fmt_exp(a, sp.precision.unwrap_or(6), sp.alt);
                if ty == Some('E') {
                    s.to_uppercase()
                } else {
                    s
                }
            }
            Some('g' | 'G' | 'n') => {
                let s = fmt_general(a, sp.precision.unwrap_or(6), sp.alt);
                if ty == Some('G') {
                    s.to_uppercase()
                } else {
                    s
                }
            }
            None => {
                match sp.precision {
                    Some(p) => {
                        // Like 'g' but always at least one digit after the point.
                        let s = fmt_general(a, p.max(1), sp.alt);
                        if s.contains(['.', 'e', 'n', 'i']) { s } else { format!("{s}.0") }
                    }
                    None => float_repr(a),
                }
            }
            _ => unreachable!(),
        }
    };
    let body = match sp.grouping {
        Some(g) => {
            let (int_part, rest) = match body.find(|c: char| !c.is_ascii_digit()) {
                Some(i) => body.split_at(i),
                None => (body.as_str(), ""),
            };
            format!("{}{}", group_digits(int_part, g, 3), rest)
        }
        None => body,
    };
    let sign = if neg { "-" } else { match sp.sign { Some('+') => "+", Some(' ') => " ", _ => "" } };
    Ok(pad(format!("{sign}{body}"), sp, '>', sign.len()))
}

/// `%e`-style with `prec` digits after the point and a two-digit exponent.
pub fn fmt_exp(a: f64, prec: usize, alt: bool) -> String {
    let s = format!("{:.*e}", prec, a);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    let m = if alt && prec == 0 { format!("{m}.") } else { m.to_string() };
    format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
}

/// `%g`-style: `prec` significant digits, trailing zeros removed unless `alt`.
pub fn fmt_general(a: f64, prec: usize, alt: bool) -> String {
    let p = if prec == 0 { 1 } else { prec };
    if a == 0.0 {
        return if alt { format!("0.{}", "0".repeat(p - 1)) } else { "0".into() };
    }
    let s = format!("{:.*e}", p - 1, a);
    let (_, e) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = e.parse().unwrap_or(0);
    let out = if exp < -4 || exp >= p as i32 {
        let r = fmt_exp(a, p - 1, alt);
        if alt {
            r
        } else {
            let (m, e) = r.split_once('e').unwrap_or((&r, ""));
            let m = if m.contains('.') { m.trim_end_matches('0').trim_end_matches('.') } else { m };
            format!("{m}e{e}")
        }
    } else {
        let decimals = (p as i32 - 1 - exp).max(0) as usize;
        let r = format!("{:.*}", decimals, a);
        if alt {
            if r.contains('.') { r } else { format!("{r}.") }
        } else if r.contains('.') {
            r.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            r
        }
    };
    out
}

/// `fmt % args` for str.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    let t = types();
    let is_mapping = match args {
        Value::Obj(o) => matches!(o.payload, Payload::Dict(_)) || (!matches!(o.payload, Payload::Tuple(_) | Payload::Str(_)) && crate::types::lookup(&o.cls, "__getitem__").is_some()),
        _ => false,
    };
    let items: Vec<Value> = match args {
        Value::Obj(o) if matches!(o.payload, Payload::Tuple(_)) => crate::types::tuple::tuple_items(args).map(|s| s.to_vec()).unwrap_or_default(),
        other => vec![other.clone()],
    };
    let _ = t;
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let mut argi = 0;
    let mut used_mapping = false;
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        if i >= chars.len() {
            return Err(vm.value_error("incomplete format"));
        }
        let mut key: Option<String> = None;
        if chars[i] == '(' {
            let mut depth = 1;
            let start = i + 1;
            i += 1;
            while i < chars.len() && depth > 0 {
                if chars[i] == '(' {
                    depth += 1;
                } else if chars[i] == ')' {
                    depth -= 1;
                }
                i += 1;
            }
            if depth > 0 {
                return Err(vm.value_error("incomplete format key"));
            }
            key = Some(chars[start..i - 1].iter().collect());
        }
        let mut sp = Spec::default();
        while i < chars.len() && matches!(chars[i], '-' | '+' | ' ' | '#' | '0') {
            match chars[i] {
                '-' => sp.align = Some('<'),
                '+' => sp.sign = Some('+'),
                ' ' => {
                    if sp.sign.is_none() {
                        sp.sign = Some(' ')
                    }
                }
                '#' => sp.alt = true,
                '0' => sp.zero = true,
                _ => {}
            }
            i += 1;
        }
        let mut next_arg = |vm: &mut Vm| -> PyResult<Value> {
            if let Some(k) = &key {
                used_mapping = true;
                let kv = vm.new_str(k);
                return vm.getitem(args, &kv);
            }
            if argi >= items.len() {
                return Err(vm.type_error("not enough arguments for format string"));
            }
            argi += 1;
            Ok(items[argi - 1].clone())
        };
        if i < chars.len() && chars[i] == '*' {
            let w = next_arg(vm)?;
            sp.width = crate::types::int::to_i64(&w).map(|x| x as usize);
            i += 1;
        } else {
            let s = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i > s {
                sp.width = chars[s..i].iter().collect::<String>().parse().ok();
            }
        }
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            let s = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            sp.precision = Some(chars[s..i].iter().collect::<String>().parse().unwrap_or(0));
        }
        while i < chars.len() && matches!(chars[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= chars.len() {
            return Err(vm.value_error("incomplete format"));
        }
        let conv = chars[i];
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        if sp.align == Some('<') {
            sp.zero = false;
        }
        let arg = next_arg(vm)?;
        let piece = match conv {
            's' | 'r' | 'a' => {
                let mut s = match conv {
                    's' => vm.to_str(&arg)?,
                    'r' => vm.repr(&arg)?,
                    _ => ascii_escape(&vm.repr(&arg)?),
                };
                if let Some(p) = sp.precision {
                    s = s.chars().take(p).collect();
                }
                sp.zero = false;
                pad(s, &sp, '>', 0)
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let iv = match &arg {
                    Value::Float(f) => {
                        if conv == 'x' || conv == 'X' || conv == 'o' {
                            return Err(vm.type_error(&format!("%{conv} format: an integer is required, not float")));
                        }
                        crate::types::int::float_to_int(vm, *f)?
                    }
                    other if crate::types::int::to_bigint(other).is_some() => other.clone(),
                    other => {
                        let tn = vm.type_name(other);
                        let what = if matches!(conv, 'x' | 'X' | 'o') { "an integer" } else { "a real number" };
                        return Err(vm.type_error(&format!("%{conv} format: {what} is required, not {tn}")));
                    }
                };
                sp.ty = Some(match conv {
                    'x' => 'x',
                    'X' => 'X',
                    'o' => 'o',
                    _ => 'd',
                });
                let mut s = format_int(vm, &iv, &sp)?;
                if sp.alt && conv == 'o' {
                    s = s.replacen("0o", "0o", 1);
                }
                s
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let f = match crate::types::float::to_f64(&arg) {
                    Some(f) => f,
                    None => {
                        let tn = vm.type_name(&arg);
                        return Err(vm.type_error(&format!("must be real number, not {tn}")));
                    }
                };
                sp.ty = Some(conv);
                if sp.precision.is_none() {
                    sp.precision = Some(6);
                }
                format_float(vm, f, &sp)?
            }
            'c' => match &arg {
                Value::Int(n) => char::from_u32(*n as u32).map(|c| c.to_string()).unwrap_or_default(),
                other => other.as_str().unwrap_or("").to_string(),
            },
            other => {
                return Err(vm.value_error(&format!("unsupported format character '{other}' (0x{:x}) at index {}", other as u32, i - 1)));
            }
        };
        out.push_str(&piece);
    }
    if !used_mapping && argi < items.len() && !is_mapping {
        return Err(vm.type_error("not all arguments converted during string formatting"));
    }
    Ok(out)
}

/// `str.format(*args, **kwargs)` and `str.format_map(mapping)`.
pub fn str_format(vm: &mut Vm, fmt: &str, args: &[Value], kwargs: &[(Value, Value)], mapping: Option<&Value>) -> PyResult<String> {
    let mut auto = 0usize;
    let mut manual = false;
    str_format_inner(vm, fmt, args, kwargs, mapping, &mut auto, &mut manual, 2)
}

#[allow(clippy::too_many_arguments)]
fn str_format_inner(vm: &mut Vm, fmt: &str, args: &[Value], kwargs: &[(Value, Value)], mapping: Option<&Value>, auto: &mut usize, manual: &mut bool, depth: u32) -> PyResult<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::with_capacity(fmt.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(vm.value_error("Single '}' encountered in format string"));
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        if chars.get(i + 1) == Some(&'{') {
            out.push('{');
            i += 2;
            continue;
        }
        // Find the matching close brace, allowing nested {} in the spec.
        let mut j = i + 1;
        let mut nest = 1;
        while j < chars.len() {
            match chars[j] {
                '{' => nest += 1,
                '}' => {
                    nest -= 1;
                    if nest == 0 {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        if j >= chars.len() {
            return Err(vm.value_error("expected '}' before end of string"));
        }
        let field: String = chars[i + 1..j].iter().collect();
        i = j + 1;
        // Split field_name, conversion, spec.
        let (name_conv, spec) = match find_top_colon(&field) {
            Some(p) => (&field[..p], &field[p + 1..]),
            None => (&field[..], ""),
        };
        let (name, conv) = match name_conv.find('!') {
            Some(p) => {
                let cv = &name_conv[p + 1..];
                if cv.chars().count() != 1 {
                    return Err(vm.value_error("expected ':' after conversion specifier"));
                }
                (&name_conv[..p], cv.chars().next())
            }
            None => (name_conv, None),
        };
        let value = resolve_field(vm, name, args, kwargs, mapping, auto, manual)?;
        let value = match conv {
            None => value,
            Some('r') => vm.repr_value(&value)?,
            Some('s') => vm.str_value(&value)?,
            Some('a') => {
                let r = vm.repr(&value)?;
                vm.new_string(ascii_escape(&r))
            }
            Some(c) => return Err(vm.value_error(&format!("Unknown conversion specifier {c}"))),
        };
        let spec = if spec.contains('{') {
            if depth == 0 {
                return Err(vm.value_error("Max string recursion exceeded"));
            }
            str_format_inner(vm, spec, args, kwargs, mapping, auto, manual, depth - 1)?
        } else {
            spec.to_string()
        };
        let r = format_value(vm, &value, &spec)?;
        out.push_str(r.as_str().unwrap_or(""));
    }
    Ok(out)
}

fn find_top_colon(field: &str) -> Option<usize> {
    let mut in_bracket = false;
    for (i, c) in field.char_indices() {
        match c {
            '[' => in_bracket = true,
            ']' => in_bracket = false,
            ':' if !in_bracket => return Some(i),
            '!' if !in_bracket => {
                // A conversion precedes the colon; keep scanning.
            }
            _ => {}
        }
    }
    None
}

fn resolve_field(vm: &mut Vm, name: &str, args: &[Value], kwargs: &[(Value, Value)], mapping: Option<&Value>, auto: &mut usize, manual: &mut bool) -> PyResult {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let head = &name[..first_end];
    let mut v = if head.is_empty() {
        if *manual {
            return Err(vm.value_error("cannot switch from manual field specification to automatic field numbering"));
        }
        let idx = *auto;
        *auto += 1;
        match args.get(idx) {
            Some(v) => v.clone(),
            None => return Err(vm.index_error(&format!("Replacement index {idx} out of range for positional args tuple"))),
        }
    } else if let Ok(idx) = head.parse::<usize>() {
        if *auto > 0 {
            return Err(vm.value_error("cannot switch from automatic field numbering to manual field specification"));
        }
        *manual = true;
        match args.get(idx) {
            Some(v) => v.clone(),
            None => return Err(vm.index_error(&format!("Replacement index {idx} out of range for positional args tuple"))),
        }
    } else {
        match mapping {
            Some(m) => {
                let k = vm.new_str(head);
                vm.getitem(m, &k)?
            }
            None => match kwargs.iter().find(|(k, _)| k.as_str() == Some(head)) {
                Some((_, v)) => v.clone(),
                None => {
                    let k = vm.new_str(head);
                    return Err(vm.key_error(k));
                }
            },
        }
    };
    let mut rest = &name[first_end..];
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            let attr = &r[..end];
            if attr.is_empty() {
                return Err(vm.value_error("Empty attribute in format string"));
            }
            v = vm.get_attr_str(&v, attr)?;
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let Some(end) = r.find(']') else { return Err(vm.value_error("Missing ']' in format string")) };
            let key = &r[..end];
            let k = match key.parse::<i64>() {
                Ok(i) => Value::Int(i),
                Err(_) => vm.new_str(key),
            };
            v = vm.getitem(&v, &k)?;
            rest = &r[end + 1..];
        } else {
            return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    Ok(v)
}
