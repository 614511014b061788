//! Compiling source to runnable code and running it in a namespace: used by the command line,
//! `import`, `exec`, `eval` and `compile`.

use crate::code::Code;
use crate::eval::Frame;
use crate::object::{ObjRef, Payload};
use crate::types::types;
use crate::value::Value;
use crate::vm::Vm;
use crate::{PyErr, PyResult};
use spindle_compiler::{Mode, SyntaxErrorInfo, SyntaxKind};
use std::sync::Arc;

/// A Python `SyntaxError` (or IndentationError/TabError) from the compiler's report.
pub fn syntax_error(vm: &mut Vm, info: &SyntaxErrorInfo) -> PyErr {
    let t = types();
    let cls = match info.kind {
        SyntaxKind::Syntax => t.exc.syntax_error.clone(),
        SyntaxKind::Indentation => t.exc.indentation_error.clone(),
        SyntaxKind::Tab => t.exc.tab_error.clone(),
        SyntaxKind::Memory => return PyErr(crate::exceptions::new_exception(&t.exc.memory_error, vec![])),
    };
    let msg = vm.new_str(&info.message);
    // Errors found after parsing carry the line CPython reads back from the file (none for
    // `<string>` and other sources that are not files).
    let text = if info.from_compiler { file_line(&info.filename, info.lineno) } else { info.text.clone() };
    let text = match text {
        Some(s) => vm.new_string(s),
        None => Value::None,
    };
    let filename = vm.new_str(&info.filename);
    let details = crate::types::tuple::new_tuple(vec![filename, Value::Int(info.lineno as i64), Value::Int(info.offset as i64), text, Value::Int(info.end_lineno as i64), Value::Int(info.end_offset as i64)]);
    let args = vec![msg, details];
    match vm.call(&Value::Obj(cls.clone()), &args, &[]) {
        Ok(Value::Obj(e)) => PyErr(e),
        Ok(_) => vm.new_exc(&cls, &info.message),
        Err(e) => e,
    }
}

/// Line `lineno` of the file `filename` with its newline (CPython's `PyErr_ProgramTextObject`).
fn file_line(filename: &str, lineno: u32) -> Option<String> {
    if filename.starts_with('<') && filename.ends_with('>') {
        return None;
    }
    let bytes = std::fs::read(filename).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    let line = text.split_inclusive('\n').nth((lineno as usize).checked_sub(1)?)?;
    Some(line.replace("\r\n", "\n"))
}

/// Print the compiler's SyntaxWarnings as CPython's default warning filter shows them
/// (`file:line: SyntaxWarning: message` and the source line when the file can be read).
fn show_warnings(vm: &mut Vm, co: &spindle_compiler::CodeObject, filename: &str) {
    for (line, msg) in &co.warnings {
        let mut text = format!("{filename}:{line}: SyntaxWarning: {msg}\n");
        if let Some(src) = file_line(filename, *line) {
            let src = src.trim();
            if !src.is_empty() {
                text.push_str(&format!("  {src}\n"));
            }
        }
        crate::stdlib::sys::write_stderr(vm, &text);
    }
}

/// Compile `source` as a module or an expression.
pub fn compile(vm: &mut Vm, source: &str, filename: &str, mode: Mode) -> PyResult<Arc<Code>> {
    match spindle_compiler::compile_mode(source, filename, mode) {
        Ok(co) => {
            show_warnings(vm, &co, filename);
            let src: Arc<str> = Arc::from(source);
            Ok(Code::new(vm, Arc::new(co), Some(src)))
        }
        Err(info) => Err(syntax_error(vm, &info)),
    }
}

/// Compile a main script read from a file or stdin (CPython tokenizes the file itself).
pub fn compile_main(vm: &mut Vm, source: &str, filename: &str) -> PyResult<Arc<Code>> {
    match spindle_compiler::compile_file(source, filename) {
        Ok(co) => {
            show_warnings(vm, &co, filename);
            let src: Arc<str> = Arc::from(source);
            Ok(Code::new(vm, Arc::new(co), Some(src)))
        }
        Err(info) => Err(syntax_error(vm, &info)),
    }
}

/// Run module-level code with `globals` (and `locals`, for exec/eval with two namespaces).
pub fn run_code(vm: &mut Vm, code: Arc<Code>, globals: &ObjRef, locals: Option<Value>) -> PyResult {
    if crate::types::dict::dict_get_str(globals, "__builtins__").is_none() {
        let k = Value::Obj(vm.intern("__builtins__"));
        let b = Value::Obj(crate::vm::interp().builtins.clone());
        crate::types::dict::dict_set(vm, globals, k, b)?;
    }
    let locals = locals.unwrap_or_else(|| Value::Obj(globals.clone()));
    let frame = Frame::new(code, globals.clone(), Some(locals), None);
    vm.run_frame(frame)
}

