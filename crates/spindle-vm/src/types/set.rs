//! `set` and `frozenset`, on `SetData` (CPython's set table, so iteration order matches), with
//! the algorithms of CPython's `setobject.c` for each operation: they decide the order in which
//! keys are inserted, hence the order a result prints in.
//!
//! Locks: a `set`'s table is behind its `PyCell`. Lookups that need Python `__eq__` release
//! it while comparing and restart if the table changed (CPython's `restart`). Operations read
//! another set through a snapshot of its (key, hash) pairs in slot order. New results are
//! built in a local `SetData` that no Python code can reach until it is wrapped.

use crate::object::set::{SetData, Step};
use crate::object::{ObjRef, Payload};
use crate::sync::PyCell;
use crate::types::{add_methods, add_staticmethod, types, BuiltinTypes};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};
use spindle_compiler::bytecode::{BinOp, CmpOp};

// ----- construction -----

pub fn new_set(data: SetData) -> Value {
    Value::Obj(ObjRef::new(types().set.clone(), Payload::Set(PyCell::new(data))))
}

pub fn new_frozenset(data: SetData) -> Value {
    Value::Obj(ObjRef::new(types().frozenset.clone(), Payload::FrozenSet(data)))
}

/// A set of `items`, added in order (a set display, `set(list)`).
pub fn new_set_from(vm: &mut Vm, items: Vec<Value>) -> PyResult {
    let mut d = SetData::new();
    for it in items {
        let h = vm.hash(&it)?;
        add_local(vm, &mut d, it, h)?;
    }
    Ok(new_set(d))
}

fn is_anyset(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.payload, Payload::Set(_) | Payload::FrozenSet(_)))
}

fn is_frozen(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.payload, Payload::FrozenSet(_)))
}

/// A result of the base type of `like` (set or frozenset; subclasses give the base type).
fn wrap_like(like: &Value, d: SetData) -> Value {
    if is_frozen(like) {
        new_frozenset(d)
    } else {
        new_set(d)
    }
}

/// The (key, hash) pairs of a set or frozenset in slot order (copied out of the lock).
fn pairs(v: &Value) -> Option<Vec<(Value, i64)>> {
    let Value::Obj(o) = v else { return None };
    match &o.payload {
        Payload::Set(c) => Some(c.lock().iter().map(|(k, h)| (k.clone(), h)).collect()),
        Payload::FrozenSet(d) => Some(d.iter().map(|(k, h)| (k.clone(), h)).collect()),
        _ => None,
    }
}

/// An exact copy of a set's table (layout included).
fn table_of(v: &Value) -> Option<SetData> {
    let Value::Obj(o) = v else { return None };
    match &o.payload {
        Payload::Set(c) => Some(c.lock().clone_exact()),
        Payload::FrozenSet(d) => Some(d.clone_exact()),
        _ => None,
    }
}

fn set_len(v: &Value) -> usize {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Set(c) => c.lock().len(),
            Payload::FrozenSet(d) => d.len(),
            Payload::Dict(c) => c.lock().len(),
            _ => 0,
        },
        _ => 0,
    }
}

// ----- probing with Python equality -----

/// Look `key` up in a local (unshared) table.
fn find_local(vm: &mut Vm, d: &SetData, key: &Value, hash: i64) -> PyResult<Option<usize>> {
    let mut p = d.probe(hash);
    loop {
        match d.step(&mut p, key) {
            Step::Empty(_) => return Ok(None),
            Step::Found(i) => return Ok(Some(i)),
            Step::Candidate(i, k) => {
                if crate::ops::eq(vm, &k, key)? {
                    return Ok(Some(i));
                }
            }
        }
    }
}

/// Add to a local table; true if added.
fn add_local(vm: &mut Vm, d: &mut SetData, key: Value, hash: i64) -> PyResult<bool> {
    let mut p = d.probe(hash);
    loop {
        match d.step(&mut p, &key) {
            Step::Empty(i) => {
                d.insert_at(&p, i, key);
                return Ok(true);
            }
            Step::Found(_) => return Ok(false),
            Step::Candidate(_, k) => {
                if crate::ops::eq(vm, &k, &key)? {
                    return Ok(false);
                }
            }
        }
    }
}

/// Discard from a local table; true if it was there.
fn discard_local(vm: &mut Vm, d: &mut SetData, key: &Value, hash: i64) -> PyResult<bool> {
    match find_local(vm, d, key, hash)? {
        Some(i) => {
            let old = d.remove_at(i);
            drop(old);
            Ok(true)
        }
        None => Ok(false),
    }
}

/// Look `key` up in a shared set; the lock is released around Python `__eq__`. Returns the
/// slot and the table version it is valid for.
fn find_cell(vm: &mut Vm, cell: &PyCell<SetData>, key: &Value, hash: i64) -> PyResult<Option<(usize, u64)>> {
    'restart: loop {
        let mut g = cell.lock();
        let mut p = g.probe(hash);
        loop {
            match g.step(&mut p, key) {
                Step::Empty(_) => return Ok(None),
                Step::Found(i) => return Ok(Some((i, g.version))),
                Step::Candidate(i, k) => {
                    let v = g.version;
                    drop(g);
                    let eq = crate::ops::eq(vm, &k, key)?;
                    g = cell.lock();
                    if g.version != v {
                        continue 'restart;
                    }
                    if eq {
                        return Ok(Some((i, v)));
                    }
                }
            }
        }
    }
}

