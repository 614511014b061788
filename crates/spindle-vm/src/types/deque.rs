//! `collections.deque` (CPython's `_collections.deque`) and its two iterators.
//!
//! The items are a `VecDeque<Value>` in `Payload::Deque`, behind the object's `PyCell`: every
//! end operation (append/appendleft/pop/popleft) is one lock and O(1), so it is atomic with
//! respect to other threads, with the GIL and under `-X gil=0` alike (the producer/consumer
//! idiom without a lock relies on that). `state` counts the changes of structure (CPython's
//! `deque->state`): iterators and the searches that call `__eq__` (`count`, `index`, `remove`,
//! `in`) compare items with the lock released and check it afterwards, raising CPython's
//! errors when the deque was mutated meanwhile.

use crate::object::{ObjRef, Payload};
use crate::sync::PyCell;
use crate::types::iters::IterState;
use crate::types::{add_classmethod, add_getters, add_method_sig, add_methods, add_staticmethod, types, BuiltinTypes};
use crate::native_sig::Sig;
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};
use std::collections::VecDeque;

/// A deque's contents. Protected by the object's `PyCell`.
pub struct DequeData {
    pub items: VecDeque<Value>,
    /// `maxlen`: None when unbounded. Only `__init__` changes it.
    pub maxlen: Option<usize>,
    /// Bumped by every operation that adds, removes or moves items (not by `d[i] = x` or
    /// `reverse()`, as in CPython).
    pub state: u64,
}

impl DequeData {
    pub fn new(maxlen: Option<usize>) -> DequeData {
        DequeData { items: VecDeque::new(), maxlen, state: 0 }
    }

    /// Append on the right; returns the item pushed out on the left by `maxlen` (to be dropped
    /// after the lock is released).
    #[inline]
    fn push_back(&mut self, v: Value) -> Option<Value> {
        self.state = self.state.wrapping_add(1);
        self.items.push_back(v);
        match self.maxlen {
            Some(m) if self.items.len() > m => self.items.pop_front(),
            _ => None,
        }
    }

    #[inline]
    fn push_front(&mut self, v: Value) -> Option<Value> {
        self.state = self.state.wrapping_add(1);
        self.items.push_front(v);
        match self.maxlen {
            Some(m) if self.items.len() > m => self.items.pop_back(),
            _ => None,
        }
    }
}

fn not_a_deque(vm: &mut Vm, v: &Value, name: &str) -> crate::PyErr {
    let tn = vm.type_name(v);
    // Slot wrappers (`__len__`, `__init__`, ...) and method descriptors word it differently.
    let method = !name.starts_with("__") || matches!(name, "__copy__" | "__reduce__" | "__reversed__" | "__sizeof__" | "__class_getitem__");
    if method {
        vm.type_error(&format!("descriptor '{name}' for 'collections.deque' objects doesn't apply to a '{tn}' object"))
    } else {
        vm.type_error(&format!("descriptor '{name}' requires a 'collections.deque' object but received a '{tn}'"))
    }
}

/// The deque cell of `v`, or CPython's descriptor error for method `name`.
#[inline]
fn cell_of<'a>(vm: &mut Vm, v: &'a Value, name: &str) -> PyResult<&'a PyCell<DequeData>> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Deque(c) => Ok(c),
            _ => Err(not_a_deque(vm, v, name)),
        },
        _ => Err(not_a_deque(vm, v, name)),
    }
}

/// The deque cell of a value, if it is a deque (or subclass instance).
pub fn deque_cell(v: &Value) -> Option<&PyCell<DequeData>> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Deque(c) => Some(c),
            _ => None,
        },
        _ => None,
    }
}

fn self_arg<'a>(vm: &mut Vm, a: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    match a.args.first() {
        Some(v) => Ok(v),
        None => Err(vm.type_error(&format!("unbound method deque.{name}() needs an argument"))),
    }
}

fn no_kwargs(vm: &mut Vm, a: &Args, name: &str) -> PyResult<()> {
    if a.kwargs.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(&format!("deque.{name}() takes no keyword arguments")))
    }
}

fn not_implemented() -> Value {
    Value::Obj(types().not_implemented_obj.clone())
}

pub fn new_deque(items: VecDeque<Value>, maxlen: Option<usize>) -> Value {
    Value::Obj(ObjRef::new(types().deque.clone(), Payload::Deque(PyCell::new(DequeData { items, maxlen, state: 0 }))))
}

// ----- construction -----

fn deque_new(vm: &mut Vm, a: Args) -> PyResult {
    // As CPython's deque_new: any arguments (they are `__init__`'s).
    let c = crate::types::check_new(vm, &types().deque, &a)?;
    Ok(Value::Obj(crate::types::new_object(&c, Payload::Deque(PyCell::new(DequeData::new(None))))))
}

/// `maxlen` as CPython's `PyLong_AsSsize_t` (ints only, no `__index__`).
fn maxlen_arg(vm: &mut Vm, v: &Value) -> PyResult<Option<usize>> {
    if v.is_none() {
        return Ok(None);
    }
    if !crate::ops::is_int(v) {
        return Err(vm.type_error("an integer is required"));
    }
    let n = crate::types::int::as_ssize(vm, v)?;
    if n < 0 {
        return Err(vm.value_error("maxlen must be non-negative"));
    }
    Ok(Some(n as usize))
}

