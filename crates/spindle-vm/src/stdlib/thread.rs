//! The `_thread` module (docs/thread-primitives.md), the eval-breaker hook, and [`blocking`],
//! the wrapper that releases the GIL around a blocking OS call.
//!
//! A Python thread is an OS thread with its own [`Vm`] (frames, breaker) sharing the interpreter
//! state. It takes the GIL before touching any object and drops every object it owns (its
//! function, arguments, frames, thread-local dicts, queued finalizers) before it releases the GIL
//! for the last time. The GIL itself is in `crate::gil`; locks are in `thread_lock.rs`,
//! `_local` in `thread_local.rs`.

use crate::gil::{self, Take};
use crate::object::{ObjRef, Payload, TypeData};
use crate::stdlib::{module_with, set_attr};
use crate::types::types;
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

pub use crate::gil::{set_switch_interval, switch_interval};

/// Threads started by `start_new_thread` that have not finished.
static RUNNING: AtomicUsize = AtomicUsize::new(0);
/// Stack size for new threads (`_thread.stack_size`), 0 = default.
static STACK_SIZE: AtomicUsize = AtomicUsize::new(0);
/// Stack of threads started with the default size. Python calls do not recurse on the Rust
/// stack, but native re-entry (`__init__`, `__eq__`, sort keys ...) does.
const DEFAULT_STACK: usize = 16 * 1024 * 1024;

/// The `_thread` types, created on first use.
pub struct ThreadTypes {
    pub lock: ObjRef,
    pub rlock: ObjRef,
    pub local: ObjRef,
}

fn new_type(name: &str, builtin: bool, final_: bool) -> ObjRef {
    let t = types();
    let td = TypeData::new(name, name, vec![t.object.clone()], vec![t.object.clone()], crate::object::Layout::Other, builtin, false, final_);
    let ty = ObjRef::new_immortal(t.type_.clone(), Payload::Type(Box::new(td)));
    let d = ObjRef::new_immortal(t.dict.clone(), Payload::Dict(crate::sync::PyCell::new(crate::object::DictData::new())));
    let _ = ty.dict.set(d);
    crate::types::set_type_attr(&ty, "__module__", Value::Obj(crate::vm::intern_static("_thread")));
    ty
}

pub fn thread_types() -> &'static ThreadTypes {
    static T: OnceLock<ThreadTypes> = OnceLock::new();
    T.get_or_init(|| {
        let lock = new_type("lock", true, true);
        let rlock = new_type("RLock", true, false);
        // Not `builtin`: the VM must consult `_local`'s own `__getattribute__`/`__setattr__`.
        let local = new_type("_local", false, false);
        super::thread_lock::init_types(&lock, &rlock);
        super::thread_local::init_type(&local);
        ThreadTypes { lock, rlock, local }
    })
}

/// `get_ident()` of the calling thread: its `pthread_t`, as in CPython.
pub fn this_ident() -> u64 {
    // SAFETY: pthread_self has no preconditions.
    unsafe { libc::pthread_self() as u64 }
}

pub fn int_from_u64(v: u64) -> Value {
    if v <= i64::MAX as u64 {
        Value::Int(v as i64)
    } else {
        crate::types::int::from_bigint(num_bigint::BigInt::from(v))
    }
}

/// How many threads started by `start_new_thread` are running (the cycle collector runs
/// free-threaded only when none is).
pub fn running_threads() -> usize {
    RUNNING.load(Ordering::Relaxed)
}

/// In the child of `os.fork()`: the threads `start_new_thread` started do not exist there.
pub fn after_fork_child() {
    RUNNING.store(0, Ordering::Relaxed);
}

/// Called by the eval loop when its breaker has bits set (after finalizers ran).
pub fn on_breaker(vm: &mut Vm, bits: u32) -> PyResult<()> {
    if bits & gil::BREAK_GIL_DROP != 0 {
        let b = vm.breaker.clone();
        gil::yield_now(&b);
    }
    if bits & crate::sigint::BREAK_SIGNAL != 0 {
        crate::sigint::check(vm)?;
    }
    Ok(())
}

/// Re-takes the GIL when dropped (also if the blocking operation panics).
struct Retake<'a>(&'a std::sync::Arc<std::sync::atomic::AtomicU32>, Take);

impl Drop for Retake<'_> {
    fn drop(&mut self) {
        gil::acquire(self.0, self.1);
    }
}

