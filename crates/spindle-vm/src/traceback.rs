//! Tracebacks: recording entries as exceptions propagate, and printing CPython 3.11's report
//! (`Traceback (most recent call last):`, source lines, `^~~` carets, chained exceptions).

use crate::code::Code;
use crate::eval::Frame;
use crate::object::{ObjRef, Payload, TracebackData};
use crate::types::types;
use crate::value::Value;
use crate::vm::Vm;
use crate::PyErr;
use std::sync::Arc;

/// Prepend a traceback entry for (code, instruction) to `exc.__traceback__`.
pub fn add_entry(exc: &ObjRef, frame: &Frame) {
    if let Some(d) = crate::exceptions::exc_data(exc) {
        let mut g = d.lock();
        let next = std::mem::replace(&mut g.traceback, Value::None);
        let data = TracebackData { code: frame.code.clone(), instr: frame.lasti, globals: frame.globals.clone(), builtins: frame.builtins.clone(), next, frame: std::sync::OnceLock::new() };
        let tb = ObjRef::new(types().traceback.clone(), Payload::Traceback(data));
        g.traceback = Value::Obj(tb);
    }
}

/// An exception left `frame` (popped from the frame stack): the newest traceback entry, if it
/// is this frame's, keeps it (its locals live as long as the traceback). Otherwise the frame
/// is handed back.
pub fn keep_frame(exc: &ObjRef, frame: Box<Frame>) -> Option<Box<Frame>> {
    let Some(d) = crate::exceptions::exc_data(exc) else { return Some(frame) };
    let tb = d.lock().traceback.clone();
    if let Value::Obj(t) = &tb {
        if let Payload::Traceback(data) = &t.payload {
            if Arc::ptr_eq(&data.code, &frame.code) && data.frame.get().is_none() {
                let _ = data.frame.set(frame);
                return None;
            }
        }
    }
    Some(frame)
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

/// Source files read while formatting one report (CPython re-reads the file for every entry;
/// caching within a report gives the same text).
#[derive(Default)]
struct SourceCache {
    files: Vec<(String, Option<Arc<str>>)>,
}

impl SourceCache {
    /// Line `line` (1-based) of `filename` without its newline, as CPython's traceback printer
    /// reads it: never for `<...>` names, None when the file cannot be read.
    /// Modules of the library embedded in the binary (`<spindle-lib>/...`) have no file: their
    /// text is the code object's own `embedded` source.
    fn line(&mut self, filename: &str, line: u32, embedded: Option<&Arc<str>>) -> Option<String> {
        if filename.starts_with("<spindle-lib>/") {
            let n = line.checked_sub(1)? as usize;
            return split_lines(embedded?).nth(n).map(|s| s.to_string());
        }
        if filename.starts_with('<') && filename.ends_with('>') {
            return None;
        }
        let idx = match self.files.iter().position(|(f, _)| f == filename) {
            Some(i) => i,
            None => {
                let text = std::fs::read(filename).ok().map(|b| Arc::from(String::from_utf8_lossy(&b).as_ref()));
                self.files.push((filename.to_string(), text));
                self.files.len() - 1
            }
        };
        let src = self.files[idx].1.as_ref()?;
        let n = line.checked_sub(1)? as usize;
        split_lines(src).nth(n).map(|s| s.to_string())
    }
}

/// Lines as Python's text files read them (universal newlines: `\n`, `\r\n` and `\r`).
fn split_lines(src: &str) -> impl Iterator<Item = &str> {
    let mut rest = src;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let cut = rest.find(['\n', '\r']).unwrap_or(rest.len());
        let line = &rest[..cut];
        let b = rest.as_bytes();
        let skip = if cut < b.len() && b[cut] == b'\r' && b.get(cut + 1) == Some(&b'\n') { 2 } else if cut < b.len() { 1 } else { 0 };
        rest = &rest[cut + skip..];
        Some(line)
    })
}

/// CPython's `_PyPegen_byte_offset_to_character_offset`: characters in the first `col` bytes.
fn byte_to_char(line: &str, col: usize) -> usize {
    let b = line.as_bytes();
    if col > b.len() {
        // CPython decodes the terminating NUL as one more character.
        return line.chars().count() + 1;
    }
    String::from_utf8_lossy(&b[..col]).chars().count()
}

fn is_ws(c: u8) -> bool {
    c == b' ' || c == b'\t' || c == 0x0c
}

