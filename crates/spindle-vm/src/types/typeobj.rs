//! `type`: class creation (`type(name, bases, ns)`, used by `class` statements through
//! `__build_class__`), `type(x)`, class repr, `mro()`, and the isinstance/issubclass hooks.

use crate::object::{DictData, ObjRef, Payload};
use crate::types::{self, add_classmethod, add_methods, add_staticmethod, type_of, types, BuiltinTypes};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};

fn type_new(vm: &mut Vm, a: Args) -> PyResult {
    let Some(Value::Obj(meta)) = a.args.first() else { return Err(vm.type_error("type.__new__(X): X is not a type object")) };
    if meta.as_type().is_none() {
        let tn = vm.type_name(&a.args[0]);
        return Err(vm.type_error(&format!("type.__new__(X): X is not a type object ({tn})")));
    }
    let meta = meta.clone();
    match a.args.len() {
        2 if meta.is(&types().type_) => return Ok(Value::Obj(type_of(&a.args[1]).clone())),
        4 => {}
        _ => return Err(vm.type_error("type() takes 1 or 3 arguments")),
    }
    let Some(name) = a.args[1].as_str().map(|s| s.to_string()) else {
        let tn = vm.type_name(&a.args[1]);
        return Err(vm.type_error(&format!("type.__new__() argument 1 must be str, not {tn}")));
    };
    let Some(bases_items) = crate::types::tuple::tuple_items(&a.args[2]).map(|s| s.to_vec()) else {
        let tn = vm.type_name(&a.args[2]);
        return Err(vm.type_error(&format!("type.__new__() argument 2 must be tuple, not {tn}")));
    };
    let ns_obj = match &a.args[3] {
        Value::Obj(d) if matches!(d.payload, Payload::Dict(_)) => d.clone(),
        other => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!("type.__new__() argument 3 must be dict, not {tn}")));
        }
    };
    let mut bases = Vec::with_capacity(bases_items.len());
    for b in &bases_items {
        match b {
            Value::Obj(o) if o.as_type().is_some() => bases.push(o.clone()),
            other => {
                let r = vm.repr(other)?;
                let _ = r;
                return Err(vm.type_error("bases must be types"));
            }
        }
    }
    create_class(vm, &meta, &name, bases, &ns_obj, a.kwargs)
}

