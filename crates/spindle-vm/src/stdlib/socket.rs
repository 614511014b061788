//! `socket`: BSD sockets over libc (AF_UNIX, AF_INET, AF_INET6; stream and datagram), the part
//! of CPython's module that threaded programs use: `socket()`, `socketpair()`, send/recv,
//! bind/listen/accept/connect, timeouts, `create_connection`, `gethostname`.
//!
//! Every call that can block (`recv`, `send`, `sendall`, `accept`, `connect`, name resolution)
//! runs with the GIL released (`stdlib::thread::blocking`) and re-takes it with priority, so a
//! thread waiting on a socket never holds up the others and gets the GIL back at once when its
//! data arrives (no convoy effect, see docs/gil.md). `EINTR` is retried, except in the main
//! thread when a SIGINT is pending (KeyboardInterrupt is raised then).
//!
//! Locks: a socket's state is atomics only (the descriptor, its timeout); nothing is held across
//! a blocking call. Closing a socket another thread is blocked on is the program's race, as in C.

use crate::object::{ObjRef, Payload};
use crate::stdlib::thread::blocking;
use crate::stdlib::{module_with, set_attr};
use crate::types::{add_methods, add_staticmethod, types};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyErr, PyResult};
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU64, AtomicUsize, Ordering};
use std::sync::OnceLock;

/// The payload of a socket object.
pub struct SockObj {
    /// The descriptor, -1 once closed or detached.
    fd: AtomicI32,
    family: i32,
    kind: i32,
    proto: i32,
    /// Timeout in seconds as f64 bits; NaN = blocking (None).
    timeout: AtomicU64,
    /// File objects from `makefile()` not yet closed: the descriptor stays open until they
    /// and the socket are all closed (CPython's `_io_refs`). Changed under the GIL only.
    io_refs: AtomicUsize,
    /// `close()` was called (the descriptor may still be open for the files).
    closed: AtomicBool,
}

impl Drop for SockObj {
    fn drop(&mut self) {
        let fd = self.fd.swap(-1, Ordering::Relaxed);
        if fd >= 0 {
            // SAFETY: we own the descriptor; nobody else can use it once the object is gone.
            unsafe { libc::close(fd) };
        }
    }
}

const NO_TIMEOUT: u64 = 0x7ff8_0000_0000_0000; // NaN bits

fn sock_type() -> &'static ObjRef {
    static T: OnceLock<ObjRef> = OnceLock::new();
    T.get_or_init(|| {
        let ty = crate::stdlib::native_type("socket");
        crate::types::set_type_attr(&ty, "__module__", Value::Obj(crate::vm::intern_static("socket")));
        add_staticmethod(&ty, "__new__", sock_new);
        add_methods(
            &ty,
            &[
                ("__init__", sock_init),
                ("fileno", sock_fileno),
                ("close", sock_close),
                ("detach", sock_detach),
                ("recv", sock_recv),
                ("send", sock_send),
                ("sendall", sock_sendall),
                ("recvfrom", sock_recvfrom),
                ("sendto", sock_sendto),
                ("bind", sock_bind),
                ("listen", sock_listen),
                ("accept", sock_accept),
                ("connect", sock_connect),
                ("shutdown", sock_shutdown),
                ("getsockname", sock_getsockname),
                ("getpeername", sock_getpeername),
                ("setsockopt", sock_setsockopt),
                ("getsockopt", sock_getsockopt),
                ("settimeout", sock_settimeout),
                ("gettimeout", sock_gettimeout),
                ("setblocking", sock_setblocking),
                ("getblocking", sock_getblocking),
                ("__enter__", sock_enter),
                ("__exit__", sock_exit),
                ("__repr__", sock_repr),
                ("makefile", sock_makefile),
                ("_decref_socketios", sock_decref_socketios),
                ("__getattr__", sock_getattr),
            ],
        );
        ty
    })
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

fn os_err(vm: &mut Vm, code: i32) -> PyErr {
    vm.os_error_from_io(&std::io::Error::from_raw_os_error(code), None)
}

fn timeout_err(vm: &mut Vm) -> PyErr {
    let c = types().exc.timeout_error.clone();
    vm.new_exc(&c, "timed out")
}

fn this<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a SockObj> {
    if let Value::Obj(o) = v {
        if let Payload::Native(n) = &o.payload {
            if let Some(s) = n.downcast_ref::<SockObj>() {
                return Ok(s);
            }
        }
    }
    Err(vm.type_error("descriptor requires a 'socket' object"))
}

/// The open descriptor, or `OSError: [Errno 9] Bad file descriptor`.
fn fd_of(vm: &mut Vm, s: &SockObj) -> PyResult<i32> {
    let fd = s.fd.load(Ordering::Relaxed);
    if fd < 0 {
        return Err(os_err(vm, libc::EBADF));
    }
    Ok(fd)
}

