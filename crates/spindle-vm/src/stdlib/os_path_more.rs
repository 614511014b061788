//! The rest of `os.path` (`posixpath`) and `os.stat`: path algebra (commonprefix,
//! commonpath, relpath, normcase, splitdrive, expandvars), symlink-aware tests (islink,
//! lexists, realpath, samefile, ismount) and file times, on top of `os.stat_result`.

use crate::object::ObjRef;
use crate::stdlib::os::normpath;
use crate::stdlib::set_attr;
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};
use std::os::unix::fs::MetadataExt;
use std::sync::OnceLock;

fn path_arg(vm: &mut Vm, a: &Args, i: usize, name: &str) -> PyResult<String> {
    let Some(v) = a.args.get(i) else { return Err(vm.type_error(&format!("{name}() missing required argument 'path' (pos {})", i + 1))) };
    crate::stdlib::os::fspath_str(vm, v)
}

fn cwd() -> String {
    std::env::current_dir().map(|d| d.to_string_lossy().into_owned()).unwrap_or_default()
}

fn abspath(p: &str) -> String {
    if p.starts_with('/') {
        normpath(p)
    } else {
        normpath(&format!("{}/{p}", cwd()))
    }
}

// ----- os.stat -----

const STAT_FIELDS: &[&str] = &[
    "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime", "st_mtime", "st_ctime",
    // Not in the tuple (the names above at 7..10 are the integer times):
    "st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns", "st_blksize", "st_blocks", "st_rdev",
];

/// The `os.stat_result` type (created once).
static STAT_RESULT: OnceLock<ObjRef> = OnceLock::new();

fn stat_result_type(vm: &mut Vm) -> PyResult<ObjRef> {
    if let Some(t) = STAT_RESULT.get() {
        return Ok(t.clone());
    }
    let t = crate::stdlib::structseq::new_type(vm, "os", "stat_result", STAT_FIELDS, 10)?;
    Ok(STAT_RESULT.get_or_init(|| t).clone())
}

pub(crate) fn stat_value(vm: &mut Vm, md: &std::fs::Metadata) -> PyResult {
    let ns = |s: i64, n: i64| (s as i128) * 1_000_000_000 + n as i128;
    let big = |v: i128| crate::types::int::from_bigint(num_bigint::BigInt::from(v));
    let vals = vec![
        Value::Int(md.mode() as i64),
        Value::Int(md.ino() as i64),
        Value::Int(md.dev() as i64),
        Value::Int(md.nlink() as i64),
        Value::Int(md.uid() as i64),
        Value::Int(md.gid() as i64),
        Value::Int(md.size() as i64),
        Value::Int(md.atime()),
        Value::Int(md.mtime()),
        Value::Int(md.ctime()),
        Value::Float(md.atime() as f64 + md.atime_nsec() as f64 * 1e-9),
        Value::Float(md.mtime() as f64 + md.mtime_nsec() as f64 * 1e-9),
        Value::Float(md.ctime() as f64 + md.ctime_nsec() as f64 * 1e-9),
        big(ns(md.atime(), md.atime_nsec())),
        big(ns(md.mtime(), md.mtime_nsec())),
        big(ns(md.ctime(), md.ctime_nsec())),
        Value::Int(md.blksize() as i64),
        Value::Int(md.blocks() as i64),
        Value::Int(md.rdev() as i64),
    ];
    let cls = stat_result_type(vm)?;
    crate::stdlib::structseq::make(vm, &cls, vals)
}

fn follow_kw(vm: &mut Vm, a: &Args) -> PyResult<bool> {
    match a.kw("follow_symlinks") {
        Some(v) => vm.truthy(v),
        None => Ok(true),
    }
}

fn stat(vm: &mut Vm, a: Args) -> PyResult {
    let p = path_arg(vm, &a, 0, "stat")?;
    let md = if follow_kw(vm, &a)? { std::fs::metadata(&p) } else { std::fs::symlink_metadata(&p) };
    let md = md.map_err(|e| vm.os_error_from_io(&e, Some(&p)))?;
    stat_value(vm, &md)
}

