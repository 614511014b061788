//! Turning tokenizer, parser and compiler errors into CPython 3.11's `SyntaxError` reports.
//!
//! Precedence follows CPython's pegen: an error CPython's tokenizer raises by itself
//! ([`crate::tokenizer`]) wins over any parser error (CPython re-tokenizes the rest of the file
//! after a parser error); an error the tokenizer only flags wins when the parser gets that far;
//! an unclosed bracket opened on an earlier line than a parser error replaces it. Parser errors
//! come from ruff; this module words them as CPython's grammar rules (`invalid_*`) do, with
//! CPython's token positions.

use crate::compile::{line_col, line_starts, CompileError};
use crate::tokenizer::{TokError, TokKind, Token, Tokenized};
use crate::{SyntaxErrorInfo, SyntaxKind};
use ruff_python_ast::{self as ast, Expr};
use ruff_python_ast::token::TokenKind;
use ruff_python_parser::{LexicalErrorType, ParseError, ParseErrorType};
use ruff_text_size::{Ranged, TextRange};

/// CPython's compiler gives up past ~100 nested blocks.
const MAX_BLOCK_DEPTH: usize = 100;

/// Characters in the first `byte_col` bytes of `line` (CPython's byte-to-character offsets).
fn char_col(line: &str, byte_col: usize) -> i32 {
    let b = line.as_bytes();
    let n = byte_col.min(b.len());
    String::from_utf8_lossy(&b[..n]).chars().count() as i32
}

fn line_at<'s>(source: &'s str, starts: &[u32], line: u32) -> &'s str {
    let i = (line as usize).saturating_sub(1);
    let Some(&s) = starts.get(i) else { return "" };
    let e = starts.get(i + 1).copied().unwrap_or(source.len() as u32);
    source.get(s as usize..e as usize).unwrap_or("").trim_end_matches('\n')
}

/// A compiler (or symtable) error at `range`: CPython reads the text from the file, so the
/// VM fills it in (`from_compiler`).
fn info(message: String, source: &str, filename: &str, range: TextRange, kind: SyntaxKind) -> SyntaxErrorInfo {
    let starts = line_starts(source);
    let start = range.start().to_u32().min(source.len() as u32);
    let end = range.end().to_u32().min(source.len() as u32).max(start);
    let (line, col) = line_col(&starts, start);
    let (end_line, end_col) = line_col(&starts, end);
    SyntaxErrorInfo {
        message,
        filename: filename.to_string(),
        lineno: line,
        offset: char_col(line_at(source, &starts, line), col as usize) + 1,
        end_lineno: end_line,
        end_offset: char_col(line_at(source, &starts, end_line), end_col as usize) + 1,
        text: Some(format!("{}\n", line_at(source, &starts, line))),
        kind,
        from_compiler: true,
    }
}

pub(crate) fn from_compile_error(e: &CompileError, source: &str, filename: &str) -> SyntaxErrorInfo {
    let kind = if e.message == crate::symtable::PARSER_STACK_OVERFLOW { SyntaxKind::Memory } else { SyntaxKind::Syntax };
    let mut out = info(e.message.clone(), source, filename, e.range, kind);
    // Grammar errors keep the source line as the parser gives it.
    out.from_compiler = !e.parser;
    out
}

pub(crate) fn from_tok_error(e: &TokError, filename: &str) -> SyntaxErrorInfo {
    SyntaxErrorInfo {
        message: e.message.clone(),
        filename: filename.to_string(),
        lineno: e.lineno,
        offset: e.offset,
        end_lineno: e.end_lineno,
        end_offset: e.end_offset,
        text: e.text.clone(),
        kind: e.kind,
        from_compiler: false,
    }
}

/// A parser error reported at CPython's positions (1-based character offsets).
struct Located {
    message: String,
    kind: SyntaxKind,
    line: u32,
    offset: i32,
    end_line: u32,
    end_offset: i32,
}

struct Ctx<'a> {
    src: &'a str,
    /// Tokenizing a file (the main script) rather than a string.
    file_mode: bool,
    starts: Vec<u32>,
    toks: &'a [Token],
}

