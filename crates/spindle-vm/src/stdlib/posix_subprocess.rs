//! `_posixsubprocess.fork_exec`: the process start of `lib/subprocess.py` (Spindle's own
//! signature, not CPython's):
//!
//! `fork_exec(args, executable_list, close_fds, pass_fds, cwd, env, p2cread, p2cwrite, c2pread,
//! c2pwrite, errread, errwrite, errpipe_read, errpipe_write, restore_signals, start_new_session,
//! process_group, umask) -> pid`
//!
//! `args`, `executable_list` and `env` (None or a list of `b"NAME=value"`) are str/bytes;
//! descriptors are ints, -1 for "not used". Everything the child needs is prepared before
//! `fork`; between `fork` and `exec` the child makes only async-signal-safe system calls (other
//! threads of the parent may hold locks that no longer have an owner there). It sets up the
//! standard descriptors, the directory, signals, session and descriptors to keep, then tries each
//! executable in turn. If it cannot exec, it writes `"OSError:<errno in hex>:<stage>"` to
//! `errpipe_write` (close-on-exec, so the parent reads end of file on success) and exits with
//! status 255; the stage is `noexec:chdir` for a failed chdir, `noexec` for other set-up steps,
//! empty for exec itself. The parent (`subprocess.py`) turns that into the OSError CPython raises.

use crate::object::ObjRef;
use crate::stdlib::posix::{arg, to_int};
use crate::stdlib::posix_proc::cstring;
use crate::stdlib::{module_with, set_attr};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};
use std::ffi::CString;

/// Arguments in the order of the signature above.
const NAMES: [&str; 18] = [
    "args",
    "executable_list",
    "close_fds",
    "pass_fds",
    "cwd",
    "env",
    "p2cread",
    "p2cwrite",
    "c2pread",
    "c2pwrite",
    "errread",
    "errwrite",
    "errpipe_read",
    "errpipe_write",
    "restore_signals",
    "start_new_session",
    "process_group",
    "umask",
];

fn get<'a>(vm: &mut Vm, a: &Args<'a>, i: usize) -> PyResult<&'a Value> {
    match arg(a, i, NAMES[i]) {
        Some(v) => Ok(v),
        None => Err(vm.type_error(&format!("fork_exec() missing required argument '{}' (pos {})", NAMES[i], i + 1))),
    }
}

fn fd(vm: &mut Vm, a: &Args, i: usize) -> PyResult<i32> {
    let v = get(vm, a, i)?;
    let n = to_int(vm, v)?;
    i32::try_from(n).map_err(|_| vm.overflow_error("fd is greater than maximum"))
}

fn cstrings(vm: &mut Vm, v: &Value) -> PyResult<Vec<CString>> {
    let mut out = Vec::new();
    for it in vm.collect(v)? {
        out.push(cstring(vm, &it)?);
    }
    Ok(out)
}

fn ptrs(v: &[CString]) -> Vec<*const libc::c_char> {
    let mut p: Vec<*const libc::c_char> = v.iter().map(|s| s.as_ptr()).collect();
    p.push(std::ptr::null());
    p
}

/// The descriptors open in this process now (from /proc/self/fd), for the child to close when
/// `close_range` is unavailable. Read before fork: the child must not allocate.
fn open_fds() -> Vec<i32> {
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir("/proc/self/fd") {
        for e in rd.flatten() {
            if let Some(n) = e.file_name().to_str().and_then(|s| s.parse::<i32>().ok()) {
                out.push(n);
            }
        }
    }
    out
}

/// Everything the child uses, prepared before fork.
struct Plan {
    argv: Vec<*const libc::c_char>,
    execs: Vec<CString>,
    envp: Option<Vec<*const libc::c_char>>,
    cwd: Option<CString>,
    close_fds: bool,
    /// Sorted, deduplicated.
    keep: Vec<i32>,
    fallback_fds: Vec<i32>,
    p2cread: i32,
    p2cwrite: i32,
    c2pread: i32,
    c2pwrite: i32,
    errread: i32,
    errwrite: i32,
    errpipe_read: i32,
    errpipe_write: i32,
    restore_signals: bool,
    start_new_session: bool,
    process_group: i32,
    umask: i32,
}

