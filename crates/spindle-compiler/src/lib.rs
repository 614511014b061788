//! Spindle's compiler: Python source -> AST (`ruff_python_parser`) -> [`bytecode::CodeObject`].
//!
//! The entry points are [`compile_source`] (a module, for files, `-c`, imports and `exec`) and
//! [`compile_eval`] (a single expression for `eval`). Errors come back as [`SyntaxErrorInfo`],
//! which carries everything the VM needs to raise and print a CPython-style `SyntaxError`.

pub mod anchors;
pub mod bytecode;
pub mod compile;
pub mod symtable;
mod syntax_errors;

pub use bytecode::CodeObject;

/// What CPython's SyntaxError carries: message, file, line, 1-based column offsets, line text.
#[derive(Debug, Clone)]
pub struct SyntaxErrorInfo {
    pub message: String,
    pub filename: String,
    pub lineno: u32,
    /// 1-based character offset of the error start (CPython's `offset`).
    pub offset: u32,
    pub end_lineno: u32,
    pub end_offset: u32,
    /// The source line (without trailing newline).
    pub text: Option<String>,
    /// `IndentationError` / `TabError` instead of plain SyntaxError.
    pub kind: SyntaxKind,
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

pub fn compile_mode(source: &str, filename: &str, mode: Mode) -> Result<CodeObject, SyntaxErrorInfo> {
    // Deep nesting would overflow the parser's and compiler's Rust stacks: CPython refuses
    // such input too ("too many nested parentheses" / "too many levels of nesting" errors).
    if let Some(e) = syntax_errors::nesting_check(source, filename) {
        return Err(e);
    }
    match mode {
        Mode::Exec => {
            let parsed = ruff_python_parser::parse_module(source).map_err(|e| syntax_errors::from_parse_error(&e, source, filename))?;
            let module = parsed.into_syntax();
            compile::compile_module(&module.body, source, filename).map_err(|e| syntax_errors::from_compile_error(&e, source, filename))
        }
        Mode::Eval => {
            let trimmed = source.trim_start_matches([' ', '\t']);
            let lead = source.len() - trimmed.len();
            let parsed = ruff_python_parser::parse_expression(trimmed).map_err(|e| {
                let mut info = syntax_errors::from_parse_error(&e, trimmed, filename);
                info.offset += lead as u32;
                info
            })?;
            let expr = parsed.into_expr();
            compile::compile_expression(&expr, trimmed, filename).map_err(|e| syntax_errors::from_compile_error(&e, trimmed, filename))
        }
    }
}
