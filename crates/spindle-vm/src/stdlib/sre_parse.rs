//! `re` pattern parser: pattern text (code points of a str, or bytes) to a syntax tree, with
//! CPython 3.11's syntax, error messages and error positions (`re.error`'s `pos`).
//!
//! The reader works on tokens as CPython's does: one character, or a backslash and the
//! character after it; positions in errors are token positions. Nesting is bounded
//! (`MAX_NESTING`, RecursionError beyond, as CPython's recursive parser), so the recursive
//! descent here and the passes over the tree never overflow the Rust stack.

use crate::stdlib::sre_escape;
use std::collections::HashMap;

/// `_sre.MAXREPEAT`: a repeat bound of this value means "no upper bound".
pub const MAXREPEAT: u64 = 4_294_967_295;
/// `_sre.MAXGROUPS`.
pub const MAXGROUPS: usize = 1_073_741_823;
/// Deepest group nesting accepted (CPython 3.11 hits its recursion limit just beyond this).
pub const MAX_NESTING: usize = 495;

pub const FLAG_TEMPLATE: u32 = 1;
pub const FLAG_IGNORECASE: u32 = 2;
pub const FLAG_LOCALE: u32 = 4;
pub const FLAG_MULTILINE: u32 = 8;
pub const FLAG_DOTALL: u32 = 16;
pub const FLAG_UNICODE: u32 = 32;
pub const FLAG_VERBOSE: u32 = 64;
pub const FLAG_DEBUG: u32 = 128;
pub const FLAG_ASCII: u32 = 256;
const TYPE_FLAGS: u32 = FLAG_ASCII | FLAG_LOCALE | FLAG_UNICODE;
const GLOBAL_FLAGS: u32 = FLAG_DEBUG | FLAG_TEMPLATE;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum At {
    Beginning,
    BeginningString,
    End,
    EndString,
    Boundary,
    NonBoundary,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Cat {
    Digit,
    NotDigit,
    Space,
    NotSpace,
    Word,
    NotWord,
}

#[derive(Clone, Debug)]
pub enum SetItem {
    Lit(u32),
    Range(u32, u32),
    Cat(Cat),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RepKind {
    Greedy,
    Lazy,
    Possessive,
}

#[derive(Clone, Debug)]
pub enum Node {
    Lit(u32),
    /// `[^c]`.
    NotLit(u32),
    /// `.` (DOTALL decides at compile time whether it matches a newline).
    Any,
    Set { negate: bool, items: Vec<SetItem> },
    At(At),
    Branch(Vec<Vec<Node>>),
    /// A capturing group (`index`) and/or a scoped-flags group (`(?i:...)`, `(?:...)`).
    Group { index: Option<usize>, add: u32, del: u32, body: Vec<Node> },
    Atomic(Vec<Node>),
    Repeat { min: u64, max: u64, kind: RepKind, body: Vec<Node> },
    GroupRef(usize),
    Assert { behind: bool, negate: bool, body: Vec<Node> },
    GroupExists { group: usize, yes: Vec<Node>, no: Option<Vec<Node>> },
}

/// Why a pattern was refused, mapped to the Python exception by the module glue.
#[derive(Debug, Clone)]
pub enum ReError {
    /// `re.error(msg, pattern, pos)`.
    Re(String, Option<usize>),
    Overflow(String),
    Value(String),
    Recursion,
    NotImplemented(String),
}

pub(super) type PResult<T> = Result<T, ReError>;

pub struct Parsed {
    pub seq: Vec<Node>,
    pub flags: u32,
    /// Number of groups including group 0.
    pub groups: usize,
    /// Group names in definition order.
    pub names: Vec<(String, usize)>,
    /// Width (min, max) of each closed group, by group number.
    pub widths: Vec<(u128, u128)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Warn {
    Future,
    Deprecation,
}

pub(super) const NO: u32 = u32::MAX;
/// A token: one character `(c, NO)` or a backslash escape `('\\', c)`.
pub(super) type Tok = (u32, u32);

pub(super) fn tok_len(t: Tok) -> usize {
    if t.1 == NO {
        1
    } else {
        2
    }
}

pub fn cp_char(c: u32) -> char {
    char::from_u32(c).unwrap_or('\u{fffd}')
}

pub(super) fn tok_text(t: Tok) -> String {
    let mut s = String::new();
    s.push(cp_char(t.0));
    if t.1 != NO {
        s.push(cp_char(t.1));
    }
    s
}

pub(super) fn text(v: &[u32]) -> String {
    v.iter().map(|&c| cp_char(c)).collect()
}

pub(super) fn is_c(t: Option<Tok>, ch: char) -> bool {
    t == Some((ch as u32, NO))
}

pub(super) fn is_digit(t: Option<Tok>) -> bool {
    matches!(t, Some((c, NO)) if (b'0' as u32..=b'9' as u32).contains(&c))
}

pub(super) fn is_oct(c: u32) -> bool {
    (b'0' as u32..=b'7' as u32).contains(&c)
}

pub(super) fn is_hex(c: u32) -> bool {
    c < 128 && (c as u8).is_ascii_hexdigit()
}

/// Python's `repr()` of a str (`ascii` escapes every non-ASCII character, as `%a`).
pub fn py_repr(s: &str, ascii: bool) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::new();
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
            c if c.is_ascii() => out.push(c),
            c if !ascii && crate::unicode::is_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

pub fn is_identifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if c == '_' || crate::unicode::is_xid_start(c) => {}
        _ => return false,
    }
    it.all(|c| c == '_' || crate::unicode::is_xid_continue(c))
}

pub(super) struct Src<'a> {
    s: &'a [u32],
    /// Index just after the `next` token.
    index: usize,
    pub(super) next: Option<Tok>,
    pub(super) is_text: bool,
}

