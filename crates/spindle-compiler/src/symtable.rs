//! Scope analysis: which names are fast locals, cells, free variables or globals.
//!
//! A first pass over the AST builds one [`Scope`] per module, function, lambda, class and
//! comprehension, recording how each name is used. `resolve` then decides each name's storage
//! exactly as CPython's `symtable.c` does: parameters and assigned names are local to functions,
//! `global`/`nonlocal` declarations override, and a name read in a function but bound in an
//! enclosing function becomes a free variable here and a cell there. Class scopes are skipped when
//! inner functions look outward (methods do not see class attributes).
//!
//! Scopes are found again by the compiler through the source range of their AST node.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Function,
    Class,
    /// Comprehensions and generator expressions: functions with one parameter `.0`.
    Comprehension,
}

/// How one name is used inside one scope (bit set).
pub mod usage {
    pub const ASSIGNED: u32 = 1;
    pub const USED: u32 = 2;
    pub const PARAM: u32 = 4;
    pub const GLOBAL: u32 = 8;
    pub const NONLOCAL: u32 = 16;
    /// Bound by `import`, `def`, `class`, `for`, `with ... as`, `except ... as`.
    pub const BOUND: u32 = 32;
    /// Target of an annotated assignment (`x: int`).
    pub const ANNOTATED: u32 = 64;
    /// Iteration variable of a comprehension.
    pub const COMP_ITER: u32 = 128;
}

/// Where a name lives at run time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Storage {
    /// A slot in the frame (functions only).
    Fast,
    /// A cell owned by this scope (captured by an inner scope).
    Cell,
    /// A cell captured from an enclosing scope.
    Free,
    /// `global x`: the module namespace.
    GlobalExplicit,
    /// Not bound anywhere visible: globals then builtins.
    GlobalImplicit,
    /// Module and class bodies: the namespace dict.
    Name,
}

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    pub range: TextRange,
    /// Name -> usage bits, in first-seen order for stable slot numbering.
    pub symbols: Vec<(String, u32)>,
    index: HashMap<String, usize>,
    pub children: Vec<usize>,
    pub parent: Option<usize>,
    /// Resolved storage per symbol name.
    pub storage: HashMap<String, Storage>,
    /// Names this scope must provide as cells, in order.
    pub cellvars: Vec<String>,
    /// Names this scope receives from outside, in order.
    pub freevars: Vec<String>,
    pub is_generator: bool,
    /// CPython's `ste_coroutine`: an `async def`, or a comprehension containing `async for` or
    /// `await` (an async comprehension or async generator expression).
    pub is_coroutine: bool,
    /// An `async def` (CPython's `COMPILER_SCOPE_ASYNC_FUNCTION`).
    pub is_async_def: bool,
    /// The scope references `super` or `__class__` (methods need the `__class__` cell).
    pub uses_class_cell: bool,
    /// For classes: some method needs the implicit `__class__` cell.
    pub needs_class_cell: bool,
    pub params: Vec<String>,
    /// The name private names are mangled with: the innermost enclosing class (or this class).
    pub private: Option<String>,
    /// For comprehensions: what CPython calls it in errors ("list comprehension", ...).
    pub comp_what: Option<&'static str>,
    /// The first `global`/`nonlocal` statement naming each name (errors point there).
    pub directives: HashMap<String, TextRange>,
}