/// Add to a shared set; true if added.
fn add_cell(vm: &mut Vm, cell: &PyCell<SetData>, key: Value, hash: i64) -> PyResult<bool> {
    'restart: loop {
        let mut g = cell.lock();
        let mut p = g.probe(hash);
        loop {
            match g.step(&mut p, &key) {
                Step::Empty(i) => {
                    g.insert_at(&p, i, key);
                    return Ok(true);
                }
                Step::Found(_) => return Ok(false),
                Step::Candidate(_, k) => {
                    let v = g.version;
                    drop(g);
                    let eq = crate::ops::eq(vm, &k, &key)?;
                    // As CPython's set_add_entry: an equal key counts as present even if
                    // `__eq__` changed the set meanwhile (lookups check the change first).
                    if eq {
                        return Ok(false);
                    }
                    g = cell.lock();
                    if g.version != v {
                        continue 'restart;
                    }
                }
            }
        }
    }
}

/// Discard from a shared set; true if it was there.
fn discard_cell(vm: &mut Vm, cell: &PyCell<SetData>, key: &Value, hash: i64) -> PyResult<bool> {
    {
        // One locked probe and the removal when no key compared needs Python `__eq__`.
        let mut g = cell.lock();
        if let Some(r) = g.find_native(hash, key) {
            let Some(i) = r else { return Ok(false) };
            let old = g.remove_at(i);
            drop(g);
            drop(old);
            return Ok(true);
        }
    }
    loop {
        let Some((i, v)) = find_cell(vm, cell, key, hash)? else { return Ok(false) };
        let mut g = cell.lock();
        // Retry if Python code changed the set since the slot was found.
        if g.version == v {
            let old = g.remove_at(i);
            drop(g);
            drop(old);
            return Ok(true);
        }
    }
}

/// Membership in any set or frozenset object.
fn contains_obj(vm: &mut Vm, s: &ObjRef, key: &Value, hash: i64) -> PyResult<bool> {
    match &s.payload {
        Payload::Set(c) => Ok(find_cell(vm, c, key, hash)?.is_some()),
        Payload::FrozenSet(d) => Ok(find_local(vm, d, key, hash)?.is_some()),
        _ => Ok(false),
    }
}

/// The hash of a key; an unhashable `set` key is looked up as a frozenset (CPython's
/// `set_contains` / `set_discard` retry). Returns the key to use and its hash.
fn key_hash(vm: &mut Vm, key: &Value) -> PyResult<(Value, i64)> {
    match vm.hash(key) {
        Ok(h) => Ok((key.clone(), h)),
        Err(e) => {
            let is_set = matches!(key, Value::Obj(o) if matches!(o.payload, Payload::Set(_)));
            if is_set && vm.is_instance_of(&e, &types().exc.type_error.clone()) {
                let d = table_of(key).unwrap_or_default();
                let fk = new_frozenset(d.copy());
                let h = vm.hash(&fk)?;
                Ok((fk, h))
            } else {
                Err(e)
            }
        }
    }
}

/// `key in s`.
pub fn set_contains(vm: &mut Vm, s: &ObjRef, key: &Value) -> PyResult<bool> {
    if let Some(h) = Vm::native_hash(key) {
        // One locked probe when no key compared needs Python `__eq__`.
        let r = match &s.payload {
            Payload::Set(c) => c.lock().find_native(h, key),
            Payload::FrozenSet(d) => d.find_native(h, key),
            _ => None,
        };
        if let Some(r) = r {
            return Ok(r.is_some());
        }
    }
    let (k, h) = key_hash(vm, key)?;
    contains_obj(vm, s, &k, h)
}

/// `s.add(key)` for a `set`.
pub fn set_add(vm: &mut Vm, s: &Value, key: Value) -> PyResult<()> {
    let h = vm.hash(&key)?;
    let Value::Obj(o) = s else { return Ok(()) };
    let Payload::Set(c) = &o.payload else { return Ok(()) };
    add_cell(vm, c, key, h)?;
    Ok(())
}

/// `s.update(other)` for a `set` (also `{*a, *b}` displays).
pub fn set_update(vm: &mut Vm, s: &Value, other: &Value) -> PyResult<()> {
    match cell_of(s) {
        Some(cell) => update_cell(vm, cell, other),
        None => Ok(()),
    }
}

// ----- bulk operations (CPython's algorithms) -----

