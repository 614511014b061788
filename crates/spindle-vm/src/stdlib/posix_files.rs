//! `os` functions on files and permissions that `tempfile` and `shutil` need: `mkdir` with a
//! mode, `chmod`/`fchmod`, `access`, `umask`, the process's user and group ids, `fstat`,
//! `utime`, `fdopen`, `fsencode`/`fsdecode`, the `*_OK` constants, and `scandir`/`walk`
//! (written in Python in `lib/_osdir.py`).

use crate::object::ObjRef;
use crate::stdlib::posix::{arg, fd_of, int_arg, quick, to_int};
use crate::stdlib::posix_proc::cstring;
use crate::stdlib::set_attr;
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};

/// A path argument as a C string, plus its text for error messages.
fn path_c(vm: &mut Vm, a: &Args, i: usize, func: &str) -> PyResult<(std::ffi::CString, String)> {
    let Some(p) = arg(a, i, "path") else {
        return Err(vm.type_error(&format!("{func}() missing required argument 'path' (pos {})", i + 1)));
    };
    let c = cstring(vm, p)?;
    let text = String::from_utf8_lossy(c.as_bytes()).into_owned();
    Ok((c, text))
}

fn path_error(vm: &mut Vm, path: &str) -> crate::PyErr {
    let e = std::io::Error::last_os_error();
    vm.os_error_from_io(&e, Some(path))
}

fn follow_symlinks(vm: &mut Vm, a: &Args) -> PyResult<bool> {
    match a.kw("follow_symlinks") {
        Some(v) => vm.truthy(v),
        None => Ok(true),
    }
}

/// `os.mkdir(path, mode=0o777)`.
fn mkdir(vm: &mut Vm, a: Args) -> PyResult {
    let (c, text) = path_c(vm, &a, 0, "mkdir")?;
    let mode = match arg(&a, 1, "mode") {
        Some(v) => to_int(vm, v)? as libc::mode_t,
        None => 0o777,
    };
    // SAFETY: `c` is a NUL-terminated path alive for the call.
    if unsafe { libc::mkdir(c.as_ptr(), mode) } != 0 {
        return Err(path_error(vm, &text));
    }
    Ok(Value::None)
}

/// `os.chmod(path, mode, *, follow_symlinks=True)`.
fn chmod(vm: &mut Vm, a: Args) -> PyResult {
    let (c, text) = path_c(vm, &a, 0, "chmod")?;
    let mode = int_arg(vm, &a, 1, "mode", "chmod")? as libc::mode_t;
    if !follow_symlinks(vm, &a)? {
        return Err(vm.not_implemented_error("chmod: follow_symlinks unavailable on this platform"));
    }
    // SAFETY: `c` is a NUL-terminated path alive for the call.
    if unsafe { libc::chmod(c.as_ptr(), mode) } != 0 {
        return Err(path_error(vm, &text));
    }
    Ok(Value::None)
}

/// `os.fchmod(fd, mode)`.
fn fchmod(vm: &mut Vm, a: Args) -> PyResult {
    let Some(f) = arg(&a, 0, "fd") else { return Err(vm.type_error("fchmod() missing required argument 'fd' (pos 1)")) };
    let fd = fd_of(vm, f)?;
    let mode = int_arg(vm, &a, 1, "mode", "fchmod")? as libc::mode_t;
    // SAFETY: fchmod takes plain integers.
    quick(vm, || unsafe { libc::fchmod(fd, mode) } as i64)?;
    Ok(Value::None)
}

/// `os.access(path, mode)`: True when the real user may access `path` that way.
fn access(vm: &mut Vm, a: Args) -> PyResult {
    let (c, _) = path_c(vm, &a, 0, "access")?;
    let mode = int_arg(vm, &a, 1, "mode", "access")? as i32;
    // SAFETY: `c` is a NUL-terminated path alive for the call.
    Ok(Value::Bool(unsafe { libc::access(c.as_ptr(), mode) } == 0))
}

/// `os.umask(mask)`: set the mask, return the previous one.
fn umask(vm: &mut Vm, a: Args) -> PyResult {
    let mask = int_arg(vm, &a, 0, "mask", "umask")? as libc::mode_t;
    // SAFETY: umask cannot fail.
    Ok(Value::Int(unsafe { libc::umask(mask) } as i64))
}

