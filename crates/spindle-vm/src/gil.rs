//! The global interpreter lock.
//!
//! Notes about the implementation (read this before the code; it follows the comment block of
//! CPython's `Python/ceval_gil.c`, and says where and why Spindle departs from it).
//!
//! * The GIL is a flag (`State::locked`) protected by a mutex, with condition variables to wait
//!   on. Exactly one thread "holds" it at a time and only that thread runs Python code, touches
//!   reference counts in their non-atomic mode, or borrows a `PyCell` without a real lock (see
//!   `sync.rs`). In free-threaded mode (`-X gil=0`) every function here returns at once.
//!
//! * A thread that wants the GIL while another holds it waits on a condition variable for at
//!   most the switch interval (`sys.setswitchinterval`, default 5 ms). If it times out and no
//!   switch happened meanwhile (`switch_number` unchanged), it sets `BREAK_GIL_DROP` in the
//!   holder's eval breaker (a per-thread atomic word, see `Vm::breaker`). The holder sees it at
//!   its next breaker check (backward jumps, calls, returns, stores: a single relaxed load per
//!   check in the eval loop) and drops the GIL.
//!
//! * Forced switching: a thread dropping the GIL *because it was asked to* waits until another
//!   thread has actually taken it (`switch_number` moved) before it asks for it again.
//!   Otherwise it would usually win the race for the mutex against the woken thread and the
//!   request would achieve nothing.
//!
//! * Blocking calls (`time.sleep`, lock waits, file/pipe/socket I/O, process waits) release the
//!   GIL around the OS call: [`release`] before, [`acquire`] with [`Take::Priority`] after. The
//!   wrapper for native code is `stdlib::thread::blocking`.
//!
//! Where Spindle departs from CPython: the convoy effect (bpo-7946).
//!
//! * In CPython a thread coming back from a blocking call is an ordinary waiter: beside a
//!   CPU-bound thread it waits a whole switch interval before it even *asks* for the GIL. A
//!   thread doing many short I/O operations (a server echoing requests) then gets at most one
//!   operation per interval: 5 ms for what takes 20 µs alone, a 100x slowdown.
//!
//! * Spindle gives threads returning from a blocking call priority. A priority waiter sets the
//!   holder's drop request at once (no interval wait), and when the GIL is dropped while priority
//!   waiters exist it is *reserved* for them (`Reserved::Priority`): a regular waiter cannot
//!   take it first. The I/O thread therefore runs within microseconds of its I/O completing,
//!   does its short piece of Python work, and blocks again, handing the GIL back.
//!
//! * A thread that is preempted while still *interactive* (it has held the GIL for less than a
//!   fifth of the interval in total since it last came back from a blocking call, or since it
//!   started) waits as a priority waiter too: it is between two I/O operations, and making it
//!   wait an interval behind a CPU-bound thread would bring the convoy back one step later.
//!
//! * Priority cannot starve CPU-bound threads: it is only gained by *blocking* and lost after a
//!   fifth of an interval of running (a thread that keeps the GIL longer is a regular waiter
//!   the next time it is asked to drop it), and a regular
//!   waiter that times out while priority waiters were served marks itself `starving`; the next
//!   drop is then reserved for regular waiters (`Reserved::Regular`), and a holder that got the
//!   GIL that way is not interrupted by priority requests before its interval is up. So a
//!   CPU-bound thread always gets the GIL within about two switch intervals.
//!
//! * Two CPU-bound threads behave exactly as under CPython's new GIL: each runs for a switch
//!   interval, then the other one's timed-out request makes it drop the GIL.
//!
//! Contracts: [`acquire`] must be called by a thread that does not hold the GIL, [`release`] and
//! [`yield_now`] by the thread that holds it. The `breaker` argument is the calling thread's own
//! eval breaker. No Python object may be touched (not even a reference count) between a
//! [`release`] and the next [`acquire`] on the same thread.
//!
//! At exit, [`finalize`] marks the interpreter as finishing: from then on only the thread that
//! called it may take the GIL; any other thread that tries (a daemon thread returning from a
//! blocking call, or woken waiting for the GIL) waits forever and dies with the process, as in
//! CPython.
//!
//! Telemetry (`-X gil_trace=FILE`, `-X gil_stats`, see `gil_trace.rs`) is hooked at take, drop
//! and drop request; when it is off each hook costs one relaxed load and a predictable branch.

