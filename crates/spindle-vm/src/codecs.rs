//! Text codecs for `str.encode`, `bytes.decode`, `str(b, enc)`, `bytes(s, enc)`: utf-8,
//! utf-8-sig, utf-16 and utf-32 (with and without byte order marks), ascii, latin-1 and
//! cp1252, with CPython's encoding aliases, error ranges, reasons and error handlers (strict,
//! ignore, replace, backslashreplace, xmlcharrefreplace). Error handlers are looked up only
//! when an error happens, as CPython does.
//!
//! Strings here cannot hold lone surrogates (str is UTF-8), so the handlers that would produce
//! them when decoding (surrogateescape, surrogatepass) raise NotImplementedError.

use crate::vm::Vm;
use crate::PyResult;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Codec {
    Utf8,
    Utf8Sig,
    /// `None`: byte order from a BOM (little-endian when absent); encoding writes a BOM.
    Utf16(Option<bool>),
    Utf32(Option<bool>),
    Ascii,
    Latin1,
    Cp1252,
}

/// CPython's `encodings.normalize_encoding` plus lower-casing: runs of punctuation become one
/// underscore.
fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars() {
        if c.is_alphanumeric() || c == '.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            }
            punct = false;
        } else {
            punct = true;
        }
    }
    out.replace('.', "_")
}

fn lookup(name: &str) -> Option<Codec> {
    let n = normalize(name);
    Some(match n.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => Codec::Utf8,
        "utf_8_sig" => Codec::Utf8Sig,
        "utf_16" | "utf16" | "u16" => Codec::Utf16(None),
        "utf_16_le" | "utf_16le" | "unicodelittleunmarked" => Codec::Utf16(Some(true)),
        "utf_16_be" | "utf_16be" | "unicodebigunmarked" => Codec::Utf16(Some(false)),
        "utf_32" | "utf32" | "u32" => Codec::Utf32(None),
        "utf_32_le" | "utf_32le" => Codec::Utf32(Some(true)),
        "utf_32_be" | "utf_32be" => Codec::Utf32(Some(false)),
        "ascii" | "646" | "ansi_x3_4_1968" | "ansi_x3_4_1986" | "cp367" | "csascii" | "ibm367" | "iso646_us" | "iso_646_irv_1991" | "iso_ir_6" | "us" | "us_ascii" => Codec::Ascii,
        "latin_1" | "latin1" | "latin" | "l1" | "8859" | "cp819" | "csisolatin1" | "ibm819" | "iso8859" | "iso8859_1" | "iso_8859_1" | "iso_8859_1_1987" | "iso_ir_100" => Codec::Latin1,
        "cp1252" | "windows_1252" | "1252" => Codec::Cp1252,
        _ => return None,
    })
}

fn unknown_encoding(vm: &mut Vm, name: &str) -> crate::PyErr {
    let c = crate::types::types().exc.lookup_error.clone();
    vm.new_exc(&c, &format!("unknown encoding: {name}"))
}

fn unknown_handler(vm: &mut Vm, errors: &str) -> crate::PyErr {
    let c = crate::types::types().exc.lookup_error.clone();
    vm.new_exc(&c, &format!("unknown error handler name '{errors}'"))
}

fn surrogates_unsupported(vm: &mut Vm, errors: &str) -> crate::PyErr {
    let c = crate::types::types().exc.not_implemented_error.clone();
    vm.new_exc(&c, &format!("the '{errors}' error handler would create lone surrogates, which Spindle strings cannot hold"))
}

