//! `_binascii`: the native core of `lib/binascii.py` — base64, hex, CRC-32 and CRC-CCITT
//! conversions with CPython 3.11's argument rules and `binascii.Error` messages (the
//! exception classes live in `lib/binascii.py`).

use crate::object::{ObjRef, Payload};
use crate::stdlib::module_with;
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyErr, PyResult};

/// `binascii.Error(msg)` as a raised error.
fn error(vm: &mut Vm, msg: &str) -> PyErr {
    let cls = match crate::import::import_simple(vm, "binascii").and_then(|m| vm.get_attr_str(&m, "Error")) {
        Ok(c) => c,
        Err(e) => return e,
    };
    let m = vm.new_str(msg);
    match vm.call(&cls, &[m], &[]) {
        Ok(Value::Obj(o)) if matches!(o.payload, Payload::Exception(_)) => PyErr(o),
        Ok(_) => vm.type_error("binascii.Error did not make an exception"),
        Err(e) => e,
    }
}

/// A bytes-like argument (bytes, bytearray), copied.
fn bytes_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match crate::types::bytes::bytes_like(v) {
        Some(b) => Ok(b),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

/// An argument of the a2b_* functions: bytes-like, or a str of ASCII characters.
fn ascii_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = v.as_str() {
        if !s.is_ascii() {
            return Err(vm.value_error("string argument should contain only ASCII characters"));
        }
        return Ok(s.as_bytes().to_vec());
    }
    match crate::types::bytes::bytes_like(v) {
        Some(b) => Ok(b),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("argument should be bytes, buffer or ASCII string, not '{tn}'")))
        }
    }
}

