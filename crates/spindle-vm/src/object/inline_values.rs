//! Instance attributes stored inline (CPython 3.11's shared keys and inline values).
//!
//! Instances of a plain class (a Python `class` whose layout is `object`'s, with a `__dict__`
//! and no `__slots__` storage) start without a dict object: their payload is
//! `Payload::Instance`, a vector of values whose slot `i` holds the attribute named by key `i`
//! of the class's [`SharedKeys`]. The keys are append-only, so an attribute's slot never
//! changes and the inline caches keep it (`inline_cache.rs`): a hit is one index, with no
//! hashing and no dict.
//!
//! Insertion order (what `__dict__` shows) is kept by a layout rule: the present attributes of
//! an instance are always in slot order. Setting a new attribute whose slot comes after every
//! present one appends it (`Null` fills skipped slots); anything else (a slot before a present
//! one, a non-str name, more than [`MAX_SHARED_KEYS`] names) turns the instance into a dict
//! instance first. So does asking for the dict itself (`__dict__`, `vars()`, pickling): the
//! dict is then built from the values in slot order, stored in the object header and is the
//! only truth from then on (`InlineValues::dict_mode`).
//!
//! Locks: the values sit behind the instance's `PyCell`; the keys behind their own mutex.
//! Lock order: an instance's values, then its class's keys (never the other way round).

use super::{DictData, Obj, ObjRef, Payload};
use crate::sync::PyCell;
use crate::value::Value;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Names a class's instances can hold inline (CPython's `SHARED_KEYS_MAX_SIZE`).
pub const MAX_SHARED_KEYS: usize = 30;

/// Slot number meaning "this name has no slot".
pub const NO_SLOT: u32 = u32::MAX;

/// The attribute values of one instance (see the module docs).
pub struct InlineValues {
    /// `vals[i]`: the attribute named by shared key `i`, `Null` when absent. Never ends with
    /// `Null`; present values are in insertion order.
    pub vals: Vec<Value>,
    /// The instance dict exists (in the object header): it holds the attributes, `vals` is
    /// empty.
    pub dict_mode: bool,
}

/// The attribute names of a class's instances, append-only. Protected by its own mutex;
/// `len` mirrors the vector's length for lock-free capacity hints.
pub struct SharedKeys {
    names: parking_lot::Mutex<Vec<ObjRef>>,
    len: AtomicUsize,
}

impl Default for SharedKeys {
    fn default() -> Self {
        SharedKeys { names: parking_lot::Mutex::new(Vec::new()), len: AtomicUsize::new(0) }
    }
}

fn same_name(k: &ObjRef, name: &str) -> bool {
    k.as_str().is_some_and(|s| s.as_str() == name)
}

impl SharedKeys {
    /// The slot of `name`, if it has one.
    pub fn slot_of(&self, name: &str) -> Option<usize> {
        self.names.lock().iter().position(|k| same_name(k, name))
    }

    /// The slot of `name` (an exact str), given one if it has none and there is room. A new
    /// slot changes the type version (caches that recorded "no slot" refill).
    pub fn slot_or_add(&self, name: &ObjRef) -> Option<usize> {
        let s = name.as_str()?;
        let mut g = self.names.lock();
        if let Some(i) = g.iter().position(|k| k.is(name) || same_name(k, s.as_str())) {
            return Some(i);
        }
        if g.len() >= MAX_SHARED_KEYS || !name.cls.is(&crate::types::types().str_) {
            return None;
        }
        g.push(name.clone());
        self.len.store(g.len(), Ordering::Relaxed);
        drop(g);
        super::bump_type_version();
        Some(self.len.load(Ordering::Relaxed) - 1)
    }

    /// The number of names (a hint: it only grows).
    pub fn len_hint(&self) -> usize {
        self.len.load(Ordering::Relaxed)
    }

    fn name(&self, i: usize) -> Option<ObjRef> {
        self.names.lock().get(i).cloned()
    }
}

/// The payload of a new plain instance of a class with shared keys.
pub fn new_payload(keys: &SharedKeys) -> Payload {
    Payload::Instance(PyCell::new(InlineValues { vals: Vec::with_capacity(keys.len_hint()), dict_mode: false }))
}

/// The class's shared keys (every instance with inline values has a class with them).
fn keys_of(o: &Obj) -> &SharedKeys {
    &o.cls.type_data().shared_keys
}

/// Build the instance dict of `o` from its inline values (once; later calls return it).
pub(crate) fn materialize<'a>(o: &'a Obj, cell: &PyCell<InlineValues>) -> &'a ObjRef {
    let mut g = cell.lock();
    if let Some(d) = o.dict.get() {
        return d;
    }
    let vals = std::mem::take(&mut g.vals);
    let mut dd = DictData::with_capacity(vals.len());
    let keys = keys_of(o);
    for (i, v) in vals.into_iter().enumerate() {
        if v.is_null() {
            continue;
        }
        if let Some(k) = keys.name(i) {
            let h = k.as_str().map(|s| s.hash()).unwrap_or(0);
            dd.insert_new(h, Value::Obj(k), v);
        }
    }
    g.dict_mode = true;
    let d = ObjRef::new(crate::types::types().dict.clone(), Payload::Dict(PyCell::new(dd)));
    // Set under the values lock: no other thread can have set it since the check above.
    o.dict.get_or_init(|| d)
}

