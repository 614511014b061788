//! The builtin exception hierarchy (one table, below) and the methods of `BaseException`.

use crate::object::{ExcData, Layout, ObjRef, Payload, TypeData};
use crate::sync::PyCell;
use crate::types::{add_methods, BuiltinTypes};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyErr, PyResult};

macro_rules! exceptions {
    ($( $field:ident : $name:literal < $base:ident; )*) => {
        pub struct ExcTypes {
            pub base_exception: ObjRef,
            $( pub $field: ObjRef, )*
        }
        impl ExcTypes {
            pub fn create(type_: &ObjRef, object: &ObjRef) -> ExcTypes {
                let base_exception = make(type_, "BaseException", object, &[]);
                // Bases are looked up by field name (macro hygiene hides the `let`s below).
                let mut made: std::collections::HashMap<&'static str, ObjRef> = std::collections::HashMap::new();
                made.insert("base_exception", base_exception.clone());
                $( let $field = { let b = made[stringify!($base)].clone(); make(type_, $name, &b, &[object]) }; made.insert(stringify!($field), $field.clone()); )*
                ExcTypes { base_exception, $( $field, )* }
            }
            pub fn all(&self) -> Vec<&ObjRef> {
                vec![&self.base_exception, $( &self.$field, )*]
            }
            pub fn named(&self) -> Vec<(&'static str, &ObjRef)> {
                vec![("BaseException", &self.base_exception), $( ($name, &self.$field), )*]
            }
        }
    };
}

fn make(type_: &ObjRef, name: &str, base: &ObjRef, _extra: &[&ObjRef]) -> ObjRef {
    let mut mro = vec![base.clone()];
    if let Payload::Type(bt) = &base.payload {
        mro.extend(bt.mro.iter().cloned());
    }
    let td = TypeData::new(name, name, vec![base.clone()], mro, Layout::Exception, true, true, false);
    ObjRef::new_immortal(type_.clone(), Payload::Type(Box::new(td)))
}

exceptions! {
    system_exit: "SystemExit" < base_exception;
    keyboard_interrupt: "KeyboardInterrupt" < base_exception;
    generator_exit: "GeneratorExit" < base_exception;
    exception: "Exception" < base_exception;
    stop_iteration: "StopIteration" < exception;
    stop_async_iteration: "StopAsyncIteration" < exception;
    arithmetic_error: "ArithmeticError" < exception;
    floating_point_error: "FloatingPointError" < arithmetic_error;
    overflow_error: "OverflowError" < arithmetic_error;
    zero_division_error: "ZeroDivisionError" < arithmetic_error;
    assertion_error: "AssertionError" < exception;
    attribute_error: "AttributeError" < exception;
    buffer_error: "BufferError" < exception;
    eof_error: "EOFError" < exception;
    import_error: "ImportError" < exception;
    module_not_found_error: "ModuleNotFoundError" < import_error;
    lookup_error: "LookupError" < exception;
    index_error: "IndexError" < lookup_error;
    key_error: "KeyError" < lookup_error;
    memory_error: "MemoryError" < exception;
    name_error: "NameError" < exception;
    unbound_local_error: "UnboundLocalError" < name_error;
    os_error: "OSError" < exception;
    blocking_io_error: "BlockingIOError" < os_error;
    child_process_error: "ChildProcessError" < os_error;
    connection_error: "ConnectionError" < os_error;
    broken_pipe_error: "BrokenPipeError" < connection_error;
    connection_aborted_error: "ConnectionAbortedError" < connection_error;
    connection_refused_error: "ConnectionRefusedError" < connection_error;
    connection_reset_error: "ConnectionResetError" < connection_error;
    file_exists_error: "FileExistsError" < os_error;
    file_not_found_error: "FileNotFoundError" < os_error;
    interrupted_error: "InterruptedError" < os_error;
    is_a_directory_error: "IsADirectoryError" < os_error;
    not_a_directory_error: "NotADirectoryError" < os_error;
    permission_error: "PermissionError" < os_error;
    process_lookup_error: "ProcessLookupError" < os_error;
    timeout_error: "TimeoutError" < os_error;
    reference_error: "ReferenceError" < exception;
    runtime_error: "RuntimeError" < exception;
    not_implemented_error: "NotImplementedError" < runtime_error;
    recursion_error: "RecursionError" < runtime_error;
    syntax_error: "SyntaxError" < exception;
    indentation_error: "IndentationError" < syntax_error;
    tab_error: "TabError" < indentation_error;
    system_error: "SystemError" < exception;
    type_error: "TypeError" < exception;
    value_error: "ValueError" < exception;
    unicode_error: "UnicodeError" < value_error;
    unicode_decode_error: "UnicodeDecodeError" < unicode_error;
    unicode_encode_error: "UnicodeEncodeError" < unicode_error;
    unicode_translate_error: "UnicodeTranslateError" < unicode_error;
    warning: "Warning" < exception;
    deprecation_warning: "DeprecationWarning" < warning;
    pending_deprecation_warning: "PendingDeprecationWarning" < warning;
    runtime_warning: "RuntimeWarning" < warning;
    syntax_warning: "SyntaxWarning" < warning;
    user_warning: "UserWarning" < warning;
    future_warning: "FutureWarning" < warning;
    import_warning: "ImportWarning" < warning;
    unicode_warning: "UnicodeWarning" < warning;
    bytes_warning: "BytesWarning" < warning;
    resource_warning: "ResourceWarning" < warning;
    encoding_warning: "EncodingWarning" < warning;
}