fn deque_init(vm: &mut Vm, a: Args) -> PyResult {
    let me = self_arg(vm, &a, "__init__")?;
    let cell = cell_of(vm, me, "__init__")?;
    let pos = &a.args[1..];
    let given = pos.len() + a.kwargs.len();
    if given > 2 {
        return Err(vm.type_error(&format!("deque() takes at most 2 arguments ({given} given)")));
    }
    let mut iterable = pos.first().cloned();
    let mut maxlen = pos.get(1).cloned();
    for (k, v) in a.kwargs {
        let name = k.as_str().unwrap_or("");
        let (slot, at) = match name {
            "iterable" => (&mut iterable, 1),
            "maxlen" => (&mut maxlen, 2),
            _ => return Err(vm.type_error(&format!("'{name}' is an invalid keyword argument for deque()"))),
        };
        if slot.is_some() {
            return Err(vm.type_error(&format!("argument for deque() given by name ('{name}') and position ({at})")));
        }
        *slot = Some(v.clone());
    }
    let maxlen = match &maxlen {
        Some(m) => maxlen_arg(vm, m)?,
        None => None,
    };
    let old = {
        let mut g = cell.lock();
        g.maxlen = maxlen;
        if g.items.is_empty() {
            VecDeque::new()
        } else {
            g.state = g.state.wrapping_add(1);
            std::mem::take(&mut g.items)
        }
    };
    drop(old);
    if let Some(it) = iterable {
        extend_impl(vm, me, cell, &it, false)?;
    }
    Ok(Value::None)
}

// ----- the ends -----

fn deque_append(vm: &mut Vm, a: Args) -> PyResult {
    let cell = cell_of(vm, &a.args[0], "append")?;
    let old = cell.lock().push_back(a.args[1].clone());
    drop(old);
    Ok(Value::None)
}

fn deque_appendleft(vm: &mut Vm, a: Args) -> PyResult {
    let cell = cell_of(vm, &a.args[0], "appendleft")?;
    let old = cell.lock().push_front(a.args[1].clone());
    drop(old);
    Ok(Value::None)
}

fn deque_pop(vm: &mut Vm, a: Args) -> PyResult {
    let cell = cell_of(vm, &a.args[0], "pop")?;
    let r = {
        let mut g = cell.lock();
        let r = g.items.pop_back();
        if r.is_some() {
            g.state = g.state.wrapping_add(1);
        }
        r
    };
    r.ok_or_else(|| vm.index_error("pop from an empty deque"))
}

fn deque_popleft(vm: &mut Vm, a: Args) -> PyResult {
    let cell = cell_of(vm, &a.args[0], "popleft")?;
    let r = {
        let mut g = cell.lock();
        let r = g.items.pop_front();
        if r.is_some() {
            g.state = g.state.wrapping_add(1);
        }
        r
    };
    r.ok_or_else(|| vm.index_error("pop from an empty deque"))
}

/// Push `items` on one end under one lock; the items pushed out by `maxlen` are dropped after.
fn push_all(cell: &PyCell<DequeData>, items: Vec<Value>, left: bool) {
    let mut out = Vec::new();
    {
        let mut g = cell.lock();
        if g.maxlen.is_none() && !left {
            g.state = g.state.wrapping_add(items.len() as u64);
            g.items.extend(items);
            return;
        }
        for v in items {
            let old = if left { g.push_front(v) } else { g.push_back(v) };
            if let Some(o) = old {
                out.push(o);
            }
        }
    }
    drop(out);
}

/// `extend` / `extendleft` (also `__init__`, `__iadd__`, `+`).
fn extend_impl(vm: &mut Vm, me: &Value, cell: &PyCell<DequeData>, iterable: &Value, left: bool) -> PyResult<()> {
    // A snapshot first when extending by itself, as CPython.
    if iterable.is(me) {
        let items: Vec<Value> = cell.lock().items.iter().cloned().collect();
        push_all(cell, items, left);
        return Ok(());
    }
    if let Value::Obj(o) = iterable {
        if o.cls_data().builtin && matches!(o.payload, Payload::List(_) | Payload::Tuple(_)) {
            let items = vm.collect(iterable)?;
            if cell.lock().maxlen == Some(0) {
                return Ok(());
            }
            push_all(cell, items, left);
            return Ok(());
        }
    }
    let it = vm.iter(iterable)?;
    let zero = cell.lock().maxlen == Some(0);
    while let Some(v) = vm.next(&it)? {
        if zero {
            // CPython consumes the iterator without storing anything.
            continue;
        }
        let old = {
            let mut g = cell.lock();
            if left {
                g.push_front(v)
            } else {
                g.push_back(v)
            }
        };
        drop(old);
    }
    Ok(())
}

fn deque_extend(vm: &mut Vm, a: Args) -> PyResult {
    let cell = cell_of(vm, &a.args[0], "extend")?;
    extend_impl(vm, &a.args[0], cell, &a.args[1], false)?;
    Ok(Value::None)
}