fn getuid(_vm: &mut Vm, _a: Args) -> PyResult {
    // SAFETY: no preconditions.
    Ok(Value::Int(unsafe { libc::getuid() } as i64))
}
fn geteuid(_vm: &mut Vm, _a: Args) -> PyResult {
    // SAFETY: no preconditions.
    Ok(Value::Int(unsafe { libc::geteuid() } as i64))
}
fn getgid(_vm: &mut Vm, _a: Args) -> PyResult {
    // SAFETY: no preconditions.
    Ok(Value::Int(unsafe { libc::getgid() } as i64))
}
fn getegid(_vm: &mut Vm, _a: Args) -> PyResult {
    // SAFETY: no preconditions.
    Ok(Value::Int(unsafe { libc::getegid() } as i64))
}

/// `os.fstat(fd)`.
fn fstat(vm: &mut Vm, a: Args) -> PyResult {
    use std::os::fd::FromRawFd;
    let Some(f) = arg(&a, 0, "fd") else { return Err(vm.type_error("fstat() missing required argument 'fd' (pos 1)")) };
    let fd = fd_of(vm, f)?;
    // SAFETY: fcntl(F_GETFD) only queries the descriptor.
    if unsafe { libc::fcntl(fd, libc::F_GETFD) } < 0 {
        return Err(crate::stdlib::posix::os_error(vm, libc::EBADF));
    }
    // SAFETY: the descriptor is open; ManuallyDrop keeps the borrowed `File` from closing it.
    let file = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(fd) });
    let md = file.metadata().map_err(|e| vm.os_error_from_io(&e, None))?;
    crate::stdlib::os_path_more::stat_value(vm, &md)
}

/// A time in seconds (int or float) as a timespec.
fn timespec_of(vm: &mut Vm, v: &Value) -> PyResult<libc::timespec> {
    if let Some(i) = crate::types::int::to_i64(v) {
        return Ok(libc::timespec { tv_sec: i, tv_nsec: 0 });
    }
    let f = crate::types::float::float_of(vm, v)?;
    if !f.is_finite() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    let sec = f.floor();
    let nsec = ((f - sec) * 1e9).round().min(999_999_999.0);
    Ok(libc::timespec { tv_sec: sec as i64, tv_nsec: nsec as i64 })
}

/// `os.utime(path, times=None, *, ns=None, follow_symlinks=True)`.
fn utime(vm: &mut Vm, a: Args) -> PyResult {
    let (c, text) = path_c(vm, &a, 0, "utime")?;
    let times = arg(&a, 1, "times").filter(|v| !v.is_none()).cloned();
    let ns = a.kw("ns").filter(|v| !v.is_none()).cloned();
    let pair = |vm: &mut Vm, v: &Value, what: &str| -> PyResult<(Value, Value)> {
        let is_tuple = matches!(v, Value::Obj(o) if matches!(o.payload, crate::object::Payload::Tuple(_)));
        let items = if is_tuple { vm.collect(v)? } else { Vec::new() };
        match <[Value; 2]>::try_from(items) {
            Ok([x, y]) => Ok((x, y)),
            Err(_) if what == "times" => Err(vm.type_error("utime: 'times' must be either a tuple of two ints or None")),
            Err(_) => Err(vm.type_error(&format!("utime: '{what}' must be a tuple of two ints"))),
        }
    };
    let spec: Option<[libc::timespec; 2]> = match (times, ns) {
        (Some(_), Some(_)) => return Err(vm.value_error("utime: you may specify either 'times' or 'ns' but not both")),
        (Some(t), None) => {
            let (x, y) = pair(vm, &t, "times")?;
            Some([timespec_of(vm, &x)?, timespec_of(vm, &y)?])
        }
        (None, Some(n)) => {
            let (x, y) = pair(vm, &n, "ns")?;
            let mut out = [libc::timespec { tv_sec: 0, tv_nsec: 0 }; 2];
            for (slot, v) in out.iter_mut().zip([x, y]) {
                let n = to_int(vm, &v)?;
                *slot = libc::timespec { tv_sec: n.div_euclid(1_000_000_000), tv_nsec: n.rem_euclid(1_000_000_000) };
            }
            Some(out)
        }
        (None, None) => None,
    };
    let flags = if follow_symlinks(vm, &a)? { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    let ptr = spec.as_ref().map(|s| s.as_ptr()).unwrap_or(std::ptr::null());
    // SAFETY: `c` is a NUL-terminated path and `ptr` null or two timespecs, both alive for the call.
    if unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), ptr, flags) } != 0 {
        return Err(path_error(vm, &text));
    }
    Ok(Value::None)
}

