//! Turning parser and compiler errors into CPython-shaped `SyntaxError` reports.
//!
//! ruff's parser words its errors differently from CPython's PEG parser; this module maps the
//! common cases to CPython 3.11's messages and falls back to "invalid syntax".

use crate::compile::{line_col, line_starts, CompileError};
use crate::{SyntaxErrorInfo, SyntaxKind};
use ruff_python_parser::{LexicalErrorType, ParseError, ParseErrorType};
use ruff_text_size::TextRange;

/// CPython's parser gives up past 200 nested parentheses; its compiler past ~100 nested blocks.
const MAX_PAREN_DEPTH: usize = 200;
const MAX_BLOCK_DEPTH: usize = 100;

fn info(message: String, source: &str, filename: &str, range: TextRange, kind: SyntaxKind) -> SyntaxErrorInfo {
    let starts = line_starts(source);
    let start = range.start().to_u32().min(source.len() as u32);
    let end = range.end().to_u32().min(source.len() as u32).max(start);
    let (line, col) = line_col(&starts, start);
    let (end_line, end_col) = line_col(&starts, end);
    let line_text = line_text(source, &starts, line);
    let to_chars = |l: u32, byte_col: u32| -> u32 {
        let t = line_text_raw(source, &starts, l);
        let b = (byte_col as usize).min(t.len());
        t.get(..b).map(|s| s.chars().count() as u32).unwrap_or(b as u32) + 1
    };
    SyntaxErrorInfo {
        message,
        filename: filename.to_string(),
        lineno: line,
        offset: to_chars(line, col),
        end_lineno: end_line,
        end_offset: to_chars(end_line, end_col),
        text: line_text,
        kind,
    }
}

fn line_text_raw<'s>(source: &'s str, starts: &[u32], line: u32) -> &'s str {
    let i = (line as usize).saturating_sub(1);
    let Some(&s) = starts.get(i) else { return "" };
    let e = starts.get(i + 1).copied().unwrap_or(source.len() as u32);
    source.get(s as usize..e as usize).unwrap_or("").trim_end_matches(['\n', '\r'])
}

fn line_text(source: &str, starts: &[u32], line: u32) -> Option<String> {
    if (line as usize) > starts.len() {
        return None;
    }
    Some(line_text_raw(source, starts, line).to_string())
}

pub(crate) fn from_compile_error(e: &CompileError, source: &str, filename: &str) -> SyntaxErrorInfo {
    let kind = if e.message == crate::symtable::PARSER_STACK_OVERFLOW { SyntaxKind::Memory } else { SyntaxKind::Syntax };
    info(e.message.clone(), source, filename, e.range, kind)
}

pub(crate) fn from_parse_error(e: &ParseError, source: &str, filename: &str) -> SyntaxErrorInfo {
    let mut kind = SyntaxKind::Syntax;
    let mut range = e.location;
    let msg = match &e.error {
        ParseErrorType::Lexical(lex) => match lex {
            LexicalErrorType::IndentationError => {
                kind = SyntaxKind::Indentation;
                "unindent does not match any outer indentation level".to_string()
            }
            LexicalErrorType::UnclosedStringError => "unterminated string literal (detected at line {line})".to_string(),
            LexicalErrorType::UnrecognizedToken { tok } => {
                if *tok == '$' || *tok == '?' || *tok == '`' {
                    "invalid syntax".to_string()
                } else {
                    format!("invalid character '{tok}' (U+{:04X})", *tok as u32)
                }
            }
            LexicalErrorType::Eof => "unexpected EOF while parsing".to_string(),
            other => {
                let s = other.to_string();
                if s.contains("triple-quoted") {
                    "unterminated triple-quoted string literal (detected at line {lastline})".to_string()
                } else {
                    "invalid syntax".to_string()
                }
            }
        },
        ParseErrorType::UnexpectedIndentation => {
            kind = SyntaxKind::Indentation;
            "unexpected indent".to_string()
        }
        ParseErrorType::ExpectedToken { expected, found } => {
            let exp = format!("{expected}");
            let fnd = format!("{found}");
            if fnd.contains("Unexpected") || fnd.contains("unexpected") {
                "invalid syntax".to_string()
            } else if exp.contains("':'") || exp == "':'" || exp.contains("Colon") {
                "expected ':'".to_string()
            } else if exp.contains("Indent") || exp.contains("indent") {
                kind = SyntaxKind::Indentation;
                "expected an indented block".to_string()
            } else {
                "invalid syntax".to_string()
            }
        }
        ParseErrorType::InvalidAssignmentTarget | ParseErrorType::InvalidNamedAssignmentTarget | ParseErrorType::InvalidAugmentedAssignmentTarget | ParseErrorType::InvalidAnnotatedAssignmentTarget | ParseErrorType::InvalidDeleteTarget => {
            // Let the compiler produce CPython's wording where we can (it re-checks targets).
            "cannot assign to expression".to_string()
        }
        ParseErrorType::NonDefaultParamAfterDefaultParam => "non-default argument follows default argument".to_string(),
        ParseErrorType::PositionalAfterKeywordArgument => "positional argument follows keyword argument".to_string(),
        ParseErrorType::PositionalAfterKeywordUnpacking => "positional argument follows keyword argument unpacking".to_string(),
        ParseErrorType::InvalidArgumentUnpackingOrder => "iterable argument unpacking follows keyword argument unpacking".to_string(),
        ParseErrorType::EmptySlice => "invalid syntax".to_string(),
        ParseErrorType::OtherError(m) => {
            if m.contains("Expected an indented block") || m.contains("indented block") {
                kind = SyntaxKind::Indentation;
                "expected an indented block".to_string()
            } else {
                "invalid syntax".to_string()
            }
        }
        _ => "invalid syntax".to_string(),
    };
    // Unclosed bracket: CPython reports "'(' was never closed" at the bracket.
    if let Some((pos, ch)) = unclosed_bracket(source) {
        let at_eof = range.start().to_usize() >= source.trim_end().len() || matches!(e.error, ParseErrorType::Lexical(LexicalErrorType::Eof));
        if at_eof || (msg == "invalid syntax" && pos < range.start().to_usize() && !source[pos..].contains('\n')) {
            range = TextRange::new((pos as u32).into(), (pos as u32 + 1).into());
            return info(format!("'{ch}' was never closed"), source, filename, range, SyntaxKind::Syntax);
        }
    }
    let mut out = info(msg, source, filename, range, kind);
    if out.message.contains("{line}") {
        out.message = out.message.replace("{line}", &out.lineno.to_string());
    }
    if out.message.contains("{lastline}") {
        let last = line_starts(source).len() as u32;
        out.message = out.message.replace("{lastline}", &last.to_string());
    }
    out
}