/// `set_update_internal` into a local table: a set merges, a dict pre-sizes and adds its
/// keys, anything else is iterated.
fn update_local(vm: &mut Vm, d: &mut SetData, other: &Value) -> PyResult<()> {
    if let Some(t) = table_of(other) {
        if d.merge_fast(&t) {
            return Ok(());
        }
        for (k, h) in t.iter() {
            add_local(vm, d, k.clone(), h)?;
        }
        return Ok(());
    }
    if let Some(items) = dict_pairs(other) {
        d.reserve_for(items.len());
        for (k, h) in items {
            add_local(vm, d, k, h)?;
        }
        return Ok(());
    }
    let it = vm.iter(other)?;
    while let Some(x) = vm.next(&it)? {
        let h = vm.hash(&x)?;
        add_local(vm, d, x, h)?;
    }
    Ok(())
}

/// Keys and stored hashes of an exact dict, in order.
fn dict_pairs(v: &Value) -> Option<Vec<(Value, i64)>> {
    let Value::Obj(o) = v else { return None };
    if !o.cls.is(&types().dict) {
        return None;
    }
    let Payload::Dict(c) = &o.payload else { return None };
    Some(c.lock().iter().map(|e| (e.key.clone(), e.hash)).collect())
}

/// `set_update_internal` into a shared set.
fn update_cell(vm: &mut Vm, cell: &PyCell<SetData>, other: &Value) -> PyResult<()> {
    if let Some(t) = table_of(other) {
        let done = cell.lock().merge_fast(&t);
        if !done {
            for (k, h) in t.iter() {
                add_cell(vm, cell, k.clone(), h)?;
            }
        }
        return Ok(());
    }
    if let Some(items) = dict_pairs(other) {
        cell.lock().reserve_for(items.len());
        for (k, h) in items {
            add_cell(vm, cell, k, h)?;
        }
        return Ok(());
    }
    let it = vm.iter(other)?;
    while let Some(x) = vm.next(&it)? {
        let h = vm.hash(&x)?;
        add_cell(vm, cell, x, h)?;
    }
    Ok(())
}

/// A new table with the keys of `v` (CPython's `make_new_set`).
fn table_from(vm: &mut Vm, v: &Value) -> PyResult<SetData> {
    let mut d = SetData::new();
    update_local(vm, &mut d, v)?;
    Ok(d)
}

/// Membership test against a set-like `other` given as an object.
fn other_contains(vm: &mut Vm, other: &Value, key: &Value, hash: i64) -> PyResult<bool> {
    match other {
        Value::Obj(o) => match &o.payload {
            Payload::Set(_) | Payload::FrozenSet(_) => contains_obj(vm, o, key, hash),
            Payload::Dict(_) => Ok(crate::types::dict::dict_get(vm, o, key)?.is_some()),
            _ => Ok(false),
        },
        _ => Ok(false),
    }
}

/// `set_intersection(so, other)`.
fn intersection(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<SetData> {
    let mut result = SetData::new();
    if so.is(other) {
        return Ok(table_of(so).unwrap_or_default().copy());
    }
    if is_anyset(other) {
        let (small, big) = if set_len(other) > set_len(so) { (so, other) } else { (other, so) };
        for (k, h) in pairs(small).unwrap_or_default() {
            if other_contains(vm, big, &k, h)? {
                add_local(vm, &mut result, k, h)?;
            }
        }
        return Ok(result);
    }
    let it = vm.iter(other)?;
    while let Some(x) = vm.next(&it)? {
        let h = vm.hash(&x)?;
        if other_contains(vm, so, &x, h)? {
            add_local(vm, &mut result, x, h)?;
        }
    }
    Ok(result)
}

/// `set_difference_update_internal` on a local table.
fn difference_update_local(vm: &mut Vm, d: &mut SetData, other: &Value) -> PyResult<()> {
    if is_anyset(other) {
        let other_pairs = if set_len(other) >> 3 > d.len() {
            // Much larger other: discard only the common keys (the resulting table is the
            // same whatever the order of the discards).
            let mut common = Vec::new();
            for (k, h) in d.iter().map(|(k, h)| (k.clone(), h)).collect::<Vec<_>>() {
                if other_contains(vm, other, &k, h)? {
                    common.push((k, h));
                }
            }
            common
        } else {
            pairs(other).unwrap_or_default()
        };
        for (k, h) in other_pairs {
            discard_local(vm, d, &k, h)?;
        }
    } else {
        let it = vm.iter(other)?;
        while let Some(x) = vm.next(&it)? {
            let (k, h) = key_hash(vm, &x)?;
            discard_local(vm, d, &k, h)?;
        }
    }
    d.shrink_dummies();
    Ok(())
}

/// `set_difference(so, other)`.
fn difference(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<SetData> {
    let other_size = if is_anyset(other) || dict_pairs(other).is_some() { Some(set_len(other)) } else { None };
    let copy_and_difference = |vm: &mut Vm| -> PyResult<SetData> {
        let mut d = table_of(so).unwrap_or_default().copy();
        difference_update_local(vm, &mut d, other)?;
        Ok(d)
    };
    let Some(other_size) = other_size else { return copy_and_difference(vm) };
    if (set_len(so) >> 2) > other_size {
        return copy_and_difference(vm);
    }
    let mut result = SetData::new();
    for (k, h) in pairs(so).unwrap_or_default() {
        if !other_contains(vm, other, &k, h)? {
            add_local(vm, &mut result, k, h)?;
        }
    }
    Ok(result)
}

/// `set_symmetric_difference(so, other)`: a new set from other, then updated with so.
fn symmetric_difference(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<SetData> {
    let mut d = table_from(vm, other)?;
    if so.is(other) {
        return Ok(SetData::new());
    }
    let so_pairs = pairs(so).unwrap_or_default();
    for (k, h) in so_pairs {
        if !discard_local(vm, &mut d, &k, h)? {
            add_local(vm, &mut d, k, h)?;
        }
    }
    Ok(d)
}

/// `a op b` for two set objects (the result has the base type of `a`).
pub fn set_binop(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    if !is_anyset(a) || !is_anyset(b) {
        return Ok(None);
    }
    let d = match op {
        BinOp::Or => {
            let mut d = table_of(a).unwrap_or_default().copy();
            if !a.is(b) {
                update_local(vm, &mut d, b)?;
            }
            d
        }
        BinOp::And => intersection(vm, a, b)?,
        BinOp::Sub => difference(vm, a, b)?,
        BinOp::Xor => symmetric_difference(vm, a, b)?,
        _ => return Ok(None),
    };
    Ok(Some(wrap_like(a, d)))
}

/// Replace a shared set's table (dropping the old keys outside the lock).
fn replace_table(cell: &PyCell<SetData>, d: SetData) {
    let mut d = d;
    let mut g = cell.lock();
    std::mem::swap(&mut *g, &mut d);
    g.version = d.version + 1;
    drop(g);
    drop(d);
}

fn cell_of(v: &Value) -> Option<&PyCell<SetData>> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Set(c) => Some(c),
            _ => None,
        },
        _ => None,
    }
}

