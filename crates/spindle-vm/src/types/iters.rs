//! Builtin iterators: the iterators of list, tuple, range, str, bytes, dict (and its views),
//! set, plus `enumerate`, `zip`, `map`, `filter`, `reversed`, the two-argument `iter()` and the
//! `__getitem__`-protocol iterator. They share one payload, [`IterState`], so the eval loop's
//! `ForIter` can advance any of them without a method call.
//!
//! Locks: the state sits in the object's `PyCell`; it is never held across a call into Python
//! (iterators that wrap other iterators copy the inner iterator out first).

use crate::object::{DictData, ObjRef, Payload};
use crate::sync::PyCell;
use crate::types::{add_methods, add_staticmethod, types, BuiltinTypes};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};

pub enum IterState {
    List { seq: ObjRef, idx: usize },
    ListRev { seq: ObjRef, idx: usize },
    Tuple { seq: ObjRef, idx: usize },
    Range { cur: i64, step: i64, remaining: i64 },
    /// A range whose values or length do not fit in i64 (`longrange_iterator`).
    LongRange { cur: num_bigint::BigInt, step: num_bigint::BigInt, remaining: num_bigint::BigInt },
    Str { seq: ObjRef, byte: usize },
    Bytes { seq: ObjRef, idx: usize },
    /// kind: 0 keys, 1 values, 2 items. `len` is the size at creation (a change is an error).
    Dict { dict: ObjRef, slot: usize, kind: u8, len: usize },
    Set { set: ObjRef, slot: usize, len: usize },
    Enumerate { it: Value, count: Value },
    Zip { its: Vec<Value>, strict: bool },
    Map { f: Value, its: Vec<Value> },
    Filter { f: Value, it: Value },
    /// The `__getitem__` protocol: `obj[0]`, `obj[1]`, ... until IndexError.
    Seq { obj: Value, idx: usize },
    /// `reversed()` over `__len__` + `__getitem__`: next index to fetch, counting down.
    SeqRev { obj: Value, idx: usize },
    Callable { f: Value, sentinel: Value },
    /// A deque's iterator (`rev`: `reversed()`): `counter` items left, valid while the deque's
    /// state is still `state` (see `types::deque`).
    Deque { deque: ObjRef, state: u64, counter: usize, rev: bool },
    Done,
}

fn new_iter(cls: &ObjRef, st: IterState) -> Value {
    Value::Obj(ObjRef::new(cls.clone(), Payload::Iter(PyCell::new(st))))
}

pub fn list_iter(seq: &ObjRef) -> Value {
    new_iter(&types().list_iterator, IterState::List { seq: seq.clone(), idx: 0 })
}

pub fn dict_iter(d: &ObjRef, kind: u8) -> Value {
    let t = types();
    let cls = match kind {
        0 => &t.dict_keyiterator,
        1 => &t.dict_valueiterator,
        _ => &t.dict_itemiterator,
    };
    let len = match &d.payload {
        Payload::Dict(c) => c.lock().len(),
        _ => 0,
    };
    new_iter(cls, IterState::Dict { dict: d.clone(), slot: 0, kind, len })
}

