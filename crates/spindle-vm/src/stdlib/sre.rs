//! `_sre`: the native half of `re` (`lib/re.py` holds the Python API). Compiles patterns
//! (`sre_parse` -> `sre_compile`) into `_sre.Program` objects and runs the matcher
//! (`sre_match`) over str (code points) and bytes-like subjects.
//!
//! * `compile(pattern, flags, error)` -> `(program, flags, groups, names, warnings)`
//!   (warnings: `(category name, message)` pairs); parse errors raise `error(msg, pattern, pos)` (the `re.error` class passed in).
//! * `program.match(string, pos, endpos, mode)` (mode 0 match, 1 fullmatch, 2 search) and
//!   `scanner.match()`/`search()` return None or the registers
//!   `(pos, endpos, lastindex, start0, end0, start1, end1, ...)` (-1 for unset, lastindex 0
//!   for none).
//! * `program.findall(string, pos, endpos)`, `program.scanner(string, pos, endpos)`.

use crate::object::{ObjRef, Payload};
use crate::stdlib::sre_compile::{self, Program};
use crate::stdlib::sre_match::{Matcher, Stop, Text, NONE};
use crate::stdlib::sre_parse::{self, ReError};
use crate::stdlib::{module_with, native_type};
use crate::sync::PyCell;
use crate::types::add_methods;
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyErr, PyResult};
use std::sync::Arc;

/// A compiled pattern (immutable; shared by the scanners made from it).
struct ProgObj {
    prog: Arc<Program>,
    is_text: bool,
}

/// The subject of a match, kept as the matcher reads it.
enum Subject {
    /// An ASCII str (its bytes are its code points).
    Ascii(ObjRef),
    /// A str with non-ASCII characters, as code points.
    Wide(Vec<u32>),
    Bytes(ObjRef),
    /// A copy of a mutable buffer (bytearray).
    Owned(Vec<u8>),
}

enum View<'a> {
    B(&'a [u8]),
    W(&'a [u32]),
}

impl Subject {
    fn view(&self) -> View<'_> {
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
    fn len(&self) -> usize {
        match self.view() {
            View::B(b) => b.len(),
            View::W(w) => w.len(),
        }
    }
    fn is_text(&self) -> bool {
        matches!(self, Subject::Ascii(_) | Subject::Wide(_))
    }
    /// `string[s:e]` as a new str or bytes.
    fn slice(&self, vm: &mut Vm, s: usize, e: usize) -> Value {
        match self.view() {
            View::B(b) => {
                let b = &b[s.min(b.len())..e.min(b.len()).max(s.min(b.len()))];
                if self.is_text() {
                    // An ASCII str: its bytes are valid UTF-8.
                    vm.new_str(std::str::from_utf8(b).unwrap_or(""))
                } else {
                    crate::types::bytes::new_bytes(b.to_vec())
                }
            }
            View::W(w) => {
                let w = &w[s.min(w.len())..e.min(w.len()).max(s.min(w.len()))];
                let st: String = w.iter().map(|&c| sre_parse::cp_char(c)).collect();
                vm.new_string(st)
            }
        }
    }
}

fn subject(vm: &mut Vm, v: &Value, is_text: bool) -> PyResult<Subject> {
    if let Some(o) = v.as_obj() {
        match &o.payload {
            Payload::Str(s) => {
                if !is_text {
                    return Err(vm.type_error("cannot use a bytes pattern on a string-like object"));
                }
                return Ok(if s.is_ascii() { Subject::Ascii(o.clone()) } else { Subject::Wide(s.as_str().chars().map(|c| c as u32).collect()) });
            }
            Payload::Bytes(_) | Payload::ByteArray(_) => {
                if is_text {
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

fn prog_type() -> &'static ObjRef {
    static T: std::sync::OnceLock<ObjRef> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let ty = native_type("_sre.Program");
        add_methods(&ty, &[("match", prog_match), ("findall", prog_findall), ("scanner", prog_scanner)]);
        ty
    })
}

fn scanner_type() -> &'static ObjRef {
    static T: std::sync::OnceLock<ObjRef> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let ty = native_type("_sre.Scanner");
        add_methods(&ty, &[("match", scanner_match), ("search", scanner_search)]);
        ty
    })
}

fn re_error(vm: &mut Vm, err: ReError, pattern: &Value, error_cls: &Value) -> PyErr {
    match err {
        ReError::Re(msg, pos) => {
            let m = vm.new_string(msg);
            // Errors found after parsing (lookbehind width) carry no position nor pattern.
            let (pat, p) = match pos {
                Some(p) => (pattern.clone(), Value::Int(p as i64)),
                None => (Value::None, Value::None),
            };
            match vm.call(error_cls, &[m, pat, p], &[]) {
                Ok(e) => match e.as_obj() {
                    Some(o) => PyErr(o.clone()),
                    None => vm.type_error("re.error could not be created"),
                },
                Err(e) => e,
            }
        }
        ReError::Overflow(m) => vm.overflow_error(&m),
        ReError::Value(m) => vm.value_error(&m),
        ReError::Recursion => vm.recursion_error(),
        ReError::NotImplemented(m) => vm.not_implemented_error(&m),
    }
}

