//! `os` process functions: fork (with `register_at_fork` hooks), exec, waitpid and the
//! wait-status helpers, kill, process groups and sessions.
//!
//! `os.fork()` follows CPython's `PyOS_BeforeFork`/`AfterFork_*`: the `before` hooks run in
//! the parent, the fork happens while the calling thread holds the GIL *and* the GIL's state
//! mutex (`gil::fork`), the locks of the standard streams and the import state (so no other
//! thread is half-way through a write or an import bookkeeping step), and in the child only
//! the calling thread exists: imports other threads were running are forgotten, the GIL is reset to
//! "held by this thread", `_thread`'s running-thread count becomes 0, this thread becomes the
//! main thread for signals, and the `after_in_child` hooks run (`threading` registers one that
//! rebuilds its thread table).

use crate::object::ObjRef;
use crate::stdlib::posix::{arg, int_arg, quick, syscall};
use crate::stdlib::set_attr;
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};
use std::sync::OnceLock;

/// The `register_at_fork` hook lists (Python lists, immortal): before, after_in_child,
/// after_in_parent. Only touched with the GIL held.
static AT_FORK: OnceLock<[ObjRef; 3]> = OnceLock::new();

fn hooks() -> &'static [ObjRef; 3] {
    AT_FORK.get_or_init(|| {
        let mk = || match crate::types::list::new_list(Vec::new()) {
            Value::Obj(o) => {
                o.make_immortal();
                o
            }
            _ => unreachable!("new_list returns an object"),
        };
        [mk(), mk(), mk()]
    })
}

fn register_at_fork(vm: &mut Vm, a: Args) -> PyResult {
    if !a.args.is_empty() {
        return Err(vm.type_error("register_at_fork() takes no positional arguments"));
    }
    let mut any = false;
    for (i, name) in ["before", "after_in_child", "after_in_parent"].iter().enumerate() {
        if let Some(f) = a.kw(name) {
            if !crate::builtins::is_callable(f) {
                return Err(vm.type_error(&format!("'{name}' must be callable, not {}", vm.type_name(f))));
            }
            any = true;
            let list = Value::Obj(hooks()[i].clone());
            vm.call_method(&list, "append", std::slice::from_ref(f))?;
        }
    }
    if !any {
        return Err(vm.type_error("At least one argument is required."));
    }
    Ok(Value::None)
}

/// Run the hooks of list `i` (`before` in reverse registration order, as CPython); errors are
/// reported as unraisable and do not stop the fork.
fn run_hooks(vm: &mut Vm, i: usize) {
    let items = match &hooks()[i].payload {
        crate::object::Payload::List(l) => l.lock().clone(),
        _ => Vec::new(),
    };
    let order: Vec<Value> = if i == 0 { items.into_iter().rev().collect() } else { items };
    for f in order {
        if let Err(e) = vm.call(&f, &[], &[]) {
            crate::traceback::print_unraisable(vm, &e, "Exception ignored in", &f);
        }
    }
}

fn fork(vm: &mut Vm, _a: Args) -> PyResult {
    run_hooks(vm, 0);
    let breaker = vm.breaker.clone();
    // Another thread may be half-way through a write to a standard stream (holding its lock
    // with the GIL released): the child would inherit the lock held forever. Take the locks
    // of the native standard streams first (each waited for without the GIL), fork, and
    // release them in both processes.
    const NAMES: [&str; 4] = ["stdout", "stderr", "__stdout__", "__stderr__"];
    let streams: Vec<Value> = NAMES.iter().filter_map(|n| crate::stdlib::sys::sys_attr(n)).collect();
    let mut files: Vec<(&Value, &crate::stdlib::io::FileObj)> = Vec::new();
    for v in &streams {
        if let Some(f) = crate::stdlib::io::file_of(v) {
            if !files.iter().any(|(_, g)| g.same(f)) {
                files.push((v, f));
            }
        }
    }
    let guards: Vec<_> = files.iter().map(|(v, f)| (*v, f.lock())).collect();
    let mut imports = crate::import::fork_lock();
    let pid = crate::gil::fork(&breaker);
    if pid == 0 {
        imports.after_fork_child();
        // The streams' mutexes may have parent threads parked on them: replace the objects
        // (same state) and never unlock the old mutexes here.
        let mut replaced: Vec<(Value, Value)> = Vec::new();
        for (old, mut g) in guards {
            let cls = crate::types::type_of(old).clone();
            let fresh = crate::stdlib::io::copy_for_fork_child(&cls, &mut g);
            std::mem::forget(g);
            if let Some(new) = fresh {
                replaced.push((old.clone(), new));
            }
        }
        if let Some(sys) = crate::vm::interp().sys.get().cloned() {
            let sysv = Value::Obj(sys);
            for name in NAMES {
                let Some(cur) = crate::stdlib::sys::sys_attr(name) else { continue };
                if let Some((_, new)) = replaced.iter().find(|(old, _)| old.is(&cur)) {
                    let _ = vm.set_attr_str(&sysv, name, new.clone());
                }
            }
        }
    } else {
        drop(guards);
    }
    drop(imports);
    if pid < 0 {
        let e = crate::stdlib::posix::errno();
        run_hooks(vm, 2);
        return Err(crate::stdlib::posix::os_error(vm, e));
    }
    if pid == 0 {
        crate::stdlib::thread::after_fork_child();
        crate::sigint::after_fork_child(&breaker);
        run_hooks(vm, 1);
    } else {
        run_hooks(vm, 2);
    }
    Ok(Value::Int(pid as i64))
}

