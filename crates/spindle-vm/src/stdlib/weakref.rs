//! `_weakref`: the weak reference type (`weakref.ref`, CPython's `weakref.ReferenceType`),
//! `getweakrefcount` and `getweakrefs`. The table of references and their clearing when a
//! referent is freed live in `object::weak`; proxies, the weak containers and `finalize` are
//! written in Python in `lib/weakref.py` over this type.

use crate::object::weak::{self, WeakRefData};
use crate::object::{ObjRef, Payload, TypeData};
use crate::types::{add_methods, add_staticmethod, types};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};
use std::sync::OnceLock;

/// The `weakref.ReferenceType` type (created on first use, immortal).
pub fn ref_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| {
        let t = types();
        let td = TypeData::new("ReferenceType", "ReferenceType", vec![t.object.clone()], vec![t.object.clone()], crate::object::Layout::Other, true, false, false);
        let ty = ObjRef::new_immortal(t.type_.clone(), Payload::Type(Box::new(td)));
        let d = ObjRef::new_immortal(t.dict.clone(), Payload::Dict(crate::sync::PyCell::new(crate::object::DictData::new())));
        let _ = ty.dict.set(d);
        crate::types::set_type_attr(&ty, "__module__", Value::Obj(crate::vm::intern_static("weakref")));
        add_staticmethod(&ty, "__new__", ref_new);
        add_methods(&ty, &[("__init__", ref_init), ("__call__", ref_call), ("__hash__", ref_hash), ("__eq__", ref_eq), ("__ne__", ref_ne), ("__repr__", ref_repr), ("__getattr__", ref_getattr)]);
        ty
    })
}

/// The type name CPython's messages show (`tp_name`: builtin types of modules carry it).
fn tp_name(vm: &Vm, v: &Value) -> String {
    let ty = crate::types::type_of(v);
    if ty.is(ref_type()) {
        return "weakref.ReferenceType".to_string();
    }
    vm.type_name(v)
}

fn ref_new(vm: &mut Vm, a: Args) -> PyResult {
    let cls = match a.args.first() {
        Some(Value::Obj(c)) if c.as_type().is_some() => c.clone(),
        _ => return Err(vm.type_error("ReferenceType.__new__(X): X is not a type object")),
    };
    let n = a.args.len() - 1;
    if n == 0 {
        return Err(vm.type_error("__new__ expected at least 1 argument, got 0"));
    }
    if n > 2 {
        return Err(vm.type_error(&format!("__new__ expected at most 2 arguments, got {n}")));
    }
    if cls.is(ref_type()) && !a.kwargs.is_empty() {
        return Err(vm.type_error("ref() takes no keyword arguments"));
    }
    let obj = a.args[1].clone();
    let callback = a.args.get(2).cloned().filter(|c| !c.is_none());
    if !weak::weakrefable(&obj) {
        let tn = tp_name(vm, &obj);
        return Err(vm.type_error(&format!("cannot create weak reference to '{tn}' object")));
    }
    let Value::Obj(referent) = &obj else { return Err(vm.type_error("cannot create weak reference")) };
    // As CPython: one shared basic reference (exact type, no callback) per referent.
    if callback.is_none() && cls.is(ref_type()) {
        for r in weak::refs_to(referent) {
            if r.cls.is(ref_type()) && weak::data_of(&r).is_some_and(|d| d.callback.lock().is_none()) {
                return Ok(Value::Obj(r));
            }
        }
    }
    let data = weak::new_data(callback);
    let wr = crate::types::new_object(&cls, Payload::Native(Box::new(data)));
    if let Some(d) = weak::data_of(&wr) {
        weak::register(referent, &wr, d);
    }
    Ok(Value::Obj(wr))
}

fn ref_init(_vm: &mut Vm, _a: Args) -> PyResult {
    Ok(Value::None)
}

fn this<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a WeakRefData> {
    match v {
        Value::Obj(o) => match weak::data_of(o) {
            Some(d) => Ok(d),
            None => Err(vm.type_error("descriptor requires a 'weakref.ReferenceType' object")),
        },
        _ => Err(vm.type_error("descriptor requires a 'weakref.ReferenceType' object")),
    }
}

/// `ref()`: the referent, or None once it died.
fn ref_call(vm: &mut Vm, a: Args) -> PyResult {
    let d = this(vm, &a.args[0])?;
    let n = a.args.len() - 1 + a.kwargs.len();
    if n > 0 {
        return Err(vm.type_error(&format!("weakref expected 0 arguments, got {n}")));
    }
    Ok(d.get().map_or(Value::None, Value::Obj))
}

