//! Operators: arithmetic, comparison, containment, and item access, with native fast paths for
//! builtin types and the dunder protocol (`__add__` / `__radd__`, rich comparisons) for the rest.

use crate::object::{ObjRef, Payload};
use crate::types::int::{from_bigint, to_bigint};
use crate::types::{self, type_of, types};
use crate::value::Value;
use crate::vm::Vm;
use crate::PyResult;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use spindle_compiler::bytecode::{BinOp, CmpOp, UnaryOp};

fn is_exact(v: &Value) -> bool {
    match v {
        Value::Obj(o) => o.cls_data().builtin,
        _ => true,
    }
}

/// Native result of `a op b` for builtin types, or None (NotImplemented).
pub fn native_binop(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    use Value::*;
    // No builtin type implements `@`: the caller reports both operands' real types.
    if op == BinOp::MatMul {
        return Ok(Option::None);
    }
    // bool & | ^ bool stays a bool.
    if let (Bool64(x), Bool64(y)) = (a, b) {
        match op {
            BinOp::And => return Ok(Some(Value::Bool(x.get() & y.get()))),
            BinOp::Or => return Ok(Some(Value::Bool(x.get() | y.get()))),
            BinOp::Xor => return Ok(Some(Value::Bool(x.get() ^ y.get()))),
            _ => {}
        }
    }
    // int (incl. bool) op int
    if let (Some(x), Some(y)) = (small_int(a), small_int(b)) {
        return crate::types::int::int_binop(vm, x, y, op).map(Some);
    }
    let ai = is_int(a);
    let bi = is_int(b);
    if ai && bi {
        let (x, y) = (to_bigint(a).unwrap_or_default(), to_bigint(b).unwrap_or_default());
        return crate::types::int::bigint_binop(vm, &x, &y, op).map(Some);
    }
    let af = crate::types::float::to_f64_strict(a);
    let bf = crate::types::float::to_f64_strict(b);
    let float_op = matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::TrueDiv | BinOp::FloorDiv | BinOp::Mod | BinOp::Pow);
    if float_op && (af.is_some() || ai) && (bf.is_some() || bi) && (af.is_some() || bf.is_some()) {
        let x = match af {
            Some(x) => x,
            Option::None => crate::types::int::int_to_f64(vm, a)?,
        };
        let y = match bf {
            Some(y) => y,
            Option::None => crate::types::int::int_to_f64(vm, b)?,
        };
        return crate::types::float::float_binop(vm, x, y, op).map(Some);
    }
    let is_view = |v: &Value| matches!(v, Obj(o) if matches!(o.payload, Payload::DictView { .. }));
    if is_view(a) || is_view(b) {
        if let Some(r) = crate::types::dict_views::view_binop(vm, a, b, op)? {
            return Ok(Some(r));
        }
    }
    if let (Obj(x), Obj(y)) = (a, b) {
        match (&x.payload, &y.payload, op) {
            (Payload::Str(s), Payload::Str(t), BinOp::Add) => {
                return Ok(Some(vm.new_string(crate::object::str::concat(s.as_str(), t.as_str()))));
            }
            (Payload::List(s), Payload::List(t), BinOp::Add) => {
                let mut v = s.lock().clone();
                v.extend(t.lock().iter().cloned());
                return Ok(Some(crate::types::list::new_list(v)));
            }
            (Payload::Tuple(s), Payload::Tuple(t), BinOp::Add) => {
                let mut v = s.to_vec();
                v.extend(t.iter().cloned());
                return Ok(Some(crate::types::tuple::new_tuple(v)));
            }
            (Payload::Bytes(s), Payload::Bytes(t), BinOp::Add) => {
                let mut v = s.to_vec();
                v.extend_from_slice(t);
                return Ok(Some(crate::types::bytes::new_bytes(v)));
            }
            (Payload::ByteArray(s), _, BinOp::Add) => {
                if let Some(tb) = crate::types::bytes::bytes_like(b) {
                    let mut v = s.lock().clone();
                    v.extend_from_slice(&tb);
                    return Ok(Some(crate::types::bytes::new_bytearray(v)));
                }
            }
            (Payload::Bytes(s), Payload::ByteArray(t), BinOp::Add) => {
                let mut v = s.to_vec();
                v.extend_from_slice(&t.lock());
                return Ok(Some(crate::types::bytes::new_bytes(v)));
            }
            (Payload::Dict(_), Payload::Dict(_), BinOp::Or) => {
                let d = crate::types::dict::dict_copy(x);
                vm.dict_update_from(&Value::Obj(d.clone()), b, Option::None)?;
                return Ok(Some(Value::Obj(d)));
            }
            (Payload::Set(_) | Payload::FrozenSet(_), Payload::Set(_) | Payload::FrozenSet(_), _) => {
                return crate::types::set::set_binop(vm, a, b, op);
            }

            _ => {}
        }
    }
    // Sequence repetition.
    if op == BinOp::Mul {
        if let Some(r) = repeat_by(vm, a, b)? {
            return Ok(Some(r));
        }
        if let Some(r) = repeat_by(vm, b, a)? {
            return Ok(Some(r));
        }
    }
    if op == BinOp::Mod {
        if let Value::Obj(x) = a {
            if let Payload::Str(s) = &x.payload {
                let out = crate::format::percent_format(vm, s.as_str(), b)?;
                return Ok(Some(vm.new_string(out)));
            }
            if let Payload::Bytes(s) = &x.payload {
                let text: String = s.iter().map(|&c| c as char).collect();
                let out = crate::format::percent_format_bytes(vm, &text, b)?;
                return Ok(Some(crate::types::bytes::new_bytes(out.chars().map(|c| c as u32 as u8).collect())));
            }
        }
    }
    if let (Some(_), Some(_)) = (crate::types::float::complex_parts(a), crate::types::float::complex_parts(b)) {
        if matches!(a, Obj(o) if matches!(o.payload, Payload::Complex(..))) || matches!(b, Obj(o) if matches!(o.payload, Payload::Complex(..))) {
            return crate::types::float::complex_binop(vm, a, b, op);
        }
    }
    Ok(Option::None)
}