fn lstat(vm: &mut Vm, a: Args) -> PyResult {
    let p = path_arg(vm, &a, 0, "lstat")?;
    let md = std::fs::symlink_metadata(&p).map_err(|e| vm.os_error_from_io(&e, Some(&p)))?;
    stat_value(vm, &md)
}

fn readlink(vm: &mut Vm, a: Args) -> PyResult {
    let p = path_arg(vm, &a, 0, "readlink")?;
    let t = std::fs::read_link(&p).map_err(|e| vm.os_error_from_io(&e, Some(&p)))?;
    Ok(vm.new_string(t.to_string_lossy().into_owned()))
}

fn symlink(vm: &mut Vm, a: Args) -> PyResult {
    let src = path_arg(vm, &a, 0, "symlink")?;
    let dst = path_arg(vm, &a, 1, "symlink")?;
    std::os::unix::fs::symlink(&src, &dst).map_err(|e| vm.os_error_from_io(&e, Some(&src)))?;
    Ok(Value::None)
}

// ----- os.path -----

fn p_islink(vm: &mut Vm, a: Args) -> PyResult {
    let p = path_arg(vm, &a, 0, "islink")?;
    Ok(Value::Bool(std::fs::symlink_metadata(&p).map(|m| m.file_type().is_symlink()).unwrap_or(false)))
}

fn p_lexists(vm: &mut Vm, a: Args) -> PyResult {
    let p = path_arg(vm, &a, 0, "lexists")?;
    Ok(Value::Bool(std::fs::symlink_metadata(&p).is_ok()))
}

fn file_time(vm: &mut Vm, a: &Args, name: &str, which: u8) -> PyResult {
    let p = path_arg(vm, a, 0, name)?;
    let md = std::fs::metadata(&p).map_err(|e| vm.os_error_from_io(&e, Some(&p)))?;
    let (s, n) = match which {
        0 => (md.atime(), md.atime_nsec()),
        1 => (md.mtime(), md.mtime_nsec()),
        _ => (md.ctime(), md.ctime_nsec()),
    };
    Ok(Value::Float(s as f64 + n as f64 * 1e-9))
}
fn p_getatime(vm: &mut Vm, a: Args) -> PyResult {
    file_time(vm, &a, "getatime", 0)
}
fn p_getmtime(vm: &mut Vm, a: Args) -> PyResult {
    file_time(vm, &a, "getmtime", 1)
}
fn p_getctime(vm: &mut Vm, a: Args) -> PyResult {
    file_time(vm, &a, "getctime", 2)
}

fn p_samefile(vm: &mut Vm, a: Args) -> PyResult {
    let p1 = path_arg(vm, &a, 0, "samefile")?;
    let p2 = path_arg(vm, &a, 1, "samefile")?;
    let m1 = std::fs::metadata(&p1).map_err(|e| vm.os_error_from_io(&e, Some(&p1)))?;
    let m2 = std::fs::metadata(&p2).map_err(|e| vm.os_error_from_io(&e, Some(&p2)))?;
    Ok(Value::Bool(m1.ino() == m2.ino() && m1.dev() == m2.dev()))
}

/// A mount point: a directory whose parent is on another device or is the same inode.
fn p_ismount(vm: &mut Vm, a: Args) -> PyResult {
    let p = path_arg(vm, &a, 0, "ismount")?;
    let Ok(m) = std::fs::symlink_metadata(&p) else { return Ok(Value::Bool(false)) };
    if m.file_type().is_symlink() || !m.is_dir() {
        return Ok(Value::Bool(false));
    }
    let parent = format!("{}/..", p.trim_end_matches('/'));
    let Ok(pm) = std::fs::symlink_metadata(&parent) else { return Ok(Value::Bool(false)) };
    Ok(Value::Bool(m.dev() != pm.dev() || m.ino() == pm.ino()))
}

