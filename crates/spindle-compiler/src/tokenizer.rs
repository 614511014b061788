//! CPython 3.11's tokenizer (Parser/tokenizer.c), run over the whole source before parsing.
//!
//! ruff's lexer accepts a different language at the edges (3.12 f-strings, other number and
//! indentation rules) and words its errors its own way. This pass follows `tok_get` closely to
//! produce the tokens CPython's parser would see (for error positions) and the first error
//! CPython's tokenizer raises, with its message and position:
//! * *immediate* errors are raised by the tokenizer itself (unterminated strings, bad numbers,
//!   unmatched brackets, invalid characters, too many parentheses). CPython re-tokenizes the
//!   rest of the file after a parser error, so these win over any parser error;
//! * *deferred* errors (tab/space mix, bad dedent, too deep, stray character after `\`, EOF)
//!   only surface when the parser reaches them.

use crate::SyntaxKind;

const MAXLEVEL: usize = 200;
const MAXINDENT: usize = 100;
const TABSIZE: usize = 8;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokKind {
    Name,
    Number,
    String,
    Op,
    Newline,
    Indent,
    Dedent,
    EndMarker,
}

/// A token with CPython's extent: byte offsets, 1-based lines and byte columns. NEWLINE is
/// zero-width at the `\n`; INDENT/DEDENT have no extent of their own (`col == None`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    pub kind: TokKind,
    pub start: usize,
    pub end: usize,
    pub line: u32,
    pub col: Option<usize>,
    /// Parenthesis nesting level before this token.
    pub level: usize,
}

#[derive(Clone, Debug)]
pub(crate) struct TokError {
    pub message: String,
    pub kind: SyntaxKind,
    pub lineno: u32,
    /// CPython's 1-based offsets (already in characters), possibly 0 or -1 as CPython sets them.
    pub offset: i32,
    pub end_lineno: u32,
    pub end_offset: i32,
    pub text: Option<String>,
    /// Raised by the tokenizer itself (wins over parser errors); else met by the parser.
    pub immediate: bool,
    /// Byte position where the parser meets this error (for ordering against parser errors).
    pub at: usize,
}

pub(crate) struct Tokenized {
    pub tokens: Vec<Token>,
    pub error: Option<TokError>,
}

/// The text of line `start..` up to (not including) its `\n`.
fn line_text(b: &[u8], line_start: usize) -> &str {
    let end = b[line_start..].iter().position(|&c| c == b'\n').map_or(b.len(), |n| line_start + n);
    std::str::from_utf8(&b[line_start..end]).unwrap_or("")
}

fn chars(b: &[u8]) -> usize {
    String::from_utf8_lossy(b).chars().count()
}

fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c >= 128
}

fn is_ident_char(c: u8) -> bool {
    is_ident_start(c) || c.is_ascii_digit()
}

/// `Py_UNICODE_ISPRINTABLE` for the characters that matter here: controls, separators other
/// than space, format characters and private use are not printable.
pub(crate) fn is_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    let n = c as u32;
    !matches!(n, 0xad | 0x600..=0x605 | 0x61c | 0x6dd | 0x70f | 0x180e | 0x200b..=0x200f | 0x202a..=0x202e | 0x2060..=0x206f | 0xfeff | 0xfff9..=0xfffb | 0xe000..=0xf8ff | 0xf0000..=0x10ffff | 0xd800..=0xdfff)
}

struct Tok<'a> {
    b: &'a [u8],
    /// Position of the next byte to read.
    cur: usize,
    line: u32,
    line_start: usize,
    indstack: Vec<usize>,
    altindstack: Vec<usize>,
    pendin: i64,
    atbol: bool,
    /// Open brackets: (char, line, byte column, line start).
    parens: Vec<(u8, u32, usize, usize)>,
    tokens: Vec<Token>,
}

const EOF: i32 = -1;

impl<'a> Tok<'a> {
    fn nextc(&mut self) -> i32 {
        if self.cur >= self.b.len() {
            // Like CPython, reading past the end keeps returning EOF (and moves nothing).
            self.cur = self.b.len() + 1;
            return EOF;
        }
        let c = self.b[self.cur];
        self.cur += 1;
        if c == b'\n' {
            self.line += 1;
            self.line_start = self.cur;
        }
        c as i32
    }