/// Is `seq` a builtin sequence that `*` repeats?
fn is_repeatable(seq: &Value) -> bool {
    matches!(seq, Value::Obj(o) if matches!(o.payload, Payload::Str(_) | Payload::List(_) | Payload::Tuple(_) | Payload::Bytes(_) | Payload::ByteArray(_)))
}

/// `seq * count` where count is an int of any size.
fn repeat_by(vm: &mut Vm, seq: &Value, count: &Value) -> PyResult<Option<Value>> {
    if !is_repeatable(seq) {
        return Ok(None);
    }
    let n = match small_int(count) {
        Some(n) => n,
        None => match to_bigint(count) {
            Some(b) if b.is_negative() => 0,
            Some(_) => return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
            None => return Ok(None),
        },
    };
    repeat(vm, seq, n)
}

fn repeat(vm: &mut Vm, seq: &Value, n: i64) -> PyResult<Option<Value>> {
    let Value::Obj(o) = seq else { return Ok(None) };
    let n = n.max(0) as usize;
    match &o.payload {
        Payload::Str(s) => {
            let r = crate::alloc::repeat_str(vm, s.as_str(), n)?;
            Ok(Some(vm.new_string(r)))
        }
        Payload::List(l) => {
            let v = l.lock().clone();
            let out = crate::alloc::repeat_vec(vm, &v, n)?;
            Ok(Some(crate::types::list::new_list(out)))
        }
        Payload::Tuple(t) => {
            let out = crate::alloc::repeat_vec(vm, t, n)?;
            Ok(Some(crate::types::tuple::new_tuple(out)))
        }
        Payload::Bytes(b) => {
            let out = crate::alloc::repeat_vec(vm, b, n)?;
            Ok(Some(crate::types::bytes::new_bytes(out)))
        }
        Payload::ByteArray(b) => {
            let v = b.lock().clone();
            let out = crate::alloc::repeat_vec(vm, &v, n)?;
            Ok(Some(crate::types::bytes::new_bytearray(out)))
        }
        _ => Ok(None),
    }
}

#[inline]
pub fn small_int(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool64(b) => Some(b.get() as i64),
        _ => None,
    }
}

pub fn is_int(v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::Bool64(_) => true,
        Value::Obj(o) => matches!(o.payload, Payload::Int(_)),
        _ => false,
    }
}

