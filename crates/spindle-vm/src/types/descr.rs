//! The builtin descriptor types: `property`, `staticmethod`, `classmethod`, and `super`.
//! Binding itself (`__get__` semantics) is in `Vm::descr_get`; this file builds the objects and
//! implements attribute lookup through `super`.

use crate::object::{ObjRef, Payload};
use crate::types::{self, add_methods, add_staticmethod, type_of, BuiltinTypes};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};

fn cls_of(vm: &mut Vm, a: &Args, what: &str) -> PyResult<ObjRef> {
    match a.args.first() {
        Some(Value::Obj(c)) if c.as_type().is_some() => Ok(c.clone()),
        _ => Err(vm.type_error(&format!("{what}.__new__(X): X is not a type object"))),
    }
}

fn with_dict(_vm: &mut Vm, cls: &ObjRef, p: Payload) -> Value {
    Value::Obj(types::new_object(cls, p))
}

// ----- property -----

fn property_new(vm: &mut Vm, a: Args) -> PyResult {
    let cls = cls_of(vm, &a, "property")?;
    let names = ["fget", "fset", "fdel", "doc"];
    let mut slots = [Value::None, Value::None, Value::None, Value::None];
    if a.args.len() > 5 {
        return Err(vm.type_error(&format!("property() takes at most 4 arguments ({} given)", a.args.len() - 1)));
    }
    for (i, v) in a.args[1..].iter().enumerate() {
        slots[i] = v.clone();
    }
    for (k, v) in a.kwargs {
        let k = k.as_str().unwrap_or("");
        match names.iter().position(|n| *n == k) {
            Some(i) => slots[i] = v.clone(),
            None => return Err(vm.type_error(&format!("'{k}' is an invalid keyword argument for property()"))),
        }
    }
    let [fget, fset, fdel, doc] = slots;
    Ok(with_dict(vm, &cls, Payload::Property { fget, fset, fdel, doc }))
}

fn property_init(_vm: &mut Vm, _a: Args) -> PyResult {
    Ok(Value::None)
}

fn prop_parts(vm: &mut Vm, v: &Value) -> PyResult<(ObjRef, [Value; 4])> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Property { fget, fset, fdel, doc } => Ok((o.cls.clone(), [fget.clone(), fset.clone(), fdel.clone(), doc.clone()])),
            _ => Err(vm.type_error("descriptor requires a 'property' object")),
        },
        _ => Err(vm.type_error("descriptor requires a 'property' object")),
    }
}

fn property_with(vm: &mut Vm, a: Args, which: usize) -> PyResult {
    let (cls, mut parts) = prop_parts(vm, &a.args[0])?;
    let f = a.args.get(1).cloned().unwrap_or(Value::None);
    parts[which] = f;
    let [fget, fset, fdel, doc] = parts;
    Ok(with_dict(vm, &cls, Payload::Property { fget, fset, fdel, doc }))
}

fn property_getter(vm: &mut Vm, a: Args) -> PyResult {
    property_with(vm, a, 0)
}
fn property_setter(vm: &mut Vm, a: Args) -> PyResult {
    property_with(vm, a, 1)
}
fn property_deleter(vm: &mut Vm, a: Args) -> PyResult {
    property_with(vm, a, 2)
}

fn property_get(vm: &mut Vm, a: Args) -> PyResult {
    let p = a.args[0].clone();
    let inst = a.args.get(1).cloned().unwrap_or(Value::None);
    if inst.is_none() {
        return Ok(p);
    }
    let ty = type_of(&inst).clone();
    vm.descr_get(&p, Some(&inst), &ty)
}

fn property_set(vm: &mut Vm, a: Args) -> PyResult {
    let (_, parts) = prop_parts(vm, &a.args[0])?;
    if parts[1].is_none() {
        return Err(vm.attribute_error("can't set attribute"));
    }
    vm.call(&parts[1], &a.args[1..], &[])?;
    Ok(Value::None)
}

fn property_delete(vm: &mut Vm, a: Args) -> PyResult {
    let (_, parts) = prop_parts(vm, &a.args[0])?;
    if parts[2].is_none() {
        return Err(vm.attribute_error("can't delete attribute"));
    }
    vm.call(&parts[2], &a.args[1..], &[])?;
    Ok(Value::None)
}