fn deque_extendleft(vm: &mut Vm, a: Args) -> PyResult {
    let cell = cell_of(vm, &a.args[0], "extendleft")?;
    extend_impl(vm, &a.args[0], cell, &a.args[1], true)?;
    Ok(Value::None)
}

fn deque_clear(vm: &mut Vm, a: Args) -> PyResult {
    let cell = cell_of(vm, &a.args[0], "clear")?;
    let old = {
        let mut g = cell.lock();
        g.state = g.state.wrapping_add(1);
        std::mem::take(&mut g.items)
    };
    drop(old);
    Ok(Value::None)
}

/// CPython's `_deque_rotate`: nothing (not even a state change) for fewer than 2 items.
fn rotate_impl(g: &mut DequeData, n: i64) {
    let len = g.items.len();
    if len <= 1 {
        return;
    }
    let k = n.rem_euclid(len as i64) as usize;
    if k <= len / 2 {
        g.items.rotate_right(k);
    } else {
        g.items.rotate_left(len - k);
    }
    g.state = g.state.wrapping_add(1);
}

fn deque_rotate(vm: &mut Vm, a: Args) -> PyResult {
    let me = self_arg(vm, &a, "rotate")?;
    let cell = cell_of(vm, me, "rotate")?;
    no_kwargs(vm, &a, "rotate")?;
    let n = match a.args.len() {
        1 => 1,
        2 => crate::types::int::as_ssize(vm, &a.args[1])?,
        k => return Err(vm.type_error(&format!("deque.rotate expected at most 1 argument, got {}", k - 1))),
    };
    rotate_impl(&mut cell.lock(), n);
    Ok(Value::None)
}

fn deque_reverse(vm: &mut Vm, a: Args) -> PyResult {
    let cell = cell_of(vm, &a.args[0], "reverse")?;
    // In place, without a state change (CPython's deque_reverse swaps items).
    cell.lock().items.make_contiguous().reverse();
    Ok(Value::None)
}

// ----- searching and editing -----

/// Item `i` of the deque if its state is still `state`: Err(()) when it changed.
#[inline]
fn item_if_state(cell: &PyCell<DequeData>, i: usize, state: u64) -> Result<Option<Value>, ()> {
    let g = cell.lock();
    if g.state != state {
        return Err(());
    }
    Ok(g.items.get(i).cloned())
}

fn state_now(cell: &PyCell<DequeData>) -> u64 {
    cell.lock().state
}

fn mutated(vm: &mut Vm) -> crate::PyErr {
    vm.runtime_error("deque mutated during iteration")
}

/// CPython's `PyObject_RichCompareBool(a, b, Py_EQ)`: identity first.
#[inline]
fn same(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    Ok(a.is(b) || crate::ops::eq(vm, a, b)?)
}

fn deque_count(vm: &mut Vm, a: Args) -> PyResult {
    let cell = cell_of(vm, &a.args[0], "count")?;
    let (n, state) = {
        let g = cell.lock();
        (g.items.len(), g.state)
    };
    let mut count = 0i64;
    for i in 0..n {
        let Ok(Some(item)) = item_if_state(cell, i, state) else { return Err(mutated(vm)) };
        if same(vm, &item, &a.args[1])? {
            count += 1;
        }
        if state_now(cell) != state {
            return Err(mutated(vm));
        }
    }
    Ok(Value::Int(count))
}

fn deque_contains(vm: &mut Vm, a: Args) -> PyResult {
    let cell = cell_of(vm, &a.args[0], "__contains__")?;
    let (n, state) = {
        let g = cell.lock();
        (g.items.len(), g.state)
    };
    for i in 0..n {
        let Ok(Some(item)) = item_if_state(cell, i, state) else { return Err(mutated(vm)) };
        if same(vm, &item, &a.args[1])? {
            return Ok(Value::Bool(true));
        }
        if state_now(cell) != state {
            return Err(mutated(vm));
        }
    }
    Ok(Value::Bool(false))
}

/// `_PyEval_SliceIndexNotNone`: an int or `__index__` object, big values saturated.
fn slice_index(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Value::Int(i) = v {
        return Ok(*i);
    }
    let is_index = crate::ops::is_int(v) || vm.lookup_special(v, "__index__").is_some();
    if !is_index {
        return Err(vm.type_error("slice indices must be integers or have an __index__ method"));
    }
    let b = crate::ops::index_value(vm, v)?;
    use num_traits::ToPrimitive;
    Ok(b.to_i64().unwrap_or(if b.sign() == num_bigint::Sign::Minus { i64::MIN } else { i64::MAX }))
}

