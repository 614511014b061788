//! The registry of objects the cycle collector tracks (CPython's generation lists).
//!
//! A tracked object is an entry of [`Registry::objs`]; its header (`Obj::gc_idx`) holds its
//! index plus one (0 = not tracked). Tracking happens once, when the object is allocated
//! (`ObjRef::new`, for the payloads that can hold references: see [`may_cycle`]), untracking
//! when it is freed (`ptr::dealloc`): a push, and a store of null into the slot (or a pop when
//! the object was the last one, the common case for short-lived objects). Holes are squeezed
//! out by [`Registry::compact`] when they make up half the vector (amortised O(1)).
//!
//! Generations are ranges of the vector, oldest first: `[permanent | gen 2 | gen 1 | gen 0]`,
//! the boundaries in [`Registry::bounds`]. New objects are appended to gen 0; collecting a
//! generation scans it and every younger one and promotes the survivors by moving boundaries.
//!
//! Lock: [`REGISTRY`] is a `PyCell`. In GIL mode the GIL serialises every allocation and
//! deallocation (no Python object is touched without it), so the cell is a borrow flag; with
//! `-X gil=0` it is a real mutex, taken for each push, removal and collection scan. Nothing
//! is allocated, freed or run while it is held.

use crate::object::{Obj, Payload};
use crate::sync::PyCell;
use std::ptr::NonNull;
use std::sync::atomic::Ordering;

pub struct Registry {
    /// Tracked objects, oldest first; null marks a hole left by a freed object.
    pub objs: Vec<*const Obj>,
    /// Number of null entries in `objs`.
    holes: usize,
    /// Start of gen 2 (the permanent generation of `gc.freeze()` is before it), of gen 1 and
    /// of gen 0. Always `bounds[0] <= bounds[1] <= bounds[2] <= objs.len()`.
    pub bounds: [usize; 3],
    /// CPython's generation counts: gen 0 counts allocations minus deallocations of tracked
    /// objects since the last collection, gen 1 and gen 2 the collections of the generation
    /// below since their own last collection.
    pub count: [usize; 3],
    pub threshold: [i32; 3],
    /// The gen-0 count at which `track` leaves its fast path: `threshold[0]` while an
    /// automatic collection may be requested, `usize::MAX` otherwise (see `update_trigger`).
    pub trigger: usize,
    /// `gc.enable()` / `gc.disable()`: automatic collection on or off.
    pub enabled: bool,
    /// An automatic collection has been requested through an eval breaker and not run yet.
    pub pending: bool,
    /// Survivors of the last full collection, and survivors of gen 1 collections promoted to
    /// gen 2 since: a full collection runs only when the latter exceed a quarter of the former
    /// (CPython's rule that keeps the total cost linear in the number of allocations).
    pub long_lived_total: usize,
    pub long_lived_pending: usize,
    /// Scratch space of a collection (kept to avoid reallocating it each time): per scanned
    /// object, its `gc_refs` (count minus references from other scanned objects), and flag bits.
    pub scratch_refs: Vec<isize>,
    pub scratch_flags: Vec<u8>,
}

/// A registry shared by all threads: see the module documentation for its lock.
pub struct Shared(pub Registry);
// SAFETY: the raw pointers are tracked live objects, which are shared between threads anyway
// (ObjRef is Send); the registry is only used under its PyCell (see the module documentation).
unsafe impl Send for Shared {}

pub static REGISTRY: PyCell<Shared> = PyCell::new(Shared(Registry {
    objs: Vec::new(),
    holes: 0,
    bounds: [0; 3],
    count: [0; 3],
    threshold: [700, 10, 10],
    trigger: 700,
    enabled: true,
    pending: false,
    long_lived_total: 0,
    long_lived_pending: 0,
    scratch_refs: Vec::new(),
    scratch_flags: Vec::new(),
}));

/// Eval-breaker bit: an automatic collection is due (set by the allocating thread).
pub const BREAK_GC: u32 = 8;

/// Can an object with this payload be part of a reference cycle (hold counted references to
/// other objects that could refer back)? Objects created with an instance dict are tracked too.
#[inline(always)]
pub fn may_cycle(p: &Payload) -> bool {
    match p {
        Payload::Instance(_)
        | Payload::Tuple(_)
        | Payload::List(_)
        | Payload::Deque(_)
        | Payload::Dict(_)
        | Payload::Set(_)
        | Payload::FrozenSet(_)
        | Payload::Type(_)
        | Payload::Function(_)
        | Payload::Method { .. }
        | Payload::Cell(_)
        | Payload::Module
        | Payload::Generator(_)
        | Payload::Coroutine(_)
        | Payload::Exception(_)
        | Payload::Traceback(_)
        | Payload::Iter(_)
        | Payload::Property { .. }
        | Payload::StaticMethod(_)
        | Payload::ClassMethod(_)
        | Payload::Super { .. }
        | Payload::DictView { .. } => true,
        Payload::Builtin { bound, .. } => bound.is_some(),
        Payload::Native(n) => n.is::<crate::object::weak::WeakRefData>(),
        _ => false,
    }
}