fn int_arg(vm: &mut Vm, v: Option<&Value>, default: i64) -> PyResult<i64> {
    match v {
        None | Some(Value::None) => Ok(default),
        Some(v) => match crate::types::int::to_i64(v) {
            Some(i) => Ok(i),
            None => {
                let tn = vm.type_name(v);
                Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")))
            }
        },
    }
}

fn new_sock_value(cls: ObjRef, fd: i32, family: i32, kind: i32, proto: i32) -> Value {
    Value::Obj(ObjRef::new(cls, Payload::Native(Box::new(SockObj { fd: AtomicI32::new(fd), family, kind, proto, timeout: AtomicU64::new(NO_TIMEOUT), io_refs: AtomicUsize::new(0), closed: AtomicBool::new(false) }))))
}

fn sock_new(vm: &mut Vm, a: Args) -> PyResult {
    let cls = match a.args.first() {
        Some(Value::Obj(c)) if c.as_type().is_some() => c.clone(),
        _ => return Err(vm.type_error("socket.__new__(X): X is not a type object")),
    };
    let pos = &a.args[1..];
    let get = |i: usize, name: &str| pos.get(i).or_else(|| a.kw(name));
    let family = int_arg(vm, get(0, "family"), libc::AF_INET as i64)? as i32;
    let kind = int_arg(vm, get(1, "type"), libc::SOCK_STREAM as i64)? as i32;
    let proto = int_arg(vm, get(2, "proto"), 0)? as i32;
    if let Some(f) = get(3, "fileno") {
        if !f.is_none() {
            let fd = int_arg(vm, Some(f), -1)? as i32;
            if fd < 0 {
                return Err(vm.value_error("negative file descriptor"));
            }
            return Ok(new_sock_value(cls, fd, family, kind, proto));
        }
    }
    // SAFETY: socket(2) takes plain integers.
    let fd = unsafe { libc::socket(family, kind | libc::SOCK_CLOEXEC, proto) };
    if fd < 0 {
        return Err(os_err(vm, errno()));
    }
    Ok(new_sock_value(cls, fd, family, kind, proto))
}

fn sock_init(_vm: &mut Vm, _a: Args) -> PyResult {
    Ok(Value::None)
}

fn sock_fileno(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a.args[0])?;
    Ok(Value::Int(s.fd.load(Ordering::Relaxed) as i64))
}

/// `close()`: the descriptor closes now, or when the last `makefile()` file closes.
fn sock_close(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a.args[0])?;
    s.closed.store(true, Ordering::Relaxed);
    if s.io_refs.load(Ordering::Relaxed) > 0 {
        return Ok(Value::None);
    }
    real_close(vm, s)
}

/// `_decref_socketios()`: a `makefile()` file was closed.
fn sock_decref_socketios(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a.args[0])?;
    let left = s.io_refs.load(Ordering::Relaxed).saturating_sub(1);
    s.io_refs.store(left, Ordering::Relaxed);
    if left == 0 && s.closed.load(Ordering::Relaxed) {
        return real_close(vm, s);
    }
    Ok(Value::None)
}

fn real_close(vm: &mut Vm, s: &SockObj) -> PyResult {
    let fd = s.fd.swap(-1, Ordering::Relaxed);
    if fd >= 0 {
        // SAFETY: the descriptor was ours; it is no longer reachable through the object.
        let r = unsafe { libc::close(fd) };
        if r != 0 && errno() != libc::ECONNRESET {
            return Err(os_err(vm, errno()));
        }
    }
    Ok(Value::None)
}

fn sock_detach(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a.args[0])?;
    s.closed.store(true, Ordering::Relaxed);
    Ok(Value::Int(s.fd.swap(-1, Ordering::Relaxed) as i64))
}

fn timeout_of(s: &SockObj) -> Option<f64> {
    let t = f64::from_bits(s.timeout.load(Ordering::Relaxed));
    if t.is_nan() {
        None
    } else {
        Some(t)
    }
}

/// Outcome of a blocking socket operation run without the GIL.
enum Io {
    Done(isize),
    Err(i32),
    TimedOut,
    Interrupted,
}

