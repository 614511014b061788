//! File objects: `open()` and `sys.stdin`/`stdout`/`stderr`. One native type per mode family
//! (`TextIOWrapper` for text, `BufferedReader`/`BufferedWriter` for binary), all backed by
//! [`FileObj`], a buffered OS file descriptor.
//!
//! Locks: a file's state sits behind its own `parking_lot::Mutex`; it is never held while
//! Python code runs. Writes are buffered; `flush()`, `close()`, exit and stderr writes flush.

use crate::object::{ObjRef, Payload};
use crate::types::{add_methods, types};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};
use parking_lot::Mutex;
use std::io::{Read, Seek, SeekFrom, Write};
use std::sync::Arc;

pub enum Handle {
    Stdin,
    Stdout,
    Stderr,
    File(std::fs::File),
}

pub struct FileState {
    pub handle: Handle,
    /// Encoded text not yet passed to the buffer (CPython's TextIOWrapper pending bytes): a
    /// text write lands here, a write to the file's `.buffer` goes straight to `wbuf`, so the
    /// two can come out of order exactly as in CPython until the text layer flushes.
    pub tpending: Vec<u8>,
    pub wbuf: Vec<u8>,
    /// Bytes read ahead of the caller (for readline).
    pub rbuf: Vec<u8>,
    pub rpos: usize,
    pub eof: bool,
    pub binary: bool,
    pub readable: bool,
    pub writable: bool,
    pub closed: bool,
    /// Flush after every write that contains a newline (terminals, `-u`).
    pub line_buffered: bool,
    pub name: Value,
    pub mode: String,
    /// Close the descriptor when the file closes (`open(fd, closefd=False)` leaves it open).
    pub closefd: bool,
    /// Unbuffered (binary `buffering=0`): every write goes straight to the OS.
    pub write_through: bool,
    /// The encoding a text file shows (`f.encoding`, its repr); its text is always UTF-8.
    pub encoding: String,
    /// Text files: false while iterated with next() (CPython disables tell() then).
    pub no_tell: bool,
    /// Text files: the kinds of line end read so far (`NL_*` bits, for `f.newlines`).
    pub seen_nl: u8,
}

const NL_LF: u8 = 1;
const NL_CR: u8 = 2;
const NL_CRLF: u8 = 4;

impl Drop for FileState {
    fn drop(&mut self) {
        if !self.closed {
            let _ = self.flush();
        }
        self.release_handle();
    }
}

/// Protected by its own mutex (see the module documentation). A text file and its `buffer`
/// (the binary view `sys.stdout.buffer`) share one state, so their writes stay in order.
pub struct FileObj {
    pub state: Arc<Mutex<FileState>>,
    /// The binary view of a text file (its `.buffer`): bytes in and out, no decoding.
    pub as_binary: bool,
}

impl FileObj {
    /// Whether reads return bytes and writes take bytes.
    pub fn binary(&self, st: &FileState) -> bool {
        self.as_binary || st.binary
    }
    /// Whether two file objects share one state (a text file and its buffer).
    pub fn same(&self, other: &FileObj) -> bool {
        Arc::ptr_eq(&self.state, &other.state)
    }
    /// Lock the file's state. Never blocks while holding the GIL: the thread holding the file
    /// lock may be in a blocking read or write with the GIL released, and needs the GIL back
    /// before it unlocks; so a contended lock is waited for with the GIL released.
    pub fn lock(&self) -> parking_lot::MutexGuard<'_, FileState> {
        if let Some(g) = self.state.try_lock() {
            return g;
        }
        crate::gil::blocking_here(|| self.state.lock())
    }
}

