//! The eval loop's inline fast paths for the commonest operand shapes: arithmetic and
//! comparison on inline ints and floats, and `for` over list and range iterators. Each returns
//! None when the shape is not covered; the caller then takes the generic path (`ops.rs`,
//! `Vm::next`), which has the same semantics for every input.

use crate::object::{ObjRef, Payload};
use crate::types::iters::IterState;
use crate::value::Value;
use spindle_compiler::bytecode::{BinOp, CmpOp};

/// Ints below this magnitude convert to f64 exactly.
const EXACT_F64: u64 = 1 << 53;

/// `a op b` for inline ints and floats when it needs no error, no big int and no Python code.
#[inline(always)]
pub fn binop(a: &Value, b: &Value, op: BinOp) -> Option<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => int_binop(*x, *y, op),
        (Value::Float64(x), Value::Float64(y)) => float_binop(x.get(), y.get(), op),
        (Value::Int(x), Value::Float64(y)) => float_binop(*x as f64, y.get(), op),
        (Value::Float64(x), Value::Int(y)) => float_binop(x.get(), *y as f64, op),
        _ => None,
    }
}

#[inline(always)]
fn int_binop(x: i64, y: i64, op: BinOp) -> Option<Value> {
    let r = match op {
        BinOp::Add => x.checked_add(y)?,
        BinOp::Sub => x.checked_sub(y)?,
        BinOp::Mul => x.checked_mul(y)?,
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        BinOp::FloorDiv => {
            if y == 0 || (x == i64::MIN && y == -1) {
                return None;
            }
            let q = x / y;
            if x % y != 0 && ((x < 0) != (y < 0)) {
                q - 1
            } else {
                q
            }
        }
        BinOp::Mod => {
            if y == 0 || y == -1 {
                return if y == -1 { Some(Value::Int(0)) } else { None };
            }
            let r = x % y;
            if r != 0 && ((r < 0) != (y < 0)) {
                r + y
            } else {
                r
            }
        }
        BinOp::TrueDiv => {
            if y == 0 || x.unsigned_abs() >= EXACT_F64 || y.unsigned_abs() >= EXACT_F64 {
                return None;
            }
            return Some(Value::Float(x as f64 / y as f64));
        }
        BinOp::LShift => {
            if !(0..63).contains(&y) || x.unsigned_abs() >= (1u64 << (62 - y)) {
                return None;
            }
            x << y
        }
        BinOp::RShift => {
            if y < 0 {
                return None;
            }
            x >> y.min(63)
        }
        BinOp::Pow | BinOp::MatMul => return None,
    };
    Some(Value::Int(r))
}

#[inline(always)]
fn float_binop(x: f64, y: f64, op: BinOp) -> Option<Value> {
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv if y != 0.0 => x / y,
        // A positive finite base has a real power with no error unless it overflows.
        BinOp::Pow if x > 0.0 && x.is_finite() && y.is_finite() => {
            let r = x.powf(y);
            if !r.is_finite() {
                return None;
            }
            r
        }
        _ => return None,
    };
    Some(Value::Float(r))
}

/// `a op b` for inline ints and floats (exact, as Python compares int with float) and for two
/// exact strs.
#[inline(always)]
pub fn compare(a: &Value, b: &Value, op: CmpOp) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(cmp(x, y, op)),
        (Value::Float64(x), Value::Float64(y)) => Some(cmp(&x.get(), &y.get(), op)),
        (Value::Int(x), Value::Float64(y)) if x.unsigned_abs() < EXACT_F64 => Some(cmp(&(*x as f64), &y.get(), op)),
        (Value::Float64(x), Value::Int(y)) if y.unsigned_abs() < EXACT_F64 => Some(cmp(&x.get(), &(*y as f64), op)),
        (Value::Obj(x), Value::Obj(y)) => str_compare(x, y, op),
        _ => None,
    }
}

