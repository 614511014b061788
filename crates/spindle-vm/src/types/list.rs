//! `list`, and sequence indexing/slicing shared by list, tuple, str, bytes and range.

use crate::object::{ObjRef, Payload};
use crate::sync::PyCell;
use crate::types::{add_methods, add_staticmethod, types, BuiltinTypes};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};

pub fn new_list(items: Vec<Value>) -> Value {
    Value::Obj(ObjRef::new(types().list.clone(), Payload::List(PyCell::new(items))))
}

fn list_cell<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a PyCell<Vec<Value>>> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::List(l) => Ok(l),
            _ => Err(vm.type_error("descriptor requires a 'list' object")),
        },
        _ => Err(vm.type_error("descriptor requires a 'list' object")),
    }
}

/// Resolve slice bounds for a sequence of `len` (CPython's PySlice_Unpack +
/// PySlice_AdjustIndices): `start` and `stop` clamped into the sequence, `step` nonzero and at
/// least `-i64::MAX` (so it can be negated).
pub fn slice_indices(vm: &mut Vm, sl: &Value, len: i64) -> PyResult<(i64, i64, i64)> {
    let Value::Obj(o) = sl else { return Err(vm.type_error("not a slice")) };
    let Payload::Slice { start, stop, step } = &o.payload else { return Err(vm.type_error("not a slice")) };
    let step = slice_bound(vm, step)?.unwrap_or(1);
    if step == 0 {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let start = slice_bound(vm, start)?;
    let stop = slice_bound(vm, stop)?;
    Ok(adjust_slice(start, stop, step, len))
}

/// CPython's PySlice_AdjustIndices for a nonzero `step`: `start` and `stop` (None = default)
/// clamped into a sequence of `len`, `step` raised to at least `-i64::MAX`.
#[inline]
pub fn adjust_slice(start: Option<i64>, stop: Option<i64>, step: i64, len: i64) -> (i64, i64, i64) {
    let step = step.max(-i64::MAX);
    let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let adj = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(x) => {
                let x = if x < 0 { x + len } else { x };
                x.clamp(lo, hi)
            }
        }
    };
    (adj(start, if step < 0 { hi } else { lo }), adj(stop, if step < 0 { lo } else { hi }), step)
}

/// The items of `items[start:stop:step]` (bounds from `slice_indices` for a length that may
/// since have shrunk: positions past the end are skipped).
#[inline]
pub fn slice_items(items: &[Value], start: i64, stop: i64, step: i64) -> Vec<Value> {
    if step == 1 {
        let stop = (stop.max(start) as usize).min(items.len());
        items[(start as usize).min(stop)..stop].to_vec()
    } else {
        slice_iter(start, stop, step).filter_map(|i| items.get(i).cloned()).collect()
    }
}

/// `s[start:stop:step]` of an ASCII str (bounds from `slice_indices`).
#[inline]
pub fn ascii_slice(s: &str, start: i64, stop: i64, step: i64) -> Value {
    if step == 1 {
        let (a, e) = (start as usize, (stop.max(start)) as usize);
        return crate::vm::str_value(&s[a..e]);
    }
    let b = s.as_bytes();
    let out: String = slice_iter(start, stop, step).map(|i| b[i] as char).collect();
    crate::vm::string_value(out)
}

/// One field of a slice: None, or an index (big ints saturate, as CPython's
/// `_PyEval_SliceIndex`).
#[inline]
fn slice_bound(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    match v {
        Value::None => Ok(None),
        Value::Int(i) => Ok(Some(*i)),
        _ => {
            let b = crate::ops::index_value(vm, v).map_err(|_| vm.type_error("slice indices must be integers or None or have an __index__ method"))?;
            use num_traits::ToPrimitive;
            Ok(Some(b.to_i64().unwrap_or(if b.sign() == num_bigint::Sign::Minus { i64::MIN / 2 } else { i64::MAX / 2 })))
        }
    }
}

