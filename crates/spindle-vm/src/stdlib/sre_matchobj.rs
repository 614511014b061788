//! `re.Match`: the result of a successful match (native, as CPython's), holding the subject,
//! the capture spans and the pattern. Groups are sliced from the subject the matcher read.

use crate::object::{ObjRef, Payload};
use crate::stdlib::sre_compile::Program;
use crate::stdlib::sre_match::NONE;
use crate::stdlib::sre_subject::Subject;
use crate::types::{add_classmethod, add_getters, add_methods, add_staticmethod};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};
use std::sync::Arc;

pub struct MatchObj {
    /// The `re.Pattern` (Python object) the match came from.
    pub pattern: Value,
    /// The subject as given.
    pub string: Value,
    pub subject: Arc<Subject>,
    pub prog: Arc<Program>,
    pub pos: usize,
    pub endpos: usize,
    pub lastindex: usize,
    /// Two positions per group (NONE when unset).
    pub spans: Vec<usize>,
}

pub fn match_type() -> &'static ObjRef {
    static T: std::sync::OnceLock<ObjRef> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let ty = crate::stdlib::native_type("re.Match");
        add_methods(
            &ty,
            &[
                ("group", m_group),
                ("groups", m_groups),
                ("groupdict", m_groupdict),
                ("start", m_start),
                ("end", m_end),
                ("span", m_span),
                ("expand", m_expand),
                ("__getitem__", m_getitem),
                ("__repr__", m_repr),
                ("__copy__", m_copy),
                ("__deepcopy__", m_deepcopy),
            ],
        );
        add_getters(&ty, &[("string", g_string), ("re", g_re), ("pos", g_pos), ("endpos", g_endpos), ("lastindex", g_lastindex), ("lastgroup", g_lastgroup), ("regs", g_regs)]);
        add_staticmethod(&ty, "__new__", m_new);
        add_classmethod(&ty, "__class_getitem__", crate::types::genericalias::class_getitem);
        ty
    })
}

pub fn new_match(m: MatchObj) -> Value {
    Value::Obj(ObjRef::new(match_type().clone(), Payload::Native(Box::new(m))))
}

fn m_new(vm: &mut Vm, _a: Args) -> PyResult {
    Err(vm.type_error("cannot create 're.Match' instances"))
}

fn this<'a>(vm: &mut Vm, a: &Args<'a>) -> PyResult<&'a MatchObj> {
    if let Some(Payload::Native(n)) = a.args.first().and_then(|v| v.as_obj()).map(|o| &o.payload) {
        if let Some(m) = n.downcast_ref::<MatchObj>() {
            return Ok(m);
        }
    }
    Err(vm.type_error("descriptor requires a 're.Match' object"))
}

impl MatchObj {
    fn groups(&self) -> usize {
        self.spans.len() / 2
    }

    /// The group number `g` names (an int or a group name).
    fn index(&self, vm: &mut Vm, g: &Value) -> PyResult<usize> {
        let n = if let Some(name) = g.as_str() {
            self.prog.names.iter().find(|(k, _)| k == name).map(|(_, i)| *i as i64)
        } else {
            let is_index = g.as_obj().is_none_or(|o| !matches!(o.payload, Payload::Str(_) | Payload::Bytes(_)));
            if is_index {
                crate::stdlib::posix::to_int(vm, g).ok()
            } else {
                None
            }
        };
        match n {
            Some(i) if i >= 0 && (i as usize) < self.groups() => Ok(i as usize),
            _ => Err(vm.index_error("no such group")),
        }
    }

    fn span_of(&self, g: usize) -> Option<(usize, usize)> {
        let (s, e) = (self.spans[2 * g], self.spans[2 * g + 1]);
        if s == NONE || e == NONE {
            None
        } else {
            Some((s, e))
        }
    }

    fn get(&self, vm: &mut Vm, g: usize, default: &Value) -> Value {
        match self.span_of(g) {
            Some((s, e)) => self.subject.slice(vm, s, e),
            None => default.clone(),
        }
    }

    fn span_value(&self, g: usize) -> Value {
        let (s, e) = match self.span_of(g) {
            Some((s, e)) => (s as i64, e as i64),
            None => (-1, -1),
        };
        crate::types::tuple::new_tuple(vec![Value::Int(s), Value::Int(e)])
    }
}

fn m_group(vm: &mut Vm, a: Args) -> PyResult {
    let m = this(vm, &a)?;
    if !a.kwargs.is_empty() {
        return Err(vm.type_error("Match.group() takes no keyword arguments"));
    }
    match a.args.len() {
        1 => Ok(m.get(vm, 0, &Value::None)),
        2 => {
            let i = m.index(vm, &a.args[1])?;
            Ok(m.get(vm, i, &Value::None))
        }
        _ => {
            let mut out = Vec::new();
            for g in &a.args[1..] {
                let i = m.index(vm, g)?;
                out.push(m.get(vm, i, &Value::None));
            }
            Ok(crate::types::tuple::new_tuple(out))
        }
    }
}