/// A fresh exception payload with the given args tuple.
pub fn exc_payload(args: Value) -> Payload {
    Payload::Exception(PyCell::new(ExcData { args, traceback: Value::None, cause: Value::None, context: Value::None, suppress_context: false, notes: Value::None }))
}

/// Instantiate exception class `cls` with `args` (no Python `__init__` is run).
pub fn new_exception(cls: &ObjRef, args: Vec<Value>) -> ObjRef {
    let t = crate::types::types();
    let tuple = crate::types::tuple::new_tuple(args);
    let dict = ObjRef::new(t.dict.clone(), Payload::Dict(PyCell::new(crate::object::DictData::new())));
    ObjRef::new_with_dict(cls.clone(), exc_payload(tuple), dict)
}

/// Exception state of an exception instance.
pub fn exc_data(e: &ObjRef) -> Option<&PyCell<ExcData>> {
    match &e.payload {
        Payload::Exception(d) => Some(d),
        _ => None,
    }
}

pub fn exc_args(e: &ObjRef) -> Vec<Value> {
    match exc_data(e) {
        Some(d) => {
            let a = d.lock().args.clone();
            crate::types::tuple::tuple_items(&a).map(|s| s.to_vec()).unwrap_or_default()
        }
        None => Vec::new(),
    }
}

pub fn init_methods(t: &BuiltinTypes) {
    let be = &t.exc.base_exception;
    crate::types::add_staticmethod(be, "__new__", exc_new);
    add_methods(be, &[("__init__", exc_init), ("__str__", exc_str), ("__repr__", exc_repr), ("add_note", exc_add_note), ("__reduce__", exc_reduce)]);
    crate::types::add_method_sig(be, "with_traceback", exc_with_traceback, crate::native_sig::Sig::One);
    add_methods(&t.exc.key_error, &[("__str__", key_error_str)]);
    add_methods(&t.exc.attribute_error, &[("__init__", attribute_error_init)]);
    add_methods(&t.exc.unicode_decode_error, &[("__init__", unicode_decode_error_init), ("__str__", unicode_decode_error_str)]);
    add_methods(&t.exc.unicode_encode_error, &[("__init__", unicode_encode_error_init), ("__str__", unicode_encode_error_str)]);
    add_methods(&t.exc.unicode_translate_error, &[("__init__", unicode_translate_error_init), ("__str__", unicode_translate_error_str)]);
    add_methods(&t.exc.name_error, &[("__init__", name_error_init)]);
    // Unset `name`/`obj` read as None; the instance dict holds them once set (suggestions tell
    // "never set" from None by the dict entry, as CPython tells NULL from None).
    for (ty, fields) in [(&t.exc.attribute_error, &["name", "obj"][..]), (&t.exc.name_error, &["name"][..])] {
        for f in fields {
            crate::types::set_type_attr(ty, f, Value::None);
        }
    }
    crate::types::add_methods(&t.exc.stop_iteration, &[("__init__", stop_iteration_init)]);
    add_methods(&t.exc.import_error, &[("__init__", import_error_init)]);
    add_methods(&t.exc.syntax_error, &[("__init__", syntax_error_init), ("__str__", syntax_error_str)]);
    add_methods(&t.exc.system_exit, &[("__init__", system_exit_init)]);
    crate::types::add_staticmethod(&t.exc.os_error, "__new__", os_error_new);
    add_methods(&t.exc.os_error, &[("__init__", os_error_init), ("__str__", os_error_str)]);
}

fn exc_new(vm: &mut Vm, a: Args) -> PyResult {
    let Some(cls) = a.args.first().and_then(|c| c.as_obj()).filter(|c| c.as_type().is_some()) else {
        return Err(vm.type_error("BaseException.__new__(X): X is not a type object"));
    };
    let args = crate::types::tuple::new_tuple(a.args[1..].to_vec());
    Ok(Value::Obj(crate::types::new_object(cls, exc_payload(args))))
}

