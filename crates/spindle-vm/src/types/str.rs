//! `str`: construction, repr, and the string methods. Strings are UTF-8 (`PyStr`); indexes are
//! code points, converted to byte offsets only where needed (ASCII text indexes directly).

use crate::object::{ObjRef, Payload, PyStr};
use crate::types::{add_methods, add_staticmethod, types, BuiltinTypes};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};

pub fn new_str_of(cls: &ObjRef, s: String) -> Value {
    Value::Obj(ObjRef::new(cls.clone(), Payload::Str(PyStr::new(s))))
}

/// Python's `repr()` of a string: quotes chosen as CPython does, non-printables escaped.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x7f => out.push(c),
            c if is_printable(c) => out.push(c),
            c if (c as u32) <= 0xff => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) <= 0xffff => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// `str.isprintable` for one character (exact, from the Unicode tables).
pub fn is_printable(c: char) -> bool {
    crate::unicode::is_printable(c)
}

fn sstr<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyStr> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Str(s) => Ok(s),
            _ => Err(vm.type_error(&format!("descriptor requires a 'str' object but received a '{}'", o.cls_data().name))),
        },
        other => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!("descriptor requires a 'str' object but received a '{tn}'")))
        }
    }
}

fn this<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a str> {
    Ok(sstr(vm, &a.args[0])?.as_str())
}

/// A str argument, with CPython's "must be str, not X" error.
fn str_arg<'a>(vm: &mut Vm, v: &'a Value, what: &str) -> PyResult<&'a str> {
    match v.as_str() {
        Some(s) => Ok(s),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("{what} must be str, not {tn}")))
        }
    }
}

fn ret(vm: &mut Vm, s: String) -> PyResult {
    Ok(vm.new_string(s))
}

fn nargs(vm: &mut Vm, a: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    let n = a.args.len() - 1;
    if !a.kwargs.is_empty() {
        return Err(vm.type_error(&format!("str.{name}() takes no keyword arguments")));
    }
    if n < min || n > max {
        let msg = if min == max {
            if min == 0 {
                format!("str.{name}() takes no arguments ({n} given)")
            } else if min == 1 {
                format!("str.{name}() takes exactly one argument ({n} given)")
            } else {
                format!("{name} expected {min} arguments, got {n}")
            }
        } else if n < min {
            format!("{name} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
        } else {
            format!("{name} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
        };
        return Err(vm.type_error(&msg));
    }
    Ok(())
}

// ----- construction -----

fn str_new(vm: &mut Vm, a: Args) -> PyResult {
    let cls = match a.args.first() {
        Some(Value::Obj(c)) if c.as_type().is_some() => c.clone(),
        _ => return Err(vm.type_error("str.__new__(X): X is not a type object")),
    };
    let mut obj = a.args.get(1).cloned();
    let mut encoding = a.args.get(2).cloned();
    let mut errors = a.args.get(3).cloned();
    if a.args.len() > 4 {
        return Err(vm.type_error(&format!("str() takes at most 3 arguments ({} given)", a.args.len() - 1)));
    }
    for (k, v) in a.kwargs {
        match k.as_str() {
            Some("object") => obj = Some(v.clone()),
            Some("encoding") => encoding = Some(v.clone()),
            Some("errors") => errors = Some(v.clone()),
            Some(o) => return Err(vm.type_error(&format!("'{o}' is an invalid keyword argument for str()"))),
            None => return Err(vm.type_error("keywords must be strings")),
        }
    }
    let s = match obj {
        None => String::new(),
        Some(o) => {
            if encoding.is_some() || errors.is_some() {
                let enc = match &encoding {
                    Some(e) => str_arg(vm, e, "str() argument 'encoding'")?.to_string(),
                    None => "utf-8".to_string(),
                };
                let err = match &errors {
                    Some(e) => str_arg(vm, e, "str() argument 'errors'")?.to_string(),
                    None => "strict".to_string(),
                };
                let Some(bytes) = crate::types::bytes::bytes_like(&o) else {
                    let tn = vm.type_name(&o);
                    return Err(vm.type_error(&format!("decoding to str: need a bytes-like object, {tn} found")));
                };
                crate::types::bytes::decode(vm, &bytes, &enc, &err)?
            } else {
                if cls.is(&types().str_) {
                    return vm.str_value(&o);
                }
                vm.to_str(&o)?
            }
        }
    };
    if cls.is(&types().str_) {
        return ret(vm, s);
    }
    Ok(Value::Obj(crate::types::new_object(&cls, Payload::Str(PyStr::new(s)))))
}

fn str_repr_m(vm: &mut Vm, a: Args) -> PyResult {
    let s = str_repr(this(vm, &a)?);
    ret(vm, s)
}

fn str_str(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a)?.to_string();
    if matches!(&a.args[0], Value::Obj(o) if o.cls_data().builtin) {
        return Ok(a.args[0].clone());
    }
    ret(vm, s)
}

fn str_hash(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Int(sstr(vm, &a.args[0])?.hash()))
}