impl<'a> Src<'a> {
    pub(super) fn advance(&mut self) -> PResult<()> {
        let i = self.index;
        if i >= self.s.len() {
            self.next = None;
            return Ok(());
        }
        let c = self.s[i];
        if c == b'\\' as u32 {
            if i + 1 >= self.s.len() {
                return Err(ReError::Re("bad escape (end of pattern)".into(), Some(self.s.len() - 1)));
            }
            self.next = Some((c, self.s[i + 1]));
            self.index = i + 2;
        } else {
            self.next = Some((c, NO));
            self.index = i + 1;
        }
        Ok(())
    }
    pub(super) fn tell(&self) -> usize {
        self.index - self.next.map_or(0, tok_len)
    }
    pub(super) fn seek(&mut self, index: usize) -> PResult<()> {
        self.index = index;
        self.advance()
    }
    pub(super) fn matches(&mut self, ch: char) -> PResult<bool> {
        if is_c(self.next, ch) {
            self.advance()?;
            Ok(true)
        } else {
            Ok(false)
        }
    }
    pub(super) fn get(&mut self) -> PResult<Option<Tok>> {
        let t = self.next;
        self.advance()?;
        Ok(t)
    }
    /// A `re.error` at `offset` characters before the next token. Messages about bytes
    /// patterns escape non-ASCII characters (`\\xe9`), as CPython's.
    pub(super) fn error(&self, msg: impl Into<String>, offset: usize) -> ReError {
        let mut msg: String = msg.into();
        if !self.is_text && !msg.is_ascii() {
            msg = msg.chars().map(|c| if c.is_ascii() { c.to_string() } else { format!("\\x{:02x}", c as u32) }).collect();
        }
        ReError::Re(msg, Some(self.tell().saturating_sub(offset)))
    }
    /// Up to `n` single-character tokens satisfying `pred`.
    pub(super) fn getwhile(&mut self, n: usize, pred: impl Fn(u32) -> bool) -> PResult<Vec<u32>> {
        let mut out = Vec::new();
        for _ in 0..n {
            match self.next {
                Some((c, NO)) if pred(c) => {
                    out.push(c);
                    self.advance()?;
                }
                _ => break,
            }
        }
        Ok(out)
    }
    /// The text up to `term` (consumed); errors name the missing `what`.
    pub(super) fn getuntil(&mut self, term: char, what: &str) -> PResult<Vec<u32>> {
        let mut out: Vec<u32> = Vec::new();
        loop {
            let c = self.next;
            self.advance()?;
            match c {
                None => {
                    if out.is_empty() {
                        return Err(self.error(format!("missing {what}"), 0));
                    }
                    return Err(self.error(format!("missing {term}, unterminated name"), out.len()));
                }
                Some(t) if is_c(Some(t), term) => {
                    if out.is_empty() {
                        return Err(self.error(format!("missing {what}"), 1));
                    }
                    break;
                }
                Some((a, b)) => {
                    out.push(a);
                    if b != NO {
                        out.push(b);
                    }
                }
            }
        }
        Ok(out)
    }
    pub(super) fn check_group_name(&self, st: &mut State, name: &[u32], offset: usize) -> PResult<String> {
        let s = text(name);
        if !is_identifier(&s) {
            return Err(self.error(format!("bad character in group name {}", py_repr(&s, false)), offset));
        }
        if !self.is_text && !s.is_ascii() {
            let pos = self.tell().saturating_sub(offset);
            st.warnings.push((Warn::Deprecation, format!("bad character in group name {} at position {pos}", py_repr(&s, true))));
        }
        Ok(s)
    }
}

