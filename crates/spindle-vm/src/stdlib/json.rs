//! `_json`: the native core of `lib/json` (the role of CPython's `_json` accelerator): string
//! escaping, string scanning, the whole-document scanner (`make_scanner`) and the encoder
//! (`encode_into`). The Python side keeps the public classes and falls back to nothing: every
//! behaviour here follows CPython 3.11's `json` (messages, positions, output bytes).
//!
//! Positions seen by Python are character indexes; the scanner works on UTF-8 bytes and
//! converts at its edges (once per call, not per token).

use crate::object::{ObjRef, Payload, PyStr};
use crate::stdlib::module_with;
use crate::types::types;
use crate::value::Value;
use crate::vm::{interp, Vm};
use crate::{Args, PyErr, PyResult};

// ----- shared helpers -----

/// Character index of byte offset `byte` of `ps`.
fn char_pos(ps: &PyStr, byte: usize) -> usize {
    if ps.is_ascii() {
        byte
    } else {
        ps.as_str()[..byte].chars().count()
    }
}

/// `json.decoder.JSONDecodeError(msg, doc, pos)` as a raised error.
fn decode_error(vm: &mut Vm, msg: &str, doc: &Value, pos: usize) -> PyErr {
    let cls = match crate::import::import_simple(vm, "json.decoder").and_then(|m| vm.get_attr_str(&m, "JSONDecodeError")) {
        Ok(c) => c,
        Err(e) => return e,
    };
    let m = vm.new_str(msg);
    match vm.call(&cls, &[m, doc.clone(), Value::Int(pos as i64)], &[]) {
        Ok(Value::Obj(o)) if matches!(o.payload, Payload::Exception(_)) => PyErr(o),
        Ok(_) => vm.type_error("JSONDecodeError did not make an exception"),
        Err(e) => e,
    }
}

fn str_arg<'a>(vm: &mut Vm, v: &'a Value, what: &str) -> PyResult<&'a PyStr> {
    match v.as_pystr() {
        Some(s) => Ok(s),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("{what} must be str, not {tn}")))
        }
    }
}

fn index_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool64(b) => Ok(b.get() as i64),
        _ => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

// ----- string escaping -----

fn push_u(out: &mut String, n: u32) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push_str("\\u");
    for shift in [12, 8, 4, 0] {
        out.push(HEX[((n >> shift) & 0xf) as usize] as char);
    }
}

/// Append the JSON string literal of `s` (quotes included) to `out`.
fn escape_into(out: &mut String, s: &str, ascii: bool) {
    out.reserve(s.len() + 2);
    out.push('"');
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let plain = if ascii { (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\' } else { b >= 0x20 && b != b'"' && b != b'\\' };
        if plain {
            continue;
        }
        if b >= 0x80 && (b & 0xc0) == 0x80 {
            // Continuation byte of a character already escaped.
            start = i + 1;
            continue;
        }
        out.push_str(&s[start..i]);
        start = i + 1;
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            0..=0x7f => push_u(out, b as u32),
            _ => {
                // A non-ASCII character (only escaped in ASCII mode).
                let c = s[i..].chars().next().unwrap_or('\u{fffd}') as u32;
                if c >= 0x10000 {
                    let n = c - 0x10000;
                    push_u(out, 0xd800 | (n >> 10));
                    push_u(out, 0xdc00 | (n & 0x3ff));
                } else {
                    push_u(out, c);
                }
            }
        }
    }
    out.push_str(&s[start..]);
    out.push('"');
}

fn encode_basestring_ascii(vm: &mut Vm, a: Args) -> PyResult {
    let Some(v) = a.args.first() else { return Err(vm.type_error("encode_basestring_ascii() takes exactly one argument (0 given)")) };
    let s = str_arg(vm, v, "first argument")?;
    let mut out = String::new();
    escape_into(&mut out, s.as_str(), true);
    Ok(vm.new_string(out))
}

