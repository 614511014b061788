//! Modules written in Rust: created on first import (`create_builtin_module`), except `sys`
//! and `builtins`, which exist from start-up.

pub mod binascii_mod;
pub mod collections_mod;
pub mod gc;
pub mod hashlib_mod;
pub mod io;
pub mod json;
pub mod math;
pub mod mp_native;
pub mod os;
pub mod os_path_more;
pub mod patma;
pub mod posix;
pub mod posix_fd;
pub mod posix_files;
pub mod posix_proc;
pub mod posix_spawn;
pub mod posix_subprocess;
pub mod select;
pub mod signal;
pub mod traceback_mod;
pub mod posix_uname;
pub mod structseq;
pub mod struct_mod;
pub mod sys;
pub mod socket;
pub mod sre;
pub mod sre_args;
pub mod sre_case_tables;
pub mod sre_chars;
pub mod sre_compile;
pub mod sre_escape;
pub mod sre_match;
pub mod sre_matchobj;
pub mod sre_parse;
pub mod sre_pattern;
pub mod sre_subject;
pub mod thread;
pub mod thread_local;
pub mod thread_lock;
pub mod time;
pub mod weakref;

use crate::object::ObjRef;
use crate::value::Value;
use crate::vm::{interp, Vm};
use crate::{NativeFn, PyResult};

/// Names `import` resolves to Rust-written modules.
pub const BUILTIN_MODULES: &[&str] = &["builtins", "sys", "time", "math", "os", "posixpath", "gc", "_io", "_thread", "select", "_signal", "signal", "_traceback", "_multiprocessing", "_json", "_posixsubprocess", "_patma", "_coro", "_sre", "_struct", "_weakref", "_binascii", "_hashlib", "_collections"];

/// A module named `name` holding native functions.
pub fn module_with(vm: &mut Vm, name: &'static str, fns: &[(&'static str, NativeFn)]) -> ObjRef {
    let m = crate::types::module::new_module(vm, name);
    for (n, f) in fns {
        let v = crate::builtins::native_function(n, *f, name);
        set_attr(vm, &m, n, v);
    }
    m
}

/// A builtin type for native objects (`Payload::Native`) named as CPython's `tp_name`
/// ("module.Name"), with a namespace dict; methods are added with `types::add_methods`.
pub fn native_type(name: &str) -> ObjRef {
    let t = crate::types::types();
    let td = crate::object::TypeData::new(name, name, vec![t.object.clone()], vec![t.object.clone()], crate::object::Layout::Other, true, false, true);
    let ty = ObjRef::new_immortal(t.type_.clone(), crate::object::Payload::Type(Box::new(td)));
    let d = ObjRef::new_immortal(t.dict.clone(), crate::object::Payload::Dict(crate::sync::PyCell::new(crate::object::DictData::new())));
    let _ = ty.dict.set(d);
    ty
}

/// Set a module attribute (module namespaces are plain dicts: this cannot fail).
pub fn set_attr(vm: &mut Vm, m: &ObjRef, k: &str, v: Value) {
    if let Some(d) = m.instance_dict() {
        let k = Value::Obj(vm.intern(k));
        let _ = crate::types::dict::dict_set(vm, d, k, v);
    }
}

fn register(vm: &mut Vm, name: &str, m: &ObjRef) -> PyResult<()> {
    let k = Value::Obj(vm.intern(name));
    crate::types::dict::dict_set(vm, &interp().modules, k, Value::Obj(m.clone()))
}

/// Create (and register in `sys.modules`) the Rust-written module `name`, if there is one.
pub fn create_builtin_module(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let m = match name {
        "time" => time::create(vm),
        "math" => math::create(vm),
        "os" => os::create(vm)?,
        "posixpath" => os::create_path(vm),
        "gc" => gc::create(vm),
        "socket" => socket::create(vm),
        "select" => select::create(vm),
        "_multiprocessing" => mp_native::create(vm),
        "_json" => json::create(vm),
        "_struct" => struct_mod::create(vm),
        "_binascii" => binascii_mod::create(vm),
        "_hashlib" => hashlib_mod::create(vm),
        "_collections" => collections_mod::create(vm),
        "_patma" => patma::create(vm),
        "_coro" => crate::coroutine::create_module(vm),
        "_weakref" => weakref::create(vm),
        "_posixsubprocess" => posix_subprocess::create(vm),
        "_traceback" => traceback_mod::create(vm),
        "_sre" => sre::create(vm),
        "signal" | "_signal" => signal::create(vm),
        "_thread" => match thread::create(vm) {
            Some(m) => m,
            None => return Ok(None),
        },
        _ => return Ok(None),
    };
    register(vm, name, &m)?;
    Ok(Some(Value::Obj(m)))
}

/// Start-up: the standard streams' types, `sys` and `builtins` in `sys.modules`.
pub fn init(vm: &mut Vm) {
    io::init_types();
    let sys = sys::create(vm);
    let _ = interp().sys.set(sys.clone());
    let _ = register(vm, "sys", &sys);
    let b = interp().builtins.clone();
    let _ = register(vm, "builtins", &b);
}
