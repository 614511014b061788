//! `ObjRef`: the counted pointer to a heap object, and the object header.
//!
//! Every heap object is one allocation holding an [`Obj`]: a reference count, its class, an
//! optional instance `__dict__`, and a [`Payload`] (the layout its class's base builtin gives
//! it: a list's items, a str's text, a function's code ...).
//!
//! Counting follows CPython: cloning an `ObjRef` increments, dropping decrements, and at zero the
//! object is freed at once. Two refinements:
//! * `__del__`: if the class defines it, the object is resurrected (count back to 1), marked
//!   finalized and queued; the eval loop runs the queued finalizers at its next check of the
//!   eval breaker (the next call, jump or store), then drops the last reference for good.
//! * The "trashcan": freeing a long chain (`a = [a]` a million times) would recurse once per
//!   link on the Rust stack. Past a depth bound, frees are queued and drained iteratively by the
//!   outermost free.
//!
//! Immortal objects (builtin types, None-like singletons, interned strings) start with a count
//! so large it never reaches zero.

use super::Payload;
use crate::sync::{rc_dec, rc_inc};
use std::cell::{Cell, RefCell};
use std::ptr::NonNull;
use std::sync::atomic::{AtomicU32, AtomicU8, AtomicUsize, Ordering};
use std::sync::OnceLock;

/// Count given to immortal objects.
pub const IMMORTAL: usize = 1 << 60;

/// Header flag: `__del__` already ran.
const FINALIZED: u8 = 1;
/// Header flag: the header dict holds `__slots__` values, it is not a `__dict__`.
const SLOT_STORAGE: u8 = 2;
/// Header flag: weak references to the object were made (see `object::weak`); its
/// deallocation clears them. Objects never weakly referenced pay one bit test.
const WEAKLY_REFERENCED: u8 = 4;

pub struct Obj {
    rc: AtomicUsize,
    flags: AtomicU8,
    /// Index + 1 of the object in the cycle collector's registry, 0 when not tracked (see
    /// `gc::registry`; read and written under the registry's lock, except the test for 0).
    pub(crate) gc_idx: AtomicU32,
    /// The object's class (a type object). Immutable after creation.
    pub cls: ObjRef,
    /// Instance `__dict__`, created on first need for objects that have one.
    pub dict: OnceLock<ObjRef>,
    pub payload: Payload,
}

/// A counted reference to a heap object.
pub struct ObjRef(NonNull<Obj>);

// SAFETY: objects are shared between threads. Counts are manipulated either under the GIL or
// atomically (free-threaded mode, see `sync`); mutable payload state sits behind `PyCell`.
unsafe impl Send for ObjRef {}
// SAFETY: as above.
unsafe impl Sync for ObjRef {}

impl ObjRef {
    /// Allocate a new object with count 1.
    /// Objects that can hold references to others are tracked by the cycle collector.
    #[inline(always)]
    pub fn new(cls: ObjRef, payload: Payload) -> ObjRef {
        let track = crate::gc::registry::may_cycle(&payload);
        let o = ObjRef::new_untracked(cls, payload);
        if track {
            crate::gc::registry::track(o.0);
        }
        o
    }

    #[inline(always)]
    fn new_untracked(cls: ObjRef, payload: Payload) -> ObjRef {
        let b = Box::new(Obj { rc: AtomicUsize::new(1), flags: AtomicU8::new(0), gc_idx: AtomicU32::new(0), cls, dict: OnceLock::new(), payload });
        ObjRef(NonNull::from(Box::leak(b)))
    }

    /// Allocate with an instance dict already attached (tracked by the cycle collector
    /// whatever its payload: the dict can lead back to it).
    pub fn new_with_dict(cls: ObjRef, payload: Payload, dict: ObjRef) -> ObjRef {
        let o = ObjRef::new(cls, payload);
        let _ = o.dict.set(dict);
        if o.gc_idx.load(Ordering::Relaxed) == 0 {
            crate::gc::registry::track(o.0);
        }
        o
    }