fn deque_index(vm: &mut Vm, a: Args) -> PyResult {
    let me = self_arg(vm, &a, "index")?;
    let cell = cell_of(vm, me, "index")?;
    no_kwargs(vm, &a, "index")?;
    let given = a.args.len() - 1;
    if given == 0 {
        return Err(vm.type_error("index() takes at least 1 argument (0 given)"));
    }
    if given > 3 {
        return Err(vm.type_error(&format!("index() takes at most 3 arguments ({given} given)")));
    }
    let v = &a.args[1];
    let mut start = match a.args.get(2) {
        Some(s) => slice_index(vm, s)?,
        None => 0,
    };
    let mut stop = match a.args.get(3) {
        Some(s) => slice_index(vm, s)?,
        None => i64::MAX,
    };
    let (len, state) = {
        let g = cell.lock();
        (g.items.len() as i64, g.state)
    };
    if start < 0 {
        start = (start.saturating_add(len)).max(0);
    }
    if stop < 0 {
        stop = (stop.saturating_add(len)).max(0);
    }
    stop = stop.min(len);
    start = start.min(stop);
    for i in start..stop {
        let Ok(Some(item)) = item_if_state(cell, i as usize, state) else { return Err(mutated(vm)) };
        if same(vm, &item, v)? {
            return Ok(Value::Int(i));
        }
        if state_now(cell) != state {
            return Err(mutated(vm));
        }
    }
    let r = vm.repr(v)?;
    Err(vm.value_error(&format!("{r} is not in deque")))
}

fn deque_remove(vm: &mut Vm, a: Args) -> PyResult {
    let cell = cell_of(vm, &a.args[0], "remove")?;
    let (n, state) = {
        let g = cell.lock();
        (g.items.len(), g.state)
    };
    for i in 0..n {
        let Ok(Some(item)) = item_if_state(cell, i, state) else { return Err(vm.index_error("deque mutated during iteration")) };
        let hit = same(vm, &item, &a.args[1])?;
        let removed = {
            let mut g = cell.lock();
            if g.state != state {
                None
            } else if hit {
                g.state = g.state.wrapping_add(1);
                Some(g.items.remove(i))
            } else {
                Some(None)
            }
        };
        match removed {
            None => return Err(vm.index_error("deque mutated during iteration")),
            Some(Some(old)) => {
                drop(old);
                return Ok(Value::None);
            }
            Some(None) => {}
        }
    }
    let r = vm.repr(&a.args[1])?;
    Err(vm.value_error(&format!("{r} is not in deque")))
}

fn deque_insert(vm: &mut Vm, a: Args) -> PyResult {
    let me = self_arg(vm, &a, "insert")?;
    let cell = cell_of(vm, me, "insert")?;
    no_kwargs(vm, &a, "insert")?;
    if a.args.len() != 3 {
        return Err(vm.type_error(&format!("insert() takes exactly 2 arguments ({} given)", a.args.len() - 1)));
    }
    let i = crate::types::int::as_ssize(vm, &a.args[1])?;
    let mut g = cell.lock();
    let n = g.items.len() as i64;
    if g.maxlen == Some(n as usize) {
        drop(g);
        return Err(vm.index_error("deque already at its maximum size"));
    }
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    g.items.insert(j as usize, a.args[2].clone());
    g.state = g.state.wrapping_add(1);
    Ok(Value::None)
}

// ----- the sequence protocol -----

fn deque_len(vm: &mut Vm, a: Args) -> PyResult {
    let cell = cell_of(vm, &a.args[0], "__len__")?;
    Ok(Value::Int(cell.lock().items.len() as i64))
}

/// An item index. `syntax`: as `d[k]` converts it (`PyNumber_AsSsize_t(key, IndexError)`
/// after `_PyIndex_Check`); otherwise as the `__getitem__`/`__setitem__` wrappers called
/// directly do (`PyNumber_AsSsize_t(key, OverflowError)`).
fn item_index(vm: &mut Vm, k: &Value, syntax: bool) -> PyResult<i64> {
    if let Value::Int(i) = k {
        return Ok(*i);
    }
    if !crate::ops::is_int(k) && vm.lookup_special(k, "__index__").is_none() {
        let tn = vm.type_name(k);
        return Err(vm.type_error(&if syntax { format!("sequence index must be integer, not '{tn}'") } else { format!("'{tn}' object cannot be interpreted as an integer") }));
    }
    let b = crate::ops::index_value(vm, k)?;
    use num_traits::ToPrimitive;
    match b.to_i64() {
        Some(i) => Ok(i),
        None => {
            let tn = if crate::ops::is_int(k) { vm.type_name(k) } else { "int".to_string() };
            let msg = format!("cannot fit '{tn}' into an index-sized integer");
            Err(if syntax { vm.index_error(&msg) } else { vm.overflow_error(&msg) })
        }
    }
}

/// Position of index `i` in a deque of `len` items, or None when out of range.
#[inline]
fn position(i: i64, len: usize) -> Option<usize> {
    let len = len as i64;
    let j = if i < 0 { i + len } else { i };
    if (0..len).contains(&j) {
        Some(j as usize)
    } else {
        None
    }
}

/// `d[k]` (`syntax`: from the subscription, else a direct `__getitem__` call).
pub fn getitem(vm: &mut Vm, cell: &PyCell<DequeData>, k: &Value, syntax: bool) -> PyResult {
    let i = item_index(vm, k, syntax)?;
    let r = {
        let g = cell.lock();
        position(i, g.items.len()).and_then(|j| g.items.get(j).cloned())
    };
    r.ok_or_else(|| vm.index_error("deque index out of range"))
}

