//! `SetData`: the hash table behind `set` and `frozenset`, laid out and probed exactly as
//! CPython's `Objects/setobject.c` (open addressing, table size a power of two from 8, runs of
//! `LINEAR_PROBES` consecutive slots then perturbed jumps, resize when 3/5 full, dummies for
//! deleted slots), so iteration order (which is slot order) matches CPython's.
//!
//! This structure never calls Python code: probing stops at a slot whose key needs Python
//! `__eq__` (`Step::Candidate`); the caller compares with the lock released and resumes the
//! probe, or restarts it if `version` changed meanwhile (CPython's `restart`).

use crate::value::Value;
use std::sync::atomic::{AtomicI64, Ordering};

/// Smallest table (CPython's `PySet_MINSIZE`).
pub const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
/// The hash of a deleted slot (whose key is `Null`); real hashes are never -1.
const DUMMY: i64 = -1;

#[derive(Clone)]
struct Slot {
    hash: i64,
    /// `Null` for an empty slot (hash 0) or a dummy (hash -1).
    key: Value,
}

const EMPTY: Slot = Slot { hash: 0, key: Value::Null };

pub struct SetData {
    table: Vec<Slot>,
    /// Active plus dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
    /// Where `pop` resumes its scan.
    finger: usize,
    /// Bumped on every change; a lookup that called Python `__eq__` restarts if it moved.
    pub version: u64,
    /// Cached `hash(frozenset)`; 0 = not computed (a real hash of 0 is recomputed each time).
    hash_cache: AtomicI64,
}

impl Default for SetData {
    fn default() -> Self {
        SetData { table: vec![EMPTY; MINSIZE], fill: 0, used: 0, finger: 0, version: 0, hash_cache: AtomicI64::new(0) }
    }
}

/// A resumable probe sequence for one hash.
pub struct Probe {
    hash: i64,
    /// Start of the current run of consecutive slots.
    i: usize,
    /// Next offset within the run.
    j: usize,
    /// Last offset of the run (LINEAR_PROBES, or 0 near the end of the table).
    last: usize,
    perturb: u64,
    /// The most recent dummy slot passed (where an insertion goes).
    pub freeslot: Option<usize>,
}

pub enum Step {
    /// An empty slot: the key is absent.
    Empty(usize),
    /// The key is at this slot.
    Found(usize),
    /// A key with the same hash whose equality needs Python `__eq__` (the stored key).
    Candidate(usize, Value),
}