use crate::gil_trace;
use parking_lot::{Condvar, Mutex};
use std::sync::atomic::{AtomicPtr, AtomicU32, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Eval-breaker bit: another thread asks the holder to drop the GIL.
pub const BREAK_GIL_DROP: u32 = 2;

/// How a thread asks for the GIL.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Take {
    /// A thread starting, or one that dropped the GIL because it was asked to.
    Regular,
    /// A thread returning from a blocking call: asks the holder to drop at once, and is served
    /// before regular waiters.
    Priority,
}

/// Who may take a GIL that has just been dropped.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Reserved {
    Anyone,
    Priority,
    Regular,
}

/// How the current holder got the GIL.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Grant {
    /// A regular take: priority waiters ask it to drop at once.
    Normal,
    /// A priority take (back from a blocking call): it will most likely block again soon, so
    /// priority waiters give it a grace of a fifth of the interval before asking (I/O threads
    /// do not preempt each other).
    Priority,
    /// Reserved for a starving regular waiter: priority requests wait an interval.
    Starved,
}

/// The GIL's state. Protected by `Gil::state`.
struct State {
    locked: bool,
    /// The holder's eval breaker (where drop requests go) and telemetry id.
    holder: Option<(Arc<AtomicU32>, u32)>,
    grant: Grant,
    /// When the holder took the GIL.
    granted_at: Option<Instant>,
    /// Incremented at every take: a waiter that sees it unchanged after a time-out knows that
    /// nobody got the GIL meanwhile.
    switch_number: u64,
    /// Threads waiting in `take`, by kind.
    waiting: u32,
    prio_waiting: u32,
    reserved: Reserved,
    /// A regular waiter timed out while priority waiters were around.
    starving: bool,
    /// Set by `finalize`: only `finalizer` may take the GIL.
    finalizing: bool,
    finalizer: u32,
}

struct Gil {
    state: Mutex<State>,
    /// Regular waiters wait here.
    cond: Condvar,
    /// Priority waiters wait here.
    prio_cond: Condvar,
    /// A thread that dropped the GIL on request waits here until someone took it.
    switch_cond: Condvar,
}

static GIL_STATIC: Gil = Gil {
    state: parking_lot::const_mutex(State {
        locked: false,
        holder: None,
        grant: Grant::Normal,
        granted_at: None,
        switch_number: 0,
        waiting: 0,
        prio_waiting: 0,
        reserved: Reserved::Anyone,
        starving: false,
        finalizing: false,
        finalizer: 0,
    }),
    cond: Condvar::new(),
    prio_cond: Condvar::new(),
    switch_cond: Condvar::new(),
};

/// The GIL in use: `GIL_STATIC`, or in a child of `os.fork()` a fresh one (see [`fork`]).
/// Only replaced in a forked child before any other thread exists; never freed.
static GIL_PTR: AtomicPtr<Gil> = AtomicPtr::new(&GIL_STATIC as *const Gil as *mut Gil);

#[inline(always)]
fn gil() -> &'static Gil {
    // SAFETY: GIL_PTR always points to `GIL_STATIC` or to a leaked, never freed Gil.
    unsafe { &*GIL_PTR.load(Ordering::Acquire) }
}

/// The switch interval in microseconds (`sys.setswitchinterval`).
static SWITCH_INTERVAL_US: AtomicU64 = AtomicU64::new(5000);

pub fn switch_interval() -> f64 {
    SWITCH_INTERVAL_US.load(Ordering::Relaxed) as f64 / 1e6
}