fn str_len(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Int(sstr(vm, &a.args[0])?.char_len() as i64))
}

fn str_getitem(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    crate::types::list::seq_getitem(vm, &a.args[0], &a.args[1])
}

fn str_contains(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    let s = this(vm, &a)?;
    let sub = str_arg(vm, &a.args[1], "'in <string>' requires string as left operand, not")
        .map_err(|_| {
            let tn = vm.type_name(&a.args[1]);
            vm.type_error(&format!("'in <string>' requires string as left operand, not {tn}"))
        })?;
    Ok(Value::Bool(s.contains(sub)))
}

fn str_iter(vm: &mut Vm, a: Args) -> PyResult {
    let o = a.args[0].clone();
    match crate::types::iters::native_iter(vm, &o)? {
        Some(it) => Ok(it),
        None => {
            // A str subclass: iterate the payload.
            let items: Vec<Value> = this(vm, &a)?.chars().map(|c| Value::Obj(crate::vm::char_str(c))).collect();
            let l = crate::types::list::new_list(items);
            vm.iter(&l)
        }
    }
}

fn cmp_op(vm: &mut Vm, a: &Args, f: fn(&str, &str) -> bool) -> PyResult {
    let s = this(vm, a)?;
    match a.args.get(1).and_then(|v| v.as_str()) {
        Some(t) => Ok(Value::Bool(f(s, t))),
        None => Ok(Value::Obj(types().not_implemented_obj.clone())),
    }
}

fn str_eq(vm: &mut Vm, a: Args) -> PyResult {
    cmp_op(vm, &a, |x, y| x == y)
}
fn str_ne(vm: &mut Vm, a: Args) -> PyResult {
    cmp_op(vm, &a, |x, y| x != y)
}
fn str_lt(vm: &mut Vm, a: Args) -> PyResult {
    cmp_op(vm, &a, |x, y| x < y)
}
fn str_le(vm: &mut Vm, a: Args) -> PyResult {
    cmp_op(vm, &a, |x, y| x <= y)
}
fn str_gt(vm: &mut Vm, a: Args) -> PyResult {
    cmp_op(vm, &a, |x, y| x > y)
}
fn str_ge(vm: &mut Vm, a: Args) -> PyResult {
    cmp_op(vm, &a, |x, y| x >= y)
}

fn str_add(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a)?;
    match a.args.get(1).and_then(|v| v.as_str()) {
        Some(t) => {
            let r = format!("{s}{t}");
            ret(vm, r)
        }
        None => Ok(Value::Obj(types().not_implemented_obj.clone())),
    }
}

fn str_mul(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a)?.to_string();
    let n = match a.args.get(1) {
        Some(v) if crate::ops::is_int(v) => crate::types::int::to_i64(v).unwrap_or(i64::MAX),
        _ => return Ok(Value::Obj(types().not_implemented_obj.clone())),
    };
    if n <= 0 {
        return ret(vm, String::new());
    }
    let r = crate::alloc::repeat_str(vm, &s, n as usize)?;
    ret(vm, r)
}

fn str_mod(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    let s = this(vm, &a)?.to_string();
    let r = crate::format::percent_format(vm, &s, &a.args[1])?;
    ret(vm, r)
}

/// `str.__rmod__(self, other)`: `other % self` when other is a str (CPython's unicode_mod
/// with the operands swapped); NotImplemented otherwise.
fn str_rmod(vm: &mut Vm, a: Args) -> PyResult {
    match a.args.get(1).and_then(|v| v.as_str()) {
        Some(fmt) => {
            let fmt = fmt.to_string();
            let r = crate::format::percent_format(vm, &fmt, &a.args[0])?;
            Ok(vm.new_string(r))
        }
        None => Ok(Value::Obj(types().not_implemented_obj.clone())),
    }
}

fn str_getnewargs(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a)?.to_string();
    let v = vm.new_string(s);
    Ok(crate::types::tuple::new_tuple(vec![v]))
}

fn str_format_spec(vm: &mut Vm, a: Args) -> PyResult {
    let spec = match a.args.get(1) {
        Some(v) => str_arg(vm, v, "format() argument 2")?.to_string(),
        None => String::new(),
    };
    let v = a.args[0].clone();
    let s = crate::format::format_builtin(vm, &v, &spec)?;
    ret(vm, s)
}

// ----- searching -----

/// Convert optional start/end arguments (code point indices, slice semantics) to byte offsets.
fn bounds(vm: &mut Vm, ps: &PyStr, start: Option<&Value>, end: Option<&Value>) -> PyResult<Option<(usize, usize)>> {
    let n = ps.char_len() as i64;
    // CPython's ADJUST_INDICES: negative bounds count from the end; only `end` is clipped
    // to the length (a start past the end matches nothing, not even '').
    let conv = |vm: &mut Vm, v: Option<&Value>, default: i64, clip: bool| -> PyResult<i64> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(v) => {
                let b = crate::ops::index_value(vm, v).map_err(|_| vm.type_error("slice indices must be integers or None or have an __index__ method"))?;
                use num_traits::ToPrimitive;
                let i = b.to_i64().unwrap_or(if b.sign() == num_bigint::Sign::Minus { i64::MIN / 2 } else { i64::MAX / 2 });
                Ok(if i < 0 { (i + n).max(0) } else if clip { i.min(n) } else { i })
            }
        }
    };
    let s = conv(vm, start, 0, false)?;
    let e = conv(vm, end, n, true)?;
    if s > e {
        return Ok(None);
    }
    Ok(Some((ps.byte_offset(s as usize), ps.byte_offset(e as usize))))
}