/// Run a blocking operation with the GIL released, then take it back with priority (see
/// `gil.rs`). `f` must not touch any Python object, not even to clone or drop a reference.
pub fn blocking<R>(vm: &mut Vm, f: impl FnOnce() -> R) -> R {
    blocking_as(vm, Take::Priority, f)
}

/// `blocking` choosing how the GIL is taken back: `Take::Regular` for a voluntary yield
/// (`time.sleep(0)`), which must let other threads run rather than jump the queue.
pub fn blocking_as<R>(vm: &mut Vm, kind: Take, f: impl FnOnce() -> R) -> R {
    if crate::sync::free_threaded() {
        return f();
    }
    let b = vm.breaker.clone();
    gil::release();
    let _retake = Retake(&b, kind);
    f()
}

// ----- the module -----

fn start_new_thread(vm: &mut Vm, a: Args) -> PyResult {
    if !a.kwargs.is_empty() {
        return Err(vm.type_error("start_new_thread() takes no keyword arguments"));
    }
    if a.args.len() < 2 || a.args.len() > 3 {
        let n = a.args.len();
        return Err(vm.type_error(&if n < 2 { format!("start_new_thread expected at least 2 arguments, got {n}") } else { format!("start_new_thread expected at most 3 arguments, got {n}") }));
    }
    let func = a.args[0].clone();
    if !crate::builtins::is_callable(&func) {
        return Err(vm.type_error("first arg must be callable"));
    }
    let Some(args) = crate::types::tuple::tuple_items(&a.args[1]).map(|s| s.to_vec()) else {
        return Err(vm.type_error("2nd arg must be a tuple"));
    };
    let kwargs = match a.args.get(2) {
        None => Vec::new(),
        Some(Value::Obj(d)) if matches!(d.payload, Payload::Dict(_)) => crate::types::dict::dict_items(d),
        Some(_) => return Err(vm.type_error("optional 3rd arg must be a dictionary")),
    };
    let label = if crate::gil_trace::on() { Some(thread_label(vm, &func)) } else { None };
    let size = match STACK_SIZE.load(Ordering::Relaxed) {
        0 => DEFAULT_STACK,
        n => n,
    };
    RUNNING.fetch_add(1, Ordering::Relaxed);
    let job = ThreadJob { func, args, kwargs };
    // The job moves to the new thread, which only touches it with the GIL held. If the spawn
    // fails, it is dropped here, with the GIL still held by this thread.
    let spawned = std::thread::Builder::new().stack_size(size).spawn(move || thread_main(job, size, label));
    match spawned {
        Ok(h) => {
            use std::os::unix::thread::JoinHandleExt;
            let ident = h.as_pthread_t();
            drop(h);
            Ok(int_from_u64(ident))
        }
        Err(_) => {
            RUNNING.fetch_sub(1, Ordering::Relaxed);
            Err(vm.runtime_error("can't start new thread"))
        }
    }
}

/// A label for telemetry: a `threading.Thread`'s name when the function is its bound method.
fn thread_label(vm: &mut Vm, func: &Value) -> String {
    if let Value::Obj(o) = func {
        if let Payload::Method { self_, .. } = &o.payload {
            if let Ok(Some(n)) = vm.get_attr_opt(self_, "name") {
                if let Some(s) = n.as_str() {
                    return s.to_string();
                }
            }
        }
    }
    vm.repr(func).unwrap_or_else(|_| "thread".into())
}

struct ThreadJob {
    func: Value,
    args: Vec<Value>,
    kwargs: Vec<(Value, Value)>,
}

fn thread_main(job: ThreadJob, stack_size: usize, label: Option<String>) {
    crate::sigint::block_in_this_thread();
    let mut vm = Vm::new_thread(stack_size);
    let breaker = vm.breaker.clone();
    gil::acquire(&breaker, Take::Regular);
    if let Some(l) = label {
        crate::gil_trace::label(gil::thread_serial(), &l);
    }
    let ThreadJob { func, args, kwargs } = job;
    // A Rust panic is a runtime bug: end the process (as a panic on the main thread does)
    // rather than leave the GIL, or locks other threads wait on, held forever.
    let r = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| vm.call(&func, &args, &kwargs))) {
        Ok(r) => r,
        Err(_) => {
            eprintln!("spindle: internal error in a thread (see the panic message above); exiting");
            std::process::exit(70);
        }
    };
    drop(args);
    drop(kwargs);
    if let Err(e) = r {
        if !crate::types::is_subtype(&e.0.cls, &types().exc.system_exit) {
            crate::traceback::print_unraisable(&mut vm, &e, "Exception ignored in thread started by", &func);
        }
    }
    drop(func);
    vm.run_finalizers();
    super::thread_local::thread_exit();
    vm.finish_thread();
    drop(vm);
    crate::object::ptr::forget_thread_queues();
    RUNNING.fetch_sub(1, Ordering::Relaxed);
    gil::release();
}

