//! `_sre`: the native half of `re` (`lib/re.py` holds the Python API). Compiles patterns
//! (`sre_parse` -> `sre_compile`) into `_sre.Program` objects whose methods run the matcher
//! (`sre_match`) over a subject (`sre_subject`) and make `re.Match` objects (`sre_matchobj`).
//!
//! * `compile(pattern, flags, error, warn)` -> `(program, flags, groups, names)`; parse
//!   errors raise `error(msg, pattern, pos)` (the `re.error` class passed in); warnings
//!   (nested sets, bytes group names) are issued by calling `warn(category name, message)`.
//! * `program.match(pattern, string, pos, endpos, mode)` (mode 0 match, 1 fullmatch,
//!   2 search) -> Match or None; `program.scanner(pattern, string, pos, endpos)` -> a scanner
//!   whose `match()`/`search()` continue where the previous match ended;
//!   `program.findall(string, pos, endpos)`; `program.split(string, maxsplit)`;
//!   `program.sub(pattern, repl, string, count, kind)` -> `(result, n)` with kind 0 (repl is
//!   the literal replacement), 1 (repl is called with each Match) or 2 (repl is a parsed
//!   template `(groups, literals)` from `re._compile_repl`).

use crate::object::{ObjRef, Payload};
use crate::stdlib::sre_compile::{self, Program};
use crate::stdlib::sre_match::NONE;
use crate::stdlib::sre_matchobj::{new_match, MatchObj};
use crate::stdlib::sre_parse::{self, ReError};
use crate::stdlib::sre_subject::{run, Joined, Mode, Subject};
use crate::stdlib::{module_with, native_type};
use crate::sync::PyCell;
use crate::types::{add_getters, add_methods};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyErr, PyResult};
use std::sync::Arc;

/// A compiled pattern (immutable; shared by the scanners and matches made from it).
struct ProgObj {
    prog: Arc<Program>,
    is_text: bool,
}

fn prog_type() -> &'static ObjRef {
    static T: std::sync::OnceLock<ObjRef> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let ty = native_type("_sre.Program");
        add_methods(&ty, &[("match", prog_match), ("findall", prog_findall), ("scanner", prog_scanner), ("split", prog_split), ("sub", prog_sub)]);
        ty
    })
}

fn scanner_type() -> &'static ObjRef {
    static T: std::sync::OnceLock<ObjRef> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let ty = native_type("_sre.SRE_Scanner");
        add_methods(&ty, &[("match", scanner_match), ("search", scanner_search)]);
        add_getters(&ty, &[("pattern", scanner_pattern)]);
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
    if a.args.len() != 4 {
        return Err(vm.type_error("compile() takes 4 arguments (pattern, flags, error, warn)"));
    }
    let pattern = &a.args[0];
    let flags = crate::stdlib::posix::to_int(vm, &a.args[1])?;
    let (cps, is_text): (Vec<u32>, bool) = match pattern.as_obj().map(|o| &o.payload) {
        Some(Payload::Str(s)) => (s.as_str().chars().map(|c| c as u32).collect(), true),
        Some(Payload::Bytes(b)) => (b.iter().map(|&c| c as u32).collect(), false),
        Some(Payload::ByteArray(b)) => (b.lock().iter().map(|&c| c as u32).collect(), false),
        _ => return Err(vm.type_error("first argument must be string or compiled pattern")),
    };
    let mut warnings = Vec::new();
    let result = sre_parse::parse(&cps, is_text, flags as u32, &mut warnings).and_then(sre_compile::compile);
    // Warnings found before an error are issued too, as CPython's parser does.
    for (kind, msg) in &warnings {
        let k = vm.new_str(if *kind == sre_parse::Warn::Future { "FutureWarning" } else { "DeprecationWarning" });
        let m = vm.new_str(msg);
        vm.call(&a.args[3], &[k, m], &[])?;
    }
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
    let obj = ObjRef::new(prog_type().clone(), Payload::Native(Box::new(ProgObj { prog: Arc::new(prog), is_text })));
    Ok(crate::types::tuple::new_tuple(vec![Value::Obj(obj), Value::Int(flags as i64), Value::Int(groups as i64), crate::types::list::new_list(names)]))
}