/// The referent of a weak reference value (None if `v` is not one or its referent died).
pub fn referent_of(v: &Value) -> Option<ObjRef> {
    match v {
        Value::Obj(o) => weak::data_of(o)?.get(),
        _ => None,
    }
}

fn ref_hash(vm: &mut Vm, a: Args) -> PyResult {
    let d = this(vm, &a.args[0])?;
    if let Some(h) = *d.hash.lock() {
        return Ok(Value::Int(h));
    }
    let Some(r) = d.get() else { return Err(vm.type_error("weak object has gone away")) };
    let h = vm.hash(&Value::Obj(r))?;
    *d.hash.lock() = Some(h);
    Ok(Value::Int(h))
}

fn eq_impl(vm: &mut Vm, a: &Args) -> PyResult<Option<bool>> {
    let (Some(x), Some(y)) = (a.args.first(), a.args.get(1)) else { return Err(vm.type_error("expected 1 argument")) };
    let (Value::Obj(xo), Value::Obj(yo)) = (x, y) else { return Ok(None) };
    let (Some(dx), Some(dy)) = (weak::data_of(xo), weak::data_of(yo)) else { return Ok(None) };
    match (dx.get(), dy.get()) {
        (Some(rx), Some(ry)) => Ok(Some(crate::ops::eq(vm, &Value::Obj(rx), &Value::Obj(ry))?)),
        _ => Ok(Some(xo.is(yo))),
    }
}

fn ref_eq(vm: &mut Vm, a: Args) -> PyResult {
    Ok(match eq_impl(vm, &a)? {
        Some(b) => Value::Bool(b),
        None => Value::Obj(types().not_implemented_obj.clone()),
    })
}

fn ref_ne(vm: &mut Vm, a: Args) -> PyResult {
    Ok(match eq_impl(vm, &a)? {
        Some(b) => Value::Bool(!b),
        None => Value::Obj(types().not_implemented_obj.clone()),
    })
}

fn ref_repr(vm: &mut Vm, a: Args) -> PyResult {
    let me = a.args[0].clone();
    let d = this(vm, &me)?;
    let addr = match &me {
        Value::Obj(o) => o.id(),
        _ => 0,
    };
    let s = match d.get() {
        None => format!("<weakref at {addr:#x}; dead>"),
        Some(r) => {
            let rv = Value::Obj(r.clone());
            let tn = vm.type_name(&rv);
            let name = match vm.get_attr_str(&rv, "__name__") {
                Ok(n) => n.as_str().map(|s| s.to_string()),
                Err(_) => None,
            };
            match name {
                Some(n) => format!("<weakref at {addr:#x}; to '{tn}' at {:#x} ({n})>", r.id()),
                None => format!("<weakref at {addr:#x}; to '{tn}' at {:#x}>", r.id()),
            }
        }
    };
    Ok(vm.new_string(s))
}

fn ref_getattr(vm: &mut Vm, a: Args) -> PyResult {
    let name = a.args.get(1).and_then(|v| v.as_str()).unwrap_or("").to_string();
    if name == "__callback__" {
        let d = this(vm, &a.args[0])?;
        let cb = d.callback.lock().clone();
        return Ok(cb.unwrap_or(Value::None));
    }
    Err(vm.no_attribute(&a.args[0], &name))
}

/// Called by `Vm::run_finalizers` for a queued weak reference: its callback, once.
pub fn take_callback(o: &ObjRef) -> Option<Value> {
    weak::data_of(o)?.callback.lock().take()
}

fn getweakrefcount(vm: &mut Vm, a: Args) -> PyResult {
    let [obj] = a.args else { return Err(vm.type_error(&format!("getweakrefcount() takes exactly one argument ({} given)", a.args.len()))) };
    Ok(Value::Int(match obj {
        Value::Obj(o) if weak::weakrefable(obj) => weak::count(o) as i64,
        _ => 0,
    }))
}

fn getweakrefs(vm: &mut Vm, a: Args) -> PyResult {
    let [obj] = a.args else { return Err(vm.type_error(&format!("getweakrefs() takes exactly one argument ({} given)", a.args.len()))) };
    let refs = match obj {
        Value::Obj(o) if weak::weakrefable(obj) => weak::refs_to(o).into_iter().map(Value::Obj).collect(),
        _ => Vec::new(),
    };
    Ok(crate::types::list::new_list(refs))
}

pub fn create(vm: &mut Vm) -> ObjRef {
    let m = crate::stdlib::module_with(vm, "_weakref", &[("getweakrefcount", getweakrefcount), ("getweakrefs", getweakrefs)]);
    crate::stdlib::set_attr(vm, &m, "ref", Value::Obj(ref_type().clone()));
    crate::stdlib::set_attr(vm, &m, "ReferenceType", Value::Obj(ref_type().clone()));
    m
}