/// The (possibly reversed) iterator of a range: `range_iterator` when every value fits in an
/// i64 (CPython's C long test), `longrange_iterator` otherwise.
fn range_iter_of(r: &Value, reversed: bool) -> Value {
    use num_traits::{ToPrimitive, Zero};
    let t = types();
    // Inline-int bounds: the same computation in i128 (no big ints).
    if let Value::Obj(o) = r {
        if let Payload::Range { start: Value::Int(a), stop: Value::Int(b), step: Value::Int(s) } = &o.payload {
            // Step 1 forward (`range(n)`, `range(a, b)`): no division.
            if *s == 1 && !reversed {
                let remaining = if a < b { b.checked_sub(*a) } else { Some(0) };
                if let Some(remaining) = remaining {
                    return new_iter(&t.range_iterator, IterState::Range { cur: *a, step: 1, remaining });
                }
            }
            let (a, b, s) = (*a as i128, *b as i128, *s as i128);
            let len = if s > 0 && a < b {
                (b - a - 1) / s + 1
            } else if s < 0 && a > b {
                (a - b - 1) / -s + 1
            } else {
                0
            };
            let (first, step) = if reversed && len > 0 { (a + (len - 1) * s, -s) } else { (a, s) };
            let fit = |x: i128| i64::try_from(x).ok();
            if let (Some(cur), Some(step), Some(remaining), Some(_)) = (fit(first), fit(step), fit(len), fit(first + len * step)) {
                return new_iter(&t.range_iterator, IterState::Range { cur, step, remaining });
            }
        }
    }
    let (start, stop, step) = crate::types::range::big_parts(r).unwrap_or_default();
    let len = crate::types::range::big_len(&start, &stop, &step);
    let (first, step) = if reversed && !len.is_zero() { (&start + (&len - 1u32) * &step, -step) } else { (start.clone(), step) };
    let last_plus = &first + &len * &step;
    let fits = first.to_i64().is_some() && step.to_i64().is_some() && len.to_i64().is_some() && last_plus.to_i64().is_some() && stop.to_i64().is_some();
    if fits {
        let (cur, step, remaining) = (first.to_i64().unwrap_or(0), step.to_i64().unwrap_or(1), len.to_i64().unwrap_or(0));
        return new_iter(&t.range_iterator, IterState::Range { cur, step, remaining });
    }
    new_iter(&t.longrange_iterator, IterState::LongRange { cur: first, step, remaining: len })
}

pub fn seq_iter(obj: Value) -> Value {
    new_iter(&types().seq_iterator, IterState::Seq { obj, idx: 0 })
}

/// The iterator of a builtin container, without a method call; Ok(None) for other objects.
pub fn native_iter(_vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Value::Obj(o) = v else { return Ok(None) };
    if !o.cls_data().builtin {
        return Ok(None);
    }
    let t = types();
    let it = match &o.payload {
        Payload::List(_) => list_iter(o),
        Payload::Tuple(_) => new_iter(&t.tuple_iterator, IterState::Tuple { seq: o.clone(), idx: 0 }),
        Payload::Str(_) => new_iter(&t.str_iterator, IterState::Str { seq: o.clone(), byte: 0 }),
        Payload::Bytes(_) | Payload::ByteArray(_) => new_iter(&t.bytes_iterator, IterState::Bytes { seq: o.clone(), idx: 0 }),
        Payload::Dict(_) => dict_iter(o, 0),
        Payload::DictView { dict, kind } => dict_iter(dict, *kind),
        Payload::Set(_) | Payload::FrozenSet(_) => {
            let len = set_data_len(o);
            new_iter(&t.set_iterator, IterState::Set { set: o.clone(), slot: 0, len })
        }
        Payload::Range { .. } => range_iter_of(v, false),
        Payload::Deque(_) => crate::types::deque::new_deque_iter(o, false),
        Payload::Iter(_) | Payload::Generator(_) => v.clone(),
        _ => return Ok(None),
    };
    Ok(Some(it))
}

/// The builtin iterator over the payload of a tuple, bytes, bytearray, set or frozenset
/// (instances of their subclasses included); None for other layouts.
pub fn layout_iter(o: &ObjRef) -> Option<Value> {
    let t = types();
    Some(match &o.payload {
        Payload::Tuple(_) => new_iter(&t.tuple_iterator, IterState::Tuple { seq: o.clone(), idx: 0 }),
        Payload::Bytes(_) | Payload::ByteArray(_) => new_iter(&t.bytes_iterator, IterState::Bytes { seq: o.clone(), idx: 0 }),
        Payload::Set(_) | Payload::FrozenSet(_) => {
            let len = set_data_len(o);
            new_iter(&t.set_iterator, IterState::Set { set: o.clone(), slot: 0, len })
        }
        _ => return None,
    })
}

/// `__iter__` of the builtin type named `owner` (its self checked by layout).
pub fn dunder_iter(vm: &mut Vm, a: &crate::Args, owner: &str) -> PyResult {
    let v = a.args.first().cloned().unwrap_or(Value::None);
    if let Value::Obj(o) = &v {
        if let Some(it) = layout_iter(o) {
            return Ok(it);
        }
    }
    let tn = vm.type_name(&v);
    Err(vm.type_error(&format!("descriptor '__iter__' requires a '{owner}' object but received a '{tn}'")))
}

