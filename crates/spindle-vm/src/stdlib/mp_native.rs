//! `_multiprocessing`: what `lib/multiprocessing` needs from the OS that plain descriptors
//! do not give — semaphores and shared memory that several processes use at once.
//!
//! Both live in an anonymous shared-memory file (`memfd_create`) mapped `MAP_SHARED`: a child
//! made by `fork` inherits the mapping; a child made by the spawn start method inherits the
//! descriptor (`os._spawnv_passfds`) and maps it again (`sem_rebuild`, `shm_rebuild`). Such objects can
//! only be handed to a child while it is being started (as in CPython, where they are
//! "shared through inheritance"): `multiprocessing` enforces that in its reducers.
//!
//! * `SemLock(kind, value, maxvalue)`: a counting semaphore whose count is a futex word in
//!   the shared page (process-shared futex: no `FUTEX_PRIVATE_FLAG`). `kind` 0 is a recursive
//!   lock, 1 a semaphore. As in CPython, who holds it is recorded per process in the object
//!   (thread ident and depth, plus the pid, so a forked child never believes it owns a lock
//!   its parent held): other processes only see the count. Waits release the GIL; in the main thread they are timed so
//!   that a SIGINT interrupts them (`KeyboardInterrupt`). A process that dies holding a lock
//!   leaves it locked, as with CPython's POSIX semaphores.
//! * `SharedMemory(size)`: bytes shared between processes, read and written by offset, raw or
//!   typed (`get`/`set` with `array`-style type codes, native layout).
//!
//! Memory order: the semaphore count is only changed by atomic read-modify-write; the owner
//! fields are written by the holder only. Shared-memory bytes are copied with plain
//! (non-atomic) copies: concurrent unsynchronised use is a data race in the Python program, as
//! with CPython's `RawValue`.

use crate::object::{ObjRef, Payload};
use crate::stdlib::posix::{arg, int_arg};
use crate::stdlib::{module_with, set_attr};
use crate::types::add_methods;
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

pub const RECURSIVE_MUTEX: i64 = 0;
pub const SEMAPHORE: i64 = 1;
/// The largest semaphore count (CPython's `SEM_VALUE_MAX` on Linux).
pub const SEM_VALUE_MAX: i64 = i32::MAX as i64;

/// A shared mapping of a memfd. Unmapped and closed on drop.
struct Mapping {
    ptr: *mut u8,
    len: usize,
    fd: i32,
}

// SAFETY: the mapping is plain shared memory owned by this value until drop; all access goes
// through raw pointers with the synchronisation described in the module notes.
unsafe impl Send for Mapping {}
// SAFETY: as above.
unsafe impl Sync for Mapping {}

impl Drop for Mapping {
    fn drop(&mut self) {
        // SAFETY: `ptr`/`len` are exactly what mmap returned; `fd` is ours.
        unsafe {
            libc::munmap(self.ptr as *mut libc::c_void, self.len);
            libc::close(self.fd);
        }
    }
}

fn map_fd(fd: i32, len: usize) -> Result<Mapping, i32> {
    // SAFETY: mapping `len` bytes of a descriptor we own; failure is reported, not assumed.
    let p = unsafe { libc::mmap(std::ptr::null_mut(), len.max(1), libc::PROT_READ | libc::PROT_WRITE, libc::MAP_SHARED, fd, 0) };
    if p == libc::MAP_FAILED {
        let e = crate::stdlib::posix::errno();
        // SAFETY: closing the descriptor we own.
        unsafe { libc::close(fd) };
        return Err(e);
    }
    Ok(Mapping { ptr: p as *mut u8, len: len.max(1), fd })
}

/// A new zero-filled shared mapping of `len` bytes.
fn new_mapping(len: usize) -> Result<Mapping, i32> {
    let name = c"spindle-mp";
    // SAFETY: memfd_create with a NUL-terminated name.
    let fd = unsafe { libc::memfd_create(name.as_ptr(), libc::MFD_CLOEXEC) };
    if fd < 0 {
        return Err(crate::stdlib::posix::errno());
    }
    // SAFETY: sizing our new descriptor.
    if unsafe { libc::ftruncate(fd, len.max(1) as libc::off_t) } < 0 {
        let e = crate::stdlib::posix::errno();
        // SAFETY: closing the descriptor we own.
        unsafe { libc::close(fd) };
        return Err(e);
    }
    map_fd(fd, len)
}

