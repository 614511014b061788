//! Character predicates and case folding of the `re` engine, as CPython 3.11's `_sre`:
//! `\d \s \w` per mode (Unicode for str patterns, ASCII for bytes or `re.ASCII`), simple
//! one-code-point lower/upper mappings (`sre_case_tables.rs`) for IGNORECASE, and character
//! sets compiled into a bitmap for the first 256 code points plus ranges and categories.

use crate::stdlib::sre_case_tables as t;
use crate::stdlib::sre_parse::Cat;

/// How characters are classified and case-folded.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    Ascii,
    Unicode,
    /// Bytes with `re.LOCALE`: the C locale's classification (ASCII).
    Locale,
}

fn lookup(table: &[(u32, u32)], c: u32) -> u32 {
    match table.binary_search_by_key(&c, |&(k, _)| k) {
        Ok(i) => table[i].1,
        Err(_) => c,
    }
}

#[inline]
pub fn lower_ascii(c: u32) -> u32 {
    if (b'A' as u32..=b'Z' as u32).contains(&c) {
        c + 32
    } else {
        c
    }
}

#[inline]
pub fn lower_unicode(c: u32) -> u32 {
    if c < 128 {
        lower_ascii(c)
    } else {
        lookup(t::LOWER, c)
    }
}

pub fn upper_unicode(c: u32) -> u32 {
    if c < 128 {
        if (b'a' as u32..=b'z' as u32).contains(&c) {
            c - 32
        } else {
            c
        }
    } else {
        lookup(t::UPPER, c)
    }
}

pub fn is_cased_unicode(c: u32) -> bool {
    lower_unicode(c) != c || upper_unicode(c) != c
}

pub fn is_cased_ascii(c: u32) -> bool {
    c < 128 && (c as u8).is_ascii_alphabetic()
}

/// Other lowercase characters equivalent to lowercase `c` under IGNORECASE ('s': long s).
pub fn extra_cases(c: u32) -> &'static [u32] {
    match t::EXTRA.binary_search_by_key(&c, |&(k, _)| k) {
        Ok(i) => t::EXTRA[i].1,
        Err(_) => &[],
    }
}

#[inline]
pub fn lower(mode: Mode, c: u32) -> u32 {
    match mode {
        Mode::Unicode => lower_unicode(c),
        _ => lower_ascii(c),
    }
}

#[inline]
pub fn is_word(mode: Mode, c: u32) -> bool {
    if c < 128 {
        let b = c as u8;
        return b.is_ascii_alphanumeric() || b == b'_';
    }
    mode == Mode::Unicode && char::from_u32(c).is_some_and(crate::unicode::is_alnum)
}

#[inline]
pub fn is_digit(mode: Mode, c: u32) -> bool {
    if c < 128 {
        return (c as u8).is_ascii_digit();
    }
    mode == Mode::Unicode && char::from_u32(c).is_some_and(crate::unicode::is_decimal)
}

#[inline]
pub fn is_space(mode: Mode, c: u32) -> bool {
    if c < 128 {
        return match mode {
            Mode::Unicode => matches!(c, 0x09..=0x0d | 0x1c..=0x20),
            _ => matches!(c, 0x09..=0x0d | 0x20),
        };
    }
    mode == Mode::Unicode && char::from_u32(c).is_some_and(crate::unicode::is_space)
}

pub fn cat_matches(cat: Cat, mode: Mode, c: u32) -> bool {
    match cat {
        Cat::Digit => is_digit(mode, c),
        Cat::NotDigit => !is_digit(mode, c),
        Cat::Space => is_space(mode, c),
        Cat::NotSpace => !is_space(mode, c),
        Cat::Word => is_word(mode, c),
        Cat::NotWord => !is_word(mode, c),
    }
}