fn set_data_len(o: &ObjRef) -> usize {
    match &o.payload {
        Payload::Set(c) => c.lock().len(),
        Payload::FrozenSet(d) => d.len(),
        _ => 0,
    }
}

/// Is `v` an iterator the runtime advances natively? (Used to validate `__iter__` results.)
pub fn native_next_kind(v: &Value) -> Option<()> {
    match v {
        Value::Obj(o) if matches!(o.payload, Payload::Iter(_) | Payload::Generator(_)) && o.cls_data().builtin => Some(()),
        _ => None,
    }
}

/// Advance a native iterator. `None` when `it` is not one (the caller uses `__next__`).
pub fn native_next(vm: &mut Vm, it: &Value) -> Option<PyResult<Option<Value>>> {
    let Value::Obj(o) = it else { return None };
    match &o.payload {
        Payload::Iter(cell) if o.cls_data().builtin => Some(advance(vm, cell)),
        Payload::Generator(_) if o.cls_data().builtin => Some(crate::generator::gen_next(vm, o)),
        _ => None,
    }
}

/// Iterate a frozen/set dict's slots: the next live key from `slot`.
fn next_set_slot(d: &crate::object::set::SetData, slot: &mut usize) -> Option<Value> {
    while *slot < d.slots() {
        let i = *slot;
        *slot += 1;
        if let Some((k, _)) = d.slot(i) {
            return Some(k.clone());
        }
    }
    None
}

pub(crate) fn next_slot(d: &DictData, slot: &mut usize) -> Option<(Value, Value)> {
    while *slot < d.slots() {
        let i = *slot;
        *slot += 1;
        if let Some(e) = d.slot(i) {
            return Some((e.key.clone(), e.value.clone()));
        }
    }
    None
}

