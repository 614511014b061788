//! Inline caches of the quickened instructions (`LoadGlobalCached`, `LoadAttrCached`,
//! `StoreAttrCached`, `LoadMethodCached`; see `code.rs` and the instruction set docs).
//!
//! Each such instruction owns one [`Cache`] entry in its code object. An entry remembers what
//! the last execution found and the condition under which that result still holds:
//!
//! * globals: the keys versions of the globals and builtins dicts (`DictData::keys_version`,
//!   unique across dicts and changed by any insertion/deletion) and the entry index. A value
//!   rebinding (`x = 1` at module level) keeps the version; the value is read fresh.
//! * attributes: the object's type and `TYPE_VERSION` (bumped by every change to any class
//!   namespace, class creation and destruction). While both match, the type-level facts found
//!   at fill time hold: default `__getattribute__`/`__setattr__`, which class attribute (if
//!   any) the name resolves to and whether it is a descriptor. The instance dict is still
//!   consulted on every execution (with an index hint), so instance state is never cached.
//!
//! Entries hold class attributes *borrowed* (no count), as the type attribute cache does: a
//! matching `TYPE_VERSION` proves the namespace holding them is alive and unchanged.
//!
//! Locking: with the GIL, entries are plain memory protected by the GIL. In free-threaded mode
//! each entry has a one-byte spin lock (held only for the few loads and stores of one
//! execution, never across Python code), and an entry *owns* a count of its class attribute
//! instead of borrowing it: another thread could otherwise free it between a hit's version
//! check and its clone. A replaced value is dropped at once (under the entry lock: freeing runs
//! no Python code and touches no cache entry).

use crate::object::inline_values::{self, InlineGet, InlineSet};
use crate::object::{ObjRef, Payload, TYPE_VERSION};
use crate::types::{self, types};
use crate::value::Value;
use crate::vm::Vm;
use crate::PyResult;
use std::cell::UnsafeCell;
use std::mem::ManuallyDrop;
use std::sync::atomic::Ordering;

/// `Cache::slot` when the name has no shared-key slot.
const NO_SLOT16: u16 = u16::MAX;

/// Cache kinds.
const EMPTY: u16 = 0;
/// Global found in the globals dict at `index` (`ver` = its keys version).
const GLOBAL: u16 = 1;
/// Global found in builtins at `index` (`ver` = globals keys version, `key` = builtins').
const BUILTIN: u16 = 2;
/// Attribute: instance dict only (no class attribute of that name).
const ATTR_DICT: u16 = 3;
/// Attribute: instance dict, else the class attribute `value` (not a descriptor).
const ATTR_CLASS_VALUE: u16 = 4;
/// Attribute: instance dict, else `value` (a Python function) bound to the instance.
const ATTR_METHOD: u16 = 5;
/// Method load: `value` (function or builtin method) unless the instance dict shadows it.
const METHOD: u16 = 6;
/// Attribute store: into the instance's inline values at `slot`, else into its dict.
const STORE_DICT: u16 = 7;

pub struct Cache {
    kind: u16,
    /// Attributes: the name's slot in the class's shared keys (`NO_SLOT16`: none), for
    /// instances with inline values (`object::inline_values`).
    kslot: u16,
    /// Entry index (globals) or instance-dict index hint (attributes).
    index: u32,
    /// Keys version (globals) or `TYPE_VERSION` (attributes).
    ver: u64,
    /// Builtins keys version (globals) or the type's address (attributes).
    key: u64,
    /// The class attribute: borrowed with the GIL (see the module docs), never dropped through
    /// this field; owned (one count) in free-threaded mode, set only through `set_value`.
    value: ManuallyDrop<Value>,
    /// `LoadMethod` sites that see several types: the methods of up to `POLY_WAYS` more types.
    poly: Option<Box<Poly>>,
}

/// Types a polymorphic `LoadMethod` site remembers besides its primary entry.
const POLY_WAYS: usize = 4;

