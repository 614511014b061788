//! AST -> [`CodeObject`]. One `Unit` per code object being built (module, function, class body,
//! comprehension); units nest as the AST does. Scope decisions come from [`crate::symtable`].
//!
//! Control flow that leaves a block early (`return`, `break`, `continue`) is compiled by walking
//! the unit's frame-block stack (`FBlock`) and emitting each block's clean-up inline, as CPython's
//! `compiler_unwind_fblock` does: `finally` bodies are duplicated at each exit.

use crate::bytecode::{flags, BinOp, CmpOp, CodeObject, Constant, Instr, Position, UnaryOp};
use crate::symtable::{self, ScopeKind, Storage, SymbolTable};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};
use std::collections::HashMap;
use std::sync::Arc;

#[path = "compile_match.rs"]
mod compile_match;

/// A compile error, reported to Python as `SyntaxError`.
#[derive(Debug, Clone)]
pub struct CompileError {
    pub message: String,
    pub range: TextRange,
    /// An error CPython's parser reports (ruff accepts the construct): the SyntaxError then
    /// carries the source line, as parser errors do.
    pub parser: bool,
}

type CResult<T> = Result<T, CompileError>;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Label(u32);

#[derive(Clone)]
enum FBlock<'a> {
    Loop { start: Label, end: Label, is_for: bool },
    /// Inside `try:` of try/except; the handler block is on the VM block stack.
    TryExcept,
    /// Inside `try:` of try/finally.
    FinallyTry { body: &'a [Stmt] },
    /// Inside the exceptional copy of a `finally` body: stack holds prev_exc, exc.
    FinallyEnd,
    /// Inside an `except` handler body: stack holds prev_exc; a cleanup block is pushed.
    HandlerCleanup { name: Option<&'a str> },
    /// Inside a `with` body: stack holds the exit callable; a handler block is pushed.
    With,
    /// Inside an `async with` body: as `With`, the exit result is awaited.
    AsyncWith,
    /// Inside an `async for` body: the async iterator is on the stack.
    AsyncFor { start: Label, end: Label },
}

/// The constants `const_` deduplicates.
#[derive(Clone, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    Ellipsis,
    Bool(bool),
    Int(i64),
    Str(String),
}

struct Unit<'a> {
    scope: usize,
    name: String,
    qualname: String,
    instrs: Vec<Instr>,
    positions: Vec<Position>,
    consts: Vec<Constant>,
    /// Index of each deduplicated simple constant in `consts`.
    const_map: HashMap<ConstKey, u32>,
    names: Vec<String>,
    name_map: HashMap<String, u32>,
    varnames: Vec<String>,
    var_map: HashMap<String, u32>,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    labels: Vec<u32>,
    fblocks: Vec<FBlock<'a>>,
    pos: Position,
    first_line: u32,
    argcount: u32,
    posonly: u32,
    kwonly: u32,
    flags: u32,
    doc: Option<String>,
    /// Set in comprehensions: the loop nesting for `.0`.
    in_loop_depth: u32,
}

pub struct Compiler<'a> {
    filename: String,
    line_starts: Vec<u32>,
    table: SymbolTable,
    units: Vec<Unit<'a>>,
    /// SyntaxWarnings (line, message) in the order CPython emits them.
    warnings: Vec<(u32, String)>,
}

/// Compile a parsed module.
pub fn compile_module(stmts: &[Stmt], source: &str, filename: &str) -> CResult<CodeObject> {
    let mut c = Compiler::new(stmts, source, filename)?;
    if has_annotations(stmts) {
        c.emit(Instr::SetupAnnotations);
    }
    c.body_with_doc(stmts, true)?;
    // Module code returns None.
    let none = c.const_(Constant::None);
    c.emit(Instr::LoadConst(none));
    c.emit(Instr::Return);
    let mut code = c.finish_unit();
    code.warnings = std::mem::take(&mut c.warnings);
    Ok(code)
}

/// Compile a single expression (for `eval`): the code returns its value.
pub fn compile_expression(expr: &Expr, source: &str, filename: &str) -> CResult<CodeObject> {
    let stmts = vec![Stmt::Expr(ast::StmtExpr { range: expr.range(), node_index: Default::default(), value: Box::new(expr.clone()) })];
    let mut c = Compiler::new(&stmts, source, filename)?;
    c.expr(expr)?;
    c.emit(Instr::Return);
    let mut code = c.finish_unit();
    code.warnings = std::mem::take(&mut c.warnings);
    Ok(code)
}

/// Does a module or class body annotate a variable (`x: int`) outside nested functions and
/// classes? Then it starts with SetupAnnotations, as in CPython.
fn has_annotations(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
        Stmt::While(w) => has_annotations(&w.body) || has_annotations(&w.orelse),
        Stmt::If(i) => has_annotations(&i.body) || i.elif_else_clauses.iter().any(|c| has_annotations(&c.body)),
        Stmt::With(w) => has_annotations(&w.body),
        Stmt::Try(t) => {
            has_annotations(&t.body)
                || has_annotations(&t.orelse)
                || has_annotations(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    has_annotations(&h.body)
                })
        }
        Stmt::Match(m) => m.cases.iter().any(|c| has_annotations(&c.body)),
        _ => false,
    })
}

/// Byte offsets at which each line starts.
pub fn line_starts(source: &str) -> Vec<u32> {
    let mut v = vec![0u32];
    for (i, b) in source.bytes().enumerate() {
        if b == b'\n' {
            v.push(i as u32 + 1);
        }
    }
    v
}

/// 1-based line and 0-based byte column of a byte offset.
pub fn line_col(line_starts: &[u32], offset: u32) -> (u32, u32) {
    let line = match line_starts.binary_search(&offset) {
        Ok(i) => i,
        Err(i) => i - 1,
    };
    (line as u32 + 1, offset - line_starts[line])
}

fn binop(op: ast::Operator) -> BinOp {
    use ast::Operator as O;
    match op {
        O::Add => BinOp::Add,
        O::Sub => BinOp::Sub,
        O::Mult => BinOp::Mul,
        O::MatMult => BinOp::MatMul,
        O::Div => BinOp::TrueDiv,
        O::Mod => BinOp::Mod,
        O::Pow => BinOp::Pow,
        O::LShift => BinOp::LShift,
        O::RShift => BinOp::RShift,
        O::BitOr => BinOp::Or,
        O::BitXor => BinOp::Xor,
        O::BitAnd => BinOp::And,
        O::FloorDiv => BinOp::FloorDiv,
    }
}

fn err<T>(message: impl Into<String>, range: TextRange) -> CResult<T> {
    Err(CompileError { message: message.into(), range, parser: false })
}

/// A SyntaxError CPython's grammar raises (text included) that ruff's parser lets through.
fn parser_err<T>(message: impl Into<String>, range: TextRange) -> CResult<T> {
    Err(CompileError { message: message.into(), range, parser: true })
}

/// CPython's `forbidden_name`: `__debug__` cannot be bound or deleted.
fn check_debug(name: &str, range: TextRange, delete: bool) -> CResult<()> {
    if name == "__debug__" {
        return err(if delete { "cannot delete __debug__" } else { "cannot assign to __debug__" }, range);
    }
    Ok(())
}

impl<'a> Compiler<'a> {
    /// Analyse scopes and open the module unit.
    fn new(stmts: &[Stmt], source: &str, filename: &str) -> CResult<Self> {
        let table = symtable::build(stmts).map_err(|e| CompileError { message: e.message, range: e.range, parser: false })?;
        let mut c = Compiler { filename: filename.to_string(), line_starts: line_starts(source), table, units: Vec::new(), warnings: Vec::new() };
        c.push_unit(0, "<module>".into(), "<module>".into(), 1);
        Ok(c)
    }

    fn unit(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("unit")
    }
    fn scope_kind(&self) -> ScopeKind {
        self.table.scopes[self.units.last().expect("unit").scope].kind
    }

    /// Inside an `async def` body (CPython's `COMPILER_SCOPE_ASYNC_FUNCTION`).
    fn in_async_function(&self) -> bool {
        let s = &self.table.scopes[self.units.last().expect("unit").scope];
        s.kind == ScopeKind::Function && s.is_async_def
    }

    /// `LoadConst(None); YieldFrom` after `GetAwaitable`: CPython's `ADD_YIELD_FROM`.
    fn await_tail(&mut self, where_: u32) {
        self.emit(Instr::GetAwaitable(where_));
        let none = self.const_(Constant::None);
        self.emit(Instr::LoadConst(none));
        self.emit(Instr::YieldFrom);
    }

    fn push_unit(&mut self, scope: usize, name: String, qualname: String, first_line: u32) {
        let s = &self.table.scopes[scope];
        let mut u = Unit {
            scope,
            name,
            qualname,
            instrs: Vec::new(),
            positions: Vec::new(),
            consts: Vec::new(),
            const_map: HashMap::new(),
            names: Vec::new(),
            name_map: HashMap::new(),
            varnames: Vec::new(),
            var_map: HashMap::new(),
            cellvars: s.cellvars.clone(),
            freevars: s.freevars.clone(),
            labels: Vec::new(),
            fblocks: Vec::new(),
            pos: Position { line: first_line, end_line: first_line, col: 0, end_col: 0 },
            first_line,
            argcount: 0,
            posonly: 0,
            kwonly: 0,
            flags: 0,
            doc: None,
            in_loop_depth: 0,
        };
        if matches!(s.kind, ScopeKind::Function | ScopeKind::Comprehension) {
            for p in &s.params {
                let i = u.varnames.len() as u32;
                u.var_map.insert(p.clone(), i);
                u.varnames.push(p.clone());
            }
            for (n, _) in &s.symbols {
                if s.lookup(n) == Storage::Fast && !u.var_map.contains_key(n) {
                    let i = u.varnames.len() as u32;
                    u.var_map.insert(n.clone(), i);
                    u.varnames.push(n.clone());
                }
            }
            u.flags |= match (s.is_generator, s.is_coroutine) {
                (true, true) => flags::ASYNC_GENERATOR,
                (false, true) => flags::COROUTINE,
                (true, false) => flags::GENERATOR,
                (false, false) => 0,
            };
        }
        self.units.push(u);
    }

