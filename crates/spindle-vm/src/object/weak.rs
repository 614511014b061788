//! Weak references (`_weakref.ref`): the table from a referent to the weak references to it.
//!
//! A weak reference object carries [`WeakRefData`]: the referent's address (0 once the referent
//! died) and the optional callback. [`TABLE`] maps a referent's address to the addresses of its
//! weak reference objects, oldest first. An object gets the header flag `WEAKLY_REFERENCED`
//! when its first weak reference is made; only such objects look into the table when they are
//! freed (`ptr::dealloc` calls [`referent_dies`] after `__del__` ran and before the memory
//! goes): every weak reference to it is marked dead, and those with a callback are queued for
//! the VM's finalizer pass (`Vm::run_finalizers`), newest first, as CPython calls them. A weak
//! reference object that dies first leaves the table ([`weakref_dies`], from `before_free`).
//!
//! Locks: [`TABLE`] protects the map and every `WeakRefData::referent`. It is held only for
//! map operations and count increments: no object is dropped and no Python code runs under it.

use super::ObjRef;
use crate::value::Value;
use parking_lot::Mutex;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Referent address -> addresses of the weak reference objects to it (oldest first).
static TABLE: Mutex<Option<HashMap<usize, Vec<usize>>>> = Mutex::new(None);

/// The payload of a weak reference object (`weakref.ref` and its subclasses).
pub struct WeakRefData {
    /// The referent's address; 0 once it died. Written under [`TABLE`].
    referent: AtomicUsize,
    /// The callback, taken when it is called. Protected by its own mutex (never held while
    /// Python code runs: the value is cloned or taken out first).
    pub callback: Mutex<Option<Value>>,
    /// `hash(ref)`: the referent's hash, kept once computed (a dead reference keeps it).
    pub hash: Mutex<Option<i64>>,
}

impl WeakRefData {
    /// The referent, if it is still alive.
    pub fn get(&self) -> Option<ObjRef> {
        let _t = TABLE.lock();
        let addr = self.referent.load(Ordering::Relaxed);
        if addr == 0 {
            return None;
        }
        // SAFETY: a referent clears `referent` under TABLE before its memory is freed, and we
        // hold TABLE: the allocation is still there.
        unsafe { ObjRef::upgrade(addr) }
    }
    pub fn is_dead(&self) -> bool {
        self.referent.load(Ordering::Relaxed) == 0
    }
}

/// Register the weak reference object `wr` (payload `data`) to `referent`.
pub fn register(referent: &ObjRef, wr: &ObjRef, data: &WeakRefData) {
    let mut t = TABLE.lock();
    data.referent.store(referent.id(), Ordering::Relaxed);
    t.get_or_insert_with(HashMap::new).entry(referent.id()).or_default().push(wr.id());
    referent.mark_weakly_referenced();
}

/// New weak reference data (not registered yet).
pub fn new_data(callback: Option<Value>) -> WeakRefData {
    WeakRefData { referent: AtomicUsize::new(0), callback: Mutex::new(callback), hash: Mutex::new(None) }
}

/// The live weak reference objects to `referent`, oldest first.
pub fn refs_to(referent: &ObjRef) -> Vec<ObjRef> {
    let t = TABLE.lock();
    let Some(list) = t.as_ref().and_then(|m| m.get(&referent.id())) else { return Vec::new() };
    // SAFETY: a weak reference object leaves the table (under TABLE) before its memory is freed.
    list.iter().filter_map(|&a| unsafe { ObjRef::upgrade(a) }).collect()
}

/// How many weak references to `referent` exist.
pub fn count(referent: &ObjRef) -> usize {
    let t = TABLE.lock();
    t.as_ref().and_then(|m| m.get(&referent.id())).map_or(0, |l| l.len())
}

