//! The one module that hides the choice between GIL mode and free-threaded mode (`-X gil=0`).
//!
//! * Reference counts: under the GIL only the thread holding it touches counts, so increments
//!   are a plain load + store of an atomic (no `lock` prefix); free-threaded mode uses atomic
//!   read-modify-write.
//! * [`PyCell`]: the per-object lock of every mutable container (list, dict, set, instance
//!   `__dict__`, cells). In GIL mode the GIL already serialises all access, so `lock()` is a
//!   borrow flag check; in free-threaded mode it is a real mutex (parking_lot's one-byte raw
//!   mutex), as free-threaded CPython's per-object critical sections.
//!
//! Rule for callers: never call back into Python code while holding a `PyCell` guard (copy the
//! values out first). In GIL mode a violation is detected and panics in debug builds.

use parking_lot::lock_api::RawMutex as _;
use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Set once at start-up, before any thread exists, from `-X gil=0`.
static FREE_THREADED: AtomicBool = AtomicBool::new(false);

pub fn set_free_threaded(on: bool) {
    FREE_THREADED.store(on, Ordering::Relaxed);
}

#[inline(always)]
pub fn free_threaded() -> bool {
    FREE_THREADED.load(Ordering::Relaxed)
}

/// Counts at or above this are immortal (`object::ptr::IMMORTAL` is 2^60; under the GIL their
/// counts still move a little, free-threaded they are left alone).
const IMMORTAL_FLOOR: usize = 1 << 59;

/// Increment a reference count.
#[inline(always)]
pub fn rc_inc(rc: &AtomicUsize) {
    if free_threaded() {
        // Immortal objects (types, None-like singletons, interned strings) are shared by every
        // thread: skipping their counts avoids an atomic RMW on the hottest cache lines.
        if rc.load(Ordering::Relaxed) < IMMORTAL_FLOOR {
            rc.fetch_add(1, Ordering::Relaxed);
        }
    } else {
        rc.store(rc.load(Ordering::Relaxed).wrapping_add(1), Ordering::Relaxed);
    }
}

/// Decrement a reference count; returns true when it reached zero.
#[inline(always)]
pub fn rc_dec(rc: &AtomicUsize) -> bool {
    if free_threaded() {
        rc.load(Ordering::Relaxed) < IMMORTAL_FLOOR && rc.fetch_sub(1, Ordering::AcqRel) == 1
    } else {
        let n = rc.load(Ordering::Relaxed).wrapping_sub(1);
        rc.store(n, Ordering::Relaxed);
        n == 0
    }
}

/// `rc_inc` for a caller that has just seen `free_threaded()` false (GIL mode, fixed for the
/// process's life): the mode is not tested again. The inline-cache hits of the eval loop use
/// these `*_gil` forms so that one mode test covers the entry, the object's cell and the counts.
#[inline(always)]
pub fn rc_inc_gil(rc: &AtomicUsize) {
    debug_assert!(!free_threaded());
    rc.store(rc.load(Ordering::Relaxed).wrapping_add(1), Ordering::Relaxed);
}

/// `rc_dec` in GIL mode (see `rc_inc_gil`); returns true when the count reached zero.
#[inline(always)]
pub fn rc_dec_gil(rc: &AtomicUsize) -> bool {
    debug_assert!(!free_threaded());
    let n = rc.load(Ordering::Relaxed).wrapping_sub(1);
    rc.store(n, Ordering::Relaxed);
    n == 0
}

/// A value behind a per-object lock. See the module documentation.
pub struct PyCell<T> {
    raw: parking_lot::RawMutex,
    /// GIL mode: set while a guard is alive (re-entrancy detector).
    borrowed: AtomicBool,
    data: UnsafeCell<T>,
}

// SAFETY: access to `data` goes through `lock()`, which either holds the raw mutex (free-threaded)
// or relies on the GIL, which serialises every thread that can reach this object.
unsafe impl<T: Send> Sync for PyCell<T> {}
// SAFETY: the cell owns its data; moving it between threads moves the data.
unsafe impl<T: Send> Send for PyCell<T> {}

impl<T> PyCell<T> {
    pub const fn new(v: T) -> Self {
        PyCell { raw: parking_lot::RawMutex::INIT, borrowed: AtomicBool::new(false), data: UnsafeCell::new(v) }
    }

    #[inline]
    pub fn lock(&self) -> PyGuard<'_, T> {
        let locked = free_threaded();
        if locked {
            self.raw.lock();
        } else {
            debug_assert!(!self.borrowed.load(Ordering::Relaxed), "PyCell re-entered while borrowed");
            if cfg!(debug_assertions) {
                self.borrowed.store(true, Ordering::Relaxed);
            }
        }
        PyGuard { cell: self, locked }
    }

    /// `lock()` for a caller that has just seen `free_threaded()` false (see `rc_inc_gil`).
    #[inline(always)]
    pub fn lock_gil(&self) -> PyGuard<'_, T> {
        debug_assert!(!free_threaded());
        debug_assert!(!self.borrowed.load(Ordering::Relaxed), "PyCell re-entered while borrowed");
        if cfg!(debug_assertions) {
            self.borrowed.store(true, Ordering::Relaxed);
        }
        PyGuard { cell: self, locked: false }
    }

    /// The lock if it is free (the cycle collector inspects objects this way: one it cannot
    /// lock counts as reachable). In GIL mode a cell is only ever "held" up the caller's own
    /// stack, which debug builds detect; release builds always succeed.
    #[inline]
    pub fn try_lock(&self) -> Option<PyGuard<'_, T>> {
        let locked = free_threaded();
        if locked {
            if !self.raw.try_lock() {
                return None;
            }
        } else if cfg!(debug_assertions) {
            if self.borrowed.load(Ordering::Relaxed) {
                return None;
            }
            self.borrowed.store(true, Ordering::Relaxed);
        }
        Some(PyGuard { cell: self, locked })
    }

    /// Mutable access without locking, through exclusive ownership.
    pub fn get_mut(&mut self) -> &mut T {
        self.data.get_mut()
    }

    pub fn into_inner(self) -> T {
        self.data.into_inner()
    }
}

pub struct PyGuard<'a, T> {
    cell: &'a PyCell<T>,
    locked: bool,
}

impl<T> std::ops::Deref for PyGuard<'_, T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: the guard proves exclusive access (mutex held, or GIL held with no other guard).
        unsafe { &*self.cell.data.get() }
    }
}

impl<T> std::ops::DerefMut for PyGuard<'_, T> {
    #[inline]
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: as in `deref`; the guard is unique.
        unsafe { &mut *self.cell.data.get() }
    }
}

impl<T> Drop for PyGuard<'_, T> {
    #[inline]
    fn drop(&mut self) {
        if self.locked {
            // SAFETY: this guard acquired the raw mutex in `lock()`.
            unsafe { self.cell.raw.unlock() };
        } else if cfg!(debug_assertions) {
            self.cell.borrowed.store(false, Ordering::Relaxed);
        }
    }
}
