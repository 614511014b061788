//! `dict` and the dict operations the whole runtime uses (namespaces are dicts).

use crate::object::dict::Lookup;
use crate::object::{DictData, ObjRef, Payload};
use crate::sync::PyCell;
use crate::types::{add_classmethod, add_methods, add_staticmethod, types, BuiltinTypes};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};

fn cell(d: &ObjRef) -> &PyCell<DictData> {
    match &d.payload {
        Payload::Dict(c) => c,
        _ => panic!("not a dict"),
    }
}

pub fn dict_len(d: &ObjRef) -> usize {
    match &d.payload {
        Payload::Dict(c) => c.lock().len(),
        _ => 0,
    }
}

/// Lookup by str key without running Python code.
pub fn dict_get_str(d: &ObjRef, key: &str) -> Option<Value> {
    let Payload::Dict(c) = &d.payload else { return None };
    let h = crate::object::str::hash_str(key);
    let g = c.lock();
    g.lookup_str(h, key).map(|i| g.value_at(i).clone())
}

/// `dict_get_str` with the key's str hash known.
#[inline]
pub fn dict_get_str_hashed(d: &ObjRef, key: &str, h: i64) -> Option<Value> {
    let Payload::Dict(c) = &d.payload else { return None };
    let g = c.lock();
    g.lookup_str(h, key).map(|i| g.value_at(i).clone())
}

/// Lookup by an interned str object.
#[inline]
pub fn dict_get_interned(d: &ObjRef, key: &ObjRef) -> Option<Value> {
    let Payload::Dict(c) = &d.payload else { return None };
    let s = key.as_str()?;
    let g = c.lock();
    g.lookup_str(s.hash(), s.as_str()).map(|i| g.value_at(i).clone())
}

/// Find the entry index of `key`, running `__eq__` with the lock released when needed. If the
/// dict changes under a comparison (the candidate's slot no longer holds the key compared), the
/// lookup starts again, as CPython's does.
///
/// Also returns the dict's `version` when the answer was valid: the lock is not held on return,
/// so a caller that locks again to act on the index (or on its absence) must check that the
/// version is unchanged and look up again otherwise. Another thread (free-threaded mode) or
/// Python code run meanwhile may have inserted or removed keys, moving entries.
fn find(vm: &mut Vm, d: &ObjRef, hash: i64, key: &Value) -> PyResult<(Option<usize>, u64)> {
    let c = cell(d);
    'lookup: loop {
        let (r, version) = {
            let g = c.lock();
            (g.lookup(hash, key), g.version)
        };
        let cands = match r {
            Lookup::Found(i) => return Ok((Some(i), version)),
            Lookup::NotFound => return Ok((None, version)),
            Lookup::NeedsEq(cands) => cands,
        };
        for (i, k) in cands {
            let equal = crate::ops::eq(vm, &k, key)?;
            let (unchanged, version) = {
                let g = c.lock();
                (g.slot(i).map(|e| e.key.is(&k)).unwrap_or(false), g.version)
            };
            if !unchanged {
                continue 'lookup;
            }
            if equal {
                return Ok((Some(i), version));
            }
        }
        let version = c.lock().version;
        return Ok((None, version));
    }
}

pub fn dict_get(vm: &mut Vm, d: &ObjRef, key: &Value) -> PyResult<Option<Value>> {
    let h = vm.hash(key)?;
    {
        // One locked probe when no key compared needs Python `__eq__`.
        let g = cell(d).lock();
        if let Some(r) = g.find_native(h, key) {
            return Ok(r.map(|i| g.value_at(i).clone()));
        }
    }
    let Some(i) = find(vm, d, h, key)?.0 else { return Ok(None) };
    Ok(cell(d).lock().slot(i).map(|e| e.value.clone()))
}

/// `d[key]` for a builtin dict and an int or exact str key, without the hash protocol or
/// Python equality: None when not found or when the shape is not covered (the caller then
/// takes the generic path).
#[inline]
pub fn dict_get_native(d: &ObjRef, key: &Value) -> Option<Value> {
    let Payload::Dict(c) = &d.payload else { return None };
    let h = Vm::native_hash(key)?;
    let g = c.lock();
    let i = g.find_native(h, key)??;
    Some(g.value_at(i).clone())
}

