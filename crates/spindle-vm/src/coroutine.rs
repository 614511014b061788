//! Coroutines and async generators (CPython's `genobject.c`): the objects share the generator
//! machinery of `generator.rs` (`Payload::Coroutine` holds the same `GenState`, with kind
//! `Coroutine` or `AsyncGenerator`). This file holds their methods, the helper objects
//! (`coroutine_wrapper` returned by `__await__`, the `async_generator_asend`/`athrow`
//! awaitables) and the protocol helpers of the `await`, `async for` and `async with`
//! instructions.

use crate::generator::{self, finish, gen_state, kind_of, throw_args, yielding_from, GenKind, GenResult};
use crate::object::{ObjRef, Payload};
use crate::sync::PyCell;
use crate::types::{type_of, types};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyErr, PyResult};

// ----- await -----

fn is_coroutine(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.payload, Payload::Coroutine(_)) && kind_of(o) == Some(GenKind::Coroutine))
}

/// A coroutine, or a generator of a `types.coroutine` function (CPython's
/// `PyCoro_CheckExact || gen_is_coroutine`).
fn is_awaitable_native(v: &Value) -> bool {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Coroutine(s) => s.lock().kind == GenKind::Coroutine,
            Payload::Generator(s) => s.lock().iterable_coro,
            _ => false,
        },
        _ => false,
    }
}

/// CPython's `GET_AWAITABLE`: the iterator `await v` delegates to. `where_`: 0 `await`,
/// 1 the result of `__aenter__`, 2 the result of `__aexit__` (for the TypeError).
pub fn get_awaitable(vm: &mut Vm, v: &Value, where_: u32) -> PyResult {
    if is_awaitable_native(v) {
        if is_coroutine(v) {
            if let Value::Obj(o) = v {
                if yielding_from(o).is_some() {
                    return Err(vm.runtime_error("coroutine is being awaited already"));
                }
            }
        }
        return Ok(v.clone());
    }
    let tn = vm.type_name(v);
    let Some(m) = vm.lookup_special(v, "__await__") else {
        let msg = match where_ {
            1 => format!("'async with' received an object from __aenter__ that does not implement __await__: {tn}"),
            2 => format!("'async with' received an object from __aexit__ that does not implement __await__: {tn}"),
            _ => format!("object {tn} can't be used in 'await' expression"),
        };
        return Err(vm.type_error(&msg));
    };
    let it = vm.call(&m, std::slice::from_ref(v), &[])?;
    if is_awaitable_native(&it) {
        return Err(vm.type_error("__await__() returned a coroutine"));
    }
    if crate::types::iters::native_next_kind(&it).is_none() && vm.lookup_special(&it, "__next__").is_none() {
        let tn = vm.type_name(&it);
        return Err(vm.type_error(&format!("__await__() returned non-iterator of type '{tn}'")));
    }
    Ok(it)
}

/// CPython's `GET_AITER`.
pub fn get_aiter(vm: &mut Vm, v: &Value) -> PyResult {
    let Some(m) = vm.lookup_special(v, "__aiter__") else {
        let tn = vm.type_name(v);
        return Err(vm.type_error(&format!("'async for' requires an object with __aiter__ method, got {tn}")));
    };
    let it = vm.call(&m, std::slice::from_ref(v), &[])?;
    if vm.lookup_special(&it, "__anext__").is_none() {
        let tn = vm.type_name(&it);
        return Err(vm.type_error(&format!("'async for' received an object from __aiter__ that does not implement __anext__: {tn}")));
    }
    Ok(it)
}

/// CPython's `GET_ANEXT`: the awaitable of `aiter.__anext__()`.
pub fn get_anext(vm: &mut Vm, aiter: &Value) -> PyResult {
    if let Value::Obj(o) = aiter {
        if kind_of(o) == Some(GenKind::AsyncGenerator) && o.cls_data().builtin {
            return Ok(new_asend(o, Value::None));
        }
    }
    let Some(m) = vm.lookup_special(aiter, "__anext__") else {
        let tn = vm.type_name(aiter);
        return Err(vm.type_error(&format!("'async for' requires an iterator with __anext__ method, got {tn}")));
    };
    let r = vm.call(&m, std::slice::from_ref(aiter), &[])?;
    match get_awaitable(vm, &r, 0) {
        Ok(a) => Ok(a),
        Err(e) => {
            let tn = vm.type_name(&r);
            let ne = vm.type_error(&format!("'async for' received an invalid object from __anext__: {tn}"));
            if let Some(d) = crate::exceptions::exc_data(&ne.0) {
                let mut g = d.lock();
                g.cause = Value::Obj(e.0.clone());
                g.context = Value::Obj(e.0.clone());
                g.suppress_context = true;
            }
            Err(ne)
        }
    }
}