    fn backup(&mut self, c: i32) {
        if c == EOF {
            self.cur = self.cur.min(self.b.len());
            return;
        }
        self.cur -= 1;
        if c == b'\n' as i32 {
            self.line -= 1;
            let before = &self.b[..self.cur];
            self.line_start = before.iter().rposition(|&x| x == b'\n').map_or(0, |p| p + 1);
        }
    }

    fn peek_is(&self, s: &[u8]) -> bool {
        self.b.get(self.cur..self.cur + s.len()) == Some(s)
    }

    /// CPython's `syntaxerror`: text is the current line, offset the characters up to `cur`.
    fn error(&self, message: String) -> TokError {
        let cur = self.cur.min(self.b.len());
        let offset = chars(&self.b[self.line_start..cur.max(self.line_start)]) as i32;
        self.error_range(message, offset, offset)
    }

    fn error_range(&self, message: String, offset: i32, end_offset: i32) -> TokError {
        TokError {
            message,
            kind: SyntaxKind::Syntax,
            lineno: self.line,
            offset,
            end_lineno: self.line,
            end_offset,
            text: Some(line_text(self.b, self.line_start).to_string()),
            immediate: true,
            at: self.cur.min(self.b.len()),
        }
    }

    /// An error the tokenizer only flags (`tok->done`), raised by the parser at the line.
    fn deferred(&self, message: &str, kind: SyntaxKind, offset: i32, end_offset: i32) -> TokError {
        let text = line_text(self.b, self.line_start);
        TokError {
            message: message.to_string(),
            kind,
            lineno: self.line,
            offset,
            end_lineno: self.line,
            end_offset,
            text: Some(format!("{text}\n")),
            immediate: false,
            at: self.line_start,
        }
    }

    fn push(&mut self, kind: TokKind, start: usize, end: usize, line: u32, line_start: usize) {
        let level = self.parens.len();
        self.tokens.push(Token { kind, start, end, line, col: Some(start - line_start), level });
    }

    fn push_bare(&mut self, kind: TokKind) {
        let level = self.parens.len();
        let p = self.cur.min(self.b.len());
        self.tokens.push(Token { kind, start: p, end: p, line: self.line, col: None, level });
    }

    /// `tok_continuation_line`: after a backslash, the next character must be a newline.
    fn continuation(&mut self) -> Result<i32, TokError> {
        let backslash = self.cur - 1;
        let c = self.nextc();
        if c != b'\n' as i32 {
            // E_LINECONT: reported at the character after the backslash.
            let col = self.cur.min(self.b.len()) - self.line_start - 1;
            let off = chars(&self.b[self.line_start..self.line_start + col]) as i32 + 1;
            let mut e = self.deferred("unexpected character after line continuation character", SyntaxKind::Syntax, off, 0);
            e.at = backslash;
            return Err(e);
        }
        let c = self.nextc();
        if c == EOF {
            // Reported on the backslash's line, after the backslash, with no end.
            let ls = self.b[..backslash].iter().rposition(|&x| x == b'\n').map_or(0, |p| p + 1);
            let off = chars(&self.b[ls..=backslash]) as i32 + 1;
            let text = line_text(self.b, ls);
            return Err(TokError { message: "unexpected EOF while parsing".into(), kind: SyntaxKind::Syntax, lineno: self.line - 1, offset: off, end_lineno: self.line - 1, end_offset: -1, text: Some(format!("{text}\n")), immediate: false, at: backslash });
        }
        self.backup(c);
        Ok(c)
    }

    fn decimal_tail(&mut self) -> Result<i32, TokError> {
        loop {
            let mut c;
            loop {
                c = self.nextc();
                if !(c >= 0 && (c as u8).is_ascii_digit()) {
                    break;
                }
            }
            if c != b'_' as i32 {
                return Ok(c);
            }
            c = self.nextc();
            if !(c >= 0 && (c as u8).is_ascii_digit()) {
                self.backup(c);
                return Err(self.error("invalid decimal literal".into()));
            }
        }
    }

