//! `_patma`: Spindle-private support for pattern matching used by `lib/` (CPython does the same
//! from C: `_abc._abc_init` reads `__abc_tpflags__`, `_abc._abc_register` and C types set
//! `Py_TPFLAGS_SEQUENCE`/`Py_TPFLAGS_MAPPING`).
//!
//! `set_collection_flag(cls, flag)`: `flag` is `1 << 5` (sequence) or `1 << 6` (mapping); the
//! class and its subclasses then match sequence or mapping patterns (builtin types are left
//! alone, as CPython's `set_collection_flag_recursive` leaves immutable types).

use crate::object::{TPFLAGS_MAPPING, TPFLAGS_SEQUENCE};
use crate::stdlib::module_with;
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};

fn set_collection_flag(vm: &mut Vm, a: Args) -> PyResult {
    let [cls, flag] = a.args else {
        return Err(vm.type_error(&format!("set_collection_flag() takes exactly 2 arguments ({} given)", a.args.len())));
    };
    let cls = match cls {
        Value::Obj(o) if o.as_type().is_some() => o.clone(),
        _ => return Err(vm.type_error("set_collection_flag() argument 1 must be a class")),
    };
    let flag = match flag {
        Value::Int(f) if *f == TPFLAGS_SEQUENCE as i64 || *f == TPFLAGS_MAPPING as i64 => *f as u8,
        _ => return Err(vm.value_error("set_collection_flag() flag must be 1 << 5 (sequence) or 1 << 6 (mapping)")),
    };
    crate::match_ops::set_collection_flag_recursive(&cls, flag);
    Ok(Value::None)
}

pub fn create(vm: &mut Vm) -> crate::object::ObjRef {
    module_with(vm, "_patma", &[("set_collection_flag", set_collection_flag)])
}
