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
    /// object, the references found from other scanned objects, and flag bits.
    pub scratch_refs: Vec<u32>,
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

/// Start tracking a new object.
#[inline(never)]
pub fn track(p: NonNull<Obj>) {
    let mut g = REGISTRY.lock();
    let r = &mut g.0;
    let i = r.objs.len();
    if i >= r.objs.capacity() {
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

/// Stop tracking an object being freed.
#[inline]
pub fn untrack(obj: &Obj) {
    let mut g = REGISTRY.lock();
    let r = &mut g.0;
    let i = obj.gc_idx.load(Ordering::Relaxed) as usize;
    if i == 0 {
        return;
    }
    obj.gc_idx.store(0, Ordering::Relaxed);
    if i == r.objs.len() {
        r.objs.pop();
        let n = r.objs.len();
        for b in &mut r.bounds {
            if *b > n {
                *b = n;
            }
        }
    } else {
        r.objs[i - 1] = std::ptr::null();
        r.holes += 1;
    }
    r.count[0] = r.count[0].saturating_sub(1);
}

impl Registry {
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

    /// Index in `objs` of the tracked object `p`, if it lies in `start..`.
    #[inline(always)]
    pub fn index_from(&self, p: *const Obj, start: usize) -> Option<usize> {
        // SAFETY: `p` is a counted reference held by a live object being traversed.
        let i = unsafe { (*p).gc_idx.load(Ordering::Relaxed) } as usize;
        if i == 0 || i - 1 < start {
            return None;
        }
        Some(i - 1)
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