/// `d[k] = v` (`v` Some) or `del d[k]`; `syntax` as in `getitem`. Assignment leaves the state
/// alone (as CPython), deletion changes it.
pub fn setitem(vm: &mut Vm, cell: &PyCell<DequeData>, k: &Value, v: Option<Value>, syntax: bool) -> PyResult<()> {
    let i = item_index(vm, k, syntax)?;
    let old = {
        let mut g = cell.lock();
        match position(i, g.items.len()) {
            Some(j) => match v {
                Some(v) => Some(std::mem::replace(&mut g.items[j], v)),
                None => {
                    g.state = g.state.wrapping_add(1);
                    g.items.remove(j)
                }
            },
            None => None,
        }
    };
    match old {
        Some(old) => {
            drop(old);
            Ok(())
        }
        None => Err(vm.index_error("deque index out of range")),
    }
}

fn deque_getitem(vm: &mut Vm, a: Args) -> PyResult {
    let cell = cell_of(vm, &a.args[0], "__getitem__")?;
    getitem(vm, cell, &a.args[1], false)
}

fn deque_setitem(vm: &mut Vm, a: Args) -> PyResult {
    let cell = cell_of(vm, &a.args[0], "__setitem__")?;
    setitem(vm, cell, &a.args[1], Some(a.args[2].clone()), false)?;
    Ok(Value::None)
}

fn deque_delitem(vm: &mut Vm, a: Args) -> PyResult {
    let cell = cell_of(vm, &a.args[0], "__delitem__")?;
    setitem(vm, cell, &a.args[1], None, false)?;
    Ok(Value::None)
}

pub(crate) fn new_deque_iter(o: &ObjRef, rev: bool) -> Value {
    let Payload::Deque(c) = &o.payload else { return Value::None };
    let (len, state) = {
        let g = c.lock();
        (g.items.len(), g.state)
    };
    let t = types();
    let cls = if rev { &t.deque_reverse_iterator } else { &t.deque_iterator };
    Value::Obj(ObjRef::new(cls.clone(), Payload::Iter(PyCell::new(IterState::Deque { deque: o.clone(), state, counter: len, rev }))))
}

fn deque_iter(vm: &mut Vm, a: Args) -> PyResult {
    cell_of(vm, &a.args[0], "__iter__")?;
    let Value::Obj(o) = &a.args[0] else { return Err(not_a_deque(vm, &a.args[0], "__iter__")) };
    Ok(new_deque_iter(o, false))
}

fn deque_reversed(vm: &mut Vm, a: Args) -> PyResult {
    cell_of(vm, &a.args[0], "__reversed__")?;
    let Value::Obj(o) = &a.args[0] else { return Err(not_a_deque(vm, &a.args[0], "__reversed__")) };
    Ok(new_deque_iter(o, true))
}

/// One step of a deque iterator (`IterState::Deque`), called by `iters::advance` with the
/// iterator's lock held (the deque's own lock is taken inside; no Python code runs).
pub(crate) enum Step {
    Item(Value),
    End,
    Mutated,
}

pub(crate) fn iter_step(deque: &ObjRef, state: u64, counter: &mut usize, rev: bool) -> Step {
    let Payload::Deque(c) = &deque.payload else { return Step::End };
    let g = c.lock();
    if g.state != state {
        *counter = 0;
        return Step::Mutated;
    }
    if *counter == 0 {
        return Step::End;
    }
    let len = g.items.len();
    let pos = if rev { *counter - 1 } else { len.wrapping_sub(*counter) };
    match g.items.get(pos) {
        Some(v) => {
            *counter -= 1;
            Step::Item(v.clone())
        }
        None => {
            *counter = 0;
            Step::End
        }
    }
}

pub(crate) fn mutated_error(vm: &mut Vm) -> crate::PyErr {
    mutated(vm)
}

// ----- repr, comparison, arithmetic -----

fn deque_repr(vm: &mut Vm, a: Args) -> PyResult {
    let cell = cell_of(vm, &a.args[0], "__repr__")?;
    let Some(_leave) = crate::vm::repr_enter(a.args[0].id()) else { return Ok(vm.new_str("[...]")) };
    vm.check_stack()?;
    let (items, maxlen) = {
        let g = cell.lock();
        (g.items.iter().cloned().collect::<Vec<_>>(), g.maxlen)
    };
    let body = vm.repr(&crate::types::list::new_list(items))?;
    let tn = vm.type_name(&a.args[0]);
    let name = tn.rsplit('.').next().unwrap_or(&tn);
    let s = match maxlen {
        Some(m) => format!("{name}({body}, maxlen={m})"),
        None => format!("{name}({body})"),
    };
    Ok(vm.new_string(s))
}

fn richcompare(vm: &mut Vm, a: &Args, op: spindle_compiler::bytecode::CmpOp) -> PyResult {
    crate::types::need_args(vm, a, 1)?;
    compare(vm, &a.args[0], &a.args[1], op)
}