/// `a op b` with the full protocol.
pub fn binary_op(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult {
    // Exact str + str and exact str % exact operand first: what `native_binop` would do for
    // them after its numeric checks.
    if let Value::Obj(x) = a {
        if let (Payload::Str(s), true) = (&x.payload, x.cls_data().builtin) {
            match (op, b) {
                (BinOp::Add, Value::Obj(y)) => {
                    if let (Payload::Str(t), true) = (&y.payload, y.cls_data().builtin) {
                        return Ok(vm.new_string(crate::object::str::concat(s.as_str(), t.as_str())));
                    }
                }
                (BinOp::Mod, _) if is_exact(b) => {
                    let out = crate::format::percent_format(vm, s.as_str(), b)?;
                    return Ok(vm.new_string(out));
                }
                _ => {}
            }
        }
    }
    if is_exact(a) && is_exact(b) {
        if let Some(r) = native_binop(vm, a, b, op)? {
            return Ok(r);
        }
        if let Some(r) = index_repeat(vm, a, b, op)? {
            return Ok(r);
        }
        // `X | Y` of classes (and aliases, unions, None) makes a types.UnionType.
        if op == BinOp::Or && (type_like(a) || type_like(b)) {
            let r = crate::types::genericalias::union_of(vm, a, b)?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
        // Builtin types written as methods only (mappingproxy, generic aliases...) go on to
        // the dunder protocol below; for the others the native path was complete.
        let native_only = |v: &Value| !matches!(v, Value::Obj(o) if matches!(o.payload, Payload::Native(_) | Payload::Deque(_)));
        if native_only(a) && native_only(b) {
            return Err(unsupported(vm, a, b, op, false));
        }
    }
    let (fwd, rev, _) = op.dunders();
    let ta = type_of(a).clone();
    let tb = type_of(b).clone();
    let fa = types::lookup(&ta, fwd);
    let rb = if ta.is(&tb) { None } else { types::lookup(&tb, rev) };
    // If b's type is a subclass of a's and overrides the reflected method, try it first.
    if let Some(r) = &rb {
        if types::is_subtype(&tb, &ta) && !ta.is(&tb) {
            let res = vm.call(r, &[b.clone(), a.clone()], &[])?;
            if !is_not_implemented(&res) {
                return Ok(res);
            }
        }
    }
    if let Some(f) = fa {
        let res = vm.call(&f, &[a.clone(), b.clone()], &[])?;
        if !is_not_implemented(&res) {
            return Ok(res);
        }
    } else if ta.type_data().builtin || (ta.type_data().layout != crate::object::Layout::Object) {
        if let Some(r) = native_binop(vm, a, b, op)? {
            return Ok(r);
        }
    }
    if let Some(r) = rb {
        if !types::is_subtype(&tb, &ta) || ta.is(&tb) {
            let res = vm.call(&r, &[b.clone(), a.clone()], &[])?;
            if !is_not_implemented(&res) {
                return Ok(res);
            }
        }
    } else if !ta.is(&tb) && (tb.type_data().builtin || tb.type_data().layout != crate::object::Layout::Object) {
        if let Some(r) = native_binop(vm, a, b, op)? {
            return Ok(r);
        }
    }
    if let Some(r) = index_repeat(vm, a, b, op)? {
        return Ok(r);
    }
    Err(unsupported(vm, a, b, op, false))
}

/// A class, a generic alias or a union (operands of `X | Y` unions).
fn type_like(v: &Value) -> bool {
    match v {
        Value::Obj(o) => o.as_type().is_some() || o.cls.is(&types().generic_alias) || o.cls.is(&types().union_type),
        _ => false,
    }
}

/// Sequence repetition by a count that is not a small int (CPython's sq_repeat after the
/// numeric slots failed): an object with `__index__`, or an int too big for an index.
fn index_repeat(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    if op != BinOp::Mul {
        return Ok(None);
    }
    let is_seq = |v: &Value| matches!(v, Value::Obj(o) if matches!(o.payload, Payload::Str(_) | Payload::List(_) | Payload::Tuple(_) | Payload::Bytes(_) | Payload::ByteArray(_)));
    let (seq, count) = if is_seq(a) && !is_seq(b) {
        (a, b)
    } else if is_seq(b) && !is_seq(a) {
        (b, a)
    } else {
        return Ok(None);
    };
    if matches!(count, Value::Float64(_)) || vm.lookup_special(count, "__index__").is_none() {
        return Ok(None);
    }
    let n = vm.call_special(count, "__index__", &[])?.unwrap_or(Value::None);
    if !is_int(&n) {
        let tn = vm.type_name(&n);
        return Err(vm.type_error(&format!("__index__ returned non-int (type {tn})")));
    }
    let Some(n) = crate::types::int::to_i64(&n) else {
        let tn = vm.type_name(count);
        let c = types().exc.overflow_error.clone();
        return Err(vm.new_exc(&c, &format!("cannot fit '{tn}' into an index-sized integer")));
    };
    repeat(vm, seq, n)
}

pub fn is_not_implemented(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.payload, Payload::NotImplemented))
}

fn unsupported(vm: &mut Vm, a: &Value, b: &Value, op: BinOp, inplace: bool) -> crate::PyErr {
    let (ta, tb) = (vm.type_name(a), vm.type_name(b));
    if op == BinOp::Add && a.as_str().is_some() && !inplace {
        return vm.type_error(&format!("can only concatenate str (not \"{tb}\") to str"));
    }
    if op == BinOp::Add && inplace && a.as_str().is_some() {
        return vm.type_error(&format!("can only concatenate str (not \"{tb}\") to str"));
    }
    if op == BinOp::Add {
        if let Value::Obj(o) = a {
            if matches!(o.payload, Payload::Bytes(_) | Payload::ByteArray(_)) && o.cls_data().builtin {
                return vm.type_error(&format!("can't concat {tb} to {ta}"));
            }
            if matches!(o.payload, Payload::List(_)) && o.cls_data().builtin {
                return vm.type_error(&format!("can only concatenate list (not \"{tb}\") to list"));
            }
            if matches!(o.payload, Payload::Tuple(_)) && o.cls_data().builtin {
                return vm.type_error(&format!("can only concatenate tuple (not \"{tb}\") to tuple"));
            }
            // deque's sq_concat, for subclasses too.
            if matches!(o.payload, Payload::Deque(_)) && !inplace {
                return vm.type_error(&format!("can only concatenate deque (not \"{tb}\") to deque"));
            }
        }
    }
    // In place, a left operand with sequence methods but no repetition (set, dict, range)
    // gets the generic message: CPython tries only its own sq_repeat then.
    let left_seq_no_repeat = inplace && matches!(a, Value::Obj(o) if matches!(o.payload, Payload::Set(_) | Payload::FrozenSet(_) | Payload::Dict(_) | Payload::DictView { .. } | Payload::Range { .. }));
    if op == BinOp::Mul && !left_seq_no_repeat && (a.as_str().is_some() || b.as_str().is_some() || is_seq(a) || is_seq(b)) {
        let other = if is_seq(a) || a.as_str().is_some() { tb.clone() } else { ta.clone() };
        return vm.type_error(&format!("can't multiply sequence by non-int of type '{other}'"));
    }
    let sym = op.symbol();
    let sym = if inplace { format!("{}=", sym.split(' ').next().unwrap_or(sym)) } else { sym.to_string() };
    vm.type_error(&format!("unsupported operand type(s) for {sym}: '{ta}' and '{tb}'"))
}

