//! `gc`: Spindle frees objects by reference counting only; there is no cycle collector yet, so
//! `collect()` finds nothing and reports 0, and enable/disable only record the setting.

use crate::stdlib::module_with;
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};
use std::sync::atomic::{AtomicBool, Ordering};

/// The `gc.enable()`/`disable()` flag (read by nothing yet: there is no cycle collector).
static ENABLED: AtomicBool = AtomicBool::new(true);

fn collect(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() + a.kwargs.len() > 1 {
        return Err(vm.type_error(&format!("collect() takes at most 1 argument ({} given)", a.args.len() + a.kwargs.len())));
    }
    if let Some((k, _)) = a.kwargs.iter().find(|(k, _)| k.as_str() != Some("generation")) {
        let k = k.as_str().unwrap_or("").to_string();
        return Err(vm.type_error(&format!("'{k}' is an invalid keyword argument for collect()")));
    }
    if let Some(g) = a.args.first().or_else(|| a.kw("generation")) {
        if !(0..=2).contains(&crate::types::int::as_c_int(vm, g)?) {
            return Err(vm.value_error("invalid generation"));
        }
    }
    vm.run_finalizers();
    Ok(Value::Int(0))
}

fn enable(_vm: &mut Vm, _a: Args) -> PyResult {
    ENABLED.store(true, Ordering::Relaxed);
    Ok(Value::None)
}

fn disable(_vm: &mut Vm, _a: Args) -> PyResult {
    ENABLED.store(false, Ordering::Relaxed);
    Ok(Value::None)
}

fn isenabled(_vm: &mut Vm, _a: Args) -> PyResult {
    Ok(Value::Bool(ENABLED.load(Ordering::Relaxed)))
}

pub fn create(vm: &mut Vm) -> crate::object::ObjRef {
    module_with(vm, "gc", &[("collect", collect), ("enable", enable), ("disable", disable), ("isenabled", isenabled)])
}