/// Start tracking a new object. The hot path (GIL mode, room in the vector, under the
/// threshold) is a push, a header store and a count: everything else is out of line.
#[inline(always)]
pub fn track(p: NonNull<Obj>) {
    if crate::sync::free_threaded() {
        return track_slow(p);
    }
    let mut g = REGISTRY.lock_gil();
    let r = &mut g.0;
    let i = r.objs.len();
    if i == r.objs.capacity() || r.count[0] >= r.trigger {
        drop(g);
        return track_slow(p);
    }
    r.objs.push(p.as_ptr());
    // SAFETY: `p` is the object being allocated, fully initialised.
    unsafe { p.as_ref() }.gc_idx.store(i as u32 + 1, Ordering::Relaxed);
    r.count[0] += 1;
}

/// `track` when the vector must grow, a collection may be due, or with `-X gil=0`.
#[inline(never)]
fn track_slow(p: NonNull<Obj>) {
    let mut g = REGISTRY.lock();
    let r = &mut g.0;
    if r.objs.len() == r.objs.capacity() {
        r.grow();
        if r.objs.len() >= u32::MAX as usize - 1 {
            return; // not tracked: it can only leak, never be freed early
        }
    }
    let i = r.objs.len();
    r.objs.push(p.as_ptr());
    // SAFETY: `p` is the object being allocated, fully initialised.
    unsafe { p.as_ref() }.gc_idx.store(i as u32 + 1, Ordering::Relaxed);
    r.count[0] += 1;
    if r.count[0] as i64 > r.threshold[0] as i64 {
        r.threshold_reached();
    }
}

/// Stop tracking an object being freed (`i`: its `gc_idx`, not 0). The common cases (GIL
/// mode) are a store of null into its slot, or a pop when it is the newest object.
#[inline(always)]
pub fn untrack(obj: &Obj, i: u32) {
    if crate::sync::free_threaded() {
        return untrack_slow(obj);
    }
    let mut g = REGISTRY.lock_gil();
    let r = &mut g.0;
    let i = i as usize;
    obj.gc_idx.store(0, Ordering::Relaxed);
    r.count[0] = r.count[0].saturating_sub(1);
    if i == r.objs.len() {
        r.objs.pop();
        if r.bounds[2] > i - 1 {
            r.clip_bounds();
        }
    } else if let Some(slot) = r.objs.get_mut(i - 1) {
        *slot = std::ptr::null();
        r.holes += 1;
    }
}

/// `untrack` with `-X gil=0` (the index is read again under the lock).
#[inline(never)]
fn untrack_slow(obj: &Obj) {
    let mut g = REGISTRY.lock();
    let r = &mut g.0;
    let i = obj.gc_idx.load(Ordering::Relaxed) as usize;
    if i == 0 {
        return;
    }
    obj.gc_idx.store(0, Ordering::Relaxed);
    r.count[0] = r.count[0].saturating_sub(1);
    if i == r.objs.len() {
        r.objs.pop();
        r.clip_bounds();
    } else if let Some(slot) = r.objs.get_mut(i - 1) {
        *slot = std::ptr::null();
        r.holes += 1;
    }
}

impl Registry {
    /// The newest object left: no generation boundary may lie past the end.
    #[cold]
    fn clip_bounds(&mut self) {
        let n = self.objs.len();
        for b in &mut self.bounds {
            if *b > n {
                *b = n;
            }
        }
    }

    /// Recompute `trigger` after a change of the threshold, `enabled` or `pending`.
    pub fn update_trigger(&mut self) {
        self.trigger = if self.threshold[0] != 0 && self.enabled && !self.pending { self.threshold[0].max(0) as usize } else { usize::MAX };
    }

    /// The vector is full: squeeze out the holes if they are many, else let it grow.
    #[cold]
    fn grow(&mut self) {
        if self.holes > 1024 && self.holes * 2 > self.objs.len() {
            self.compact();
        }
        if self.objs.len() == self.objs.capacity() {
            self.objs.reserve(self.objs.len().max(1024));
        }
    }

    /// Gen 0 is over its threshold: ask the eval loop of this thread for a collection.
    #[cold]
    fn threshold_reached(&mut self) {
        if self.threshold[0] != 0 && self.enabled && !self.pending {
            self.pending = crate::object::ptr::signal_breaker(BREAK_GC);
            self.update_trigger();
        }
    }

    /// Remove the holes, keeping the order and the generation boundaries.
    pub fn compact(&mut self) {
        let old = self.bounds;
        let mut nb = [0usize; 3];
        let mut seg = 0;
        let mut w = 0;
        for r in 0..self.objs.len() {
            while seg < 3 && old[seg] == r {
                nb[seg] = w;
                seg += 1;
            }
            let p = self.objs[r];
            if !p.is_null() {
                self.objs[w] = p;
                // SAFETY: a non-null entry is a live tracked object (it leaves the registry,
                // under this lock, before its memory is freed).
                unsafe { (*p).gc_idx.store(w as u32 + 1, Ordering::Relaxed) };
                w += 1;
            }
        }
        while seg < 3 {
            nb[seg] = w;
            seg += 1;
        }
        self.objs.truncate(w);
        self.holes = 0;
        self.bounds = nb;
    }

    /// Number of live objects in `objs[a..b]`.
    pub fn live_in(&self, a: usize, b: usize) -> usize {
        self.objs[a..b].iter().filter(|p| !p.is_null()).count()
    }
}

/// Is the object tracked by the collector (`gc.is_tracked`)?
pub fn is_tracked(obj: &Obj) -> bool {
    obj.gc_idx.load(Ordering::Relaxed) != 0
}