/// The code object behind a `code` value.
pub fn code_of(v: &Value) -> Option<Arc<Code>> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Code(c) => Some(c.clone()),
            _ => None,
        },
        _ => None,
    }
}

pub fn code_value(code: Arc<Code>) -> Value {
    Value::Obj(ObjRef::new(types().code.clone(), Payload::Code(code)))
}

/// What the command line asked to run.
pub enum Target {
    File(String),
    Command(String),
    Module(String),
    Stdin,
}

/// Set when the program ended with an uncaught `KeyboardInterrupt`: the process then dies by
/// SIGINT (`sigint::exit_by_sigint`) as CPython does.
pub static UNCAUGHT_KEYBOARD_INTERRUPT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Exit status for an uncaught exception: SystemExit's code, or 1 after printing the traceback
/// through `sys.excepthook`.
pub fn handle_uncaught(vm: &mut Vm, e: &PyErr) -> i32 {
    let t = types();
    if crate::types::is_subtype(&e.0.cls, &t.exc.system_exit) {
        let ev = Value::Obj(e.0.clone());
        let code = vm.get_attr_str(&ev, "code").unwrap_or(Value::None);
        return match &code {
            Value::None => 0,
            Value::Int(i) => *i as i32,
            Value::Bool64(b) => b.get() as i32,
            // An int beyond C long: PyLong_AsLong fails and CPython exits with -1.
            v if crate::ops::is_int(v) => crate::types::int::to_i64(v).map_or(-1, |i| i as i32),
            other => {
                let s = vm.to_str(other).unwrap_or_default();
                crate::stdlib::sys::write_stderr(vm, &format!("{s}\n"));
                1
            }
        };
    }
    let hook = crate::vm::interp().sys.get().and_then(|s| s.instance_dict().and_then(|d| crate::types::dict::dict_get_str(d, "excepthook")));
    let ev = Value::Obj(e.0.clone());
    let tb = crate::exceptions::exc_data(&e.0).map(|d| d.lock().traceback.clone()).unwrap_or(Value::None);
    match hook {
        Some(h) => {
            if let Err(e2) = vm.call(&h, &[Value::Obj(e.0.cls.clone()), ev, tb], &[]) {
                // A hook that raises SystemExit exits with it.
                if crate::types::is_subtype(&e2.0.cls, &t.exc.system_exit) {
                    return handle_uncaught(vm, &e2);
                }
                crate::stdlib::sys::write_stderr(vm, "Error in sys.excepthook:\n");
                crate::traceback::print_exception(vm, &e2);
                crate::stdlib::sys::write_stderr(vm, "\nOriginal exception was:\n");
                crate::traceback::print_exception(vm, e);
            }
        }
        None => {
            crate::stdlib::sys::write_stderr(vm, "sys.excepthook is missing\n");
            crate::traceback::print_exception(vm, e);
        }
    }
    if crate::types::is_subtype(&e.0.cls, &t.exc.keyboard_interrupt) {
        UNCAUGHT_KEYBOARD_INTERRUPT.store(true, std::sync::atomic::Ordering::Relaxed);
        return 130;
    }
    1
}

fn main_module(vm: &mut Vm, file: Option<&str>) -> PyResult<ObjRef> {
    let m = crate::types::module::new_module(vm, "__main__");
    let d = crate::types::module::module_dict(&m);
    if let Some(f) = file {
        let k = Value::Obj(vm.intern("__file__"));
        let v = vm.new_str(f);
        crate::types::dict::dict_set(vm, &d, k, v)?;
    }
    let k = Value::Obj(vm.intern("__builtins__"));
    crate::types::dict::dict_set(vm, &d, k, Value::Obj(crate::vm::interp().builtins.clone()))?;
    let k = Value::Obj(vm.intern("__main__"));
    crate::types::dict::dict_set(vm, &crate::vm::interp().modules, k, Value::Obj(m.clone()))?;
    Ok(m)
}

fn set_path0(vm: &mut Vm, p: &str) -> PyResult<()> {
    let sys = crate::import::sys_modules_get("sys").unwrap_or(Value::None);
    let path = vm.get_attr_str(&sys, "path")?;
    let v = vm.new_str(p);
    vm.call_method(&path, "insert", &[Value::Int(0), v])?;
    Ok(())
}

