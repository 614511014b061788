//! The type attribute cache: `lookup(type, name)` results (CPython's method cache).
//!
//! Resolving a name along an MRO probes one namespace dict per class, and most probes miss
//! (an instance attribute is looked up on the type first, for data descriptors). This cache
//! remembers the result, found or not, per (type, name).
//!
//! Validity: an entry records `TYPE_VERSION` as read *before* its lookup. The version is bumped
//! by every change to any class namespace (`DictData::set_type_namespace` dicts), by class
//! creation and by class destruction (`TypeData`'s `Drop`), so an entry whose version equals
//! the current one describes a type that is still alive with unchanged namespaces along its MRO.
//!
//! Entries hold *borrowed* values (no count): while the version is unchanged the value is kept
//! alive by the namespace it was found in. A hit clones it (taking a count) before returning.
//!
//! The cache is per thread (no lock). In free-threaded mode entries *own* a count of their value
//! instead (another thread could drop a borrowed value between a hit's check and its clone): a
//! class attribute replaced meanwhile stays alive until its entry is overwritten.

use crate::object::TYPE_VERSION;
use crate::value::Value;
use std::cell::UnsafeCell;
use std::mem::ManuallyDrop;
use std::sync::atomic::Ordering;

const SIZE: usize = 1024;

struct Entry {
    version: u64,
    ty: usize,
    /// `name_key(name)`.
    key: u64,
    name: Box<str>,
    /// Borrowed (see the module docs): never dropped through this field. Owned (one count) in
    /// free-threaded mode.
    value: ManuallyDrop<Option<Value>>,
}

thread_local! {
    /// Owned by the current thread only; accessed without re-entrancy (no Python code runs
    /// between a read of an entry and its use).
    static CACHE: UnsafeCell<Vec<Entry>> = const { UnsafeCell::new(Vec::new()) };
}

#[inline]
fn slot(ty: usize, key: u64) -> usize {
    ((ty >> 4) ^ (key as usize) ^ ((key >> 29) as usize)) & (SIZE - 1)
}

/// A cheap hash of a name (a few multiplies), so that a hit needs no SipHash of the name: the
/// callers with a static name (`lookup(ty, "__init__")`) have no cached str hash.
#[inline]
fn name_key(name: &str) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let b = name.as_bytes();
    let mut h = b.len() as u64;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    let rem = chunks.remainder();
    if !rem.is_empty() {
        let mut w = [0u8; 8];
        w[..rem.len()].copy_from_slice(rem);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    h
}

/// This thread's table (allocated on first use).
#[inline]
fn table() -> *mut Entry {
    CACHE.with(|c| {
        // SAFETY: thread-local; no other reference to the vector is live during this closure.
        let v = unsafe { &mut *c.get() };
        if v.is_empty() {
            v.reserve_exact(SIZE);
            for _ in 0..SIZE {
                v.push(Entry { version: 0, ty: 0, key: 0, name: Box::from(""), value: ManuallyDrop::new(None) });
            }
        }
        v.as_mut_ptr()
    })
}

/// `lookup` through the cache; `uncached` does the real MRO walk.
#[inline]
pub(crate) fn cached_lookup(ty: usize, name: &str, uncached: impl FnOnce() -> Option<Value>) -> Option<Value> {
    let version = TYPE_VERSION.load(Ordering::Relaxed);
    let key = name_key(name);
    let i = slot(ty, key);
    // SAFETY: the table has SIZE entries and is never resized after allocation; it is only
    // touched by this thread, and no reference into it is held across `uncached()`.
    let e = unsafe { &*table().add(i) };
    if e.version == version && e.ty == ty && e.key == key && &*e.name == name {
        return (*e.value).clone();
    }
    let r = uncached();
    // SAFETY: as above; `uncached` (which may itself use the cache) has returned.
    let e = unsafe { &mut *table().add(i) };
    e.version = version;
    e.ty = ty;
    e.key = key;
    if &*e.name != name {
        e.name = Box::from(name);
    }
    if crate::sync::free_threaded() {
        // Free-threaded: another thread could free a borrowed value between a hit's version
        // check and its clone, so entries own a count instead. The replaced value is dropped
        // after the last use of `e`.
        let old = std::mem::replace(&mut e.value, ManuallyDrop::new(r.clone()));
        drop(ManuallyDrop::into_inner(old));
        return r;
    }
    // The old borrowed value is simply forgotten (it holds no count).
    e.value = ManuallyDrop::new(borrow(&r));
    r
}

/// A bitwise copy of `v` that holds no count (see the module docs).
fn borrow(v: &Option<Value>) -> Option<Value> {
    // SAFETY: the copy is wrapped in ManuallyDrop by the caller and only ever cloned (never
    // dropped) while the version guarantees the original is alive.
    v.as_ref().map(|x| unsafe { std::ptr::read(x) })
}

/// Entries of the class-instantiation cache.
const INIT_SIZE: usize = 64;

struct InitEntry {
    version: u64,
    ty: usize,
    /// Borrowed, as `Entry::value`.
    init: ManuallyDrop<Option<Value>>,
}

thread_local! {
    /// The instantiation cache of this thread (GIL mode only); accessed without re-entrancy.
    static INIT_CACHE: UnsafeCell<Vec<InitEntry>> = const { UnsafeCell::new(Vec::new()) };
}

/// The `__init__` function a call of class `ty` may run directly (see `Vm::try_fast_init`),
/// cached per (type, `TYPE_VERSION`); `compute` decides it from the class's namespaces and
/// runs no Python code. Free-threaded: not cached (an entry could not borrow safely).
pub(crate) fn cached_init(ty: usize, compute: impl FnOnce() -> Option<Value>) -> Option<Value> {
    if crate::sync::free_threaded() {
        return compute();
    }
    let version = TYPE_VERSION.load(Ordering::Relaxed);
    let i = (ty >> 4) & (INIT_SIZE - 1);
    let hit = INIT_CACHE.with(|c| {
        // SAFETY: thread-local; no other reference to the vector is live during this closure.
        let v = unsafe { &mut *c.get() };
        if v.is_empty() {
            v.extend((0..INIT_SIZE).map(|_| InitEntry { version: 0, ty: 0, init: ManuallyDrop::new(None) }));
        }
        let e = &v[i];
        (e.version == version && e.ty == ty).then(|| (*e.init).clone())
    });
    if let Some(r) = hit {
        return r;
    }
    let r = compute();
    INIT_CACHE.with(|c| {
        // SAFETY: as above; `compute` has returned.
        let v = unsafe { &mut *c.get() };
        if let Some(e) = v.get_mut(i) {
            e.version = version;
            e.ty = ty;
            // The old borrowed value holds no count: it is simply overwritten.
            e.init = ManuallyDrop::new(borrow(&r));
        }
    });
    r
}
