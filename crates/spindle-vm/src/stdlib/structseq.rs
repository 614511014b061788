//! Struct sequences (CPython's `PyStructSequence`): tuple subclasses whose items also have
//! names, such as `sys.version_info`, `sys.float_info` and `time.struct_time`.
//!
//! A struct sequence type is a class with base `tuple`. Each named field is a read-only
//! property whose getter is a native function bound to the field's index. Fields past
//! `n_sequence` (e.g. `tm_zone`) are not part of the tuple: they live in the instance dict.

use crate::object::{DictData, ObjRef, Payload};
use crate::types::types;
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};

/// Create a struct sequence type `module.name` with `fields`, the first `n_sequence` of
/// which make up the tuple.
pub fn new_type(vm: &mut Vm, module: &str, name: &str, fields: &[&'static str], n_sequence: usize) -> PyResult<ObjRef> {
    let t = types();
    let mut ns = DictData::new();
    let put = |vm: &mut Vm, ns: &mut DictData, k: &str, v: Value| {
        let h = crate::object::str::hash_str(k);
        let key = Value::Obj(vm.intern(k));
        match ns.lookup_str(h, k) {
            Some(i) => drop(ns.set_value_at(i, v)),
            None => ns.insert_new(h, key, v),
        }
    };
    let m = vm.new_str(module);
    put(vm, &mut ns, "__module__", m);
    for (i, f) in fields.iter().enumerate() {
        let getter = if i < n_sequence {
            Payload::Builtin { name: f, func: field_get, bound: Some(Value::Int(i as i64)), module: None, sig: crate::native_sig::Sig::Any }
        } else {
            let key = vm.new_str(f);
            Payload::Builtin { name: f, func: extra_get, bound: Some(key), module: None, sig: crate::native_sig::Sig::Any }
        };
        let g = Value::Obj(ObjRef::new(t.builtin_function.clone(), getter));
        let p = Value::Obj(ObjRef::new(t.property.clone(), Payload::Property { fget: g, fset: Value::None, fdel: Value::None, doc: Value::None }));
        put(vm, &mut ns, f, p);
    }
    let names: Vec<Value> = fields.iter().map(|f| Value::Obj(vm.intern(f))).collect();
    put(vm, &mut ns, "_fields", crate::types::tuple::new_tuple(names));
    put(vm, &mut ns, "n_sequence_fields", Value::Int(n_sequence as i64));
    put(vm, &mut ns, "n_fields", Value::Int(fields.len() as i64));
    put(vm, &mut ns, "n_unnamed_fields", Value::Int(0));
    for (k, f) in [("__repr__", repr as crate::NativeFn), ("__reduce__", reduce), ("__new__", new)] {
        let b = Value::Obj(ObjRef::new(t.builtin_function.clone(), Payload::Builtin { name: k, func: f, bound: None, module: None, sig: crate::native_sig::Sig::Any }));
        let v = if k == "__new__" { Value::Obj(ObjRef::new(t.staticmethod.clone(), Payload::StaticMethod(b))) } else { b };
        put(vm, &mut ns, k, v);
    }
    // No instance dict unless some fields live outside the tuple.
    let slots: Vec<String> = if fields.len() > n_sequence { vec!["__dict__".to_string()] } else { Vec::new() };
    match crate::types::new_class(&t.type_, name, name, vec![t.tuple.clone()], ns, Some(&slots)) {
        Ok(c) => Ok(c),
        Err(msg) => Err(vm.type_error(&msg)),
    }
}

/// An instance of struct sequence type `cls` from all its field values.
pub fn make(vm: &mut Vm, cls: &ObjRef, mut values: Vec<Value>) -> PyResult {
    let n_seq = n_sequence(cls);
    let extra = if values.len() > n_seq { values.split_off(n_seq) } else { Vec::new() };
    let obj = crate::types::new_object(cls, Payload::Tuple(values.into_boxed_slice()));
    if !extra.is_empty() {
        let fields = field_names(cls);
        let storage = obj.slot_storage().or_else(|| obj.instance_dict()).cloned();
        if let Some(d) = storage {
            for (name, v) in fields.iter().skip(n_seq).zip(extra) {
                let k = vm.new_str(name);
                crate::types::dict::dict_set(vm, &d, k, v)?;
            }
        }
    }
    Ok(Value::Obj(obj))
}

fn n_sequence(cls: &ObjRef) -> usize {
    crate::types::lookup(cls, "n_sequence_fields").and_then(|v| crate::types::int::to_i64(&v)).unwrap_or(0) as usize
}

fn field_names(cls: &ObjRef) -> Vec<String> {
    match crate::types::lookup(cls, "_fields") {
        Some(v) => crate::types::tuple::tuple_items(&v).map(|s| s.iter().filter_map(|x| x.as_str().map(|s| s.to_string())).collect()).unwrap_or_default(),
        None => Vec::new(),
    }
}

fn field_get(vm: &mut Vm, a: Args) -> PyResult {
    let i = a.args.first().and_then(crate::types::int::to_i64).unwrap_or(0) as usize;
    match a.args.get(1).and_then(|v| crate::types::tuple::tuple_items(v).map(|s| s.get(i).cloned())) {
        Some(Some(v)) => Ok(v),
        _ => Err(vm.type_error("descriptor requires a struct sequence")),
    }
}

fn extra_get(vm: &mut Vm, a: Args) -> PyResult {
    let (Some(k), Some(Value::Obj(o))) = (a.args.first(), a.args.get(1)) else { return Err(vm.type_error("descriptor requires a struct sequence")) };
    let storage = o.slot_storage().or_else(|| o.instance_dict()).cloned();
    let name = k.as_str().unwrap_or("").to_string();
    match storage.and_then(|d| crate::types::dict::dict_get_str(&d, &name)) {
        Some(v) => Ok(v),
        None => Ok(Value::None),
    }
}

fn type_name(cls: &ObjRef) -> String {
    let module = crate::types::lookup(cls, "__module__").and_then(|m| m.as_str().map(|s| s.to_string())).unwrap_or_default();
    format!("{module}.{}", cls.type_data().name)
}

fn repr(vm: &mut Vm, a: Args) -> PyResult {
    let Some(v) = a.args.first() else { return Err(vm.type_error("descriptor requires a struct sequence")) };
    let cls = crate::types::type_of(v).clone();
    let items = crate::types::tuple::tuple_items(v).map(|s| s.to_vec()).unwrap_or_default();
    let names = field_names(&cls);
    let mut parts = Vec::with_capacity(items.len());
    for (n, x) in names.iter().zip(items.iter()) {
        let r = vm.repr(x)?;
        parts.push(format!("{n}={r}"));
    }
    let s = format!("{}({})", type_name(&cls), parts.join(", "));
    Ok(vm.new_string(s))
}

fn reduce(vm: &mut Vm, a: Args) -> PyResult {
    let Some(v) = a.args.first() else { return Err(vm.type_error("descriptor requires a struct sequence")) };
    let cls = crate::types::type_of(v).clone();
    let items = crate::types::tuple::tuple_items(v).map(|s| s.to_vec()).unwrap_or_default();
    let d = vm.new_dict();
    if let Value::Obj(o) = v {
        if let Some(extra) = o.slot_storage().or_else(|| o.instance_dict()).cloned() {
            for (k, x) in crate::types::dict::dict_items(&extra) {
                crate::types::dict::dict_set(vm, &d, k, x)?;
            }
        }
    }
    let args = crate::types::tuple::new_tuple(vec![crate::types::tuple::new_tuple(items), Value::Obj(d)]);
    Ok(crate::types::tuple::new_tuple(vec![Value::Obj(cls), args]))
}

/// `cls(sequence, dict=None)`: between n_sequence and n_fields items; named extras may come
/// from `dict`.
fn new(vm: &mut Vm, a: Args) -> PyResult {
    // The same native serves every struct sequence type, so the messages cannot name the owner.
    let cls = match a.args.first() {
        Some(Value::Obj(c)) if c.as_type().is_some() => c.clone(),
        Some(v) => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(&format!("structseq.__new__(X): X is not a type object ({tn})")));
        }
        None => return Err(vm.type_error("structseq.__new__(): not enough arguments")),
    };
    if !crate::types::is_subtype(&cls, &crate::types::types().tuple) || crate::types::lookup(&cls, "n_sequence_fields").is_none() {
        let cn = cls.type_data().name.clone();
        return Err(vm.type_error(&format!("structseq.__new__({cn}): {cn} is not a struct sequence type")));
    }
    let seq = match a.args.get(1).or_else(|| a.kw("sequence")) {
        Some(s) => vm.collect(s)?,
        None => return Err(vm.type_error("structseq() missing required argument 'sequence' (pos 1)")),
    };
    let n_seq = n_sequence(&cls);
    let names = field_names(&cls);
    let tn = type_name(&cls);
    let n_fields = names.len();
    if seq.len() < n_seq {
        let how = if n_seq == n_fields { format!("a {n_seq}-sequence") } else { format!("an at least {n_seq}-sequence") };
        return Err(vm.type_error(&format!("{tn}() takes {how} ({}-sequence given)", seq.len())));
    }
    if seq.len() > n_fields {
        let how = if n_seq == n_fields { format!("a {n_fields}-sequence") } else { format!("an at most {n_fields}-sequence") };
        return Err(vm.type_error(&format!("{tn}() takes {how} ({}-sequence given)", seq.len())));
    }
    let mut values = seq;
    let dict = a.args.get(2).or_else(|| a.kw("dict")).cloned();
    while values.len() < n_fields {
        let name = &names[values.len()];
        let v = match &dict {
            Some(Value::Obj(d)) if matches!(d.payload, Payload::Dict(_)) => crate::types::dict::dict_get_str(d, name).unwrap_or(Value::None),
            _ => Value::None,
        };
        values.push(v);
    }
    make(vm, &cls, values)
}