/// Positional-or-keyword arguments: `names[i]` from position i or the keywords.
fn bind(vm: &mut Vm, a: &Args, fname: &str, names: &[&str], required: usize) -> PyResult<Vec<Option<Value>>> {
    let mut out: Vec<Option<Value>> = vec![None; names.len()];
    if a.args.len() > names.len() {
        return Err(vm.type_error(&format!("{fname}() takes at most {} arguments ({} given)", names.len(), a.args.len())));
    }
    for (i, v) in a.args.iter().enumerate() {
        out[i] = Some(v.clone());
    }
    for (k, v) in a.kwargs {
        let Some(k) = k.as_str() else { return Err(vm.type_error("keywords must be strings")) };
        match names.iter().position(|n| *n == k) {
            Some(i) if out[i].is_none() => out[i] = Some(v.clone()),
            Some(_) => return Err(vm.type_error(&format!("argument for {fname}() given by name ('{k}') and position ({})", names.iter().position(|n| *n == k).unwrap_or(0) + 1))),
            None => {
                let k = k.to_string();
                return Err(vm.type_error(&format!("{fname}() got an unexpected keyword argument '{k}'")));
            }
        }
    }
    for (i, n) in names.iter().enumerate().take(required) {
        if out[i].is_none() {
            return Err(vm.type_error(&format!("{fname}() missing required argument '{n}' (pos {})", i + 1)));
        }
    }
    Ok(out)
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b64_value(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

fn b2a_base64(vm: &mut Vm, a: Args) -> PyResult {
    let v = bind(vm, &a, "b2a_base64", &["data", "newline"], 1)?;
    let data = bytes_arg(vm, v[0].as_ref().unwrap_or(&Value::None))?;
    let newline = match &v[1] {
        Some(x) => vm.truthy(x)?,
        None => true,
    };
    let mut out: Vec<u8> = crate::alloc::try_vec(vm, data.len().div_ceil(3) * 4 + 1)?;
    for chunk in data.chunks(3) {
        let b0 = chunk[0] as u32;
        let b1 = chunk.get(1).copied().unwrap_or(0) as u32;
        let b2 = chunk.get(2).copied().unwrap_or(0) as u32;
        let n = (b0 << 16) | (b1 << 8) | b2;
        out.push(B64[(n >> 18) as usize & 63]);
        out.push(B64[(n >> 12) as usize & 63]);
        out.push(if chunk.len() > 1 { B64[(n >> 6) as usize & 63] } else { b'=' });
        out.push(if chunk.len() > 2 { B64[n as usize & 63] } else { b'=' });
    }
    if newline {
        out.push(b'\n');
    }
    Ok(crate::types::bytes::new_bytes(out))
}

fn a2b_base64(vm: &mut Vm, a: Args) -> PyResult {
    let v = bind(vm, &a, "a2b_base64", &["data", "strict_mode"], 1)?;
    let data = ascii_arg(vm, v[0].as_ref().unwrap_or(&Value::None))?;
    let strict = match &v[1] {
        Some(x) => vm.truthy(x)?,
        None => false,
    };
    let mut out: Vec<u8> = Vec::with_capacity(data.len() / 4 * 3 + 3);
    let mut quad_pos = 0;
    let mut leftchar: u32 = 0;
    let mut pads = 0;
    let mut padding_started = false;
    if strict && data.first() == Some(&b'=') {
        return Err(error(vm, "Leading padding not allowed"));
    }
    let mut done = false;
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            padding_started = true;
            if quad_pos >= 2 {
                pads += 1;
                if quad_pos + pads >= 4 {
                    if strict && i + 1 < data.len() {
                        return Err(error(vm, "Excess data after padding"));
                    }
                    done = true;
                    break;
                }
            }
            continue;
        }
        let Some(ch) = b64_value(c) else {
            if strict {
                return Err(error(vm, "Only base64 data is allowed"));
            }
            continue;
        };
        if strict && padding_started {
            return Err(error(vm, "Discontinuous padding not allowed"));
        }
        pads = 0;
        let ch = ch as u32;
        match quad_pos {
            0 => {
                quad_pos = 1;
                leftchar = ch;
            }
            1 => {
                quad_pos = 2;
                out.push(((leftchar << 2) | (ch >> 4)) as u8);
                leftchar = ch & 0x0f;
            }
            2 => {
                quad_pos = 3;
                out.push(((leftchar << 4) | (ch >> 2)) as u8);
                leftchar = ch & 0x03;
            }
            _ => {
                quad_pos = 0;
                out.push(((leftchar << 6) | ch) as u8);
                leftchar = 0;
            }
        }
    }
    if !done && quad_pos != 0 {
        if quad_pos == 1 {
            let n = out.len() / 3 * 4 + 1;
            return Err(error(vm, &format!("Invalid base64-encoded string: number of data characters ({n}) cannot be 1 more than a multiple of 4")));
        }
        return Err(error(vm, "Incorrect padding"));
    }
    Ok(crate::types::bytes::new_bytes(out))
}

fn hexlify_impl(vm: &mut Vm, a: Args, fname: &str) -> PyResult {
    let v = bind(vm, &a, fname, &["data", "sep", "bytes_per_sep"], 1)?;
    let data = bytes_arg(vm, v[0].as_ref().unwrap_or(&Value::None))?;
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let sep: Option<u8> = match &v[1] {
        None | Some(Value::None) => None,
        Some(s) => {
            let b = if let Some(t) = s.as_str() { t.as_bytes().to_vec() } else { bytes_arg(vm, s)? };
            if b.len() != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            if !b[0].is_ascii() {
                return Err(vm.value_error("sep must be ASCII."));
            }
            Some(b[0])
        }
    };
    let per: i64 = match &v[2] {
        None => 1,
        Some(x) => crate::ops::index_value(vm, x).ok().and_then(|b| num_traits::ToPrimitive::to_i64(&b)).unwrap_or(1),
    };
    let mut out: Vec<u8> = crate::alloc::try_vec(vm, data.len() * 3)?;
    match sep {
        Some(sc) if per != 0 && !data.is_empty() => {
            let group = per.unsigned_abs() as usize;
            let n = data.len();
            for (i, &b) in data.iter().enumerate() {
                // Groups are counted from the right for a positive bytes_per_sep.
                let boundary = if per > 0 { i > 0 && (n - i) % group == 0 } else { i > 0 && i % group == 0 };
                if boundary {
                    out.push(sc);
                }
                out.push(HEX[(b >> 4) as usize]);
                out.push(HEX[(b & 15) as usize]);
            }
        }
        _ => {
            for &b in &data {
                out.push(HEX[(b >> 4) as usize]);
                out.push(HEX[(b & 15) as usize]);
            }
        }
    }
    Ok(crate::types::bytes::new_bytes(out))
}

