//! The import system: `sys.modules`, Rust-written builtin modules (`crate::stdlib`), `.py`
//! files and packages on `sys.path`, and the pure-Python library embedded in the binary
//! (`lib/` at the repository root), searched last so a script's own modules shadow it.
//!
//! Locks: `sys.modules` is a dict (its own PyCell). Module execution runs under the GIL, but
//! may release it (blocking calls, thread switches), so each module being imported has an
//! owner thread in the import state ([`import_state`]) (CPython's per-module import locks): another thread that
//! wants the module waits until it is fully initialised instead of seeing it half-built; a wait
//! that would close a cycle of threads (A imports X importing Y while B imports Y importing X)
//! does not wait and gets the partial module, as CPython's `_DeadlockError` handling does.

use crate::object::{ObjRef, Payload};
use crate::types::types;
use crate::value::Value;
use crate::vm::{interp, Vm};
use crate::{PyErr, PyResult};
use std::path::{Path, PathBuf};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_lib.rs"));
}

fn modules_dict() -> ObjRef {
    interp().modules.clone()
}

pub fn sys_modules_get(name: &str) -> Option<Value> {
    crate::types::dict::dict_get_str(&modules_dict(), name).filter(|v| !v.is_none())
}

fn module_not_found(vm: &mut Vm, name: &str) -> PyErr {
    let e = vm.new_exc(&types().exc.module_not_found_error.clone(), &format!("No module named '{name}'"));
    let ev = Value::Obj(e.0.clone());
    let n = vm.new_str(name);
    let _ = vm.set_attr_str(&ev, "name", n);
    e
}

/// Resolve a relative module name against the importing module's package.
fn resolve_name(vm: &mut Vm, name: &str, globals: &ObjRef, level: i64) -> PyResult<String> {
    if level <= 0 {
        return Ok(name.to_string());
    }
    let pkg = crate::types::dict::dict_get_str(globals, "__package__").and_then(|v| v.as_str().map(|s| s.to_string()));
    let package = match pkg {
        Some(p) if !p.is_empty() => p,
        _ => {
            let modname = crate::types::dict::dict_get_str(globals, "__name__").and_then(|v| v.as_str().map(|s| s.to_string())).unwrap_or_default();
            if crate::types::dict::dict_get_str(globals, "__path__").is_some() {
                modname
            } else {
                match modname.rfind('.') {
                    Some(i) => modname[..i].to_string(),
                    None => String::new(),
                }
            }
        }
    };
    if package.is_empty() {
        return Err(vm.new_exc(&types().exc.import_error.clone(), "attempted relative import with no known parent package"));
    }
    let mut base = package.as_str();
    for _ in 1..level {
        match base.rfind('.') {
            Some(i) => base = &base[..i],
            None => return Err(vm.new_exc(&types().exc.import_error.clone(), "attempted relative import beyond top-level package")),
        }
    }
    Ok(if name.is_empty() { base.to_string() } else { format!("{base}.{name}") })
}

/// The `IMPORT_NAME` operation (and `__import__`).
pub fn import_module_level(vm: &mut Vm, name: &str, globals: &ObjRef, fromlist: &Value, level: i64) -> PyResult {
    let full = resolve_name(vm, name, globals, level)?;
    if full.is_empty() {
        return Err(vm.value_error("Empty module name"));
    }
    let module = import_full(vm, &full)?;
    let has_fromlist = match fromlist {
        Value::None => false,
        v => vm.truthy(v)?,
    };
    if has_fromlist {
        // `from pkg import sub`: import submodules named in the fromlist.
        if let Value::Obj(m) = &module {
            if m.instance_dict().and_then(|d| crate::types::dict::dict_get_str(d, "__path__")).is_some() {
                for item in vm.collect(fromlist)? {
                    let Some(s) = item.as_str().map(|s| s.to_string()) else { continue };
                    if s == "*" {
                        continue;
                    }
                    if vm.get_attr_opt(&module, &s)?.is_none() {
                        let sub = format!("{full}.{s}");
                        match import_full(vm, &sub) {
                            Ok(_) => {}
                            Err(e) if vm.is_instance_of(&e, &types().exc.module_not_found_error.clone()) => {}
                            Err(e) => return Err(e),
                        }
                    }
                }
            }
        }
        return Ok(module);
    }
    if level == 0 {
        if let Some(i) = full.find('.') {
            let top = &full[..i];
            return match sys_modules_get(top) {
                Some(m) => Ok(m),
                None => Err(module_not_found(vm, top)),
            };
        }
        return Ok(module);
    }
    // Relative `import .x` isn't valid syntax; `from . import x` always has a fromlist.
    Ok(module)
}