/// The character index of byte offset `byte` of `ps` (O(1) for ASCII text, whose flag is cached).
fn char_index(ps: &PyStr, byte: usize) -> usize {
    if ps.is_ascii() {
        byte
    } else {
        ps.as_str()[..byte].chars().count()
    }
}

fn find_impl(vm: &mut Vm, a: &Args, name: &str, rev: bool) -> PyResult<Option<i64>> {
    nargs(vm, a, name, 1, 3)?;
    let ps = sstr(vm, &a.args[0])?;
    let sub = str_arg(vm, &a.args[1], "must be str, not").map_err(|_| {
        let tn = vm.type_name(&a.args[1]);
        vm.type_error(&format!("must be str, not {tn}"))
    })?;
    let Some((bs, be)) = bounds(vm, ps, a.args.get(2), a.args.get(3))? else { return Ok(None) };
    let s = ps.as_str();
    let hay = &s[bs..be];
    let r = if rev { hay.rfind(sub) } else { hay.find(sub) };
    Ok(r.map(|i| char_index(ps, bs + i) as i64))
}

fn str_find(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Int(find_impl(vm, &a, "find", false)?.unwrap_or(-1)))
}
fn str_rfind(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Int(find_impl(vm, &a, "rfind", true)?.unwrap_or(-1)))
}
fn str_index(vm: &mut Vm, a: Args) -> PyResult {
    match find_impl(vm, &a, "index", false)? {
        Some(i) => Ok(Value::Int(i)),
        None => Err(vm.value_error("substring not found")),
    }
}
fn str_rindex(vm: &mut Vm, a: Args) -> PyResult {
    match find_impl(vm, &a, "rindex", true)? {
        Some(i) => Ok(Value::Int(i)),
        None => Err(vm.value_error("substring not found")),
    }
}

fn str_count(vm: &mut Vm, a: Args) -> PyResult {
    nargs(vm, &a, "count", 1, 3)?;
    let ps = sstr(vm, &a.args[0])?;
    let sub = str_arg(vm, &a.args[1], "must be str, not").map_err(|_| {
        let tn = vm.type_name(&a.args[1]);
        vm.type_error(&format!("must be str, not {tn}"))
    })?;
    let Some((bs, be)) = bounds(vm, ps, a.args.get(2), a.args.get(3))? else { return Ok(Value::Int(0)) };
    let hay = &ps.as_str()[bs..be];
    let n = if sub.is_empty() { hay.chars().count() + 1 } else { hay.matches(sub).count() };
    Ok(Value::Int(n as i64))
}

fn affix(vm: &mut Vm, a: &Args, name: &str, ends: bool) -> PyResult {
    nargs(vm, a, name, 1, 3)?;
    let ps = sstr(vm, &a.args[0])?;
    let Some((bs, be)) = bounds(vm, ps, a.args.get(2), a.args.get(3))? else { return Ok(Value::Bool(false)) };
    let hay = &ps.as_str()[bs..be];
    let test = |p: &str| if ends { hay.ends_with(p) } else { hay.starts_with(p) };
    match &a.args[1] {
        v if v.as_str().is_some() => Ok(Value::Bool(test(v.as_str().unwrap_or("")))),
        v => match crate::types::tuple::tuple_items(v) {
            Some(items) => {
                for it in items {
                    match it.as_str() {
                        Some(p) => {
                            if test(p) {
                                return Ok(Value::Bool(true));
                            }
                        }
                        None => {
                            let tn = vm.type_name(it);
                            return Err(vm.type_error(&format!("tuple for {name} must only contain str, not {tn}")));
                        }
                    }
                }
                Ok(Value::Bool(false))
            }
            None => {
                let tn = vm.type_name(v);
                Err(vm.type_error(&format!("{name} first arg must be str or a tuple of str, not {tn}")))
            }
        },
    }
}

fn str_startswith(vm: &mut Vm, a: Args) -> PyResult {
    affix(vm, &a, "startswith", false)
}
fn str_endswith(vm: &mut Vm, a: Args) -> PyResult {
    affix(vm, &a, "endswith", true)
}

// ----- transforming -----