fn advance(vm: &mut Vm, cell: &PyCell<IterState>) -> PyResult<Option<Value>> {
    // Fast variants complete under the lock; wrapping variants copy out and call without it.
    let mut g = cell.lock();
    match &mut *g {
        IterState::Deque { deque, state, counter, rev } => {
            let step = crate::types::deque::iter_step(deque, *state, counter, *rev);
            drop(g);
            match step {
                crate::types::deque::Step::Item(v) => Ok(Some(v)),
                crate::types::deque::Step::End => Ok(None),
                crate::types::deque::Step::Mutated => Err(crate::types::deque::mutated_error(vm)),
            }
        }
        IterState::List { seq, idx } => {
            let Payload::List(l) = &seq.payload else { unreachable!() };
            let item = l.lock().get(*idx).cloned();
            match item {
                Some(v) => {
                    *idx += 1;
                    Ok(Some(v))
                }
                None => {
                    *g = IterState::Done;
                    Ok(None)
                }
            }
        }
        IterState::ListRev { seq, idx } => {
            let Payload::List(l) = &seq.payload else { unreachable!() };
            let item = if *idx == 0 { None } else { l.lock().get(*idx - 1).cloned() };
            match item {
                Some(v) => {
                    *idx -= 1;
                    Ok(Some(v))
                }
                None => {
                    *g = IterState::Done;
                    Ok(None)
                }
            }
        }
        IterState::Tuple { seq, idx } => {
            let Payload::Tuple(t) = &seq.payload else { unreachable!() };
            match t.get(*idx) {
                Some(v) => {
                    *idx += 1;
                    Ok(Some(v.clone()))
                }
                None => {
                    *g = IterState::Done;
                    Ok(None)
                }
            }
        }
        IterState::LongRange { cur, step, remaining } => {
            use num_traits::{Signed, Zero};
            if remaining.is_zero() || remaining.is_negative() {
                return Ok(None);
            }
            let v = cur.clone();
            *remaining -= 1u32;
            *cur += &*step;
            Ok(Some(crate::types::int::from_bigint(v)))
        }
        IterState::Range { cur, step, remaining } => {
            if *remaining <= 0 {
                return Ok(None);
            }
            let v = *cur;
            *remaining -= 1;
            *cur = cur.wrapping_add(*step);
            Ok(Some(Value::Int(v)))
        }
        IterState::Str { seq, byte } => {
            let Payload::Str(s) = &seq.payload else { unreachable!() };
            let st = s.as_str();
            match st[*byte..].chars().next() {
                Some(c) => {
                    *byte += c.len_utf8();
                    drop(g);
                    Ok(Some(Value::Obj(crate::vm::char_str(c))))
                }
                None => Ok(None),
            }
        }
        IterState::Bytes { seq, idx } => {
            let b = match &seq.payload {
                Payload::Bytes(b) => b.get(*idx).copied(),
                Payload::ByteArray(b) => b.lock().get(*idx).copied(),
                _ => None,
            };
            match b {
                Some(x) => {
                    *idx += 1;
                    Ok(Some(Value::Int(x as i64)))
                }
                None => Ok(None),
            }
        }
        IterState::Dict { dict, slot, kind, len } => {
            let Payload::Dict(c) = &dict.payload else { unreachable!() };
            let d = c.lock();
            if d.len() != *len {
                drop(d);
                *len = usize::MAX; // stays broken, as CPython's
                drop(g);
                return Err(vm.runtime_error("dictionary changed size during iteration"));
            }
            let next = next_slot(&d, slot);
            drop(d);
            let kind = *kind;
            drop(g);
            Ok(next.map(|(k, v)| match kind {
                0 => k,
                1 => v,
                _ => crate::types::tuple::new_tuple(vec![k, v]),
            }))
        }
        IterState::Set { set, slot, len } => {
            let r = match &set.payload {
                Payload::Set(c) => {
                    let d = c.lock();
                    if d.len() != *len {
                        None
                    } else {
                        Some(next_set_slot(&d, slot))
                    }
                }
                Payload::FrozenSet(d) => Some(next_set_slot(d, slot)),
                _ => Some(None),
            };
            match r {
                Some(x) => Ok(x),
                None => {
                    *len = usize::MAX;
                    drop(g);
                    Err(vm.runtime_error("Set changed size during iteration"))
                }
            }
        }
        IterState::Enumerate { it, count } => {
            let (it, count) = (it.clone(), count.clone());
            drop(g);
            let Some(v) = vm.next(&it)? else { return Ok(None) };
            let nc = crate::ops::binary_op(vm, &count, &Value::Int(1), spindle_compiler::bytecode::BinOp::Add)?;
            if let IterState::Enumerate { count: c, .. } = &mut *cell.lock() {
                *c = nc;
            }
            Ok(Some(crate::types::tuple::new_tuple(vec![count, v])))
        }
        IterState::Zip { its, strict } => {
            let (its, strict) = (its.clone(), *strict);
            drop(g);
            if its.is_empty() {
                return Ok(None);
            }
            let mut out = Vec::with_capacity(its.len());
            for (i, it) in its.iter().enumerate() {
                match vm.next(it)? {
                    Some(v) => out.push(v),
                    None => {
                        *cell.lock() = IterState::Done;
                        if strict {
                            if i > 0 {
                                let s = if i == 1 { " " } else { "s 1-" };
                                return Err(vm.value_error(&format!("zip() argument {} is shorter than argument{s}{i}", i + 1)));
                            }
                            for (j, rest) in its.iter().enumerate().skip(1) {
                                if vm.next(rest)?.is_some() {
                                    let s = if j == 1 { " " } else { "s 1-" };
                                    return Err(vm.value_error(&format!("zip() argument {} is longer than argument{s}{j}", j + 1)));
                                }
                            }
                        }
                        return Ok(None);
                    }
                }
            }
            Ok(Some(crate::types::tuple::new_tuple(out)))
        }
        IterState::Map { f, its } => {
            let (f, its) = (f.clone(), its.clone());
            drop(g);
            let mut args = Vec::with_capacity(its.len());
            for it in &its {
                match vm.next(it)? {
                    Some(v) => args.push(v),
                    None => return Ok(None),
                }
            }
            vm.call(&f, &args, &[]).map(Some)
        }
        IterState::Filter { f, it } => {
            let (f, it) = (f.clone(), it.clone());
            drop(g);
            loop {
                let Some(v) = vm.next(&it)? else { return Ok(None) };
                let keep = if f.is_none() {
                    vm.truthy(&v)?
                } else {
                    let r = vm.call(&f, std::slice::from_ref(&v), &[])?;
                    vm.truthy(&r)?
                };
                if keep {
                    return Ok(Some(v));
                }
            }
        }
        IterState::Seq { obj, idx } => {
            let (obj, i) = (obj.clone(), *idx);
            drop(g);
            match vm.getitem(&obj, &Value::Int(i as i64)) {
                Ok(v) => {
                    if let IterState::Seq { idx, .. } = &mut *cell.lock() {
                        *idx = i + 1;
                    }
                    Ok(Some(v))
                }
                Err(e) if vm.is_instance_of(&e, &types().exc.index_error.clone()) || vm.is_instance_of(&e, &types().exc.stop_iteration.clone()) => {
                    *cell.lock() = IterState::Done;
                    Ok(None)
                }
                Err(e) => Err(e),
            }
        }
        IterState::SeqRev { obj, idx } => {
            if *idx == 0 {
                *g = IterState::Done;
                return Ok(None);
            }
            let (obj, i) = (obj.clone(), *idx - 1);
            *idx = i;
            drop(g);
            match vm.getitem(&obj, &Value::Int(i as i64)) {
                Ok(v) => Ok(Some(v)),
                Err(e) if vm.is_instance_of(&e, &types().exc.index_error.clone()) || vm.is_instance_of(&e, &types().exc.stop_iteration.clone()) => {
                    *cell.lock() = IterState::Done;
                    Ok(None)
                }
                Err(e) => Err(e),
            }
        }
        IterState::Callable { f, sentinel } => {
            let (f, sentinel) = (f.clone(), sentinel.clone());
            drop(g);
            let v = vm.call(&f, &[], &[])?;
            if crate::ops::eq(vm, &v, &sentinel)? {
                *cell.lock() = IterState::Done;
                return Ok(None);
            }
            Ok(Some(v))
        }
        IterState::Done => Ok(None),
    }
}