fn encode_basestring(vm: &mut Vm, a: Args) -> PyResult {
    let Some(v) = a.args.first() else { return Err(vm.type_error("encode_basestring() takes exactly one argument (0 given)")) };
    let s = str_arg(vm, v, "first argument")?;
    let mut out = String::new();
    escape_into(&mut out, s.as_str(), false);
    Ok(vm.new_string(out))
}

// ----- scanning -----

/// Why a scan stopped: no value at a byte offset (`StopIteration` to Python) or an error.
enum Fail {
    NoValue(usize),
    Err(PyErr),
}

impl From<PyErr> for Fail {
    fn from(e: PyErr) -> Fail {
        Fail::Err(e)
    }
}

type Scan<T> = Result<T, Fail>;

/// The settings of one scanner (`make_scanner(context)`).
struct Hooks {
    strict: bool,
    object_hook: Value,
    object_pairs_hook: Value,
    parse_float: Value,
    parse_int: Value,
    parse_constant: Value,
}

struct Scanner<'a> {
    doc: &'a Value,
    ps: &'a PyStr,
    b: &'a [u8],
    hooks: &'a Hooks,
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

fn hex4(b: &[u8], at: usize) -> Option<u32> {
    let d = b.get(at..at + 4)?;
    let mut n = 0u32;
    for &c in d {
        n = (n << 4) | (c as char).to_digit(16)?;
    }
    Some(n)
}

impl<'a> Scanner<'a> {
    fn err(&self, vm: &mut Vm, msg: &str, byte: usize) -> Fail {
        Fail::Err(decode_error(vm, msg, self.doc, char_pos(self.ps, byte)))
    }

    fn skip_ws(&self, mut i: usize) -> usize {
        while i < self.b.len() && is_ws(self.b[i]) {
            i += 1;
        }
        i
    }

    /// The string whose opening quote is at `end - 1`: (text, offset after the closing quote).
    fn string(&self, vm: &mut Vm, end: usize) -> Scan<(String, usize)> {
        let b = self.b;
        let s = self.ps.as_str();
        let begin = end - 1;
        let mut out = String::new();
        let mut i = end;
        loop {
            let start = i;
            while i < b.len() && b[i] != b'"' && b[i] != b'\\' {
                if b[i] < 0x20 && self.hooks.strict {
                    return Err(self.err(vm, "Invalid control character at", i));
                }
                i += 1;
            }
            if i >= b.len() {
                return Err(self.err(vm, "Unterminated string starting at", begin));
            }
            out.push_str(&s[start..i]);
            if b[i] == b'"' {
                return Ok((out, i + 1));
            }
            // A backslash escape.
            i += 1;
            let Some(&e) = b.get(i) else { return Err(self.err(vm, "Unterminated string starting at", begin)) };
            let c = match e {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'u' => {
                    let Some(mut n) = hex4(b, i + 1) else { return Err(self.err(vm, "Invalid \\uXXXX escape", i)) };
                    i += 5;
                    if (0xd800..0xdc00).contains(&n) && i + 6 <= b.len() && b[i] == b'\\' && b[i + 1] == b'u' {
                        let Some(n2) = hex4(b, i + 2) else { return Err(self.err(vm, "Invalid \\uXXXX escape", i + 1)) };
                        if (0xdc00..0xe000).contains(&n2) {
                            n = 0x10000 + (((n - 0xd800) << 10) | (n2 - 0xdc00));
                            i += 6;
                        }
                    }
                    match char::from_u32(n) {
                        Some(c) => {
                            out.push(c);
                            continue;
                        }
                        None => {
                            return Err(Fail::Err(vm.not_implemented_error(&format!("JSON string holds a lone surrogate (\\u{n:04x}), which Spindle's UTF-8 strings cannot hold"))));
                        }
                    }
                }
                _ => return Err(self.err(vm, "Invalid \\escape", i - 1)),
            };
            out.push(c);
            i += 1;
        }
    }

