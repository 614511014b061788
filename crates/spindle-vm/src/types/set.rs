//! `set` and `frozenset` (on the insertion-ordered table for now; CPython's iteration order for
//! small-int sets is matched later by a dedicated table).

use crate::object::dict::Lookup;
use crate::object::{DictData, ObjRef, Payload};
use crate::sync::PyCell;
use crate::types::{add_methods, add_staticmethod, types, BuiltinTypes};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};
use spindle_compiler::bytecode::{BinOp, CmpOp};

pub fn new_set(items: DictData) -> Value {
    Value::Obj(ObjRef::new(types().set.clone(), Payload::Set(PyCell::new(items))))
}

pub fn new_set_from(vm: &mut Vm, items: Vec<Value>) -> PyResult {
    let s = new_set(DictData::new());
    for it in items {
        set_add(vm, &s, it)?;
    }
    Ok(s)
}

fn data_snapshot(v: &Value) -> Option<Vec<Value>> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Set(c) => Some(c.lock().iter().map(|e| e.key.clone()).collect()),
            Payload::FrozenSet(d) => Some(d.iter().map(|e| e.key.clone()).collect()),
            _ => None,
        },
        _ => None,
    }
}

fn lookup(vm: &mut Vm, d: &DictData, h: i64, key: &Value) -> PyResult<bool> {
    match d.lookup(h, key) {
        Lookup::Found(_) => Ok(true),
        Lookup::NotFound => Ok(false),
        Lookup::NeedsEq(c) => {
            for (_, k) in c {
                if crate::ops::eq(vm, &k, key)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

pub fn set_add(vm: &mut Vm, s: &Value, key: Value) -> PyResult<()> {
    let h = vm.hash(&key)?;
    let Value::Obj(o) = s else { return Ok(()) };
    let Payload::Set(c) = &o.payload else { return Ok(()) };
    let present = {
        let g = c.lock();
        match g.lookup(h, &key) {
            Lookup::Found(_) => Some(true),
            Lookup::NotFound => Some(false),
            Lookup::NeedsEq(_) => None,
        }
    };
    let present = match present {
        Some(p) => p,
        None => {
            let snapshot = c.lock().copy();
            lookup(vm, &snapshot, h, &key)?
        }
    };
    if !present {
        c.lock().insert_new(h, key, Value::None);
    }
    Ok(())
}

pub fn set_contains(vm: &mut Vm, s: &ObjRef, key: &Value) -> PyResult<bool> {
    let h = match vm.hash(key) {
        Ok(h) => h,
        Err(e) => {
            // As CPython: a set key is looked up as the equal frozenset.
            if let Value::Obj(k) = key {
                if let Payload::Set(kc) = &k.payload {
                    let fs = Value::Obj(ObjRef::new(types().frozenset.clone(), Payload::FrozenSet(kc.lock().copy())));
                    return set_contains(vm, s, &fs);
                }
            }
            return Err(e);
        }
    };
    match &s.payload {
        Payload::Set(c) => {
            // Decide under the lock when no Python __eq__ is needed; compare unlocked otherwise.
            let r = c.lock().lookup(h, key);
            match r {
                Lookup::Found(_) => Ok(true),
                Lookup::NotFound => Ok(false),
                Lookup::NeedsEq(cands) => {
                    for (_, k) in cands {
                        if crate::ops::eq(vm, &k, key)? {
                            return Ok(true);
                        }
                    }
                    Ok(false)
                }
            }
        }
        Payload::FrozenSet(d) => lookup(vm, d, h, key),
        _ => Ok(false),
    }
}

fn build(vm: &mut Vm, items: Vec<Value>, frozen: bool) -> PyResult {
    let s = new_set_from(vm, items)?;
    if frozen {
        let Value::Obj(o) = &s else { return Ok(s) };
        let Payload::Set(c) = &o.payload else { return Ok(s) };
        let d = c.lock().copy();
        return Ok(Value::Obj(ObjRef::new(types().frozenset.clone(), Payload::FrozenSet(d))));
    }
    Ok(s)
}

fn is_frozen(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.payload, Payload::FrozenSet(_)))
}

pub fn set_binop(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (data_snapshot(a), data_snapshot(b)) else { return Ok(None) };
    let yset = build(vm, y.clone(), false)?;
    let xset = build(vm, x.clone(), false)?;
    let Value::Obj(yo) = &yset else { return Ok(None) };
    let Value::Obj(xo) = &xset else { return Ok(None) };
    let mut out = Vec::new();
    match op {
        BinOp::Or => {
            out.extend(x.iter().cloned());
            for v in y {
                if !set_contains(vm, xo, &v)? {
                    out.push(v);
                }
            }
        }
        BinOp::And => {
            for v in x {
                if set_contains(vm, yo, &v)? {
                    out.push(v);
                }
            }
        }
        BinOp::Sub => {
            for v in x {
                if !set_contains(vm, yo, &v)? {
                    out.push(v);
                }
            }
        }
        BinOp::Xor => {
            for v in x.iter() {
                if !set_contains(vm, yo, v)? {
                    out.push(v.clone());
                }
            }
            for v in y {
                if !set_contains(vm, xo, &v)? {
                    out.push(v);
                }
            }
        }
        _ => return Ok(None),
    }
    build(vm, out, is_frozen(a)).map(Some)
}

pub fn set_inplace(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<()> {
    let r = set_binop(vm, a, b, op)?.unwrap_or(Value::None);
    let (Value::Obj(ao), Value::Obj(ro)) = (a, &r) else { return Ok(()) };
    if let (Payload::Set(ac), Payload::Set(rc)) = (&ao.payload, &ro.payload) {
        let new = rc.lock().copy();
        let old = std::mem::replace(&mut *ac.lock(), new);
        drop(old);
    }
    Ok(())
}

pub fn set_compare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Option<bool>> {
    let (Some(x), Some(y)) = (data_snapshot(a), data_snapshot(b)) else { return Ok(None) };
    let ys = build(vm, y.clone(), false)?;
    let xs = build(vm, x.clone(), false)?;
    let (Value::Obj(yo), Value::Obj(xo)) = (&ys, &xs) else { return Ok(None) };
    let mut x_in_y = true;
    for v in &x {
        if !set_contains(vm, yo, v)? {
            x_in_y = false;
            break;
        }
    }
    let mut y_in_x = true;
    for v in &y {
        if !set_contains(vm, xo, v)? {
            y_in_x = false;
            break;
        }
    }
    Ok(Some(match op {
        CmpOp::Eq => x_in_y && y_in_x,
        CmpOp::Ne => !(x_in_y && y_in_x),
        CmpOp::Le => x_in_y,
        CmpOp::Lt => x_in_y && !y_in_x,
        CmpOp::Ge => y_in_x,
        CmpOp::Gt => y_in_x && !x_in_y,
    }))
}

fn s_new(vm: &mut Vm, a: Args) -> PyResult {
    let cls = a.args[0].as_obj().cloned();
    let frozen = cls.as_ref().map(|c| crate::types::is_subtype(c, &types().frozenset)).unwrap_or(false);
    let items = match (frozen, a.args.get(1)) {
        (true, Some(v)) => vm.collect(v)?,
        _ => Vec::new(),
    };
    let s = build(vm, items, frozen)?;
    match &cls {
        Some(c) if !c.is(&types().set) && !c.is(&types().frozenset) => {
            let Value::Obj(o) = &s else { return Ok(s) };
            let payload = match &o.payload {
                Payload::Set(c2) => Payload::Set(PyCell::new(c2.lock().copy())),
                Payload::FrozenSet(d) => Payload::FrozenSet(d.copy()),
                _ => return Ok(s),
            };
            Ok(Value::Obj(crate::types::new_object(c, payload)))
        }
        _ => Ok(s),
    }
}

fn s_init(vm: &mut Vm, a: Args) -> PyResult {
    if let Some(src) = a.args.get(1) {
        if !is_frozen(&a.args[0]) {
            let items = vm.collect(src)?;
            for it in items {
                set_add(vm, &a.args[0], it)?;
            }
        }
    }
    Ok(Value::None)
}

fn s_add(vm: &mut Vm, a: Args) -> PyResult {
    set_add(vm, &a.args[0], a.args[1].clone())?;
    Ok(Value::None)
}

fn s_remove_impl(vm: &mut Vm, a: &Args, missing_ok: bool) -> PyResult {
    let orig = a.args[1].clone();
    let mut key = orig.clone();
    let h = match vm.hash(&key) {
        Ok(h) => h,
        Err(e) => {
            // A set key stands for the equal frozenset (CPython's set_discard_key).
            let fs = match &key {
                Value::Obj(k) => match &k.payload {
                    Payload::Set(kc) => Value::Obj(ObjRef::new(types().frozenset.clone(), Payload::FrozenSet(kc.lock().copy()))),
                    _ => return Err(e),
                },
                _ => return Err(e),
            };
            key = fs;
            vm.hash(&key)?
        }
    };
    let Value::Obj(o) = &a.args[0] else { return Ok(Value::None) };
    let Payload::Set(c) = &o.payload else { return Ok(Value::None) };
    let idx = {
        let g = c.lock();
        match g.lookup(h, &key) {
            Lookup::Found(i) => Some(i),
            _ => None,
        }
    };
    match idx {
        Some(i) => {
            let old = c.lock().remove_at(i);
            drop(old);
            Ok(Value::None)
        }
        None if missing_ok => Ok(Value::None),
        None => Err(vm.key_error(orig)),
    }
}
fn s_remove(vm: &mut Vm, a: Args) -> PyResult {
    s_remove_impl(vm, &a, false)
}
fn s_discard(vm: &mut Vm, a: Args) -> PyResult {
    s_remove_impl(vm, &a, true)
}
fn s_pop(vm: &mut Vm, a: Args) -> PyResult {
    let Value::Obj(o) = &a.args[0] else { return Ok(Value::None) };
    let Payload::Set(c) = &o.payload else { return Ok(Value::None) };
    let first = c.lock().iter().next().map(|e| e.key.clone());
    match first {
        Some(k) => {
            s_remove_impl(vm, &Args::new(&[a.args[0].clone(), k.clone()]), true)?;
            Ok(k)
        }
        None => {
            let c = types().exc.key_error.clone();
            Err(vm.new_exc(&c, "pop from an empty set"))
        }
    }
}
fn s_clear(_vm: &mut Vm, a: Args) -> PyResult {
    if let Value::Obj(o) = &a.args[0] {
        if let Payload::Set(c) = &o.payload {
            let old = c.lock().clear();
            drop(old);
        }
    }
    Ok(Value::None)
}
fn s_copy(vm: &mut Vm, a: Args) -> PyResult {
    let items = data_snapshot(&a.args[0]).unwrap_or_default();
    build(vm, items, is_frozen(&a.args[0]))
}
fn s_len(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Int(data_snapshot(&a.args[0]).map(|v| v.len()).unwrap_or(0) as i64))
}
fn multi(vm: &mut Vm, a: &Args, op: BinOp) -> PyResult {
    let mut cur = build(vm, data_snapshot(&a.args[0]).unwrap_or_default(), false)?;
    for other in &a.args[1..] {
        let items = vm.collect(other)?;
        let o = build(vm, items, false)?;
        cur = set_binop(vm, &cur, &o, op)?.unwrap_or(cur);
    }
    if is_frozen(&a.args[0]) {
        let items = data_snapshot(&cur).unwrap_or_default();
        return build(vm, items, true);
    }
    Ok(cur)
}
fn s_union(vm: &mut Vm, a: Args) -> PyResult {
    multi(vm, &a, BinOp::Or)
}
fn s_intersection(vm: &mut Vm, a: Args) -> PyResult {
    multi(vm, &a, BinOp::And)
}
fn s_difference(vm: &mut Vm, a: Args) -> PyResult {
    multi(vm, &a, BinOp::Sub)
}
fn s_symdiff(vm: &mut Vm, a: Args) -> PyResult {
    multi(vm, &a, BinOp::Xor)
}
fn s_update(vm: &mut Vm, a: Args) -> PyResult {
    for other in &a.args[1..] {
        let items = vm.collect(other)?;
        for it in items {
            set_add(vm, &a.args[0], it)?;
        }
    }
    Ok(Value::None)
}
fn inplace_multi(vm: &mut Vm, a: Args, op: BinOp) -> PyResult {
    for other in &a.args[1..] {
        let items = vm.collect(other)?;
        let o = build(vm, items, false)?;
        set_inplace(vm, &a.args[0], &o, op)?;
    }
    Ok(Value::None)
}
fn s_intersection_update(vm: &mut Vm, a: Args) -> PyResult {
    inplace_multi(vm, a, BinOp::And)
}
fn s_difference_update(vm: &mut Vm, a: Args) -> PyResult {
    inplace_multi(vm, a, BinOp::Sub)
}
fn s_symmetric_difference_update(vm: &mut Vm, a: Args) -> PyResult {
    inplace_multi(vm, a, BinOp::Xor)
}
fn rel(vm: &mut Vm, a: &Args, op: CmpOp) -> PyResult {
    let items = vm.collect(&a.args[1])?;
    let o = build(vm, items, false)?;
    Ok(Value::Bool(set_compare(vm, &a.args[0], &o, op)?.unwrap_or(false)))
}
fn s_issubset(vm: &mut Vm, a: Args) -> PyResult {
    rel(vm, &a, CmpOp::Le)
}
fn s_issuperset(vm: &mut Vm, a: Args) -> PyResult {
    rel(vm, &a, CmpOp::Ge)
}
fn s_isdisjoint(vm: &mut Vm, a: Args) -> PyResult {
    let items = vm.collect(&a.args[1])?;
    let Value::Obj(o) = &a.args[0] else { return Ok(Value::Bool(true)) };
    for it in items {
        if set_contains(vm, o, &it)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}
fn s_repr(vm: &mut Vm, a: Args) -> PyResult {
    let items = data_snapshot(&a.args[0]).unwrap_or_default();
    let name = vm.type_name(&a.args[0]);
    if items.is_empty() {
        return Ok(vm.new_string(format!("{name}()")));
    }
    let mut parts = Vec::new();
    for it in &items {
        parts.push(vm.repr(it)?);
    }
    let body = format!("{{{}}}", parts.join(", "));
    Ok(vm.new_string(if name == "set" { body } else { format!("{name}({body})") }))
}
fn s_hash(vm: &mut Vm, a: Args) -> PyResult {
    let items = data_snapshot(&a.args[0]).unwrap_or_default();
    let mut h: u64 = 0;
    for it in &items {
        let x = vm.hash(it)? as u64;
        h ^= (x ^ (x << 16) ^ 89869747).wrapping_mul(3644798167);
    }
    h ^= (items.len() as u64 + 1).wrapping_mul(1927868237);
    h = h.wrapping_mul(69069).wrapping_add(907133923);
    Ok(Value::Int(h as i64))
}
fn s_contains(vm: &mut Vm, a: Args) -> PyResult {
    let Value::Obj(o) = &a.args[0] else { return Ok(Value::Bool(false)) };
    Ok(Value::Bool(set_contains(vm, o, &a.args[1])?))
}

pub fn init(t: &BuiltinTypes) {
    for ty in [&t.set, &t.frozenset] {
        add_staticmethod(ty, "__new__", s_new);
        add_methods(ty, &[
            ("__init__", s_init), ("copy", s_copy), ("__len__", s_len), ("union", s_union), ("intersection", s_intersection), ("difference", s_difference),
            ("symmetric_difference", s_symdiff), ("issubset", s_issubset), ("issuperset", s_issuperset), ("isdisjoint", s_isdisjoint), ("__repr__", s_repr), ("__contains__", s_contains),
        ]);
    }
    add_methods(&t.set, &[("add", s_add), ("remove", s_remove), ("discard", s_discard), ("pop", s_pop), ("clear", s_clear), ("update", s_update),
        ("intersection_update", s_intersection_update), ("difference_update", s_difference_update), ("symmetric_difference_update", s_symmetric_difference_update)]);
    crate::types::set_type_attr(&t.set, "__hash__", Value::None);
    add_methods(&t.frozenset, &[("__hash__", s_hash)]);
}