/// The body of `type.__new__` once arguments are checked.
pub fn create_class(vm: &mut Vm, meta: &ObjRef, name: &str, bases: Vec<ObjRef>, ns_obj: &ObjRef, kwargs: &[(Value, Value)]) -> PyResult {
    let mut ns: DictData = match &ns_obj.payload {
        Payload::Dict(c) => c.lock().copy(),
        _ => DictData::new(),
    };
    // __qualname__ comes from the namespace and is not kept in it.
    let qh = crate::object::str::hash_str("__qualname__");
    let qualname = match ns.lookup_str(qh, "__qualname__") {
        Some(i) => {
            let (_, v) = ns.remove_at(i);
            match v.as_str() {
                Some(s) => s.to_string(),
                None => {
                    let tn = vm.type_name(&v);
                    return Err(vm.type_error(&format!("type __qualname__ must be a str, not {tn}")));
                }
            }
        }
        None => name.to_string(),
    };
    let dh = crate::object::str::hash_str("__doc__");
    if ns.lookup_str(dh, "__doc__").is_none() {
        ns.insert_new(dh, Value::Obj(crate::vm::intern_static("__doc__")), Value::None);
    }
    let mh = crate::object::str::hash_str("__module__");
    if ns.lookup_str(mh, "__module__").is_none() {
        if let Some(f) = vm.frames.last() {
            if let Some(m) = crate::types::dict::dict_get_str(&f.globals, "__name__") {
                ns.insert_new(mh, Value::Obj(crate::vm::intern_static("__module__")), m);
            }
        }
    }
    // A class that defines __eq__ but not __hash__ is unhashable.
    let hh = crate::object::str::hash_str("__hash__");
    if ns.lookup_str(crate::object::str::hash_str("__eq__"), "__eq__").is_some() && ns.lookup_str(hh, "__hash__").is_none() {
        ns.insert_new(hh, Value::Obj(crate::vm::intern_static("__hash__")), Value::None);
    }
    // __init_subclass__ and __class_getitem__ are implicitly classmethods.
    for special in ["__init_subclass__", "__class_getitem__"] {
        let h = crate::object::str::hash_str(special);
        if let Some(i) = ns.lookup_str(h, special) {
            let v = ns.value_at(i).clone();
            if matches!(&v, Value::Obj(o) if matches!(o.payload, Payload::Function(_))) {
                let cm = Value::Obj(ObjRef::new(types().classmethod.clone(), Payload::ClassMethod(v)));
                ns.set_value_at(i, cm);
            }
        }
    }
    let slots = slot_names(vm, name, &mut ns)?;
    let cls = match types::new_class(meta, name, &qualname, bases, ns, slots.as_deref()) {
        Ok(c) => c,
        Err(msg) => return Err(vm.type_error(&msg)),
    };
    let clsv = Value::Obj(cls.clone());
    // The class's own member descriptors learn which class they belong to.
    if slots.is_some() {
        for (_, v) in cls.instance_dict().map(crate::types::dict::dict_items).unwrap_or_default() {
            if let Value::Obj(d) = &v {
                if let Payload::Member { owner_id, .. } = &d.payload {
                    let _ = owner_id.compare_exchange(0, cls.id(), std::sync::atomic::Ordering::Relaxed, std::sync::atomic::Ordering::Relaxed);
                }
            }
        }
    }
    // __set_name__ on descriptors, in definition order.
    let items = cls.instance_dict().map(crate::types::dict::dict_items).unwrap_or_default();
    for (k, v) in items {
        if let Some(sn) = vm.lookup_special(&v, "__set_name__") {
            vm.call(&sn, &[v.clone(), clsv.clone(), k.clone()], &[])?;
        }
    }
    // __init_subclass__ as super(cls, cls) finds it: the first class after cls in its MRO
    // that defines one (not only the first base's line: class S(N, B) reaches B's).
    let mro = cls.type_data().mro.clone();
    let found = mro.iter().find_map(|b| types::lookup_own(b, "__init_subclass__"));
    let found = found.or_else(|| types::lookup(&types().object, "__init_subclass__"));
    if let Some(init_sub) = found {
        let bound = vm.descr_get(&init_sub, Some(&clsv), &cls.cls.clone())?;
        let bound = match &init_sub {
            Value::Obj(o) if matches!(o.payload, Payload::ClassMethod(_)) => {
                let Payload::ClassMethod(f) = &o.payload else { unreachable!() };
                Value::Obj(ObjRef::new(types().method.clone(), Payload::Method { func: f.clone(), self_: clsv.clone() }))
            }
            _ => bound,
        };
        vm.call(&bound, &[], kwargs)?;
    }
    Ok(clsv)
}

/// `__slots__` of a class body: the declared names, with a member descriptor put in the
/// namespace for each (private names mangled). None when the body has no `__slots__`.
fn slot_names(vm: &mut Vm, cls_name: &str, ns: &mut DictData) -> PyResult<Option<Vec<String>>> {
    let sh = crate::object::str::hash_str("__slots__");
    let Some(i) = ns.lookup_str(sh, "__slots__") else { return Ok(None) };
    let v = ns.value_at(i).clone();
    let items = if v.as_str().is_some() { vec![v] } else { vm.collect(&v)? };
    let mut names: Vec<String> = Vec::new();
    for it in &items {
        let Some(s) = it.as_str() else {
            let tn = vm.type_name(it);
            return Err(vm.type_error(&format!("__slots__ items must be strings, not '{tn}'")));
        };
        let ident = s.chars().next().is_some_and(|c| c == '_' || c.is_alphabetic()) && s.chars().all(|c| c == '_' || c.is_alphanumeric());
        if !ident {
            return Err(vm.type_error("__slots__ must be identifiers"));
        }
        names.push(s.to_string());
    }
    for n in &names {
        if n == "__dict__" || n == "__weakref__" {
            continue;
        }
        let m = spindle_compiler::symtable::mangle(Some(cls_name), n).into_owned();
        let h = crate::object::str::hash_str(&m);
        if ns.lookup_str(h, &m).is_some() {
            return Err(vm.value_error(&format!("'{n}' in __slots__ conflicts with class variable")));
        }
        let key = crate::vm::intern_static(&m);
        let d = Value::Obj(ObjRef::new(types().member_descriptor.clone(), Payload::Member { name: key.clone(), owner: cls_name.to_string(), owner_id: std::sync::atomic::AtomicUsize::new(0) }));
        ns.insert_new(h, Value::Obj(key), d);
    }
    Ok(Some(names))
}