/// A compiled character class.
#[derive(Debug, Clone)]
pub struct CharSet {
    /// The answer for code points below 256 (negation and folding included).
    low: [u64; 4],
    negate: bool,
    /// Fold the character before testing (None: test it as is).
    fold: Option<Mode>,
    /// Category mode.
    mode: Mode,
    /// Sorted, merged ranges of (folded) members.
    ranges: Vec<(u32, u32)>,
    cats: Vec<Cat>,
    /// Ranges reaching past the BMP under IGNORECASE: the folded character or its uppercase.
    uni_ranges: Vec<(u32, u32)>,
}

impl CharSet {
    /// `items` as parsed; `ignore` is IGNORECASE; `mode` the character mode of the flags.
    pub fn new(items: &[crate::stdlib::sre_parse::SetItem], negate: bool, ignore: bool, mode: Mode) -> CharSet {
        use crate::stdlib::sre_parse::SetItem;
        let mut ranges: Vec<(u32, u32)> = Vec::new();
        let mut cats = Vec::new();
        let mut uni_ranges = Vec::new();
        let mut hascased = false;
        let fold_mode = if mode == Mode::Unicode { Mode::Unicode } else { Mode::Ascii };
        let add_folded = |ranges: &mut Vec<(u32, u32)>, c: u32| {
            let lo = lower(fold_mode, c);
            ranges.push((lo, lo));
            if fold_mode == Mode::Unicode {
                for &x in extra_cases(lo) {
                    ranges.push((x, x));
                }
            }
        };
        let cased = |c: u32| if fold_mode == Mode::Unicode { is_cased_unicode(c) } else { is_cased_ascii(c) };
        for it in items {
            match *it {
                SetItem::Cat(c) => cats.push(c),
                SetItem::Lit(c) if !ignore => ranges.push((c, c)),
                SetItem::Range(a, b) if !ignore => ranges.push((a, b)),
                SetItem::Lit(c) => {
                    if c > 0xffff {
                        ranges.push((c, c));
                        hascased = true;
                    } else {
                        add_folded(&mut ranges, c);
                        hascased |= cased(c);
                    }
                }
                SetItem::Range(a, b) => {
                    if fold_mode == Mode::Ascii {
                        ranges.push((a, b.min(0xffff)));
                        let (la, lb) = (a.max(b'A' as u32), b.min(b'Z' as u32));
                        if la <= lb {
                            ranges.push((la + 32, lb + 32));
                        }
                        hascased |= a <= b'z' as u32 && b >= b'A' as u32 && !(b < b'a' as u32 && a > b'Z' as u32);
                    } else {
                        for c in a..=b.min(0xffff) {
                            add_folded(&mut ranges, c);
                            hascased |= cased(c);
                        }
                    }
                    if b > 0xffff {
                        uni_ranges.push((a, b));
                        hascased = true;
                    }
                }
            }
        }
        ranges.sort_unstable();
        let mut merged: Vec<(u32, u32)> = Vec::with_capacity(ranges.len());
        for (a, b) in ranges {
            match merged.last_mut() {
                Some(last) if a <= last.1.saturating_add(1) => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        let fold = if ignore && hascased { Some(fold_mode) } else { None };
        let mut set = CharSet { low: [0; 4], negate, fold, mode, ranges: merged, cats, uni_ranges };
        for c in 0..256u32 {
            if set.test(c) {
                set.low[(c >> 6) as usize] |= 1 << (c & 63);
            }
        }
        set
    }

    fn test(&self, ch: u32) -> bool {
        let x = match self.fold {
            None => ch,
            Some(m) => lower(m, ch),
        };
        let found = self.ranges.binary_search_by(|&(a, b)| if b < x { std::cmp::Ordering::Less } else if a > x { std::cmp::Ordering::Greater } else { std::cmp::Ordering::Equal }).is_ok()
            || self.cats.iter().any(|&c| cat_matches(c, self.mode, x))
            || self.uni_ranges.iter().any(|&(a, b)| (a..=b).contains(&x) || (a..=b).contains(&upper_unicode(x)));
        found != self.negate
    }

    #[inline]
    pub fn contains(&self, ch: u32) -> bool {
        if ch < 256 {
            self.low[(ch >> 6) as usize] & (1 << (ch & 63)) != 0
        } else {
            self.test(ch)
        }
    }
}