fn self_exc<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a ObjRef> {
    match a.args.first() {
        Some(Value::Obj(o)) if matches!(o.payload, Payload::Exception(_)) => Ok(o),
        _ => Err(vm.type_error("descriptor requires a 'BaseException' object")),
    }
}

fn exc_init(vm: &mut Vm, a: Args) -> PyResult {
    let e = self_exc(vm, &a)?;
    if !a.kwargs.is_empty() {
        let tn = e.cls_data().name.clone();
        return Err(vm.type_error(&format!("{tn}() takes no keyword arguments")));
    }
    if let Some(d) = exc_data(e) {
        d.lock().args = crate::types::tuple::new_tuple(a.args[1..].to_vec());
    }
    Ok(Value::None)
}

/// `AttributeError(*args, name=None, obj=None)` / `NameError(*args, name=None)`.
fn init_with_keywords(vm: &mut Vm, a: Args, cls: &str, allowed: &[&str]) -> PyResult {
    for (k, _) in a.kwargs {
        let ks = k.as_str().map(|s| s.to_string()).unwrap_or_default();
        if !allowed.contains(&ks.as_str()) {
            return Err(vm.type_error(&format!("'{ks}' is an invalid keyword argument for {cls}()")));
        }
    }
    exc_init(vm, Args::new(a.args))?;
    let e = Value::Obj(self_exc(vm, &a)?.clone());
    for (k, v) in a.kwargs {
        if let Some(ks) = k.as_str() {
            let ks = ks.to_string();
            vm.set_attr_str(&e, &ks, v.clone())?;
        }
    }
    Ok(Value::None)
}

fn attribute_error_init(vm: &mut Vm, a: Args) -> PyResult {
    init_with_keywords(vm, a, "AttributeError", &["name", "obj"])
}

fn name_error_init(vm: &mut Vm, a: Args) -> PyResult {
    init_with_keywords(vm, a, "NameError", &["name"])
}

// ----- UnicodeDecodeError / UnicodeEncodeError / UnicodeTranslateError -----

/// Check and store the fields of a Unicode error: `(encoding, object, start, end, reason)`
/// (`encoding` absent for UnicodeTranslateError). `object_is_bytes` picks bytes or str.
fn unicode_error_init(vm: &mut Vm, a: Args, with_encoding: bool, object_is_bytes: bool) -> PyResult {
    exc_init(vm, a)?;
    let e = Value::Obj(self_exc(vm, &a)?.clone());
    let given = &a.args[1..];
    let want = if with_encoding { 5 } else { 4 };
    if given.len() != want {
        return Err(vm.type_error(&format!("function takes exactly {want} arguments ({} given)", given.len())));
    }
    let names: &[&str] = if with_encoding { &["encoding", "object", "start", "end", "reason"] } else { &["object", "start", "end", "reason"] };
    for (i, (name, v)) in names.iter().zip(given).enumerate() {
        let tn = vm.type_name(v);
        let ok = match *name {
            "encoding" | "reason" => v.as_str().is_some(),
            "object" if object_is_bytes => crate::types::bytes::bytes_like(v).is_some(),
            "object" => v.as_str().is_some(),
            _ => crate::ops::is_int(v),
        };
        if !ok {
            let msg = match *name {
                "object" if object_is_bytes => format!("a bytes-like object is required, not '{tn}'"),
                "start" | "end" => format!("'{tn}' object cannot be interpreted as an integer"),
                _ => format!("argument {} must be str, not {tn}", i + 1),
            };
            return Err(vm.type_error(&msg));
        }
        let v = if *name == "object" && object_is_bytes { crate::types::bytes::new_bytes(crate::types::bytes::bytes_like(v).unwrap_or_default()) } else { v.clone() };
        vm.set_attr_str(&e, name, v)?;
    }
    Ok(Value::None)
}

fn unicode_decode_error_init(vm: &mut Vm, a: Args) -> PyResult {
    unicode_error_init(vm, a, true, true)
}

fn unicode_encode_error_init(vm: &mut Vm, a: Args) -> PyResult {
    unicode_error_init(vm, a, true, false)
}

fn unicode_translate_error_init(vm: &mut Vm, a: Args) -> PyResult {
    unicode_error_init(vm, a, false, false)
}

