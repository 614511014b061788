//! The text-like methods `bytes` and `bytearray` share with `str` (justification, case,
//! partition, splitlines, translate, ...) with CPython's ASCII-only rules and messages, and
//! the `bytearray` mutators beyond `append`/`extend`/`pop`.

use crate::types::bytes::{arg_bytes, byte_value, find_sub, is_bytearray, me, new_bytes, rfind_sub, same_kind, window};
use crate::types::{add_methods, add_staticmethod, BuiltinTypes};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};

/// Python's `Py_ISSPACE` for bytes: space, \t, \n, \v, \f, \r.
pub fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

fn nargs(vm: &mut Vm, a: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    let n = a.args.len().saturating_sub(1);
    if n < min || n > max {
        let msg = if min == max {
            match min {
                0 => format!("{name}() takes no arguments ({n} given)"),
                1 => format!("{name}() takes exactly one argument ({n} given)"),
                _ => format!("{name} expected {min} arguments, got {n}"),
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

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let b = crate::ops::index_value(vm, v)?;
    use num_traits::ToPrimitive;
    match b.to_i64() {
        Some(i) => Ok(i),
        None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

// ----- justification -----

fn fill_byte(vm: &mut Vm, a: &Args, name: &str) -> PyResult<u8> {
    match a.args.get(2) {
        None => Ok(b' '),
        Some(v) => match crate::types::bytes::bytes_like(v) {
            Some(b) if b.len() == 1 && v.as_str().is_none() => Ok(b[0]),
            _ => {
                let tn = vm.type_name(v);
                Err(vm.type_error(&format!("{name}() argument 2 must be a byte string of length 1, not {tn}")))
            }
        },
    }
}

fn justify(vm: &mut Vm, a: &Args, name: &str, kind: u8) -> PyResult {
    nargs(vm, a, name, 1, 2)?;
    let b = me(vm, a)?;
    let w = int_arg(vm, &a.args[1])?;
    let fill = fill_byte(vm, a, name)?;
    let n = b.len() as i64;
    if w <= n {
        if !is_bytearray(&a.args[0]) && matches!(&a.args[0], Value::Obj(o) if o.cls_data().builtin) {
            return Ok(a.args[0].clone());
        }
        return Ok(same_kind(&a.args[0], b));
    }
    let total = (w - n) as usize;
    let (left, right) = match kind {
        0 => (0, total),
        1 => (total, 0),
        _ => {
            let left = total / 2 + (total & w as usize & 1);
            (left, total - left)
        }
    };
    let mut out = crate::alloc::try_vec(vm, w as usize)?;
    out.extend(std::iter::repeat_n(fill, left));
    out.extend_from_slice(&b);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(same_kind(&a.args[0], out))
}

fn b_center(vm: &mut Vm, a: Args) -> PyResult {
    justify(vm, &a, "center", 2)
}
fn b_ljust(vm: &mut Vm, a: Args) -> PyResult {
    justify(vm, &a, "ljust", 0)
}
fn b_rjust(vm: &mut Vm, a: Args) -> PyResult {
    justify(vm, &a, "rjust", 1)
}

fn b_zfill(vm: &mut Vm, a: Args) -> PyResult {
    nargs(vm, &a, "zfill", 1, 1)?;
    let b = me(vm, &a)?;
    let w = int_arg(vm, &a.args[1])?;
    if w <= b.len() as i64 {
        return Ok(same_kind(&a.args[0], b));
    }
    let fill = w as usize - b.len();
    let mut out = crate::alloc::try_vec(vm, w as usize)?;
    let signed = matches!(b.first(), Some(b'+' | b'-'));
    if signed {
        out.push(b[0]);
    }
    out.extend(std::iter::repeat_n(b'0', fill));
    out.extend_from_slice(if signed { &b[1..] } else { &b });
    Ok(same_kind(&a.args[0], out))
}

// ----- case -----

fn map_bytes(vm: &mut Vm, a: &Args, name: &str, f: fn(&[u8]) -> Vec<u8>) -> PyResult {
    nargs(vm, a, name, 0, 0)?;
    let b = me(vm, a)?;
    Ok(same_kind(&a.args[0], f(&b)))
}

fn b_capitalize(vm: &mut Vm, a: Args) -> PyResult {
    map_bytes(vm, &a, "capitalize", |b| b.iter().enumerate().map(|(i, c)| if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }).collect())
}
fn b_swapcase(vm: &mut Vm, a: Args) -> PyResult {
    map_bytes(vm, &a, "swapcase", |b| b.iter().map(|c| if c.is_ascii_uppercase() { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() }).collect())
}
fn b_title(vm: &mut Vm, a: Args) -> PyResult {
    map_bytes(vm, &a, "title", |b| {
        let mut prev_cased = false;
        b.iter()
            .map(|&c| {
                let r = if prev_cased { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() };
                prev_cased = c.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

fn bool_of(vm: &mut Vm, a: &Args, name: &str, f: fn(&[u8]) -> bool) -> PyResult {
    nargs(vm, a, name, 0, 0)?;
    let b = me(vm, a)?;
    Ok(Value::Bool(f(&b)))
}

fn b_isupper(vm: &mut Vm, a: Args) -> PyResult {
    bool_of(vm, &a, "isupper", |b| b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase))
}
fn b_islower(vm: &mut Vm, a: Args) -> PyResult {
    bool_of(vm, &a, "islower", |b| b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase))
}
fn b_isascii(vm: &mut Vm, a: Args) -> PyResult {
    bool_of(vm, &a, "isascii", |b| b.is_ascii())
}
fn b_istitle(vm: &mut Vm, a: Args) -> PyResult {
    bool_of(vm, &a, "istitle", |b| {
        let (mut prev_cased, mut cased) = (false, false);
        for &c in b {
            if c.is_ascii_uppercase() {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else if c.is_ascii_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else {
                prev_cased = false;
            }
        }
        cased
    })
}
fn b_isspace(vm: &mut Vm, a: Args) -> PyResult {
    bool_of(vm, &a, "isspace", |b| !b.is_empty() && b.iter().all(|&c| is_space(c)))
}

// ----- splitting -----

fn b_expandtabs(vm: &mut Vm, a: Args) -> PyResult {
    let ts = match a.args.get(1).or_else(|| a.kw("tabsize")) {
        Some(v) => int_arg(vm, v)?,
        None => 8,
    };
    let b = me(vm, &a)?;
    let mut out = Vec::with_capacity(b.len());
    let mut col: i64 = 0;
    for &c in &b {
        match c {
            b'\t' => {
                if ts > 0 {
                    let n = ts - col % ts;
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(same_kind(&a.args[0], out))
}

fn partition(vm: &mut Vm, a: &Args, name: &str, rev: bool) -> PyResult {
    nargs(vm, a, name, 1, 1)?;
    let b = me(vm, a)?;
    let sep = arg_bytes(vm, &a.args[1])?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let like = &a.args[0];
    let pos = if rev { rfind_sub(&b, &sep) } else { find_sub(&b, &sep, 0) };
    let parts = match pos {
        Some(p) => vec![b[..p].to_vec(), sep.clone(), b[p + sep.len()..].to_vec()],
        None if rev => vec![Vec::new(), Vec::new(), b],
        None => vec![b, Vec::new(), Vec::new()],
    };
    Ok(crate::types::tuple::new_tuple(parts.into_iter().map(|p| same_kind(like, p)).collect()))
}

fn b_partition(vm: &mut Vm, a: Args) -> PyResult {
    partition(vm, &a, "partition", false)
}
fn b_rpartition(vm: &mut Vm, a: Args) -> PyResult {
    partition(vm, &a, "rpartition", true)
}

fn affix_strip(vm: &mut Vm, a: &Args, name: &str, suffix: bool) -> PyResult {
    nargs(vm, a, name, 1, 1)?;
    let b = me(vm, a)?;
    let p = arg_bytes(vm, &a.args[1])?;
    let r = if suffix { b.strip_suffix(&p[..]) } else { b.strip_prefix(&p[..]) };
    match r {
        Some(r) => Ok(same_kind(&a.args[0], r.to_vec())),
        None if !is_bytearray(&a.args[0]) && matches!(&a.args[0], Value::Obj(o) if o.cls_data().builtin) => Ok(a.args[0].clone()),
        None => Ok(same_kind(&a.args[0], b)),
    }
}
fn b_removeprefix(vm: &mut Vm, a: Args) -> PyResult {
    affix_strip(vm, &a, "removeprefix", false)
}
fn b_removesuffix(vm: &mut Vm, a: Args) -> PyResult {
    affix_strip(vm, &a, "removesuffix", true)
}

/// `(sep, maxsplit)` arguments of split/rsplit.
fn split_args(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(Option<Vec<u8>>, i64)> {
    if a.args.len() > 3 {
        return Err(vm.type_error(&format!("{name}() takes at most 2 arguments ({} given)", a.args.len() - 1)));
    }
    let sep = a.args.get(1).or_else(|| a.kw("sep")).cloned().unwrap_or(Value::None);
    let maxsplit = match a.args.get(2).or_else(|| a.kw("maxsplit")) {
        Some(v) => int_arg(vm, v)?,
        None => -1,
    };
    let sep = if sep.is_none() { None } else { Some(arg_bytes(vm, &sep)?) };
    if sep.as_ref().is_some_and(|s| s.is_empty()) {
        return Err(vm.value_error("empty separator"));
    }
    Ok((sep, maxsplit))
}

/// `bytes.split` (also used by bytes.rs's `split`).
pub fn split_bytes(b: &[u8], sep: Option<&[u8]>, maxsplit: i64) -> Vec<Vec<u8>> {
    let mut parts: Vec<Vec<u8>> = Vec::new();
    match sep {
        None => {
            let n = b.len();
            let mut i = 0;
            while i < n {
                while i < n && is_space(b[i]) {
                    i += 1;
                }
                if i >= n {
                    break;
                }
                if maxsplit >= 0 && parts.len() as i64 >= maxsplit {
                    let mut end = n;
                    while end > i && is_space(b[end - 1]) {
                        end -= 1;
                    }
                    parts.push(b[i..end].to_vec());
                    break;
                }
                let s = i;
                while i < n && !is_space(b[i]) {
                    i += 1;
                }
                parts.push(b[s..i].to_vec());
            }
        }
        Some(sep) => {
            let mut start = 0;
            while let Some(p) = find_sub(b, sep, start) {
                if maxsplit >= 0 && parts.len() as i64 >= maxsplit {
                    break;
                }
                parts.push(b[start..p].to_vec());
                start = p + sep.len();
            }
            parts.push(b[start..].to_vec());
        }
    }
    parts
}

pub fn b_split(vm: &mut Vm, a: Args) -> PyResult {
    let (sep, maxsplit) = split_args(vm, &a, "split")?;
    let b = me(vm, &a)?;
    let parts = split_bytes(&b, sep.as_deref(), maxsplit);
    let like = a.args[0].clone();
    Ok(crate::types::list::new_list(parts.into_iter().map(|p| same_kind(&like, p)).collect()))
}

fn b_rsplit(vm: &mut Vm, a: Args) -> PyResult {
    let (sep, maxsplit) = split_args(vm, &a, "rsplit")?;
    let b = me(vm, &a)?;
    let mut parts: Vec<Vec<u8>> = Vec::new();
    match sep {
        None => {
            let mut i = b.len();
            while i > 0 {
                while i > 0 && is_space(b[i - 1]) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                if maxsplit >= 0 && parts.len() as i64 >= maxsplit {
                    let mut start = 0;
                    while start < i && is_space(b[start]) {
                        start += 1;
                    }
                    parts.push(b[start..i].to_vec());
                    break;
                }
                let e = i;
                while i > 0 && !is_space(b[i - 1]) {
                    i -= 1;
                }
                parts.push(b[i..e].to_vec());
            }
        }
        Some(sep) => {
            let mut end = b.len();
            while let Some(p) = rfind_sub(&b[..end], &sep) {
                if maxsplit >= 0 && parts.len() as i64 >= maxsplit {
                    break;
                }
                parts.push(b[p + sep.len()..end].to_vec());
                end = p;
            }
            parts.push(b[..end].to_vec());
        }
    }
    parts.reverse();
    let like = a.args[0].clone();
    Ok(crate::types::list::new_list(parts.into_iter().map(|p| same_kind(&like, p)).collect()))
}

fn b_splitlines(vm: &mut Vm, a: Args) -> PyResult {
    let keep = match a.args.get(1).or_else(|| a.kw("keepends")) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let b = me(vm, &a)?;
    let mut parts = Vec::new();
    let mut i = 0;
    let n = b.len();
    while i < n {
        let start = i;
        while i < n && b[i] != b'\n' && b[i] != b'\r' {
            i += 1;
        }
        let mut eol = i;
        if i < n {
            if b[i] == b'\r' && i + 1 < n && b[i + 1] == b'\n' {
                i += 2;
            } else {
                i += 1;
            }
            if keep {
                eol = i;
            }
        }
        parts.push(b[start..eol].to_vec());
    }
    let like = a.args[0].clone();
    Ok(crate::types::list::new_list(parts.into_iter().map(|p| same_kind(&like, p)).collect()))
}

// ----- translate -----

fn b_translate(vm: &mut Vm, a: Args) -> PyResult {
    nargs(vm, &a, "translate", 1, 2)?;
    let b = me(vm, &a)?;
    let table = match a.args.get(1) {
        None | Some(Value::None) => None,
        Some(t) => {
            let t = arg_bytes(vm, t)?;
            if t.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let delete = match a.args.get(2).or_else(|| a.kw("delete")) {
        Some(d) => arg_bytes(vm, d)?,
        None => Vec::new(),
    };
    let out: Vec<u8> = b.iter().filter(|c| !delete.contains(c)).map(|&c| table.as_ref().map_or(c, |t| t[c as usize])).collect();
    Ok(same_kind(&a.args[0], out))
}

fn b_maketrans(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() != 2 {
        return Err(vm.type_error(&format!("maketrans expected 2 arguments, got {}", a.args.len())));
    }
    let from = arg_bytes(vm, &a.args[0])?;
    let to = arg_bytes(vm, &a.args[1])?;
    if from.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (f, t) in from.iter().zip(to.iter()) {
        table[*f as usize] = *t;
    }
    Ok(new_bytes(table))
}

// ----- startswith / endswith with bounds -----

fn affix(vm: &mut Vm, a: &Args, name: &str, ends: bool) -> PyResult {
    nargs(vm, a, name, 1, 3)?;
    let b = me(vm, a)?;
    let prefixes: Vec<Vec<u8>> = match crate::types::tuple::tuple_items(&a.args[1]) {
        Some(items) if matches!(&a.args[1], Value::Obj(o) if matches!(o.payload, crate::object::Payload::Tuple(_))) => {
            let items = items.to_vec();
            let mut v = Vec::new();
            for it in &items {
                match crate::types::bytes::bytes_like(it) {
                    Some(p) if it.as_str().is_none() => v.push(p),
                    _ => {
                        let tn = vm.type_name(it);
                        return Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")));
                    }
                }
            }
            v
        }
        _ => match crate::types::bytes::bytes_like(&a.args[1]) {
            Some(p) if a.args[1].as_str().is_none() => vec![p],
            _ => {
                let tn = vm.type_name(&a.args[1]);
                return Err(vm.type_error(&format!("{name} first arg must be bytes or a tuple of bytes, not {tn}")));
            }
        },
    };
    let Some((s, e)) = window(vm, b.len(), a.args.get(2), a.args.get(3))? else { return Ok(Value::Bool(false)) };
    let hay = &b[s..e];
    Ok(Value::Bool(prefixes.iter().any(|p| if ends { hay.ends_with(p) } else { hay.starts_with(p) })))
}
pub fn b_startswith(vm: &mut Vm, a: Args) -> PyResult {
    affix(vm, &a, "startswith", false)
}
pub fn b_endswith(vm: &mut Vm, a: Args) -> PyResult {
    affix(vm, &a, "endswith", true)
}

/// `bytes.hex([sep[, bytes_per_sep]])`: groups counted from the right (positive) or left.
pub fn b_hex(vm: &mut Vm, a: Args) -> PyResult {
    let b = me(vm, &a)?;
    let sep = match a.args.get(1).or_else(|| a.kw("sep")) {
        None => None,
        Some(v) => {
            let s = match v.as_str() {
                Some(s) => s.to_string(),
                None => match crate::types::bytes::bytes_like(v) {
                    Some(b) => String::from_utf8_lossy(&b).into_owned(),
                    None => return Err(vm.type_error("sep must be str or bytes.")),
                },
            };
            if s.chars().count() != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            if !s.is_ascii() {
                return Err(vm.value_error("sep must be ASCII."));
            }
            Some(s)
        }
    };
    let per = match a.args.get(2).or_else(|| a.kw("bytes_per_sep")) {
        Some(v) => int_arg(vm, v)?,
        None => 1,
    };
    let hex: Vec<String> = b.iter().map(|x| format!("{x:02x}")).collect();
    let Some(sep) = sep.filter(|_| per != 0 && !b.is_empty()) else { return Ok(vm.new_string(hex.concat())) };
    let k = per.unsigned_abs() as usize;
    let n = hex.len();
    let mut groups: Vec<String> = Vec::new();
    if per > 0 {
        // Groups of k counted from the right.
        let first = n % k;
        if first > 0 {
            groups.push(hex[..first].concat());
        }
        let mut i = first;
        while i < n {
            groups.push(hex[i..i + k].concat());
            i += k;
        }
    } else {
        let mut i = 0;
        while i < n {
            groups.push(hex[i..(i + k).min(n)].concat());
            i += k;
        }
    }
    Ok(vm.new_string(groups.join(&sep)))
}

// ----- bytearray mutators -----

fn ba_insert(vm: &mut Vm, a: Args) -> PyResult {
    nargs(vm, &a, "insert", 2, 2)?;
    let i = int_arg(vm, &a.args[1])?;
    let x = byte_value(vm, &a.args[2])?;
    let cell = crate::types::bytes::ba_cell(vm, &a.args[0])?;
    let mut g = cell.lock();
    let n = g.len() as i64;
    let idx = if i < 0 { (i + n).max(0) } else { i.min(n) };
    g.insert(idx as usize, x);
    Ok(Value::None)
}

fn ba_remove(vm: &mut Vm, a: Args) -> PyResult {
    nargs(vm, &a, "remove", 1, 1)?;
    let x = byte_value(vm, &a.args[1])?;
    let cell = crate::types::bytes::ba_cell(vm, &a.args[0])?;
    let mut g = cell.lock();
    match g.iter().position(|&c| c == x) {
        Some(p) => {
            g.remove(p);
            Ok(Value::None)
        }
        None => {
            drop(g);
            Err(vm.value_error("value not found in bytearray"))
        }
    }
}

fn ba_reverse(vm: &mut Vm, a: Args) -> PyResult {
    nargs(vm, &a, "reverse", 0, 0)?;
    crate::types::bytes::ba_cell(vm, &a.args[0])?.lock().reverse();
    Ok(Value::None)
}

fn ba_iadd(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    let Some(data) = crate::types::bytes::bytes_like(&a.args[1]).filter(|_| a.args[1].as_str().is_none()) else {
        let tn = vm.type_name(&a.args[1]);
        return Err(vm.type_error(&format!("can't concat {tn} to bytearray")));
    };
    crate::types::bytes::ba_cell(vm, &a.args[0])?.lock().extend_from_slice(&data);
    Ok(a.args[0].clone())
}

fn ba_imul(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    if !crate::ops::is_int(&a.args[1]) && vm.lookup_special(&a.args[1], "__index__").is_none() {
        return Ok(Value::Obj(crate::types::types().not_implemented_obj.clone()));
    }
    let n = int_arg(vm, &a.args[1])?.max(0) as usize;
    let cell = crate::types::bytes::ba_cell(vm, &a.args[0])?;
    let cur = cell.lock().clone();
    let out = crate::alloc::repeat_vec(vm, &cur, n)?;
    *cell.lock() = out;
    Ok(a.args[0].clone())
}

fn ba_alloc(vm: &mut Vm, a: Args) -> PyResult {
    let n = crate::types::bytes::ba_cell(vm, &a.args[0])?.lock().capacity();
    Ok(Value::Int(n.max(1) as i64))
}

pub fn init(t: &BuiltinTypes) {
    for ty in [&t.bytes, &t.bytearray] {
        add_methods(
            ty,
            &[
                ("center", b_center), ("ljust", b_ljust), ("rjust", b_rjust), ("zfill", b_zfill),
                ("capitalize", b_capitalize), ("swapcase", b_swapcase), ("title", b_title),
                ("isupper", b_isupper), ("islower", b_islower), ("isascii", b_isascii), ("istitle", b_istitle), ("isspace", b_isspace),
                ("expandtabs", b_expandtabs), ("partition", b_partition), ("rpartition", b_rpartition),
                ("removeprefix", b_removeprefix), ("removesuffix", b_removesuffix),
                ("split", b_split), ("rsplit", b_rsplit), ("splitlines", b_splitlines), ("translate", b_translate),
                ("startswith", b_startswith), ("endswith", b_endswith), ("hex", b_hex),
            ],
        );
        add_staticmethod(ty, "maketrans", b_maketrans);
    }
    add_methods(&t.bytearray, &[("insert", ba_insert), ("remove", ba_remove), ("reverse", ba_reverse), ("__iadd__", ba_iadd), ("__imul__", ba_imul), ("__alloc__", ba_alloc)]);
}