/// `path` and `argv` of the exec functions as C strings.
fn exec_args(vm: &mut Vm, a: &Args, func: &str) -> PyResult<(std::ffi::CString, Vec<std::ffi::CString>)> {
    let Some(p) = arg(a, 0, "path") else { return Err(vm.type_error(&format!("{func}() missing required argument 'path' (pos 1)"))) };
    let path = cstring(vm, p)?;
    let Some(argv) = arg(a, 1, "argv") else { return Err(vm.type_error(&format!("{func}() missing required argument 'argv' (pos 2)"))) };
    let items = vm.collect(argv)?;
    if items.is_empty() {
        return Err(vm.value_error(&format!("{func}() arg 2 must not be empty")));
    }
    let mut out = Vec::with_capacity(items.len());
    for it in &items {
        out.push(cstring(vm, it)?);
    }
    if out[0].as_bytes().is_empty() {
        return Err(vm.value_error(&format!("{func}() arg 2 first element cannot be empty")));
    }
    Ok((path, out))
}

/// A str/bytes/PathLike as a C string (ValueError on an embedded NUL).
pub fn cstring(vm: &mut Vm, v: &Value) -> PyResult<std::ffi::CString> {
    let bytes = match v.as_str() {
        Some(s) => s.as_bytes().to_vec(),
        None => match crate::types::bytes::bytes_like(v) {
            Some(b) => b,
            None => match vm.call_special(v, "__fspath__", &[])? {
                Some(p) if p.as_str().is_some() => p.as_str().unwrap_or("").as_bytes().to_vec(),
                _ => {
                    let tn = vm.type_name(v);
                    return Err(vm.type_error(&format!("expected str, bytes or os.PathLike object, not {tn}")));
                }
            },
        },
    };
    std::ffi::CString::new(bytes).map_err(|_| vm.value_error("embedded null byte"))
}

fn env_strings(vm: &mut Vm, env: &Value) -> PyResult<Vec<std::ffi::CString>> {
    let items = vm.call_method(env, "items", &[])?;
    let mut out = Vec::new();
    for kv in vm.collect(&items)? {
        let pair = vm.collect(&kv)?;
        if pair.len() != 2 {
            return Err(vm.type_error("env.items() must return pairs"));
        }
        let k = cstring(vm, &pair[0])?;
        let v = cstring(vm, &pair[1])?;
        if k.as_bytes().is_empty() || k.as_bytes().contains(&b'=') {
            return Err(vm.value_error("illegal environment variable name"));
        }
        let mut s = k.into_bytes();
        s.push(b'=');
        s.extend_from_slice(v.as_bytes());
        out.push(std::ffi::CString::new(s).map_err(|_| vm.value_error("embedded null byte"))?);
    }
    Ok(out)
}

