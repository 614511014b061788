//! The pattern-matching instructions of the `match` statement (`MatchMapping`, `MatchSequence`,
//! `MatchKeys`, `MatchClass`, `GetLen`), as CPython 3.11's `ceval.c` runs them. The eval loop's
//! cold path hands over the top stack items and replaces `pops` of them with the result.

use crate::object::{Layout, ObjRef, TPFLAGS_MAPPING, TPFLAGS_SEQUENCE};
use crate::types::{self, type_of, types};
use crate::value::Value;
use crate::vm::Vm;
use crate::PyResult;
use spindle_compiler::bytecode::Instr;
use std::sync::atomic::Ordering;

/// The three top stack items, bottom to top (missing ones are `Null`).
pub fn top3(stack: &[Value]) -> [Value; 3] {
    let n = stack.len();
    let at = |d: usize| if n >= d { stack[n - d].clone() } else { Value::Null };
    [at(3), at(2), at(1)]
}

/// Run one pattern-matching instruction on the top stack items `[a, b, c]` (`c` on top).
/// Returns how many items to pop before pushing the result.
pub fn exec(vm: &mut Vm, ins: Instr, [a, b, c]: [Value; 3]) -> PyResult<(usize, Value)> {
    match ins {
        Instr::MatchMapping => Ok((0, Value::Bool(has_flag(&c, TPFLAGS_MAPPING)))),
        Instr::MatchSequence => Ok((0, Value::Bool(has_flag(&c, TPFLAGS_SEQUENCE)))),
        Instr::GetLen => {
            let n = vm.len(&c)?;
            Ok((0, Value::Int(n as i64)))
        }
        Instr::MatchKeys => Ok((0, match_keys(vm, &b, &c)?)),
        Instr::MatchClass(n) => Ok((3, match_class(vm, &a, &b, n as usize, &c)?)),
        other => Err(vm.runtime_error(&format!("internal error: {other:?} is not a pattern-matching instruction"))),
    }
}

fn has_flag(v: &Value, flag: u8) -> bool {
    type_of(v).type_data().collection_flags.load(Ordering::Relaxed) & flag != 0
}

/// Give `cls` and its subclasses the collection flag (`ABCMeta.register` of a class with
/// `collections.abc.Sequence`/`Mapping` in its bases): CPython's
/// `set_collection_flag_recursive`, which leaves builtin types alone.
pub fn set_collection_flag_recursive(cls: &ObjRef, flag: u8) {
    let td = cls.type_data();
    if td.builtin || td.collection_flags.load(Ordering::Relaxed) & (TPFLAGS_SEQUENCE | TPFLAGS_MAPPING) == flag {
        return;
    }
    td.collection_flags.store(flag, Ordering::Relaxed);
    for sub in types::subclasses(cls) {
        set_collection_flag_recursive(&sub, flag);
    }
}

/// Stack: subject, keys -> values: `subject.get(key, sentinel)` for each key, None as soon as
/// one is missing (CPython's `match_keys`: the two-argument `get` neither raises nor makes
/// `defaultdict` create the key).
fn match_keys(vm: &mut Vm, map: &Value, keys: &Value) -> PyResult {
    let keys: Vec<Value> = match types::tuple::tuple_items(keys) {
        Some(k) => k.to_vec(),
        None => return Err(vm.runtime_error("internal error: MatchKeys without a tuple of keys")),
    };
    if keys.is_empty() {
        return Ok(types::tuple::new_tuple(Vec::new()));
    }
    // An exact dict's `get` is `dict.get`: look the keys up directly (same results, same
    // errors, no sentinel or bound method).
    if let Value::Obj(d) = map {
        if d.cls.is(&types().dict) {
            let mut values = Vec::with_capacity(keys.len());
            for (n, key) in keys.iter().enumerate() {
                check_duplicate(vm, &keys[..n], key)?;
                match types::dict::dict_get(vm, d, key)? {
                    Some(v) => values.push(v),
                    None => return Ok(Value::None),
                }
            }
            return Ok(types::tuple::new_tuple(values));
        }
    }
    let get = vm.get_attr_str(map, "get")?;
    let dummy = types::object::new_instance(vm, &types().object);
    let mut values = Vec::with_capacity(keys.len());
    for (n, key) in keys.iter().enumerate() {
        check_duplicate(vm, &keys[..n], key)?;
        let v = vm.call(&get, &[key.clone(), dummy.clone()], &[])?;
        if v.is(&dummy) {
            return Ok(Value::None);
        }
        values.push(v);
    }
    Ok(types::tuple::new_tuple(values))
}