/// The extra `METHOD` entries of a polymorphic site, valid while `TYPE_VERSION` is `ver`.
struct Poly {
    ver: u64,
    /// Round-robin replacement position.
    next: usize,
    entries: [PolyEntry; POLY_WAYS],
}

struct PolyEntry {
    /// The type's address (0: unused).
    key: u64,
    kslot: u16,
    /// The method, under the ownership rule of `Cache::value`.
    value: ManuallyDrop<Value>,
}

/// Store a cached class attribute (Null for none): borrowed with the GIL, owned (one count,
/// the replaced value dropped) free-threaded.
fn put_value(slot: &mut ManuallyDrop<Value>, v: Option<&Value>) {
    if crate::sync::free_threaded() {
        let new = ManuallyDrop::new(v.cloned().unwrap_or(Value::Null));
        let old = std::mem::replace(slot, new);
        drop(ManuallyDrop::into_inner(old));
    } else {
        *slot = match v {
            Some(v) => borrow(v),
            None => ManuallyDrop::new(Value::Null),
        };
    }
}

impl Cache {
    /// Store the entry's class attribute (Null for none).
    fn set_value(&mut self, v: Option<&Value>) {
        put_value(&mut self.value, v);
    }

    /// Remember `v` as the method for the type `key` besides the primary entry.
    fn add_poly(&mut self, ver: u64, key: u64, kslot: u16, v: &Value) {
        let p = self.poly.get_or_insert_with(|| {
            Box::new(Poly { ver, next: 0, entries: std::array::from_fn(|_| PolyEntry { key: 0, kslot: NO_SLOT16, value: ManuallyDrop::new(Value::Null) }) })
        });
        if p.ver != ver {
            p.ver = ver;
            p.next = 0;
            for e in p.entries.iter_mut() {
                e.key = 0;
                put_value(&mut e.value, None);
            }
        }
        let e = &mut p.entries[p.next % POLY_WAYS];
        p.next = p.next.wrapping_add(1);
        e.key = key;
        e.kslot = kslot;
        put_value(&mut e.value, Some(v));
    }
}

/// One entry and its lock (free-threaded mode only). Protected by the GIL or by `lock`.
struct Slot {
    lock: std::sync::atomic::AtomicBool,
    c: UnsafeCell<Cache>,
}

/// The inline caches of one code object.
pub struct Caches(Box<[Slot]>);

// SAFETY: an entry is only accessed through `Caches::get`, by the thread holding the GIL or,
// free-threaded, by the thread holding the entry's lock.
unsafe impl Sync for Caches {}
// SAFETY: as above; borrowed values are never dropped through the cache, owned ones are
// dropped by `Drop` (which has exclusive access).
unsafe impl Send for Caches {}

impl Drop for Caches {
    fn drop(&mut self) {
        if crate::sync::free_threaded() {
            for slot in self.0.iter_mut() {
                let c = slot.c.get_mut();
                let v = std::mem::replace(&mut c.value, ManuallyDrop::new(Value::Null));
                drop(ManuallyDrop::into_inner(v));
                if let Some(p) = c.poly.as_mut() {
                    for e in p.entries.iter_mut() {
                        let v = std::mem::replace(&mut e.value, ManuallyDrop::new(Value::Null));
                        drop(ManuallyDrop::into_inner(v));
                    }
                }
            }
        }
    }
}

/// Access to one entry: plain with the GIL, holding the entry's spin lock free-threaded.
struct Entry<'a> {
    slot: &'a Slot,
    locked: bool,
}

impl std::ops::Deref for Entry<'_> {
    type Target = Cache;
    #[inline(always)]
    fn deref(&self) -> &Cache {
        // SAFETY: see `Caches::get`: this guard is the only access to the entry.
        unsafe { &*self.slot.c.get() }
    }
}

impl std::ops::DerefMut for Entry<'_> {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut Cache {
        // SAFETY: as in `deref`.
        unsafe { &mut *self.slot.c.get() }
    }
}

