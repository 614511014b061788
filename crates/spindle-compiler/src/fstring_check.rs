//! f-strings as CPython 3.11 reads them (Parser/string_parser.c): the tokenizer sees a whole
//! f-string as one string token (so `f"{"a"}"` ends at the second quote), then the string is
//! split into literals and `{expression!conversion:format}` fields, and each expression is
//! parsed on its own as `(expression)`.
//!
//! ruff accepts the 3.12 grammar (PEP 701) and words f-string errors differently; this pass
//! finds the first error CPython 3.11 reports, with its message and position.

use crate::tokenizer::{TokKind, Token};
use crate::{SyntaxErrorInfo, SyntaxKind};

const MAXLEVEL: usize = 200;

enum FErr {
    /// Reported at the token after the string(s), as the parser's last token.
    Scan(String),
    /// The expression text (between `{` and its end) failed to parse; its line within the
    /// string token.
    Expr(String, u32),
}

struct Scanner<'a> {
    s: &'a [u8],
    raw: bool,
    /// Newlines before the current position (for an expression's line).
    base: usize,
}

impl Scanner<'_> {
    fn line_of(&self, pos: usize) -> u32 {
        self.s[..pos].iter().filter(|&&c| c == b'\n').count() as u32
    }

    /// `fstring_find_literal`: Ok(true) when a doubled brace ended the literal.
    fn literal(&self, i: &mut usize, end: usize, recurse: u32) -> Result<bool, FErr> {
        let s = self.s;
        let mut p = *i;
        while p < end {
            let mut ch = s[p];
            p += 1;
            if !self.raw && ch == b'\\' && p < end {
                ch = s[p];
                p += 1;
                if ch == b'N' {
                    if p < end {
                        let c = s[p];
                        p += 1;
                        if c == b'{' {
                            while p < end {
                                let c = s[p];
                                p += 1;
                                if c == b'}' {
                                    break;
                                }
                            }
                        }
                    }
                    continue;
                }
            }
            if ch == b'{' || ch == b'}' {
                if recurse == 0 {
                    if p < end && s[p] == ch {
                        *i = p + 1;
                        return Ok(true);
                    }
                    if ch == b'}' {
                        return Err(FErr::Scan("f-string: single '}' is not allowed".into()));
                    }
                }
                p -= 1;
                break;
            }
        }
        *i = p;
        Ok(false)
    }

    /// `fstring_find_expr`, starting at the `{`.
    fn expr(&self, i: &mut usize, end: usize, recurse: u32) -> Result<(), FErr> {
        let s = self.s;
        if recurse >= 2 {
            return Err(FErr::Scan("f-string: expressions nested too deeply".into()));
        }
        *i += 1;
        let start = *i;
        let mut quote: u8 = 0;
        let mut triple = false;
        let mut stack: Vec<u8> = Vec::new();
        while *i < end {
            let ch = s[*i];
            if ch == b'\\' {
                return Err(FErr::Scan("f-string expression part cannot include a backslash".into()));
            }
            if quote != 0 {
                if ch == quote {
                    if triple {
                        if *i + 2 < end && s[*i + 1] == ch && s[*i + 2] == ch {
                            *i += 3;
                            quote = 0;
                            triple = false;
                            continue;
                        }
                    } else {
                        quote = 0;
                    }
                }
                *i += 1;
                continue;
            }
            match ch {
                b'\'' | b'"' => {
                    if *i + 2 < end && s[*i + 1] == ch && s[*i + 2] == ch {
                        triple = true;
                        *i += 2;
                    }
                    quote = ch;
                }
                b'[' | b'{' | b'(' => {
                    if stack.len() >= MAXLEVEL {
                        return Err(FErr::Scan("f-string: too many nested parenthesis".into()));
                    }
                    stack.push(ch);
                }
                b'#' => return Err(FErr::Scan("f-string expression part cannot include '#'".into())),
                b'!' | b':' | b'}' | b'=' | b'>' | b'<' if stack.is_empty() => {
                    if *i + 1 < end {
                        let next = s[*i + 1];
                        if next == b'=' && matches!(ch, b'!' | b'=' | b'<' | b'>') {
                            *i += 2;
                            continue;
                        }
                    }
                    if ch == b'>' || ch == b'<' {
                        *i += 1;
                        continue;
                    }
                    break;
                }
                b']' | b'}' | b')' => {
                    let Some(open) = stack.pop() else {
                        return Err(FErr::Scan(format!("f-string: unmatched '{}'", ch as char)));
                    };
                    if !matches!((open, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}')) {
                        return Err(FErr::Scan(format!("f-string: closing parenthesis '{}' does not match opening parenthesis '{}'", ch as char, open as char)));
                    }
                }
                _ => {}
            }
            *i += 1;
        }
        let expr_end = *i;
        if quote != 0 {
            return Err(FErr::Scan("f-string: unterminated string".into()));
        }
        if let Some(&open) = stack.last() {
            return Err(FErr::Scan(format!("f-string: unmatched '{}'", open as char)));
        }
        let expecting = || FErr::Scan("f-string: expecting '}'".into());
        if *i >= end {
            return Err(expecting());
        }
        // fstring_compile_expr: the expression must not be blank, and must parse.
        let text = &s[start..expr_end];
        if text.iter().all(|&c| matches!(c, b' ' | b'\t' | b'\n' | 0x0c)) {
            let e = s[expr_end];
            return Err(FErr::Scan(if matches!(e, b'!' | b':' | b'=') { format!("f-string: expression required before '{}'", e as char) } else { "f-string: empty expression not allowed".into() }));
        }
        let code = String::from_utf8_lossy(text).into_owned();
        if !expression_parses(&code) {
            let line = self.line_of(start) + self.base as u32;
            return Err(FErr::Expr(code, line));
        }
        if s[*i] == b'=' {
            *i += 1;
            while *i < end && s[*i].is_ascii_whitespace() {
                *i += 1;
            }
            if *i >= end {
                return Err(expecting());
            }
        }
        if s[*i] == b'!' {
            *i += 1;
            if *i >= end {
                return Err(expecting());
            }
            let conv = s[*i];
            *i += 1;
            if !matches!(conv, b's' | b'r' | b'a') {
                return Err(FErr::Scan("f-string: invalid conversion character: expected 's', 'r', or 'a'".into()));
            }
        }
        if *i >= end {
            return Err(expecting());
        }
        if s[*i] == b':' {
            *i += 1;
            if *i >= end {
                return Err(expecting());
            }
            self.parse(i, end, recurse + 1)?;
        }
        if *i >= end || s[*i] != b'}' {
            return Err(expecting());
        }
        *i += 1;
        Ok(())
    }

    /// `fstring_parse`: literals and fields up to the end (or a `}` in a format spec).
    fn parse(&self, i: &mut usize, end: usize, recurse: u32) -> Result<(), FErr> {
        loop {
            if self.literal(i, end, recurse)? {
                continue;
            }
            if *i >= end || self.s[*i] == b'}' {
                break;
            }
            self.expr(i, end, recurse)?;
        }
        if recurse == 0 && *i + 1 < end {
            return Err(FErr::Scan("f-string: unexpected end of string".into()));
        }
        if recurse != 0 && (*i >= end || self.s[*i] != b'}') {
            return Err(FErr::Scan("f-string: expecting '}'".into()));
        }
        Ok(())
    }
}

