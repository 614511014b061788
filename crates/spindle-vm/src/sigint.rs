//! SIGINT (Ctrl-C) becomes `KeyboardInterrupt` in the main thread, as in CPython.
//!
//! The handler only does async-signal-safe work: it sets [`PENDING`] and the main thread's
//! eval-breaker bit [`BREAK_SIGNAL`]; the main thread raises `KeyboardInterrupt` at its next
//! breaker check. The handler is installed without `SA_RESTART`, and only the main Python
//! thread has SIGINT unblocked (the launcher thread blocks it before starting the interpreter,
//! new Python threads block it when they start; a signal landing elsewhere anyway is forwarded
//! with `pthread_kill`). So a main thread blocked in `time.sleep`, a lock wait or a read gets
//! `EINTR`, returns through `stdlib::thread::blocking`, and raises at once: Ctrl-C interrupts
//! `join()`, `Queue.get()`, `Event.wait()` in the main thread.
//!
//! `_thread.interrupt_main()` calls [`trip`], which does the same without a real signal.

use crate::value::Value;
use crate::vm::Vm;
use crate::PyResult;
use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicU32, AtomicU64, Ordering};
use std::sync::Arc;

/// Eval-breaker bit (main thread only): a signal is pending.
pub const BREAK_SIGNAL: u32 = 4;

/// SIGINT arrived and has not been handled yet.
static PENDING: AtomicBool = AtomicBool::new(false);
/// `pthread_self()` of the main Python thread, 0 before start-up.
static MAIN_THREAD: AtomicU64 = AtomicU64::new(0);
/// The main thread's eval breaker (kept alive forever by a leaked `Arc` count).
static MAIN_BREAKER: AtomicPtr<AtomicU32> = AtomicPtr::new(std::ptr::null_mut());

fn self_id() -> u64 {
    // SAFETY: pthread_self has no preconditions.
    unsafe { libc::pthread_self() as u64 }
}

extern "C" fn on_sigint(_sig: libc::c_int) {
    // SAFETY: reading errno through its thread-local location is async-signal-safe; restored
    // below so the interrupted code sees its own errno.
    let saved = unsafe { *libc::__errno_location() };
    let main = MAIN_THREAD.load(Ordering::Relaxed);
    if main != 0 && main != self_id() {
        // SAFETY: pthread_kill is async-signal-safe; `main` is the live main thread's id (it is
        // cleared before that thread exits).
        unsafe { libc::pthread_kill(main as libc::pthread_t, libc::SIGINT) };
    } else {
        trip();
    }
    // SAFETY: as above.
    unsafe { *libc::__errno_location() = saved };
}

/// Mark SIGINT pending for the main thread (signal handler and `interrupt_main`).
pub fn trip() {
    PENDING.store(true, Ordering::SeqCst);
    let b = MAIN_BREAKER.load(Ordering::Acquire);
    if !b.is_null() {
        // SAFETY: the pointer comes from a leaked Arc and is never freed.
        unsafe { (*b).fetch_or(BREAK_SIGNAL, Ordering::SeqCst) };
    }
}

/// Another signal with a Python handler arrived (`stdlib::signal`): only trip the main
/// thread's breaker. Async-signal-safe.
pub fn trip_breaker() {
    let b = MAIN_BREAKER.load(Ordering::Acquire);
    if !b.is_null() {
        // SAFETY: the pointer comes from a leaked Arc and is never freed.
        unsafe { (*b).fetch_or(BREAK_SIGNAL, Ordering::SeqCst) };
    }
}

/// (Re)install the runtime's SIGINT handler (`signal.signal(SIGINT, handler)`).
pub fn install_handler() {
    // SAFETY: as in `install_main`.
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = on_sigint as extern "C" fn(libc::c_int) as usize;
        libc::sigemptyset(&mut sa.sa_mask);
        sa.sa_flags = 0;
        libc::sigaction(libc::SIGINT, &sa, std::ptr::null_mut());
    }
}

/// Is a SIGINT waiting to be raised?
pub fn pending() -> bool {
    PENDING.load(Ordering::Relaxed)
}

/// Is the calling thread the main Python thread?
pub fn is_main_thread() -> bool {
    MAIN_THREAD.load(Ordering::Relaxed) == self_id()
}

fn set_mask(how: libc::c_int) {
    // SAFETY: sigset_t is plain data initialised by sigemptyset; pthread_sigmask only changes
    // the calling thread's mask.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGINT);
        libc::pthread_sigmask(how, &set, std::ptr::null_mut());
    }
}