/// Outcome of reading an inline attribute.
pub enum InlineGet {
    Found(Value),
    Absent,
    /// The instance has its dict: look there.
    DictMode,
}

/// Read attribute `name` of an instance with inline values.
pub fn get(o: &Obj, cell: &PyCell<InlineValues>, name: &str) -> InlineGet {
    let g = cell.lock();
    if g.dict_mode {
        return InlineGet::DictMode;
    }
    if g.vals.is_empty() {
        return InlineGet::Absent;
    }
    match keys_of(o).slot_of(name).and_then(|i| g.vals.get(i)) {
        Some(v) if !v.is_null() => InlineGet::Found(v.clone()),
        _ => InlineGet::Absent,
    }
}

/// Read slot `slot` (a cached slot number, maybe `NO_SLOT`).
#[inline(always)]
pub fn get_slot(cell: &PyCell<InlineValues>, slot: u32) -> InlineGet {
    let g = cell.lock();
    if g.dict_mode {
        return InlineGet::DictMode;
    }
    match g.vals.get(slot as usize) {
        Some(v) if !v.is_null() => InlineGet::Found(v.clone()),
        _ => InlineGet::Absent,
    }
}

/// Outcome of writing an inline slot.
pub enum InlineSet {
    /// Stored; the replaced value (Null if the attribute was new) for the caller to drop
    /// after every lock is released.
    Done(Value),
    /// Not possible inline (dict mode, or the layout rule): the value is handed back.
    NotInline(Value),
}

/// Store `v` into slot `slot` of an instance's values, under the layout rule.
#[inline(always)]
pub fn set_slot(cell: &PyCell<InlineValues>, slot: u32, v: Value) -> InlineSet {
    let mut g = cell.lock();
    if g.dict_mode || slot == NO_SLOT {
        return InlineSet::NotInline(v);
    }
    let s = slot as usize;
    let len = g.vals.len();
    if s < len {
        if g.vals[s].is_null() {
            // A later attribute is present: appending here would change the order.
            return InlineSet::NotInline(v);
        }
        return InlineSet::Done(std::mem::replace(&mut g.vals[s], v));
    }
    if s > len {
        g.vals.resize(s, Value::Null);
    }
    g.vals.push(v);
    InlineSet::Done(Value::Null)
}

/// Delete slot `slot`: Some(old value) when it was present inline, None when absent; Err when
/// the instance is in dict mode (the caller then deletes from the dict; no error to describe).
#[allow(clippy::result_unit_err)]
pub fn delete_slot(cell: &PyCell<InlineValues>, slot: usize) -> Result<Option<Value>, ()> {
    let mut g = cell.lock();
    if g.dict_mode {
        return Err(());
    }
    let old = match g.vals.get_mut(slot) {
        Some(v) if !v.is_null() => std::mem::replace(v, Value::Null),
        _ => return Ok(None),
    };
    while g.vals.last().is_some_and(|v| v.is_null()) {
        g.vals.pop();
    }
    Ok(Some(old))
}

/// What `set_generic` did.
pub enum GenericSet {
    Done,
    /// Delete of an absent attribute (AttributeError).
    Missing,
    /// The caller must do the dict operation (store the value handed back, or delete when
    /// None) on the instance dict: the name is not an exact str, the class has no room for
    /// it, or the instance is (now) in dict mode.
    UseDict(ObjRef, Option<Value>),
}

/// Set (`Some`) or delete (`None`) attribute `name` of an instance with inline values:
/// inline when the layout rule allows, else the instance turns into a dict instance.
pub fn set_generic(o: &Obj, cell: &PyCell<InlineValues>, name: &ObjRef, v: Option<Value>) -> GenericSet {
    let keys = keys_of(o);
    match v {
        Some(v) => {
            let v = match keys.slot_or_add(name) {
                Some(slot) => match set_slot(cell, slot as u32, v) {
                    InlineSet::Done(old) => {
                        drop(old);
                        return GenericSet::Done;
                    }
                    InlineSet::NotInline(v) => v,
                },
                None => v,
            };
            GenericSet::UseDict(materialize(o, cell).clone(), Some(v))
        }
        None => {
            if let Some(s) = name.as_str() {
                match keys.slot_of(s.as_str()) {
                    Some(slot) => match delete_slot(cell, slot) {
                        Ok(Some(old)) => {
                            drop(old);
                            return GenericSet::Done;
                        }
                        Ok(None) => return GenericSet::Missing,
                        Err(()) => {}
                    },
                    None if !cell.lock().dict_mode => return GenericSet::Missing,
                    None => {}
                }
            }
            GenericSet::UseDict(materialize(o, cell).clone(), None)
        }
    }
}