pub(super) struct State {
    flags: u32,
    /// Width of each group once closed (None while open).
    widths: Vec<Option<(u128, u128)>>,
    names: Vec<(String, usize)>,
    by_name: HashMap<String, usize>,
    /// Conditional references to check once all groups are known: group -> position.
    cond_refs: Vec<(usize, usize)>,
    /// Number of groups when the outermost enclosing lookbehind started.
    lookbehind_groups: Option<usize>,
    pub(super) warnings: Vec<(Warn, String)>,
}

impl State {
    pub(super) fn groups(&self) -> usize {
        self.widths.len()
    }
    pub(super) fn check_group(&self, g: usize) -> bool {
        g < self.groups() && self.widths[g].is_some()
    }
    pub(super) fn check_lookbehind_group(&self, g: usize, src: &Src) -> PResult<()> {
        if let Some(lb) = self.lookbehind_groups {
            if !self.check_group(g) {
                return Err(src.error("cannot refer to an open group", 0));
            }
            if g >= lb {
                return Err(src.error("cannot refer to group defined in the same lookbehind subpattern", 0));
            }
        }
        Ok(())
    }
}

/// Widths saturate here (CPython's `MAXWIDTH`).
pub const MAXWIDTH: u128 = 1 << 64;

/// Width (min, max) of a sequence, as CPython's `getwidth` (capped at MAXWIDTH).
pub fn width(seq: &[Node], gw: &[(u128, u128)]) -> (u128, u128) {
    let mut lo: u128 = 0;
    let mut hi: u128 = 0;
    for n in seq {
        let (i, j): (u128, u128) = match n {
            Node::Lit(_) | Node::NotLit(_) | Node::Any | Node::Set { .. } => (1, 1),
            Node::At(_) | Node::Assert { .. } => (0, 0),
            Node::Branch(alts) => {
                let mut i = MAXWIDTH;
                let mut j = 0u128;
                for a in alts {
                    let (l, h) = width(a, gw);
                    i = i.min(l);
                    j = j.max(h);
                }
                (i, j)
            }
            Node::Group { body, .. } | Node::Atomic(body) => width(body, gw),
            Node::Repeat { min, max, body, .. } => {
                let (l, h) = width(body, gw);
                (l.saturating_mul(*min as u128), h.saturating_mul(*max as u128))
            }
            Node::GroupRef(g) => gw.get(*g).copied().unwrap_or((0, MAXWIDTH)),
            Node::GroupExists { yes, no, .. } => {
                let (l, h) = width(yes, gw);
                match no {
                    Some(no) => {
                        let (l2, h2) = width(no, gw);
                        (l.min(l2), h.max(h2))
                    }
                    None => (0, h),
                }
            }
        };
        lo = lo.saturating_add(i);
        hi = hi.saturating_add(j);
    }
    (lo.min(MAXWIDTH), hi.min(MAXWIDTH))
}

