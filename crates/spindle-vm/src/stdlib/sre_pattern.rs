//! `re.Pattern`: a compiled regular expression (native, as CPython's). Its methods run the
//! matcher over a subject (`sre_subject`) and make `re.Match` objects (`sre_matchobj`);
//! `sub` asks `re._compile_repl` (Python, cached) to parse replacement templates.

use crate::object::{ObjRef, Payload};
use crate::stdlib::sre_args::{bind, int_or};
use crate::stdlib::sre_compile::Program;
use crate::stdlib::sre_match::NONE;
use crate::stdlib::sre_matchobj::{new_match, MatchObj};
use crate::stdlib::sre_parse;
use crate::stdlib::sre_subject::{run, Joined, Mode, Subject};
use crate::sync::PyCell;
use crate::types::{add_classmethod, add_getters, add_methods, add_staticmethod};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};
use std::sync::Arc;

pub struct PatternObj {
    pub prog: Arc<Program>,
    /// A str pattern (Some(true)), a bytes one, or `re.Scanner`'s (None: either subject).
    pub is_text: Option<bool>,
    /// The source (str or bytes) as given to compile.
    pub pattern: Value,
}

pub fn pattern_type() -> &'static ObjRef {
    static T: std::sync::OnceLock<ObjRef> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let ty = crate::stdlib::native_type("re.Pattern");
        add_methods(
            &ty,
            &[
                ("match", p_match),
                ("fullmatch", p_fullmatch),
                ("search", p_search),
                ("findall", p_findall),
                ("finditer", p_finditer),
                ("scanner", p_scanner),
                ("split", p_split),
                ("sub", p_sub),
                ("subn", p_subn),
                ("__repr__", p_repr),
                ("__eq__", p_eq),
                ("__ne__", p_ne),
                ("__hash__", p_hash),
                ("__copy__", p_copy),
                ("__deepcopy__", p_deepcopy),
            ],
        );
        add_getters(&ty, &[("pattern", g_pattern), ("flags", g_flags), ("groups", g_groups), ("groupindex", g_groupindex)]);
        add_staticmethod(&ty, "__new__", p_new);
        add_classmethod(&ty, "__class_getitem__", crate::types::genericalias::class_getitem);
        ty
    })
}

pub fn new_pattern(p: PatternObj) -> Value {
    Value::Obj(ObjRef::new(pattern_type().clone(), Payload::Native(Box::new(p))))
}

fn p_new(vm: &mut Vm, _a: Args) -> PyResult {
    Err(vm.type_error("cannot create 're.Pattern' instances"))
}

fn pattern_of(v: &Value) -> Option<&PatternObj> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Native(n)) => n.downcast_ref::<PatternObj>(),
        _ => None,
    }
}

fn this<'a>(vm: &mut Vm, a: &Args<'a>) -> PyResult<&'a PatternObj> {
    match a.args.first().and_then(pattern_of) {
        Some(p) => Ok(p),
        None => Err(vm.type_error("descriptor requires a 're.Pattern' object")),
    }
}

/// `pos`/`endpos` clamped to the subject as CPython does.
fn bounds(vm: &mut Vm, pos: &Option<Value>, endpos: &Option<Value>, len: usize) -> PyResult<(usize, usize)> {
    let clamp = |v: i64| if v < 0 { 0 } else { (v as u64).min(len as u64) as usize };
    let p = clamp(int_or(vm, pos, 0)?);
    let e = clamp(int_or(vm, endpos, i64::MAX)?);
    Ok((p, e))
}

fn make_match(me: &Value, string: &Value, subject: &Arc<Subject>, prog: &Arc<Program>, pos: usize, endpos: usize, spans: Vec<usize>, lastindex: usize) -> Value {
    new_match(MatchObj { pattern: me.clone(), string: string.clone(), subject: subject.clone(), prog: prog.clone(), pos, endpos, lastindex, spans })
}