fn fork_exec(vm: &mut Vm, a: Args) -> PyResult {
    let args_v = get(vm, &a, 0)?;
    let argv_c = cstrings(vm, args_v)?;
    if argv_c.is_empty() {
        return Err(vm.value_error("fork_exec() args must not be empty"));
    }
    let execs_v = get(vm, &a, 1)?;
    let execs = cstrings(vm, execs_v)?;
    if execs.is_empty() {
        return Err(vm.value_error("fork_exec() executable_list must not be empty"));
    }
    let close_fds_v = get(vm, &a, 2)?;
    let close_fds = vm.truthy(close_fds_v)?;
    let pass_v = get(vm, &a, 3)?;
    let mut keep = Vec::new();
    for it in vm.collect(pass_v)? {
        match to_int(vm, &it).ok().and_then(|n| i32::try_from(n).ok()) {
            Some(n) if n >= 0 => keep.push(n),
            _ => return Err(vm.value_error("bad value(s) in fds_to_keep")),
        }
    }
    // The error pipe stays open until exec (it is close-on-exec).
    let errpipe_write = fd(vm, &a, 13)?;
    if errpipe_write >= 0 {
        keep.push(errpipe_write);
    }
    keep.sort_unstable();
    keep.dedup();
    let cwd = match get(vm, &a, 4)? {
        Value::None => None,
        v => Some(cstring(vm, v)?),
    };
    let env_c = match get(vm, &a, 5)? {
        Value::None => None,
        v => Some(cstrings(vm, v)?),
    };
    let mut fds = [0i32; 8];
    for (k, slot) in fds.iter_mut().enumerate() {
        *slot = fd(vm, &a, 6 + k)?;
    }
    let restore_v = get(vm, &a, 14)?;
    let restore_signals = vm.truthy(restore_v)?;
    let session_v = get(vm, &a, 15)?;
    let start_new_session = vm.truthy(session_v)?;
    let pg = fd(vm, &a, 16)?;
    let umask = fd(vm, &a, 17)?;

    let plan = Plan {
        argv: ptrs(&argv_c),
        envp: env_c.as_ref().map(|e| ptrs(e)),
        execs,
        cwd,
        close_fds,
        keep,
        fallback_fds: if close_fds { open_fds() } else { Vec::new() },
        p2cread: fds[0],
        p2cwrite: fds[1],
        c2pread: fds[2],
        c2pwrite: fds[3],
        errread: fds[4],
        errwrite: fds[5],
        errpipe_read: fds[6],
        errpipe_write: fds[7],
        restore_signals,
        start_new_session,
        process_group: pg,
        umask,
    };

    // SAFETY: see the module notes: the child only makes async-signal-safe calls on data
    // prepared above (the plan, `argv_c`, `env_c`, still alive in the copied address space) and
    // ends in exec or _exit.
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        child(&plan)
    }
    if pid < 0 {
        let e = crate::stdlib::posix::errno();
        return Err(crate::stdlib::posix::os_error(vm, e));
    }
    drop(plan);
    drop(argv_c);
    drop(env_c);
    Ok(Value::Int(pid as i64))
}

/// Report `err` at `stage` on the error pipe and exit. Async-signal-safe: formats into a stack
/// buffer.
fn fail(p: &Plan, err: i32, stage: &[u8]) -> ! {
    let mut buf = [0u8; 64];
    let mut n = 0;
    for &b in b"OSError:" {
        buf[n] = b;
        n += 1;
    }
    let mut digits = [0u8; 8];
    let mut d = 0;
    let mut v = err as u32;
    loop {
        digits[d] = b"0123456789abcdef"[(v % 16) as usize];
        d += 1;
        v /= 16;
        if v == 0 {
            break;
        }
    }
    while d > 0 {
        d -= 1;
        buf[n] = digits[d];
        n += 1;
    }
    buf[n] = b':';
    n += 1;
    for &b in stage {
        if n < buf.len() {
            buf[n] = b;
            n += 1;
        }
    }
    // SAFETY: `buf` holds `n` initialised bytes; write and _exit are async-signal-safe.
    unsafe {
        if p.errpipe_write >= 0 {
            libc::write(p.errpipe_write, buf.as_ptr() as *const libc::c_void, n);
        }
        libc::_exit(255)
    }
}

fn errno() -> i32 {
    // SAFETY: reads the calling thread's errno.
    unsafe { *libc::__errno_location() }
}

/// Make `fd` inheritable (clear close-on-exec).
fn inheritable(fd: i32) -> bool {
    // SAFETY: fcntl on a descriptor number only changes its flags.
    unsafe {
        let f = libc::fcntl(fd, libc::F_GETFD);
        f >= 0 && libc::fcntl(fd, libc::F_SETFD, f & !libc::FD_CLOEXEC) == 0
    }
}

