//! The `sys` module, and the runtime's own access to the standard streams (print, tracebacks).

use crate::object::{ObjRef, Payload};
use crate::stdlib::io::{file_of, std_stream, Handle};
use crate::stdlib::{module_with, set_attr};
use crate::types::types;
use crate::value::Value;
use crate::vm::{interp, Vm};
use crate::{Args, PyErr, PyResult};
use std::sync::atomic::Ordering;

pub const VERSION: &str = "3.11.7 (spindle 0.1.0)";

fn sys_module() -> Option<ObjRef> {
    interp().sys.get().cloned()
}

pub(crate) fn sys_attr(name: &str) -> Option<Value> {
    let m = sys_module()?;
    crate::types::dict::dict_get_str(m.instance_dict()?, name)
}

/// Write text to `sys.stdout` (fast path for the native stream).
pub fn write_stdout(vm: &mut Vm, s: &str) -> PyResult<()> {
    write_stream(vm, "stdout", s)
}

fn write_stream(vm: &mut Vm, which: &str, s: &str) -> PyResult<()> {
    let Some(out) = sys_attr(which) else { return Err(vm.runtime_error(&format!("lost sys.{which}"))) };
    if out.is_none() {
        return Ok(());
    }
    if let Some(f) = file_of(&out) {
        if crate::types::type_of(&out).type_data().builtin {
            let mut st = f.lock();
            if !st.closed && !st.binary {
                let r = st.write_text(s.as_bytes());
                drop(st);
                return r.map_err(|e| vm.os_error_from_io(&e, None));
            }
        }
    }
    let v = vm.new_str(s);
    vm.call_method(&out, "write", &[v])?;
    Ok(())
}

pub fn flush_stdout(vm: &mut Vm) -> PyResult<()> {
    if let Some(out) = sys_attr("stdout") {
        if out.is_none() {
            return Ok(());
        }
        if let Some(f) = file_of(&out) {
            let r = f.lock().flush();
            return r.map_err(|e| vm.os_error_from_io(&e, None));
        }
        vm.call_method(&out, "flush", &[])?;
    }
    Ok(())
}

/// Write to `sys.stderr`, never failing (tracebacks, unraisable errors). Stdout is flushed
/// first so the two streams interleave as written.
pub fn write_stderr(vm: &mut Vm, s: &str) {
    let _ = flush_stdout(vm);
    if write_stream(vm, "stderr", s).is_err() {
        use std::io::Write;
        let _ = std::io::stderr().write_all(s.as_bytes());
    }
    if let Some(err) = sys_attr("stderr") {
        if let Some(f) = file_of(&err) {
            let _ = f.lock().flush();
        }
    }
}

/// Flush the standard streams at exit (errors ignored, as CPython at shutdown).
pub fn flush_all(vm: &mut Vm) {
    for name in ["stdout", "stderr", "__stdout__", "__stderr__"] {
        if let Some(s) = sys_attr(name) {
            if let Some(f) = file_of(&s) {
                let _ = f.lock().flush();
            } else if !s.is_none() {
                let _ = vm.call_method(&s, "flush", &[]);
            }
        }
    }
}

/// Read one line from `sys.stdin` (None at end of input).
pub fn read_stdin_line(vm: &mut Vm) -> PyResult<Option<String>> {
    let Some(inp) = sys_attr("stdin") else { return Err(vm.runtime_error("input(): lost sys.stdin")) };
    let line = vm.call_method(&inp, "readline", &[])?;
    let s = vm.to_str(&line)?;
    if s.is_empty() {
        return Ok(None);
    }
    Ok(Some(s))
}