    fn value(&self, vm: &mut Vm, i: usize) -> Scan<(Value, usize)> {
        let b = self.b;
        let Some(&c) = b.get(i) else { return Err(Fail::NoValue(i)) };
        let rest = &b[i..];
        match c {
            b'"' => {
                let (s, end) = self.string(vm, i + 1)?;
                Ok((vm.new_string(s), end))
            }
            b'{' => {
                vm.enter_guard(" while decoding a JSON object from a unicode string")?;
                let r = self.object(vm, i + 1);
                vm.leave_guard();
                r
            }
            b'[' => {
                vm.enter_guard(" while decoding a JSON array from a unicode string")?;
                let r = self.array(vm, i + 1);
                vm.leave_guard();
                r
            }
            b'n' if rest.starts_with(b"null") => Ok((Value::None, i + 4)),
            b't' if rest.starts_with(b"true") => Ok((Value::Bool(true), i + 4)),
            b'f' if rest.starts_with(b"false") => Ok((Value::Bool(false), i + 5)),
            b'N' if rest.starts_with(b"NaN") => Ok((self.constant(vm, "NaN")?, i + 3)),
            b'I' if rest.starts_with(b"Infinity") => Ok((self.constant(vm, "Infinity")?, i + 8)),
            b'-' if rest.starts_with(b"-Infinity") => Ok((self.constant(vm, "-Infinity")?, i + 9)),
            b'-' | b'0'..=b'9' => self.number(vm, i),
            _ => Err(Fail::NoValue(i)),
        }
    }

    fn constant(&self, vm: &mut Vm, name: &str) -> PyResult {
        let n = vm.new_str(name);
        vm.call(&self.hooks.parse_constant, &[n], &[])
    }

    fn number(&self, vm: &mut Vm, start: usize) -> Scan<(Value, usize)> {
        let b = self.b;
        let digit = |i: usize| b.get(i).is_some_and(|c| c.is_ascii_digit());
        let mut i = start;
        if b[i] == b'-' {
            i += 1;
            if !digit(i) {
                return Err(Fail::NoValue(start));
            }
        }
        if b[i] == b'0' {
            i += 1;
        } else {
            while digit(i) {
                i += 1;
            }
        }
        let int_end = i;
        let mut is_float = false;
        if b.get(i) == Some(&b'.') && digit(i + 1) {
            i += 2;
            while digit(i) {
                i += 1;
            }
            is_float = true;
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            let mut j = i + 1;
            if matches!(b.get(j), Some(b'+' | b'-')) {
                j += 1;
            }
            if digit(j) {
                while digit(j) {
                    j += 1;
                }
                i = j;
                is_float = true;
            }
        }
        let s = self.ps.as_str();
        if is_float {
            let text = &s[start..i];
            let pf = &self.hooks.parse_float;
            if matches!(pf, Value::Obj(o) if o.is(&types().float)) {
                let f: f64 = text.parse().unwrap_or(f64::NAN);
                return Ok((Value::Float(f), i));
            }
            let t = vm.new_str(text);
            return Ok((vm.call(pf, &[t], &[])?, i));
        }
        let text = &s[start..int_end];
        let pi = &self.hooks.parse_int;
        if matches!(pi, Value::Obj(o) if o.is(&types().int)) {
            return Ok((crate::types::int::parse_int(vm, text, 10)?, int_end));
        }
        let t = vm.new_str(text);
        Ok((vm.call(pi, &[t], &[])?, int_end))
    }

    fn value_after(&self, vm: &mut Vm, i: usize) -> Scan<(Value, usize)> {
        match self.value(vm, i) {
            Err(Fail::NoValue(at)) => Err(self.err(vm, "Expecting value", at)),
            r => r,
        }
    }