    fn verify_end_of_number(&mut self, c: i32, kind: &str) -> Result<(), TokError> {
        let r = match c {
            x if x == b'a' as i32 => self.peek_is(b"nd"),
            x if x == b'e' as i32 => self.peek_is(b"lse"),
            x if x == b'f' as i32 => self.peek_is(b"or"),
            x if x == b'i' as i32 => matches!(self.b.get(self.cur), Some(b'f' | b'n' | b's')),
            x if x == b'o' as i32 => self.peek_is(b"r"),
            x if x == b'n' as i32 => self.peek_is(b"ot"),
            _ => false,
        };
        // Followed by a keyword: only a DeprecationWarning in 3.11 (not shown by default).
        if !r && (0..128).contains(&c) && is_ident_char(c as u8) {
            self.backup(c);
            return Err(self.error(format!("invalid {kind} literal")));
        }
        Ok(())
    }

    fn is_digit(c: i32) -> bool {
        c >= 0 && (c as u8).is_ascii_digit()
    }

    /// The number starting at `start` (its first character `c` already read).
    fn number(&mut self, mut c: i32, start: usize, line_start: usize) -> Result<(), TokError> {
        enum Next {
            Fraction,
            Exponent,
            Imaginary,
            Done,
        }
        let mut next = Next::Done;
        if c == b'.' as i32 {
            next = Next::Fraction;
            c = self.nextc();
        } else if c == b'0' as i32 {
            c = self.nextc();
            let lower = if c >= 0 { (c as u8).to_ascii_lowercase() } else { 0 };
            if lower == b'x' {
                c = self.nextc();
                loop {
                    if c == b'_' as i32 {
                        c = self.nextc();
                    }
                    if !(c >= 0 && (c as u8).is_ascii_hexdigit()) {
                        self.backup(c);
                        return Err(self.error("invalid hexadecimal literal".into()));
                    }
                    loop {
                        c = self.nextc();
                        if !(c >= 0 && (c as u8).is_ascii_hexdigit()) {
                            break;
                        }
                    }
                    if c != b'_' as i32 {
                        break;
                    }
                }
                self.verify_end_of_number(c, "hexadecimal")?;
            } else if lower == b'o' || lower == b'b' {
                let (name, max) = if lower == b'o' { ("octal", b'7') } else { ("binary", b'1') };
                c = self.nextc();
                loop {
                    if c == b'_' as i32 {
                        c = self.nextc();
                    }
                    if !(c >= b'0' as i32 && c <= max as i32) {
                        if Self::is_digit(c) {
                            return Err(self.error(format!("invalid digit '{}' in {name} literal", c as u8 as char)));
                        }
                        self.backup(c);
                        return Err(self.error(format!("invalid {name} literal")));
                    }
                    loop {
                        c = self.nextc();
                        if !(c >= b'0' as i32 && c <= max as i32) {
                            break;
                        }
                    }
                    if c != b'_' as i32 {
                        break;
                    }
                }
                if Self::is_digit(c) {
                    return Err(self.error(format!("invalid digit '{}' in {name} literal", c as u8 as char)));
                }
                self.verify_end_of_number(c, name)?;
            } else {
                let mut nonzero = false;
                loop {
                    if c == b'_' as i32 {
                        c = self.nextc();
                        if !Self::is_digit(c) {
                            self.backup(c);
                            return Err(self.error("invalid decimal literal".into()));
                        }
                    }
                    if c != b'0' as i32 {
                        break;
                    }
                    c = self.nextc();
                }
                let zeros_end = self.cur;
                if Self::is_digit(c) {
                    nonzero = true;
                    c = self.decimal_tail()?;
                }
                if c == b'.' as i32 {
                    c = self.nextc();
                    next = Next::Fraction;
                } else if c == b'e' as i32 || c == b'E' as i32 {
                    next = Next::Exponent;
                } else if c == b'j' as i32 || c == b'J' as i32 {
                    next = Next::Imaginary;
                } else if nonzero {
                    self.backup(c);
                    let s = (start + 1 - line_start) as i32;
                    let e = (zeros_end - line_start) as i32;
                    return Err(self.error_range("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers".into(), s, e));
                } else {
                    self.verify_end_of_number(c, "decimal")?;
                }
                if matches!(next, Next::Done) {
                    self.backup(c);
                    return Ok(());
                }
            }
            if matches!(next, Next::Done) {
                self.backup(c);
                return Ok(());
            }
        } else {
            c = self.decimal_tail()?;
            if c == b'.' as i32 {
                c = self.nextc();
                next = Next::Fraction;
            } else if c == b'e' as i32 || c == b'E' as i32 {
                next = Next::Exponent;
            } else if c == b'j' as i32 || c == b'J' as i32 {
                next = Next::Imaginary;
            } else {
                self.verify_end_of_number(c, "decimal")?;
                self.backup(c);
                return Ok(());
            }
        }
        if matches!(next, Next::Fraction) {
            if Self::is_digit(c) {
                c = self.decimal_tail()?;
            }
            if c == b'e' as i32 || c == b'E' as i32 {
                next = Next::Exponent;
            } else if c == b'j' as i32 || c == b'J' as i32 {
                next = Next::Imaginary;
            } else {
                self.verify_end_of_number(c, "decimal")?;
                self.backup(c);
                return Ok(());
            }
        }
        if matches!(next, Next::Exponent) {
            let e = c;
            c = self.nextc();
            if c == b'+' as i32 || c == b'-' as i32 {
                c = self.nextc();
                if !Self::is_digit(c) {
                    self.backup(c);
                    return Err(self.error("invalid decimal literal".into()));
                }
            } else if !Self::is_digit(c) {
                self.backup(c);
                self.verify_end_of_number(e, "decimal")?;
                self.backup(e);
                return Ok(());
            }
            c = self.decimal_tail()?;
            if c == b'j' as i32 || c == b'J' as i32 {
                next = Next::Imaginary;
            } else {
                self.verify_end_of_number(c, "decimal")?;
                self.backup(c);
                return Ok(());
            }
        }
        // Imaginary.
        let _ = next;
        c = self.nextc();
        self.verify_end_of_number(c, "imaginary")?;
        self.backup(c);
        Ok(())
    }