// ----- the iterator types' methods -----

pub(crate) fn it_iter(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(a.args[0].clone())
}

pub(crate) fn it_next(vm: &mut Vm, a: Args) -> PyResult {
    let it = &a.args[0];
    match native_next(vm, it) {
        Some(r) => match r? {
            Some(v) => Ok(v),
            None => Err(vm.stop_iteration(None)),
        },
        None => Err(vm.type_error("descriptor '__next__' requires an iterator")),
    }
}

/// `__length_hint__` for the sized iterators.
fn it_length_hint(_vm: &mut Vm, a: Args) -> PyResult {
    let Some(Value::Obj(o)) = a.args.first() else { return Ok(Value::Int(0)) };
    let Payload::Iter(c) = &o.payload else { return Ok(Value::Int(0)) };
    let n = match &*c.lock() {
        IterState::List { seq, idx } => match &seq.payload {
            Payload::List(l) => l.lock().len().saturating_sub(*idx),
            _ => 0,
        },
        IterState::ListRev { idx, .. } => *idx,
        IterState::Tuple { seq, idx } => match &seq.payload {
            Payload::Tuple(t) => t.len().saturating_sub(*idx),
            _ => 0,
        },
        IterState::Range { remaining, .. } => (*remaining).max(0) as usize,
        IterState::LongRange { remaining, .. } => return Ok(crate::types::int::from_bigint(remaining.clone())),
        IterState::SeqRev { idx, .. } => *idx,
        IterState::Deque { counter, .. } => *counter,
        _ => 0,
    };
    Ok(Value::Int(n as i64))
}

fn cls_arg<'a>(vm: &mut Vm, a: &'a Args, what: &str) -> PyResult<&'a ObjRef> {
    match a.args.first() {
        Some(Value::Obj(c)) if c.as_type().is_some() => Ok(c),
        _ => Err(vm.type_error(&format!("{what}.__new__(X): X is not a type object"))),
    }
}