/// The stored fields of a Unicode error, or None when they are missing or of the wrong type
/// (then `str()` is empty, as CPython's).
fn unicode_fields(vm: &mut Vm, e: &Value) -> Option<(String, Value, i64, i64, String)> {
    let enc = vm.get_attr_opt(e, "encoding").ok().flatten().and_then(|v| v.as_str().map(|s| s.to_string())).unwrap_or_default();
    let obj = vm.get_attr_opt(e, "object").ok().flatten()?;
    let start = crate::types::int::to_i64(&vm.get_attr_opt(e, "start").ok().flatten()?)?;
    let end = crate::types::int::to_i64(&vm.get_attr_opt(e, "end").ok().flatten()?)?;
    let reason = vm.get_attr_opt(e, "reason").ok().flatten()?;
    let reason = vm.to_str(&reason).ok()?;
    Some((enc, obj, start, end, reason))
}

fn unicode_decode_error_str(vm: &mut Vm, a: Args) -> PyResult {
    let e = Value::Obj(self_exc(vm, &a)?.clone());
    let Some((enc, obj, start, end, reason)) = unicode_fields(vm, &e) else { return Ok(vm.new_str("")) };
    let b = crate::types::bytes::bytes_like(&obj).unwrap_or_default();
    let s = if start >= 0 && (start as usize) < b.len() && end == start + 1 {
        format!("'{enc}' codec can't decode byte 0x{:02x} in position {start}: {reason}", b[start as usize])
    } else {
        format!("'{enc}' codec can't decode bytes in position {start}-{}: {reason}", end - 1)
    };
    Ok(vm.new_string(s))
}

/// `'\xe9'`, `'\u20ac'` or `'\U0001f600'`: how Unicode errors name a character.
fn char_escape(c: char) -> String {
    let n = c as u32;
    if n <= 0xff {
        format!("\\x{n:02x}")
    } else if n <= 0xffff {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    }
}

fn unicode_char_at(obj: &Value, start: i64, end: i64) -> Option<char> {
    let s = obj.as_str()?;
    if start < 0 || end != start + 1 {
        return None;
    }
    s.chars().nth(start as usize)
}

fn unicode_encode_error_str(vm: &mut Vm, a: Args) -> PyResult {
    let e = Value::Obj(self_exc(vm, &a)?.clone());
    let Some((enc, obj, start, end, reason)) = unicode_fields(vm, &e) else { return Ok(vm.new_str("")) };
    let s = match unicode_char_at(&obj, start, end) {
        Some(c) => format!("'{enc}' codec can't encode character '{}' in position {start}: {reason}", char_escape(c)),
        None => format!("'{enc}' codec can't encode characters in position {start}-{}: {reason}", end - 1),
    };
    Ok(vm.new_string(s))
}

fn unicode_translate_error_str(vm: &mut Vm, a: Args) -> PyResult {
    let e = Value::Obj(self_exc(vm, &a)?.clone());
    let Some((_, obj, start, end, reason)) = unicode_fields(vm, &e) else { return Ok(vm.new_str("")) };
    let s = match unicode_char_at(&obj, start, end) {
        Some(c) => format!("can't translate character '{}' in position {start}: {reason}", char_escape(c)),
        None => format!("can't translate characters in position {start}-{}: {reason}", end - 1),
    };
    Ok(vm.new_string(s))
}

fn stop_iteration_init(vm: &mut Vm, a: Args) -> PyResult {
    exc_init(vm, a)?;
    let e = self_exc(vm, &a)?;
    let v = a.args.get(1).cloned().unwrap_or(Value::None);
    vm.set_attr_str(&Value::Obj(e.clone()), "value", v)?;
    Ok(Value::None)
}

fn system_exit_init(vm: &mut Vm, a: Args) -> PyResult {
    exc_init(vm, a)?;
    let e = self_exc(vm, &a)?;
    let code = match a.args.len() {
        1 => Value::None,
        2 => a.args[1].clone(),
        _ => crate::types::tuple::new_tuple(a.args[1..].to_vec()),
    };
    vm.set_attr_str(&Value::Obj(e.clone()), "code", code)?;
    Ok(Value::None)
}

fn import_error_init(vm: &mut Vm, a: Args) -> PyResult {
    for (k, _) in a.kwargs {
        let ks = k.as_str().map(|s| s.to_string()).unwrap_or_default();
        if ks != "name" && ks != "path" {
            return Err(vm.type_error(&format!("'{ks}' is an invalid keyword argument for ImportError()")));
        }
    }
    exc_init(vm, Args::new(a.args))?;
    let e = Value::Obj(self_exc(vm, &a)?.clone());
    let name = a.kw("name").cloned().unwrap_or(Value::None);
    let path = a.kw("path").cloned().unwrap_or(Value::None);
    let msg = if a.args.len() == 2 { a.args[1].clone() } else { Value::None };
    vm.set_attr_str(&e, "name", name)?;
    vm.set_attr_str(&e, "path", path)?;
    vm.set_attr_str(&e, "msg", msg)?;
    Ok(Value::None)
}