/// Wait (GIL released) until `fd` is ready for `events` within the socket's timeout, then run
/// `op` (also without the GIL). EINTR is retried unless a SIGINT is pending for the main thread.
///
/// With `fast`, `op(true)` is first tried once with the GIL held (the operation passes
/// `MSG_DONTWAIT`): when data is already there (or there is room to send) no GIL hand-off
/// happens at all. Only if it would block is the GIL released. A non-blocking socket
/// (timeout 0) raises BlockingIOError instead of waiting.
fn io_op(vm: &mut Vm, s: &SockObj, fd: i32, events: libc::c_short, fast: bool, mut op: impl FnMut(bool) -> isize) -> PyResult<isize> {
    let timeout = timeout_of(s);
    let main = crate::sigint::is_main_thread();
    if fast {
        let n = op(true);
        if n >= 0 {
            return Ok(n);
        }
        let e = errno();
        if e != libc::EAGAIN && e != libc::EWOULDBLOCK && e != libc::EINTR {
            return Err(os_err(vm, e));
        }
        if timeout == Some(0.0) {
            return Err(os_err(vm, libc::EAGAIN));
        }
    }
    loop {
        let r = blocking(vm, || {
            if let Some(t) = timeout {
                let deadline = std::time::Instant::now() + std::time::Duration::from_secs_f64(t.max(0.0));
                loop {
                    let left = deadline.saturating_duration_since(std::time::Instant::now());
                    let mut p = libc::pollfd { fd, events, revents: 0 };
                    let ms = left.as_millis().min(i32::MAX as u128) as i32;
                    // SAFETY: one pollfd we own.
                    let n = unsafe { libc::poll(&mut p, 1, ms) };
                    if n > 0 {
                        break;
                    }
                    if n == 0 {
                        return if t == 0.0 { Io::Err(libc::EAGAIN) } else { Io::TimedOut };
                    }
                    let e = errno();
                    if e == libc::EINTR {
                        if main && crate::sigint::pending() {
                            return Io::Interrupted;
                        }
                        continue;
                    }
                    return Io::Err(e);
                }
            }
            loop {
                let n = op(false);
                if n >= 0 {
                    return Io::Done(n);
                }
                let e = errno();
                if e == libc::EINTR {
                    if main && crate::sigint::pending() {
                        return Io::Interrupted;
                    }
                    continue;
                }
                return Io::Err(e);
            }
        });
        match r {
            Io::Done(n) => return Ok(n),
            Io::Err(e) => return Err(os_err(vm, e)),
            Io::TimedOut => return Err(timeout_err(vm)),
            Io::Interrupted => crate::sigint::check(vm)?,
        }
    }
}

fn bufsize_arg(vm: &mut Vm, a: &Args, name: &str) -> PyResult<usize> {
    let Some(v) = a.args.get(1).or_else(|| a.kw("bufsize")) else { return Err(vm.type_error(&format!("{name}() missing required argument 'bufsize' (pos 1)"))) };
    let n = int_arg(vm, Some(v), 0)?;
    if n < 0 {
        return Err(vm.value_error(&format!("negative buffersize in {name}")));
    }
    Ok(n as usize)
}

fn sock_recv(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a.args[0])?;
    let n = bufsize_arg(vm, &a, "recv")?;
    let flags = int_arg(vm, a.args.get(2), 0)? as i32;
    let fd = fd_of(vm, s)?;
    let mut buf = vec![0u8; n];
    let ptr = buf.as_mut_ptr() as usize;
    // SAFETY: `buf` outlives the call and has `n` writable bytes.
    let got = io_op(vm, s, fd, libc::POLLIN, true, |nb| unsafe { libc::recv(fd, ptr as *mut libc::c_void, n, flags | if nb { libc::MSG_DONTWAIT } else { 0 }) })?;
    buf.truncate(got as usize);
    Ok(crate::types::bytes::new_bytes(buf))
}