fn is_seq(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.payload, Payload::List(_) | Payload::Tuple(_) | Payload::Bytes(_) | Payload::ByteArray(_) | Payload::Deque(_)))
}

/// `a op= b`: tries `__iop__`, then falls back to `a op b`. Lists extend in place.
pub fn inplace_op(vm: &mut Vm, a: Value, b: &Value, op: BinOp) -> PyResult {
    if let Value::Obj(o) = &a {
        if o.cls_data().builtin {
            match (&o.payload, op) {
                (Payload::List(l), BinOp::Add) => {
                    let items = vm.collect(b)?;
                    l.lock().extend(items);
                    return Ok(a);
                }
                (Payload::List(l), BinOp::Mul)
                    if is_int(b) => {
                        let n = match small_int(b) {
                            Some(n) => n.max(0) as usize,
                            None if to_bigint(b).is_some_and(|x| x.is_negative()) => 0,
                            None => return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
                        };
                        let v = l.lock().clone();
                        let out = crate::alloc::repeat_vec(vm, &v, n)?;
                        let old = std::mem::replace(&mut *l.lock(), out);
                        drop(old);
                        return Ok(a);
                    }
                (Payload::ByteArray(l), BinOp::Add) => {
                    if let Some(bs) = crate::types::bytes::bytes_like(b) {
                        l.lock().extend_from_slice(&bs);
                        return Ok(a);
                    }
                }
                (Payload::Set(_), BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor) => {
                    if matches!(b, Value::Obj(bo) if matches!(bo.payload, Payload::Set(_) | Payload::FrozenSet(_))) {
                        crate::types::set::set_inplace(vm, &a, b, op)?;
                        return Ok(a);
                    }
                }
                (Payload::Dict(_), BinOp::Or) => {
                    // `d |= x` is d.update(x): pairs are accepted too.
                    crate::types::dict::d_update_impl(vm, &a, Some(b), &[])?;
                    return Ok(a);
                }
                // Builtin types written as methods only: their in-place dunder, if any.
                (Payload::Native(_) | Payload::Deque(_), _) => {
                    let (_, _, iname) = op.dunders();
                    if let Some(f) = types::lookup(&o.cls, iname) {
                        let r = vm.call(&f, &[a.clone(), b.clone()], &[])?;
                        if !is_not_implemented(&r) {
                            return Ok(r);
                        }
                    }
                }
                _ => {}
            }
        } else {
            let (_, _, iname) = op.dunders();
            if let Some(f) = types::lookup(&o.cls, iname) {
                let r = vm.call(&f, &[a.clone(), b.clone()], &[])?;
                if !is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
    }
    match binary_op(vm, &a, b, op) {
        Ok(v) => Ok(v),
        Err(e) => {
            if vm.is_instance_of(&e, &types().exc.type_error.clone()) {
                let msg = crate::exceptions::exc_args(&e.0).first().and_then(|m| m.as_str().map(|s| s.to_string())).unwrap_or_default();
                if msg.starts_with("unsupported operand") || (op == BinOp::Mul && msg.starts_with("can't multiply sequence")) {
                    return Err(unsupported(vm, &a, b, op, true));
                }
            }
            Err(e)
        }
    }
}

pub fn unary_op(vm: &mut Vm, a: &Value, op: UnaryOp) -> PyResult {
    match op {
        UnaryOp::Not => return Ok(Value::Bool(!vm.truthy(a)?)),
        UnaryOp::Neg => match a {
            Value::Int(i) => {
                return Ok(match i.checked_neg() {
                    Some(n) => Value::Int(n),
                    None => from_bigint(-BigInt::from(*i)),
                })
            }
            Value::Bool64(b) => return Ok(Value::Int(-(b.get() as i64))),
            Value::Float64(f) => return Ok(Value::Float(-f.get())),
            _ => {}
        },
        UnaryOp::Pos => match a {
            Value::Int(_) | Value::Float64(_) => return Ok(a.clone()),
            Value::Bool64(b) => return Ok(Value::Int(b.get() as i64)),
            _ => {}
        },
        UnaryOp::Invert => match a {
            Value::Int(i) => return Ok(Value::Int(!i)),
            Value::Bool64(b) => return Ok(Value::Int(!(b.get() as i64))),
            _ => {}
        },
    }
    let name = match op {
        UnaryOp::Neg => "__neg__",
        UnaryOp::Pos => "__pos__",
        UnaryOp::Invert => "__invert__",
        UnaryOp::Not => unreachable!(),
    };
    if let Value::Obj(o) = a {
        if o.cls_data().builtin || types::lookup(&o.cls, name).is_none() {
            match (&o.payload, op) {
                (Payload::Int(b), UnaryOp::Neg) => return Ok(from_bigint(-b.clone())),
                (Payload::Int(b), UnaryOp::Pos) => return Ok(from_bigint(b.clone())),
                (Payload::Int(b), UnaryOp::Invert) => return Ok(from_bigint(-b.clone() - 1)),
                (Payload::Float(f), UnaryOp::Neg) => return Ok(Value::Float(-f)),
                (Payload::Float(f), UnaryOp::Pos) => return Ok(Value::Float(*f)),
                (Payload::Complex(r, i), UnaryOp::Neg) => return Ok(Value::Obj(ObjRef::new(types().complex.clone(), Payload::Complex(-r, -i)))),
                (Payload::Complex(r, i), UnaryOp::Pos) => return Ok(Value::Obj(ObjRef::new(types().complex.clone(), Payload::Complex(*r, *i)))),
                _ => {}
            }
        }
    }
    if let Some(r) = vm.call_special(a, name, &[])? {
        return Ok(r);
    }
    let sym = match op {
        UnaryOp::Neg => "unary -",
        UnaryOp::Pos => "unary +",
        _ => "unary ~",
    };
    let tn = vm.type_name(a);
    Err(vm.type_error(&format!("bad operand type for {sym}: '{tn}'")))
}

/// Native comparison for builtin types; None = not comparable natively.
pub fn native_compare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Option<bool>> {
    use std::cmp::Ordering as O;
    let ord: Option<O> = if let (Some(x), Some(y)) = (small_int(a), small_int(b)) {
        Some(x.cmp(&y))
    } else if is_int(a) && is_int(b) {
        Some(to_bigint(a).unwrap_or_default().cmp(&to_bigint(b).unwrap_or_default()))
    } else if let (Some(x), Some(y)) = (num_f64(a), num_f64(b)) {
        // Compare int with float exactly where floats are exact.
        if is_int(a) && !is_int(b) {
            return Ok(Some(cmp_result(op, int_float_cmp(a, y))));
        }
        if is_int(b) && !is_int(a) {
            return Ok(Some(cmp_result(op, int_float_cmp(b, x).map(|o| o.reverse()))));
        }
        match x.partial_cmp(&y) {
            Some(o) => Some(o),
            // NaN: only != is true.
            None => return Ok(Some(op == CmpOp::Ne)),
        }
    } else if matches!(op, CmpOp::Eq | CmpOp::Ne) && (is_complex(a) || is_complex(b)) {
        // complex == int/float/complex (an int compares exactly with the real part).
        let (c, o) = if is_complex(a) { (a, b) } else { (b, a) };
        let (r, i) = crate::types::float::complex_parts(c).unwrap_or((f64::NAN, 0.0));
        let eq = if is_complex(o) {
            crate::types::float::complex_parts(o) == Some((r, i))
        } else if is_int(o) {
            i == 0.0 && int_float_cmp(o, r) == Some(O::Equal)
        } else if let Some(f) = num_f64(o) {
            i == 0.0 && r == f
        } else {
            return Ok(None);
        };
        return Ok(Some(eq == (op == CmpOp::Eq)));
    } else {
        match (a, b) {
            (Value::Obj(x), Value::Obj(y)) => match (&x.payload, &y.payload) {
                (Payload::Str(s), Payload::Str(t)) => Some(s.as_str().cmp(t.as_str())),
                (Payload::Bytes(s), Payload::Bytes(t)) => Some(s.cmp(t)),
                // Tuples are immutable and `a`, `b` keep them alive while `__eq__` runs.
                (Payload::Tuple(s), Payload::Tuple(t)) => return seq_compare(vm, s, t, op).map(Some),
                (Payload::List(s), Payload::List(t)) => {
                    // One lock at a time (two held at once could deadlock against `b == a` in
                    // another thread, free-threaded).
                    let s = s.lock().clone();
                    let t = t.lock().clone();
                    return seq_compare(vm, &s, &t, op).map(Some);
                }
                (Payload::Set(_) | Payload::FrozenSet(_), Payload::Set(_) | Payload::FrozenSet(_)) => return crate::types::set::set_compare(vm, a, b, op),
                (Payload::Deque(_), Payload::Deque(_)) => {
                    let r = crate::types::deque::compare(vm, a, b, op)?;
                    return vm.truthy(&r).map(Some);
                }
                (Payload::DictView { .. }, _) | (_, Payload::DictView { .. }) => return crate::types::dict_views::view_compare(vm, a, b, op),
                (Payload::Dict(_), Payload::Dict(_)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                    let eq = crate::types::dict::dict_eq(vm, x, y)?;
                    return Ok(Some(eq == (op == CmpOp::Eq)));
                }
                (Payload::Complex(..), _) | (_, Payload::Complex(..)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                    let eq = crate::types::float::complex_parts(a) == crate::types::float::complex_parts(b);
                    return Ok(Some(eq == (op == CmpOp::Eq)));
                }
                (Payload::Range { .. }, Payload::Range { .. }) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                    let eq = crate::types::range::ranges_equal(a, b);
                    return Ok(Some(eq == (op == CmpOp::Eq)));
                }
                (Payload::ByteArray(s), _) | (_, Payload::ByteArray(s)) => {
                    let _ = s;
                    match (crate::types::bytes::bytes_like(a), crate::types::bytes::bytes_like(b)) {
                        (Some(p), Some(q)) => Some(p.cmp(&q)),
                        _ => None,
                    }
                }
                _ => None,
            },
            _ => None,
        }
    };
    Ok(ord.map(|o| cmp_result(op, Some(o))))
}

fn int_float_cmp(i: &Value, f: f64) -> Option<std::cmp::Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { std::cmp::Ordering::Less } else { std::cmp::Ordering::Greater });
    }
    let big = to_bigint(i)?;
    let fl = f.floor();
    let fb = crate::types::float::f64_to_bigint(fl)?;
    match big.cmp(&fb) {
        std::cmp::Ordering::Equal => {
            if f > fl {
                Some(std::cmp::Ordering::Less)
            } else {
                Some(std::cmp::Ordering::Equal)
            }
        }
        o => Some(o),
    }
}

