//! Tracebacks: recording entries as exceptions propagate, and printing CPython 3.11's report
//! (`Traceback (most recent call last):`, source lines, `^~~` carets, chained exceptions).

use crate::code::Code;
use crate::object::{ObjRef, Payload, TracebackData};
use crate::types::types;
use crate::value::Value;
use crate::vm::Vm;
use crate::PyErr;
use std::sync::Arc;

/// Prepend a traceback entry for (code, instruction) to `exc.__traceback__`.
pub fn add_entry(exc: &ObjRef, code: &Arc<Code>, instr: usize) {
    if let Some(d) = crate::exceptions::exc_data(exc) {
        let mut g = d.lock();
        let next = std::mem::replace(&mut g.traceback, Value::None);
        let tb = ObjRef::new(types().traceback.clone(), Payload::Traceback(TracebackData { code: code.clone(), instr, next }));
        g.traceback = Value::Obj(tb);
    }
}

/// Entries of a traceback chain, outermost first.
pub fn entries(tb: &Value) -> Vec<(Arc<Code>, usize)> {
    let mut out = Vec::new();
    let mut cur = tb.clone();
    while let Value::Obj(o) = &cur {
        let Payload::Traceback(t) = &o.payload else { break };
        out.push((t.code.clone(), t.instr));
        let n = t.next.clone();
        cur = n;
    }
    out
}

fn source_line(code: &Code, line: u32) -> Option<String> {
    let src: Arc<str> = match &code.source {
        Some(s) => s.clone(),
        None => {
            let text = std::fs::read_to_string(&code.co.filename).ok()?;
            Arc::from(text.as_str())
        }
    };
    src.lines().nth(line.checked_sub(1)? as usize).map(|s| s.to_string())
}

/// Format one exception (without its chain) as CPython does.
fn format_one(vm: &mut Vm, exc: &ObjRef, out: &mut String) {
    let tb = crate::exceptions::exc_data(exc).map(|d| d.lock().traceback.clone()).unwrap_or(Value::None);
    let ents = entries(&tb);
    if !ents.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        let mut last: Option<(String, u32, String)> = None;
        let mut repeat = 0usize;
        for (code, instr) in &ents {
            let pos = code.co.positions.get(*instr).copied().unwrap_or_default();
            let key = (code.co.filename.clone(), pos.line, code.co.name.clone());
            if last.as_ref() == Some(&key) {
                repeat += 1;
                if repeat >= 3 {
                    continue;
                }
            } else {
                if repeat >= 3 {
                    let n = repeat - 2;
                    out.push_str(&format!("  [Previous line repeated {n} more time{}]\n", if n == 1 { "" } else { "s" }));
                }
                repeat = 0;
                last = Some(key);
            }
            out.push_str(&format!("  File \"{}\", line {}, in {}\n", code.co.filename, pos.line, code.co.name));
            if let Some(text) = source_line(code, pos.line) {
                let stripped = text.trim_start();
                let indent = text.len() - stripped.len();
                let stripped = stripped.trim_end();
                out.push_str(&format!("    {stripped}\n"));
                if let Some(carets) = carets(&text, indent, stripped, pos) {
                    out.push_str(&carets);
                }
            }
        }
        if repeat >= 3 {
            let n = repeat - 2;
            out.push_str(&format!("  [Previous line repeated {n} more time{}]\n", if n == 1 { "" } else { "s" }));
        }
    }
    out.push_str(&format_exception_only(vm, exc));
}

/// The `^^^` line under the failing expression, or None when it would cover the whole line.
fn carets(text: &str, indent: usize, stripped: &str, pos: spindle_compiler::bytecode::Position) -> Option<String> {
    if pos.end_line != pos.line {
        return None;
    }
    let to_char = |b: u32| -> usize { text.get(..(b as usize).min(text.len())).map(|s| s.chars().count()).unwrap_or(0) };
    let start = to_char(pos.col);
    let end = to_char(pos.end_col);
    let indent_chars = text[..indent].chars().count();
    if end <= start || start < indent_chars {
        return None;
    }
    let len = stripped.chars().count();
    if start - indent_chars == 0 && end - indent_chars >= len {
        return None;
    }
    let mut s = String::from("    ");
    s.push_str(&" ".repeat(start - indent_chars));
    s.push_str(&"^".repeat(end - start));
    s.push('\n');
    Some(s)
}