    /// A new counted reference to the object at `p`.
    ///
    /// # Safety
    /// `p` must be a live object (count above zero) that cannot be freed meanwhile: the
    /// collector calls this for tracked objects while it holds the registry's lock.
    pub(crate) unsafe fn from_ptr(p: *const Obj) -> ObjRef {
        // SAFETY: per the contract the object is alive and `p` is non-null.
        let nn = unsafe { NonNull::new_unchecked(p as *mut Obj) };
        // SAFETY: as above.
        rc_inc(unsafe { &nn.as_ref().rc });
        ObjRef(nn)
    }

    /// Is the object's `__del__` already run (or being run)?
    pub fn is_finalized(&self) -> bool {
        self.flags.load(Ordering::Relaxed) & FINALIZED != 0
    }

    /// Has the object ever been weakly referenced?
    pub fn is_weakly_referenced(&self) -> bool {
        self.flags.load(Ordering::Relaxed) & WEAKLY_REFERENCED != 0
    }

    /// Allocate an instance of a class with `__slots__` and no `__dict__`: the header dict
    /// holds the slot values (read and written only by member descriptors).
    pub fn new_with_slots(cls: ObjRef, payload: Payload, storage: ObjRef) -> ObjRef {
        let o = ObjRef::new_with_dict(cls, payload, storage);
        o.flags.fetch_or(SLOT_STORAGE, Ordering::Relaxed);
        o
    }

    /// Mark the object's `__del__` as run (PEP 442: at most once); false if it already was.
    pub fn mark_finalized(&self) -> bool {
        self.flags.fetch_or(FINALIZED, Ordering::Relaxed) & FINALIZED == 0
    }

    /// Note that weak references to the object exist (`object::weak` keeps them).
    pub fn mark_weakly_referenced(&self) {
        self.flags.fetch_or(WEAKLY_REFERENCED, Ordering::Relaxed);
    }

    /// Does the header dict hold slot values rather than a `__dict__`?
    #[inline(always)]
    pub fn has_slot_storage(&self) -> bool {
        self.flags.load(Ordering::Relaxed) & SLOT_STORAGE != 0
    }

    /// A new reference to the object at `addr` if it is still alive (count above zero).
    ///
    /// # Safety
    /// `addr` must come from `id()` of an object whose memory cannot be freed while this runs:
    /// the caller holds the lock that the object's deallocation takes before freeing it (the
    /// weak subclass lists of types, see `object::unregister_subclass`).
    pub unsafe fn upgrade(addr: usize) -> Option<ObjRef> {
        let ptr = NonNull::new(addr as *mut Obj)?;
        // SAFETY: per the contract the allocation is still there (possibly with count 0).
        let rc = unsafe { &ptr.as_ref().rc };
        if crate::sync::free_threaded() {
            let mut n = rc.load(Ordering::Acquire);
            loop {
                if n == 0 {
                    return None;
                }
                match rc.compare_exchange_weak(n, n + 1, Ordering::AcqRel, Ordering::Acquire) {
                    Ok(_) => return Some(ObjRef(ptr)),
                    Err(m) => n = m,
                }
            }
        }
        let n = rc.load(Ordering::Relaxed);
        if n == 0 {
            return None;
        }
        rc.store(n + 1, Ordering::Relaxed);
        Some(ObjRef(ptr))
    }

    /// Allocate an object that is never freed.
    pub fn new_immortal(cls: ObjRef, payload: Payload) -> ObjRef {
        let o = ObjRef::new_untracked(cls, payload);
        o.rc.store(IMMORTAL, Ordering::Relaxed);
        o
    }

