//! Helpers shared by the modules that wrap POSIX calls (`posix_fd`, `posix_proc`, `select`,
//! `signal`, `mp_native`): argument conversion, errno to `OSError`, and the rule every blocking
//! system call follows — run without the GIL, and on `EINTR` check for a pending signal
//! (raising `KeyboardInterrupt` in the main thread) before retrying (PEP 475).

use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyErr, PyResult};

/// The calling thread's errno.
pub fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// `OSError` (the errno subclass) for `code`.
pub fn os_error(vm: &mut Vm, code: i32) -> PyErr {
    vm.os_error_from_io(&std::io::Error::from_raw_os_error(code), None)
}

/// Positional argument `i` or keyword `name`.
pub fn arg<'a>(a: &Args<'a>, i: usize, name: &str) -> Option<&'a Value> {
    a.args.get(i).or_else(|| a.kw(name))
}

/// A required int argument that fits in an i64 (bool allowed, as in CPython).
pub fn int_arg(vm: &mut Vm, a: &Args, i: usize, name: &str, func: &str) -> PyResult<i64> {
    let Some(v) = arg(a, i, name) else {
        return Err(vm.type_error(&format!("{func}() missing required argument '{name}' (pos {})", i + 1)));
    };
    to_int(vm, v)
}

/// An int (or an object with `__index__`) as an i64; OverflowError when too big.
pub fn to_int(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool64(b) => Ok(b.get() as i64),
        Value::Float64(_) => Err(vm.type_error("'float' object cannot be interpreted as an integer")),
        _ => {
            let b = crate::ops::index_value(vm, v)?;
            use num_traits::ToPrimitive;
            b.to_i64().ok_or_else(|| vm.overflow_error("Python int too large to convert to C long"))
        }
    }
}

/// A file descriptor argument: an int, or an object with `fileno()`.
pub fn fd_of(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = match v {
        Value::Int(_) | Value::Bool64(_) => to_int(vm, v)?,
        Value::Obj(o) if matches!(o.payload, crate::object::Payload::Int(_)) => to_int(vm, v)?,
        _ => match vm.get_attr_opt(v, "fileno")? {
            Some(f) => {
                let r = vm.call(&f, &[], &[])?;
                to_int(vm, &r)?
            }
            None => return Err(vm.type_error("argument must be an int, or have a fileno() method.")),
        },
    };
    if n < 0 {
        return Err(vm.value_error(&format!("file descriptor cannot be a negative integer ({n})")));
    }
    i32::try_from(n).map_err(|_| vm.overflow_error("fd is greater than maximum"))
}

/// Run the system call `f` (returning -1 and setting errno on failure) without the GIL;
/// retry on EINTR after checking for signals. Returns the call's non-negative result.
pub fn syscall(vm: &mut Vm, mut f: impl FnMut() -> i64) -> PyResult<i64> {
    loop {
        let (r, err) = crate::stdlib::thread::blocking(vm, || {
            let r = f();
            (r, if r < 0 { errno() } else { 0 })
        });
        if r >= 0 {
            return Ok(r);
        }
        if err == libc::EINTR {
            crate::sigint::check(vm)?;
            continue;
        }
        return Err(os_error(vm, err));
    }
}

/// Like [`syscall`] for calls that do not block: keeps the GIL.
pub fn quick(vm: &mut Vm, f: impl FnOnce() -> i64) -> PyResult<i64> {
    let r = f();
    if r < 0 {
        let e = errno();
        return Err(os_error(vm, e));
    }
    Ok(r)
}

/// Seconds (int or float, None = forever) as a poll(2) timeout in milliseconds (-1 forever),
/// rounded up so that a short positive timeout still waits.
pub fn timeout_ms(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<f64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            let secs = crate::types::float::float_of(vm, v)?;
            if secs.is_nan() {
                return Err(vm.value_error("Invalid value NaN (not a number)"));
            }
            Ok(Some(secs.max(0.0)))
        }
    }
}
