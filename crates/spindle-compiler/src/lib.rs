//! Spindle's compiler: Python source -> AST (`ruff_python_parser`) -> [`bytecode::CodeObject`].
//!
//! The entry points are [`compile_source`] (a module, for files, `-c`, imports and `exec`) and
//! [`compile_eval`] (a single expression for `eval`). Errors come back as [`SyntaxErrorInfo`],
//! which carries everything the VM needs to raise and print a CPython-style `SyntaxError`.

pub mod anchors;
pub mod bytecode;
pub mod compile;
pub mod symtable;
mod warnings;
mod fstring_check;
mod surrogates;
mod syntax_errors;
mod tokenizer;

pub use bytecode::CodeObject;

/// What CPython's SyntaxError carries: message, file, line, 1-based column offsets, line text.
#[derive(Debug, Clone)]
pub struct SyntaxErrorInfo {
    pub message: String,
    pub filename: String,
    pub lineno: u32,
    /// 1-based character offset of the error start (CPython's `offset`; CPython also reports 0
    /// or -1 in some cases, kept as is).
    pub offset: i32,
    pub end_lineno: u32,
    pub end_offset: i32,
    /// The source line as CPython's `text` (with or without its newline, as CPython gives it).
    pub text: Option<String>,
    /// `IndentationError` / `TabError` instead of plain SyntaxError.
    pub kind: SyntaxKind,
    /// Raised after parsing (compiler or symtable): CPython then reads `text` from the file
    /// (None when the filename is not a readable file).
    pub from_compiler: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxKind {
    Syntax,
    Indentation,
    Tab,
    /// Not a SyntaxError: the input nests deeper than CPython's parser stack, which raises
    /// `MemoryError` (no message).
    Memory,
}

/// The mode a source is compiled in, as `compile()`'s `mode` argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Exec,
    Eval,
}

/// Compile a module (`exec` mode).
pub fn compile_source(source: &str, filename: &str) -> Result<CodeObject, SyntaxErrorInfo> {
    compile_mode(source, filename, Mode::Exec)
}

/// Compile a single expression (`eval` mode).
pub fn compile_eval(source: &str, filename: &str) -> Result<CodeObject, SyntaxErrorInfo> {
    compile_mode(source, filename, Mode::Eval)
}

/// Compile the main script read from a file (`python3 file.py`). CPython then tokenizes the
/// file itself rather than a string, which moves a few error positions at the end of the input.
pub fn compile_file(source: &str, filename: &str) -> Result<CodeObject, SyntaxErrorInfo> {
    compile_impl(source, filename, Mode::Exec, true)
}

pub fn compile_mode(source: &str, filename: &str, mode: Mode) -> Result<CodeObject, SyntaxErrorInfo> {
    compile_impl(source, filename, mode, false)
}

fn compile_impl(source: &str, filename: &str, mode: Mode, file_mode: bool) -> Result<CodeObject, SyntaxErrorInfo> {
    // CPython reads source with universal newlines and ends it with a newline.
    let mut src = if source.contains('\r') { source.replace("\r\n", "\n").replace('\r', "\n") } else { source.to_string() };
    match mode {
        Mode::Exec => {
            if !src.ends_with('\n') {
                src.push('\n');
            }
            let toks = tokenizer::tokenize(&src);
            if let Some(te) = &toks.error {
                // Too-deep nesting is reported before the parser would recurse that deep.
                if te.message == "too many levels of indentation" || te.message == "too many nested parentheses" {
                    return Err(syntax_errors::from_tok_error(te, filename));
                }
            }
            // Deep nesting would overflow the parser's and compiler's Rust stacks: CPython
            // refuses such input too.
            if let Some(e) = syntax_errors::nesting_check(&src, filename) {
                return Err(e);
            }
            // f-strings as 3.11 splits them; their errors surface when the parser reaches them.
            let fs = fstring_check::check(&src, &toks.tokens, filename);
            let tok_before = |p: usize| toks.error.as_ref().is_some_and(|te| te.at <= p);
            let parsed = match ruff_python_parser::parse_module(&src) {
                Ok(p) => p,
                Err(e) => {
                    if let Some((p, info)) = fs {
                        if p <= e.location.start().to_usize() && !tok_before(p) {
                            return Err(info);
                        }
                    }
                    return Err(syntax_errors::from_parse_error(&e, &src, filename, &toks, file_mode));
                }
            };
            match (&toks.error, fs) {
                (Some(te), Some((p, _))) if te.at <= p => return Err(syntax_errors::from_tok_error(te, filename)),
                (_, Some((_, info))) => return Err(info),
                (Some(te), None) => return Err(syntax_errors::from_tok_error(te, filename)),
                (None, None) => {}
            }
            if let Some(info) = syntax_errors::star_in_group(&src, filename, &toks) {
                return Err(info);
            }
            if let Some(e) = surrogates::check(&src, &toks.tokens, filename) {
                return Err(e);
            }
            let module = parsed.into_syntax();
            compile::compile_module(&module.body, &src, filename).map_err(|e| syntax_errors::from_compile_error(&e, &src, filename))
        }
        Mode::Eval => {
            let trimmed = src.trim_start_matches([' ', '\t']);
            let lead = src.len() - trimmed.len();
            let mut body = trimmed.to_string();
            if !body.ends_with('\n') {
                body.push('\n');
            }
            let toks = tokenizer::tokenize(&body);
            if let Some(te) = &toks.error {
                if te.immediate {
                    let mut info = syntax_errors::from_tok_error(te, filename);
                    if info.lineno == 1 {
                        info.offset += lead as i32;
                    }
                    return Err(info);
                }
            }
            if let Some(e) = syntax_errors::nesting_check(&body, filename) {
                return Err(e);
            }
            let parsed = ruff_python_parser::parse_expression(&body).map_err(|e| {
                let mut info = syntax_errors::from_parse_error(&e, &body, filename, &toks, false);
                if info.lineno == 1 {
                    info.offset += lead as i32;
                }
                info
            })?;
            if let Some(mut e) = surrogates::check(&body, &toks.tokens, filename) {
                if e.lineno == 1 {
                    e.offset += lead as i32;
                    e.end_offset += lead as i32;
                }
                return Err(e);
            }
            let expr = parsed.into_expr();
            compile::compile_expression(&expr, &body, filename).map_err(|e| syntax_errors::from_compile_error(&e, &body, filename))
        }
    }
}