/// CPython's `deque_richcompare` (NotImplemented unless both are deques).
pub fn compare(vm: &mut Vm, v: &Value, w: &Value, op: spindle_compiler::bytecode::CmpOp) -> PyResult {
    use spindle_compiler::bytecode::CmpOp;
    let (Some(vc), Some(wc)) = (deque_cell(v), deque_cell(w)) else { return Ok(not_implemented()) };
    let ((vs, vstate), (ws, wstate)) = {
        let g = vc.lock();
        let x = (g.items.len(), g.state);
        drop(g);
        let g = wc.lock();
        (x, (g.items.len(), g.state))
    };
    match op {
        CmpOp::Eq if v.is(w) => return Ok(Value::Bool(true)),
        CmpOp::Eq if vs != ws => return Ok(Value::Bool(false)),
        CmpOp::Ne if v.is(w) => return Ok(Value::Bool(false)),
        CmpOp::Ne if vs != ws => return Ok(Value::Bool(true)),
        _ => {}
    }
    // Walk both as two iterators would (each checks its own deque's state).
    let mut i = 0usize;
    let (x, y) = loop {
        let x = if i < vs {
            match item_if_state(vc, i, vstate) {
                Ok(x) => x,
                Err(()) => return Err(mutated(vm)),
            }
        } else {
            None
        };
        let y = if i < ws {
            match item_if_state(wc, i, wstate) {
                Ok(y) => y,
                Err(()) => return Err(mutated(vm)),
            }
        } else {
            None
        };
        let (Some(xv), Some(yv)) = (&x, &y) else { break (x.is_some(), y.is_some()) };
        if !same(vm, xv, yv)? {
            return crate::ops::compare(vm, xv, yv, op);
        }
        i += 1;
    };
    let r = match op {
        CmpOp::Lt => y,
        CmpOp::Le => !x,
        CmpOp::Eq => x == y,
        CmpOp::Ne => x != y,
        CmpOp::Gt => x,
        CmpOp::Ge => !y,
    };
    Ok(Value::Bool(r))
}

fn deque_eq(vm: &mut Vm, a: Args) -> PyResult {
    richcompare(vm, &a, spindle_compiler::bytecode::CmpOp::Eq)
}
fn deque_ne(vm: &mut Vm, a: Args) -> PyResult {
    richcompare(vm, &a, spindle_compiler::bytecode::CmpOp::Ne)
}
fn deque_lt(vm: &mut Vm, a: Args) -> PyResult {
    richcompare(vm, &a, spindle_compiler::bytecode::CmpOp::Lt)
}
fn deque_le(vm: &mut Vm, a: Args) -> PyResult {
    richcompare(vm, &a, spindle_compiler::bytecode::CmpOp::Le)
}
fn deque_gt(vm: &mut Vm, a: Args) -> PyResult {
    richcompare(vm, &a, spindle_compiler::bytecode::CmpOp::Gt)
}
fn deque_ge(vm: &mut Vm, a: Args) -> PyResult {
    richcompare(vm, &a, spindle_compiler::bytecode::CmpOp::Ge)
}

/// CPython's `deque_copy`: a plain deque is copied directly; a subclass is called as
/// `type(d)(d)` or `type(d)(d, maxlen)`, and must return a deque.
fn copy_of(vm: &mut Vm, me: &Value, name: &str) -> PyResult {
    let cell = cell_of(vm, me, name)?;
    let Value::Obj(o) = me else { return Err(not_a_deque(vm, me, name)) };
    let t = types();
    if o.cls.is(&t.deque) {
        let g = cell.lock();
        return Ok(new_deque(g.items.clone(), g.maxlen));
    }
    let maxlen = cell.lock().maxlen;
    let cls = Value::Obj(o.cls.clone());
    let r = match maxlen {
        None => vm.call(&cls, std::slice::from_ref(me), &[])?,
        Some(m) => vm.call(&cls, &[me.clone(), Value::Int(m as i64)], &[])?,
    };
    if deque_cell(&r).is_none() {
        let (cn, rn) = (vm.type_name(me), vm.type_name(&r));
        return Err(vm.type_error(&format!("{cn}() must return a deque, not {rn}")));
    }
    Ok(r)
}

fn deque_copy(vm: &mut Vm, a: Args) -> PyResult {
    copy_of(vm, &a.args[0], "copy")
}

fn deque_dunder_copy(vm: &mut Vm, a: Args) -> PyResult {
    copy_of(vm, &a.args[0], "__copy__")
}

fn deque_add(vm: &mut Vm, a: Args) -> PyResult {
    cell_of(vm, &a.args[0], "__add__")?;
    if deque_cell(&a.args[1]).is_none() {
        // `ops` words the error as CPython's sq_concat does.
        return Ok(not_implemented());
    }
    let r = copy_of(vm, &a.args[0], "__add__")?;
    if let Some(rc) = deque_cell(&r) {
        extend_impl(vm, &r, rc, &a.args[1], false)?;
    }
    Ok(r)
}

fn deque_iadd(vm: &mut Vm, a: Args) -> PyResult {
    let cell = cell_of(vm, &a.args[0], "__iadd__")?;
    extend_impl(vm, &a.args[0], cell, &a.args[1], false)?;
    Ok(a.args[0].clone())
}

/// The repeat count of `*`: None for a non-index (the caller returns NotImplemented and
/// `ops` raises "can't multiply sequence by non-int").
fn repeat_count(vm: &mut Vm, n: &Value) -> PyResult<Option<i64>> {
    if let Value::Int(i) = n {
        return Ok(Some(*i));
    }
    if !crate::ops::is_int(n) && vm.lookup_special(n, "__index__").is_none() {
        return Ok(None);
    }
    let b = crate::ops::index_value(vm, n)?;
    use num_traits::ToPrimitive;
    match b.to_i64() {
        Some(i) => Ok(Some(i)),
        None => {
            let tn = if crate::ops::is_int(n) { vm.type_name(n) } else { "int".to_string() };
            Err(vm.overflow_error(&format!("cannot fit '{tn}' into an index-sized integer")))
        }
    }
}