/// The referent at `addr` is being freed: its weak references die; those with a callback
/// are queued (newest first) for the finalizer pass.
pub fn referent_dies(addr: usize) {
    let due: Vec<ObjRef> = {
        let mut t = TABLE.lock();
        let Some(list) = t.as_mut().and_then(|m| m.remove(&addr)) else { return };
        let mut due = Vec::new();
        for &w in list.iter().rev() {
            // SAFETY: entries leave the table before their memory is freed (we hold TABLE).
            let Some(o) = (unsafe { ObjRef::upgrade(w) }) else {
                // a weak reference object on its way out: only mark it dead
                // SAFETY: as above, its memory is still there.
                if let Some(d) = data_at(w) {
                    d.referent.store(0, Ordering::Relaxed);
                }
                continue;
            };
            if let Some(d) = data_of(&o) {
                d.referent.store(0, Ordering::Relaxed);
                if d.callback.lock().is_some() {
                    due.push(o);
                    continue;
                }
            }
            due.push(o); // dropped below, outside the lock
        }
        due
    };
    for o in due {
        let has_cb = data_of(&o).is_some_and(|d| d.callback.lock().is_some());
        if has_cb {
            super::ptr::queue_finalizer(o);
        }
    }
}

/// The cycle collector found the object at `addr` unreachable: its weak references die now,
/// before any finalizer runs (as CPython's `handle_weakrefs`). Nothing is queued: the live weak
/// reference objects come back, newest first, and the collector decides which callbacks run.
pub fn clear_for_collector(addr: usize) -> Vec<ObjRef> {
    let mut t = TABLE.lock();
    let Some(list) = t.as_mut().and_then(|m| m.remove(&addr)) else { return Vec::new() };
    let mut live = Vec::new();
    for &w in list.iter().rev() {
        // SAFETY: entries leave the table before their memory is freed (we hold TABLE).
        if let Some(d) = data_at(w) {
            d.referent.store(0, Ordering::Relaxed);
        }
        // SAFETY: as above.
        if let Some(o) = unsafe { ObjRef::upgrade(w) } {
            live.push(o);
        }
    }
    live
}

/// A weak reference object is being freed: it leaves its referent's list.
pub fn weakref_dies(data: &WeakRefData, addr: usize) {
    let mut t = TABLE.lock();
    let r = data.referent.load(Ordering::Relaxed);
    if r == 0 {
        return;
    }
    data.referent.store(0, Ordering::Relaxed);
    if let Some(m) = t.as_mut() {
        if let Some(list) = m.get_mut(&r) {
            list.retain(|&a| a != addr);
            if list.is_empty() {
                m.remove(&r);
            }
        }
    }
}

/// The weak reference payload of `o`, if it is a weak reference object.
pub fn data_of(o: &ObjRef) -> Option<&WeakRefData> {
    match &o.payload {
        super::Payload::Native(n) => n.downcast_ref::<WeakRefData>(),
        _ => None,
    }
}

/// The payload of the weak reference object at `addr` (its count may be zero).
fn data_at(addr: usize) -> Option<&'static WeakRefData> {
    // SAFETY: only called under TABLE for addresses in the table, whose memory is still there;
    // the reference does not outlive the lock in the caller.
    let obj = unsafe { &*(addr as *const super::Obj) };
    match &obj.payload {
        super::Payload::Native(n) => n.downcast_ref::<WeakRefData>(),
        _ => None,
    }
}

/// Whether `v` accepts weak references (CPython's `tp_weaklistoffset`).
pub fn weakrefable(v: &Value) -> bool {
    use super::Payload as P;
    let Value::Obj(o) = v else { return false };
    let td = o.cls_data();
    if !td.builtin {
        return td.weakrefable;
    }
    match &o.payload {
        P::Native(n) => !n.is::<WeakRefData>(),
        p => matches!(p, P::Function(_) | P::Type(_) | P::Set(_) | P::Deque(_) | P::FrozenSet(_) | P::Builtin { .. } | P::Method { .. } | P::Generator(_) | P::Coroutine(_) | P::Code(_) | P::Module),
    }
}