    fn finish_unit(&mut self) -> CodeObject {
        let u = self.units.pop().expect("unit");
        let mut instrs = u.instrs;
        for ins in instrs.iter_mut() {
            if let Some(l) = ins.target() {
                ins.set_target(u.labels[l as usize]);
            }
        }
        let mut cell_params = Vec::new();
        for (ci, c) in u.cellvars.iter().enumerate() {
            if let Some(&vi) = u.var_map.get(c) {
                cell_params.push((ci as u32, vi));
            }
        }
        let max_stack = stack_depth(&instrs);
        CodeObject {
            name: u.name,
            qualname: u.qualname,
            filename: self.filename.clone(),
            first_line: u.first_line,
            instrs,
            positions: u.positions,
            consts: u.consts,
            names: u.names,
            varnames: u.varnames,
            cellvars: u.cellvars,
            freevars: u.freevars,
            cell_params,
            argcount: u.argcount,
            posonlyargcount: u.posonly,
            kwonlyargcount: u.kwonly,
            flags: u.flags,
            max_stack,
            doc: u.doc,
            warnings: Vec::new(),
        }
    }

    /// Record a SyntaxWarning at the current line.
    fn warn(&mut self, msg: Option<String>) {
        if let Some(m) = msg {
            let line = self.unit().pos.line;
            self.warnings.push((line, m));
        }
    }

    // ----- emission helpers -----

    fn emit(&mut self, i: Instr) -> usize {
        let u = self.unit();
        u.instrs.push(i);
        u.positions.push(u.pos);
        u.instrs.len() - 1
    }
    /// `a, b[, c] = x, y[, z]` with the tuple display just built (`BuildTuple(n)` last; the
    /// caller checks the value is a tuple display, not e.g. `(x, y) if c else (y, x)`): CPython
    /// 3.11's peephole rewrite. No tuple: `BuildTuple(n); UnpackSequence(n)` becomes nothing
    /// (n = 1) or `Swap(n)` (n = 2, 3), and when every target is a distinct fast local on the
    /// same line the swap is applied statically by reordering the stores
    /// (`apply_static_swaps`): `a, b = x, y` stores b first. Returns false, having emitted
    /// nothing, when the shape does not apply.
    fn assign_from_tuple_display(&mut self, t: &'a Expr) -> CResult<bool> {
        let elts = match t {
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => elts,
            _ => return Ok(false),
        };
        let n = elts.len();
        if !(1..=3).contains(&n) || elts.iter().any(|e| matches!(e, Expr::Starred(_))) {
            return Ok(false);
        }
        let u = self.unit();
        if u.instrs.last() != Some(&Instr::BuildTuple(n as u32)) {
            return Ok(false);
        }
        // A jump landing after the tuple (the end of a conditional expression's branch)
        // needs the tuple: the rewrite is only for a straight-line display.
        let end = u.instrs.len() as u32;
        if u.labels.contains(&end) {
            return Ok(false);
        }
        u.instrs.pop();
        u.positions.pop();
        let swap_at = self.unit().instrs.len();
        if n > 1 {
            let saved = self.set_pos(t.range());
            self.emit(Instr::Swap(n as u32));
            self.restore_pos(saved);
        }
        for e in elts {
            self.assign_target(e)?;
        }
        if n > 1 {
            let u = self.unit();
            let stores = &u.instrs[swap_at + 1..];
            let lines = &u.positions[swap_at + 1..];
            let fast = |i: &Instr| match i {
                Instr::StoreFast(x) => Some(*x),
                _ => None,
            };
            let slots: Vec<Option<u32>> = stores.iter().map(fast).collect();
            let distinct = match slots.as_slice() {
                [Some(a), Some(b)] => a != b,
                [Some(a), Some(b), Some(c)] => a != c && b != a && b != c,
                _ => false,
            };
            if distinct && lines.iter().all(|p| p.line == lines[0].line) {
                u.instrs.remove(swap_at);
                u.positions.remove(swap_at);
                u.instrs.swap(swap_at, swap_at + n - 1);
                u.positions.swap(swap_at, swap_at + n - 1);
            }
        }
        Ok(true)
    }

    fn new_label(&mut self) -> Label {
        let u = self.unit();
        u.labels.push(u32::MAX);
        Label(u.labels.len() as u32 - 1)
    }
    fn bind_label(&mut self, l: Label) {
        let u = self.unit();
        u.labels[l.0 as usize] = u.instrs.len() as u32;
    }
    fn jump(&mut self, make: fn(u32) -> Instr, l: Label) {
        self.emit(make(l.0));
    }
    fn const_(&mut self, c: Constant) -> u32 {
        let u = self.unit();
        // Deduplicate simple constants (a map: modules with many literals stay linear).
        let key = match &c {
            Constant::None => Some(ConstKey::None),
            Constant::Ellipsis => Some(ConstKey::Ellipsis),
            Constant::Bool(b) => Some(ConstKey::Bool(*b)),
            Constant::Int(i) => Some(ConstKey::Int(*i)),
            Constant::Str(s) => Some(ConstKey::Str(s.clone())),
            _ => None,
        };
        if let Some(k) = &key {
            if let Some(&i) = u.const_map.get(k) {
                return i;
            }
        }
        u.consts.push(c);
        let i = u.consts.len() as u32 - 1;
        if let Some(k) = key {
            u.const_map.insert(k, i);
        }
        i
    }
    fn name(&mut self, n: &str) -> u32 {
        let u = self.unit();
        if let Some(&i) = u.name_map.get(n) {
            return i;
        }
        let i = u.names.len() as u32;
        u.names.push(n.to_string());
        u.name_map.insert(n.to_string(), i);
        i
    }
    fn set_pos(&mut self, r: TextRange) -> Position {
        let (line, col) = line_col(&self.line_starts, r.start().to_u32());
        let (end_line, end_col) = line_col(&self.line_starts, r.end().to_u32());
        let p = Position { line, end_line, col, end_col };
        std::mem::replace(&mut self.unit().pos, p)
    }
    fn restore_pos(&mut self, p: Position) {
        self.unit().pos = p;
    }
    /// Position `p` moved as CPython's `update_start_location_to_match_attr`: when the attribute
    /// name sits on a later line than where `p` starts, start at the name.
    fn attr_start(&self, a: &ast::ExprAttribute, mut p: Position) -> Position {
        let (end_line, end_col) = line_col(&self.line_starts, a.range.end().to_u32());
        if p.line != end_line {
            p.line = end_line;
            let len = a.attr.id.chars().count() as u32;
            if len <= end_col {
                p.col = end_col - len;
            }
            p.end_line = p.end_line.max(p.line);
            if p.line == p.end_line {
                p.end_col = p.end_col.max(p.col);
            }
        }
        p
    }
    /// Set the position for an instruction on attribute `a` (the attribute's range, moved to the
    /// name as CPython does); returns the previous position.
    fn set_attr_pos(&mut self, a: &ast::ExprAttribute) -> Position {
        let saved = self.set_pos(a.range);
        let cur = self.unit().pos;
        let p = self.attr_start(a, cur);
        self.unit().pos = p;
        saved
    }
    fn line_of(&self, r: TextRange) -> u32 {
        line_col(&self.line_starts, r.start().to_u32()).0
    }
    fn cell_index(&self, name: &str) -> Option<u32> {
        let u = self.units.last().expect("unit");
        if let Some(i) = u.cellvars.iter().position(|n| n == name) {
            return Some(i as u32);
        }
        u.freevars.iter().position(|n| n == name).map(|i| (u.cellvars.len() + i) as u32)
    }

    // ----- names -----

    /// `name` as stored: private names (`__x`) inside a class are mangled (`_K__x`).
    fn mangle(&self, name: &str) -> String {
        let u = self.units.last().expect("unit");
        crate::symtable::mangle(self.table.scopes[u.scope].private.as_deref(), name).into_owned()
    }

    /// Index of an attribute name (mangled like other names).
    fn attr_name(&mut self, attr: &str) -> u32 {
        let m = self.mangle(attr);
        self.name(&m)
    }

    fn storage(&self, name: &str) -> Storage {
        let u = self.units.last().expect("unit");
        self.table.scopes[u.scope].lookup(name)
    }

    fn load_name(&mut self, name: &str) {
        let name = &*self.mangle(name);
        let st = self.storage(name);
        let kind = self.scope_kind();
        match st {
            Storage::Fast => {
                let i = self.unit().var_map[name];
                self.emit(Instr::LoadFast(i));
            }
            Storage::Cell | Storage::Free => {
                let ci = self.cell_index(name).expect("cell");
                if kind == ScopeKind::Class {
                    let n = self.name(name);
                    self.emit(Instr::LoadClassDeref { name: n, cell: ci });
                } else {
                    self.emit(Instr::LoadDeref(ci));
                }
            }
            Storage::GlobalExplicit | Storage::GlobalImplicit => {
                let n = self.name(name);
                if kind == ScopeKind::Module || (kind == ScopeKind::Class && st == Storage::GlobalImplicit) {
                    self.emit(Instr::LoadName(n));
                } else {
                    self.emit(Instr::LoadGlobal(n));
                }
            }
            Storage::Name => {
                let n = self.name(name);
                self.emit(Instr::LoadName(n));
            }
        }
    }

    fn store_name(&mut self, name: &str) {
        let name = &*self.mangle(name);
        match self.storage(name) {
            Storage::Fast => {
                let i = self.unit().var_map[name];
                self.emit(Instr::StoreFast(i));
            }
            Storage::Cell | Storage::Free => {
                let ci = self.cell_index(name).expect("cell");
                self.emit(Instr::StoreDeref(ci));
            }
            Storage::GlobalExplicit | Storage::GlobalImplicit => {
                let n = self.name(name);
                if self.scope_kind() == ScopeKind::Module {
                    self.emit(Instr::StoreName(n));
                } else {
                    self.emit(Instr::StoreGlobal(n));
                }
            }
            Storage::Name => {
                let n = self.name(name);
                self.emit(Instr::StoreName(n));
            }
        }
    }

    fn delete_name(&mut self, name: &str) {
        let name = &*self.mangle(name);
        match self.storage(name) {
            Storage::Fast => {
                let i = self.unit().var_map[name];
                self.emit(Instr::DeleteFast(i));
            }
            Storage::Cell | Storage::Free => {
                let ci = self.cell_index(name).expect("cell");
                self.emit(Instr::DeleteDeref(ci));
            }
            Storage::GlobalExplicit | Storage::GlobalImplicit => {
                let n = self.name(name);
                if self.scope_kind() == ScopeKind::Module {
                    self.emit(Instr::DeleteName(n));
                } else {
                    self.emit(Instr::DeleteGlobal(n));
                }
            }
            Storage::Name => {
                let n = self.name(name);
                self.emit(Instr::DeleteName(n));
            }
        }
    }

    // ----- statements -----