/// Map an inherited descriptor (a child rebuilding a shared object): dup'ed, so the caller's
/// number stays theirs.
fn rebuild_mapping(fd: i32, len: usize) -> Result<Mapping, i32> {
    // SAFETY: duplicating a descriptor number; EBADF is reported.
    let d = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if d < 0 {
        return Err(crate::stdlib::posix::errno());
    }
    map_fd(d, len)
}

/// The semaphore's shared page.
#[repr(C)]
struct SemShared {
    /// Available count; the futex word.
    value: AtomicU32,
    /// Processes/threads sleeping on `value`.
    waiters: AtomicU32,
}

const SEM_PAGE: usize = 4096;

struct SemLock {
    map: Mapping,
    kind: i64,
    maxvalue: i64,
    /// This process's holder: pid, thread ident and depth (acquires not yet released by it).
    /// Written only by the holding thread (with the semaphore taken).
    owner_pid: AtomicU32,
    owner_tid: AtomicU64,
    count: AtomicU32,
}

impl SemLock {
    fn shared(&self) -> &SemShared {
        // SAFETY: the mapping is at least a page, page-aligned, and holds a SemShared (zeroed
        // memory is a valid SemShared); it lives as long as `self`. Only atomics are used.
        unsafe { &*(self.map.ptr as *const SemShared) }
    }
}

fn futex_wait_shared(word: &AtomicU32, expected: u32, timeout: Duration) {
    let ts = libc::timespec { tv_sec: timeout.as_secs().min(i64::MAX as u64) as libc::time_t, tv_nsec: timeout.subsec_nanos() as libc::c_long };
    // SAFETY: `word` is a live, aligned u32 in a shared mapping; FUTEX_WAIT only reads it and
    // sleeps; the timespec outlives the call.
    unsafe { libc::syscall(libc::SYS_futex, word.as_ptr(), libc::FUTEX_WAIT, expected, &ts as *const libc::timespec, std::ptr::null::<u32>(), 0) };
}

fn futex_wake_shared(word: &AtomicU32, n: i32) {
    // SAFETY: FUTEX_WAKE on a live, aligned u32 only wakes waiters.
    unsafe { libc::syscall(libc::SYS_futex, word.as_ptr(), libc::FUTEX_WAKE, n) };
}

fn try_take(s: &SemShared) -> bool {
    let mut v = s.value.load(Ordering::Relaxed);
    while v > 0 {
        match s.value.compare_exchange_weak(v, v - 1, Ordering::Acquire, Ordering::Relaxed) {
            Ok(_) => return true,
            Err(cur) => v = cur,
        }
    }
    false
}

enum SemWait {
    Acquired,
    TimedOut,
    Interrupted,
}

/// Wait for a unit of the semaphore (no GIL). `interruptible`: main thread, stop on SIGINT.
fn sem_wait(s: &SemShared, deadline: Option<Instant>, interruptible: bool) -> SemWait {
    loop {
        if try_take(s) {
            return SemWait::Acquired;
        }
        if interruptible && crate::sigint::pending() {
            return SemWait::Interrupted;
        }
        let mut t = Duration::from_secs(86_400);
        if let Some(d) = deadline {
            let now = Instant::now();
            if now >= d {
                return SemWait::TimedOut;
            }
            t = t.min(d - now);
        }
        s.waiters.fetch_add(1, Ordering::SeqCst);
        if s.value.load(Ordering::SeqCst) == 0 {
            futex_wait_shared(&s.value, 0, t);
        }
        s.waiters.fetch_sub(1, Ordering::SeqCst);
    }
}

fn sem_post(s: &SemShared) {
    s.value.fetch_add(1, Ordering::SeqCst);
    if s.waiters.load(Ordering::SeqCst) > 0 {
        futex_wake_shared(&s.value, 1);
    }
}

fn my_pid() -> u32 {
    std::process::id()
}

