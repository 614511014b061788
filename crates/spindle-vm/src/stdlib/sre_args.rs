//! Argument binding for the `re.Pattern` methods, with CPython's (Argument Clinic) messages:
//! "match() missing required argument 'string' (pos 1)", "'foo' is an invalid keyword
//! argument for match()", "match() takes at most 3 arguments (4 given)".

use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};

/// Bind `a.args[1..]` (after self) and the keywords to `names`, of which the first
/// `required` must be given. The result has one entry per name.
pub fn bind(vm: &mut Vm, a: &Args, fname: &str, names: &[&str], required: usize) -> PyResult<Vec<Option<Value>>> {
    let pos = a.args.get(1..).unwrap_or(&[]);
    if pos.len() > names.len() {
        let given = pos.len() + a.kwargs.len();
        let what = if required == names.len() { "exactly" } else { "at most" };
        return Err(vm.type_error(&format!("{fname}() takes {what} {} argument{} ({given} given)", names.len(), if names.len() == 1 { "" } else { "s" })));
    }
    let mut out: Vec<Option<Value>> = vec![None; names.len()];
    for (i, v) in pos.iter().enumerate() {
        out[i] = Some(v.clone());
    }
    for (k, v) in a.kwargs {
        let key = k.as_str().unwrap_or("");
        match names.iter().position(|n| *n == key) {
            Some(i) if i < pos.len() => {
                return Err(vm.type_error(&format!("argument for {fname}() given by name ('{key}') and position ({})", i + 1)));
            }
            Some(i) => out[i] = Some(v.clone()),
            None => return Err(vm.type_error(&format!("'{key}' is an invalid keyword argument for {fname}()"))),
        }
    }
    for (i, n) in names.iter().enumerate().take(required) {
        if out[i].is_none() {
            return Err(vm.type_error(&format!("{fname}() missing required argument '{n}' (pos {})", i + 1)));
        }
    }
    Ok(out)
}

/// An optional int argument (`pos`, `count`, ...) as an i64, `default` when absent.
pub fn int_or(vm: &mut Vm, v: &Option<Value>, default: i64) -> PyResult<i64> {
    match v {
        Some(v) => crate::stdlib::posix::to_int(vm, v),
        None => Ok(default),
    }
}