    fn body_with_doc(&mut self, stmts: &'a [Stmt], store_doc: bool) -> CResult<()> {
        let mut rest = stmts;
        if let Some(Stmt::Expr(e)) = stmts.first() {
            if let Expr::StringLiteral(s) = &*e.value {
                let doc = s.value.to_str().to_string();
                if store_doc {
                    let saved = self.set_pos(e.range);
                    let c = self.const_(Constant::Str(doc.clone()));
                    self.emit(Instr::LoadConst(c));
                    let n = self.name("__doc__");
                    self.emit(Instr::StoreName(n));
                    self.restore_pos(saved);
                }
                self.unit().doc = Some(doc);
                rest = &stmts[1..];
            }
        }
        for s in rest {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn body(&mut self, stmts: &'a [Stmt]) -> CResult<()> {
        for s in stmts {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &'a Stmt) -> CResult<()> {
        let saved = self.set_pos(s.range());
        let r = self.stmt_inner(s);
        self.restore_pos(saved);
        r
    }

    fn stmt_inner(&mut self, s: &'a Stmt) -> CResult<()> {
        match s {
            Stmt::Expr(e) => {
                self.expr(&e.value)?;
                self.emit(Instr::Pop);
            }
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                if a.targets.len() == 1 && matches!(*a.value, Expr::Tuple(_)) && self.assign_from_tuple_display(&a.targets[0])? {
                    return Ok(());
                }
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < a.targets.len() {
                        self.emit(Instr::Copy(1));
                    }
                    self.assign_target(t)?;
                }
            }
            Stmt::AugAssign(a) => self.aug_assign(a)?,
            Stmt::AnnAssign(a) => {
                let ns_scope = matches!(self.scope_kind(), ScopeKind::Module | ScopeKind::Class);
                if let Some(v) = &a.value {
                    self.expr(v)?;
                    self.assign_target(&a.target)?;
                } else if !matches!(&*a.target, Expr::Name(_)) {
                    // `obj.attr: T` evaluates obj (CPython does) but stores nothing.
                    match &*a.target {
                        Expr::Attribute(at) => {
                            self.expr(&at.value)?;
                            self.emit(Instr::Pop);
                        }
                        Expr::Subscript(sb) => {
                            self.expr(&sb.value)?;
                            self.emit(Instr::Pop);
                            self.expr(&sb.slice)?;
                            self.emit(Instr::Pop);
                        }
                        _ => {}
                    }
                }
                // Module and class bodies evaluate the annotation; a simple name's goes into
                // `__annotations__` (set up by SetupAnnotations at the start of the body).
                if ns_scope {
                    self.expr(&a.annotation)?;
                    match &*a.target {
                        Expr::Name(n) if a.simple => {
                            let ann = self.name("__annotations__");
                            self.emit(Instr::LoadName(ann));
                            let key = self.mangle(&n.id);
                            let c = self.const_(Constant::Str(key));
                            self.emit(Instr::LoadConst(c));
                            self.emit(Instr::StoreSubscr);
                        }
                        _ => {
                            self.emit(Instr::Pop);
                        }
                    }
                }
            }
            Stmt::Return(r) => {
                if !matches!(self.scope_kind(), ScopeKind::Function | ScopeKind::Comprehension) {
                    return err("'return' outside function", r.range);
                }
                if r.value.is_some() && self.unit().flags & flags::ASYNC_GENERATOR != 0 {
                    return err("'return' with value in async generator", r.range);
                }
                match &r.value {
                    Some(v) => self.expr(v)?,
                    None => {
                        let c = self.const_(Constant::None);
                        self.emit(Instr::LoadConst(c));
                    }
                }
                self.unwind_all(true)?;
                self.emit(Instr::Return);
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete_target(t)?;
                }
            }
            Stmt::Pass(_) => {}
            Stmt::Break(b) => self.break_continue(true, b.range)?,
            Stmt::Continue(c) => self.break_continue(false, c.range)?,
            Stmt::If(i) => {
                let end = self.new_label();
                let mut next = self.new_label();
                self.jump_if(&i.test, false, next)?;
                self.body(&i.body)?;
                for clause in &i.elif_else_clauses {
                    self.jump(Instr::Jump, end);
                    self.bind_label(next);
                    next = self.new_label();
                    if let Some(t) = &clause.test {
                        let saved = self.set_pos(t.range());
                        self.jump_if(t, false, next)?;
                        self.restore_pos(saved);
                    }
                    self.body(&clause.body)?;
                }
                self.bind_label(next);
                self.bind_label(end);
            }
            Stmt::While(w) => {
                let start = self.new_label();
                let orelse = self.new_label();
                let end = self.new_label();
                let body = self.new_label();
                self.bind_label(start);
                self.jump_if(&w.test, false, orelse)?;
                self.bind_label(body);
                self.unit().fblocks.push(FBlock::Loop { start, end, is_for: false });
                self.body(&w.body)?;
                self.unit().fblocks.pop();
                // The test again at the bottom, jumping back into the body (as CPython 3.11:
                // one jump per iteration instead of two; SyntaxWarnings of the test are
                // reported twice, as there).
                if matches!(&*w.test, Expr::BooleanLiteral(b) if b.value) {
                    self.jump(Instr::Jump, body);
                } else {
                    self.jump_if(&w.test, true, body)?;
                }
                self.bind_label(orelse);
                self.body(&w.orelse)?;
                self.bind_label(end);
            }
            Stmt::For(f) => {
                if f.is_async {
                    return self.async_for(f);
                }
                let start = self.new_label();
                let exit = self.new_label();
                let end = self.new_label();
                self.iterable(&f.iter)?;
                self.emit(Instr::GetIter);
                self.bind_label(start);
                self.jump(Instr::ForIter, exit);
                self.assign_target(&f.target)?;
                self.unit().fblocks.push(FBlock::Loop { start, end, is_for: true });
                self.body(&f.body)?;
                self.unit().fblocks.pop();
                self.jump(Instr::Jump, start);
                self.bind_label(exit);
                self.body(&f.orelse)?;
                self.bind_label(end);
            }
            Stmt::FunctionDef(f) => self.function_def(f)?,
            Stmt::ClassDef(c) => self.class_def(c)?,
            Stmt::Raise(r) => {
                let kind = match (&r.exc, &r.cause) {
                    (None, _) => 0,
                    (Some(e), None) => {
                        self.expr(e)?;
                        1
                    }
                    (Some(e), Some(c)) => {
                        self.expr(e)?;
                        self.expr(c)?;
                        2
                    }
                };
                self.emit(Instr::Raise(kind));
            }
            Stmt::Try(t) => {
                if t.is_star {
                    return err("except* is not supported by Spindle yet", t.range);
                }
                if t.finalbody.is_empty() {
                    self.try_except(t)?;
                } else {
                    self.try_finally(t)?;
                }
            }
            Stmt::Assert(a) => {
                self.warn(crate::warnings::assert_tuple(&a.test));
                let end = self.new_label();
                self.jump_if(&a.test, true, end)?;
                // CPython 3.11 leaves a comparison's location in place for the raise (and the
                // AssertionError call); any other test raises at the statement.
                let saved = if matches!(*a.test, Expr::Compare(_)) { self.set_pos(a.test.range()) } else { self.unit().pos };
                self.emit(Instr::LoadAssertionError);
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                    self.emit(Instr::Call(1));
                }
                self.emit(Instr::Raise(1));
                self.restore_pos(saved);
                self.bind_label(end);
            }
            Stmt::With(w) => {
                if w.is_async {
                    if !self.in_async_function() {
                        return err("'async with' outside async function", w.range);
                    }
                    self.async_with(&w.items, &w.body, w.range)?;
                } else {
                    self.with(&w.items, &w.body, w.range)?;
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let bound = a.asname.as_ref().map_or_else(|| a.name.id.split('.').next().unwrap_or(""), |n| n.id.as_str());
                    check_debug(bound, i.range, false)?;
                    let zero = self.const_(Constant::Int(0));
                    self.emit(Instr::LoadConst(zero));
                    let none = self.const_(Constant::None);
                    self.emit(Instr::LoadConst(none));
                    let n = self.name(&a.name.id);
                    self.emit(Instr::ImportName(n));
                    match &a.asname {
                        Some(asn) => {
                            let parts: Vec<&str> = a.name.id.split('.').collect();
                            for p in &parts[1..] {
                                let pn = self.name(p);
                                self.emit(Instr::ImportFrom(pn));
                                self.emit(Instr::Swap(2));
                                self.emit(Instr::Pop);
                            }
                            self.store_name(asn);
                        }
                        None => {
                            let top = a.name.id.split('.').next().unwrap_or("").to_string();
                            self.store_name(&top);
                        }
                    }
                }
            }
            Stmt::ImportFrom(i) => {
                let lvl = self.const_(Constant::Int(i.level as i64));
                self.emit(Instr::LoadConst(lvl));
                let names: Vec<Constant> = i.names.iter().map(|a| Constant::Str(a.name.id.to_string())).collect();
                let fl = self.const_(Constant::Tuple(names));
                self.emit(Instr::LoadConst(fl));
                let module = i.module.as_ref().map(|m| m.id.to_string()).unwrap_or_default();
                let mn = self.name(&module);
                self.emit(Instr::ImportName(mn));
                for a in &i.names {
                    if a.name.id.as_str() == "*" {
                        self.emit(Instr::ImportStar);
                        return Ok(());
                    }
                    let n = self.name(&a.name.id);
                    self.emit(Instr::ImportFrom(n));
                    let bound = a.asname.as_ref().unwrap_or(&a.name).id.to_string();
                    self.store_name(&bound);
                }
                self.emit(Instr::Pop);
            }
            Stmt::Global(_) | Stmt::Nonlocal(_) => {}
            Stmt::TypeAlias(t) => return err("type alias statements are not supported by Spindle yet", t.range),
            Stmt::Match(m) => self.match_stmt(m)?,
            Stmt::IpyEscapeCommand(c) => return err("invalid syntax", c.range),
        }
        Ok(())
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> CResult<()> {
        let op = binop(a.op);
        match &*a.target {
            // As CPython: loading and storing the target carry the target's position, the
            // operation the statement's.
            Expr::Name(n) => {
                check_debug(&n.id, n.range, false)?;
                let saved = self.set_pos(n.range);
                self.load_name(&n.id);
                self.restore_pos(saved);
                self.expr(&a.value)?;
                self.emit(Instr::InplaceOp(op));
                let saved = self.set_pos(n.range);
                self.store_name(&n.id);
                self.restore_pos(saved);
            }
            Expr::Attribute(at) => {
                let saved = self.set_pos(at.range);
                self.expr(&at.value)?;
                self.emit(Instr::Copy(1));
                let n = self.attr_name(&at.attr);
                self.emit(Instr::LoadAttr(n));
                self.restore_pos(saved);
                self.expr(&a.value)?;
                self.emit(Instr::InplaceOp(op));
                let saved = self.set_pos(at.range);
                self.emit(Instr::Swap(2));
                self.emit(Instr::StoreAttr(n));
                self.restore_pos(saved);
            }
            Expr::Subscript(sb) => {
                let saved = self.set_pos(sb.range);
                self.expr(&sb.value)?;
                self.expr(&sb.slice)?;
                self.emit(Instr::Copy(2));
                self.emit(Instr::Copy(2));
                self.emit(Instr::Subscr);
                self.restore_pos(saved);
                self.expr(&a.value)?;
                self.emit(Instr::InplaceOp(op));
                let saved = self.set_pos(sb.range);
                self.emit(Instr::Swap(3));
                self.emit(Instr::Swap(2));
                self.emit(Instr::StoreSubscr);
                self.restore_pos(saved);
            }
            other => return err(format!("'{}' is an illegal expression for augmented assignment", expr_kind_name(other)), other.range()),
        }
        Ok(())
    }