fn match_mode(vm: &mut Vm, a: Args, fname: &str, mode: Mode) -> PyResult {
    let p = this(vm, &a)?;
    let v = bind(vm, &a, fname, &["string", "pos", "endpos"], 1)?;
    let sv = v[0].clone().unwrap_or(Value::None);
    let s = Arc::new(Subject::new(vm, &sv, p.is_text)?);
    let (pos, end) = bounds(vm, &v[1], &v[2], s.len())?;
    let prog = p.prog.clone();
    Ok(match run(vm, &prog, &s, pos, end, mode, false)? {
        Some((spans, li)) => make_match(&a.args[0], &sv, &s, &prog, pos, end, spans, li),
        None => Value::None,
    })
}

fn p_match(vm: &mut Vm, a: Args) -> PyResult {
    match_mode(vm, a, "match", Mode::Match)
}

fn p_fullmatch(vm: &mut Vm, a: Args) -> PyResult {
    match_mode(vm, a, "fullmatch", Mode::FullMatch)
}

fn p_search(vm: &mut Vm, a: Args) -> PyResult {
    match_mode(vm, a, "search", Mode::Search)
}

fn group_or_empty(vm: &mut Vm, s: &Subject, spans: &[usize], g: usize) -> Value {
    let (a, b) = (spans[2 * g], spans[2 * g + 1]);
    if a == NONE || b == NONE {
        s.slice(vm, 0, 0)
    } else {
        s.slice(vm, a, b)
    }
}