/// Modules being initialised (name -> owner thread serial) and what each blocked importer
/// waits for (thread serial -> module name). Protected by the mutex; `ImportState::done` is signalled
/// whenever a module leaves `modules`.
struct Initializing {
    modules: std::collections::HashMap<String, u32>,
    waiting: std::collections::HashMap<u32, String>,
}

struct ImportState {
    initializing: parking_lot::Mutex<Option<Initializing>>,
    done: parking_lot::Condvar,
}

static IMPORT_STATE: ImportState = ImportState { initializing: parking_lot::const_mutex(None), done: parking_lot::Condvar::new() };
/// The import state in use: `IMPORT_STATE`, or in a child of `os.fork()` a fresh copy (see
/// [`ForkGuard::after_fork_child`]). Never freed.
static IMPORT_STATE_PTR: std::sync::atomic::AtomicPtr<ImportState> = std::sync::atomic::AtomicPtr::new(&IMPORT_STATE as *const ImportState as *mut ImportState);

fn import_state() -> &'static ImportState {
    // SAFETY: the pointer is `IMPORT_STATE` or a leaked, never freed ImportState.
    unsafe { &*IMPORT_STATE_PTR.load(std::sync::atomic::Ordering::Acquire) }
}
/// Number of entries in the import state's `modules`: the common case (no import in progress
/// anywhere) skips the mutex.
static IN_PROGRESS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Would waiting for `owner` make a cycle back to `me`? (`g` is locked.)
fn would_deadlock(g: &Initializing, me: u32, mut owner: u32) -> bool {
    for _ in 0..g.waiting.len() + 1 {
        if owner == me {
            return true;
        }
        let Some(m) = g.waiting.get(&owner) else { return false };
        let Some(&o) = g.modules.get(m) else { return false };
        owner = o;
    }
    false
}

/// If another thread is initialising `full`, wait (GIL released) until it is done; then, if
/// `claim`, make this thread its initialiser. Returns false (without waiting or claiming) when
/// waiting would deadlock or this thread is the one initialising it.
fn wait_for_module(vm: &mut Vm, full: &str, claim: bool) -> bool {
    let me = crate::gil::thread_serial();
    if !claim && IN_PROGRESS.load(std::sync::atomic::Ordering::Acquire) == 0 {
        return true;
    }
    let busy = |g: &mut parking_lot::MutexGuard<'_, Option<Initializing>>| -> Option<u32> { g.as_ref().and_then(|i| i.modules.get(full).copied()).filter(|&o| o != me) };
    {
        let mut g = import_state().initializing.lock();
        let init = g.get_or_insert_with(|| Initializing { modules: Default::default(), waiting: Default::default() });
        match init.modules.get(full).copied() {
            Some(o) if o == me => return false,
            Some(o) if would_deadlock(init, me, o) => return false,
            Some(_) => {
                // Registered in the same critical section as the check: two threads closing a
                // cycle at the same time cannot both miss it (the second one sees the first's
                // entry and backs off).
                init.waiting.insert(me, full.to_string());
            }
            None => {
                if claim {
                    init.modules.insert(full.to_string(), me);
                    IN_PROGRESS.fetch_add(1, std::sync::atomic::Ordering::Release);
                }
                return true;
            }
        }
    }
    crate::stdlib::thread::blocking(vm, || {
        let mut g = import_state().initializing.lock();
        while busy(&mut g).is_some() {
            import_state().done.wait(&mut g);
        }
        let i = g.get_or_insert_with(|| Initializing { modules: Default::default(), waiting: Default::default() });
        i.waiting.remove(&me);
        if claim {
            i.modules.insert(full.to_string(), me);
            IN_PROGRESS.fetch_add(1, std::sync::atomic::Ordering::Release);
        }
    });
    true
}