/// `a op= b` for a `set` and a set object.
pub fn set_inplace(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<()> {
    let Some(cell) = cell_of(a) else { return Ok(()) };
    match op {
        BinOp::Or => update_cell(vm, cell, b),
        BinOp::And => {
            let d = intersection(vm, a, b)?;
            replace_table(cell, d);
            Ok(())
        }
        BinOp::Sub => difference_update_cell(vm, cell, a, b),
        BinOp::Xor => symmetric_difference_update_cell(vm, cell, a, b),
        _ => Ok(()),
    }
}

fn difference_update_cell(vm: &mut Vm, cell: &PyCell<SetData>, a: &Value, other: &Value) -> PyResult<()> {
    if a.is(other) {
        let old = cell.lock().clear();
        drop(old);
        return Ok(());
    }
    if is_anyset(other) {
        let other_pairs: Vec<(Value, i64)> = if set_len(other) >> 3 > cell.lock().len() {
            let inter = intersection(vm, a, other)?;
            inter.iter().map(|(k, h)| (k.clone(), h)).collect()
        } else {
            pairs(other).unwrap_or_default()
        };
        for (k, h) in other_pairs {
            discard_cell(vm, cell, &k, h)?;
        }
    } else {
        let it = vm.iter(other)?;
        while let Some(x) = vm.next(&it)? {
            let (k, h) = key_hash(vm, &x)?;
            discard_cell(vm, cell, &k, h)?;
        }
    }
    cell.lock().shrink_dummies();
    Ok(())
}

fn symmetric_difference_update_cell(vm: &mut Vm, cell: &PyCell<SetData>, a: &Value, other: &Value) -> PyResult<()> {
    if a.is(other) {
        let old = cell.lock().clear();
        drop(old);
        return Ok(());
    }
    let other_pairs = match dict_pairs(other) {
        Some(p) => p,
        None => match pairs(other) {
            Some(p) => p,
            None => {
                let t = table_from(vm, other)?;
                t.iter().map(|(k, h)| (k.clone(), h)).collect()
            }
        },
    };
    for (k, h) in other_pairs {
        if !discard_cell(vm, cell, &k, h)? {
            add_cell(vm, cell, k, h)?;
        }
    }
    Ok(())
}

/// `so <= other` for a set object `other`.
fn issubset_sets(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<bool> {
    if set_len(so) > set_len(other) {
        return Ok(false);
    }
    for (k, h) in pairs(so).unwrap_or_default() {
        if !other_contains(vm, other, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn frozen_hash_of(v: &Value) -> Option<i64> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::FrozenSet(d) => d.cached_hash(),
            _ => None,
        },
        _ => None,
    }
}

/// Rich comparison of two set objects.
pub fn set_compare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Option<bool>> {
    if !is_anyset(a) || !is_anyset(b) {
        return Ok(None);
    }
    let (la, lb) = (set_len(a), set_len(b));
    Ok(Some(match op {
        CmpOp::Eq | CmpOp::Ne => {
            let eq = if la != lb {
                false
            } else if let (Some(x), Some(y)) = (frozen_hash_of(a), frozen_hash_of(b)) {
                x == y && issubset_sets(vm, a, b)?
            } else {
                issubset_sets(vm, a, b)?
            };
            eq == (op == CmpOp::Eq)
        }
        CmpOp::Le => issubset_sets(vm, a, b)?,
        CmpOp::Ge => issubset_sets(vm, b, a)?,
        CmpOp::Lt => la < lb && issubset_sets(vm, a, b)?,
        CmpOp::Gt => la > lb && issubset_sets(vm, b, a)?,
    }))
}

/// `hash(frozenset)`: CPython's order-independent mix of the entries' hashes.
fn frozenset_hash(d: &SetData) -> i64 {
    if let Some(h) = d.cached_hash() {
        return h;
    }
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
    }
    let mut hash: u64 = 0;
    for (_, h) in d.iter() {
        hash ^= shuffle(h as u64);
    }
    hash ^= (d.len() as u64 + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    let mut h = hash as i64;
    if h == -1 {
        h = 590923713;
    }
    d.set_cached_hash(h);
    h
}

// ----- methods -----

fn not_implemented() -> Value {
    Value::Obj(types().not_implemented_obj.clone())
}

/// Check `self` of a set method.
fn this<'a>(vm: &mut Vm, a: &'a Args, name: &str, frozen_ok: bool) -> PyResult<&'a Value> {
    match a.args.first() {
        Some(v) if matches!(v, Value::Obj(o) if matches!(o.payload, Payload::Set(_))) || (frozen_ok && is_frozen(v)) => Ok(v),
        Some(v) => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("descriptor '{name}' for 'set' objects doesn't apply to a '{tn}' object")))
        }
        None => Err(vm.type_error(&format!("descriptor '{name}' of 'set' object needs an argument"))),
    }
}