/// CPython's `_Py_Mangle`: inside class `K`, `__x` becomes `_K__x` (dunder names, dotted names
/// and classes named only with underscores are left alone).
pub fn mangle<'n>(private: Option<&str>, name: &'n str) -> std::borrow::Cow<'n, str> {
    let Some(p) = private else { return name.into() };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.into();
    }
    let p = p.trim_start_matches('_');
    if p.is_empty() {
        return name.into();
    }
    format!("_{p}{name}").into()
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, range: TextRange, parent: Option<usize>) -> Self {
        Scope {
            kind,
            name: name.to_string(),
            range,
            symbols: Vec::new(),
            index: HashMap::new(),
            children: Vec::new(),
            parent,
            storage: HashMap::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            is_async_def: false,
            uses_class_cell: false,
            needs_class_cell: false,
            params: Vec::new(),
            private: None,
            comp_what: None,
            directives: HashMap::new(),
        }
    }
    fn add(&mut self, name: &str, bits: u32) {
        let name = &*mangle(self.private.as_deref(), name);
        if let Some(&i) = self.index.get(name) {
            self.symbols[i].1 |= bits;
        } else {
            self.index.insert(name.to_string(), self.symbols.len());
            self.symbols.push((name.to_string(), bits));
        }
    }
    pub fn bits(&self, name: &str) -> u32 {
        let name = &*mangle(self.private.as_deref(), name);
        self.index.get(name).map(|&i| self.symbols[i].1).unwrap_or(0)
    }
    /// Storage of `name` (mangled here if private).
    pub fn lookup(&self, name: &str) -> Storage {
        let name = &*mangle(self.private.as_deref(), name);
        if let Some(s) = self.storage.get(name) {
            return *s;
        }
        match self.kind {
            ScopeKind::Module | ScopeKind::Class => Storage::Name,
            _ => Storage::GlobalImplicit,
        }
    }
}

/// A syntax error found during scope analysis (e.g. `nonlocal` at module level).
#[derive(Debug)]
pub struct SymtableError {
    pub message: String,
    pub range: TextRange,
}

pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    pub by_range: HashMap<(u32, u32, u8), usize>,
}

impl SymbolTable {
    pub fn scope_for(&self, range: TextRange, kind: ScopeKind) -> usize {
        self.by_range[&key(range, kind)]
    }
}

fn key(range: TextRange, kind: ScopeKind) -> (u32, u32, u8) {
    (range.start().to_u32(), range.end().to_u32(), kind as u8)
}

pub fn build(module: &[Stmt]) -> Result<SymbolTable, SymtableError> {
    let mut b = Builder { scopes: vec![Scope::new(ScopeKind::Module, "<module>", TextRange::default(), None)], cur: 0, by_range: HashMap::new(), error: None, lambda_depth: 0 };
    for s in module {
        b.stmt(s);
    }
    if let Some(e) = b.error {
        return Err(e);
    }
    let mut t = SymbolTable { scopes: b.scopes, by_range: b.by_range };
    resolve(&mut t)?;
    Ok(t)
}

struct Builder {
    scopes: Vec<Scope>,
    cur: usize,
    by_range: HashMap<(u32, u32, u8), usize>,
    error: Option<SymtableError>,
    /// Lambdas nested in lambdas at this point (CPython's parser overflows its stack past
    /// [`MAX_LAMBDA_NESTING`]).
    lambda_depth: usize,
}

/// The deepest lambda nesting CPython 3.11's parser accepts; one more level overflows its
/// stack (MemoryError). Also keeps the quadratic qualnames of such chains bounded.
pub const MAX_LAMBDA_NESTING: usize = 2983;

/// Message of the error standing for CPython's parser stack overflow (raised as MemoryError).
pub const PARSER_STACK_OVERFLOW: &str = "parser stack overflow";

impl Builder {
    fn scope(&mut self) -> &mut Scope {
        &mut self.scopes[self.cur]
    }
    fn err(&mut self, message: String, range: TextRange) {
        if self.error.is_none() {
            self.error = Some(SymtableError { message, range });
        }
    }
    fn push(&mut self, kind: ScopeKind, name: &str, range: TextRange) -> usize {
        let id = self.scopes.len();
        let mut sc = Scope::new(kind, name, range, Some(self.cur));
        sc.private = if kind == ScopeKind::Class { Some(name.to_string()) } else { self.scopes[self.cur].private.clone() };
        self.scopes.push(sc);
        self.scopes[self.cur].children.push(id);
        self.by_range.insert(key(range, kind), id);
        let prev = self.cur;
        self.cur = id;
        prev
    }
    fn bind(&mut self, name: &str) {
        self.scope().add(name, usage::ASSIGNED | usage::BOUND);
    }