pub fn set_switch_interval(secs: f64) {
    let us = (secs * 1e6).min(u64::MAX as f64 / 2.0);
    SWITCH_INTERVAL_US.store((us as u64).max(1), Ordering::Relaxed);
}

fn interval() -> Duration {
    Duration::from_micros(SWITCH_INTERVAL_US.load(Ordering::Relaxed))
}

thread_local! {
    /// Does this thread hold the GIL? Written only by this thread, in `take_locked` and
    /// `release_locked`.
    static HELD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The breaker this thread last took the GIL with (for `blocking_here`).
    static MY_BREAKER: std::cell::RefCell<Option<Arc<AtomicU32>>> = const { std::cell::RefCell::new(None) };
    /// How long this thread has held the GIL since it last came back from a blocking call
    /// (added up at every drop). Below `interval() / 5` the thread counts as interactive.
    static RUN_SINCE_BLOCK: std::cell::Cell<Duration> = const { std::cell::Cell::new(Duration::ZERO) };
    /// This thread's serial number (1 = the first thread that asked), for telemetry and exit.
    static SERIAL: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

static NEXT_SERIAL: AtomicU32 = AtomicU32::new(1);

/// A small number naming the calling OS thread (assigned on first use, never reused).
pub fn thread_serial() -> u32 {
    SERIAL.with(|s| {
        let v = s.get();
        if v != 0 {
            return v;
        }
        let v = NEXT_SERIAL.fetch_add(1, Ordering::Relaxed);
        s.set(v);
        v
    })
}

/// Number of GIL hand-overs so far (the `switch_number`).
pub fn switch_count() -> u64 {
    gil().state.lock().switch_number
}

fn can_take(g: &State, prio: bool, me: u32) -> bool {
    !g.locked
        && (g.finalizing && me == g.finalizer
            || match g.reserved {
            Reserved::Anyone => true,
            Reserved::Priority => prio,
            Reserved::Regular => !prio,
            })
}

/// The interpreter is exiting and this thread is not the one finishing it: never run again.
/// Releases the state mutex and parks the thread until the process exits.
fn park_forever(g: &mut parking_lot::MutexGuard<'_, State>) -> ! {
    parking_lot::MutexGuard::unlocked(g, || loop {
        std::thread::park();
    })
}

/// Ask the current holder to drop the GIL. `g` is locked.
fn request_drop(g: &State, requester: u32) {
    if let Some((b, holder_id)) = &g.holder {
        b.fetch_or(BREAK_GIL_DROP, Ordering::Relaxed);
        if gil_trace::on() {
            gil_trace::drop_request(requester, *holder_id);
        }
    }
}

/// Take the GIL with the state mutex already locked.
fn take_locked(g: &mut parking_lot::MutexGuard<'_, State>, breaker: &Arc<AtomicU32>, kind: Take) {
    let me = thread_serial();
    let prio = kind == Take::Priority;
    let tracing = gil_trace::on();
    let wait_start = if tracing { Some(gil_trace::now()) } else { None };
    let mut waited = false;
    if g.finalizing && me != g.finalizer {
        park_forever(g);
    }
    if !can_take(g, prio, me) {
        waited = true;
        if prio {
            g.prio_waiting += 1;
        } else {
            g.waiting += 1;
        }
        // Priority waiters: the switch number of the tenure already asked to drop.
        let mut asked: Option<u64> = None;
        loop {
            let saved = g.switch_number;
            let mut wait = interval();
            if prio && g.locked && asked != Some(saved) {
                let now = Instant::now();
                let since = g.granted_at.map(|t| now.saturating_duration_since(t)).unwrap_or_default();
                let grace = match g.grant {
                    Grant::Normal => Duration::ZERO,
                    Grant::Priority => interval() / 5,
                    Grant::Starved => interval(),
                };
                if since >= grace {
                    request_drop(g, me);
                    asked = Some(saved);
                } else {
                    wait = grace - since;
                }
            }
            let timed_out = if prio { gil().prio_cond.wait_for(g, wait).timed_out() } else { gil().cond.wait_for(g, wait).timed_out() };
            if g.finalizing && me != g.finalizer {
                if prio {
                    g.prio_waiting -= 1;
                } else {
                    g.waiting -= 1;
                }
                park_forever(g);
            }
            if can_take(g, prio, me) {
                break;
            }
            if !prio && g.locked && timed_out && g.switch_number == saved {
                // A whole interval without a switch: ask the holder to drop it.
                request_drop(g, me);
                if g.prio_waiting > 0 {
                    g.starving = true;
                }
            }
        }
        if prio {
            g.prio_waiting -= 1;
        } else {
            g.waiting -= 1;
        }
    }
    g.grant = if g.reserved == Reserved::Regular {
        Grant::Starved
    } else if prio {
        Grant::Priority
    } else {
        Grant::Normal
    };
    g.granted_at = Some(Instant::now());
    g.locked = true;
    g.holder = Some((breaker.clone(), me));
    g.switch_number = g.switch_number.wrapping_add(1);
    g.reserved = Reserved::Anyone;
    // A stale request addressed to this thread's previous tenure is void.
    breaker.fetch_and(!BREAK_GIL_DROP, Ordering::Relaxed);
    HELD.with(|h| h.set(true));
    MY_BREAKER.with(|m| {
        let mut m = m.borrow_mut();
        if !m.as_ref().is_some_and(|b| Arc::ptr_eq(b, breaker)) {
            *m = Some(breaker.clone());
        }
    });
    gil().switch_cond.notify_all();
    if let Some(t0) = wait_start {
        gil_trace::took(me, t0, waited, prio);
    }
}

/// Drop the GIL with the state mutex already locked, choosing who may take it next.
fn release_locked(g: &mut parking_lot::MutexGuard<'_, State>) {
    HELD.with(|h| h.set(false));
    if let Some(t) = g.granted_at {
        RUN_SINCE_BLOCK.with(|r| r.set(r.get() + t.elapsed()));
    }
    g.locked = false;
    g.holder = None;
    g.reserved = if g.starving && g.waiting > 0 {
        g.starving = false;
        Reserved::Regular
    } else if g.prio_waiting > 0 {
        Reserved::Priority
    } else {
        Reserved::Anyone
    };
    match g.reserved {
        Reserved::Priority => {
            gil().prio_cond.notify_one();
        }
        _ => {
            gil().cond.notify_one();
        }
    }
    if gil_trace::on() {
        gil_trace::dropped(thread_serial());
    }
}

/// Take the GIL (see the module notes). The caller must not hold it.
pub fn acquire(breaker: &Arc<AtomicU32>, kind: Take) {
    if crate::sync::free_threaded() {
        return;
    }
    if kind == Take::Priority {
        RUN_SINCE_BLOCK.with(|r| r.set(Duration::ZERO));
    }
    let mut g = gil().state.lock();
    take_locked(&mut g, breaker, kind);
}

/// Has the calling thread run for less than a fifth of the switch interval since it last came
/// back from a blocking call (or started)? Such a thread, preempted, waits as a priority waiter.
fn interactive() -> bool {
    RUN_SINCE_BLOCK.with(|r| r.get()) < interval() / 5
}

/// Drop the GIL. The caller must hold it.
pub fn release() {
    if crate::sync::free_threaded() {
        return;
    }
    let mut g = gil().state.lock();
    release_locked(&mut g);
}

/// Called when the holder finds `BREAK_GIL_DROP` in its breaker: drop the GIL, wait until
/// another thread has taken it (forced switching), then wait for it again.
pub fn yield_now(breaker: &Arc<AtomicU32>) {
    if crate::sync::free_threaded() {
        breaker.fetch_and(!BREAK_GIL_DROP, Ordering::Relaxed);
        return;
    }
    let mut g = gil().state.lock();
    breaker.fetch_and(!BREAK_GIL_DROP, Ordering::Relaxed);
    if g.waiting + g.prio_waiting == 0 || g.finalizing {
        return;
    }
    // An interactive thread (it blocked very recently and has barely run since) keeps its
    // priority when preempted: a thread between two I/O operations, or one just started that
    // has not reached its first blocking call yet, must not wait a whole interval behind a
    // CPU-bound thread.
    let kind = if interactive() { Take::Priority } else { Take::Regular };
    release_locked(&mut g);
    if gil_trace::on() {
        gil_trace::forced_switch(thread_serial());
    }
    // Forced switching: wait until someone else took it. Not needed when the GIL is reserved
    // for priority waiters and this thread is a regular one: it cannot take it back first
    // anyway, and sleeping twice would cost it an extra wake-up.
    if kind == Take::Priority || g.reserved != Reserved::Priority {
        let sn = g.switch_number;
        while g.switch_number == sn && g.waiting + g.prio_waiting > 0 && !g.finalizing {
            gil().switch_cond.wait(&mut g);
        }
    }
    take_locked(&mut g, breaker, kind);
}

/// Does the calling thread hold the GIL? (Always false in free-threaded mode.)
pub fn held() -> bool {
    HELD.with(|h| h.get())
}

/// Run `f` with the GIL released if the calling thread holds it, for blocking OS calls deep in
/// native code with no `Vm` at hand (file buffers). Same contract as `stdlib::thread::blocking`:
/// `f` must not touch Python objects.
pub fn blocking_here<R>(f: impl FnOnce() -> R) -> R {
    if crate::sync::free_threaded() || !held() {
        return f();
    }
    let Some(b) = MY_BREAKER.with(|m| m.borrow().clone()) else { return f() };
    release();
    struct Retake(Arc<AtomicU32>);
    impl Drop for Retake {
        fn drop(&mut self) {
            acquire(&self.0, Take::Priority);
        }
    }
    let _retake = Retake(b);
    f()
}

/// Forget this thread's breaker (its `Vm` is going away).
pub fn forget_thread() {
    MY_BREAKER.with(|m| m.borrow_mut().take());
}

/// At exit, by the thread holding the GIL: no other thread will get it again.
pub fn finalize() {
    if crate::sync::free_threaded() {
        return;
    }
    let mut g = gil().state.lock();
    g.finalizing = true;
    g.finalizer = thread_serial();
}

/// `os.fork()`: fork the process while the calling thread holds the GIL *and* its state mutex,
/// so no other thread is half-way through a GIL operation. Returns fork's result. The caller
/// must hold the GIL.
///
/// In the child only the calling thread exists, but the parent's other threads may have been
/// parked on the state mutex or the condition variables: their entries stay in
/// `parking_lot`'s queues, and unlocking that mutex could hand it to a thread that does not
/// exist. So the child never touches the old GIL again: it forgets the guard and installs a
/// fresh GIL, held by this thread, with nobody waiting (CPython re-initialises its GIL mutex
/// and condition the same way after fork).
pub fn fork(breaker: &Arc<AtomicU32>) -> libc::pid_t {
    if crate::sync::free_threaded() {
        // SAFETY: fork has no memory-safety preconditions; the child continues on this thread.
        return unsafe { libc::fork() };
    }
    let g = gil().state.lock();
    // SAFETY: as above.
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        let fresh = Gil {
            state: Mutex::new(State {
                locked: true,
                holder: Some((breaker.clone(), thread_serial())),
                grant: Grant::Normal,
                granted_at: g.granted_at,
                switch_number: g.switch_number,
                waiting: 0,
                prio_waiting: 0,
                reserved: Reserved::Anyone,
                starving: false,
                finalizing: g.finalizing,
                finalizer: g.finalizer,
            }),
            cond: Condvar::new(),
            prio_cond: Condvar::new(),
            switch_cond: Condvar::new(),
        };
        std::mem::forget(g);
        GIL_PTR.store(Box::leak(Box::new(fresh)), Ordering::Release);
        breaker.fetch_and(!BREAK_GIL_DROP, Ordering::Relaxed);
    }
    pid
}