fn exact_args(vm: &mut Vm, a: &Args, name: &str, n: usize) -> PyResult<()> {
    if !a.kwargs.is_empty() {
        return Err(vm.type_error(&format!("set.{name}() takes no keyword arguments")));
    }
    let given = a.args.len().saturating_sub(1);
    if given != n {
        return Err(vm.type_error(&match n {
            0 => format!("set.{name}() takes no arguments ({given} given)"),
            _ => format!("set.{name}() takes exactly one argument ({given} given)"),
        }));
    }
    Ok(())
}

fn set_new(vm: &mut Vm, a: Args) -> PyResult {
    let cls = crate::types::check_new(vm, &types().set, &a)?;
    s_new(vm, cls, a)
}

fn frozenset_new(vm: &mut Vm, a: Args) -> PyResult {
    let cls = crate::types::check_new(vm, &types().frozenset, &a)?;
    s_new(vm, cls, a)
}

fn s_new(vm: &mut Vm, cls: ObjRef, a: Args) -> PyResult {
    let t = types();
    let frozen = crate::types::is_subtype(&cls, &t.frozenset);
    let name = cls.type_data().name.clone();
    if frozen {
        if (cls.is(&t.frozenset)) && !a.kwargs.is_empty() {
            return Err(vm.type_error("frozenset() takes no keyword arguments"));
        }
        if a.args.len() > 2 {
            return Err(vm.type_error(&format!("{name} expected at most 1 argument, got {}", a.args.len() - 1)));
        }
        if let Some(src) = a.args.get(1) {
            if cls.is(&t.frozenset) && matches!(src, Value::Obj(o) if o.cls.is(&t.frozenset)) {
                return Ok(src.clone());
            }
        }
        let d = match a.args.get(1) {
            Some(src) => table_from(vm, src)?,
            None => SetData::new(),
        };
        if cls.is(&t.frozenset) {
            return Ok(new_frozenset(d));
        }
        return Ok(Value::Obj(crate::types::new_object(&cls, Payload::FrozenSet(d))));
    }
    if cls.is(&t.set) && !a.kwargs.is_empty() {
        return Err(vm.type_error("set() takes no keyword arguments"));
    }
    if cls.is(&t.set) {
        return Ok(new_set(SetData::new()));
    }
    Ok(Value::Obj(crate::types::new_object(&cls, Payload::Set(PyCell::new(SetData::new())))))
}

fn s_init(vm: &mut Vm, a: Args) -> PyResult {
    let s = a.args[0].clone();
    if is_frozen(&s) {
        return Ok(Value::None);
    }
    let Some(cell) = cell_of(&s) else { return Ok(Value::None) };
    if matches!(&s, Value::Obj(o) if o.cls.is(&types().set)) && !a.kwargs.is_empty() {
        return Err(vm.type_error("set() takes no keyword arguments"));
    }
    if a.args.len() > 2 {
        let name = vm.type_name(&s);
        return Err(vm.type_error(&format!("{name} expected at most 1 argument, got {}", a.args.len() - 1)));
    }
    if cell.lock().fill_nonzero() {
        let old = cell.lock().clear();
        drop(old);
    }
    if let Some(src) = a.args.get(1) {
        update_cell(vm, cell, src)?;
    }
    Ok(Value::None)
}