/// The import state held across `os.fork()` (see [`fork_lock`]).
pub struct ForkGuard(Option<parking_lot::MutexGuard<'static, Option<Initializing>>>);

/// `os.fork()`: hold the import-state mutex across the fork, so that no other thread is
/// half-way through changing it. Its holders never wait for the GIL, so taking it with the
/// GIL held cannot deadlock.
pub fn fork_lock() -> ForkGuard {
    ForkGuard(Some(import_state().initializing.lock()))
}

impl ForkGuard {
    /// In the child: the threads that were importing modules do not exist there; forget
    /// their imports (importing such a module again gets the partial module, where waiting
    /// would never end).
    ///
    /// The old mutex is never unlocked there (parked threads of the parent would stay in its
    /// queue): the child continues with a fresh copy of the state.
    pub fn after_fork_child(&mut self) {
        let Some(g) = self.0.take() else { return };
        let me = crate::gil::thread_serial();
        let mut state = g.as_ref().map(|i| Initializing { modules: i.modules.clone(), waiting: Default::default() });
        std::mem::forget(g);
        if let Some(i) = state.as_mut() {
            i.modules.retain(|_, owner| *owner == me);
        }
        let n = state.as_ref().map(|i| i.modules.len()).unwrap_or(0);
        let fresh = ImportState { initializing: parking_lot::Mutex::new(state), done: parking_lot::Condvar::new() };
        IMPORT_STATE_PTR.store(Box::leak(Box::new(fresh)), std::sync::atomic::Ordering::Release);
        IN_PROGRESS.store(n, std::sync::atomic::Ordering::Release);
    }
}

/// This thread finished initialising `full` (successfully or not).
fn module_done(full: &str) {
    let mut g = import_state().initializing.lock();
    if let Some(i) = g.as_mut() {
        if i.modules.remove(full).is_some() {
            IN_PROGRESS.fetch_sub(1, std::sync::atomic::Ordering::Release);
        }
    }
    import_state().done.notify_all();
}

/// Import a module by its absolute dotted name (parents first), returning the leaf module.
pub fn import_full(vm: &mut Vm, full: &str) -> PyResult {
    if let Some(m) = sys_modules_get(full) {
        // Half-built by another thread? Wait for it (unless that would deadlock).
        if IN_PROGRESS.load(std::sync::atomic::Ordering::Acquire) != 0 {
            wait_for_module(vm, full, false);
            return Ok(sys_modules_get(full).unwrap_or(m));
        }
        return Ok(m);
    }
    if !wait_for_module(vm, full, true) {
        // Our own circular import, or a cross-thread cycle: find it or fail as before.
        return find_and_load(vm, full);
    }
    // Another thread may have finished it while we waited.
    if let Some(m) = sys_modules_get(full) {
        module_done(full);
        return Ok(m);
    }
    let r = find_and_load(vm, full);
    module_done(full);
    r
}

/// The module is not in `sys.modules`: find it and run it.
fn find_and_load(vm: &mut Vm, full: &str) -> PyResult {
    if let Some(m) = sys_modules_get(full) {
        return Ok(m);
    }
    let (parent, leaf) = match full.rfind('.') {
        Some(i) => (Some(&full[..i]), &full[i + 1..]),
        None => (None, full),
    };
    let search: Vec<PathBuf> = match parent {
        Some(p) => {
            let pm = import_full(vm, p)?;
            if let Some(m) = sys_modules_get(full) {
                return Ok(m);
            }
            let path = vm.get_attr_opt(&pm, "__path__")?;
            let Some(path) = path else {
                let e = vm.new_exc(&types().exc.module_not_found_error.clone(), &format!("No module named '{full}'; '{p}' is not a package"));
                return Err(e);
            };
            let mut dirs = Vec::new();
            for d in vm.collect(&path)? {
                if let Some(s) = d.as_str() {
                    dirs.push(PathBuf::from(s));
                }
            }
            dirs
        }
        None => {
            if let Some(m) = crate::stdlib::create_builtin_module(vm, full)? {
                return Ok(m);
            }
            sys_path(vm)?
        }
    };
    for dir in &search {
        if dir.as_os_str() == EMBEDDED_PATH {
            if let Some(m) = load_embedded(vm, full)? {
                return Ok(m);
            }
            continue;
        }
        let pkg_init = dir.join(leaf).join("__init__.py");
        if pkg_init.is_file() {
            return load_file(vm, full, &pkg_init, Some(&dir.join(leaf)));
        }
        let file = dir.join(format!("{leaf}.py"));
        if file.is_file() {
            return load_file(vm, full, &file, None);
        }
    }
    if parent.is_none() {
        if let Some(m) = load_embedded(vm, full)? {
            return Ok(m);
        }
    }
    Err(module_not_found(vm, full))
}

/// The `__path__` entry of packages shipped inside the binary.
const EMBEDDED_PATH: &str = "<spindle-lib>";

fn sys_path(vm: &mut Vm) -> PyResult<Vec<PathBuf>> {
    let Some(sys) = sys_modules_get("sys") else { return Ok(Vec::new()) };
    let path = vm.get_attr_str(&sys, "path")?;
    let mut out = Vec::new();
    for p in vm.collect(&path)? {
        if let Some(s) = p.as_str() {
            out.push(if s.is_empty() { PathBuf::from(".") } else { PathBuf::from(s) });
        }
    }
    Ok(out)
}

fn set(vm: &mut Vm, d: &ObjRef, k: &str, v: Value) -> PyResult<()> {
    let k = Value::Obj(vm.intern(k));
    crate::types::dict::dict_set(vm, d, k, v)
}

fn package_of(full: &str, is_pkg: bool) -> String {
    if is_pkg {
        full.to_string()
    } else {
        full.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default()
    }
}

fn load_file(vm: &mut Vm, full: &str, file: &Path, pkg_dir: Option<&Path>) -> PyResult {
    let source = match std::fs::read(file) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => return Err(vm.os_error_from_io(&e, Some(&file.to_string_lossy()))),
    };
    let fname = file.to_string_lossy().to_string();
    let path = pkg_dir.map(|d| vec![d.to_string_lossy().to_string()]);
    exec_module(vm, full, &source, &fname, path)
}