/// `Type: message` (the last line of a report), with SyntaxError's special layout.
pub fn format_exception_only(vm: &mut Vm, exc: &ObjRef) -> String {
    let cls = &exc.cls;
    let td = cls.type_data();
    let module = crate::types::lookup(cls, "__module__").and_then(|m| m.as_str().map(|s| s.to_string()));
    let name = match module.as_deref() {
        Some("builtins") | None => td.qualname.clone(),
        Some("__main__") => td.qualname.clone(),
        Some(m) => format!("{m}.{}", td.qualname),
    };
    let ev = Value::Obj(exc.clone());
    let mut out = String::new();
    if crate::types::is_subtype(cls, &types().exc.syntax_error) {
        let get = |vm: &mut Vm, n: &str| vm.get_attr_str(&ev, n).unwrap_or(Value::None);
        let filename = get(vm, "filename");
        let lineno = get(vm, "lineno");
        let text = get(vm, "text");
        let offset = get(vm, "offset");
        let end_offset = get(vm, "end_offset");
        let msg = get(vm, "msg");
        if let (Some(f), Value::Int(l)) = (filename.as_str(), &lineno) {
            out.push_str(&format!("  File \"{f}\", line {l}\n"));
        }
        if let Some(t) = text.as_str() {
            let t = t.trim_end_matches(['\n', '\r']);
            let stripped = t.trim_start();
            let lead = t.chars().count() - stripped.chars().count();
            out.push_str(&format!("    {stripped}\n"));
            if let Value::Int(off) = offset {
                let off = (off as usize).saturating_sub(1).saturating_sub(lead);
                let mut width = 1usize;
                if let Value::Int(eo) = end_offset {
                    let eo = (eo as usize).saturating_sub(1).saturating_sub(lead);
                    if eo > off {
                        width = eo - off;
                    }
                }
                out.push_str(&format!("    {}{}\n", " ".repeat(off), "^".repeat(width)));
            }
        }
        let m = if msg.is_none() { String::new() } else { vm.to_str(&msg).unwrap_or_default() };
        out.push_str(&format!("{name}: {m}\n"));
        return out;
    }
    let s = match vm.to_str(&ev) {
        Ok(s) => s,
        Err(_) => "<exception str() failed>".to_string(),
    };
    if s.is_empty() {
        out.push_str(&format!("{name}\n"));
    } else {
        out.push_str(&format!("{name}: {s}\n"));
    }
    if let Ok(Some(notes)) = vm.get_attr_opt(&ev, "__notes__") {
        if let Ok(items) = vm.collect(&notes) {
            for n in items {
                let ns = vm.to_str(&n).unwrap_or_default();
                out.push_str(&ns);
                out.push('\n');
            }
        }
    }
    out
}

/// The full report for an uncaught exception, chained causes and contexts first.
pub fn format_exception(vm: &mut Vm, exc: &ObjRef) -> String {
    let mut chain: Vec<(ObjRef, &'static str)> = Vec::new();
    let mut cur = Some(exc.clone());
    let mut seen: Vec<usize> = Vec::new();
    let mut link = "";
    while let Some(e) = cur {
        if seen.contains(&e.id()) {
            break;
        }
        seen.push(e.id());
        chain.push((e.clone(), link));
        let (cause, context, suppress) = match crate::exceptions::exc_data(&e) {
            Some(d) => {
                let g = d.lock();
                (g.cause.clone(), g.context.clone(), g.suppress_context)
            }
            None => (Value::None, Value::None, false),
        };
        cur = None;
        if let Value::Obj(c) = cause {
            link = "\nThe above exception was the direct cause of the following exception:\n\n";
            cur = Some(c);
        } else if !suppress {
            if let Value::Obj(c) = context {
                link = "\nDuring handling of the above exception, another exception occurred:\n\n";
                cur = Some(c);
            }
        }
    }
    let mut out = String::new();
    for (i, (e, _)) in chain.iter().enumerate().rev() {
        format_one(vm, e, &mut out);
        if i > 0 {
            out.push_str(chain[i].1);
        }
    }
    out
}

/// Print an uncaught exception to sys.stderr.
pub fn print_exception(vm: &mut Vm, e: &PyErr) {
    let text = format_exception(vm, &e.0);
    crate::stdlib::sys::write_stderr(vm, &text);
}

/// "Exception ignored in: <obj>" report for errors in `__del__` and similar.
pub fn print_unraisable(vm: &mut Vm, e: &PyErr, what: &str, obj: &Value) {
    let r = vm.repr(obj).unwrap_or_else(|_| "<object repr() failed>".into());
    let text = format!("{what}: {r}\n{}", format_exception(vm, &e.0));
    crate::stdlib::sys::write_stderr(vm, &text);
}