impl Drop for Entry<'_> {
    #[inline(always)]
    fn drop(&mut self) {
        if self.locked {
            self.slot.lock.store(false, Ordering::Release);
        }
    }
}

impl Caches {
    pub fn new(n: usize) -> Caches {
        Caches((0..n).map(|_| Slot { lock: std::sync::atomic::AtomicBool::new(false), c: UnsafeCell::new(Cache { kind: EMPTY, kslot: NO_SLOT16, index: 0, ver: 0, key: 0, value: ManuallyDrop::new(Value::Null), poly: None }) }).collect())
    }

    /// Entry `i`. With the GIL: only the thread holding it runs this, and callers never keep the
    /// entry across code that could re-enter it (Python code, or a nested lookup through the
    /// same instruction). Free-threaded: the entry's spin lock is taken (the same rule makes
    /// it impossible for a thread to wait for a lock it holds).
    #[inline(always)]
    fn get(&self, i: u32) -> Option<Entry<'_>> {
        let slot = self.0.get(i as usize)?;
        let locked = crate::sync::free_threaded();
        if locked {
            let mut spins = 0u32;
            while slot.lock.compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed).is_err() {
                spins += 1;
                if spins < 100 {
                    std::hint::spin_loop();
                } else {
                    std::thread::yield_now();
                }
            }
        }
        Some(Entry { slot, locked })
    }
}

impl Caches {
    /// Entry `i` for reading, with the GIL only (None free-threaded: use `get`). The same rule
    /// as `get`: the reference is not kept across code that could re-enter the entry.
    #[inline(always)]
    fn get_gil(&self, i: u32) -> Option<&Cache> {
        if crate::sync::free_threaded() {
            return None;
        }
        let slot = self.0.get(i as usize)?;
        // SAFETY: with the GIL only the thread holding it touches entries (see `get`), and the
        // caller drops this shared reference before anything could write the entry.
        Some(unsafe { &*slot.c.get() })
    }
}

/// A count-free copy of `v` (see the module docs).
fn borrow(v: &Value) -> ManuallyDrop<Value> {
    // SAFETY: the copy is never dropped; it is only cloned while TYPE_VERSION proves the
    // original (held by a class namespace) is alive.
    ManuallyDrop::new(unsafe { std::ptr::read(v) })
}

#[inline(always)]
fn type_version() -> u64 {
    TYPE_VERSION.load(Ordering::Relaxed)
}

#[inline(always)]
fn type_key(o: &ObjRef) -> u64 {
    o.cls.as_ptr() as usize as u64
}

/// `LoadGlobal`: globals, then builtins. None: the name is bound in neither.
///
/// The hit with the GIL is inlined into the eval loop; the rest is `load_global_slow`.
#[inline(always)]
pub fn load_global(caches: &Caches, ci: u32, globals: &ObjRef, builtins: &ObjRef, name: &ObjRef) -> Option<Value> {
    if let (Some(c), Payload::Dict(gcell)) = (caches.get_gil(ci), &globals.payload) {
        // `get_gil` answered: GIL mode, so the `*_gil` forms apply.
        let g = gcell.lock_gil();
        if c.ver == g.current_keys_version() {
            if c.kind == GLOBAL {
                if let Some(e) = g.entry_at(c.index as usize) {
                    return Some(e.value.clone_gil());
                }
            } else if c.kind == BUILTIN {
                if let Payload::Dict(bcell) = &builtins.payload {
                    let b = bcell.lock_gil();
                    if c.key == b.current_keys_version() {
                        if let Some(e) = b.entry_at(c.index as usize) {
                            return Some(e.value.clone_gil());
                        }
                    }
                }
            }
        }
    }
    load_global_slow(caches, ci, globals, builtins, name)
}