/// CPython's `BEFORE_ASYNC_WITH`: (bound `__aexit__`, result of `__aenter__()`).
pub fn before_async_with(vm: &mut Vm, mgr: &Value) -> PyResult<(Value, Value)> {
    let ty = type_of(mgr).clone();
    let tn = ty.type_data().name.clone();
    let Some(enter) = crate::types::lookup(&ty, "__aenter__") else {
        return Err(vm.type_error(&format!("'{tn}' object does not support the asynchronous context manager protocol")));
    };
    let Some(exit) = crate::types::lookup(&ty, "__aexit__") else {
        return Err(vm.type_error(&format!("'{tn}' object does not support the asynchronous context manager protocol (missed __aexit__ method)")));
    };
    let exit_b = vm.descr_get(&exit, Some(mgr), &ty)?;
    let r = vm.call(&enter, std::slice::from_ref(mgr), &[])?;
    Ok((exit_b, r))
}

// ----- coroutine methods -----

fn self_coro<'a>(vm: &mut Vm, a: &'a Args, kind: GenKind, what: &str) -> PyResult<&'a ObjRef> {
    match a.args.first() {
        Some(Value::Obj(o)) if matches!(o.payload, Payload::Coroutine(_)) && kind_of(o) == Some(kind) => Ok(o),
        _ => Err(vm.type_error(&format!("descriptor requires a '{what}' object"))),
    }
}

fn coro_send(vm: &mut Vm, a: Args) -> PyResult {
    let g = self_coro(vm, &a, GenKind::Coroutine, "coroutine")?.clone();
    let v = a.args.get(1).cloned().unwrap_or(Value::None);
    let r = generator::resume(vm, &g, v, None)?;
    finish(vm, r)
}

fn coro_throw(vm: &mut Vm, a: Args) -> PyResult {
    let g = self_coro(vm, &a, GenKind::Coroutine, "coroutine")?.clone();
    if a.args.len() < 2 {
        return Err(vm.type_error(&format!("throw expected at least 1 argument, got {}", a.args.len().saturating_sub(1))));
    }
    let exc = throw_args(vm, &a.args[1..])?;
    let r = generator::throw(vm, &g, exc, true)?;
    finish(vm, r)
}

fn coro_close(vm: &mut Vm, a: Args) -> PyResult {
    let g = self_coro(vm, &a, GenKind::Coroutine, "coroutine")?.clone();
    generator::close(vm, &g).map(|_| Value::None)
}

/// `coroutine.__await__()`: a `coroutine_wrapper` iterating the coroutine.
fn coro_await(vm: &mut Vm, a: Args) -> PyResult {
    let g = self_coro(vm, &a, GenKind::Coroutine, "coroutine")?.clone();
    Ok(Value::Obj(ObjRef::new(types().coroutine_wrapper.clone(), Payload::Native(Box::new(CoroWrapper { coro: g })))))
}

struct CoroWrapper {
    coro: ObjRef,
}

fn wrapped(vm: &mut Vm, a: &Args) -> PyResult<ObjRef> {
    if let Some(Value::Obj(o)) = a.args.first() {
        if let Payload::Native(n) = &o.payload {
            if let Some(w) = n.downcast_ref::<CoroWrapper>() {
                return Ok(w.coro.clone());
            }
        }
    }
    Err(vm.type_error("descriptor requires a 'coroutine_wrapper' object"))
}

fn cw_next(vm: &mut Vm, a: Args) -> PyResult {
    let g = wrapped(vm, &a)?;
    let r = generator::resume(vm, &g, Value::None, None)?;
    finish(vm, r)
}

fn cw_send(vm: &mut Vm, a: Args) -> PyResult {
    let g = wrapped(vm, &a)?;
    let v = a.args.get(1).cloned().unwrap_or(Value::None);
    let r = generator::resume(vm, &g, v, None)?;
    finish(vm, r)
}