fn semlock_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| {
        let ty = crate::stdlib::native_type("_multiprocessing.SemLock");
        add_methods(
            &ty,
            &[
                ("acquire", sem_acquire),
                ("release", sem_release),
                ("__enter__", sem_enter),
                ("__exit__", sem_exit),
                ("_count", sem_count),
                ("_is_mine", sem_is_mine),
                ("_get_value", sem_get_value),
                ("_is_zero", sem_is_zero),
                ("_after_fork", sem_after_fork),
                ("__getattr__", sem_getattr),
            ],
        );
        ty
    })
}

fn new_semlock(vm: &mut Vm, map: Mapping, kind: i64, maxvalue: i64) -> PyResult {
    let _ = vm;
    let s = SemLock { map, kind, maxvalue, owner_pid: AtomicU32::new(0), owner_tid: AtomicU64::new(0), count: AtomicU32::new(0) };
    Ok(Value::Obj(ObjRef::new(semlock_type().clone(), Payload::Native(Box::new(s)))))
}

fn check_kind(vm: &mut Vm, kind: i64, maxvalue: i64) -> PyResult<()> {
    if kind != RECURSIVE_MUTEX && kind != SEMAPHORE {
        return Err(vm.value_error("unrecognized kind"));
    }
    if !(1..=SEM_VALUE_MAX).contains(&maxvalue) {
        return Err(vm.value_error("invalid maxvalue"));
    }
    Ok(())
}

/// `SemLock(kind, value, maxvalue)`.
fn sem_new(vm: &mut Vm, a: Args) -> PyResult {
    let kind = int_arg(vm, &a, 0, "kind", "SemLock")?;
    let value = int_arg(vm, &a, 1, "value", "SemLock")?;
    let maxvalue = int_arg(vm, &a, 2, "maxvalue", "SemLock")?;
    check_kind(vm, kind, maxvalue)?;
    if value < 0 || value > maxvalue {
        return Err(vm.value_error("invalid value"));
    }
    let map = new_mapping(SEM_PAGE).map_err(|e| crate::stdlib::posix::os_error(vm, e))?;
    let obj = new_semlock(vm, map, kind, maxvalue)?;
    if let Some(s) = sem_of(&obj) {
        s.shared().value.store(value as u32, Ordering::SeqCst);
    }
    Ok(obj)
}

/// `sem_rebuild(fd, kind, maxvalue)`: the same semaphore, from an inherited descriptor.
fn sem_rebuild(vm: &mut Vm, a: Args) -> PyResult {
    let fd = int_arg(vm, &a, 0, "fd", "_rebuild")? as i32;
    let kind = int_arg(vm, &a, 1, "kind", "_rebuild")?;
    let maxvalue = int_arg(vm, &a, 2, "maxvalue", "_rebuild")?;
    check_kind(vm, kind, maxvalue)?;
    let map = rebuild_mapping(fd, SEM_PAGE).map_err(|e| crate::stdlib::posix::os_error(vm, e))?;
    new_semlock(vm, map, kind, maxvalue)
}

fn sem_of(v: &Value) -> Option<&SemLock> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Native(n) => n.downcast_ref::<SemLock>(),
            _ => None,
        },
        _ => None,
    }
}

fn sem_self<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a SemLock> {
    match a.args.first().and_then(sem_of) {
        Some(s) => Ok(s),
        None => Err(vm.type_error("descriptor requires a '_multiprocessing.SemLock' object")),
    }
}

fn is_mine(s: &SemLock) -> bool {
    s.owner_pid.load(Ordering::Relaxed) == my_pid() && s.owner_tid.load(Ordering::Relaxed) == crate::stdlib::thread::this_ident() && s.count.load(Ordering::Relaxed) > 0
}