// ----- staticmethod / classmethod -----

fn wrapper_new(vm: &mut Vm, a: Args, name: &str, class: bool) -> PyResult {
    let cls = cls_of(vm, &a, name)?;
    if !a.kwargs.is_empty() {
        return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
    }
    if a.args.len() != 2 {
        return Err(vm.type_error(&format!("{name} expected 1 argument, got {}", a.args.len() - 1)));
    }
    let f = a.args[1].clone();
    let p = if class { Payload::ClassMethod(f) } else { Payload::StaticMethod(f) };
    Ok(with_dict(vm, &cls, p))
}

fn staticmethod_new(vm: &mut Vm, a: Args) -> PyResult {
    wrapper_new(vm, a, "staticmethod", false)
}

fn classmethod_new(vm: &mut Vm, a: Args) -> PyResult {
    wrapper_new(vm, a, "classmethod", true)
}

fn wrapper_init(_vm: &mut Vm, _a: Args) -> PyResult {
    Ok(Value::None)
}

fn wrapper_get(vm: &mut Vm, a: Args) -> PyResult {
    let d = a.args[0].clone();
    let inst = a.args.get(1).cloned().unwrap_or(Value::None);
    let owner = match a.args.get(2) {
        Some(Value::Obj(o)) if o.as_type().is_some() => o.clone(),
        _ => type_of(&inst).clone(),
    };
    let inst = if inst.is_none() { None } else { Some(inst) };
    vm.descr_get(&d, inst.as_ref(), &owner)
}

fn staticmethod_call(vm: &mut Vm, a: Args) -> PyResult {
    let f = match &a.args[0] {
        Value::Obj(o) => match &o.payload {
            Payload::StaticMethod(f) => f.clone(),
            _ => return Err(vm.type_error("descriptor requires a 'staticmethod' object")),
        },
        _ => return Err(vm.type_error("descriptor requires a 'staticmethod' object")),
    };
    vm.call(&f, &a.args[1..], a.kwargs)
}

fn wrapper_repr(vm: &mut Vm, a: Args) -> PyResult {
    let (kind, f) = match &a.args[0] {
        Value::Obj(o) => match &o.payload {
            Payload::StaticMethod(f) => ("staticmethod", f.clone()),
            Payload::ClassMethod(f) => ("classmethod", f.clone()),
            _ => return Err(vm.type_error("descriptor requires a staticmethod or classmethod")),
        },
        _ => return Err(vm.type_error("descriptor requires a staticmethod or classmethod")),
    };
    let r = vm.repr(&f)?;
    Ok(vm.new_string(format!("<{kind}({r})>")))
}

// ----- member descriptors (`__slots__`) -----

fn member_parts<'a>(vm: &mut Vm, d: &'a ObjRef) -> PyResult<(&'a ObjRef, &'a str)> {
    match &d.payload {
        Payload::Member { name, owner, .. } => Ok((name, owner.as_str())),
        _ => Err(vm.type_error("descriptor requires a 'member_descriptor' object")),
    }
}

/// The slot storage of `inst` for member `d`, or the TypeError CPython gives for an object
/// of another class.
fn member_storage(vm: &mut Vm, d: &ObjRef, inst: &Value) -> PyResult<ObjRef> {
    let (name, owner) = member_parts(vm, d)?;
    let owner_id = match &d.payload {
        Payload::Member { owner_id, .. } => owner_id.load(std::sync::atomic::Ordering::Relaxed),
        _ => 0,
    };
    if let Value::Obj(o) = inst {
        // The instance's class must be the descriptor's class or derive from it.
        let ty = &o.cls;
        if ty.id() == owner_id || ty.type_data().mro.iter().any(|c| c.id() == owner_id) {
            if let Some(s) = o.slot_storage().or_else(|| o.instance_dict()) {
                return Ok(s.clone());
            }
        }
    }
    let n = name.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
    let tn = vm.type_name(inst);
    Err(vm.type_error(&format!("descriptor '{n}' for '{owner}' objects doesn't apply to a '{tn}' object")))
}