fn cw_throw(vm: &mut Vm, a: Args) -> PyResult {
    let g = wrapped(vm, &a)?;
    if a.args.len() < 2 {
        return Err(vm.type_error(&format!("throw expected at least 1 argument, got {}", a.args.len().saturating_sub(1))));
    }
    let exc = throw_args(vm, &a.args[1..])?;
    let r = generator::throw(vm, &g, exc, true)?;
    finish(vm, r)
}

fn cw_close(vm: &mut Vm, a: Args) -> PyResult {
    let g = wrapped(vm, &a)?;
    generator::close(vm, &g).map(|_| Value::None)
}

fn return_self(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(a.args.first().cloned().unwrap_or(Value::None))
}

// ----- async generators -----

#[derive(Clone, Copy, PartialEq, Eq)]
enum AwState {
    Init,
    Iter,
    Closed,
}

/// `async_generator_asend` (`args` None) and `async_generator_athrow` (`throw` set; `args`
/// None for `aclose()`). Protected by its own lock.
struct AgAwaitable {
    gen: ObjRef,
    throw: bool,
    /// asend: the value to send; athrow: the `throw` arguments (None for aclose).
    arg: Option<Vec<Value>>,
    state: PyCell<AwState>,
}

fn new_asend(g: &ObjRef, v: Value) -> Value {
    let aw = AgAwaitable { gen: g.clone(), throw: false, arg: Some(vec![v]), state: PyCell::new(AwState::Init) };
    Value::Obj(ObjRef::new(types().async_generator_asend.clone(), Payload::Native(Box::new(aw))))
}

fn new_athrow(g: &ObjRef, args: Option<Vec<Value>>) -> Value {
    let aw = AgAwaitable { gen: g.clone(), throw: true, arg: args, state: PyCell::new(AwState::Init) };
    Value::Obj(ObjRef::new(types().async_generator_athrow.clone(), Payload::Native(Box::new(aw))))
}

fn ag_set(g: &ObjRef, f: impl FnOnce(&mut generator::GenState)) {
    if let Some(s) = gen_state(g) {
        f(&mut s.lock());
    }
}

/// CPython's `async_gen_unwrap_value`: a value yielded by the async generator itself ends the
/// awaitable (StopIteration carrying it); a value an inner `await` passes through is yielded on.
fn unwrap_value(vm: &mut Vm, g: &ObjRef, r: PyResult<GenResult>) -> PyResult {
    let t = types();
    match r {
        Ok(GenResult::Yield(v)) => {
            let direct = gen_state(g).map(|s| s.lock().yielded_direct).unwrap_or(false);
            if direct {
                ag_set(g, |s| s.running_async = false);
                Err(vm.stop_iteration(Some(v)))
            } else {
                Ok(v)
            }
        }
        Ok(GenResult::Return(_)) => {
            ag_set(g, |s| {
                s.running_async = false;
                s.closed = true;
            });
            Err(empty_stop_async())
        }
        Err(e) => {
            let closes = vm.is_instance_of(&e, &t.exc.stop_async_iteration.clone()) || vm.is_instance_of(&e, &t.exc.generator_exit.clone());
            ag_set(g, |s| {
                s.running_async = false;
                if closes {
                    s.closed = true;
                }
            });
            Err(e)
        }
    }
}

fn empty_stop_async() -> PyErr {
    PyErr(crate::exceptions::new_exception(&types().exc.stop_async_iteration.clone(), vec![]))
}

fn aw_of<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a AgAwaitable> {
    if let Some(Value::Obj(o)) = a.args.first() {
        if let Payload::Native(n) = &o.payload {
            if let Some(w) = n.downcast_ref::<AgAwaitable>() {
                return Ok(w);
            }
        }
    }
    Err(vm.type_error("descriptor requires an async generator awaitable"))
}

