//! The eval loop.
//!
//! Python-to-Python calls do not recurse on the Rust stack: `Call` of a Python function pushes
//! a new [`Frame`] on `vm.frames` and the same loop continues with it; `Return` pops it. A Rust
//! caller (a builtin calling a Python callback, a generator resuming) enters the loop again with
//! [`Vm::run`], which runs until the frame it started with returns or yields.
//!
//! The loop holds a raw pointer to the current frame (`fp`). Frames are boxed, so the pointer
//! stays valid while `vm.frames` grows; only this loop pops frames above its base. The frame is
//! re-borrowed from `fp` after every call back into the VM (`fr!()`), never held across one.
//!
//! The eval breaker (`vm.breaker`) is checked on backward jumps, calls, returns and stores:
//! it carries queued `__del__` finalizers, GIL drop requests and pending signals.

use crate::code::Code;
use crate::object::{ObjRef, Payload};
use crate::types::{self, type_of, types};
use crate::value::Value;
use crate::vm::Vm;
use crate::{ops, PyErr, PyResult};
use spindle_compiler::bytecode::Instr;
use std::sync::atomic::Ordering;
use std::sync::Arc;

/// An active exception handler: where to jump and the stack depth to restore.
#[derive(Clone, Copy, Debug)]
pub struct Block {
    pub handler: u32,
    pub depth: u32,
}

pub struct Frame {
    /// The code being run: an alias that holds no count and is never dropped through this
    /// field. It stays valid because `func` (whose `FunctionData` holds the code) or
    /// `code_owner` keeps the code alive while the frame is in use; a pooled frame's alias is
    /// only compared by address. Calls thus do no atomic count updates for the code.
    pub code: CodeAlias,
    /// Owns the code when no function does (module, class body and exec frames).
    code_owner: Option<Arc<Code>>,
    pub pc: usize,
    /// Index of the instruction being executed (for tracebacks).
    pub lasti: usize,
    pub stack: Vec<Value>,
    pub fast: Vec<Value>,
    pub cells: Vec<ObjRef>,
    /// The module namespace: an uncounted alias like `code`, kept alive by `func` (whose
    /// `FunctionData` holds it), `globals_owner`, or, in a pooled frame, by being the immortal
    /// builtins dict.
    pub globals: RefAlias,
    /// Owns the globals when no function does (module, class body and exec frames).
    pub(crate) globals_owner: Option<ObjRef>,
    pub builtins: ObjRef,
    /// Module and class bodies: the namespace `LoadName`/`StoreName` use.
    pub locals: Option<Value>,
    pub blocks: Vec<Block>,
    /// The function being run (None for module code).
    pub func: Option<ObjRef>,
    /// For `__init__` frames started by a class call: the instance to return instead.
    pub init_self: Option<Value>,
}

pub enum Exit {
    Return(Value),
    Yield(Value),
}

impl Frame {
    pub fn new(code: Arc<Code>, globals: ObjRef, locals: Option<Value>, func: Option<ObjRef>) -> Box<Frame> {
        let nl = code.co.nlocals();
        let ncells = code.co.cellvars.len() + code.co.freevars.len();
        let builtins = crate::vm::interp().builtins_dict.clone();
        let mut fast = Vec::with_capacity(nl);
        fast.resize(nl, Value::Null);
        Box::new(Frame {
            stack: Vec::with_capacity(code.co.max_stack.min(64) as usize),
            code: alias_code(&code),
            code_owner: Some(code),
            pc: 0,
            lasti: 0,
            fast,
            cells: Vec::with_capacity(ncells),
            globals: RefAlias::of(&globals),
            globals_owner: Some(globals),
            builtins,
            locals,
            blocks: Vec::new(),
            func,
            init_self: None,
        })
    }

    /// A new frame for a function's code with empty locals (the state `set_function_code`
    /// gives a pooled frame); the caller sets `func`, which keeps the code alive.
    pub(crate) fn for_function(code: CodeAlias, globals: RefAlias) -> Box<Frame> {
        let builtins = crate::vm::interp().builtins_dict.clone();
        Box::new(Frame {
            stack: Vec::with_capacity(code.co.max_stack.min(64) as usize),
            code,
            code_owner: None,
            pc: 0,
            lasti: 0,
            fast: Vec::new(),
            cells: Vec::new(),
            globals,
            globals_owner: None,
            builtins,
            locals: None,
            blocks: Vec::new(),
            func: None,
            init_self: None,
        })
    }

    /// Start a pooled (emptied) frame on a function's code; the caller sets `func`, which keeps
    /// the code and the globals' module alive.
    #[inline(always)]
    pub(crate) fn set_function_code(&mut self, code: CodeAlias, globals: RefAlias) {
        self.code = code;
        if self.code_owner.is_some() {
            self.code_owner = None;
        }
        self.globals = globals;
        self.pc = 0;
        self.lasti = 0;
    }

    /// Re-initialise a pooled frame (emptied by `Vm::release_frame`) for a new activation.
    fn reinit(&mut self, code: &Arc<Code>, globals: ObjRef, locals: Option<Value>, func: Option<ObjRef>) {
        self.fast.resize(code.co.nlocals(), Value::Null);
        self.code = alias_code(code);
        // A function keeps its code alive; other frames own theirs.
        self.code_owner = if func.is_some() { None } else { Some(code.clone()) };
        self.globals = RefAlias::of(&globals);
        // A function keeps its globals alive too.
        self.globals_owner = if func.is_some() { None } else { Some(globals) };
        self.locals = locals;
        self.func = func;
        self.pc = 0;
        self.lasti = 0;
    }

    #[inline(always)]
    fn pop(&mut self) -> Value {
        self.stack.pop().unwrap_or(Value::Null)
    }
    #[inline(always)]
    fn top(&self) -> &Value {
        self.stack.last().unwrap_or(&Value::Null)
    }
    /// The i-th item from the top (1 = TOS).
    #[inline(always)]
    fn peek(&self, i: usize) -> &Value {
        &self.stack[self.stack.len() - i]
    }
    pub fn line(&self) -> u32 {
        self.code.co.line_of(self.lasti)
    }
}

/// `Frame::code`: derefs to the `Arc<Code>` without holding a count (see there). It has no
/// `Clone` of its own, so `frame.code.clone()` is `Arc::clone` (a real, counted reference).
pub struct CodeAlias(std::mem::ManuallyDrop<Arc<Code>>);

impl std::ops::Deref for CodeAlias {
    type Target = Arc<Code>;
    #[inline(always)]
    fn deref(&self) -> &Arc<Code> {
        &self.0
    }
}

#[inline(always)]
pub(crate) fn alias_code(code: &Arc<Code>) -> CodeAlias {
    // SAFETY: the alias is wrapped in ManuallyDrop and never dropped, so it never releases a
    // count it does not hold; the frame's `func` or `code_owner` keeps the allocation alive
    // for as long as the frame dereferences it.
    CodeAlias(std::mem::ManuallyDrop::new(unsafe { Arc::from_raw(Arc::as_ptr(code)) }))
}

/// A reference that holds no count and is never dropped through this value (for
/// `Frame::globals`; see there). It has no `Clone`: `.clone()` goes through `Deref` to
/// `ObjRef::clone`, a real counted reference.
pub struct RefAlias(std::mem::ManuallyDrop<ObjRef>);

impl RefAlias {
    #[inline(always)]
    pub(crate) fn of(r: &ObjRef) -> RefAlias {
        // SAFETY: the copy is wrapped in ManuallyDrop and never dropped, so it never releases
        // a count it does not hold; its owner (see `Frame::globals`) outlives every use.
        RefAlias(std::mem::ManuallyDrop::new(unsafe { std::ptr::read(r) }))
    }
}

impl std::ops::Deref for RefAlias {
    type Target = ObjRef;
    #[inline(always)]
    fn deref(&self) -> &ObjRef {
        &self.0
    }
}

/// Frames kept in `Vm::frame_pool` at most.
const FRAME_POOL_MAX: usize = 64;
/// Frames whose vectors grew beyond this are freed rather than pooled.
const FRAME_POOL_MAX_SLOTS: usize = 256;

impl Vm {
    /// A frame for `code`: a pooled one when available (no allocation), else a new one.
    #[inline]
    pub fn new_frame(&mut self, code: &Arc<Code>, globals: ObjRef, locals: Option<Value>, func: Option<ObjRef>) -> Box<Frame> {
        match self.frame_pool.pop() {
            Some(mut f) => {
                f.reinit(code, globals, locals, func);
                f
            }
            None => Frame::new(code.clone(), globals, locals, func),
        }
    }

    /// A frame has finished: drop everything it holds now (objects die as promptly as
    /// without the pool) and keep the emptied frame for reuse. Only its code object stays
    /// referenced until the frame is reused.
    pub fn release_frame(&mut self, mut f: Box<Frame>) {
        if self.frame_pool.len() >= FRAME_POOL_MAX || f.fast.capacity() > FRAME_POOL_MAX_SLOTS || f.stack.capacity() > FRAME_POOL_MAX_SLOTS || f.cells.capacity() > FRAME_POOL_MAX_SLOTS {
            return;
        }
        f.stack.clear();
        f.fast.clear();
        f.cells.clear();
        f.blocks.clear();
        f.locals = None;
        f.func = None;
        f.init_self = None;
        f.globals = RefAlias::of(&f.builtins);
        f.globals_owner = None;
        self.frame_pool.push(f);
    }

    /// Push `frame` and run it to completion.
    pub fn run_frame(&mut self, frame: Box<Frame>) -> PyResult {
        let limit = crate::vm::interp().recursion_limit.load(Ordering::Relaxed);
        if self.recursion_depth() >= limit {
            return Err(self.recursion_error());
        }
        self.check_stack()?;
        self.frames.push(frame);
        let base = self.frames.len() - 1;
        let r = self.run(base, None);
        let f = self.frames.pop();
        match r {
            Ok(Exit::Return(v)) => {
                if let Some(f) = f {
                    self.release_frame(f);
                }
                Ok(v)
            }
            Ok(Exit::Yield(_)) => {
                drop(f);
                Err(self.runtime_error("yield outside a generator frame"))
            }
            Err(e) => {
                if let Some(f) = f.and_then(|f| crate::traceback::keep_frame(&e.0, f)) {
                    self.release_frame(f);
                }
                Err(e)
            }
        }
    }

    /// Run frames from `base` (already pushed) until the base frame returns or yields. The base
    /// frame is left on the stack for the caller. `pending`: raise this exception first (for
    /// `generator.throw`).
    pub fn run(&mut self, base: usize, pending: Option<PyErr>) -> PyResult<Exit> {
        self.native_depth += 1;
        let r = self.run_inner(base, pending);
        self.native_depth -= 1;
        r
    }