impl<'a> Ctx<'a> {
    fn line(&self, line: u32) -> &'a str {
        line_at(self.src, &self.starts, line)
    }

    /// 1-based line and character offset of a byte position.
    fn at(&self, pos: usize) -> (u32, i32) {
        let (line, col) = line_col(&self.starts, pos.min(self.src.len()) as u32);
        (line, char_col(self.line(line), col as usize) + 1)
    }

    /// Index of the token at `pos` (starting there or containing it), else the next one.
    fn token_index(&self, pos: usize) -> usize {
        if let Some(i) = self.toks.iter().position(|t| t.col.is_some() && t.start <= pos && pos < t.end.max(t.start + 1)) {
            return i;
        }
        self.toks.iter().position(|t| t.start >= pos && t.col.is_some()).unwrap_or(self.toks.len().saturating_sub(1))
    }

    fn tok(&self, i: usize) -> Option<&'a Token> {
        self.toks.get(i)
    }

    fn text(&self, t: &Token) -> &'a str {
        self.src.get(t.start..t.end).unwrap_or("")
    }

    fn is_op(&self, i: usize, op: &str) -> bool {
        self.tok(i).is_some_and(|t| t.kind == TokKind::Op && self.text(t) == op)
    }

    fn is_name(&self, i: usize, name: &str) -> bool {
        self.tok(i).is_some_and(|t| t.kind == TokKind::Name && self.text(t) == name)
    }

    /// A located error spanning the tokens `first..=last`.
    fn span(&self, message: impl Into<String>, first: &Token, last: &Token) -> Located {
        let (line, offset) = self.at(first.start);
        let (end_line, end_offset) = self.at(last.end);
        Located { message: message.into(), kind: SyntaxKind::Syntax, line, offset, end_line, end_offset }
    }

    fn on_token(&self, message: impl Into<String>, i: usize) -> Located {
        match self.tok(i) {
            Some(t) => self.span(message, t, t),
            None => Located { message: message.into(), kind: SyntaxKind::Syntax, line: 1, offset: 1, end_line: 1, end_offset: 1 },
        }
    }

    fn on_range(&self, message: impl Into<String>, r: TextRange) -> Located {
        let (line, offset) = self.at(r.start().to_usize());
        let (end_line, end_offset) = self.at(r.end().to_usize());
        Located { message: message.into(), kind: SyntaxKind::Syntax, line, offset, end_line, end_offset }
    }

    /// Index of the first token of the logical line containing token `i`.
    fn stmt_start(&self, i: usize) -> usize {
        let mut j = i;
        while j > 0 {
            let p = &self.toks[j - 1];
            if matches!(p.kind, TokKind::Newline | TokKind::Indent | TokKind::Dedent) || (p.level == 0 && p.kind == TokKind::Op && self.text(p) == ";") {
                break;
            }
            j -= 1;
        }
        j
    }

    /// The keyword starting the statement of token `i` (`async` skipped).
    fn stmt_keyword(&self, i: usize) -> &'a str {
        let mut s = self.stmt_start(i);
        if self.is_name(s, "async") {
            s += 1;
        }
        match self.tok(s) {
            Some(t) if t.kind == TokKind::Name => self.text(t),
            _ => "",
        }
    }

    /// Index of the first token of the expression ending just before token `i`, inside the
    /// same bracket (stops after an opening bracket, a comma, `=`, `:` or a keyword).
    fn expr_start_before(&self, i: usize) -> usize {
        let level = self.tok(i).map_or(0, |t| t.level);
        let mut j = i;
        while j > 0 {
            let p = &self.toks[j - 1];
            if p.level < level || matches!(p.kind, TokKind::Newline | TokKind::Indent | TokKind::Dedent) {
                break;
            }
            if p.level == level {
                let s = self.text(p);
                let stop_op = p.kind == TokKind::Op && matches!(s, "," | "=" | ":" | ";" | "(" | "[" | "{" | "+=" | "-=" | "*=" | "/=" | ":=" | "->");
                // A disjunction spans `and`/`or`/`not`/comparisons; it stops at these.
                let stop_kw = p.kind == TokKind::Name && matches!(s, "return" | "for" | "if" | "else" | "while" | "elif" | "del" | "assert" | "yield" | "lambda" | "import" | "from" | "as" | "with" | "raise" | "print" | "exec");
                if stop_op || stop_kw {
                    break;
                }
            }
            j -= 1;
        }
        j
    }

    /// Index of the last token of the expression starting at token `i`: operands joined by
    /// operators, attribute/call/subscript trailers, conditional expressions and lambdas.
    fn expr_end_from(&self, i: usize) -> usize {
        let is_kw = |t: &Token, w: &str| t.kind == TokKind::Name && self.text(t) == w;
        let skip_brackets = |mut j: usize| -> usize {
            // j is an opening bracket: the index of its closing one.
            let level = self.toks[j].level;
            while let Some(n) = self.tok(j + 1) {
                j += 1;
                if n.level == level {
                    break;
                }
            }
            j
        };
        let mut j = i;
        let mut need_operand = true;
        let mut last = i;
        while let Some(t) = self.tok(j) {
            let s = self.text(t);
            if need_operand {
                match t.kind {
                    TokKind::Name if matches!(s, "not" | "await") => {}
                    TokKind::Name if s == "lambda" => {
                        // A lambda runs to the end of the expression.
                        let mut k = j;
                        while let Some(n) = self.tok(k + 1) {
                            if n.level < t.level || matches!(n.kind, TokKind::Newline | TokKind::EndMarker) || (n.level == t.level && n.kind == TokKind::Op && matches!(self.text(n), "," | ")" | "]" | "}" | ";")) {
                                break;
                            }
                            k += 1;
                        }
                        return k;
                    }
                    TokKind::Name | TokKind::Number | TokKind::String => {
                        need_operand = false;
                        last = j;
                    }
                    TokKind::Op if matches!(s, "(" | "[" | "{") => {
                        j = skip_brackets(j);
                        need_operand = false;
                        last = j;
                    }
                    TokKind::Op if matches!(s, "-" | "+" | "~" | "*" | "**") => {}
                    _ => return last,
                }
                j += 1;
                continue;
            }
            match t.kind {
                TokKind::Op if s == "." => {
                    j += 1;
                    last = j;
                }
                TokKind::Op if matches!(s, "(" | "[") => {
                    j = skip_brackets(j);
                    last = j;
                }
                TokKind::String if self.tok(j - 1).is_some_and(|p| p.kind == TokKind::String) => last = j,
                TokKind::Op if matches!(s, "+" | "-" | "*" | "/" | "//" | "%" | "**" | "@" | "<<" | ">>" | "&" | "|" | "^" | "<" | ">" | "==" | "!=" | "<=" | ">=") => need_operand = true,
                TokKind::Name if matches!(s, "and" | "or" | "in" | "is" | "if" | "else") => need_operand = true,
                TokKind::Name if s == "not" && self.tok(j + 1).is_some_and(|n| is_kw(n, "in")) => {
                    j += 1;
                    need_operand = true;
                }
                _ => return last,
            }
            j += 1;
        }
        last
    }
}