fn acquire_impl(vm: &mut Vm, a: &Args, block: bool, timeout: Option<f64>) -> PyResult<bool> {
    let s = sem_self(vm, a)?;
    if s.kind == RECURSIVE_MUTEX && is_mine(s) {
        s.count.fetch_add(1, Ordering::Relaxed);
        return Ok(true);
    }
    let mut got = try_take(s.shared());
    if !got && block {
        let deadline = timeout.map(|t| Instant::now() + Duration::from_secs_f64(t.clamp(0.0, 1e9)));
        let main = crate::sigint::is_main_thread();
        // The object stays alive: it is in `a.args`, owned by the caller for this call.
        let sp = s.shared() as *const SemShared as usize;
        loop {
            // SAFETY: `sp` points into the mapping owned by the SemLock in `a.args`, alive
            // for the whole call; only atomics are used.
            let r = crate::stdlib::thread::blocking(vm, || sem_wait(unsafe { &*(sp as *const SemShared) }, deadline, main));
            match r {
                SemWait::Acquired => {
                    got = true;
                    break;
                }
                SemWait::TimedOut => break,
                SemWait::Interrupted => crate::sigint::check(vm)?,
            }
        }
    }
    if got {
        let me = crate::stdlib::thread::this_ident();
        if s.owner_pid.load(Ordering::Relaxed) != my_pid() {
            s.count.store(0, Ordering::Relaxed);
        }
        s.owner_pid.store(my_pid(), Ordering::Relaxed);
        s.owner_tid.store(me, Ordering::Relaxed);
        s.count.fetch_add(1, Ordering::Relaxed);
    }
    Ok(got)
}

/// `acquire(block=True, timeout=None)`.
fn sem_acquire(vm: &mut Vm, a: Args) -> PyResult {
    let rest = Args { args: a.args.get(1..).unwrap_or(&[]), kwargs: a.kwargs };
    let block = match arg(&rest, 0, "block") {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let timeout = match arg(&rest, 1, "timeout") {
        None | Some(Value::None) => None,
        Some(v) => Some(crate::types::float::float_of(vm, v)?),
    };
    Ok(Value::Bool(acquire_impl(vm, &a, block, timeout)?))
}

fn sem_enter(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Bool(acquire_impl(vm, &a, true, None)?))
}

fn release_impl(vm: &mut Vm, a: &Args) -> PyResult<()> {
    let s = sem_self(vm, a)?;
    let sh = s.shared();
    if s.kind == RECURSIVE_MUTEX {
        if !is_mine(s) {
            let c = crate::types::types().exc.assertion_error.clone();
            return Err(vm.new_exc(&c, "attempt to release recursive lock not owned by thread"));
        }
        if s.count.fetch_sub(1, Ordering::Relaxed) > 1 {
            return Ok(());
        }
    } else {
        if sh.value.load(Ordering::SeqCst) as i64 >= s.maxvalue {
            return Err(vm.value_error("semaphore or lock released too many times"));
        }
        // A semaphore may be released by any thread; the count only tracks this process's
        // outstanding acquisitions (for `_is_mine` and the lock's repr).
        if s.owner_pid.load(Ordering::Relaxed) == my_pid() && s.count.load(Ordering::Relaxed) > 0 {
            s.count.fetch_sub(1, Ordering::Relaxed);
        }
    }
    sem_post(sh);
    Ok(())
}

fn sem_release(vm: &mut Vm, a: Args) -> PyResult {
    release_impl(vm, &a)?;
    Ok(Value::None)
}

fn sem_exit(vm: &mut Vm, a: Args) -> PyResult {
    release_impl(vm, &a)?;
    Ok(Value::None)
}

fn sem_count(vm: &mut Vm, a: Args) -> PyResult {
    let s = sem_self(vm, &a)?;
    let n = if s.owner_pid.load(Ordering::Relaxed) == my_pid() { s.count.load(Ordering::Relaxed) } else { 0 };
    Ok(Value::Int(n as i64))
}

fn sem_is_mine(vm: &mut Vm, a: Args) -> PyResult {
    let s = sem_self(vm, &a)?;
    Ok(Value::Bool(is_mine(s)))
}

fn sem_get_value(vm: &mut Vm, a: Args) -> PyResult {
    let s = sem_self(vm, &a)?;
    Ok(Value::Int(s.shared().value.load(Ordering::SeqCst) as i64))
}

fn sem_is_zero(vm: &mut Vm, a: Args) -> PyResult {
    let s = sem_self(vm, &a)?;
    Ok(Value::Bool(s.shared().value.load(Ordering::SeqCst) == 0))
}

/// In a forked child: this process holds nothing (the pid check gives the same answer).
fn sem_after_fork(vm: &mut Vm, a: Args) -> PyResult {
    let s = sem_self(vm, &a)?;
    s.count.store(0, Ordering::Relaxed);
    s.owner_pid.store(0, Ordering::Relaxed);
    Ok(Value::None)
}