impl FileState {
    /// Give up the OS handle: a file closes it, unless opened with `closefd=False`.
    fn release_handle(&mut self) {
        if let Handle::File(f) = std::mem::replace(&mut self.handle, Handle::Stdin) {
            if !self.closefd {
                use std::os::fd::IntoRawFd;
                let _ = f.into_raw_fd();
            }
        }
    }
    /// Write to the OS, with the GIL released (a pipe may be full).
    fn raw_write(&mut self, data: &[u8]) -> std::io::Result<()> {
        let handle = &mut self.handle;
        crate::gil::blocking_here(|| match handle {
            Handle::Stdout => std::io::stdout().lock().write_all(data),
            Handle::Stderr => std::io::stderr().lock().write_all(data),
            Handle::File(f) => f.write_all(data),
            Handle::Stdin => Err(std::io::Error::new(std::io::ErrorKind::Unsupported, "not writable")),
        })
    }
    /// Flush both layers: pending text into the buffer, the buffer to the OS.
    pub fn flush(&mut self) -> std::io::Result<()> {
        self.flush_text()?;
        self.flush_buffer()
    }
    /// Pass the pending text to the buffer layer.
    fn flush_text(&mut self) -> std::io::Result<()> {
        if !self.tpending.is_empty() {
            let p = std::mem::take(&mut self.tpending);
            self.write(&p)?;
        }
        Ok(())
    }
    /// A text write (CPython's TextIOWrapper.write): kept pending up to a chunk (8192 bytes),
    /// passed on at once when line buffered and the text has a line end, or write-through.
    pub fn write_text(&mut self, data: &[u8]) -> std::io::Result<()> {
        if self.tpending.len() + data.len() > 8192 {
            self.flush_text()?;
        }
        self.tpending.extend_from_slice(data);
        let needflush = self.line_buffered && (data.contains(&b'\n') || data.contains(&b'\r'));
        if self.tpending.len() >= 8192 || needflush || self.write_through {
            self.flush_text()?;
            if needflush {
                self.flush_buffer()?;
            }
        }
        Ok(())
    }
    /// Flush the buffer layer only (`f.buffer.flush()`: pending text stays pending).
    pub fn flush_buffer(&mut self) -> std::io::Result<()> {
        if !self.wbuf.is_empty() {
            let data = std::mem::take(&mut self.wbuf);
            self.raw_write(&data)?;
        }
        match &mut self.handle {
            Handle::Stdout => std::io::stdout().flush(),
            Handle::Stderr => std::io::stderr().flush(),
            Handle::File(f) => f.flush(),
            Handle::Stdin => Ok(()),
        }
    }
    pub fn write(&mut self, data: &[u8]) -> std::io::Result<()> {
        self.wbuf.extend_from_slice(data);
        if self.wbuf.len() >= 8192 || self.write_through || matches!(self.handle, Handle::Stderr) {
            self.flush()?;
        }
        Ok(())
    }
    fn fill(&mut self) -> std::io::Result<usize> {
        if self.rpos > 0 {
            self.rbuf.drain(..self.rpos);
            self.rpos = 0;
        }
        let mut chunk = [0u8; 8192];
        // Read from the OS with the GIL released. EINTR: retried, unless it is a SIGINT for
        // the main thread (the caller then raises KeyboardInterrupt, see `read_error`).
        let n = loop {
            let handle = &mut self.handle;
            let r = crate::gil::blocking_here(|| match handle {
                Handle::Stdin => std::io::stdin().lock().read(&mut chunk),
                Handle::File(f) => f.read(&mut chunk),
                _ => Ok(0),
            });
            match r {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted && !(crate::sigint::pending() && crate::sigint::is_main_thread()) => continue,
                r => break r?,
            }
        };
        if n == 0 {
            self.eof = true;
        }
        self.rbuf.extend_from_slice(&chunk[..n]);
        Ok(n)
    }
    /// Read one line including its `\n` (empty at end of file).
    pub fn read_line(&mut self, limit: Option<usize>) -> std::io::Result<Vec<u8>> {
        loop {
            let avail = &self.rbuf[self.rpos..];
            let cut = avail.iter().position(|&b| b == b'\n').map(|i| i + 1);
            let want = match (cut, limit) {
                (Some(c), Some(l)) => Some(c.min(l)),
                (Some(c), None) => Some(c),
                (None, Some(l)) if avail.len() >= l => Some(l),
                _ => None,
            };
            if let Some(n) = want {
                let out = avail[..n].to_vec();
                self.rpos += n;
                return Ok(out);
            }
            if self.eof || self.fill()? == 0 {
                let out = self.rbuf[self.rpos..].to_vec();
                self.rpos = self.rbuf.len();
                return Ok(out);
            }
        }
    }
    /// Read one text line: it ends at '\n', '\r\n' or '\r', returned ending in '\n'
    /// (universal newlines); `limit` counts bytes.
    pub fn read_line_universal(&mut self, limit: Option<usize>) -> std::io::Result<Vec<u8>> {
        loop {
            let avail = &self.rbuf[self.rpos..];
            let mut cut = None;
            if let Some(i) = avail.iter().position(|&b| b == b'\n' || b == b'\r') {
                if avail[i] == b'\n' {
                    cut = Some(i + 1);
                } else if i + 1 < avail.len() {
                    cut = Some(if avail[i + 1] == b'\n' { i + 2 } else { i + 1 });
                } else if self.eof {
                    cut = Some(i + 1);
                }
            }
            let want = match (cut, limit) {
                (Some(c), Some(l)) => Some(c.min(l)),
                (Some(c), None) => Some(c),
                (None, Some(l)) if avail.len() >= l => Some(l),
                _ => None,
            };
            if let Some(n) = want {
                let line = avail[..n].to_vec();
                self.rpos += n;
                return Ok(normalize_newlines(line, &mut self.seen_nl));
            }
            if self.eof || self.fill()? == 0 {
                let out = self.rbuf[self.rpos..].to_vec();
                self.rpos = self.rbuf.len();
                return Ok(normalize_newlines(out, &mut self.seen_nl));
            }
        }
    }
    /// At most `limit` bytes with at most one read from the OS (none if bytes are buffered).
    pub fn read_some(&mut self, limit: Option<usize>) -> std::io::Result<Vec<u8>> {
        if self.rpos == self.rbuf.len() && !self.eof {
            self.fill()?;
        }
        let avail = self.rbuf.len() - self.rpos;
        let n = limit.map_or(avail, |l| l.min(avail));
        let out = self.rbuf[self.rpos..self.rpos + n].to_vec();
        self.rpos += n;
        Ok(out)
    }
    pub fn read_all(&mut self, limit: Option<usize>) -> std::io::Result<Vec<u8>> {
        loop {
            let have = self.rbuf.len() - self.rpos;
            if let Some(l) = limit {
                if have >= l {
                    let out = self.rbuf[self.rpos..self.rpos + l].to_vec();
                    self.rpos += l;
                    return Ok(out);
                }
            }
            if self.eof || self.fill()? == 0 {
                let out = self.rbuf[self.rpos..].to_vec();
                self.rpos = self.rbuf.len();
                return Ok(out);
            }
        }
    }
}