/// `_PyPegen_get_expr_name`.
fn expr_name(e: &Expr) -> &'static str {
    match e {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) | Expr::TString(_) => "f-string expression",
        Expr::NoneLiteral(_) => "None",
        Expr::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        _ => "literal",
    }
}

/// Whether CPython's `invalid_named_expression` ("... here. Maybe you meant '=='") can see `e`
/// as its target: a `bitwise_or` that is not a list, tuple, generator or True/None/False.
fn here_target(e: &Expr) -> bool {
    !matches!(
        e,
        Expr::List(_) | Expr::Tuple(_) | Expr::Generator(_) | Expr::BooleanLiteral(_) | Expr::NoneLiteral(_) | Expr::Compare(_) | Expr::BoolOp(_) | Expr::If(_) | Expr::Lambda(_) | Expr::Named(_) | Expr::Starred(_) | Expr::Yield(_) | Expr::YieldFrom(_)
    ) && !matches!(e, Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not)
}

/// `_PyPegen_get_invalid_target`: the sub-expression that cannot be a target.
fn invalid_target(e: &Expr, del: bool) -> Option<&Expr> {
    match e {
        Expr::List(ast::ExprList { elts, .. }) | Expr::Tuple(ast::ExprTuple { elts, .. }) => elts.iter().find_map(|x| invalid_target(x, del)),
        Expr::Starred(s) => {
            if del {
                Some(e)
            } else {
                invalid_target(&s.value, del)
            }
        }
        Expr::Name(_) | Expr::Subscript(_) | Expr::Attribute(_) => None,
        _ => Some(e),
    }
}

/// The expression at `range` of the source, parsed on its own (positions relative to `range`).
fn parse_at(src: &str, range: TextRange) -> Option<(Expr, usize)> {
    let text = src.get(range.start().to_usize()..range.end().to_usize())?;
    let parsed = ruff_python_parser::parse_expression(text).ok()?;
    Some((parsed.into_expr(), range.start().to_usize()))
}

fn shift(r: TextRange, by: usize) -> TextRange {
    TextRange::new((r.start().to_u32() + by as u32).into(), (r.end().to_u32() + by as u32).into())
}