fn data_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Vec<u8>> {
    match v.and_then(crate::types::bytes::bytes_like) {
        Some(b) => Ok(b),
        None => {
            let tn = v.map(|v| vm.type_name(v)).unwrap_or_else(|| "NoneType".into());
            Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

fn send_some(vm: &mut Vm, s: &SockObj, fd: i32, data: &[u8], flags: i32) -> PyResult<usize> {
    let ptr = data.as_ptr() as usize;
    let len = data.len();
    // Not `fast`: a send wakes the peer, which will want the GIL at once; the GIL is released
    // around the send so that the peer finds it free (docs/gil.md, "Blocking calls").
    // SAFETY: `data` outlives the call; MSG_NOSIGNAL turns a closed peer into EPIPE, not SIGPIPE.
    let n = io_op(vm, s, fd, libc::POLLOUT, false, |nb| unsafe { libc::send(fd, ptr as *const libc::c_void, len, flags | libc::MSG_NOSIGNAL | if nb { libc::MSG_DONTWAIT } else { 0 }) })?;
    Ok(n as usize)
}

fn sock_send(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a.args[0])?;
    let data = data_arg(vm, a.args.get(1))?;
    let flags = int_arg(vm, a.args.get(2), 0)? as i32;
    let fd = fd_of(vm, s)?;
    let n = send_some(vm, s, fd, &data, flags)?;
    Ok(Value::Int(n as i64))
}

fn sock_sendall(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a.args[0])?;
    let data = data_arg(vm, a.args.get(1))?;
    let flags = int_arg(vm, a.args.get(2), 0)? as i32;
    let mut off = 0;
    while off < data.len() {
        let fd = fd_of(vm, s)?;
        off += send_some(vm, s, fd, &data[off..], flags)?;
    }
    Ok(Value::None)
}

// ----- addresses -----

/// A C socket address and its length.
struct Addr {
    storage: libc::sockaddr_storage,
    len: libc::socklen_t,
}

fn parse_addr(vm: &mut Vm, family: i32, v: &Value) -> PyResult<Addr> {
    // SAFETY: sockaddr_storage is plain data; all-zero is a valid (unspecified) address.
    let mut storage: libc::sockaddr_storage = unsafe { std::mem::zeroed() };
    if family == libc::AF_UNIX {
        let path: Vec<u8> = match v {
            Value::Obj(o) if o.as_str().is_some() => o.as_str().map(|s| s.as_str().as_bytes().to_vec()).unwrap_or_default(),
            other => match crate::types::bytes::bytes_like(other) {
                Some(b) => b,
                None => {
                    let tn = vm.type_name(other);
                    return Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")));
                }
            },
        };
        // SAFETY: sockaddr_un fits in sockaddr_storage, which is suitably aligned.
        let un = unsafe { &mut *(&mut storage as *mut libc::sockaddr_storage as *mut libc::sockaddr_un) };
        if path.len() >= un.sun_path.len() {
            return Err(vm.os_error("AF_UNIX path too long"));
        }
        un.sun_family = libc::AF_UNIX as libc::sa_family_t;
        for (i, b) in path.iter().enumerate() {
            un.sun_path[i] = *b as libc::c_char;
        }
        let len = (std::mem::size_of::<libc::sa_family_t>() + path.len() + usize::from(path.first() != Some(&0))) as libc::socklen_t;
        return Ok(Addr { storage, len });
    }
    let items = match crate::types::tuple::tuple_items(v) {
        Some(it) if it.len() >= 2 => it.to_vec(),
        _ => {
            let tn = vm.type_name(v);
            let fam = if family == libc::AF_INET6 { "AF_INET6" } else { "AF_INET" };
            return Err(vm.type_error(&format!("{fam} address must be tuple, not {tn}")));
        }
    };
    let host = match items[0].as_str() {
        Some(h) => h.to_string(),
        None => {
            let tn = vm.type_name(&items[0]);
            return Err(vm.type_error(&format!("str, bytes or bytearray expected, not {tn}")));
        }
    };
    let port = int_arg(vm, Some(&items[1]), 0)?;
    if !(0..=65535).contains(&port) {
        return Err(vm.overflow_error("bind(): port must be 0-65535."));
    }
    let ip = resolve(vm, &host, family)?;
    match ip {
        std::net::IpAddr::V4(v4) => {
            // SAFETY: sockaddr_in fits in sockaddr_storage, which is suitably aligned.
            let sin = unsafe { &mut *(&mut storage as *mut libc::sockaddr_storage as *mut libc::sockaddr_in) };
            sin.sin_family = libc::AF_INET as libc::sa_family_t;
            sin.sin_port = (port as u16).to_be();
            sin.sin_addr = libc::in_addr { s_addr: u32::from_ne_bytes(v4.octets()) };
            Ok(Addr { storage, len: std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t })
        }
        std::net::IpAddr::V6(v6) => {
            // SAFETY: sockaddr_in6 fits in sockaddr_storage, which is suitably aligned.
            let sin6 = unsafe { &mut *(&mut storage as *mut libc::sockaddr_storage as *mut libc::sockaddr_in6) };
            sin6.sin6_family = libc::AF_INET6 as libc::sa_family_t;
            sin6.sin6_port = (port as u16).to_be();
            sin6.sin6_addr = libc::in6_addr { s6_addr: v6.octets() };
            Ok(Addr { storage, len: std::mem::size_of::<libc::sockaddr_in6>() as libc::socklen_t })
        }
    }
}

/// Host name to address (GIL released: DNS may block). '' is the wildcard address.
fn resolve(vm: &mut Vm, host: &str, family: i32) -> PyResult<std::net::IpAddr> {
    let v6 = family == libc::AF_INET6;
    if host.is_empty() {
        return Ok(if v6 { std::net::Ipv6Addr::UNSPECIFIED.into() } else { std::net::Ipv4Addr::UNSPECIFIED.into() });
    }
    if host == "<broadcast>" {
        return Ok(std::net::Ipv4Addr::BROADCAST.into());
    }
    if let Ok(ip) = host.parse::<std::net::IpAddr>() {
        return Ok(ip);
    }
    let h = host.to_string();
    let found = blocking(vm, move || {
        use std::net::ToSocketAddrs;
        (h.as_str(), 0).to_socket_addrs().map(|it| it.map(|a| a.ip()).collect::<Vec<_>>())
    });
    match found {
        Ok(addrs) => match addrs.into_iter().find(|ip| ip.is_ipv6() == v6) {
            Some(ip) => Ok(ip),
            None => Err(gaierror(vm, "Address family for hostname not supported")),
        },
        Err(_) => Err(gaierror(vm, "Name or service not known")),
    }
}

fn gaierror(vm: &mut Vm, msg: &str) -> PyErr {
    let c = types().exc.os_error.clone();
    vm.new_exc(&c, &format!("[Errno -2] {msg}"))
}

fn addr_value(vm: &mut Vm, storage: &libc::sockaddr_storage, len: libc::socklen_t) -> Value {
    match storage.ss_family as i32 {
        libc::AF_INET => {
            // SAFETY: the family says this is a sockaddr_in.
            let sin = unsafe { &*(storage as *const libc::sockaddr_storage as *const libc::sockaddr_in) };
            let ip = std::net::Ipv4Addr::from(sin.sin_addr.s_addr.to_ne_bytes());
            let h = vm.new_string(ip.to_string());
            crate::types::tuple::new_tuple(vec![h, Value::Int(u16::from_be(sin.sin_port) as i64)])
        }
        libc::AF_INET6 => {
            // SAFETY: the family says this is a sockaddr_in6.
            let sin6 = unsafe { &*(storage as *const libc::sockaddr_storage as *const libc::sockaddr_in6) };
            let ip = std::net::Ipv6Addr::from(sin6.sin6_addr.s6_addr);
            let h = vm.new_string(ip.to_string());
            crate::types::tuple::new_tuple(vec![h, Value::Int(u16::from_be(sin6.sin6_port) as i64), Value::Int(sin6.sin6_flowinfo as i64), Value::Int(sin6.sin6_scope_id as i64)])
        }
        libc::AF_UNIX => {
            // SAFETY: the family says this is a sockaddr_un.
            let un = unsafe { &*(storage as *const libc::sockaddr_storage as *const libc::sockaddr_un) };
            let n = (len as usize).saturating_sub(std::mem::size_of::<libc::sa_family_t>()).min(un.sun_path.len());
            let raw: Vec<u8> = un.sun_path[..n].iter().map(|c| *c as u8).collect();
            if raw.first() == Some(&0) {
                return crate::types::bytes::new_bytes(raw);
            }
            let end = raw.iter().position(|b| *b == 0).unwrap_or(raw.len());
            vm.new_string(String::from_utf8_lossy(&raw[..end]).into_owned())
        }
        _ => Value::None,
    }
}

fn sock_bind(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a.args[0])?;
    let Some(av) = a.args.get(1) else { return Err(vm.type_error("bind() takes exactly one argument (0 given)")) };
    let addr = parse_addr(vm, s.family, av)?;
    let fd = fd_of(vm, s)?;
    // SAFETY: `addr` holds a valid address of `len` bytes.
    let r = unsafe { libc::bind(fd, &addr.storage as *const _ as *const libc::sockaddr, addr.len) };
    if r != 0 {
        return Err(os_err(vm, errno()));
    }
    Ok(Value::None)
}

