//! `os` and `os.path` (`posixpath`): process facts, the environment, and file-system basics.

use crate::object::ObjRef;
use crate::stdlib::{module_with, set_attr};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};
use std::path::Path;

fn path_arg(vm: &mut Vm, a: &Args, i: usize, name: &str) -> PyResult<String> {
    let Some(v) = a.args.get(i) else { return Err(vm.type_error(&format!("{name}() missing required argument 'path' (pos {})", i + 1))) };
    fspath(vm, v)
}

/// A path argument as text (str, bytes or os.PathLike).
pub fn fspath_str(vm: &mut Vm, v: &Value) -> PyResult<String> {
    fspath(vm, v)
}

fn fspath(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Some(s) = v.as_str() {
        return Ok(s.to_string());
    }
    if let Some(b) = crate::types::bytes::bytes_like(v) {
        return Ok(String::from_utf8_lossy(&b).into_owned());
    }
    if let Some(r) = vm.call_special(v, "__fspath__", &[])? {
        if let Some(s) = r.as_str() {
            return Ok(s.to_string());
        }
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(&format!("expected str, bytes or os.PathLike object, not {tn}")))
}

fn io_err(vm: &mut Vm, e: std::io::Error, path: &str) -> crate::PyErr {
    vm.os_error_from_io(&e, Some(path))
}

fn getpid(_vm: &mut Vm, _a: Args) -> PyResult {
    Ok(Value::Int(std::process::id() as i64))
}

fn getppid(_vm: &mut Vm, _a: Args) -> PyResult {
    // SAFETY: getppid has no preconditions.
    Ok(Value::Int(unsafe { libc::getppid() } as i64))
}

fn cpu_count(_vm: &mut Vm, _a: Args) -> PyResult {
    Ok(std::thread::available_parallelism().map(|n| Value::Int(n.get() as i64)).unwrap_or(Value::None))
}

fn getcwd(vm: &mut Vm, _a: Args) -> PyResult {
    match std::env::current_dir() {
        Ok(p) => Ok(vm.new_string(p.to_string_lossy().into_owned())),
        Err(e) => Err(vm.os_error_from_io(&e, None)),
    }
}

fn chdir(vm: &mut Vm, a: Args) -> PyResult {
    let p = path_arg(vm, &a, 0, "chdir")?;
    std::env::set_current_dir(&p).map_err(|e| io_err(vm, e, &p))?;
    Ok(Value::None)
}

fn listdir(vm: &mut Vm, a: Args) -> PyResult {
    let p = if a.args.is_empty() { ".".to_string() } else { path_arg(vm, &a, 0, "listdir")? };
    let rd = std::fs::read_dir(&p).map_err(|e| io_err(vm, e, &p))?;
    let mut names = Vec::new();
    for e in rd.flatten() {
        names.push(vm.new_string(e.file_name().to_string_lossy().into_owned()));
    }
    Ok(crate::types::list::new_list(names))
}

fn remove(vm: &mut Vm, a: Args) -> PyResult {
    let p = path_arg(vm, &a, 0, "remove")?;
    std::fs::remove_file(&p).map_err(|e| io_err(vm, e, &p))?;
    Ok(Value::None)
}

fn rmdir(vm: &mut Vm, a: Args) -> PyResult {
    let p = path_arg(vm, &a, 0, "rmdir")?;
    std::fs::remove_dir(&p).map_err(|e| io_err(vm, e, &p))?;
    Ok(Value::None)
}

fn makedirs(vm: &mut Vm, a: Args) -> PyResult {
    let p = path_arg(vm, &a, 0, "makedirs")?;
    let exist_ok = match a.args.get(2).or_else(|| a.kw("exist_ok")) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if Path::new(&p).is_dir() && !exist_ok {
        let e = std::io::Error::from_raw_os_error(libc::EEXIST);
        return Err(io_err(vm, e, &p));
    }
    std::fs::create_dir_all(&p).map_err(|e| io_err(vm, e, &p))?;
    Ok(Value::None)
}

fn rename(vm: &mut Vm, a: Args) -> PyResult {
    let src = path_arg(vm, &a, 0, "rename")?;
    let dst = path_arg(vm, &a, 1, "rename")?;
    std::fs::rename(&src, &dst).map_err(|e| io_err(vm, e, &src))?;
    Ok(Value::None)
}