fn compile(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() != 3 {
        return Err(vm.type_error("compile() takes 3 arguments (pattern, flags, error)"));
    }
    let pattern = &a.args[0];
    let flags = crate::stdlib::posix::to_int(vm, &a.args[1])?;
    let (cps, is_text): (Vec<u32>, bool) = match pattern.as_obj().map(|o| &o.payload) {
        Some(Payload::Str(s)) => (s.as_str().chars().map(|c| c as u32).collect(), true),
        Some(Payload::Bytes(b)) => (b.iter().map(|&c| c as u32).collect(), false),
        Some(Payload::ByteArray(b)) => (b.lock().iter().map(|&c| c as u32).collect(), false),
        _ => return Err(vm.type_error("first argument must be string or compiled pattern")),
    };
    let result = sre_parse::parse(&cps, is_text, flags as u32).and_then(sre_compile::compile);
    let prog = match result {
        Ok(p) => p,
        Err(e) => return Err(re_error(vm, e, pattern, &a.args[2])),
    };
    let flags = prog.flags;
    let groups = prog.groups - 1;
    let mut names = Vec::new();
    for (n, i) in &prog.names {
        let k = vm.new_str(n);
        names.push(crate::types::tuple::new_tuple(vec![k, Value::Int(*i as i64)]));
    }
    let mut warnings = Vec::new();
    for (kind, msg) in &prog.warnings {
        let k = vm.new_str(if *kind == sre_parse::Warn::Future { "FutureWarning" } else { "DeprecationWarning" });
        let m = vm.new_str(msg);
        warnings.push(crate::types::tuple::new_tuple(vec![k, m]));
    }
    let obj = ObjRef::new(prog_type().clone(), Payload::Native(Box::new(ProgObj { prog: Arc::new(prog), is_text })));
    Ok(crate::types::tuple::new_tuple(vec![Value::Obj(obj), Value::Int(flags as i64), Value::Int(groups as i64), crate::types::list::new_list(names), crate::types::list::new_list(warnings)]))
}

fn prog_of<'a>(vm: &mut Vm, v: Option<&'a Value>) -> PyResult<&'a ProgObj> {
    if let Some(Payload::Native(n)) = v.and_then(|v| v.as_obj()).map(|o| &o.payload) {
        if let Some(p) = n.downcast_ref::<ProgObj>() {
            return Ok(p);
        }
    }
    Err(vm.type_error("descriptor requires a '_sre.Program' object"))
}

/// `pos`/`endpos` arguments clamped to the subject as CPython does.
fn bounds(vm: &mut Vm, a: &Args, i: usize, len: usize) -> PyResult<(usize, usize)> {
    let clamp = |v: i64| if v < 0 { 0 } else { (v as u64).min(len as u64) as usize };
    let pos = match a.args.get(i) {
        Some(v) => clamp(crate::stdlib::posix::to_int(vm, v)?),
        None => 0,
    };
    let end = match a.args.get(i + 1) {
        Some(v) => clamp(crate::stdlib::posix::to_int(vm, v)?),
        None => len,
    };
    Ok((pos, end))
}

/// What to run.
#[derive(Clone, Copy)]
enum Mode {
    Match,
    FullMatch,
    Search,
}