fn type_init(_vm: &mut Vm, _a: Args) -> PyResult {
    Ok(Value::None)
}

fn self_type<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a ObjRef> {
    match a.args.first() {
        Some(Value::Obj(o)) if o.as_type().is_some() => Ok(o),
        _ => Err(vm.type_error("descriptor requires a 'type' object")),
    }
}

fn type_call(vm: &mut Vm, a: Args) -> PyResult {
    let cls = self_type(vm, &a)?.clone();
    vm.type_call_default(&cls, &a.args[1..], a.kwargs)
}

/// `<class 'module.Qualname'>`
pub fn type_repr_str(cls: &ObjRef) -> String {
    let td = cls.type_data();
    if td.builtin {
        // Builtin types of native modules (`_thread.lock`) name their module in their own dict.
        let own = cls.instance_dict().and_then(|d| crate::types::dict::dict_get_str(d, "__module__")).and_then(|m| m.as_str().map(|s| s.to_string()));
        return match own {
            Some(m) if m != "builtins" => format!("<class '{m}.{}'>", td.qualname),
            _ => format!("<class '{}'>", td.qualname),
        };
    }
    let module = types::lookup(cls, "__module__").and_then(|m| m.as_str().map(|s| s.to_string()));
    // A `__qualname__` assigned after creation lives in the class's own dict (class creation
    // takes the body's out of the namespace).
    let qualname = cls.instance_dict().and_then(|d| crate::types::dict::dict_get_str(d, "__qualname__")).and_then(|q| q.as_str().map(|s| s.to_string())).unwrap_or_else(|| td.qualname.clone());
    match module {
        Some(m) if m != "builtins" => format!("<class '{m}.{qualname}'>"),
        _ => format!("<class '{qualname}'>"),
    }
}

fn type_repr(vm: &mut Vm, a: Args) -> PyResult {
    let cls = self_type(vm, &a)?.clone();
    let s = type_repr_str(&cls);
    Ok(vm.new_string(s))
}

fn type_mro(vm: &mut Vm, a: Args) -> PyResult {
    let cls = self_type(vm, &a)?.clone();
    let mut items = vec![Value::Obj(cls.clone())];
    items.extend(cls.type_data().mro.iter().map(|b| Value::Obj(b.clone())));
    Ok(crate::types::list::new_list(items))
}

fn type_instancecheck(vm: &mut Vm, a: Args) -> PyResult {
    let cls = self_type(vm, &a)?.clone();
    let Some(obj) = a.args.get(1) else { return Err(vm.type_error("__instancecheck__() takes exactly one argument")) };
    Ok(Value::Bool(types::isinstance(obj, &cls)))
}

fn type_subclasscheck(vm: &mut Vm, a: Args) -> PyResult {
    let cls = self_type(vm, &a)?.clone();
    match a.args.get(1) {
        Some(Value::Obj(sub)) if sub.as_type().is_some() => Ok(Value::Bool(types::is_subtype(sub, &cls))),
        _ => Err(vm.type_error("issubclass() arg 1 must be a class")),
    }
}

fn type_prepare(vm: &mut Vm, _a: Args) -> PyResult {
    Ok(Value::Obj(vm.new_dict()))
}

fn type_subclasses(vm: &mut Vm, a: Args) -> PyResult {
    let cls = self_type(vm, &a)?.clone();
    let items = types::subclasses(&cls).into_iter().map(Value::Obj).collect();
    Ok(crate::types::list::new_list(items))
}

fn type_dir(vm: &mut Vm, a: Args) -> PyResult {
    let cls = self_type(vm, &a)?.clone();
    let names = crate::types::object::class_attr_names(&cls);
    let s = crate::types::set::new_set_from(vm, names)?;
    let items = vm.collect(&s)?;
    Ok(crate::types::list::new_list(items))
}

pub fn init(t: &BuiltinTypes) {
    let ty = &t.type_;
    add_staticmethod(ty, "__new__", type_new);
    add_methods(
        ty,
        &[
            ("__init__", type_init),
            ("__call__", type_call),
            ("__repr__", type_repr),
            ("mro", type_mro),
            ("__instancecheck__", type_instancecheck),
            ("__subclasscheck__", type_subclasscheck),
            ("__subclasses__", type_subclasses),
            ("__dir__", type_dir),
        ],
    );
    add_classmethod(ty, "__prepare__", type_prepare);
}