#[inline(never)]
fn load_global_slow(caches: &Caches, ci: u32, globals: &ObjRef, builtins: &ObjRef, name: &ObjRef) -> Option<Value> {
    let Some(mut c) = caches.get(ci) else { return load_global_uncached(globals, builtins, name) };
    let (Payload::Dict(gcell), Payload::Dict(bcell)) = (&globals.payload, &builtins.payload) else {
        return load_global_uncached(globals, builtins, name);
    };
    let s = name.as_str()?;
    let mut g = gcell.lock();
    if c.ver == g.current_keys_version() {
        if c.kind == GLOBAL {
            return Some(g.value_at(c.index as usize).clone());
        }
        if c.kind == BUILTIN {
            let b = bcell.lock();
            if c.key == b.current_keys_version() {
                return Some(b.value_at(c.index as usize).clone());
            }
        }
    }
    if let Some(i) = g.lookup_str(s.hash(), s.as_str()) {
        c.kind = GLOBAL;
        c.index = i as u32;
        c.ver = g.keys_version();
        return Some(g.value_at(i).clone());
    }
    if globals.is(builtins) {
        return None;
    }
    let mut b = bcell.lock();
    let i = b.lookup_str(s.hash(), s.as_str())?;
    c.kind = BUILTIN;
    c.index = i as u32;
    c.ver = g.keys_version();
    c.key = b.keys_version();
    Some(b.value_at(i).clone())
}

fn load_global_uncached(globals: &ObjRef, builtins: &ObjRef, name: &ObjRef) -> Option<Value> {
    crate::types::dict::dict_get_interned(globals, name).or_else(|| crate::types::dict::dict_get_interned(builtins, name))
}

/// Look `name` up in an instance dict, trying the hinted entry index first.
#[inline(always)]
fn dict_get_hinted(d: &ObjRef, name: &ObjRef, hint: &mut u32) -> Option<Value> {
    let Payload::Dict(cell) = &d.payload else { return None };
    let g = cell.lock();
    if let Some(e) = g.slot(*hint as usize) {
        if let Value::Obj(k) = &e.key {
            if k.is(name) {
                return Some(e.value.clone());
            }
        }
    }
    let s = name.as_str()?;
    let i = g.lookup_str(s.hash(), s.as_str())?;
    *hint = i as u32;
    Some(g.value_at(i).clone())
}

/// The shared-key slot of `name` for instances of `o`'s class.
fn name_slot(o: &ObjRef, name: &str) -> u16 {
    if !matches!(o.payload, Payload::Instance(_)) {
        return NO_SLOT16;
    }
    match o.cls_data().shared_keys.slot_of(name) {
        Some(i) => i as u16,
        None => NO_SLOT16,
    }
}

#[inline(always)]
fn slot32(s: u16) -> u32 {
    if s == NO_SLOT16 {
        inline_values::NO_SLOT
    } else {
        s as u32
    }
}

/// Names the caches leave alone (special attributes have their own rules).
fn is_dunder(s: &str) -> bool {
    s.len() > 4 && s.starts_with("__") && s.ends_with("__")
}

/// Does `ty` use `object.__getattribute__` (or is it a builtin type)?
fn default_getattribute(ty: &ObjRef) -> bool {
    default_slot(ty, "__getattribute__")
}

fn default_slot(ty: &ObjRef, slot: &str) -> bool {
    if ty.type_data().builtin {
        return true;
    }
    match (types::lookup(ty, slot), types::lookup(&types().object, slot)) {
        (Some(a), Some(b)) => a.is(&b),
        _ => false,
    }
}

/// Is `v` a plain value when found on a class (its type has no `__get__`)?
fn is_plain_class_value(v: &Value) -> bool {
    match v {
        Value::Obj(o) => !matches!(o.payload, Payload::Function(_) | Payload::Builtin { module: None, .. } | Payload::Property { .. } | Payload::StaticMethod(_) | Payload::ClassMethod(_)) && types::lookup(&o.cls, "__get__").is_none(),
        _ => true,
    }
}

