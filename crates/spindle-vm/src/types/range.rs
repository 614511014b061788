//! `range` and `slice`.

use crate::object::{ObjRef, Payload};
use crate::types::{types, BuiltinTypes};
use crate::value::Value;
use crate::vm::Vm;
use crate::types::{add_methods, add_staticmethod};
use crate::{Args, PyResult};

pub fn new_slice(start: Value, stop: Value, step: Value) -> Value {
    Value::Obj(ObjRef::new(types().slice.clone(), Payload::Slice { start, stop, step }))
}

/// (start, stop, step) of a range with i64 bounds.
pub fn range_bounds(v: &Value) -> Option<(i64, i64, i64)> {
    let Value::Obj(o) = v else { return None };
    let Payload::Range { start, stop, step } = &o.payload else { return None };
    Some((crate::types::int::to_i64(start)?, crate::types::int::to_i64(stop)?, crate::types::int::to_i64(step)?))
}

pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
    let n = if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    n.min(i64::MAX as i128) as i64
}

pub fn range_contains(vm: &mut Vm, r: &Value, item: &Value) -> PyResult<bool> {
    let Some((start, stop, step)) = range_bounds(r) else { return Ok(false) };
    match crate::ops::small_int(item) {
        Some(x) => {
            let inside = if step > 0 { x >= start && x < stop } else { x <= start && x > stop };
            Ok(inside && (x - start) % step == 0)
        }
        None => {
            let items = vm.collect(r)?;
            for v in items {
                if crate::ops::eq(vm, &v, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

pub fn range_getitem(vm: &mut Vm, r: &Value, k: &Value) -> PyResult {
    let Some((start, stop, step)) = range_bounds(r) else { return Err(vm.type_error("range too large")) };
    let len = range_len(start, stop, step);
    if let Value::Obj(ko) = k {
        if matches!(ko.payload, Payload::Slice { .. }) {
            let (s, e, st) = crate::types::list::slice_indices(vm, k, len)?;
            let ns = start + s * step;
            let ne = start + e * step;
            let nst = step * st;
            return Ok(Value::Obj(ObjRef::new(types().range.clone(), Payload::Range { start: Value::Int(ns), stop: Value::Int(ne), step: Value::Int(nst) })));
        }
    }
    let Some(i) = crate::ops::small_int(k) else {
        let tn = vm.type_name(k);
        return Err(vm.type_error(&format!("range indices must be integers or slices, not {tn}")));
    };
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(vm.index_error("range object index out of range"));
    }
    Ok(Value::Int(start + j * step))
}

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if crate::ops::is_int(v) {
        return Ok(match v {
            Value::Bool64(b) => Value::Int(b.get() as i64),
            other => other.clone(),
        });
    }
    if let Some(r) = vm.call_special(v, "__index__", &[])? {
        return Ok(r);
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")))
}

fn range_new(vm: &mut Vm, a: Args) -> PyResult {
    if !a.kwargs.is_empty() {
        return Err(vm.type_error("range() takes no keyword arguments"));
    }
    let n = a.args.len() - 1;
    let (start, stop, step) = match n {
        1 => (Value::Int(0), int_arg(vm, &a.args[1])?, Value::Int(1)),
        2 => (int_arg(vm, &a.args[1])?, int_arg(vm, &a.args[2])?, Value::Int(1)),
        3 => (int_arg(vm, &a.args[1])?, int_arg(vm, &a.args[2])?, int_arg(vm, &a.args[3])?),
        0 => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        _ => return Err(vm.type_error(&format!("range expected at most 3 arguments, got {n}"))),
    };
    if matches!(step, Value::Int(0)) {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Obj(ObjRef::new(types().range.clone(), Payload::Range { start, stop, step })))
}

fn parts(vm: &mut Vm, v: &Value) -> PyResult<(Value, Value, Value)> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Range { start, stop, step } | Payload::Slice { start, stop, step } => Ok((start.clone(), stop.clone(), step.clone())),
            _ => Err(vm.type_error("descriptor requires a 'range' object")),
        },
        _ => Err(vm.type_error("descriptor requires a 'range' object")),
    }
}

fn range_repr(vm: &mut Vm, a: Args) -> PyResult {
    let (start, stop, step) = parts(vm, &a.args[0])?;
    let (s, e) = (vm.repr(&start)?, vm.repr(&stop)?);
    let r = if matches!(step, Value::Int(1)) { format!("range({s}, {e})") } else { format!("range({s}, {e}, {})", vm.repr(&step)?) };
    Ok(vm.new_string(r))
}

fn range_len_m(vm: &mut Vm, a: Args) -> PyResult {
    match range_bounds(&a.args[0]) {
        Some((s, e, st)) => {
            let (s2, e2, st2) = (s as i128, e as i128, st as i128);
            let n = if st2 > 0 && s2 < e2 { (e2 - s2 - 1) / st2 + 1 } else if st2 < 0 && s2 > e2 { (s2 - e2 - 1) / (-st2) + 1 } else { 0 };
            if n > i64::MAX as i128 {
                return Err(vm.overflow_error("Python int too large to convert to C ssize_t"));
            }
            let _ = (s, e, st);
            Ok(Value::Int(n as i64))
        }
        None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

fn range_getitem_m(vm: &mut Vm, a: Args) -> PyResult {
    range_getitem(vm, &a.args[0], &a.args[1])
}

fn range_contains_m(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Bool(range_contains(vm, &a.args[0], &a.args[1])?))
}

fn range_iter(vm: &mut Vm, a: Args) -> PyResult {
    match crate::types::iters::native_iter(vm, &a.args[0])? {
        Some(it) => Ok(it),
        None => Err(vm.type_error("range iterator")),
    }
}

fn range_reversed(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::iters::reversed_of(vm, &a.args[0])
}

fn range_eq(_vm: &mut Vm, a: Args) -> PyResult {
    let other = &a.args[1];
    if !matches!(other, Value::Obj(o) if matches!(o.payload, Payload::Range { .. })) {
        return Ok(Value::Obj(types().not_implemented_obj.clone()));
    }
    let (x, y) = (range_bounds(&a.args[0]), range_bounds(other));
    match (x, y) {
        (Some((s1, e1, t1)), Some((s2, e2, t2))) => {
            let (n1, n2) = (range_len(s1, e1, t1), range_len(s2, e2, t2));
            Ok(Value::Bool(n1 == n2 && (n1 == 0 || (s1 == s2 && (n1 == 1 || t1 == t2)))))
        }
        _ => Ok(Value::Bool(a.args[0].is(other))),
    }
}

fn range_hash(vm: &mut Vm, a: Args) -> PyResult {
    let Some((s, e, t)) = range_bounds(&a.args[0]) else { return Ok(Value::Int(0)) };
    let n = range_len(s, e, t);
    let key = match n {
        0 => crate::types::tuple::new_tuple(vec![Value::Int(0), Value::None, Value::None]),
        1 => crate::types::tuple::new_tuple(vec![Value::Int(1), Value::Int(s), Value::None]),
        _ => crate::types::tuple::new_tuple(vec![Value::Int(n), Value::Int(s), Value::Int(t)]),
    };
    Ok(Value::Int(vm.hash(&key)?))
}

fn range_index(vm: &mut Vm, a: Args) -> PyResult {
    let x = a.args.get(1).cloned().unwrap_or(Value::None);
    if let (Some((s, e, t)), Some(v)) = (range_bounds(&a.args[0]), crate::types::int::to_i64(&x).filter(|_| crate::ops::is_int(&x))) {
        let n = range_len(s, e, t);
        if (v - s) % t == 0 {
            let i = (v - s) / t;
            if i >= 0 && i < n {
                return Ok(Value::Int(i));
            }
        }
        let r = vm.repr(&x)?;
        return Err(vm.value_error(&format!("{r} is not in range")));
    }
    let items = vm.collect(&a.args[0])?;
    for (i, it) in items.iter().enumerate() {
        if crate::ops::eq(vm, it, &x)? {
            return Ok(Value::Int(i as i64));
        }
    }
    let r = vm.repr(&x)?;
    Err(vm.value_error(&format!("{r} is not in range")))
}

fn range_count(vm: &mut Vm, a: Args) -> PyResult {
    let x = a.args.get(1).cloned().unwrap_or(Value::None);
    if crate::ops::is_int(&x) {
        return Ok(Value::Int(range_contains(vm, &a.args[0], &x)? as i64));
    }
    let items = vm.collect(&a.args[0])?;
    let mut n = 0;
    for it in &items {
        if crate::ops::eq(vm, it, &x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn range_reduce(vm: &mut Vm, a: Args) -> PyResult {
    let (s, e, t) = parts(vm, &a.args[0])?;
    Ok(crate::types::tuple::new_tuple(vec![Value::Obj(types().range.clone()), crate::types::tuple::new_tuple(vec![s, e, t])]))
}

fn slice_reduce(vm: &mut Vm, a: Args) -> PyResult {
    let (s, e, t) = parts(vm, &a.args[0])?;
    Ok(crate::types::tuple::new_tuple(vec![Value::Obj(types().slice.clone()), crate::types::tuple::new_tuple(vec![s, e, t])]))
}

fn slice_new(vm: &mut Vm, a: Args) -> PyResult {
    let n = a.args.len() - 1;
    let (start, stop, step) = match n {
        1 => (Value::None, a.args[1].clone(), Value::None),
        2 => (a.args[1].clone(), a.args[2].clone(), Value::None),
        3 => (a.args[1].clone(), a.args[2].clone(), a.args[3].clone()),
        0 => return Err(vm.type_error("slice expected at least 1 argument, got 0")),
        _ => return Err(vm.type_error(&format!("slice expected at most 3 arguments, got {n}"))),
    };
    Ok(new_slice(start, stop, step))
}

fn slice_repr(vm: &mut Vm, a: Args) -> PyResult {
    let (s, e, t) = parts(vm, &a.args[0])?;
    let r = format!("slice({}, {}, {})", vm.repr(&s)?, vm.repr(&e)?, vm.repr(&t)?);
    Ok(vm.new_string(r))
}

fn slice_indices_m(vm: &mut Vm, a: Args) -> PyResult {
    let Some(n) = a.args.get(1).and_then(crate::types::int::to_i64) else { return Err(vm.type_error("slice.indices() requires an integer length")) };
    if n < 0 {
        return Err(vm.value_error("length should not be negative"));
    }
    let (s, e, t) = crate::types::list::slice_indices(vm, &a.args[0], n)?;
    Ok(crate::types::tuple::new_tuple(vec![Value::Int(s), Value::Int(e), Value::Int(t)]))
}

fn slice_eq(vm: &mut Vm, a: Args) -> PyResult {
    let other = &a.args[1];
    if !matches!(other, Value::Obj(o) if matches!(o.payload, Payload::Slice { .. })) {
        return Ok(Value::Obj(types().not_implemented_obj.clone()));
    }
    let (s1, e1, t1) = parts(vm, &a.args[0])?;
    let (s2, e2, t2) = parts(vm, other)?;
    let x = crate::types::tuple::new_tuple(vec![s1, e1, t1]);
    let y = crate::types::tuple::new_tuple(vec![s2, e2, t2]);
    Ok(Value::Bool(crate::ops::eq(vm, &x, &y)?))
}

pub fn init(t: &BuiltinTypes) {
    add_staticmethod(&t.range, "__new__", range_new);
    add_methods(
        &t.range,
        &[
            ("__repr__", range_repr),
            ("__len__", range_len_m),
            ("__getitem__", range_getitem_m),
            ("__contains__", range_contains_m),
            ("__iter__", range_iter),
            ("__reversed__", range_reversed),
            ("__eq__", range_eq),
            ("__hash__", range_hash),
            ("index", range_index),
            ("count", range_count),
            ("__reduce__", range_reduce),
        ],
    );
    add_staticmethod(&t.slice, "__new__", slice_new);
    add_methods(&t.slice, &[("__repr__", slice_repr), ("indices", slice_indices_m), ("__eq__", slice_eq), ("__reduce__", slice_reduce)]);
    crate::types::set_type_attr(&t.slice, "__hash__", Value::None);
}