fn m_getitem(vm: &mut Vm, a: Args) -> PyResult {
    let m = this(vm, &a)?;
    let g = a.args.get(1).cloned().unwrap_or(Value::Int(0));
    let i = m.index(vm, &g)?;
    Ok(m.get(vm, i, &Value::None))
}

fn default_arg(a: &Args) -> Value {
    a.args.get(1).or_else(|| a.kw("default")).cloned().unwrap_or(Value::None)
}

fn m_groups(vm: &mut Vm, a: Args) -> PyResult {
    let m = this(vm, &a)?;
    let d = default_arg(&a);
    let out: Vec<Value> = (1..m.groups()).map(|g| m.get(vm, g, &d)).collect();
    Ok(crate::types::tuple::new_tuple(out))
}

fn m_groupdict(vm: &mut Vm, a: Args) -> PyResult {
    let m = this(vm, &a)?;
    let d = default_arg(&a);
    let dict = vm.new_dict();
    for (name, g) in &m.prog.names {
        let k = vm.new_str(name);
        let v = m.get(vm, *g, &d);
        crate::types::dict::dict_set(vm, &dict, k, v)?;
    }
    Ok(Value::Obj(dict))
}

fn group_arg(vm: &mut Vm, m: &MatchObj, a: &Args, what: &str) -> PyResult<usize> {
    if !a.kwargs.is_empty() {
        return Err(vm.type_error(&format!("Match.{what}() takes no keyword arguments")));
    }
    if a.args.len() > 2 {
        return Err(vm.type_error(&format!("{what} expected at most 1 argument, got {}", a.args.len() - 1)));
    }
    match a.args.get(1) {
        Some(g) => m.index(vm, g),
        None => Ok(0),
    }
}

fn m_start(vm: &mut Vm, a: Args) -> PyResult {
    let m = this(vm, &a)?;
    let g = group_arg(vm, m, &a, "start")?;
    Ok(Value::Int(m.span_of(g).map_or(-1, |(s, _)| s as i64)))
}

fn m_end(vm: &mut Vm, a: Args) -> PyResult {
    let m = this(vm, &a)?;
    let g = group_arg(vm, m, &a, "end")?;
    Ok(Value::Int(m.span_of(g).map_or(-1, |(_, e)| e as i64)))
}

fn m_span(vm: &mut Vm, a: Args) -> PyResult {
    let m = this(vm, &a)?;
    let g = group_arg(vm, m, &a, "span")?;
    Ok(m.span_value(g))
}

/// `match.expand(template)`: `re._expand(pattern, match, template)` (templates are parsed
/// and cached by `lib/re.py`).
fn m_expand(vm: &mut Vm, a: Args) -> PyResult {
    let m = this(vm, &a)?;
    let Some(t) = a.args.get(1).or_else(|| a.kw("template")).cloned() else {
        return Err(vm.type_error("Match.expand() missing required argument 'template' (pos 1)"));
    };
    let re_mod = crate::import::import_simple(vm, "re")?;
    let f = vm.get_attr_str(&re_mod, "_expand")?;
    let pattern = m.pattern.clone();
    let me = a.args[0].clone();
    vm.call(&f, &[pattern, me, t], &[])
}

fn m_repr(vm: &mut Vm, a: Args) -> PyResult {
    let m = this(vm, &a)?;
    let (s, e) = m.span_of(0).unwrap_or((0, 0));
    let g = m.get(vm, 0, &Value::None);
    let r = vm.repr(&g)?;
    let r: String = r.chars().take(50).collect();
    Ok(vm.new_string(format!("<re.Match object; span=({s}, {e}), match={r}>")))
}

fn m_copy(vm: &mut Vm, a: Args) -> PyResult {
    this(vm, &a)?;
    Ok(a.args[0].clone())
}

fn m_deepcopy(vm: &mut Vm, a: Args) -> PyResult {
    this(vm, &a)?;
    Ok(a.args[0].clone())
}

fn g_string(vm: &mut Vm, a: Args) -> PyResult {
    Ok(this(vm, &a)?.string.clone())
}

fn g_re(vm: &mut Vm, a: Args) -> PyResult {
    Ok(this(vm, &a)?.pattern.clone())
}

fn g_pos(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Int(this(vm, &a)?.pos as i64))
}

fn g_endpos(vm: &mut Vm, a: Args) -> PyResult {
    Ok(Value::Int(this(vm, &a)?.endpos as i64))
}

fn g_lastindex(vm: &mut Vm, a: Args) -> PyResult {
    let m = this(vm, &a)?;
    Ok(if m.lastindex == 0 { Value::None } else { Value::Int(m.lastindex as i64) })
}

fn g_lastgroup(vm: &mut Vm, a: Args) -> PyResult {
    let m = this(vm, &a)?;
    if m.lastindex == 0 {
        return Ok(Value::None);
    }
    match m.prog.names.iter().find(|(_, g)| *g == m.lastindex) {
        Some((name, _)) => Ok(vm.new_str(name)),
        None => Ok(Value::None),
    }
}

fn g_regs(vm: &mut Vm, a: Args) -> PyResult {
    let m = this(vm, &a)?;
    let out: Vec<Value> = (0..m.groups()).map(|g| m.span_value(g)).collect();
    Ok(crate::types::tuple::new_tuple(out))
}