fn p_normcase(vm: &mut Vm, a: Args) -> PyResult {
    let Some(v) = a.args.first() else { return Err(vm.type_error("normcase() missing 1 required positional argument: 's'")) };
    // POSIX: the path unchanged (bytes stay bytes); path-like objects give their fspath.
    if v.as_str().is_some() || matches!(v, Value::Obj(o) if matches!(o.payload, crate::object::Payload::Bytes(_))) {
        return Ok(v.clone());
    }
    if let Some(r) = vm.call_special(v, "__fspath__", &[])? {
        if r.as_str().is_some() || matches!(&r, Value::Obj(o) if matches!(o.payload, crate::object::Payload::Bytes(_))) {
            return Ok(r);
        }
    }
    let s = crate::stdlib::os::fspath_str(vm, v)?;
    Ok(vm.new_string(s))
}

fn p_splitdrive(vm: &mut Vm, a: Args) -> PyResult {
    let p = path_arg(vm, &a, 0, "splitdrive")?;
    let items = vec![vm.new_str(""), vm.new_string(p)];
    Ok(crate::types::tuple::new_tuple(items))
}

fn str_list(vm: &mut Vm, v: &Value) -> PyResult<Vec<String>> {
    let items = vm.collect(v)?;
    let mut out = Vec::with_capacity(items.len());
    for x in &items {
        out.push(crate::stdlib::os::fspath_str(vm, x)?);
    }
    Ok(out)
}

/// `commonprefix(list)`: the longest common leading string (character by character).
fn p_commonprefix(vm: &mut Vm, a: Args) -> PyResult {
    let Some(v) = a.args.first() else { return Err(vm.type_error("commonprefix() missing 1 required positional argument: 'm'")) };
    let items = str_list(vm, v)?;
    let (Some(lo), Some(hi)) = (items.iter().min(), items.iter().max()) else { return Ok(vm.new_str("")) };
    let n = lo.chars().zip(hi.chars()).take_while(|(x, y)| x == y).count();
    let prefix: String = lo.chars().take(n).collect();
    Ok(vm.new_string(prefix))
}

/// `commonpath(paths)`: the longest common sub-path (component-wise).
fn p_commonpath(vm: &mut Vm, a: Args) -> PyResult {
    let Some(v) = a.args.first() else { return Err(vm.type_error("commonpath() missing 1 required positional argument: 'paths'")) };
    let items = str_list(vm, v)?;
    if items.is_empty() {
        return Err(vm.value_error("commonpath() arg is an empty sequence"));
    }
    let abs: Vec<bool> = items.iter().map(|p| p.starts_with('/')).collect();
    if abs.iter().any(|&x| x != abs[0]) {
        return Err(vm.value_error("Can't mix absolute and relative paths"));
    }
    let split: Vec<Vec<&str>> = items.iter().map(|p| p.split('/').filter(|c| !c.is_empty() && *c != ".").collect()).collect();
    let (Some(lo), Some(hi)) = (split.iter().min(), split.iter().max()) else { return Ok(vm.new_str("")) };
    let n = lo.iter().zip(hi.iter()).take_while(|(x, y)| x == y).count();
    let prefix = if abs[0] { "/" } else { "" };
    Ok(vm.new_string(format!("{prefix}{}", lo[..n].join("/"))))
}

/// `relpath(path, start=os.curdir)`.
fn p_relpath(vm: &mut Vm, a: Args) -> PyResult {
    let p = path_arg(vm, &a, 0, "relpath")?;
    if p.is_empty() {
        return Err(vm.value_error("no path specified"));
    }
    let start = match a.args.get(1).or_else(|| a.kw("start")) {
        Some(Value::None) | None => ".".to_string(),
        Some(s) => crate::stdlib::os::fspath_str(vm, s)?,
    };
    let sp = abspath(&start);
    let pp = abspath(&p);
    let sl: Vec<&str> = sp.split('/').filter(|c| !c.is_empty()).collect();
    let pl: Vec<&str> = pp.split('/').filter(|c| !c.is_empty()).collect();
    let i = sl.iter().zip(pl.iter()).take_while(|(x, y)| x == y).count();
    let mut rel: Vec<&str> = vec![".."; sl.len() - i];
    rel.extend_from_slice(&pl[i..]);
    if rel.is_empty() {
        return Ok(vm.new_str("."));
    }
    Ok(vm.new_string(rel.join("/")))
}

