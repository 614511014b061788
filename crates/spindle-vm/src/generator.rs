//! Generators: a generator object owns a suspended [`Frame`]. Resuming pushes the frame on the
//! thread's frame stack and runs the eval loop until it yields or returns. Coroutines and async
//! generators (`coroutine.rs`) are the same object with another kind and class
//! (`Payload::Coroutine`): this file holds the machinery they share, including CPython's
//! delegation of `throw`/`close` to the sub-iterator a frame suspended in `yield from`/`await`
//! is waiting on.

use crate::eval::{Exit, Frame};
use crate::object::{FunctionData, ObjRef, Payload};
use crate::sync::PyCell;
use crate::types::types;
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyErr, PyResult};
use spindle_compiler::bytecode::{flags, Instr};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

impl GenKind {
    /// The name CPython's messages use.
    pub fn name(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        }
    }
}

pub struct GenState {
    pub frame: Option<Box<Frame>>,
    pub started: bool,
    pub running: bool,
    pub name: Value,
    pub qualname: Value,
    pub kind: GenKind,
    /// A generator made by a `types.coroutine` function: awaitable (`CO_ITERABLE_COROUTINE`).
    pub iterable_coro: bool,
    /// Async generators: the last value came from a `yield` of this frame (not from an `await`
    /// passing a value through): CPython's wrapped values (`ASYNC_GEN_WRAP`).
    pub yielded_direct: bool,
    /// Async generators: an `asend`/`athrow` awaitable is being run (`ag_running_async`).
    pub running_async: bool,
    /// Async generators: `aclose()` was started or the generator finished (`ag_closed`).
    pub closed: bool,
    /// Coroutines and async generators: the code (`cr_code`/`ag_code` outlive the frame).
    pub code: Option<std::sync::Arc<crate::code::Code>>,
}

pub enum GenResult {
    Yield(Value),
    Return(Value),
}

pub fn new_generator(_vm: &mut Vm, frame: Box<Frame>, fd: &FunctionData) -> Value {
    let f = fd.code.co.flags;
    let kind = if f & flags::COROUTINE != 0 {
        GenKind::Coroutine
    } else if f & flags::ASYNC_GENERATOR != 0 {
        GenKind::AsyncGenerator
    } else {
        GenKind::Generator
    };
    let st = GenState {
        frame: Some(frame),
        started: false,
        running: false,
        name: fd.name.lock().clone(),
        qualname: fd.qualname.lock().clone(),
        kind,
        iterable_coro: f & flags::ITERABLE_COROUTINE != 0,
        yielded_direct: false,
        running_async: false,
        closed: false,
        code: if kind == GenKind::Generator { None } else { Some(fd.code.clone()) },
    };
    let t = types();
    let obj = match kind {
        GenKind::Generator => ObjRef::new(t.generator.clone(), Payload::Generator(PyCell::new(st))),
        GenKind::Coroutine => ObjRef::new(t.coroutine.clone(), Payload::Coroutine(PyCell::new(st))),
        GenKind::AsyncGenerator => ObjRef::new(t.async_generator.clone(), Payload::Coroutine(PyCell::new(st))),
    };
    Value::Obj(obj)
}

pub fn gen_state(g: &ObjRef) -> Option<&PyCell<GenState>> {
    match &g.payload {
        Payload::Generator(s) | Payload::Coroutine(s) => Some(s),
        _ => None,
    }
}

/// The kind of a generator-like object, if it is one.
pub fn kind_of(g: &ObjRef) -> Option<GenKind> {
    gen_state(g).map(|s| s.lock().kind)
}

/// The object a suspended frame is delegating to (`yield from`/`await`): CPython's `_PyGen_yf`.
pub fn yielding_from(g: &ObjRef) -> Option<Value> {
    let st = gen_state(g)?.lock();
    let f = st.frame.as_ref()?;
    if !st.started || st.running {
        return None;
    }
    if matches!(f.code.instrs.get(f.pc), Some(Instr::YieldFrom)) {
        return f.stack.last().cloned();
    }
    None
}

/// Resume `g`, sending `value` in (or raising `exc` at the yield point: the exception goes to
/// the sub-iterator first when the frame is suspended in `yield from`/`await`).
pub fn resume(vm: &mut Vm, g: &ObjRef, value: Value, exc: Option<PyErr>) -> PyResult<GenResult> {
    match exc {
        None => resume_frame(vm, g, value, None),
        Some(e) => throw(vm, g, e, true),
    }
}