/// `LoadAttr`.
///
/// The hit on an instance's inline value is inlined into the eval loop; the rest is
/// `load_attr_slow`.
#[inline(always)]
pub fn load_attr(vm: &mut Vm, caches: &Caches, ci: u32, obj: &Value, name: &ObjRef) -> PyResult {
    if let Some(v) = load_attr_hit(caches, ci, obj) {
        return Ok(v);
    }
    load_attr_slow(vm, caches, ci, obj, name)
}

/// The inlined `LoadAttr` hit (GIL mode: a Some answer means `free_threaded()` is false): an
/// instance's inline value under a valid entry. None: `load_attr` must run. Reads nothing but the entry and the instance's values, so the
/// caller may pass a borrowed local.
#[inline(always)]
pub fn load_attr_hit(caches: &Caches, ci: u32, obj: &Value) -> Option<Value> {
    if let Value::Obj(o) = obj {
        if let Payload::Instance(cell) = &o.payload {
            if let Some(c) = caches.get_gil(ci) {
                if c.key == type_key(o) && c.ver == type_version() && c.kind != EMPTY {
                    // `get_gil` answered: GIL mode, so the `*_gil` forms apply.
                    let g = cell.lock_gil();
                    if !g.dict_mode {
                        if let Some(v) = g.vals.get(c.kslot as usize) {
                            if !v.is_null() {
                                return Some(v.clone_gil());
                            }
                        }
                    }
                }
            }
        }
    }
    None
}

#[inline(never)]
fn load_attr_slow(vm: &mut Vm, caches: &Caches, ci: u32, obj: &Value, name: &ObjRef) -> PyResult {
    if let (Some(mut c), Value::Obj(o)) = (caches.get(ci), obj) {
        if c.key != type_key(o) || c.ver != type_version() {
            fill_load_attr(&mut c, o, name);
        }
        if let Some(v) = attr_hit(&mut c, o, obj, name) {
            return Ok(v);
        }
    }
    vm.get_attr(obj, name)
}

/// The value of a filled attribute entry (`ATTR_*` kinds, checked against `o`'s type by the
/// caller); None when the generic path must run.
#[inline(always)]
fn attr_hit(c: &mut Cache, o: &ObjRef, obj: &Value, name: &ObjRef) -> Option<Value> {
    if c.kind == EMPTY {
        return None;
    }
    let found = match &o.payload {
        Payload::Instance(cell) => match inline_values::get_slot(cell, slot32(c.kslot)) {
            InlineGet::Found(v) => Some(v),
            InlineGet::Absent => None,
            InlineGet::DictMode => o.dict.get().and_then(|d| dict_get_hinted(d, name, &mut c.index)),
        },
        _ => match o.instance_dict() {
            Some(d) => dict_get_hinted(d, name, &mut c.index),
            None => None,
        },
    };
    if found.is_some() {
        return found;
    }
    match c.kind {
        ATTR_CLASS_VALUE => Some((*c.value).clone()),
        ATTR_METHOD => Some(Value::Obj(ObjRef::new(types().method.clone(), Payload::Method { func: (*c.value).clone(), self_: obj.clone() }))),
        _ => None,
    }
}

/// Record what `LoadAttr` of `name` on instances of `o`'s type does, when it is one of the
/// cached shapes. Runs no Python code.
/// Uncached shapes leave an EMPTY entry for this type and version (the generic path runs
/// without analysing again).
fn fill_load_attr(c: &mut Cache, o: &ObjRef, name: &ObjRef) {
    c.kind = EMPTY;
    c.ver = type_version();
    c.key = type_key(o);
    let Some(s) = name.as_str() else { return };
    if !matches!(o.payload, Payload::Empty | Payload::Instance(_) | Payload::Module) || is_dunder(s.as_str()) {
        return;
    }
    let ty = &o.cls;
    c.kslot = name_slot(o, s.as_str());
    if !default_getattribute(ty) {
        return;
    }
    let (kind, value) = match types::lookup_hashed(ty, s.as_str(), s.hash()) {
        None => (ATTR_DICT, None),
        Some(v) => match &v {
            Value::Obj(f) if matches!(f.payload, Payload::Function(_)) => (ATTR_METHOD, Some(v)),
            _ if is_plain_class_value(&v) => (ATTR_CLASS_VALUE, Some(v)),
            _ => return,
        },
    };
    c.kind = kind;
    c.index = 0;
    // With the GIL, the class namespace keeps the value alive while `ver` holds (see the
    // module docs).
    c.set_value(value.as_ref());
}