fn sys_exit(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() > 1 {
        return Err(vm.type_error(&format!("exit expected at most 1 argument, got {}", a.args.len())));
    }
    if !a.kwargs.is_empty() {
        return Err(vm.type_error("sys.exit() takes no keyword arguments"));
    }
    let cls = Value::Obj(types().exc.system_exit.clone());
    // CPython raises SystemExit with the status as PyErr_SetObject's value: a tuple is taken
    // as the argument tuple.
    let args: Vec<Value> = match a.args.first() {
        Some(t @ Value::Obj(o)) if o.cls.is(&types().tuple) => crate::types::tuple::tuple_items(t).map(|s| s.to_vec()).unwrap_or_default(),
        _ => a.args.to_vec(),
    };
    let e = vm.call(&cls, &args, &[])?;
    match e {
        Value::Obj(o) => Err(PyErr(o)),
        _ => Err(vm.runtime_error("sys.exit")),
    }
}

fn getrefcount(vm: &mut Vm, a: Args) -> PyResult {
    let Some(v) = a.args.first() else { return Err(vm.type_error("getrefcount() takes exactly one argument (0 given)")) };
    match v {
        Value::Obj(o) => {
            let rc = o.refcount();
            if rc >= crate::object::ptr::IMMORTAL / 2 {
                return Ok(Value::Int(u32::MAX as i64));
            }
            // CPython counts the argument reference held by the call; so do we (`a.args`).
            Ok(Value::Int(rc as i64))
        }
        // Unboxed values (small ints, floats, None, bools) are immortal, as in CPython 3.12+.
        _ => Ok(Value::Int(u32::MAX as i64)),
    }
}

fn getrecursionlimit(_vm: &mut Vm, _a: Args) -> PyResult {
    Ok(Value::Int(interp().recursion_limit.load(Ordering::Relaxed) as i64))
}

fn setrecursionlimit(vm: &mut Vm, a: Args) -> PyResult {
    let Some(v) = a.args.first() else { return Err(vm.type_error("setrecursionlimit() takes exactly one argument (0 given)")) };
    if !crate::ops::is_int(v) {
        let tn = vm.type_name(v);
        return Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")));
    }
    let n = crate::types::int::to_i64(v).unwrap_or(i64::MAX);
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    let depth = vm.frames.len() as i64;
    if n <= depth {
        return Err(vm.new_exc(&types().exc.recursion_error.clone(), &format!("cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low")));
    }
    interp().recursion_limit.store(n.min(i32::MAX as i64) as usize, Ordering::Relaxed);
    Ok(Value::None)
}

fn exc_info(vm: &mut Vm, _a: Args) -> PyResult {
    let h = vm.handled.clone();
    match &h {
        Value::Obj(e) => {
            let tb = crate::exceptions::exc_data(e).map(|d| d.lock().traceback.clone()).unwrap_or(Value::None);
            Ok(crate::types::tuple::new_tuple(vec![Value::Obj(e.cls.clone()), h.clone(), tb]))
        }
        _ => Ok(crate::types::tuple::new_tuple(vec![Value::None, Value::None, Value::None])),
    }
}

fn exception(vm: &mut Vm, _a: Args) -> PyResult {
    Ok(vm.handled.clone())
}

fn intern(vm: &mut Vm, a: Args) -> PyResult {
    let v = &a.args[0];
    match v.as_str() {
        Some(_) if !matches!(v, Value::Obj(o) if o.cls.is(&crate::types::types().str_)) => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("can't intern {tn}")))
        }
        Some(s) => Ok(Value::Obj(crate::vm::intern_static(s))),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("intern() argument must be str, not {tn}")))
        }
    }
}

fn getsizeof(vm: &mut Vm, a: Args) -> PyResult {
    let Some(v) = a.args.first() else { return Err(vm.type_error("getsizeof() takes at least 1 argument")) };
    match vm.call_special(v, "__sizeof__", &[])? {
        Some(r) => crate::ops::binary_op(vm, &r, &Value::Int(16), spindle_compiler::bytecode::BinOp::Add),
        None => Ok(Value::Int(16)),
    }
}

fn getframe(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::check_positional(vm, &a, 0, "_getframe", 0, 1)?;
    let depth = match a.args.first() {
        None => 0,
        Some(v) => crate::types::int::as_c_int(vm, v)?,
    };
    // CPython walks back `depth` frames: a negative depth is the current frame.
    crate::types::frame::getframe(vm, depth.max(0) as i64)
}

