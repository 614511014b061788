//! `bytes` and `bytearray`: construction, repr, codec entry points (`crate::codecs`), and the
//! methods the two types share.

use crate::object::{ObjRef, Payload};
use crate::sync::PyCell;
use crate::types::{add_classmethod, add_methods, add_staticmethod, types, BuiltinTypes};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};

pub fn new_bytes(b: Vec<u8>) -> Value {
    Value::Obj(ObjRef::new(types().bytes.clone(), Payload::Bytes(b.into_boxed_slice())))
}

pub fn new_bytearray(b: Vec<u8>) -> Value {
    Value::Obj(ObjRef::new(types().bytearray.clone(), Payload::ByteArray(PyCell::new(b))))
}

/// The bytes of a bytes-like object (bytes, bytearray), copied.
pub fn bytes_like(v: &Value) -> Option<Vec<u8>> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Bytes(b) => Some(b.to_vec()),
            Payload::ByteArray(b) => Some(b.lock().clone()),
            _ => None,
        },
        _ => None,
    }
}

/// Run `f` on the bytes of a bytes/bytearray without copying them (a bytearray's lock is held
/// during `f`: it must not call Python code).
pub fn with_bytes<R>(v: &Value, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Bytes(b) => Some(f(b)),
            Payload::ByteArray(b) => Some(f(&b.lock())),
            _ => None,
        },
        _ => None,
    }
}

pub(crate) fn is_bytearray(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.payload, Payload::ByteArray(_)))
}

/// A result of the same kind as `like` (bytes methods on a bytearray return bytearrays).
pub(crate) fn same_kind(like: &Value, b: Vec<u8>) -> Value {
    if is_bytearray(like) {
        new_bytearray(b)
    } else {
        new_bytes(b)
    }
}

/// `b'...'` repr as CPython writes it.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

/// Decode bytes with a codec (see `crate::codecs`).
pub fn decode(vm: &mut Vm, b: &[u8], enc: &str, errors: &str) -> PyResult<String> {
    crate::codecs::decode(vm, b, enc, errors)
}

/// Encode text with a codec (see `crate::codecs`).
pub fn encode(vm: &mut Vm, s: &str, enc: &str, errors: &str) -> PyResult<Vec<u8>> {
    crate::codecs::encode(vm, s, enc, errors)
}

/// `x in bytes`.
pub fn bytes_contains(vm: &mut Vm, container: &Value, item: &Value) -> PyResult<bool> {
    let hay = bytes_like(container).unwrap_or_default();
    if let Some(n) = crate::types::int::to_i64(item).filter(|_| crate::ops::is_int(item)) {
        if !(0..=255).contains(&n) {
            return Err(vm.value_error("byte must be in range(0, 256)"));
        }
        return Ok(hay.contains(&(n as u8)));
    }
    match bytes_like(item) {
        Some(needle) => Ok(find_sub(&hay, &needle, 0).is_some()),
        None => {
            let tn = vm.type_name(item);
            Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

pub(crate) fn find_sub(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return if from <= hay.len() { Some(from) } else { None };
    }
    if needle.len() > hay.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| &hay[i..i + needle.len()] == needle)
}

pub(crate) fn rfind_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len()).rev().find(|&i| &hay[i..i + needle.len()] == needle)
}

pub(crate) fn byte_value(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    if !crate::ops::is_int(v) {
        let tn = vm.type_name(v);
        return Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")));
    }
    match crate::types::int::to_i64(v) {
        Some(n) if (0..=255).contains(&n) => Ok(n as u8),
        _ => Err(vm.value_error("byte must be in range(0, 256)")),
    }
}