/// The `~~~^^^` line under a traceback entry's source line (`line` is the whole line, indentation
/// included), or None when CPython prints none: no position, or the carets would span exactly
/// the stripped line with no secondary range.
fn carets(line: &str, pos: spindle_compiler::bytecode::Position) -> Option<String> {
    if pos.line == 0 {
        return None;
    }
    let indent = line.chars().take_while(|&c| c == ' ' || c == '\t' || c == '\x0c').count() as i64;
    let line_len = line.chars().count() as i64;
    let start = byte_to_char(line, pos.col as usize) as i64;
    let mut end = byte_to_char(line, pos.end_col as usize) as i64;
    let mut anchors: Option<(i64, i64, bool)> = None;
    if pos.line == pos.end_line {
        let chars: Vec<char> = line.chars().collect();
        let (s, e) = (start.clamp(0, line_len) as usize, end.clamp(0, line_len) as usize);
        if s <= e {
            let segment: String = chars[s..e].iter().collect();
            if let Some(a) = spindle_compiler::anchors::traceback_anchors(&segment) {
                let l = byte_to_char(&segment, a.left) as i64 + start;
                let r = byte_to_char(&segment, a.right) as i64 + start;
                anchors = Some((l, r, a.tilde));
            }
        }
    } else {
        // A multi-line expression: highlight to the last non-blank character. CPython walks the
        // UTF-8 bytes from the character length down; kept as is for identical output.
        let b = line.as_bytes();
        let mut i = line_len - 1;
        while i >= 0 {
            match b.get(i as usize) {
                Some(&c) if is_ws(c) => i -= 1,
                _ => break,
            }
        }
        end = i + 1;
    }
    if end - start == line_len - indent && anchors.is_none() {
        return None;
    }
    let (primary, secondary) = match anchors {
        Some((_, _, true)) => ('~', '^'),
        _ => ('^', '^'),
    };
    let mut s = String::new();
    let mut offset = indent - 4;
    loop {
        offset += 1;
        if offset > end {
            break;
        }
        let c = if offset <= start {
            ' '
        } else if matches!(anchors, Some((l, r, _)) if l < offset && offset <= r) {
            secondary
        } else {
            primary
        };
        s.push(c);
    }
    s.push('\n');
    Some(s)
}

/// Format one exception (without its chain) as CPython does.
fn format_one(vm: &mut Vm, exc: &ObjRef, out: &mut String) {
    let tb = crate::exceptions::exc_data(exc).map(|d| d.lock().traceback.clone()).unwrap_or(Value::None);
    let mut ents = entries(&tb);
    // sys.tracebacklimit: only the innermost entries; none (not even the header) when <= 0.
    // Unset, CPython's printer keeps the innermost 1000 (PyTraceBack_LIMIT).
    const DEFAULT_LIMIT: usize = 1000;
    if ents.len() > DEFAULT_LIMIT && crate::stdlib::sys::sys_attr("tracebacklimit").is_none() {
        ents.drain(..ents.len() - DEFAULT_LIMIT);
    }
    if let Some(v) = crate::stdlib::sys::sys_attr("tracebacklimit") {
        if crate::ops::is_int(&v) {
            let negative = crate::types::int::to_bigint(&v).is_some_and(|b| b.sign() == num_bigint::Sign::Minus);
            let limit = crate::types::int::to_i64(&v).unwrap_or(if negative { i64::MIN } else { i64::MAX });
            if limit <= 0 {
                ents.clear();
            } else if (ents.len() as i64) > limit {
                ents.drain(..ents.len() - limit as usize);
            }
        }
    }
    let mut cache = SourceCache::default();
    if !ents.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        let mut last: Option<(String, u32, String)> = None;
        let mut count = 0usize;
        let repeated = |out: &mut String, count: usize| {
            if count > 3 {
                let n = count - 3;
                out.push_str(&format!("  [Previous line repeated {n} more time{}]\n", if n > 1 { "s" } else { "" }));
            }
        };
        for (code, instr) in &ents {
            let pos = code.co.positions.get(*instr).copied().unwrap_or_default();
            let key = (code.co.filename.clone(), pos.line, code.co.name.clone());
            if last.as_ref() != Some(&key) {
                repeated(out, count);
                last = Some(key);
                count = 0;
            }
            count += 1;
            if count > 3 {
                continue;
            }
            out.push_str(&format!("  File \"{}\", line {}, in {}\n", code.co.filename, pos.line, code.co.name));
            if let Some(text) = cache.line(&code.co.filename, pos.line, code.source.as_ref()) {
                let stripped = text.trim_start_matches([' ', '\t', '\x0c']);
                out.push_str(&format!("    {stripped}\n"));
                if let Some(c) = carets(&text, pos) {
                    out.push_str(&c);
                }
            }
        }
        repeated(out, count);
    }
    out.push_str(&format_exception_only(vm, exc));
}

