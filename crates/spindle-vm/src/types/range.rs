//! `range` and `slice`.

use crate::object::{ObjRef, Payload};
use crate::types::{types, BuiltinTypes};
use crate::value::Value;
use crate::vm::Vm;
use crate::PyResult;

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
    if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    }
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

pub fn init(_t: &BuiltinTypes) {}