fn hexlify(vm: &mut Vm, a: Args) -> PyResult {
    hexlify_impl(vm, a, "hexlify")
}

fn b2a_hex(vm: &mut Vm, a: Args) -> PyResult {
    hexlify_impl(vm, a, "b2a_hex")
}

fn unhexlify_impl(vm: &mut Vm, a: Args, fname: &str) -> PyResult {
    let v = bind(vm, &a, fname, &["hexstr"], 1)?;
    let data = ascii_arg(vm, v[0].as_ref().unwrap_or(&Value::None))?;
    if data.len() % 2 != 0 {
        return Err(error(vm, "Odd-length string"));
    }
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks(2) {
        let hi = (pair[0] as char).to_digit(16);
        let lo = (pair[1] as char).to_digit(16);
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => return Err(error(vm, "Non-hexadecimal digit found")),
        }
    }
    Ok(crate::types::bytes::new_bytes(out))
}

fn unhexlify(vm: &mut Vm, a: Args) -> PyResult {
    unhexlify_impl(vm, a, "unhexlify")
}

fn a2b_hex(vm: &mut Vm, a: Args) -> PyResult {
    unhexlify_impl(vm, a, "a2b_hex")
}

fn crc32_table() -> [u32; 256] {
    let mut t = [0u32; 256];
    for (i, e) in t.iter_mut().enumerate() {
        let mut c = i as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
        }
        *e = c;
    }
    t
}

fn crc32(vm: &mut Vm, a: Args) -> PyResult {
    let v = bind(vm, &a, "crc32", &["data", "crc"], 1)?;
    let data = bytes_arg(vm, v[0].as_ref().unwrap_or(&Value::None))?;
    let start: u32 = match &v[1] {
        None => 0,
        Some(x) => {
            let b = crate::ops::index_value(vm, x)?;
            let m: num_bigint::BigInt = b & num_bigint::BigInt::from(0xFFFF_FFFFu64);
            num_traits::ToPrimitive::to_u32(&m).unwrap_or(0)
        }
    };
    let table = crc32_table();
    let mut c = !start;
    for &b in &data {
        c = table[((c ^ b as u32) & 0xff) as usize] ^ (c >> 8);
    }
    Ok(Value::Int((!c) as i64))
}

fn crc_hqx(vm: &mut Vm, a: Args) -> PyResult {
    let v = bind(vm, &a, "crc_hqx", &["data", "crc"], 2)?;
    let data = bytes_arg(vm, v[0].as_ref().unwrap_or(&Value::None))?;
    let b = crate::ops::index_value(vm, v[1].as_ref().unwrap_or(&Value::Int(0)))?;
    let m: num_bigint::BigInt = b & num_bigint::BigInt::from(0xFFFFu32);
    let mut crc: u32 = num_traits::ToPrimitive::to_u32(&m).unwrap_or(0);
    for &byte in &data {
        crc ^= (byte as u32) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 { (crc << 1) ^ 0x1021 } else { crc << 1 };
            crc &= 0xFFFF;
        }
    }
    Ok(Value::Int(crc as i64))
}

pub fn create(vm: &mut Vm) -> ObjRef {
    module_with(
        vm,
        "_binascii",
        &[
            ("b2a_base64", b2a_base64),
            ("a2b_base64", a2b_base64),
            ("hexlify", hexlify),
            ("b2a_hex", b2a_hex),
            ("unhexlify", unhexlify),
            ("a2b_hex", a2b_hex),
            ("crc32", crc32),
            ("crc_hqx", crc_hqx),
        ],
    )
}