/// Read-only attributes: kind, maxvalue, handle (the descriptor), name (always None).
fn sem_getattr(vm: &mut Vm, a: Args) -> PyResult {
    let s = sem_self(vm, &a)?;
    let name = a.args.get(1).and_then(|v| v.as_str()).unwrap_or("").to_string();
    match name.as_str() {
        "kind" => Ok(Value::Int(s.kind)),
        "maxvalue" => Ok(Value::Int(s.maxvalue)),
        "handle" => Ok(Value::Int(s.map.fd as i64)),
        "name" => Ok(Value::None),
        _ => Err(vm.attribute_error(&format!("'_multiprocessing.SemLock' object has no attribute '{name}'"))),
    }
}

// ----- shared memory -----

struct SharedMem {
    map: Mapping,
    size: usize,
}

fn shm_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| {
        let ty = crate::stdlib::native_type("_multiprocessing.SharedMemory");
        add_methods(&ty, &[("read", shm_read), ("write", shm_write), ("get", shm_get), ("set", shm_set), ("__getattr__", shm_getattr), ("__len__", shm_len)]);
        ty
    })
}

/// Largest shared block: a hostile size must not map the whole address space.
const MAX_SHM: i64 = 1 << 40;

fn shm_new(vm: &mut Vm, a: Args) -> PyResult {
    let size = int_arg(vm, &a, 0, "size", "SharedMemory")?;
    if !(0..=MAX_SHM).contains(&size) {
        return Err(vm.value_error("invalid shared memory size"));
    }
    let map = new_mapping(size as usize).map_err(|e| crate::stdlib::posix::os_error(vm, e))?;
    Ok(Value::Obj(ObjRef::new(shm_type().clone(), Payload::Native(Box::new(SharedMem { map, size: size as usize })))))
}

fn shm_rebuild(vm: &mut Vm, a: Args) -> PyResult {
    let fd = int_arg(vm, &a, 0, "fd", "_rebuild")? as i32;
    let size = int_arg(vm, &a, 1, "size", "_rebuild")?;
    if !(0..=MAX_SHM).contains(&size) {
        return Err(vm.value_error("invalid shared memory size"));
    }
    let map = rebuild_mapping(fd, size as usize).map_err(|e| crate::stdlib::posix::os_error(vm, e))?;
    Ok(Value::Obj(ObjRef::new(shm_type().clone(), Payload::Native(Box::new(SharedMem { map, size: size as usize })))))
}

fn shm_self<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a SharedMem> {
    if let Some(Value::Obj(o)) = a.args.first() {
        if let Payload::Native(n) = &o.payload {
            if let Some(s) = n.downcast_ref::<SharedMem>() {
                return Ok(s);
            }
        }
    }
    Err(vm.type_error("descriptor requires a '_multiprocessing.SharedMemory' object"))
}

/// Check that `[off, off+n)` lies inside the block.
fn span(vm: &mut Vm, m: &SharedMem, off: i64, n: usize) -> PyResult<usize> {
    if off < 0 || (off as u64).checked_add(n as u64).is_none_or(|end| end > m.size as u64) {
        return Err(vm.index_error("shared memory access out of range"));
    }
    Ok(off as usize)
}

fn shm_read(vm: &mut Vm, a: Args) -> PyResult {
    let m = shm_self(vm, &a)?;
    let off = int_arg(vm, &a, 1, "offset", "read")?;
    let n = int_arg(vm, &a, 2, "size", "read")?;
    if n < 0 {
        return Err(vm.value_error("negative size"));
    }
    let off = span(vm, m, off, n as usize)?;
    let mut out = vec![0u8; n as usize];
    // SAFETY: the range was checked to lie inside the mapping; `out` has room for n bytes.
    unsafe { std::ptr::copy_nonoverlapping(m.map.ptr.add(off), out.as_mut_ptr(), n as usize) };
    Ok(crate::types::bytes::new_bytes(out))
}

fn shm_write(vm: &mut Vm, a: Args) -> PyResult {
    let m = shm_self(vm, &a)?;
    let off = int_arg(vm, &a, 1, "offset", "write")?;
    let Some(data) = a.args.get(2).and_then(crate::types::bytes::bytes_like) else { return Err(vm.type_error("a bytes-like object is required")) };
    let off = span(vm, m, off, data.len())?;
    // SAFETY: the range was checked to lie inside the mapping.
    unsafe { std::ptr::copy_nonoverlapping(data.as_ptr(), m.map.ptr.add(off), data.len()) };
    Ok(Value::None)
}