fn sock_listen(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a.args[0])?;
    let backlog = int_arg(vm, a.args.get(1), 128)?.clamp(0, i32::MAX as i64) as i32;
    let fd = fd_of(vm, s)?;
    // SAFETY: plain integers.
    if unsafe { libc::listen(fd, backlog) } != 0 {
        return Err(os_err(vm, errno()));
    }
    Ok(Value::None)
}

fn sock_accept(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a.args[0])?;
    let fd = fd_of(vm, s)?;
    // SAFETY: all-zero sockaddr_storage is valid plain data.
    let mut storage: libc::sockaddr_storage = unsafe { std::mem::zeroed() };
    let mut len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
    let sp = &mut storage as *mut libc::sockaddr_storage as usize;
    let lp = &mut len as *mut libc::socklen_t as usize;
    // SAFETY: `storage` and `len` outlive the call and describe a buffer of `len` bytes.
    let nfd = io_op(vm, s, fd, libc::POLLIN, false, |_| unsafe { libc::accept4(fd, sp as *mut libc::sockaddr, lp as *mut libc::socklen_t, libc::SOCK_CLOEXEC) as isize })?;
    let conn = new_sock_value(sock_type().clone(), nfd as i32, s.family, s.kind, s.proto);
    let addr = addr_value(vm, &storage, len);
    Ok(crate::types::tuple::new_tuple(vec![conn, addr]))
}

fn sock_connect(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a.args[0])?;
    let Some(av) = a.args.get(1) else { return Err(vm.type_error("connect() takes exactly one argument (0 given)")) };
    let addr = parse_addr(vm, s.family, av)?;
    let fd = fd_of(vm, s)?;
    let main = crate::sigint::is_main_thread();
    let ap = &addr.storage as *const libc::sockaddr_storage as usize;
    let alen = addr.len;
    loop {
        // SAFETY: `addr` outlives the call.
        let r = blocking(vm, || if unsafe { libc::connect(fd, ap as *const libc::sockaddr, alen) } == 0 { 0 } else { errno() });
        match r {
            0 => return Ok(Value::None),
            libc::EINTR if main && crate::sigint::pending() => crate::sigint::check(vm)?,
            libc::EINTR | libc::EISCONN => return Ok(Value::None),
            e => return Err(os_err(vm, e)),
        }
    }
}