/// Read slot `d` of `inst` (AttributeError when unset).
pub fn member_get(vm: &mut Vm, d: &ObjRef, inst: &Value) -> PyResult {
    let storage = member_storage(vm, d, inst)?;
    let (name, _) = member_parts(vm, d)?;
    if let Some(v) = crate::types::dict::dict_get_interned(&storage, name) {
        return Ok(v);
    }
    let n = name.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
    Err(vm.no_attribute(inst, &n))
}

/// Write (Some) or delete (None) slot `d` of `inst`.
pub fn member_set(vm: &mut Vm, d: &ObjRef, inst: &Value, v: Option<Value>) -> PyResult<()> {
    let storage = member_storage(vm, d, inst)?;
    let (name, _) = member_parts(vm, d)?;
    let key = Value::Obj(name.clone());
    match v {
        Some(v) => crate::types::dict::dict_set(vm, &storage, key, v),
        None => {
            if !crate::types::dict::dict_del(vm, &storage, &key)? {
                // CPython 3.11 says just the slot name here.
                let n = name.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
                return Err(vm.attribute_error(&n));
            }
            Ok(())
        }
    }
}

fn self_member(vm: &mut Vm, a: &Args) -> PyResult<ObjRef> {
    match a.args.first() {
        Some(Value::Obj(o)) if matches!(o.payload, Payload::Member { .. }) => Ok(o.clone()),
        _ => Err(vm.type_error("descriptor requires a 'member_descriptor' object")),
    }
}

fn member_get_m(vm: &mut Vm, a: Args) -> PyResult {
    let d = self_member(vm, &a)?;
    match a.args.get(1) {
        None | Some(Value::None) => Ok(Value::Obj(d)),
        Some(inst) => member_get(vm, &d, inst),
    }
}

fn member_set_m(vm: &mut Vm, a: Args) -> PyResult {
    let d = self_member(vm, &a)?;
    let (Some(inst), Some(v)) = (a.args.get(1), a.args.get(2)) else { return Err(vm.type_error("expected 2 arguments")) };
    member_set(vm, &d, inst, Some(v.clone()))?;
    Ok(Value::None)
}

fn member_delete_m(vm: &mut Vm, a: Args) -> PyResult {
    let d = self_member(vm, &a)?;
    let Some(inst) = a.args.get(1) else { return Err(vm.type_error("expected 1 argument")) };
    member_set(vm, &d, inst, None)?;
    Ok(Value::None)
}

fn member_repr(vm: &mut Vm, a: Args) -> PyResult {
    let d = self_member(vm, &a)?;
    let (name, owner) = member_parts(vm, &d)?;
    let n = name.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
    let s = format!("<member '{n}' of '{owner}' objects>");
    Ok(vm.new_string(s))
}

// ----- super -----

fn super_new(vm: &mut Vm, a: Args) -> PyResult {
    let cls = cls_of(vm, &a, "super")?;
    let (ty, obj) = match a.args.len() {
        1 => zero_arg_super(vm)?,
        2 | 3 => {
            let ty = match &a.args[1] {
                Value::Obj(t) if t.as_type().is_some() => t.clone(),
                other => {
                    let tn = vm.type_name(other);
                    return Err(vm.type_error(&format!("super() argument 1 must be a type, not {tn}")));
                }
            };
            (ty, a.args.get(2).cloned().unwrap_or(Value::None))
        }
        n => return Err(vm.type_error(&format!("super() takes at most 2 arguments ({} given)", n - 1))),
    };
    if !obj.is_none() {
        let ok = match &obj {
            Value::Obj(o) if o.as_type().is_some() && types::is_subtype(o, &ty) => true,
            other => types::isinstance(other, &ty),
        };
        if !ok {
            return Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type"));
        }
    }
    Ok(with_dict(vm, &cls, Payload::Super { ty, obj }))
}

