//! `_traceback`: the runtime's traceback formatter for `lib/traceback.py` — the same text the
//! interpreter prints for an uncaught exception (CPython 3.11's format, chained exceptions
//! included).

use crate::object::{ObjRef, Payload};
use crate::stdlib::module_with;
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};

fn exc_arg(vm: &mut Vm, a: &Args, func: &str) -> PyResult<ObjRef> {
    match a.args.first() {
        Some(Value::Obj(o)) if matches!(o.payload, Payload::Exception(_)) => Ok(o.clone()),
        Some(v) => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("{func}() argument must be an exception, not {tn}")))
        }
        None => Err(vm.type_error(&format!("{func}() missing required argument 'exc' (pos 1)"))),
    }
}

/// `format_exception(exc)`: the whole report ("Traceback (most recent call last):" ...).
fn format_exception(vm: &mut Vm, a: Args) -> PyResult {
    let e = exc_arg(vm, &a, "format_exception")?;
    let s = crate::traceback::format_exception(vm, &e);
    Ok(vm.new_string(s))
}

/// `format_exception_only(exc)`: the last line(s): "Type: message\n".
fn format_exception_only(vm: &mut Vm, a: Args) -> PyResult {
    let e = exc_arg(vm, &a, "format_exception_only")?;
    let s = crate::traceback::format_exception_only(vm, &e);
    Ok(vm.new_string(s))
}

pub fn create(vm: &mut Vm) -> ObjRef {
    module_with(vm, "_traceback", &[("format_exception", format_exception), ("format_exception_only", format_exception_only)])
}