/// The `OSError` subclass CPython picks for an errno (`OSError(errno, ...)` and failed calls).
pub fn os_error_class(code: i64) -> ObjRef {
    let t = crate::types::types();
    let Ok(code) = i32::try_from(code) else { return t.exc.os_error.clone() };
    match code {
        libc::ENOENT => t.exc.file_not_found_error.clone(),
        libc::EEXIST => t.exc.file_exists_error.clone(),
        libc::EISDIR => t.exc.is_a_directory_error.clone(),
        libc::ENOTDIR => t.exc.not_a_directory_error.clone(),
        libc::EACCES | libc::EPERM => t.exc.permission_error.clone(),
        libc::EPIPE | libc::ESHUTDOWN => t.exc.broken_pipe_error.clone(),
        libc::ECONNREFUSED => t.exc.connection_refused_error.clone(),
        libc::ECONNRESET => t.exc.connection_reset_error.clone(),
        libc::ECONNABORTED => t.exc.connection_aborted_error.clone(),
        libc::EINTR => t.exc.interrupted_error.clone(),
        libc::ESRCH => t.exc.process_lookup_error.clone(),
        libc::ECHILD => t.exc.child_process_error.clone(),
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => t.exc.blocking_io_error.clone(),
        libc::ETIMEDOUT => t.exc.timeout_error.clone(),
        _ => t.exc.os_error.clone(),
    }
}

/// `OSError.__new__`: `OSError(errno, strerror, ...)` gives the subclass for errno.
fn os_error_new(vm: &mut Vm, a: Args) -> PyResult {
    let t = crate::types::types();
    let mut args: Vec<Value> = a.args.to_vec();
    if let (Some(Value::Obj(c)), true) = (args.first(), a.args.len() >= 3) {
        if c.is(&t.exc.os_error) {
            if let Value::Int(code) = a.args[1] {
                args[0] = Value::Obj(os_error_class(code));
            }
        }
    }
    exc_new(vm, Args { args: &args, kwargs: a.kwargs })
}

/// `OSError(errno, strerror[, filename[, winerror[, filename2]]])`: with 2 to 5 arguments
/// `args` is `(errno, strerror)` and the filenames become attributes, as in CPython.
fn os_error_init(vm: &mut Vm, a: Args) -> PyResult {
    let n = a.args.len() - 1;
    let keep = if (2..=5).contains(&n) { 3 } else { a.args.len() };
    exc_init(vm, Args { args: &a.args[..keep], kwargs: a.kwargs })?;
    let e = Value::Obj(self_exc(vm, &a)?.clone());
    let get = |i: usize| a.args.get(i).cloned().unwrap_or(Value::None);
    let (errno, strerror, filename, filename2) = if (2..=5).contains(&n) { (get(1), get(2), get(3), get(5)) } else { (Value::None, Value::None, Value::None, Value::None) };
    vm.set_attr_str(&e, "errno", errno)?;
    vm.set_attr_str(&e, "strerror", strerror)?;
    vm.set_attr_str(&e, "filename", filename)?;
    vm.set_attr_str(&e, "filename2", filename2)?;
    Ok(Value::None)
}

fn os_error_str(vm: &mut Vm, a: Args) -> PyResult {
    let e = Value::Obj(self_exc(vm, &a)?.clone());
    let errno = vm.get_attr_str(&e, "errno").unwrap_or(Value::None);
    let strerror = vm.get_attr_str(&e, "strerror").unwrap_or(Value::None);
    let filename = vm.get_attr_str(&e, "filename").unwrap_or(Value::None);
    let filename2 = vm.get_attr_str(&e, "filename2").unwrap_or(Value::None);
    if !errno.is_none() && !strerror.is_none() {
        let es = vm.to_str(&errno)?;
        let ss = vm.to_str(&strerror)?;
        if !filename.is_none() && !filename2.is_none() {
            let fr = vm.repr(&filename)?;
            let fr2 = vm.repr(&filename2)?;
            return Ok(vm.new_str(&format!("[Errno {es}] {ss}: {fr} -> {fr2}")));
        }
        if !filename.is_none() {
            let fr = vm.repr(&filename)?;
            return Ok(vm.new_str(&format!("[Errno {es}] {ss}: {fr}")));
        }
        return Ok(vm.new_str(&format!("[Errno {es}] {ss}")));
    }
    exc_str(vm, a)
}

