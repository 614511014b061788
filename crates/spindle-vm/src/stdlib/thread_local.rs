//! `_thread._local` (`threading.local`): an object whose attributes are per thread.
//!
//! Each `_local` holds a map from a thread's serial number to that thread's `__dict__`
//! ([`LocalInner`]). Attribute access goes through the type's native `__getattribute__`,
//! `__setattr__` and `__delattr__`, which pick the calling thread's dict (creating it, and
//! re-running a subclass's `__init__` with the constructor's arguments, on a thread's first
//! touch). When a thread ends, `thread_exit` removes its dicts from every `_local` it touched
//! (a per-thread list of weak references); when a `_local` dies, all its dicts go with it.
//!
//! Locks: `LocalInner::dicts` is behind its own mutex, held only to look up, insert or remove
//! one entry (never while Python code runs; removed dicts are dropped after unlocking).

use crate::object::{ObjRef, Payload};
use crate::types::{self, add_methods, add_staticmethod, type_of, types};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};
use parking_lot::Mutex;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, Weak};

pub struct LocalInner {
    /// Thread serial -> that thread's `__dict__`. Protected by the mutex.
    dicts: Mutex<HashMap<u32, ObjRef>>,
    /// The constructor's arguments, for `__init__` in other threads.
    args: Vec<Value>,
    kwargs: Vec<(Value, Value)>,
}

/// The payload of a `_local`.
pub struct LocalObj(Arc<LocalInner>);

impl Drop for LocalObj {
    fn drop(&mut self) {
        let dicts = std::mem::take(&mut *self.0.dicts.lock());
        drop(dicts);
    }
}

thread_local! {
    /// The `_local`s this thread has a dict in.
    static TOUCHED: RefCell<Vec<Weak<LocalInner>>> = const { RefCell::new(Vec::new()) };
}

/// At thread end (GIL held): drop this thread's dicts of every `_local`.
pub fn thread_exit() {
    let me = crate::gil::thread_serial();
    let touched = TOUCHED.with(|t| std::mem::take(&mut *t.borrow_mut()));
    for w in touched {
        if let Some(inner) = w.upgrade() {
            let d = inner.dicts.lock().remove(&me);
            drop(d);
        }
    }
}

fn inner_of(v: &Value) -> Option<Arc<LocalInner>> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Native(n) => n.downcast_ref::<LocalObj>().map(|l| l.0.clone()),
            _ => None,
        },
        _ => None,
    }
}

fn init_overridden(cls: &ObjRef) -> Option<Value> {
    let init = types::lookup(cls, "__init__")?;
    let base = types::lookup(&types().object, "__init__")?;
    if init.is(&base) {
        None
    } else {
        Some(init)
    }
}

fn local_new(vm: &mut Vm, a: Args) -> PyResult {
    let cls = match a.args.first() {
        Some(Value::Obj(c)) if c.as_type().is_some() => c.clone(),
        _ => return Err(vm.type_error("_local.__new__(X): X is not a type object")),
    };
    if (a.args.len() > 1 || !a.kwargs.is_empty()) && init_overridden(&cls).is_none() {
        return Err(vm.type_error("Initialization arguments are not supported"));
    }
    let inner = Arc::new(LocalInner { dicts: Mutex::new(HashMap::new()), args: a.args[1..].to_vec(), kwargs: a.kwargs.to_vec() });
    // The creating thread's dict exists at once; `type.__call__` runs `__init__` next.
    let d = vm.new_dict();
    inner.dicts.lock().insert(crate::gil::thread_serial(), d);
    TOUCHED.with(|t| t.borrow_mut().push(Arc::downgrade(&inner)));
    Ok(Value::Obj(ObjRef::new(cls, Payload::Native(Box::new(LocalObj(inner))))))
}

/// The calling thread's dict of `obj`, created (and `__init__` re-run) on first use.
fn thread_dict(vm: &mut Vm, obj: &Value) -> PyResult<ObjRef> {
    let Some(inner) = inner_of(obj) else { return Err(vm.type_error("descriptor requires a '_thread._local' object")) };
    let me = crate::gil::thread_serial();
    if let Some(d) = inner.dicts.lock().get(&me) {
        return Ok(d.clone());
    }
    let d = vm.new_dict();
    inner.dicts.lock().insert(me, d.clone());
    TOUCHED.with(|t| t.borrow_mut().push(Arc::downgrade(&inner)));
    if let Some(init) = init_overridden(type_of(obj)) {
        let mut args = vec![obj.clone()];
        args.extend(inner.args.iter().cloned());
        if let Err(e) = vm.call(&init, &args, &inner.kwargs) {
            let removed = inner.dicts.lock().remove(&me);
            drop(removed);
            return Err(e);
        }
    }
    Ok(d)
}

