//! `os.uname()`: the kernel's identification as `posix.uname_result`, read from
//! `/proc/sys/kernel` (Linux; the same strings uname(2) returns) and the machine name from the
//! architecture Spindle was built for.

use crate::object::ObjRef;
use crate::stdlib::set_attr;
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};
use std::sync::OnceLock;

const FIELDS: &[&str] = &["sysname", "nodename", "release", "version", "machine"];

/// The `os.uname_result` type (created once).
static UNAME_RESULT: OnceLock<ObjRef> = OnceLock::new();

fn uname_result_type(vm: &mut Vm) -> PyResult<ObjRef> {
    if let Some(t) = UNAME_RESULT.get() {
        return Ok(t.clone());
    }
    let t = crate::stdlib::structseq::new_type(vm, "posix", "uname_result", FIELDS, 5)?;
    Ok(UNAME_RESULT.get_or_init(|| t).clone())
}

fn kernel_string(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let path = format!("/proc/sys/kernel/{name}");
    match std::fs::read_to_string(&path) {
        Ok(s) => Ok(vm.new_string(s.trim_end_matches('\n').to_string())),
        Err(e) => Err(crate::stdlib::posix::os_error(vm, e.raw_os_error().unwrap_or(libc::EIO))),
    }
}

fn uname(vm: &mut Vm, _a: Args) -> PyResult {
    let mut vals = Vec::with_capacity(5);
    for name in ["ostype", "hostname", "osrelease", "version"] {
        vals.push(kernel_string(vm, name)?);
    }
    vals.push(vm.new_string(std::env::consts::ARCH.to_string()));
    let cls = uname_result_type(vm)?;
    crate::stdlib::structseq::make(vm, &cls, vals)
}

pub fn add_to(vm: &mut Vm, m: &ObjRef) {
    let f = crate::builtins::native_function("uname", uname, "os");
    set_attr(vm, m, "uname", f);
    if let Ok(t) = uname_result_type(vm) {
        set_attr(vm, m, "uname_result", Value::Obj(t));
    }
}
