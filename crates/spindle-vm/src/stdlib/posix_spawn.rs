//! `os._spawnv_passfds(path, args, passfds, env=None)`: start a program in a new process,
//! keeping exactly the descriptors in `passfds` open across exec (at the same numbers), with
//! an empty signal mask. Returns the child's pid; a failed exec raises `OSError` in the parent.
//!
//! This is what `multiprocessing`'s spawn start method runs (the equivalent of CPython's
//! `_posixsubprocess.fork_exec` as used by `multiprocessing.util.spawnv_passfds`). Everything
//! the child needs is prepared before `fork`; between `fork` and `exec` the child makes only
//! async-signal-safe system calls (other threads of the parent may hold locks that no longer
//! have an owner there). An exec failure is reported through a close-on-exec pipe.

use crate::object::ObjRef;
use crate::stdlib::posix::{arg, fd_of, quick};
use crate::stdlib::posix_proc::cstring;
use crate::stdlib::set_attr;
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};
use std::ffi::CString;

fn spawnv_passfds(vm: &mut Vm, a: Args) -> PyResult {
    let Some(p) = arg(&a, 0, "path") else { return Err(vm.type_error("_spawnv_passfds() missing required argument 'path' (pos 1)")) };
    let path = cstring(vm, p)?;
    let Some(av) = arg(&a, 1, "args") else { return Err(vm.type_error("_spawnv_passfds() missing required argument 'args' (pos 2)")) };
    let mut argv: Vec<CString> = Vec::new();
    for it in vm.collect(av)? {
        argv.push(cstring(vm, &it)?);
    }
    if argv.is_empty() {
        return Err(vm.value_error("_spawnv_passfds() args must not be empty"));
    }
    let mut passfds: Vec<i32> = Vec::new();
    if let Some(pf) = arg(&a, 2, "passfds") {
        for it in vm.collect(pf)? {
            passfds.push(fd_of(vm, &it)?);
        }
    }
    let env: Option<Vec<CString>> = match arg(&a, 3, "env") {
        None | Some(Value::None) => None,
        Some(e) => {
            let items = vm.call_method(e, "items", &[])?;
            let mut out = Vec::new();
            for kv in vm.collect(&items)? {
                let pair = vm.collect(&kv)?;
                if pair.len() != 2 {
                    return Err(vm.type_error("env.items() must return pairs"));
                }
                let mut s = cstring(vm, &pair[0])?.into_bytes();
                s.push(b'=');
                s.extend_from_slice(cstring(vm, &pair[1])?.as_bytes());
                out.push(CString::new(s).map_err(|_| vm.value_error("embedded null byte"))?);
            }
            Some(out)
        }
    };
    let mut argv_ptrs: Vec<*const libc::c_char> = argv.iter().map(|s| s.as_ptr()).collect();
    argv_ptrs.push(std::ptr::null());
    let env_ptrs: Option<Vec<*const libc::c_char>> = env.as_ref().map(|e| {
        let mut v: Vec<*const libc::c_char> = e.iter().map(|s| s.as_ptr()).collect();
        v.push(std::ptr::null());
        v
    });

    let mut errpipe = [0i32; 2];
    // SAFETY: `errpipe` is a valid array of two ints for pipe2 to fill.
    quick(vm, || unsafe { libc::pipe2(errpipe.as_mut_ptr(), libc::O_CLOEXEC) } as i64)?;
    crate::stdlib::sys::flush_all(vm);

    // SAFETY: see the module notes: the child only makes async-signal-safe calls on data
    // prepared above (pointers into `argv`, `env`, `passfds`, which the copied address space
    // still holds) and ends in exec or _exit.
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        // SAFETY: as above.
        unsafe {
            for &fd in &passfds {
                let f = libc::fcntl(fd, libc::F_GETFD);
                if f >= 0 {
                    libc::fcntl(fd, libc::F_SETFD, f & !libc::FD_CLOEXEC);
                }
            }
            let mut empty: libc::sigset_t = std::mem::zeroed();
            libc::sigemptyset(&mut empty);
            libc::pthread_sigmask(libc::SIG_SETMASK, &empty, std::ptr::null_mut());
            libc::signal(libc::SIGINT, libc::SIG_DFL);
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
            match &env_ptrs {
                Some(e) => libc::execve(path.as_ptr(), argv_ptrs.as_ptr(), e.as_ptr()),
                None => libc::execv(path.as_ptr(), argv_ptrs.as_ptr()),
            };
            let err: i32 = *libc::__errno_location();
            let bytes = err.to_ne_bytes();
            libc::write(errpipe[1], bytes.as_ptr() as *const libc::c_void, 4);
            libc::_exit(127);
        }
    }
    if pid < 0 {
        let e = crate::stdlib::posix::errno();
        // SAFETY: closing our own pipe ends.
        unsafe {
            libc::close(errpipe[0]);
            libc::close(errpipe[1]);
        }
        return Err(crate::stdlib::posix::os_error(vm, e));
    }
    // SAFETY: closing our write end; the child holds its own copy until exec closes it.
    unsafe { libc::close(errpipe[1]) };
    let mut buf = [0u8; 4];
    let bp = buf.as_mut_ptr() as usize;
    let rfd = errpipe[0];
    // SAFETY: `bp` points to 4 writable bytes of `buf`, alive for the call.
    let got = crate::stdlib::posix::syscall(vm, || unsafe { libc::read(rfd, bp as *mut libc::c_void, 4) } as i64);
    // SAFETY: closing our read end.
    unsafe { libc::close(rfd) };
    match got {
        Ok(4) => {
            // exec failed: reap the child and report its errno.
            let mut st = 0i32;
            // SAFETY: waiting for our own child; `st` outlives the call.
            unsafe { libc::waitpid(pid, &mut st, 0) };
            let code = i32::from_ne_bytes(buf);
            let e = std::io::Error::from_raw_os_error(code);
            Err(vm.os_error_from_io(&e, path.to_str().ok()))
        }
        Ok(_) => Ok(Value::Int(pid as i64)),
        Err(e) => Err(e),
    }
}

/// Add `_spawnv_passfds` to the `os` module.
pub fn add_to(vm: &mut Vm, m: &ObjRef) {
    let v = crate::builtins::native_function("_spawnv_passfds", spawnv_passfds, "os");
    set_attr(vm, m, "_spawnv_passfds", v);
}