fn env_str(vm: &mut Vm, a: &Args, i: usize, func: &str) -> PyResult<std::ffi::CString> {
    let Some(v) = a.args.get(i) else { return Err(vm.type_error(&format!("{func}() missing required argument (pos {})", i + 1))) };
    let Some(s) = v.as_str() else {
        let tn = vm.type_name(v);
        return Err(vm.type_error(&format!("str expected, not {tn}")));
    };
    match std::ffi::CString::new(s) {
        Ok(c) => Ok(c),
        Err(_) => Err(vm.value_error("embedded null byte")),
    }
}

/// `os.putenv(key, value)`.
fn putenv(vm: &mut Vm, a: Args) -> PyResult {
    let k = env_str(vm, &a, 0, "putenv")?;
    let v = env_str(vm, &a, 1, "putenv")?;
    if k.as_bytes().is_empty() || k.as_bytes().contains(&b'=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    // SAFETY: setenv copies both NUL-terminated strings; environment access is serialised by
    // the GIL, as in CPython.
    if unsafe { libc::setenv(k.as_ptr(), v.as_ptr(), 1) } != 0 {
        return Err(vm.os_error_from_io(&std::io::Error::last_os_error(), None));
    }
    Ok(Value::None)
}

/// `os.unsetenv(key)`.
fn unsetenv(vm: &mut Vm, a: Args) -> PyResult {
    let k = env_str(vm, &a, 0, "unsetenv")?;
    if k.as_bytes().is_empty() || k.as_bytes().contains(&b'=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    // SAFETY: as putenv.
    if unsafe { libc::unsetenv(k.as_ptr()) } != 0 {
        return Err(vm.os_error_from_io(&std::io::Error::last_os_error(), None));
    }
    Ok(Value::None)
}

fn urandom(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() != 1 || !a.kwargs.is_empty() {
        return Err(vm.type_error(&if a.kwargs.is_empty() {
            format!("posix.urandom() takes exactly one argument ({} given)", a.args.len())
        } else {
            "posix.urandom() takes no keyword arguments".to_string()
        }));
    }
    let n = crate::types::int::as_ssize(vm, &a.args[0])?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    let mut buf = crate::alloc::try_vec::<u8>(vm, n as usize)?;
    buf.resize(n as usize, 0);
    let mut off = 0;
    while off < buf.len() {
        // SAFETY: getrandom writes at most len bytes into the buffer we own.
        let r = unsafe { libc::getrandom(buf[off..].as_mut_ptr() as *mut libc::c_void, buf.len() - off, 0) };
        if r <= 0 {
            return Err(vm.os_error("getrandom failed"));
        }
        off += r as usize;
    }
    Ok(crate::types::bytes::new_bytes(buf))
}

fn os_fspath(vm: &mut Vm, a: Args) -> PyResult {
    let Some(v) = a.args.first() else { return Err(vm.type_error("fspath() missing required argument 'path' (pos 1)")) };
    if v.as_str().is_some() || crate::types::bytes::bytes_like(v).is_some() {
        return Ok(v.clone());
    }
    let s = fspath(vm, v)?;
    Ok(vm.new_string(s))
}

fn strerror(vm: &mut Vm, a: Args) -> PyResult {
    let code = a.args.first().and_then(crate::types::int::to_i64).unwrap_or(0);
    // SAFETY: strerror returns a pointer to a NUL-terminated string owned by libc.
    let msg = unsafe { std::ffi::CStr::from_ptr(libc::strerror(code as i32)) }.to_string_lossy().into_owned();
    Ok(vm.new_string(msg))
}

// ----- os.path -----

fn p_join(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.is_empty() {
        return Err(vm.type_error("join() missing 1 required positional argument: 'a'"));
    }
    let mut out = fspath(vm, &a.args[0])?;
    for v in &a.args[1..] {
        let p = fspath(vm, v)?;
        if p.starts_with('/') {
            out = p;
        } else if out.is_empty() || out.ends_with('/') {
            out.push_str(&p);
        } else {
            out.push('/');
            out.push_str(&p);
        }
    }
    Ok(vm.new_string(out))
}

fn p_test(vm: &mut Vm, a: &Args, f: fn(&Path) -> bool) -> PyResult {
    let p = path_arg(vm, a, 0, "path")?;
    Ok(Value::Bool(f(Path::new(&p))))
}
fn p_exists(vm: &mut Vm, a: Args) -> PyResult {
    p_test(vm, &a, |p| p.exists())
}
fn p_isfile(vm: &mut Vm, a: Args) -> PyResult {
    p_test(vm, &a, |p| p.is_file())
}
fn p_isdir(vm: &mut Vm, a: Args) -> PyResult {
    p_test(vm, &a, |p| p.is_dir())
}
fn p_isabs(vm: &mut Vm, a: Args) -> PyResult {
    let p = path_arg(vm, &a, 0, "isabs")?;
    Ok(Value::Bool(p.starts_with('/')))
}

fn split_path(p: &str) -> (String, String) {
    match p.rfind('/') {
        Some(i) => {
            let head = &p[..i + 1];
            let trimmed = head.trim_end_matches('/');
            let head = if trimmed.is_empty() { head } else { trimmed };
            (head.to_string(), p[i + 1..].to_string())
        }
        None => (String::new(), p.to_string()),
    }
}

fn p_split(vm: &mut Vm, a: Args) -> PyResult {
    let p = path_arg(vm, &a, 0, "split")?;
    let (h, t) = split_path(&p);
    let items = vec![vm.new_string(h), vm.new_string(t)];
    Ok(crate::types::tuple::new_tuple(items))
}
fn p_basename(vm: &mut Vm, a: Args) -> PyResult {
    let p = path_arg(vm, &a, 0, "basename")?;
    let (_, t) = split_path(&p);
    Ok(vm.new_string(t))
}
fn p_dirname(vm: &mut Vm, a: Args) -> PyResult {
    let p = path_arg(vm, &a, 0, "dirname")?;
    let (h, _) = split_path(&p);
    Ok(vm.new_string(h))
}

fn p_splitext(vm: &mut Vm, a: Args) -> PyResult {
    let p = path_arg(vm, &a, 0, "splitext")?;
    let base_start = p.rfind('/').map(|i| i + 1).unwrap_or(0);
    let base = &p[base_start..];
    let lead = base.len() - base.trim_start_matches('.').len();
    let (root, ext) = match base[lead..].rfind('.') {
        Some(i) => {
            let cut = base_start + lead + i;
            (p[..cut].to_string(), p[cut..].to_string())
        }
        None => (p.clone(), String::new()),
    };
    let items = vec![vm.new_string(root), vm.new_string(ext)];
    Ok(crate::types::tuple::new_tuple(items))
}

pub fn normpath(p: &str) -> String {
    if p.is_empty() {
        return ".".to_string();
    }
    let initial = if p.starts_with("//") && !p.starts_with("///") { 2 } else if p.starts_with('/') { 1 } else { 0 };
    let mut parts: Vec<&str> = Vec::new();
    for comp in p.split('/') {
        match comp {
            "" | "." => {}
            ".." => {
                if initial == 0 && (parts.is_empty() || parts.last() == Some(&"..")) {
                    parts.push("..");
                } else if !parts.is_empty() {
                    parts.pop();
                }
            }
            c => parts.push(c),
        }
    }
    let s = format!("{}{}", "/".repeat(initial), parts.join("/"));
    if s.is_empty() {
        ".".to_string()
    } else {
        s
    }
}

fn p_normpath(vm: &mut Vm, a: Args) -> PyResult {
    let p = path_arg(vm, &a, 0, "normpath")?;
    Ok(vm.new_string(normpath(&p)))
}

fn p_abspath(vm: &mut Vm, a: Args) -> PyResult {
    let p = path_arg(vm, &a, 0, "abspath")?;
    let full = if p.starts_with('/') { p } else { format!("{}/{p}", std::env::current_dir().map(|d| d.to_string_lossy().into_owned()).unwrap_or_default()) };
    Ok(vm.new_string(normpath(&full)))
}

fn p_getsize(vm: &mut Vm, a: Args) -> PyResult {
    let p = path_arg(vm, &a, 0, "getsize")?;
    let md = std::fs::metadata(&p).map_err(|e| io_err(vm, e, &p))?;
    Ok(Value::Int(md.len() as i64))
}

fn p_expanduser(vm: &mut Vm, a: Args) -> PyResult {
    let p = path_arg(vm, &a, 0, "expanduser")?;
    let out = match (p.strip_prefix('~'), std::env::var("HOME")) {
        (Some(rest), Ok(home)) if rest.is_empty() || rest.starts_with('/') => format!("{home}{rest}"),
        _ => p,
    };
    Ok(vm.new_string(out))
}

pub fn create_path(vm: &mut Vm) -> ObjRef {
    let m = module_with(
        vm,
        "posixpath",
        &[
            ("join", p_join),
            ("exists", p_exists),
            ("isfile", p_isfile),
            ("isdir", p_isdir),
            ("isabs", p_isabs),
            ("split", p_split),
            ("basename", p_basename),
            ("dirname", p_dirname),
            ("splitext", p_splitext),
            ("normpath", p_normpath),
            ("abspath", p_abspath),
            ("getsize", p_getsize),
            ("expanduser", p_expanduser),
        ],
    );
    for (k, v) in [("sep", "/"), ("curdir", "."), ("pardir", ".."), ("pathsep", ":"), ("devnull", "/dev/null")] {
        let v = vm.new_str(v);
        set_attr(vm, &m, k, v);
    }
    crate::stdlib::os_path_more::add_to_path(vm, &m);
    m
}

pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = module_with(
        vm,
        "os",
        &[
            ("getpid", getpid),
            ("getppid", getppid),
            ("cpu_count", cpu_count),
            ("getcwd", getcwd),
            ("chdir", chdir),
            ("listdir", listdir),
            ("remove", remove),
            ("unlink", remove),
            ("rmdir", rmdir),
            ("makedirs", makedirs),
            ("rename", rename),
            ("replace", rename),
            ("urandom", urandom),
            ("fspath", os_fspath),
            ("strerror", strerror),
        ],
    );
    crate::stdlib::os_path_more::add_to_os(vm, &m);
    crate::stdlib::posix_fd::add_to(vm, &m);
    crate::stdlib::posix_proc::add_to(vm, &m);
    crate::stdlib::posix_spawn::add_to(vm, &m);
    crate::stdlib::posix_files::add_to(vm, &m);
    crate::stdlib::posix_uname::add_to(vm, &m);
    let env = vm.new_dict();
    for (k, v) in std::env::vars_os() {
        let k = vm.new_string(k.to_string_lossy().into_owned());
        let v = vm.new_string(v.to_string_lossy().into_owned());
        crate::types::dict::dict_set(vm, &env, k, v)?;
    }
    // os.environ: a mapping (lib/_environ.py) passing changes on to putenv/unsetenv.
    let helper = crate::import::import_full(vm, "_environ")?;
    let make = vm.get_attr_str(&helper, "make")?;
    let put = crate::builtins::native_function("putenv", putenv, "os");
    let unset = crate::builtins::native_function("unsetenv", unsetenv, "os");
    let made = vm.call(&make, &[put.clone(), unset.clone(), Value::Obj(env)], &[])?;
    let parts = vm.collect(&made)?;
    if let [environ, getenv] = &parts[..] {
        set_attr(vm, &m, "environ", environ.clone());
        set_attr(vm, &m, "getenv", getenv.clone());
    }
    set_attr(vm, &m, "putenv", put);
    set_attr(vm, &m, "unsetenv", unset);
    let path = match crate::import::sys_modules_get("posixpath") {
        Some(p) => p,
        None => crate::import::import_full(vm, "posixpath")?,
    };
    set_attr(vm, &m, "path", path.clone());
    for (k, v) in [("sep", "/"), ("linesep", "\n"), ("name", "posix"), ("curdir", "."), ("pardir", ".."), ("pathsep", ":"), ("devnull", "/dev/null")] {
        let v = vm.new_str(v);
        set_attr(vm, &m, k, v);
    }
    // `import os.path` finds the module in sys.modules under this name.
    let k = vm.new_str("os.path");
    crate::types::dict::dict_set(vm, &crate::vm::interp().modules, k, path)?;
    Ok(m)
}
