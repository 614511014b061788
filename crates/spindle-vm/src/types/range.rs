//! `range` and `slice`.

use crate::object::{ObjRef, Payload};
use crate::types::{types, BuiltinTypes};
use crate::value::Value;
use crate::vm::Vm;
use crate::types::{add_methods, add_staticmethod};
use crate::{Args, PyResult};
use crate::types::int::{from_bigint, to_bigint};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

pub fn new_slice(start: Value, stop: Value, step: Value) -> Value {
    Value::Obj(ObjRef::new(types().slice.clone(), Payload::Slice { start, stop, step }))
}

/// (start, stop, step) of a range with i64 bounds.
pub fn range_bounds(v: &Value) -> Option<(i64, i64, i64)> {
    let Value::Obj(o) = v else { return None };
    let Payload::Range { start, stop, step } = &o.payload else { return None };
    Some((crate::types::int::to_i64(start)?, crate::types::int::to_i64(stop)?, crate::types::int::to_i64(step)?))
}

/// Length of an i64 range (saturating at i64::MAX; see `big_len` for the exact value).
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

/// (start, stop, step) of any range as ints of any size.
pub fn big_parts(v: &Value) -> Option<(BigInt, BigInt, BigInt)> {
    let Value::Obj(o) = v else { return None };
    let Payload::Range { start, stop, step } = &o.payload else { return None };
    Some((to_bigint(start)?, to_bigint(stop)?, to_bigint(step)?))
}

/// CPython's `compute_range_length`.
pub fn big_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    if step.is_positive() {
        if start < stop {
            (stop - start - 1u32) / step + 1u32
        } else {
            BigInt::zero()
        }
    } else if start > stop {
        (start - stop - 1u32) / (-step) + 1u32
    } else {
        BigInt::zero()
    }
}

fn make_range(start: BigInt, stop: BigInt, step: BigInt) -> Value {
    Value::Obj(ObjRef::new(types().range.clone(), Payload::Range { start: from_bigint(start), stop: from_bigint(stop), step: from_bigint(step) }))
}

fn is_exact_int(v: &Value) -> bool {
    match v {
        Value::Obj(o) => matches!(o.payload, Payload::Int(_)) && o.cls_data().builtin,
        _ => crate::ops::is_int(v),
    }
}

/// `x in range` for an int `x` (`range_contains_long`).
fn contains_int(start: &BigInt, stop: &BigInt, step: &BigInt, x: &BigInt) -> bool {
    let inside = if step.is_positive() { start <= x && x < stop } else { x <= start && stop < x };
    inside && (x - start).mod_floor(step).is_zero()
}