/// What `LoadMethod` pushes.
pub enum MethodLoad {
    /// A plain function or builtin method found on the type: push (method, self).
    Method(Value),
    /// Any other attribute value: push (NULL, value).
    Attr(Value),
    /// Not cached: the generic attribute lookup must run (push NULL and its result).
    Generic,
}

/// `LoadMethod`: a method found on the type (no bound method is made), else an attribute
/// cached as `LoadAttr` caches it (module functions, callables in instance dicts).
///
/// The hit of a method not shadowed by an inline value is inlined into the eval loop.
#[inline(always)]
pub fn load_method(vm: &mut Vm, caches: &Caches, ci: u32, obj: &Value, name: &ObjRef) -> MethodLoad {
    match load_method_hit(caches, ci, obj, name) {
        Some(m) => m,
        None => load_method_slow(vm, caches, ci, obj, name),
    }
}

/// The inlined `LoadMethod` hits (GIL mode; never `MethodLoad::Generic`). None: `load_method`
/// must run. Reads only the entry and the object, so the caller may pass a borrowed value.
#[inline(always)]
pub fn load_method_hit(caches: &Caches, ci: u32, obj: &Value, name: &ObjRef) -> Option<MethodLoad> {
    if let Value::Obj(o) = obj {
        match &o.payload {
            Payload::Instance(cell) => {
                if let Some(c) = caches.get_gil(ci) {
                    if c.key == type_key(o) && c.ver == type_version() && c.kind == METHOD {
                        // `get_gil` answered: GIL mode, so the `*_gil` forms apply.
                        let g = cell.lock_gil();
                        if !g.dict_mode && g.vals.get(c.kslot as usize).is_none_or(|v| v.is_null()) {
                            return Some(MethodLoad::Method(c.value.clone_gil()));
                        }
                    }
                }
            }
            // `module.function(...)`: the module dict's hinted entry.
            Payload::Module => {
                if let (Some(c), Some(d)) = (caches.get_gil(ci), o.dict.get()) {
                    if c.key == type_key(o) && c.ver == type_version() && c.kind == ATTR_DICT {
                        if let Payload::Dict(cell) = &d.payload {
                            let g = cell.lock_gil();
                            if let Some(e) = g.slot(c.index as usize) {
                                if matches!(&e.key, Value::Obj(k) if k.is(name)) {
                                    return Some(MethodLoad::Attr(e.value.clone_gil()));
                                }
                            }
                        }
                    }
                }
            }
            // Objects without an instance dict (builtin containers, strs...): nothing can
            // shadow the type's method (`method_shadowed` is false), so a matching entry is
            // the answer.
            _ => {
                if o.dict.get().is_none() {
                    if let Some(c) = caches.get_gil(ci) {
                        if c.key == type_key(o) && c.ver == type_version() && c.kind == METHOD {
                            return Some(MethodLoad::Method(c.value.clone_gil()));
                        }
                    }
                }
            }
        }
    }
    None
}