fn sock_recvfrom(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a.args[0])?;
    let n = bufsize_arg(vm, &a, "recvfrom")?;
    let flags = int_arg(vm, a.args.get(2), 0)? as i32;
    let fd = fd_of(vm, s)?;
    let mut buf = vec![0u8; n];
    // SAFETY: all-zero sockaddr_storage is valid plain data.
    let mut storage: libc::sockaddr_storage = unsafe { std::mem::zeroed() };
    let mut len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
    let (bp, sp, lp) = (buf.as_mut_ptr() as usize, &mut storage as *mut libc::sockaddr_storage as usize, &mut len as *mut libc::socklen_t as usize);
    // SAFETY: the buffers outlive the call.
    let got = io_op(vm, s, fd, libc::POLLIN, true, |nb| unsafe { libc::recvfrom(fd, bp as *mut libc::c_void, n, flags | if nb { libc::MSG_DONTWAIT } else { 0 }, sp as *mut libc::sockaddr, lp as *mut libc::socklen_t) })?;
    buf.truncate(got as usize);
    let addr = addr_value(vm, &storage, len);
    Ok(crate::types::tuple::new_tuple(vec![crate::types::bytes::new_bytes(buf), addr]))
}

fn sock_sendto(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a.args[0])?;
    let data = data_arg(vm, a.args.get(1))?;
    let Some(av) = a.args.last().filter(|_| a.args.len() >= 3) else { return Err(vm.type_error("sendto() takes 2 or 3 arguments")) };
    let flags = if a.args.len() == 4 { int_arg(vm, a.args.get(2), 0)? as i32 } else { 0 };
    let addr = parse_addr(vm, s.family, av)?;
    let fd = fd_of(vm, s)?;
    let (dp, dl, ap, al) = (data.as_ptr() as usize, data.len(), &addr.storage as *const libc::sockaddr_storage as usize, addr.len);
    // Not `fast`, as `send_some`.
    // SAFETY: data and address outlive the call.
    let n = io_op(vm, s, fd, libc::POLLOUT, false, |nb| unsafe { libc::sendto(fd, dp as *const libc::c_void, dl, flags | libc::MSG_NOSIGNAL | if nb { libc::MSG_DONTWAIT } else { 0 }, ap as *const libc::sockaddr, al) })?;
    Ok(Value::Int(n as i64))
}

fn sock_shutdown(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a.args[0])?;
    let how = int_arg(vm, a.args.get(1), libc::SHUT_RDWR as i64)? as i32;
    let fd = fd_of(vm, s)?;
    // SAFETY: plain integers.
    if unsafe { libc::shutdown(fd, how) } != 0 {
        return Err(os_err(vm, errno()));
    }
    Ok(Value::None)
}

fn name_of(vm: &mut Vm, a: &Args, peer: bool) -> PyResult {
    let s = this(vm, &a.args[0])?;
    let fd = fd_of(vm, s)?;
    // SAFETY: all-zero sockaddr_storage is valid plain data.
    let mut storage: libc::sockaddr_storage = unsafe { std::mem::zeroed() };
    let mut len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
    let p = &mut storage as *mut libc::sockaddr_storage as *mut libc::sockaddr;
    // SAFETY: the buffers are ours and `len` is their size.
    let r = unsafe {
        if peer {
            libc::getpeername(fd, p, &mut len)
        } else {
            libc::getsockname(fd, p, &mut len)
        }
    };
    if r != 0 {
        return Err(os_err(vm, errno()));
    }
    Ok(addr_value(vm, &storage, len))
}

fn sock_getsockname(vm: &mut Vm, a: Args) -> PyResult {
    name_of(vm, &a, false)
}

fn sock_getpeername(vm: &mut Vm, a: Args) -> PyResult {
    name_of(vm, &a, true)
}

fn sock_setsockopt(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a.args[0])?;
    let level = int_arg(vm, a.args.get(1), 0)? as i32;
    let opt = int_arg(vm, a.args.get(2), 0)? as i32;
    let fd = fd_of(vm, s)?;
    let bytes = match a.args.get(3) {
        Some(Value::Int(i)) => (*i as i32).to_ne_bytes().to_vec(),
        Some(Value::Bool64(b)) => (b.get() as i32).to_ne_bytes().to_vec(),
        other => data_arg(vm, other)?,
    };
    // SAFETY: `bytes` outlives the call and its length is passed.
    let r = unsafe { libc::setsockopt(fd, level, opt, bytes.as_ptr() as *const libc::c_void, bytes.len() as libc::socklen_t) };
    if r != 0 {
        return Err(os_err(vm, errno()));
    }
    Ok(Value::None)
}

fn sock_getsockopt(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a.args[0])?;
    let level = int_arg(vm, a.args.get(1), 0)? as i32;
    let opt = int_arg(vm, a.args.get(2), 0)? as i32;
    let fd = fd_of(vm, s)?;
    let mut v: i32 = 0;
    let mut len = std::mem::size_of::<i32>() as libc::socklen_t;
    // SAFETY: `v` and `len` are ours and describe 4 bytes.
    let r = unsafe { libc::getsockopt(fd, level, opt, &mut v as *mut i32 as *mut libc::c_void, &mut len) };
    if r != 0 {
        return Err(os_err(vm, errno()));
    }
    Ok(Value::Int(v as i64))
}