fn s_add(vm: &mut Vm, a: Args) -> PyResult {
    // A key hashed and compared natively: one locked probe-and-insert.
    if let ([Value::Obj(o), key], []) = (a.args, a.kwargs) {
        if let (Payload::Set(c), Some(h)) = (&o.payload, Vm::native_hash(key)) {
            if c.lock().add_native(h, key).is_some() {
                return Ok(Value::None);
            }
        }
    }
    this(vm, &a, "add", false)?;
    exact_args(vm, &a, "add", 1)?;
    set_add(vm, &a.args[0], a.args[1].clone())?;
    Ok(Value::None)
}

fn s_remove_impl(vm: &mut Vm, a: &Args, name: &str, missing_ok: bool) -> PyResult {
    // A key hashed and compared natively: one locked probe and the removal.
    if let ([Value::Obj(o), key], []) = (a.args, a.kwargs) {
        if let (Payload::Set(c), Some(h)) = (&o.payload, Vm::native_hash(key)) {
            let mut g = c.lock();
            if let Some(r) = g.find_native(h, key) {
                let old = r.map(|i| g.remove_at(i));
                drop(g);
                return match old {
                    Some(old) => {
                        drop(old);
                        Ok(Value::None)
                    }
                    None if missing_ok => Ok(Value::None),
                    None => Err(vm.key_error(key.clone())),
                };
            }
        }
    }
    this(vm, a, name, false)?;
    exact_args(vm, a, name, 1)?;
    let key = a.args[1].clone();
    let (k, h) = key_hash(vm, &key)?;
    let Some(cell) = cell_of(&a.args[0]) else { return Ok(Value::None) };
    if discard_cell(vm, cell, &k, h)? || missing_ok {
        Ok(Value::None)
    } else {
        Err(vm.key_error(key))
    }
}
fn s_remove(vm: &mut Vm, a: Args) -> PyResult {
    s_remove_impl(vm, &a, "remove", false)
}
fn s_discard(vm: &mut Vm, a: Args) -> PyResult {
    s_remove_impl(vm, &a, "discard", true)
}
fn s_pop(vm: &mut Vm, a: Args) -> PyResult {
    this(vm, &a, "pop", false)?;
    exact_args(vm, &a, "pop", 0)?;
    let Some(cell) = cell_of(&a.args[0]) else { return Ok(Value::None) };
    let k = cell.lock().pop();
    match k {
        Some(k) => Ok(k),
        None => {
            let c = types().exc.key_error.clone();
            Err(vm.new_exc(&c, "pop from an empty set"))
        }
    }
}
fn s_clear(vm: &mut Vm, a: Args) -> PyResult {
    this(vm, &a, "clear", false)?;
    exact_args(vm, &a, "clear", 0)?;
    if let Some(cell) = cell_of(&a.args[0]) {
        let old = cell.lock().clear();
        drop(old);
    }
    Ok(Value::None)
}
fn s_copy(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a, "copy", true)?.clone();
    exact_args(vm, &a, "copy", 0)?;
    if matches!(&s, Value::Obj(o) if o.cls.is(&types().frozenset)) {
        return Ok(s);
    }
    let d = table_of(&s).unwrap_or_default().copy();
    Ok(wrap_like(&s, d))
}
fn s_len(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a, "__len__", true)?;
    Ok(Value::Int(set_len(s) as i64))
}
fn s_union(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a, "union", true)?.clone();
    let mut d = table_of(&s).unwrap_or_default().copy();
    for other in &a.args[1..] {
        if !s.is(other) {
            update_local(vm, &mut d, other)?;
        }
    }
    Ok(wrap_like(&s, d))
}
fn s_intersection(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a, "intersection", true)?.clone();
    if a.args.len() == 1 {
        let d = table_of(&s).unwrap_or_default().copy();
        return Ok(wrap_like(&s, d));
    }
    let mut cur = s.clone();
    for other in &a.args[1..] {
        let d = intersection(vm, &cur, other)?;
        cur = wrap_like(&s, d);
    }
    Ok(cur)
}
fn s_difference(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a, "difference", true)?.clone();
    if a.args.len() == 1 {
        let d = table_of(&s).unwrap_or_default().copy();
        return Ok(wrap_like(&s, d));
    }
    let first = difference(vm, &s, &a.args[1])?;
    let mut d = first;
    for other in &a.args[2..] {
        difference_update_local(vm, &mut d, other)?;
    }
    Ok(wrap_like(&s, d))
}
fn s_symdiff(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a, "symmetric_difference", true)?.clone();
    exact_args(vm, &a, "symmetric_difference", 1)?;
    let d = symmetric_difference(vm, &s, &a.args[1])?;
    Ok(wrap_like(&s, d))
}
fn s_update(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a, "update", false)?.clone();
    let Some(cell) = cell_of(&s) else { return Ok(Value::None) };
    for other in &a.args[1..] {
        update_cell(vm, cell, other)?;
    }
    Ok(Value::None)
}
fn s_intersection_update(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a, "intersection_update", false)?.clone();
    let Some(cell) = cell_of(&s) else { return Ok(Value::None) };
    let mut cur = s.clone();
    for other in &a.args[1..] {
        let d = intersection(vm, &cur, other)?;
        cur = new_set(d);
    }
    if a.args.len() > 1 {
        let d = table_of(&cur).unwrap_or_default();
        replace_table(cell, d);
    }
    Ok(Value::None)
}
fn s_difference_update(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a, "difference_update", false)?.clone();
    let Some(cell) = cell_of(&s) else { return Ok(Value::None) };
    for other in &a.args[1..] {
        difference_update_cell(vm, cell, &s, other)?;
    }
    Ok(Value::None)
}
fn s_symmetric_difference_update(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a, "symmetric_difference_update", false)?.clone();
    exact_args(vm, &a, "symmetric_difference_update", 1)?;
    let Some(cell) = cell_of(&s) else { return Ok(Value::None) };
    symmetric_difference_update_cell(vm, cell, &s, &a.args[1])?;
    Ok(Value::None)
}
fn s_issubset(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a, "issubset", true)?.clone();
    exact_args(vm, &a, "issubset", 1)?;
    let other = &a.args[1];
    if is_anyset(other) {
        return Ok(Value::Bool(issubset_sets(vm, &s, other)?));
    }
    let t = new_set(table_from(vm, other)?);
    Ok(Value::Bool(issubset_sets(vm, &s, &t)?))
}
fn s_issuperset(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a, "issuperset", true)?.clone();
    exact_args(vm, &a, "issuperset", 1)?;
    let other = &a.args[1];
    if is_anyset(other) {
        return Ok(Value::Bool(issubset_sets(vm, other, &s)?));
    }
    let t = new_set(table_from(vm, other)?);
    Ok(Value::Bool(issubset_sets(vm, &t, &s)?))
}
fn s_isdisjoint(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a, "isdisjoint", true)?.clone();
    exact_args(vm, &a, "isdisjoint", 1)?;
    let other = &a.args[1];
    if s.is(other) {
        return Ok(Value::Bool(set_len(&s) == 0));
    }
    if is_anyset(other) && matches!(other, Value::Obj(o) if o.cls_data().builtin) {
        let (small, big) = if set_len(other) > set_len(&s) { (&s, other) } else { (other, &s) };
        for (k, h) in pairs(small).unwrap_or_default() {
            if other_contains(vm, big, &k, h)? {
                return Ok(Value::Bool(false));
            }
        }
        return Ok(Value::Bool(true));
    }
    let it = vm.iter(other)?;
    while let Some(x) = vm.next(&it)? {
        let h = vm.hash(&x)?;
        if other_contains(vm, &s, &x, h)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}