/// Parse `pattern` (code points; bytes as values 0-255) with the `flags` given to compile.
/// Warnings found (also when the pattern turns out to be invalid) are added to `warnings`.
pub fn parse(pattern: &[u32], is_text: bool, flags: u32, warnings: &mut Vec<(Warn, String)>) -> PResult<Parsed> {
    let mut st = State { flags, widths: vec![Some((0, 0))], names: Vec::new(), by_name: HashMap::new(), cond_refs: Vec::new(), lookbehind_groups: None, warnings: Vec::new() };
    let r = parse_all(pattern, is_text, flags, &mut st);
    warnings.append(&mut st.warnings);
    r
}

fn parse_all(pattern: &[u32], is_text: bool, flags: u32, st: &mut State) -> PResult<Parsed> {
    let mut src = Src { s: pattern, index: 0, next: None, is_text };
    src.advance()?;
    let seq = parse_sub(&mut src, st, flags & FLAG_VERBOSE != 0, 0)?;
    let flags = fix_flags(is_text, st.flags)?;
    if src.next.is_some() {
        return Err(src.error("unbalanced parenthesis", 0));
    }
    let groups = st.groups();
    for &(g, pos) in &st.cond_refs {
        if g >= groups {
            return Err(ReError::Re(format!("invalid group reference {g}"), Some(pos)));
        }
    }
    if flags & FLAG_DEBUG != 0 {
        return Err(ReError::NotImplemented("re.DEBUG (printing the parsed pattern) is not supported".into()));
    }
    let widths = st.widths.iter().map(|w| w.unwrap_or((0, MAXWIDTH))).collect();
    Ok(Parsed { seq, flags, groups, names: std::mem::take(&mut st.names), widths })
}

pub fn fix_flags(is_text: bool, mut flags: u32) -> PResult<u32> {
    if is_text {
        if flags & FLAG_LOCALE != 0 {
            return Err(ReError::Value("cannot use LOCALE flag with a str pattern".into()));
        }
        if flags & FLAG_ASCII == 0 {
            flags |= FLAG_UNICODE;
        } else if flags & FLAG_UNICODE != 0 {
            return Err(ReError::Value("ASCII and UNICODE flags are incompatible".into()));
        }
    } else {
        if flags & FLAG_UNICODE != 0 {
            return Err(ReError::Value("cannot use UNICODE flag with a bytes pattern".into()));
        }
        if flags & FLAG_LOCALE != 0 && flags & FLAG_ASCII != 0 {
            return Err(ReError::Value("ASCII and LOCALE flags are incompatible".into()));
        }
    }
    Ok(flags)
}

/// Alternatives separated by `|`.
fn parse_sub(src: &mut Src, st: &mut State, mut verbose: bool, nested: usize) -> PResult<Vec<Node>> {
    // Each group level is two parse_sub levels deep.
    if nested > 2 * MAX_NESTING {
        return Err(ReError::Recursion);
    }
    let mut alts: Vec<Vec<Node>> = Vec::new();
    loop {
        let first = nested == 0 && alts.is_empty();
        alts.push(parse_seq(src, st, verbose, nested + 1, first)?);
        if nested == 0 && st.flags & FLAG_VERBOSE != 0 {
            // Global flags (only allowed at the start) apply to the whole pattern.
            verbose = true;
        }
        if !src.matches('|')? {
            break;
        }
    }
    if alts.len() == 1 {
        return Ok(alts.pop().unwrap_or_default());
    }
    // As CPython: alternatives that are all single characters or plain sets become one set.
    let mut set: Vec<SetItem> = Vec::new();
    let all_chars = alts.iter().all(|a| match &a[..] {
        [Node::Lit(c)] => {
            set.push(SetItem::Lit(*c));
            true
        }
        [Node::Set { negate: false, items }] => {
            set.extend(items.iter().cloned());
            true
        }
        _ => false,
    });
    if all_chars {
        return Ok(vec![Node::Set { negate: false, items: set }]);
    }
    Ok(vec![Node::Branch(alts)])
}