#[inline(never)]
fn load_method_slow(vm: &mut Vm, caches: &Caches, ci: u32, obj: &Value, name: &ObjRef) -> MethodLoad {
    let Some(mut c) = caches.get(ci) else {
        return match vm.method_lookup(obj, name) {
            Some(m) => MethodLoad::Method(m),
            None => MethodLoad::Generic,
        };
    };
    let key = match obj {
        Value::Obj(o) => type_key(o),
        other => types::type_of(other).as_ptr() as usize as u64,
    };
    let ver = type_version();
    if c.key == key && c.ver == ver {
        if c.kind == METHOD {
            if let Value::Obj(o) = obj {
                if method_shadowed(o, c.kslot, name) {
                    return MethodLoad::Generic;
                }
            }
            return MethodLoad::Method((*c.value).clone());
        }
        if let Value::Obj(o) = obj {
            return match attr_hit(&mut c, o, obj, name) {
                Some(v) => MethodLoad::Attr(v),
                None => MethodLoad::Generic,
            };
        }
        return MethodLoad::Generic;
    }
    if let Some(p) = &c.poly {
        if p.ver == ver {
            if let Some(e) = p.entries.iter().find(|e| e.key == key) {
                if let Value::Obj(o) = obj {
                    if method_shadowed(o, e.kslot, name) {
                        return MethodLoad::Generic;
                    }
                }
                return MethodLoad::Method((*e.value).clone());
            }
        }
    }
    let m = vm.method_lookup(obj, name);
    // `method_lookup` ran no Python code, so `c` is still this instruction's entry.
    match m {
        Some(v) if c.kind == METHOD && c.ver == ver && c.key != key => {
            // A second (third...) type at this site: keep the primary entry.
            let kslot = match obj {
                Value::Obj(o) => name.as_str().map_or(NO_SLOT16, |s| name_slot(o, s.as_str())),
                _ => NO_SLOT16,
            };
            c.add_poly(ver, key, kslot, &v);
            MethodLoad::Method(v)
        }
        Some(v) => {
            c.kind = METHOD;
            c.ver = ver;
            c.key = key;
            c.kslot = match obj {
                Value::Obj(o) => name.as_str().map_or(NO_SLOT16, |s| name_slot(o, s.as_str())),
                _ => NO_SLOT16,
            };
            c.set_value(Some(&v));
            MethodLoad::Method(v)
        }
        None => {
            match obj {
                // Cache the attribute as `LoadAttr` would (the next execution hits).
                Value::Obj(o) => fill_load_attr(&mut c, o, name),
                _ => {
                    c.kind = EMPTY;
                    c.key = 0;
                }
            }
            MethodLoad::Generic
        }
    }
}

/// Does the instance hold its own attribute `name` (which would win over the type's method)?
fn method_shadowed(o: &ObjRef, kslot: u16, name: &ObjRef) -> bool {
    match &o.payload {
        Payload::Instance(cell) => match inline_values::get_slot(cell, slot32(kslot)) {
            InlineGet::Found(_) => true,
            InlineGet::Absent => false,
            InlineGet::DictMode => o.dict.get().is_some_and(|d| crate::types::dict::dict_get_interned(d, name).is_some()),
        },
        _ => o.instance_dict().is_some_and(|d| crate::types::dict::dict_get_interned(d, name).is_some()),
    }
}

/// `StoreAttr`.
///
/// Replacing an instance's inline value is inlined into the eval loop.
#[inline(always)]
pub fn store_attr(vm: &mut Vm, caches: &Caches, ci: u32, obj: &Value, name: &ObjRef, v: Value) -> PyResult<()> {
    match store_attr_hit(caches, ci, obj, v) {
        Ok(old) => {
            // A hit means GIL mode (see `store_attr_hit`).
            old.drop_gil();
            Ok(())
        }
        Err(v) => store_attr_slow(vm, caches, ci, obj, name, v),
    }
}