pub fn new_file_value(cls: &ObjRef, st: FileState) -> Value {
    let d = ObjRef::new(types().dict.clone(), Payload::Dict(crate::sync::PyCell::new(crate::object::DictData::new())));
    Value::Obj(ObjRef::new_with_dict(cls.clone(), Payload::Native(Box::new(FileObj { state: Arc::new(Mutex::new(st)), as_binary: false })), d))
}

/// In a child of `os.fork()`: a new file object of class `cls` with a copy of `st` (a standard
/// stream's state, taken over under the lock the forking thread held). The old object's mutex may
/// have parent threads parked on it, so the child must not use it again. None for files that
/// are not standard streams (their OS handle cannot be shared this way).
pub fn copy_for_fork_child(cls: &ObjRef, st: &mut FileState) -> Option<Value> {
    let handle = match st.handle {
        Handle::Stdin => Handle::Stdin,
        Handle::Stdout => Handle::Stdout,
        Handle::Stderr => Handle::Stderr,
        Handle::File(_) => return None,
    };
    let copy = FileState {
        handle,
        tpending: std::mem::take(&mut st.tpending),
        // moved: the old object, when freed, must not write the buffered bytes a second time
        wbuf: std::mem::take(&mut st.wbuf),
        rbuf: std::mem::take(&mut st.rbuf),
        rpos: st.rpos,
        eof: st.eof,
        binary: st.binary,
        readable: st.readable,
        writable: st.writable,
        closed: st.closed,
        line_buffered: st.line_buffered,
        name: st.name.clone(),
        mode: st.mode.clone(),
        closefd: true,
        write_through: st.write_through,
        encoding: st.encoding.clone(),
        no_tell: false,
        seen_nl: 0,
    };
    Some(new_file_value(cls, copy))
}

pub fn std_stream(handle: Handle, name: &str, mode: &str, line_buffered: bool, write_through: bool) -> Value {
    let (readable, writable) = (matches!(handle, Handle::Stdin), !matches!(handle, Handle::Stdin));
    let st = FileState {
        handle,
        tpending: Vec::new(),
        wbuf: Vec::new(),
        rbuf: Vec::new(),
        rpos: 0,
        eof: false,
        binary: false,
        readable,
        writable,
        closed: false,
        line_buffered,
        name: Value::Obj(crate::vm::intern_static(name)),
        mode: mode.to_string(),
        closefd: true,
        write_through,
        encoding: "utf-8".to_string(),
        no_tell: false,
        seen_nl: 0,
    };
    new_file_value(&types().text_io, st)
}

/// The file state of a file object.
pub fn file_of(v: &Value) -> Option<&FileObj> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Native(n) => n.downcast_ref::<FileObj>(),
            _ => None,
        },
        _ => None,
    }
}

fn this<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a FileObj> {
    match file_of(&a.args[0]) {
        Some(f) => Ok(f),
        None => Err(vm.type_error("descriptor requires a file object")),
    }
}

fn closed_err(vm: &mut Vm) -> crate::PyErr {
    vm.value_error("I/O operation on closed file.")
}

fn unsupported(vm: &mut Vm, what: &str) -> crate::PyErr {
    if crate::import::sys_modules_get("io").is_none() {
        let _ = crate::import::import_full(vm, "io");
    }
    let cls = crate::import::sys_modules_get("io").and_then(|m| match m {
        Value::Obj(o) => o.instance_dict().and_then(|d| crate::types::dict::dict_get_str(d, "UnsupportedOperation")),
        _ => None,
    });
    match cls {
        Some(Value::Obj(c)) => vm.new_exc(&c, what),
        _ => vm.os_error(what),
    }
}

fn f_write(vm: &mut Vm, a: Args) -> PyResult {
    let f = this(vm, &a)?;
    let Some(arg) = a.args.get(1) else { return Err(vm.type_error("write() takes exactly one argument (0 given)")) };
    let binary = { let st = f.lock(); f.binary(&st) };
    let (data, n) = if binary {
        match crate::types::bytes::bytes_like(arg) {
            Some(b) => {
                let n = b.len();
                (b, n)
            }
            None => {
                let tn = vm.type_name(arg);
                return Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")));
            }
        }
    } else {
        match arg.as_pystr() {
            Some(s) => (s.as_str().as_bytes().to_vec(), s.char_len()),
            None => {
                let tn = vm.type_name(arg);
                return Err(vm.type_error(&format!("write() argument must be str, not {tn}")));
            }
        }
    };
    let mut st = f.lock();
    if st.closed {
        drop(st);
        return Err(closed_err(vm));
    }
    if !st.writable {
        drop(st);
        return Err(unsupported(vm, "not writable"));
    }
    let r = if binary { st.write(&data) } else { st.write_text(&data) };
    drop(st);
    if let Err(e) = r {
        return Err(vm.os_error_from_io(&e, None));
    }
    Ok(Value::Int(n as i64))
}

fn f_flush(vm: &mut Vm, a: Args) -> PyResult {
    let f = this(vm, &a)?;
    let mut st = f.lock();
    if st.closed {
        drop(st);
        return Err(closed_err(vm));
    }
    let r = if f.as_binary { st.flush_buffer() } else { st.flush() };
    drop(st);
    if let Err(e) = r {
        return Err(vm.os_error_from_io(&e, None));
    }
    Ok(Value::None)
}

