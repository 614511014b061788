//! `os` functions on file descriptors: pipe, read, write, close, dup, inheritance and blocking
//! flags, open, lseek, isatty. As in CPython (PEP 446), descriptors Spindle creates are
//! non-inheritable (close-on-exec) unless said otherwise; reads and writes release the GIL and
//! retry on EINTR.

use crate::object::ObjRef;
use crate::stdlib::posix::{arg, fd_of, int_arg, quick, syscall, to_int};
use crate::stdlib::set_attr;
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};

fn fd_arg(vm: &mut Vm, a: &Args, i: usize, func: &str) -> PyResult<i32> {
    let Some(v) = arg(a, i, "fd") else {
        return Err(vm.type_error(&format!("{func}() missing required argument 'fd' (pos {})", i + 1)));
    };
    fd_of(vm, v)
}

fn pipe(vm: &mut Vm, _a: Args) -> PyResult {
    let mut fds = [0i32; 2];
    // SAFETY: `fds` is a valid array of two ints for pipe2 to fill.
    quick(vm, || unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } as i64)?;
    Ok(crate::types::tuple::new_tuple(vec![Value::Int(fds[0] as i64), Value::Int(fds[1] as i64)]))
}

fn pipe2(vm: &mut Vm, a: Args) -> PyResult {
    let flags = int_arg(vm, &a, 0, "flags", "pipe2")? as i32;
    let mut fds = [0i32; 2];
    // SAFETY: `fds` is a valid array of two ints for pipe2 to fill.
    quick(vm, || unsafe { libc::pipe2(fds.as_mut_ptr(), flags) } as i64)?;
    Ok(crate::types::tuple::new_tuple(vec![Value::Int(fds[0] as i64), Value::Int(fds[1] as i64)]))
}

/// Largest single read: a hostile `os.read(fd, 10**12)` must not allocate a terabyte.
const MAX_READ: i64 = 1 << 30;

fn read(vm: &mut Vm, a: Args) -> PyResult {
    let fd = fd_arg(vm, &a, 0, "read")?;
    let n = int_arg(vm, &a, 1, "length", "read")?;
    if n < 0 {
        return Err(vm.value_error("negative length"));
    }
    let mut buf = vec![0u8; n.min(MAX_READ) as usize];
    let len = buf.len();
    let ptr = buf.as_mut_ptr() as usize;
    // SAFETY: `ptr` points to `len` writable bytes owned by `buf`, alive for the whole call.
    let got = syscall(vm, || unsafe { libc::read(fd, ptr as *mut libc::c_void, len) } as i64)?;
    buf.truncate(got as usize);
    Ok(crate::types::bytes::new_bytes(buf))
}

fn write(vm: &mut Vm, a: Args) -> PyResult {
    let fd = fd_arg(vm, &a, 0, "write")?;
    let Some(data) = arg(&a, 1, "data").and_then(crate::types::bytes::bytes_like) else {
        let tn = arg(&a, 1, "data").map(|v| vm.type_name(v)).unwrap_or_else(|| "NoneType".into());
        return Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")));
    };
    let ptr = data.as_ptr() as usize;
    let len = data.len();
    // SAFETY: `ptr` points to `len` readable bytes owned by `data`, alive for the whole call.
    let n = syscall(vm, || unsafe { libc::write(fd, ptr as *const libc::c_void, len) } as i64)?;
    Ok(Value::Int(n))
}

fn close(vm: &mut Vm, a: Args) -> PyResult {
    let fd = fd_arg(vm, &a, 0, "close")?;
    // close(2) must not be retried on EINTR (Linux has released the descriptor already).
    // SAFETY: closing a descriptor number has no memory-safety preconditions.
    let r = unsafe { libc::close(fd) };
    if r < 0 {
        let e = crate::stdlib::posix::errno();
        if e != libc::EINTR {
            return Err(crate::stdlib::posix::os_error(vm, e));
        }
    }
    Ok(Value::None)
}