    /// Bootstrap: an object whose class is itself (the `type` type). Immortal.
    pub fn new_self_typed(payload: Payload) -> ObjRef {
        let layout = std::alloc::Layout::new::<Obj>();
        // SAFETY: layout is non-zero-sized; we fully initialise the allocation below before
        // creating any reference to it.
        let raw = unsafe { std::alloc::alloc(layout) } as *mut Obj;
        let Some(nn) = NonNull::new(raw) else { std::alloc::handle_alloc_error(layout) };
        let me = ObjRef(nn);
        // SAFETY: `raw` is a fresh, properly aligned allocation for an `Obj`; `ptr::write` does
        // not read the uninitialised memory. `cls` is a second counted pointer to the same
        // allocation (the type is its own class); the count makes it immortal.
        unsafe {
            std::ptr::write(raw, Obj { rc: AtomicUsize::new(IMMORTAL), flags: AtomicU8::new(0), gc_idx: AtomicU32::new(0), cls: ObjRef(nn), dict: OnceLock::new(), payload });
        }
        me
    }

    #[inline(always)]
    pub fn as_ptr(&self) -> *const Obj {
        self.0.as_ptr()
    }

    #[inline(always)]
    pub fn is(&self, other: &ObjRef) -> bool {
        self.0 == other.0
    }

    /// Current reference count (what `sys.getrefcount` reports, before its own argument).
    pub fn refcount(&self) -> usize {
        self.rc.load(Ordering::Relaxed)
    }

    pub fn id(&self) -> usize {
        self.0.as_ptr() as usize
    }

    /// Make this object immortal (interned strings, module-level singletons).
    pub fn make_immortal(&self) {
        self.rc.store(IMMORTAL, Ordering::Relaxed);
    }
}

impl ObjRef {
    /// `clone()` in GIL mode, for a caller that has just seen `free_threaded()` false.
    #[inline(always)]
    pub fn clone_gil(&self) -> ObjRef {
        crate::sync::rc_inc_gil(&self.rc);
        ObjRef(self.0)
    }

    /// `drop()` in GIL mode, for a caller that has just seen `free_threaded()` false.
    #[inline(always)]
    pub fn drop_gil(self) {
        let me = std::mem::ManuallyDrop::new(self);
        if crate::sync::rc_dec_gil(&me.rc) {
            dealloc(me.0);
        }
    }
}

impl Obj {
    /// The reference count (for the cycle collector, which sees objects through raw pointers).
    pub(crate) fn refcount_raw(&self) -> usize {
        self.rc.load(Ordering::Relaxed)
    }
}

impl std::ops::Deref for ObjRef {
    type Target = Obj;
    #[inline(always)]
    fn deref(&self) -> &Obj {
        // SAFETY: an ObjRef holds a count, so the allocation is alive while it exists.
        unsafe { self.0.as_ref() }
    }
}

impl Clone for ObjRef {
    #[inline(always)]
    fn clone(&self) -> Self {
        rc_inc(&self.rc);
        ObjRef(self.0)
    }
}

impl Drop for ObjRef {
    #[inline(always)]
    fn drop(&mut self) {
        if rc_dec(&self.rc) {
            dealloc(self.0);
        }
    }
}

impl std::fmt::Debug for ObjRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<obj {:p}>", self.0.as_ptr())
    }
}

/// Frees deeper than this are queued instead of recursing.
const TRASHCAN_DEPTH: u32 = 200;

thread_local! {
    static FREE_DEPTH: Cell<u32> = const { Cell::new(0) };
    static DEFERRED: RefCell<Vec<NonNull<Obj>>> = const { RefCell::new(Vec::new()) };
    static FINALIZE: RefCell<Vec<ObjRef>> = const { RefCell::new(Vec::new()) };
    /// The eval breaker of the thread's VM, set while a VM runs on this thread.
    static BREAKER: Cell<*const AtomicU32> = const { Cell::new(std::ptr::null()) };
}

/// Eval-breaker bit: finalizers are queued.
pub const BREAK_FINALIZERS: u32 = 1;

pub fn set_thread_breaker(b: *const AtomicU32) {
    BREAKER.with(|c| c.set(b));
}