fn exec_common(vm: &mut Vm, a: Args, func: &str, with_env: bool) -> PyResult {
    let (path, argv) = exec_args(vm, &a, func)?;
    let envp = if with_env {
        match arg(&a, 2, "env") {
            Some(e) => Some(env_strings(vm, e)?),
            None => return Err(vm.type_error(&format!("{func}() missing required argument 'env' (pos 3)"))),
        }
    } else {
        None
    };
    crate::stdlib::sys::flush_all(vm);
    let mut ptrs: Vec<*const libc::c_char> = argv.iter().map(|s| s.as_ptr()).collect();
    ptrs.push(std::ptr::null());
    let env_ptrs: Option<Vec<*const libc::c_char>> = envp.as_ref().map(|e| {
        let mut v: Vec<*const libc::c_char> = e.iter().map(|s| s.as_ptr()).collect();
        v.push(std::ptr::null());
        v
    });
    // SAFETY: every pointer is a NUL-terminated string owned by `argv`/`envp`, and both
    // arrays end with a null pointer; on success exec never returns.
    unsafe {
        match &env_ptrs {
            Some(e) => libc::execve(path.as_ptr(), ptrs.as_ptr(), e.as_ptr()),
            None => libc::execv(path.as_ptr(), ptrs.as_ptr()),
        };
    }
    let e = std::io::Error::last_os_error();
    Err(vm.os_error_from_io(&e, path.to_str().ok()))
}

fn execv(vm: &mut Vm, a: Args) -> PyResult {
    exec_common(vm, a, "execv", false)
}

fn execve(vm: &mut Vm, a: Args) -> PyResult {
    exec_common(vm, a, "execve", true)
}

fn waitpid(vm: &mut Vm, a: Args) -> PyResult {
    let pid = int_arg(vm, &a, 0, "pid", "waitpid")? as libc::pid_t;
    let options = int_arg(vm, &a, 1, "options", "waitpid")? as i32;
    let mut status: i32 = 0;
    let sp = &mut status as *mut i32 as usize;
    // SAFETY: `sp` points to `status`, alive for the whole call.
    let r = syscall(vm, || unsafe { libc::waitpid(pid, sp as *mut i32, options) } as i64)?;
    Ok(crate::types::tuple::new_tuple(vec![Value::Int(r), Value::Int(status as i64)]))
}

fn wait(vm: &mut Vm, _a: Args) -> PyResult {
    let mut status: i32 = 0;
    let sp = &mut status as *mut i32 as usize;
    // SAFETY: `sp` points to `status`, alive for the whole call.
    let r = syscall(vm, || unsafe { libc::wait(sp as *mut i32) } as i64)?;
    Ok(crate::types::tuple::new_tuple(vec![Value::Int(r), Value::Int(status as i64)]))
}

fn status_arg(vm: &mut Vm, a: &Args, func: &str) -> PyResult<i32> {
    Ok(int_arg(vm, a, 0, "status", func)? as i32)
}

fn wifexited(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Bool(libc::WIFEXITED(status_arg(vm, &a, "WIFEXITED")?)))
}
fn wexitstatus(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Int(libc::WEXITSTATUS(status_arg(vm, &a, "WEXITSTATUS")?) as i64))
}
fn wifsignaled(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Bool(libc::WIFSIGNALED(status_arg(vm, &a, "WIFSIGNALED")?)))
}
fn wtermsig(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Int(libc::WTERMSIG(status_arg(vm, &a, "WTERMSIG")?) as i64))
}
fn wifstopped(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Bool(libc::WIFSTOPPED(status_arg(vm, &a, "WIFSTOPPED")?)))
}
fn wstopsig(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Int(libc::WSTOPSIG(status_arg(vm, &a, "WSTOPSIG")?) as i64))
}

fn waitstatus_to_exitcode(vm: &mut Vm, a: Args) -> PyResult {
    let st = status_arg(vm, &a, "waitstatus_to_exitcode")?;
    if libc::WIFEXITED(st) {
        return Ok(Value::Int(libc::WEXITSTATUS(st) as i64));
    }
    if libc::WIFSIGNALED(st) {
        return Ok(Value::Int(-(libc::WTERMSIG(st) as i64)));
    }
    Err(vm.value_error(&format!("invalid wait status: {st}")))
}

fn kill(vm: &mut Vm, a: Args) -> PyResult {
    let pid = int_arg(vm, &a, 0, "pid", "kill")? as libc::pid_t;
    let sig = int_arg(vm, &a, 1, "signal", "kill")? as i32;
    // SAFETY: kill only sends a signal.
    quick(vm, || unsafe { libc::kill(pid, sig) } as i64)?;
    // A signal sent to ourselves has been handled by now: run its Python handler (as CPython's
    // os.kill does with PyErr_CheckSignals).
    crate::sigint::check(vm)?;
    Ok(Value::None)
}