/// Two exact strs: UTF-8 byte order is code point order, Python's str order.
#[inline]
fn str_compare(a: &ObjRef, b: &ObjRef, op: CmpOp) -> Option<bool> {
    let (Payload::Str(s), Payload::Str(t)) = (&a.payload, &b.payload) else { return None };
    if !is_builtin(a) || !is_builtin(b) {
        return None;
    }
    Some(match op {
        CmpOp::Eq => a.is(b) || s.as_str() == t.as_str(),
        CmpOp::Ne => !(a.is(b) || s.as_str() == t.as_str()),
        _ => cmp(s.as_str(), t.as_str(), op),
    })
}

/// `c[k]` for a builtin list, tuple or ASCII str and an in-range inline int index, or a
/// builtin dict holding an int or exact str key.
#[inline(always)]
pub fn subscr(c: &Value, k: &Value) -> Option<Value> {
    let Value::Obj(o) = c else { return None };
    if !is_builtin(o) {
        return None;
    }
    if let Payload::Dict(_) = &o.payload {
        return crate::types::dict::dict_get_native(o, k);
    }
    let Value::Int(i) = k else { return None };
    let at = |n: usize| -> Option<usize> {
        let j = if *i < 0 { i.wrapping_add(n as i64) } else { *i };
        if (0..n as i64).contains(&j) {
            Some(j as usize)
        } else {
            None
        }
    };
    match &o.payload {
        Payload::List(l) => {
            let g = l.lock();
            let j = at(g.len())?;
            Some(g[j].clone())
        }
        Payload::Tuple(t) => Some(t[at(t.len())?].clone()),
        Payload::Str(s) if s.is_ascii() => {
            let b = s.as_str().as_bytes();
            Some(Value::Obj(crate::vm::char_str(b[at(b.len())?] as char)))
        }
        _ => None,
    }
}

#[inline(always)]
fn cmp<T: PartialOrd + ?Sized>(x: &T, y: &T, op: CmpOp) -> bool {
    match op {
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Eq => x == y,
        CmpOp::Ne => x != y,
        CmpOp::Gt => x > y,
        CmpOp::Ge => x >= y,
    }
}

/// One step of a builtin list or range iterator: Some(Some(v)), Some(None) when exhausted, or
/// None for any other iterator.
#[inline(always)]
pub fn for_iter(it: &Value) -> Option<Option<Value>> {
    let Value::Obj(o) = it else { return None };
    let Payload::Iter(cell) = &o.payload else { return None };
    if !is_builtin(o) {
        return None;
    }
    let mut g = cell.lock();
    match &mut *g {
        IterState::Range { cur, step, remaining } => {
            if *remaining <= 0 {
                return Some(None);
            }
            let v = *cur;
            *remaining -= 1;
            *cur = cur.wrapping_add(*step);
            Some(Some(Value::Int(v)))
        }
        IterState::List { seq, idx } => {
            let Payload::List(l) = &seq.payload else { return None };
            let item = l.lock().get(*idx).cloned();
            match item {
                Some(v) => {
                    *idx += 1;
                    Some(Some(v))
                }
                None => {
                    // Exhausted for good (drops the list reference, as the generic path does).
                    *g = IterState::Done;
                    Some(None)
                }
            }
        }
        IterState::Tuple { seq, idx } => {
            let Payload::Tuple(t) = &seq.payload else { return None };
            match t.get(*idx) {
                Some(v) => {
                    let v = v.clone();
                    *idx += 1;
                    Some(Some(v))
                }
                None => {
                    *g = IterState::Done;
                    Some(None)
                }
            }
        }
        IterState::Str { seq, byte } => {
            let Payload::Str(s) = &seq.payload else { return None };
            match s.as_str().as_bytes().get(*byte) {
                Some(&b) if b < 0x80 => {
                    *byte += 1;
                    Some(Some(Value::Obj(crate::vm::char_str(b as char))))
                }
                Some(_) => None,
                None => Some(None),
            }
        }
        IterState::Dict { dict, slot, kind, len } => {
            let Payload::Dict(c) = &dict.payload else { return None };
            let d = c.lock();
            if d.len() != *len {
                // "changed size during iteration": the generic path raises.
                return None;
            }
            let next = crate::types::iters::next_slot(&d, slot);
            drop(d);
            Some(next.map(|(k, v)| match kind {
                0 => k,
                1 => v,
                _ => crate::types::tuple::new_tuple(vec![k, v]),
            }))
        }
        _ => None,
    }
}

