//! `select`: `select.select` and `select.poll`, both on poll(2) (no FD_SETSIZE limit). Waits
//! release the GIL; on EINTR they check for signals and resume with the time left (PEP 475).

use crate::object::{ObjRef, Payload};
use crate::stdlib::posix::{arg, fd_of, timeout_ms, to_int};
use crate::stdlib::{module_with, set_attr};
use crate::sync::PyCell;
use crate::types::add_methods;
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};
use std::time::Instant;

/// poll(2) on `fds` for at most `timeout` seconds (None: forever), without the GIL.
fn poll_fds(vm: &mut Vm, fds: &mut [libc::pollfd], timeout: Option<f64>) -> PyResult<usize> {
    let deadline = timeout.map(|t| Instant::now() + std::time::Duration::from_secs_f64(t.min(1e9)));
    loop {
        let ms: i32 = match deadline {
            None => -1,
            Some(d) => {
                let left = d.saturating_duration_since(Instant::now()).as_secs_f64();
                (left * 1000.0).ceil().min(i32::MAX as f64) as i32
            }
        };
        let ptr = fds.as_mut_ptr() as usize;
        let n = fds.len() as libc::nfds_t;
        let (r, err) = crate::stdlib::thread::blocking(vm, || {
            // SAFETY: `ptr` points to `n` pollfd structs owned by the caller's slice, alive
            // and not otherwise used during the call.
            let r = unsafe { libc::poll(ptr as *mut libc::pollfd, n, ms) };
            (r, if r < 0 { crate::stdlib::posix::errno() } else { 0 })
        });
        if r >= 0 {
            return Ok(r as usize);
        }
        if err == libc::EINTR {
            crate::sigint::check(vm)?;
            continue;
        }
        return Err(crate::stdlib::posix::os_error(vm, err));
    }
}

fn select(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() < 3 {
        return Err(vm.type_error(&format!("select expected at least 3 arguments, got {}", a.args.len())));
    }
    let timeout = timeout_ms(vm, a.args.get(3))?;
    if let Some(t) = timeout {
        if t < 0.0 {
            return Err(vm.value_error("timeout must be non-negative"));
        }
    }
    let mut objs: Vec<(Value, i32, i16)> = Vec::new();
    let lists = [(0usize, libc::POLLIN), (1, libc::POLLOUT), (2, libc::POLLPRI)];
    for (i, ev) in lists {
        for o in vm.collect(&a.args[i])? {
            let fd = fd_of(vm, &o)?;
            objs.push((o, fd, ev));
        }
    }
    let mut fds: Vec<libc::pollfd> = objs.iter().map(|(_, fd, ev)| libc::pollfd { fd: *fd, events: *ev, revents: 0 }).collect();
    poll_fds(vm, &mut fds, timeout)?;
    let mut out: [Vec<Value>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    for ((o, _, ev), p) in objs.into_iter().zip(fds.iter()) {
        if p.revents & libc::POLLNVAL != 0 {
            return Err(crate::stdlib::posix::os_error(vm, libc::EBADF));
        }
        let ready = match ev {
            libc::POLLIN => p.revents & (libc::POLLIN | libc::POLLHUP | libc::POLLERR) != 0,
            libc::POLLOUT => p.revents & (libc::POLLOUT | libc::POLLERR) != 0,
            _ => p.revents & libc::POLLPRI != 0,
        };
        if ready {
            let i = match ev {
                libc::POLLIN => 0,
                libc::POLLOUT => 1,
                _ => 2,
            };
            out[i].push(o);
        }
    }
    let [r, w, x] = out;
    Ok(crate::types::tuple::new_tuple(vec![crate::types::list::new_list(r), crate::types::list::new_list(w), crate::types::list::new_list(x)]))
}

/// The state of a `select.poll` object: registered (fd, events) pairs. Protected by its lock.
struct PollObj(PyCell<Vec<(i32, i16)>>);

fn poll_type() -> &'static ObjRef {
    static T: std::sync::OnceLock<ObjRef> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        let ty = crate::stdlib::native_type("select.poll");
        add_methods(&ty, &[("register", poll_register), ("modify", poll_modify), ("unregister", poll_unregister), ("poll", poll_poll)]);
        ty
    })
}

fn poll_new(_vm: &mut Vm, _a: Args) -> PyResult {
    Ok(Value::Obj(ObjRef::new(poll_type().clone(), Payload::Native(Box::new(PollObj(PyCell::new(Vec::new())))))))
}