fn syntax_error_init(vm: &mut Vm, a: Args) -> PyResult {
    exc_init(vm, a)?;
    let e = Value::Obj(self_exc(vm, &a)?.clone());
    let msg = a.args.get(1).cloned().unwrap_or(Value::None);
    vm.set_attr_str(&e, "msg", msg)?;
    let mut fields = vec![Value::None; 6];
    if let Some(details) = a.args.get(2) {
        if let Some(items) = crate::types::tuple::tuple_items(details) {
            for (i, v) in items.iter().enumerate().take(6) {
                fields[i] = v.clone();
            }
        }
    }
    for (name, v) in ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"].iter().zip(fields) {
        vm.set_attr_str(&e, name, v)?;
    }
    vm.set_attr_str(&e, "print_file_and_line", Value::None)?;
    Ok(Value::None)
}

fn syntax_error_str(vm: &mut Vm, a: Args) -> PyResult {
    let e = Value::Obj(self_exc(vm, &a)?.clone());
    let msg = vm.get_attr_str(&e, "msg").unwrap_or(Value::None);
    let msg_s = vm.to_str(&msg)?;
    let filename = vm.get_attr_str(&e, "filename").unwrap_or(Value::None);
    let lineno = vm.get_attr_str(&e, "lineno").unwrap_or(Value::None);
    let fname = filename.as_str().map(|f| f.rsplit('/').next().unwrap_or(f).to_string());
    let out = match (fname, &lineno) {
        (Some(f), Value::Int(l)) => format!("{msg_s} ({f}, line {l})"),
        (Some(f), _) => format!("{msg_s} ({f})"),
        (None, Value::Int(l)) => format!("{msg_s} (line {l})"),
        _ => msg_s,
    };
    Ok(vm.new_str(&out))
}

fn exc_str(vm: &mut Vm, a: Args) -> PyResult {
    let e = self_exc(vm, &a)?;
    let args = exc_args(e);
    match args.len() {
        0 => Ok(vm.new_str("")),
        1 => {
            let s = vm.to_str(&args[0])?;
            Ok(vm.new_str(&s))
        }
        _ => {
            let t = crate::types::tuple::new_tuple(args);
            let s = vm.repr(&t)?;
            Ok(vm.new_str(&s))
        }
    }
}

fn key_error_str(vm: &mut Vm, a: Args) -> PyResult {
    let e = self_exc(vm, &a)?;
    let args = exc_args(e);
    if args.len() == 1 {
        let s = vm.repr(&args[0])?;
        return Ok(vm.new_str(&s));
    }
    exc_str(vm, a)
}

fn exc_repr(vm: &mut Vm, a: Args) -> PyResult {
    let e = self_exc(vm, &a)?;
    let name = e.cls_data().name.clone();
    let args = exc_args(e);
    let inner = if args.len() == 1 {
        vm.repr(&args[0])?
    } else {
        let t = crate::types::tuple::new_tuple(args.clone());
        let r = vm.repr(&t)?;
        if args.is_empty() {
            String::new()
        } else {
            r[1..r.len() - 1].trim_end_matches(',').to_string()
        }
    };
    Ok(vm.new_str(&format!("{name}({inner})")))
}

fn exc_with_traceback(vm: &mut Vm, a: Args) -> PyResult {
    let e = self_exc(vm, &a)?;
    let tb = a.args[1].clone();
    if !(tb.is_none() || matches!(&tb, Value::Obj(o) if matches!(o.payload, Payload::Traceback(_)))) {
        return Err(vm.type_error("__traceback__ must be a traceback or None"));
    }
    if let Some(d) = exc_data(e) {
        d.lock().traceback = tb;
    }
    Ok(a.args[0].clone())
}

fn exc_add_note(vm: &mut Vm, a: Args) -> PyResult {
    let e = self_exc(vm, &a)?.clone();
    let note = a.args.get(1).cloned().unwrap_or(Value::None);
    if note.as_str().is_none() {
        let tn = vm.type_name(&note);
        return Err(vm.type_error(&format!("note must be a str, not '{tn}'")));
    }
    let ev = Value::Obj(e);
    let notes = match vm.get_attr_str(&ev, "__notes__") {
        Ok(n) => n,
        Err(_) => {
            let l = crate::types::list::new_list(vec![]);
            vm.set_attr_str(&ev, "__notes__", l.clone())?;
            l
        }
    };
    vm.call_method(&notes, "append", &[note])?;
    Ok(Value::None)
}

/// Attributes that CPython keeps in C slots of builtin exception classes (set by their
/// `__init__` from the arguments); Spindle keeps them in the instance dict, so `__reduce__`
/// leaves them out of the state, as CPython's does.
fn slot_attrs(cls: &ObjRef) -> &'static [&'static str] {
    let t = crate::types::types();
    let sub = |c: &ObjRef| crate::types::is_subtype(cls, c);
    if sub(&t.exc.os_error) {
        &["errno", "strerror", "filename", "filename2", "characters_written"]
    } else if sub(&t.exc.import_error) {
        &["name", "path", "msg"]
    } else if sub(&t.exc.stop_iteration) {
        &["value"]
    } else if sub(&t.exc.system_exit) {
        &["code"]
    } else if sub(&t.exc.attribute_error) {
        &["name", "obj"]
    } else if sub(&t.exc.name_error) {
        &["name"]
    } else if sub(&t.exc.syntax_error) {
        &["msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line"]
    } else {
        &[]
    }
}