fn run_target(vm: &mut Vm, target: &Target) -> PyResult<()> {
    match target {
        Target::File(path) => {
            let dir = std::path::Path::new(path).parent().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
            let dir = if dir.is_empty() { ".".to_string() } else { dir };
            let abs = std::fs::canonicalize(&dir).map(|p| p.to_string_lossy().into_owned()).unwrap_or(dir);
            set_path0(vm, &abs)?;
            let bytes = match std::fs::read(path) {
                Ok(b) => b,
                Err(e) => {
                    let msg = e.raw_os_error().map(|c| {
                        // SAFETY: strerror returns a pointer to a NUL-terminated string owned by libc.
                        let s = unsafe { std::ffi::CStr::from_ptr(libc::strerror(c)) }.to_string_lossy().into_owned();
                        format!("[Errno {c}] {s}")
                    });
                    let exe = std::env::args().next().unwrap_or_else(|| "spindle".into());
                    let shown = std::fs::canonicalize(".").map(|d| d.join(path).to_string_lossy().into_owned()).unwrap_or(path.clone());
                    let shown = if path.starts_with('/') { path.clone() } else { shown };
                    crate::stdlib::sys::write_stderr(vm, &format!("{exe}: can't open file '{shown}': {}\n", msg.unwrap_or_else(|| e.to_string())));
                    return Err(PyErr(crate::exceptions::new_exception(&types().exc.system_exit, vec![Value::Int(2)])));
                }
            };
            let source = String::from_utf8_lossy(&bytes).into_owned();
            // CPython makes the script's path absolute (cwd joined with the path, unnormalised).
            let path = if path.starts_with('/') {
                path.clone()
            } else {
                match std::env::current_dir() {
                    Ok(d) => format!("{}/{path}", d.to_string_lossy()),
                    Err(_) => path.clone(),
                }
            };
            let m = main_module(vm, Some(&path))?;
            let code = compile_main(vm, &source, &path)?;
            run_code(vm, code, &crate::types::module::module_dict(&m), None)?;
        }
        Target::Command(src) => {
            set_path0(vm, "")?;
            let m = main_module(vm, None)?;
            let code = compile(vm, src, "<string>", Mode::Exec)?;
            run_code(vm, code, &crate::types::module::module_dict(&m), None)?;
        }
        Target::Stdin => {
            set_path0(vm, "")?;
            let mut source = String::new();
            use std::io::Read;
            let _ = std::io::stdin().read_to_string(&mut source);
            let m = main_module(vm, None)?;
            let code = compile_main(vm, &source, "<stdin>")?;
            run_code(vm, code, &crate::types::module::module_dict(&m), None)?;
        }
        Target::Module(name) => {
            let cwd = std::env::current_dir().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
            set_path0(vm, &cwd)?;
            run_module_as_main(vm, name)?;
        }
    }
    Ok(())
}

/// `-m name`: find the module's source and run it as `__main__`.
fn run_module_as_main(vm: &mut Vm, name: &str) -> PyResult<()> {
    let sys = crate::import::sys_modules_get("sys").unwrap_or(Value::None);
    let path = vm.get_attr_str(&sys, "path")?;
    let rel = name.replace('.', "/");
    for dir in vm.collect(&path)? {
        let Some(d) = dir.as_str() else { continue };
        let base = std::path::Path::new(d);
        for cand in [base.join(format!("{rel}.py")), base.join(&rel).join("__main__.py")] {
            if cand.is_file() {
                let f = cand.to_string_lossy().into_owned();
                if let Ok(argv) = vm.get_attr_str(&sys, "argv") {
                    let fv = vm.new_str(&f);
                    let _ = vm.setitem(&argv, &Value::Int(0), fv);
                }
                let source = std::fs::read_to_string(&cand).unwrap_or_default();
                if let Some((parent, _)) = name.rsplit_once('.') {
                    crate::import::import_full(vm, parent)?;
                }
                let m = main_module(vm, Some(&f))?;
                let d = crate::types::module::module_dict(&m);
                if let Some((parent, _)) = name.rsplit_once('.') {
                    let k = Value::Obj(vm.intern("__package__"));
                    let v = vm.new_str(parent);
                    crate::types::dict::dict_set(vm, &d, k, v)?;
                }
                let code = compile(vm, &source, &f, Mode::Exec)?;
                run_code(vm, code, &d, None)?;
                return Ok(());
            }
        }
    }
    // The library shipped inside the binary comes after sys.path (a script's own module
    // shadows it, as for imports).
    if let Some((f, source, is_pkg)) = crate::import::embedded_main_source(name) {
        if let Ok(argv) = vm.get_attr_str(&sys, "argv") {
            let fv = vm.new_str(&f);
            let _ = vm.setitem(&argv, &Value::Int(0), fv);
        }
        let package = if is_pkg { Some(name.to_string()) } else { name.rsplit_once('.').map(|(p, _)| p.to_string()) };
        if let Some(p) = &package {
            crate::import::import_full(vm, p)?;
        }
        let m = main_module(vm, Some(&f))?;
        let d = crate::types::module::module_dict(&m);
        if let Some(p) = &package {
            let k = Value::Obj(vm.intern("__package__"));
            let v = vm.new_str(p);
            crate::types::dict::dict_set(vm, &d, k, v)?;
        }
        let code = compile(vm, source, &f, Mode::Exec)?;
        run_code(vm, code, &d, None)?;
        return Ok(());
    }
    let exe = std::env::args().next().unwrap_or_else(|| "spindle".into());
    crate::stdlib::sys::write_stderr(vm, &format!("{exe}: No module named {name}\n"));
    Err(PyErr(crate::exceptions::new_exception(&types().exc.system_exit, vec![Value::Int(1)])))
}

