//! `_struct`: the native core of `lib/struct.py` — format parsing (byte orders, native
//! sizes and alignment of x86-64 Linux), packing and unpacking of every format character,
//! with CPython 3.11's `struct.error` messages (the class lives in `lib/struct.py`).

use crate::object::{ObjRef, Payload};
use crate::stdlib::module_with;
use crate::types::types;
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyErr, PyResult};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

/// `struct.error(msg)` as a raised error.
fn error(vm: &mut Vm, msg: &str) -> PyErr {
    let cls = match crate::import::import_simple(vm, "struct").and_then(|m| vm.get_attr_str(&m, "error")) {
        Ok(c) => c,
        Err(e) => return e,
    };
    let m = vm.new_str(msg);
    match vm.call(&cls, &[m], &[]) {
        Ok(Value::Obj(o)) if matches!(o.payload, Payload::Exception(_)) => PyErr(o),
        Ok(_) => vm.type_error("struct.error did not make an exception"),
        Err(e) => e,
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Order {
    /// '@': native order, sizes and alignment.
    Native,
    /// '<' and '=' (this machine is little-endian): standard sizes, no alignment.
    Little,
    /// '>' and '!'.
    Big,
}

/// One format item: `code` repeated `count` times (for 's'/'p': one item of `count` bytes).
#[derive(Clone, Copy)]
struct Item {
    code: u8,
    count: usize,
    /// Offset of the first element in the packed data.
    offset: usize,
}

struct Format {
    order: Order,
    items: Vec<Item>,
    size: usize,
    /// Number of Python values packed/unpacked.
    nvalues: usize,
}

fn item_size(order: Order, code: u8) -> Option<usize> {
    Some(match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if order == Order::Native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if order == Order::Native => 8,
        _ => return None,
    })
}

fn parse_format(vm: &mut Vm, fmt: &[u8]) -> PyResult<Format> {
    let (order, mut i) = match fmt.first() {
        Some(b'@') => (Order::Native, 1),
        Some(b'<') | Some(b'=') => (Order::Little, 1),
        Some(b'>') | Some(b'!') => (Order::Big, 1),
        _ => (Order::Native, 0),
    };
    let mut items = Vec::new();
    let mut size: usize = 0;
    let mut nvalues = 0usize;
    while i < fmt.len() {
        let mut c = fmt[i];
        i += 1;
        if c.is_ascii_whitespace() {
            continue;
        }
        let count = if c.is_ascii_digit() {
            let mut n: usize = (c - b'0') as usize;
            while i < fmt.len() && fmt[i].is_ascii_digit() {
                n = match n.checked_mul(10).and_then(|n| n.checked_add((fmt[i] - b'0') as usize)) {
                    Some(n) => n,
                    None => return Err(error(vm, "total struct size too long")),
                };
                i += 1;
            }
            if i >= fmt.len() {
                return Err(error(vm, "repeat count given without format specifier"));
            }
            c = fmt[i];
            i += 1;
            n
        } else {
            1
        };
        let Some(isz) = item_size(order, c) else { return Err(error(vm, "bad char in struct format")) };
        if order == Order::Native && !matches!(c, b'x' | b'c' | b'b' | b'B' | b's' | b'p' | b'?') && !size.is_multiple_of(isz) {
            size += isz - size % isz;
        }
        let offset = size;
        let total = if matches!(c, b's' | b'p') { Some(count) } else { count.checked_mul(isz) };
        size = match total.and_then(|t| size.checked_add(t)) {
            Some(s) if s <= isize::MAX as usize => s,
            _ => return Err(error(vm, "total struct size too long")),
        };
        match c {
            b'x' => {}
            b's' | b'p' => nvalues += 1,
            _ => nvalues += count,
        }
        items.push(Item { code: c, count, offset });
    }
    Ok(Format { order, items, size, nvalues })
}

/// The format argument: str or bytes.
fn format_arg(vm: &mut Vm, v: &Value) -> PyResult<Format> {
    if let Some(s) = v.as_str() {
        let s = s.as_bytes().to_vec();
        return parse_format(vm, &s);
    }
    if let Value::Obj(o) = v {
        if let Payload::Bytes(b) = &o.payload {
            let b = b.to_vec();
            return parse_format(vm, &b);
        }
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(&format!("Struct() argument 1 must be a str or bytes object, not {tn}")))
}

// ----- half floats -----

fn round_half_even(x: f64) -> f64 {
    let f = x.floor();
    let diff = x - f;
    // Up when past the half, or at the half from an odd integer.
    if diff > 0.5 || (diff == 0.5 && f % 2.0 != 0.0) {
        f + 1.0
    } else {
        f
    }
}

/// IEEE 754 binary16 bits of `x`, rounding half to even; None on overflow.
fn f64_to_f16(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    let a = x.abs();
    if a.is_nan() {
        return Some(sign | 0x7e00);
    }
    if a.is_infinite() {
        return Some(sign | 0x7c00);
    }
    if a == 0.0 {
        return Some(sign);
    }
    let e = a.log2().floor() as i32;
    // Correct a log2 rounding at exact powers of two.
    let e = if 2f64.powi(e) > a { e - 1 } else if 2f64.powi(e + 1) <= a { e + 1 } else { e };
    if e < -14 {
        let bits = round_half_even(a * 2f64.powi(24));
        return Some(sign | bits as u16);
    }
    let f = a / 2f64.powi(e);
    let mut m = round_half_even((f - 1.0) * 1024.0) as u32;
    let mut e = e;
    if m == 1024 {
        m = 0;
        e += 1;
    }
    if e > 15 {
        return None;
    }
    Some(sign | (((e + 15) as u16) << 10) | m as u16)
}

fn f16_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let m = (h & 0x3ff) as f64;
    if e == 0 {
        sign * m * 2f64.powi(-24)
    } else if e == 31 {
        if m == 0.0 {
            sign * f64::INFINITY
        } else {
            f64::NAN.copysign(sign)
        }
    } else {
        sign * (1.0 + m / 1024.0) * 2f64.powi(e - 15)
    }
}

