//! String literals that spell a lone surrogate (`'\ud800'`, `'\U0000dfff'`).
//!
//! Spindle's `str` is UTF-8, which cannot hold U+D800..U+DFFF, and the parser decodes such an
//! escape to U+FFFD. Compiling that would silently give a different string than CPython's, so
//! the literal is refused with a SyntaxError instead (CPython's "(unicode error)" family).

use crate::tokenizer::{TokKind, Token};
use crate::{SyntaxErrorInfo, SyntaxKind};

/// The first lone-surrogate escape in a (non-raw, non-bytes) string token: (byte offset of
/// the backslash, code point).
fn find_in_token(text: &str) -> Option<(usize, u32)> {
    let b = text.as_bytes();
    let quote = b.iter().position(|&c| c == b'\'' || c == b'"')?;
    let prefix = text[..quote].to_ascii_lowercase();
    if prefix.contains('r') || prefix.contains('b') {
        return None;
    }
    let mut i = quote;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        let digits = match b.get(i + 1) {
            Some(b'u') => 4,
            Some(b'U') => 8,
            _ => {
                // Any other escape (including `\\`) is two bytes; what follows is plain text.
                i += 2;
                continue;
            }
        };
        let hex = b.get(i + 2..i + 2 + digits).and_then(|h| std::str::from_utf8(h).ok());
        if let Some(cp) = hex.and_then(|h| u32::from_str_radix(h, 16).ok()) {
            if (0xd800..0xe000).contains(&cp) {
                return Some((i, cp));
            }
        }
        i += 2;
    }
    None
}

/// A SyntaxError for the first string literal of `tokens` holding a lone surrogate escape.
pub(crate) fn check(src: &str, tokens: &[Token], filename: &str) -> Option<SyntaxErrorInfo> {
    for t in tokens.iter().filter(|t| t.kind == TokKind::String) {
        let text = src.get(t.start..t.end)?;
        let Some((at, cp)) = find_in_token(text) else { continue };
        let pos = t.start + at;
        let line_start = src[..pos].rfind('\n').map_or(0, |n| n + 1);
        let line_end = src[pos..].find('\n').map_or(src.len(), |n| pos + n);
        let lineno = src[..pos].matches('\n').count() as u32 + 1;
        let col = src[line_start..pos].chars().count() as i32 + 1;
        let esc_len = if text.as_bytes()[at + 1] == b'U' { 10 } else { 6 };
        return Some(SyntaxErrorInfo {
            message: format!(
                "(unicode error) lone surrogate \\u{cp:04x} in a string literal: Spindle's str is UTF-8 and cannot hold surrogates"
            ),
            filename: filename.to_string(),
            lineno,
            offset: col,
            end_lineno: lineno,
            end_offset: col + esc_len,
            text: Some(format!("{}\n", &src[line_start..line_end])),
            kind: SyntaxKind::Syntax,
            from_compiler: false,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::find_in_token;

    #[test]
    fn finds_only_real_surrogate_escapes() {
        assert_eq!(find_in_token(r#"'\ud800'"#), Some((1, 0xd800)));
        assert_eq!(find_in_token(r#"f'x{1}\U0000DFFF'"#), Some((6, 0xdfff)));
        assert_eq!(find_in_token(r#"'\\ud800'"#), None);
        assert_eq!(find_in_token(r#"r'\ud800'"#), None);
        assert_eq!(find_in_token(r#"b'\ud800'"#), None);
        assert_eq!(find_in_token(r#"'\ue000 \ud7ff'"#), None);
        assert_eq!(find_in_token(r#"'\\\ud800'"#), Some((3, 0xd800)));
    }
}