fn set_timeout(vm: &mut Vm, s: &SockObj, v: &Value) -> PyResult<()> {
    if v.is_none() {
        s.timeout.store(NO_TIMEOUT, Ordering::Relaxed);
        return Ok(());
    }
    let t = match crate::types::float::to_f64(v) {
        Some(t) => t,
        None => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")));
        }
    };
    if t.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if t < 0.0 {
        return Err(vm.value_error("Timeout value out of range"));
    }
    s.timeout.store(t.to_bits(), Ordering::Relaxed);
    Ok(())
}

fn sock_settimeout(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a.args[0])?;
    let v = a.args.get(1).cloned().unwrap_or(Value::None);
    set_timeout(vm, s, &v)?;
    Ok(Value::None)
}

fn sock_gettimeout(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a.args[0])?;
    Ok(match timeout_of(s) {
        Some(t) => Value::Float(t),
        None => Value::None,
    })
}

fn sock_setblocking(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a.args[0])?;
    let flag = match a.args.get(1) {
        Some(v) => vm.truthy(v)?,
        None => return Err(vm.type_error("setblocking() takes exactly one argument (0 given)")),
    };
    s.timeout.store(if flag { NO_TIMEOUT } else { 0f64.to_bits() }, Ordering::Relaxed);
    Ok(Value::None)
}

fn sock_getblocking(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a.args[0])?;
    Ok(Value::Bool(timeout_of(s) != Some(0.0)))
}

fn sock_enter(_vm: &mut Vm, a: Args) -> PyResult {
    Ok(a.args[0].clone())
}

fn sock_exit(vm: &mut Vm, a: Args) -> PyResult {
    sock_close(vm, Args::new(&a.args[..1]))?;
    Ok(Value::None)
}

fn sock_repr(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a.args[0])?;
    let fam = match s.family {
        libc::AF_UNIX => "AddressFamily.AF_UNIX".to_string(),
        libc::AF_INET => "AddressFamily.AF_INET".to_string(),
        libc::AF_INET6 => "AddressFamily.AF_INET6".to_string(),
        f => f.to_string(),
    };
    let kind = match s.kind {
        libc::SOCK_STREAM => "SocketKind.SOCK_STREAM".to_string(),
        libc::SOCK_DGRAM => "SocketKind.SOCK_DGRAM".to_string(),
        k => k.to_string(),
    };
    let closed = if s.closed.load(Ordering::Relaxed) { " [closed]" } else { "" };
    let txt = format!("<socket.socket{closed} fd={}, family={fam}, type={kind}, proto={}>", s.fd.load(Ordering::Relaxed), s.proto);
    Ok(vm.new_string(txt))
}

/// The read-only attributes `family`, `type`, `proto`, `timeout`.
fn sock_getattr(vm: &mut Vm, a: Args) -> PyResult {
    let s = this(vm, &a.args[0])?;
    let name = a.args.get(1).and_then(|v| v.as_str().map(|s| s.to_string())).unwrap_or_default();
    match name.as_str() {
        "family" => Ok(Value::Int(s.family as i64)),
        "type" => Ok(Value::Int(s.kind as i64)),
        "proto" => Ok(Value::Int(s.proto as i64)),
        "timeout" => Ok(timeout_of(s).map(Value::Float).unwrap_or(Value::None)),
        _ => Err(vm.attribute_error(&format!("'socket' object has no attribute '{name}'"))),
    }
}

/// `makefile(mode='r', buffering=None, *, encoding=None, errors=None, newline=None)`: a file
/// object over the socket, built by `lib/_streams.py` (SocketIO under buffered and text layers).
fn sock_makefile(vm: &mut Vm, a: Args) -> PyResult {
    let sock = a.args[0].clone();
    let s = this(vm, &sock)?;
    let names = ["mode", "buffering", "encoding", "errors", "newline"];
    let mut vals: Vec<Value> = vec![Value::None; names.len()];
    if a.args.len() > 3 {
        return Err(vm.type_error(&format!("makefile() takes from 1 to 3 positional arguments but {} were given", a.args.len())));
    }
    for (i, v) in a.args.iter().enumerate().skip(1) {
        vals[i - 1] = v.clone();
    }
    for (k, v) in a.kwargs {
        let k = k.as_str().unwrap_or("");
        match names.iter().position(|n| *n == k) {
            Some(i) => vals[i] = v.clone(),
            None => return Err(vm.type_error(&format!("makefile() got an unexpected keyword argument '{k}'"))),
        }
    }
    let mode = match &vals[0] {
        Value::None if a.args.len() < 2 && a.kw("mode").is_none() => "r".to_string(),
        v => match v.as_str() {
            Some(m) => m.to_string(),
            None => {
                let r = vm.repr(v)?;
                return Err(vm.value_error(&format!("invalid mode {} (only r, w, b allowed)", r)));
            }
        },
    };
    if !mode.chars().all(|c| matches!(c, 'r' | 'w' | 'b')) {
        let r = vm.repr(&vals[0])?;
        return Err(vm.value_error(&format!("invalid mode {} (only r, w, b allowed)", r)));
    }
    let m = vm.new_string(mode);
    s.io_refs.fetch_add(1, Ordering::Relaxed);
    let streams = crate::import::import_full(vm, "_streams")?;
    let make = vm.get_attr_str(&streams, "makefile")?;
    let mut args = vec![sock, m];
    args.extend(vals.into_iter().skip(1));
    vm.call(&make, &args, &[])
}