/// Number of positions of a slice resolved by `slice_indices` (CPython's
/// `PySlice_AdjustIndices` result; no overflow for any step).
#[inline]
pub fn slice_len(start: i64, stop: i64, step: i64) -> usize {
    if step > 0 && stop > start {
        ((stop - start - 1) / step + 1) as usize
    } else if step < 0 && start > stop {
        ((start - stop - 1) / -step + 1) as usize
    } else {
        0
    }
}

/// The positions of a slice resolved by `slice_indices`, in slice order.
#[inline]
pub fn slice_iter(start: i64, stop: i64, step: i64) -> impl ExactSizeIterator<Item = usize> + DoubleEndedIterator + Clone {
    // i < slice_len, so start + i * step stays inside the sequence (no overflow).
    (0..slice_len(start, stop, step)).map(move |i| (start + i as i64 * step) as usize)
}

pub fn slice_positions(start: i64, stop: i64, step: i64) -> Vec<usize> {
    slice_iter(start, stop, step).collect()
}

fn is_slice(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.payload, Payload::Slice { .. }))
}

fn seq_name(p: &Payload) -> &'static str {
    match p {
        Payload::List(_) => "list",
        Payload::Tuple(_) => "tuple",
        Payload::Str(_) => "string",
        Payload::Bytes(_) => "index",
        Payload::ByteArray(_) => "bytearray",
        Payload::Range { .. } => "range object",
        _ => "sequence",
    }
}

/// An index into a sequence named `what` ("list", "string", ...): ints and `__index__`
/// objects; an int too big for an index is an IndexError, anything else a TypeError with
/// CPython's wording.
pub fn seq_index(vm: &mut Vm, k: &Value, what: &str) -> PyResult<i64> {
    if let Some(i) = crate::ops::small_int(k) {
        return Ok(i);
    }
    let big = if let Some(b) = crate::types::int::to_bigint(k) {
        b
    } else if let Some(r) = vm.call_special(k, "__index__", &[])? {
        match crate::types::int::to_bigint(&r) {
            Some(b) => b,
            None => {
                let tn = vm.type_name(&r);
                return Err(vm.type_error(&format!("__index__ returned non-int (type {tn})")));
            }
        }
    } else {
        let tn = vm.type_name(k);
        return Err(vm.type_error(&if what == "string" {
            format!("string indices must be integers, not '{tn}'")
        } else {
            format!("{what} indices must be integers or slices, not {tn}")
        }));
    };
    use num_traits::ToPrimitive;
    match big.to_i64() {
        Some(i) => Ok(i),
        None => {
            let tn = vm.type_name(k);
            let tn = if crate::ops::is_int(k) { tn } else { "int".to_string() };
            Err(vm.index_error(&format!("cannot fit '{tn}' into an index-sized integer")))
        }
    }
}