fn prog_of<'a>(vm: &mut Vm, v: Option<&'a Value>) -> PyResult<&'a ProgObj> {
    if let Some(Payload::Native(n)) = v.and_then(|v| v.as_obj()).map(|o| &o.payload) {
        if let Some(p) = n.downcast_ref::<ProgObj>() {
            return Ok(p);
        }
    }
    Err(vm.type_error("descriptor requires a '_sre.Program' object"))
}

fn arg<'a>(vm: &mut Vm, a: &Args<'a>, i: usize, what: &str) -> PyResult<&'a Value> {
    match a.args.get(i) {
        Some(v) => Ok(v),
        None => Err(vm.type_error(&format!("missing required argument '{what}'"))),
    }
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

fn make_match(pattern: &Value, string: &Value, subject: &Arc<Subject>, prog: &Arc<Program>, pos: usize, endpos: usize, spans: Vec<usize>, lastindex: usize) -> Value {
    new_match(MatchObj { pattern: pattern.clone(), string: string.clone(), subject: subject.clone(), prog: prog.clone(), pos, endpos, lastindex, spans })
}

fn prog_match(vm: &mut Vm, a: Args) -> PyResult {
    let p = prog_of(vm, a.args.first())?;
    let prog = p.prog.clone();
    let pattern = arg(vm, &a, 1, "pattern")?.clone();
    let sv = arg(vm, &a, 2, "string")?.clone();
    let s = Arc::new(Subject::new(vm, &sv, p.is_text)?);
    let (pos, end) = bounds(vm, &a, 3, s.len())?;
    let mode = match a.args.get(5).map(|v| crate::stdlib::posix::to_int(vm, v)).transpose()? {
        Some(1) => Mode::FullMatch,
        Some(2) => Mode::Search,
        _ => Mode::Match,
    };
    Ok(match run(vm, &prog, &s, pos, end, mode, false)? {
        Some((spans, li)) => make_match(&pattern, &sv, &s, &prog, pos, end, spans, li),
        None => Value::None,
    })
}

fn group_or_empty(vm: &mut Vm, s: &Subject, spans: &[usize], g: usize) -> Value {
    let (a, b) = (spans[2 * g], spans[2 * g + 1]);
    if a == NONE || b == NONE {
        s.slice(vm, 0, 0)
    } else {
        s.slice(vm, a, b)
    }
}

fn prog_findall(vm: &mut Vm, a: Args) -> PyResult {
    let p = prog_of(vm, a.args.first())?;
    let prog = p.prog.clone();
    let sv = arg(vm, &a, 1, "string")?.clone();
    let s = Subject::new(vm, &sv, p.is_text)?;
    let (mut pos, end) = bounds(vm, &a, 2, s.len())?;
    let groups = prog.groups - 1;
    let mut out = Vec::new();
    let mut must_advance = false;
    while pos <= end {
        let Some((spans, _)) = run(vm, &prog, &s, pos, end, Mode::Search, must_advance)? else { break };
        let item = match groups {
            0 => group_or_empty(vm, &s, &spans, 0),
            1 => group_or_empty(vm, &s, &spans, 1),
            n => {
                let items: Vec<Value> = (1..=n).map(|g| group_or_empty(vm, &s, &spans, g)).collect();
                crate::types::tuple::new_tuple(items)
            }
        };
        out.push(item);
        must_advance = spans[1] == spans[0];
        pos = spans[1];
    }
    Ok(crate::types::list::new_list(out))
}

fn prog_split(vm: &mut Vm, a: Args) -> PyResult {
    let p = prog_of(vm, a.args.first())?;
    let prog = p.prog.clone();
    let sv = arg(vm, &a, 1, "string")?.clone();
    let s = Subject::new(vm, &sv, p.is_text)?;
    let maxsplit = match a.args.get(2) {
        Some(v) => crate::stdlib::posix::to_int(vm, v)?,
        None => 0,
    };
    let end = s.len();
    let groups = prog.groups - 1;
    let mut out = Vec::new();
    let (mut pos, mut last, mut n) = (0usize, 0usize, 0i64);
    let mut must_advance = false;
    while maxsplit == 0 || n < maxsplit {
        let Some((spans, _)) = run(vm, &prog, &s, pos, end, Mode::Search, must_advance)? else { break };
        out.push(s.slice(vm, last, spans[0]));
        for g in 1..=groups {
            let (x, y) = (spans[2 * g], spans[2 * g + 1]);
            out.push(if x == NONE || y == NONE { Value::None } else { s.slice(vm, x, y) });
        }
        n += 1;
        must_advance = spans[1] == spans[0];
        pos = spans[1];
        last = pos;
    }
    out.push(s.slice(vm, last, end));
    Ok(crate::types::list::new_list(out))
}