fn aw_send_impl(vm: &mut Vm, aw: &AgAwaitable, arg: Value) -> PyResult {
    let g = aw.gen.clone();
    let state = *aw.state.lock();
    if !aw.throw {
        if state == AwState::Closed {
            return Err(vm.runtime_error("cannot reuse already awaited __anext__()/asend()"));
        }
        let mut arg = arg;
        if state == AwState::Init {
            if gen_state(&g).is_some_and(|s| s.lock().running_async) {
                return Err(vm.runtime_error("anext(): asynchronous generator is already running"));
            }
            if arg.is_none() {
                arg = aw.arg.as_ref().and_then(|v| v.first().cloned()).unwrap_or(Value::None);
            }
            *aw.state.lock() = AwState::Iter;
        }
        ag_set(&g, |s| s.running_async = true);
        let r = generator::resume(vm, &g, arg, None);
        let r = unwrap_value(vm, &g, r);
        if r.is_err() {
            *aw.state.lock() = AwState::Closed;
        }
        return r;
    }
    // athrow / aclose
    if state == AwState::Closed {
        return Err(vm.runtime_error("cannot reuse already awaited aclose()/athrow()"));
    }
    if gen_state(&g).is_some_and(|s| s.lock().frame.is_none()) {
        *aw.state.lock() = AwState::Closed;
        return Err(vm.stop_iteration(None));
    }
    let is_close = aw.arg.is_none();
    if state == AwState::Init {
        if gen_state(&g).is_some_and(|s| s.lock().running_async) {
            *aw.state.lock() = AwState::Closed;
            return Err(vm.runtime_error(if is_close { "aclose(): asynchronous generator is already running" } else { "athrow(): asynchronous generator is already running" }));
        }
        if gen_state(&g).is_some_and(|s| s.lock().closed) {
            *aw.state.lock() = AwState::Closed;
            return Err(empty_stop_async());
        }
        if !arg.is_none() {
            return Err(vm.runtime_error("can't send non-None value to a just-started coroutine"));
        }
        *aw.state.lock() = AwState::Iter;
        ag_set(&g, |s| s.running_async = true);
        let exc = match &aw.arg {
            None => {
                ag_set(&g, |s| s.closed = true);
                PyErr(crate::exceptions::new_exception(&types().exc.generator_exit.clone(), vec![]))
            }
            Some(args) if args.is_empty() || args.len() > 3 => {
                ag_set(&g, |s| s.running_async = false);
                *aw.state.lock() = AwState::Closed;
                let n = args.len();
                return Err(vm.type_error(&if n == 0 { "athrow expected at least 1 argument, got 0".to_string() } else { format!("athrow expected at most 3 arguments, got {n}") }));
            }
            Some(args) => match throw_args(vm, args) {
                Ok(e) => e,
                Err(e) => {
                    ag_set(&g, |s| s.running_async = false);
                    *aw.state.lock() = AwState::Closed;
                    return Err(e);
                }
            },
        };
        let r = generator::throw(vm, &g, exc, false);
        return athrow_result(vm, aw, r);
    }
    let r = generator::resume(vm, &g, arg, None);
    athrow_result(vm, aw, r)
}

fn athrow_result(vm: &mut Vm, aw: &AgAwaitable, r: PyResult<GenResult>) -> PyResult {
    let g = aw.gen.clone();
    let t = types();
    if aw.arg.is_some() {
        let r = unwrap_value(vm, &g, r);
        if r.is_err() {
            *aw.state.lock() = AwState::Closed;
        }
        return r;
    }
    // aclose()
    match r {
        Ok(GenResult::Yield(v)) => {
            let direct = gen_state(&g).map(|s| s.lock().yielded_direct).unwrap_or(false);
            if direct {
                ag_set(&g, |s| s.running_async = false);
                *aw.state.lock() = AwState::Closed;
                return Err(vm.runtime_error("async generator ignored GeneratorExit"));
            }
            Ok(v)
        }
        Ok(GenResult::Return(_)) => {
            ag_set(&g, |s| s.running_async = false);
            *aw.state.lock() = AwState::Closed;
            Err(vm.stop_iteration(None))
        }
        Err(e) => {
            ag_set(&g, |s| s.running_async = false);
            *aw.state.lock() = AwState::Closed;
            if vm.is_instance_of(&e, &t.exc.stop_async_iteration.clone()) || vm.is_instance_of(&e, &t.exc.generator_exit.clone()) {
                return Err(vm.stop_iteration(None));
            }
            Err(e)
        }
    }
}

fn aw_next(vm: &mut Vm, a: Args) -> PyResult {
    let aw = aw_of(vm, &a)?;
    aw_send_impl(vm, aw, Value::None)
}

fn aw_send(vm: &mut Vm, a: Args) -> PyResult {
    let aw = aw_of(vm, &a)?;
    let v = a.args.get(1).cloned().unwrap_or(Value::None);
    aw_send_impl(vm, aw, v)
}