fn set_running(g: &ObjRef, on: bool) {
    if let Some(s) = gen_state(g) {
        s.lock().running = on;
    }
}

/// CPython's `_gen_throw`: throw `exc` into `g`. `close_on_genexit`: a GeneratorExit closes
/// the sub-iterator instead of being thrown into it (false for async generators' `athrow`).
pub fn throw(vm: &mut Vm, g: &ObjRef, exc: PyErr, close_on_genexit: bool) -> PyResult<GenResult> {
    let Some(yf) = yielding_from(g) else { return resume_frame(vm, g, Value::None, Some(exc)) };
    let t = types();
    if close_on_genexit && vm.is_instance_of(&exc, &t.exc.generator_exit.clone()) {
        set_running(g, true);
        let r = close_iter(vm, &yf);
        set_running(g, false);
        return match r {
            Err(e) => resume_frame(vm, g, Value::None, Some(e)),
            Ok(()) => resume_frame(vm, g, Value::None, Some(exc)),
        };
    }
    let r = match &yf {
        Value::Obj(o) if matches!(o.payload, Payload::Generator(_) | Payload::Coroutine(_)) => {
            set_running(g, true);
            let r = throw(vm, o, exc, close_on_genexit);
            set_running(g, false);
            r
        }
        _ => {
            let meth = match vm.get_attr_opt(&yf, "throw") {
                Ok(m) => m,
                Err(e) => return resume_frame(vm, g, Value::None, Some(e)),
            };
            let Some(meth) = meth else { return resume_frame(vm, g, Value::None, Some(exc)) };
            set_running(g, true);
            let r = vm.call(&meth, &[Value::Obj(exc.0.clone())], &[]);
            set_running(g, false);
            match r {
                Ok(v) => Ok(GenResult::Yield(v)),
                Err(e) if vm.is_instance_of(&e, &t.exc.stop_iteration.clone()) => {
                    let v = vm.get_attr_str(&Value::Obj(e.0.clone()), "value").unwrap_or(Value::None);
                    Ok(GenResult::Return(v))
                }
                Err(e) => Err(e),
            }
        }
    };
    match r {
        Ok(GenResult::Yield(v)) => Ok(GenResult::Yield(v)),
        other => {
            // The sub-iterator finished: leave the `yield from` (pop it, step past the
            // instruction) and go on with its value or its exception.
            if let Some(s) = gen_state(g) {
                let mut st = s.lock();
                if let Some(f) = st.frame.as_mut() {
                    f.stack.pop();
                    f.pc += 1;
                }
            }
            match other {
                Ok(GenResult::Return(v)) => resume_frame(vm, g, v, None),
                Err(e) => resume_frame(vm, g, Value::None, Some(e)),
                Ok(GenResult::Yield(_)) => unreachable_yield(vm),
            }
        }
    }
}

fn unreachable_yield(vm: &mut Vm) -> PyResult<GenResult> {
    Err(vm.runtime_error("generator delegation in an impossible state"))
}

/// Close what a `yield from`/`await` waits on (CPython's `gen_close_iter`).
fn close_iter(vm: &mut Vm, yf: &Value) -> PyResult<()> {
    if let Value::Obj(o) = yf {
        if matches!(o.payload, Payload::Generator(_) | Payload::Coroutine(_)) {
            return close(vm, o);
        }
    }
    if let Some(m) = vm.get_attr_opt(yf, "close")? {
        vm.call(&m, &[], &[])?;
    }
    Ok(())
}

