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
}

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
        DictData { entries: Vec::with_capacity(n), index: HashTable::with_capacity(n), len: 0, version: 0 }
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
    pub fn value_at(&self, i: usize) -> &Value {
        &self.entries[i].value
    }
    pub fn set_value_at(&mut self, i: usize, v: Value) -> Value {
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