/// Positions and bytes of the brackets in `source`, skipping strings and comments.
fn brackets(source: &str) -> Vec<(usize, u8)> {
    let b = source.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\'' | b'"' => {
                let triple = i + 2 < b.len() && b[i + 1] == c && b[i + 2] == c;
                if triple {
                    i += 3;
                    while i + 2 < b.len() && !(b[i] == c && b[i + 1] == c && b[i + 2] == c) {
                        if b[i] == b'\\' {
                            i += 1;
                        }
                        i += 1;
                    }
                    i += 3;
                } else {
                    i += 1;
                    while i < b.len() && b[i] != c && b[i] != b'\n' {
                        if b[i] == b'\\' {
                            i += 1;
                        }
                        i += 1;
                    }
                    i += 1;
                }
                continue;
            }
            b'(' | b'[' | b'{' | b')' | b']' | b'}' => out.push((i, c)),
            _ => {}
        }
        i += 1;
    }
    out
}

/// The first opening bracket that is never closed (ignoring strings and comments).
fn unclosed_bracket(source: &str) -> Option<(usize, char)> {
    let mut stack: Vec<(usize, char)> = Vec::new();
    for (i, c) in brackets(source) {
        if matches!(c, b'(' | b'[' | b'{') {
            stack.push((i, c as char));
        } else {
            stack.pop();
        }
    }
    stack.first().copied()
}

/// Reject sources nested too deeply for the parser's recursion, as CPython does.
pub(crate) fn nesting_check(source: &str, filename: &str) -> Option<SyntaxErrorInfo> {
    let b = source.as_bytes();
    let mut depth = 0usize;
    for (i, c) in brackets(source) {
        if matches!(c, b'(' | b'[' | b'{') {
            depth += 1;
            if depth > MAX_PAREN_DEPTH {
                let r = TextRange::new((i as u32).into(), (i as u32 + 1).into());
                return Some(info("too many nested parentheses".into(), source, filename, r, SyntaxKind::Syntax));
            }
        } else {
            depth = depth.saturating_sub(1);
        }
    }
    // Indentation depth: count leading-whitespace levels.
    let mut levels: Vec<usize> = vec![0];
    let mut offset = 0usize;
    for line in source.split_inclusive('\n') {
        let trimmed = line.trim_start_matches([' ', '\t']);
        let indent = line.len() - trimmed.len();
        if !trimmed.trim().is_empty() && !trimmed.starts_with('#') {
            while levels.len() > 1 && indent < *levels.last().unwrap_or(&0) {
                levels.pop();
            }
            if indent > *levels.last().unwrap_or(&0) {
                levels.push(indent);
                if levels.len() > MAX_BLOCK_DEPTH {
                    let r = TextRange::new((offset as u32).into(), (offset as u32 + 1).into());
                    return Some(info("too many statically nested blocks".into(), source, filename, r, SyntaxKind::Syntax));
                }
            }
        }
        offset += line.len();
    }
    // Deeply nested unary/binary operators without brackets (e.g. `-----...-1` or `not not ...`)
    // also recurse: bound the length of operator runs.
    let mut run = 0usize;
    for (i, &c) in b.iter().enumerate() {
        if c == b'-' || c == b'+' || c == b'~' {
            run += 1;
            if run > 1000 {
                let r = TextRange::new((i as u32).into(), (i as u32 + 1).into());
                return Some(info("too many nested parentheses".into(), source, filename, r, SyntaxKind::Syntax));
            }
        } else if c != b' ' {
            run = 0;
        }
    }
    None
}
