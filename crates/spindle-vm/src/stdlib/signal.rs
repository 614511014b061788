//! `signal`: signal dispositions and Python-level handlers.
//!
//! As in CPython, a Python handler never runs inside the OS signal handler: the C-level
//! handler ([`on_signal`]) only marks the signal pending and trips the main thread's eval
//! breaker (`sigint::trip_breaker`); the main thread runs `handler(signum, None)` at its next
//! breaker check (`sigint::check` calls [`run_pending`]). SIGINT keeps its own path in
//! `sigint.rs` (KeyboardInterrupt by default); a Python handler installed for it replaces the
//! KeyboardInterrupt there ([`python_handler`]). The frame argument is always None.
//!
//! Constants are plain ints (CPython's `Signals`/`Handlers` are IntEnums; Spindle has no enum).

use crate::object::{ObjRef, Payload};
use crate::stdlib::posix::{int_arg, to_int};
use crate::stdlib::{module_with, set_attr};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

/// Signal numbers are below this (Linux: 1..=64).
pub const NSIG: usize = 65;

/// Signals caught by [`on_signal`] and not yet handled.
static PENDING: [AtomicBool; NSIG] = [const { AtomicBool::new(false) }; NSIG];
/// Quick test: some entry of `PENDING` may be set.
static ANY_PENDING: AtomicBool = AtomicBool::new(false);

/// The handler installed from Python per signal (None: never set from Python). An immortal
/// list of NSIG values; only read or written with the GIL held by the main thread.
static HANDLERS: OnceLock<ObjRef> = OnceLock::new();
/// `signal.default_int_handler`, once created.
static DEFAULT_INT: OnceLock<Value> = OnceLock::new();

fn handlers() -> &'static ObjRef {
    HANDLERS.get_or_init(|| match crate::types::list::new_list(vec![Value::None; NSIG]) {
        Value::Obj(o) => {
            o.make_immortal();
            o
        }
        _ => unreachable!("new_list returns an object"),
    })
}

fn get_handler(sig: usize) -> Value {
    match &handlers().payload {
        Payload::List(l) => l.lock().get(sig).cloned().unwrap_or(Value::None),
        _ => Value::None,
    }
}

fn set_handler(sig: usize, v: Value) {
    if let Payload::List(l) = &handlers().payload {
        let old = {
            let mut g = l.lock();
            match g.get_mut(sig) {
                Some(slot) => std::mem::replace(slot, v),
                None => Value::None,
            }
        };
        drop(old);
    }
}

extern "C" fn on_signal(sig: libc::c_int) {
    // SAFETY: errno is saved and restored around async-signal-safe work (atomics only).
    let saved = unsafe { *libc::__errno_location() };
    if sig > 0 && (sig as usize) < NSIG {
        PENDING[sig as usize].store(true, Ordering::SeqCst);
        ANY_PENDING.store(true, Ordering::SeqCst);
        crate::sigint::trip_breaker();
    }
    // SAFETY: as above.
    unsafe { *libc::__errno_location() = saved };
}

/// The Python handler installed for SIGINT, if it is a callable other than
/// `default_int_handler` (then `sigint::check` calls it instead of raising KeyboardInterrupt).
pub fn python_handler(sig: usize) -> Option<Value> {
    HANDLERS.get()?;
    let h = get_handler(sig);
    if h.is_none() || matches!(h, Value::Int(_)) || DEFAULT_INT.get().is_some_and(|d| d.is(&h)) {
        return None;
    }
    Some(h)
}

/// Run the Python handlers of pending signals (main thread, GIL held).
pub fn run_pending(vm: &mut Vm) -> PyResult<()> {
    if !ANY_PENDING.swap(false, Ordering::SeqCst) {
        return Ok(());
    }
    for (sig, flag) in PENDING.iter().enumerate() {
        if flag.swap(false, Ordering::SeqCst) {
            let h = get_handler(sig);
            if crate::builtins::is_callable(&h) {
                vm.call(&h, &[Value::Int(sig as i64), Value::None], &[])?;
            }
        }
    }
    Ok(())
}

fn set_disposition(vm: &mut Vm, sig: i32, action: usize) -> PyResult<()> {
    // SAFETY: a zeroed sigaction with a handler address (or SIG_DFL/SIG_IGN) and an empty
    // mask is a valid argument; the handlers only do async-signal-safe work.
    let r = unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = action;
        libc::sigemptyset(&mut sa.sa_mask);
        sa.sa_flags = 0;
        libc::sigaction(sig, &sa, std::ptr::null_mut())
    };
    if r < 0 {
        let e = crate::stdlib::posix::errno();
        return Err(crate::stdlib::posix::os_error(vm, e));
    }
    Ok(())
}