fn flag_of(c: u32) -> Option<u32> {
    Some(match char::from_u32(c)? {
        'i' => FLAG_IGNORECASE,
        'L' => FLAG_LOCALE,
        'm' => FLAG_MULTILINE,
        's' => FLAG_DOTALL,
        'x' => FLAG_VERBOSE,
        'a' => FLAG_ASCII,
        't' => FLAG_TEMPLATE,
        'u' => FLAG_UNICODE,
        _ => return None,
    })
}

fn is_alpha_tok(t: Tok) -> bool {
    t.1 == NO && char::from_u32(t.0).is_some_and(crate::unicode::is_alpha)
}

/// Inline flags after `(?` (first flag char already read): None for global flags `(?i)`,
/// else the (add, del) pair of a scoped group `(?i-m:...)` (the `:` consumed).
fn parse_flags(src: &mut Src, st: &mut State, first: Tok) -> PResult<Option<(u32, u32)>> {
    let mut add = 0u32;
    let mut del = 0u32;
    let mut ch = first;
    if !is_c(Some(ch), '-') {
        loop {
            let flag = flag_of(ch.0).unwrap_or(0);
            if src.is_text && is_c(Some(ch), 'L') {
                return Err(src.error("bad inline flags: cannot use 'L' flag with a str pattern", 0));
            }
            if !src.is_text && is_c(Some(ch), 'u') {
                return Err(src.error("bad inline flags: cannot use 'u' flag with a bytes pattern", 0));
            }
            add |= flag;
            if flag & TYPE_FLAGS != 0 && add & TYPE_FLAGS != flag {
                return Err(src.error("bad inline flags: flags 'a', 'u' and 'L' are incompatible", 0));
            }
            ch = match src.get()? {
                None => return Err(src.error("missing -, : or )", 0)),
                Some(t) => t,
            };
            if is_c(Some(ch), ')') || is_c(Some(ch), '-') || is_c(Some(ch), ':') {
                break;
            }
            if ch.1 != NO || flag_of(ch.0).is_none() {
                let msg = if is_alpha_tok(ch) { "unknown flag" } else { "missing -, : or )" };
                return Err(src.error(msg, tok_len(ch)));
            }
        }
    }
    if is_c(Some(ch), ')') {
        st.flags |= add;
        return Ok(None);
    }
    if add & GLOBAL_FLAGS != 0 {
        return Err(src.error("bad inline flags: cannot turn on global flag", 1));
    }
    if is_c(Some(ch), '-') {
        ch = match src.get()? {
            None => return Err(src.error("missing flag", 0)),
            Some(t) => t,
        };
        if ch.1 != NO || flag_of(ch.0).is_none() {
            let msg = if is_alpha_tok(ch) { "unknown flag" } else { "missing flag" };
            return Err(src.error(msg, tok_len(ch)));
        }
        loop {
            let flag = flag_of(ch.0).unwrap_or(0);
            if flag & TYPE_FLAGS != 0 {
                return Err(src.error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'", 0));
            }
            del |= flag;
            ch = match src.get()? {
                None => return Err(src.error("missing :", 0)),
                Some(t) => t,
            };
            if is_c(Some(ch), ':') {
                break;
            }
            if ch.1 != NO || flag_of(ch.0).is_none() {
                let msg = if is_alpha_tok(ch) { "unknown flag" } else { "missing :" };
                return Err(src.error(msg, tok_len(ch)));
            }
        }
    }
    if del & GLOBAL_FLAGS != 0 {
        return Err(src.error("bad inline flags: cannot turn off global flag", 1));
    }
    if add & del != 0 {
        return Err(src.error("bad inline flags: flag turned on and off", 1));
    }
    Ok(Some((add, del)))
}

fn is_space_tok(t: Tok) -> bool {
    t.1 == NO && matches!(t.0, 0x20 | 0x09 | 0x0a | 0x0b | 0x0c | 0x0d)
}

fn is_repeat_node(n: &Node) -> bool {
    matches!(n, Node::Repeat { .. })
}

fn parse_int(digits: &[u32]) -> u128 {
    let mut v: u128 = 0;
    for &d in digits {
        v = v.saturating_mul(10).saturating_add((d - b'0' as u32) as u128);
    }
    v
}

/// One alternative: a sequence of items.
fn parse_seq(src: &mut Src, st: &mut State, mut verbose: bool, nested: usize, first: bool) -> PResult<Vec<Node>> {
    let mut items: Vec<Node> = Vec::new();
    loop {
        let this = match src.next {
            None => break,
            Some(t) => t,
        };
        if is_c(Some(this), '|') || is_c(Some(this), ')') {
            break;
        }
        src.advance()?;
        if verbose {
            if is_space_tok(this) {
                continue;
            }
            if is_c(Some(this), '#') {
                loop {
                    match src.get()? {
                        None => break,
                        Some(t) if is_c(Some(t), '\n') => break,
                        _ => {}
                    }
                }
                continue;
            }
        }
        if this.1 != NO {
            items.push(sre_escape::parse_escape(src, st, this)?);
            continue;
        }
        let c = cp_char(this.0);
        match c {
            '[' => items.push(sre_escape::parse_set(src, st)?),
            '*' | '+' | '?' | '{' => {
                let here = src.tell();
                let (min, max) = match c {
                    '?' => (0, 1),
                    '*' => (0, MAXREPEAT),
                    '+' => (1, MAXREPEAT),
                    _ => {
                        if is_c(src.next, '}') {
                            items.push(Node::Lit(this.0));
                            continue;
                        }
                        let mut lo = Vec::new();
                        let mut hi = Vec::new();
                        while is_digit(src.next) {
                            lo.push(src.next.map_or(0, |t| t.0));
                            src.advance()?;
                        }
                        let has_comma = src.matches(',')?;
                        if has_comma {
                            while is_digit(src.next) {
                                hi.push(src.next.map_or(0, |t| t.0));
                                src.advance()?;
                            }
                        } else {
                            hi = lo.clone();
                        }
                        if !src.matches('}')? {
                            items.push(Node::Lit(this.0));
                            src.seek(here)?;
                            continue;
                        }
                        let mut min = 0u64;
                        let mut max = MAXREPEAT;
                        if !lo.is_empty() {
                            let v = parse_int(&lo);
                            if v >= MAXREPEAT as u128 {
                                return Err(ReError::Overflow("the repetition number is too large".into()));
                            }
                            min = v as u64;
                        }
                        if !hi.is_empty() {
                            let v = parse_int(&hi);
                            if v >= MAXREPEAT as u128 {
                                return Err(ReError::Overflow("the repetition number is too large".into()));
                            }
                            max = v as u64;
                            if max < min {
                                return Err(src.error("min repeat greater than max repeat", src.tell() - here));
                            }
                        }
                        (min, max)
                    }
                };
                let off = src.tell() - here + 1;
                let item = match items.pop() {
                    None | Some(Node::At(_)) => return Err(src.error("nothing to repeat", off)),
                    Some(n) if is_repeat_node(&n) => return Err(src.error("multiple repeat", off)),
                    Some(n) => n,
                };
                let body = match item {
                    Node::Group { index: None, add: 0, del: 0, body } => body,
                    n => vec![n],
                };
                let kind = if src.matches('?')? {
                    RepKind::Lazy
                } else if src.matches('+')? {
                    RepKind::Possessive
                } else {
                    RepKind::Greedy
                };
                items.push(Node::Repeat { min, max, kind, body });
            }
            '.' => items.push(Node::Any),
            '(' => {
                if let Some(n) = parse_paren(src, st, &mut verbose, nested, first && items.is_empty())? {
                    items.push(n);
                }
            }
            '^' => items.push(Node::At(At::Beginning)),
            '$' => items.push(Node::At(At::End)),
            _ => items.push(Node::Lit(this.0)),
        }
    }
    Ok(items)
}

/// After `(`: a group, extension or flags. None when nothing is added (comment, global flags).
fn parse_paren(src: &mut Src, st: &mut State, verbose: &mut bool, nested: usize, at_start: bool) -> PResult<Option<Node>> {
    let start = src.tell() - 1;
    let mut capture = true;
    let mut atomic = false;
    let mut name: Option<String> = None;
    let mut name_len = 0usize;
    let mut add = 0u32;
    let mut del = 0u32;
    if src.matches('?')? {
        let ch = match src.get()? {
            None => return Err(src.error("unexpected end of pattern", 0)),
            Some(t) => t,
        };
        let c = if ch.1 == NO { cp_char(ch.0) } else { '\\' };
        match c {
            'P' => {
                if src.matches('<')? {
                    let n = src.getuntil('>', "group name")?;
                    name_len = n.len();
                    name = Some(src.check_group_name(st, &n, n.len() + 1)?);
                } else if src.matches('=')? {
                    let n = src.getuntil(')', "group name")?;
                    let s = src.check_group_name(st, &n, n.len() + 1)?;
                    let gid = match st.by_name.get(&s) {
                        Some(&g) => g,
                        None => return Err(src.error(format!("unknown group name {}", py_repr(&s, false)), n.len() + 1)),
                    };
                    if !st.check_group(gid) {
                        return Err(src.error("cannot refer to an open group", n.len() + 1));
                    }
                    st.check_lookbehind_group(gid, src)?;
                    return Ok(Some(Node::GroupRef(gid)));
                } else {
                    let ch = match src.get()? {
                        None => return Err(src.error("unexpected end of pattern", 0)),
                        Some(t) => t,
                    };
                    return Err(src.error(format!("unknown extension ?P{}", tok_text(ch)), tok_len(ch) + 2));
                }
            }
            ':' => capture = false,
            '#' => loop {
                if src.next.is_none() {
                    return Err(src.error("missing ), unterminated comment", src.tell() - start));
                }
                if is_c(src.get()?, ')') {
                    return Ok(None);
                }
            },
            '=' | '!' | '<' => {
                let mut kind = c;
                let mut behind = false;
                if c == '<' {
                    let ch = match src.get()? {
                        None => return Err(src.error("unexpected end of pattern", 0)),
                        Some(t) => t,
                    };
                    if !(is_c(Some(ch), '=') || is_c(Some(ch), '!')) {
                        return Err(src.error(format!("unknown extension ?<{}", tok_text(ch)), tok_len(ch) + 2));
                    }
                    kind = cp_char(ch.0);
                    behind = true;
                }
                let saved = st.lookbehind_groups;
                if behind && saved.is_none() {
                    st.lookbehind_groups = Some(st.groups());
                }
                let body = parse_sub(src, st, *verbose, nested + 1)?;
                if behind && saved.is_none() {
                    st.lookbehind_groups = None;
                }
                if !src.matches(')')? {
                    return Err(src.error("missing ), unterminated subpattern", src.tell() - start));
                }
                return Ok(Some(Node::Assert { behind, negate: kind == '!', body }));
            }
            '(' => {
                let n = src.getuntil(')', "group name")?;
                let s = text(&n);
                let group;
                if is_identifier(&s) {
                    group = match st.by_name.get(&s) {
                        Some(&g) => g,
                        None => return Err(src.error(format!("unknown group name {}", py_repr(&s, false)), n.len() + 1)),
                    };
                } else {
                    let g = match py_int(&s) {
                        Some(g) => g,
                        None => return Err(src.error(format!("bad character in group name {}", py_repr(&s, false)), n.len() + 1)),
                    };
                    if g == 0 {
                        return Err(src.error("bad group number", n.len() + 1));
                    }
                    if g >= MAXGROUPS as u128 {
                        return Err(src.error(format!("invalid group reference {g}"), n.len() + 1));
                    }
                    group = g as usize;
                    if !st.cond_refs.iter().any(|&(x, _)| x == group) {
                        st.cond_refs.push((group, src.tell() - n.len() - 1));
                    }
                }
                st.check_lookbehind_group(group, src)?;
                let yes = parse_seq(src, st, *verbose, nested + 1, false)?;
                let mut no = None;
                if src.matches('|')? {
                    no = Some(parse_seq(src, st, *verbose, nested + 1, false)?);
                    if is_c(src.next, '|') {
                        return Err(src.error("conditional backref with more than two branches", 0));
                    }
                }
                if !src.matches(')')? {
                    return Err(src.error("missing ), unterminated subpattern", src.tell() - start));
                }
                return Ok(Some(Node::GroupExists { group, yes, no }));
            }
            '>' => {
                capture = false;
                atomic = true;
            }
            _ if ch.1 == NO && (flag_of(ch.0).is_some() || c == '-') => match parse_flags(src, st, ch)? {
                None => {
                    if !at_start {
                        return Err(src.error("global flags not at the start of the expression", src.tell() - start));
                    }
                    *verbose = st.flags & FLAG_VERBOSE != 0;
                    return Ok(None);
                }
                Some((a, d)) => {
                    add = a;
                    del = d;
                    capture = false;
                }
            },
            _ => return Err(src.error(format!("unknown extension ?{}", tok_text(ch)), tok_len(ch) + 1)),
        }
    }
    let index = if capture {
        let gid = st.groups();
        if gid >= MAXGROUPS {
            return Err(src.error("too many groups", name_len + 1));
        }
        if let Some(n) = &name {
            if let Some(&old) = st.by_name.get(n) {
                return Err(src.error(format!("redefinition of group name {} as group {gid}; was group {old}", py_repr(n, false)), name_len + 1));
            }
            st.by_name.insert(n.clone(), gid);
            st.names.push((n.clone(), gid));
        }
        st.widths.push(None);
        Some(gid)
    } else {
        None
    };
    let sub_verbose = (*verbose || add & FLAG_VERBOSE != 0) && del & FLAG_VERBOSE == 0;
    let body = parse_sub(src, st, sub_verbose, nested + 1)?;
    if !src.matches(')')? {
        return Err(src.error("missing ), unterminated subpattern", src.tell() - start));
    }
    if let Some(g) = index {
        let gw: Vec<(u128, u128)> = st.widths.iter().map(|w| w.unwrap_or((0, MAXWIDTH))).collect();
        st.widths[g] = Some(width(&body, &gw));
    }
    if atomic {
        return Ok(Some(Node::Atomic(body)));
    }
    Ok(Some(Node::Group { index, add, del, body }))
}

/// `int(s)` for a conditional group reference: ASCII whitespace around, an optional sign,
/// digits with single underscores between them. None if invalid or negative.
fn py_int(s: &str) -> Option<u128> {
    let t = s.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\x1c' || c == '\x1d' || c == '\x1e' || c == '\x1f');
    let (neg, digits) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return None;
    }
    let mut v: u128 = 0;
    for ch in digits.chars() {
        if ch == '_' {
            continue;
        }
        let d = ch.to_digit(10)?;
        v = v.saturating_mul(10).saturating_add(d as u128);
    }
    if neg && v != 0 {
        return None;
    }
    Some(v)
}
