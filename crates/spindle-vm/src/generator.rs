//! Generators: a generator object owns a suspended [`Frame`]. Resuming pushes the frame on the
//! thread's frame stack and runs the eval loop until it yields or returns.

use crate::eval::{Exit, Frame};
use crate::object::{FunctionData, ObjRef, Payload};
use crate::sync::PyCell;
use crate::types::types;
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyErr, PyResult};

pub struct GenState {
    pub frame: Option<Box<Frame>>,
    pub started: bool,
    pub running: bool,
    pub name: Value,
    pub qualname: Value,
}

pub enum GenResult {
    Yield(Value),
    Return(Value),
}

pub fn new_generator(_vm: &mut Vm, frame: Box<Frame>, fd: &FunctionData) -> Value {
    let st = GenState { frame: Some(frame), started: false, running: false, name: fd.name.lock().clone(), qualname: fd.qualname.lock().clone() };
    Value::Obj(ObjRef::new(types().generator.clone(), Payload::Generator(PyCell::new(st))))
}

fn gen_state(g: &ObjRef) -> Option<&PyCell<GenState>> {
    match &g.payload {
        Payload::Generator(s) => Some(s),
        _ => None,
    }
}

/// Resume `g`, sending `value` in (or raising `exc` at the yield point).
pub fn resume(vm: &mut Vm, g: &ObjRef, value: Value, exc: Option<PyErr>) -> PyResult<GenResult> {
    let Some(st) = gen_state(g) else { return Err(vm.type_error("not a generator")) };
    let mut frame = {
        let mut s = st.lock();
        if s.running {
            drop(s);
            return Err(vm.value_error("generator already executing"));
        }
        match s.frame.take() {
            Some(f) => {
                if !s.started && !value.is_none() && exc.is_none() {
                    s.frame = Some(f);
                    drop(s);
                    return Err(vm.type_error("can't send non-None value to a just-started generator"));
                }
                s.running = true;
                f
            }
            None => {
                drop(s);
                return match exc {
                    Some(e) => Err(e),
                    None => Ok(GenResult::Return(Value::None)),
                };
            }
        }
    };
    let started = st.lock().started;
    if started && exc.is_none() {
        frame.stack.push(value);
    }
    st.lock().started = true;
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
    match r {
        Ok(Exit::Yield(v)) => {
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
            if vm.is_instance_of(&e, &types().exc.stop_iteration.clone()) {
                let re = vm.runtime_error("generator raised StopIteration");
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

/// One step of `yield from sub` with `sent` sent in.
pub fn delegate(vm: &mut Vm, sub: &Value, sent: Value) -> PyResult<GenResult> {
    if let Value::Obj(o) = sub {
        if matches!(o.payload, Payload::Generator(_)) {
            return resume(vm, o, sent, None);
        }
    }
    let r = if sent.is_none() {
        match vm.next(sub) {
            Ok(Some(v)) => return Ok(GenResult::Yield(v)),
            Ok(None) => {
                return Ok(GenResult::Return(Value::None));
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

fn self_gen<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a ObjRef> {
    match a.args.first() {
        Some(Value::Obj(o)) if matches!(o.payload, Payload::Generator(_)) => Ok(o),
        _ => Err(vm.type_error("descriptor requires a 'generator' object")),
    }
}

fn finish(vm: &mut Vm, r: GenResult) -> PyResult {
    match r {
        GenResult::Yield(v) => Ok(v),
        GenResult::Return(v) => Err(vm.stop_iteration(if v.is_none() { None } else { Some(v) })),
    }
}

fn gen_send(vm: &mut Vm, a: Args) -> PyResult {
    let g = self_gen(vm, &a)?.clone();
    let v = a.args.get(1).cloned().unwrap_or(Value::None);
    let r = resume(vm, &g, v, None)?;
    finish(vm, r)
}

fn gen_next_m(vm: &mut Vm, a: Args) -> PyResult {
    let g = self_gen(vm, &a)?.clone();
    let r = resume(vm, &g, Value::None, None)?;
    finish(vm, r)
}

fn gen_throw(vm: &mut Vm, a: Args) -> PyResult {
    let g = self_gen(vm, &a)?.clone();
    let typ = a.args.get(1).cloned().unwrap_or(Value::None);
    let val = a.args.get(2).cloned().unwrap_or(Value::None);
    let exc = match (&typ, &val) {
        (Value::Obj(t), v) if t.as_type().is_some() && !v.is_none() => {
            if let Value::Obj(vo) = v {
                if matches!(vo.payload, Payload::Exception(_)) {
                    PyErr(vo.clone())
                } else {
                    let inst = vm.call(&typ, &[v.clone()], &[])?;
                    vm.make_raisable(&inst)?
                }
            } else {
                let inst = vm.call(&typ, &[v.clone()], &[])?;
                vm.make_raisable(&inst)?
            }
        }
        _ => vm.make_raisable(&typ)?,
    };
    let r = resume(vm, &g, Value::None, Some(exc))?;
    finish(vm, r)
}

fn gen_close(vm: &mut Vm, a: Args) -> PyResult {
    let g = self_gen(vm, &a)?.clone();
    close(vm, &g).map(|_| Value::None)
}

/// `generator.close()`: raise GeneratorExit at the suspension point.
pub fn close(vm: &mut Vm, g: &ObjRef) -> PyResult<()> {
    let g = g.clone();
    let has_frame = gen_state(&g).map(|s| s.lock().frame.is_some()).unwrap_or(false);
    if !has_frame {
        return Ok(());
    }
    if !gen_state(&g).map(|s| s.lock().started).unwrap_or(false) {
        if let Some(s) = gen_state(&g) {
            let f = s.lock().frame.take();
            drop(f);
        }
        return Ok(());
    }
    let ge = crate::exceptions::new_exception(&types().exc.generator_exit.clone(), vec![]);
    match resume(vm, &g, Value::None, Some(PyErr(ge))) {
        Ok(GenResult::Yield(_)) => Err(vm.runtime_error("generator ignored GeneratorExit")),
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
}