/// Whether `(code)` parses as CPython's f-string expression rule would accept it.
fn expression_parses(code: &str) -> bool {
    let wrapped = format!("({code})\n");
    if crate::tokenizer::tokenize(&wrapped).error.is_some() {
        return false;
    }
    ruff_python_parser::parse_module(&wrapped).is_ok()
}

/// The body of a string token: (prefix, body start, body end) in the token text.
fn split(tok: &str) -> Option<(&str, usize, usize)> {
    let q = tok.find(['\'', '"'])?;
    let prefix = &tok[..q];
    let qc = tok.as_bytes()[q];
    let n = if tok.as_bytes()[q..].starts_with(&[qc, qc, qc]) && tok.len() >= q + 6 { 3 } else { 1 };
    let end = tok.len().checked_sub(n)?;
    (q + n <= end).then_some((prefix, q + n, end))
}

/// The first f-string error in the source, as (position of the string, error).
pub(crate) fn check(src: &str, toks: &[Token], filename: &str) -> Option<(usize, SyntaxErrorInfo)> {
    let starts = crate::compile::line_starts(src);
    let line_text = |line: u32| -> String {
        let i = (line as usize).saturating_sub(1);
        let a = starts.get(i).copied().unwrap_or(0) as usize;
        let b = starts.get(i + 1).map_or(src.len(), |&e| e as usize);
        src.get(a..b).unwrap_or("").trim_end_matches('\n').to_string()
    };
    let mut k = 0;
    while k < toks.len() {
        if toks[k].kind != TokKind::String {
            k += 1;
            continue;
        }
        let first = k;
        while k < toks.len() && toks[k].kind == TokKind::String {
            k += 1;
        }
        for t in &toks[first..k] {
            let text = src.get(t.start..t.end)?;
            let Some((prefix, bs, be)) = split(text) else { continue };
            if !prefix.contains(['f', 'F']) {
                continue;
            }
            let body = &text.as_bytes()[..be];
            let base = text[..bs].matches('\n').count();
            let sc = Scanner { s: body, raw: prefix.contains(['r', 'R']), base };
            let mut i = bs;
            let Err(err) = sc.parse(&mut i, be, 0) else { continue };
            let info = match err {
                FErr::Scan(msg) => {
                    // At the token after the strings (CPython's last token read).
                    let after = toks.get(k).unwrap_or(&toks[k - 1]);
                    let (line, col) = crate::compile::line_col(&starts, after.start as u32);
                    let lt = line_text(line);
                    let off = lt.get(..col as usize).map_or(col as i32, |p| p.chars().count() as i32) + 1;
                    let width = if after.kind == TokKind::Newline { 0 } else { src.get(after.start..after.end).map_or(0, |x| x.chars().count() as i32) };
                    // CPython's text is the tokenizer's buffer: every line of the string token.
                    let first_line = toks[first].line;
                    let text = (first_line..=line).map(&line_text).collect::<Vec<_>>().join("\n");
                    SyntaxErrorInfo { message: msg, filename: filename.to_string(), lineno: line, offset: off, end_lineno: line, end_offset: off + width, text: Some(format!("{text}\n")), kind: SyntaxKind::Syntax, from_compiler: false }
                }
                FErr::Expr(code, line_in) => {
                    let wrapped = format!("({code})\n");
                    let toks2 = crate::tokenizer::tokenize(&wrapped);
                    let mut info = match (&toks2.error, ruff_python_parser::parse_module(&wrapped)) {
                        (Some(te), _) => crate::syntax_errors::from_tok_error(te, filename),
                        (None, Err(e)) => crate::syntax_errors::from_parse_error(&e, &wrapped, filename, &toks2, false),
                        (None, Ok(_)) => continue,
                    };
                    info.message = format!("f-string: {}", info.message);
                    let delta = t.line + line_in - 1;
                    info.lineno += delta;
                    info.end_lineno += delta;
                    info.text = Some(wrapped.lines().next().map(|l| format!("{l}\n")).unwrap_or_default());
                    info
                }
            };
            return Some((toks[first].start, info));
        }
    }
    None
}