/// `for a, b in d.items()`: the next (key, value) of a builtin dict items iterator without the
/// tuple; None for any other iterator or when the dict changed size (the generic path raises).
#[inline(always)]
pub fn for_iter_items(it: &Value) -> Option<Option<(Value, Value)>> {
    let Value::Obj(o) = it else { return None };
    let Payload::Iter(cell) = &o.payload else { return None };
    if !is_builtin(o) {
        return None;
    }
    let mut g = cell.lock();
    let IterState::Dict { dict, slot, kind: 2, len } = &mut *g else { return None };
    let Payload::Dict(c) = &dict.payload else { return None };
    let d = c.lock();
    if d.len() != *len {
        return None;
    }
    Some(crate::types::iters::next_slot(&d, slot))
}

/// `item in c` for a builtin set or frozenset and a key hashed and compared natively (an
/// int or an exact str): one locked probe. None: not covered (a candidate needing `__eq__`
/// included).
#[inline(always)]
pub fn contains(c: &Value, item: &Value) -> Option<bool> {
    let Value::Obj(o) = c else { return None };
    match &o.payload {
        Payload::Set(s) if is_builtin(o) => {
            let h = crate::vm::Vm::native_hash(item)?;
            s.lock().find_native(h, item).map(|r| r.is_some())
        }
        Payload::FrozenSet(d) if is_builtin(o) => {
            let h = crate::vm::Vm::native_hash(item)?;
            d.find_native(h, item).map(|r| r.is_some())
        }
        _ => None,
    }
}

#[inline(always)]
fn is_builtin(o: &ObjRef) -> bool {
    o.cls_data().builtin
}

/// `list[i] = v` for a builtin list and an in-range int index: Ok(old item), or Err(v) back
/// when the shape is not covered.
#[inline(always)]
pub fn list_store(c: &Value, k: &Value, v: Value) -> Result<Value, Value> {
    if let (Value::Obj(o), Value::Int(i)) = (c, k) {
        if let Payload::List(l) = &o.payload {
            if is_builtin(o) {
                let mut g = l.lock();
                let n = g.len() as i64;
                let j = if *i < 0 { *i + n } else { *i };
                if (0..n).contains(&j) {
                    return Ok(std::mem::replace(&mut g[j as usize], v));
                }
            }
        }
    }
    Err(v)
}

/// `a, b, ... = seq` for a builtin tuple or list of exactly `n` items: pushes them (last
/// first, so the first is on top) and returns true; false when the shape is not covered.
#[inline(always)]
pub fn unpack_exact(seq: &Value, n: usize, stack: &mut Vec<Value>) -> bool {
    let Value::Obj(o) = seq else { return false };
    match &o.payload {
        Payload::Tuple(t) if t.len() == n && is_builtin(o) => {
            stack.extend(t.iter().rev().cloned());
            true
        }
        Payload::List(l) if is_builtin(o) => {
            let g = l.lock();
            if g.len() != n {
                return false;
            }
            stack.extend(g.iter().rev().cloned());
            true
        }
        _ => false,
    }
}

/// The items of a builtin tuple or list of exactly `n` (2 or 3) items, for `a, b[, c] = seq`
/// into locals (the third is Null when `n` is 2); None when the shape is not covered.
#[inline(always)]
pub fn unpack3(seq: &Value, n: usize) -> Option<(Value, Value, Value)> {
    let Value::Obj(o) = seq else { return None };
    if !is_builtin(o) {
        return None;
    }
    let items = |s: &[Value]| match *s {
        [ref x, ref y] if n == 2 => Some((x.clone(), y.clone(), Value::Null)),
        [ref x, ref y, ref z] if n == 3 => Some((x.clone(), y.clone(), z.clone())),
        _ => None,
    };
    match &o.payload {
        Payload::Tuple(t) => items(t),
        Payload::List(l) => items(&l.lock()),
        _ => None,
    }
}