fn aw_throw(vm: &mut Vm, a: Args) -> PyResult {
    let aw = aw_of(vm, &a)?;
    if a.args.len() < 2 {
        return Err(vm.type_error(&format!("throw expected at least 1 argument, got {}", a.args.len().saturating_sub(1))));
    }
    let g = aw.gen.clone();
    if *aw.state.lock() == AwState::Closed {
        let msg = if aw.throw { "cannot reuse already awaited aclose()/athrow()" } else { "cannot reuse already awaited __anext__()/asend()" };
        return Err(vm.runtime_error(msg));
    }
    let exc = throw_args(vm, &a.args[1..])?;
    let r = generator::throw(vm, &g, exc, true);
    if aw.throw {
        return athrow_result(vm, aw, r);
    }
    let r = unwrap_value(vm, &g, r);
    if r.is_err() {
        *aw.state.lock() = AwState::Closed;
    }
    r
}

fn aw_close(vm: &mut Vm, a: Args) -> PyResult {
    let aw = aw_of(vm, &a)?;
    *aw.state.lock() = AwState::Closed;
    Ok(Value::None)
}

fn ag_aiter(vm: &mut Vm, a: Args) -> PyResult {
    let g = self_coro(vm, &a, GenKind::AsyncGenerator, "async_generator")?.clone();
    Ok(Value::Obj(g))
}

fn ag_anext(vm: &mut Vm, a: Args) -> PyResult {
    let g = self_coro(vm, &a, GenKind::AsyncGenerator, "async_generator")?.clone();
    Ok(new_asend(&g, Value::None))
}

fn ag_asend(vm: &mut Vm, a: Args) -> PyResult {
    let g = self_coro(vm, &a, GenKind::AsyncGenerator, "async_generator")?.clone();
    if a.args.len() != 2 {
        return Err(vm.type_error(&format!("async_generator.asend() takes exactly one argument ({} given)", a.args.len().saturating_sub(1))));
    }
    Ok(new_asend(&g, a.args[1].clone()))
}

fn ag_athrow(vm: &mut Vm, a: Args) -> PyResult {
    let g = self_coro(vm, &a, GenKind::AsyncGenerator, "async_generator")?.clone();
    Ok(new_athrow(&g, Some(a.args[1..].to_vec())))
}

fn ag_aclose(vm: &mut Vm, a: Args) -> PyResult {
    let g = self_coro(vm, &a, GenKind::AsyncGenerator, "async_generator")?.clone();
    Ok(new_athrow(&g, None))
}

// ----- attributes and repr -----

/// The `cr_*` / `ag_*` attributes (and `gi_yieldfrom` of generators); None if `name` is not one.
pub fn attr(vm: &mut Vm, o: &ObjRef, name: &str) -> PyResult<Option<Value>> {
    let Some(st) = gen_state(o) else { return Ok(None) };
    let kind = st.lock().kind;
    let prefix = match kind {
        GenKind::Generator => "gi_",
        GenKind::Coroutine => "cr_",
        GenKind::AsyncGenerator => "ag_",
    };
    let Some(field) = name.strip_prefix(prefix) else {
        return Ok(match name {
            "__name__" if kind != GenKind::Generator => Some(st.lock().name.clone()),
            "__qualname__" if kind != GenKind::Generator => Some(st.lock().qualname.clone()),
            _ => None,
        });
    };
    Ok(Some(match (field, kind) {
        ("yieldfrom", GenKind::Generator) | ("await", GenKind::Coroutine) | ("await", GenKind::AsyncGenerator) => yielding_from(o).unwrap_or(Value::None),
        ("running", GenKind::AsyncGenerator) => Value::Bool(st.lock().running_async),
        ("running", _) => Value::Bool(st.lock().running),
        ("suspended", GenKind::Coroutine) => {
            let s = st.lock();
            Value::Bool(s.started && !s.running && s.frame.is_some())
        }
        ("origin", GenKind::Coroutine) => Value::None,
        ("frame", _) => {
            let s = st.lock();
            match s.frame.as_ref() {
                Some(f) => {
                    let fp: *const crate::eval::Frame = &**f;
                    drop(s);
                    // SAFETY: the object is not running (its frame is in its state, and only
                    // resuming it, which `frame_object` never does, takes it out), and `o`
                    // keeps it alive.
                    return crate::types::frame::frame_object(vm, unsafe { &*fp }, None).map(Some);
                }
                None => Value::None,
            }
        }
        ("code", _) => match st.lock().code.as_ref() {
            Some(c) => Value::Obj(ObjRef::new(types().code.clone(), Payload::Code(c.clone()))),
            None => Value::None,
        },
        _ => return Ok(None),
    }))
}