/// `ba[k] = v` / `del ba[k]`.
pub fn bytearray_setitem(vm: &mut Vm, b: &PyCell<Vec<u8>>, k: &Value, v: Option<Value>) -> PyResult<()> {
    let len = b.lock().len() as i64;
    if crate::ops::is_int(k) {
        let i = crate::types::int::to_i64(k).unwrap_or(i64::MAX);
        let idx = if i < 0 { i + len } else { i };
        if idx < 0 || idx >= len {
            return Err(vm.index_error("bytearray index out of range"));
        }
        match v {
            Some(v) => {
                let x = byte_value(vm, &v)?;
                b.lock()[idx as usize] = x;
            }
            None => {
                b.lock().remove(idx as usize);
            }
        }
        return Ok(());
    }
    if matches!(k, Value::Obj(o) if matches!(o.payload, Payload::Slice { .. })) {
        let (start, stop, step) = crate::types::list::slice_indices(vm, k, len)?;
        // Assigning nothing to an extended slice deletes it (CPython's
        // bytearray_ass_subscript, unlike list's).
        let data = match v {
            Some(v) => Some(match bytes_like(&v) {
                Some(d) => d,
                None => {
                    let mut out = Vec::new();
                    for x in vm.collect(&v)? {
                        out.push(byte_value(vm, &x)?);
                    }
                    out
                }
            }),
            None => None,
        };
        let data = data.filter(|d| step == 1 || !d.is_empty());
        match data {
            Some(data) => {
                // `__index__` or iterating `v` ran Python code that may have shrunk the
                // bytearray since `len` was read: positions are clamped / re-checked.
                let mut g = b.lock();
                let n = g.len();
                if step == 1 {
                    let e = (stop.max(start) as usize).min(n);
                    let s = (start as usize).min(e);
                    g.splice(s..e, data);
                } else {
                    let pos = crate::types::list::slice_iter(start, stop, step);
                    let count = pos.len();
                    if count != data.len() {
                        drop(g);
                        return Err(vm.value_error(&format!("attempt to assign bytes of size {} to extended slice of size {}", data.len(), count)));
                    }
                    if pos.clone().any(|p| p >= n) {
                        drop(g);
                        return Err(vm.index_error("bytearray changed size during assignment"));
                    }
                    for (p, x) in pos.zip(data) {
                        g[p] = x;
                    }
                }
            }
            None => {
                let mut pos = crate::types::list::slice_positions(start, stop, step);
                pos.sort_unstable();
                let mut g = b.lock();
                for p in pos.into_iter().rev() {
                    if p < g.len() {
                        g.remove(p);
                    }
                }
            }
        }
        return Ok(());
    }
    let tn = vm.type_name(k);
    Err(vm.type_error(&format!("bytearray indices must be integers or slices, not {tn}")))
}

