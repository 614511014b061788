//! `module` objects: a namespace dict with a name. Import creates them (`crate::import`).

use crate::object::{ObjRef, Payload};
use crate::types::{add_methods, add_staticmethod, types, BuiltinTypes};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};

/// A new module object named `name` with `__name__`, `__doc__` and friends set.
pub fn new_module(vm: &mut Vm, name: &str) -> ObjRef {
    new_module_of(vm, &types().module, name)
}

/// Module names are interned (as CPython's identifiers): `sys.modules` keys, `__name__` and
/// the `__module__` of classes are one object, which pickle's memo relies on.
fn new_module_of(vm: &mut Vm, cls: &ObjRef, name: &str) -> ObjRef {
    let d = vm.new_dict();
    for (k, v) in [("__name__", Value::Obj(vm.intern(name))), ("__doc__", Value::None), ("__package__", Value::None), ("__loader__", Value::None), ("__spec__", Value::None)] {
        let k = Value::Obj(vm.intern(k));
        let _ = crate::types::dict::dict_set(vm, &d, k, v);
    }
    ObjRef::new_with_dict(cls.clone(), Payload::Module, d)
}

/// The namespace dict of a module.
pub fn module_dict(m: &ObjRef) -> ObjRef {
    m.instance_dict().cloned().expect("module without a namespace")
}

fn module_new(vm: &mut Vm, a: Args) -> PyResult {
    let cls = match a.args.first() {
        Some(Value::Obj(c)) if c.as_type().is_some() => c.clone(),
        _ => return Err(vm.type_error("module.__new__(X): X is not a type object")),
    };
    let name = match a.args.get(1).or_else(|| a.kw("name")) {
        Some(v) => match v.as_str() {
            Some(s) => s.to_string(),
            None => {
                let tn = vm.type_name(v);
                return Err(vm.type_error(&format!("module.__init__() argument 'name' must be str, not {tn}")));
            }
        },
        None => return Err(vm.type_error("module.__init__() missing required argument 'name' (pos 1)")),
    };
    let m = new_module_of(vm, &cls, &name);
    if let Some(doc) = a.args.get(2).or_else(|| a.kw("doc")) {
        let d = module_dict(&m);
        let k = vm.new_str("__doc__");
        crate::types::dict::dict_set(vm, &d, k, doc.clone())?;
    }
    Ok(Value::Obj(m))
}

fn module_init(_vm: &mut Vm, _a: Args) -> PyResult {
    Ok(Value::None)
}

fn module_repr(vm: &mut Vm, a: Args) -> PyResult {
    let Value::Obj(m) = &a.args[0] else { return Err(vm.type_error("descriptor requires a 'module' object")) };
    let d = m.instance_dict().cloned();
    let get = |k: &str| d.as_ref().and_then(|d| crate::types::dict::dict_get_str(d, k));
    let name = match get("__name__") {
        Some(n) => vm.repr(&n)?,
        None => "'?'".to_string(),
    };
    let s = match get("__file__") {
        Some(f) if !f.is_none() => {
            let fr = vm.repr(&f)?;
            format!("<module {name} from {fr}>")
        }
        _ => {
            if get("__spindle_builtin__").is_some() || matches!(name.as_str(), "'sys'" | "'builtins'") {
                format!("<module {name} (built-in)>")
            } else {
                format!("<module {name}>")
            }
        }
    };
    Ok(vm.new_string(s))
}

fn module_dir(vm: &mut Vm, a: Args) -> PyResult {
    let Value::Obj(m) = &a.args[0] else { return Err(vm.type_error("descriptor requires a 'module' object")) };
    let mut keys = m.instance_dict().map(crate::types::dict::dict_keys).unwrap_or_default();
    let mut names: Vec<(String, Value)> = Vec::new();
    for k in keys.drain(..) {
        names.push((k.as_str().unwrap_or("").to_string(), k));
    }
    names.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(crate::types::list::new_list(names.into_iter().map(|(_, k)| k).collect()))
}

pub fn init(t: &BuiltinTypes) {
    add_staticmethod(&t.module, "__new__", module_new);
    add_methods(&t.module, &[("__init__", module_init), ("__repr__", module_repr), ("__dir__", module_dir)]);
}