// ----- packing -----

fn int_value(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(b) = crate::types::int::to_bigint(v) {
        return Ok(b);
    }
    if let Some(r) = vm.call_special(v, "__index__", &[])? {
        if let Some(b) = crate::types::int::to_bigint(&r) {
            return Ok(b);
        }
    }
    Err(error(vm, "required argument is not an integer"))
}

fn float_value(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = crate::types::float::to_f64(v) {
        if crate::ops::is_int(v) && !f.is_finite() {
            return Err(error(vm, "required argument is not a float"));
        }
        return Ok(f);
    }
    for name in ["__float__", "__index__"] {
        match vm.call_special(v, name, &[]) {
            Ok(Some(r)) => {
                if let Some(f) = crate::types::float::to_f64(&r) {
                    if f.is_finite() || !crate::ops::is_int(&r) {
                        return Ok(f);
                    }
                }
                return Err(error(vm, "required argument is not a float"));
            }
            Ok(None) => {}
            Err(_) => return Err(error(vm, "required argument is not a float")),
        }
    }
    Err(error(vm, "required argument is not a float"))
}

fn range_error(vm: &mut Vm, code: u8, size: usize, unsigned: bool) -> PyErr {
    let bits = size * 8;
    if unsigned {
        let max: u128 = (1u128 << bits) - 1;
        error(vm, &format!("'{}' format requires 0 <= number <= {max}", code as char))
    } else {
        let max: i128 = (1i128 << (bits - 1)) - 1;
        error(vm, &format!("'{}' format requires {} <= number <= {max}", code as char, -max - 1))
    }
}

/// The integer of `v` checked for `code`, as CPython's per-format packers check it, in the
/// two's complement bits to store.
fn pack_int(vm: &mut Vm, order: Order, code: u8, size: usize, v: &Value) -> PyResult<u64> {
    let b = int_value(vm, v)?;
    let unsigned = matches!(code, b'B' | b'H' | b'I' | b'L' | b'Q' | b'N');
    // b/B/h/H (all orders for b/B; native and little-endian for h/H) read a C long first.
    let small_native = matches!(code, b'b' | b'B') || (matches!(code, b'h' | b'H') && order != Order::Big);
    if small_native {
        let Some(x) = b.to_i64() else { return Err(error(vm, "argument out of range")) };
        let (lo, hi, msg) = match code {
            b'b' => (-128, 127, "byte format requires -128 <= number <= 127"),
            b'B' => (0, 255, "ubyte format requires 0 <= number <= 255"),
            b'h' => (-32768, 32767, "short format requires -32768 <= number <= 32767"),
            _ => (0, 65535, "ushort format requires 0 <= number <= 65535"),
        };
        if x < lo || x > hi {
            return Err(error(vm, msg));
        }
        return Ok(x as u64);
    }
    if code == b'P' {
        if let Some(x) = b.to_i64() {
            return Ok(x as u64);
        }
        if let Some(x) = b.to_u64() {
            return Ok(x);
        }
        return Err(error(vm, "argument out of range"));
    }
    if unsigned {
        let Some(x) = b.to_u64() else { return Err(error(vm, "argument out of range")) };
        if size < 8 && x >= 1u64 << (size * 8) {
            return Err(range_error(vm, code, size, true));
        }
        Ok(x)
    } else {
        let Some(x) = b.to_i64() else { return Err(error(vm, "argument out of range")) };
        if size < 8 {
            let max = (1i64 << (size * 8 - 1)) - 1;
            if x < -max - 1 || x > max {
                return Err(range_error(vm, code, size, false));
            }
        }
        Ok(x as u64)
    }
}