/// `Type: message` (the last line of a report), with SyntaxError's special layout.
pub fn format_exception_only(vm: &mut Vm, exc: &ObjRef) -> String {
    let cls = &exc.cls;
    let td = cls.type_data();
    let module = crate::types::lookup(cls, "__module__");
    let module = module.as_ref().map(|m| m.as_str().map(|s| s.to_string()));
    let name = match module {
        // No __module__ (builtin types): builtins.
        None => td.qualname.clone(),
        Some(None) => format!("<unknown>.{}", td.qualname),
        Some(Some(m)) if m == "builtins" || m == "__main__" => td.qualname.clone(),
        Some(Some(m)) => format!("{m}.{}", td.qualname),
    };
    let ev = Value::Obj(exc.clone());
    let mut out = String::new();
    // SyntaxError and subclasses (CPython: anything with `print_file_and_line`): the location
    // block, then the message in place of str(exc).
    let mut value = ev.clone();
    if let Ok(Some(_)) = vm.get_attr_opt(&ev, "print_file_and_line") {
        if let Some((msg, block)) = syntax_error_block(vm, exc) {
            out.push_str(&block);
            value = msg;
        }
    }
    if value.is_none() {
        out.push_str(&name);
        out.push('\n');
        return out;
    }
    let ev = value;
    let s = match vm.to_str(&ev) {
        Ok(s) => s,
        Err(_) => "<exception str() failed>".to_string(),
    };
    out.push_str(&name);
    if !s.is_empty() {
        out.push_str(": ");
        out.push_str(&s);
    }
    if let Some(sugg) = crate::suggestions::offer(vm, exc) {
        out.push_str(&format!(". Did you mean: '{sugg}'?"));
    }
    out.push('\n');
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

/// CPython's `parse_syntax_error` plus the `File` line and `print_error_text`: the message and
/// the lines printed above it, or None when the attributes do not fit (then the exception prints
/// as any other).
fn syntax_error_block(vm: &mut Vm, exc: &ObjRef) -> Option<(Value, String)> {
    let ev = Value::Obj(exc.clone());
    let msg = vm.get_attr_opt(&ev, "msg").ok()??;
    let filename = match vm.get_attr_opt(&ev, "filename").ok()?? {
        Value::None => "<string>".to_string(),
        f => vm.to_str(&f).ok()?,
    };
    let int = |v: &Value| -> Option<i64> { crate::types::int::to_i64(v).filter(|_| crate::ops::is_int(v)) };
    let lineno = int(&vm.get_attr_opt(&ev, "lineno").ok()??)?;
    let offset = match vm.get_attr_opt(&ev, "offset").ok()?? {
        Value::None => -1,
        v => int(&v)?,
    };
    let (mut end_lineno, mut end_offset) = (lineno, -1);
    if exc.cls.is(&types().exc.syntax_error) {
        if let Ok(Some(v)) = vm.get_attr_opt(&ev, "end_lineno") {
            if !v.is_none() {
                end_lineno = int(&v)?;
            }
        }
        if let Ok(Some(v)) = vm.get_attr_opt(&ev, "end_offset") {
            if !v.is_none() {
                end_offset = int(&v)?;
            }
        }
    }
    let text = match vm.get_attr_opt(&ev, "text").ok()?? {
        Value::None => None,
        t => Some(vm.to_str(&t).ok()?),
    };
    let mut out = format!("  File \"{filename}\", line {lineno}\n");
    if let Some(text) = text {
        let line_size = text.len() as i64;
        if end_lineno > lineno {
            end_offset = line_size;
        }
        if end_offset > line_size + 1 {
            end_offset = line_size + 1;
        }
        print_error_text(&mut out, offset, end_offset, &text);
    }
    Some((msg, out))
}

/// CPython's `print_error_text`, byte for byte (offsets are applied to the UTF-8 text).
fn print_error_text(out: &mut String, offset: i64, end_offset: i64, text: &str) {
    let carets = if end_offset > 0 && end_offset > offset { (end_offset - offset) as usize } else { 1 };
    let mut offset = offset - 1;
    let mut t = text.as_bytes();
    while let Some(&c) = t.first() {
        if c == b' ' || c == b'\t' || c == 0x0c {
            t = &t[1..];
            offset -= 1;
        } else {
            break;
        }
    }
    let mut len = t.len() as i64;
    if len > 0 && t[len as usize - 1] == b'\n' {
        len -= 1;
    }
    if offset > len {
        offset = len;
    }
    while let Some(nl) = t.iter().position(|&c| c == b'\n') {
        let inl = nl as i64;
        if inl >= offset {
            break;
        }
        t = &t[nl + 1..];
        len -= inl + 1;
        offset -= inl + 1;
    }
    out.push_str("    ");
    out.push_str(&String::from_utf8_lossy(t));
    if t.get(len.max(0) as usize) != Some(&b'\n') {
        out.push('\n');
    }
    if offset < 0 {
        return;
    }
    out.push_str("    ");
    out.push_str(&" ".repeat(offset as usize));
    out.push_str(&"^".repeat(carets.min(1 << 20)));
    out.push('\n');
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
    // CPython gives an exception without a traceback one from the current frame.
    let no_tb = crate::exceptions::exc_data(&e.0).is_some_and(|d| d.lock().traceback.is_none());
    if no_tb {
        if let Some(f) = vm.frames.last() {
            add_entry(&e.0, f);
        }
    }
    let r = vm.repr(obj).unwrap_or_else(|_| "<object repr() failed>".into());
    // The unraisable hook prints the exception alone, without its chain.
    let mut body = String::new();
    format_one(vm, &e.0, &mut body);
    let text = format!("{what}: {r}\n{body}");
    crate::stdlib::sys::write_stderr(vm, &text);
}