/// Bytes from a constructor argument: int (zeros), str + encoding, bytes-like, iterable of ints.
fn from_source(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Vec<u8>> {
    let mut src = a.args.get(1).cloned();
    let mut encoding = a.args.get(2).cloned();
    let mut errors = a.args.get(3).cloned();
    for (k, v) in a.kwargs {
        match k.as_str() {
            Some("source") => src = Some(v.clone()),
            Some("encoding") => encoding = Some(v.clone()),
            Some("errors") => errors = Some(v.clone()),
            Some(o) => return Err(vm.type_error(&format!("'{o}' is an invalid keyword argument for {name}()"))),
            None => return Err(vm.type_error("keywords must be strings")),
        }
    }
    let Some(src) = src else { return Ok(Vec::new()) };
    if let Some(s) = src.as_str() {
        let Some(enc) = encoding else { return Err(vm.type_error("string argument without an encoding")) };
        let enc = enc.as_str().unwrap_or("utf-8").to_string();
        let err = errors.as_ref().and_then(|e| e.as_str()).unwrap_or("strict").to_string();
        let s = s.to_string();
        return encode(vm, &s, &enc, &err);
    }
    if encoding.is_some() {
        return Err(vm.type_error("encoding without a string argument"));
    }
    if crate::ops::is_int(&src) {
        let n = crate::types::int::to_i64(&src).unwrap_or(i64::MAX);
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        let mut v = crate::alloc::try_vec(vm, n as usize)?;
        v.resize(n as usize, 0);
        return Ok(v);
    }
    if let Some(b) = bytes_like(&src) {
        return Ok(b);
    }
    if let Some(r) = vm.call_special(&src, "__bytes__", &[])? {
        return bytes_like(&r).ok_or_else(|| vm.type_error("__bytes__ returned non-bytes"));
    }
    let items = match vm.collect(&src) {
        Ok(i) => i,
        Err(e) if vm.is_instance_of(&e, &types().exc.type_error.clone()) => {
            let tn = vm.type_name(&src);
            return Err(vm.type_error(&format!("cannot convert '{tn}' object to {name}")));
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::with_capacity(items.len());
    for x in items {
        match byte_value(vm, &x) {
            Ok(b) => out.push(b),
            // CPython words it per type: "bytes must be ..." but "byte must be ..." for bytearray.
            Err(e) if name == "bytes" && vm.is_instance_of(&e, &types().exc.value_error.clone()) => return Err(vm.value_error("bytes must be in range(0, 256)")),
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

fn bytes_new(vm: &mut Vm, a: Args) -> PyResult {
    let cls = match a.args.first() {
        Some(Value::Obj(c)) if c.as_type().is_some() => c.clone(),
        _ => return Err(vm.type_error("bytes.__new__(X): X is not a type object")),
    };
    let b = from_source(vm, &a, "bytes")?;
    if cls.is(&types().bytes) {
        return Ok(new_bytes(b));
    }
    Ok(Value::Obj(crate::types::new_object(&cls, Payload::Bytes(b.into_boxed_slice()))))
}

fn bytearray_new(vm: &mut Vm, a: Args) -> PyResult {
    let cls = match a.args.first() {
        Some(Value::Obj(c)) if c.as_type().is_some() => c.clone(),
        _ => return Err(vm.type_error("bytearray.__new__(X): X is not a type object")),
    };
    if cls.is(&types().bytearray) {
        return Ok(new_bytearray(Vec::new()));
    }
    Ok(Value::Obj(crate::types::new_object(&cls, Payload::ByteArray(PyCell::new(Vec::new())))))
}

fn bytearray_init(vm: &mut Vm, a: Args) -> PyResult {
    let b = from_source(vm, &a, "bytearray")?;
    let Value::Obj(o) = &a.args[0] else { return Err(vm.type_error("descriptor requires a 'bytearray' object")) };
    let Payload::ByteArray(cell) = &o.payload else { return Err(vm.type_error("descriptor requires a 'bytearray' object")) };
    *cell.lock() = b;
    Ok(Value::None)
}

pub(crate) fn me(vm: &mut Vm, a: &Args) -> PyResult<Vec<u8>> {
    match bytes_like(&a.args[0]) {
        Some(b) => Ok(b),
        None => Err(vm.type_error("descriptor requires a 'bytes' object")),
    }
}

pub(crate) fn arg_bytes(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match bytes_like(v) {
        Some(b) => Ok(b),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

fn b_repr(vm: &mut Vm, a: Args) -> PyResult {
    let b = me(vm, &a)?;
    let r = bytes_repr(&b);
    let s = if is_bytearray(&a.args[0]) { format!("bytearray({r})") } else { r };
    Ok(vm.new_string(s))
}

fn b_len(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Int(me(vm, &a)?.len() as i64))
}

fn b_getitem(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    crate::types::list::seq_getitem(vm, &a.args[0], &a.args[1])
}

fn b_hash(vm: &mut Vm, a: Args) -> PyResult {
    let b = me(vm, &a)?;
    // As CPython: the same SipHash as str (so b'abc' and 'abc' hash alike).
    Ok(Value::Int(crate::object::str::hash_bytes(&b)))
}

fn b_decode(vm: &mut Vm, a: Args) -> PyResult {
    let b = me(vm, &a)?;
    let enc = a.args.get(1).or_else(|| a.kw("encoding")).and_then(|v| v.as_str()).unwrap_or("utf-8").to_string();
    let errors = a.args.get(2).or_else(|| a.kw("errors")).and_then(|v| v.as_str()).unwrap_or("strict").to_string();
    let s = decode(vm, &b, &enc, &errors)?;
    Ok(vm.new_string(s))
}


fn parse_hex(vm: &mut Vm, s: &str) -> PyResult<Vec<u8>> {
    let mut out = Vec::new();
    let cs: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < cs.len() {
        if cs[i].is_whitespace() {
            i += 1;
            continue;
        }
        let hi = cs[i].to_digit(16);
        let lo = cs.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => {
                let pos = if hi.is_none() { i } else { i + 1 };
                return Err(vm.value_error(&format!("non-hexadecimal number found in fromhex() arg at position {pos}")));
            }
        }
        i += 2;
    }
    Ok(out)
}

fn b_fromhex(vm: &mut Vm, a: Args) -> PyResult {
    let cls = a.args[0].clone();
    let Some(s) = a.args.get(1).and_then(|v| v.as_str()).map(|s| s.to_string()) else { return Err(vm.type_error("fromhex() argument must be str")) };
    let b = parse_hex(vm, &s)?;
    match &cls {
        Value::Obj(c) if c.is(&types().bytearray) => Ok(new_bytearray(b)),
        Value::Obj(c) if c.is(&types().bytes) => Ok(new_bytes(b)),
        _ => {
            let v = new_bytes(b);
            vm.call(&cls, &[v], &[])
        }
    }
}

fn b_join(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    let sep = me(vm, &a)?;
    let items = vm.collect(&a.args[1])?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match bytes_like(it) {
            Some(b) => out.extend_from_slice(&b),
            None => {
                let tn = vm.type_name(it);
                return Err(vm.type_error(&format!("sequence item {i}: expected a bytes-like object, {tn} found")));
            }
        }
    }
    Ok(same_kind(&a.args[0], out))
}


fn strip_impl(vm: &mut Vm, a: &Args, left: bool, right: bool) -> PyResult {
    let b = me(vm, a)?;
    let chars: Vec<u8> = match a.args.get(1) {
        None | Some(Value::None) => b" \t\n\r\x0b\x0c".to_vec(),
        Some(v) => arg_bytes(vm, v)?,
    };
    let mut s = 0;
    let mut e = b.len();
    if left {
        while s < e && chars.contains(&b[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && chars.contains(&b[e - 1]) {
            e -= 1;
        }
    }
    Ok(same_kind(&a.args[0], b[s..e].to_vec()))
}

fn b_strip(vm: &mut Vm, a: Args) -> PyResult {
    strip_impl(vm, &a, true, true)
}
fn b_lstrip(vm: &mut Vm, a: Args) -> PyResult {
    strip_impl(vm, &a, true, false)
}
fn b_rstrip(vm: &mut Vm, a: Args) -> PyResult {
    strip_impl(vm, &a, false, true)
}



fn needle(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if crate::ops::is_int(v) {
        return Ok(vec![byte_value(vm, v)?]);
    }
    arg_bytes(vm, v)
}

/// The `[start:end]` window of find/index/count (slice semantics), or None when empty-inverted.
pub(crate) fn window(vm: &mut Vm, len: usize, start: Option<&Value>, end: Option<&Value>) -> PyResult<Option<(usize, usize)>> {
    let n = len as i64;
    let mut conv = |v: Option<&Value>, default: i64, clip: bool| -> PyResult<i64> {
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
    // As CPython's ADJUST_INDICES: only `end` is clipped to the length.
    let s = conv(start, 0, false)?;
    let e = conv(end, n, true)?;
    if s > e {
        return Ok(None);
    }
    Ok(Some((s as usize, e as usize)))
}

/// Shared body of find/rfind/index/rindex: the absolute position of the needle, if found.
fn find_in(vm: &mut Vm, a: &Args, name: &str, rev: bool) -> PyResult<Option<i64>> {
    if a.args.len() < 2 || a.args.len() > 4 {
        let n = a.args.len().saturating_sub(1);
        let msg = if n < 1 { format!("{name} expected at least 1 argument, got 0") } else { format!("{name} expected at most 3 arguments, got {n}") };
        return Err(vm.type_error(&msg));
    }
    let n = needle(vm, &a.args[1])?;
    let Some(len) = with_bytes(&a.args[0], |b| b.len()) else { return Err(vm.type_error("descriptor requires a 'bytes' object")) };
    let Some((s, e)) = window(vm, len, a.args.get(2), a.args.get(3))? else { return Ok(None) };
    let r = with_bytes(&a.args[0], |b| {
        // The window was computed from the length before; a bytearray may have shrunk since.
        let hay = &b[s.min(b.len())..e.min(b.len())];
        if rev {
            rfind_sub(hay, &n)
        } else {
            find_sub(hay, &n, 0)
        }
    })
    .flatten();
    Ok(r.map(|i| (i + s) as i64))
}

fn b_find(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Int(find_in(vm, &a, "find", false)?.unwrap_or(-1)))
}

fn b_rfind(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Int(find_in(vm, &a, "rfind", true)?.unwrap_or(-1)))
}

fn b_index(vm: &mut Vm, a: Args) -> PyResult {
    match find_in(vm, &a, "index", false)? {
        Some(i) => Ok(Value::Int(i)),
        None => Err(vm.value_error("subsection not found")),
    }
}

fn b_rindex(vm: &mut Vm, a: Args) -> PyResult {
    match find_in(vm, &a, "rindex", true)? {
        Some(i) => Ok(Value::Int(i)),
        None => Err(vm.value_error("subsection not found")),
    }
}

fn b_count(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    let b = me(vm, &a)?;
    let n = needle(vm, &a.args[1])?;
    let Some((s, e)) = window(vm, b.len(), a.args.get(2), a.args.get(3))? else { return Ok(Value::Int(0)) };
    let b = &b[s..e];
    if n.is_empty() {
        return Ok(Value::Int(b.len() as i64 + 1));
    }
    let mut c = 0;
    let mut from = 0;
    while let Some(p) = find_sub(b, &n, from) {
        c += 1;
        from = p + n.len();
    }
    Ok(Value::Int(c))
}

fn b_replace(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::check_positional(vm, &a, 1, "replace", 2, 3)?;
    let b = me(vm, &a)?;
    let old = arg_bytes(vm, &a.args[1])?;
    let new = arg_bytes(vm, &a.args[2])?;
    let count = match a.args.get(3) {
        Some(c) => crate::types::int::as_ssize(vm, c)?,
        None => -1,
    };
    let mut out = Vec::new();
    let mut from = 0;
    let mut n = 0;
    if old.is_empty() {
        for (i, &x) in b.iter().enumerate() {
            if count < 0 || n < count {
                out.extend_from_slice(&new);
                n += 1;
            }
            out.push(x);
            let _ = i;
        }
        if count < 0 || n < count {
            out.extend_from_slice(&new);
        }
        return Ok(same_kind(&a.args[0], out));
    }
    while let Some(p) = find_sub(&b, &old, from) {
        if count >= 0 && n >= count {
            break;
        }
        out.extend_from_slice(&b[from..p]);
        out.extend_from_slice(&new);
        from = p + old.len();
        n += 1;
    }
    out.extend_from_slice(&b[from..]);
    Ok(same_kind(&a.args[0], out))
}

fn b_upper(vm: &mut Vm, a: Args) -> PyResult {
    let b = me(vm, &a)?;
    Ok(same_kind(&a.args[0], b.to_ascii_uppercase()))
}
fn b_lower(vm: &mut Vm, a: Args) -> PyResult {
    let b = me(vm, &a)?;
    Ok(same_kind(&a.args[0], b.to_ascii_lowercase()))
}

fn bpred(vm: &mut Vm, a: &Args, f: fn(&u8) -> bool) -> PyResult {
    let b = me(vm, a)?;
    Ok(Value::Bool(!b.is_empty() && b.iter().all(f)))
}
fn b_isdigit(vm: &mut Vm, a: Args) -> PyResult {
    bpred(vm, &a, u8::is_ascii_digit)
}
fn b_isalpha(vm: &mut Vm, a: Args) -> PyResult {
    bpred(vm, &a, u8::is_ascii_alphabetic)
}
fn b_isalnum(vm: &mut Vm, a: Args) -> PyResult {
    bpred(vm, &a, u8::is_ascii_alphanumeric)
}

fn b_getnewargs(vm: &mut Vm, a: Args) -> PyResult {
    let b = me(vm, &a)?;
    Ok(crate::types::tuple::new_tuple(vec![new_bytes(b)]))
}

fn b_reduce(vm: &mut Vm, a: Args) -> PyResult {
    let b = me(vm, &a)?;
    let cls = Value::Obj(crate::types::type_of(&a.args[0]).clone());
    if is_bytearray(&a.args[0]) {
        // bytearray(b'...') round-trips through the bytes constructor argument.
        return Ok(crate::types::tuple::new_tuple(vec![cls, crate::types::tuple::new_tuple(vec![new_bytes(b)])]));
    }
    Ok(crate::types::tuple::new_tuple(vec![cls, crate::types::tuple::new_tuple(vec![new_bytes(b)])]))
}

// ----- bytearray mutation -----

pub(crate) fn ba_cell<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyCell<Vec<u8>>> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::ByteArray(c) => Ok(c),
            _ => Err(vm.type_error("descriptor requires a 'bytearray' object")),
        },
        _ => Err(vm.type_error("descriptor requires a 'bytearray' object")),
    }
}

fn ba_append(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    let x = byte_value(vm, &a.args[1])?;
    ba_cell(vm, &a.args[0])?.lock().push(x);
    Ok(Value::None)
}

fn ba_extend(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    let data = match bytes_like(&a.args[1]) {
        Some(d) => d,
        None => {
            let mut out = Vec::new();
            for x in vm.collect(&a.args[1])? {
                out.push(byte_value(vm, &x)?);
            }
            out
        }
    };
    ba_cell(vm, &a.args[0])?.lock().extend_from_slice(&data);
    Ok(Value::None)
}

fn ba_pop(vm: &mut Vm, a: Args) -> PyResult {
    let c = ba_cell(vm, &a.args[0])?;
    let len = c.lock().len() as i64;
    if len == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let i = a.args.get(1).and_then(crate::types::int::to_i64).unwrap_or(-1);
    let idx = if i < 0 { i + len } else { i };
    if idx < 0 || idx >= len {
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(Value::Int(c.lock().remove(idx as usize) as i64))
}

fn ba_clear(vm: &mut Vm, a: Args) -> PyResult {
    ba_cell(vm, &a.args[0])?.lock().clear();
    Ok(Value::None)
}

fn ba_copy(vm: &mut Vm, a: Args) -> PyResult {
    let b = me(vm, &a)?;
    Ok(new_bytearray(b))
}

fn ba_setitem(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 2)?;
    let c = ba_cell(vm, &a.args[0])?;
    bytearray_setitem(vm, c, &a.args[1], Some(a.args[2].clone()))?;
    Ok(Value::None)
}

fn ba_delitem(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    let c = ba_cell(vm, &a.args[0])?;
    bytearray_setitem(vm, c, &a.args[1], None)?;
    Ok(Value::None)
}

pub fn init(t: &BuiltinTypes) {
    add_staticmethod(&t.bytes, "__new__", bytes_new);
    add_staticmethod(&t.bytearray, "__new__", bytearray_new);
    add_methods(&t.bytearray, &[("__init__", bytearray_init)]);
    for ty in [&t.bytes, &t.bytearray] {
        add_classmethod(ty, "fromhex", b_fromhex);
        add_methods(
            ty,
            &[
                ("__repr__", b_repr),
                ("__len__", b_len),
                ("__getitem__", b_getitem),
                ("decode", b_decode),
                ("join", b_join),
                ("strip", b_strip),
                ("lstrip", b_lstrip),
                ("rstrip", b_rstrip),
                ("find", b_find),
                ("rfind", b_rfind),
                ("index", b_index),
                ("rindex", b_rindex),
                ("count", b_count),
                ("replace", b_replace),
                ("upper", b_upper),
                ("lower", b_lower),
                ("isdigit", b_isdigit),
                ("isalpha", b_isalpha),
                ("isalnum", b_isalnum),
                ("__reduce__", b_reduce),
            ],
        );
    }
    add_methods(&t.bytes, &[("__hash__", b_hash), ("__getnewargs__", b_getnewargs), ("__iter__", bytes_dunder_iter)]);
    add_methods(&t.bytearray, &[("__iter__", bytearray_dunder_iter)]);
    add_methods(
        &t.bytearray,
        &[("append", ba_append), ("extend", ba_extend), ("pop", ba_pop), ("clear", ba_clear), ("copy", ba_copy), ("__setitem__", ba_setitem), ("__delitem__", ba_delitem)],
    );
}

fn bytes_dunder_iter(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::iters::dunder_iter(vm, &a, "bytes")
}

fn bytearray_dunder_iter(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::iters::dunder_iter(vm, &a, "bytearray")
}