/// Size in bytes of an `array`-style type code (native sizes), or None.
pub fn code_size(code: &str) -> Option<usize> {
    Some(match code {
        "b" | "B" | "c" | "?" => 1,
        "h" | "H" => 2,
        "i" | "I" | "f" | "u" => 4,
        "l" | "L" | "q" | "Q" | "d" | "n" | "N" | "P" => 8,
        _ => return None,
    })
}

fn code_arg(vm: &mut Vm, a: &Args, i: usize) -> PyResult<(String, usize)> {
    let code = a.args.get(i).and_then(|v| v.as_str()).unwrap_or("").to_string();
    match code_size(&code) {
        Some(n) => Ok((code, n)),
        None => Err(vm.value_error(&format!("bad typecode (must be b, B, h, H, i, I, l, L, q, Q, f, d, c, u or ?): {code:?}"))),
    }
}

fn shm_get(vm: &mut Vm, a: Args) -> PyResult {
    let m = shm_self(vm, &a)?;
    let (code, n) = code_arg(vm, &a, 1)?;
    let off = int_arg(vm, &a, 2, "offset", "get")?;
    let off = span(vm, m, off, n)?;
    let mut b = [0u8; 8];
    // SAFETY: the range was checked to lie inside the mapping; `b` has room for 8 bytes.
    unsafe { std::ptr::copy_nonoverlapping(m.map.ptr.add(off), b.as_mut_ptr(), n) };
    let v = match code.as_str() {
        "b" => Value::Int(b[0] as i8 as i64),
        "B" => Value::Int(b[0] as i64),
        "?" => Value::Bool(b[0] != 0),
        "c" => crate::types::bytes::new_bytes(vec![b[0]]),
        "h" => Value::Int(i16::from_ne_bytes([b[0], b[1]]) as i64),
        "H" => Value::Int(u16::from_ne_bytes([b[0], b[1]]) as i64),
        "i" => Value::Int(i32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i64),
        "I" => Value::Int(u32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i64),
        "f" => Value::Float(f32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as f64),
        "u" => {
            let c = u32::from_ne_bytes([b[0], b[1], b[2], b[3]]);
            let s = char::from_u32(c).map(|c| c.to_string()).unwrap_or_default();
            vm.new_string(s)
        }
        "d" => Value::Float(f64::from_ne_bytes(b)),
        "l" | "q" | "n" => Value::Int(i64::from_ne_bytes(b)),
        _ => crate::stdlib::thread::int_from_u64(u64::from_ne_bytes(b)),
    };
    Ok(v)
}

fn int_in(vm: &mut Vm, v: &Value, lo: i128, hi: i128, code: &str) -> PyResult<i128> {
    let b = match v {
        Value::Float64(_) => return Err(vm.type_error("'float' object cannot be interpreted as an integer")),
        _ => crate::ops::index_value(vm, v)?,
    };
    use num_traits::ToPrimitive;
    match b.to_i128() {
        Some(x) if x >= lo && x <= hi => Ok(x),
        _ => {
            let msg = match code {
                "b" => "signed char is greater than maximum",
                "B" => "unsigned byte integer is greater than maximum",
                "h" => "signed short integer is greater than maximum",
                "H" => "unsigned short is greater than maximum",
                "i" => "signed integer is greater than maximum",
                "I" => "unsigned int is greater than maximum",
                _ => "Python int too large to convert to C long",
            };
            Err(vm.overflow_error(msg))
        }
    }
}