/// What getsignal reports for a signal never set from Python: the OS disposition.
fn os_disposition(sig: i32) -> Value {
    if sig == libc::SIGINT {
        if let Some(d) = DEFAULT_INT.get() {
            return d.clone();
        }
    }
    // SAFETY: querying the current action into a zeroed struct we own.
    let ign = unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        libc::sigaction(sig, std::ptr::null(), &mut old) == 0 && old.sa_sigaction == libc::SIG_IGN
    };
    Value::Int(if ign { 1 } else { 0 })
}

fn sig_arg(vm: &mut Vm, a: &Args, func: &str) -> PyResult<i32> {
    let sig = int_arg(vm, a, 0, "signalnum", func)?;
    if sig < 1 || sig as usize >= NSIG {
        return Err(vm.value_error("signal number out of range"));
    }
    Ok(sig as i32)
}

fn getsignal(vm: &mut Vm, a: Args) -> PyResult {
    let sig = sig_arg(vm, &a, "getsignal")?;
    let h = get_handler(sig as usize);
    if h.is_none() {
        return Ok(os_disposition(sig));
    }
    Ok(h)
}

fn signal(vm: &mut Vm, a: Args) -> PyResult {
    let sig = sig_arg(vm, &a, "signal")?;
    let Some(handler) = a.args.get(1).cloned() else { return Err(vm.type_error("signal() missing required argument 'handler' (pos 2)")) };
    if !crate::sigint::is_main_thread() {
        return Err(vm.value_error("signal only works in main thread of the main interpreter"));
    }
    let old = getsignal(vm, Args::new(&[Value::Int(sig as i64)]))?;
    let is_default_int = DEFAULT_INT.get().is_some_and(|d| d.is(&handler));
    match &handler {
        Value::Int(0) | Value::Bool64(crate::value::B64::FALSE) => set_disposition(vm, sig, libc::SIG_DFL)?,
        Value::Int(1) | Value::Bool64(crate::value::B64::TRUE) => set_disposition(vm, sig, libc::SIG_IGN)?,
        h if crate::builtins::is_callable(h) => {
            if sig == libc::SIGINT {
                crate::sigint::install_handler();
            } else {
                set_disposition(vm, sig, on_signal as extern "C" fn(libc::c_int) as usize)?;
            }
        }
        _ => return Err(vm.type_error("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")),
    }
    let stored = match &handler {
        Value::Bool64(b) => Value::Int(b.get() as i64),
        _ if is_default_int => Value::None,
        h => h.clone(),
    };
    set_handler(sig as usize, stored);
    Ok(old)
}

fn default_int_handler(_vm: &mut Vm, _a: Args) -> PyResult {
    let cls = crate::types::types().exc.keyboard_interrupt.clone();
    Err(crate::PyErr(crate::exceptions::new_exception(&cls, Vec::new())))
}

fn raise_signal(vm: &mut Vm, a: Args) -> PyResult {
    let sig = sig_arg(vm, &a, "raise_signal")?;
    // SAFETY: raise only sends a signal to this thread.
    if unsafe { libc::raise(sig) } != 0 {
        let e = crate::stdlib::posix::errno();
        return Err(crate::stdlib::posix::os_error(vm, e));
    }
    crate::sigint::check(vm)?;
    Ok(Value::None)
}

fn strsignal(vm: &mut Vm, a: Args) -> PyResult {
    let sig = sig_arg(vm, &a, "strsignal")?;
    // SAFETY: strsignal returns a NUL-terminated string (or NULL) owned by libc.
    let p = unsafe { libc::strsignal(sig) };
    if p.is_null() {
        return Ok(Value::None);
    }
    // SAFETY: non-null, NUL-terminated, read before any other strsignal call.
    let s = unsafe { std::ffi::CStr::from_ptr(p) }.to_string_lossy().into_owned();
    Ok(vm.new_string(s))
}

fn alarm(vm: &mut Vm, a: Args) -> PyResult {
    let secs = int_arg(vm, &a, 0, "seconds", "alarm")?;
    // SAFETY: alarm only arms a timer.
    Ok(Value::Int(unsafe { libc::alarm(secs.clamp(0, u32::MAX as i64) as u32) } as i64))
}