/// `expandvars(path)`: `$name` and `${name}` replaced by environment variables when set.
fn p_expandvars(vm: &mut Vm, a: Args) -> PyResult {
    let p = path_arg(vm, &a, 0, "expandvars")?;
    if !p.contains('$') {
        return Ok(vm.new_string(p));
    }
    let chars: Vec<char> = p.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let is_name = |c: char| c.is_ascii_alphanumeric() || c == '_';
    while i < chars.len() {
        if chars[i] != '$' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let (name, end) = if i + 1 < chars.len() && chars[i + 1] == '{' {
            match chars[i + 2..].iter().position(|&c| c == '}') {
                Some(k) => (chars[i + 2..i + 2 + k].iter().collect::<String>(), i + 3 + k),
                None => (String::new(), i + 1),
            }
        } else {
            let k = chars[i + 1..].iter().take_while(|&&c| is_name(c)).count();
            (chars[i + 1..i + 1 + k].iter().collect::<String>(), i + 1 + k)
        };
        match (!name.is_empty()).then(|| std::env::var(&name).ok()).flatten() {
            Some(v) => {
                out.push_str(&v);
                i = end;
            }
            None => {
                out.push('$');
                i += 1;
            }
        }
    }
    Ok(vm.new_string(out))
}

/// `realpath(path)`: symlinks resolved component by component; a missing component ends the
/// resolution and the rest is appended (CPython's non-strict mode).
fn p_realpath(vm: &mut Vm, a: Args) -> PyResult {
    let p = path_arg(vm, &a, 0, "realpath")?;
    let mut resolved = String::from("/");
    let mut pending: Vec<String> = abspath(&p).split('/').filter(|c| !c.is_empty()).map(|s| s.to_string()).rev().collect();
    let mut links = 0;
    while let Some(c) = pending.pop() {
        if c == "." {
            continue;
        }
        if c == ".." {
            resolved = crate::stdlib::os::normpath(&format!("{resolved}/.."));
            continue;
        }
        let next = if resolved.ends_with('/') { format!("{resolved}{c}") } else { format!("{resolved}/{c}") };
        match std::fs::read_link(&next) {
            Ok(target) if links < 40 => {
                links += 1;
                let t = target.to_string_lossy().into_owned();
                if t.starts_with('/') {
                    resolved = "/".to_string();
                }
                for part in t.split('/').filter(|x| !x.is_empty()).rev() {
                    pending.push(part.to_string());
                }
            }
            _ => resolved = next,
        }
    }
    Ok(vm.new_string(resolved))
}

pub fn add_to_os(vm: &mut Vm, m: &ObjRef) {
    for (n, f) in [("stat", stat as crate::NativeFn), ("lstat", lstat), ("readlink", readlink), ("symlink", symlink)] {
        let v = crate::builtins::native_function(n, f, "os");
        set_attr(vm, m, n, v);
    }
    if let Ok(t) = stat_result_type(vm) {
        set_attr(vm, m, "stat_result", Value::Obj(t));
    }
}

pub fn add_to_path(vm: &mut Vm, m: &ObjRef) {
    let fns: &[(&'static str, crate::NativeFn)] = &[
        ("islink", p_islink),
        ("lexists", p_lexists),
        ("getatime", p_getatime),
        ("getmtime", p_getmtime),
        ("getctime", p_getctime),
        ("samefile", p_samefile),
        ("ismount", p_ismount),
        ("normcase", p_normcase),
        ("splitdrive", p_splitdrive),
        ("commonprefix", p_commonprefix),
        ("commonpath", p_commonpath),
        ("relpath", p_relpath),
        ("expandvars", p_expandvars),
        ("realpath", p_realpath),
    ];
    for (n, f) in fns {
        let v = crate::builtins::native_function(n, *f, "posixpath");
        set_attr(vm, m, n, v);
    }
    for (k, v) in [("extsep", "."), ("defpath", "/bin:/usr/bin")] {
        let v = vm.new_str(v);
        set_attr(vm, m, k, v);
    }
    set_attr(vm, m, "altsep", Value::None);
    set_attr(vm, m, "supports_unicode_filenames", Value::Bool(false));
}