fn str_replace(vm: &mut Vm, a: Args) -> PyResult {
    nargs(vm, &a, "replace", 2, 3)?;
    let s = this(vm, &a)?;
    let old = str_arg(vm, &a.args[1], "replace() argument 1")?;
    let new = str_arg(vm, &a.args[2], "replace() argument 2")?;
    let count = match a.args.get(3) {
        Some(v) => crate::types::int::to_i64(v).unwrap_or(-1),
        None => -1,
    };
    let r = if count < 0 {
        if old.is_empty() {
            let mut out = String::with_capacity(s.len() + new.len() * (s.len() + 1));
            out.push_str(new);
            for c in s.chars() {
                out.push(c);
                out.push_str(new);
            }
            out
        } else {
            s.replace(old, new)
        }
    } else if old.is_empty() {
        let mut out = String::new();
        let mut n = 0;
        let mut chars = s.chars();
        while n < count {
            out.push_str(new);
            n += 1;
            match chars.next() {
                Some(c) => out.push(c),
                None => break,
            }
        }
        out.extend(chars);
        out
    } else {
        s.replacen(old, new, count as usize)
    };
    ret(vm, r)
}

fn is_py_space(c: char) -> bool {
    crate::unicode::is_space(c)
}

fn strip_impl(vm: &mut Vm, a: &Args, name: &str, left: bool, right: bool) -> PyResult {
    nargs(vm, a, name, 0, 1)?;
    let s = this(vm, a)?;
    let r = match a.args.get(1) {
        None | Some(Value::None) => {
            let mut t = s;
            if left {
                t = t.trim_start_matches(is_py_space);
            }
            if right {
                t = t.trim_end_matches(is_py_space);
            }
            t
        }
        Some(v) => {
            let Some(cs) = v.as_str() else { return Err(vm.type_error(&format!("{name} arg must be None or str"))) };
            let mut t = s;
            if left {
                t = t.trim_start_matches(|c| cs.contains(c));
            }
            if right {
                t = t.trim_end_matches(|c| cs.contains(c));
            }
            t
        }
    };
    if r.len() == s.len() && matches!(&a.args[0], Value::Obj(o) if o.cls_data().builtin) {
        return Ok(a.args[0].clone());
    }
    Ok(vm.new_str(r))
}


fn str_strip(vm: &mut Vm, a: Args) -> PyResult {
    strip_impl(vm, &a, "strip", true, true)
}
fn str_lstrip(vm: &mut Vm, a: Args) -> PyResult {
    strip_impl(vm, &a, "lstrip", true, false)
}
fn str_rstrip(vm: &mut Vm, a: Args) -> PyResult {
    strip_impl(vm, &a, "rstrip", false, true)
}

fn map_chars(vm: &mut Vm, a: &Args, name: &str, f: fn(&str) -> String) -> PyResult {
    nargs(vm, a, name, 0, 0)?;
    let s = this(vm, a)?;
    let r = f(s);
    ret(vm, r)
}