/// `BaseException.__reduce__`: `(type, args)` plus the instance dict when it holds anything
/// (OSError adds its filenames to the arguments, ImportError its name and path to the state).
fn exc_reduce(vm: &mut Vm, a: Args) -> PyResult {
    let e = self_exc(vm, &a)?.clone();
    let ev = Value::Obj(e.clone());
    let mut args = exc_data(&e).map(|d| d.lock().args.clone()).unwrap_or(Value::None);
    let cls = Value::Obj(e.cls.clone());
    let t = crate::types::types();
    let hidden = slot_attrs(&e.cls);
    let mut state: Vec<(Value, Value)> = Vec::new();
    if let Some(d) = e.instance_dict() {
        for (k, v) in crate::types::dict::dict_items(d) {
            if !k.as_str().is_some_and(|s| hidden.contains(&s)) {
                state.push((k, v));
            }
        }
    }
    if crate::types::is_subtype(&e.cls, &t.exc.os_error) {
        let f1 = e.instance_dict().and_then(|d| crate::types::dict::dict_get_str(d, "filename")).unwrap_or(Value::None);
        let f2 = e.instance_dict().and_then(|d| crate::types::dict::dict_get_str(d, "filename2")).unwrap_or(Value::None);
        if !f1.is_none() {
            let mut items = crate::exceptions::exc_args(&e);
            items.push(f1);
            if !f2.is_none() {
                items.push(Value::None);
                items.push(f2);
            }
            args = crate::types::tuple::new_tuple(items);
        }
    }
    if crate::types::is_subtype(&e.cls, &t.exc.import_error) {
        for k in ["name", "path"] {
            if let Some(v) = vm.get_attr_opt(&ev, k)? {
                if !v.is_none() {
                    let key = Value::Obj(vm.intern(k));
                    state.push((key, v));
                }
            }
        }
    }
    if state.is_empty() {
        return Ok(crate::types::tuple::new_tuple(vec![cls, args]));
    }
    let d = vm.new_dict();
    for (k, v) in state {
        crate::types::dict::dict_set(vm, &d, k, v)?;
    }
    Ok(crate::types::tuple::new_tuple(vec![cls, args, Value::Obj(d)]))
}