fn excepthook(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() != 3 {
        return Err(vm.type_error(&format!("excepthook expected 3 arguments, got {}", a.args.len())));
    }
    match &a.args[1] {
        Value::Obj(e) if matches!(e.payload, Payload::Exception(_)) => {
            if let Some(d) = crate::exceptions::exc_data(e) {
                if !a.args[2].is_none() {
                    d.lock().traceback = a.args[2].clone();
                }
            }
            crate::traceback::print_exception(vm, &PyErr(e.clone()));
        }
        other => {
            let tn = vm.type_name(other);
            write_stderr(vm, &format!("TypeError: print_exception(): Exception expected for value, {tn} found\n"));
        }
    }
    Ok(Value::None)
}

fn getswitchinterval(_vm: &mut Vm, _a: Args) -> PyResult {
    Ok(Value::Float(crate::stdlib::thread::switch_interval()))
}

fn setswitchinterval(vm: &mut Vm, a: Args) -> PyResult {
    let Some(v) = a.args.first() else { return Err(vm.type_error("setswitchinterval() takes exactly one argument (0 given)")) };
    let f = match crate::types::float::to_f64(v) {
        Some(f) => f,
        None if vm.lookup_special(v, "__float__").is_some() => crate::types::float::float_of(vm, v)?,
        None => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(&format!("must be real number, not {tn}")));
        }
    };
    if f.is_nan() || f <= 0.0 {
        return Err(vm.value_error("switch interval must be strictly positive"));
    }
    crate::stdlib::thread::set_switch_interval(f);
    Ok(Value::None)
}

fn getdefaultencoding(vm: &mut Vm, _a: Args) -> PyResult {
    Ok(vm.new_str("utf-8"))
}