const CP1252_HIGH: [u16; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

// ----- encoding -----

/// Encode `s` with the codec named `encoding`.
pub fn encode(vm: &mut Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let Some(codec) = lookup(encoding) else { return Err(unknown_encoding(vm, encoding)) };
    match codec {
        Codec::Utf8 => Ok(s.as_bytes().to_vec()),
        Codec::Utf8Sig => {
            let mut out = vec![0xef, 0xbb, 0xbf];
            out.extend_from_slice(s.as_bytes());
            Ok(out)
        }
        Codec::Utf16(order) => {
            let little = order.unwrap_or(true);
            let mut out = Vec::with_capacity(s.len() * 2 + 2);
            if order.is_none() {
                out.extend_from_slice(&[0xff, 0xfe]);
            }
            let mut buf = [0u16; 2];
            for c in s.chars() {
                for u in c.encode_utf16(&mut buf).iter() {
                    out.extend_from_slice(&if little { u.to_le_bytes() } else { u.to_be_bytes() });
                }
            }
            Ok(out)
        }
        Codec::Utf32(order) => {
            let little = order.unwrap_or(true);
            let mut out = Vec::with_capacity(s.len() * 4 + 4);
            if order.is_none() {
                out.extend_from_slice(&[0xff, 0xfe, 0, 0]);
            }
            for c in s.chars() {
                let u = c as u32;
                out.extend_from_slice(&if little { u.to_le_bytes() } else { u.to_be_bytes() });
            }
            Ok(out)
        }
        Codec::Ascii => encode_bytewise(vm, s, errors, "ascii", "ordinal not in range(128)", |c| (c < 0x80).then_some(c as u8)),
        Codec::Latin1 => encode_bytewise(vm, s, errors, "latin-1", "ordinal not in range(256)", |c| (c < 0x100).then_some(c as u8)),
        Codec::Cp1252 => {
            let r = encode_bytewise(vm, s, errors, "charmap", "character maps to <undefined>", |c| {
                if c < 0x80 || (0xa0..0x100).contains(&c) {
                    Some(c as u8)
                } else {
                    CP1252_HIGH.iter().position(|&u| u != 0 && u as u32 == c).map(|i| 0x80 + i as u8)
                }
            });
            // cp1252 is a Python-level codec in CPython: its lookup errors come wrapped.
            match r {
                Err(e) if vm.is_instance_of(&e, &crate::types::types().exc.lookup_error.clone()) => {
                    let c = crate::types::types().exc.lookup_error.clone();
                    Err(vm.new_exc(&c, &format!("encoding with 'cp1252' codec failed (LookupError: unknown error handler name '{errors}')")))
                }
                r => r,
            }
        }
    }
}

/// Encoders mapping each character to at most one byte; unencodable runs go to the handler.
fn encode_bytewise(vm: &mut Vm, s: &str, errors: &str, name: &str, reason: &str, map: impl Fn(u32) -> Option<u8>) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    if s.is_ascii() && map(0x7f).is_some() {
        out.extend_from_slice(s.as_bytes());
        return Ok(out);
    }
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if let Some(b) = map(chars[i] as u32) {
            out.push(b);
            i += 1;
            continue;
        }
        let end = chars[i..].iter().position(|&c| map(c as u32).is_some()).map_or(chars.len(), |n| i + n);
        match errors {
            "strict" | "surrogateescape" | "surrogatepass" => return Err(vm.unicode_encode_error(name, s, i, end, reason)),
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', end - i)),
            "backslashreplace" => {
                for &c in &chars[i..end] {
                    let n = c as u32;
                    let esc = if n <= 0xff {
                        format!("\\x{n:02x}")
                    } else if n <= 0xffff {
                        format!("\\u{n:04x}")
                    } else {
                        format!("\\U{n:08x}")
                    };
                    out.extend_from_slice(esc.as_bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &c in &chars[i..end] {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
            "namereplace" => {
                let c = crate::types::types().exc.not_implemented_error.clone();
                return Err(vm.new_exc(&c, "the 'namereplace' error handler needs Unicode character names, which Spindle does not have"));
            }
            other => return Err(unknown_handler(vm, other)),
        }
        i = end;
    }
    Ok(out)
}

// ----- decoding -----

/// One decoding step: a character and the bytes it used, or an error (end, reason).
type Step = Result<(char, usize), (usize, &'static str)>;

/// Decode `b` with the codec named `encoding`.
pub fn decode(vm: &mut Vm, b: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let Some(codec) = lookup(encoding) else { return Err(unknown_encoding(vm, encoding)) };
    match codec {
        Codec::Utf8 => decode_utf8(vm, b, errors),
        Codec::Utf8Sig => decode_utf8(vm, b.strip_prefix(&[0xef, 0xbb, 0xbf]).unwrap_or(b), errors),
        Codec::Ascii => decode_with(vm, b, errors, "ascii", |b, i| if b[i] < 0x80 { Ok((b[i] as char, 1)) } else { Err((i + 1, "ordinal not in range(128)")) }),
        Codec::Latin1 => Ok(b.iter().map(|&c| c as char).collect()),
        Codec::Cp1252 => decode_with(vm, b, errors, "charmap", |b, i| {
            let c = b[i];
            let u = if (0x80..0xa0).contains(&c) { CP1252_HIGH[c as usize - 0x80] as u32 } else { c as u32 };
            match char::from_u32(u).filter(|_| u != 0 || c == 0) {
                Some(ch) => Ok((ch, 1)),
                None => Err((i + 1, "character maps to <undefined>")),
            }
        }),
        Codec::Utf16(order) => {
            let (little, start) = match order {
                Some(l) => (l, 0),
                None if b.starts_with(&[0xff, 0xfe]) => (true, 2),
                None if b.starts_with(&[0xfe, 0xff]) => (false, 2),
                None => (true, 0),
            };
            let name = if little { "utf-16-le" } else { "utf-16-be" };
            decode_from(vm, b, start, errors, name, |b, i| utf16_step(b, i, little))
        }
        Codec::Utf32(order) => {
            let (little, start) = match order {
                Some(l) => (l, 0),
                None if b.starts_with(&[0xff, 0xfe, 0, 0]) => (true, 4),
                None if b.starts_with(&[0, 0, 0xfe, 0xff]) => (false, 4),
                None => (true, 0),
            };
            let name = if little { "utf-32-le" } else { "utf-32-be" };
            decode_from(vm, b, start, errors, name, |b, i| {
                if b.len() - i < 4 {
                    return Err((b.len(), "truncated data"));
                }
                let w = [b[i], b[i + 1], b[i + 2], b[i + 3]];
                let u = if little { u32::from_le_bytes(w) } else { u32::from_be_bytes(w) };
                match char::from_u32(u) {
                    Some(c) => Ok((c, 4)),
                    None if (0xd800..0xe000).contains(&u) => Err((i + 4, "code point in surrogate code point range(0xd800, 0xe000)")),
                    None => Err((i + 4, "code point not in range(0x110000)")),
                }
            })
        }
    }
}

fn utf16_step(b: &[u8], i: usize, little: bool) -> Step {
    let unit = |j: usize| if little { u16::from_le_bytes([b[j], b[j + 1]]) } else { u16::from_be_bytes([b[j], b[j + 1]]) };
    if b.len() - i < 2 {
        return Err((b.len(), "truncated data"));
    }
    let u = unit(i);
    if !(0xd800..0xe000).contains(&u) {
        return Ok((char::from_u32(u as u32).unwrap_or('\u{fffd}'), 2));
    }
    if u >= 0xdc00 {
        return Err((i + 2, "illegal encoding"));
    }
    if b.len() - i < 4 {
        return Err((b.len(), "unexpected end of data"));
    }
    let v = unit(i + 2);
    if !(0xdc00..0xe000).contains(&v) {
        return Err((i + 2, "illegal UTF-16 surrogate"));
    }
    let c = 0x10000 + (((u as u32) - 0xd800) << 10) + ((v as u32) - 0xdc00);
    Ok((char::from_u32(c).unwrap_or('\u{fffd}'), 4))
}

fn decode_with(vm: &mut Vm, b: &[u8], errors: &str, name: &str, step: impl Fn(&[u8], usize) -> Step) -> PyResult<String> {
    decode_from(vm, b, 0, errors, name, step)
}

/// The decoding loop: steps from `start`, errors go to the handler.
fn decode_from(vm: &mut Vm, b: &[u8], start: usize, errors: &str, name: &str, step: impl Fn(&[u8], usize) -> Step) -> PyResult<String> {
    let mut out = String::with_capacity(b.len());
    let mut i = start;
    while i < b.len() {
        match step(b, i) {
            Ok((c, n)) => {
                out.push(c);
                i += n;
            }
            Err((end, reason)) => {
                decode_error(vm, &mut out, b, i, end, errors, name, reason)?;
                i = end;
            }
        }
    }
    Ok(out)
}

/// Apply the error handler to the bad bytes `b[start..end]`.
#[allow(clippy::too_many_arguments)]
fn decode_error(vm: &mut Vm, out: &mut String, b: &[u8], start: usize, end: usize, errors: &str, name: &str, reason: &str) -> PyResult<()> {
    match errors {
        "strict" => Err(vm.unicode_decode_error(name, b, start, end, reason)),
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{fffd}');
            Ok(())
        }
        "backslashreplace" => {
            for &c in &b[start..end] {
                out.push_str(&format!("\\x{c:02x}"));
            }
            Ok(())
        }
        "surrogateescape" | "surrogatepass" => Err(surrogates_unsupported(vm, errors)),
        other => Err(unknown_handler(vm, other)),
    }
}

/// UTF-8 with CPython's error ranges: the maximal invalid prefix of a sequence, reasons
/// "invalid start byte", "invalid continuation byte", "unexpected end of data".
fn decode_utf8(vm: &mut Vm, b: &[u8], errors: &str) -> PyResult<String> {
    if let Ok(s) = std::str::from_utf8(b) {
        return Ok(s.to_string());
    }
    let mut out = String::with_capacity(b.len());
    let mut rest = 0;
    while rest < b.len() {
        match std::str::from_utf8(&b[rest..]) {
            Ok(s) => {
                out.push_str(s);
                break;
            }
            Err(e) => {
                let good = rest + e.valid_up_to();
                out.push_str(std::str::from_utf8(&b[rest..good]).unwrap_or(""));
                let byte = b[good];
                let (reason, end) = match e.error_len() {
                    _ if !(0xc2..=0xf4).contains(&byte) => ("invalid start byte", good + 1),
                    None => ("unexpected end of data", b.len()),
                    Some(n) => ("invalid continuation byte", good + n),
                };
                decode_error(vm, &mut out, b, good, end, errors, "utf-8", reason)?;
                rest = end;
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(lookup("UTF-8"), Some(Codec::Utf8));
        assert_eq!(lookup("Latin 1"), Some(Codec::Latin1));
        assert_eq!(lookup("utf_16le"), Some(Codec::Utf16(Some(true))));
        assert_eq!(lookup("utf-8--sig"), Some(Codec::Utf8Sig));
        assert_eq!(lookup("foo"), None);
    }
}