    fn assign_target(&mut self, t: &'a Expr) -> CResult<()> {
        match t {
            Expr::Name(n) => {
                check_debug(&n.id, n.range, false)?;
                let saved = self.set_pos(n.range);
                self.store_name(&n.id);
                self.restore_pos(saved);
            }
            Expr::Attribute(a) => {
                check_debug(&a.attr, a.range, false)?;
                self.expr(&a.value)?;
                let n = self.attr_name(&a.attr);
                let saved = self.set_attr_pos(a);
                self.emit(Instr::StoreAttr(n));
                self.restore_pos(saved);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                let saved = self.set_pos(s.range);
                self.emit(Instr::StoreSubscr);
                self.restore_pos(saved);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                let star = elts.iter().position(|e| matches!(e, Expr::Starred(_)));
                let saved = self.set_pos(t.range());
                match star {
                    None => {
                        self.emit(Instr::UnpackSequence(elts.len() as u32));
                    }
                    Some(i) => {
                        if elts.iter().filter(|e| matches!(e, Expr::Starred(_))).count() > 1 {
                            return err("multiple starred expressions in assignment", t.range());
                        }
                        self.emit(Instr::UnpackEx { before: i as u16, after: (elts.len() - i - 1) as u16 });
                    }
                }
                self.restore_pos(saved);
                for e in elts {
                    match e {
                        Expr::Starred(s) => self.assign_target(&s.value)?,
                        other => self.assign_target(other)?,
                    }
                }
            }
            Expr::Starred(s) => return err("starred assignment target must be in a list or tuple", s.range),
            other => {
                let what = expr_kind_name(other);
                let msg = if matches!(other, Expr::Call(_)) { "cannot assign to function call here. Maybe you meant '==' instead of '='?".to_string() } else { format!("cannot assign to {what}") };
                return err(msg, other.range());
            }
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &'a Expr) -> CResult<()> {
        match t {
            Expr::Name(n) => {
                check_debug(&n.id, n.range, true)?;
                let saved = self.set_pos(n.range);
                self.delete_name(&n.id);
                self.restore_pos(saved);
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let n = self.attr_name(&a.attr);
                let saved = self.set_attr_pos(a);
                self.emit(Instr::DeleteAttr(n));
                self.restore_pos(saved);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                let saved = self.set_pos(s.range);
                self.emit(Instr::DeleteSubscr);
                self.restore_pos(saved);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                for e in elts {
                    self.delete_target(e)?;
                }
            }
            other => return err(format!("cannot delete {}", expr_kind_name(other)), other.range()),
        }
        Ok(())
    }

    /// Emit clean-up for every frame block (for `return`). `preserve_tos`: a return value is on
    /// top of the stack and must survive.
    fn unwind_all(&mut self, preserve_tos: bool) -> CResult<()> {
        let blocks: Vec<FBlock<'a>> = self.unit().fblocks.clone();
        for (depth, b) in blocks.iter().enumerate().rev() {
            self.unwind_block(b, preserve_tos, depth)?;
        }
        Ok(())
    }

    fn unwind_block(&mut self, b: &FBlock<'a>, preserve_tos: bool, depth: usize) -> CResult<()> {
        match b {
            FBlock::Loop { is_for, .. } => {
                if *is_for {
                    if preserve_tos {
                        self.emit(Instr::Swap(2));
                    }
                    self.emit(Instr::Pop);
                }
            }
            FBlock::TryExcept => {
                self.emit(Instr::PopBlock);
            }
            FBlock::FinallyTry { body } => {
                self.emit(Instr::PopBlock);
                // Compile the finally body with the block stack as it is outside this block.
                let saved: Vec<FBlock<'a>> = self.unit().fblocks.drain(depth..).collect();
                let r = self.body(body);
                self.unit().fblocks.extend(saved);
                r?;
            }
            FBlock::FinallyEnd => {
                // Stack: prev, exc[, value]; a cleanup block is active.
                self.emit(Instr::PopBlock);
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::Pop);
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopExcept);
            }
            FBlock::HandlerCleanup { name } => {
                self.emit(Instr::PopBlock);
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopExcept);
                if let Some(n) = name {
                    let none = self.const_(Constant::None);
                    self.emit(Instr::LoadConst(none));
                    self.store_name(n);
                    self.delete_name(n);
                }
            }
            FBlock::With => {
                self.emit(Instr::PopBlock);
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::WithExitNormal);
            }
            FBlock::AsyncWith => {
                self.emit(Instr::PopBlock);
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.async_exit_normal();
            }
            FBlock::AsyncFor { .. } => {
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::Pop);
            }
        }
        Ok(())
    }

    fn break_continue(&mut self, is_break: bool, range: TextRange) -> CResult<()> {
        let blocks: Vec<FBlock<'a>> = self.unit().fblocks.clone();
        for (depth, b) in blocks.iter().enumerate().rev() {
            if let FBlock::Loop { start, end, is_for } = b {
                if is_break {
                    if *is_for {
                        self.emit(Instr::Pop);
                    }
                    self.jump(Instr::Jump, *end);
                } else {
                    self.jump(Instr::Jump, *start);
                }
                return Ok(());
            }
            if let FBlock::AsyncFor { start, end } = b {
                if is_break {
                    self.emit(Instr::Pop);
                    self.jump(Instr::Jump, *end);
                } else {
                    self.jump(Instr::Jump, *start);
                }
                return Ok(());
            }
            self.unwind_block(b, false, depth)?;
        }
        if is_break {
            err("'break' outside loop", range)
        } else {
            err("'continue' not properly in loop", range)
        }
    }

    fn try_except(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        let handler = self.new_label();
        let end = self.new_label();
        self.jump(Instr::SetupFinally, handler);
        self.unit().fblocks.push(FBlock::TryExcept);
        self.body(&t.body)?;
        self.unit().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.body(&t.orelse)?;
        self.jump(Instr::Jump, end);

        // Handlers. Stack on entry: exc.
        self.bind_label(handler);
        let cleanup = self.new_label();
        self.emit(Instr::PushExcInfo);
        self.jump(Instr::SetupCleanup, cleanup);
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let saved = self.set_pos(h.range);
            let next = self.new_label();
            match &h.type_ {
                Some(ty) => {
                    // CheckExcMatch keeps the exception under its result (exc, type -> exc, bool).
                    self.expr(ty)?;
                    self.emit(Instr::CheckExcMatch);
                    self.jump(Instr::PopJumpIfFalse, next);
                }
                None => {
                    if i + 1 != t.handlers.len() {
                        return err("default 'except:' must be last", h.range);
                    }
                }
            }
            let name = h.name.as_ref().map(|n| n.id.as_str());
            match name {
                Some(n) => self.store_name(n),
                None => {
                    self.emit(Instr::Pop);
                }
            }
            // Stack: prev. The handler-level cleanup block (cleanup) stays active: if the body
            // raises, it restores exc_info.
            self.unit().fblocks.push(FBlock::HandlerCleanup { name });
            self.body(&h.body)?;
            self.unit().fblocks.pop();
            self.emit(Instr::PopBlock);
            self.emit(Instr::PopExcept);
            if let Some(n) = name {
                let none = self.const_(Constant::None);
                self.emit(Instr::LoadConst(none));
                self.store_name(n);
                self.delete_name(n);
            }
            self.jump(Instr::Jump, end);
            self.bind_label(next);
            self.restore_pos(saved);
        }
        // No handler matched: re-raise (goes to cleanup).
        self.emit(Instr::Reraise);
        self.bind_label(cleanup);
        self.emit(Instr::PopExceptAndReraise);
        self.bind_label(end);
        Ok(())
    }

    fn try_finally(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        let handler = self.new_label();
        let end = self.new_label();
        self.jump(Instr::SetupFinally, handler);
        self.unit().fblocks.push(FBlock::FinallyTry { body: &t.finalbody });
        if t.handlers.is_empty() {
            self.body(&t.body)?;
            self.body(&t.orelse)?;
        } else {
            self.try_except(t)?;
        }
        self.unit().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.body(&t.finalbody)?;
        self.jump(Instr::Jump, end);

        self.bind_label(handler);
        let cleanup = self.new_label();
        self.emit(Instr::PushExcInfo);
        self.jump(Instr::SetupCleanup, cleanup);
        self.unit().fblocks.push(FBlock::FinallyEnd);
        self.body(&t.finalbody)?;
        self.unit().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.emit(Instr::PopExceptAndReraise);
        self.bind_label(cleanup);
        self.emit(Instr::PopExceptAndReraise);
        self.bind_label(end);
        Ok(())
    }

    fn with(&mut self, items: &'a [ast::WithItem], body: &'a [Stmt], stmt_range: TextRange) -> CResult<()> {
        let Some((item, rest)) = items.split_first() else {
            return self.body(body);
        };
        let handler = self.new_label();
        let end = self.new_label();
        self.expr(&item.context_expr)?;
        self.emit(Instr::BeforeWith);
        // The handler's depth excludes the entered value: on an exception the stack is cut
        // back to `exit` alone, whatever the body (an inner `with`, a loop) had pushed above.
        self.jump(Instr::SetupCleanup, handler);
        match &item.optional_vars {
            Some(v) => self.assign_target(v)?,
            None => {
                self.emit(Instr::Pop);
            }
        }
        self.unit().fblocks.push(FBlock::With);
        self.with(rest, body, stmt_range)?;
        self.unit().fblocks.pop();
        self.emit(Instr::PopBlock);
        // The exit call is at the whole statement (CPython's SET_LOC(c, s)): a multi-line
        // span, so tracebacks print no carets under it.
        let saved = self.set_pos(stmt_range);
        self.emit(Instr::WithExitNormal);
        self.jump(Instr::Jump, end);

        // Stack: exit, exc.
        self.bind_label(handler);
        let cleanup = self.new_label();
        let suppress = self.new_label();
        self.emit(Instr::PushExcInfo);
        self.jump(Instr::SetupCleanup, cleanup);
        self.emit(Instr::WithExceptStart);
        self.jump(Instr::PopJumpIfTrue, suppress);
        self.emit(Instr::Reraise);
        self.bind_label(suppress);
        self.emit(Instr::PopBlock);
        self.emit(Instr::Pop);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Pop);
        self.jump(Instr::Jump, end);
        self.bind_label(cleanup);
        self.emit(Instr::PopExceptAndReraise);
        self.restore_pos(saved);
        self.bind_label(end);
        Ok(())
    }

    /// Stack: exit -> (empty): `await exit(None, None, None)`.
    fn async_exit_normal(&mut self) {
        let none = self.const_(Constant::None);
        for _ in 0..3 {
            self.emit(Instr::LoadConst(none));
        }
        self.emit(Instr::Call(3));
        self.await_tail(2);
        self.emit(Instr::Pop);
    }

    /// `async with`, as CPython 3.11's `compiler_async_with`.
    fn async_with(&mut self, items: &'a [ast::WithItem], body: &'a [Stmt], stmt_range: TextRange) -> CResult<()> {
        let Some((item, rest)) = items.split_first() else {
            return self.body(body);
        };
        let handler = self.new_label();
        let end = self.new_label();
        self.expr(&item.context_expr)?;
        self.emit(Instr::BeforeAsyncWith);
        self.await_tail(1);
        self.jump(Instr::SetupCleanup, handler);
        match &item.optional_vars {
            Some(v) => self.assign_target(v)?,
            None => {
                self.emit(Instr::Pop);
            }
        }
        self.unit().fblocks.push(FBlock::AsyncWith);
        self.async_with(rest, body, stmt_range)?;
        self.unit().fblocks.pop();
        self.emit(Instr::PopBlock);
        // The exit call is at the whole statement (CPython's SET_LOC(c, s)): a multi-line
        // span, so tracebacks print no carets under it.
        let saved = self.set_pos(stmt_range);
        self.async_exit_normal();
        self.jump(Instr::Jump, end);

        // Stack: exit, exc.
        self.bind_label(handler);
        let cleanup = self.new_label();
        let suppress = self.new_label();
        self.emit(Instr::PushExcInfo);
        self.jump(Instr::SetupCleanup, cleanup);
        self.emit(Instr::AsyncWithExceptStart);
        self.await_tail(2);
        self.jump(Instr::PopJumpIfTrue, suppress);
        self.emit(Instr::Reraise);
        self.bind_label(suppress);
        self.emit(Instr::PopBlock);
        self.emit(Instr::Pop);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Pop);
        self.jump(Instr::Jump, end);
        self.bind_label(cleanup);
        self.emit(Instr::PopExceptAndReraise);
        self.restore_pos(saved);
        self.bind_label(end);
        Ok(())
    }

    /// `async for`, as CPython 3.11's `compiler_async_for`: the `__anext__` await runs under a
    /// handler that ends the loop on StopAsyncIteration (`EndAsyncFor`).
    fn async_for(&mut self, f: &'a ast::StmtFor) -> CResult<()> {
        if !self.in_async_function() {
            return err("'async for' outside async function", f.range);
        }
        let start = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        self.expr(&f.iter)?;
        self.emit(Instr::GetAiter);
        self.bind_label(start);
        self.jump(Instr::SetupFinally, except);
        self.emit(Instr::GetAnext);
        self.await_tail(0);
        self.emit(Instr::PopBlock);
        self.assign_target(&f.target)?;
        self.unit().fblocks.push(FBlock::AsyncFor { start, end });
        self.body(&f.body)?;
        self.unit().fblocks.pop();
        self.jump(Instr::Jump, start);
        self.bind_label(except);
        let saved = self.set_pos(f.iter.range());
        self.emit(Instr::EndAsyncFor);
        self.restore_pos(saved);
        self.body(&f.orelse)?;
        self.bind_label(end);
        Ok(())
    }

    // ----- functions and classes -----

    fn qualname_for(&self, name: &str) -> String {
        let u = self.units.last().expect("unit");
        let kind = self.table.scopes[u.scope].kind;
        match kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Class => format!("{}.{}", u.qualname, name),
            _ => {
                // `global f` in a function: the qualname is just the name.
                if self.table.scopes[u.scope].lookup(name) == Storage::GlobalExplicit {
                    name.to_string()
                } else {
                    format!("{}.<locals>.{}", u.qualname, name)
                }
            }
        }
    }

    /// Emit defaults/kwdefaults for `p`; returns MakeFunction flag bits.
    fn defaults(&mut self, p: &'a ast::Parameters) -> CResult<u32> {
        let mut fl = 0;
        let pos_defaults: Vec<&Expr> = p.posonlyargs.iter().chain(p.args.iter()).filter_map(|a| a.default.as_deref()).collect();
        if !pos_defaults.is_empty() {
            for d in &pos_defaults {
                self.expr(d)?;
            }
            self.emit(Instr::BuildTuple(pos_defaults.len() as u32));
            fl |= 1;
        }
        let kw: Vec<(&str, &Expr)> = p.kwonlyargs.iter().filter_map(|a| a.default.as_deref().map(|d| (a.parameter.name.id.as_str(), d))).collect();
        if !kw.is_empty() {
            for (n, d) in &kw {
                let c = self.const_(Constant::Str(n.to_string()));
                self.emit(Instr::LoadConst(c));
                self.expr(d)?;
            }
            self.emit(Instr::BuildMap(kw.len() as u32));
            fl |= 2;
        }
        Ok(fl)
    }

    /// Emit the annotations dict of a `def` (parameters in order, then `return`); returns the
    /// MakeFunction flag bit (4) when there are any.
    fn annotations(&mut self, p: &'a ast::Parameters, returns: Option<&'a Expr>) -> CResult<u32> {
        let mut items: Vec<(&str, &'a Expr)> = Vec::new();
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            if let Some(ann) = a.parameter.annotation.as_deref() {
                items.push((a.parameter.name.id.as_str(), ann));
            }
        }
        if let Some(ann) = p.vararg.as_ref().and_then(|v| v.annotation.as_deref()) {
            items.push((p.vararg.as_ref().map(|v| v.name.id.as_str()).unwrap_or(""), ann));
        }
        for a in p.kwonlyargs.iter() {
            if let Some(ann) = a.parameter.annotation.as_deref() {
                items.push((a.parameter.name.id.as_str(), ann));
            }
        }
        if let Some(ann) = p.kwarg.as_ref().and_then(|v| v.annotation.as_deref()) {
            items.push((p.kwarg.as_ref().map(|v| v.name.id.as_str()).unwrap_or(""), ann));
        }
        if let Some(r) = returns {
            items.push(("return", r));
        }
        if items.is_empty() {
            return Ok(0);
        }
        let n = items.len() as u32;
        for (name, ann) in items {
            let key = self.mangle(name);
            let c = self.const_(Constant::Str(key));
            self.emit(Instr::LoadConst(c));
            self.expr(ann)?;
        }
        self.emit(Instr::BuildMap(n));
        Ok(4)
    }

    /// Emit MakeFunction for `code` (its qualified name travels in the code object).
    fn make_closure(&mut self, code: CodeObject, mut fl: u32) {
        if !code.freevars.is_empty() {
            for fv in &code.freevars {
                let ci = self.cell_index(fv).unwrap_or_else(|| panic!("free variable {fv} not found in enclosing scope"));
                self.emit(Instr::LoadClosure(ci));
            }
            self.emit(Instr::BuildTuple(code.freevars.len() as u32));
            fl |= 8;
        }
        let c = self.const_(Constant::Code(Arc::new(code)));
        self.emit(Instr::LoadConst(c));
        self.emit(Instr::MakeFunction(fl));
    }

    fn set_params(&mut self, p: &ast::Parameters) {
        let u = self.unit();
        u.posonly = p.posonlyargs.len() as u32;
        u.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
        u.kwonly = p.kwonlyargs.len() as u32;
        if p.vararg.is_some() {
            u.flags |= flags::VARARGS;
        }
        if p.kwarg.is_some() {
            u.flags |= flags::VARKEYWORDS;
        }
    }

    fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> CResult<()> {
        check_debug(&f.name, f.range, false)?;
        let p = &f.parameters;
        for a in p.posonlyargs.iter().chain(p.args.iter()).chain(p.kwonlyargs.iter()) {
            check_debug(&a.parameter.name, f.range, false)?;
        }
        for v in p.vararg.iter().chain(p.kwarg.iter()) {
            check_debug(&v.name, f.range, false)?;
        }
        for d in f.decorator_list.iter() {
            self.expr(&d.expression)?;
        }
        let mut fl = self.defaults(&f.parameters)?;
        fl |= self.annotations(&f.parameters, f.returns.as_deref())?;
        let scope = self.table.scope_for(f.range, ScopeKind::Function);
        let qualname = self.qualname_for(&f.name);
        let def_line = self.line_of(f.range);
        let first = if f.decorator_list.is_empty() { def_line } else { self.line_of(f.decorator_list[0].range) };
        self.push_unit(scope, f.name.to_string(), qualname, first);
        self.set_params(&f.parameters);
        let r = self.function_body(&f.body);
        if let Err(e) = r {
            self.units.pop();
            return Err(e);
        }
        let code = self.finish_unit();
        self.make_closure(code, fl);
        for _ in f.decorator_list.iter() {
            self.emit(Instr::Call(1));
        }
        self.store_name(&f.name);
        Ok(())
    }

    fn function_body(&mut self, body: &'a [Stmt]) -> CResult<()> {
        self.body_with_doc(body, false)?;
        // Falling off the end returns None.
        let none = self.const_(Constant::None);
        self.emit(Instr::LoadConst(none));
        self.emit(Instr::Return);
        Ok(())
    }

    fn class_def(&mut self, c: &'a ast::StmtClassDef) -> CResult<()> {
        check_debug(&c.name, c.range, false)?;
        for d in c.decorator_list.iter() {
            self.expr(&d.expression)?;
        }
        self.emit(Instr::LoadBuildClass);
        let scope = self.table.scope_for(c.range, ScopeKind::Class);
        let qualname = self.qualname_for(&c.name);
        let first = self.line_of(c.range);
        self.push_unit(scope, c.name.to_string(), qualname.clone(), first);
        let r = (|| -> CResult<()> {
            let n = self.name("__name__");
            self.emit(Instr::LoadName(n));
            let m = self.name("__module__");
            self.emit(Instr::StoreName(m));
            let q = self.const_(Constant::Str(qualname.clone()));
            self.emit(Instr::LoadConst(q));
            let qn = self.name("__qualname__");
            self.emit(Instr::StoreName(qn));
            if has_annotations(&c.body) {
                self.emit(Instr::SetupAnnotations);
            }
            self.body_with_doc(&c.body, true)?;
            if self.table.scopes[scope].needs_class_cell {
                let ci = self.cell_index("__class__").expect("class cell");
                self.emit(Instr::LoadClosure(ci));
            } else {
                let none = self.const_(Constant::None);
                self.emit(Instr::LoadConst(none));
            }
            self.emit(Instr::Return);
            Ok(())
        })();
        if let Err(e) = r {
            self.units.pop();
            return Err(e);
        }
        let code = self.finish_unit();
        self.make_closure(code, 0);
        let nm = self.const_(Constant::Str(c.name.to_string()));
        self.emit(Instr::LoadConst(nm));
        // __build_class__(func, name, *bases, **keywords)
        let (args, kws): (&[Expr], &[ast::Keyword]) = match &c.arguments {
            Some(a) => (&a.args, &a.keywords),
            None => (&[], &[]),
        };
        self.call_helper(2, args, kws)?;
        for _ in c.decorator_list.iter() {
            self.emit(Instr::Call(1));
        }
        self.store_name(&c.name);
        Ok(())
    }

    // ----- expressions -----

    fn expr(&mut self, e: &'a Expr) -> CResult<()> {
        let saved = self.set_pos(e.range());
        let r = self.expr_inner(e);
        self.restore_pos(saved);
        r
    }

    /// A set display of constants as a frozenset constant.
    fn const_set(&self, e: &Expr) -> Option<Constant> {
        let Expr::Set(s) = e else { return None };
        let mut items = Vec::with_capacity(s.elts.len());
        for x in &s.elts {
            items.push(self.folded_int(x).map(big_constant).or_else(|| self.constant_of(x))?);
        }
        Some(Constant::FrozenSet(items))
    }

    /// An int expression CPython's AST optimizer folds to a constant (`2**61`, `1 << 40`,
    /// `-(3*4)`): int literals under `+ - * // % ** << >> & | ^` and unary `- + ~`, with its
    /// size limits (results of `*`, `**`, `<<` up to 128 bits). Only used where the folding
    /// is observable (a set display's iteration order).
    fn folded_int(&self, e: &Expr) -> Option<num_bigint::BigInt> {
        use num_bigint::BigInt;
        const MAX_BITS: u64 = 128;
        match e {
            Expr::NumberLiteral(n) => match &n.value {
                ast::Number::Int(i) => match int_constant(i) {
                    Constant::Int(v) => Some(BigInt::from(v)),
                    Constant::BigInt(b) => Some(b),
                    _ => None,
                },
                _ => None,
            },
            Expr::UnaryOp(u) => {
                let v = self.folded_int(&u.operand)?;
                match u.op {
                    ast::UnaryOp::USub => Some(-v),
                    ast::UnaryOp::UAdd => Some(v),
                    ast::UnaryOp::Invert => Some(-v - 1),
                    ast::UnaryOp::Not => None,
                }
            }
            Expr::BinOp(b) => {
                let (x, y) = (self.folded_int(&b.left)?, self.folded_int(&b.right)?);
                let zero = BigInt::from(0);
                let sign = |v: &BigInt| v.sign() == num_bigint::Sign::Minus;
                Some(match b.op {
                    ast::Operator::Add => x + y,
                    ast::Operator::Sub => x - y,
                    ast::Operator::Mult => {
                        if x.bits() + y.bits() > MAX_BITS {
                            return None;
                        }
                        x * y
                    }
                    ast::Operator::FloorDiv | ast::Operator::Mod if y == zero => return None,
                    ast::Operator::FloorDiv => num_integer::Integer::div_floor(&x, &y),
                    ast::Operator::Mod => num_integer::Integer::mod_floor(&x, &y),
                    ast::Operator::Pow => {
                        if sign(&y) {
                            return None;
                        }
                        let e = u64::try_from(&y).ok()?;
                        if x.bits().saturating_mul(e) > MAX_BITS {
                            return None;
                        }
                        num_traits::Pow::pow(&x, e)
                    }
                    ast::Operator::LShift => {
                        if sign(&y) {
                            return None;
                        }
                        let s = u64::try_from(&y).ok()?;
                        if x.bits().saturating_add(s) > MAX_BITS {
                            return None;
                        }
                        x << s as usize
                    }
                    ast::Operator::RShift => {
                        if sign(&y) {
                            return None;
                        }
                        let s = u64::try_from(&y).ok().unwrap_or(u64::MAX).min(1 << 20);
                        x >> s as usize
                    }
                    ast::Operator::BitAnd => x & y,
                    ast::Operator::BitOr => x | y,
                    ast::Operator::BitXor => x ^ y,
                    _ => return None,
                })
            }
            _ => None,
        }
    }

    /// An iterable of a `for` loop, a comprehension, or the right side of `in`: a constant set
    /// display is iterated as a frozenset constant (CPython's `fold_iter`).
    fn iterable(&mut self, e: &'a Expr) -> CResult<()> {
        if let Some(fs) = self.const_set(e) {
            let saved = self.set_pos(e.range());
            let c = self.const_(fs);
            self.emit(Instr::LoadConst(c));
            self.restore_pos(saved);
            return Ok(());
        }
        self.expr(e)
    }

    fn constant_of(&self, e: &Expr) -> Option<Constant> {
        Some(match e {
            Expr::NumberLiteral(n) => match &n.value {
                ast::Number::Int(i) => int_constant(i),
                ast::Number::Float(f) => Constant::Float(*f),
                ast::Number::Complex { real, imag } => Constant::Complex(*real, *imag),
            },
            Expr::StringLiteral(s) => Constant::Str(s.value.to_str().to_string()),
            Expr::BytesLiteral(b) => Constant::Bytes(b.value.bytes().collect()),
            Expr::BooleanLiteral(b) => Constant::Bool(b.value),
            Expr::NoneLiteral(_) => Constant::None,
            Expr::EllipsisLiteral(_) => Constant::Ellipsis,
            Expr::Tuple(t) if !t.elts.is_empty() => {
                let mut v = Vec::new();
                for x in &t.elts {
                    v.push(self.constant_of(x)?);
                }
                Constant::Tuple(v)
            }
            Expr::Tuple(_) => Constant::Tuple(Vec::new()),
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => match self.constant_of(&u.operand)? {
                Constant::Int(i) if i != i64::MIN => Constant::Int(-i),
                Constant::Float(f) => Constant::Float(-f),
                Constant::BigInt(b) => {
                    let n = -b;
                    match i64::try_from(&n) {
                        Ok(i) => Constant::Int(i),
                        Err(_) => Constant::BigInt(n),
                    }
                }
                _ => return None,
            },
            _ => return None,
        })
    }

    fn expr_inner(&mut self, e: &'a Expr) -> CResult<()> {
        if let Some(c) = self.constant_of(e) {
            let i = self.const_(c);
            self.emit(Instr::LoadConst(i));
            return Ok(());
        }
        match e {
            Expr::Name(n) => {
                if n.ctx != ast::ExprContext::Load {
                    return err("internal: name not in load context", n.range);
                }
                self.load_name(&n.id);
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.emit(Instr::BinaryOp(binop(b.op)));
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.operand)?;
                let op = match u.op {
                    ast::UnaryOp::Invert => UnaryOp::Invert,
                    ast::UnaryOp::Not => UnaryOp::Not,
                    ast::UnaryOp::UAdd => UnaryOp::Pos,
                    ast::UnaryOp::USub => UnaryOp::Neg,
                };
                self.emit(Instr::UnaryOp(op));
            }
            Expr::BoolOp(b) => {
                let end = self.new_label();
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < n {
                        match b.op {
                            ast::BoolOp::And => self.jump(Instr::JumpIfFalseOrPop, end),
                            ast::BoolOp::Or => self.jump(Instr::JumpIfTrueOrPop, end),
                        }
                    }
                }
                self.bind_label(end);
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::If(i) => {
                let orelse = self.new_label();
                let end = self.new_label();
                self.jump_if(&i.test, false, orelse)?;
                self.expr(&i.body)?;
                self.jump(Instr::Jump, end);
                self.bind_label(orelse);
                self.expr(&i.orelse)?;
                self.bind_label(end);
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Instr::Copy(1));
                match &*n.target {
                    Expr::Name(name) => self.store_name(&name.id),
                    other => return err(format!("cannot use assignment expressions with {}", expr_kind_name(other)), other.range()),
                }
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let n = self.attr_name(&a.attr);
                let saved = self.set_attr_pos(a);
                self.emit(Instr::LoadAttr(n));
                self.restore_pos(saved);
            }
            Expr::Subscript(s) => {
                self.warn(crate::warnings::subscript(&s.value, &s.slice));
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Instr::Subscr);
            }
            Expr::Slice(s) => {
                let none = self.const_(Constant::None);
                for part in [&s.lower, &s.upper] {
                    match part {
                        Some(p) => self.expr(p)?,
                        None => {
                            self.emit(Instr::LoadConst(none));
                        }
                    }
                }
                match &s.step {
                    Some(st) => {
                        self.expr(st)?;
                        self.emit(Instr::BuildSlice(3));
                    }
                    None => {
                        self.emit(Instr::BuildSlice(2));
                    }
                }
            }
            Expr::Call(c) => self.call(c)?,
            Expr::Tuple(t) => {
                if self.starred_seq(&t.elts)? {
                    self.emit(Instr::ListToTuple);
                } else {
                    self.emit(Instr::BuildTuple(t.elts.len() as u32));
                }
            }
            Expr::List(l) => {
                if !self.starred_seq(&l.elts)? {
                    self.emit(Instr::BuildList(l.elts.len() as u32));
                }
            }
            Expr::Set(s) => {
                // As CPython: more than two constants become a frozenset constant merged into
                // a new set (which decides the set's layout and iteration order).
                if s.elts.len() > 2 {
                    if let Some(fs) = self.const_set(e) {
                        self.emit(Instr::BuildSet(0));
                        let c = self.const_(fs);
                        self.emit(Instr::LoadConst(c));
                        self.emit(Instr::SetUpdate(1));
                        return Ok(());
                    }
                }
                if s.elts.iter().any(|e| matches!(e, Expr::Starred(_))) {
                    self.emit(Instr::BuildSet(0));
                    for el in &s.elts {
                        match el {
                            Expr::Starred(st) => {
                                self.expr(&st.value)?;
                                self.emit(Instr::SetUpdate(1));
                            }
                            other => {
                                self.expr(other)?;
                                self.emit(Instr::SetAdd(1));
                            }
                        }
                    }
                } else {
                    for el in &s.elts {
                        self.expr(el)?;
                    }
                    self.emit(Instr::BuildSet(s.elts.len() as u32));
                }
            }
            Expr::Dict(d) => {
                let mut pending = 0u32;
                let mut built = false;
                for item in &d.items {
                    match &item.key {
                        Some(k) => {
                            self.expr(k)?;
                            self.expr(&item.value)?;
                            pending += 1;
                        }
                        None => {
                            if !built {
                                self.emit(Instr::BuildMap(pending));
                                built = true;
                            } else if pending > 0 {
                                self.emit(Instr::BuildMap(pending));
                                self.emit(Instr::DictUpdate(1));
                            }
                            pending = 0;
                            self.expr(&item.value)?;
                            self.emit(Instr::DictUpdate(1));
                        }
                    }
                }
                if !built {
                    self.emit(Instr::BuildMap(pending));
                } else if pending > 0 {
                    self.emit(Instr::BuildMap(pending));
                    self.emit(Instr::DictUpdate(1));
                }
            }
            Expr::Lambda(l) => {
                let fl = match &l.parameters {
                    Some(p) => self.defaults(p)?,
                    None => 0,
                };
                let scope = self.table.scope_for(l.range, ScopeKind::Function);
                let qualname = self.qualname_for("<lambda>");
                let line = self.line_of(l.range);
                self.push_unit(scope, "<lambda>".into(), qualname, line);
                if let Some(p) = &l.parameters {
                    self.set_params(p);
                }
                if let Err(e) = self.expr(&l.body) {
                    self.units.pop();
                    return Err(e);
                }
                self.emit(Instr::Return);
                let code = self.finish_unit();
                self.make_closure(code, fl);
            }
            Expr::ListComp(ast::ExprListComp { elt, .. }) | Expr::SetComp(ast::ExprSetComp { elt, .. }) | Expr::Generator(ast::ExprGenerator { elt, .. }) if matches!(**elt, Expr::Starred(_)) => {
                return parser_err("iterable unpacking cannot be used in comprehension", elt.range());
            }
            Expr::ListComp(c) => self.comprehension(c.range, "<listcomp>", &c.generators, CompKind::List(&c.elt))?,
            Expr::SetComp(c) => self.comprehension(c.range, "<setcomp>", &c.generators, CompKind::Set(&c.elt))?,
            Expr::DictComp(c) => match &c.key {
                Some(k) => self.comprehension(c.range, "<dictcomp>", &c.generators, CompKind::Dict(k, &c.value))?,
                None => {
                    // Reported at the `**` before the value.
                    let v = c.value.range().start().to_u32();
                    let r = TextRange::new(v.saturating_sub(2).into(), v.into());
                    return parser_err("dict unpacking cannot be used in dict comprehension", r);
                }
            },
            Expr::Generator(g) => self.comprehension(g.range, "<genexpr>", &g.generators, CompKind::Gen(&g.elt))?,
            Expr::Yield(y) => {
                if !matches!(self.scope_kind(), ScopeKind::Function | ScopeKind::Comprehension) {
                    return err("'yield' outside function", y.range);
                }
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => {
                        let none = self.const_(Constant::None);
                        self.emit(Instr::LoadConst(none));
                    }
                }
                self.emit(Instr::YieldValue);
            }
            Expr::YieldFrom(y) => {
                if !matches!(self.scope_kind(), ScopeKind::Function | ScopeKind::Comprehension) {
                    return err("'yield' outside function", y.range);
                }
                if self.in_async_function() {
                    return err("'yield from' inside async function", y.range);
                }
                self.expr(&y.value)?;
                self.emit(Instr::GetIter);
                let none = self.const_(Constant::None);
                self.emit(Instr::LoadConst(none));
                self.emit(Instr::YieldFrom);
            }
            Expr::Await(a) => {
                match self.scope_kind() {
                    ScopeKind::Module | ScopeKind::Class => return err("'await' outside function", a.range),
                    ScopeKind::Function if !self.in_async_function() => return err("'await' outside async function", a.range),
                    _ => {}
                }
                self.expr(&a.value)?;
                self.await_tail(0);
            }
            Expr::FString(f) => {
                let mut n = 0;
                for part in f.value.iter() {
                    match part {
                        ast::FStringPart::Literal(l) => {
                            let c = self.const_(Constant::Str(l.value.to_string()));
                            self.emit(Instr::LoadConst(c));
                            n += 1;
                        }
                        ast::FStringPart::FString(fs) => n += self.fstring_elements(&fs.elements)?,
                    }
                }
                if n != 1 {
                    self.emit(Instr::BuildString(n));
                }
            }
            Expr::TString(t) => return err("template strings are not supported", t.range),
            Expr::Starred(s) => return err("can't use starred expression here", s.range),
            Expr::IpyEscapeCommand(c) => return err("invalid syntax", c.range),
            Expr::NumberLiteral(_) | Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::BooleanLiteral(_) | Expr::NoneLiteral(_) | Expr::EllipsisLiteral(_) => unreachable!("constants handled above"),
        }
        Ok(())
    }

    /// Returns the number of str pieces pushed.
    fn fstring_elements(&mut self, elems: &'a ast::InterpolatedStringElements) -> CResult<u32> {
        let mut n = 0;
        for el in elems.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => {
                    let c = self.const_(Constant::Str(l.value.to_string()));
                    self.emit(Instr::LoadConst(c));
                    n += 1;
                }
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let mut conv = match i.conversion {
                        ast::ConversionFlag::None => 0,
                        ast::ConversionFlag::Str => 1,
                        ast::ConversionFlag::Repr => 2,
                        ast::ConversionFlag::Ascii => 3,
                    };
                    if let Some(dt) = &i.debug_text {
                        let text = format!("{}{}{}", dt.leading(), dt.expression(), dt.trailing());
                        let c = self.const_(Constant::Str(text));
                        self.emit(Instr::LoadConst(c));
                        n += 1;
                        if conv == 0 && i.format_spec.is_none() {
                            conv = 2;
                        }
                    }
                    self.expr(&i.expression)?;
                    if let Some(spec) = &i.format_spec {
                        let k = self.fstring_elements(&spec.elements)?;
                        if k != 1 {
                            self.emit(Instr::BuildString(k));
                        }
                        conv |= 4;
                    }
                    self.emit(Instr::FormatValue(conv));
                    n += 1;
                }
            }
        }
        if n == 0 {
            let c = self.const_(Constant::Str(String::new()));
            self.emit(Instr::LoadConst(c));
            n = 1;
        }
        Ok(n)
    }

    /// Push elements of a list/tuple display. Returns true if a list was built incrementally
    /// (because of starred items): the result is then a list on TOS.
    fn starred_seq(&mut self, elts: &'a [Expr]) -> CResult<bool> {
        if !elts.iter().any(|e| matches!(e, Expr::Starred(_))) {
            for el in elts {
                self.expr(el)?;
            }
            return Ok(false);
        }
        let mut pending = 0;
        let mut built = false;
        for el in elts {
            match el {
                Expr::Starred(s) => {
                    if !built {
                        self.emit(Instr::BuildList(pending));
                        built = true;
                    } else if pending > 0 {
                        self.emit(Instr::BuildTuple(pending));
                        self.emit(Instr::ListExtend(1));
                    }
                    pending = 0;
                    self.expr(&s.value)?;
                    self.emit(Instr::ListExtend(1));
                }
                other => {
                    self.expr(other)?;
                    if built {
                        self.emit(Instr::ListAppend(1));
                    } else {
                        pending += 1;
                    }
                }
            }
        }
        Ok(true)
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) -> CResult<()> {
        self.warn(crate::warnings::compare(c));
        self.expr(&c.left)?;
        let n = c.ops.len();
        if n == 1 {
            if matches!(c.ops[0], ast::CmpOp::In | ast::CmpOp::NotIn) {
                self.iterable(&c.comparators[0])?;
            } else {
                self.expr(&c.comparators[0])?;
            }
            self.cmp_op(c.ops[0]);
            return Ok(());
        }
        let cleanup = self.new_label();
        let end = self.new_label();
        for (i, (op, comp)) in c.ops.iter().zip(c.comparators.iter()).enumerate() {
            if i + 1 == n && matches!(op, ast::CmpOp::In | ast::CmpOp::NotIn) {
                self.iterable(comp)?;
            } else {
                self.expr(comp)?;
            }
            if i + 1 < n {
                self.emit(Instr::Swap(2));
                self.emit(Instr::Copy(2));
                self.cmp_op(*op);
                self.jump(Instr::JumpIfFalseOrPop, cleanup);
            } else {
                self.cmp_op(*op);
            }
        }
        self.jump(Instr::Jump, end);
        self.bind_label(cleanup);
        self.emit(Instr::Swap(2));
        self.emit(Instr::Pop);
        self.bind_label(end);
        Ok(())
    }

    fn cmp_op(&mut self, op: ast::CmpOp) {
        use ast::CmpOp as C;
        let i = match op {
            C::Eq => Instr::Compare(CmpOp::Eq),
            C::NotEq => Instr::Compare(CmpOp::Ne),
            C::Lt => Instr::Compare(CmpOp::Lt),
            C::LtE => Instr::Compare(CmpOp::Le),
            C::Gt => Instr::Compare(CmpOp::Gt),
            C::GtE => Instr::Compare(CmpOp::Ge),
            C::Is => Instr::Is(false),
            C::IsNot => Instr::Is(true),
            C::In => Instr::Contains(false),
            C::NotIn => Instr::Contains(true),
        };
        self.emit(i);
    }

    /// Jump to `target` if the truth of `e` equals `cond`; fall through otherwise.
    fn jump_if(&mut self, e: &'a Expr, cond: bool, target: Label) -> CResult<()> {
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => return self.jump_if(&u.operand, !cond, target),
            Expr::BoolOp(b) => {
                let is_and = b.op == ast::BoolOp::And;
                let n = b.values.len();
                if is_and != cond {
                    // and + jump-if-false, or or + jump-if-true: each operand jumps directly.
                    for v in &b.values {
                        self.jump_if(v, cond, target)?;
                    }
                } else {
                    let skip = self.new_label();
                    for (i, v) in b.values.iter().enumerate() {
                        if i + 1 < n {
                            self.jump_if(v, !cond, skip)?;
                        } else {
                            self.jump_if(v, cond, target)?;
                        }
                    }
                    self.bind_label(skip);
                }
                return Ok(());
            }
            _ => {}
        }
        self.expr(e)?;
        if cond {
            self.jump(Instr::PopJumpIfTrue, target);
        } else {
            self.jump(Instr::PopJumpIfFalse, target);
        }
        Ok(())
    }

    fn call(&mut self, c: &'a ast::ExprCall) -> CResult<()> {
        self.warn(crate::warnings::caller(&c.func));
        let args = &c.arguments.args;
        let kws = &c.arguments.keywords;
        let simple = !args.iter().any(|a| matches!(a, Expr::Starred(_))) && !kws.iter().any(|k| k.arg.is_none());
        if let (Expr::Attribute(a), true, true) = (&*c.func, simple, kws.is_empty()) {
            self.expr(&a.value)?;
            let n = self.attr_name(&a.attr);
            let saved = self.set_attr_pos(a);
            self.emit(Instr::LoadMethod(n));
            self.restore_pos(saved);
            for arg in args.iter() {
                self.expr(arg)?;
            }
            // The call starts where the method name does too (CPython 3.11).
            let cur = self.unit().pos;
        let p = self.attr_start(a, cur);
            let saved = std::mem::replace(&mut self.unit().pos, p);
            self.emit(Instr::CallMethod(args.len() as u32));
            self.restore_pos(saved);
            return Ok(());
        }
        self.expr(&c.func)?;
        self.call_helper(0, args, kws)
    }

    /// Emit a call whose callable (and `extra` leading positional args) are already pushed.
    fn call_helper(&mut self, extra: u32, args: &'a [Expr], kws: &'a [ast::Keyword]) -> CResult<()> {
        let has_star = args.iter().any(|a| matches!(a, Expr::Starred(_)));
        let has_dstar = kws.iter().any(|k| k.arg.is_none());
        // Duplicate keyword check.
        let mut seen = std::collections::HashSet::new();
        for k in kws {
            if let Some(a) = &k.arg {
                if !seen.insert(a.id.as_str()) {
                    return err(format!("keyword argument repeated: {}", a.id), k.range);
                }
            }
        }
        if !has_star && !has_dstar {
            for a in args {
                self.expr(a)?;
            }
            if kws.is_empty() {
                self.emit(Instr::Call(extra + args.len() as u32));
            } else {
                for k in kws {
                    self.expr(&k.value)?;
                }
                let names: Vec<Constant> = kws.iter().map(|k| Constant::Str(k.arg.as_ref().map(|a| a.id.to_string()).unwrap_or_default())).collect();
                let c = self.const_(Constant::Tuple(names));
                self.emit(Instr::LoadConst(c));
                self.emit(Instr::CallKw(extra + (args.len() + kws.len()) as u32));
            }
            return Ok(());
        }
        // General form: build a positional tuple and a kwargs dict.
        self.emit(Instr::BuildList(extra));
        for a in args {
            match a {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(Instr::ListExtend(1));
                }
                other => {
                    self.expr(other)?;
                    self.emit(Instr::ListAppend(1));
                }
            }
        }
        self.emit(Instr::ListToTuple);
        if !kws.is_empty() {
            self.emit(Instr::BuildMap(0));
            for k in kws {
                match &k.arg {
                    Some(name) => {
                        let c = self.const_(Constant::Str(name.id.to_string()));
                        self.emit(Instr::LoadConst(c));
                        self.expr(&k.value)?;
                        self.emit(Instr::BuildMap(1));
                        self.emit(Instr::DictMerge(1));
                    }
                    None => {
                        self.expr(&k.value)?;
                        self.emit(Instr::DictMerge(1));
                    }
                }
            }
            self.emit(Instr::CallEx(1));
        } else {
            self.emit(Instr::CallEx(0));
        }
        Ok(())
    }

    fn comprehension(&mut self, range: TextRange, name: &str, gens: &'a [ast::Comprehension], kind: CompKind<'a>) -> CResult<()> {
        let scope = self.table.scope_for(range, ScopeKind::Comprehension);
        let qualname = self.qualname_for(name);
        let line = self.line_of(range);
        // The first iterable is evaluated here, in the enclosing scope.
        let first = gens.first().ok_or_else(|| CompileError { message: "comprehension without generators".into(), range, parser: false })?;
        let is_gen = matches!(kind, CompKind::Gen(_));
        let is_async = self.table.scopes[scope].is_coroutine;
        if is_async && !is_gen && !self.in_async_function() && self.scope_kind() != ScopeKind::Comprehension {
            return err("asynchronous comprehension outside of an asynchronous function", range);
        }
        self.push_unit(scope, name.to_string(), qualname, line);
        self.unit().argcount = 1;
        let r = self.comprehension_body(gens, &kind);
        if let Err(e) = r {
            self.units.pop();
            return Err(e);
        }
        let code = self.finish_unit();
        self.make_closure(code, 0);
        self.iterable(&first.iter)?;
        self.emit(if first.is_async { Instr::GetAiter } else { Instr::GetIter });
        self.emit(Instr::Call(1));
        if is_async && !is_gen {
            self.await_tail(0);
        }
        Ok(())
    }

    fn comprehension_body(&mut self, gens: &'a [ast::Comprehension], kind: &CompKind<'a>) -> CResult<()> {
        match kind {
            CompKind::List(_) => {
                self.emit(Instr::BuildList(0));
            }
            CompKind::Set(_) => {
                self.emit(Instr::BuildSet(0));
            }
            CompKind::Dict(..) => {
                self.emit(Instr::BuildMap(0));
            }
            CompKind::Gen(_) => {}
        }
        self.comp_level(gens, 0, kind)?;
        if matches!(kind, CompKind::Gen(_)) {
            let none = self.const_(Constant::None);
            self.emit(Instr::LoadConst(none));
        }
        self.emit(Instr::Return);
        Ok(())
    }

    fn comp_level(&mut self, gens: &'a [ast::Comprehension], i: usize, kind: &CompKind<'a>) -> CResult<()> {
        let g = &gens[i];
        let start = self.new_label();
        let end = self.new_label();
        if i == 0 {
            self.emit(Instr::LoadFast(0));
        } else {
            self.iterable(&g.iter)?;
            self.emit(if g.is_async { Instr::GetAiter } else { Instr::GetIter });
        }
        self.bind_label(start);
        if g.is_async {
            // CPython's `compiler_async_comprehension_generator`.
            self.jump(Instr::SetupFinally, end);
            self.emit(Instr::GetAnext);
            self.await_tail(0);
            self.emit(Instr::PopBlock);
        } else {
            self.jump(Instr::ForIter, end);
        }
        self.unit().in_loop_depth += 1;
        self.assign_target(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, false, start)?;
        }
        if i + 1 < gens.len() {
            self.comp_level(gens, i + 1, kind)?;
        } else {
            // Depth of the collection below the iterators: one per loop level.
            let depth = (i + 1) as u32;
            match kind {
                CompKind::List(e) => {
                    self.expr(e)?;
                    self.emit(Instr::ListAppend(depth + 1));
                }
                CompKind::Set(e) => {
                    self.expr(e)?;
                    self.emit(Instr::SetAdd(depth + 1));
                }
                CompKind::Dict(k, v) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Instr::MapAdd(depth + 1));
                }
                CompKind::Gen(e) => {
                    self.expr(e)?;
                    self.emit(Instr::YieldValue);
                    self.emit(Instr::Pop);
                }
            }
        }
        self.unit().in_loop_depth -= 1;
        self.jump(Instr::Jump, start);
        self.bind_label(end);
        if g.is_async {
            self.emit(Instr::EndAsyncFor);
        }
        Ok(())
    }
}