/// Append a replacement piece to the result, with `str.join`'s/`bytes.join`'s type errors
/// (`idx` is the piece's index in the list CPython joins).
fn push_piece(vm: &mut Vm, out: &mut Joined, v: &Value, idx: usize) -> PyResult<()> {
    let payload = v.as_obj().map(|o| &o.payload);
    match out {
        Joined::Text(t) => {
            if let Some(Payload::Str(s)) = payload {
                t.push_str(s.as_str());
                return Ok(());
            }
            let name = vm.type_name(v);
            Err(vm.type_error(&format!("sequence item {idx}: expected str instance, {name} found")))
        }
        Joined::Bytes(b) => match payload {
            Some(Payload::Bytes(x)) => {
                b.extend_from_slice(x);
                Ok(())
            }
            Some(Payload::ByteArray(x)) => {
                b.extend_from_slice(&x.lock());
                Ok(())
            }
            _ => {
                let name = vm.type_name(v);
                Err(vm.type_error(&format!("sequence item {idx}: expected a bytes-like object, {name} found")))
            }
        },
    }
}

/// A parsed replacement template: text pieces and group references, in order.
enum TPiece {
    Lit(Value),
    Group(usize),
}

fn parse_template(vm: &mut Vm, t: &Value, groups_count: usize) -> PyResult<Vec<TPiece>> {
    let parts = vm.collect(t)?;
    let (groups, literals) = match &parts[..] {
        [g, l] => (vm.collect(g)?, vm.collect(l)?),
        _ => return Err(vm.type_error("bad replacement template")),
    };
    let mut pieces: Vec<TPiece> = literals.into_iter().map(TPiece::Lit).collect();
    for g in groups {
        let pair = vm.collect(&g)?;
        if pair.len() != 2 {
            return Err(vm.type_error("bad replacement template"));
        }
        let index = crate::stdlib::posix::to_int(vm, &pair[0])?;
        let group = crate::stdlib::posix::to_int(vm, &pair[1])?;
        if group < 0 || group as u64 >= groups_count as u64 {
            return Err(vm.index_error("no such group"));
        }
        if let Some(p) = usize::try_from(index).ok().and_then(|i| pieces.get_mut(i)) {
            *p = TPiece::Group(group as usize);
        }
    }
    Ok(pieces)
}

fn prog_sub(vm: &mut Vm, a: Args) -> PyResult {
    let p = prog_of(vm, a.args.first())?;
    let prog = p.prog.clone();
    let pattern = arg(vm, &a, 1, "pattern")?.clone();
    let repl = arg(vm, &a, 2, "repl")?.clone();
    let sv = arg(vm, &a, 3, "string")?.clone();
    let count = match a.args.get(4) {
        Some(v) => crate::stdlib::posix::to_int(vm, v)?,
        None => 0,
    };
    let kind = match a.args.get(5) {
        Some(v) => crate::stdlib::posix::to_int(vm, v)?,
        None => 0,
    };
    let s = Arc::new(Subject::new(vm, &sv, p.is_text)?);
    let template = if kind == 2 { parse_template(vm, &repl, prog.groups)? } else { Vec::new() };
    let end = s.len();
    let mut out = if s.is_text() { Joined::Text(String::new()) } else { Joined::Bytes(Vec::new()) };
    let (mut pos, mut last, mut n, mut items) = (0usize, 0usize, 0i64, 0usize);
    let mut must_advance = false;
    while count <= 0 || n < count {
        if count < 0 {
            break;
        }
        let Some((spans, li)) = run(vm, &prog, &s, pos, end, Mode::Search, must_advance)? else { break };
        let (b, e) = (spans[0], spans[1]);
        if last < b {
            s.push_slice(&mut out, last, b);
            items += 1;
        }
        match kind {
            1 => {
                let m = make_match(&pattern, &sv, &s, &prog, 0, end, spans.clone(), li);
                let r = vm.call(&repl, &[m], &[])?;
                if !r.is_none() {
                    push_piece(vm, &mut out, &r, items)?;
                    items += 1;
                }
            }
            2 => {
                let is_text = s.is_text();
                for (i, piece) in template.iter().enumerate() {
                    match piece {
                        TPiece::Group(g) => {
                            let (x, y) = (spans[2 * g], spans[2 * g + 1]);
                            if x != NONE && y != NONE {
                                s.push_slice(&mut out, x, y);
                            }
                        }
                        TPiece::Lit(v) => {
                            // A literal of the wrong type fails as joining the expansion
                            // (item i of the template) would.
                            let ok = v.as_obj().is_some_and(|o| if is_text { matches!(o.payload, Payload::Str(_)) } else { matches!(o.payload, Payload::Bytes(_) | Payload::ByteArray(_)) });
                            push_piece(vm, &mut out, v, if ok { items } else { i })?;
                        }
                    }
                }
                items += 1;
            }
            _ => {
                push_piece(vm, &mut out, &repl, items)?;
                items += 1;
            }
        }
        n += 1;
        must_advance = e == b;
        pos = e;
        last = e;
    }
    if last < end {
        s.push_slice(&mut out, last, end);
    }
    let result = match out {
        Joined::Text(t) => vm.new_string(t),
        Joined::Bytes(b) => crate::types::bytes::new_bytes(b),
    };
    Ok(crate::types::tuple::new_tuple(vec![result, Value::Int(n)]))
}