/// For `-m name` when no file on `sys.path` matched: the embedded source to run as `__main__`
/// (the module itself, or a package's `__main__` submodule) with its file name, and whether
/// `name` is a package.
pub fn embedded_main_source(name: &str) -> Option<(String, &'static str, bool)> {
    let (_, _, is_pkg) = embedded::LIB.iter().find(|(n, _, _)| *n == name)?;
    let target = if *is_pkg { format!("{name}.__main__") } else { name.to_string() };
    let (_, src, _) = embedded::LIB.iter().find(|(n, _, _)| *n == target)?;
    let fname = format!("<spindle-lib>/{}.py", target.replace('.', "/"));
    Some((fname, src, *is_pkg))
}

fn load_embedded(vm: &mut Vm, full: &str) -> PyResult<Option<Value>> {
    let Some((_, src, is_pkg)) = embedded::LIB.iter().find(|(n, _, _)| *n == full) else { return Ok(None) };
    let fname = format!("<spindle-lib>/{}{}", full.replace('.', "/"), if *is_pkg { "/__init__.py" } else { ".py" });
    let path = if *is_pkg { Some(vec![EMBEDDED_PATH.to_string()]) } else { None };
    exec_module(vm, full, src, &fname, path).map(Some)
}

/// Create module `full`, register it in `sys.modules`, and run `source` in it.
pub fn exec_module(vm: &mut Vm, full: &str, source: &str, filename: &str, path: Option<Vec<String>>) -> PyResult {
    let code = crate::run::compile(vm, source, filename, spindle_compiler::Mode::Exec)?;
    let m = crate::types::module::new_module(vm, full);
    let d = crate::types::module::module_dict(&m);
    let f = vm.new_str(filename);
    set(vm, &d, "__file__", f)?;
    let pkg = vm.new_string(package_of(full, path.is_some()));
    set(vm, &d, "__package__", pkg)?;
    if let Some(p) = path {
        let items = p.iter().map(|s| vm.new_str(s)).collect();
        set(vm, &d, "__path__", crate::types::list::new_list(items))?;
    }
    let mv = Value::Obj(m.clone());
    let key = Value::Obj(vm.intern(full));
    crate::types::dict::dict_set(vm, &modules_dict(), key.clone(), mv.clone())?;
    if let Err(e) = crate::run::run_code(vm, code, &d, None) {
        let _ = crate::types::dict::dict_del(vm, &modules_dict(), &key);
        return Err(e);
    }
    // Bind the submodule on its parent package.
    if let Some((parent, leaf)) = full.rsplit_once('.') {
        if let Some(p) = sys_modules_get(parent) {
            let _ = vm.set_attr_str(&p, leaf, mv.clone());
        }
    }
    // The module may have replaced itself in sys.modules.
    Ok(sys_modules_get(full).unwrap_or(mv))
}