    fn params(&mut self, p: &ast::Parameters) {
        // CPython's order: positional, keyword-only, then *args and **kwargs.
        for a in p.posonlyargs.iter().chain(p.args.iter()).chain(p.kwonlyargs.iter()) {
            self.param_at(&a.parameter.name, a.parameter.range);
        }
        if let Some(v) = &p.vararg {
            self.param_at(&v.name, v.name.range);
        }
        if let Some(k) = &p.kwarg {
            self.param_at(&k.name, k.name.range);
        }
    }
    fn param(&mut self, name: &str) {
        self.param_at(name, TextRange::default());
    }
    fn param_at(&mut self, name: &str, range: TextRange) {
        if self.scope().bits(name) & usage::PARAM != 0 {
            self.err(format!("duplicate argument '{name}' in function definition"), range);
        }
        self.scope().add(name, usage::PARAM | usage::ASSIGNED);
        let m = mangle(self.scope().private.as_deref(), name).into_owned();
        self.scope().params.push(m);
    }
    /// Defaults and annotations are evaluated in the enclosing scope.
    fn param_outer_parts(&mut self, p: &ast::Parameters) {
        for a in p.posonlyargs.iter().chain(p.args.iter()).chain(p.kwonlyargs.iter()) {
            if let Some(d) = &a.default {
                self.expr(d);
            }
            if let Some(ann) = &a.parameter.annotation {
                self.expr(ann);
            }
        }
        if let Some(v) = &p.vararg {
            if let Some(ann) = &v.annotation {
                self.expr(ann);
            }
        }
        if let Some(k) = &p.kwarg {
            if let Some(ann) = &k.annotation {
                self.expr(ann);
            }
        }
    }