/// A scanner's position: where the next match starts. Protected by its lock.
struct ScanState {
    pos: usize,
    must_advance: bool,
    done: bool,
}

struct ScannerObj {
    pattern: Value,
    string: Value,
    prog: Arc<Program>,
    subject: Arc<Subject>,
    pos0: usize,
    end: usize,
    state: PyCell<ScanState>,
}

fn prog_scanner(vm: &mut Vm, a: Args) -> PyResult {
    let p = prog_of(vm, a.args.first())?;
    let prog = p.prog.clone();
    let pattern = arg(vm, &a, 1, "pattern")?.clone();
    let sv = arg(vm, &a, 2, "string")?.clone();
    let s = Subject::new(vm, &sv, p.is_text)?;
    let (pos, end) = bounds(vm, &a, 3, s.len())?;
    let obj = ScannerObj { pattern, string: sv, prog, subject: Arc::new(s), pos0: pos, end, state: PyCell::new(ScanState { pos, must_advance: false, done: false }) };
    Ok(Value::Obj(ObjRef::new(scanner_type().clone(), Payload::Native(Box::new(obj)))))
}

fn scanner_of<'a>(vm: &mut Vm, v: Option<&'a Value>) -> PyResult<&'a ScannerObj> {
    if let Some(Payload::Native(n)) = v.and_then(|v| v.as_obj()).map(|o| &o.payload) {
        if let Some(p) = n.downcast_ref::<ScannerObj>() {
            return Ok(p);
        }
    }
    Err(vm.type_error("descriptor requires a '_sre.SRE_Scanner' object"))
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
    let r = run(vm, &sc.prog, &sc.subject, pos, sc.end, mode, must_advance)?;
    let mut g = sc.state.lock();
    match r {
        Some((spans, li)) => {
            g.must_advance = spans[1] == spans[0];
            g.pos = spans[1];
            drop(g);
            Ok(make_match(&sc.pattern, &sc.string, &sc.subject, &sc.prog, sc.pos0, sc.end, spans, li))
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

fn scanner_pattern(vm: &mut Vm, a: Args) -> PyResult {
    Ok(scanner_of(vm, a.args.first())?.pattern.clone())
}

pub fn create(vm: &mut Vm) -> ObjRef {
    let m = module_with(vm, "_sre", &[("compile", compile)]);
    crate::stdlib::set_attr(vm, &m, "MAXREPEAT", Value::Int(sre_parse::MAXREPEAT as i64));
    crate::stdlib::set_attr(vm, &m, "MAXGROUPS", Value::Int(sre_parse::MAXGROUPS as i64));
    let mt = Value::Obj(crate::stdlib::sre_matchobj::match_type().clone());
    crate::stdlib::set_attr(vm, &m, "Match", mt);
    m
}