fn f_close(vm: &mut Vm, a: Args) -> PyResult {
    let f = this(vm, &a)?;
    let mut st = f.lock();
    if st.closed {
        return Ok(Value::None);
    }
    let r = st.flush();
    st.closed = true;
    if let Handle::File(_) = st.handle {
        st.release_handle(); // drops (closes) the file unless closefd=False
        st.readable = false;
    }
    drop(st);
    if let Err(e) = r {
        return Err(vm.os_error_from_io(&e, None));
    }
    Ok(Value::None)
}

/// A read failed: an interrupted read in the main thread raises KeyboardInterrupt (SIGINT),
/// anything else is an OSError.
fn read_error(vm: &mut Vm, e: &std::io::Error) -> crate::PyErr {
    if e.kind() == std::io::ErrorKind::Interrupted {
        if let Err(ki) = crate::sigint::check(vm) {
            return ki;
        }
    }
    vm.os_error_from_io(e, None)
}

fn decode(vm: &mut Vm, binary: bool, data: Vec<u8>) -> PyResult {
    if binary {
        return Ok(crate::types::bytes::new_bytes(data));
    }
    let s = crate::types::bytes::decode(vm, &data, "utf-8", "strict")?;
    Ok(vm.new_string(s))
}

fn check_readable(vm: &mut Vm, st: &FileState) -> PyResult<()> {
    if st.closed {
        return Err(closed_err(vm));
    }
    if !st.readable {
        return Err(unsupported(vm, "not readable"));
    }
    Ok(())
}

fn size_arg(v: Option<&Value>) -> Option<usize> {
    match v {
        Some(Value::Int(n)) if *n >= 0 => Some(*n as usize),
        _ => None,
    }
}

fn f_read(vm: &mut Vm, a: Args) -> PyResult {
    let f = this(vm, &a)?;
    let limit = size_arg(a.args.get(1));
    let mut st = f.lock();
    let chk = check_readable(vm, &st);
    if let Err(e) = chk {
        drop(st);
        return Err(e);
    }
    let binary = f.binary(&st);
    // Text reads count characters; read bytes then trim to whole characters.
    let r = if binary || limit.is_none() {
        st.read_all(limit)
    } else {
        let n = limit.unwrap_or(0);
        let mut out = Vec::new();
        let mut chars = 0;
        let mut err = None;
        while chars < n {
            match st.read_all(Some(1)) {
                Ok(b) if b.is_empty() => break,
                Ok(b) => {
                    // continuation bytes and the '\n' of '\r\n' add no character
                    if b[0] & 0xc0 != 0x80 && !(b[0] == b'\n' && out.last() == Some(&b'\r')) {
                        chars += 1;
                    }
                    out.extend(b);
                }
                Err(e) => {
                    err = Some(e);
                    break;
                }
            }
        }
        // Complete a trailing multi-byte character.
        while err.is_none() {
            let more = st.rbuf.get(st.rpos).copied();
            match more {
                Some(b) if b & 0xc0 == 0x80 || (b == b'\n' && out.last() == Some(&b'\r')) => {
                    out.push(b);
                    st.rpos += 1;
                }
                None if !st.eof => {
                    if let Err(e) = st.fill() {
                        err = Some(e);
                    }
                    if st.rbuf.len() == st.rpos {
                        break;
                    }
                }
                _ => break,
            }
        }
        match err {
            Some(e) => Err(e),
            None => Ok(out),
        }
    };
    drop(st);
    match r {
        Ok(data) => {
            let data = if binary { data } else { normalize_newlines(data, &mut f.lock().seen_nl) };
            decode(vm, binary, data)
        }
        Err(e) => Err(read_error(vm, &e)),
    }
}

/// Universal newlines for text reads: `\r\n` and `\r` become `\n`.
/// `seen` collects the kinds of line end met (`NL_LF`, `NL_CR`, `NL_CRLF`) for `f.newlines`.
fn normalize_newlines(data: Vec<u8>, seen: &mut u8) -> Vec<u8> {
    if !data.contains(&b'\r') {
        if data.contains(&b'\n') {
            *seen |= NL_LF;
        }
        return data;
    }
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        if data[i] == b'\r' {
            out.push(b'\n');
            if data.get(i + 1) == Some(&b'\n') {
                *seen |= NL_CRLF;
                i += 1;
            } else {
                *seen |= NL_CR;
            }
        } else {
            if data[i] == b'\n' {
                *seen |= NL_LF;
            }
            out.push(data[i]);
        }
        i += 1;
    }
    out
}

/// `read1(size=-1)` of binary files: what is buffered, or one read from the OS.
fn f_read1(vm: &mut Vm, a: Args) -> PyResult {
    let f = this(vm, &a)?;
    let limit = size_arg(a.args.get(1));
    let mut st = f.lock();
    let chk = check_readable(vm, &st);
    if let Err(e) = chk {
        drop(st);
        return Err(e);
    }
    let binary = f.binary(&st);
    if !binary {
        drop(st);
        return Err(vm.no_attribute(&a.args[0], "read1"));
    }
    let r = st.read_some(limit);
    drop(st);
    match r {
        Ok(data) => decode(vm, true, data),
        Err(e) => Err(read_error(vm, &e)),
    }
}

