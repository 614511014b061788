//! `None`, `NotImplemented` and `Ellipsis`: the types of the builtin singletons.

use crate::types::{add_methods, add_staticmethod, types, BuiltinTypes};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};

fn none_repr(vm: &mut Vm, _a: Args) -> PyResult {
    Ok(vm.new_str("None"))
}

fn none_bool(_vm: &mut Vm, _a: Args) -> PyResult {
    Ok(Value::Bool(false))
}

fn none_new(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() > 1 || !a.kwargs.is_empty() {
        return Err(vm.type_error("NoneType takes no arguments"));
    }
    Ok(Value::None)
}

fn none_hash(_vm: &mut Vm, _a: Args) -> PyResult {
    Ok(Value::Int(0xFCA86420))
}

fn ni_repr(vm: &mut Vm, _a: Args) -> PyResult {
    Ok(vm.new_str("NotImplemented"))
}

fn ni_new(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() > 1 || !a.kwargs.is_empty() {
        return Err(vm.type_error("NotImplementedType takes no arguments"));
    }
    Ok(Value::Obj(types().not_implemented_obj.clone()))
}

fn ni_bool(vm: &mut Vm, _a: Args) -> PyResult {
    Err(vm.type_error("NotImplemented should not be used in a boolean context"))
}

fn ellipsis_repr(vm: &mut Vm, _a: Args) -> PyResult {
    Ok(vm.new_str("Ellipsis"))
}

fn ellipsis_new(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() > 1 || !a.kwargs.is_empty() {
        return Err(vm.type_error("ellipsis takes no arguments"));
    }
    Ok(Value::Obj(types().ellipsis_obj.clone()))
}

fn singleton_reduce(vm: &mut Vm, a: Args) -> PyResult {
    let r = vm.repr(&a.args[0])?;
    Ok(vm.new_string(r))
}

pub fn init(t: &BuiltinTypes) {
    add_staticmethod(&t.none_type, "__new__", none_new);
    add_methods(&t.none_type, &[("__repr__", none_repr), ("__bool__", none_bool), ("__hash__", none_hash)]);
    add_staticmethod(&t.not_implemented_type, "__new__", ni_new);
    add_methods(&t.not_implemented_type, &[("__repr__", ni_repr), ("__bool__", ni_bool), ("__reduce__", singleton_reduce)]);
    add_staticmethod(&t.ellipsis, "__new__", ellipsis_new);
    add_methods(&t.ellipsis, &[("__repr__", ellipsis_repr), ("__reduce__", singleton_reduce)]);
}
