//! `_thread.lock` (`LockType`) and `_thread.RLock`: the locks every `threading` primitive is
//! built on (docs/thread-primitives.md).
//!
//! [`RawLock`] is a futex word (Linux): 0 unlocked, 1 locked, 2 locked with waiters. It is not
//! owned: any thread may release it. Acquiring first tries once without releasing the GIL; only
//! a real wait goes through `blocking` (GIL released, priority re-acquisition). In the main
//! thread the futex wait is always timed, so a SIGINT interrupts it with `EINTR` (see
//! `sigint.rs`) and `acquire` raises `KeyboardInterrupt`.

use crate::object::{ObjRef, Payload};
use crate::stdlib::thread::{blocking, this_ident};
use crate::types::{add_methods, add_staticmethod};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// CPython's `_thread.TIMEOUT_MAX` on Linux.
pub const TIMEOUT_MAX: f64 = 9223372036.0;

/// A futex-based lock word. Shared between threads by reference (it lives in an object's
/// payload); all state is in the atomic.
pub struct RawLock {
    state: AtomicU32,
}

/// How a wait ended.
#[derive(PartialEq, Eq, Clone, Copy, Debug)]
pub enum Wait {
    Acquired,
    TimedOut,
    /// A signal is pending for the main thread.
    Interrupted,
}

fn futex_wait(word: &AtomicU32, expected: u32, timeout: Duration) -> i32 {
    let ts = libc::timespec { tv_sec: timeout.as_secs().min(i64::MAX as u64) as libc::time_t, tv_nsec: timeout.subsec_nanos() as libc::c_long };
    // SAFETY: `word` is a live, aligned u32 for the duration of the call; FUTEX_WAIT only reads
    // it and sleeps; the timespec outlives the call.
    let r = unsafe { libc::syscall(libc::SYS_futex, word.as_ptr(), libc::FUTEX_WAIT | libc::FUTEX_PRIVATE_FLAG, expected, &ts as *const libc::timespec, std::ptr::null::<u32>(), 0) };
    if r == 0 {
        0
    } else {
        std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
    }
}

fn futex_wake(word: &AtomicU32, n: i32) {
    // SAFETY: FUTEX_WAKE on a live, aligned u32 only wakes waiters; it never dereferences
    // anything else.
    unsafe { libc::syscall(libc::SYS_futex, word.as_ptr(), libc::FUTEX_WAKE | libc::FUTEX_PRIVATE_FLAG, n) };
}

impl Default for RawLock {
    fn default() -> Self {
        Self::new()
    }
}

impl RawLock {
    pub const fn new() -> RawLock {
        RawLock { state: AtomicU32::new(0) }
    }

    #[inline]
    pub fn try_acquire(&self) -> bool {
        self.state.compare_exchange(0, 1, Ordering::Acquire, Ordering::Relaxed).is_ok()
    }

    pub fn locked(&self) -> bool {
        self.state.load(Ordering::Relaxed) != 0
    }

    /// Unlock; false if it was not locked.
    pub fn release(&self) -> bool {
        match self.state.swap(0, Ordering::Release) {
            0 => false,
            1 => true,
            _ => {
                futex_wake(&self.state, 1);
                true
            }
        }
    }

    /// Wait for the lock until `deadline` (None: forever). Must be called without the GIL.
    /// `interruptible`: the main thread, which returns `Interrupted` when SIGINT is pending.
    pub fn wait(&self, deadline: Option<Instant>, interruptible: bool) -> Wait {
        loop {
            if self.state.swap(2, Ordering::Acquire) == 0 {
                return Wait::Acquired;
            }
            if interruptible && crate::sigint::pending() {
                return Wait::Interrupted;
            }
            // A day at most per wait: the main thread's waits must be timed to see EINTR.
            let mut t = Duration::from_secs(86_400);
            if let Some(d) = deadline {
                let now = Instant::now();
                if now >= d {
                    return Wait::TimedOut;
                }
                t = t.min(d - now);
            }
            futex_wait(&self.state, 2, t);
        }
    }
}

/// The payload of a `_thread.lock`.
pub struct LockObj(pub RawLock);