fn s_repr(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a, "__repr__", true)?.clone();
    let items = pairs(&s).unwrap_or_default();
    let name = vm.type_name(&s);
    if items.is_empty() {
        return Ok(vm.new_string(format!("{name}()")));
    }
    let mut parts = Vec::with_capacity(items.len());
    for (it, _) in &items {
        parts.push(vm.repr(it)?);
    }
    let body = format!("{{{}}}", parts.join(", "));
    let exact = matches!(&s, Value::Obj(o) if o.cls.is(&types().set));
    Ok(vm.new_string(if exact { body } else { format!("{name}({body})") }))
}
fn s_hash(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a, "__hash__", true)?;
    match s {
        Value::Obj(o) => match &o.payload {
            Payload::FrozenSet(d) => Ok(Value::Int(frozenset_hash(d))),
            _ => {
                let tn = vm.type_name(s);
                Err(vm.type_error(&format!("unhashable type: '{tn}'")))
            }
        },
        _ => Ok(Value::Int(0)),
    }
}
fn s_contains(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a, "__contains__", true)?.clone();
    exact_args(vm, &a, "__contains__", 1)?;
    let Value::Obj(o) = &s else { return Ok(Value::Bool(false)) };
    Ok(Value::Bool(set_contains(vm, o, &a.args[1])?))
}
fn s_reduce(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a, "__reduce__", true)?.clone();
    let keys: Vec<Value> = pairs(&s).unwrap_or_default().into_iter().map(|(k, _)| k).collect();
    let cls = Value::Obj(crate::types::type_of(&s).clone());
    let state = match &s {
        Value::Obj(o) => o.instance_dict().map(|d| Value::Obj(d.clone())).unwrap_or(Value::None),
        _ => Value::None,
    };
    let _ = vm;
    let args = crate::types::tuple::new_tuple(vec![crate::types::list::new_list(keys)]);
    Ok(crate::types::tuple::new_tuple(vec![cls, args, state]))
}