fn f_readline(vm: &mut Vm, a: Args) -> PyResult {
    let f = this(vm, &a)?;
    let limit = size_arg(a.args.get(1));
    let mut st = f.lock();
    let chk = check_readable(vm, &st);
    if let Err(e) = chk {
        drop(st);
        return Err(e);
    }
    let binary = f.binary(&st);
    let r = if binary { st.read_line(limit) } else { st.read_line_universal(limit) };
    drop(st);
    match r {
        Ok(data) => decode(vm, binary, data),
        Err(e) => Err(read_error(vm, &e)),
    }
}

fn f_readlines(vm: &mut Vm, a: Args) -> PyResult {
    let mut out = Vec::new();
    loop {
        let line = f_readline(vm, Args::new(&a.args[..1]))?;
        if vm.len(&line)? == 0 {
            break;
        }
        out.push(line);
    }
    Ok(crate::types::list::new_list(out))
}

fn f_writelines(vm: &mut Vm, a: Args) -> PyResult {
    let Some(lines) = a.args.get(1) else { return Err(vm.type_error("writelines() takes exactly one argument (0 given)")) };
    for l in vm.collect(lines)? {
        f_write(vm, Args::new(&[a.args[0].clone(), l]))?;
    }
    Ok(Value::None)
}

fn f_iter(vm: &mut Vm, a: Args) -> PyResult {
    let f = this(vm, &a)?;
    if f.lock().closed {
        return Err(closed_err(vm));
    }
    Ok(a.args[0].clone())
}

fn f_next(vm: &mut Vm, a: Args) -> PyResult {
    let text = {
        let f = this(vm, &a)?;
        let mut st = f.lock();
        let text = !f.binary(&st);
        st.no_tell = text;
        text
    };
    let line = f_readline(vm, Args::new(&a.args[..1]))?;
    if vm.len(&line)? == 0 {
        if text {
            this(vm, &a)?.lock().no_tell = false;
        }
        return Err(vm.stop_iteration(None));
    }
    Ok(line)
}

fn f_enter(vm: &mut Vm, a: Args) -> PyResult {
    let f = this(vm, &a)?;
    if f.lock().closed {
        return Err(closed_err(vm));
    }
    Ok(a.args[0].clone())
}

fn f_exit(vm: &mut Vm, a: Args) -> PyResult {
    f_close(vm, Args::new(&a.args[..1]))?;
    Ok(Value::None)
}

fn f_seek(vm: &mut Vm, a: Args) -> PyResult {
    let f = this(vm, &a)?;
    let off = a.args.get(1).and_then(crate::types::int::to_i64).unwrap_or(0);
    let whence = a.args.get(2).and_then(crate::types::int::to_i64).unwrap_or(0);
    let mut st = f.lock();
    if st.closed {
        drop(st);
        return Err(closed_err(vm));
    }
    if !f.binary(&st) {
        let msg = match whence {
            1 if off != 0 => Some("can't do nonzero cur-relative seeks"),
            2 if off != 0 => Some("can't do nonzero end-relative seeks"),
            _ => None,
        };
        if let Some(msg) = msg {
            drop(st);
            return Err(unsupported(vm, msg));
        }
        if !(0..=2).contains(&whence) {
            drop(st);
            return Err(vm.value_error(&format!("invalid whence ({whence}, should be 0, 1 or 2)")));
        }
        if off < 0 {
            drop(st);
            return Err(vm.value_error(&format!("negative seek position {off}")));
        }
    }
    let _ = st.flush();
    let buffered = (st.rbuf.len() - st.rpos) as i64;
    st.rbuf.clear();
    st.rpos = 0;
    st.eof = false;
    let pos = match whence {
        0 => SeekFrom::Start(off.max(0) as u64),
        1 => SeekFrom::Current(off - buffered),
        _ => SeekFrom::End(off),
    };
    let r = match &mut st.handle {
        Handle::File(file) => file.seek(pos),
        _ => Err(std::io::Error::new(std::io::ErrorKind::Unsupported, "underlying stream is not seekable")),
    };
    drop(st);
    match r {
        Ok(p) => Ok(Value::Int(p as i64)),
        Err(e) => Err(vm.os_error_from_io(&e, None)),
    }
}

fn f_tell(vm: &mut Vm, a: Args) -> PyResult {
    let f = this(vm, &a)?;
    let mut st = f.lock();
    if st.no_tell && !f.binary(&st) {
        drop(st);
        return Err(vm.os_error("telling position disabled by next() call"));
    }
    let _ = st.flush();
    let buffered = (st.rbuf.len() - st.rpos) as u64;
    let r = match &mut st.handle {
        Handle::File(file) => file.stream_position().map(|p| p - buffered),
        _ => Err(std::io::Error::new(std::io::ErrorKind::Unsupported, "underlying stream is not seekable")),
    };
    drop(st);
    match r {
        Ok(p) => Ok(Value::Int(p as i64)),
        Err(e) => Err(vm.os_error_from_io(&e, None)),
    }
}

fn f_fileno(vm: &mut Vm, a: Args) -> PyResult {
    use std::os::fd::AsRawFd;
    let f = this(vm, &a)?;
    let st = f.lock();
    let fd = match &st.handle {
        Handle::Stdin => 0,
        Handle::Stdout => 1,
        Handle::Stderr => 2,
        Handle::File(file) => file.as_raw_fd(),
    };
    Ok(Value::Int(fd as i64))
}