impl Vm {
    /// Make an exception instance of `cls` with a message.
    pub fn new_exc(&mut self, cls: &ObjRef, msg: &str) -> PyErr {
        let m = self.new_str(msg);
        PyErr(new_exception(cls, vec![m]))
    }
    pub fn type_error(&mut self, msg: &str) -> PyErr {
        let c = crate::types::types().exc.type_error.clone();
        self.new_exc(&c, msg)
    }
    pub fn value_error(&mut self, msg: &str) -> PyErr {
        let c = crate::types::types().exc.value_error.clone();
        self.new_exc(&c, msg)
    }
    pub fn index_error(&mut self, msg: &str) -> PyErr {
        let c = crate::types::types().exc.index_error.clone();
        self.new_exc(&c, msg)
    }
    pub fn attribute_error(&mut self, msg: &str) -> PyErr {
        let c = crate::types::types().exc.attribute_error.clone();
        self.new_exc(&c, msg)
    }
    pub fn name_error(&mut self, name: &str) -> PyErr {
        let c = crate::types::types().exc.name_error.clone();
        let e = self.new_exc(&c, &format!("name '{name}' is not defined"));
        let n = self.new_str(name);
        let _ = self.set_attr_str(&Value::Obj(e.0.clone()), "name", n);
        e
    }
    pub fn zero_division(&mut self, msg: &str) -> PyErr {
        let c = crate::types::types().exc.zero_division_error.clone();
        self.new_exc(&c, msg)
    }
    pub fn overflow_error(&mut self, msg: &str) -> PyErr {
        let c = crate::types::types().exc.overflow_error.clone();
        self.new_exc(&c, msg)
    }
    pub fn runtime_error(&mut self, msg: &str) -> PyErr {
        let c = crate::types::types().exc.runtime_error.clone();
        self.new_exc(&c, msg)
    }
    pub fn not_implemented_error(&mut self, msg: &str) -> PyErr {
        let c = crate::types::types().exc.not_implemented_error.clone();
        self.new_exc(&c, msg)
    }
    pub fn os_error(&mut self, msg: &str) -> PyErr {
        let c = crate::types::types().exc.os_error.clone();
        self.new_exc(&c, msg)
    }
    pub fn key_error(&mut self, key: Value) -> PyErr {
        let c = crate::types::types().exc.key_error.clone();
        PyErr(new_exception(&c, vec![key]))
    }
    pub fn stop_iteration(&mut self, value: Option<Value>) -> PyErr {
        let c = crate::types::types().exc.stop_iteration.clone();
        let e = new_exception(&c, value.clone().into_iter().collect());
        let _ = self.set_attr_str(&Value::Obj(e.clone()), "value", value.unwrap_or(Value::None));
        PyErr(e)
    }
    /// `UnicodeDecodeError(encoding, object, start, end, reason)`.
    pub fn unicode_decode_error(&mut self, encoding: &str, object: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
        let cls = crate::types::types().exc.unicode_decode_error.clone();
        let args = vec![self.new_str(encoding), crate::types::bytes::new_bytes(object.to_vec()), Value::Int(start as i64), Value::Int(end as i64), self.new_str(reason)];
        self.unicode_error_from(&cls, &["encoding", "object", "start", "end", "reason"], args)
    }
    /// `UnicodeEncodeError(encoding, object, start, end, reason)` (character positions).
    pub fn unicode_encode_error(&mut self, encoding: &str, object: &str, start: usize, end: usize, reason: &str) -> PyErr {
        let cls = crate::types::types().exc.unicode_encode_error.clone();
        let args = vec![self.new_str(encoding), self.new_str(object), Value::Int(start as i64), Value::Int(end as i64), self.new_str(reason)];
        self.unicode_error_from(&cls, &["encoding", "object", "start", "end", "reason"], args)
    }
    fn unicode_error_from(&mut self, cls: &ObjRef, names: &[&str], args: Vec<Value>) -> PyErr {
        let e = new_exception(cls, args.clone());
        let ev = Value::Obj(e.clone());
        for (n, v) in names.iter().zip(args) {
            let _ = self.set_attr_str(&ev, n, v);
        }
        PyErr(e)
    }
    /// The operand of `raise ... from cause`: None, an exception instance, or an exception class
    /// (instantiated with no arguments).
    pub fn make_cause(&mut self, v: &Value) -> PyResult {
        let t = crate::types::types();
        let ok = match v {
            Value::None => return Ok(Value::None),
            Value::Obj(o) if o.as_type().is_some() => crate::types::is_subtype(o, &t.exc.base_exception),
            Value::Obj(o) => matches!(o.payload, Payload::Exception(_)),
            _ => false,
        };
        if !ok {
            return Err(self.type_error("exception causes must derive from BaseException"));
        }
        Ok(Value::Obj(self.make_raisable(v)?.0))
    }
    pub fn recursion_error(&mut self) -> PyErr {
        let c = crate::types::types().exc.recursion_error.clone();
        self.new_exc(&c, "maximum recursion depth exceeded")
    }
    pub fn memory_error(&mut self) -> PyErr {
        let c = crate::types::types().exc.memory_error.clone();
        PyErr(new_exception(&c, vec![]))
    }
    /// An `OSError` subclass chosen from errno, as CPython does.
    pub fn os_error_from_io(&mut self, err: &std::io::Error, filename: Option<&str>) -> PyErr {
        // Rust's std refuses a path with a NUL before any system call, where CPython's path
        // converter raises ValueError (not an OSError with errno 0).
        if err.raw_os_error().is_none() && err.kind() == std::io::ErrorKind::InvalidInput && filename.is_some_and(|f| f.contains('\0')) {
            return self.value_error("embedded null byte");
        }
        let code = err.raw_os_error().unwrap_or(0);
        let cls = os_error_class(code as i64);
        // SAFETY: strerror returns a pointer to a static or thread-local NUL-terminated string.
        let msg = unsafe { std::ffi::CStr::from_ptr(libc::strerror(code)) }.to_string_lossy().into_owned();
        let args = vec![Value::Int(code as i64), self.new_str(&msg)];
        let fname = match filename {
            Some(f) => self.new_str(f),
            None => Value::None,
        };
        let e = new_exception(&cls, args.clone());
        let ev = Value::Obj(e.clone());
        let _ = self.set_attr_str(&ev, "errno", args[0].clone());
        let _ = self.set_attr_str(&ev, "strerror", args[1].clone());
        let _ = self.set_attr_str(&ev, "filename", fname);
        let _ = self.set_attr_str(&ev, "filename2", Value::None);
        PyErr(e)
    }
}

/// The builtin exception class named `name`.
pub fn by_name(name: &str) -> Option<ObjRef> {
    crate::types::types().exc.named().into_iter().find(|(n, _)| *n == name).map(|(_, c)| c.clone())
}