fn shm_set(vm: &mut Vm, a: Args) -> PyResult {
    let m = shm_self(vm, &a)?;
    let (code, n) = code_arg(vm, &a, 1)?;
    let off = int_arg(vm, &a, 2, "offset", "set")?;
    let Some(v) = a.args.get(3) else { return Err(vm.type_error("set() missing required argument 'value' (pos 3)")) };
    let bytes: Vec<u8> = match code.as_str() {
        "b" => (int_in(vm, v, i8::MIN as i128, i8::MAX as i128, "b")? as i8).to_ne_bytes().to_vec(),
        "B" => (int_in(vm, v, 0, u8::MAX as i128, "B")? as u8).to_ne_bytes().to_vec(),
        "?" => vec![vm.truthy(v)? as u8],
        "c" => match crate::types::bytes::bytes_like(v) {
            Some(b) if b.len() == 1 => b,
            _ => return Err(vm.type_error("one character bytes, bytearray or integer expected")),
        },
        "h" => (int_in(vm, v, i16::MIN as i128, i16::MAX as i128, "h")? as i16).to_ne_bytes().to_vec(),
        "H" => (int_in(vm, v, 0, u16::MAX as i128, "H")? as u16).to_ne_bytes().to_vec(),
        "i" => (int_in(vm, v, i32::MIN as i128, i32::MAX as i128, "i")? as i32).to_ne_bytes().to_vec(),
        "I" => (int_in(vm, v, 0, u32::MAX as i128, "I")? as u32).to_ne_bytes().to_vec(),
        "l" | "q" | "n" => (int_in(vm, v, i64::MIN as i128, i64::MAX as i128, "q")? as i64).to_ne_bytes().to_vec(),
        "L" | "Q" | "N" | "P" => (int_in(vm, v, 0, u64::MAX as i128, "Q")? as u64).to_ne_bytes().to_vec(),
        "f" => (crate::types::float::float_of(vm, v)? as f32).to_ne_bytes().to_vec(),
        "d" => crate::types::float::float_of(vm, v)?.to_ne_bytes().to_vec(),
        "u" => match v.as_str() {
            Some(s) if s.chars().count() == 1 => (s.chars().next().map(|c| c as u32).unwrap_or(0)).to_ne_bytes().to_vec(),
            _ => return Err(vm.type_error("array item must be unicode character")),
        },
        _ => return Err(vm.value_error("bad typecode")),
    };
    let off = span(vm, m, off, n)?;
    // SAFETY: the range was checked to lie inside the mapping; `bytes` holds n bytes.
    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), m.map.ptr.add(off), n) };
    Ok(Value::None)
}

fn shm_len(vm: &mut Vm, a: Args) -> PyResult {
    let m = shm_self(vm, &a)?;
    Ok(Value::Int(m.size as i64))
}

fn shm_getattr(vm: &mut Vm, a: Args) -> PyResult {
    let m = shm_self(vm, &a)?;
    let name = a.args.get(1).and_then(|v| v.as_str()).unwrap_or("").to_string();
    match name.as_str() {
        "size" => Ok(Value::Int(m.size as i64)),
        "handle" => Ok(Value::Int(m.map.fd as i64)),
        _ => Err(vm.attribute_error(&format!("'_multiprocessing.SharedMemory' object has no attribute '{name}'"))),
    }
}

fn typecode_size(vm: &mut Vm, a: Args) -> PyResult {
    let code = a.args.first().and_then(|v| v.as_str()).unwrap_or("").to_string();
    match code_size(&code) {
        Some(n) => Ok(Value::Int(n as i64)),
        None => Err(vm.value_error(&format!("bad typecode: {code:?}"))),
    }
}

pub fn create(vm: &mut Vm) -> ObjRef {
    let m = module_with(vm, "_multiprocessing", &[("typecode_size", typecode_size), ("sem_rebuild", sem_rebuild), ("shm_rebuild", shm_rebuild)]);
    // The constructors are plain functions named after their types.
    let s = crate::builtins::native_function("SemLock", sem_new, "_multiprocessing");
    set_attr(vm, &m, "SemLock", s);
    let s = crate::builtins::native_function("SharedMemory", shm_new, "_multiprocessing");
    set_attr(vm, &m, "SharedMemory", s);
    set_attr(vm, &m, "SemLockType", Value::Obj(semlock_type().clone()));
    set_attr(vm, &m, "SharedMemoryType", Value::Obj(shm_type().clone()));
    set_attr(vm, &m, "RECURSIVE_MUTEX", Value::Int(RECURSIVE_MUTEX));
    set_attr(vm, &m, "SEMAPHORE", Value::Int(SEMAPHORE));
    set_attr(vm, &m, "SEM_VALUE_MAX", Value::Int(SEM_VALUE_MAX));
    m
}