/// `os.fdopen(fd, *args, **kwargs)`: `open(fd, ...)` for an int descriptor.
fn fdopen(vm: &mut Vm, a: Args) -> PyResult {
    let Some(fd) = a.args.first().or_else(|| a.kw("fd")) else { return Err(vm.type_error("fdopen() missing 1 required positional argument: 'fd'")) };
    if crate::types::int::to_i64(fd).is_none() {
        let tn = vm.type_name(fd);
        return Err(vm.type_error(&format!("invalid fd type (<class '{tn}'>, expected integer)")));
    }
    let kwargs: Vec<(Value, Value)> = a.kwargs.iter().filter(|(k, _)| k.as_str() != Some("fd")).map(|(k, v)| (k.clone(), v.clone())).collect();
    let mut args = vec![fd.clone()];
    args.extend(a.args.iter().skip(1).cloned());
    crate::stdlib::io::open(vm, Args { args: &args, kwargs: &kwargs })
}

/// `os.fsencode(filename)`: str as UTF-8 bytes; bytes unchanged; os.PathLike through `__fspath__`.
fn fsencode(vm: &mut Vm, a: Args) -> PyResult {
    let Some(v) = a.args.first() else { return Err(vm.type_error("fsencode() missing 1 required positional argument: 'filename'")) };
    let v = fspath_value(vm, v)?;
    match v.as_str() {
        Some(s) => Ok(crate::types::bytes::new_bytes(s.as_bytes().to_vec())),
        None => Ok(v),
    }
}

/// `os.fsdecode(filename)`: bytes decoded as UTF-8 (invalid bytes replaced); str unchanged.
fn fsdecode(vm: &mut Vm, a: Args) -> PyResult {
    let Some(v) = a.args.first() else { return Err(vm.type_error("fsdecode() missing 1 required positional argument: 'filename'")) };
    let v = fspath_value(vm, v)?;
    if v.as_str().is_some() {
        return Ok(v);
    }
    match crate::types::bytes::bytes_like(&v) {
        Some(b) => Ok(vm.new_string(String::from_utf8_lossy(&b).into_owned())),
        None => Ok(v),
    }
}

/// str or bytes as is; otherwise the result of `__fspath__` (TypeError as `os.fspath`).
fn fspath_value(vm: &mut Vm, v: &Value) -> PyResult {
    if v.as_str().is_some() || crate::types::bytes::bytes_like(v).is_some() {
        return Ok(v.clone());
    }
    if let Some(r) = vm.call_special(v, "__fspath__", &[])? {
        if r.as_str().is_some() || crate::types::bytes::bytes_like(&r).is_some() {
            return Ok(r);
        }
        let (tn, rn) = (vm.type_name(v), vm.type_name(&r));
        return Err(vm.type_error(&format!("expected {tn}.__fspath__() to return str or bytes, not {rn}")));
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(&format!("expected str, bytes or os.PathLike object, not {tn}")))
}

/// Call `name` of `lib/_osdir.py` (os.scandir and os.walk are written in Python there; the
/// module loads on first use, so `import os` does not pay for it).
fn osdir_call(vm: &mut Vm, a: &Args, name: &str) -> PyResult {
    let m = crate::import::import_full(vm, "_osdir")?;
    let f = vm.get_attr_str(&m, name)?;
    vm.call(&f, a.args, a.kwargs)
}

/// `os.scandir(path='.')`.
fn scandir(vm: &mut Vm, a: Args) -> PyResult {
    osdir_call(vm, &a, "scandir")
}

/// `os.walk(top, topdown=True, onerror=None, followlinks=False)`.
fn walk(vm: &mut Vm, a: Args) -> PyResult {
    osdir_call(vm, &a, "walk")
}

/// Add these functions and constants to the `os` module (`mkdir` replaces the mode-less one).
pub fn add_to(vm: &mut Vm, m: &ObjRef) {
    let fns: &[(&'static str, crate::NativeFn)] = &[
        ("mkdir", mkdir),
        ("chmod", chmod),
        ("fchmod", fchmod),
        ("access", access),
        ("umask", umask),
        ("getuid", getuid),
        ("geteuid", geteuid),
        ("getgid", getgid),
        ("getegid", getegid),
        ("fstat", fstat),
        ("utime", utime),
        ("fdopen", fdopen),
        ("fsencode", fsencode),
        ("fsdecode", fsdecode),
        ("scandir", scandir),
        ("walk", walk),
    ];
    for (n, f) in fns {
        let v = crate::builtins::native_function(n, *f, "os");
        set_attr(vm, m, n, v);
    }
    for (n, v) in [("F_OK", libc::F_OK), ("R_OK", libc::R_OK), ("W_OK", libc::W_OK), ("X_OK", libc::X_OK), ("O_NOFOLLOW", libc::O_NOFOLLOW)] {
        set_attr(vm, m, n, Value::Int(v as i64));
    }
}