/// `repr` of the objects of this file; None for other objects.
pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<Option<String>> {
    let Value::Obj(o) = v else { return Ok(None) };
    match &o.payload {
        Payload::Coroutine(s) => {
            let (q, kind) = {
                let st = s.lock();
                (st.qualname.clone(), st.kind)
            };
            let q = vm.to_str(&q)?;
            let tn = if kind == GenKind::Coroutine { "coroutine" } else { "async_generator" };
            Ok(Some(format!("<{tn} object {q} at {:#x}>", v.id())))
        }
        Payload::Native(n) if n.downcast_ref::<CoroWrapper>().is_some() || n.downcast_ref::<AgAwaitable>().is_some() => {
            let tn = vm.type_name(v);
            Ok(Some(format!("<{tn} object at {:#x}>", v.id())))
        }
        _ => Ok(None),
    }
}

/// `_coro.mark_iterable_coroutine(gen)`: the generator becomes awaitable, as the generators
/// of a `types.coroutine` function (`CO_ITERABLE_COROUTINE`).
fn mark_iterable_coroutine(vm: &mut Vm, a: Args) -> PyResult {
    match a.args.first() {
        Some(Value::Obj(o)) if matches!(o.payload, Payload::Generator(_)) => {
            if let Some(s) = gen_state(o) {
                s.lock().iterable_coro = true;
            }
            Ok(a.args[0].clone())
        }
        _ => Err(vm.type_error("mark_iterable_coroutine() argument must be a generator")),
    }
}

fn is_iterable_coroutine(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Bool(matches!(a.args.first(), Some(Value::Obj(o)) if matches!(&o.payload, Payload::Generator(s) if s.lock().iterable_coro))))
}

pub fn create_module(vm: &mut Vm) -> ObjRef {
    crate::stdlib::module_with(vm, "_coro", &[("mark_iterable_coroutine", mark_iterable_coroutine), ("is_iterable_coroutine", is_iterable_coroutine)])
}

/// The finalizer of a dying coroutine or async generator (queued by `has_finalizer`): the
/// "never awaited" RuntimeWarning for a coroutine that never started, else `close()`.
pub fn finalize(vm: &mut Vm, o: &ObjRef) {
    let Some(st) = gen_state(o) else { return };
    let (kind, started, has_frame) = {
        let s = st.lock();
        (s.kind, s.started, s.frame.is_some())
    };
    let v = Value::Obj(o.clone());
    if kind == GenKind::Coroutine && !started && has_frame {
        let r = (|| -> PyResult<()> {
            let w = crate::import::import_simple(vm, "warnings")?;
            let f = vm.get_attr_str(&w, "_warn_unawaited_coroutine")?;
            vm.call(&f, std::slice::from_ref(&v), &[])?;
            Ok(())
        })();
        if let Err(e) = r {
            crate::traceback::print_unraisable(vm, &e, "Exception ignored in", &v);
        }
        let f = st.lock().frame.take();
        drop(f);
        return;
    }
    if let Err(e) = generator::close(vm, o) {
        crate::traceback::print_unraisable(vm, &e, "Exception ignored in", &v);
    }
}

pub fn init(t: &crate::types::BuiltinTypes) {
    use crate::types::add_methods;
    add_methods(&t.coroutine, &[("send", coro_send), ("throw", coro_throw), ("close", coro_close), ("__await__", coro_await)]);
    add_methods(&t.coroutine_wrapper, &[("__iter__", return_self), ("__next__", cw_next), ("send", cw_send), ("throw", cw_throw), ("close", cw_close)]);
    add_methods(&t.async_generator, &[("__aiter__", ag_aiter), ("__anext__", ag_anext), ("asend", ag_asend), ("athrow", ag_athrow), ("aclose", ag_aclose)]);
    for ty in [&t.async_generator_asend, &t.async_generator_athrow] {
        add_methods(ty, &[("__await__", return_self), ("__iter__", return_self), ("__next__", aw_next), ("send", aw_send), ("throw", aw_throw), ("close", aw_close)]);
    }
}