/// Run the frame of `g` once: send `value` in, or raise `exc` at the suspension point.
fn resume_frame(vm: &mut Vm, g: &ObjRef, value: Value, exc: Option<PyErr>) -> PyResult<GenResult> {
    let Some(st) = gen_state(g) else { return Err(vm.type_error("not a generator")) };
    let (mut frame, started) = {
        let mut s = st.lock();
        let kind = s.kind;
        if s.running {
            drop(s);
            return Err(vm.value_error(&format!("{} already executing", kind.name())));
        }
        match s.frame.take() {
            Some(f) => {
                if !s.started && !value.is_none() && exc.is_none() {
                    s.frame = Some(f);
                    drop(s);
                    return Err(vm.type_error(&format!("can't send non-None value to a just-started {}", kind.name())));
                }
                s.running = true;
                let started = s.started;
                s.started = true;
                (f, started)
            }
            None => {
                drop(s);
                if kind == GenKind::Coroutine {
                    return Err(vm.runtime_error("cannot reuse already awaited coroutine"));
                }
                return match exc {
                    Some(e) => Err(e),
                    None => Ok(GenResult::Return(Value::None)),
                };
            }
        }
    };
    if started && exc.is_none() {
        frame.stack.push(value);
    }
    let limit = crate::vm::interp().recursion_limit.load(std::sync::atomic::Ordering::Relaxed);
    if vm.recursion_depth() >= limit {
        let mut s = st.lock();
        s.frame = Some(frame);
        s.running = false;
        drop(s);
        return Err(vm.recursion_error());
    }
    if let Err(e) = vm.check_stack() {
        let mut s = st.lock();
        s.frame = Some(frame);
        s.running = false;
        return Err(e);
    }
    vm.frames.push(frame);
    let base = vm.frames.len() - 1;
    let r = vm.run(base, exc);
    let frame = vm.frames.pop();
    let mut s = st.lock();
    s.running = false;
    let kind = s.kind;
    match r {
        Ok(Exit::Yield(v)) => {
            if kind == GenKind::AsyncGenerator {
                s.yielded_direct = frame.as_ref().is_some_and(|f| matches!(f.code.instrs.get(f.lasti), Some(Instr::YieldValue)));
            }
            s.frame = frame;
            Ok(GenResult::Yield(v))
        }
        Ok(Exit::Return(v)) => {
            drop(s);
            // The finished frame goes back to the pool (emptied now, as CPython clears it).
            if let Some(f) = frame {
                vm.release_frame(f);
            }
            Ok(GenResult::Return(v))
        }
        Err(e) => {
            drop(s);
            // The finished frame stays reachable from the traceback (`tb_frame`), as the
            // frames `run_frame` leaves.
            if let Some(f) = frame {
                drop(crate::traceback::keep_frame(&e.0, f));
            }
            let t = types();
            let bad = if vm.is_instance_of(&e, &t.exc.stop_iteration.clone()) {
                Some("StopIteration")
            } else if kind == GenKind::AsyncGenerator && vm.is_instance_of(&e, &t.exc.stop_async_iteration.clone()) {
                Some("StopAsyncIteration")
            } else {
                None
            };
            if let Some(what) = bad {
                let re = vm.runtime_error(&format!("{} raised {what}", kind.name()));
                if let Some(d) = crate::exceptions::exc_data(&re.0) {
                    let mut g = d.lock();
                    g.cause = Value::Obj(e.0.clone());
                    g.context = Value::Obj(e.0.clone());
                    g.suppress_context = true;
                }
                return Err(re);
            }
            Err(e)
        }
    }
}

/// `next(gen)` for the iteration protocol: Ok(None) when finished.
pub fn gen_next(vm: &mut Vm, g: &ObjRef) -> PyResult<Option<Value>> {
    match resume(vm, g, Value::None, None)? {
        GenResult::Yield(v) => Ok(Some(v)),
        GenResult::Return(_) => Ok(None),
    }
}

/// One step of `yield from sub` / `await sub` with `sent` sent in.
pub fn delegate(vm: &mut Vm, sub: &Value, sent: Value) -> PyResult<GenResult> {
    if let Value::Obj(o) = sub {
        if matches!(o.payload, Payload::Generator(_) | Payload::Coroutine(_)) && o.cls_data().builtin {
            return resume(vm, o, sent, None);
        }
    }
    let r = if sent.is_none() && crate::types::iters::native_next_kind(sub).is_some() {
        match vm.next(sub) {
            Ok(Some(v)) => return Ok(GenResult::Yield(v)),
            Ok(None) => {
                return Ok(GenResult::Return(Value::None));
            }
            Err(e) => Err(e),
        }
    } else if sent.is_none() {
        // `__next__` itself: its StopIteration carries the result of the `await`.
        match vm.call_special(sub, "__next__", &[]) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => {
                let tn = vm.type_name(sub);
                Err(vm.type_error(&format!("'{tn}' object is not an iterator")))
            }
            Err(e) => Err(e),
        }
    } else {
        vm.call_method(sub, "send", &[sent])
    };
    match r {
        Ok(v) => Ok(GenResult::Yield(v)),
        Err(e) if vm.is_instance_of(&e, &types().exc.stop_iteration.clone()) => {
            let v = vm.get_attr_str(&Value::Obj(e.0.clone()), "value").unwrap_or(Value::None);
            Ok(GenResult::Return(v))
        }
        Err(e) => Err(e),
    }
}