fn closerange(vm: &mut Vm, a: Args) -> PyResult {
    let lo = int_arg(vm, &a, 0, "fd_low", "closerange")?;
    let hi = int_arg(vm, &a, 1, "fd_high", "closerange")?;
    let lo = lo.clamp(0, i32::MAX as i64) as i32;
    let hi = hi.clamp(0, i32::MAX as i64) as i32;
    for fd in lo..hi.min(lo.saturating_add(1 << 20)) {
        // SAFETY: as in `close`; errors (EBADF for unused numbers) are ignored as CPython does.
        unsafe { libc::close(fd) };
    }
    Ok(Value::None)
}

fn dup(vm: &mut Vm, a: Args) -> PyResult {
    let fd = fd_arg(vm, &a, 0, "dup")?;
    // SAFETY: F_DUPFD_CLOEXEC only creates a new descriptor.
    let r = quick(vm, || unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) } as i64)?;
    Ok(Value::Int(r))
}

fn dup2(vm: &mut Vm, a: Args) -> PyResult {
    let fd = fd_arg(vm, &a, 0, "dup2")?;
    let fd2 = match arg(&a, 1, "fd2") {
        Some(v) => fd_of(vm, v)?,
        None => return Err(vm.type_error("dup2() missing required argument 'fd2' (pos 2)")),
    };
    let inheritable = match arg(&a, 2, "inheritable") {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let flags = if inheritable { 0 } else { libc::O_CLOEXEC };
    // SAFETY: dup3/dup2 only manipulate the descriptor table.
    let r = quick(vm, || if fd == fd2 { unsafe { libc::dup2(fd, fd2) } } else { unsafe { libc::dup3(fd, fd2, flags) } } as i64)?;
    Ok(Value::Int(r))
}

fn get_inheritable(vm: &mut Vm, a: Args) -> PyResult {
    let fd = fd_arg(vm, &a, 0, "get_inheritable")?;
    // SAFETY: F_GETFD only reads the descriptor flags.
    let f = quick(vm, || unsafe { libc::fcntl(fd, libc::F_GETFD) } as i64)?;
    Ok(Value::Bool(f as i32 & libc::FD_CLOEXEC == 0))
}

/// Set or clear close-on-exec on `fd` (shared with the spawn code).
pub fn set_cloexec(fd: i32, cloexec: bool) -> bool {
    // SAFETY: F_GETFD/F_SETFD only read and write the descriptor flags.
    unsafe {
        let f = libc::fcntl(fd, libc::F_GETFD);
        if f < 0 {
            return false;
        }
        let nf = if cloexec { f | libc::FD_CLOEXEC } else { f & !libc::FD_CLOEXEC };
        nf == f || libc::fcntl(fd, libc::F_SETFD, nf) == 0
    }
}

fn set_inheritable(vm: &mut Vm, a: Args) -> PyResult {
    let fd = fd_arg(vm, &a, 0, "set_inheritable")?;
    let Some(v) = arg(&a, 1, "inheritable") else { return Err(vm.type_error("set_inheritable() missing required argument 'inheritable' (pos 2)")) };
    let inh = vm.truthy(v)?;
    if !set_cloexec(fd, !inh) {
        let e = crate::stdlib::posix::errno();
        return Err(crate::stdlib::posix::os_error(vm, e));
    }
    Ok(Value::None)
}

fn get_blocking(vm: &mut Vm, a: Args) -> PyResult {
    let fd = fd_arg(vm, &a, 0, "get_blocking")?;
    // SAFETY: F_GETFL only reads the file status flags.
    let f = quick(vm, || unsafe { libc::fcntl(fd, libc::F_GETFL) } as i64)?;
    Ok(Value::Bool(f as i32 & libc::O_NONBLOCK == 0))
}

fn set_blocking(vm: &mut Vm, a: Args) -> PyResult {
    let fd = fd_arg(vm, &a, 0, "set_blocking")?;
    let Some(v) = arg(&a, 1, "blocking") else { return Err(vm.type_error("set_blocking() missing required argument 'blocking' (pos 2)")) };
    let blocking = vm.truthy(v)?;
    // SAFETY: F_GETFL/F_SETFL only read and write the file status flags.
    let f = quick(vm, || unsafe { libc::fcntl(fd, libc::F_GETFL) } as i64)? as i32;
    let nf = if blocking { f & !libc::O_NONBLOCK } else { f | libc::O_NONBLOCK };
    // SAFETY: as above.
    quick(vm, || unsafe { libc::fcntl(fd, libc::F_SETFL, nf) } as i64)?;
    Ok(Value::None)
}

fn os_open(vm: &mut Vm, a: Args) -> PyResult {
    let Some(p) = arg(&a, 0, "path") else { return Err(vm.type_error("open() missing required argument 'path' (pos 1)")) };
    let path = match p.as_str() {
        Some(s) => s.to_string(),
        None => match crate::types::bytes::bytes_like(p) {
            Some(b) => String::from_utf8_lossy(&b).into_owned(),
            None => {
                let tn = vm.type_name(p);
                return Err(vm.type_error(&format!("open: path should be string, bytes or os.PathLike, not {tn}")));
            }
        },
    };
    let flags = int_arg(vm, &a, 1, "flags", "open")? as i32;
    let mode = match arg(&a, 2, "mode") {
        Some(v) => to_int(vm, v)? as libc::c_uint,
        None => 0o777,
    };
    let Ok(c) = std::ffi::CString::new(path.clone()) else { return Err(vm.value_error("embedded null byte")) };
    let cp = c.as_ptr() as usize;
    // SAFETY: `cp` is a NUL-terminated path owned by `c`, alive for the whole call.
    let r = crate::stdlib::thread::blocking(vm, || unsafe { libc::open(cp as *const libc::c_char, flags | libc::O_CLOEXEC, mode) });
    if r < 0 {
        let e = std::io::Error::last_os_error();
        return Err(vm.os_error_from_io(&e, Some(&path)));
    }
    Ok(Value::Int(r as i64))
}

fn lseek(vm: &mut Vm, a: Args) -> PyResult {
    let fd = fd_arg(vm, &a, 0, "lseek")?;
    let pos = int_arg(vm, &a, 1, "position", "lseek")?;
    let how = int_arg(vm, &a, 2, "how", "lseek")? as i32;
    // SAFETY: lseek only moves the descriptor's offset.
    let r = quick(vm, || unsafe { libc::lseek(fd, pos, how) })?;
    Ok(Value::Int(r))
}

fn isatty(vm: &mut Vm, a: Args) -> PyResult {
    let fd = fd_arg(vm, &a, 0, "isatty")?;
    // SAFETY: isatty only queries the descriptor.
    Ok(Value::Bool(unsafe { libc::isatty(fd) } == 1))
}

/// Add the descriptor functions and `O_*` constants to the `os` module.
pub fn add_to(vm: &mut Vm, m: &ObjRef) {
    let fns: &[(&'static str, crate::NativeFn)] = &[
        ("pipe", pipe),
        ("pipe2", pipe2),
        ("read", read),
        ("write", write),
        ("close", close),
        ("closerange", closerange),
        ("dup", dup),
        ("dup2", dup2),
        ("get_inheritable", get_inheritable),
        ("set_inheritable", set_inheritable),
        ("get_blocking", get_blocking),
        ("set_blocking", set_blocking),
        ("open", os_open),
        ("lseek", lseek),
        ("isatty", isatty),
    ];
    for (n, f) in fns {
        let v = crate::builtins::native_function(n, *f, "os");
        set_attr(vm, m, n, v);
    }
    let consts: &[(&str, i32)] = &[
        ("O_RDONLY", libc::O_RDONLY),
        ("O_WRONLY", libc::O_WRONLY),
        ("O_RDWR", libc::O_RDWR),
        ("O_APPEND", libc::O_APPEND),
        ("O_CREAT", libc::O_CREAT),
        ("O_EXCL", libc::O_EXCL),
        ("O_TRUNC", libc::O_TRUNC),
        ("O_NONBLOCK", libc::O_NONBLOCK),
        ("O_CLOEXEC", libc::O_CLOEXEC),
        ("O_NOCTTY", libc::O_NOCTTY),
        ("O_DIRECTORY", libc::O_DIRECTORY),
        ("SEEK_SET", libc::SEEK_SET),
        ("SEEK_CUR", libc::SEEK_CUR),
        ("SEEK_END", libc::SEEK_END),
    ];
    for (n, v) in consts {
        set_attr(vm, m, n, Value::Int(*v as i64));
    }
}
