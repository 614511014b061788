//! `mappingproxy` (`types.MappingProxyType`): the read-only view a class's `__dict__` returns.
//! It holds the mapping and forwards reads to it.

use crate::object::{ObjRef, Payload};
use crate::types::{add_methods, add_staticmethod, types, BuiltinTypes};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};

/// The payload: the underlying mapping.
struct MappingProxy(Value);

pub fn new_mappingproxy(mapping: Value) -> Value {
    Value::Obj(ObjRef::new(types().mappingproxy.clone(), Payload::Native(Box::new(MappingProxy(mapping)))))
}

fn target(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if let Value::Obj(o) = v {
        if let Payload::Native(n) = &o.payload {
            if let Some(p) = n.downcast_ref::<MappingProxy>() {
                return Ok(p.0.clone());
            }
        }
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(&format!("descriptor requires a 'mappingproxy' object but received a '{tn}'")))
}

fn mp_new(vm: &mut Vm, a: Args) -> PyResult {
    let mapping = match (a.args.get(1), a.kw("mapping")) {
        (Some(m), None) | (None, Some(m)) => m.clone(),
        _ => return Err(vm.type_error("mappingproxy() missing required argument 'mapping' (pos 1)")),
    };
    let is_mapping = match &mapping {
        Value::Obj(o) => !matches!(o.payload, Payload::List(_) | Payload::Tuple(_)) && crate::types::lookup(&o.cls, "__getitem__").is_some(),
        _ => false,
    };
    if !is_mapping {
        let tn = vm.type_name(&mapping);
        return Err(vm.type_error(&format!("mappingproxy() argument must be a mapping, not {tn}")));
    }
    Ok(new_mappingproxy(mapping))
}

fn forward(vm: &mut Vm, a: &Args, name: &str) -> PyResult {
    let m = target(vm, &a.args[0])?;
    let f = vm.get_attr_str(&m, name)?;
    vm.call(&f, &a.args[1..], a.kwargs)
}

fn mp_getitem(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    let m = target(vm, &a.args[0])?;
    vm.getitem(&m, &a.args[1])
}
fn mp_contains(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    let m = target(vm, &a.args[0])?;
    Ok(Value::Bool(crate::ops::contains(vm, &m, &a.args[1])?))
}
fn mp_len(vm: &mut Vm, a: Args) -> PyResult {
    let m = target(vm, &a.args[0])?;
    Ok(Value::Int(vm.len(&m)? as i64))
}
fn mp_iter(vm: &mut Vm, a: Args) -> PyResult {
    let m = target(vm, &a.args[0])?;
    vm.iter(&m)
}
fn mp_get(vm: &mut Vm, a: Args) -> PyResult {
    forward(vm, &a, "get")
}
fn mp_keys(vm: &mut Vm, a: Args) -> PyResult {
    forward(vm, &a, "keys")
}
fn mp_values(vm: &mut Vm, a: Args) -> PyResult {
    forward(vm, &a, "values")
}
fn mp_items(vm: &mut Vm, a: Args) -> PyResult {
    forward(vm, &a, "items")
}
fn mp_copy(vm: &mut Vm, a: Args) -> PyResult {
    forward(vm, &a, "copy")
}
fn mp_reversed(vm: &mut Vm, a: Args) -> PyResult {
    let m = target(vm, &a.args[0])?;
    crate::types::iters::reversed_of(vm, &m)
}
fn mp_repr(vm: &mut Vm, a: Args) -> PyResult {
    let m = target(vm, &a.args[0])?;
    let r = vm.repr(&m)?;
    Ok(vm.new_string(format!("mappingproxy({r})")))
}
fn mp_str(vm: &mut Vm, a: Args) -> PyResult {
    let m = target(vm, &a.args[0])?;
    vm.str_value(&m)
}
fn mp_eq(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    let m = target(vm, &a.args[0])?;
    crate::ops::compare(vm, &m, &a.args[1], spindle_compiler::bytecode::CmpOp::Eq)
}
fn mp_ne(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    let m = target(vm, &a.args[0])?;
    crate::ops::compare(vm, &m, &a.args[1], spindle_compiler::bytecode::CmpOp::Ne)
}
fn mp_or(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    let m = target(vm, &a.args[0])?;
    let other = match target(vm, &a.args[1]) {
        Ok(o) => o,
        Err(_) => a.args[1].clone(),
    };
    crate::ops::binary_op(vm, &m, &other, spindle_compiler::bytecode::BinOp::Or)
}
fn mp_ror(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    let m = target(vm, &a.args[0])?;
    crate::ops::binary_op(vm, &a.args[1], &m, spindle_compiler::bytecode::BinOp::Or)
}

fn mp_delitem(vm: &mut Vm, _a: Args) -> PyResult {
    Err(vm.type_error("'mappingproxy' object does not support item deletion"))
}
fn mp_ior(vm: &mut Vm, _a: Args) -> PyResult {
    Err(vm.type_error("'|=' is not supported by mappingproxy; use '|' instead"))
}

pub fn init(t: &BuiltinTypes) {
    add_staticmethod(&t.mappingproxy, "__new__", mp_new);
    add_methods(&t.mappingproxy, &[
        ("__getitem__", mp_getitem), ("__contains__", mp_contains), ("__len__", mp_len), ("__iter__", mp_iter), ("get", mp_get),
        ("keys", mp_keys), ("values", mp_values), ("items", mp_items), ("copy", mp_copy), ("__reversed__", mp_reversed),
        ("__repr__", mp_repr), ("__str__", mp_str), ("__eq__", mp_eq), ("__ne__", mp_ne), ("__or__", mp_or), ("__ror__", mp_ror),
        ("__delitem__", mp_delitem), ("__ior__", mp_ior),
    ]);
    crate::types::set_type_attr(&t.mappingproxy, "__hash__", Value::None);
}