    /// A string whose opening quote `quote` was just read; `start` is where its prefix began.
    fn string(&mut self, quote: i32, start: usize) -> Result<(), TokError> {
        let first_line = self.line;
        let first_line_start = self.line_start;
        let mut quote_size = 1;
        let mut end_quote_size = 0;
        let mut c = self.nextc();
        if c == quote {
            c = self.nextc();
            if c == quote {
                quote_size = 3;
            } else {
                end_quote_size = 1;
            }
        }
        if c != quote {
            self.backup(c);
        }
        while end_quote_size != quote_size {
            c = self.nextc();
            if c == EOF || (quote_size == 1 && c == b'\n' as i32) {
                // The source ends with '\n', so at EOF too the last line is the one before.
                let detected = self.line - 1;
                // Report from the opening quote, on the line it starts.
                self.cur = start + 1;
                self.line = first_line;
                self.line_start = first_line_start;
                let msg = if quote_size == 3 {
                    format!("unterminated triple-quoted string literal (detected at line {detected})")
                } else {
                    format!("unterminated string literal (detected at line {detected})")
                };
                return Err(self.error(msg));
            }
            if c == quote {
                end_quote_size += 1;
            } else {
                end_quote_size = 0;
                if c == b'\\' as i32 {
                    self.nextc();
                }
            }
        }
        Ok(())
    }