fn str_upper(vm: &mut Vm, a: Args) -> PyResult {
    map_chars(vm, &a, "upper", |s| if s.is_ascii() { s.to_ascii_uppercase() } else { s.to_uppercase() })
}
fn str_lower(vm: &mut Vm, a: Args) -> PyResult {
    map_chars(vm, &a, "lower", |s| if s.is_ascii() { s.to_ascii_lowercase() } else { s.to_lowercase() })
}
fn str_casefold(vm: &mut Vm, a: Args) -> PyResult {
    map_chars(vm, &a, "casefold", |s| {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            crate::unicode::push_fold(&mut out, c);
        }
        out
    })
}
fn str_swapcase(vm: &mut Vm, a: Args) -> PyResult {
    map_chars(vm, &a, "swapcase", |s| {
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::with_capacity(s.len());
        for (i, &c) in chars.iter().enumerate() {
            if crate::unicode::is_upper(c) {
                crate::unicode::push_lower_at(&mut out, &chars, i);
            } else if crate::unicode::is_lower(c) {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
        }
        out
    })
}
fn str_capitalize(vm: &mut Vm, a: Args) -> PyResult {
    map_chars(vm, &a, "capitalize", |s| {
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::with_capacity(s.len());
        for (i, &c) in chars.iter().enumerate() {
            if i == 0 {
                crate::unicode::push_title(&mut out, c);
            } else {
                crate::unicode::push_lower_at(&mut out, &chars, i);
            }
        }
        out
    })
}
fn str_title(vm: &mut Vm, a: Args) -> PyResult {
    map_chars(vm, &a, "title", |s| {
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::with_capacity(s.len());
        let mut prev_cased = false;
        for (i, &c) in chars.iter().enumerate() {
            if prev_cased {
                crate::unicode::push_lower_at(&mut out, &chars, i);
            } else {
                crate::unicode::push_title(&mut out, c);
            }
            prev_cased = crate::unicode::is_cased(c);
        }
        out
    })
}

fn pred(vm: &mut Vm, a: &Args, name: &str, empty: bool, f: fn(&str) -> bool) -> PyResult {
    nargs(vm, a, name, 0, 0)?;
    let s = this(vm, a)?;
    if s.is_empty() {
        return Ok(Value::Bool(empty));
    }
    Ok(Value::Bool(f(s)))
}

fn str_isdigit(vm: &mut Vm, a: Args) -> PyResult {
    pred(vm, &a, "isdigit", false, |s| s.chars().all(crate::unicode::is_digit))
}
fn str_isdecimal(vm: &mut Vm, a: Args) -> PyResult {
    pred(vm, &a, "isdecimal", false, |s| s.chars().all(crate::unicode::is_decimal))
}
fn str_isnumeric(vm: &mut Vm, a: Args) -> PyResult {
    pred(vm, &a, "isnumeric", false, |s| s.chars().all(crate::unicode::is_numeric))
}
fn str_isalpha(vm: &mut Vm, a: Args) -> PyResult {
    pred(vm, &a, "isalpha", false, |s| s.chars().all(crate::unicode::is_alpha))
}
fn str_isalnum(vm: &mut Vm, a: Args) -> PyResult {
    pred(vm, &a, "isalnum", false, |s| s.chars().all(crate::unicode::is_alnum))
}
fn str_isspace(vm: &mut Vm, a: Args) -> PyResult {
    pred(vm, &a, "isspace", false, |s| s.chars().all(is_py_space))
}
fn str_isascii(vm: &mut Vm, a: Args) -> PyResult {
    pred(vm, &a, "isascii", true, |s| s.is_ascii())
}
fn str_isprintable(vm: &mut Vm, a: Args) -> PyResult {
    pred(vm, &a, "isprintable", true, |s| s.chars().all(crate::unicode::is_printable))
}
/// `isupper`/`islower`: no character of the other case or titlecase, and at least one cased.
fn str_isupper(vm: &mut Vm, a: Args) -> PyResult {
    pred(vm, &a, "isupper", false, |s| {
        let mut cased = false;
        for c in s.chars() {
            if crate::unicode::is_lower(c) || crate::unicode::is_title(c) {
                return false;
            }
            cased |= crate::unicode::is_upper(c);
        }
        cased
    })
}
fn str_islower(vm: &mut Vm, a: Args) -> PyResult {
    pred(vm, &a, "islower", false, |s| {
        let mut cased = false;
        for c in s.chars() {
            if crate::unicode::is_upper(c) || crate::unicode::is_title(c) {
                return false;
            }
            cased |= crate::unicode::is_lower(c);
        }
        cased
    })
}
fn str_istitle(vm: &mut Vm, a: Args) -> PyResult {
    pred(vm, &a, "istitle", false, |s| {
        let mut prev_cased = false;
        let mut any = false;
        for c in s.chars() {
            if crate::unicode::is_upper(c) || crate::unicode::is_title(c) {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                any = true;
            } else if crate::unicode::is_lower(c) {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                any = true;
            } else {
                prev_cased = false;
            }
        }
        any
    })
}
fn str_isidentifier(vm: &mut Vm, a: Args) -> PyResult {
    pred(vm, &a, "isidentifier", false, |s| {
        let mut cs = s.chars();
        match cs.next() {
            Some(c) if crate::unicode::is_xid_start(c) => cs.all(crate::unicode::is_xid_continue),
            _ => false,
        }
    })
}

fn pad_args(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(usize, char)> {
    nargs(vm, a, name, 1, 2)?;
    let w = match &a.args[1] {
        v if crate::ops::is_int(v) => match crate::types::int::to_i64(v) {
            Some(w) => w.max(0) as usize,
            None if crate::types::int::to_bigint(v).is_some_and(|b| b.sign() == num_bigint::Sign::Minus) => 0,
            None => return Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
        },
        v => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")));
        }
    };
    let fill = match a.args.get(2) {
        None => ' ',
        Some(v) => match v.as_pystr() {
            Some(p) if p.char_len() == 1 => p.as_str().chars().next().unwrap_or(' '),
            Some(_) => return Err(vm.type_error("The fill character must be exactly one character long")),
            None => {
                let tn = vm.type_name(v);
                return Err(vm.type_error(&format!("{name}() argument 2 must be str of length 1, not {tn}")));
            }
        },
    };
    Ok((w, fill))
}

fn padded(vm: &mut Vm, a: &Args, name: &str, kind: u8) -> PyResult {
    let (w, fill) = pad_args(vm, a, name)?;
    let ps = sstr(vm, &a.args[0])?;
    let n = ps.char_len();
    if w <= n {
        let s = ps.as_str().to_string();
        return ret(vm, s);
    }
    let total = w - n;
    if !crate::object::alloc_plausible(total.saturating_mul(fill.len_utf8()).saturating_add(ps.as_str().len())) {
        return Err(vm.memory_error());
    }
    let (left, right) = match kind {
        0 => (0, total),
        1 => (total, 0),
        _ => {
            // CPython's centering: extra space goes left when the width is odd and n is even...
            let left = total / 2 + (total & w & 1);
            (left, total - left)
        }
    };
    let mut out = crate::alloc::try_string(vm, ps.as_str().len().saturating_add(total.saturating_mul(fill.len_utf8())))?;
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(ps.as_str());
    out.extend(std::iter::repeat_n(fill, right));
    ret(vm, out)
}

fn str_ljust(vm: &mut Vm, a: Args) -> PyResult {
    padded(vm, &a, "ljust", 0)
}
fn str_rjust(vm: &mut Vm, a: Args) -> PyResult {
    padded(vm, &a, "rjust", 1)
}
fn str_center(vm: &mut Vm, a: Args) -> PyResult {
    padded(vm, &a, "center", 2)
}

fn str_zfill(vm: &mut Vm, a: Args) -> PyResult {
    nargs(vm, &a, "zfill", 1, 1)?;
    let w = crate::types::int::to_i64(&a.args[1]).unwrap_or(0).max(0) as usize;
    let ps = sstr(vm, &a.args[0])?;
    let n = ps.char_len();
    let s = ps.as_str();
    if w <= n {
        let s = s.to_string();
        return ret(vm, s);
    }
    let fill = crate::alloc::fill_str(vm, '0', w - n)?;
    let r = if s.starts_with('+') || s.starts_with('-') { format!("{}{fill}{}", &s[..1], &s[1..]) } else { format!("{fill}{s}") };
    ret(vm, r)
}

fn str_expandtabs(vm: &mut Vm, a: Args) -> PyResult {
    let ts = match a.args.get(1).or_else(|| a.kw("tabsize")) {
        Some(v) => crate::types::int::to_i64(v).unwrap_or(8),
        None => 8,
    };
    let s = this(vm, &a)?;
    let mut out = String::new();
    let mut col = 0i64;
    for c in s.chars() {
        match c {
            '\t' => {
                if ts > 0 {
                    let n = ts - col % ts;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    ret(vm, out)
}

// ----- splitting and joining -----

fn split_args(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(Option<String>, i64)> {
    let mut sep = a.args.get(1).cloned();
    let mut maxsplit = a.args.get(2).cloned();
    if a.args.len() > 3 {
        return Err(vm.type_error(&format!("{name}() takes at most 2 arguments ({} given)", a.args.len() - 1)));
    }
    for (k, v) in a.kwargs {
        match k.as_str() {
            Some("sep") => sep = Some(v.clone()),
            Some("maxsplit") => maxsplit = Some(v.clone()),
            Some(o) => return Err(vm.type_error(&format!("{name}() got an unexpected keyword argument '{o}'"))),
            None => return Err(vm.type_error("keywords must be strings")),
        }
    }
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(v) => {
            let s = str_arg(vm, &v, "must be str or None, not").map_err(|_| {
                let tn = vm.type_name(&v);
                vm.type_error(&format!("must be str or None, not {tn}"))
            })?;
            if s.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(s.to_string())
        }
    };
    let maxsplit = match maxsplit {
        None => -1,
        Some(v) => {
            if !crate::ops::is_int(&v) {
                let tn = vm.type_name(&v);
                return Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")));
            }
            crate::types::int::to_i64(&v).unwrap_or(i64::MAX)
        }
    };
    Ok((sep, maxsplit))
}

fn to_list(vm: &mut Vm, parts: Vec<&str>) -> PyResult {
    let items = parts.into_iter().map(|p| vm.new_str(p)).collect();
    Ok(crate::types::list::new_list(items))
}

fn str_split(vm: &mut Vm, a: Args) -> PyResult {
    let (sep, maxsplit) = split_args(vm, &a, "split")?;
    let s = this(vm, &a)?;
    let parts: Vec<&str> = match &sep {
        Some(sep) => {
            if maxsplit < 0 {
                s.split(sep.as_str()).collect()
            } else {
                s.splitn(maxsplit as usize + 1, sep.as_str()).collect()
            }
        }
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_start_matches(is_py_space);
            let mut n = 0;
            while !rest.is_empty() {
                if maxsplit >= 0 && n >= maxsplit {
                    out.push(rest);
                    break;
                }
                match rest.find(is_py_space) {
                    Some(i) => {
                        out.push(&rest[..i]);
                        rest = rest[i..].trim_start_matches(is_py_space);
                    }
                    None => {
                        out.push(rest);
                        rest = "";
                    }
                }
                n += 1;
            }
            out
        }
    };
    to_list(vm, parts)
}

fn str_rsplit(vm: &mut Vm, a: Args) -> PyResult {
    let (sep, maxsplit) = split_args(vm, &a, "rsplit")?;
    let s = this(vm, &a)?;
    let mut parts: Vec<&str> = match &sep {
        Some(sep) => {
            if maxsplit < 0 {
                s.rsplit(sep.as_str()).collect()
            } else {
                s.rsplitn(maxsplit as usize + 1, sep.as_str()).collect()
            }
        }
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_end_matches(is_py_space);
            let mut n = 0;
            while !rest.is_empty() {
                if maxsplit >= 0 && n >= maxsplit {
                    out.push(rest);
                    break;
                }
                match rest.rfind(is_py_space) {
                    Some(i) => {
                        let c = rest[i..].chars().next().map(|c| c.len_utf8()).unwrap_or(1);
                        out.push(&rest[i + c..]);
                        rest = rest[..i].trim_end_matches(is_py_space);
                    }
                    None => {
                        out.push(rest);
                        rest = "";
                    }
                }
                n += 1;
            }
            out
        }
    };
    parts.reverse();
    to_list(vm, parts)
}

fn str_splitlines(vm: &mut Vm, a: Args) -> PyResult {
    let keep = match a.args.get(1).or_else(|| a.kw("keepends")) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let s = this(vm, &a)?;
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let is_break = matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}');
        if !is_break {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' {
            if let Some((_, '\n')) = it.peek() {
                it.next();
                end += 1;
            }
        }
        out.push(if keep { &s[start..end] } else { &s[start..i] });
        start = end;
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    to_list(vm, out)
}

fn str_join(vm: &mut Vm, a: Args) -> PyResult {
    nargs(vm, &a, "join", 1, 1)?;
    let sep = this(vm, &a)?.to_string();
    let items = match vm.collect(&a.args[1]) {
        Ok(i) => i,
        Err(e) => {
            if vm.is_instance_of(&e, &types().exc.type_error.clone()) && vm.lookup_special(&a.args[1], "__iter__").is_none() {
                return Err(vm.type_error("can only join an iterable"));
            }
            return Err(e);
        }
    };
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match it.as_str() {
            Some(s) => out.push_str(s),
            None => {
                let tn = vm.type_name(it);
                return Err(vm.type_error(&format!("sequence item {i}: expected str instance, {tn} found")));
            }
        }
    }
    ret(vm, out)
}

fn partition_impl(vm: &mut Vm, a: &Args, rev: bool) -> PyResult {
    nargs(vm, a, if rev { "rpartition" } else { "partition" }, 1, 1)?;
    let s = this(vm, a)?;
    let sep = str_arg(vm, &a.args[1], "must be str, not").map_err(|_| {
        let tn = vm.type_name(&a.args[1]);
        vm.type_error(&format!("must be str, not {tn}"))
    })?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let found = if rev { s.rfind(sep) } else { s.find(sep) };
    let (x, y, z) = match found {
        Some(i) => (&s[..i], sep, &s[i + sep.len()..]),
        None if rev => ("", "", s),
        None => (s, "", ""),
    };
    let items = vec![vm.new_str(x), vm.new_str(y), vm.new_str(z)];
    Ok(crate::types::tuple::new_tuple(items))
}

fn str_partition(vm: &mut Vm, a: Args) -> PyResult {
    partition_impl(vm, &a, false)
}
fn str_rpartition(vm: &mut Vm, a: Args) -> PyResult {
    partition_impl(vm, &a, true)
}

fn str_removeprefix(vm: &mut Vm, a: Args) -> PyResult {
    nargs(vm, &a, "removeprefix", 1, 1)?;
    let s = this(vm, &a)?;
    let p = str_arg(vm, &a.args[1], "removeprefix() argument")?;
    let r = s.strip_prefix(p).unwrap_or(s).to_string();
    ret(vm, r)
}

fn str_removesuffix(vm: &mut Vm, a: Args) -> PyResult {
    nargs(vm, &a, "removesuffix", 1, 1)?;
    let s = this(vm, &a)?;
    let p = str_arg(vm, &a.args[1], "removesuffix() argument")?;
    let r = if p.is_empty() { s } else { s.strip_suffix(p).unwrap_or(s) }.to_string();
    ret(vm, r)
}

fn str_encode(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a)?.to_string();
    let enc = match a.args.get(1).or_else(|| a.kw("encoding")) {
        Some(v) => str_arg(vm, v, "encode() argument 'encoding'")?.to_string(),
        None => "utf-8".to_string(),
    };
    let errors = match a.args.get(2).or_else(|| a.kw("errors")) {
        Some(v) => str_arg(vm, v, "encode() argument 'errors'")?.to_string(),
        None => "strict".to_string(),
    };
    let b = crate::types::bytes::encode(vm, &s, &enc, &errors)?;
    Ok(crate::types::bytes::new_bytes(b))
}