fn poll_self<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a PollObj> {
    if let Some(Value::Obj(o)) = a.args.first() {
        if let Payload::Native(n) = &o.payload {
            if let Some(p) = n.downcast_ref::<PollObj>() {
                return Ok(p);
            }
        }
    }
    Err(vm.type_error("descriptor requires a 'select.poll' object"))
}

fn poll_register(vm: &mut Vm, a: Args) -> PyResult {
    let Some(fo) = a.args.get(1) else { return Err(vm.type_error("register() missing required argument 'fd' (pos 1)")) };
    let fd = fd_of(vm, fo)?;
    let ev = match arg(&a, 2, "eventmask") {
        Some(v) => to_int(vm, v)? as i16,
        None => libc::POLLIN | libc::POLLPRI | libc::POLLOUT,
    };
    let p = poll_self(vm, &a)?;
    let mut g = p.0.lock();
    match g.iter_mut().find(|(f, _)| *f == fd) {
        Some(e) => e.1 = ev,
        None => g.push((fd, ev)),
    }
    Ok(Value::None)
}

fn poll_modify(vm: &mut Vm, a: Args) -> PyResult {
    let Some(fo) = a.args.get(1) else { return Err(vm.type_error("modify() missing required argument 'fd' (pos 1)")) };
    let fd = fd_of(vm, fo)?;
    let ev = match a.args.get(2) {
        Some(v) => to_int(vm, v)? as i16,
        None => return Err(vm.type_error("modify() missing required argument 'eventmask' (pos 2)")),
    };
    let p = poll_self(vm, &a)?;
    let found = {
        let mut g = p.0.lock();
        match g.iter_mut().find(|(f, _)| *f == fd) {
            Some(e) => {
                e.1 = ev;
                true
            }
            None => false,
        }
    };
    if !found {
        return Err(crate::stdlib::posix::os_error(vm, libc::ENOENT));
    }
    Ok(Value::None)
}

fn poll_unregister(vm: &mut Vm, a: Args) -> PyResult {
    let Some(fo) = a.args.get(1) else { return Err(vm.type_error("unregister() missing required argument 'fd' (pos 1)")) };
    let fd = fd_of(vm, fo)?;
    let p = poll_self(vm, &a)?;
    let removed = {
        let mut g = p.0.lock();
        let before = g.len();
        g.retain(|(f, _)| *f != fd);
        g.len() != before
    };
    if !removed {
        return Err(vm.key_error(Value::Int(fd as i64)));
    }
    Ok(Value::None)
}

fn poll_poll(vm: &mut Vm, a: Args) -> PyResult {
    // poll.poll(timeout) takes milliseconds; None or negative waits forever.
    let timeout = match a.args.get(1) {
        None | Some(Value::None) => None,
        Some(v) => {
            let ms = crate::types::float::float_of(vm, v)?;
            if ms < 0.0 {
                None
            } else {
                Some(ms / 1000.0)
            }
        }
    };
    let p = poll_self(vm, &a)?;
    let regs = p.0.lock().clone();
    let mut fds: Vec<libc::pollfd> = regs.iter().map(|(fd, ev)| libc::pollfd { fd: *fd, events: *ev, revents: 0 }).collect();
    poll_fds(vm, &mut fds, timeout)?;
    let out: Vec<Value> = fds.iter().filter(|p| p.revents != 0).map(|p| crate::types::tuple::new_tuple(vec![Value::Int(p.fd as i64), Value::Int(p.revents as i64)])).collect();
    Ok(crate::types::list::new_list(out))
}

pub fn create(vm: &mut Vm) -> ObjRef {
    let m = module_with(vm, "select", &[("select", select), ("poll", poll_new)]);
    for (n, v) in [
        ("POLLIN", libc::POLLIN),
        ("POLLPRI", libc::POLLPRI),
        ("POLLOUT", libc::POLLOUT),
        ("POLLERR", libc::POLLERR),
        ("POLLHUP", libc::POLLHUP),
        ("POLLNVAL", libc::POLLNVAL),
        ("POLLRDNORM", libc::POLLRDNORM),
        ("POLLRDBAND", libc::POLLRDBAND),
        ("POLLWRNORM", libc::POLLWRNORM),
        ("POLLWRBAND", libc::POLLWRBAND),
    ] {
        set_attr(vm, &m, n, Value::Int(v as i64));
    }
    let err = Value::Obj(crate::types::types().exc.os_error.clone());
    set_attr(vm, &m, "error", err);
    m
}