fn self_gen<'a>(vm: &mut Vm, a: &'a Args, kind: GenKind) -> PyResult<&'a ObjRef> {
    match a.args.first() {
        Some(Value::Obj(o)) if kind_of(o) == Some(kind) => Ok(o),
        _ => {
            let want = match kind {
                GenKind::Generator => "generator",
                GenKind::Coroutine => "coroutine",
                GenKind::AsyncGenerator => "async_generator",
            };
            Err(vm.type_error(&format!("descriptor requires a '{want}' object")))
        }
    }
}

pub fn finish(vm: &mut Vm, r: GenResult) -> PyResult {
    match r {
        GenResult::Yield(v) => Ok(v),
        GenResult::Return(v) => Err(vm.stop_iteration(if v.is_none() { None } else { Some(v) })),
    }
}

fn gen_send(vm: &mut Vm, a: Args) -> PyResult {
    let g = self_gen(vm, &a, GenKind::Generator)?.clone();
    let v = a.args.get(1).cloned().unwrap_or(Value::None);
    let r = resume(vm, &g, v, None)?;
    finish(vm, r)
}

fn gen_next_m(vm: &mut Vm, a: Args) -> PyResult {
    let g = self_gen(vm, &a, GenKind::Generator)?.clone();
    let r = resume(vm, &g, Value::None, None)?;
    finish(vm, r)
}

/// The exception `throw(typ[, val[, tb]])` raises (arguments after self).
pub fn throw_args(vm: &mut Vm, args: &[Value]) -> PyResult<PyErr> {
    let typ = args.first().cloned().unwrap_or(Value::None);
    let val = args.get(1).cloned().unwrap_or(Value::None);
    let exc = match (&typ, &val) {
        (Value::Obj(t), v) if t.as_type().is_some() && !v.is_none() => {
            if let Value::Obj(vo) = v {
                if matches!(vo.payload, Payload::Exception(_)) {
                    PyErr(vo.clone())
                } else {
                    let inst = vm.call(&typ, std::slice::from_ref(v), &[])?;
                    vm.make_raisable(&inst)?
                }
            } else {
                let inst = vm.call(&typ, std::slice::from_ref(v), &[])?;
                vm.make_raisable(&inst)?
            }
        }
        _ => vm.make_raisable(&typ)?,
    };
    Ok(exc)
}

fn gen_throw(vm: &mut Vm, a: Args) -> PyResult {
    let g = self_gen(vm, &a, GenKind::Generator)?.clone();
    let exc = throw_args(vm, &a.args[1..])?;
    let r = throw(vm, &g, exc, true)?;
    finish(vm, r)
}

fn gen_close(vm: &mut Vm, a: Args) -> PyResult {
    let g = self_gen(vm, &a, GenKind::Generator)?.clone();
    close(vm, &g).map(|_| Value::None)
}

/// `generator.close()` (and coroutines'): close what the frame waits on, then raise
/// GeneratorExit at the suspension point (CPython's `gen_close`).
pub fn close(vm: &mut Vm, g: &ObjRef) -> PyResult<()> {
    let g = g.clone();
    let Some(st) = gen_state(&g) else { return Ok(()) };
    let (has_frame, started, kind) = {
        let s = st.lock();
        (s.frame.is_some(), s.started, s.kind)
    };
    if !has_frame {
        return Ok(());
    }
    if !started {
        let f = st.lock().frame.take();
        drop(f);
        return Ok(());
    }
    let mut err = None;
    if let Some(yf) = yielding_from(&g) {
        set_running(&g, true);
        let r = close_iter(vm, &yf);
        set_running(&g, false);
        if let Err(e) = r {
            err = Some(e);
        }
    }
    let exc = match err {
        Some(e) => e,
        None => PyErr(crate::exceptions::new_exception(&types().exc.generator_exit.clone(), vec![])),
    };
    match resume_frame(vm, &g, Value::None, Some(exc)) {
        Ok(GenResult::Yield(_)) => Err(vm.runtime_error(&format!("{} ignored GeneratorExit", kind.name()))),
        Ok(GenResult::Return(_)) => Ok(()),
        Err(e) => {
            let t = types();
            if vm.is_instance_of(&e, &t.exc.generator_exit.clone()) || vm.is_instance_of(&e, &t.exc.stop_iteration.clone()) {
                Ok(())
            } else {
                Err(e)
            }
        }
    }
}

fn gen_iter(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(a.args[0].clone())
}

pub fn init(t: &crate::types::BuiltinTypes) {
    crate::types::add_methods(&t.generator, &[("send", gen_send), ("__next__", gen_next_m), ("throw", gen_throw), ("close", gen_close), ("__iter__", gen_iter)]);
    crate::coroutine::init(t);
}