/// `seq[k]` for list, tuple, str, bytes, bytearray, range.
pub fn seq_getitem(vm: &mut Vm, c: &Value, k: &Value) -> PyResult {
    let Value::Obj(o) = c else { return Err(vm.type_error("not a sequence")) };
    if let Payload::Range { .. } = &o.payload {
        return crate::types::range::range_getitem(vm, c, k);
    }
    let len = match &o.payload {
        Payload::List(l) => l.lock().len(),
        Payload::Tuple(t) => t.len(),
        Payload::Str(s) => s.char_len(),
        Payload::Bytes(b) => b.len(),
        Payload::ByteArray(b) => b.lock().len(),
        _ => return Err(vm.type_error("not a sequence")),
    } as i64;
    if is_slice(k) {
        let (start, stop, step) = slice_indices(vm, k, len)?;
        let pos = slice_iter(start, stop, step);
        return Ok(match &o.payload {
            Payload::List(l) => {
                // The list may have shrunk since `len` was read (`__index__` ran Python code,
                // or another thread in free-threaded mode): positions are re-checked.
                let v = slice_items(&l.lock(), start, stop, step);
                new_list(v)
            }
            Payload::Tuple(t) => {
                if step == 1 && start == 0 && stop == len && o.cls_data().builtin {
                    return Ok(c.clone());
                }
                let v: Vec<Value> = if step == 1 { t[start as usize..(stop.max(start) as usize)].to_vec() } else { pos.map(|i| t[i].clone()).collect() };
                crate::types::tuple::new_tuple(v)
            }
            Payload::Str(s) => {
                if s.is_ascii() {
                    ascii_slice(s.as_str(), start, stop, step)
                } else {
                    let chars: Vec<char> = s.as_str().chars().collect();
                    let out: String = pos.map(|i| chars[i]).collect();
                    vm.new_string(out)
                }
            }
            Payload::Bytes(b) => crate::types::bytes::new_bytes(pos.map(|i| b[i]).collect()),
            Payload::ByteArray(b) => {
                let g = b.lock();
                let v: Vec<u8> = pos.filter_map(|i| g.get(i).copied()).collect();
                drop(g);
                crate::types::bytes::new_bytearray(v)
            }
            _ => unreachable!(),
        });
    }
    let what = match &o.payload {
        Payload::Str(_) => "string",
        Payload::Bytes(_) => "byte",
        p => seq_name(p),
    };
    let idx = seq_index(vm, k, what)?;
    let j = if idx < 0 { idx.saturating_add(len) } else { idx };
    if j < 0 || j >= len {
        let what = match &o.payload {
            Payload::Str(_) => "string index out of range",
            Payload::List(_) => "list index out of range",
            Payload::Tuple(_) => "tuple index out of range",
            Payload::ByteArray(_) => "bytearray index out of range",
            _ => "index out of range",
        };
        return Err(vm.index_error(what));
    }
    let j = j as usize;
    let gone = |vm: &mut Vm| vm.index_error(if matches!(o.payload, Payload::List(_)) { "list index out of range" } else { "bytearray index out of range" });
    Ok(match &o.payload {
        // Re-checked under the lock: the sequence may have shrunk since `len` was read.
        Payload::List(l) => match l.lock().get(j).cloned() {
            Some(v) => v,
            None => return Err(gone(vm)),
        },
        Payload::Tuple(t) => t[j].clone(),
        Payload::Str(s) => {
            let ch = s.char_at(j).unwrap_or(' ');
            Value::Obj(crate::vm::char_str(ch))
        }
        Payload::Bytes(b) => Value::Int(b[j] as i64),
        Payload::ByteArray(b) => match b.lock().get(j).copied() {
            Some(v) => Value::Int(v as i64),
            None => return Err(gone(vm)),
        },
        _ => unreachable!(),
    })
}