/// `d *= n` in place (CPython's `deque_inplace_repeat`): the items `n` times, keeping the
/// last `maxlen`.
fn repeat_in_place(vm: &mut Vm, cell: &PyCell<DequeData>, n: i64) -> PyResult<()> {
    let mut g = cell.lock();
    let size = g.items.len();
    if n <= 0 || size == 0 {
        let old = std::mem::take(&mut g.items);
        if size > 0 {
            g.state = g.state.wrapping_add(1);
        }
        drop(g);
        drop(old);
        return Ok(());
    }
    if n == 1 {
        return Ok(());
    }
    // As CPython: one item repeated is cut to `maxlen` first; otherwise a total beyond
    // PY_SSIZE_T_MAX is a MemoryError even with a maxlen.
    let total = size as u128 * n as u128;
    if size > 1 && total > isize::MAX as u128 {
        drop(g);
        return Err(vm.memory_error());
    }
    let keep = match g.maxlen {
        Some(m) => total.min(m as u128),
        None => total,
    };
    let Ok(keep) = usize::try_from(keep) else {
        drop(g);
        return Err(vm.memory_error());
    };
    if !crate::object::alloc_plausible(keep.saturating_mul(std::mem::size_of::<Value>())) || g.items.try_reserve(keep - size.min(keep)).is_err() {
        drop(g);
        return Err(vm.memory_error());
    }
    // The result is the last `keep` items of the repetition: start in the right phase.
    let src: Vec<Value> = g.items.iter().cloned().collect();
    let phase = ((total - keep as u128) % size as u128) as usize;
    let mut fresh = VecDeque::with_capacity(keep);
    for k in 0..keep {
        fresh.push_back(src[(phase + k) % size].clone());
    }
    let old = std::mem::replace(&mut g.items, fresh);
    g.state = g.state.wrapping_add(1);
    drop(g);
    drop(old);
    Ok(())
}

fn deque_imul(vm: &mut Vm, a: Args) -> PyResult {
    let cell = cell_of(vm, &a.args[0], "__imul__")?;
    let Some(n) = repeat_count(vm, &a.args[1])? else { return Ok(not_implemented()) };
    repeat_in_place(vm, cell, n)?;
    Ok(a.args[0].clone())
}

fn deque_mul(vm: &mut Vm, a: Args) -> PyResult {
    cell_of(vm, &a.args[0], "__mul__")?;
    let Some(n) = repeat_count(vm, &a.args[1])? else { return Ok(not_implemented()) };
    let r = copy_of(vm, &a.args[0], "__mul__")?;
    if let Some(rc) = deque_cell(&r) {
        repeat_in_place(vm, rc, n)?;
    }
    Ok(r)
}

fn deque_reduce(vm: &mut Vm, a: Args) -> PyResult {
    let cell = cell_of(vm, &a.args[0], "__reduce__")?;
    let me = &a.args[0];
    let maxlen = cell.lock().maxlen;
    let state = vm.call_method(me, "__getstate__", &[])?;
    let Value::Obj(o) = me else { return Err(not_a_deque(vm, me, "__reduce__")) };
    let it = new_deque_iter(o, false);
    let tuple = crate::types::tuple::new_tuple;
    let args = match maxlen {
        None => tuple(vec![]),
        Some(m) => tuple(vec![tuple(vec![]), Value::Int(m as i64)]),
    };
    Ok(tuple(vec![Value::Obj(o.cls.clone()), args, state, it]))
}

fn deque_maxlen(vm: &mut Vm, a: Args) -> PyResult {
    let cell = cell_of(vm, &a.args[0], "maxlen")?;
    Ok(match cell.lock().maxlen {
        Some(m) => Value::Int(m as i64),
        None => Value::None,
    })
}

fn deque_sizeof(vm: &mut Vm, a: Args) -> PyResult {
    let cell = cell_of(vm, &a.args[0], "__sizeof__")?;
    let cap = cell.lock().items.capacity();
    Ok(Value::Int((std::mem::size_of::<crate::object::Obj>() + cap * std::mem::size_of::<Value>()) as i64))
}

// ----- the iterator types -----

