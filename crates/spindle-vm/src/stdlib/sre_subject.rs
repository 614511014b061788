//! The subject of a `re` match as the matcher reads it: the bytes of an ASCII str or of a
//! bytes object (borrowed from the object), the code points of any other str (converted once
//! and kept in a small cache, so a lexer calling `pattern.match(text, pos)` over a long
//! non-ASCII text does not convert it at every call), or a copy of a bytearray.

use crate::object::{ObjRef, Payload};
use crate::stdlib::sre_compile::Program;
use crate::stdlib::sre_match::{Matcher, Stop, Text};
use crate::value::Value;
use crate::vm::Vm;
use crate::{PyErr, PyResult};
use std::sync::Arc;

pub enum Subject {
    /// An ASCII str (its bytes are its code points).
    Ascii(ObjRef),
    /// A str with non-ASCII characters, as code points.
    Wide(Arc<Vec<u32>>),
    Bytes(ObjRef),
    /// A copy of a mutable buffer (bytearray).
    Owned(Vec<u8>),
}

pub enum View<'a> {
    B(&'a [u8]),
    W(&'a [u32]),
}

/// Recently converted non-ASCII strings (most recent last). Protected by its mutex; the
/// strings are held so their addresses cannot be reused while cached.
static WIDE_CACHE: parking_lot::Mutex<Vec<(ObjRef, Arc<Vec<u32>>)>> = parking_lot::Mutex::new(Vec::new());
const WIDE_CACHE_SIZE: usize = 4;
/// Shorter strings are converted at each call.
const WIDE_CACHE_MIN: usize = 64;

fn wide_of(o: &ObjRef, s: &str) -> Arc<Vec<u32>> {
    if s.len() < WIDE_CACHE_MIN {
        return Arc::new(s.chars().map(|c| c as u32).collect());
    }
    // try_lock: a cache busy in another thread (or left locked by a fork) is just skipped.
    if let Some(mut cache) = WIDE_CACHE.try_lock() {
        if let Some(i) = cache.iter().position(|(k, _)| k.is(o)) {
            let e = cache.remove(i);
            let w = e.1.clone();
            cache.push(e);
            return w;
        }
    }
    let w = Arc::new(s.chars().map(|c| c as u32).collect::<Vec<u32>>());
    let evicted = WIDE_CACHE.try_lock().and_then(|mut cache| {
        cache.push((o.clone(), w.clone()));
        if cache.len() > WIDE_CACHE_SIZE {
            Some(cache.remove(0))
        } else {
            None
        }
    });
    drop(evicted);
    w
}

impl Subject {
    /// The subject `v` for a str pattern (`is_text` Some(true)), a bytes pattern, or either
    /// (None: `re.Scanner`'s combined pattern).
    pub fn new(vm: &mut Vm, v: &Value, is_text: Option<bool>) -> PyResult<Subject> {
        if let Some(o) = v.as_obj() {
            match &o.payload {
                Payload::Str(s) => {
                    if is_text == Some(false) {
                        return Err(vm.type_error("cannot use a bytes pattern on a string-like object"));
                    }
                    return Ok(if s.is_ascii() { Subject::Ascii(o.clone()) } else { Subject::Wide(wide_of(o, s.as_str())) });
                }
                Payload::Bytes(_) | Payload::ByteArray(_) => {
                    if is_text == Some(true) {
                        return Err(vm.type_error("cannot use a string pattern on a bytes-like object"));
                    }
                    if let Payload::ByteArray(b) = &o.payload {
                        return Ok(Subject::Owned(b.lock().clone()));
                    }
                    return Ok(Subject::Bytes(o.clone()));
                }
                _ => {}
            }
        }
        let name = vm.type_name(v);
        Err(vm.type_error(&format!("expected string or bytes-like object, got '{name}'")))
    }

    pub fn view(&self) -> View<'_> {
        match self {
            Subject::Ascii(o) => View::B(o.as_str().map_or(&[][..], |s| s.as_str().as_bytes())),
            Subject::Wide(v) => View::W(v),
            Subject::Bytes(o) => match &o.payload {
                Payload::Bytes(b) => View::B(b),
                _ => View::B(&[]),
            },
            Subject::Owned(v) => View::B(v),
        }
    }

    pub fn len(&self) -> usize {
        match self.view() {
            View::B(b) => b.len(),
            View::W(w) => w.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn is_text(&self) -> bool {
        matches!(self, Subject::Ascii(_) | Subject::Wide(_))
    }

    /// `string[s:e]` as a new str or bytes.
    pub fn slice(&self, vm: &mut Vm, s: usize, e: usize) -> Value {
        match self.view() {
            View::B(b) => {
                let lo = s.min(b.len());
                let b = &b[lo..e.min(b.len()).max(lo)];
                if self.is_text() {
                    // An ASCII str: its bytes are valid UTF-8.
                    vm.new_str(std::str::from_utf8(b).unwrap_or(""))
                } else {
                    crate::types::bytes::new_bytes(b.to_vec())
                }
            }
            View::W(w) => {
                let lo = s.min(w.len());
                let w = &w[lo..e.min(w.len()).max(lo)];
                let st: String = w.iter().map(|&c| crate::stdlib::sre_parse::cp_char(c)).collect();
                vm.new_string(st)
            }
        }
    }

    /// Append `string[s:e]` to a result being built.
    pub fn push_slice(&self, out: &mut Joined, s: usize, e: usize) {
        match (self.view(), out) {
            (View::B(b), Joined::Text(t)) => {
                let lo = s.min(b.len());
                t.push_str(std::str::from_utf8(&b[lo..e.min(b.len()).max(lo)]).unwrap_or(""));
            }
            (View::B(b), Joined::Bytes(v)) => {
                let lo = s.min(b.len());
                v.extend_from_slice(&b[lo..e.min(b.len()).max(lo)]);
            }
            (View::W(w), Joined::Text(t)) => {
                let lo = s.min(w.len());
                t.extend(w[lo..e.min(w.len()).max(lo)].iter().map(|&c| crate::stdlib::sre_parse::cp_char(c)));
            }
            (View::W(_), Joined::Bytes(_)) => {}
        }
    }
}

/// A str or bytes result under construction (`sub`).
pub enum Joined {
    Text(String),
    Bytes(Vec<u8>),
}

/// What to run.
#[derive(Clone, Copy)]
pub enum Mode {
    Match,
    FullMatch,
    Search,
}

/// The outcome of one run: capture slots and lastindex.
pub type Found = Option<(Vec<usize>, usize)>;

fn run_on<T: Text + ?Sized>(vm: &mut Vm, prog: &Program, text: &T, pos: usize, end: usize, mode: Mode, must_advance: bool) -> PyResult<Found> {
    let breaker = vm.breaker.clone();
    let mut err: Option<PyErr> = None;
    let result = {
        // Long matches check for signals now and then (Ctrl-C interrupts them).
        let mut check = || {
            if breaker.load(std::sync::atomic::Ordering::Relaxed) & crate::sigint::BREAK_SIGNAL == 0 {
                return true;
            }
            match crate::sigint::check(vm) {
                Ok(()) => true,
                Err(e) => {
                    err = Some(e);
                    false
                }
            }
        };
        let mut m = Matcher::new(prog, text, end, &mut check);
        let r = match mode {
            Mode::Match => m.run(pos, false, must_advance),
            Mode::FullMatch => m.run(pos, true, must_advance),
            Mode::Search => m.search(pos, must_advance),
        };
        match r {
            Ok(true) => {
                let mut slots = std::mem::take(&mut m.slots);
                slots.truncate(prog.groups * 2);
                Ok(Some((slots, m.lastindex)))
            }
            Ok(false) => Ok(None),
            Err(s) => Err(s),
        }
    };
    match result {
        Ok(r) => Ok(r),
        Err(Stop::Interrupted) => Err(err.unwrap_or_else(|| vm.runtime_error("regular expression match interrupted"))),
        Err(Stop::NoMemory) => Err(vm.memory_error()),
    }
}

/// Run `mode` from `pos` over `subject[..end]`.
pub fn run(vm: &mut Vm, prog: &Program, s: &Subject, pos: usize, end: usize, mode: Mode, must_advance: bool) -> PyResult<Found> {
    match s.view() {
        View::B(b) => run_on(vm, prog, b, pos, end, mode, must_advance),
        View::W(w) => run_on(vm, prog, w, pos, end, mode, must_advance),
    }
}