/// `seq[k] = v` (v Some) or `del seq[k]` (v None) for list and bytearray.
pub fn seq_setitem(vm: &mut Vm, c: &Value, k: &Value, v: Option<Value>) -> PyResult<()> {
    let Value::Obj(o) = c else { return Err(vm.type_error("not a sequence")) };
    if let Payload::ByteArray(b) = &o.payload {
        return crate::types::bytes::bytearray_setitem(vm, b, k, v);
    }
    let Payload::List(l) = &o.payload else { return Err(vm.type_error("not a list")) };
    let len = l.lock().len() as i64;
    if is_slice(k) {
        let (start, stop, step) = slice_indices(vm, k, len)?;
        match v {
            Some(val) => {
                let items = take_items(vm, val)?;
                let mut g = l.lock();
                // Collecting `val` ran Python code that may have shrunk the list: clamp.
                let n = g.len();
                if step == 1 {
                    let stop = (stop.max(start) as usize).min(n);
                    let start = (start as usize).min(stop);
                    if stop - start == items.len() {
                        // Same length: overwrite in place (the old items dropped unlocked).
                        let old: Vec<Value> = g[start..stop].iter_mut().zip(items).map(|(slot, it)| std::mem::replace(slot, it)).collect();
                        drop(g);
                        drop_last_first(old);
                    } else {
                        let removed: Vec<Value> = g.splice(start..stop, items).collect();
                        drop(g);
                        drop_last_first(removed);
                    }
                } else {
                    let pos = slice_iter(start, stop, step);
                    let count = pos.len();
                    if count != items.len() || (count > 0 && pos.clone().any(|p| p >= n)) {
                        drop(g);
                        if count == items.len() {
                            return Err(vm.index_error("list changed size during assignment"));
                        }
                        return Err(vm.value_error(&format!("attempt to assign sequence of size {} to extended slice of size {}", items.len(), count)));
                    }
                    let old: Vec<Value> = pos.zip(items).map(|(p, it)| std::mem::replace(&mut g[p], it)).collect();
                    drop(g);
                    drop(old);
                }
            }
            None => {
                let mut pos = slice_positions(start, stop, step);
                pos.sort_unstable();
                let mut g = l.lock();
                let mut removed = Vec::new();
                for p in pos.into_iter().rev() {
                    if p < g.len() {
                        removed.push(g.remove(p));
                    }
                }
                drop(g);
                drop(removed);
            }
        }
        return Ok(());
    }
    let idx = seq_index(vm, k, "list")?;
    let j = if idx < 0 { idx + len } else { idx };
    if j < 0 || j >= len {
        return Err(vm.index_error("list assignment index out of range"));
    }
    let mut g = l.lock();
    if j as usize >= g.len() {
        // Shrunk by another thread since `len` was read.
        drop(g);
        return Err(vm.index_error("list assignment index out of range"));
    }
    let old = match v {
        Some(val) => std::mem::replace(&mut g[j as usize], val),
        None => g.remove(j as usize),
    };
    drop(g);
    drop(old);
    Ok(())
}

/// The items of `v` as a vector (`list(v)`): a builtin list nobody else references gives up its
/// vector instead of being copied (it is dropped right after anyway).
fn take_items(vm: &mut Vm, v: Value) -> PyResult<Vec<Value>> {
    if let Value::Obj(o) = &v {
        if let Payload::List(l) = &o.payload {
            if o.refcount() == 1 && o.cls_data().builtin {
                return Ok(std::mem::take(&mut *l.lock()));
            }
        }
    }
    if matches!(&v, Value::Obj(o) if o.cls_data().builtin && matches!(o.payload, Payload::List(_) | Payload::Tuple(_))) {
        return vm.collect(&v);
    }
    // CPython's PySequence_Fast(v, "can only assign an iterable").
    let it = match vm.iter(&v) {
        Ok(it) => it,
        Err(e) if vm.is_instance_of(&e, &types().exc.type_error.clone()) => return Err(vm.type_error("can only assign an iterable")),
        Err(e) => return Err(e),
    };
    vm.collect(&it)
}

fn list_new(vm: &mut Vm, a: Args) -> PyResult {
    let c = crate::types::check_new(vm, &types().list, &a)?;
    if c.is(&types().list) {
        return Ok(new_list(Vec::new()));
    }
    Ok(Value::Obj(crate::types::new_object(&c, Payload::List(PyCell::new(Vec::new())))))
}

fn list_init(vm: &mut Vm, a: Args) -> PyResult {
    if !a.kwargs.is_empty() {
        return Err(vm.type_error("list() takes no keyword arguments"));
    }
    if a.args.len() > 2 {
        return Err(vm.type_error(&format!("list expected at most 1 argument, got {}", a.args.len() - 1)));
    }
    let items = match a.args.get(1) {
        Some(v) => vm.collect(v)?,
        None => Vec::new(),
    };
    let l = list_cell(vm, &a.args[0])?;
    let old = std::mem::replace(&mut *l.lock(), items);
    drop(old);
    Ok(Value::None)
}

fn list_append(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() != 2 {
        return Err(vm.type_error(&format!("list.append() takes exactly one argument ({} given)", a.args.len() - 1)));
    }
    list_cell(vm, &a.args[0])?.lock().push(a.args[1].clone());
    Ok(Value::None)
}