fn p_findall(vm: &mut Vm, a: Args) -> PyResult {
    let p = this(vm, &a)?;
    let v = bind(vm, &a, "findall", &["string", "pos", "endpos"], 1)?;
    let sv = v[0].clone().unwrap_or(Value::None);
    let s = Subject::new(vm, &sv, p.is_text)?;
    let (mut pos, end) = bounds(vm, &v[1], &v[2], s.len())?;
    let prog = p.prog.clone();
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

fn p_split(vm: &mut Vm, a: Args) -> PyResult {
    let p = this(vm, &a)?;
    let v = bind(vm, &a, "split", &["string", "maxsplit"], 1)?;
    let sv = v[0].clone().unwrap_or(Value::None);
    let s = Subject::new(vm, &sv, p.is_text)?;
    let maxsplit = int_or(vm, &v[1], 0)?;
    let prog = p.prog.clone();
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

/// What replaces each match.
enum Repl {
    Literal(Value),
    Call(Value),
    Template(Vec<TPiece>),
}

/// `(groups, literals)` from `re._compile_repl` as pieces.
fn template_pieces(vm: &mut Vm, t: &Value, groups_count: usize) -> PyResult<Vec<TPiece>> {
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

/// Classify `repl` as CPython's `pattern_subx` does: a callable, a literal (no backslash),
/// or a template parsed by `re._compile_repl` (a template without group references and
/// with one piece is a literal).
fn classify(vm: &mut Vm, me: &Value, p: &PatternObj, repl: &Value) -> PyResult<Repl> {
    if crate::builtins::is_callable(repl) {
        return Ok(Repl::Call(repl.clone()));
    }
    let literal = match repl.as_obj().map(|o| &o.payload) {
        Some(Payload::Str(s)) => !s.as_str().contains('\\'),
        Some(Payload::Bytes(b)) => !b.contains(&b'\\'),
        Some(Payload::ByteArray(b)) => !b.lock().contains(&b'\\'),
        _ => false,
    };
    if literal {
        return Ok(Repl::Literal(repl.clone()));
    }
    let re_mod = crate::import::import_simple(vm, "re")?;
    let f = vm.get_attr_str(&re_mod, "_compile_repl")?;
    let t = vm.call(&f, &[repl.clone(), me.clone()], &[])?;
    let pieces = template_pieces(vm, &t, p.prog.groups)?;
    if let [TPiece::Lit(v)] = &pieces[..] {
        return Ok(Repl::Literal(v.clone()));
    }
    Ok(Repl::Template(pieces))
}

fn subx(vm: &mut Vm, a: Args, fname: &str) -> PyResult<(Value, i64)> {
    let p = this(vm, &a)?;
    let v = bind(vm, &a, fname, &["repl", "string", "count"], 2)?;
    let me = a.args[0].clone();
    let repl = v[0].clone().unwrap_or(Value::None);
    let sv = v[1].clone().unwrap_or(Value::None);
    let count = int_or(vm, &v[2], 0)?;
    let s = Arc::new(Subject::new(vm, &sv, p.is_text)?);
    let repl = classify(vm, &me, p, &repl)?;
    let prog = p.prog.clone();
    let end = s.len();
    let is_text = s.is_text();
    let mut out = if is_text { Joined::Text(String::new()) } else { Joined::Bytes(Vec::new()) };
    let (mut pos, mut last, mut n, mut items) = (0usize, 0usize, 0i64, 0usize);
    let mut must_advance = false;
    while count == 0 || n < count {
        if count < 0 {
            break;
        }
        let Some((spans, li)) = run(vm, &prog, &s, pos, end, Mode::Search, must_advance)? else { break };
        let (b, e) = (spans[0], spans[1]);
        if last < b {
            s.push_slice(&mut out, last, b);
            items += 1;
        }
        match &repl {
            Repl::Call(f) => {
                let m = make_match(&me, &sv, &s, &prog, 0, end, spans.clone(), li);
                let r = vm.call(f, &[m], &[])?;
                if !r.is_none() {
                    push_piece(vm, &mut out, &r, items)?;
                    items += 1;
                }
            }
            Repl::Template(pieces) => {
                for (i, piece) in pieces.iter().enumerate() {
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
            Repl::Literal(v) => {
                push_piece(vm, &mut out, v, items)?;
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
    Ok((result, n))
}

fn p_sub(vm: &mut Vm, a: Args) -> PyResult {
    Ok(subx(vm, a, "sub")?.0)
}

fn p_subn(vm: &mut Vm, a: Args) -> PyResult {
    let (r, n) = subx(vm, a, "subn")?;
    Ok(crate::types::tuple::new_tuple(vec![r, Value::Int(n)]))
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

fn scanner_type() -> &'static ObjRef {
    static T: std::sync::OnceLock<ObjRef> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let ty = crate::stdlib::native_type("_sre.SRE_Scanner");
        add_methods(&ty, &[("match", scanner_match), ("search", scanner_search)]);
        add_getters(&ty, &[("pattern", scanner_pattern)]);
        ty
    })
}

fn new_scanner(vm: &mut Vm, a: &Args, fname: &str) -> PyResult {
    let p = this(vm, a)?;
    let v = bind(vm, a, fname, &["string", "pos", "endpos"], 1)?;
    let sv = v[0].clone().unwrap_or(Value::None);
    let s = Subject::new(vm, &sv, p.is_text)?;
    let (pos, end) = bounds(vm, &v[1], &v[2], s.len())?;
    let obj = ScannerObj { pattern: a.args[0].clone(), string: sv, prog: p.prog.clone(), subject: Arc::new(s), pos0: pos, end, state: PyCell::new(ScanState { pos, must_advance: false, done: false }) };
    Ok(Value::Obj(ObjRef::new(scanner_type().clone(), Payload::Native(Box::new(obj)))))
}

fn p_scanner(vm: &mut Vm, a: Args) -> PyResult {
    new_scanner(vm, &a, "scanner")
}

/// `finditer`: `iter(scanner.search, None)`, as CPython's.
fn p_finditer(vm: &mut Vm, a: Args) -> PyResult {
    let sc = new_scanner(vm, &a, "finditer")?;
    let search = vm.get_attr_str(&sc, "search")?;
    Ok(crate::types::iters::callable_iter(search, Value::None))
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

/// `re.IGNORECASE|re.MULTILINE` as the pattern's repr shows flags (re.UNICODE omitted for
/// str patterns, unknown bits in hex).
fn flags_repr(mut flags: u32, is_text: bool) -> String {
    if is_text && flags & (sre_parse::FLAG_LOCALE | sre_parse::FLAG_UNICODE | sre_parse::FLAG_ASCII) == sre_parse::FLAG_UNICODE {
        flags &= !sre_parse::FLAG_UNICODE;
    }
    let names = [
        ("re.TEMPLATE", sre_parse::FLAG_TEMPLATE),
        ("re.IGNORECASE", sre_parse::FLAG_IGNORECASE),
        ("re.LOCALE", sre_parse::FLAG_LOCALE),
        ("re.MULTILINE", sre_parse::FLAG_MULTILINE),
        ("re.DOTALL", sre_parse::FLAG_DOTALL),
        ("re.UNICODE", sre_parse::FLAG_UNICODE),
        ("re.VERBOSE", sre_parse::FLAG_VERBOSE),
        ("re.DEBUG", sre_parse::FLAG_DEBUG),
        ("re.ASCII", sre_parse::FLAG_ASCII),
    ];
    let mut parts: Vec<String> = Vec::new();
    for (n, b) in names {
        if flags & b != 0 {
            parts.push(n.to_string());
            flags &= !b;
        }
    }
    if flags != 0 {
        parts.push(format!("0x{flags:x}"));
    }
    parts.join("|")
}

fn p_repr(vm: &mut Vm, a: Args) -> PyResult {
    let p = this(vm, &a)?;
    let pattern = p.pattern.clone();
    let r = vm.repr(&pattern)?;
    let r: String = r.chars().take(200).collect();
    let f = flags_repr(p.prog.flags, p.is_text == Some(true));
    Ok(vm.new_string(if f.is_empty() { format!("re.compile({r})") } else { format!("re.compile({r}, {f})") }))
}

fn same(vm: &mut Vm, a: &Args) -> PyResult<Option<bool>> {
    let p = this(vm, a)?;
    let Some(q) = a.args.get(1).and_then(pattern_of) else { return Ok(None) };
    if std::ptr::eq(p, q) {
        return Ok(Some(true));
    }
    if p.prog.flags != q.prog.flags || p.is_text != q.is_text {
        return Ok(Some(false));
    }
    let (x, y) = (p.pattern.clone(), q.pattern.clone());
    Ok(Some(crate::ops::eq(vm, &x, &y)?))
}

fn p_eq(vm: &mut Vm, a: Args) -> PyResult {
    Ok(match same(vm, &a)? {
        Some(b) => Value::Bool(b),
        None => Value::Obj(crate::types::types().not_implemented_obj.clone()),
    })
}

fn p_ne(vm: &mut Vm, a: Args) -> PyResult {
    Ok(match same(vm, &a)? {
        Some(b) => Value::Bool(!b),
        None => Value::Obj(crate::types::types().not_implemented_obj.clone()),
    })
}

fn p_hash(vm: &mut Vm, a: Args) -> PyResult {
    let p = this(vm, &a)?;
    let pattern = p.pattern.clone();
    let flags = p.prog.flags as i64;
    let h = vm.hash(&pattern)? ^ flags.wrapping_mul(1_000_003);
    Ok(Value::Int(if h == -1 { -2 } else { h }))
}

fn p_copy(vm: &mut Vm, a: Args) -> PyResult {
    this(vm, &a)?;
    Ok(a.args[0].clone())
}

fn p_deepcopy(vm: &mut Vm, a: Args) -> PyResult {
    this(vm, &a)?;
    Ok(a.args[0].clone())
}

fn g_pattern(vm: &mut Vm, a: Args) -> PyResult {
    Ok(this(vm, &a)?.pattern.clone())
}

fn g_flags(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Int(this(vm, &a)?.prog.flags as i64))
}

fn g_groups(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Int(this(vm, &a)?.prog.groups as i64 - 1))
}

/// A new dict when there are no named groups, else a read-only view, as CPython's.
fn g_groupindex(vm: &mut Vm, a: Args) -> PyResult {
    let p = this(vm, &a)?;
    let d = vm.new_dict();
    for (name, g) in &p.prog.names {
        let k = vm.new_str(name);
        crate::types::dict::dict_set(vm, &d, k, Value::Int(*g as i64))?;
    }
    if p.prog.names.is_empty() {
        return Ok(Value::Obj(d));
    }
    Ok(crate::types::mappingproxy::new_mappingproxy(Value::Obj(d)))
}