fn str_format(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a)?.to_string();
    let r = crate::format::str_format(vm, &s, &a.args[1..], a.kwargs, None)?;
    ret(vm, r)
}

fn str_format_map(vm: &mut Vm, a: Args) -> PyResult {
    nargs(vm, &a, "format_map", 1, 1)?;
    let s = this(vm, &a)?.to_string();
    let m = a.args[1].clone();
    let r = crate::format::str_format(vm, &s, &[], &[], Some(&m))?;
    ret(vm, r)
}

fn str_maketrans(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::check_positional(vm, &a, 0, "maketrans", 1, 3)?;
    let d = vm.new_dict();
    match a.args.len() {
        1 => {
            let src = &a.args[0];
            let Value::Obj(so) = src else { return Err(vm.type_error("if you give only one argument to maketrans it must be a dict")) };
            if !matches!(so.payload, Payload::Dict(_)) {
                return Err(vm.type_error("if you give only one argument to maketrans it must be a dict"));
            }
            for (k, v) in crate::types::dict::dict_items(so) {
                let key = match k.as_pystr() {
                    Some(p) if p.char_len() == 1 => Value::Int(p.as_str().chars().next().map(|c| c as i64).unwrap_or(0)),
                    Some(_) => return Err(vm.value_error("string keys in translate table must be of length 1")),
                    None => k.clone(),
                };
                crate::types::dict::dict_set(vm, &d, key, v)?;
            }
        }
        2 | 3 => {
            let x = str_arg(vm, &a.args[0], "maketrans() argument 1")?.to_string();
            let y = str_arg(vm, &a.args[1], "maketrans() argument 2")?.to_string();
            if x.chars().count() != y.chars().count() {
                return Err(vm.value_error("the first two maketrans arguments must have equal length"));
            }
            for (c, r) in x.chars().zip(y.chars()) {
                crate::types::dict::dict_set(vm, &d, Value::Int(c as i64), Value::Int(r as i64))?;
            }
            if let Some(z) = a.args.get(2) {
                let z = str_arg(vm, z, "maketrans() argument 3")?.to_string();
                for c in z.chars() {
                    crate::types::dict::dict_set(vm, &d, Value::Int(c as i64), Value::None)?;
                }
            }
        }
        _ => return Err(vm.type_error("maketrans() takes at most 3 arguments")),
    }
    Ok(Value::Obj(d))
}