/// The payload of a `_thread.RLock`: the lock, the owner's ident (0 = none) and the depth.
/// `owner`/`count` are written only by the thread holding `lock`.
pub struct RLockObj {
    pub lock: RawLock,
    pub owner: AtomicU64,
    pub count: AtomicU64,
}

fn lock_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a RawLock> {
    if let Value::Obj(o) = v {
        if let Payload::Native(n) = &o.payload {
            if let Some(l) = n.downcast_ref::<LockObj>() {
                return Ok(&l.0);
            }
        }
    }
    Err(vm.type_error("descriptor requires a '_thread.lock' object"))
}

fn rlock_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a RLockObj> {
    if let Value::Obj(o) = v {
        if let Payload::Native(n) = &o.payload {
            if let Some(l) = n.downcast_ref::<RLockObj>() {
                return Ok(l);
            }
        }
    }
    Err(vm.type_error("descriptor requires a '_thread.RLock' object"))
}

/// Parse `acquire(blocking=True, timeout=-1)`: None = forever, Some(0) = try once.
fn acquire_args(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<Option<Duration>> {
    let pos = &a.args[1..];
    if pos.len() > 2 {
        return Err(vm.type_error(&format!("{fname}() takes at most 2 arguments ({} given)", pos.len())));
    }
    let mut blocking_v = pos.first().cloned();
    let mut timeout_v = pos.get(1).cloned();
    for (k, v) in a.kwargs {
        match k.as_str() {
            Some("blocking") if blocking_v.is_none() => blocking_v = Some(v.clone()),
            Some("timeout") if timeout_v.is_none() => timeout_v = Some(v.clone()),
            Some(n @ ("blocking" | "timeout")) => return Err(vm.type_error(&format!("argument for {fname}() given by name ('{n}') and position"))),
            Some(n) => return Err(vm.type_error(&format!("'{n}' is an invalid keyword argument for {fname}()"))),
            None => return Err(vm.type_error("keywords must be strings")),
        }
    }
    let blocking = match &blocking_v {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let timeout = match &timeout_v {
        None => -1.0,
        Some(v) => match v {
            Value::Int(_) | Value::Bool64(_) | Value::Float64(_) => crate::types::float::float_of(vm, v)?,
            Value::Obj(o) if matches!(o.payload, Payload::Int(_) | Payload::Float(_)) => crate::types::float::float_of(vm, v)?,
            other => {
                let tn = vm.type_name(other);
                return Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")));
            }
        },
    };
    if timeout.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if !blocking && timeout != -1.0 {
        return Err(vm.value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(vm.value_error("timeout value must be positive"));
    }
    if !blocking {
        return Ok(Some(Duration::ZERO));
    }
    if timeout == -1.0 {
        return Ok(None);
    }
    if timeout > TIMEOUT_MAX {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(Some(Duration::from_secs_f64(timeout)))
}

/// Acquire `lock` for Python code: try once with the GIL, then wait without it. Raises
/// `KeyboardInterrupt` when a SIGINT interrupts the main thread's wait.
pub fn acquire_raw(vm: &mut Vm, lock: &RawLock, timeout: Option<Duration>) -> PyResult<bool> {
    if lock.try_acquire() {
        return Ok(true);
    }
    if timeout == Some(Duration::ZERO) {
        return Ok(false);
    }
    let deadline = timeout.map(|t| Instant::now() + t);
    let main = crate::sigint::is_main_thread();
    loop {
        let r = blocking(vm, || lock.wait(deadline, main));
        match r {
            Wait::Acquired => return Ok(true),
            Wait::TimedOut => return Ok(false),
            Wait::Interrupted => {
                // Run the "signal handler": raises KeyboardInterrupt; otherwise wait again.
                crate::sigint::check(vm)?;
            }
        }
    }
}

fn lock_new(vm: &mut Vm, a: Args) -> PyResult {
    let cls = match a.args.first() {
        Some(Value::Obj(c)) if c.as_type().is_some() => c.clone(),
        _ => return Err(vm.type_error("lock.__new__(X): X is not a type object")),
    };
    if a.args.len() > 1 || !a.kwargs.is_empty() {
        return Err(vm.type_error("lock() takes no arguments"));
    }
    Ok(Value::Obj(ObjRef::new(cls, Payload::Native(Box::new(LockObj(RawLock::new()))))))
}

/// A new unlocked `_thread.lock` (`allocate_lock()`).
pub fn new_lock() -> Value {
    Value::Obj(ObjRef::new(crate::stdlib::thread::thread_types().lock.clone(), Payload::Native(Box::new(LockObj(RawLock::new())))))
}

fn lock_acquire(vm: &mut Vm, a: Args) -> PyResult {
    let timeout = acquire_args(vm, &a, "acquire")?;
    let l = lock_of(vm, &a.args[0])?;
    acquire_raw(vm, l, timeout).map(Value::Bool)
}

fn lock_enter(vm: &mut Vm, a: Args) -> PyResult {
    let l = lock_of(vm, &a.args[0])?;
    acquire_raw(vm, l, None).map(Value::Bool)
}

fn lock_release(vm: &mut Vm, a: Args) -> PyResult {
    let l = lock_of(vm, &a.args[0])?;
    if !l.release() {
        return Err(vm.runtime_error("release unlocked lock"));
    }
    Ok(Value::None)
}

fn lock_locked(vm: &mut Vm, a: Args) -> PyResult {
    let l = lock_of(vm, &a.args[0])?;
    Ok(Value::Bool(l.locked()))
}

fn lock_repr(vm: &mut Vm, a: Args) -> PyResult {
    let l = lock_of(vm, &a.args[0])?;
    let s = format!("<{} {} object at {:#x}>", if l.locked() { "locked" } else { "unlocked" }, qualified(&a.args[0]), a.args[0].id());
    Ok(vm.new_string(s))
}

/// `_thread.lock`, or `module.Name` of a subclass.
fn qualified(v: &Value) -> String {
    let cls = crate::types::type_of(v);
    let m = crate::types::lookup(cls, "__module__").and_then(|m| m.as_str().map(|s| s.to_string())).unwrap_or_else(|| "_thread".into());
    format!("{m}.{}", cls.type_data().qualname)
}

fn lock_at_fork_reinit(vm: &mut Vm, a: Args) -> PyResult {
    let l = lock_of(vm, &a.args[0])?;
    l.release();
    Ok(Value::None)
}

fn rlock_new(vm: &mut Vm, a: Args) -> PyResult {
    let cls = match a.args.first() {
        Some(Value::Obj(c)) if c.as_type().is_some() => c.clone(),
        _ => return Err(vm.type_error("RLock.__new__(X): X is not a type object")),
    };
    Ok(Value::Obj(ObjRef::new(cls, Payload::Native(Box::new(RLockObj { lock: RawLock::new(), owner: AtomicU64::new(0), count: AtomicU64::new(0) })))))
}

fn rlock_acquire_with(vm: &mut Vm, r: &RLockObj, timeout: Option<Duration>) -> PyResult<bool> {
    let me = this_ident();
    if r.owner.load(Ordering::Relaxed) == me {
        let c = r.count.load(Ordering::Relaxed);
        if c == u64::MAX {
            return Err(vm.overflow_error("Internal lock count overflowed"));
        }
        r.count.store(c + 1, Ordering::Relaxed);
        return Ok(true);
    }
    if !acquire_raw(vm, &r.lock, timeout)? {
        return Ok(false);
    }
    r.owner.store(me, Ordering::Relaxed);
    r.count.store(1, Ordering::Relaxed);
    Ok(true)
}

fn rlock_acquire(vm: &mut Vm, a: Args) -> PyResult {
    let timeout = acquire_args(vm, &a, "acquire")?;
    let r = rlock_of(vm, &a.args[0])?;
    rlock_acquire_with(vm, r, timeout).map(Value::Bool)
}

fn rlock_enter(vm: &mut Vm, a: Args) -> PyResult {
    let r = rlock_of(vm, &a.args[0])?;
    rlock_acquire_with(vm, r, None).map(Value::Bool)
}

fn rlock_release(vm: &mut Vm, a: Args) -> PyResult {
    let r = rlock_of(vm, &a.args[0])?;
    let me = this_ident();
    let c = r.count.load(Ordering::Relaxed);
    if c == 0 || r.owner.load(Ordering::Relaxed) != me {
        return Err(vm.runtime_error("cannot release un-acquired lock"));
    }
    if c == 1 {
        r.count.store(0, Ordering::Relaxed);
        r.owner.store(0, Ordering::Relaxed);
        r.lock.release();
    } else {
        r.count.store(c - 1, Ordering::Relaxed);
    }
    Ok(Value::None)
}

fn rlock_is_owned(vm: &mut Vm, a: Args) -> PyResult {
    let r = rlock_of(vm, &a.args[0])?;
    Ok(Value::Bool(r.count.load(Ordering::Relaxed) > 0 && r.owner.load(Ordering::Relaxed) == this_ident()))
}

/// `_release_save()`: release completely, returning `(count, owner)`.
fn rlock_release_save(vm: &mut Vm, a: Args) -> PyResult {
    let r = rlock_of(vm, &a.args[0])?;
    let c = r.count.load(Ordering::Relaxed);
    if c == 0 {
        return Err(vm.runtime_error("cannot release un-acquired lock"));
    }
    let owner = r.owner.load(Ordering::Relaxed);
    r.count.store(0, Ordering::Relaxed);
    r.owner.store(0, Ordering::Relaxed);
    r.lock.release();
    Ok(crate::types::tuple::new_tuple(vec![crate::stdlib::thread::int_from_u64(c), crate::stdlib::thread::int_from_u64(owner)]))
}

/// `_acquire_restore((count, owner))`.
fn rlock_acquire_restore(vm: &mut Vm, a: Args) -> PyResult {
    let r = rlock_of(vm, &a.args[0])?;
    let state = a.args.get(1).cloned().unwrap_or(Value::None);
    let items = vm.collect(&state)?;
    if items.len() != 2 {
        return Err(vm.type_error("_acquire_restore() argument 1 must be a (count, owner) tuple"));
    }
    let count = to_u64(vm, &items[0])?;
    let owner = to_u64(vm, &items[1])?;
    acquire_raw(vm, &r.lock, None)?;
    r.owner.store(owner, Ordering::Relaxed);
    r.count.store(count, Ordering::Relaxed);
    Ok(Value::None)
}

fn to_u64(vm: &mut Vm, v: &Value) -> PyResult<u64> {
    use num_traits::ToPrimitive;
    match crate::types::int::to_bigint(v).and_then(|b| b.to_u64()) {
        Some(n) => Ok(n),
        None => Err(vm.type_error("_acquire_restore() expects non-negative integers")),
    }
}

fn rlock_repr(vm: &mut Vm, a: Args) -> PyResult {
    let r = rlock_of(vm, &a.args[0])?;
    let c = r.count.load(Ordering::Relaxed);
    let s = format!("<{} {} object owner={} count={c} at {:#x}>", if r.lock.locked() { "locked" } else { "unlocked" }, qualified(&a.args[0]), r.owner.load(Ordering::Relaxed), a.args[0].id());
    Ok(vm.new_string(s))
}

fn exit_lock(vm: &mut Vm, a: Args) -> PyResult {
    lock_release(vm, Args::new(&a.args[..1]))
}

fn exit_rlock(vm: &mut Vm, a: Args) -> PyResult {
    rlock_release(vm, Args::new(&a.args[..1]))
}

/// Fill the `lock` and `RLock` types' namespaces.
pub fn init_types(lock: &ObjRef, rlock: &ObjRef) {
    add_staticmethod(lock, "__new__", lock_new);
    add_methods(
        lock,
        &[
            ("acquire", lock_acquire),
            ("acquire_lock", lock_acquire),
            ("release", lock_release),
            ("release_lock", lock_release),
            ("locked", lock_locked),
            ("locked_lock", lock_locked),
            ("__enter__", lock_enter),
            ("__exit__", exit_lock),
            ("__repr__", lock_repr),
            ("_at_fork_reinit", lock_at_fork_reinit),
        ],
    );
    add_staticmethod(rlock, "__new__", rlock_new);
    add_methods(
        rlock,
        &[
            ("acquire", rlock_acquire),
            ("release", rlock_release),
            ("_is_owned", rlock_is_owned),
            ("_release_save", rlock_release_save),
            ("_acquire_restore", rlock_acquire_restore),
            ("__enter__", rlock_enter),
            ("__exit__", exit_rlock),
            ("__repr__", rlock_repr),
        ],
    );
}