/// As CPython's set of the keys seen so far: `key` must be hashable and equal to none of
/// `before` (ValueError). Keys are few; literal duplicates were refused at compile time.
fn check_duplicate(vm: &mut Vm, before: &[Value], key: &Value) -> PyResult<()> {
    let h = vm.hash(key)?;
    for k in before {
        if vm.hash(k)? == h && (k.is(key) || crate::ops::eq(vm, k, key)?) {
            let r = vm.repr(key)?;
            return Err(vm.value_error(&format!("mapping pattern checks duplicate key ({r})")));
        }
    }
    Ok(())
}

/// Builtins whose instances match themselves in `case int(x)` (CPython's
/// `_Py_TPFLAGS_MATCH_SELF`: bool, bytearray, bytes, dict, float, frozenset, int, list, set,
/// str, tuple and their subclasses).
fn matches_self(cls: &ObjRef) -> bool {
    matches_self_layout(cls.type_data().layout)
}

/// Is a type with this instance layout one of the self-matching builtins or a subclass?
pub fn matches_self_layout(layout: Layout) -> bool {
    matches!(
        layout,
        Layout::Int | Layout::Bool | Layout::Float | Layout::Str | Layout::Bytes | Layout::ByteArray | Layout::Tuple | Layout::List | Layout::Dict | Layout::Set | Layout::FrozenSet
    )
}

fn is_exact(v: &Value, ty: &ObjRef) -> bool {
    type_of(v).is(ty)
}

/// Stack: subject, cls, names -> attributes tuple or None (CPython's `match_class`).
fn match_class(vm: &mut Vm, subject: &Value, cls: &Value, nargs: usize, names: &Value) -> PyResult {
    let t = types();
    let cls_ref = match cls {
        Value::Obj(o) if o.as_type().is_some() => o.clone(),
        _ => return Err(vm.type_error("called match pattern must be a type")),
    };
    if !crate::builtins::isinstance_of(vm, subject, cls)? {
        return Ok(Value::None);
    }
    let tp_name = &cls_ref.type_data().name;
    // The attribute names looked up so far (each may be asked for once).
    let mut seen: Vec<Value> = Vec::new();
    let mut attrs: Vec<Value> = Vec::new();
    if nargs > 0 {
        let (match_args, match_self) = match vm.get_attr_opt(cls, "__match_args__")? {
            Some(m) => {
                if !is_exact(&m, &t.tuple) {
                    let got = vm.type_name(&m);
                    return Err(vm.type_error(&format!("{tp_name}.__match_args__ must be a tuple (got {got})")));
                }
                (types::tuple::tuple_items(&m).map(|s| s.to_vec()).unwrap_or_default(), false)
            }
            // Only a type without `__match_args__` matches itself.
            None => (Vec::new(), matches_self(&cls_ref)),
        };
        let allowed = if match_self { 1 } else { match_args.len() };
        if allowed < nargs {
            let plural = if allowed == 1 { "" } else { "s" };
            return Err(vm.type_error(&format!("{tp_name}() accepts {allowed} positional sub-pattern{plural} ({nargs} given)")));
        }
        if match_self {
            attrs.push(subject.clone());
        } else {
            for name in &match_args[..nargs] {
                if !is_exact(name, &t.str_) {
                    let got = vm.type_name(name);
                    return Err(vm.type_error(&format!("__match_args__ elements must be strings (got {got})")));
                }
                match class_attr(vm, subject, tp_name, name, &mut seen)? {
                    Some(v) => attrs.push(v),
                    None => return Ok(Value::None),
                }
            }
        }
    }
    let names: &[Value] = types::tuple::tuple_items(names).unwrap_or(&[]);
    for name in names {
        match class_attr(vm, subject, tp_name, name, &mut seen)? {
            Some(v) => attrs.push(v),
            None => return Ok(Value::None),
        }
    }
    Ok(types::tuple::new_tuple(attrs))
}

/// `getattr(subject, name)` for a class pattern; None when the attribute is missing.
fn class_attr(vm: &mut Vm, subject: &Value, tp_name: &str, name: &Value, seen: &mut Vec<Value>) -> PyResult<Option<Value>> {
    let s = name.as_str().unwrap_or("");
    if seen.iter().any(|n| n.as_str() == Some(s)) {
        let r = vm.repr(name)?;
        return Err(vm.type_error(&format!("{tp_name}() got multiple sub-patterns for attribute {r}")));
    }
    seen.push(name.clone());
    let Value::Obj(n) = name else { return Ok(None) };
    match vm.get_attr(subject, n) {
        Ok(v) => Ok(Some(v)),
        Err(e) if vm.is_instance_of(&e, &types().exc.attribute_error.clone()) => Ok(None),
        Err(e) => Err(e),
    }
}