fn socketpair(vm: &mut Vm, a: Args) -> PyResult {
    let family = int_arg(vm, a.args.first().or_else(|| a.kw("family")), libc::AF_UNIX as i64)? as i32;
    let kind = int_arg(vm, a.args.get(1).or_else(|| a.kw("type")), libc::SOCK_STREAM as i64)? as i32;
    let proto = int_arg(vm, a.args.get(2).or_else(|| a.kw("proto")), 0)? as i32;
    let mut fds = [0i32; 2];
    // SAFETY: `fds` has room for the two descriptors.
    if unsafe { libc::socketpair(family, kind | libc::SOCK_CLOEXEC, proto, fds.as_mut_ptr()) } != 0 {
        return Err(os_err(vm, errno()));
    }
    let a_ = new_sock_value(sock_type().clone(), fds[0], family, kind, proto);
    let b_ = new_sock_value(sock_type().clone(), fds[1], family, kind, proto);
    Ok(crate::types::tuple::new_tuple(vec![a_, b_]))
}

fn gethostname(vm: &mut Vm, _a: Args) -> PyResult {
    let mut buf = [0u8; 256];
    // SAFETY: the buffer is ours and its size is passed.
    if unsafe { libc::gethostname(buf.as_mut_ptr() as *mut libc::c_char, buf.len()) } != 0 {
        return Err(os_err(vm, errno()));
    }
    let end = buf.iter().position(|b| *b == 0).unwrap_or(buf.len());
    Ok(vm.new_string(String::from_utf8_lossy(&buf[..end]).into_owned()))
}

/// `create_connection((host, port), timeout=None)`: an AF_INET stream socket, connected.
fn create_connection(vm: &mut Vm, a: Args) -> PyResult {
    let Some(addr) = a.args.first().cloned() else { return Err(vm.type_error("create_connection() missing required argument 'address' (pos 1)")) };
    let cls = Value::Obj(sock_type().clone());
    let sock = vm.call(&cls, &[Value::Int(libc::AF_INET as i64), Value::Int(libc::SOCK_STREAM as i64)], &[])?;
    if let Some(t) = a.args.get(1).or_else(|| a.kw("timeout")) {
        let s = this(vm, &sock)?;
        set_timeout(vm, s, t)?;
    }
    vm.call_method(&sock, "connect", &[addr])?;
    Ok(sock)
}

pub fn create(vm: &mut Vm) -> ObjRef {
    let m = module_with(
        vm,
        "socket",
        &[("socketpair", socketpair), ("gethostname", gethostname), ("create_connection", create_connection)],
    );
    set_attr(vm, &m, "socket", Value::Obj(sock_type().clone()));
    set_attr(vm, &m, "SocketType", Value::Obj(sock_type().clone()));
    let t = types();
    set_attr(vm, &m, "error", Value::Obj(t.exc.os_error.clone()));
    set_attr(vm, &m, "timeout", Value::Obj(t.exc.timeout_error.clone()));
    set_attr(vm, &m, "gaierror", Value::Obj(t.exc.os_error.clone()));
    set_attr(vm, &m, "herror", Value::Obj(t.exc.os_error.clone()));
    for (k, v) in [
        ("AF_UNIX", libc::AF_UNIX),
        ("AF_INET", libc::AF_INET),
        ("AF_INET6", libc::AF_INET6),
        ("SOCK_STREAM", libc::SOCK_STREAM),
        ("SOCK_DGRAM", libc::SOCK_DGRAM),
        ("SOL_SOCKET", libc::SOL_SOCKET),
        ("SO_REUSEADDR", libc::SO_REUSEADDR),
        ("SO_KEEPALIVE", libc::SO_KEEPALIVE),
        ("SO_BROADCAST", libc::SO_BROADCAST),
        ("SO_RCVBUF", libc::SO_RCVBUF),
        ("SO_SNDBUF", libc::SO_SNDBUF),
        ("IPPROTO_TCP", libc::IPPROTO_TCP),
        ("IPPROTO_UDP", libc::IPPROTO_UDP),
        ("TCP_NODELAY", libc::TCP_NODELAY),
        ("SHUT_RD", libc::SHUT_RD),
        ("SHUT_WR", libc::SHUT_WR),
        ("SHUT_RDWR", libc::SHUT_RDWR),
        ("MSG_PEEK", libc::MSG_PEEK),
        ("MSG_DONTWAIT", libc::MSG_DONTWAIT),
        ("SOMAXCONN", libc::SOMAXCONN),
    ] {
        set_attr(vm, &m, k, Value::Int(v as i64));
    }
    m
}