    fn object(&self, vm: &mut Vm, open: usize) -> Scan<(Value, usize)> {
        let b = self.b;
        let pairs_hook = !self.hooks.object_pairs_hook.is_none();
        let mut pairs: Vec<Value> = Vec::new();
        let dict = if pairs_hook { None } else { Some(vm.new_dict()) };
        let mut i = self.skip_ws(open);
        if b.get(i) == Some(&b'}') {
            i += 1;
        } else {
            loop {
                if b.get(i) != Some(&b'"') {
                    return Err(self.err(vm, "Expecting property name enclosed in double quotes", i));
                }
                let (key, end) = self.string(vm, i + 1)?;
                let key = vm.new_string(key);
                i = self.skip_ws(end);
                if b.get(i) != Some(&b':') {
                    return Err(self.err(vm, "Expecting ':' delimiter", i));
                }
                i = self.skip_ws(i + 1);
                let (v, end) = self.value_after(vm, i)?;
                match &dict {
                    Some(d) => crate::types::dict::dict_set(vm, d, key, v)?,
                    None => pairs.push(crate::types::tuple::new_tuple(vec![key, v])),
                }
                i = self.skip_ws(end);
                match b.get(i) {
                    Some(b'}') => {
                        i += 1;
                        break;
                    }
                    Some(b',') => {}
                    _ => return Err(self.err(vm, "Expecting ',' delimiter", i)),
                }
                i = self.skip_ws(i + 1);
            }
        }
        let obj = match dict {
            None => {
                let l = crate::types::list::new_list(pairs);
                vm.call(&self.hooks.object_pairs_hook, &[l], &[])?
            }
            Some(d) => {
                let d = Value::Obj(d);
                if self.hooks.object_hook.is_none() {
                    d
                } else {
                    vm.call(&self.hooks.object_hook, &[d], &[])?
                }
            }
        };
        Ok((obj, i))
    }

    fn array(&self, vm: &mut Vm, open: usize) -> Scan<(Value, usize)> {
        let b = self.b;
        let mut items = Vec::new();
        let mut i = self.skip_ws(open);
        if b.get(i) == Some(&b']') {
            return Ok((crate::types::list::new_list(items), i + 1));
        }
        loop {
            let (v, end) = self.value_after(vm, i)?;
            items.push(v);
            i = self.skip_ws(end);
            match b.get(i) {
                Some(b']') => break,
                Some(b',') => {}
                _ => return Err(self.err(vm, "Expecting ',' delimiter", i)),
            }
            i = self.skip_ws(i + 1);
        }
        Ok((crate::types::list::new_list(items), i + 1))
    }
}