/// Build the `sys` module. `argv` and `path` come from the command line.
/// A `sys` struct sequence instance (version_info, float_info ...).
fn struct_infos(vm: &mut Vm, name: &str, fields: &[&'static str], values: impl FnOnce(&mut Vm) -> Vec<Value>) -> Value {
    let vals = values(vm);
    match crate::stdlib::structseq::new_type(vm, "sys", name, fields, fields.len()).and_then(|cls| crate::stdlib::structseq::make(vm, &cls, vals.clone())) {
        Ok(v) => v,
        Err(_) => crate::types::tuple::new_tuple(vals),
    }
}

pub fn create(vm: &mut Vm) -> ObjRef {
    let unbuffered = interp().unbuffered.load(Ordering::Relaxed);
    // SAFETY: isatty only inspects the descriptor number.
    let tty = unsafe { libc::isatty(1) } == 1;
    let stdout = std_stream(Handle::Stdout, "<stdout>", "w", tty, unbuffered);
    let stderr = std_stream(Handle::Stderr, "<stderr>", "w", true, unbuffered);
    let stdin = std_stream(Handle::Stdin, "<stdin>", "r", false, false);
    let argv: Vec<Value> = interp().argv.lock().unwrap_or_else(|e| e.into_inner()).clone().iter().map(|s| vm.new_str(s)).collect();
    let xopts = vm.new_dict();
    let xo = interp().xoptions.lock().unwrap_or_else(|e| e.into_inner()).clone();
    for (k, v) in xo {
        let kv = vm.new_str(&k);
        let vv = match v {
            Some(s) => vm.new_str(&s),
            None => Value::Bool(true),
        };
        let _ = crate::types::dict::dict_set(vm, &xopts, kv, vv);
    }
    let impl_ns = crate::types::module::new_module(vm, "implementation");
    let n = vm.new_str("spindle");
    set_attr(vm, &impl_ns, "name", n);
    let ct = vm.new_str("spindle-311");
    set_attr(vm, &impl_ns, "cache_tag", ct);
    set_attr(vm, &impl_ns, "version", crate::types::tuple::new_tuple(vec![Value::Int(0), Value::Int(1), Value::Int(0)]));
    let version = vm.new_str(VERSION);
    let vi = struct_infos(vm, "version_info", &["major", "minor", "micro", "releaselevel", "serial"], |vm| vec![Value::Int(3), Value::Int(11), Value::Int(7), vm.new_str("final"), Value::Int(0)]);
    let exe = std::env::current_exe().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
    let exe = vm.new_string(exe);
    let platform = vm.new_str("linux");
    let byteorder = vm.new_str(if cfg!(target_endian = "little") { "little" } else { "big" });
    let m = module_with(
        vm,
        "sys",
        &[
            ("exit", sys_exit),
            ("getrefcount", getrefcount),
            ("getrecursionlimit", getrecursionlimit),
            ("setrecursionlimit", setrecursionlimit),
            ("exc_info", exc_info),
            ("exception", exception),
            ("intern", intern),
            ("getsizeof", getsizeof),
            ("_getframe", getframe),
            ("excepthook", excepthook),
            ("__excepthook__", excepthook),
            ("getswitchinterval", getswitchinterval),
            ("setswitchinterval", setswitchinterval),
            ("getdefaultencoding", getdefaultencoding),
        ],
    );
    let modules = Value::Obj(interp().modules.clone());
    // PYTHONPATH entries follow the script's directory (inserted at 0 when the program starts).
    let pythonpath: Vec<Value> = std::env::var("PYTHONPATH").ok().map(|p| p.split(':').filter(|e| !e.is_empty()).map(|e| vm.new_str(e)).collect()).unwrap_or_default();
    let path = crate::types::list::new_list(pythonpath);
    let mut attrs: Vec<(&str, Value)> = vec![
        ("argv", crate::types::list::new_list(argv)),
        ("path", path),
        ("modules", modules),
        ("stdout", stdout.clone()),
        ("stderr", stderr.clone()),
        ("stdin", stdin.clone()),
        ("__stdout__", stdout),
        ("__stderr__", stderr),
        ("__stdin__", stdin),
        ("version", version),
        ("version_info", vi),
        ("hexversion", Value::Int(0x030b07f0)),
        ("implementation", Value::Obj(impl_ns)),
        ("executable", exe),
        ("platform", platform),
        ("byteorder", byteorder),
        ("maxsize", Value::Int(i64::MAX)),
        ("maxunicode", Value::Int(0x10ffff)),
        ("_xoptions", Value::Obj(xopts)),
        ("dont_write_bytecode", Value::Bool(true)),
        // The command line has no -W option: no warning options are ever given.
        ("warnoptions", crate::types::list::new_list(Vec::new())),
    ];
    let fi = struct_infos(vm, "float_info", &["max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"], |_| {
        vec![Value::Float(f64::MAX), Value::Int(1024), Value::Int(308), Value::Float(f64::MIN_POSITIVE), Value::Int(-1021), Value::Int(-307), Value::Int(15), Value::Int(53), Value::Float(f64::EPSILON), Value::Int(2), Value::Int(1)]
    });
    attrs.push(("float_info", fi));
    let ii = struct_infos(vm, "int_info", &["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"], |_| vec![Value::Int(30), Value::Int(4), Value::Int(4300), Value::Int(640)]);
    attrs.push(("int_info", ii));
    // Spindle hashes numbers as CPython (modulus 2**61 - 1); strings use its own function.
    let hi = struct_infos(vm, "hash_info", &["width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"], |vm| {
        vec![Value::Int(64), Value::Int((1i64 << 61) - 1), Value::Int(314159), Value::Int(0), Value::Int(1000003), vm.new_str("fx"), Value::Int(64), Value::Int(0), Value::Int(0)]
    });
    attrs.push(("hash_info", hi));
    attrs.push(("builtin_module_names", crate::types::tuple::new_tuple(crate::stdlib::BUILTIN_MODULES.iter().map(|n| Value::Obj(crate::vm::intern_static(n))).collect())));
    for (k, v) in attrs {
        set_attr(vm, &m, k, v);
    }
    m
}