/// The launcher thread (it only waits for the interpreter's main thread): block every
/// asynchronous signal, so that signals sent to the process reach a Python thread — in
/// CPython the main thread is the process's first thread, which the kernel prefers. The main
/// Python thread unblocks them all (`install_main`). Synchronous faults stay unblocked.
pub fn block_all_in_launcher() {
    // SAFETY: sigset_t is plain data filled by sigfillset; pthread_sigmask only changes the
    // calling thread's mask.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut set);
        for s in [libc::SIGSEGV, libc::SIGBUS, libc::SIGFPE, libc::SIGILL, libc::SIGTRAP, libc::SIGSYS, libc::SIGABRT] {
            libc::sigdelset(&mut set, s);
        }
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
    }
}

/// Block SIGINT in the calling thread (every new Python thread).
pub fn block_in_this_thread() {
    set_mask(libc::SIG_BLOCK);
}

/// Start-up, on the main Python thread: install the handler and remember this thread.
pub fn install_main(breaker: &Arc<AtomicU32>) {
    let leaked = Arc::into_raw(breaker.clone()) as *mut AtomicU32;
    MAIN_BREAKER.store(leaked, Ordering::Release);
    MAIN_THREAD.store(self_id(), Ordering::Relaxed);
    // SAFETY: a zeroed sigaction with a handler address and an empty mask is a valid argument;
    // the handler only does async-signal-safe work (see the module docs).
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = on_sigint as extern "C" fn(libc::c_int) as usize;
        libc::sigemptyset(&mut sa.sa_mask);
        sa.sa_flags = 0;
        libc::sigaction(libc::SIGINT, &sa, std::ptr::null_mut());
    }
    // SAFETY: an empty set unblocks everything the launcher blocked, for this thread only.
    unsafe {
        let mut empty: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut empty);
        libc::pthread_sigmask(libc::SIG_SETMASK, &empty, std::ptr::null_mut());
    }
}

/// The main thread is about to exit: stop forwarding signals to it.
pub fn main_exiting() {
    MAIN_THREAD.store(0, Ordering::Relaxed);
}

/// Raise `KeyboardInterrupt` if SIGINT is pending and this is the main thread.
/// Other signals with Python handlers run them (`stdlib::signal::run_pending`); a Python
/// handler installed for SIGINT is called instead of raising.
pub fn check(vm: &mut Vm) -> PyResult<()> {
    vm.breaker.fetch_and(!BREAK_SIGNAL, Ordering::SeqCst);
    if !is_main_thread() {
        return Ok(());
    }
    crate::stdlib::signal::run_pending(vm)?;
    if PENDING.swap(false, Ordering::SeqCst) {
        if let Some(h) = crate::stdlib::signal::python_handler(libc::SIGINT as usize) {
            vm.call(&h, &[Value::Int(libc::SIGINT as i64), Value::None], &[])?;
            return Ok(());
        }
        let cls = crate::types::types().exc.keyboard_interrupt.clone();
        return Err(crate::PyErr(crate::exceptions::new_exception(&cls, Vec::new())));
    }
    Ok(())
}

/// CPython's exit after an uncaught `KeyboardInterrupt`: die by SIGINT with the default action,
/// so the parent sees the signal (a shell prints nothing, `subprocess` sees -2). Returns only if
/// that fails; the caller then exits with 130.
pub fn exit_by_sigint() {
    // SAFETY: restoring the default disposition and signalling our own process are plain
    // syscalls; no Rust state is touched.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
    }
    set_mask(libc::SIG_UNBLOCK);
    // SAFETY: as above.
    unsafe {
        libc::kill(libc::getpid(), libc::SIGINT);
    }
}

/// In the child of `os.fork()`: the forking thread is the only one, so it is the main thread
/// (as in CPython); SIGINT is unblocked for it.
pub fn after_fork_child(breaker: &Arc<AtomicU32>) {
    if MAIN_THREAD.load(Ordering::Relaxed) != self_id() {
        let leaked = Arc::into_raw(breaker.clone()) as *mut AtomicU32;
        MAIN_BREAKER.store(leaked, Ordering::Release);
        MAIN_THREAD.store(self_id(), Ordering::Relaxed);
    }
    set_mask(libc::SIG_UNBLOCK);
}