fn cmp_result(op: CmpOp, o: Option<std::cmp::Ordering>) -> bool {
    use std::cmp::Ordering as O;
    match o {
        None => op == CmpOp::Ne,
        Some(o) => match op {
            CmpOp::Lt => o == O::Less,
            CmpOp::Le => o != O::Greater,
            CmpOp::Eq => o == O::Equal,
            CmpOp::Ne => o != O::Equal,
            CmpOp::Gt => o == O::Greater,
            CmpOp::Ge => o != O::Less,
        },
    }
}

fn is_complex(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.payload, Payload::Complex(..)))
}

fn num_f64(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Bool64(b) => Some(b.get() as i64 as f64),
        Value::Float64(f) => Some(f.get()),
        Value::Obj(o) => match &o.payload {
            Payload::Int(b) => Some(b.to_f64().unwrap_or(if b.is_negative() { f64::NEG_INFINITY } else { f64::INFINITY })),
            Payload::Float(f) => Some(*f),
            _ => None,
        },
        _ => None,
    }
}

/// Lexicographic comparison of two sequences.
pub fn seq_compare(vm: &mut Vm, s: &[Value], t: &[Value], op: CmpOp) -> PyResult<bool> {
    let n = s.len().min(t.len());
    for i in 0..n {
        if s[i].is(&t[i]) {
            continue;
        }
        if !eq(vm, &s[i], &t[i])? {
            if op == CmpOp::Eq {
                return Ok(false);
            }
            if op == CmpOp::Ne {
                return Ok(true);
            }
            if let Some(r) = crate::fast_ops::compare(&s[i], &t[i], op) {
                return Ok(r);
            }
            let r = compare(vm, &s[i], &t[i], op)?;
            return vm.truthy(&r);
        }
    }
    let o = s.len().cmp(&t.len());
    Ok(cmp_result(op, Some(o)))
}