fn binop_method(vm: &mut Vm, a: &Args, name: &str, op: BinOp, reflected: bool) -> PyResult {
    let s = this(vm, a, name, true)?.clone();
    exact_args(vm, a, name, 1)?;
    let o = &a.args[1];
    let (x, y) = if reflected { (o, &s) } else { (&s, o) };
    Ok(set_binop(vm, x, y, op)?.unwrap_or_else(not_implemented))
}
fn inplace_method(vm: &mut Vm, a: &Args, name: &str, op: BinOp) -> PyResult {
    let s = this(vm, a, name, false)?.clone();
    exact_args(vm, a, name, 1)?;
    if !is_anyset(&a.args[1]) {
        return Ok(not_implemented());
    }
    set_inplace(vm, &s, &a.args[1], op)?;
    Ok(s)
}
fn compare_method(vm: &mut Vm, a: &Args, name: &str, op: CmpOp) -> PyResult {
    let s = this(vm, a, name, true)?.clone();
    exact_args(vm, a, name, 1)?;
    Ok(set_compare(vm, &s, &a.args[1], op)?.map(Value::Bool).unwrap_or_else(not_implemented))
}

macro_rules! set_dunders {
    ($( $f:ident => $body:expr; )*) => {
        $( fn $f(vm: &mut Vm, a: Args) -> PyResult { let f: fn(&mut Vm, &Args) -> PyResult = $body; f(vm, &a) } )*
    };
}
set_dunders! {
    s_or => |vm, a| binop_method(vm, a, "__or__", BinOp::Or, false);
    s_ror => |vm, a| binop_method(vm, a, "__ror__", BinOp::Or, true);
    s_and => |vm, a| binop_method(vm, a, "__and__", BinOp::And, false);
    s_rand => |vm, a| binop_method(vm, a, "__rand__", BinOp::And, true);
    s_sub => |vm, a| binop_method(vm, a, "__sub__", BinOp::Sub, false);
    s_rsub => |vm, a| binop_method(vm, a, "__rsub__", BinOp::Sub, true);
    s_xor => |vm, a| binop_method(vm, a, "__xor__", BinOp::Xor, false);
    s_rxor => |vm, a| binop_method(vm, a, "__rxor__", BinOp::Xor, true);
    s_ior => |vm, a| inplace_method(vm, a, "__ior__", BinOp::Or);
    s_iand => |vm, a| inplace_method(vm, a, "__iand__", BinOp::And);
    s_isub => |vm, a| inplace_method(vm, a, "__isub__", BinOp::Sub);
    s_ixor => |vm, a| inplace_method(vm, a, "__ixor__", BinOp::Xor);
    s_eq => |vm, a| compare_method(vm, a, "__eq__", CmpOp::Eq);
    s_ne => |vm, a| compare_method(vm, a, "__ne__", CmpOp::Ne);
    s_lt => |vm, a| compare_method(vm, a, "__lt__", CmpOp::Lt);
    s_le => |vm, a| compare_method(vm, a, "__le__", CmpOp::Le);
    s_gt => |vm, a| compare_method(vm, a, "__gt__", CmpOp::Gt);
    s_ge => |vm, a| compare_method(vm, a, "__ge__", CmpOp::Ge);
}

pub fn init(t: &BuiltinTypes) {
    add_staticmethod(&t.set, "__new__", set_new);
    add_staticmethod(&t.frozenset, "__new__", frozenset_new);
    for ty in [&t.set, &t.frozenset] {
        add_methods(ty, &[
            ("__init__", s_init), ("copy", s_copy), ("__len__", s_len), ("union", s_union), ("intersection", s_intersection), ("difference", s_difference),
            ("symmetric_difference", s_symdiff), ("issubset", s_issubset), ("issuperset", s_issuperset), ("isdisjoint", s_isdisjoint), ("__repr__", s_repr),
            ("__contains__", s_contains), ("__reduce__", s_reduce),
            ("__or__", s_or), ("__ror__", s_ror), ("__and__", s_and), ("__rand__", s_rand), ("__sub__", s_sub), ("__rsub__", s_rsub), ("__xor__", s_xor), ("__rxor__", s_rxor),
            ("__eq__", s_eq), ("__ne__", s_ne), ("__lt__", s_lt), ("__le__", s_le), ("__gt__", s_gt), ("__ge__", s_ge),
        ]);
    }
    add_methods(&t.set, &[("add", s_add), ("remove", s_remove), ("discard", s_discard), ("pop", s_pop), ("clear", s_clear), ("update", s_update),
        ("intersection_update", s_intersection_update), ("difference_update", s_difference_update), ("symmetric_difference_update", s_symmetric_difference_update),
        ("__ior__", s_ior), ("__iand__", s_iand), ("__isub__", s_isub), ("__ixor__", s_ixor)]);
    crate::types::set_type_attr(&t.set, "__hash__", Value::None);
    add_methods(&t.frozenset, &[("__hash__", s_hash), ("__iter__", frozenset_dunder_iter)]);
    add_methods(&t.set, &[("__iter__", set_dunder_iter)]);
}

fn set_dunder_iter(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::iters::dunder_iter(vm, &a, "set")
}

fn frozenset_dunder_iter(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::iters::dunder_iter(vm, &a, "frozenset")
}