    fn body(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match s {
            Stmt::FunctionDef(f) => {
                for d in f.decorator_list.iter() {
                    self.expr(&d.expression);
                }
                self.param_outer_parts(&f.parameters);
                if let Some(r) = &f.returns {
                    self.expr(r);
                }
                self.bind(&f.name);
                let prev = self.push(ScopeKind::Function, &f.name, f.range);
                self.scope().is_coroutine = f.is_async;
                self.scope().is_async_def = f.is_async;
                self.params(&f.parameters);
                self.body(&f.body);
                self.cur = prev;
            }
            Stmt::ClassDef(c) => {
                for d in c.decorator_list.iter() {
                    self.expr(&d.expression);
                }
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.expr(a);
                    }
                    for k in args.keywords.iter() {
                        self.expr(&k.value);
                    }
                }
                self.bind(&c.name);
                let prev = self.push(ScopeKind::Class, &c.name, c.range);
                self.body(&c.body);
                self.cur = prev;
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v);
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.target(t);
                }
            }
            Stmt::Assign(a) => {
                self.expr(&a.value);
                for t in &a.targets {
                    self.target(t);
                }
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.value);
                if let Expr::Name(n) = &*a.target {
                    self.scope().add(&n.id, usage::USED);
                }
                self.target(&a.target);
            }
            Stmt::AnnAssign(a) => {
                if let Expr::Name(n) = &*a.target {
                    self.scope().add(&n.id, usage::ANNOTATED);
                }
                if let Some(v) = &a.value {
                    self.expr(v);
                    self.target(&a.target);
                } else if let Expr::Name(n) = &*a.target {
                    // `x: int` alone makes x local in a function.
                    self.scope().add(&n.id, usage::ASSIGNED);
                } else {
                    self.target_subexprs(&a.target);
                }
                if self.scope().kind != ScopeKind::Function {
                    self.expr(&a.annotation);
                }
            }
            Stmt::TypeAlias(t) => {
                self.expr(&t.value);
                self.target(&t.name);
            }
            Stmt::For(f) => {
                self.expr(&f.iter);
                self.target(&f.target);
                self.body(&f.body);
                self.body(&f.orelse);
            }
            Stmt::While(w) => {
                self.expr(&w.test);
                self.body(&w.body);
                self.body(&w.orelse);
            }
            Stmt::If(i) => {
                self.expr(&i.test);
                self.body(&i.body);
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.expr(t);
                    }
                    self.body(&c.body);
                }
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr);
                    if let Some(v) = &item.optional_vars {
                        self.target(v);
                    }
                }
                self.body(&w.body);
            }
            Stmt::Match(m) => {
                self.expr(&m.subject);
                for c in &m.cases {
                    self.pattern(&c.pattern);
                    if let Some(g) = &c.guard {
                        self.expr(g);
                    }
                    self.body(&c.body);
                }
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e);
                }
                if let Some(c) = &r.cause {
                    self.expr(c);
                }
            }
            Stmt::Try(t) => {
                self.body(&t.body);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty);
                    }
                    if let Some(n) = &h.name {
                        self.bind(n);
                    }
                    self.body(&h.body);
                }
                self.body(&t.orelse);
                self.body(&t.finalbody);
            }
            Stmt::Assert(a) => {
                self.expr(&a.test);
                if let Some(m) = &a.msg {
                    self.expr(m);
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let bound = match &a.asname {
                        Some(n) => n.id.to_string(),
                        None => a.name.id.split('.').next().unwrap_or("").to_string(),
                    };
                    self.bind(&bound);
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    if a.name.id.as_str() == "*" {
                        if self.scope().kind != ScopeKind::Module {
                            self.err("import * only allowed at module level".into(), a.range);
                        }
                        continue;
                    }
                    let bound = a.asname.as_ref().unwrap_or(&a.name).id.to_string();
                    self.bind(&bound);
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    if let Some(msg) = self.directive_conflict(n, "global") {
                        self.err(msg, g.range);
                    }
                    self.scope().add(n, usage::GLOBAL);
                    self.scope().directives.entry(n.id.to_string()).or_insert(g.range);
                }
            }
            Stmt::Nonlocal(nl) => {
                if self.scope().kind == ScopeKind::Module {
                    self.err("nonlocal declaration not allowed at module level".into(), nl.range);
                }
                for n in &nl.names {
                    if let Some(msg) = self.directive_conflict(n, "nonlocal") {
                        self.err(msg, nl.range);
                    }
                    self.scope().add(n, usage::NONLOCAL);
                    self.scope().directives.entry(n.id.to_string()).or_insert(nl.range);
                }
            }
            Stmt::Expr(e) => self.expr(&e.value),
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) | Stmt::IpyEscapeCommand(_) => {}
        }
    }

    /// CPython's checks of a `global`/`nonlocal` statement against earlier uses of the name.
    fn directive_conflict(&mut self, n: &str, what: &str) -> Option<String> {
        let bits = self.scope().bits(n);
        if bits & usage::PARAM != 0 {
            Some(format!("name '{n}' is parameter and {what}"))
        } else if bits & usage::USED != 0 {
            Some(format!("name '{n}' is used prior to {what} declaration"))
        } else if bits & usage::ANNOTATED != 0 {
            Some(format!("annotated name '{n}' can't be {what}"))
        } else if bits & usage::ASSIGNED != 0 {
            Some(format!("name '{n}' is assigned to before {what} declaration"))
        } else {
            None
        }
    }

    /// Mark the names a comprehension's `for` target binds as its iteration variables.
    fn mark_comp_iter(&mut self, t: &Expr) {
        match t {
            Expr::Name(n) => self.scope().add(&n.id, usage::COMP_ITER),
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                for e in elts {
                    self.mark_comp_iter(e);
                }
            }
            Expr::Starred(st) => self.mark_comp_iter(&st.value),
            _ => {}
        }
    }

    fn target(&mut self, t: &Expr) {
        match t {
            Expr::Name(n) => self.bind(&n.id),
            Expr::Tuple(tu) => {
                for e in &tu.elts {
                    self.target(e);
                }
            }
            Expr::List(l) => {
                for e in &l.elts {
                    self.target(e);
                }
            }
            Expr::Starred(s) => self.target(&s.value),
            other => self.target_subexprs(other),
        }
    }
    /// A `case` pattern: captures bind names, value patterns, mapping keys and class names are
    /// loaded (CPython's `symtable_visit_pattern`).
    fn pattern(&mut self, p: &ast::Pattern) {
        use ast::Pattern as P;
        match p {
            P::MatchValue(v) => self.expr(&v.value),
            P::MatchSingleton(_) => {}
            P::MatchSequence(s) => {
                for q in &s.patterns {
                    self.pattern(q);
                }
            }
            P::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.bind(n);
                }
            }
            P::MatchMapping(m) => {
                for k in &m.keys {
                    self.expr(k);
                }
                for q in &m.patterns {
                    self.pattern(q);
                }
                if let Some(n) = &m.rest {
                    self.bind(n);
                }
            }
            P::MatchClass(c) => {
                self.expr(&c.cls);
                for q in &c.arguments.patterns {
                    self.pattern(q);
                }
                for k in &c.arguments.keywords {
                    self.pattern(&k.pattern);
                }
            }
            P::MatchAs(a) => {
                if let Some(q) = &a.pattern {
                    self.pattern(q);
                }
                if let Some(n) = &a.name {
                    self.bind(n);
                }
            }
            P::MatchOr(o) => {
                for q in &o.patterns {
                    self.pattern(q);
                }
            }
        }
    }

    fn target_subexprs(&mut self, t: &Expr) {
        match t {
            Expr::Attribute(a) => self.expr(&a.value),
            Expr::Subscript(s) => {
                self.expr(&s.value);
                self.expr(&s.slice);
            }
            other => self.expr(other),
        }
    }

    fn comprehension(&mut self, range: TextRange, gens: &[ast::Comprehension], elts: &[&Expr], what: &'static str) {
        let is_gen = what == "generator expression";
        // The first iterable is evaluated in the enclosing scope.
        if let Some(first) = gens.first() {
            self.expr(&first.iter);
        }
        let name = if is_gen { "<genexpr>" } else { "<listcomp>" };
        let prev = self.push(ScopeKind::Comprehension, name, range);
        self.scope().is_generator = is_gen;
        self.scope().comp_what = Some(what);
        self.param(".0");
        for (i, g) in gens.iter().enumerate() {
            if g.is_async {
                self.scope().is_coroutine = true;
            }
            if i > 0 {
                self.expr(&g.iter);
            }
            self.target(&g.target);
            self.mark_comp_iter(&g.target);
            for cond in &g.ifs {
                self.expr(cond);
            }
        }
        for e in elts {
            self.expr(e);
        }
        // An async list/set/dict comprehension is awaited by the enclosing scope (CPython's
        // `symtable_handle_comprehension`).
        let is_async = self.scope().is_coroutine && !is_gen;
        self.cur = prev;
        if is_async {
            self.scope().is_coroutine = true;
        }
    }

    fn expr(&mut self, e: &Expr) {
        match e {
            Expr::BoolOp(b) => {
                for v in &b.values {
                    self.expr(v);
                }
            }
            Expr::Named(n) => {
                self.expr(&n.value);
                // A walrus in a comprehension binds in the enclosing function scope.
                if let Expr::Name(name) = &*n.target {
                    let mut s = self.cur;
                    while self.scopes[s].kind == ScopeKind::Comprehension {
                        if self.scopes[s].bits(&name.id) & usage::COMP_ITER != 0 {
                            self.err(format!("assignment expression cannot rebind comprehension iteration variable '{}'", name.id), name.range);
                        }
                        let id = name.id.to_string();
                        self.scopes[s].add(&id, usage::NONLOCAL | usage::USED);
                        s = self.scopes[s].parent.unwrap_or(0);
                    }
                    if s != self.cur {
                        let id = name.id.to_string();
                        if self.scopes[s].kind == ScopeKind::Class {
                            self.err("assignment expression within a comprehension cannot be used in a class body".into(), name.range);
                        }
                        let bits = if self.scopes[s].kind == ScopeKind::Module { usage::ASSIGNED | usage::GLOBAL } else { usage::ASSIGNED };
                        self.scopes[s].add(&id, bits);
                        // Comprehension scopes between reach the name as free (or global at module level).
                        let mut c = self.cur;
                        while c != s {
                            if self.scopes[s].kind == ScopeKind::Module {
                                let m = mangle(self.scopes[c].private.as_deref(), &id).into_owned();
                                if let Some(&idx) = self.scopes[c].index.get(&m) {
                                    self.scopes[c].symbols[idx].1 = usage::GLOBAL | usage::USED;
                                }
                            }
                            c = self.scopes[c].parent.unwrap_or(0);
                        }
                    } else {
                        self.target(&n.target);
                    }
                } else {
                    self.target(&n.target);
                }
            }
            Expr::BinOp(b) => {
                self.expr(&b.left);
                self.expr(&b.right);
            }
            Expr::UnaryOp(u) => self.expr(&u.operand),
            Expr::Lambda(l) => {
                if self.lambda_depth >= MAX_LAMBDA_NESTING {
                    self.err(PARSER_STACK_OVERFLOW.to_string(), l.range);
                    return;
                }
                if let Some(p) = &l.parameters {
                    self.param_outer_parts(p);
                }
                let prev = self.push(ScopeKind::Function, "<lambda>", l.range);
                if let Some(p) = &l.parameters {
                    self.params(p);
                }
                self.lambda_depth += 1;
                self.expr(&l.body);
                self.lambda_depth -= 1;
                self.cur = prev;
            }
            Expr::If(i) => {
                self.expr(&i.test);
                self.expr(&i.body);
                self.expr(&i.orelse);
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    if let Some(k) = &item.key {
                        self.expr(k);
                    }
                    self.expr(&item.value);
                }
            }
            Expr::Set(s) => {
                for v in &s.elts {
                    self.expr(v);
                }
            }
            Expr::ListComp(c) => self.comprehension(c.range, &c.generators, &[&c.elt], "list comprehension"),
            Expr::SetComp(c) => self.comprehension(c.range, &c.generators, &[&c.elt], "set comprehension"),
            Expr::DictComp(c) => {
                let mut elts: Vec<&Expr> = Vec::new();
                if let Some(k) = &c.key {
                    elts.push(k);
                }
                elts.push(&c.value);
                self.comprehension(c.range, &c.generators, &elts, "dict comprehension")
            }
            Expr::Generator(g) => self.comprehension(g.range, &g.generators, &[&g.elt], "generator expression"),
            Expr::Await(a) => {
                self.expr(&a.value);
                // Only comprehensions become coroutines through an `await` inside; elsewhere
                // the compiler reports an `await` outside an async function.
                if self.scope().kind == ScopeKind::Comprehension {
                    self.scope().is_coroutine = true;
                }
            }
            Expr::Yield(y) => {
                if let Some(v) = &y.value {
                    self.expr(v);
                }
                self.scope().is_generator = true;
                if let Some(what) = self.scope().comp_what {
                    self.err(format!("'yield' inside {what}"), y.range);
                }
            }
            Expr::YieldFrom(y) => {
                self.expr(&y.value);
                self.scope().is_generator = true;
                if let Some(what) = self.scope().comp_what {
                    self.err(format!("'yield' inside {what}"), y.range);
                }
            }
            Expr::Compare(c) => {
                self.expr(&c.left);
                for v in c.comparators.iter() {
                    self.expr(v);
                }
            }
            Expr::Call(c) => {
                if let Expr::Name(n) = &*c.func {
                    if n.id.as_str() == "super" {
                        self.scope().uses_class_cell = true;
                    }
                }
                self.expr(&c.func);
                for a in c.arguments.args.iter() {
                    self.expr(a);
                }
                for k in c.arguments.keywords.iter() {
                    self.expr(&k.value);
                }
            }
            Expr::FString(f) => {
                for part in f.value.iter() {
                    if let ast::FStringPart::FString(fs) = part {
                        self.fstring_elements(&fs.elements);
                    }
                }
            }
            Expr::TString(_) => {}
            Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::NumberLiteral(_) | Expr::BooleanLiteral(_) | Expr::NoneLiteral(_) | Expr::EllipsisLiteral(_) | Expr::IpyEscapeCommand(_) => {}
            Expr::Attribute(a) => self.expr(&a.value),
            Expr::Subscript(s) => {
                self.expr(&s.value);
                self.expr(&s.slice);
            }
            Expr::Starred(s) => self.expr(&s.value),
            Expr::Name(n) => {
                if n.id.as_str() == "__class__" {
                    self.scope().uses_class_cell = true;
                }
                match n.ctx {
                    ast::ExprContext::Load => self.scope().add(&n.id, usage::USED),
                    _ => self.bind(&n.id),
                }
            }
            Expr::List(l) => {
                for v in &l.elts {
                    self.expr(v);
                }
            }
            Expr::Tuple(t) => {
                for v in &t.elts {
                    self.expr(v);
                }
            }
            Expr::Slice(s) => {
                for v in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(v);
                }
            }
        }
    }

    fn fstring_elements(&mut self, elems: &ast::InterpolatedStringElements) {
        for el in elems.iter() {
            if let ast::InterpolatedStringElement::Interpolation(i) = el {
                self.expr(&i.expression);
                if let Some(spec) = &i.format_spec {
                    self.fstring_elements(&spec.elements);
                }
            }
        }
    }
}