enum CompKind<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Gen(&'a Expr),
}

fn big_constant(b: num_bigint::BigInt) -> Constant {
    match i64::try_from(&b) {
        Ok(v) => Constant::Int(v),
        Err(_) => Constant::BigInt(b),
    }
}

fn int_constant(i: &ast::Int) -> Constant {
    if let Some(v) = i.as_i64() {
        return Constant::Int(v);
    }
    let s = i.to_string();
    let (radix, digits) = if let Some(r) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        (16, r)
    } else if let Some(r) = s.strip_prefix("0o").or_else(|| s.strip_prefix("0O")) {
        (8, r)
    } else if let Some(r) = s.strip_prefix("0b").or_else(|| s.strip_prefix("0B")) {
        (2, r)
    } else {
        (10, s.as_str())
    };
    let digits: String = digits.chars().filter(|c| *c != '_').collect();
    match num_bigint::BigInt::parse_bytes(digits.as_bytes(), radix) {
        Some(b) => match i64::try_from(&b) {
            Ok(v) => Constant::Int(v),
            Err(_) => Constant::BigInt(b),
        },
        None => Constant::Int(0),
    }
}

/// The name CPython uses for an expression kind in "cannot assign to ..." messages.
fn expr_kind_name(e: &Expr) -> &'static str {
    match e {
        Expr::Call(_) => "function call",
        Expr::NumberLiteral(_) | Expr::StringLiteral(_) | Expr::BytesLiteral(_) => "literal",
        Expr::BooleanLiteral(_) | Expr::NoneLiteral(_) => "True",
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::BoolOp(_) => "expression",
        Expr::Compare(_) => "comparison",
        Expr::Lambda(_) => "lambda",
        Expr::If(_) => "conditional expression",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::FString(_) => "f-string expression",
        Expr::Named(_) => "named expression",
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Slice(_) => "slice",
        _ => "expression",
    }
}