/// `a == b` as a bool.
pub fn eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if let Some(r) = crate::value::fast_eq(a, b) {
        return Ok(r);
    }
    let r = compare(vm, a, b, CmpOp::Eq)?;
    vm.truthy(&r)
}

/// Rich comparison with the full protocol (under CPython's " in comparison" recursion guard).
pub fn compare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult {
    vm.enter_guard(" in comparison")?;
    let r = compare_guarded(vm, a, b, op);
    vm.leave_guard();
    r
}

/// Both operands have the layout of the same builtin type whose comparisons are native (str,
/// bytes, tuple, list, int, float).
fn same_builtin_kind(a: &Value, b: &Value) -> bool {
    if is_int(a) && is_int(b) {
        return true;
    }
    match (a, b) {
        (Value::Obj(x), Value::Obj(y)) => matches!(
            (&x.payload, &y.payload),
            (Payload::Str(_), Payload::Str(_)) | (Payload::Bytes(_), Payload::Bytes(_)) | (Payload::Tuple(_), Payload::Tuple(_)) | (Payload::List(_), Payload::List(_)) | (Payload::Float(_), Payload::Float(_))
        ),
        _ => false,
    }
}

fn compare_guarded(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult {
    if is_exact(a) && is_exact(b) {
        if let Some(r) = native_compare(vm, a, b, op)? {
            return Ok(Value::Bool(r));
        }
        // Builtin types whose comparison is a method of their own (slice, ...).
        let object = &types().object;
        for (x, y, n) in [(a, b, op.dunder()), (b, a, op.swapped().dunder())] {
            let tx = type_of(x).clone();
            if tx.is(object) {
                continue;
            }
            if let Some((f, owner)) = types::lookup_with_owner(&tx, n) {
                if !owner.is(object) {
                    let r = vm.call(&f, &[x.clone(), y.clone()], &[])?;
                    if !is_not_implemented(&r) {
                        return Ok(r);
                    }
                }
            }
        }
    } else {
        let ta = type_of(a).clone();
        let tb = type_of(b).clone();
        let name = op.dunder();
        let rname = op.swapped().dunder();
        let user_a = types::lookup(&ta, name).filter(|f| !is_builtin_fn(f));
        let user_b = types::lookup(&tb, rname).filter(|f| !is_builtin_fn(f));
        let reflected_first = !ta.is(&tb) && types::is_subtype(&tb, &ta) && user_b.is_some();
        if reflected_first {
            let r = vm.call(user_b.as_ref().expect("checked"), &[b.clone(), a.clone()], &[])?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if let Some(f) = &user_a {
            let r = vm.call(f, &[a.clone(), b.clone()], &[])?;
            if !is_not_implemented(&r) {
                return Ok(r);
            }
        } else if same_builtin_kind(a, b) {
            // `a`'s comparison is its builtin base's (`str.__gt__` for a str subclass that only
            // overrides `__lt__`), which answers for an operand of the same kind: the
            // reflected method is not tried.
            if let Some(r) = native_compare(vm, a, b, op)? {
                return Ok(Value::Bool(r));
            }
        }
        if !reflected_first {
            if let Some(f) = &user_b {
                let r = vm.call(f, &[b.clone(), a.clone()], &[])?;
                if !is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        if let Some(r) = native_compare(vm, a, b, op)? {
            return Ok(Value::Bool(r));
        }
    }
    match op {
        CmpOp::Eq => Ok(Value::Bool(a.is(b))),
        CmpOp::Ne => {
            // __ne__ defaults to the negation of __eq__.
            let ta = type_of(a).clone();
            if !is_exact(a) || !is_exact(b) {
                if let Some(f) = types::lookup(&ta, "__eq__").filter(|f| !is_builtin_fn(f)) {
                    let r = vm.call(&f, &[a.clone(), b.clone()], &[])?;
                    if !is_not_implemented(&r) {
                        return Ok(Value::Bool(!vm.truthy(&r)?));
                    }
                }
            } else if let Some((f, owner)) = types::lookup_with_owner(&ta, "__eq__") {
                // A builtin type's own __eq__ (slice, ...).
                if !owner.is(&types().object) {
                    let r = vm.call(&f, &[a.clone(), b.clone()], &[])?;
                    if !is_not_implemented(&r) {
                        return Ok(Value::Bool(!vm.truthy(&r)?));
                    }
                }
            }
            Ok(Value::Bool(!a.is(b)))
        }
        _ => {
            let (ta, tb) = (vm.type_name(a), vm.type_name(b));
            Err(vm.type_error(&format!("'{}' not supported between instances of '{ta}' and '{tb}'", op.symbol())))
        }
    }
}

fn is_builtin_fn(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.payload, Payload::Builtin { .. }))
}

/// `item in container`.
pub fn contains(vm: &mut Vm, container: &Value, item: &Value) -> PyResult<bool> {
    if let Value::Obj(o) = container {
        if o.cls_data().builtin {
            match &o.payload {
                Payload::Str(s) => {
                    return match item.as_str() {
                        Some(t) => Ok(s.as_str().contains(t)),
                        None => {
                            let tn = vm.type_name(item);
                            Err(vm.type_error(&format!("'in <string>' requires string as left operand, not {tn}")))
                        }
                    };
                }
                Payload::Dict(_) => return Ok(crate::types::dict::dict_get(vm, o, item)?.is_some()),
                Payload::Set(_) | Payload::FrozenSet(_) => return crate::types::set::set_contains(vm, o, item),
                Payload::Tuple(items) => {
                    // Immutable; `container` keeps it alive while `__eq__` runs.
                    for x in items.iter() {
                        if x.is(item) || eq(vm, x, item)? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                }
                Payload::List(l) => {
                    // CPython's list_contains: the length is re-read at every step (`__eq__`
                    // may change the list); each item is compared with the lock released.
                    let mut i = 0;
                    loop {
                        let x = match l.lock().get(i) {
                            Some(x) => {
                                if x.is(item) {
                                    return Ok(true);
                                }
                                match crate::value::fast_eq(x, item) {
                                    Some(true) => return Ok(true),
                                    Some(false) => None,
                                    None => Some(x.clone()),
                                }
                            }
                            None => return Ok(false),
                        };
                        if let Some(x) = x {
                            if eq(vm, &x, item)? {
                                return Ok(true);
                            }
                        }
                        i += 1;
                    }
                }
                Payload::Range { .. } => return crate::types::range::range_contains(vm, container, item),
                Payload::Bytes(_) | Payload::ByteArray(_) => return crate::types::bytes::bytes_contains(vm, container, item),
                Payload::DictView { dict, kind }
                    if *kind != 1 => {
                        return crate::types::dict_views::view_contains(vm, dict, *kind, item);
                    }
                _ => {}
            }
        }
    }
    if let Some(r) = vm.call_special(container, "__contains__", std::slice::from_ref(item))? {
        return vm.truthy(&r);
    }
    let it = match vm.iter(container) {
        Ok(it) => it,
        Err(_) => {
            let tn = vm.type_name(container);
            return Err(vm.type_error(&format!("argument of type '{tn}' is not iterable")));
        }
    };
    while let Some(x) = vm.next(&it)? {
        if x.is(item) || eq(vm, &x, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Native `c[k]` for builtin containers: Ok(None) if not handled natively.
pub fn native_getitem(vm: &mut Vm, c: &Value, k: &Value) -> PyResult<Option<Value>> {
    let Value::Obj(o) = c else { return Ok(None) };
    if !o.cls_data().builtin
        && types::lookup(&o.cls, "__getitem__").map(|f| !is_builtin_fn(&f)).unwrap_or(false) {
            return Ok(None);
        }
    match &o.payload {
        Payload::List(_) | Payload::Tuple(_) | Payload::Str(_) | Payload::Bytes(_) | Payload::ByteArray(_) | Payload::Range { .. } => crate::types::list::seq_getitem(vm, c, k).map(Some),
        Payload::Deque(d) => crate::types::deque::getitem(vm, d, k, true).map(Some),
        Payload::Dict(_) => match crate::types::dict::dict_get(vm, o, k)? {
            Some(v) => Ok(Some(v)),
            None => {
                if !o.cls_data().builtin {
                    if let Some(m) = types::lookup(&o.cls, "__missing__") {
                        return vm.call(&m, &[c.clone(), k.clone()], &[]).map(Some);
                    }
                }
                Err(vm.key_error(k.clone()))
            }
        },
        _ => Ok(None),
    }
}

/// `c[k] = v` for the builtin containers: `Ok(None)` when done, `Ok(Some(v))` (the value
/// back) when `c` needs the `__setitem__` protocol.
pub fn native_setitem(vm: &mut Vm, c: &Value, k: &Value, v: Value) -> PyResult<Option<Value>> {
    let Value::Obj(o) = c else { return Ok(Some(v)) };
    if !o.cls_data().builtin && types::lookup(&o.cls, "__setitem__").map(|f| !is_builtin_fn(&f)).unwrap_or(false) {
        return Ok(Some(v));
    }
    match &o.payload {
        Payload::List(_) | Payload::ByteArray(_) => {
            crate::types::list::seq_setitem(vm, c, k, Some(v))?;
            Ok(None)
        }
        Payload::Dict(_) => {
            crate::types::dict::dict_set(vm, o, k.clone(), v)?;
            Ok(None)
        }
        Payload::Deque(d) => {
            crate::types::deque::setitem(vm, d, k, Some(v), true)?;
            Ok(None)
        }
        _ => Ok(Some(v)),
    }
}

pub fn native_delitem(vm: &mut Vm, c: &Value, k: &Value) -> PyResult<bool> {
    let Value::Obj(o) = c else { return Ok(false) };
    if !o.cls_data().builtin && types::lookup(&o.cls, "__delitem__").map(|f| !is_builtin_fn(&f)).unwrap_or(false) {
        return Ok(false);
    }
    match &o.payload {
        Payload::List(_) | Payload::ByteArray(_) => {
            crate::types::list::seq_setitem(vm, c, k, None)?;
            Ok(true)
        }
        Payload::Deque(d) => {
            crate::types::deque::setitem(vm, d, k, None, true)?;
            Ok(true)
        }
        Payload::Dict(_) => {
            if !crate::types::dict::dict_del(vm, o, k)? {
                return Err(vm.key_error(k.clone()));
            }
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// Integer value of an index-like value (`__index__`).
pub fn index_value(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(b) = to_bigint(v) {
        return Ok(b);
    }
    if let Some(r) = vm.call_special(v, "__index__", &[])? {
        if let Some(b) = to_bigint(&r) {
            return Ok(b);
        }
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")))
}

pub fn bigint_is_zero(b: &BigInt) -> bool {
    b.is_zero()
}