    /// `verify_identifier`: the first character that cannot be part of an identifier.
    fn verify_identifier(&mut self, start: usize) -> Result<(), TokError> {
        let s = String::from_utf8_lossy(&self.b[start..self.cur]).into_owned();
        for (i, (bi, ch)) in s.char_indices().enumerate() {
            let ok = if i == 0 { ch == '_' || unicode_ident::is_xid_start(ch) } else { unicode_ident::is_xid_continue(ch) };
            if !ok {
                let n = s[..bi].chars().count();
                if n + 1 < s.chars().count() {
                    self.cur = start + bi + ch.len_utf8();
                }
                let hex = format!("{:04X}", ch as u32);
                let msg = if is_printable(ch) { format!("invalid character '{ch}' (U+{hex})") } else { format!("invalid non-printable character U+{hex}") };
                return Err(self.error(msg));
            }
        }
        Ok(())
    }

    /// One step of `tok_get`; Ok(false) at the end marker.
    fn get(&mut self) -> Result<bool, TokError> {
        let mut blankline = false;
        'nextline: loop {
            if self.atbol {
                self.atbol = false;
                let mut col = 0usize;
                let mut altcol = 0usize;
                let mut cont_line_col = 0usize;
                let mut c;
                loop {
                    c = self.nextc();
                    if c == b' ' as i32 {
                        col += 1;
                        altcol += 1;
                    } else if c == b'\t' as i32 {
                        col = (col / TABSIZE + 1) * TABSIZE;
                        altcol += 1;
                    } else if c == 0x0c {
                        col = 0;
                        altcol = 0;
                    } else if c == b'\\' as i32 {
                        if cont_line_col == 0 {
                            cont_line_col = col;
                        }
                        self.continuation()?;
                    } else {
                        break;
                    }
                }
                self.backup(c);
                blankline = c == b'#' as i32 || c == b'\n' as i32;
                if !blankline && self.parens.is_empty() {
                    if cont_line_col != 0 {
                        col = cont_line_col;
                        altcol = cont_line_col;
                    }
                    let top = *self.indstack.last().unwrap_or(&0);
                    let alttop = *self.altindstack.last().unwrap_or(&0);
                    if col == top {
                        if altcol != alttop {
                            return Err(self.tab_error());
                        }
                    } else if col > top {
                        if self.indstack.len() >= MAXINDENT {
                            return Err(self.deferred("too many levels of indentation", SyntaxKind::Indentation, 1, 0));
                        }
                        if altcol <= alttop {
                            return Err(self.tab_error());
                        }
                        self.pendin += 1;
                        self.indstack.push(col);
                        self.altindstack.push(altcol);
                    } else {
                        while self.indstack.len() > 1 && col < *self.indstack.last().unwrap_or(&0) {
                            self.pendin -= 1;
                            self.indstack.pop();
                            self.altindstack.pop();
                        }
                        if col != *self.indstack.last().unwrap_or(&0) {
                            // Reported at the end of the line (CPython moves `cur` to the end
                            // of its input buffer), with no end.
                            let text = line_text(self.b, self.line_start);
                            let off = text.chars().count() as i32 + 1;
                            return Err(self.deferred("unindent does not match any outer indentation level", SyntaxKind::Indentation, off, -1));
                        }
                        if altcol != *self.altindstack.last().unwrap_or(&0) {
                            return Err(self.tab_error());
                        }
                    }
                }
            }
            if self.pendin != 0 {
                if self.pendin < 0 {
                    self.pendin += 1;
                    self.push_bare(TokKind::Dedent);
                } else {
                    self.pendin -= 1;
                    self.push_bare(TokKind::Indent);
                }
                return Ok(true);
            }
            // again:
            loop {
                let mut c;
                let (mut line, mut line_start);
                loop {
                    line = self.line;
                    line_start = self.line_start;
                    c = self.nextc();
                    if !(c == b' ' as i32 || c == b'\t' as i32 || c == 0x0c) {
                        break;
                    }
                }
                let start = self.cur.saturating_sub(1).min(self.b.len());
                if c == b'#' as i32 {
                    while c != EOF && c != b'\n' as i32 {
                        c = self.nextc();
                    }
                }
                if c == EOF {
                    if !self.parens.is_empty() {
                        return Err(self.unclosed());
                    }
                    self.push_bare(TokKind::EndMarker);
                    return Ok(false);
                }
                if is_ident_start(c as u8) {
                    let (mut saw_b, mut saw_r, mut saw_u, mut saw_f) = (false, false, false, false);
                    loop {
                        let l = (c as u8).to_ascii_lowercase();
                        if !(saw_b || saw_u || saw_f) && l == b'b' {
                            saw_b = true;
                        } else if !(saw_b || saw_u || saw_r || saw_f) && l == b'u' {
                            saw_u = true;
                        } else if !(saw_r || saw_u) && l == b'r' {
                            saw_r = true;
                        } else if !(saw_f || saw_b || saw_u) && l == b'f' {
                            saw_f = true;
                        } else {
                            break;
                        }
                        c = self.nextc();
                        if c == b'"' as i32 || c == b'\'' as i32 {
                            self.string(c, start)?;
                            self.push(TokKind::String, start, self.cur, line, line_start);
                            return Ok(true);
                        }
                        if c == EOF {
                            break;
                        }
                    }
                    let mut nonascii = false;
                    while c != EOF && is_ident_char(c as u8) {
                        if c >= 128 {
                            nonascii = true;
                        }
                        c = self.nextc();
                    }
                    self.backup(c);
                    if nonascii {
                        self.verify_identifier(start)?;
                    }
                    self.push(TokKind::Name, start, self.cur, line, line_start);
                    return Ok(true);
                }
                if c == b'\n' as i32 {
                    self.atbol = true;
                    if blankline || !self.parens.is_empty() {
                        continue 'nextline;
                    }
                    // NEWLINE ends before the '\n' (it starts at a comment before it, if any).
                    let level = self.parens.len();
                    let nl = self.cur - 1;
                    self.tokens.push(Token { kind: TokKind::Newline, start, end: nl, line, col: Some(start - line_start), level });
                    return Ok(true);
                }
                if c == b'.' as i32 {
                    let c2 = self.nextc();
                    if Self::is_digit(c2) {
                        self.backup(c2);
                        self.number(b'.' as i32, start, line_start)?;
                        self.push(TokKind::Number, start, self.cur, line, line_start);
                        return Ok(true);
                    }
                    if c2 == b'.' as i32 && self.b.get(self.cur) == Some(&b'.') {
                        self.nextc();
                    } else {
                        self.backup(c2);
                    }
                    self.push(TokKind::Op, start, self.cur, line, line_start);
                    return Ok(true);
                }
                if Self::is_digit(c) {
                    self.number(c, start, line_start)?;
                    self.push(TokKind::Number, start, self.cur, line, line_start);
                    return Ok(true);
                }
                if c == b'"' as i32 || c == b'\'' as i32 {
                    self.string(c, start)?;
                    self.push(TokKind::String, start, self.cur, line, line_start);
                    return Ok(true);
                }
                if c == b'\\' as i32 {
                    self.continuation()?;
                    continue;
                }
                // Two- and three-character operators.
                let rest = &self.b[self.cur - 1..];
                let three: &[&[u8]] = &[b"**=", b"//=", b">>=", b"<<=", b"...", b"!="];
                let two: &[&[u8]] = &[b"!=", b"%=", b"&=", b"**", b"*=", b"+=", b"-=", b"->", b"//", b"/=", b":=", b"<<", b"<=", b"<>", b">=", b">>", b"@=", b"^=", b"|=", b"=="];
                if let Some(op) = three.iter().chain(two.iter()).find(|op| rest.starts_with(op)) {
                    for _ in 1..op.len() {
                        self.nextc();
                    }
                    self.push(TokKind::Op, start, self.cur, line, line_start);
                    return Ok(true);
                }
                let cu = c as u8;
                match cu {
                    b'(' | b'[' | b'{' => {
                        if self.parens.len() >= MAXLEVEL {
                            return Err(self.error("too many nested parentheses".into()));
                        }
                        self.push(TokKind::Op, start, self.cur, line, line_start);
                        self.parens.push((cu, line, start - line_start, line_start));
                        return Ok(true);
                    }
                    b')' | b']' | b'}' => {
                        let Some((open, oline, _, _)) = self.parens.pop() else {
                            return Err(self.error(format!("unmatched '{}'", cu as char)));
                        };
                        let matched = matches!((open, cu), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
                        if !matched {
                            let msg = if oline != self.line {
                                format!("closing parenthesis '{}' does not match opening parenthesis '{}' on line {oline}", cu as char, open as char)
                            } else {
                                format!("closing parenthesis '{}' does not match opening parenthesis '{}'", cu as char, open as char)
                            };
                            return Err(self.error(msg));
                        }
                        self.push(TokKind::Op, start, self.cur, line, line_start);
                        return Ok(true);
                    }
                    _ => {}
                }
                if cu >= 128 {
                    // Not an identifier start in CPython's byte view only when invalid UTF-8;
                    // handled above (>= 128 starts an identifier).
                }
                let ch = cu as char;
                if !is_printable(ch) {
                    return Err(self.error(format!("invalid non-printable character U+{:04X}", cu)));
                }
                self.push(TokKind::Op, start, self.cur, line, line_start);
                return Ok(true);
            }
        }
    }