    fn run_inner(&mut self, base: usize, mut pending: Option<PyErr>) -> PyResult<Exit> {
        let mut fp: *mut Frame = &mut **self.frames.last_mut().expect("frame");
        let brk: *const std::sync::atomic::AtomicU32 = Arc::as_ptr(&self.breaker);
        macro_rules! fr {
            () => {
                // SAFETY: `fp` points into a Box owned by `self.frames` that only this loop pops
                // (see the module docs); no other reference to the frame is live here.
                unsafe { &mut *fp }
            };
        }
        // The current frame's instructions, refreshed whenever `fp` changes (`set_fp!`): the
        // fetch then needs no loads through the frame and its code object.
        let mut instrs: *const [Instr] = &*fr!().code.instrs;
        // The index of the next instruction of the current frame, kept here rather than in
        // `Frame::pc` (which only the eval loop and `unwind` read): stored back with
        // `save_pc!` before the frame is left (a call pushing a frame, a yield) and loaded
        // again by `set_fp!`. `Frame::lasti` is stored at every dispatch (tracebacks and frame
        // objects read it at any time).
        let mut pc: usize = fr!().pc;
        macro_rules! set_fp {
            ($e:expr) => {
                fp = $e;
                instrs = &*fr!().code.instrs;
                pc = fr!().pc;
            };
        }
        macro_rules! save_pc {
            () => {
                fr!().pc = pc;
            };
        }
        loop {
            let (err, reraise): (PyErr, bool) = 'ex: {
                if let Some(e) = pending.take() {
                    break 'ex (e, false);
                }
                macro_rules! tri {
                    ($e:expr) => {
                        match $e {
                            Ok(v) => v,
                            Err(e) => break 'ex (e, false),
                        }
                    };
                }
                // The eval breaker: one relaxed load; an exception from it (KeyboardInterrupt,
                // an async exception) is raised at once, at the current instruction.
                macro_rules! breaker {
                    () => {
                        // SAFETY: `brk` points into `self.breaker`, an Arc this VM owns for its
                        // lifetime.
                        if unsafe { (*brk).load(Ordering::Relaxed) } != 0 {
                            if let Err(e) = self.handle_breaker() {
                                break 'ex (e, false);
                            }
                        }
                    };
                }
                // The end of a conditional jump whose operands take `len` instruction slots
                // (the jump is the last): jump to `target` when `taken`, else step past it. A
                // backward jump checks the eval breaker, with `lasti` at the jump.
                macro_rules! branch {
                    ($taken:expr, $target:expr, $len:expr) => {
                        if $taken {
                            let at = pc + $len - 1;
                            pc = $target as usize;
                            if pc < at {
                                fr!().lasti = at;
                                breaker!();
                            }
                        } else {
                            pc += $len;
                        }
                    };
                }
                // `LoadMethodCached`'s work once the object is known: push (method, self), or
                // (Null, attribute) when the name is not a plain method.
                macro_rules! push_method {
                    ($code:expr, $cache:expr, $obj:expr, $name:expr) => {
                        match crate::inline_cache::load_method(self, &$code.caches, $cache, &$obj, $name) {
                            crate::inline_cache::MethodLoad::Method(m) => {
                                let f = fr!();
                                f.stack.push(m);
                                f.stack.push($obj);
                            }
                            crate::inline_cache::MethodLoad::Attr(v) => {
                                let f = fr!();
                                f.stack.push(Value::Null);
                                f.stack.push(v);
                            }
                            crate::inline_cache::MethodLoad::Generic => {
                                let v = tri!(self.get_attr(&$obj, $name));
                                let f = fr!();
                                f.stack.push(Value::Null);
                                f.stack.push(v);
                            }
                        }
                    };
                }
                // The fused "load a value, then `LoadMethodCached` on it" instructions: the
                // method load runs at once when it follows; otherwise the value is pushed.
                macro_rules! method_after_load {
                    ($f:ident, $obj:ident) => {
                        // SAFETY: `instrs` is the current frame's code (see `set_fp!`); the
                        // fused instruction is never last, so `pc` is in bounds.
                        match unsafe { (*instrs)[pc] } {
                            Instr::LoadMethodCached { name, cache } => {
                                $f.lasti = pc;
                                pc += 1;
                                // SAFETY: as in LoadAttrCached.
                                let code = unsafe { &*Arc::as_ptr(&$f.code) };
                                let name = &code.names[name as usize];
                                push_method!(code, cache, $obj, name);
                            }
                            _ => $f.stack.push($obj),
                        }
                    };
                }
                loop {
                    let f = fr!();
                    // SAFETY: `instrs` is the current frame's code (see `set_fp!`), which the
                    // frame keeps alive.
                    let ins = unsafe { &(*instrs)[pc] };
                    f.lasti = pc;
                    pc += 1;
                    // Matched in place: the operands are read from the instruction stream
                    // (no copy of the instruction to the stack first).
                    match *ins {
                        Instr::Nop | Instr::GenStart => {}
                        Instr::Pop => {
                            // The breaker check runs a finalizer the drop queued (`__del__`,
                            // a coroutine never awaited) at this line, as CPython would.
                            let v = f.stack.pop();
                            drop(v);
                            breaker!();
                        }
                        Instr::Copy(i) => {
                            let v = f.peek(i as usize).clone();
                            f.stack.push(v);
                        }
                        Instr::Swap(i) => {
                            let n = f.stack.len();
                            f.stack.swap(n - 1, n - i as usize);
                        }
                        Instr::LoadConst(i) => {
                            let v = f.code.consts[i as usize].clone();
                            f.stack.push(v);
                        }
                        Instr::LoadFast(i) => {
                            let v = f.fast[i as usize].clone();
                            if v.is_null() {
                                let name = f.code.co.varnames[i as usize].clone();
                                let c = types().exc.unbound_local_error.clone();
                                break 'ex (self.new_exc(&c, &format!("cannot access local variable '{name}' where it is not associated with a value")), false);
                            }
                            f.stack.push(v);
                        }
                        Instr::StoreFast(i) => {
                            let v = f.pop();
                            let old = std::mem::replace(&mut f.fast[i as usize], v);
                            drop(old);
                            breaker!();
                        }
                        Instr::LoadDeref(i) => {
                            let v = cell_get(&f.cells[i as usize]);
                            if v.is_null() {
                                break 'ex (self.unbound_deref(fp, i as usize), false);
                            }
                            f.stack.push(v);
                        }
                        Instr::StoreDeref(i) => {
                            let v = f.pop();
                            let old = cell_set(&f.cells[i as usize], v);
                            drop(old);
                            breaker!();
                        }
                        Instr::LoadClosure(i) => {
                            let c = f.cells[i as usize].clone();
                            f.stack.push(Value::Obj(c));
                        }
                        Instr::LoadGlobalCached { name, cache } => {
                            let code = &*f.code;
                            let name = &code.names[name as usize];
                            match crate::inline_cache::load_global(&code.caches, cache, &f.globals, &f.builtins, name) {
                                Some(v) => f.stack.push(v),
                                None => {
                                    let n = name.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
                                    break 'ex (self.name_error(&n), false);
                                }
                            }
                        }
                        Instr::LoadAttrCached { name, cache } => {
                            // SAFETY: the frame (kept on `self.frames` below any frame a call
                            // pushes) holds its code alive for the whole instruction.
                            let code = unsafe { &*Arc::as_ptr(&f.code) };
                            // A cache hit replaces the stack top in place.
                            if let Some(top) = f.stack.last_mut() {
                                if let Some(v) = crate::inline_cache::load_attr_hit(&code.caches, cache, top) {
                                    let obj = std::mem::replace(top, v);
                                    // A hit means GIL mode (see `load_attr_hit`).
                                    obj.drop_gil();
                                    continue;
                                }
                            }
                            let obj = f.pop();
                            let v = tri!(crate::inline_cache::load_attr(self, &code.caches, cache, &obj, &code.names[name as usize]));
                            drop(obj);
                            fr!().stack.push(v);
                        }
                        Instr::StoreAttrCached { name, cache } => {
                            // SAFETY: as in LoadAttrCached.
                            let code = unsafe { &*Arc::as_ptr(&f.code) };
                            let obj = f.pop();
                            let v = f.pop();
                            tri!(crate::inline_cache::store_attr(self, &code.caches, cache, &obj, &code.names[name as usize], v));
                            breaker!();
                        }
                        Instr::LoadMethodCached { name, cache } => {
                            // SAFETY: as in LoadAttrCached.
                            let code = unsafe { &*Arc::as_ptr(&f.code) };
                            let name = &code.names[name as usize];
                            // A cache hit works on the stack top in place: (obj) becomes
                            // (method, obj) or (NULL, attribute).
                            if let Some(top) = f.stack.last_mut() {
                                match crate::inline_cache::load_method_hit(&code.caches, cache, top, name) {
                                    Some(crate::inline_cache::MethodLoad::Method(m)) => {
                                        let obj = std::mem::replace(top, m);
                                        f.stack.push(obj);
                                        continue;
                                    }
                                    Some(crate::inline_cache::MethodLoad::Attr(v)) => {
                                        let obj = std::mem::replace(top, Value::Null);
                                        f.stack.push(v);
                                        drop(obj);
                                        continue;
                                    }
                                    _ => {}
                                }
                            }
                            let obj = f.pop();
                            push_method!(code, cache, obj, name);
                        }
                        Instr::LoadFastLoadFast(a, b) => {
                            let x = f.fast[a as usize].clone();
                            if x.is_null() {
                                break 'ex (self.unbound_local(fp, a), false);
                            }
                            f.stack.push(x);
                            f.lasti = pc;
                            pc += 1;
                            let y = f.fast[b as usize].clone();
                            if y.is_null() {
                                break 'ex (self.unbound_local(fp, b), false);
                            }
                            f.stack.push(y);
                        }
                        Instr::LoadFastLoadConst(a, c) => {
                            let x = f.fast[a as usize].clone();
                            if x.is_null() {
                                break 'ex (self.unbound_local(fp, a), false);
                            }
                            f.stack.push(x);
                            pc += 1;
                            let y = f.code.consts[c as usize].clone();
                            f.stack.push(y);
                        }
                        Instr::StoreFastLoadFast(a, b) => {
                            let v = f.pop();
                            let old = std::mem::replace(&mut f.fast[a as usize], v);
                            if let Value::Obj(_) = old {
                                drop(old);
                                breaker!();
                                if pending.is_some() {
                                    continue;
                                }
                            }
                            let f = fr!();
                            f.lasti = pc;
                            pc += 1;
                            let y = f.fast[b as usize].clone();
                            if y.is_null() {
                                break 'ex (self.unbound_local(fp, b), false);
                            }
                            f.stack.push(y);
                        }
                        Instr::LoadFastAttr(a) => {
                            // SAFETY: `instrs` is the current frame's code (see `set_fp!`); the
                            // fused instruction is never last, so `pc` is in bounds.
                            if let Instr::LoadAttrCached { name, cache } = unsafe { (*instrs)[pc] } {
                                // SAFETY: as in LoadAttrCached.
                                let code = unsafe { &*Arc::as_ptr(&f.code) };
                                // The cache hit reads the local in place: no count traffic for
                                // the object (a Null local misses and raises below).
                                if let Some(v) = crate::inline_cache::load_attr_hit(&code.caches, cache, &f.fast[a as usize]) {
                                    f.lasti = pc;
                                    pc += 1;
                                    f.stack.push(v);
                                    continue;
                                }
                                let obj = f.fast[a as usize].clone();
                                if obj.is_null() {
                                    break 'ex (self.unbound_local(fp, a), false);
                                }
                                f.lasti = pc;
                                pc += 1;
                                let v = tri!(crate::inline_cache::load_attr(self, &code.caches, cache, &obj, &code.names[name as usize]));
                                drop(obj);
                                fr!().stack.push(v);
                            } else {
                                let obj = f.fast[a as usize].clone();
                                if obj.is_null() {
                                    break 'ex (self.unbound_local(fp, a), false);
                                }
                                f.stack.push(obj);
                            }
                        }
                        Instr::LoadFastStoreAttr(a) => {
                            // SAFETY: `instrs` is the current frame's code (see `set_fp!`); the
                            // fused instruction is never last, so `pc` is in bounds.
                            if let Instr::StoreAttrCached { name, cache } = unsafe { (*instrs)[pc] } {
                                // SAFETY: as in LoadAttrCached.
                                let code = unsafe { &*Arc::as_ptr(&f.code) };
                                // The cache hit reads the local in place, as in LoadFastAttr.
                                let v = f.pop();
                                let v = match crate::inline_cache::store_attr_hit(&code.caches, cache, &f.fast[a as usize], v) {
                                    Ok(old) => {
                                        f.lasti = pc;
                                        pc += 1;
                                        if let Value::Obj(_) = old {
                                            // A hit means GIL mode (see `store_attr_hit`).
                                            old.drop_gil();
                                            breaker!();
                                        }
                                        continue;
                                    }
                                    Err(v) => v,
                                };
                                let obj = f.fast[a as usize].clone();
                                if obj.is_null() {
                                    drop(v);
                                    break 'ex (self.unbound_local(fp, a), false);
                                }
                                f.lasti = pc;
                                pc += 1;
                                tri!(crate::inline_cache::store_attr(self, &code.caches, cache, &obj, &code.names[name as usize], v));
                                drop(obj);
                                breaker!();
                            } else {
                                let obj = f.fast[a as usize].clone();
                                if obj.is_null() {
                                    break 'ex (self.unbound_local(fp, a), false);
                                }
                                f.stack.push(obj);
                            }
                        }
                        Instr::LoadFastMethod(a) => {
                            let obj = f.fast[a as usize].clone();
                            if obj.is_null() {
                                break 'ex (self.unbound_local(fp, a), false);
                            }
                            method_after_load!(f, obj);
                        }
                        Instr::LoadDerefMethod(i) => {
                            let obj = cell_get(&f.cells[i as usize]);
                            if obj.is_null() {
                                break 'ex (self.unbound_deref(fp, i as usize), false);
                            }
                            method_after_load!(f, obj);
                        }
                        Instr::CompareJump { op, jump_if, target } => {
                            let b = f.pop();
                            let a = f.pop();
                            let r = match crate::fast_ops::compare(&a, &b, op) {
                                Some(r) => r,
                                None => {
                                    let v = tri!(ops::compare(self, &a, &b, op));
                                    let f = fr!();
                                    f.lasti = pc;
                                    match v {
                                        Value::Bool64(b) => b.get(),
                                        other => tri!(self.truthy(&other)),
                                    }
                                }
                            };
                            pc += 1;
                            if r == jump_if {
                                let back = (target as usize) < pc;
                                pc = target as usize;
                                if back {
                                    breaker!();
                                }
                            }
                        }
                        Instr::IsJump { neg, jump_if, target } => {
                            let b = f.pop();
                            let a = f.pop();
                            let r = a.is(&b) != neg;
                            drop(a);
                            drop(b);
                            pc += 1;
                            if r == jump_if {
                                let back = (target as usize) < pc;
                                pc = target as usize;
                                if back {
                                    breaker!();
                                }
                            }
                        }
                        Instr::FastConstCompareJump { a, c, op, jump_if, target } => {
                            let x = &f.fast[a as usize];
                            let y = &f.code.consts[c as usize];
                            match crate::fast_ops::compare(x, y, op) {
                                Some(r) => {
                                    branch!(r == jump_if, target, 3);
                                }
                                None => {
                                    let x = x.clone();
                                    if x.is_null() {
                                        break 'ex (self.unbound_local(fp, a as u32), false);
                                    }
                                    let y = y.clone();
                                    f.stack.push(x);
                                    f.stack.push(y);
                                    pc += 1;
                                }
                            }
                        }
                        Instr::FastFastCompareJump { a, b, op, jump_if, target } => {
                            let x = &f.fast[a as usize];
                            let y = &f.fast[b as usize];
                            match crate::fast_ops::compare(x, y, op) {
                                Some(r) => {
                                    branch!(r == jump_if, target, 3);
                                }
                                None => {
                                    let (x, y) = (x.clone(), y.clone());
                                    if x.is_null() {
                                        break 'ex (self.unbound_local(fp, a as u32), false);
                                    }
                                    f.stack.push(x);
                                    f.lasti = pc;
                                    if y.is_null() {
                                        break 'ex (self.unbound_local(fp, b as u32), false);
                                    }
                                    f.stack.push(y);
                                    pc += 1;
                                }
                            }
                        }
                        Instr::ConstOp { c, op } => {
                            let y = &f.code.consts[c as usize];
                            match f.stack.last_mut() {
                                Some(x) => match crate::fast_ops::binop(x, y, op) {
                                    Some(v) => {
                                        *x = v;
                                        pc += 1;
                                    }
                                    None => {
                                        let y = y.clone();
                                        f.stack.push(y);
                                    }
                                },
                                None => {
                                    let y = y.clone();
                                    f.stack.push(y);
                                }
                            }
                        }
                        Instr::ConstCompareJump { c, op, jump_if, target } => {
                            let y = &f.code.consts[c as usize];
                            match f.stack.last().and_then(|x| crate::fast_ops::compare(x, y, op)) {
                                Some(r) => {
                                    f.stack.pop();
                                    branch!(r == jump_if, target, 2);
                                }
                                None => {
                                    let y = y.clone();
                                    f.stack.push(y);
                                }
                            }
                        }
                        Instr::ConstIsJump { c, neg, jump_if, target } => {
                            let a = f.pop();
                            let r = a.is(&f.code.consts[c as usize]) != neg;
                            drop(a);
                            branch!(r == jump_if, target, 2);
                        }
                        Instr::ContainsJump { neg, jump_if, target } => {
                            let b = f.pop();
                            let a = f.pop();
                            let r = match crate::fast_ops::contains(&b, &a) {
                                Some(r) => r,
                                None => tri!(ops::contains(self, &b, &a)),
                            } != neg;
                            drop(a);
                            drop(b);
                            branch!(r == jump_if, target, 1);
                        }
                        Instr::LoadDerefContainsJump(i) => {
                            // SAFETY: `instrs` is the current frame's code (see `set_fp!`); the
                            // fused instruction is never last, so `pc` is in bounds.
                            let Instr::ContainsJump { neg, jump_if, target } = (unsafe { (*instrs)[pc] }) else {
                                let v = cell_get(&f.cells[i as usize]);
                                if v.is_null() {
                                    break 'ex (self.unbound_deref(fp, i as usize), false);
                                }
                                f.stack.push(v);
                                continue;
                            };
                            let b = cell_get(&f.cells[i as usize]);
                            if b.is_null() {
                                break 'ex (self.unbound_deref(fp, i as usize), false);
                            }
                            f.lasti = pc;
                            pc += 1;
                            let a = f.pop();
                            let r = match crate::fast_ops::contains(&b, &a) {
                                Some(r) => r,
                                None => tri!(ops::contains(self, &b, &a)),
                            } != neg;
                            drop(a);
                            drop(b);
                            branch!(r == jump_if, target, 1);
                        }
                        Instr::FastConstOp { a, c, op } => {
                            let x = &f.fast[a as usize];
                            let y = &f.code.consts[c as usize];
                            match crate::fast_ops::binop(x, y, op) {
                                Some(v) => {
                                    f.stack.push(v);
                                    pc += 2;
                                }
                                None => {
                                    let x = x.clone();
                                    if x.is_null() {
                                        break 'ex (self.unbound_local(fp, a as u32), false);
                                    }
                                    let y = y.clone();
                                    f.stack.push(x);
                                    f.stack.push(y);
                                    pc += 1;
                                }
                            }
                        }
                        Instr::FastFastOp { a, b, op } => {
                            let x = &f.fast[a as usize];
                            let y = &f.fast[b as usize];
                            match crate::fast_ops::binop(x, y, op) {
                                Some(v) => {
                                    f.stack.push(v);
                                    pc += 2;
                                }
                                None => {
                                    let (x, y) = (x.clone(), y.clone());
                                    if x.is_null() {
                                        break 'ex (self.unbound_local(fp, a as u32), false);
                                    }
                                    f.stack.push(x);
                                    f.lasti = pc;
                                    if y.is_null() {
                                        break 'ex (self.unbound_local(fp, b as u32), false);
                                    }
                                    f.stack.push(y);
                                    pc += 1;
                                }
                            }
                        }
                        Instr::FastConstOpStore { a, c, op, d } => {
                            let x = &f.fast[a as usize];
                            let y = &f.code.consts[c as usize];
                            match crate::fast_ops::binop(x, y, op) {
                                Some(v) => {
                                    let old = std::mem::replace(&mut f.fast[d as usize], v);
                                    pc += 3;
                                    if let Value::Obj(_) = old {
                                        f.lasti = pc - 1;
                                        drop(old);
                                        breaker!();
                                    }
                                }
                                None => {
                                    let x = x.clone();
                                    if x.is_null() {
                                        break 'ex (self.unbound_local(fp, a as u32), false);
                                    }
                                    let y = y.clone();
                                    f.stack.push(x);
                                    f.stack.push(y);
                                    pc += 1;
                                }
                            }
                        }
                        Instr::FastFastOpStore { a, b, op, d } => {
                            let x = &f.fast[a as usize];
                            let y = &f.fast[b as usize];
                            match crate::fast_ops::binop(x, y, op) {
                                Some(v) => {
                                    let old = std::mem::replace(&mut f.fast[d as usize], v);
                                    pc += 3;
                                    if let Value::Obj(_) = old {
                                        f.lasti = pc - 1;
                                        drop(old);
                                        breaker!();
                                    }
                                }
                                None => {
                                    let (x, y) = (x.clone(), y.clone());
                                    if x.is_null() {
                                        break 'ex (self.unbound_local(fp, a as u32), false);
                                    }
                                    f.stack.push(x);
                                    f.lasti = pc;
                                    if y.is_null() {
                                        break 'ex (self.unbound_local(fp, b as u32), false);
                                    }
                                    f.stack.push(y);
                                    pc += 1;
                                }
                            }
                        }
                        Instr::OpStore { op, inplace, d } => {
                            let b = f.pop();
                            let a = f.pop();
                            if let Some(v) = crate::fast_ops::binop(&a, &b, op) {
                                let old = std::mem::replace(&mut f.fast[d as usize], v);
                                pc += 1;
                                if let Value::Obj(_) = old {
                                    f.lasti = pc - 1;
                                    drop(old);
                                    breaker!();
                                }
                                continue;
                            }
                            // The operator alone; the `StoreFast` runs from its own slot.
                            let r = if inplace { ops::inplace_op(self, a, &b, op) } else { ops::binary_op(self, &a, &b, op) };
                            let v = tri!(r);
                            fr!().stack.push(v);
                        }
                        Instr::FastSubscr { a, k, k_const } => {
                            let x = &f.fast[a as usize];
                            let y = if k_const { &f.code.consts[k as usize] } else { &f.fast[k as usize] };
                            if let Some(v) = crate::fast_ops::subscr(x, y) {
                                f.stack.push(v);
                                pc += 2;
                                continue;
                            }
                            // The loads; `Subscr` runs from its own slot.
                            let (x, y) = (x.clone(), y.clone());
                            if x.is_null() {
                                break 'ex (self.unbound_local(fp, a as u32), false);
                            }
                            f.stack.push(x);
                            f.lasti = pc;
                            if y.is_null() {
                                break 'ex (self.unbound_local(fp, k as u32), false);
                            }
                            f.stack.push(y);
                            pc += 1;
                        }
                        Instr::FastSubscrStore { a, k, k_const, d } => {
                            let x = &f.fast[a as usize];
                            let y = if k_const { &f.code.consts[k as usize] } else { &f.fast[k as usize] };
                            if let Some(v) = crate::fast_ops::subscr(x, y) {
                                let old = std::mem::replace(&mut f.fast[d as usize], v);
                                pc += 3;
                                if let Value::Obj(_) = old {
                                    f.lasti = pc - 1;
                                    drop(old);
                                    breaker!();
                                }
                                continue;
                            }
                            // The loads; `Subscr` and the store run from their own slots.
                            let (x, y) = (x.clone(), y.clone());
                            if x.is_null() {
                                break 'ex (self.unbound_local(fp, a as u32), false);
                            }
                            f.stack.push(x);
                            f.lasti = pc;
                            if y.is_null() {
                                break 'ex (self.unbound_local(fp, k as u32), false);
                            }
                            f.stack.push(y);
                            pc += 1;
                        }
                        Instr::FastStoreSubscr { a, k, k_const } => {
                            let v = f.pop();
                            let c = &f.fast[a as usize];
                            let key = if k_const { &f.code.consts[k as usize] } else { &f.fast[k as usize] };
                            match crate::fast_ops::list_store(c, key, v) {
                                Ok(old) => {
                                    pc += 2;
                                    if let Value::Obj(_) = old {
                                        f.lasti = pc - 1;
                                        drop(old);
                                        breaker!();
                                    }
                                }
                                Err(v) => {
                                    // The loads; `StoreSubscr` runs from its own slot.
                                    let (c, key) = (c.clone(), key.clone());
                                    f.stack.push(v);
                                    if c.is_null() {
                                        break 'ex (self.unbound_local(fp, a as u32), false);
                                    }
                                    f.stack.push(c);
                                    f.lasti = pc;
                                    if key.is_null() {
                                        break 'ex (self.unbound_local(fp, k as u32), false);
                                    }
                                    f.stack.push(key);
                                    pc += 1;
                                }
                            }
                        }
                        Instr::LoadConstLoadConst(a, b) => {
                            let x = f.code.consts[a as usize].clone();
                            f.stack.push(x);
                            pc += 1;
                            let y = f.code.consts[b as usize].clone();
                            f.stack.push(y);
                        }
                        Instr::FastJumpIf { a, jump_if, target } => {
                            let b = match &f.fast[a as usize] {
                                Value::Bool64(b) => b.get(),
                                Value::Int(i) => *i != 0,
                                Value::None => false,
                                Value::Null => break 'ex (self.unbound_local(fp, a), false),
                                v => {
                                    let v = v.clone();
                                    f.lasti = pc;
                                    tri!(self.truthy(&v))
                                }
                            };
                            if b == jump_if {
                                let back = (target as usize) < pc;
                                let at = pc;
                                pc = target as usize;
                                if back {
                                    fr!().lasti = at;
                                    breaker!();
                                }
                            } else {
                                pc += 1;
                            }
                        }
                        Instr::FastDupSubscr { a, k, k_const } => {
                            let x = &f.fast[a as usize];
                            let y = if k_const { &f.code.consts[k as usize] } else { &f.fast[k as usize] };
                            if let Some(v) = crate::fast_ops::subscr(x, y) {
                                let (x, y) = (x.clone(), y.clone());
                                f.stack.push(x);
                                f.stack.push(y);
                                f.stack.push(v);
                                pc += 4;
                                continue;
                            }
                            // The loads; the `Copy`s and `Subscr` run from their own slots.
                            let (x, y) = (x.clone(), y.clone());
                            if x.is_null() {
                                break 'ex (self.unbound_local(fp, a as u32), false);
                            }
                            f.stack.push(x);
                            f.lasti = pc;
                            if y.is_null() {
                                break 'ex (self.unbound_local(fp, k as u32), false);
                            }
                            f.stack.push(y);
                            pc += 1;
                        }
                        Instr::InplaceStoreSubscr(op) => {
                            let y = f.pop();
                            let x = f.pop();
                            let r = match crate::fast_ops::binop(&x, &y, op) {
                                Some(r) => r,
                                None => {
                                    // The operator alone; the swaps and the store run from
                                    // their own slots.
                                    let r = tri!(ops::inplace_op(self, x, &y, op));
                                    fr!().stack.push(r);
                                    continue;
                                }
                            };
                            let n = f.stack.len();
                            let r = match f.stack.get(n.wrapping_sub(2)..) {
                                Some([c, k]) => match crate::fast_ops::list_store(c, k, r) {
                                    Ok(old) => {
                                        pc += 3;
                                        f.lasti = pc - 1;
                                        // CPython's order: the old item goes first, then the
                                        // container and key references.
                                        drop(old);
                                        f.stack.truncate(n - 2);
                                        breaker!();
                                        continue;
                                    }
                                    Err(r) => r,
                                },
                                _ => r,
                            };
                            f.stack.push(r);
                        }
                        Instr::UnpackFast { n, a, b, c } => {
                            let seq = f.pop();
                            if let Some((x, y, z)) = crate::fast_ops::unpack3(&seq, n as usize) {
                                drop(seq);
                                // Each store as its `StoreFast` (an old value's `__del__` runs
                                // before the next store).
                                let old = std::mem::replace(&mut f.fast[a as usize], x);
                                if let Value::Obj(_) = old {
                                    f.lasti = pc;
                                    drop(old);
                                    breaker!();
                                }
                                let f = fr!();
                                let old = std::mem::replace(&mut f.fast[b as usize], y);
                                if let Value::Obj(_) = old {
                                    f.lasti = pc + 1;
                                    drop(old);
                                    breaker!();
                                }
                                if n == 3 {
                                    let f = fr!();
                                    let old = std::mem::replace(&mut f.fast[c as usize], z);
                                    if let Value::Obj(_) = old {
                                        f.lasti = pc + 2;
                                        drop(old);
                                        breaker!();
                                    }
                                }
                                pc += n as usize;
                                continue;
                            }
                            // Unpacked generically; the stores run from their own slots.
                            let items = tri!(self.unpack(&seq, n as usize));
                            let f = fr!();
                            for v in items.into_iter().rev() {
                                f.stack.push(v);
                            }
                        }
                        Instr::Subscr => {
                            let k = f.pop();
                            let c = f.pop();
                            if let Some(v) = crate::fast_ops::subscr(&c, &k) {
                                f.stack.push(v);
                                continue;
                            }
                            let v = tri!(self.getitem(&c, &k));
                            fr!().stack.push(v);
                        }
                        Instr::StoreSubscr => {
                            let k = f.pop();
                            let c = f.pop();
                            let v = f.pop();
                            let v = match crate::fast_ops::list_store(&c, &k, v) {
                                Ok(old) => {
                                    if let Value::Obj(_) = old {
                                        drop(old);
                                        breaker!();
                                    }
                                    continue;
                                }
                                Err(v) => v,
                            };
                            tri!(self.setitem(&c, &k, v));
                            breaker!();
                        }
                        Instr::BinaryOp(op) | Instr::InplaceOp(op) => {
                            let b = f.pop();
                            let a = f.pop();
                            if let Some(v) = crate::fast_ops::binop(&a, &b, op) {
                                f.stack.push(v);
                                continue;
                            }
                            let r = if matches!(ins, Instr::InplaceOp(_)) { ops::inplace_op(self, a, &b, op) } else { ops::binary_op(self, &a, &b, op) };
                            let v = tri!(r);
                            fr!().stack.push(v);
                        }
                        Instr::UnaryOp(op) => {
                            let a = f.pop();
                            let v = tri!(ops::unary_op(self, &a, op));
                            fr!().stack.push(v);
                        }
                        Instr::Compare(op) => {
                            let b = f.pop();
                            let a = f.pop();
                            if let Some(r) = crate::fast_ops::compare(&a, &b, op) {
                                f.stack.push(Value::Bool(r));
                                continue;
                            }
                            let v = tri!(ops::compare(self, &a, &b, op));
                            fr!().stack.push(v);
                        }
                        Instr::Is(neg) => {
                            let b = f.pop();
                            let a = f.pop();
                            f.stack.push(Value::Bool(a.is(&b) != neg));
                        }
                        Instr::Contains(neg) => {
                            let b = f.pop();
                            let a = f.pop();
                            let r = match crate::fast_ops::contains(&b, &a) {
                                Some(r) => r,
                                None => tri!(ops::contains(self, &b, &a)),
                            };
                            fr!().stack.push(Value::Bool(r != neg));
                        }
                        Instr::Jump(t) => {
                            let back = (t as usize) < pc;
                            pc = t as usize;
                            if back {
                                breaker!();
                            }
                        }
                        Instr::PopJumpIfFalse(t) | Instr::PopJumpIfTrue(t) => {
                            let v = f.pop();
                            let b = match v {
                                Value::Bool64(b) => b.get(),
                                other => tri!(self.truthy(&other)),
                            };
                            let jump_on = matches!(ins, Instr::PopJumpIfTrue(_));
                            if b == jump_on {
                                let back = (t as usize) < pc;
                                pc = t as usize;
                                if back {
                                    breaker!();
                                }
                            }
                        }
                        Instr::JumpIfFalseOrPop(t) | Instr::JumpIfTrueOrPop(t) => {
                            let v = f.top().clone();
                            let b = tri!(self.truthy(&v));
                            let jump_on = matches!(ins, Instr::JumpIfTrueOrPop(_));
                            let f = fr!();
                            if b == jump_on {
                                pc = t as usize;
                            } else {
                                f.stack.pop();
                            }
                        }
                        Instr::GetIter => {
                            // A builtin iterator or generator is its own iterator (`yield
                            // from gen(...)`, `for x in iter(...)`): left where it is.
                            if let Value::Obj(o) = f.top() {
                                if matches!(o.payload, Payload::Iter(_) | Payload::Generator(_)) && o.cls_data().builtin {
                                    continue;
                                }
                            }
                            let v = f.pop();
                            let it = tri!(self.iter(&v));
                            fr!().stack.push(it);
                        }
                        Instr::ForIter(t) => {
                            // `for k, v in d.items()`: the pair unpacked here (no tuple).
                            // SAFETY: as the fetch above (`get` checks the bound).
                            let next_ins = unsafe { (&(*instrs)).get(pc) };
                            if let Some(&Instr::UnpackFast { n: 2, a, b, .. }) = next_ins {
                                // ... straight into two locals.
                                if let Some(next) = crate::fast_ops::for_iter_items(f.top()) {
                                    match next {
                                        Some((k, v)) => {
                                            let old = std::mem::replace(&mut f.fast[a as usize], k);
                                            if let Value::Obj(_) = old {
                                                f.lasti = pc + 1;
                                                drop(old);
                                                breaker!();
                                            }
                                            let f = fr!();
                                            let old = std::mem::replace(&mut f.fast[b as usize], v);
                                            if let Value::Obj(_) = old {
                                                f.lasti = pc + 2;
                                                drop(old);
                                                breaker!();
                                            }
                                            pc += 3;
                                        }
                                        None => {
                                            f.stack.pop();
                                            pc = t as usize;
                                        }
                                    }
                                    continue;
                                }
                            }
                            if let Some(Instr::UnpackSequence(2)) = next_ins {
                                if let Some(next) = crate::fast_ops::for_iter_items(f.top()) {
                                    match next {
                                        Some((k, v)) => {
                                            f.stack.push(v);
                                            f.stack.push(k);
                                            f.lasti = pc;
                                            pc += 1;
                                        }
                                        None => {
                                            f.stack.pop();
                                            pc = t as usize;
                                        }
                                    }
                                    continue;
                                }
                            }
                            if let Some(next) = crate::fast_ops::for_iter(f.top()) {
                                match next {
                                    Some(v) => f.stack.push(v),
                                    None => {
                                        f.stack.pop();
                                        pc = t as usize;
                                    }
                                }
                                continue;
                            }
                            let it = f.top().clone();
                            let next = tri!(self.next(&it));
                            let f = fr!();
                            match next {
                                Some(v) => f.stack.push(v),
                                None => {
                                    f.stack.pop();
                                    pc = t as usize;
                                }
                            }
                        }
                        Instr::Return => {
                            let mut v = f.pop();
                            if let Some(s) = f.init_self.take() {
                                if !v.is_none() {
                                    let tn = self.type_name(&v);
                                    break 'ex (self.type_error(&format!("__init__() should return None, not '{tn}'")), false);
                                }
                                v = s;
                            }
                            if self.frames.len() - 1 == base {
                                breaker!();
                                if let Some(e) = pending.take() {
                                    break 'ex (e, false);
                                }
                                return Ok(Exit::Return(v));
                            }
                            if let Some(done) = self.frames.pop() {
                                self.release_frame(done);
                            }
                            self.depth -= 1;
                            set_fp!(&mut **self.frames.last_mut().expect("caller frame"));
                            fr!().stack.push(v);
                            breaker!();
                        }
                        Instr::BuildTuple(n) => {
                            let items = f.stack.split_off(f.stack.len() - n as usize);
                            f.stack.push(crate::types::tuple::new_tuple(items));
                        }
                        Instr::BuildList(n) => {
                            let items = f.stack.split_off(f.stack.len() - n as usize);
                            f.stack.push(crate::types::list::new_list(items));
                        }
                        Instr::BuildSlice(n) => {
                            // `c[a:b(:s)]` and `c[a:b] = v` with int/None bounds on builtin
                            // sequences: done here with the next instruction, no slice object.
                            // SAFETY: as the fetch above (`get` checks the bound).
                            match unsafe { (&(*instrs)).get(pc) } {
                                Some(Instr::Subscr) => {
                                    let base = f.stack.len() - n as usize - 1;
                                    if let Some(v) = crate::fast_ops::slice_subscr(&f.stack[base], &f.stack[base + 1..]) {
                                        f.stack.truncate(base);
                                        f.stack.push(v);
                                        f.lasti = pc;
                                        pc += 1;
                                        continue;
                                    }
                                }
                                Some(Instr::StoreSubscr) if n == 2 => {
                                    let base = f.stack.len() - 4;
                                    let v = std::mem::replace(&mut f.stack[base], Value::None);
                                    match crate::fast_ops::slice_store(&f.stack[base + 1], &f.stack[base + 2..], v) {
                                        Ok(old) => {
                                            f.stack.truncate(base);
                                            f.lasti = pc;
                                            pc += 1;
                                            crate::types::list::drop_last_first(old);
                                            breaker!();
                                            continue;
                                        }
                                        Err(v) => f.stack[base] = v,
                                    }
                                }
                                _ => {}
                            }
                            let step = if n == 3 { f.pop() } else { Value::None };
                            let stop = f.pop();
                            let start = f.pop();
                            f.stack.push(crate::types::range::new_slice(start, stop, step));
                        }
                        Instr::ListAppend(d) => {
                            let v = f.pop();
                            let l = f.peek(d as usize).clone();
                            if let Value::Obj(o) = &l {
                                if let Payload::List(cell) = &o.payload {
                                    cell.lock().push(v);
                                }
                            }
                        }
                        Instr::UnpackSequence(n) => {
                            let seq = f.pop();
                            if crate::fast_ops::unpack_exact(&seq, n as usize, &mut f.stack) {
                                continue;
                            }
                            let items = tri!(self.unpack(&seq, n as usize));
                            let f = fr!();
                            for v in items.into_iter().rev() {
                                f.stack.push(v);
                            }
                        }
                        Instr::Call(n) => {
                            breaker!();
                            if pending.is_some() {
                                continue;
                            }
                            save_pc!();
                            let f = fr!();
                            let n = n as usize;
                            let at = f.stack.len() - n - 1;
                            match self.try_push_simple(fp, at) {
                                Ok(true) => {
                                    set_fp!(&mut **self.frames.last_mut().expect("frame"));
                                    continue;
                                }
                                Ok(false) => {}
                                Err(e) => break 'ex (e, false),
                            }
                            match self.call_from_stack(fp, at, 0, &[]) {
                                Ok(CallOutcome::Pushed) => {
                                    set_fp!(&mut **self.frames.last_mut().expect("frame"));
                                }
                                Ok(CallOutcome::Value(v)) => fr!().stack.push(v),
                                Err(e) => break 'ex (e, false),
                            }
                        }
                        Instr::CallMethod(n) | Instr::CallMethodPop(n) => {
                            breaker!();
                            if pending.is_some() {
                                continue;
                            }
                            save_pc!();
                            let f = fr!();
                            let n = n as usize;
                            let len = f.stack.len();
                            if !f.stack[len - n - 2].is_null() {
                                match self.try_push_simple(fp, len - n - 2) {
                                    Ok(true) => {
                                        set_fp!(&mut **self.frames.last_mut().expect("frame"));
                                        continue;
                                    }
                                    Ok(false) => {}
                                    Err(e) => break 'ex (e, false),
                                }
                            }
                            let f = fr!();
                            let r = if f.stack[len - n - 2].is_null() {
                                // Not a method: [NULL, callable, args...]
                                let r = self.call_from_stack(fp, len - n - 1, 0, &[]);
                                fr!().stack.pop();
                                r
                            } else {
                                self.call_from_stack(fp, len - n - 2, 0, &[])
                            };
                            match r {
                                Ok(CallOutcome::Pushed) => {
                                    set_fp!(&mut **self.frames.last_mut().expect("frame"));
                                }
                                Ok(CallOutcome::Value(v)) => {
                                    if let Instr::CallMethodPop(_) = *ins {
                                        // The fused `Pop`.
                                        drop(v);
                                        pc += 1;
                                    } else {
                                        fr!().stack.push(v);
                                    }
                                }
                                Err(e) => break 'ex (e, false),
                            }
                        }
                        Instr::CallKw(n) => {
                            breaker!();
                            if pending.is_some() {
                                continue;
                            }
                            save_pc!();
                            let f = fr!();
                            let names = f.pop();
                            let names = crate::types::tuple::tuple_items(&names).map(|s| s.to_vec()).unwrap_or_default();
                            let n = n as usize;
                            let at = f.stack.len() - n - 1;
                            match self.call_from_stack(fp, at, names.len(), &names) {
                                Ok(CallOutcome::Pushed) => {
                                    set_fp!(&mut **self.frames.last_mut().expect("frame"));
                                }
                                Ok(CallOutcome::Value(v)) => fr!().stack.push(v),
                                Err(e) => break 'ex (e, false),
                            }
                        }
                        Instr::SetupFinally(t) => {
                            let depth = f.stack.len() as u32;
                            f.blocks.push(Block { handler: t, depth });
                        }
                        Instr::SetupCleanup(t) => {
                            let depth = f.stack.len() as u32 - 1;
                            f.blocks.push(Block { handler: t, depth });
                        }
                        Instr::PopBlock => {
                            f.blocks.pop();
                        }
                        Instr::PushExcInfo => {
                            let exc = f.pop();
                            let prev = std::mem::replace(&mut self.handled, exc.clone());
                            f.stack.push(prev);
                            f.stack.push(exc);
                        }
                        Instr::PopExcept => {
                            let prev = f.pop();
                            self.handled = prev;
                        }
                        Instr::CheckExcMatch => {
                            let ty = f.pop();
                            let exc = f.top().clone();
                            let m = tri!(self.exception_matches(&exc, &ty));
                            fr!().stack.push(Value::Bool(m));
                        }
                        Instr::YieldValue => {
                            let v = f.pop();
                            save_pc!();
                            return Ok(Exit::Yield(v));
                        }
                        Instr::YieldFrom => {
                            let sent = f.pop();
                            let sub = f.top().clone();
                            match tri!(crate::generator::delegate(self, &sub, sent)) {
                                crate::generator::GenResult::Yield(v) => {
                                    // Resume at this instruction again.
                                    fr!().pc = pc - 1;
                                    return Ok(Exit::Yield(v));
                                }
                                crate::generator::GenResult::Return(v) => {
                                    let f = fr!();
                                    f.stack.pop();
                                    f.stack.push(v);
                                }
                            }
                        }
                        Instr::CallEx(has_kw) => {
                            breaker!();
                            if pending.is_some() {
                                continue;
                            }
                            let f = fr!();
                            let kwargs = if has_kw != 0 { Some(f.pop()) } else { None };
                            let args = f.pop();
                            let func = f.pop();
                            let args_v = crate::types::tuple::tuple_items(&args).map(|s| s.to_vec()).unwrap_or_default();
                            let mut kw: Vec<(Value, Value)> = Vec::new();
                            if let Some(Value::Obj(d)) = &kwargs {
                                kw = crate::types::dict::dict_items(d);
                            }
                            let v = tri!(self.call(&func, &args_v, &kw));
                            fr!().stack.push(v);
                        }
                        _ => {
                            if let Err((e, r)) = self.exec_cold(fp, *ins) {
                                break 'ex (e, r);
                            }
                        }
                    }
                }
            };
            // An exception is propagating. Objects the failed instruction freed are finalized
            // first, at its line (CPython finalizes them at once).
            if self.breaker.load(Ordering::Relaxed) & crate::object::ptr::BREAK_FINALIZERS != 0 {
                self.run_finalizers();
            }
            match self.unwind(base, err, reraise) {
                Ok(()) => {
                    set_fp!(&mut **self.frames.last_mut().expect("frame"));
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// The instructions off the hot path (names, imports, classes, exceptions, containers
    /// built from iterables, ...), kept out of `run_inner` so that the hot loop's few values
    /// stay in registers. None of them changes the current frame or leaves it.
    #[inline(never)]
    fn exec_cold(&mut self, fp: *mut Frame, ins: Instr) -> Result<(), (PyErr, bool)> {
        macro_rules! fr {
            () => {
                // SAFETY: `fp` is the eval loop's live frame (see `run_inner`).
                unsafe { &mut *fp }
            };
        }
        macro_rules! tri {
            ($e:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(e) => return Err((e, false)),
                }
            };
        }
        macro_rules! breaker {
            () => {
                if self.breaker.load(Ordering::Relaxed) != 0 {
                    if let Err(e) = self.handle_breaker() {
                        return Err((e, false));
                    }
                }
            };
        }
        let f = fr!();
        match ins {
            Instr::SetupAnnotations => {
                let target = f.locals.clone().unwrap_or_else(|| Value::Obj(f.globals.clone()));
                let key = self.intern("__annotations__");
                if tri!(self.mapping_get(&target, &key)).is_none() {
                    let d = Value::Obj(self.new_dict());
                    tri!(self.mapping_set(&target, Value::Obj(key), d));
                }
            }
            Instr::DeleteFast(i) => {
                if f.fast[i as usize].is_null() {
                    let name = f.code.co.varnames[i as usize].clone();
                    let c = types().exc.unbound_local_error.clone();
                    return Err((self.new_exc(&c, &format!("cannot access local variable '{name}' where it is not associated with a value")), false));
                }
                let old = std::mem::replace(&mut f.fast[i as usize], Value::Null);
                drop(old);
                breaker!();
            }
            Instr::DeleteDeref(i) => {
                let old = cell_set(&f.cells[i as usize], Value::Null);
                if old.is_null() {
                    return Err((self.unbound_deref(fp, i as usize), false));
                }
                drop(old);
            }
            Instr::LoadClassDeref { name, cell } => {
                let key = f.code.names[name as usize].clone();
                let locals = f.locals.clone();
                let found = match &locals {
                    Some(l) => tri!(self.mapping_get(l, &key)),
                    None => None,
                };
                let f = fr!();
                match found {
                    Some(v) => f.stack.push(v),
                    None => {
                        let v = cell_get(&f.cells[cell as usize]);
                        if v.is_null() {
                            return Err((self.unbound_deref(fp, cell as usize), false));
                        }
                        f.stack.push(v);
                    }
                }
            }
            Instr::LoadGlobal(i) => {
                let name = &f.code.names[i as usize];
                let v = match crate::types::dict::dict_get_interned(&f.globals, name) {
                    Some(v) => v,
                    None => match crate::types::dict::dict_get_interned(&f.builtins, name) {
                        Some(v) => v,
                        None => {
                            let n = name.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
                            return Err((self.name_error(&n), false));
                        }
                    },
                };
                f.stack.push(v);
            }
            Instr::StoreGlobal(i) => {
                let v = f.pop();
                let name = Value::Obj(f.code.names[i as usize].clone());
                let g = f.globals.clone();
                tri!(crate::types::dict::dict_set(self, &g, name, v));
                breaker!();
            }
            Instr::DeleteGlobal(i) => {
                let name = Value::Obj(f.code.names[i as usize].clone());
                let g = f.globals.clone();
                if !tri!(crate::types::dict::dict_del(self, &g, &name)) {
                    let n = name.as_str().unwrap_or("").to_string();
                    return Err((self.name_error(&n), false));
                }
                breaker!();
            }
            Instr::LoadName(i) => {
                let name = f.code.names[i as usize].clone();
                let locals = f.locals.clone();
                let mut found = None;
                if let Some(l) = &locals {
                    found = tri!(self.mapping_get(l, &name));
                }
                let f = fr!();
                let v = match found {
                    Some(v) => v,
                    None => match crate::types::dict::dict_get_interned(&f.globals, &name) {
                        Some(v) => v,
                        None => match crate::types::dict::dict_get_interned(&f.builtins, &name) {
                            Some(v) => v,
                            None => {
                                let n = name.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
                                return Err((self.name_error(&n), false));
                            }
                        },
                    },
                };
                fr!().stack.push(v);
            }
            Instr::StoreName(i) => {
                let v = f.pop();
                let name = Value::Obj(f.code.names[i as usize].clone());
                let target = f.locals.clone().unwrap_or_else(|| Value::Obj(f.globals.clone()));
                tri!(self.mapping_set(&target, name, v));
                breaker!();
            }
            Instr::DeleteName(i) => {
                let name = Value::Obj(f.code.names[i as usize].clone());
                let target = f.locals.clone().unwrap_or_else(|| Value::Obj(f.globals.clone()));
                let ok = match &target {
                    Value::Obj(o) if matches!(o.payload, Payload::Dict(_)) => tri!(crate::types::dict::dict_del(self, o, &name)),
                    other => self.delitem(other, &name).is_ok(),
                };
                if !ok {
                    let n = name.as_str().unwrap_or("").to_string();
                    return Err((self.name_error(&n), false));
                }
                breaker!();
            }
            Instr::LoadAttr(i) => {
                let name = f.code.names[i as usize].clone();
                let obj = f.pop();
                let v = tri!(self.get_attr(&obj, &name));
                drop(obj);
                fr!().stack.push(v);
            }
            Instr::StoreAttr(i) => {
                let name = f.code.names[i as usize].clone();
                let obj = f.pop();
                let v = f.pop();
                tri!(self.set_attr(&obj, &name, v));
                breaker!();
            }
            Instr::DeleteAttr(i) => {
                let name = f.code.names[i as usize].clone();
                let obj = f.pop();
                tri!(self.del_attr(&obj, &name));
                breaker!();
            }
            Instr::LoadMethod(i) => {
                let name = f.code.names[i as usize].clone();
                let obj = f.pop();
                match self.method_lookup(&obj, &name) {
                    Some(m) => {
                        let f = fr!();
                        f.stack.push(m);
                        f.stack.push(obj);
                    }
                    None => {
                        let v = tri!(self.get_attr(&obj, &name));
                        let f = fr!();
                        f.stack.push(Value::Null);
                        f.stack.push(v);
                    }
                }
            }
            Instr::DeleteSubscr => {
                let k = f.pop();
                let c = f.pop();
                tri!(self.delitem(&c, &k));
                breaker!();
            }
            Instr::BuildSet(n) => {
                let items = f.stack.split_off(f.stack.len() - n as usize);
                let s = tri!(crate::types::set::new_set_from(self, items));
                fr!().stack.push(s);
            }
            Instr::BuildMap(n) => {
                let items = f.stack.split_off(f.stack.len() - 2 * n as usize);
                let d = self.new_dict();
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    tri!(crate::types::dict::dict_set(self, &d, k, v));
                }
                fr!().stack.push(Value::Obj(d));
            }
            Instr::BuildString(n) => {
                let items = f.stack.split_off(f.stack.len() - n as usize);
                let mut s = String::new();
                for it in &items {
                    s.push_str(it.as_str().unwrap_or(""));
                }
                let v = self.new_string(s);
                fr!().stack.push(v);
            }
            Instr::SetAdd(d) => {
                let v = f.pop();
                let s = f.peek(d as usize).clone();
                tri!(crate::types::set::set_add(self, &s, v));
            }
            Instr::MapAdd(d) => {
                let v = f.pop();
                let k = f.pop();
                let m = f.peek(d as usize).clone();
                if let Value::Obj(o) = &m {
                    tri!(crate::types::dict::dict_set(self, o, k, v));
                }
            }
            Instr::ListExtend(d) => {
                let it = f.pop();
                let l = f.peek(d as usize).clone();
                let items = match self.collect(&it) {
                    Ok(v) => v,
                    Err(e) => {
                        if self.is_instance_of(&e, &types().exc.type_error.clone()) && self.iter(&it).is_err() {
                            let tn = self.type_name(&it);
                            return Err((self.type_error(&format!("Value after * must be an iterable, not {tn}")), false));
                        }
                        return Err((e, false));
                    }
                };
                if let Value::Obj(o) = &l {
                    if let Payload::List(cell) = &o.payload {
                        cell.lock().extend(items);
                    }
                }
            }
            Instr::SetUpdate(d) => {
                let it = f.pop();
                let s = f.peek(d as usize).clone();
                tri!(crate::types::set::set_update(self, &s, &it));
            }
            Instr::DictUpdate(d) => {
                let src = f.pop();
                let dst = f.peek(d as usize).clone();
                tri!(self.dict_update_from(&dst, &src, None));
            }
            Instr::DictMerge(d) => {
                // Stack: func, args, ..., dict (d from the top): func names errors.
                let src = f.pop();
                let dst = f.peek(d as usize).clone();
                let func = f.peek(d as usize + 2).clone();
                tri!(self.dict_update_from(&dst, &src, Some(&func)));
            }
            Instr::ListToTuple => {
                let l = f.pop();
                let items = tri!(self.collect(&l));
                fr!().stack.push(crate::types::tuple::new_tuple(items));
            }
            Instr::FormatValue(flags) => {
                let spec = if flags & 4 != 0 { Some(f.pop()) } else { None };
                let v = f.pop();
                let conv = flags & 3;
                let v = match conv {
                    1 => tri!(self.str_value(&v)),
                    2 => tri!(self.repr_value(&v)),
                    3 => {
                        let r = tri!(self.repr(&v));
                        self.new_string(crate::format::ascii_escape(&r))
                    }
                    _ => v,
                };
                let spec_s = spec.as_ref().and_then(|s| s.as_str().map(|x| x.to_string())).unwrap_or_default();
                let out = tri!(crate::format::format_value(self, &v, &spec_s));
                fr!().stack.push(out);
            }
            Instr::UnpackEx { before, after } => {
                let seq = f.pop();
                let items = tri!(self.unpack_ex(&seq, before as usize, after as usize));
                let f = fr!();
                for v in items.into_iter().rev() {
                    f.stack.push(v);
                }
            }
            Instr::MakeFunction(flags) => {
                let code = f.pop();
                let closure = if flags & 8 != 0 { Some(f.pop()) } else { None };
                let annotations = if flags & 4 != 0 { Some(f.pop()) } else { None };
                let kwdefaults = if flags & 2 != 0 { f.pop() } else { Value::None };
                let defaults = if flags & 1 != 0 { f.pop() } else { Value::None };
                let globals = f.globals.clone();
                let func = crate::types::function::make_function(self, &code, globals, defaults, kwdefaults, closure);
                if let (Some(ann), Value::Obj(fo)) = (annotations, &func) {
                    if let Payload::Function(fd) = &fo.payload {
                        *fd.annotations.lock() = ann;
                    }
                }
                fr!().stack.push(func);
            }
            Instr::LoadBuildClass => {
                let bc = crate::types::dict::dict_get_str(&f.builtins, "__build_class__");
                match bc {
                    Some(v) => f.stack.push(v),
                    None => {
                        let c = types().exc.name_error.clone();
                        return Err((self.new_exc(&c, "__build_class__ not found"), false));
                    }
                }
            }
            Instr::LoadLocals => {
                let l = f.locals.clone().unwrap_or(Value::None);
                f.stack.push(l);
            }
            Instr::LoadAssertionError => {
                f.stack.push(Value::Obj(types().exc.assertion_error.clone()));
            }
            Instr::Raise(kind) => {
                let e = match kind {
                    0 => {
                        if self.handled.is_none() {
                            return Err((self.runtime_error("No active exception to reraise"), false));
                        }
                        match &self.handled {
                            Value::Obj(o) => return Err((PyErr(o.clone()), true)),
                            _ => return Err((self.runtime_error("No active exception to reraise"), false)),
                        }
                    }
                    1 => {
                        let exc = f.pop();
                        tri!(self.make_raisable(&exc))
                    }
                    _ => {
                        let cause = f.pop();
                        let exc = f.pop();
                        let e = tri!(self.make_raisable(&exc));
                        let cause = tri!(self.make_cause(&cause));
                        if let Some(d) = crate::exceptions::exc_data(&e.0) {
                            let mut g = d.lock();
                            g.cause = cause;
                            g.suppress_context = true;
                        }
                        e
                    }
                };
                return Err((e, false));
            }
            Instr::Reraise => {
                let exc = f.pop();
                match exc {
                    Value::Obj(o) => return Err((PyErr(o), true)),
                    _ => return Err((self.runtime_error("bad reraise"), false)),
                }
            }
            Instr::PopExceptAndReraise => {
                let exc = f.pop();
                let prev = f.pop();
                self.handled = prev;
                match exc {
                    Value::Obj(o) => return Err((PyErr(o), true)),
                    _ => return Err((self.runtime_error("bad reraise"), false)),
                }
            }
            Instr::BeforeWith => {
                let mgr = f.pop();
                let (exit, entered) = tri!(self.with_enter(&mgr));
                let f = fr!();
                f.stack.push(exit);
                f.stack.push(entered);
            }
            Instr::GetAwaitable(w) => {
                let v = f.pop();
                let it = tri!(crate::coroutine::get_awaitable(self, &v, w));
                fr!().stack.push(it);
            }
            Instr::GetAiter => {
                let v = f.pop();
                let it = tri!(crate::coroutine::get_aiter(self, &v));
                fr!().stack.push(it);
            }
            Instr::GetAnext => {
                let aiter = f.top().clone();
                let aw = tri!(crate::coroutine::get_anext(self, &aiter));
                fr!().stack.push(aw);
            }
            Instr::EndAsyncFor => {
                let exc = f.pop();
                let is_stop = match &exc {
                    Value::Obj(o) => self.is_instance_of(&PyErr(o.clone()), &types().exc.stop_async_iteration.clone()),
                    _ => false,
                };
                if is_stop {
                    // Drop the async iterator; the exception was never "handled".
                    fr!().stack.pop();
                } else {
                    match exc {
                        Value::Obj(o) => return Err((PyErr(o), true)),
                        _ => return Err((self.runtime_error("bad reraise"), false)),
                    }
                }
            }
            Instr::BeforeAsyncWith => {
                let mgr = f.pop();
                let (exit, entered) = tri!(crate::coroutine::before_async_with(self, &mgr));
                let f = fr!();
                f.stack.push(exit);
                f.stack.push(entered);
            }
            Instr::AsyncWithExceptStart => {
                let exc = f.top().clone();
                let exit = f.peek(3).clone();
                let ty = Value::Obj(type_of(&exc).clone());
                let tb = match &exc {
                    Value::Obj(o) => crate::exceptions::exc_data(o).map(|d| d.lock().traceback.clone()).unwrap_or(Value::None),
                    _ => Value::None,
                };
                let r = tri!(self.call(&exit, &[ty, exc, tb], &[]));
                fr!().stack.push(r);
            }
            Instr::WithExitNormal => {
                let exit = f.pop();
                tri!(self.call(&exit, &[Value::None, Value::None, Value::None], &[]));
            }
            Instr::WithExceptStart => {
                let exc = f.top().clone();
                let exit = f.peek(3).clone();
                let ty = Value::Obj(type_of(&exc).clone());
                let tb = match &exc {
                    Value::Obj(o) => crate::exceptions::exc_data(o).map(|d| d.lock().traceback.clone()).unwrap_or(Value::None),
                    _ => Value::None,
                };
                let r = tri!(self.call(&exit, &[ty, exc, tb], &[]));
                let b = tri!(self.truthy(&r));
                fr!().stack.push(Value::Bool(b));
            }
            Instr::ImportName(i) => {
                let name = f.code.co.names[i as usize].clone();
                let fromlist = f.pop();
                let level = f.pop();
                let globals = f.globals.clone();
                let lvl = match level {
                    Value::Int(l) => l,
                    _ => 0,
                };
                let m = tri!(crate::import::import_module_level(self, &name, &globals, &fromlist, lvl));
                fr!().stack.push(m);
            }
            Instr::ImportFrom(i) => {
                let name = f.code.names[i as usize].clone();
                let m = f.top().clone();
                let v = tri!(crate::import::import_from(self, &m, &name));
                fr!().stack.push(v);
            }
            Instr::ImportStar => {
                let m = f.pop();
                let target = f.locals.clone().unwrap_or_else(|| Value::Obj(f.globals.clone()));
                tri!(crate::import::import_star(self, &m, &target));
            }
            Instr::MatchMapping | Instr::MatchSequence | Instr::MatchKeys | Instr::MatchClass(_) | Instr::GetLen => {
                // Pattern matching (`match_ops.rs`): the result replaces `pops` operands.
                let (pops, v) = tri!(crate::match_ops::exec(self, ins, crate::match_ops::top3(&f.stack)));
                let f = fr!();
                f.stack.truncate(f.stack.len().saturating_sub(pops));
                f.stack.push(v);
            }
            // The hot instructions are handled in `run_inner`.
            _ => {}
        }
        Ok(())
    }

    /// Find a handler for `err`, starting at the top frame and popping frames above `base`.
    fn unwind(&mut self, base: usize, err: PyErr, reraise: bool) -> Result<(), PyErr> {
        let exc = err.0;
        let mut first = true;
        loop {
            let top = self.frames.len() - 1;
            let f = self.frames.last_mut().expect("frame");
            if !(first && reraise) {
                if first {
                    set_context(&exc, &self.handled);
                }
                crate::traceback::add_entry(&exc, f);
            }
            first = false;
            let f = self.frames.last_mut().expect("frame");
            if let Some(b) = f.blocks.pop() {
                f.stack.truncate(b.depth as usize);
                f.stack.push(Value::Obj(exc));
                f.pc = b.handler as usize;
                return Ok(());
            }
            if top == base {
                return Err(PyErr(exc));
            }
            if let Some(done) = self.frames.pop() {
                if let Some(f) = crate::traceback::keep_frame(&exc, done) {
                    self.release_frame(f);
                }
            }
            self.depth -= 1;
        }
    }

    fn handle_breaker(&mut self) -> PyResult<()> {
        let bits = self.breaker.load(Ordering::Relaxed);
        if bits & crate::object::ptr::BREAK_FINALIZERS != 0 {
            self.run_finalizers();
        }
        if bits & crate::gc::registry::BREAK_GC != 0 {
            self.breaker.fetch_and(!crate::gc::registry::BREAK_GC, Ordering::Relaxed);
            crate::gc::collect_auto(self);
        }
        crate::stdlib::thread::on_breaker(self, bits)
    }

    #[cold]
    fn unbound_local(&mut self, fp: *mut Frame, i: u32) -> PyErr {
        // SAFETY: called from the eval loop with its live frame pointer.
        let f = unsafe { &*fp };
        let name = f.code.co.varnames[i as usize].clone();
        let c = types().exc.unbound_local_error.clone();
        self.new_exc(&c, &format!("cannot access local variable '{name}' where it is not associated with a value"))
    }

    fn unbound_deref(&mut self, fp: *mut Frame, i: usize) -> PyErr {
        // SAFETY: called from the eval loop with its live frame pointer.
        let f = unsafe { &*fp };
        let co = &f.code.co;
        if i < co.cellvars.len() {
            let name = co.cellvars[i].clone();
            let c = types().exc.unbound_local_error.clone();
            self.new_exc(&c, &format!("cannot access local variable '{name}' where it is not associated with a value"))
        } else {
            let name = co.freevars[i - co.cellvars.len()].clone();
            let c = types().exc.name_error.clone();
            self.new_exc(&c, &format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"))
        }
    }

    /// Read `name` from a namespace mapping (dict fast path).
    pub fn mapping_get(&mut self, m: &Value, name: &ObjRef) -> PyResult<Option<Value>> {
        if let Value::Obj(o) = m {
            if let Payload::Dict(_) = &o.payload {
                if o.cls_data().builtin {
                    return Ok(crate::types::dict::dict_get_interned(o, name));
                }
            }
        }
        match self.getitem(m, &Value::Obj(name.clone())) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.is_instance_of(&e, &types().exc.key_error.clone()) => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub fn mapping_set(&mut self, m: &Value, k: Value, v: Value) -> PyResult<()> {
        if let Value::Obj(o) = m {
            if let Payload::Dict(_) = &o.payload {
                if o.cls_data().builtin {
                    return crate::types::dict::dict_set(self, o, k, v);
                }
            }
        }
        self.setitem(m, &k, v)
    }

    /// `LoadMethod` fast path: a plain function or builtin method found on the type, not
    /// shadowed by the instance dict.
    pub(crate) fn method_lookup(&mut self, obj: &Value, name: &ObjRef) -> Option<Value> {
        let ty = type_of(obj);
        let ps = name.as_str()?;
        let descr = types::lookup_hashed(ty, ps.as_str(), ps.hash())?;
        let is_method = match &descr {
            Value::Obj(d) => matches!(d.payload, Payload::Function(_) | Payload::Builtin { bound: None, module: None, .. }),
            _ => false,
        };
        if !is_method {
            return None;
        }
        if let Value::Obj(o) = obj {
            // Types and `super` objects have their own attribute lookup.
            if matches!(o.payload, Payload::Type(_) | Payload::Super { .. }) {
                return None;
            }
            if crate::object::instance_attr(o, ps.as_str(), ps.hash()).is_some() {
                return None;
            }
            if !o.cls_data().builtin {
                if let Some(Value::Obj(g)) = types::lookup(ty, "__getattribute__") {
                    if !matches!(g.payload, Payload::Builtin { .. }) {
                        return None;
                    }
                }
            }
        }
        Some(descr)
    }

    fn exception_matches(&mut self, exc: &Value, ty: &Value) -> PyResult<bool> {
        let cls = type_of(exc).clone();
        match ty {
            Value::Obj(t) if t.as_type().is_some() => {
                if !types::is_subtype(t, &types().exc.base_exception) {
                    return Err(self.type_error("catching classes that do not inherit from BaseException is not allowed"));
                }
                Ok(types::is_subtype(&cls, t))
            }
            Value::Obj(t) if matches!(t.payload, Payload::Tuple(_)) => {
                let items = crate::types::tuple::tuple_items(ty).map(|s| s.to_vec()).unwrap_or_default();
                for it in items {
                    if self.exception_matches(exc, &it)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(self.type_error("catching classes that do not inherit from BaseException is not allowed")),
        }
    }

    /// Turn the operand of `raise` into an exception instance.
    pub fn make_raisable(&mut self, v: &Value) -> PyResult<PyErr> {
        if let Value::Obj(o) = v {
            if o.as_type().is_some() {
                if types::is_subtype(o, &types().exc.base_exception) {
                    let inst = self.call(v, &[], &[])?;
                    if let Value::Obj(i) = &inst {
                        if matches!(i.payload, Payload::Exception(_)) {
                            return Ok(PyErr(i.clone()));
                        }
                    }
                    let tn = self.type_name(&inst);
                    return Err(self.type_error(&format!("calling {} should have returned an instance of BaseException, not {tn}", o.type_data().name)));
                }
            } else if matches!(o.payload, Payload::Exception(_)) {
                return Ok(PyErr(o.clone()));
            }
        }
        Err(self.type_error("exceptions must derive from BaseException"))
    }

    fn with_enter(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        let ty = type_of(mgr).clone();
        let enter = types::lookup(&ty, "__enter__");
        let exit = types::lookup(&ty, "__exit__");
        let (Some(enter), Some(exit)) = (enter, exit) else {
            let tn = ty.type_data().name.clone();
            let msg = if types::lookup(&ty, "__enter__").is_none() { format!("'{tn}' object does not support the context manager protocol") } else { format!("'{tn}' object does not support the context manager protocol (missed __exit__ method)") };
            return Err(self.type_error(&msg));
        };
        let exit_b = self.descr_get(&exit, Some(mgr), &ty)?;
        let r = self.call(&enter, std::slice::from_ref(mgr), &[])?;
        Ok((exit_b, r))
    }

    pub fn unpack(&mut self, seq: &Value, n: usize) -> PyResult<Vec<Value>> {
        if let Value::Obj(o) = seq {
            // Subclasses may override iteration: only exact tuples and lists skip it.
            let fast = match &o.payload {
                _ if !o.cls_data().builtin => None,
                Payload::Tuple(t) => Some(t.to_vec()),
                Payload::List(l) => Some(l.lock().clone()),
                _ => None,
            };
            if let Some(items) = fast {
                if items.len() == n {
                    return Ok(items);
                }
                if items.len() < n {
                    return Err(self.value_error(&format!("not enough values to unpack (expected {n}, got {})", items.len())));
                }
                return Err(self.value_error(&format!("too many values to unpack (expected {n})")));
            }
        }
        let it = match self.iter(seq) {
            Ok(it) => it,
            Err(e) => {
                if self.is_instance_of(&e, &types().exc.type_error.clone()) {
                    let tn = self.type_name(seq);
                    return Err(self.type_error(&format!("cannot unpack non-iterable {tn} object")));
                }
                return Err(e);
            }
        };
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            match self.next(&it)? {
                Some(v) => out.push(v),
                None => return Err(self.value_error(&format!("not enough values to unpack (expected {n}, got {})", out.len()))),
            }
        }
        if self.next(&it)?.is_some() {
            return Err(self.value_error(&format!("too many values to unpack (expected {n})")));
        }
        Ok(out)
    }

    fn unpack_ex(&mut self, seq: &Value, before: usize, after: usize) -> PyResult<Vec<Value>> {
        let items = match self.collect(seq) {
            Ok(v) => v,
            Err(e) => {
                if self.is_instance_of(&e, &types().exc.type_error.clone()) && self.iter(seq).is_err() {
                    let tn = self.type_name(seq);
                    return Err(self.type_error(&format!("cannot unpack non-iterable {tn} object")));
                }
                return Err(e);
            }
        };
        if items.len() < before + after {
            return Err(self.value_error(&format!("not enough values to unpack (expected at least {}, got {})", before + after, items.len())));
        }
        let mut out = Vec::with_capacity(before + after + 1);
        out.extend_from_slice(&items[..before]);
        let mid = items[before..items.len() - after].to_vec();
        out.push(crate::types::list::new_list(mid));
        out.extend_from_slice(&items[items.len() - after..]);
        Ok(out)
    }

    /// `dict.update` (merge None) or the `**` merge of a call to `merge` (duplicate keys and
    /// non-str keys are errors naming the function).
    pub fn dict_update_from(&mut self, dst: &Value, src: &Value, merge: Option<&Value>) -> PyResult<()> {
        let Value::Obj(d) = dst else { return Ok(()) };
        let pairs: Vec<(Value, Value)> = match src {
            Value::Obj(s) if matches!(s.payload, Payload::Dict(_)) => crate::types::dict::dict_items(s),
            _ => {
                let keys_m = match self.get_attr_opt(src, "keys")? {
                    Some(k) => k,
                    None => {
                        let tn = self.type_name(src);
                        let msg = match merge {
                            Some(func) => format!("{} argument after ** must be a mapping, not {tn}", self.function_str(func)),
                            None => format!("'{tn}' object is not a mapping"),
                        };
                        return Err(self.type_error(&msg));
                    }
                };
                let keys = self.call(&keys_m, &[], &[])?;
                let keys = self.collect(&keys)?;
                let mut out = Vec::new();
                for k in keys {
                    let v = self.getitem(src, &k)?;
                    out.push((k, v));
                }
                out
            }
        };
        for (k, v) in pairs {
            if let Some(func) = merge {
                if k.as_str().is_none() {
                    return Err(self.type_error("keywords must be strings"));
                }
                if crate::types::dict::dict_get(self, d, &k)?.is_some() {
                    let ks = self.to_str(&k)?;
                    let fs = self.function_str(func);
                    return Err(self.type_error(&format!("{fs} got multiple values for keyword argument '{ks}'")));
                }
            }
            crate::types::dict::dict_set(self, d, k, v)?;
        }
        Ok(())
    }
}

impl Vm {
    /// CPython's `_PyObject_FunctionStr`: `module.qualname()` (no module for builtins), or
    /// `<type name> object` for callables without a qualified name.
    pub fn function_str(&mut self, func: &Value) -> String {
        let qual = match self.get_attr_opt(func, "__qualname__") {
            Ok(Some(q)) => q.as_str().map(|s| s.to_string()),
            _ => None,
        };
        let Some(qual) = qual else { return format!("{} object", self.type_name(func)) };
        let module = match self.get_attr_opt(func, "__module__") {
            Ok(Some(m)) => m.as_str().map(|s| s.to_string()),
            _ => None,
        };
        match module {
            Some(m) if m != "builtins" => format!("{m}.{qual}()"),
            _ => format!("{qual}()"),
        }
    }
}

pub enum CallOutcome {
    /// A Python frame was pushed; the loop continues in it.
    Pushed,
    Value(Value),
}

/// Set `__context__` of a newly raised exception to the exception being handled.
fn set_context(exc: &ObjRef, handled: &Value) {
    let Value::Obj(h) = handled else { return };
    if h.is(exc) {
        return;
    }
    if let Some(d) = crate::exceptions::exc_data(exc) {
        let mut g = d.lock();
        if g.context.is_none() {
            // Avoid cycles: don't chain to an exception whose context chain contains exc.
            g.context = Value::Obj(h.clone());
        }
    }
}

#[inline(always)]
pub fn cell_get(c: &ObjRef) -> Value {
    match &c.payload {
        Payload::Cell(v) => {
            if crate::sync::free_threaded() {
                v.lock().clone()
            } else {
                v.lock_gil().clone_gil()
            }
        }
        _ => Value::Null,
    }
}

pub fn cell_set(c: &ObjRef, v: Value) -> Value {
    match &c.payload {
        Payload::Cell(cell) => std::mem::replace(&mut *cell.lock(), v),
        _ => Value::Null,
    }
}

pub fn new_cell(v: Value) -> ObjRef {
    ObjRef::new(types().cell.clone(), Payload::Cell(crate::sync::PyCell::new(v)))
}