fn list_extend(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    let items = vm.collect(&a.args[1])?;
    list_cell(vm, &a.args[0])?.lock().extend(items);
    Ok(Value::None)
}

fn list_pop(vm: &mut Vm, a: Args) -> PyResult {
    let l = list_cell(vm, &a.args[0])?;
    let mut g = l.lock();
    if g.is_empty() {
        drop(g);
        return Err(vm.index_error("pop from empty list"));
    }
    let n = g.len() as i64;
    let i = a.args.get(1).and_then(crate::ops::small_int).unwrap_or(-1);
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        drop(g);
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(g.remove(j as usize))
}

fn list_insert(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::check_positional(vm, &a, 1, "insert", 2, 2)?;
    let l = list_cell(vm, &a.args[0])?;
    let i = crate::types::int::as_ssize(vm, &a.args[1])?;
    let mut g = l.lock();
    let n = g.len() as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    g.insert(j as usize, a.args[2].clone());
    Ok(Value::None)
}

fn list_items(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    Ok(list_cell(vm, v)?.lock().clone())
}

/// Item `i` of the list now, if it still has one: `index`, `count` and `remove` compare
/// items one at a time with the lock released, and `__eq__` (or another thread) may change the
/// list meanwhile, so each step re-reads the current item and length, as CPython's loops do.
fn item_now(l: &PyCell<Vec<Value>>, i: usize) -> Option<Value> {
    l.lock().get(i).cloned()
}

fn list_index(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    let l = list_cell(vm, &a.args[0])?;
    let n = l.lock().len() as i64;
    let norm = |i: i64| if i < 0 { (i + n).max(0) } else { i.min(n) };
    let start = a.args.get(2).and_then(crate::ops::small_int).map(norm).unwrap_or(0);
    let stop = a.args.get(3).and_then(crate::ops::small_int).map(norm).unwrap_or(n);
    let mut i = start;
    while i < stop {
        let Some(item) = item_now(l, i as usize) else { break };
        if crate::ops::eq(vm, &item, &a.args[1])? {
            return Ok(Value::Int(i));
        }
        i += 1;
    }
    let r = vm.repr(&a.args[1])?;
    Err(vm.value_error(&format!("{r} is not in list")))
}

fn list_count(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    let l = list_cell(vm, &a.args[0])?;
    let mut c = 0;
    let mut i = 0;
    while let Some(item) = item_now(l, i) {
        if crate::ops::eq(vm, &item, &a.args[1])? {
            c += 1;
        }
        i += 1;
    }
    Ok(Value::Int(c))
}

