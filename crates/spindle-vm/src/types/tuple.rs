//! `tuple`.

use crate::object::{ObjRef, Payload};
use crate::types::{add_methods, add_staticmethod, types, BuiltinTypes};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};

pub fn new_tuple(items: Vec<Value>) -> Value {
    Value::Obj(ObjRef::new(types().tuple.clone(), Payload::Tuple(items.into_boxed_slice())))
}

pub fn tuple_items(v: &Value) -> Option<&[Value]> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Tuple(t) => Some(t),
            _ => None,
        },
        _ => None,
    }
}

/// CPython's tuple hash (xxHash-based, 3.8+).
pub fn hash_tuple(vm: &mut Vm, items: &[Value]) -> PyResult<i64> {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc: u64 = P5;
    for it in items {
        let h = vm.hash(it)? as u64;
        acc = acc.wrapping_add(h.wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return Ok(1546275796);
    }
    Ok(acc as i64)
}

fn tuple_new(vm: &mut Vm, a: Args) -> PyResult {
    let c = crate::types::check_new(vm, &types().tuple, &a)?;
    // CPython refuses keywords unless a subclass brings its own __init__ to take them.
    let own_init = || match (crate::types::lookup(&c, "__init__"), crate::types::lookup(&types().tuple, "__init__")) {
        (Some(x), Some(y)) => !x.is(&y),
        _ => false,
    };
    if !a.kwargs.is_empty() && (c.is(&types().tuple) || !own_init()) {
        return Err(vm.type_error("tuple() takes no keyword arguments"));
    }
    if a.args.len() > 2 {
        return Err(vm.type_error(&format!("tuple expected at most 1 argument, got {}", a.args.len() - 1)));
    }
    let items = match a.args.get(1) {
        Some(v) => vm.collect(v)?,
        None => Vec::new(),
    };
    if c.is(&types().tuple) {
        return Ok(new_tuple(items));
    }
    Ok(Value::Obj(crate::types::new_object(&c, Payload::Tuple(items.into_boxed_slice()))))
}

fn tuple_repr(vm: &mut Vm, a: Args) -> PyResult {
    let items = tuple_items(&a.args[0]).map(|s| s.to_vec()).unwrap_or_default();
    let mut parts = Vec::new();
    for it in &items {
        parts.push(vm.repr(it)?);
    }
    let s = if parts.len() == 1 { format!("({},)", parts[0]) } else { format!("({})", parts.join(", ")) };
    Ok(vm.new_string(s))
}

fn tuple_count(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    let items = tuple_items(&a.args[0]).map(|s| s.to_vec()).unwrap_or_default();
    let mut n = 0;
    for it in &items {
        if crate::ops::eq(vm, it, &a.args[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn tuple_index(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    let items = tuple_items(&a.args[0]).map(|s| s.to_vec()).unwrap_or_default();
    for (i, it) in items.iter().enumerate() {
        if crate::ops::eq(vm, it, &a.args[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

fn tuple_hash(vm: &mut Vm, a: Args) -> PyResult {
    let items = tuple_items(&a.args[0]).map(|s| s.to_vec()).unwrap_or_default();
    Ok(Value::Int(hash_tuple(vm, &items)?))
}

fn tuple_len(vm: &mut Vm, a: Args) -> PyResult {
    let _ = vm;
    Ok(Value::Int(tuple_items(&a.args[0]).map(|s| s.len()).unwrap_or(0) as i64))
}

fn tuple_getitem(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    crate::types::list::seq_getitem(vm, &a.args[0], &a.args[1])
}

fn tuple_getnewargs(_vm: &mut Vm, a: Args) -> PyResult {
    let items = tuple_items(&a.args[0]).map(|s| s.to_vec()).unwrap_or_default();
    Ok(new_tuple(vec![new_tuple(items)]))
}

pub fn init(t: &BuiltinTypes) {
    add_staticmethod(&t.tuple, "__new__", tuple_new);
    add_methods(&t.tuple, &[("__repr__", tuple_repr), ("count", tuple_count), ("index", tuple_index), ("__hash__", tuple_hash), ("__len__", tuple_len), ("__getitem__", tuple_getitem), ("__getnewargs__", tuple_getnewargs), ("__iter__", tuple_dunder_iter)]);
}

fn tuple_dunder_iter(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::iters::dunder_iter(vm, &a, "tuple")
}