pub fn dict_set(vm: &mut Vm, d: &ObjRef, key: Value, v: Value) -> PyResult<()> {
    let h = vm.hash(&key)?;
    {
        // One locked probe and the store when no key compared needs Python `__eq__`.
        let mut g = cell(d).lock();
        if let Some(r) = g.find_native(h, &key) {
            let old = match r {
                Some(i) => Some(g.set_value_at(i, v)),
                None => {
                    g.insert_new(h, key, v);
                    None
                }
            };
            drop(g);
            drop(old);
            return Ok(());
        }
    }
    loop {
        let (found, version) = find(vm, d, h, &key)?;
        let mut g = cell(d).lock();
        if g.version != version {
            // Keys were inserted or removed since the lookup: `found` may be stale.
            continue;
        }
        let old = match found {
            Some(i) => Some(g.set_value_at(i, v)),
            None => {
                g.insert_new(h, key, v);
                None
            }
        };
        drop(g);
        drop(old);
        return Ok(());
    }
}

/// Delete `key`; Ok(false) if absent.
pub fn dict_del(vm: &mut Vm, d: &ObjRef, key: &Value) -> PyResult<bool> {
    let h = vm.hash(key)?;
    loop {
        let (Some(i), version) = find(vm, d, h, key)? else { return Ok(false) };
        let mut g = cell(d).lock();
        if g.version == version {
            let old = g.remove_at(i);
            drop(g);
            drop(old);
            return Ok(true);
        }
    }
}

pub fn dict_pop(vm: &mut Vm, d: &ObjRef, key: &Value) -> PyResult<Option<Value>> {
    let h = vm.hash(key)?;
    loop {
        let (Some(i), version) = find(vm, d, h, key)? else { return Ok(None) };
        let mut g = cell(d).lock();
        if g.version == version {
            let (k, v) = g.remove_at(i);
            drop(g);
            drop(k);
            return Ok(Some(v));
        }
    }
}

pub fn dict_items(d: &ObjRef) -> Vec<(Value, Value)> {
    match &d.payload {
        Payload::Dict(c) => c.lock().iter().map(|e| (e.key.clone(), e.value.clone())).collect(),
        _ => Vec::new(),
    }
}

pub fn dict_keys(d: &ObjRef) -> Vec<Value> {
    match &d.payload {
        Payload::Dict(c) => c.lock().iter().map(|e| e.key.clone()).collect(),
        _ => Vec::new(),
    }
}

pub fn dict_copy(d: &ObjRef) -> ObjRef {
    let data = cell(d).lock().copy();
    ObjRef::new(types().dict.clone(), Payload::Dict(PyCell::new(data)))
}