/// `super()` inside a method: the `__class__` cell and the first argument of the caller.
fn zero_arg_super(vm: &mut Vm) -> PyResult<(ObjRef, Value)> {
    let Some(f) = vm.frames.last() else { return Err(vm.runtime_error("super(): no current frame")) };
    let co = &f.code.co;
    if co.argcount == 0 && co.flags & spindle_compiler::bytecode::flags::VARARGS == 0 {
        return Err(vm.runtime_error("super(): no arguments"));
    }
    // The first argument, or its cell if it is captured.
    let mut first = f.fast.first().cloned().unwrap_or(Value::Null);
    if first.is_null() {
        if let Some((ci, _)) = co.cell_params.iter().find(|(_, v)| *v == 0) {
            if let Some(c) = f.cells.get(*ci as usize) {
                first = crate::eval::cell_get(c);
            }
        }
    }
    if first.is_null() {
        return Err(vm.runtime_error("super(): arg[0] deleted"));
    }
    let Some(idx) = co.freevars.iter().position(|n| n == "__class__") else {
        return Err(vm.runtime_error("super(): __class__ cell not found"));
    };
    let cell = f.cells.get(co.cellvars.len() + idx).cloned();
    let cls = cell.map(|c| crate::eval::cell_get(&c)).unwrap_or(Value::Null);
    match cls {
        Value::Obj(t) if t.as_type().is_some() => Ok((t, first)),
        Value::Null => Err(vm.runtime_error("super(): empty __class__ cell")),
        _ => Err(vm.runtime_error("super(): __class__ is not a type")),
    }
}

/// Attribute lookup through a `super` object: the MRO of the instance's type after `ty`.
pub fn super_getattr(vm: &mut Vm, sup: &ObjRef, name: &ObjRef) -> PyResult<Option<Value>> {
    let Payload::Super { ty, obj } = &sup.payload else { return Ok(None) };
    let name_s = name.as_str().map(|s| s.as_str()).unwrap_or("");
    if name_s == "__class__" || obj.is_none() {
        return Ok(None);
    }
    let start = match obj {
        Value::Obj(o) if o.as_type().is_some() && types::is_subtype(o, ty) => o.clone(),
        other => type_of(other).clone(),
    };
    let mut chain = vec![start.clone()];
    chain.extend(start.type_data().mro.iter().cloned());
    let Some(pos) = chain.iter().position(|c| c.is(ty)) else { return Ok(None) };
    for c in &chain[pos + 1..] {
        let Some(d) = c.dict.get() else { continue };
        if let Some(v) = crate::types::dict::dict_get_str(d, name_s) {
            let inst = if matches!(obj, Value::Obj(o) if o.is(&start)) { None } else { Some(obj.clone()) };
            return vm.descr_get(&v, inst.as_ref(), &start).map(Some);
        }
    }
    Ok(None)
}

fn super_repr(vm: &mut Vm, a: Args) -> PyResult {
    let Value::Obj(o) = &a.args[0] else { return Err(vm.type_error("descriptor requires a 'super' object")) };
    let Payload::Super { ty, obj } = &o.payload else { return Err(vm.type_error("descriptor requires a 'super' object")) };
    let tn = ty.type_data().name.clone();
    if obj.is_none() {
        return Ok(vm.new_string(format!("<super: <class '{tn}'>, NULL>")));
    }
    let on = type_of(obj).type_data().name.clone();
    Ok(vm.new_string(format!("<super: <class '{tn}'>, <{on} object>>")))
}

fn super_init(_vm: &mut Vm, _a: Args) -> PyResult {
    Ok(Value::None)
}

pub fn init(t: &BuiltinTypes) {
    add_staticmethod(&t.property, "__new__", property_new);
    add_methods(
        &t.property,
        &[
            ("__init__", property_init),
            ("getter", property_getter),
            ("setter", property_setter),
            ("deleter", property_deleter),
            ("__get__", property_get),
            ("__set__", property_set),
            ("__delete__", property_delete),
        ],
    );
    add_staticmethod(&t.staticmethod, "__new__", staticmethod_new);
    add_methods(&t.staticmethod, &[("__init__", wrapper_init), ("__get__", wrapper_get), ("__call__", staticmethod_call), ("__repr__", wrapper_repr)]);
    add_staticmethod(&t.classmethod, "__new__", classmethod_new);
    add_methods(&t.classmethod, &[("__init__", wrapper_init), ("__get__", wrapper_get), ("__repr__", wrapper_repr)]);
    add_methods(&t.member_descriptor, &[("__get__", member_get_m), ("__set__", member_set_m), ("__delete__", member_delete_m), ("__repr__", member_repr)]);
    add_staticmethod(&t.super_, "__new__", super_new);
    add_methods(&t.super_, &[("__init__", super_init), ("__repr__", super_repr)]);
}