fn valid_signals(vm: &mut Vm, _a: Args) -> PyResult {
    let items: Vec<Value> = (1..NSIG as i64).filter(|s| *s != 32 && *s != 33).map(Value::Int).collect();
    crate::types::set::new_set_from(vm, items)
}

fn pthread_kill(vm: &mut Vm, a: Args) -> PyResult {
    let tid = match a.args.first() {
        Some(v) => crate::ops::index_value(vm, v)?,
        None => return Err(vm.type_error("pthread_kill() missing required argument 'thread_id' (pos 1)")),
    };
    use num_traits::ToPrimitive;
    let tid = tid.to_u64().ok_or_else(|| vm.overflow_error("thread id out of range"))?;
    let sig = match a.args.get(1) {
        Some(v) => to_int(vm, v)? as i32,
        None => return Err(vm.type_error("pthread_kill() missing required argument 'signalnum' (pos 2)")),
    };
    // SAFETY: pthread_kill with a thread id from threading.get_ident; ESRCH for a dead one.
    let r = unsafe { libc::pthread_kill(tid as libc::pthread_t, sig) };
    if r != 0 {
        return Err(crate::stdlib::posix::os_error(vm, r));
    }
    crate::sigint::check(vm)?;
    Ok(Value::None)
}

pub fn create(vm: &mut Vm) -> ObjRef {
    let m = module_with(
        vm,
        "signal",
        &[
            ("signal", signal),
            ("getsignal", getsignal),
            ("raise_signal", raise_signal),
            ("strsignal", strsignal),
            ("alarm", alarm),
            ("valid_signals", valid_signals),
            ("pthread_kill", pthread_kill),
        ],
    );
    let d = DEFAULT_INT.get_or_init(|| {
        let v = crate::builtins::native_function("default_int_handler", default_int_handler, "_signal");
        if let Value::Obj(o) = &v {
            o.make_immortal();
        }
        v
    });
    set_attr(vm, &m, "default_int_handler", d.clone());
    let _ = handlers();
    let consts: &[(&str, i32)] = &[
        ("SIG_DFL", 0),
        ("SIG_IGN", 1),
        ("NSIG", NSIG as i32),
        ("SIGHUP", libc::SIGHUP),
        ("SIGINT", libc::SIGINT),
        ("SIGQUIT", libc::SIGQUIT),
        ("SIGILL", libc::SIGILL),
        ("SIGTRAP", libc::SIGTRAP),
        ("SIGABRT", libc::SIGABRT),
        ("SIGIOT", libc::SIGIOT),
        ("SIGBUS", libc::SIGBUS),
        ("SIGFPE", libc::SIGFPE),
        ("SIGKILL", libc::SIGKILL),
        ("SIGUSR1", libc::SIGUSR1),
        ("SIGSEGV", libc::SIGSEGV),
        ("SIGUSR2", libc::SIGUSR2),
        ("SIGPIPE", libc::SIGPIPE),
        ("SIGALRM", libc::SIGALRM),
        ("SIGTERM", libc::SIGTERM),
        ("SIGCHLD", libc::SIGCHLD),
        ("SIGCONT", libc::SIGCONT),
        ("SIGSTOP", libc::SIGSTOP),
        ("SIGTSTP", libc::SIGTSTP),
        ("SIGTTIN", libc::SIGTTIN),
        ("SIGTTOU", libc::SIGTTOU),
        ("SIGURG", libc::SIGURG),
        ("SIGXCPU", libc::SIGXCPU),
        ("SIGXFSZ", libc::SIGXFSZ),
        ("SIGVTALRM", libc::SIGVTALRM),
        ("SIGPROF", libc::SIGPROF),
        ("SIGWINCH", libc::SIGWINCH),
        ("SIGIO", libc::SIGIO),
        ("SIGPWR", libc::SIGPWR),
        ("SIGSYS", libc::SIGSYS),
        ("SIGRTMIN", libc::SIGRTMIN()),
        ("SIGRTMAX", libc::SIGRTMAX()),
        ("SIG_BLOCK", libc::SIG_BLOCK),
        ("SIG_UNBLOCK", libc::SIG_UNBLOCK),
        ("SIG_SETMASK", libc::SIG_SETMASK),
    ];
    for (n, v) in consts {
        set_attr(vm, &m, n, Value::Int(*v as i64));
    }
    m
}