/// Word a ruff parse error as CPython's parser would.
fn parser_error(e: &ParseError, cx: &Ctx) -> Located {
    let pos = e.location.start().to_usize();
    let i = cx.token_index(pos);
    let invalid = || cx.on_token("invalid syntax", i);
    if cx.is_op(i, "=") {
        if let Some(l) = named_expression_eq(cx, i) {
            return l;
        }
    }
    if cx.stmt_keyword(i) == "case" {
        if let Some(l) = pattern_error(e, cx, i) {
            return l;
        }
    }
    match &e.error {
        ParseErrorType::UnexpectedIndentation => {
            let ind = cx.toks.iter().find(|t| t.kind == TokKind::Indent && t.start >= pos).or_else(|| cx.toks.iter().rev().find(|t| t.kind == TokKind::Indent && t.start <= pos));
            let (line, offset) = match ind {
                Some(t) => {
                    let (l, o) = cx.at(t.start);
                    (l, o - 1)
                }
                None => cx.at(pos),
            };
            Located { message: "unexpected indent".into(), kind: SyntaxKind::Indentation, line, offset, end_line: line, end_offset: -1 }
        }
        ParseErrorType::ExpectedToken { expected, found } => {
            let kw = cx.stmt_keyword(i);
            let at_newline = cx.tok(i).is_some_and(|t| t.kind == TokKind::Newline);
            match expected {
                TokenKind::Colon => {
                    if *found == TokenKind::Equal {
                        return invalid();
                    }
                    if cx.tok(i).is_some_and(|t| t.level > 0) {
                        if let Some(l) = forgot_comma(cx, i) {
                            return l;
                        }
                    }
                    let forced = matches!(kw, "def" | "try" | "else" | "finally");
                    if at_newline || forced {
                        cx.on_token("expected ':'", i)
                    } else {
                        invalid()
                    }
                }
                TokenKind::Lpar if kw == "def" => cx.on_token("expected '('", i),
                TokenKind::Else => {
                    // `x = a if b` without else: from the body to the condition.
                    let Some(if_i) = (0..i).rev().find(|&j| cx.is_name(j, "if") && cx.tok(j).map(|t| t.level) == cx.tok(i).map(|t| t.level)) else { return invalid() };
                    let a = cx.expr_start_before(if_i);
                    match (cx.tok(a), cx.tok(i.saturating_sub(1))) {
                        (Some(a), Some(b)) => cx.span("expected 'else' after 'if' expression", a, b),
                        _ => invalid(),
                    }
                }
                TokenKind::Comma | TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => forgot_comma(cx, i).unwrap_or_else(invalid),
                _ => invalid(),
            }
        }
        ParseErrorType::OtherError(m) if m.starts_with("Expected an indented block after ") => {
            // The header: the statement ending with the NEWLINE before this token.
            let header_nl = if cx.tok(i).is_some_and(|t| t.kind == TokKind::Newline) { Some(i) } else { (0..i).rev().find(|&j| cx.toks[j].kind == TokKind::Newline) };
            let mut s = header_nl.map_or(0, |n| cx.stmt_start(n));
            if cx.is_name(s, "async") {
                s += 1;
            }
            let kw = cx.tok(s).map_or("", |t| cx.text(t));
            let what = match kw {
                "def" => "function definition".to_string(),
                "class" => "class definition".to_string(),
                "except" if cx.is_op(s + 1, "*") => "'except*' statement".to_string(),
                other => format!("'{other}' statement"),
            };
            let kw_line = cx.tok(s).map_or(1, |t| t.line);
            let msg = format!("expected an indented block after {what} on line {kw_line}");
            let mut l = at_token_or_eof(cx, msg, i, header_nl);
            l.kind = SyntaxKind::Indentation;
            l
        }
        ParseErrorType::OtherError(m) if m.starts_with("Expected class, function definition") => {
            // After decorators: a dedent is "unexpected unindent", anything else invalid.
            let nl = (0..cx.toks.len()).rev().find(|&j| cx.toks[j].kind == TokKind::Newline && cx.toks[j].start <= pos);
            let next = nl.map_or(i, |n| n + 1);
            if cx.tok(next).is_some_and(|t| t.kind == TokKind::Indent) {
                let real = (next..cx.toks.len()).find(|&j| cx.toks[j].kind != TokKind::Indent);
                let (line, off) = real.and_then(|j| cx.tok(j)).map_or((1, 1), |t| cx.at(t.start));
                return Located { message: "unexpected indent".into(), kind: SyntaxKind::Indentation, line, offset: off - 1, end_line: line, end_offset: -1 };
            }
            if cx.tok(next).is_some_and(|t| t.kind == TokKind::EndMarker) {
                // At the end marker: the last line, with no column.
                let line = cx.src.matches('\n').count().max(1) as u32;
                return Located { message: "invalid syntax".into(), kind: SyntaxKind::Syntax, line, offset: 0, end_line: line, end_offset: 0 };
            }
            if cx.tok(next).is_some_and(|t| t.kind == TokKind::Dedent) {
                let real = (next..cx.toks.len()).find(|&j| matches!(cx.toks[j].kind, TokKind::Name | TokKind::Number | TokKind::String | TokKind::Op));
                let mut l = match real.and_then(|j| cx.tok(j)) {
                    Some(t) => {
                        let (line, off) = cx.at(t.start);
                        Located { message: "unexpected unindent".into(), kind: SyntaxKind::Indentation, line, offset: off - 1, end_line: line, end_offset: -1 }
                    }
                    None => at_token_or_eof(cx, "unexpected unindent", cx.toks.len(), None),
                };
                l.kind = SyntaxKind::Indentation;
                return l;
            }
            at_token_or_eof(cx, "invalid syntax", next, None)
        }
        ParseErrorType::OtherError(m) if m.contains("`except` or `finally`") => {
            let nl = (0..i.min(cx.toks.len())).rev().find(|&j| cx.toks[j].kind == TokKind::Newline);
            at_token_or_eof(cx, "expected 'except' or 'finally' block", i, nl)
        }
        ParseErrorType::OtherError(m) if m.starts_with("Only single target (not ") => {
            let what = if m.contains("(not list)") { "list" } else { "tuple" };
            let parenthesized = cx.src.get(e.location.start().to_usize()..).is_some_and(|t| t.starts_with(['(', '[']));
            if parenthesized {
                cx.on_range(format!("only single target (not {what}) can be annotated"), e.location)
            } else {
                // `a, b: int`: reported at the first element.
                cx.on_token(format!("only single target (not {what}) can be annotated"), cx.token_index(pos))
            }
        }
        ParseErrorType::InvalidAssignmentTarget => assign_target_error(e.location, cx, i),
        ParseErrorType::InvalidDeleteTarget if cx.src.get(pos..).is_some_and(|t| t.starts_with('*')) => cx.on_range("cannot delete starred", e.location),
        ParseErrorType::InvalidDeleteTarget => match parse_at(cx.src, e.location) {
            Some((x, off)) => {
                let bad = invalid_target(&x, true).unwrap_or(&x);
                cx.on_range(format!("cannot delete {}", expr_name(bad)), shift(bad.range(), off))
            }
            None => invalid(),
        },
        ParseErrorType::InvalidAugmentedAssignmentTarget => match parse_at(cx.src, e.location) {
            Some((x, _)) => cx.on_range(format!("'{}' is an illegal expression for augmented assignment", expr_name(&x)), e.location),
            None => invalid(),
        },
        ParseErrorType::InvalidNamedAssignmentTarget => match parse_at(cx.src, e.location) {
            Some((x, _)) => cx.on_range(format!("cannot use assignment expressions with {}", expr_name(&x)), e.location),
            None => invalid(),
        },
        ParseErrorType::InvalidAnnotatedAssignmentTarget => match parse_at(cx.src, e.location) {
            Some((Expr::Tuple(t), _)) if !t.parenthesized => match t.elts.first() {
                Some(first) => cx.on_range("only single target (not tuple) can be annotated", shift(first.range(), e.location.start().to_usize())),
                None => invalid(),
            },
            Some((Expr::Tuple(_), _)) => cx.on_range("only single target (not tuple) can be annotated", e.location),
            Some((Expr::List(_), _)) => cx.on_range("only single target (not list) can be annotated", e.location),
            // `expression ':' expression` only: a bare `call():` is plain invalid syntax.
            Some(_) => match (i..cx.toks.len()).find(|&j| cx.toks[j].start >= e.location.end().to_usize()) {
                Some(c) if cx.is_op(c, ":") && !cx.tok(c + 1).is_some_and(|t| starts_expression(cx, t)) => cx.on_token("invalid syntax", c),
                _ => cx.on_range("illegal target for annotation", e.location),
            },
            None => invalid(),
        },
        ParseErrorType::SimpleStatementsOnSameLine => {
            // `print x`: the legacy print/exec statement.
            let s = cx.stmt_start(i);
            if i == s + 1 && (cx.is_name(s, "print") || cx.is_name(s, "exec")) && !cx.is_op(i, "(") {
                let name = cx.text(&cx.toks[s]);
                let mut last = i;
                while let Some(n) = cx.tok(last + 1) {
                    if matches!(n.kind, TokKind::Newline | TokKind::EndMarker) || (n.level == 0 && n.kind == TokKind::Op && cx.text(n) == ";") {
                        break;
                    }
                    last += 1;
                }
                return cx.span(format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"), &cx.toks[s], &cx.toks[last]);
            }
            invalid()
        }
        ParseErrorType::UnparenthesizedGeneratorExpression => {
            // Class bases are not call arguments: the generator's `for` is a plain syntax error.
            if cx.stmt_keyword(i) == "class" && cx.tok(i).is_some_and(|t| t.level == 1) {
                let f = (i..cx.toks.len()).find(|&j| cx.is_name(j, "for")).unwrap_or(i);
                return cx.on_token("invalid syntax", f);
            }
            cx.on_range("Generator expression must be parenthesized", e.location)
        }
        // Reported at the token after the argument (the last one CPython's parser read).
        ParseErrorType::PositionalAfterKeywordArgument => cx.on_token("positional argument follows keyword argument", cx.token_index(e.location.end().to_usize())),
        ParseErrorType::PositionalAfterKeywordUnpacking => cx.on_token("positional argument follows keyword argument unpacking", cx.token_index(e.location.end().to_usize())),
        ParseErrorType::InvalidArgumentUnpackingOrder => cx.on_token("iterable argument unpacking follows keyword argument unpacking", i),
        ParseErrorType::NonDefaultParamAfterDefaultParam => {
            // Only a parameter really without a default: `stream==None` fails at the `==`.
            let next = (i..cx.toks.len()).find(|&j| cx.toks[j].start >= e.location.end().to_usize());
            match next {
                Some(n) if !(cx.is_op(n, ",") || cx.is_op(n, ")") || cx.is_op(n, ":")) => cx.on_token("invalid syntax", n),
                _ => cx.on_range("non-default argument follows default argument", e.location),
            }
        }
        ParseErrorType::ParamAfterVarKeywordParam => cx.on_range("arguments cannot follow var-keyword argument", e.location),
        ParseErrorType::ExpectedKeywordParam => {
            let star = (0..=i.min(cx.toks.len().saturating_sub(1))).rev().find(|&j| cx.is_op(j, "*"));
            cx.on_token("named arguments must follow bare *", star.unwrap_or(i))
        }
        // invalid_group: `(*a)`; elsewhere a stray star is plain invalid syntax.
        ParseErrorType::InvalidStarredExpressionUsage if cx.src[..pos].trim_end().ends_with('(') && cx.src[e.location.end().to_usize()..].trim_start().starts_with(')') => cx.on_range("cannot use starred expression here", e.location),
        ParseErrorType::Lexical(LexicalErrorType::Eof) => cx.on_token("unexpected EOF while parsing", i),
        ParseErrorType::Lexical(LexicalErrorType::FStringError(_)) => fstring_error(e, cx, i),
        _ => invalid(),
    }
}

/// Errors in a `case` pattern, at CPython's positions (`invalid_as_pattern`,
/// `invalid_class_pattern`, the complex literal checks; otherwise the token where CPython's
/// pattern rules stop).
fn pattern_error(e: &ParseError, cx: &Ctx, i: usize) -> Option<Located> {
    let pos = e.location.start().to_usize();
    let is_number = |k: usize| cx.tok(k).is_some_and(|t| t.kind == TokKind::Number);
    let is_imaginary = |k: usize| cx.tok(k).is_some_and(|t| t.kind == TokKind::Number && cx.text(t).ends_with(['j', 'J']));
    let after = |r: TextRange| cx.token_index(r.end().to_usize());
    Some(match &e.error {
        // `1 + 1`: the part after the sign must be an imaginary NUMBER.
        ParseErrorType::ExpectedImaginaryNumber if is_number(i) && cx.tok(i).is_some_and(|t| t.end == e.location.end().to_usize()) => cx.on_token("imaginary number required in complex literal", i),
        // `1j + 2j`, `-1j + 2j`: the real part must be a real NUMBER.
        ParseErrorType::ExpectedRealNumber => {
            let k = if cx.is_op(i, "-") { i + 1 } else { i };
            if is_imaginary(k) && cx.tok(k).is_some_and(|t| t.end == e.location.end().to_usize()) {
                cx.on_token("real number required in complex literal", k)
            } else {
                // `a + b`: the parser stops at the sign.
                cx.on_token("invalid syntax", after(e.location))
            }
        }
        // `1 as _` / `1 as 2`.
        ParseErrorType::InvalidMatchPatternTarget if cx.is_name(i.wrapping_sub(1), "as") => cx.on_token("cannot use '_' as a target", i),
        ParseErrorType::OtherError(m) if m == "Expected an identifier" && cx.is_name(i.wrapping_sub(1), "as") => {
            // The target expression, without the parentheses of a group.
            let (mut first, mut last) = (i, cx.expr_end_from(i));
            let closes = |open: usize| {
                // The index of the bracket closing the one at `open`.
                let mut depth = 0usize;
                let mut k = open;
                while let Some(t) = cx.tok(k) {
                    if t.kind == TokKind::Op {
                        match cx.text(t) {
                            "(" | "[" | "{" => depth += 1,
                            ")" | "]" | "}" => {
                                depth -= 1;
                                if depth == 0 {
                                    return k;
                                }
                            }
                            _ => {}
                        }
                    }
                    k += 1;
                }
                k
            };
            while first < last && cx.is_op(first, "(") && closes(first) == last {
                first += 1;
                last -= 1;
            }
            cx.span("invalid pattern target", &cx.toks[first], &cx.toks[last])
        }
        // `C(a=1, 2, 3)`: from the first positional pattern after a keyword to the last one of
        // that run.
        ParseErrorType::OtherError(m) if m == "Positional patterns cannot follow keyword patterns" => {
            let mut depth = 0usize;
            let mut last = i;
            let mut j = i;
            while let Some(t) = cx.tok(j) {
                if matches!(t.kind, TokKind::Newline | TokKind::EndMarker) {
                    break;
                }
                if t.kind == TokKind::Op {
                    match cx.text(t) {
                        "(" | "[" | "{" => depth += 1,
                        ")" | "]" | "}" if depth == 0 => break,
                        ")" | "]" | "}" => depth -= 1,
                        "," if depth == 0 => {
                            let keyword = cx.tok(j + 1).is_some_and(|n| n.kind == TokKind::Name) && cx.is_op(j + 2, "=");
                            if keyword || cx.is_op(j + 1, ")") {
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                if t.col.is_some() && !(depth == 0 && cx.is_op(j, ",")) {
                    last = j;
                }
                j += 1;
            }
            cx.span("positional patterns follow keyword patterns", &cx.toks[i], &cx.toks[last])
        }
        // `case -x`: a minus must be followed by a number.
        ParseErrorType::OtherError(m) if m == "Expected a pattern" && cx.is_op(i, "-") => cx.on_token("invalid syntax", i + 1),
        // `case *a:`: a star pattern could start an open sequence, which needs a comma.
        ParseErrorType::InvalidStarPatternUsage if cx.is_name(i.wrapping_sub(1), "case") => cx.on_token("invalid syntax", after(e.location)),
        // `(*a)`: likewise inside a group's parentheses.
        ParseErrorType::InvalidStarPatternUsage if opens_group(cx, i.wrapping_sub(1)) => cx.on_token("invalid syntax", after(e.location)),
        // `[*a as b]`: a star pattern takes no `as`.
        ParseErrorType::InvalidStarPatternUsage if cx.is_op(i, "*") && cx.is_name(i + 2, "as") => cx.on_token("invalid syntax", i + 2),
        // `{y: 1}`, `{y.z(): 1}`: a key that is a name stops after its dotted name.
        ParseErrorType::OtherError(m) if m == "Invalid mapping pattern key" && cx.tok(i).is_some_and(|t| t.kind == TokKind::Name) && cx.tok(i).is_some_and(|t| t.start == pos) => {
            let mut k = i + 1;
            while cx.is_op(k, ".") && cx.tok(k + 1).is_some_and(|t| t.kind == TokKind::Name) {
                k += 2;
            }
            cx.on_token("invalid syntax", k)
        }
        _ => return None,
    })
}

/// Is token `k` a `(` opening a group or tuple pattern (not the arguments of a class pattern)?
fn opens_group(cx: &Ctx, k: usize) -> bool {
    cx.is_op(k, "(") && !cx.tok(k.wrapping_sub(1)).is_some_and(|t| (t.kind == TokKind::Name && cx.text(t) != "case") || (t.kind == TokKind::Op && matches!(cx.text(t), ")" | "]" | ".")))
}

/// A star pattern alone in parentheses (`case [(*a)]`), which ruff accepts: CPython's
/// grammar has no such group (a tuple pattern needs a comma) and stops at the `)`.
pub(crate) fn star_in_group(source: &str, filename: &str, toks: &Tokenized) -> Option<SyntaxErrorInfo> {
    if !source.contains("case") {
        return None;
    }
    let cx = Ctx { src: source, file_mode: false, starts: line_starts(source), toks: &toks.tokens };
    for k in 0..cx.toks.len() {
        if opens_group(&cx, k) && cx.is_op(k + 1, "*") && cx.tok(k + 2).is_some_and(|t| t.kind == TokKind::Name) && cx.is_op(k + 3, ")") && cx.stmt_keyword(k) == "case" {
            return Some(located_info(cx.on_token("invalid syntax", k + 3), &cx, filename));
        }
    }
    None
}

/// CPython's `invalid_named_expression`: `=` where a named expression is parsed (conditions of
/// if/elif/while, decorators, displays and parenthesized groups).
fn named_expression_eq(cx: &Ctx, i: usize) -> Option<Located> {
    let eq = cx.tok(i)?;
    let mut a = cx.expr_start_before(i);
    let s = cx.stmt_start(i);
    if eq.level == 0 && cx.is_op(s, "@") {
        a = a.max(s + 1);
    }
    if a >= i {
        return None;
    }
    // The value must start an expression.
    let v = cx.tok(i + 1)?;
    if !(matches!(v.kind, TokKind::Name | TokKind::Number | TokKind::String) || (v.kind == TokKind::Op && matches!(cx.text(v), "(" | "[" | "{" | "-" | "+" | "~"))) {
        return None;
    }
    let context_ok = if eq.level == 0 {
        a == s + 1 && (matches!(cx.stmt_keyword(i), "if" | "elif" | "while") || cx.is_op(s, "@"))
    } else {
        // Directly inside a display or a parenthesized group (not call arguments).
        let open = (0..i).rev().find(|&j| cx.toks[j].level < eq.level)?;
        let o = cx.tok(open)?;
        let is_call = cx.text(o) == "(" && open > 0 && cx.tok(open - 1).is_some_and(|p| matches!(p.kind, TokKind::Name | TokKind::String) && !matches!(cx.text(p), "if" | "elif" | "while" | "and" | "or" | "not" | "in" | "is" | "return" | "yield" | "assert" | "await" | "lambda" | "else" | "for" | "del" | "print" | "exec") || (p.kind == TokKind::Op && matches!(cx.text(p), ")" | "]")));
        !is_call && a == open + 1
    };
    if !context_ok {
        return None;
    }
    let b = cx.expr_end_from(i + 1);
    if b <= i || cx.tok(b + 1).is_some_and(|t| t.kind == TokKind::Op && matches!(cx.text(t), "=" | ":=")) {
        return None;
    }
    let (ta, tb) = (cx.tok(a)?, cx.tok(b)?);
    if a + 1 == i && ta.kind == TokKind::Name {
        return Some(cx.span("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", ta, tb));
    }
    let before_eq = cx.tok(i - 1)?;
    let range = TextRange::new((ta.start as u32).into(), (before_eq.end as u32).into());
    let (x, _) = parse_at(cx.src, range)?;
    if !here_target(&x) {
        return None;
    }
    Some(cx.on_range(format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(&x)), range))
}

/// At token `i`, or when the input ended there, at the NEWLINE `nl` with no end (as CPython
/// reports errors found at the end of the file).
fn at_token_or_eof(cx: &Ctx, msg: impl Into<String>, i: usize, _nl: Option<usize>) -> Located {
    let msg = msg.into();
    // Nothing but NEWLINE/INDENT/DEDENT tokens left: the parser met the end of the input.
    let at_end = cx.toks.get(i..).is_none_or(|rest| rest.iter().all(|t| matches!(t.kind, TokKind::EndMarker | TokKind::Dedent | TokKind::Indent | TokKind::Newline)));
    if at_end {
        // CPython reports the end of the last line it read (the source's last line, blank or
        // comment lines included); reading a file, its tokenizer has left that line (offset 0).
        let line = cx.src.matches('\n').count().max(1) as u32;
        let offset = if cx.file_mode { 0 } else { cx.line(line).chars().count() as i32 + 1 };
        return Located { message: msg, kind: SyntaxKind::Syntax, line, offset, end_line: line, end_offset: -1 };
    }
    cx.on_token(msg, i)
}

/// f-string errors: CPython 3.11 parses f-strings after tokenizing, with its own messages,
/// reported after the string.
fn fstring_error(e: &ParseError, cx: &Ctx, i: usize) -> Located {
    use ruff_python_parser::InterpolatedStringErrorType as F;
    let ParseErrorType::Lexical(LexicalErrorType::FStringError(f)) = &e.error else { return cx.on_token("invalid syntax", i) };
    let msg = match f {
        F::UnclosedLbrace => "f-string: expecting '}'",
        F::SingleRbrace => "f-string: single '}' is not allowed",
        F::InvalidConversionFlag => "f-string: invalid conversion character: expected 's', 'r', or 'a'",
        F::LambdaWithoutParentheses => "f-string: lambda expressions are not allowed without parentheses",
        _ => "invalid syntax",
    };
    // The string token and the one after it.
    let s = cx.toks.iter().position(|t| t.kind == TokKind::String && t.start <= e.location.start().to_usize() && e.location.start().to_usize() < t.end).unwrap_or(i);
    cx.on_token(msg, s + 1)
}

/// Whether token `t` can begin an expression.
fn starts_expression(cx: &Ctx, t: &Token) -> bool {
    let s = cx.text(t);
    match t.kind {
        TokKind::Number | TokKind::String => true,
        TokKind::Name => !matches!(s, "pass" | "return" | "break" | "continue" | "import" | "from" | "def" | "class" | "if" | "elif" | "else" | "while" | "for" | "in" | "try" | "except" | "finally" | "with" | "as" | "del" | "global" | "nonlocal" | "assert" | "raise" | "and" | "or" | "is"),
        TokKind::Op => matches!(s, "(" | "[" | "{" | "-" | "+" | "~" | "..."),
        _ => false,
    }
}

/// `invalid_expression`: two expressions side by side inside brackets.
fn forgot_comma(cx: &Ctx, i: usize) -> Option<Located> {
    let t = cx.tok(i)?;
    if t.level == 0 || i == 0 {
        return None;
    }
    let prev = cx.tok(i - 1)?;
    let ends_expr = matches!(prev.kind, TokKind::Name | TokKind::Number | TokKind::String) || (prev.kind == TokKind::Op && matches!(cx.text(prev), ")" | "]" | "}"));
    let starts_expr = matches!(t.kind, TokKind::Name | TokKind::Number | TokKind::String) || (t.kind == TokKind::Op && matches!(cx.text(t), "(" | "[" | "{" | "-" | "+" | "~"));
    if !ends_expr || !starts_expr {
        return None;
    }
    if t.kind == TokKind::Name && matches!(cx.text(t), "for" | "if" | "else" | "in" | "and" | "or" | "is" | "async") {
        return None;
    }
    if prev.kind == TokKind::Name && matches!(cx.text(prev), "print" | "exec") && i >= 2 && cx.tok(i - 2).is_some_and(|p| p.level < prev.level || cx.text(p) == ",") {
        return None;
    }
    // NAME STRING is a string prefix spelled wrong, not a missing comma.
    if prev.kind == TokKind::Name && t.kind == TokKind::String {
        return None;
    }
    // Parameter lists and import lists are not expressions.
    if matches!(cx.stmt_keyword(i), "import" | "from") {
        return None;
    }
    let mut a = cx.expr_start_before(i);
    // `*a b`: the star is not part of the expression.
    if cx.is_op(a, "*") || cx.is_op(a, "**") {
        a += 1;
    }
    // In a parameter list only default values are expressions.
    let open = (0..i).rev().find(|&j| cx.toks[j].level < t.level);
    if let Some(o) = open {
        if o >= 2 && cx.is_name(o - 2, "def") && !(a > 0 && cx.is_op(a - 1, "=")) {
            return None;
        }
    }
    // A comprehension's clauses (after its `for`) are not expressions: no such hint there.
    let open = (0..i).rev().find(|&j| cx.toks[j].level < t.level).map_or(0, |o| o + 1);
    if (open..i).any(|j| cx.toks[j].level == t.level && cx.is_name(j, "for")) {
        return None;
    }
    let b = cx.expr_end_from(i);
    Some(cx.span("invalid syntax. Perhaps you forgot a comma?", cx.tok(a)?, cx.tok(b)?))
}

/// An assignment to something that cannot be assigned (ruff's range is the offending target).
fn assign_target_error(range: TextRange, cx: &Ctx, i: usize) -> Located {
    let text = cx.src.get(range.start().to_usize()..range.end().to_usize()).unwrap_or("");
    if text.starts_with("yield") {
        // `x = yield = 1`; a parenthesized `(yield)` is an ordinary bad target.
        let paren = cx.src[..range.start().to_usize()].trim_end().ends_with('(');
        let msg = if paren { "cannot assign to yield expression" } else { "assignment to yield expression not possible" };
        return cx.on_range(msg, range);
    }
    let Some((x, off)) = parse_at(cx.src, range) else { return cx.on_token("invalid syntax", i) };
    let first = cx.token_index(range.start().to_usize());
    let before = first.checked_sub(1).and_then(|j| cx.tok(j)).map(|t| cx.text(t)).unwrap_or("");
    // The token after the target.
    let after = (first..cx.toks.len()).find(|&j| cx.toks[j].start >= range.end().to_usize());
    let followed_by_eq = after.is_some_and(|j| cx.is_op(j, "="));
    let s = cx.stmt_start(i);
    let at_stmt_or_elt = first == s || (before == "," && cx.tok(first).is_some_and(|t| t.level == 0));
    let first_eq = !(s..first).any(|j| cx.is_op(j, "=") && cx.toks[j].level == 0);
    let more_eq = after.is_some_and(|a| {
        let mut j = a + 1;
        while let Some(t) = cx.tok(j) {
            if matches!(t.kind, TokKind::Newline | TokKind::EndMarker) {
                return false;
            }
            if t.level == 0 && t.kind == TokKind::Op && matches!(cx.text(t), "=" | ":=") {
                return true;
            }
            j += 1;
        }
        false
    });
    if followed_by_eq && at_stmt_or_elt && first_eq && !more_eq && here_target(&x) && !matches!(before, "for" | "as") {
        return cx.on_range(format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(&x)), range);
    }
    let bad = invalid_target(&x, false).unwrap_or(&x);
    cx.on_range(format!("cannot assign to {}", expr_name(bad)), shift(bad.range(), off))
}

/// The SyntaxError for a failed parse of `source` (normalised: `\n` newlines, final `\n`).
pub(crate) fn from_parse_error(e: &ParseError, source: &str, filename: &str, toks: &Tokenized, file_mode: bool) -> SyntaxErrorInfo {
    let pos = e.location.start().to_usize();
    if let Some(te) = &toks.error {
        // The tokenizer stopped at its error: a parser failing at or after the last token it
        // produced needed the next one, and met the error first.
        let last = toks.tokens.iter().rev().find(|t| t.kind != TokKind::EndMarker).map_or(0, |t| t.start);
        // An unexpected indent is reported without looking at the rest of the source.
        let unexpected_indent = matches!(e.error, ParseErrorType::UnexpectedIndentation);
        if te.at <= pos || pos >= last || (te.immediate && !unexpected_indent) {
            return from_tok_error(te, filename);
        }
    }
    let cx = Ctx { src: source, file_mode, starts: line_starts(source), toks: &toks.tokens };
    let l = parser_error(e, &cx);
    // CPython tokenizes the rest of the source (except after an unexpected indent): a bracket
    // left open on a line before the last token the parser read wins.
    if let Some(te) = &toks.error {
        let unexpected_indent = matches!(e.error, ParseErrorType::UnexpectedIndentation);
        if te.message.ends_with("was never closed") && te.lineno < l.line.max(l.end_line) && !unexpected_indent {
            return from_tok_error(te, filename);
        }
    }
    located_info(l, &cx, filename)
}

fn located_info(l: Located, cx: &Ctx, filename: &str) -> SyntaxErrorInfo {
    SyntaxErrorInfo {
        message: l.message,
        filename: filename.to_string(),
        lineno: l.line,
        offset: l.offset,
        end_lineno: l.end_line,
        end_offset: l.end_offset,
        // CPython's text is the tokenizer's buffer (with its newline) while the parser has not
        // read past the error's line, else the line alone.
        text: Some(if l.end_line > l.line { cx.line(l.line).to_string() } else { format!("{}\n", cx.line(l.line)) }),
        kind: l.kind,
        from_compiler: false,
    }
}

/// Reject sources nested too deeply for the compiler, as CPython does (brackets are limited by
/// the tokenizer).
pub(crate) fn nesting_check(source: &str, filename: &str) -> Option<SyntaxErrorInfo> {
    let b = source.as_bytes();
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