fn allocate_lock(vm: &mut Vm, a: Args) -> PyResult {
    if !a.args.is_empty() || !a.kwargs.is_empty() {
        return Err(vm.type_error("allocate_lock() takes no arguments"));
    }
    Ok(super::thread_lock::new_lock())
}

fn get_ident(_vm: &mut Vm, _a: Args) -> PyResult {
    Ok(int_from_u64(this_ident()))
}

fn get_native_id(_vm: &mut Vm, _a: Args) -> PyResult {
    // SAFETY: gettid has no preconditions.
    let tid = unsafe { libc::gettid() };
    Ok(Value::Int(tid as i64))
}

fn count(_vm: &mut Vm, _a: Args) -> PyResult {
    Ok(Value::Int(RUNNING.load(Ordering::Relaxed) as i64))
}

fn stack_size(vm: &mut Vm, a: Args) -> PyResult {
    let old = STACK_SIZE.load(Ordering::Relaxed);
    if let Some(v) = a.args.first() {
        let n = match v {
            Value::Int(i) => *i,
            Value::Bool64(b) => b.get() as i64,
            Value::Obj(o) if matches!(o.payload, Payload::Int(_)) => return Err(vm.overflow_error("Python int too large to convert to C long")),
            other => {
                let tn = vm.type_name(other);
                return Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")));
            }
        };
        if n < 0 {
            return Err(vm.value_error("size must be 0 or a positive value"));
        }
        if n != 0 && n < 32768 {
            return Err(vm.value_error(&format!("size not valid: {n} bytes")));
        }
        STACK_SIZE.store(n as usize, Ordering::Relaxed);
    }
    Ok(Value::Int(old as i64))
}

fn interrupt_main(vm: &mut Vm, a: Args) -> PyResult {
    let sig = match a.args.first().or_else(|| a.kw("signum")) {
        None => libc::SIGINT as i64,
        Some(v) => match crate::types::int::to_i64(v) {
            Some(i) => i,
            None => {
                let tn = vm.type_name(v);
                return Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")));
            }
        },
    };
    if !(1..65).contains(&sig) {
        return Err(vm.value_error("signal number out of range"));
    }
    // Only SIGINT has a Python-level handler (KeyboardInterrupt); for the others the default
    // disposition applies, and CPython's interrupt_main then does nothing.
    if sig == libc::SIGINT as i64 {
        crate::sigint::trip();
    }
    Ok(Value::None)
}

fn daemon_threads_allowed(_vm: &mut Vm, _a: Args) -> PyResult {
    Ok(Value::Bool(true))
}

/// The `_thread` module.
pub fn create(vm: &mut Vm) -> Option<ObjRef> {
    let tt = thread_types();
    let m = module_with(
        vm,
        "_thread",
        &[
            ("start_new_thread", start_new_thread),
            ("start_new", start_new_thread),
            ("allocate_lock", allocate_lock),
            ("allocate", allocate_lock),
            ("get_ident", get_ident),
            ("get_native_id", get_native_id),
            ("_count", count),
            ("stack_size", stack_size),
            ("interrupt_main", interrupt_main),
            ("daemon_threads_allowed", daemon_threads_allowed),
        ],
    );
    set_attr(vm, &m, "LockType", Value::Obj(tt.lock.clone()));
    set_attr(vm, &m, "RLock", Value::Obj(tt.rlock.clone()));
    set_attr(vm, &m, "_local", Value::Obj(tt.local.clone()));
    set_attr(vm, &m, "error", Value::Obj(types().exc.runtime_error.clone()));
    set_attr(vm, &m, "TIMEOUT_MAX", Value::Float(super::thread_lock::TIMEOUT_MAX));
    Some(m)
}