/// `from module import name`.
pub fn import_from(vm: &mut Vm, m: &Value, name: &ObjRef) -> PyResult {
    let n = name.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
    match vm.get_attr(m, name) {
        Ok(v) => return Ok(v),
        Err(e) if vm.is_instance_of(&e, &types().exc.attribute_error.clone()) => {}
        Err(e) => return Err(e),
    }
    let modname = vm.get_attr_opt(m, "__name__")?.and_then(|v| v.as_str().map(|s| s.to_string()));
    if let Some(mn) = &modname {
        if let Some(sub) = sys_modules_get(&format!("{mn}.{n}")) {
            return Ok(sub);
        }
    }
    let mn = modname.unwrap_or_else(|| "<unknown module name>".to_string());
    let file = vm.get_attr_opt(m, "__file__")?.and_then(|v| v.as_str().map(|s| s.to_string()));
    let msg = match file {
        Some(f) => format!("cannot import name '{n}' from '{mn}' ({f})"),
        None => format!("cannot import name '{n}' from '{mn}' (unknown location)"),
    };
    let e = vm.new_exc(&types().exc.import_error.clone(), &msg);
    let ev = Value::Obj(e.0.clone());
    let nm = vm.new_string(mn);
    let _ = vm.set_attr_str(&ev, "name", nm);
    Err(e)
}

/// `from module import *` into `target` (a namespace mapping).
pub fn import_star(vm: &mut Vm, m: &Value, target: &Value) -> PyResult<()> {
    let names: Vec<Value> = match vm.get_attr_opt(m, "__all__")? {
        Some(all) => vm.collect(&all)?,
        None => {
            let d = match m {
                Value::Obj(o) => o.instance_dict().cloned(),
                _ => None,
            };
            let Some(d) = d else { return Err(vm.type_error("from-import-* object has no __dict__ and no __all__")) };
            crate::types::dict::dict_keys(&d).into_iter().filter(|k| !k.as_str().map(|s| s.starts_with('_')).unwrap_or(true)).collect()
        }
    };
    for n in names {
        let Some(s) = n.as_str().map(|s| s.to_string()) else {
            let tn = vm.type_name(&n);
            return Err(vm.type_error(&format!("Item in __all__ must be str, not {tn}")));
        };
        let v = vm.get_attr_str(m, &s)?;
        vm.mapping_set(target, n, v)?;
    }
    Ok(())
}

/// Import by name from native code (e.g. `copyreg` for `__reduce_ex__`).
pub fn import_simple(vm: &mut Vm, name: &str) -> PyResult {
    import_full(vm, name)
}

/// Is `v` a module object?
pub fn is_module(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.payload, Payload::Module))
}