/// The fields of `c[a:b]` / `c[a:b:s]` from the `BuildSlice` operands when each is an inline
/// int or None and the step is nonzero; None otherwise (the generic path then builds the slice
/// object and raises any error).
#[inline]
fn slice_fields(b: &[Value]) -> Option<(Option<i64>, Option<i64>, i64)> {
    let field = |v: &Value| match v {
        Value::None => Some(None),
        Value::Int(i) => Some(Some(*i)),
        _ => None,
    };
    let step = match b.get(2) {
        Some(v) => field(v)?.unwrap_or(1),
        None => 1,
    };
    if step == 0 {
        return None;
    }
    Some((field(&b[0])?, field(&b[1])?, step))
}

/// `slice_fields` resolved against a sequence of `len`.
#[inline]
fn slice_bounds(b: &[Value], len: usize) -> Option<(i64, i64, i64)> {
    let (start, stop, step) = slice_fields(b)?;
    Some(crate::types::list::adjust_slice(start, stop, step, len as i64))
}

/// `c[a:b(:s)]` for a builtin list, tuple or ASCII str with inline int / None bounds (`bounds`:
/// the 2 or 3 `BuildSlice` operands), without a slice object.
#[inline]
pub fn slice_subscr(c: &Value, bounds: &[Value]) -> Option<Value> {
    let Value::Obj(o) = c else { return None };
    if !is_builtin(o) {
        return None;
    }
    match &o.payload {
        Payload::List(l) => {
            let g = l.lock();
            let (a, b, s) = slice_bounds(bounds, g.len())?;
            let v = crate::types::list::slice_items(&g, a, b, s);
            drop(g);
            Some(crate::types::list::new_list(v))
        }
        Payload::Tuple(t) => {
            let (a, b, s) = slice_bounds(bounds, t.len())?;
            if s == 1 && a == 0 && b == t.len() as i64 {
                return Some(c.clone());
            }
            Some(crate::types::tuple::new_tuple(crate::types::list::slice_items(t, a, b, s)))
        }
        Payload::Str(st) if st.is_ascii() => {
            let (a, b, s) = slice_bounds(bounds, st.char_len())?;
            Some(crate::types::list::ascii_slice(st.as_str(), a, b, s))
        }
        _ => None,
    }
}

/// `c[a:b] = v` for a builtin list `c`, inline int / None bounds with no step, and a builtin
/// list (not `c` itself) or tuple `v`, without a slice object. Ok(items removed, to drop
/// outside the lock), or Err(v) back when the shape is not covered.
#[inline]
pub fn slice_store(c: &Value, bounds: &[Value], v: Value) -> Result<Vec<Value>, Value> {
    let (Value::Obj(o), Value::Obj(vo)) = (c, &v) else { return Err(v) };
    let Payload::List(l) = &o.payload else { return Err(v) };
    if bounds.len() != 2 || !is_builtin(o) || !is_builtin(vo) || o.is(vo) {
        return Err(v);
    }
    let Some((start, stop, _)) = slice_fields(bounds) else { return Err(v) };
    let items: Vec<Value> = match &vo.payload {
        // A list nobody else holds gives up its vector (it is dropped right after).
        Payload::List(vl) if vo.refcount() == 1 => std::mem::take(&mut *vl.lock()),
        Payload::List(vl) => vl.lock().clone(),
        Payload::Tuple(t) => t.to_vec(),
        _ => return Err(v),
    };
    let mut g = l.lock();
    let (start, stop, _) = crate::types::list::adjust_slice(start, stop, 1, g.len() as i64);
    let stop = stop.max(start) as usize;
    let start = start as usize;
    let mut items = items;
    Ok(if stop - start == items.len() {
        // Same length: the new items swap places with the old ones, which leave in the same
        // vector (no allocation).
        for (slot, it) in g[start..stop].iter_mut().zip(items.iter_mut()) {
            std::mem::swap(slot, it);
        }
        items
    } else {
        g.splice(start..stop, items).collect()
    })
}
