//! Caret anchors for traceback lines, as CPython 3.11's `extract_anchors_from_line`
//! (Python/traceback.c): the failing expression's source segment is parsed on its own; a binary
//! operation highlights its operator, a subscript its `[...]`, anything else nothing.

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::Ranged;

/// Secondary range of a traceback segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchors {
    /// Byte offset (in the segment) where the secondary range starts.
    pub left: usize,
    /// Byte offset (in the segment) where it ends (exclusive).
    pub right: usize,
    /// Whether the primary character becomes `~` and the secondary `^` (false: both `^`).
    pub tilde: bool,
}

fn is_ws(c: u8) -> bool {
    c == b' ' || c == b'\t' || c == 0x0c
}

/// Anchors for `segment` (one line of source, exactly the failing expression), or None when the
/// segment does not parse as a single expression statement of a kind CPython specialises.
pub fn traceback_anchors(segment: &str) -> Option<Anchors> {
    let parsed = ruff_python_parser::parse_module(segment).ok()?;
    let module = parsed.into_syntax();
    let [Stmt::Expr(stmt)] = module.body.as_slice() else { return None };
    let s = segment.as_bytes();
    match stmt.value.as_ref() {
        Expr::BinOp(b) => {
            let lend = b.left.range().end().to_usize();
            let rstart = b.right.range().start().to_usize();
            let mut out = None;
            let mut i = lend;
            while i < rstart {
                let c = *s.get(i)?;
                if is_ws(c) {
                    i += 1;
                    continue;
                }
                let mut right = i + 1;
                if i + 1 < rstart && !is_ws(*s.get(i + 1)?) {
                    right += 1;
                }
                // A closing parenthesis of the left operand: keep looking for the operator.
                if i + 1 < rstart && c == b')' {
                    out = Some(Anchors { left: i, right, tilde: false });
                    i += 1;
                    continue;
                }
                return Some(Anchors { left: i, right, tilde: true });
            }
            out
        }
        Expr::Subscript(sub) => {
            let len = s.len();
            let mut left = sub.value.range().end().to_usize();
            let mut right = sub.slice.range().end().to_usize() + 1;
            while left < len && s[left] != b'[' {
                left += 1;
            }
            while right < len && s[right] != b']' {
                right += 1;
            }
            if right < len {
                right += 1;
            }
            Some(Anchors { left, right, tilde: true })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binop_operator() {
        assert_eq!(traceback_anchors("x / y"), Some(Anchors { left: 2, right: 3, tilde: true }));
        assert_eq!(traceback_anchors("a // b"), Some(Anchors { left: 2, right: 4, tilde: true }));
        assert_eq!(traceback_anchors("(a)+(b)"), Some(Anchors { left: 3, right: 5, tilde: true }));
    }

    #[test]
    fn subscript_brackets() {
        assert_eq!(traceback_anchors("lst[10]"), Some(Anchors { left: 3, right: 7, tilde: true }));
        assert_eq!(traceback_anchors("f(x)"), None);
        assert_eq!(traceback_anchors("x = 1"), None);
        assert_eq!(traceback_anchors("f(x"), None);
    }
}