fn put(out: &mut [u8], at: usize, bits: u64, size: usize, big: bool) {
    for k in 0..size {
        let byte = (bits >> (8 * k)) as u8;
        let pos = if big { at + size - 1 - k } else { at + k };
        out[pos] = byte;
    }
}

fn pack_values(vm: &mut Vm, f: &Format, values: &[Value], out: &mut [u8]) -> PyResult<()> {
    let big = f.order == Order::Big;
    let mut vi = 0;
    for it in &f.items {
        let size = item_size(f.order, it.code).unwrap_or(1);
        match it.code {
            b'x' => {}
            b's' | b'p' => {
                let v = &values[vi];
                vi += 1;
                let Some(data) = crate::types::bytes::bytes_like(v) else {
                    return Err(error(vm, &format!("argument for '{}' must be a bytes object", it.code as char)));
                };
                let region = &mut out[it.offset..it.offset + it.count];
                if it.code == b's' {
                    let n = data.len().min(it.count);
                    region[..n].copy_from_slice(&data[..n]);
                } else if it.count > 0 {
                    let n = data.len().min(it.count - 1).min(255);
                    region[0] = n as u8;
                    region[1..1 + n].copy_from_slice(&data[..n]);
                }
            }
            _ => {
                for k in 0..it.count {
                    let at = it.offset + k * size;
                    let v = &values[vi];
                    vi += 1;
                    match it.code {
                        b'c' => {
                            let ok = match v {
                                Value::Obj(o) => match &o.payload {
                                    Payload::Bytes(b) if b.len() == 1 => Some(b[0]),
                                    Payload::ByteArray(b) => {
                                        let g = b.lock();
                                        if g.len() == 1 {
                                            Some(g[0])
                                        } else {
                                            None
                                        }
                                    }
                                    _ => None,
                                },
                                _ => None,
                            };
                            let Some(byte) = ok else { return Err(error(vm, "char format requires a bytes object of length 1")) };
                            out[at] = byte;
                        }
                        b'?' => {
                            out[at] = vm.truthy(v)? as u8;
                        }
                        b'e' => {
                            let x = float_value(vm, v)?;
                            let Some(h) = f64_to_f16(x) else {
                                let c = types().exc.overflow_error.clone();
                                return Err(vm.new_exc(&c, "float too large to pack with e format"));
                            };
                            put(out, at, h as u64, 2, big);
                        }
                        b'f' => {
                            let x = float_value(vm, v)?;
                            let y = x as f32;
                            if f.order != Order::Native && y.is_infinite() && x.is_finite() {
                                let c = types().exc.overflow_error.clone();
                                return Err(vm.new_exc(&c, "float too large to pack with f format"));
                            }
                            put(out, at, y.to_bits() as u64, 4, big);
                        }
                        b'd' => {
                            let x = float_value(vm, v)?;
                            put(out, at, x.to_bits(), 8, big);
                        }
                        code => {
                            let bits = pack_int(vm, f.order, code, size, v)?;
                            put(out, at, bits, size, big);
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

fn get(data: &[u8], at: usize, size: usize, big: bool) -> u64 {
    let mut bits = 0u64;
    for k in 0..size {
        let pos = if big { at + k } else { at + size - 1 - k };
        bits = (bits << 8) | data[pos] as u64;
    }
    bits
}

fn unpack_values(vm: &mut Vm, f: &Format, data: &[u8]) -> PyResult<Value> {
    let big = f.order == Order::Big;
    let mut out = Vec::with_capacity(f.nvalues);
    for it in &f.items {
        let size = item_size(f.order, it.code).unwrap_or(1);
        match it.code {
            b'x' => {}
            b's' => out.push(crate::types::bytes::new_bytes(data[it.offset..it.offset + it.count].to_vec())),
            b'p' => {
                let region = &data[it.offset..it.offset + it.count];
                let v = if region.is_empty() {
                    Vec::new()
                } else {
                    let n = (region[0] as usize).min(region.len() - 1);
                    region[1..1 + n].to_vec()
                };
                out.push(crate::types::bytes::new_bytes(v));
            }
            code => {
                for k in 0..it.count {
                    let at = it.offset + k * size;
                    let bits = get(data, at, size, big);
                    let v = match code {
                        b'c' => crate::types::bytes::new_bytes(vec![data[at]]),
                        b'?' => Value::Bool(bits != 0),
                        b'e' => Value::Float(f16_to_f64(bits as u16)),
                        b'f' => Value::Float(f32::from_bits(bits as u32) as f64),
                        b'd' => Value::Float(f64::from_bits(bits)),
                        b'B' | b'H' | b'I' | b'L' | b'Q' | b'N' | b'P' => {
                            if bits > i64::MAX as u64 {
                                crate::types::int::from_bigint(BigInt::from(bits))
                            } else {
                                Value::Int(bits as i64)
                            }
                        }
                        _ => {
                            // Signed: sign-extend from `size` bytes.
                            let shift = 64 - 8 * size as u32;
                            Value::Int(((bits << shift) as i64) >> shift)
                        }
                    };
                    out.push(v);
                }
            }
        }
    }
    let _ = vm;
    Ok(crate::types::tuple::new_tuple(out))
}

/// The bytes of a readable buffer argument (bytes, bytearray).
fn buffer_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match crate::types::bytes::bytes_like(v) {
        Some(b) => Ok(b),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

fn offset_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let b = crate::ops::index_value(vm, v)?;
    match b.to_i64() {
        Some(x) => Ok(x),
        None => {
            let c = types().exc.overflow_error.clone();
            Err(vm.new_exc(&c, "Python int too large to convert to C ssize_t"))
        }
    }
}

// ----- module functions -----

fn calcsize(vm: &mut Vm, a: Args) -> PyResult {
    let Some(fv) = a.args.first() else { return Err(vm.type_error("calcsize() missing required argument 'format' (pos 1)")) };
    if a.args.len() > 1 {
        return Err(vm.type_error(&format!("calcsize() takes exactly one argument ({} given)", a.args.len())));
    }
    let f = format_arg(vm, fv)?;
    Ok(Value::Int(f.size as i64))
}

fn pack(vm: &mut Vm, a: Args) -> PyResult {
    let Some(fv) = a.args.first() else { return Err(vm.type_error("missing format argument")) };
    let f = format_arg(vm, fv)?;
    let values = &a.args[1..];
    if values.len() != f.nvalues {
        return Err(error(vm, &format!("pack expected {} items for packing (got {})", f.nvalues, values.len())));
    }
    let mut out: Vec<u8> = crate::alloc::try_vec(vm, f.size)?;
    out.resize(f.size, 0);
    pack_values(vm, &f, values, &mut out)?;
    Ok(crate::types::bytes::new_bytes(out))
}

fn pack_into(vm: &mut Vm, a: Args) -> PyResult {
    let Some(fv) = a.args.first() else { return Err(vm.type_error("missing format argument")) };
    let f = format_arg(vm, fv)?;
    let rest = &a.args[1..];
    if rest.len() != f.nvalues + 2 {
        let msg = match rest.len() {
            0 => "pack_into expected buffer argument".to_string(),
            1 => "pack_into expected offset argument".to_string(),
            n => format!("pack_into expected {} items for packing (got {})", f.nvalues, n - 2),
        };
        return Err(error(vm, &msg));
    }
    let buf = rest[0].clone();
    let cell_ok = matches!(&buf, Value::Obj(o) if matches!(o.payload, Payload::ByteArray(_)));
    if !cell_ok {
        let tn = vm.type_name(&buf);
        return Err(vm.type_error(&format!("argument must be read-write bytes-like object, not {tn}")));
    }
    let buflen = crate::types::bytes::bytes_like(&buf).map(|b| b.len()).unwrap_or(0) as i64;
    let mut offset = offset_arg(vm, &rest[1])?;
    let size = f.size as i64;
    if offset < 0 {
        if offset + size > 0 {
            return Err(error(vm, &format!("no space to pack {size} bytes at offset {offset}")));
        }
        if offset + buflen < 0 {
            return Err(error(vm, &format!("offset {offset} out of range for {buflen}-byte buffer")));
        }
        offset += buflen;
    }
    if buflen - offset < size {
        return Err(error(vm, &format!("pack_into requires a buffer of at least {} bytes for packing {size} bytes at offset {offset} (actual buffer size is {buflen})", size + offset)));
    }
    // Pack into a scratch area first (packing may run Python code: __index__, __float__).
    let mut tmp: Vec<u8> = crate::alloc::try_vec(vm, f.size)?;
    tmp.resize(f.size, 0);
    pack_values(vm, &f, &rest[2..], &mut tmp)?;
    if let Value::Obj(o) = &buf {
        if let Payload::ByteArray(c) = &o.payload {
            let mut g = c.lock();
            let start = offset as usize;
            // The buffer may have shrunk while Python code ran: re-check.
            if start + tmp.len() > g.len() {
                drop(g);
                return Err(error(vm, "pack_into buffer changed size during packing"));
            }
            g[start..start + tmp.len()].copy_from_slice(&tmp);
        }
    }
    Ok(Value::None)
}

fn unpack(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() != 2 {
        return Err(vm.type_error(&format!("unpack expected 2 arguments, got {}", a.args.len())));
    }
    let f = format_arg(vm, &a.args[0])?;
    let data = buffer_arg(vm, &a.args[1])?;
    if data.len() != f.size {
        return Err(error(vm, &format!("unpack requires a buffer of {} bytes", f.size)));
    }
    unpack_values(vm, &f, &data)
}

fn unpack_from(vm: &mut Vm, a: Args) -> PyResult {
    let mut buffer = a.args.get(1).cloned();
    let mut offset = a.args.get(2).cloned();
    for (k, v) in a.kwargs {
        match k.as_str() {
            Some("buffer") if buffer.is_none() => buffer = Some(v.clone()),
            Some("offset") if offset.is_none() => offset = Some(v.clone()),
            Some(name) => {
                let name = name.to_string();
                return Err(vm.type_error(&format!("unpack_from() got an unexpected keyword argument '{name}'")));
            }
            None => return Err(vm.type_error("keywords must be strings")),
        }
    }
    let Some(fv) = a.args.first() else { return Err(vm.type_error("unpack_from() missing required argument 'format' (pos 1)")) };
    let Some(buffer) = buffer else { return Err(vm.type_error("unpack_from() missing required argument 'buffer' (pos 2)")) };
    if a.args.len() > 3 {
        return Err(vm.type_error(&format!("unpack_from() takes at most 3 arguments ({} given)", a.args.len())));
    }
    let f = format_arg(vm, fv)?;
    let data = buffer_arg(vm, &buffer)?;
    let len = data.len() as i64;
    let mut off = match &offset {
        Some(v) => offset_arg(vm, v)?,
        None => 0,
    };
    if off < 0 {
        if off + len < 0 {
            return Err(error(vm, &format!("offset {off} out of range for {len}-byte buffer")));
        }
        off += len;
    }
    let size = f.size as i64;
    if len - off < size {
        return Err(error(vm, &format!("unpack_from requires a buffer of at least {} bytes for unpacking {size} bytes at offset {off} (actual buffer size is {len})", size + off)));
    }
    let start = off as usize;
    unpack_values(vm, &f, &data[start..start + f.size])
}

/// `iter_unpack(format, buffer)`: the list of tuples (lib/struct.py makes it an iterator).
fn iter_unpack_list(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() != 2 {
        return Err(vm.type_error(&format!("iter_unpack expected 2 arguments, got {}", a.args.len())));
    }
    let f = format_arg(vm, &a.args[0])?;
    let data = buffer_arg(vm, &a.args[1])?;
    if f.size == 0 {
        return Err(error(vm, "cannot iteratively unpack with a struct of length 0"));
    }
    if data.len() % f.size != 0 {
        return Err(error(vm, &format!("iterative unpacking requires a buffer of a multiple of {} bytes", f.size)));
    }
    let mut out = Vec::with_capacity(data.len() / f.size);
    for chunk in data.chunks(f.size) {
        out.push(unpack_values(vm, &f, chunk)?);
    }
    Ok(crate::types::list::new_list(out))
}

pub fn create(vm: &mut Vm) -> ObjRef {
    module_with(
        vm,
        "_struct",
        &[
            ("calcsize", calcsize),
            ("pack", pack),
            ("pack_into", pack_into),
            ("unpack", unpack),
            ("unpack_from", unpack_from),
            ("_iter_unpack_list", iter_unpack_list),
        ],
    )
}