pub fn dict_eq(vm: &mut Vm, a: &ObjRef, b: &ObjRef) -> PyResult<bool> {
    if dict_len(a) != dict_len(b) {
        return Ok(false);
    }
    for (k, v) in dict_items(a) {
        match dict_get(vm, b, &k)? {
            Some(w) => {
                if !crate::ops::eq(vm, &v, &w)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

fn self_dict<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a ObjRef> {
    match a.args.first() {
        Some(Value::Obj(o)) if matches!(o.payload, Payload::Dict(_)) => Ok(o),
        _ => Err(vm.type_error("descriptor requires a 'dict' object")),
    }
}

fn d_new(vm: &mut Vm, a: Args) -> PyResult {
    let c = crate::types::check_new(vm, &types().dict, &a)?;
    if c.is(&types().dict) {
        return Ok(Value::Obj(vm.new_dict()));
    }
    Ok(Value::Obj(crate::types::new_object(&c, Payload::Dict(PyCell::new(DictData::new())))))
}

fn d_init(vm: &mut Vm, a: Args) -> PyResult {
    let d = Value::Obj(self_dict(vm, &a)?.clone());
    d_update_impl(vm, &d, a.args.get(1), a.kwargs)?;
    Ok(Value::None)
}

/// `d.update(src, **kwargs)`: a mapping (has `keys`) or an iterable of pairs.
pub fn d_update_impl(vm: &mut Vm, d: &Value, src: Option<&Value>, kwargs: &[(Value, Value)]) -> PyResult<()> {
    if let Some(src) = src {
        let is_mapping = match src {
            Value::Obj(o) => matches!(o.payload, Payload::Dict(_)) || vm.get_attr_opt(src, "keys")?.is_some(),
            _ => false,
        };
        if is_mapping {
            vm.dict_update_from(d, src, None)?;
        } else {
            let Value::Obj(dobj) = d else { return Ok(()) };
            let it = vm.iter(src)?;
            let mut idx = 0;
            while let Some(item) = vm.next(&it)? {
                let pair = match vm.collect(&item) {
                    Ok(p) => p,
                    Err(_) => {
                        let tn = vm.type_name(&item);
                        return Err(vm.type_error(&format!("cannot convert dictionary update sequence element #{idx} to a sequence")).or_tn(tn));
                    }
                };
                if pair.len() != 2 {
                    return Err(vm.value_error(&format!("dictionary update sequence element #{idx} has length {}; 2 is required", pair.len())));
                }
                let mut p = pair.into_iter();
                let (k, v) = (p.next().unwrap_or(Value::None), p.next().unwrap_or(Value::None));
                dict_set(vm, dobj, k, v)?;
                idx += 1;
            }
        }
    }
    if let Value::Obj(dobj) = d {
        for (k, v) in kwargs {
            dict_set(vm, dobj, k.clone(), v.clone())?;
        }
    }
    Ok(())
}

trait OrTn {
    fn or_tn(self, tn: String) -> Self;
}
impl OrTn for crate::PyErr {
    fn or_tn(self, _tn: String) -> Self {
        self
    }
}

fn d_update(vm: &mut Vm, a: Args) -> PyResult {
    let d = Value::Obj(self_dict(vm, &a)?.clone());
    d_update_impl(vm, &d, a.args.get(1), a.kwargs)?;
    Ok(Value::None)
}

fn d_get(vm: &mut Vm, a: Args) -> PyResult {
    // An int or exact str key probed natively (no Python `__eq__` can run).
    if let ([Value::Obj(d), k, rest @ ..], true) = (a.args, a.kwargs.is_empty()) {
        if let (Payload::Dict(c), true) = (&d.payload, rest.len() <= 1) {
            if let Some(h) = Vm::native_hash(k) {
                let g = c.lock();
                if let Some(found) = g.find_native(h, k) {
                    return Ok(match found {
                        Some(i) => g.value_at(i).clone(),
                        None => rest.first().cloned().unwrap_or(Value::None),
                    });
                }
            }
        }
    }
    let d = self_dict(vm, &a)?.clone();
    crate::types::check_positional(vm, &a, 1, "get", 1, 2)?;
    let k = a.args[1].clone();
    Ok(dict_get(vm, &d, &k)?.unwrap_or_else(|| a.args.get(2).cloned().unwrap_or(Value::None)))
}

fn d_setdefault(vm: &mut Vm, a: Args) -> PyResult {
    let d = self_dict(vm, &a)?.clone();
    crate::types::check_positional(vm, &a, 1, "setdefault", 1, 2)?;
    let k = a.args[1].clone();
    if let Some(v) = dict_get(vm, &d, &k)? {
        return Ok(v);
    }
    let dv = a.args.get(2).cloned().unwrap_or(Value::None);
    dict_set(vm, &d, k, dv.clone())?;
    Ok(dv)
}

fn d_pop(vm: &mut Vm, a: Args) -> PyResult {
    let d = self_dict(vm, &a)?.clone();
    crate::types::check_positional(vm, &a, 1, "pop", 1, 2)?;
    let k = a.args[1].clone();
    match dict_pop(vm, &d, &k)? {
        Some(v) => Ok(v),
        None => match a.args.get(2) {
            Some(dv) => Ok(dv.clone()),
            None => Err(vm.key_error(k)),
        },
    }
}

fn d_popitem(vm: &mut Vm, a: Args) -> PyResult {
    let d = self_dict(vm, &a)?.clone();
    let r = cell(&d).lock().pop_last();
    match r {
        Some((k, v)) => Ok(crate::types::tuple::new_tuple(vec![k, v])),
        None => {
            let c = types().exc.key_error.clone();
            Err(vm.new_exc(&c, "popitem(): dictionary is empty"))
        }
    }
}

fn view(vm: &mut Vm, a: &Args, kind: u8) -> PyResult {
    let d = self_dict(vm, a)?.clone();
    let t = types();
    let ty = match kind {
        0 => t.dict_keys.clone(),
        1 => t.dict_values.clone(),
        _ => t.dict_items.clone(),
    };
    Ok(Value::Obj(ObjRef::new(ty, Payload::DictView { dict: d, kind })))
}

fn d_keys(vm: &mut Vm, a: Args) -> PyResult {
    view(vm, &a, 0)
}
fn d_values(vm: &mut Vm, a: Args) -> PyResult {
    view(vm, &a, 1)
}
fn d_items(vm: &mut Vm, a: Args) -> PyResult {
    view(vm, &a, 2)
}

fn d_clear(vm: &mut Vm, a: Args) -> PyResult {
    let d = self_dict(vm, &a)?.clone();
    let old = cell(&d).lock().clear();
    drop(old);
    Ok(Value::None)
}

fn d_copy(vm: &mut Vm, a: Args) -> PyResult {
    let d = self_dict(vm, &a)?.clone();
    Ok(Value::Obj(dict_copy(&d)))
}

fn d_fromkeys(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::check_positional(vm, &a, 1, "fromkeys", 1, 2)?;
    let cls = a.args[0].clone();
    let keys = vm.collect(&a.args[1])?;
    let v = a.args.get(2).cloned().unwrap_or(Value::None);
    let d = vm.call(&cls, &[], &[])?;
    for k in keys {
        vm.setitem(&d, &k, v.clone())?;
    }
    Ok(d)
}

pub fn dict_repr_str(vm: &mut Vm, d: &ObjRef) -> PyResult<String> {
    let items = dict_items(d);
    let mut parts = Vec::with_capacity(items.len());
    for (k, v) in &items {
        let ks = vm.repr(k)?;
        let vs = if v.id() == d.id() { "{...}".to_string() } else { vm.repr(v)? };
        parts.push(format!("{ks}: {vs}"));
    }
    Ok(format!("{{{}}}", parts.join(", ")))
}

fn d_repr(vm: &mut Vm, a: Args) -> PyResult {
    let d = self_dict(vm, &a)?.clone();
    vm.check_stack()?;
    let s = dict_repr_str(vm, &d)?;
    Ok(vm.new_string(s))
}

fn d_len(vm: &mut Vm, a: Args) -> PyResult {
    let d = self_dict(vm, &a)?.clone();
    Ok(Value::Int(dict_len(&d) as i64))
}

fn d_getitem(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    let d = self_dict(vm, &a)?.clone();
    match dict_get(vm, &d, &a.args[1])? {
        Some(v) => Ok(v),
        None => Err(vm.key_error(a.args[1].clone())),
    }
}
fn d_setitem(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 2)?;
    let d = self_dict(vm, &a)?.clone();
    dict_set(vm, &d, a.args[1].clone(), a.args[2].clone())?;
    Ok(Value::None)
}
fn d_delitem(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    let d = self_dict(vm, &a)?.clone();
    if !dict_del(vm, &d, &a.args[1])? {
        return Err(vm.key_error(a.args[1].clone()));
    }
    Ok(Value::None)
}
fn d_contains(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    let d = self_dict(vm, &a)?.clone();
    Ok(Value::Bool(dict_get(vm, &d, &a.args[1])?.is_some()))
}
fn d_reversed(vm: &mut Vm, a: Args) -> PyResult {
    let d = self_dict(vm, &a)?.clone();
    Ok(crate::types::iters::dict_reversed(&d, 0))
}

fn d_iter(vm: &mut Vm, a: Args) -> PyResult {
    let d = self_dict(vm, &a)?.clone();
    Ok(crate::types::iters::dict_iter(&d, 0))
}

fn view_len(_vm: &mut Vm, a: Args) -> PyResult {
    match &a.args[0] {
        Value::Obj(o) => match &o.payload {
            Payload::DictView { dict, .. } => Ok(Value::Int(dict_len(dict) as i64)),
            _ => Ok(Value::Int(0)),
        },
        _ => Ok(Value::Int(0)),
    }
}

fn view_repr(vm: &mut Vm, a: Args) -> PyResult {
    let Value::Obj(o) = &a.args[0] else { return Ok(Value::None) };
    let Payload::DictView { dict, kind } = &o.payload else { return Ok(Value::None) };
    let name = o.cls_data().name.clone();
    let items = vm.collect(&a.args[0])?;
    let l = crate::types::list::new_list(items);
    let r = vm.repr(&l)?;
    let _ = (dict, kind);
    Ok(vm.new_string(format!("{name}({r})")))
}

pub fn init(t: &BuiltinTypes) {
    add_staticmethod(&t.dict, "__new__", d_new);
    add_methods(&t.dict, &[
        ("__init__", d_init), ("update", d_update), ("get", d_get), ("setdefault", d_setdefault), ("pop", d_pop), ("popitem", d_popitem),
        ("keys", d_keys), ("values", d_values), ("items", d_items), ("clear", d_clear), ("copy", d_copy), ("__repr__", d_repr), ("__len__", d_len),
        ("__getitem__", d_getitem), ("__setitem__", d_setitem), ("__delitem__", d_delitem), ("__contains__", d_contains), ("__iter__", d_iter), ("__reversed__", d_reversed),
    ]);
    add_classmethod(&t.dict, "fromkeys", d_fromkeys);
    crate::types::set_type_attr(&t.dict, "__hash__", Value::None);
    for v in [&t.dict_keys, &t.dict_values, &t.dict_items] {
        add_methods(v, &[("__len__", view_len), ("__repr__", view_repr)]);
    }
}