/// `scanstring(s, end, strict=True)`: decode the string literal whose opening quote is at
/// `end - 1`; returns (str, index after the closing quote).
fn scanstring(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() < 2 || a.args.len() > 3 {
        return Err(vm.type_error(&format!("scanstring() takes 2 or 3 arguments ({} given)", a.args.len())));
    }
    let doc = &a.args[0];
    let ps = str_arg(vm, doc, "first argument")?;
    let end = index_arg(vm, &a.args[1])?;
    let strict = match a.args.get(2) {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    if end < 0 || end as usize > ps.char_len() {
        return Err(vm.value_error("end is out of bounds"));
    }
    let hooks = Hooks { strict, object_hook: Value::None, object_pairs_hook: Value::None, parse_float: Value::None, parse_int: Value::None, parse_constant: Value::None };
    let sc = Scanner { doc, ps, b: ps.as_str().as_bytes(), hooks: &hooks };
    let start = ps.byte_offset(end as usize);
    if start == 0 {
        // No opening quote before: CPython reports an unterminated string at -1... only
        // reachable by calling scanstring directly; treat position 0 as the quote.
        return Err(decode_error(vm, "Unterminated string starting at", doc, 0));
    }
    match sc.string(vm, start) {
        Ok((s, e)) => {
            let sv = vm.new_string(s);
            Ok(crate::types::tuple::new_tuple(vec![sv, Value::Int(char_pos(ps, e) as i64)]))
        }
        Err(Fail::Err(e)) => Err(e),
        Err(Fail::NoValue(_)) => Err(vm.value_error("end is out of bounds")),
    }
}

/// `make_scanner(context)`: a `scan_once(string, idx)` function reading the context's
/// strict, object_hook, object_pairs_hook, parse_float, parse_int and parse_constant.
fn make_scanner(vm: &mut Vm, a: Args) -> PyResult {
    let Some(ctx) = a.args.first() else { return Err(vm.type_error("make_scanner() takes exactly one argument (0 given)")) };
    let strict = vm.get_attr_str(ctx, "strict")?;
    let strict = Value::Bool(vm.truthy(&strict)?);
    let mut fields = vec![strict];
    for name in ["object_hook", "object_pairs_hook", "parse_float", "parse_int", "parse_constant"] {
        fields.push(vm.get_attr_str(ctx, name)?);
    }
    let bound = crate::types::tuple::new_tuple(fields);
    let f = Payload::Builtin { name: "scan_once", func: scan_once, bound: Some(bound), module: Some("_json"), sig: crate::native_sig::Sig::Any };
    Ok(Value::Obj(ObjRef::new(types().builtin_function.clone(), f)))
}

fn scan_once(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() != 3 {
        return Err(vm.type_error(&format!("scan_once() takes exactly 2 arguments ({} given)", a.args.len().saturating_sub(1))));
    }
    let Some(Payload::Tuple(f)) = a.args[0].as_obj().map(|o| &o.payload) else { return Err(vm.type_error("scan_once() needs its scanner")) };
    if f.len() != 6 {
        return Err(vm.type_error("scan_once() needs its scanner"));
    }
    let hooks = Hooks {
        strict: matches!(f[0], Value::Bool64(b) if b.get()),
        object_hook: f[1].clone(),
        object_pairs_hook: f[2].clone(),
        parse_float: f[3].clone(),
        parse_int: f[4].clone(),
        parse_constant: f[5].clone(),
    };
    let doc = &a.args[1];
    let ps = str_arg(vm, doc, "first argument")?;
    let idx = index_arg(vm, &a.args[2])?;
    if idx < 0 {
        return Err(vm.value_error("idx cannot be negative"));
    }
    if idx as usize >= ps.char_len() {
        return Err(vm.stop_iteration(Some(Value::Int(idx))));
    }
    let sc = Scanner { doc, ps, b: ps.as_str().as_bytes(), hooks: &hooks };
    match sc.value(vm, ps.byte_offset(idx as usize)) {
        Ok((v, end)) => Ok(crate::types::tuple::new_tuple(vec![v, Value::Int(char_pos(ps, end) as i64)])),
        Err(Fail::Err(e)) => Err(e),
        Err(Fail::NoValue(at)) => {
            let p = char_pos(ps, at) as i64;
            Err(vm.stop_iteration(Some(Value::Int(p))))
        }
    }
}

// ----- encoding -----

/// The options of one `encode_into` call.
struct Enc {
    check_circular: bool,
    default: Value,
    ascii: bool,
    indent: Option<String>,
    key_sep: String,
    item_sep: String,
    sort_keys: bool,
    skipkeys: bool,
    allow_nan: bool,
    /// Ids of the containers being encoded (check_circular).
    markers: Vec<usize>,
}

fn float_text(vm: &mut Vm, enc: &Enc, f: f64) -> PyResult<String> {
    if f.is_finite() {
        return Ok(crate::format::float_repr(f));
    }
    if !enc.allow_nan {
        return Err(vm.value_error("Out of range float values are not JSON compliant"));
    }
    Ok(if f.is_nan() { "NaN" } else if f > 0.0 { "Infinity" } else { "-Infinity" }.to_string())
}

fn float_value(v: &Value) -> Option<f64> {
    crate::types::float::to_f64_strict(v)
}

impl Enc {
    fn mark(&mut self, vm: &mut Vm, v: &Value) -> PyResult<Option<usize>> {
        if !self.check_circular {
            return Ok(None);
        }
        let id = v.id();
        if self.markers.contains(&id) {
            return Err(vm.value_error("Circular reference detected"));
        }
        self.markers.push(id);
        Ok(Some(id))
    }

    fn unmark(&mut self, id: Option<usize>) {
        if let Some(id) = id {
            if let Some(p) = self.markers.iter().rposition(|&m| m == id) {
                self.markers.remove(p);
            }
        }
    }

    fn newline(&self, out: &mut String, level: usize) {
        if let Some(ind) = &self.indent {
            out.push('\n');
            for _ in 0..level {
                out.push_str(ind);
            }
        }
    }

    fn value(&mut self, vm: &mut Vm, out: &mut String, v: &Value, level: usize) -> PyResult<()> {
        match v {
            Value::None => out.push_str("null"),
            Value::Bool64(b) => out.push_str(if b.get() { "true" } else { "false" }),
            Value::Int(i) => out.push_str(&i.to_string()),
            Value::Float64(f) => {
                let t = float_text(vm, self, f.get())?;
                out.push_str(&t);
            }
            Value::Obj(o) => match &o.payload {
                Payload::Str(s) => escape_into(out, s.as_str(), self.ascii),
                Payload::Int(_) => {
                    let t = crate::types::int::int_repr_value(vm, v)?;
                    out.push_str(&t);
                }
                Payload::Float(f) => {
                    let t = float_text(vm, self, *f)?;
                    out.push_str(&t);
                }
                Payload::List(_) | Payload::Tuple(_) => {
                    vm.enter_guard(" while encoding a JSON object")?;
                    let r = self.list(vm, out, v, level);
                    vm.leave_guard();
                    r?
                }
                Payload::Dict(_) => {
                    vm.enter_guard(" while encoding a JSON object")?;
                    let r = self.dict(vm, out, v, level);
                    vm.leave_guard();
                    r?
                }
                _ => {
                    let m = self.mark(vm, v)?;
                    let nv = vm.call(&self.default.clone(), std::slice::from_ref(v), &[])?;
                    vm.enter_guard(" while encoding a JSON object")?;
                    let r = self.value(vm, out, &nv, level);
                    vm.leave_guard();
                    r?;
                    self.unmark(m);
                }
            },
            Value::Null => return Err(vm.type_error("cannot encode an unbound value")),
        }
        Ok(())
    }

    fn list(&mut self, vm: &mut Vm, out: &mut String, v: &Value, level: usize) -> PyResult<()> {
        let items: Vec<Value> = match v.as_obj().map(|o| &o.payload) {
            Some(Payload::List(c)) => c.lock().clone(),
            Some(Payload::Tuple(t)) => t.to_vec(),
            _ => Vec::new(),
        };
        if items.is_empty() {
            out.push_str("[]");
            return Ok(());
        }
        let m = self.mark(vm, v)?;
        out.push('[');
        self.newline(out, level + 1);
        for (n, item) in items.iter().enumerate() {
            if n > 0 {
                out.push_str(&self.item_sep);
                self.newline(out, level + 1);
            }
            self.value(vm, out, item, level + 1)?;
        }
        self.newline(out, level);
        out.push(']');
        self.unmark(m);
        Ok(())
    }

    fn dict(&mut self, vm: &mut Vm, out: &mut String, v: &Value, level: usize) -> PyResult<()> {
        let Some(d) = v.as_obj() else { return Ok(()) };
        if crate::types::dict::dict_len(d) == 0 {
            out.push_str("{}");
            return Ok(());
        }
        let m = self.mark(vm, v)?;
        let exact = d.cls.is(&types().dict);
        let items: Vec<(Value, Value)> = if exact && !self.sort_keys {
            crate::types::dict::dict_items(d)
        } else {
            let mut it = vm.call_method(v, "items", &[])?;
            if self.sort_keys {
                let sorted = crate::types::dict::dict_get_str(&interp().builtins_dict, "sorted").unwrap_or(Value::None);
                it = vm.call(&sorted, &[it], &[])?;
            }
            let mut pairs = Vec::new();
            for p in vm.collect(&it)? {
                match p.as_obj().map(|o| &o.payload) {
                    Some(Payload::Tuple(t)) if t.len() == 2 => pairs.push((t[0].clone(), t[1].clone())),
                    _ => return Err(vm.value_error("items must return 2-tuples")),
                }
            }
            pairs
        };
        out.push('{');
        self.newline(out, level + 1);
        let mut first = true;
        for (k, val) in &items {
            let key: String = if let Some(s) = k.as_pystr() {
                s.as_str().to_string()
            } else if let Some(f) = float_value(k) {
                float_text(vm, self, f)?
            } else if let Value::Bool64(b) = k {
                (if b.get() { "true" } else { "false" }).to_string()
            } else if k.is_none() {
                "null".to_string()
            } else if crate::ops::is_int(k) {
                crate::types::int::int_repr_value(vm, k)?
            } else if self.skipkeys {
                continue;
            } else {
                let tn = vm.type_name(k);
                return Err(vm.type_error(&format!("keys must be str, int, float, bool or None, not {tn}")));
            };
            if first {
                first = false;
            } else {
                out.push_str(&self.item_sep);
                self.newline(out, level + 1);
            }
            escape_into(out, &key, self.ascii);
            out.push_str(&self.key_sep);
            self.value(vm, out, val, level + 1)?;
        }
        self.newline(out, level);
        out.push('}');
        self.unmark(m);
        Ok(())
    }
}

/// `encode_into(obj, out, check_circular, default, ensure_ascii, indent, key_separator,
/// item_separator, sort_keys, skipkeys, allow_nan)`: append the JSON text of `obj` to the list
/// `out` (on error, the text produced before it, as CPython's streaming encoder would have
/// written, then raise). `indent` is None or the str of one indentation level.
fn encode_into(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() != 11 {
        return Err(vm.type_error(&format!("encode_into() takes exactly 11 arguments ({} given)", a.args.len())));
    }
    let out_list = match a.args[1].as_obj() {
        Some(o) if matches!(o.payload, Payload::List(_)) => o.clone(),
        _ => return Err(vm.type_error("encode_into() needs a list to write to")),
    };
    let indent = match &a.args[5] {
        Value::None => None,
        v => Some(str_arg(vm, v, "indent")?.as_str().to_string()),
    };
    let key_sep = str_arg(vm, &a.args[6], "key_separator")?.as_str().to_string();
    let item_sep = str_arg(vm, &a.args[7], "item_separator")?.as_str().to_string();
    let mut enc = Enc {
        check_circular: vm.truthy(&a.args[2])?,
        default: a.args[3].clone(),
        ascii: vm.truthy(&a.args[4])?,
        indent,
        key_sep,
        item_sep,
        sort_keys: vm.truthy(&a.args[8])?,
        skipkeys: vm.truthy(&a.args[9])?,
        allow_nan: vm.truthy(&a.args[10])?,
        markers: Vec::new(),
    };
    let mut out = String::new();
    let r = enc.value(vm, &mut out, &a.args[0], 0);
    if !out.is_empty() || r.is_ok() {
        let s = vm.new_string(out);
        if let Payload::List(c) = &out_list.payload {
            c.lock().push(s);
        }
    }
    r.map(|_| Value::None)
}

pub fn create(vm: &mut Vm) -> ObjRef {
    module_with(
        vm,
        "_json",
        &[
            ("encode_basestring_ascii", encode_basestring_ascii),
            ("encode_basestring", encode_basestring),
            ("scanstring", scanstring),
            ("make_scanner", make_scanner),
            ("encode_into", encode_into),
        ],
    )
}