fn list_remove(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    let l = list_cell(vm, &a.args[0])?;
    let mut i = 0;
    while let Some(item) = item_now(l, i) {
        if crate::ops::eq(vm, &item, &a.args[1])? {
            // `del self[i:i+1]`: nothing happens if the list has shrunk meanwhile.
            let mut g = l.lock();
            let old = if i < g.len() { Some(g.remove(i)) } else { None };
            drop(g);
            drop(old);
            return Ok(Value::None);
        }
        i += 1;
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn list_reverse(vm: &mut Vm, a: Args) -> PyResult {
    list_cell(vm, &a.args[0])?.lock().reverse();
    Ok(Value::None)
}

fn list_clear(vm: &mut Vm, a: Args) -> PyResult {
    let old = std::mem::take(&mut *list_cell(vm, &a.args[0])?.lock());
    drop(old);
    Ok(Value::None)
}

fn list_copy(vm: &mut Vm, a: Args) -> PyResult {
    Ok(new_list(list_items(vm, &a.args[0])?))
}

fn list_sort(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    for (k, _) in a.kwargs {
        match k.as_str() {
            Some("key" | "reverse") => {}
            Some(other) => return Err(vm.type_error(&format!("'{other}' is an invalid keyword argument for sort()"))),
            None => return Err(vm.type_error("keywords must be strings")),
        }
    }
    let key = a.kw("key").cloned().filter(|k| !k.is_none());
    let reverse = match a.kw("reverse") {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    // As CPython, the list is empty while it sorts; changes made meanwhile are an error.
    let items = std::mem::take(&mut *list_cell(vm, &a.args[0])?.lock());
    let r = crate::builtins::sort_values(vm, items, key.as_ref(), reverse);
    let l = list_cell(vm, &a.args[0])?;
    let (items, err) = match r {
        Ok(sorted) => (sorted, None),
        Err((e, orig)) => (orig, Some(e)),
    };
    let meddled = std::mem::replace(&mut *l.lock(), items);
    let modified = !meddled.is_empty();
    drop(meddled);
    if let Some(e) = err {
        return Err(e);
    }
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(Value::None)
}

fn list_reversed(vm: &mut Vm, a: Args) -> PyResult {
    // Straight from the payload: `reversed_of` of a list subclass would look up
    // `__reversed__` again and come back here.
    let n = list_cell(vm, &a.args[0])?.lock().len();
    let Value::Obj(o) = &a.args[0] else { unreachable!("list_cell checked a list") };
    Ok(crate::types::iters::list_reverse_iter(o, n))
}

fn list_repr(vm: &mut Vm, a: Args) -> PyResult {
    let items = list_items(vm, &a.args[0])?;
    if vm.depth > 900 {
        return Err(vm.recursion_error());
    }
    let Some(_leave) = crate::vm::repr_enter(a.args[0].id()) else { return Ok(vm.new_str("[...]")) };
    let mut parts = Vec::with_capacity(items.len());
    for it in &items {
        parts.push(vm.repr(it)?);
    }
    Ok(vm.new_string(format!("[{}]", parts.join(", "))))
}

fn list_len(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Int(list_cell(vm, &a.args[0])?.lock().len() as i64))
}

fn list_getitem(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    seq_getitem(vm, &a.args[0], &a.args[1])
}
fn list_setitem(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 2)?;
    seq_setitem(vm, &a.args[0], &a.args[1], Some(a.args[2].clone()))?;
    Ok(Value::None)
}
fn list_delitem(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    seq_setitem(vm, &a.args[0], &a.args[1], None)?;
    Ok(Value::None)
}
fn list_iadd(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    let items = vm.collect(&a.args[1])?;
    list_cell(vm, &a.args[0])?.lock().extend(items);
    Ok(a.args[0].clone())
}
fn list_contains(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    let items = list_items(vm, &a.args[0])?;
    for it in &items {
        if it.is(&a.args[1]) || crate::ops::eq(vm, it, &a.args[1])? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}
fn list_iter(vm: &mut Vm, a: Args) -> PyResult {
    let o = a.args[0].as_obj().cloned().ok_or_else(|| vm.type_error("not a list"))?;
    Ok(crate::types::iters::list_iter(&o))
}

pub fn init(t: &BuiltinTypes) {
    add_staticmethod(&t.list, "__new__", list_new);
    add_methods(&t.list, &[
        ("__init__", list_init), ("append", list_append), ("extend", list_extend), ("pop", list_pop), ("insert", list_insert), ("index", list_index),
        ("count", list_count), ("remove", list_remove), ("reverse", list_reverse), ("clear", list_clear), ("copy", list_copy), ("sort", list_sort), ("__reversed__", list_reversed),
        ("__repr__", list_repr), ("__len__", list_len), ("__getitem__", list_getitem), ("__setitem__", list_setitem), ("__delitem__", list_delitem),
        ("__iadd__", list_iadd), ("__contains__", list_contains), ("__iter__", list_iter),
    ]);
    crate::types::set_type_attr(&t.list, "__hash__", Value::None);
}

/// Drop the items a slice assignment replaced, last first (CPython's `list_ass_slice` order,
/// which decides the order of their `__del__`s).
pub fn drop_last_first(mut items: Vec<Value>) {
    while let Some(v) = items.pop() {
        drop(v);
    }
}
