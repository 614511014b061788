//! Frame objects (`sys._getframe()`, `generator.gi_frame`).
//!
//! The eval loop's frames are plain Rust structs owned by the thread's frame stack (or by a
//! suspended generator), so a Python-visible frame object is a snapshot taken when it is asked
//! for: code, globals, builtins, the line and instruction being executed, and the locals
//! (the namespace itself for module and class frames; for function frames a dict of the fast
//! locals and cells, as CPython's `f_locals` is). `f_back` is looked up when read: the frame
//! below, if the snapshotted frame is still at the same place on this thread's stack.

use crate::code::Code;
use crate::eval::Frame;
use crate::object::{ObjRef, Payload};
use crate::types::{types, BuiltinTypes};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};
use std::sync::Arc;

pub struct FrameObj {
    pub code: Arc<Code>,
    pub globals: ObjRef,
    pub builtins: ObjRef,
    pub locals: Value,
    pub lineno: u32,
    pub lasti: usize,
    /// Where the frame was on the thread's frame stack (index and address), for `f_back`;
    /// None for a suspended generator's frame.
    pub place: Option<(usize, usize)>,
}

/// Snapshot `f` (at `index` on the stack, if it is there) as a frame object.
pub fn frame_object(vm: &mut Vm, f: &Frame, index: Option<usize>) -> PyResult {
    let locals = match &f.locals {
        Some(l) => l.clone(),
        None => {
            let d = vm.new_dict();
            let co = &f.code.co;
            for (i, v) in f.fast.iter().enumerate() {
                if !v.is_null() {
                    let k = Value::Obj(f.code.varnames[i].clone());
                    crate::types::dict::dict_set(vm, &d, k, v.clone())?;
                }
            }
            let names = co.cellvars.iter().chain(co.freevars.iter());
            for (name, cell) in names.zip(f.cells.iter()) {
                let v = crate::eval::cell_get(cell);
                if !v.is_null() {
                    let k = vm.new_str(name);
                    crate::types::dict::dict_set(vm, &d, k, v)?;
                }
            }
            Value::Obj(d)
        }
    };
    let place = index.map(|i| (i, f as *const Frame as usize));
    let obj = FrameObj { code: f.code.clone(), globals: f.globals.clone(), builtins: f.builtins.clone(), locals, lineno: f.line(), lasti: f.lasti, place };
    Ok(Value::Obj(ObjRef::new(types().frame.clone(), Payload::Native(Box::new(obj)))))
}

/// The frame of a traceback entry whose frame is gone (the exception was caught in that
/// frame, which returned later): code, globals and line as recorded, no locals (CPython would
/// still have the frame; its locals are lost here).
pub fn gone_frame_object(vm: &mut Vm, code: Arc<Code>, globals: ObjRef, builtins: ObjRef, instr: usize) -> PyResult {
    let lineno = code.co.line_of(instr);
    let locals = Value::Obj(vm.new_dict());
    let obj = FrameObj { code, globals, builtins, locals, lineno, lasti: instr, place: None };
    Ok(Value::Obj(ObjRef::new(types().frame.clone(), Payload::Native(Box::new(obj)))))
}

/// `sys._getframe(depth)`: the frame `depth` calls below the caller's.
pub fn getframe(vm: &mut Vm, depth: i64) -> PyResult {
    let n = vm.frames.len() as i64;
    let i = n - 1 - depth;
    if depth < 0 || i < 0 {
        return Err(vm.value_error("call stack is not deep enough"));
    }
    let i = i as usize;
    let fp: *const Frame = &*vm.frames[i];
    // SAFETY: the frame is boxed and owned by `vm.frames`, which `frame_object` does not
    // modify (it only allocates objects and fills a dict), so the box stays alive and in place.
    frame_object(vm, unsafe { &*fp }, Some(i))
}

fn this(v: &Value) -> Option<&FrameObj> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Native(n) => n.downcast_ref::<FrameObj>(),
            _ => None,
        },
        _ => None,
    }
}

fn frame_arg<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a FrameObj> {
    match a.args.first().and_then(this) {
        Some(f) => Ok(f),
        None => Err(vm.type_error("descriptor requires a 'frame' object")),
    }
}

fn f_globals(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Obj(frame_arg(vm, &a)?.globals.clone()))
}
fn f_builtins(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Obj(frame_arg(vm, &a)?.builtins.clone()))
}
fn f_locals(vm: &mut Vm, a: Args) -> PyResult {
    Ok(frame_arg(vm, &a)?.locals.clone())
}
fn f_lineno(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Int(frame_arg(vm, &a)?.lineno as i64))
}
fn f_lasti(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Int(frame_arg(vm, &a)?.lasti as i64 * 2))
}
fn f_code(vm: &mut Vm, a: Args) -> PyResult {
    let code = frame_arg(vm, &a)?.code.clone();
    Ok(Value::Obj(ObjRef::new(types().code.clone(), Payload::Code(code))))
}
fn f_back(vm: &mut Vm, a: Args) -> PyResult {
    let Some((i, addr)) = frame_arg(vm, &a)?.place else { return Ok(Value::None) };
    let live = vm.frames.get(i).is_some_and(|f| &**f as *const Frame as usize == addr);
    if !live || i == 0 {
        return Ok(Value::None);
    }
    getframe(vm, (vm.frames.len() - i) as i64)
}
fn frame_repr(vm: &mut Vm, a: Args) -> PyResult {
    let f = frame_arg(vm, &a)?;
    let s = format!("<frame at {:#x}, file '{}', line {}, code {}>", a.args[0].id(), f.code.co.filename, f.lineno, f.code.co.name);
    Ok(vm.new_string(s))
}

pub fn init(t: &BuiltinTypes) {
    crate::types::add_getters(
        &t.frame,
        &[("f_globals", f_globals), ("f_builtins", f_builtins), ("f_locals", f_locals), ("f_lineno", f_lineno), ("f_lasti", f_lasti), ("f_code", f_code), ("f_back", f_back)],
    );
    crate::types::add_methods(&t.frame, &[("__repr__", frame_repr)]);
}