/// Decide the storage of every name, scope by scope, top-down.
fn resolve(t: &mut SymbolTable) -> Result<(), SymtableError> {
    // Children before parents matter for free variables: process top-down, and when a child
    // needs a free variable, mark the defining ancestor's name as a cell and thread it through
    // intermediate function scopes as free.
    let order: Vec<usize> = (0..t.scopes.len()).collect();
    for &id in &order {
        let kind = t.scopes[id].kind;
        let syms = t.scopes[id].symbols.clone();
        for (name, bits) in syms {
            let at_directive = |t: &SymbolTable| t.scopes[id].directives.get(&name).copied().unwrap_or(t.scopes[id].range);
            if bits & usage::GLOBAL != 0 && bits & usage::NONLOCAL != 0 && kind != ScopeKind::Comprehension {
                return Err(SymtableError { message: format!("name '{name}' is nonlocal and global"), range: at_directive(t) });
            }
            let storage = if bits & usage::GLOBAL != 0 {
                Storage::GlobalExplicit
            } else if bits & usage::NONLOCAL != 0 {
                match find_binding(t, id, &name) {
                    Some(def) => {
                        make_free_path(t, def, id, &name);
                        Storage::Free
                    }
                    None => {
                        if kind == ScopeKind::Comprehension {
                            // Walrus target at module level: treat as global.
                            Storage::GlobalExplicit
                        } else {
                            return Err(SymtableError { message: format!("no binding for nonlocal '{name}' found"), range: at_directive(t) });
                        }
                    }
                }
            } else if bits & usage::ASSIGNED != 0 {
                match kind {
                    ScopeKind::Module | ScopeKind::Class => Storage::Name,
                    _ => Storage::Fast,
                }
            } else {
                // Only used here.
                match find_binding(t, id, &name) {
                    Some(def) => {
                        make_free_path(t, def, id, &name);
                        Storage::Free
                    }
                    None => match kind {
                        ScopeKind::Module | ScopeKind::Class => Storage::Name,
                        _ => Storage::GlobalImplicit,
                    },
                }
            };
            // A free/fast decision may already have been upgraded to Cell by a child processed
            // earlier (cannot happen top-down) or later (make_free_path upgrades Fast -> Cell).
            let entry = t.scopes[id].storage.entry(name.clone()).or_insert(storage);
            if *entry != Storage::Cell {
                *entry = storage;
            }
        }
        // `super()` / `__class__` inside a method: thread the class cell through.
        if t.scopes[id].uses_class_cell && matches!(kind, ScopeKind::Function | ScopeKind::Comprehension) {
            let mut s = t.scopes[id].parent;
            let mut path = vec![id];
            while let Some(p) = s {
                if t.scopes[p].kind == ScopeKind::Class {
                    t.scopes[p].needs_class_cell = true;
                    for &c in &path {
                        let sc = &mut t.scopes[c];
                        if !sc.freevars.iter().any(|n| n == "__class__") {
                            sc.freevars.push("__class__".into());
                        }
                        sc.storage.insert("__class__".into(), Storage::Free);
                    }
                    break;
                }
                path.push(p);
                s = t.scopes[p].parent;
            }
        }
    }
    for s in t.scopes.iter_mut() {
        if s.kind == ScopeKind::Class && s.needs_class_cell && !s.cellvars.iter().any(|n| n == "__class__") {
            s.cellvars.push("__class__".into());
        }
    }
    Ok(())
}