/// Close every descriptor from 3 up that is not in `keep` (sorted): `close_range` over the gaps,
/// or the list read before fork when the kernel lacks it.
fn close_others(p: &Plan) {
    // SAFETY: close_range and close only act on descriptor numbers of this (child) process.
    unsafe {
        let mut lo: u32 = 3;
        let mut ok = true;
        for &k in p.keep.iter().chain(std::iter::once(&i32::MAX)) {
            let k = k as u32;
            if k < lo {
                continue;
            }
            if k > lo && libc::syscall(libc::SYS_close_range, lo, k - 1, 0) != 0 {
                ok = false;
                break;
            }
            lo = k.saturating_add(1);
        }
        if !ok {
            for &fd in &p.fallback_fds {
                if fd >= 3 && p.keep.binary_search(&fd).is_err() {
                    libc::close(fd);
                }
            }
        }
    }
}

/// The child side. Never returns.
fn child(p: &Plan) -> ! {
    // SAFETY: only async-signal-safe system calls on data prepared before fork (see the module
    // notes); every path ends in exec or _exit.
    unsafe {
        // The parent's ends of the pipes.
        for fd in [p.p2cwrite, p.c2pread, p.errread, p.errpipe_read] {
            if fd >= 0 {
                libc::close(fd);
            }
        }
        // Move the child's ends out of the way of the descriptors they go to (0, 1, 2).
        let mut c2pwrite = p.c2pwrite;
        if c2pwrite == 0 {
            c2pwrite = libc::fcntl(c2pwrite, libc::F_DUPFD_CLOEXEC, 3);
            if c2pwrite < 0 {
                fail(p, errno(), b"noexec");
            }
        }
        let mut errwrite = p.errwrite;
        if errwrite == 0 || errwrite == 1 {
            errwrite = libc::fcntl(errwrite, libc::F_DUPFD_CLOEXEC, 3);
            if errwrite < 0 {
                fail(p, errno(), b"noexec");
            }
        }
        for (src, dst) in [(p.p2cread, 0), (c2pwrite, 1), (errwrite, 2)] {
            if src == -1 {
                continue;
            }
            let ok = if src == dst { inheritable(src) } else { libc::dup2(src, dst) >= 0 };
            if !ok {
                fail(p, errno(), b"noexec");
            }
        }
        if let Some(cwd) = &p.cwd {
            if libc::chdir(cwd.as_ptr()) != 0 {
                fail(p, errno(), b"noexec:chdir");
            }
        }
        if p.umask >= 0 {
            libc::umask(p.umask as libc::mode_t);
        }
        // Spindle may block signals in its threads; a new program starts with none blocked.
        let mut empty: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut empty);
        libc::pthread_sigmask(libc::SIG_SETMASK, &empty, std::ptr::null_mut());
        if p.restore_signals {
            for s in [libc::SIGPIPE, libc::SIGXFSZ] {
                libc::signal(s, libc::SIG_DFL);
            }
        }
        if p.start_new_session && libc::setsid() < 0 {
            fail(p, errno(), b"noexec");
        }
        if p.process_group >= 0 && libc::setpgid(0, p.process_group) < 0 {
            fail(p, errno(), b"noexec");
        }
        for &k in &p.keep {
            if k != p.errpipe_write && !inheritable(k) {
                fail(p, errno(), b"noexec");
            }
        }
        if p.close_fds {
            close_others(p);
        }
        // Try each candidate; report the first error that is not "not found here", else the last.
        let mut saved = 0;
        for exe in &p.execs {
            match &p.envp {
                Some(e) => libc::execve(exe.as_ptr(), p.argv.as_ptr(), e.as_ptr()),
                None => libc::execv(exe.as_ptr(), p.argv.as_ptr()),
            };
            let e = errno();
            if e != libc::ENOENT && e != libc::ENOTDIR && saved == 0 {
                saved = e;
            }
        }
        fail(p, if saved != 0 { saved } else { errno() }, b"")
    }
}

pub fn create(vm: &mut Vm) -> ObjRef {
    let m = module_with(vm, "_posixsubprocess", &[("fork_exec", fork_exec)]);
    let doc = vm.new_str("Spindle's process start for subprocess (fork, set-up, exec).");
    set_attr(vm, &m, "__doc__", doc);
    m
}