fn killpg(vm: &mut Vm, a: Args) -> PyResult {
    let pg = int_arg(vm, &a, 0, "pgid", "killpg")? as libc::pid_t;
    let sig = int_arg(vm, &a, 1, "signal", "killpg")? as i32;
    // SAFETY: killpg only sends a signal.
    quick(vm, || unsafe { libc::killpg(pg, sig) } as i64)?;
    Ok(Value::None)
}

fn getpgid(vm: &mut Vm, a: Args) -> PyResult {
    let pid = int_arg(vm, &a, 0, "pid", "getpgid")? as libc::pid_t;
    // SAFETY: getpgid only queries.
    let r = quick(vm, || unsafe { libc::getpgid(pid) } as i64)?;
    Ok(Value::Int(r))
}

fn getpgrp(_vm: &mut Vm, _a: Args) -> PyResult {
    // SAFETY: getpgrp has no preconditions.
    Ok(Value::Int(unsafe { libc::getpgrp() } as i64))
}

fn setsid(vm: &mut Vm, _a: Args) -> PyResult {
    // SAFETY: setsid only changes this process's session.
    quick(vm, || unsafe { libc::setsid() } as i64)?;
    Ok(Value::None)
}

fn setpgid(vm: &mut Vm, a: Args) -> PyResult {
    let pid = int_arg(vm, &a, 0, "pid", "setpgid")? as libc::pid_t;
    let pg = int_arg(vm, &a, 1, "pgrp", "setpgid")? as libc::pid_t;
    // SAFETY: setpgid only changes a process group.
    quick(vm, || unsafe { libc::setpgid(pid, pg) } as i64)?;
    Ok(Value::None)
}

fn sched_getaffinity(vm: &mut Vm, a: Args) -> PyResult {
    let pid = int_arg(vm, &a, 0, "pid", "sched_getaffinity")? as libc::pid_t;
    // SAFETY: cpu_set_t is plain data; sched_getaffinity fills at most its size.
    let mut set: libc::cpu_set_t = unsafe { std::mem::zeroed() };
    let sp = &mut set as *mut libc::cpu_set_t as usize;
    // SAFETY: `sp` points to `set`, alive for the call, of the size passed.
    quick(vm, || unsafe { libc::sched_getaffinity(pid, std::mem::size_of::<libc::cpu_set_t>(), sp as *mut libc::cpu_set_t) } as i64)?;
    let mut cpus = Vec::new();
    for i in 0..(8 * std::mem::size_of::<libc::cpu_set_t>()) {
        // SAFETY: CPU_ISSET reads bit `i` of the set, which is within its size.
        if unsafe { libc::CPU_ISSET(i, &set) } {
            cpus.push(Value::Int(i as i64));
        }
    }
    let s = crate::types::set::new_set_from(vm, cpus)?;
    Ok(s)
}

/// `os._exit(n)`: end the process at once, without flushing Python's buffers or running
/// exit handlers (as CPython).
fn os_exit(vm: &mut Vm, a: Args) -> PyResult {
    let code = int_arg(vm, &a, 0, "status", "_exit")?;
    // SAFETY: _exit ends the process immediately; nothing runs after it.
    unsafe { libc::_exit(code as i32) }
}

/// Add the process functions and `W*` constants to the `os` module.
pub fn add_to(vm: &mut Vm, m: &ObjRef) {
    let fns: &[(&'static str, crate::NativeFn)] = &[
        ("fork", fork),
        ("register_at_fork", register_at_fork),
        ("execv", execv),
        ("execve", execve),
        ("waitpid", waitpid),
        ("wait", wait),
        ("WIFEXITED", wifexited),
        ("WEXITSTATUS", wexitstatus),
        ("WIFSIGNALED", wifsignaled),
        ("WTERMSIG", wtermsig),
        ("WIFSTOPPED", wifstopped),
        ("WSTOPSIG", wstopsig),
        ("waitstatus_to_exitcode", waitstatus_to_exitcode),
        ("kill", kill),
        ("killpg", killpg),
        ("getpgid", getpgid),
        ("getpgrp", getpgrp),
        ("setsid", setsid),
        ("setpgid", setpgid),
        ("sched_getaffinity", sched_getaffinity),
        ("_exit", os_exit),
    ];
    for (n, f) in fns {
        let v = crate::builtins::native_function(n, *f, "os");
        set_attr(vm, m, n, v);
    }
    for (n, v) in [("WNOHANG", libc::WNOHANG), ("WUNTRACED", libc::WUNTRACED), ("WCONTINUED", libc::WCONTINUED)] {
        set_attr(vm, m, n, Value::Int(v as i64));
    }
}