/// Run the `atexit` callbacks (last registered first), if the module was imported. Errors are
/// reported as CPython does ("Exception ignored in atexit callback: ...") and do not stop the
/// others.
fn run_atexit(vm: &mut Vm) {
    let Some(m) = crate::import::sys_modules_get("atexit") else { return };
    let Ok(Some(list)) = vm.get_attr_opt(&m, "_exithandlers") else { return };
    loop {
        let item = match vm.call_method(&list, "pop", &[]) {
            Ok(v) => v,
            Err(_) => break,
        };
        let Ok(parts) = vm.collect(&item) else { continue };
        if parts.len() != 3 {
            continue;
        }
        let args = vm.collect(&parts[1]).unwrap_or_default();
        let kwargs: Vec<(Value, Value)> = match &parts[2] {
            Value::Obj(d) if matches!(d.payload, crate::object::Payload::Dict(_)) => crate::types::dict::dict_items(d),
            _ => Vec::new(),
        };
        if let Err(e) = vm.call(&parts[0], &args, &kwargs) {
            if !vm.is_instance_of(&e, &types().exc.system_exit.clone()) {
                crate::traceback::print_unraisable(vm, &e, "Exception ignored in atexit callback", &parts[0]);
            }
        }
    }
}

/// Interpreter shutdown frees what `__main__`'s globals hold, as CPython's module teardown
/// does. CPython's collector runs the `__del__` of unreachable objects before clearing any of
/// them (PEP 442), so first the objects only the globals hold get their `__del__` called while
/// every global is still there (in insertion order); then entries go in insertion order
/// (`__builtins__` kept), each one's remaining finalizers running before the next is dropped.
fn clear_main_module(vm: &mut Vm) {
    let Some(Value::Obj(m)) = crate::import::sys_modules_get("__main__") else { return };
    let d = crate::types::module::module_dict(&m);
    let items = crate::types::dict::dict_items(&d);
    for (_, v) in &items {
        let Value::Obj(o) = v else { continue };
        // One reference from the dict, one in `items`.
        if o.refcount() == 2 && crate::object::has_finalizer(o) && o.mark_finalized() {
            if let Some(del) = vm.lookup_special(v, "__del__") {
                let saved = vm.handled.clone();
                if let Err(e) = vm.call(&del, std::slice::from_ref(v), &[]) {
                    crate::traceback::print_unraisable(vm, &e, "Exception ignored in", &del);
                }
                vm.handled = saved;
            }
            vm.run_finalizers();
        }
    }
    let keys: Vec<Value> = items.into_iter().map(|(k, _)| k).collect();
    for k in keys {
        if k.as_str() == Some("__builtins__") {
            continue;
        }
        let _ = crate::types::dict::dict_del(vm, &d, &k);
        vm.run_finalizers();
    }
}

/// Run the program and shut down: returns the process exit status.
pub fn run_main(vm: &mut Vm, target: &Target) -> i32 {
    let mut status = match run_target(vm, target) {
        Ok(()) => 0,
        Err(e) => handle_uncaught(vm, &e),
    };
    vm.run_finalizers();
    // Wait for non-daemon threads (threading._shutdown), as CPython does at exit.
    if let Some(th) = crate::import::sys_modules_get("threading") {
        if let Ok(Some(sd)) = vm.get_attr_opt(&th, "_shutdown") {
            if let Err(e) = vm.call(&sd, &[], &[]) {
                status = handle_uncaught(vm, &e);
            }
        }
    }
    vm.run_finalizers();
    run_atexit(vm);
    vm.run_finalizers();
    clear_main_module(vm);
    crate::stdlib::sys::flush_all(vm);
    // Daemon threads still running never get the GIL again (they die with the process).
    crate::gil::finalize();
    crate::gil_trace::report();
    crate::sigint::main_exiting();
    status
}
