//! Character classes and case mappings of `str` methods, exactly as CPython 3.11 (Unicode
//! 14.0): tables in `unicode_tables.rs`, generated from python3 by
//! `tools/gen_unicode_tables.py`. ASCII takes fast paths.

use crate::unicode_tables as t;

fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    let n = c as u32;
    table.binary_search_by(|&(lo, hi)| if hi < n { std::cmp::Ordering::Less } else if lo > n { std::cmp::Ordering::Greater } else { std::cmp::Ordering::Equal }).is_ok()
}

fn in_map(table: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    table.binary_search_by_key(&(c as u32), |&(k, _)| k).ok().map(|i| table[i].1)
}

/// The error for a code point in U+D800..U+DFFF that would become a one-character str:
/// Spindle's `str` is UTF-8 and cannot hold lone surrogates (CPython would return one).
pub fn surrogate_error(vm: &mut crate::vm::Vm, what: &str, cp: u32) -> crate::PyErr {
    vm.value_error(&format!("{what} is a surrogate (U+{cp:04X}), which Spindle's UTF-8 strings cannot hold"))
}

pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        in_ranges(t::ALPHA, c)
    }
}

pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_ranges(t::DECIMAL, c)
    }
}

pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_ranges(t::DIGIT, c)
    }
}

pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_ranges(t::NUMERIC, c)
    }
}

pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}

/// `str.isspace` / `str.split()` whitespace (includes \x1c-\x1f, excludes \u200b).
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' | '\x1c'..='\x1f')
    } else {
        in_ranges(t::SPACE, c)
    }
}

pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        (' '..='~').contains(&c)
    } else {
        in_ranges(t::PRINTABLE, c)
    }
}

pub fn is_xid_start(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic() || c == '_'
    } else {
        in_ranges(t::XID_START, c)
    }
}

pub fn is_xid_continue(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        in_ranges(t::XID_CONTINUE, c)
    }
}

pub fn is_title(c: char) -> bool {
    !c.is_ascii() && in_ranges(t::TITLE, c)
}

pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        in_ranges(t::UPPER, c)
    }
}

pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_lowercase()
    } else {
        in_ranges(t::LOWER, c)
    }
}

pub fn is_cased(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        in_ranges(t::CASED, c)
    }
}

/// Append the titlecase mapping of `c` (`ß` -> `Ss`, `ǆ` -> `ǅ`).
pub fn push_title(out: &mut String, c: char) {
    match in_map(t::TITLE_MAP, c) {
        Some(s) => out.push_str(s),
        None => out.extend(c.to_uppercase()),
    }
}

/// Append the full case folding of `c` (`ß` -> `ss`, `ς` -> `σ`).
pub fn push_fold(out: &mut String, c: char) {
    match in_map(t::FOLD_MAP, c) {
        Some(s) => out.push_str(s),
        None => out.extend(c.to_lowercase()),
    }
}

/// Is the `i`-th char of `chars` (a capital sigma) final, in CPython's sense: preceded by a
/// cased letter (skipping case-ignorable ones) and not followed by one.
fn final_sigma(chars: &[char], i: usize) -> bool {
    let ignorable = |c: char| matches!(c, '\'' | '.' | ':' | '^' | '`' | '\u{ad}' | '\u{b7}' | '\u{2019}') || is_combining(c);
    let before = chars[..i].iter().rev().find(|&&c| !ignorable(c)).is_some_and(|&c| is_cased(c));
    let after = chars[i + 1..].iter().find(|&&c| !ignorable(c)).is_some_and(|&c| is_cased(c));
    before && !after
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36f | 0x483..=0x489 | 0x591..=0x5bd | 0x1ab0..=0x1aff | 0x1dc0..=0x1dff | 0x20d0..=0x20ff | 0xfe20..=0xfe2f)
}

/// Lowercase `chars[i]` into `out`, with the final-sigma rule.
pub fn push_lower_at(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c == 'Σ' {
        out.push(if final_sigma(chars, i) { 'ς' } else { 'σ' });
    } else {
        out.extend(c.to_lowercase());
    }
}