/// AttributeError naming `_thread._local` as CPython does (its tp_name includes the module).
fn no_attribute(vm: &mut Vm, obj: &Value, name: &str) -> crate::PyErr {
    let ty = type_of(obj);
    if ty.is(&crate::stdlib::thread::thread_types().local) {
        return vm.attribute_error(&format!("'_thread._local' object has no attribute '{name}'"));
    }
    vm.no_attribute(obj, name)
}

fn name_arg(vm: &mut Vm, a: &Args) -> PyResult<ObjRef> {
    match a.args.get(1) {
        Some(Value::Obj(o)) if o.as_str().is_some() => Ok(o.clone()),
        Some(other) => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!("attribute name must be string, not '{tn}'")))
        }
        None => Err(vm.type_error("expected an attribute name")),
    }
}

fn local_getattribute(vm: &mut Vm, a: Args) -> PyResult {
    let obj = a.args[0].clone();
    let name = name_arg(vm, &a)?;
    let name_s = name.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
    let d = thread_dict(vm, &obj)?;
    if name_s == "__dict__" {
        return Ok(Value::Obj(d));
    }
    let ty = type_of(&obj).clone();
    let descr = types::lookup(&ty, &name_s);
    if let Some(ds) = &descr {
        if vm.is_data_descriptor(ds) {
            return vm.descr_get(ds, Some(&obj), &ty);
        }
    }
    if let Some(v) = crate::types::dict::dict_get(vm, &d, &Value::Obj(name.clone()))? {
        return Ok(v);
    }
    if let Some(ds) = descr {
        return vm.descr_get(&ds, Some(&obj), &ty);
    }
    if let Some(v) = crate::types::object::special_attr(vm, &obj, &name_s)? {
        return Ok(v);
    }
    Err(no_attribute(vm, &obj, &name_s))
}

fn set_or_del(vm: &mut Vm, obj: &Value, name: &ObjRef, v: Option<Value>) -> PyResult<()> {
    let name_s = name.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
    if name_s == "__dict__" {
        let ty = type_of(obj);
        let tn = if ty.is(&crate::stdlib::thread::thread_types().local) { "_thread._local".to_string() } else { ty.type_data().name.clone() };
        return Err(vm.attribute_error(&format!("'{tn}' object attribute '__dict__' is read-only")));
    }
    let d = thread_dict(vm, obj)?;
    let ty = type_of(obj).clone();
    if let Some(ds) = types::lookup(&ty, &name_s) {
        if vm.is_data_descriptor(&ds) || name_s == "__class__" {
            return vm.generic_setattr(obj, name, v);
        }
    }
    match v {
        Some(val) => crate::types::dict::dict_set(vm, &d, Value::Obj(name.clone()), val),
        None => {
            if !crate::types::dict::dict_del(vm, &d, &Value::Obj(name.clone()))? {
                return Err(no_attribute(vm, obj, &name_s));
            }
            Ok(())
        }
    }
}

fn local_setattr(vm: &mut Vm, a: Args) -> PyResult {
    let name = name_arg(vm, &a)?;
    let Some(v) = a.args.get(2).cloned() else { return Err(vm.type_error("__setattr__ expected 2 arguments")) };
    set_or_del(vm, &a.args[0], &name, Some(v))?;
    Ok(Value::None)
}

fn local_delattr(vm: &mut Vm, a: Args) -> PyResult {
    let name = name_arg(vm, &a)?;
    set_or_del(vm, &a.args[0], &name, None)?;
    Ok(Value::None)
}

/// Fill the `_local` type's namespace.
pub fn init_type(local: &ObjRef) {
    add_staticmethod(local, "__new__", local_new);
    add_methods(local, &[("__getattribute__", local_getattribute), ("__setattr__", local_setattr), ("__delattr__", local_delattr)]);
}