/// A conservative bound on the value-stack depth: the number of instructions that can push,
/// capped so frames stay small. The VM grows the stack on demand, so this is only a hint.
fn stack_depth(instrs: &[Instr]) -> u32 {
    let mut depth: i64 = 0;
    let mut max: i64 = 0;
    for i in instrs {
        let delta: i64 = match i {
            Instr::LoadConst(_) | Instr::LoadFast(_) | Instr::LoadDeref(_) | Instr::LoadClosure(_) | Instr::LoadGlobal(_) | Instr::LoadName(_) | Instr::LoadClassDeref { .. } | Instr::Copy(_) | Instr::LoadBuildClass | Instr::LoadAssertionError | Instr::LoadLocals => 1,
            Instr::LoadMethod(_) | Instr::BeforeWith | Instr::PushExcInfo | Instr::ImportFrom(_) => 1,
            Instr::MatchMapping | Instr::MatchSequence | Instr::MatchKeys | Instr::GetLen | Instr::BuildMap(0) => 1,
            Instr::WithExceptStart | Instr::AsyncWithExceptStart | Instr::GetAnext | Instr::BeforeAsyncWith => 1,
            Instr::UnpackSequence(n) => *n as i64,
            Instr::UnpackEx { before, after } => (*before + *after) as i64 + 1,
            Instr::ForIter(_) => 1,
            _ => 0,
        };
        depth += delta;
        max = max.max(depth);
    }
    (max.min(4096) + 8) as u32
}