/// The nearest enclosing function scope that binds `name` (skipping class scopes).
fn find_binding(t: &SymbolTable, from: usize, name: &str) -> Option<usize> {
    let mut cur = t.scopes[from].parent;
    while let Some(id) = cur {
        let s = &t.scopes[id];
        match s.kind {
            ScopeKind::Module => return None,
            ScopeKind::Class => {}
            _ => {
                let bits = s.bits(name);
                if bits & usage::GLOBAL != 0 {
                    return None;
                }
                if bits & (usage::ASSIGNED | usage::NONLOCAL) != 0 {
                    return Some(id);
                }
            }
        }
        cur = s.parent;
    }
    None
}

/// Mark `name` as a cell in `def` and as free in every scope from `user` up to (not including)
/// `def`.
fn make_free_path(t: &mut SymbolTable, def: usize, user: usize, name: &str) {
    {
        let d = &mut t.scopes[def];
        if d.bits(name) & usage::NONLOCAL != 0 {
            // The definer itself received the name from further out: it is free there too.
        } else {
            if !d.cellvars.iter().any(|n| n == name) {
                d.cellvars.push(name.to_string());
            }
            d.storage.insert(name.to_string(), Storage::Cell);
        }
    }
    let mut cur = Some(user);
    while let Some(id) = cur {
        if id == def {
            break;
        }
        let s = &mut t.scopes[id];
        if !s.freevars.iter().any(|n| n == name) {
            s.freevars.push(name.to_string());
        }
        if s.kind != ScopeKind::Class || id == user {
            s.storage.insert(name.to_string(), Storage::Free);
        }
        cur = s.parent;
    }
    // If the definer got the name via nonlocal, thread it further out.
    if t.scopes[def].bits(name) & usage::NONLOCAL != 0 {
        if let Some(outer) = find_binding(t, def, name) {
            make_free_path(t, outer, def, name);
        }
    }
}

/// Helper used by the compiler: the class-body storage of a name that is free in the class.
pub fn class_free(scope: &Scope, name: &str) -> bool {
    scope.kind == ScopeKind::Class && scope.freevars.iter().any(|n| n == name)
}

pub fn range_of(e: &impl Ranged) -> TextRange {
    e.range()
}