impl SetData {
    pub fn new() -> Self {
        Self::default()
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }
    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    pub fn probe(&self, hash: i64) -> Probe {
        let mask = self.mask();
        let i = (hash as u64 as usize) & mask;
        Probe { hash, i, j: 0, last: if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 }, perturb: hash as u64, freeslot: None }
    }

    /// Advance `p` until an empty slot, the key, or a candidate needing `__eq__`.
    pub fn step(&self, p: &mut Probe, key: &Value) -> Step {
        let mask = self.mask();
        loop {
            if p.j > p.last {
                p.perturb >>= PERTURB_SHIFT;
                p.i = (p.i.wrapping_mul(5).wrapping_add(1).wrapping_add(p.perturb as usize)) & mask;
                p.j = 0;
                p.last = if p.i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            }
            // The rest of the current run (`i + last <= mask`: inside the table). The free
            // slot is tracked in a local (written back on the way out).
            let base = p.i + p.j;
            let mut free = p.freeslot;
            for (off, e) in self.table[base..=p.i + p.last].iter().enumerate() {
                if e.hash == p.hash && !e.key.is_null() {
                    let idx = base + off;
                    if e.key.is(key) {
                        p.j += off + 1;
                        p.freeslot = free;
                        return Step::Found(idx);
                    }
                    match crate::value::fast_eq(&e.key, key) {
                        Some(true) => {
                            p.j += off + 1;
                            p.freeslot = free;
                            return Step::Found(idx);
                        }
                        Some(false) => {}
                        None => {
                            p.j += off + 1;
                            p.freeslot = free;
                            return Step::Candidate(idx, e.key.clone());
                        }
                    }
                } else if e.hash == DUMMY {
                    free = Some(base + off);
                } else if e.hash == 0 && e.key.is_null() {
                    p.j += off + 1;
                    p.freeslot = free;
                    return Step::Empty(base + off);
                }
            }
            p.freeslot = free;
            p.j = p.last + 1;
        }
    }

    /// Find `key` when equality never needs Python (`None` = a candidate needs `__eq__`).
    /// CPython's `set_lookkey` probe order; no free slot is tracked, so a dummy costs two
    /// compares (its hash, -1, is never a real hash and never 0).
    #[inline]
    pub fn find_native(&self, hash: i64, key: &Value) -> Option<Option<usize>> {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let last = if i + LINEAR_PROBES <= mask { i + LINEAR_PROBES } else { i };
            for (off, e) in self.table[i..=last].iter().enumerate() {
                if e.hash == hash {
                    if e.key.is_null() {
                        // An empty slot (hash 0) while looking for a hash of 0.
                        return Some(None);
                    }
                    if e.key.is(key) {
                        return Some(Some(i + off));
                    }
                    match crate::value::fast_eq(&e.key, key) {
                        Some(true) => return Some(Some(i + off)),
                        Some(false) => {}
                        None => return None,
                    }
                } else if e.hash == 0 && e.key.is_null() {
                    return Some(None);
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// Add `key` (a clone of it) when no key compared needs Python `__eq__`: `step`'s probe
    /// and `insert_at` in one pass. Some(true): added; Some(false): already there; None: a
    /// candidate needs `__eq__` (nothing changed; take the resumable path).
    #[inline]
    pub fn add_native(&mut self, hash: i64, key: &Value) -> Option<bool> {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut free = None;
        loop {
            let last = if i + LINEAR_PROBES <= mask { i + LINEAR_PROBES } else { i };
            for (off, e) in self.table[i..=last].iter().enumerate() {
                if e.hash == hash && !e.key.is_null() {
                    if e.key.is(key) {
                        return Some(false);
                    }
                    match crate::value::fast_eq(&e.key, key) {
                        Some(true) => return Some(false),
                        Some(false) => {}
                        None => return None,
                    }
                } else if e.hash == DUMMY {
                    free = Some(i + off);
                } else if e.hash == 0 && e.key.is_null() {
                    self.insert_found(free, i + off, hash, key.clone());
                    return Some(true);
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// Insert a key known to be absent, where probe `p` ended at empty slot `empty`
    /// (CPython's `found_unused_or_dummy`). May resize.
    pub fn insert_at(&mut self, p: &Probe, empty: usize, key: Value) {
        self.insert_found(p.freeslot, empty, p.hash, key);
    }

    /// Insert into the dummy slot `free` if any, else into the empty slot `empty`.
    #[inline]
    fn insert_found(&mut self, free: Option<usize>, empty: usize, hash: i64, key: Value) {
        self.version += 1;
        self.hash_cache.store(0, Ordering::Relaxed);
        if let Some(f) = free {
            self.table[f] = Slot { hash, key };
            self.used += 1;
            return;
        }
        self.table[empty] = Slot { hash, key };
        self.fill += 1;
        self.used += 1;
        if self.fill * 5 >= self.mask() * 3 {
            self.resize(if self.used > 50000 { self.used * 2 } else { self.used * 4 });
        }
    }

    /// Insert a key known to be absent when no equality can need Python, in one call.
    pub fn insert_new(&mut self, hash: i64, key: Value) {
        let mut p = self.probe(hash);
        loop {
            if let Step::Empty(i) = self.step(&mut p, &key) {
                self.insert_at(&p, i, key);
                return;
            }
        }
    }

    /// CPython's `set_insert_clean`: into a table without dummies or this key.
    fn insert_clean(table: &mut [Slot], hash: i64, key: Value) {
        let mask = table.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if table[i].key.is_null() {
                table[i] = Slot { hash, key };
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..=LINEAR_PROBES {
                    if table[i + j].key.is_null() {
                        table[i + j] = Slot { hash, key };
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// CPython's `set_table_resize`: the smallest power of two above `minused`.
    pub fn resize(&mut self, minused: usize) {
        let mut size = MINSIZE;
        while size <= minused {
            size <<= 1;
        }
        if size == MINSIZE && self.table.len() == MINSIZE && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.table, vec![EMPTY; size]);
        self.fill = self.used;
        for e in old {
            if !e.key.is_null() {
                Self::insert_clean(&mut self.table, e.hash, e.key);
            }
        }
        self.version += 1;
    }

    /// Delete the key at slot `i` (it becomes a dummy); returns the key.
    pub fn remove_at(&mut self, i: usize) -> Value {
        self.version += 1;
        self.hash_cache.store(0, Ordering::Relaxed);
        self.used -= 1;
        std::mem::replace(&mut self.table[i], Slot { hash: DUMMY, key: Value::Null }).key
    }

    /// Empty the set (back to the minimum table); returns the old keys to drop outside the lock.
    pub fn clear(&mut self) -> Vec<Value> {
        self.version += 1;
        self.hash_cache.store(0, Ordering::Relaxed);
        let old = std::mem::replace(&mut self.table, vec![EMPTY; MINSIZE]);
        self.fill = 0;
        self.used = 0;
        old.into_iter().filter(|e| !e.key.is_null()).map(|e| e.key).collect()
    }

    /// CPython's `set_pop`: the next active slot from the finger.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while self.table[i].key.is_null() {
            i = if i == mask { 0 } else { i + 1 };
        }
        self.finger = i + 1;
        Some(self.remove_at(i))
    }

    /// Number of slots (for iteration by position).
    pub fn slots(&self) -> usize {
        self.table.len()
    }
    /// Key and hash at slot `i`, if active.
    pub fn slot(&self, i: usize) -> Option<(&Value, i64)> {
        self.table.get(i).filter(|e| !e.key.is_null()).map(|e| (&e.key, e.hash))
    }
    /// Active (key, hash) pairs in slot order.
    pub fn iter(&self) -> impl Iterator<Item = (&Value, i64)> {
        self.table.iter().filter(|e| !e.key.is_null()).map(|e| (&e.key, e.hash))
    }
    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|(k, _)| k.clone()).collect()
    }

    /// The first part of CPython's `set_merge`: grow for `other`'s keys, and if this table is
    /// empty copy them in directly. Returns false when the caller must insert one by one.
    pub fn merge_fast(&mut self, other: &SetData) -> bool {
        if other.used == 0 {
            return true;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill != 0 {
            return false;
        }
        self.version += 1;
        self.hash_cache.store(0, Ordering::Relaxed);
        if self.table.len() == other.table.len() && other.fill == other.used {
            self.table.clone_from(&other.table);
        } else {
            for (k, h) in other.iter() {
                Self::insert_clean(&mut self.table, h, k.clone());
            }
        }
        self.fill = other.used;
        self.used = other.used;
        true
    }

    /// Grow ahead of inserting `n` keys (CPython's pre-resize when updating from a dict).
    pub fn reserve_for(&mut self, n: usize) {
        if (self.fill + n) * 5 >= self.mask() * 3 {
            self.resize((self.used + n) * 2);
        }
    }

    /// After bulk deletions: CPython resizes when more than a quarter of the slots are dummies.
    pub fn shrink_dummies(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            self.resize(if self.used > 50000 { self.used * 2 } else { self.used * 4 });
        }
    }

    /// Any active or dummy slot?
    pub fn fill_nonzero(&self) -> bool {
        self.fill != 0
    }

    /// A copy with identical slots, dummies included (a snapshot of another set).
    pub fn clone_exact(&self) -> SetData {
        SetData { table: self.table.clone(), fill: self.fill, used: self.used, finger: self.finger, version: 0, hash_cache: AtomicI64::new(self.hash_cache.load(Ordering::Relaxed)) }
    }

    pub fn cached_hash(&self) -> Option<i64> {
        match self.hash_cache.load(Ordering::Relaxed) {
            0 => None,
            h => Some(h),
        }
    }
    pub fn set_cached_hash(&self, h: i64) {
        self.hash_cache.store(h, Ordering::Relaxed);
    }

    /// A copy with the same table layout (CPython's copy through `set_merge` into an empty set).
    pub fn copy(&self) -> SetData {
        let mut d = SetData::new();
        d.merge_fast(self);
        d
    }
}