/// Run `mode` at `pos`; the registers on success.
fn run_on<T: Text + ?Sized>(vm: &mut Vm, prog: &Program, text: &T, pos: usize, end: usize, mode: Mode, must_advance: bool) -> PyResult<Option<(Vec<usize>, usize)>> {
    let breaker = vm.breaker.clone();
    let mut err: Option<PyErr> = None;
    let result = {
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
            Ok(true) => Ok(Some((m.slots.clone(), m.lastindex))),
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

fn run_subject(vm: &mut Vm, prog: &Program, s: &Subject, pos: usize, end: usize, mode: Mode, must_advance: bool) -> PyResult<Option<(Vec<usize>, usize)>> {
    match s.view() {
        View::B(b) => run_on(vm, prog, b, pos, end, mode, must_advance),
        View::W(w) => run_on(vm, prog, w, pos, end, mode, must_advance),
    }
}

fn regs(pos: usize, end: usize, slots: &[usize], lastindex: usize) -> Value {
    let mut v = Vec::with_capacity(slots.len() + 3);
    v.push(Value::Int(pos as i64));
    v.push(Value::Int(end as i64));
    v.push(Value::Int(lastindex as i64));
    for pair in slots.chunks(2) {
        let (s, e) = (pair[0], pair.get(1).copied().unwrap_or(NONE));
        if s == NONE || e == NONE {
            v.push(Value::Int(-1));
            v.push(Value::Int(-1));
        } else {
            v.push(Value::Int(s as i64));
            v.push(Value::Int(e as i64));
        }
    }
    crate::types::tuple::new_tuple(v)
}

fn prog_match(vm: &mut Vm, a: Args) -> PyResult {
    let p = prog_of(vm, a.args.first())?;
    let prog = p.prog.clone();
    let Some(sv) = a.args.get(1) else { return Err(vm.type_error("match() missing required argument 'string'")) };
    let s = subject(vm, sv, p.is_text)?;
    let (pos, end) = bounds(vm, &a, 2, s.len())?;
    let mode = match a.args.get(4).map(|v| crate::stdlib::posix::to_int(vm, v)).transpose()? {
        Some(1) => Mode::FullMatch,
        Some(2) => Mode::Search,
        _ => Mode::Match,
    };
    Ok(match run_subject(vm, &prog, &s, pos, end, mode, false)? {
        Some((slots, li)) => regs(pos, end, &slots, li),
        None => Value::None,
    })
}

fn prog_findall(vm: &mut Vm, a: Args) -> PyResult {
    let p = prog_of(vm, a.args.first())?;
    let prog = p.prog.clone();
    let Some(sv) = a.args.get(1) else { return Err(vm.type_error("findall() missing required argument 'string'")) };
    let s = subject(vm, sv, p.is_text)?;
    let (mut pos, end) = bounds(vm, &a, 2, s.len())?;
    let groups = prog.groups - 1;
    let mut out = Vec::new();
    let mut must_advance = false;
    while pos <= end {
        let Some((slots, _)) = run_subject(vm, &prog, &s, pos, end, Mode::Search, must_advance)? else { break };
        let get = |vm: &mut Vm, g: usize| {
            let (a, b) = (slots[2 * g], slots[2 * g + 1]);
            if a == NONE || b == NONE {
                s.slice(vm, 0, 0)
            } else {
                s.slice(vm, a, b)
            }
        };
        let item = match groups {
            0 => get(vm, 0),
            1 => get(vm, 1),
            n => {
                let items: Vec<Value> = (1..=n).map(|g| get(vm, g)).collect();
                crate::types::tuple::new_tuple(items)
            }
        };
        out.push(item);
        must_advance = slots[1] == slots[0];
        pos = slots[1];
    }
    Ok(crate::types::list::new_list(out))
}

/// A scanner's state: the subject and where the next match starts. Protected by its lock.
struct ScanState {
    pos: usize,
    must_advance: bool,
    done: bool,
}

struct ScannerObj {
    prog: Arc<Program>,
    subject: Subject,
    end: usize,
    state: PyCell<ScanState>,
}

fn prog_scanner(vm: &mut Vm, a: Args) -> PyResult {
    let p = prog_of(vm, a.args.first())?;
    let prog = p.prog.clone();
    let Some(sv) = a.args.get(1) else { return Err(vm.type_error("scanner() missing required argument 'string'")) };
    let s = subject(vm, sv, p.is_text)?;
    let (pos, end) = bounds(vm, &a, 2, s.len())?;
    let obj = ScannerObj { prog, subject: s, end, state: PyCell::new(ScanState { pos, must_advance: false, done: false }) };
    Ok(Value::Obj(ObjRef::new(scanner_type().clone(), Payload::Native(Box::new(obj)))))
}

fn scanner_of<'a>(vm: &mut Vm, v: Option<&'a Value>) -> PyResult<&'a ScannerObj> {
    if let Some(Payload::Native(n)) = v.and_then(|v| v.as_obj()).map(|o| &o.payload) {
        if let Some(p) = n.downcast_ref::<ScannerObj>() {
            return Ok(p);
        }
    }
    Err(vm.type_error("descriptor requires a '_sre.Scanner' object"))
}

fn scanner_step(vm: &mut Vm, a: Args, mode: Mode) -> PyResult {
    let sc = scanner_of(vm, a.args.first())?;
    let (pos, must_advance, done) = {
        let g = sc.state.lock();
        (g.pos, g.must_advance, g.done)
    };
    if done || pos > sc.end {
        return Ok(Value::None);
    }
    let r = run_subject(vm, &sc.prog, &sc.subject, pos, sc.end, mode, must_advance)?;
    let mut g = sc.state.lock();
    match r {
        Some((slots, li)) => {
            g.must_advance = slots[1] == slots[0];
            g.pos = slots[1];
            drop(g);
            Ok(regs(pos, sc.end, &slots, li))
        }
        None => {
            g.done = true;
            Ok(Value::None)
        }
    }
}

fn scanner_match(vm: &mut Vm, a: Args) -> PyResult {
    scanner_step(vm, a, Mode::Match)
}

fn scanner_search(vm: &mut Vm, a: Args) -> PyResult {
    scanner_step(vm, a, Mode::Search)
}

pub fn create(vm: &mut Vm) -> ObjRef {
    let m = module_with(vm, "_sre", &[("compile", compile)]);
    crate::stdlib::set_attr(vm, &m, "MAXREPEAT", Value::Int(sre_parse::MAXREPEAT as i64));
    crate::stdlib::set_attr(vm, &m, "MAXGROUPS", Value::Int(sre_parse::MAXGROUPS as i64));
    m
}