fn f_isatty(vm: &mut Vm, a: Args) -> PyResult {
    let fd = f_fileno(vm, a)?;
    let fd = crate::types::int::to_i64(&fd).unwrap_or(-1) as i32;
    // SAFETY: isatty only inspects the descriptor number.
    Ok(Value::Bool(unsafe { libc::isatty(fd) } == 1))
}

fn flag(vm: &mut Vm, a: Args, which: u8) -> PyResult {
    let f = this(vm, &a)?;
    let mut st = f.lock();
    Ok(Value::Bool(match which {
        0 => st.readable,
        1 => st.writable,
        // a pipe or a terminal cannot seek (lseek fails)
        _ => match &mut st.handle {
            Handle::File(file) => file.stream_position().is_ok(),
            _ => false,
        },
    }))
}

fn f_readable(vm: &mut Vm, a: Args) -> PyResult {
    flag(vm, a, 0)
}
fn f_writable(vm: &mut Vm, a: Args) -> PyResult {
    flag(vm, a, 1)
}
fn f_seekable(vm: &mut Vm, a: Args) -> PyResult {
    flag(vm, a, 2)
}

fn f_repr(vm: &mut Vm, a: Args) -> PyResult {
    let f = this(vm, &a)?;
    let (name, mode, binary, enc) = {
        let st = f.lock();
        (st.name.clone(), view_mode(f, &st), f.binary(&st), st.encoding.clone())
    };
    let nr = vm.repr(&name)?;
    let ty = crate::types::type_of(&a.args[0]);
    let cls = ty.type_data().name.clone();
    // The type's name may already carry the module ("_io.TextIOWrapper").
    let cls = if cls.contains('.') { cls.to_string() } else { format!("_io.{cls}") };
    let s = if binary { format!("<{cls} name={nr}>") } else { format!("<{cls} name={nr} mode='{mode}' encoding='{enc}'>") };
    Ok(vm.new_string(s))
}

fn f_getattr(vm: &mut Vm, a: Args) -> PyResult {
    let f = this(vm, &a)?;
    let name = a.args.get(1).and_then(|v| v.as_str()).unwrap_or("").to_string();
    let st = f.lock();
    let v = match name.as_str() {
        "closed" => Value::Bool(st.closed),
        "name" => st.name.clone(),
        "mode" => {
            let m = view_mode(f, &st);
            drop(st);
            return Ok(vm.new_string(m));
        }
        "buffer" if !f.binary(&st) => {
            let (readable, std) = (st.readable, !matches!(st.handle, Handle::File(_)));
            drop(st);
            return buffer_view(vm, &a.args[0], f, readable, std);
        }
        "encoding" if !f.binary(&st) => {
            let e = st.encoding.clone();
            drop(st);
            return Ok(vm.new_string(e));
        }
        "errors" if !f.binary(&st) => {
            drop(st);
            return Ok(vm.new_str("strict"));
        }
        "line_buffering" => Value::Bool(st.line_buffered),
        "newlines" if !f.binary(&st) => {
            let seen = st.seen_nl;
            drop(st);
            let s = |vm: &mut Vm, t: &str| vm.new_str(t);
            return Ok(match seen {
                0 => Value::None,
                NL_LF => s(vm, "\n"),
                NL_CR => s(vm, "\r"),
                NL_CRLF => s(vm, "\r\n"),
                _ => {
                    let mut items = Vec::new();
                    for (bit, t) in [(NL_CR, "\r"), (NL_LF, "\n"), (NL_CRLF, "\r\n")] {
                        if seen & bit != 0 {
                            items.push(s(vm, t));
                        }
                    }
                    crate::types::tuple::new_tuple(items)
                }
            });
        }
        _ => {
            drop(st);
            return Err(vm.no_attribute(&a.args[0], &name));
        }
    };
    Ok(v)
}

/// The mode a file shows: a text file's buffer shows its binary mode ('w' -> 'wb').
fn view_mode(f: &FileObj, st: &FileState) -> String {
    if !f.as_binary {
        return st.mode.clone();
    }
    let mut m: String = st.mode.chars().filter(|c| *c != 't').collect();
    m.push('b');
    m
}