/// The inlined `StoreAttr` hit (GIL mode): replace an instance's inline value, or append the
/// next slot. Ok(the replaced value, Null when appended: the caller drops it; only in GIL
/// mode, so `drop_gil` applies); Err(v): the store did not happen, `store_attr` must run. Like
/// `load_attr_hit`, it reads only the entry and the instance, so the caller may pass a
/// borrowed local.
#[inline(always)]
pub fn store_attr_hit(caches: &Caches, ci: u32, obj: &Value, v: Value) -> Result<Value, Value> {
    if let Value::Obj(o) = obj {
        if let Payload::Instance(cell) = &o.payload {
            if let Some(c) = caches.get_gil(ci) {
                if c.key == type_key(o) && c.ver == type_version() && c.kind == STORE_DICT {
                    // `get_gil` answered: GIL mode, so the `*_gil` forms apply.
                    let mut g = cell.lock_gil();
                    if !g.dict_mode {
                        let s = c.kslot as usize;
                        if let Some(slot) = g.vals.get_mut(s) {
                            if !slot.is_null() {
                                return Ok(std::mem::replace(slot, v));
                            }
                        } else if s == g.vals.len() {
                            // The next attribute in slot order (`__init__` filling a new
                            // instance); NO_SLOT16 never equals a length.
                            g.vals.push(v);
                            return Ok(Value::Null);
                        }
                    }
                }
            }
        }
    }
    Err(v)
}

#[inline(never)]
fn store_attr_slow(vm: &mut Vm, caches: &Caches, ci: u32, obj: &Value, name: &ObjRef, v: Value) -> PyResult<()> {
    let mut v = v;
    if let (Some(mut c), Value::Obj(o)) = (caches.get(ci), obj) {
        if c.key != type_key(o) || c.ver != type_version() {
            fill_store_attr(&mut c, o, name);
        }
        if c.kind == STORE_DICT {
            if let Payload::Instance(cell) = &o.payload {
                match inline_values::set_slot(cell, slot32(c.kslot), v) {
                    InlineSet::Done(old) => {
                        drop(c);
                        drop(old);
                        return Ok(());
                    }
                    // Dict mode: the dict path below. Else the layout rule: the generic path
                    // turns the instance into a dict instance.
                    InlineSet::NotInline(back) => v = back,
                }
            }
            if let (Some(d), Some(s)) = (o.dict.get().filter(|_| !o.has_slot_storage()), name.as_str()) {
                if let Payload::Dict(cell) = &d.payload {
                    let mut g = cell.lock();
                    let hinted = matches!(g.slot(c.index as usize), Some(e) if matches!(&e.key, Value::Obj(k) if k.is(name)));
                    let old = if hinted {
                        Some(g.set_value_at(c.index as usize, v))
                    } else {
                        match g.lookup_str(s.hash(), s.as_str()) {
                            Some(i) => {
                                c.index = i as u32;
                                Some(g.set_value_at(i, v))
                            }
                            None => {
                                c.index = g.slots() as u32;
                                g.insert_new(s.hash(), Value::Obj(name.clone()), v);
                                None
                            }
                        }
                    };
                    drop(g);
                    drop(old);
                    return Ok(());
                }
            }
        }
    }
    vm.set_attr(obj, name, v)
}

fn fill_store_attr(c: &mut Cache, o: &ObjRef, name: &ObjRef) {
    c.kind = EMPTY;
    c.ver = type_version();
    c.key = type_key(o);
    let Some(s) = name.as_str() else { return };
    let inline = matches!(o.payload, Payload::Instance(_));
    if !(inline || matches!(o.payload, Payload::Empty) && o.instance_dict().is_some()) || is_dunder(s.as_str()) {
        return;
    }
    let ty = &o.cls;
    if !default_slot(ty, "__setattr__") {
        return;
    }
    if let Some(Value::Obj(d)) = types::lookup_hashed(ty, s.as_str(), s.hash()) {
        // Data descriptors (and anything that might be one) take the generic path.
        let plain = match &d.payload {
            Payload::Property { .. } => false,
            _ => d.cls_data().builtin || (types::lookup(&d.cls, "__set__").is_none() && types::lookup(&d.cls, "__delete__").is_none()),
        };
        if !plain {
            return;
        }
    }
    c.kind = STORE_DICT;
    c.index = 0;
    c.kslot = NO_SLOT16;
    if inline {
        // A stored name gets a slot (this may change the type version: read it again).
        if let Some(i) = o.cls_data().shared_keys.slot_or_add(name) {
            c.kslot = i as u16;
        }
        c.ver = type_version();
    }
}