    fn tab_error(&self) -> TokError {
        self.deferred("inconsistent use of tabs and spaces in indentation", SyntaxKind::Tab, 1, 0)
    }

    /// EOF inside brackets: the innermost open bracket "was never closed".
    fn unclosed(&self) -> TokError {
        let (ch, line, col, ls) = *self.parens.last().expect("open bracket");
        let text = line_text(self.b, ls);
        let off = chars(&text.as_bytes()[..col.min(text.len())]) as i32 + 1;
        TokError {
            message: format!("'{}' was never closed", ch as char),
            kind: SyntaxKind::Syntax,
            lineno: line,
            offset: off,
            end_lineno: line,
            end_offset: 0,
            // CPython's text: the tokenizer's current buffer (with its newline) when the bracket
            // is on the last line, else the line from the source without it.
            text: Some(if self.b[ls..].iter().filter(|&&x| x == b'\n').count() <= 1 { format!("{text}\n") } else { text.to_string() }),
            immediate: false,
            at: self.b.len(),
        }
    }
}

/// Tokenize `src` (newlines already normalised to `\n`, ending with `\n`) as CPython does.
pub(crate) fn tokenize(src: &str) -> Tokenized {
    let mut t = Tok { b: src.as_bytes(), cur: 0, line: 1, line_start: 0, indstack: vec![0], altindstack: vec![0], pendin: 0, atbol: true, parens: Vec::new(), tokens: Vec::new() };
    let error = loop {
        match t.get() {
            Ok(true) => {}
            Ok(false) => break None,
            Err(e) => break Some(e),
        }
    };
    Tokenized { tokens: t.tokens, error }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(src: &str) -> Option<(String, u32, i32, i32, bool)> {
        tokenize(src).error.map(|e| (e.message, e.lineno, e.offset, e.end_offset, e.immediate))
    }

    #[test]
    fn errors() {
        assert_eq!(err("name = 'unterminated\nprint(name)\n"), Some(("unterminated string literal (detected at line 1)".into(), 1, 8, 8, true)));
        assert_eq!(err("x = 1_000_\n"), Some(("invalid decimal literal".into(), 1, 10, 10, true)));
        assert_eq!(err("x = 0777\n"), Some(("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers".into(), 1, 5, 6, true)));
        assert_eq!(err("x = 0b102\n"), Some(("invalid digit '2' in binary literal".into(), 1, 9, 9, true)));
        assert_eq!(err("x = 1e\n"), Some(("invalid decimal literal".into(), 1, 5, 5, true)));
        assert_eq!(err("print('a'))\n"), Some(("unmatched ')'".into(), 1, 11, 11, true)));
        assert_eq!(err("if True:\n        a = 1\n    b = 2\n"), Some(("unindent does not match any outer indentation level".into(), 3, 10, -1, false)));
        assert_eq!(err("x = (1,\n"), Some(("'(' was never closed".into(), 1, 5, 0, false)));
        assert_eq!(err("x = 1.5e-3j + 0x_ff + 0o17 + 1_000.0_1\n"), None);
        assert_eq!(err("x = 1if y else 2\n"), None);
    }
}