fn str_translate(vm: &mut Vm, a: Args) -> PyResult {
    nargs(vm, &a, "translate", 1, 1)?;
    let s = this(vm, &a)?.to_string();
    let table = a.args[1].clone();
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match vm.getitem(&table, &Value::Int(c as i64)) {
            Ok(v) => match &v {
                Value::None => {}
                Value::Int(i) if (0..0x110000).contains(i) => match char::from_u32(*i as u32) {
                    Some(r) => out.push(r),
                    None => return Err(crate::unicode::surrogate_error(vm, "character mapping", *i as u32)),
                },
                Value::Int(_) => return Err(vm.value_error("character mapping must be in range(0x110000)")),
                other => match other.as_str() {
                    Some(t) => out.push_str(t),
                    None => return Err(vm.type_error("character mapping must return integer, None or str")),
                },
            },
            Err(e) if vm.is_instance_of(&e, &types().exc.lookup_error.clone()) => out.push(c),
            Err(e) => return Err(e),
        }
    }
    ret(vm, out)
}

fn str_sizeof(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a)?;
    Ok(Value::Int(49 + s.len() as i64))
}

pub fn init(t: &BuiltinTypes) {
    let s = &t.str_;
    add_staticmethod(s, "__new__", str_new);
    add_staticmethod(s, "maketrans", str_maketrans);
    add_methods(
        s,
        &[
            ("__repr__", str_repr_m),
            ("__str__", str_str),
            ("__hash__", str_hash),
            ("__len__", str_len),
            ("__getitem__", str_getitem),
            ("__contains__", str_contains),
            ("__iter__", str_iter),
            ("__eq__", str_eq),
            ("__ne__", str_ne),
            ("__lt__", str_lt),
            ("__le__", str_le),
            ("__gt__", str_gt),
            ("__ge__", str_ge),
            ("__add__", str_add),
            ("__mul__", str_mul),
            ("__rmul__", str_mul),
            ("__mod__", str_mod),
            ("__rmod__", str_rmod),
            ("__getnewargs__", str_getnewargs),
            ("__format__", str_format_spec),
            ("__sizeof__", str_sizeof),
            ("find", str_find),
            ("rfind", str_rfind),
            ("index", str_index),
            ("rindex", str_rindex),
            ("count", str_count),
            ("startswith", str_startswith),
            ("endswith", str_endswith),
            ("replace", str_replace),
            ("strip", str_strip),
            ("lstrip", str_lstrip),
            ("rstrip", str_rstrip),
            ("upper", str_upper),
            ("lower", str_lower),
            ("casefold", str_casefold),
            ("swapcase", str_swapcase),
            ("capitalize", str_capitalize),
            ("title", str_title),
            ("isdigit", str_isdigit),
            ("isdecimal", str_isdecimal),
            ("isnumeric", str_isnumeric),
            ("isalpha", str_isalpha),
            ("isalnum", str_isalnum),
            ("isspace", str_isspace),
            ("isascii", str_isascii),
            ("isprintable", str_isprintable),
            ("isupper", str_isupper),
            ("islower", str_islower),
            ("istitle", str_istitle),
            ("isidentifier", str_isidentifier),
            ("ljust", str_ljust),
            ("rjust", str_rjust),
            ("center", str_center),
            ("zfill", str_zfill),
            ("expandtabs", str_expandtabs),
            ("split", str_split),
            ("rsplit", str_rsplit),
            ("splitlines", str_splitlines),
            ("join", str_join),
            ("partition", str_partition),
            ("rpartition", str_rpartition),
            ("removeprefix", str_removeprefix),
            ("removesuffix", str_removesuffix),
            ("encode", str_encode),
            ("format", str_format),
            ("format_map", str_format_map),
            ("translate", str_translate),
        ],
    );
}
