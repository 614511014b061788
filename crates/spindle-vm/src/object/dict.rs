//! `DictData`: an insertion-ordered hash table (CPython's compact dict layout): an entry vector
//! in insertion order plus an index table. Used by `dict`, instance and class namespaces, and
//! (for now) `set`.
//!
//! This structure never calls Python code. Equality that needs `__eq__` is reported back to the
//! caller as candidates (`Lookup::NeedsEq`), which the VM compares with the lock released.

use crate::value::Value;
use hashbrown::HashTable;

pub struct Entry {
    pub hash: i64,
    /// `Value::Null` marks a deleted entry.
    pub key: Value,
    pub value: Value,
}

#[derive(Default)]
pub struct DictData {
    entries: Vec<Entry>,
    index: HashTable<u32>,
    len: usize,
    /// Bumped on every insertion or deletion (iteration checks it: "changed size during iteration").
    pub version: u64,
    /// Keys version for the eval loop's global-load caches: 0 after any change of the key set
    /// or entry layout; a globally unique non-zero number once a cache asked for it (see
    /// [`DictData::keys_version`]). Entry indices are stable while it is unchanged.
    keys_ver: u64,
    /// This is a class namespace: every change bumps `TYPE_VERSION` (attribute caches).
    type_ns: bool,
}

/// Source of keys versions (see `DictData::keys_version`).
static NEXT_KEYS_VERSION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

pub enum Lookup {
    Found(usize),
    NotFound,
    /// Entries with the same hash whose equality needs Python `__eq__`.
    NeedsEq(Vec<(usize, Value)>),
}

impl DictData {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn with_capacity(n: usize) -> Self {
        DictData { entries: Vec::with_capacity(n), index: HashTable::with_capacity(n), len: 0, version: 0, keys_ver: 0, type_ns: false }
    }
    /// Mark this as a class namespace: its changes invalidate attribute caches.
    pub fn set_type_namespace(&mut self) {
        self.type_ns = true;
    }
    /// A number that changes whenever the key set or entry positions change, unique across all
    /// dicts (so a cache holding it also knows which dict it describes). Assigned lazily.
    #[inline]
    pub fn keys_version(&mut self) -> u64 {
        if self.keys_ver == 0 {
            self.keys_ver = NEXT_KEYS_VERSION.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        self.keys_ver
    }
    /// The keys version if assigned (0 otherwise); a cache compares its stored number with it.
    #[inline(always)]
    pub fn current_keys_version(&self) -> u64 {
        self.keys_ver
    }
    #[inline(always)]
    fn keys_changed(&mut self) {
        self.keys_ver = 0;
        if self.type_ns {
            crate::object::bump_type_version();
        }
    }
    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Find `key` (hash precomputed) using only native equality.
    pub fn lookup(&self, hash: i64, key: &Value) -> Lookup {
        let mut needs = Vec::new();
        let entries = &self.entries;
        let mut found = None;
        for &i in self.index.iter_hash(hash as u64) {
            let e = &entries[i as usize];
            if e.hash != hash || e.key.is_null() {
                continue;
            }
            match crate::value::fast_eq(&e.key, key) {
                Some(true) => {
                    found = Some(i as usize);
                    break;
                }
                Some(false) => {}
                None => needs.push((i as usize, e.key.clone())),
            }
        }
        match found {
            Some(i) => Lookup::Found(i),
            None if needs.is_empty() => Lookup::NotFound,
            None => Lookup::NeedsEq(needs),
        }
    }

    /// Find `key` when no equality needs Python: `Some(Some(i))` found at entry `i`,
    /// `Some(None)` absent, `None` when a candidate needs `__eq__` (use `lookup`).
    #[inline]
    pub fn find_native(&self, hash: i64, key: &Value) -> Option<Option<usize>> {
        for &i in self.index.iter_hash(hash as u64) {
            let e = &self.entries[i as usize];
            if e.hash != hash || e.key.is_null() {
                continue;
            }
            match crate::value::fast_eq(&e.key, key) {
                Some(true) => return Some(Some(i as usize)),
                Some(false) => {}
                None => return None,
            }
        }
        Some(None)
    }

    /// Lookup by a str key (no Python equality ever needed for str keys against str keys;
    /// non-str keys never equal a str here).
    #[inline]
    pub fn lookup_str(&self, hash: i64, key: &str) -> Option<usize> {
        for &i in self.index.iter_hash(hash as u64) {
            let e = &self.entries[i as usize];
            if e.hash == hash {
                if let Some(s) = e.key.as_pystr() {
                    if s.as_str() == key {
                        return Some(i as usize);
                    }
                }
            }
        }
        None
    }

    pub fn entry(&self, i: usize) -> &Entry {
        &self.entries[i]
    }
    /// Entry `i` (a removed entry has a Null key), None past the end.
    #[inline(always)]
    pub fn entry_at(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i)
    }
    pub fn value_at(&self, i: usize) -> &Value {
        &self.entries[i].value
    }
    pub fn set_value_at(&mut self, i: usize, v: Value) -> Value {
        if self.type_ns {
            crate::object::bump_type_version();
        }
        std::mem::replace(&mut self.entries[i].value, v)
    }

    /// Append a new key (the caller checked it is absent).
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        let i = self.entries.len() as u32;
        self.entries.push(Entry { hash, key, value });
        let entries = &self.entries;
        self.index.insert_unique(hash as u64, i, |&j| entries[j as usize].hash as u64);
        self.len += 1;
        self.version += 1;
        self.keys_changed();
    }

    /// Remove entry `i`, returning its key and value.
    pub fn remove_at(&mut self, i: usize) -> (Value, Value) {
        let hash = self.entries[i].hash;
        if let Ok(e) = self.index.find_entry(hash as u64, |&j| j as usize == i) {
            e.remove();
        }
        let key = std::mem::replace(&mut self.entries[i].key, Value::Null);
        let value = std::mem::replace(&mut self.entries[i].value, Value::Null);
        self.len -= 1;
        self.version += 1;
        self.keys_changed();
        if self.entries.len() > 16 && self.len * 2 < self.entries.len() {
            self.compact();
        }
        (key, value)
    }

    fn compact(&mut self) {
        let old = std::mem::take(&mut self.entries);
        self.index.clear();
        for e in old {
            if !e.key.is_null() {
                let i = self.entries.len() as u32;
                let h = e.hash;
                self.entries.push(e);
                let entries = &self.entries;
                self.index.insert_unique(h as u64, i, |&j| entries[j as usize].hash as u64);
            }
        }
    }

    pub fn clear(&mut self) -> Vec<Entry> {
        self.index.clear();
        self.len = 0;
        self.version += 1;
        self.keys_changed();
        std::mem::take(&mut self.entries)
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| !e.key.is_null())
    }

    /// Raw slot count (for iterators that walk by position).
    pub fn slots(&self) -> usize {
        self.entries.len()
    }
    /// Entry at raw position `i`, if live.
    pub fn slot(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i).filter(|e| !e.key.is_null())
    }

    /// Remove and return the last inserted entry.
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        let i = self.entries.iter().rposition(|e| !e.key.is_null())?;
        Some(self.remove_at(i))
    }

    pub fn copy(&self) -> DictData {
        let mut d = DictData::with_capacity(self.len);
        for e in self.iter() {
            d.insert_new(e.hash, e.key.clone(), e.value.clone());
        }
        d
    }
}