/// `_collections._deque_iterator(deque, index=0)`: an iterator advanced `index` items.
fn deque_iter_new_impl(vm: &mut Vm, a: &Args, rev: bool) -> PyResult {
    let (owner, name) = if rev { (&types().deque_reverse_iterator, "_deque_reverse_iterator") } else { (&types().deque_iterator, "_deque_iterator") };
    let cls = crate::types::check_new(vm, owner, a)?;
    if !a.kwargs.is_empty() {
        return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
    }
    let given = a.args.len() - 1;
    if given == 0 {
        return Err(vm.type_error(&format!("{name} expected at least 1 argument, got 0")));
    }
    if given > 2 {
        return Err(vm.type_error(&format!("{name} expected at most 2 arguments, got {given}")));
    }
    let d = &a.args[1];
    let Some(c) = deque_cell(d) else {
        let tn = vm.type_name(d);
        return Err(vm.type_error(&format!("argument 1 must be collections.deque, not {tn}")));
    };
    let index = match a.args.get(2) {
        Some(i) => crate::types::int::as_ssize(vm, i)?,
        None => 0,
    };
    let Value::Obj(o) = d else { return Err(vm.type_error("argument 1 must be collections.deque")) };
    let (len, state) = {
        let g = c.lock();
        (g.items.len(), g.state)
    };
    let skip = index.clamp(0, len as i64) as usize;
    let st = IterState::Deque { deque: o.clone(), state, counter: len - skip, rev };
    Ok(Value::Obj(crate::types::new_object(&cls, Payload::Iter(PyCell::new(st)))))
}

fn deque_iter_new(vm: &mut Vm, a: Args) -> PyResult {
    deque_iter_new_impl(vm, &a, false)
}

fn deque_reviter_new(vm: &mut Vm, a: Args) -> PyResult {
    deque_iter_new_impl(vm, &a, true)
}

fn iter_parts(v: &Value) -> Option<(ObjRef, usize)> {
    let Value::Obj(o) = v else { return None };
    let Payload::Iter(c) = &o.payload else { return None };
    match &*c.lock() {
        IterState::Deque { deque, counter, .. } => Some((deque.clone(), *counter)),
        _ => None,
    }
}

fn deque_iter_length_hint(vm: &mut Vm, a: Args) -> PyResult {
    match iter_parts(&a.args[0]) {
        Some((_, counter)) => Ok(Value::Int(counter as i64)),
        None => Err(vm.type_error("descriptor '__length_hint__' requires a '_collections._deque_iterator' object")),
    }
}

fn deque_iter_reduce(vm: &mut Vm, a: Args) -> PyResult {
    let Some((d, counter)) = iter_parts(&a.args[0]) else { return Err(vm.type_error("descriptor '__reduce__' requires a '_collections._deque_iterator' object")) };
    let len = match &d.payload {
        Payload::Deque(c) => c.lock().items.len(),
        _ => 0,
    };
    let tuple = crate::types::tuple::new_tuple;
    let cls = crate::types::type_of(&a.args[0]).clone();
    Ok(tuple(vec![Value::Obj(cls), tuple(vec![Value::Obj(d), Value::Int(len as i64 - counter as i64)])]))
}

pub fn init(t: &BuiltinTypes) {
    let d = &t.deque;
    add_staticmethod(d, "__new__", deque_new);
    add_methods(d, &[
        ("__init__", deque_init), ("clear", deque_clear), ("copy", deque_copy), ("__copy__", deque_dunder_copy), ("reverse", deque_reverse),
        ("rotate", deque_rotate), ("index", deque_index), ("insert", deque_insert), ("__len__", deque_len), ("__getitem__", deque_getitem),
        ("__setitem__", deque_setitem), ("__delitem__", deque_delitem), ("__iter__", deque_iter), ("__reversed__", deque_reversed),
        ("__contains__", deque_contains), ("__repr__", deque_repr), ("__eq__", deque_eq), ("__ne__", deque_ne), ("__lt__", deque_lt),
        ("__le__", deque_le), ("__gt__", deque_gt), ("__ge__", deque_ge), ("__add__", deque_add), ("__iadd__", deque_iadd),
        ("__mul__", deque_mul), ("__rmul__", deque_mul), ("__imul__", deque_imul), ("__reduce__", deque_reduce), ("__sizeof__", deque_sizeof),
    ]);
    for (name, f) in [("append", deque_append as crate::NativeFn), ("appendleft", deque_appendleft), ("extend", deque_extend), ("extendleft", deque_extendleft), ("count", deque_count), ("remove", deque_remove)] {
        add_method_sig(d, name, f, Sig::One);
    }
    add_method_sig(d, "pop", deque_pop, Sig::NoArgs);
    add_method_sig(d, "popleft", deque_popleft, Sig::NoArgs);
    add_getters(d, &[("maxlen", deque_maxlen)]);
    add_classmethod(d, "__class_getitem__", crate::types::genericalias::class_getitem);
    crate::types::set_type_attr(d, "__hash__", Value::None);
    let doc = "deque([iterable[, maxlen]]) --> deque object\n\nA list-like sequence optimized for data accesses near its endpoints.";
    crate::types::set_type_attr(d, "__doc__", Value::Obj(crate::vm::intern_static(doc)));
    d.type_data().collection_flags.store(crate::object::TPFLAGS_SEQUENCE, std::sync::atomic::Ordering::Relaxed);
    add_staticmethod(&t.deque_iterator, "__new__", deque_iter_new);
    add_staticmethod(&t.deque_reverse_iterator, "__new__", deque_reviter_new);
    for ty in [&t.deque_iterator, &t.deque_reverse_iterator] {
        add_methods(ty, &[("__iter__", crate::types::iters::it_iter), ("__next__", crate::types::iters::it_next), ("__length_hint__", deque_iter_length_hint), ("__reduce__", deque_iter_reduce)]);
    }
}