pub fn range_contains(vm: &mut Vm, r: &Value, item: &Value) -> PyResult<bool> {
    if is_exact_int(item) {
        if let (Some((start, stop, step)), Some(x)) = (range_bounds(r), crate::ops::small_int(item)) {
            let inside = if step > 0 { x >= start && x < stop } else { x <= start && x > stop };
            return Ok(inside && (x as i128 - start as i128).rem_euclid(step as i128) == 0);
        }
        let Some((start, stop, step)) = big_parts(r) else { return Ok(false) };
        return Ok(contains_int(&start, &stop, &step, &to_bigint(item).unwrap_or_default()));
    }
    let it = vm.iter(r)?;
    while let Some(v) = vm.next(&it)? {
        if crate::ops::eq(vm, &v, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// A slice bound resolved against `length` (CPython's `_PySlice_GetLongIndices`).
fn slice_bound(vm: &mut Vm, v: &Value, length: &BigInt, lower: &BigInt, upper: &BigInt, default: &BigInt) -> PyResult<BigInt> {
    if v.is_none() {
        return Ok(default.clone());
    }
    let x = crate::ops::index_value(vm, v).map_err(|_| vm.type_error("slice indices must be integers or None or have an __index__ method"))?;
    Ok(if x.is_negative() {
        let x = x + length;
        if &x < lower {
            lower.clone()
        } else {
            x
        }
    } else if &x > upper {
        upper.clone()
    } else {
        x
    })
}

pub fn range_getitem(vm: &mut Vm, r: &Value, k: &Value) -> PyResult {
    let Some((start, stop, step)) = big_parts(r) else { return Err(vm.type_error("descriptor requires a 'range' object")) };
    let len = big_len(&start, &stop, &step);
    if let Value::Obj(ko) = k {
        if let Payload::Slice { start: ss, stop: se, step: st } = &ko.payload {
            let sstep = if st.is_none() {
                BigInt::one()
            } else {
                crate::ops::index_value(vm, st).map_err(|_| vm.type_error("slice indices must be integers or None or have an __index__ method"))?
            };
            if sstep.is_zero() {
                return Err(vm.value_error("slice step cannot be zero"));
            }
            let neg = sstep.is_negative();
            let (lower, upper) = if neg { (BigInt::from(-1), &len - 1u32) } else { (BigInt::zero(), len.clone()) };
            let (ss, se) = (ss.clone(), se.clone());
            let i0 = slice_bound(vm, &ss, &len, &lower, &upper, if neg { &upper } else { &lower })?;
            let i1 = slice_bound(vm, &se, &len, &lower, &upper, if neg { &lower } else { &upper })?;
            let substep = &step * &sstep;
            return Ok(make_range(&start + &i0 * &step, &start + &i1 * &step, substep));
        }
    }
    let idx = match crate::ops::small_int(k) {
        Some(i) => BigInt::from(i),
        None => match crate::ops::index_value(vm, k) {
            Ok(b) => b,
            Err(_) => {
                let tn = vm.type_name(k);
                return Err(vm.type_error(&format!("range indices must be integers or slices, not {tn}")));
            }
        },
    };
    let idx = if idx.is_negative() { idx + &len } else { idx };
    if idx.is_negative() || idx >= len {
        return Err(vm.index_error("range object index out of range"));
    }
    Ok(from_bigint(start + idx * step))
}

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let b = crate::ops::index_value(vm, v)?;
    Ok(from_bigint(b))
}

/// `range(...)` called with one to three inline ints and a non-zero step: the object made
/// directly (what `range_new` makes of them, without the generic type call). None otherwise.
pub fn range_of_ints(args: &[Value]) -> Option<Value> {
    let (start, stop, step) = match *args {
        [Value::Int(b)] => (0, b, 1),
        [Value::Int(a), Value::Int(b)] => (a, b, 1),
        [Value::Int(a), Value::Int(b), Value::Int(s)] if s != 0 => (a, b, s),
        _ => return None,
    };
    Some(Value::Obj(ObjRef::new(types().range.clone(), Payload::Range { start: Value::Int(start), stop: Value::Int(stop), step: Value::Int(step) })))
}

fn range_new(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::check_new(vm, &types().range, &a)?;
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

/// `len(range)`: OverflowError beyond sys.maxsize.
pub fn range_length(vm: &mut Vm, r: &Value) -> PyResult<usize> {
    let Some((s, e, t)) = big_parts(r) else { return Err(vm.type_error("descriptor requires a 'range' object")) };
    match big_len(&s, &e, &t).to_i64() {
        Some(n) => Ok(n as usize),
        None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

fn range_len_m(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Int(range_length(vm, &a.args[0])? as i64))
}

/// `bool(range)`.
pub fn range_nonempty(r: &Value) -> bool {
    big_parts(r).is_some_and(|(s, e, t)| !big_len(&s, &e, &t).is_zero())
}

fn range_bool(vm: &mut Vm, a: Args) -> PyResult {
    let Some((s, e, t)) = big_parts(&a.args[0]) else { return Err(vm.type_error("descriptor requires a 'range' object")) };
    Ok(Value::Bool(!big_len(&s, &e, &t).is_zero()))
}

fn range_getitem_m(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    range_getitem(vm, &a.args[0], &a.args[1])
}

fn range_contains_m(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    Ok(Value::Bool(range_contains(vm, &a.args[0], &a.args[1])?))
}

fn range_iter(vm: &mut Vm, a: Args) -> PyResult {
    match crate::types::iters::native_iter(vm, &a.args[0])? {
        Some(it) => Ok(it),
        None => Err(vm.type_error("range iterator")),
    }
}

fn range_reversed(vm: &mut Vm, a: Args) -> PyResult {
    if !matches!(&a.args[0], Value::Obj(o) if matches!(o.payload, Payload::Range { .. })) {
        let tn = vm.type_name(&a.args[0]);
        return Err(vm.type_error(&format!("descriptor '__reversed__' for 'range' objects doesn't apply to a '{tn}' object")));
    }
    crate::types::iters::reversed_of(vm, &a.args[0])
}

/// `range_equals`: same length, and (if not empty) same start, and (if longer than one)
/// same step.
pub fn ranges_equal(a: &Value, b: &Value) -> bool {
    if a.is(b) {
        return true;
    }
    let (Some((s1, e1, t1)), Some((s2, e2, t2))) = (big_parts(a), big_parts(b)) else { return false };
    let (n1, n2) = (big_len(&s1, &e1, &t1), big_len(&s2, &e2, &t2));
    n1 == n2 && (n1.is_zero() || (s1 == s2 && (n1.is_one() || t1 == t2)))
}

fn range_eq(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    let other = &a.args[1];
    if !matches!(other, Value::Obj(o) if matches!(o.payload, Payload::Range { .. })) {
        return Ok(Value::Obj(types().not_implemented_obj.clone()));
    }
    Ok(Value::Bool(ranges_equal(&a.args[0], other)))
}

fn range_ne(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    let other = &a.args[1];
    if !matches!(other, Value::Obj(o) if matches!(o.payload, Payload::Range { .. })) {
        return Ok(Value::Obj(types().not_implemented_obj.clone()));
    }
    Ok(Value::Bool(!ranges_equal(&a.args[0], other)))
}

fn range_hash(vm: &mut Vm, a: Args) -> PyResult {
    let Some((s, e, t)) = big_parts(&a.args[0]) else { return Ok(Value::Int(0)) };
    let n = big_len(&s, &e, &t);
    let key = if n.is_zero() {
        crate::types::tuple::new_tuple(vec![from_bigint(n), Value::None, Value::None])
    } else if n.is_one() {
        crate::types::tuple::new_tuple(vec![from_bigint(n), from_bigint(s), Value::None])
    } else {
        crate::types::tuple::new_tuple(vec![from_bigint(n), from_bigint(s), from_bigint(t)])
    };
    Ok(Value::Int(vm.hash(&key)?))
}

fn range_index(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() != 2 {
        return Err(vm.type_error(&format!("range.index() takes exactly one argument ({} given)", a.args.len().saturating_sub(1))));
    }
    let x = a.args[1].clone();
    if is_exact_int(&x) {
        let Some((s, e, t)) = big_parts(&a.args[0]) else { return Err(vm.type_error("descriptor requires a 'range' object")) };
        let xb = to_bigint(&x).unwrap_or_default();
        if contains_int(&s, &e, &t, &xb) {
            return Ok(from_bigint((xb - s).div_floor(&t)));
        }
        let r = vm.repr(&x)?;
        return Err(vm.value_error(&format!("{r} is not in range")));
    }
    let it = vm.iter(&a.args[0])?;
    let mut i = 0i64;
    while let Some(v) = vm.next(&it)? {
        if crate::ops::eq(vm, &v, &x)? {
            return Ok(Value::Int(i));
        }
        i += 1;
    }
    Err(vm.value_error("sequence.index(x): x not in sequence"))
}

fn range_count(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() != 2 {
        return Err(vm.type_error(&format!("range.count() takes exactly one argument ({} given)", a.args.len().saturating_sub(1))));
    }
    let x = a.args[1].clone();
    if is_exact_int(&x) {
        return Ok(Value::Int(range_contains(vm, &a.args[0], &x)? as i64));
    }
    let it = vm.iter(&a.args[0])?;
    let mut n = 0;
    while let Some(v) = vm.next(&it)? {
        if crate::ops::eq(vm, &v, &x)? {
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
    crate::types::check_new(vm, &types().slice, &a)?;
    if !a.kwargs.is_empty() {
        return Err(vm.type_error("slice() takes no keyword arguments"));
    }
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
    crate::types::need_args(vm, &a, 1)?;
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
            ("__bool__", range_bool),
            ("__ne__", range_ne),
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