/// Set `bit` in the eval breaker of the VM running on this thread; false if there is none.
pub fn signal_breaker(bit: u32) -> bool {
    BREAKER.with(|b| {
        let p = b.get();
        if p.is_null() {
            return false;
        }
        // SAFETY: the pointer is set by the VM running on this thread and cleared before that
        // VM (and its breaker) is dropped.
        unsafe { (*p).fetch_or(bit, Ordering::Relaxed) };
        true
    })
}

/// Queue an object for the VM's finalizer pass: a weak reference whose callback is due
/// (`object::weak`), run at the next eval-breaker check like `__del__`.
pub fn queue_finalizer(o: ObjRef) {
    FINALIZE.with(|f| f.borrow_mut().push(o));
    BREAKER.with(|b| {
        let p = b.get();
        if !p.is_null() {
            // SAFETY: the pointer is set by the VM running on this thread and cleared
            // before that VM (and its breaker) is dropped.
            unsafe { (*p).fetch_or(BREAK_FINALIZERS, Ordering::Relaxed) };
        }
    });
}

/// Take the queued finalizable objects (the VM calls their `__del__`).
pub fn take_finalizers() -> Vec<ObjRef> {
    FINALIZE.with(|f| std::mem::take(&mut *f.borrow_mut()))
}

/// At thread end, after the thread's last `run_finalizers` (GIL held): an object queued for
/// `__del__` after that point (none in practice) is kept alive forever rather than freed later
/// by the thread-local destructor, which runs without the GIL.
pub fn forget_thread_queues() {
    for o in take_finalizers() {
        std::mem::forget(o);
    }
}

#[cold]
fn dealloc(ptr: NonNull<Obj>) {
    // SAFETY: the count just reached zero: we are the only owner.
    let obj = unsafe { ptr.as_ref() };
    if obj.flags.load(Ordering::Relaxed) & FINALIZED == 0 && super::has_finalizer(obj) {
        obj.flags.fetch_or(FINALIZED, Ordering::Relaxed);
        obj.rc.store(1, Ordering::Relaxed);
        FINALIZE.with(|f| f.borrow_mut().push(ObjRef(ptr)));
        BREAKER.with(|b| {
            let p = b.get();
            if !p.is_null() {
                // SAFETY: the pointer is set by the VM running on this thread and cleared
                // before that VM (and its breaker) is dropped.
                unsafe { (*p).fetch_or(BREAK_FINALIZERS, Ordering::Relaxed) };
            }
        });
        return;
    }
    let gc_idx = obj.gc_idx.load(Ordering::Relaxed);
    if gc_idx != 0 {
        crate::gc::registry::untrack(obj, gc_idx);
    }
    if obj.flags.load(Ordering::Relaxed) & WEAKLY_REFERENCED != 0 {
        // after `__del__` (which still sees live weak references, as in CPython)
        super::weak::referent_dies(ptr.as_ptr() as usize);
    }
    let depth = FREE_DEPTH.with(|d| d.get());
    if depth >= TRASHCAN_DEPTH {
        DEFERRED.with(|q| q.borrow_mut().push(ptr));
        return;
    }
    FREE_DEPTH.with(|d| d.set(depth + 1));
    // SAFETY: the allocation came from `Box::new` in `ObjRef::new` and nobody else holds it.
    let mut b = unsafe { Box::from_raw(ptr.as_ptr()) };
    super::before_free(&mut b, ptr.as_ptr() as usize);
    drop(b);
    FREE_DEPTH.with(|d| d.set(depth));
    if depth == 0 {
        loop {
            let next = DEFERRED.with(|q| q.borrow_mut().pop());
            let Some(p) = next else { break };
            FREE_DEPTH.with(|d| d.set(1));
            // SAFETY: queued pointers are objects whose count reached zero and were not freed.
            let mut b = unsafe { Box::from_raw(p.as_ptr()) };
            super::before_free(&mut b, p.as_ptr() as usize);
            drop(b);
            FREE_DEPTH.with(|d| d.set(0));
        }
    }
}