fn no_kwargs(vm: &mut Vm, a: &Args, name: &str) -> PyResult<()> {
    if !a.kwargs.is_empty() {
        return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

fn enumerate_new(vm: &mut Vm, a: Args) -> PyResult {
    let cls = cls_arg(vm, &a, "enumerate")?.clone();
    let mut iterable = a.args.get(1).cloned();
    let mut start = a.args.get(2).cloned();
    for (k, v) in a.kwargs {
        match k.as_str() {
            Some("iterable") if iterable.is_none() => iterable = Some(v.clone()),
            Some("start") if start.is_none() => start = Some(v.clone()),
            Some(other) => return Err(vm.type_error(&format!("'{other}' is an invalid keyword argument for enumerate()"))),
            None => return Err(vm.type_error("keywords must be strings")),
        }
    }
    if a.args.len() > 3 {
        return Err(vm.type_error(&format!("enumerate() takes at most 2 arguments ({} given)", a.args.len() - 1)));
    }
    let Some(iterable) = iterable else { return Err(vm.type_error("enumerate() missing required argument 'iterable' (pos 1)")) };
    let count = match start {
        None => Value::Int(0),
        Some(s) => {
            if !crate::ops::is_int(&s) {
                let tn = vm.type_name(&s);
                return Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")));
            }
            crate::types::int::from_bigint(crate::ops::index_value(vm, &s)?)
        }
    };
    let it = vm.iter(&iterable)?;
    Ok(new_iter(&cls, IterState::Enumerate { it, count }))
}

fn zip_new(vm: &mut Vm, a: Args) -> PyResult {
    let cls = cls_arg(vm, &a, "zip")?.clone();
    let mut strict = false;
    for (k, v) in a.kwargs {
        match k.as_str() {
            Some("strict") => strict = vm.truthy(v)?,
            Some(other) => return Err(vm.type_error(&format!("zip() got an unexpected keyword argument '{other}'"))),
            None => return Err(vm.type_error("keywords must be strings")),
        }
    }
    let mut its = Vec::with_capacity(a.args.len() - 1);
    for (i, x) in a.args[1..].iter().enumerate() {
        match vm.iter(x) {
            Ok(it) => its.push(it),
            Err(e) if vm.is_instance_of(&e, &types().exc.type_error.clone()) => {
                let tn = vm.type_name(x);
                let _ = i;
                return Err(vm.type_error(&format!("'{tn}' object is not iterable")));
            }
            Err(e) => return Err(e),
        }
    }
    Ok(new_iter(&cls, IterState::Zip { its, strict }))
}

fn map_new(vm: &mut Vm, a: Args) -> PyResult {
    let cls = cls_arg(vm, &a, "map")?.clone();
    no_kwargs(vm, &a, "map")?;
    if a.args.len() < 3 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let f = a.args[1].clone();
    let mut its = Vec::new();
    for x in &a.args[2..] {
        its.push(vm.iter(x)?);
    }
    Ok(new_iter(&cls, IterState::Map { f, its }))
}

fn filter_new(vm: &mut Vm, a: Args) -> PyResult {
    let cls = cls_arg(vm, &a, "filter")?.clone();
    no_kwargs(vm, &a, "filter")?;
    if a.args.len() != 3 {
        return Err(vm.type_error(&format!("filter expected 2 arguments, got {}", a.args.len() - 1)));
    }
    let it = vm.iter(&a.args[2])?;
    Ok(new_iter(&cls, IterState::Filter { f: a.args[1].clone(), it }))
}

fn reversed_new(vm: &mut Vm, a: Args) -> PyResult {
    let _cls = cls_arg(vm, &a, "reversed")?.clone();
    no_kwargs(vm, &a, "reversed")?;
    if a.args.len() != 2 {
        return Err(vm.type_error(&format!("reversed expected 1 argument, got {}", a.args.len() - 1)));
    }
    reversed_of(vm, &a.args[1])
}

/// `reversed()` of a dict (kind 0: keys, 1: values, 2: items), also `dict.__reversed__`.
pub fn dict_reversed(d: &ObjRef, kind: u8) -> Value {
    let t = types();
    let items: Vec<Value> = crate::types::dict::dict_items(d)
        .into_iter()
        .rev()
        .map(|(k, v)| match kind {
            0 => k,
            1 => v,
            _ => crate::types::tuple::new_tuple(vec![k, v]),
        })
        .collect();
    let l = crate::types::list::new_list(items);
    let Value::Obj(lo) = &l else { unreachable!() };
    let cls = match kind {
        0 => &t.dict_reversekeyiterator,
        1 => &t.dict_reversevalueiterator,
        _ => &t.dict_reverseitemiterator,
    };
    new_iter(cls, IterState::List { seq: lo.clone(), idx: 0 })
}

/// A `list_reverseiterator` over list `l` (of `n` items now).
pub fn list_reverse_iter(l: &ObjRef, n: usize) -> Value {
    new_iter(&types().list_reverseiterator, IterState::ListRev { seq: l.clone(), idx: n })
}

/// `reversed(seq)`.
pub fn reversed_of(vm: &mut Vm, seq: &Value) -> PyResult {
    let t = types();
    if let Value::Obj(o) = seq {
        if o.cls_data().builtin {
            match &o.payload {
                Payload::List(l) => {
                    let n = l.lock().len();
                    return Ok(new_iter(&t.list_reverseiterator, IterState::ListRev { seq: o.clone(), idx: n }));
                }
                Payload::Range { .. } => return Ok(range_iter_of(seq, true)),
                Payload::Dict(_) | Payload::DictView { .. } => {
                    let (d, kind) = match &o.payload {
                        Payload::DictView { dict, kind } => (dict.clone(), *kind),
                        _ => (o.clone(), 0),
                    };
                    return Ok(dict_reversed(&d, kind));
                }
                _ => {}
            }
        }
    }
    if let Some(r) = vm.lookup_special(seq, "__reversed__") {
        if r.is_none() {
            let tn = vm.type_name(seq);
            return Err(vm.type_error(&format!("'{tn}' object is not reversible")));
        }
        return vm.call(&r, std::slice::from_ref(seq), &[]);
    }
    let is_mapping = matches!(seq, Value::Obj(o) if matches!(o.payload, Payload::Dict(_) | Payload::Set(_) | Payload::FrozenSet(_)));
    if is_mapping || vm.lookup_special(seq, "__getitem__").is_none() || vm.lookup_special(seq, "__len__").is_none() {
        let tn = vm.type_name(seq);
        return Err(vm.type_error(&format!("'{tn}' object is not reversible")));
    }
    let n = vm.len(seq)?;
    Ok(new_iter(&t.reversed, IterState::SeqRev { obj: seq.clone(), idx: n }))
}

/// `iter(callable, sentinel)`.
pub fn callable_iter(f: Value, sentinel: Value) -> Value {
    new_iter(&types().callable_iterator, IterState::Callable { f, sentinel })
}

fn it_reduce(vm: &mut Vm, a: Args) -> PyResult {
    let tn = vm.type_name(&a.args[0]);
    Err(vm.type_error(&format!("cannot pickle '{tn}' object")))
}

pub fn init(t: &BuiltinTypes) {
    let all = [
        &t.list_iterator,
        &t.list_reverseiterator,
        &t.tuple_iterator,
        &t.range_iterator,
        &t.longrange_iterator,
        &t.str_iterator,
        &t.bytes_iterator,
        &t.dict_keyiterator,
        &t.dict_valueiterator,
        &t.dict_itemiterator,
        &t.dict_reversekeyiterator,
        &t.dict_reversevalueiterator,
        &t.dict_reverseitemiterator,
        &t.set_iterator,
        &t.enumerate,
        &t.zip,
        &t.map,
        &t.filter,
        &t.reversed,
        &t.callable_iterator,
        &t.seq_iterator,
    ];
    for ty in all {
        add_methods(ty, &[("__iter__", it_iter), ("__next__", it_next), ("__length_hint__", it_length_hint), ("__reduce__", it_reduce)]);
    }
    add_staticmethod(&t.enumerate, "__new__", enumerate_new);
    add_staticmethod(&t.zip, "__new__", zip_new);
    add_staticmethod(&t.map, "__new__", map_new);
    add_staticmethod(&t.filter, "__new__", filter_new);
    add_staticmethod(&t.reversed, "__new__", reversed_new);
}