/// `text.buffer`: the binary view sharing the text file's state (made once, kept in the text
/// file's `__dict__`, so `f.buffer is f.buffer`).
fn buffer_view(vm: &mut Vm, text: &Value, f: &FileObj, readable: bool, _std: bool) -> PyResult {
    let cls = if readable { types().buffered_reader.clone() } else { types().buffered_writer.clone() };
    let d = ObjRef::new(types().dict.clone(), Payload::Dict(crate::sync::PyCell::new(crate::object::DictData::new())));
    let view = Value::Obj(ObjRef::new_with_dict(cls, Payload::Native(Box::new(FileObj { state: f.state.clone(), as_binary: true })), d));
    if let Value::Obj(o) = text {
        if let Some(td) = o.instance_dict() {
            let k = vm.new_str("buffer");
            crate::types::dict::dict_set(vm, td, k, view.clone())?;
        }
    }
    Ok(view)
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)`
pub fn open(vm: &mut Vm, a: Args) -> PyResult {
    let names = ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"];
    let mut vals: Vec<Option<Value>> = vec![None; names.len()];
    if a.args.len() > names.len() {
        return Err(vm.type_error(&format!("open() takes at most 8 arguments ({} given)", a.args.len())));
    }
    for (i, v) in a.args.iter().enumerate() {
        vals[i] = Some(v.clone());
    }
    for (k, v) in a.kwargs {
        let k = k.as_str().unwrap_or("");
        match names.iter().position(|n| *n == k) {
            Some(i) => vals[i] = Some(v.clone()),
            None => return Err(vm.type_error(&format!("'{k}' is an invalid keyword argument for open()"))),
        }
    }
    let Some(file) = vals[0].clone() else { return Err(vm.type_error("open() missing required argument 'file' (pos 1)")) };
    // An int is a file descriptor the file object takes over (CPython's `FileIO(fd)`).
    let fd = match &file {
        Value::Int(i) => Some(*i),
        Value::Bool64(b) => Some(b.get() as i64),
        _ => None,
    };
    let closefd = match &vals[6] {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let path = match fd {
        Some(_) => String::new(),
        None => match file.as_str() {
            Some(s) => s.to_string(),
            None => match crate::types::bytes::bytes_like(&file) {
                Some(b) => String::from_utf8_lossy(&b).into_owned(),
                None => {
                    if let Some(p) = vm.call_special(&file, "__fspath__", &[])? {
                        vm.to_str(&p)?
                    } else {
                        let tn = vm.type_name(&file);
                        return Err(vm.type_error(&format!("expected str, bytes or os.PathLike object, not {tn}")));
                    }
                }
            },
        },
    };
    let mode = match &vals[1] {
        Some(m) => match m.as_str() {
            Some(s) => s.to_string(),
            None => {
                let tn = vm.type_name(m);
                return Err(vm.type_error(&format!("open() argument 'mode' must be str, not {tn}")));
            }
        },
        None => "r".to_string(),
    };
    let encoding = match &vals[3] {
        None => None,
        Some(v) if v.is_none() => None,
        Some(v) => match v.as_str() {
            Some(e) => Some(e.to_string()),
            None => {
                let tn = vm.type_name(v);
                return Err(vm.type_error(&format!("open() argument 'encoding' must be str or None, not {tn}")));
            }
        },
    };
    let errors = vals[4].clone().filter(|v| !v.is_none());
    let newline = vals[5].clone().filter(|v| !v.is_none());
    for (what, v) in [("errors", &errors), ("newline", &newline)] {
        if let Some(v) = v {
            if v.as_str().is_none() {
                let tn = vm.type_name(v);
                return Err(vm.type_error(&format!("open() argument '{what}' must be str or None, not {tn}")));
            }
        }
    }
    // The native text layer does UTF-8, strict errors and universal newlines; anything else
    // is `_streams.TextIOWrapper` over a native binary file.
    let native_text = encoding.as_deref().is_none_or(|e| e == "locale" || matches!(e.to_ascii_lowercase().replace('_', "-").as_str(), "utf-8" | "utf8"))
        && errors.as_ref().is_none_or(|e| e.as_str() == Some("strict"))
        && newline.is_none();
    let mut kind = None;
    let (mut plus, mut binary, mut text) = (false, false, false);
    for c in mode.chars() {
        match c {
            'r' | 'w' | 'a' | 'x' => {
                if kind.is_some() {
                    return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
                }
                kind = Some(c)
            }
            '+' => plus = true,
            'b' => binary = true,
            't' => text = true,
            _ => return Err(vm.value_error(&format!("invalid mode: '{mode}'"))),
        }
    }
    if binary && text {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    let Some(kind) = kind else { return Err(vm.value_error("Must have exactly one of create/read/write/append mode and at most one plus")) };
    if binary && encoding.is_some() {
        return Err(vm.value_error("binary mode doesn't take an encoding argument"));
    }
    if binary && errors.is_some() {
        return Err(vm.value_error("binary mode doesn't take an errors argument"));
    }
    if binary && newline.is_some() {
        return Err(vm.value_error("binary mode doesn't take a newline argument"));
    }
    let text_mode = mode.clone();
    let wrap = !binary && !native_text;
    let binary = binary || wrap;
    if fd.is_none() && !closefd {
        return Err(vm.value_error("Cannot use closefd=False with file name"));
    }
    let buffering = match &vals[2] {
        Some(v) if !v.is_none() => crate::stdlib::posix::to_int(vm, v)?,
        _ => -1,
    };
    if buffering == 0 && !binary {
        return Err(vm.value_error("can't have unbuffered text I/O"));
    }
    let opener = vals[7].clone().filter(|v| !v.is_none());
    let f = match (fd, opener) {
        (Some(fd), _) => file_from_fd(vm, fd)?,
        (None, Some(opener)) => {
            // opener(file, flags) returns the descriptor to use.
            let flags = libc::O_CLOEXEC
                | match (kind, plus) {
                    ('r', false) => libc::O_RDONLY,
                    (_, true) => libc::O_RDWR,
                    _ => libc::O_WRONLY,
                }
                | match kind {
                    'w' => libc::O_CREAT | libc::O_TRUNC,
                    'a' => libc::O_CREAT | libc::O_APPEND,
                    'x' => libc::O_CREAT | libc::O_EXCL,
                    _ => 0,
                };
            let r = vm.call(&opener, &[file.clone(), Value::Int(flags as i64)], &[])?;
            let n = match crate::types::int::to_i64(&r) {
                Some(n) => n,
                None => return Err(vm.type_error("expected integer from opener")),
            };
            if n < 0 {
                return Err(vm.value_error(&format!("opener returned {n}")));
            }
            file_from_fd(vm, n)?
        }
        (None, None) => open_path(vm, &path, kind, plus)?,
    };
    if f.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        if !closefd {
            use std::os::fd::IntoRawFd;
            let _ = f.into_raw_fd();
        }
        let e = std::io::Error::from_raw_os_error(libc::EISDIR);
        return Err(vm.os_error_from_io(&e, if fd.is_none() { Some(&path) } else { None }));
    }
    let mut f = f;
    if kind == 'a' {
        // as CPython's FileIO: an appending file starts at its end (tell() shows the size)
        let _ = f.seek(SeekFrom::End(0));
    }
    let readable = kind == 'r' || plus;
    let writable = kind != 'r' || plus;
    let cls = if !binary {
        types().text_io.clone()
    } else if writable && !readable {
        types().buffered_writer.clone()
    } else {
        types().buffered_reader.clone()
    };
    // buffering=1 (text): line buffered.
    let line_buffered = buffering == 1 && !binary;
    // A binary file's mode is its raw FileIO's, normalised as CPython's ('w+b' -> 'rb+').
    let mode = if !binary {
        mode
    } else {
        let m = match kind {
            'x' => "xb",
            'a' => "ab",
            'r' if !plus => "rb",
            'w' if !plus => "wb",
            _ => "rb",
        };
        format!("{m}{}", if plus { "+" } else { "" })
    };
    let enc_name = match &encoding {
        Some(e) if e != "locale" => e.clone(),
        _ => "UTF-8".to_string(),
    };
    let st = FileState { handle: Handle::File(f), tpending: Vec::new(), wbuf: Vec::new(), rbuf: Vec::new(), rpos: 0, eof: false, binary, readable, writable, closed: false, line_buffered, name: file.clone(), mode: mode.clone(), closefd, write_through: buffering == 0, encoding: enc_name, no_tell: false, seen_nl: 0 };
    let fv = new_file_value(&cls, st);
    if !wrap {
        return Ok(fv);
    }
    let streams = crate::import::import_full(vm, "_streams")?;
    let tw = vm.get_attr_str(&streams, "TextIOWrapper")?;
    let enc = match &encoding {
        Some(e) => vm.new_str(e),
        None => Value::None,
    };
    let lb = Value::Bool(buffering == 1);
    let text = vm.call(&tw, &[fv, enc, errors.unwrap_or(Value::None), newline.unwrap_or(Value::None), lb], &[])?;
    let m = vm.new_string(text_mode);
    vm.set_attr_str(&text, "mode", m)?;
    Ok(text)
}

/// A `File` over descriptor `fd` (which must be open: EBADF otherwise, as CPython's fstat check).
fn file_from_fd(vm: &mut Vm, fd: i64) -> PyResult<std::fs::File> {
    use std::os::fd::FromRawFd;
    if fd < 0 {
        return Err(vm.value_error("negative file descriptor"));
    }
    let Ok(fd) = i32::try_from(fd) else { return Err(vm.overflow_error("fd is greater than maximum")) };
    // SAFETY: fcntl(F_GETFD) only queries the descriptor.
    if unsafe { libc::fcntl(fd, libc::F_GETFD) } < 0 {
        return Err(crate::stdlib::posix::os_error(vm, libc::EBADF));
    }
    // SAFETY: the descriptor is open; the file object owns it from now on (or gives it back
    // without closing when `closefd=False`, see `FileState::release_handle`).
    Ok(unsafe { std::fs::File::from_raw_fd(fd) })
}

fn open_path(vm: &mut Vm, path: &str, kind: char, plus: bool) -> PyResult<std::fs::File> {
    let mut oo = std::fs::OpenOptions::new();
    match kind {
        'r' => {
            oo.read(true).write(plus);
        }
        'w' => {
            oo.write(true).create(true).truncate(true).read(plus);
        }
        'a' => {
            oo.append(true).create(true).read(plus);
        }
        _ => {
            oo.write(true).create_new(true).read(plus);
        }
    }
    match oo.open(path) {
        Ok(f) => Ok(f),
        Err(e) => Err(vm.os_error_from_io(&e, Some(path))),
    }
}

pub fn init_types() {
    let t = types();
    for ty in [&t.text_io, &t.buffered_reader, &t.buffered_writer] {
        add_methods(
            ty,
            &[
                ("write", f_write),
                ("flush", f_flush),
                ("close", f_close),
                ("read", f_read),
                ("readline", f_readline),
                ("read1", f_read1),
                ("readlines", f_readlines),
                ("writelines", f_writelines),
                ("__iter__", f_iter),
                ("__next__", f_next),
                ("__enter__", f_enter),
                ("__exit__", f_exit),
                ("seek", f_seek),
                ("tell", f_tell),
                ("fileno", f_fileno),
                ("isatty", f_isatty),
                ("readable", f_readable),
                ("writable", f_writable),
                ("seekable", f_seekable),
                ("__repr__", f_repr),
                ("__getattr__", f_getattr),
            ],
        );
    }
}
