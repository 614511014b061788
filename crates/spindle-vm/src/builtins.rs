//! The `builtins` module: builtin functions, and the builtin types and exceptions by name.

use crate::object::{ObjRef, Payload};
use crate::types::{self, type_of, types};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, NativeFn, PyErr, PyResult};
use num_bigint::BigInt;
use spindle_compiler::bytecode::{BinOp, CmpOp};

fn check_args(vm: &mut Vm, a: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    if !a.kwargs.is_empty() {
        return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
    }
    let n = a.args.len();
    if n < min || n > max {
        let msg = if min == max {
            if min == 1 {
                format!("{name}() takes exactly one argument ({n} given)")
            } else {
                format!("{name} expected {min} arguments, got {n}")
            }
        } else if n < min {
            format!("{name} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
        } else {
            format!("{name} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
        };
        return Err(vm.type_error(&msg));
    }
    Ok(())
}

fn not_impl() -> Value {
    Value::Obj(types().not_implemented_obj.clone())
}

// ----- class creation -----

fn build_class(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let func = a.args[0].clone();
    let Value::Obj(fo) = &func else { return Err(vm.type_error("__build_class__: func must be a function")) };
    let Payload::Function(fd) = &fo.payload else { return Err(vm.type_error("__build_class__: func must be a function")) };
    let name = a.args[1].clone();
    if name.as_str().is_none() {
        return Err(vm.type_error("__build_class__: name is not a string"));
    }
    // PEP 560: a base that is not a class may stand for others (`__mro_entries__`).
    let orig_bases: Vec<Value> = a.args[2..].to_vec();
    let mut bases: Vec<Value> = Vec::with_capacity(orig_bases.len());
    let mut replaced = false;
    for b in &orig_bases {
        let is_type = matches!(b, Value::Obj(o) if o.as_type().is_some());
        let entries = if is_type { None } else { vm.get_attr_opt(b, "__mro_entries__")? };
        match entries {
            Some(m) => {
                let orig_t = crate::types::tuple::new_tuple(orig_bases.clone());
                let r = vm.call(&m, &[orig_t], &[])?;
                match crate::types::tuple::tuple_items(&r) {
                    Some(items) => bases.extend(items.iter().cloned()),
                    None => return Err(vm.type_error("__mro_entries__ must return a tuple")),
                }
                replaced = true;
            }
            None => bases.push(b.clone()),
        }
    }
    let mut meta: Option<Value> = None;
    let mut kwargs: Vec<(Value, Value)> = Vec::new();
    for (k, v) in a.kwargs {
        if k.as_str() == Some("metaclass") {
            meta = Some(v.clone());
        } else {
            kwargs.push((k.clone(), v.clone()));
        }
    }
    // The most derived metaclass among the explicit one and the bases' types.
    let is_class = meta.as_ref().map(|m| matches!(m, Value::Obj(o) if o.as_type().is_some())).unwrap_or(true);
    let mut winner = match &meta {
        Some(m) => m.clone(),
        None => match bases.first() {
            Some(b) => Value::Obj(type_of(b).clone()),
            None => Value::Obj(types().type_.clone()),
        },
    };
    if is_class {
        for b in &bases {
            let bt = type_of(b).clone();
            let Value::Obj(w) = &winner else { break };
            if types::is_subtype(w, &bt) {
                continue;
            }
            if types::is_subtype(&bt, w) {
                winner = Value::Obj(bt);
                continue;
            }
            return Err(vm.type_error("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases"));
        }
    }
    let bases_t = crate::types::tuple::new_tuple(bases);
    let ns = match vm.get_attr_opt(&winner, "__prepare__")? {
        Some(p) => vm.call(&p, &[name.clone(), bases_t.clone()], &kwargs)?,
        None => Value::Obj(vm.new_dict()),
    };
    let mut frame = vm.function_frame(fo, fd, &[], &[])?;
    frame.locals = Some(ns.clone());
    let cell = vm.run_frame(frame)?;
    if replaced {
        let k = vm.new_str("__orig_bases__");
        vm.setitem(&ns, &k, crate::types::tuple::new_tuple(orig_bases))?;
    }
    let cls = vm.call(&winner, &[name, bases_t, ns], &kwargs)?;
    if let Value::Obj(c) = &cell {
        if matches!(c.payload, Payload::Cell(_)) {
            crate::eval::cell_set(c, cls.clone());
        }
    }
    Ok(cls)
}

// ----- printing and conversion -----

fn print(vm: &mut Vm, a: Args) -> PyResult {
    let mut sep = None;
    let mut end = None;
    let mut file = None;
    let mut flush = false;
    for (k, v) in a.kwargs {
        match k.as_str() {
            Some("sep") => sep = Some(v.clone()).filter(|v| !v.is_none()),
            Some("end") => end = Some(v.clone()).filter(|v| !v.is_none()),
            Some("file") => file = Some(v.clone()).filter(|v| !v.is_none()),
            Some("flush") => flush = vm.truthy(v)?,
            Some(o) => return Err(vm.type_error(&format!("'{o}' is an invalid keyword argument for print()"))),
            None => return Err(vm.type_error("keywords must be strings")),
        }
    }
    let check = |vm: &mut Vm, v: &Option<Value>, what: &str| -> PyResult<()> {
        if let Some(v) = v {
            if v.as_str().is_none() {
                let tn = vm.type_name(v);
                return Err(vm.type_error(&format!("{what} must be None or a string, not {tn}")));
            }
        }
        Ok(())
    };
    check(vm, &sep, "sep")?;
    check(vm, &end, "end")?;
    let sep_s = sep.as_ref().and_then(|s| s.as_str()).unwrap_or(" ").to_string();
    let end_s = end.as_ref().and_then(|s| s.as_str()).unwrap_or("\n").to_string();
    if let Some(f) = file {
        // A file object gets one write() per piece, as CPython's print does.
        for (i, v) in a.args.iter().enumerate() {
            if i > 0 {
                let s = vm.new_str(&sep_s);
                vm.call_method(&f, "write", &[s])?;
            }
            let s = vm.str_value(v)?;
            vm.call_method(&f, "write", &[s])?;
        }
        let s = vm.new_str(&end_s);
        vm.call_method(&f, "write", &[s])?;
        if flush {
            vm.call_method(&f, "flush", &[])?;
        }
        return Ok(Value::None);
    }
    let mut out = String::new();
    for (i, v) in a.args.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep_s);
        }
        match vm.to_str(v) {
            Ok(s) => out.push_str(&s),
            Err(e) => {
                // What was printed before the failing argument still reaches stdout.
                crate::stdlib::sys::write_stdout(vm, &out)?;
                return Err(e);
            }
        }
    }
    out.push_str(&end_s);
    crate::stdlib::sys::write_stdout(vm, &out)?;
    if flush {
        crate::stdlib::sys::flush_stdout(vm)?;
    }
    Ok(Value::None)
}

/// A builtin CPython defines as METH_O: its call holds a " while calling a Python object"
/// recursion guard (which decides the RecursionError message in deep recursion).
fn meth_o_call(vm: &mut Vm, f: impl FnOnce(&mut Vm) -> PyResult) -> PyResult {
    vm.enter_guard(" while calling a Python object")?;
    let r = f(vm);
    vm.leave_guard();
    r
}

fn repr(vm: &mut Vm, a: Args) -> PyResult {
    check_args(vm, &a, "repr", 1, 1)?;
    meth_o_call(vm, |vm| vm.repr_value(&a.args[0]))
}

fn ascii(vm: &mut Vm, a: Args) -> PyResult {
    check_args(vm, &a, "ascii", 1, 1)?;
    let r = vm.repr(&a.args[0])?;
    Ok(vm.new_string(crate::format::ascii_escape(&r)))
}

fn format(vm: &mut Vm, a: Args) -> PyResult {
    check_args(vm, &a, "format", 1, 2)?;
    let spec = match a.args.get(1) {
        Some(s) => match s.as_str() {
            Some(x) => x.to_string(),
            None => {
                let tn = vm.type_name(s);
                return Err(vm.type_error(&format!("format() argument 2 must be str, not {tn}")));
            }
        },
        None => String::new(),
    };
    crate::format::format_value(vm, &a.args[0], &spec)
}

fn len(vm: &mut Vm, a: Args) -> PyResult {
    check_args(vm, &a, "len", 1, 1)?;
    Ok(Value::Int(vm.len(&a.args[0])? as i64))
}

fn abs(vm: &mut Vm, a: Args) -> PyResult {
    check_args(vm, &a, "abs", 1, 1)?;
    let v = &a.args[0];
    match v {
        Value::Int(i) => Ok(match i.checked_abs() {
            Some(x) => Value::Int(x),
            None => crate::types::int::from_bigint(-BigInt::from(*i)),
        }),
        Value::Bool64(b) => Ok(Value::Int(b.get() as i64)),
        Value::Float64(f) => Ok(Value::Float(f.get().abs())),
        Value::Obj(o) if o.cls_data().builtin && matches!(o.payload, Payload::Int(_)) => {
            let b = crate::types::int::to_bigint(v).unwrap_or_default();
            Ok(crate::types::int::from_bigint(if b.sign() == num_bigint::Sign::Minus { -b } else { b }))
        }
        _ => match vm.call_special(v, "__abs__", &[])? {
            Some(r) => Ok(r),
            None => {
                let tn = vm.type_name(v);
                Err(vm.type_error(&format!("bad operand type for abs(): '{tn}'")))
            }
        },
    }
}

fn all(vm: &mut Vm, a: Args) -> PyResult {
    check_args(vm, &a, "all", 1, 1)?;
    let it = vm.iter(&a.args[0])?;
    while let Some(x) = vm.next(&it)? {
        if !vm.truthy(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn any(vm: &mut Vm, a: Args) -> PyResult {
    check_args(vm, &a, "any", 1, 1)?;
    let it = vm.iter(&a.args[0])?;
    while let Some(x) = vm.next(&it)? {
        if vm.truthy(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn int_radix(vm: &mut Vm, a: &Args, name: &str, radix: u32, prefix: &str) -> PyResult {
    check_args(vm, a, name, 1, 1)?;
    let b = crate::ops::index_value(vm, &a.args[0]).map_err(|_| {
        let tn = vm.type_name(&a.args[0]);
        vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer"))
    })?;
    let (neg, mag) = if b.sign() == num_bigint::Sign::Minus { ("-", -b) } else { ("", b) };
    Ok(vm.new_string(format!("{neg}{prefix}{}", mag.to_str_radix(radix))))
}

fn bin(vm: &mut Vm, a: Args) -> PyResult {
    int_radix(vm, &a, "bin", 2, "0b")
}
fn oct(vm: &mut Vm, a: Args) -> PyResult {
    int_radix(vm, &a, "oct", 8, "0o")
}
fn hex(vm: &mut Vm, a: Args) -> PyResult {
    int_radix(vm, &a, "hex", 16, "0x")
}

fn callable(vm: &mut Vm, a: Args) -> PyResult {
    check_args(vm, &a, "callable", 1, 1)?;
    Ok(Value::Bool(is_callable(&a.args[0])))
}

pub fn is_callable(v: &Value) -> bool {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Function(_) | Payload::Builtin { .. } | Payload::Method { .. } | Payload::Type(_) => true,
            _ => types::lookup(&o.cls, "__call__").is_some(),
        },
        _ => false,
    }
}

fn chr(vm: &mut Vm, a: Args) -> PyResult {
    check_args(vm, &a, "chr", 1, 1)?;
    let i = crate::types::int::as_c_int(vm, &a.args[0])?;
    if !(0..=0x10ffff).contains(&i) {
        return Err(vm.value_error("chr() arg not in range(0x110000)"));
    }
    match char::from_u32(i as u32) {
        Some(c) => Ok(vm.new_string(c.to_string())),
        None => Err(vm.value_error("chr() arg is a surrogate, which Spindle's UTF-8 strings cannot hold")),
    }
}

fn ord(vm: &mut Vm, a: Args) -> PyResult {
    check_args(vm, &a, "ord", 1, 1)?;
    let v = &a.args[0];
    if let Some(s) = v.as_pystr() {
        if s.char_len() != 1 {
            return Err(vm.type_error(&format!("ord() expected a character, but string of length {} found", s.char_len())));
        }
        return Ok(Value::Int(s.as_str().chars().next().map(|c| c as i64).unwrap_or(0)));
    }
    if let Some(b) = crate::types::bytes::bytes_like(v) {
        if b.len() != 1 {
            return Err(vm.type_error(&format!("ord() expected a character, but string of length {} found", b.len())));
        }
        return Ok(Value::Int(b[0] as i64));
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(&format!("ord() expected string of length 1, but {tn} found")))
}

fn attr_name(vm: &mut Vm, v: &Value, what: &str) -> PyResult<ObjRef> {
    match v.as_str() {
        Some(s) => Ok(vm.intern(s)),
        None => {
            let tn = vm.type_name(v);
            let _ = what;
            Err(vm.type_error(&format!("attribute name must be string, not '{tn}'")))
        }
    }
}

fn getattr(vm: &mut Vm, a: Args) -> PyResult {
    check_args(vm, &a, "getattr", 2, 3)?;
    let n = attr_name(vm, &a.args[1], "getattr()")?;
    match vm.get_attr(&a.args[0], &n) {
        Ok(v) => Ok(v),
        Err(e) if a.args.len() == 3 && vm.is_instance_of(&e, &types().exc.attribute_error.clone()) => Ok(a.args[2].clone()),
        Err(e) => Err(e),
    }
}

fn setattr(vm: &mut Vm, a: Args) -> PyResult {
    check_args(vm, &a, "setattr", 3, 3)?;
    let n = attr_name(vm, &a.args[1], "setattr()")?;
    vm.set_attr(&a.args[0], &n, a.args[2].clone())?;
    Ok(Value::None)
}

fn delattr(vm: &mut Vm, a: Args) -> PyResult {
    check_args(vm, &a, "delattr", 2, 2)?;
    let n = attr_name(vm, &a.args[1], "delattr()")?;
    vm.del_attr(&a.args[0], &n)?;
    Ok(Value::None)
}

fn hasattr(vm: &mut Vm, a: Args) -> PyResult {
    check_args(vm, &a, "hasattr", 2, 2)?;
    let n = attr_name(vm, &a.args[1], "hasattr()")?;
    match vm.get_attr(&a.args[0], &n) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if vm.is_instance_of(&e, &types().exc.attribute_error.clone()) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn dir(vm: &mut Vm, a: Args) -> PyResult {
    check_args(vm, &a, "dir", 0, 1)?;
    let names = match a.args.first() {
        None => {
            let ns = current_locals(vm);
            vm.collect(&ns)?
        }
        Some(v) => return dir_list(vm, v),
    };
    let l = crate::types::list::new_list(names);
    vm.call_method(&l, "sort", &[])?;
    Ok(l)
}

/// `dir(obj)` as a sorted list value (CPython's `PyObject_Dir`).
fn dir_list(vm: &mut Vm, v: &Value) -> PyResult {
    let Some(r) = vm.call_special(v, "__dir__", &[])? else { return Err(vm.type_error("object does not provide __dir__")) };
    let names = vm.collect(&r)?;
    let l = crate::types::list::new_list(names);
    vm.call_method(&l, "sort", &[])?;
    Ok(l)
}

/// The names `dir(obj)` lists, sorted.
pub fn dir_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    let l = dir_list(vm, v)?;
    vm.collect(&l)
}

fn divmod(vm: &mut Vm, a: Args) -> PyResult {
    check_args(vm, &a, "divmod", 2, 2)?;
    let (x, y) = (&a.args[0], &a.args[1]);
    let exact_int = |v: &Value| matches!(v, Value::Int(_) | Value::Bool64(_)) || matches!(v, Value::Obj(o) if o.cls_data().builtin && matches!(o.payload, Payload::Int(_)));
    let exact_num = |v: &Value| exact_int(v) || matches!(v, Value::Float64(_));
    if exact_int(x) && exact_int(y) {
        return crate::types::int::int_divmod_values(vm, x, y);
    }
    if exact_num(x) && exact_num(y) {
        let xf = crate::types::float::float_of(vm, x)?;
        let yf = crate::types::float::float_of(vm, y)?;
        return crate::types::float::float_divmod(vm, xf, yf);
    }
    if let Some(r) = vm.call_special(x, "__divmod__", std::slice::from_ref(y))? {
        if !crate::ops::is_not_implemented(&r) {
            return Ok(r);
        }
    }
    if let Some(r) = vm.call_special(y, "__rdivmod__", std::slice::from_ref(x))? {
        if !crate::ops::is_not_implemented(&r) {
            return Ok(r);
        }
    }
    let (tx, ty) = (vm.type_name(x), vm.type_name(y));
    Err(vm.type_error(&format!("unsupported operand type(s) for divmod(): '{tx}' and '{ty}'")))
}

fn hash(vm: &mut Vm, a: Args) -> PyResult {
    check_args(vm, &a, "hash", 1, 1)?;
    meth_o_call(vm, |vm| Ok(Value::Int(vm.hash(&a.args[0])?)))
}

fn id(vm: &mut Vm, a: Args) -> PyResult {
    check_args(vm, &a, "id", 1, 1)?;
    Ok(Value::Int(a.args[0].id() as i64))
}

/// `isinstance`, honouring `__instancecheck__` on metaclasses and tuples of classes.
pub fn isinstance_of(vm: &mut Vm, obj: &Value, cls: &Value) -> PyResult<bool> {
    vm.check_stack()?;
    if let Some(items) = crate::types::tuple::tuple_items(cls) {
        for c in items {
            if isinstance_of(vm, obj, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let Value::Obj(c) = cls else { return Err(vm.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")) };
    if c.as_type().is_none() {
        // Not a class: its type's __instancecheck__ decides (unions, generic aliases).
        if let Some(chk) = types::lookup(&c.cls, "__instancecheck__") {
            let r = vm.call(&chk, &[cls.clone(), obj.clone()], &[])?;
            return vm.truthy(&r);
        }
        return Err(vm.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"));
    }
    if types::isinstance(obj, c) {
        return Ok(true);
    }
    if !c.cls.is(&types().type_) {
        if let Some(chk) = types::lookup(&c.cls, "__instancecheck__") {
            let r = vm.call(&chk, &[cls.clone(), obj.clone()], &[])?;
            return vm.truthy(&r);
        }
    }
    Ok(false)
}

pub fn issubclass_of(vm: &mut Vm, sub: &Value, cls: &Value) -> PyResult<bool> {
    vm.check_stack()?;
    if let Some(items) = crate::types::tuple::tuple_items(cls) {
        for c in items {
            if issubclass_of(vm, sub, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let Value::Obj(c) = cls else { return Err(vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union")) };
    if c.as_type().is_none() {
        if let Some(chk) = types::lookup(&c.cls, "__subclasscheck__") {
            let r = vm.call(&chk, &[cls.clone(), sub.clone()], &[])?;
            return vm.truthy(&r);
        }
        return Err(vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"));
    }
    if !c.cls.is(&types().type_) {
        if let Some(chk) = types::lookup(&c.cls, "__subclasscheck__") {
            let r = vm.call(&chk, &[cls.clone(), sub.clone()], &[])?;
            return vm.truthy(&r);
        }
    }
    match sub {
        Value::Obj(s) if s.as_type().is_some() => Ok(types::is_subtype(s, c)),
        _ => Err(vm.type_error("issubclass() arg 1 must be a class")),
    }
}

fn isinstance(vm: &mut Vm, a: Args) -> PyResult {
    check_args(vm, &a, "isinstance", 2, 2)?;
    Ok(Value::Bool(isinstance_of(vm, &a.args[0], &a.args[1])?))
}

fn issubclass(vm: &mut Vm, a: Args) -> PyResult {
    check_args(vm, &a, "issubclass", 2, 2)?;
    Ok(Value::Bool(issubclass_of(vm, &a.args[0], &a.args[1])?))
}

fn iter(vm: &mut Vm, a: Args) -> PyResult {
    check_args(vm, &a, "iter", 1, 2)?;
    if a.args.len() == 2 {
        if !is_callable(&a.args[0]) {
            return Err(vm.type_error("iter(v, w): v must be callable"));
        }
        return Ok(crate::types::iters::callable_iter(a.args[0].clone(), a.args[1].clone()));
    }
    vm.iter(&a.args[0])
}

fn next(vm: &mut Vm, a: Args) -> PyResult {
    check_args(vm, &a, "next", 1, 2)?;
    let it = &a.args[0];
    if crate::types::iters::native_next_kind(it).is_none() && vm.lookup_special(it, "__next__").is_none() {
        let tn = vm.type_name(it);
        return Err(vm.type_error(&format!("'{tn}' object is not an iterator")));
    }
    // A generator's return value travels in the StopIteration.
    if let Value::Obj(o) = it {
        if matches!(o.payload, Payload::Generator(_)) && o.cls_data().builtin {
            return match crate::generator::resume(vm, o, Value::None, None)? {
                crate::generator::GenResult::Yield(v) => Ok(v),
                crate::generator::GenResult::Return(v) => match a.args.get(1) {
                    Some(d) => Ok(d.clone()),
                    None => Err(vm.stop_iteration(if v.is_none() { None } else { Some(v) })),
                },
            };
        }
    }
    match crate::types::iters::native_next(vm, it) {
        Some(r) => match r? {
            Some(v) => Ok(v),
            None => match a.args.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(vm.stop_iteration(None)),
            },
        },
        None => {
            let m = vm.lookup_special(it, "__next__").unwrap_or(Value::None);
            match vm.call(&m, std::slice::from_ref(it), &[]) {
                Ok(v) => Ok(v),
                Err(e) if a.args.len() == 2 && vm.is_instance_of(&e, &types().exc.stop_iteration.clone()) => Ok(a.args[1].clone()),
                Err(e) => Err(e),
            }
        }
    }
}

fn minmax(vm: &mut Vm, a: Args, name: &str, op: CmpOp) -> PyResult {
    let mut key = None;
    let mut default = None;
    for (k, v) in a.kwargs {
        match k.as_str() {
            Some("key") => key = Some(v.clone()).filter(|v| !v.is_none()),
            Some("default") => default = Some(v.clone()),
            Some(o) => return Err(vm.type_error(&format!("'{o}' is an invalid keyword argument for {name}()"))),
            None => return Err(vm.type_error("keywords must be strings")),
        }
    }
    let items: Vec<Value> = match a.args.len() {
        0 => return Err(vm.type_error(&format!("{name} expected at least 1 argument, got 0"))),
        1 => vm.collect(&a.args[0])?,
        _ => {
            if default.is_some() {
                return Err(vm.type_error(&format!("Cannot specify a default for {name}() with multiple positional arguments")));
            }
            a.args.to_vec()
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for it in items {
        let k = match &key {
            Some(f) => vm.call(f, std::slice::from_ref(&it), &[])?,
            None => it.clone(),
        };
        match &best {
            None => best = Some((k, it)),
            Some((bk, _)) => {
                let r = crate::ops::compare(vm, &k, bk, op)?;
                if vm.truthy(&r)? {
                    best = Some((k, it));
                }
            }
        }
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(&format!("{name}() arg is an empty sequence"))),
        },
    }
}

fn min(vm: &mut Vm, a: Args) -> PyResult {
    minmax(vm, a, "min", CmpOp::Lt)
}
fn max(vm: &mut Vm, a: Args) -> PyResult {
    minmax(vm, a, "max", CmpOp::Gt)
}

fn sum(vm: &mut Vm, a: Args) -> PyResult {
    let mut start = a.args.get(1).cloned();
    for (k, v) in a.kwargs {
        match k.as_str() {
            Some("start") => start = Some(v.clone()),
            Some(o) => return Err(vm.type_error(&format!("'{o}' is an invalid keyword argument for sum()"))),
            None => return Err(vm.type_error("keywords must be strings")),
        }
    }
    if a.args.is_empty() || a.args.len() > 2 {
        return Err(vm.type_error(&format!("sum() takes at most 2 arguments ({} given)", a.args.len())));
    }
    let mut acc = start.unwrap_or(Value::Int(0));
    if acc.as_str().is_some() {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if crate::types::bytes::bytes_like(&acc).is_some() {
        let what = if matches!(&acc, Value::Obj(o) if matches!(o.payload, Payload::ByteArray(_))) { "bytearray" } else { "bytes" };
        return Err(vm.type_error(&format!("sum() can't sum {what} [use b''.join(seq) instead]")));
    }
    let it = vm.iter(&a.args[0])?;
    // Float sums use compensated summation like CPython's.
    while let Some(x) = vm.next(&it)? {
        acc = match (&acc, &x) {
            (Value::Int(p), Value::Int(q)) => match p.checked_add(*q) {
                Some(r) => Value::Int(r),
                None => crate::ops::binary_op(vm, &acc, &x, BinOp::Add)?,
            },
            (Value::Float64(p), Value::Float64(q)) => Value::Float(p.get() + q.get()),
            _ => crate::ops::binary_op(vm, &acc, &x, BinOp::Add)?,
        };
    }
    Ok(acc)
}

/// Bind a builtin's arguments as Argument Clinic does: positional then by name, CPython's
/// messages for too many, duplicated, missing and unknown arguments. `required` leading
/// parameters must be given; the rest default to None.
pub fn clinic_args(vm: &mut Vm, a: &Args, fname: &str, names: &[&str], required: usize) -> PyResult<Vec<Option<Value>>> {
    if a.args.len() > names.len() {
        return Err(vm.type_error(&format!("{fname}() takes at most {} argument{} ({} given)", names.len(), if names.len() == 1 { "" } else { "s" }, a.args.len())));
    }
    let mut out: Vec<Option<Value>> = a.args.iter().cloned().map(Some).collect();
    out.resize(names.len(), None);
    let mut used = 0;
    for (i, name) in names.iter().enumerate() {
        if let Some(v) = a.kw(name) {
            if i < a.args.len() {
                return Err(vm.type_error(&format!("argument for {fname}() given by name ('{name}') and position ({})", i + 1)));
            }
            out[i] = Some(v.clone());
            used += 1;
        }
        if out[i].is_none() && i < required {
            return Err(vm.type_error(&format!("{fname}() missing required argument '{name}' (pos {})", i + 1)));
        }
    }
    if used < a.kwargs.len() {
        for (k, _) in a.kwargs {
            match k.as_str() {
                Some(k) if !names.contains(&k) => return Err(vm.type_error(&format!("'{k}' is an invalid keyword argument for {fname}()"))),
                Some(_) => {}
                None => return Err(vm.type_error("keywords must be strings")),
            }
        }
    }
    Ok(out)
}

fn pow(vm: &mut Vm, a: Args) -> PyResult {
    let args = clinic_args(vm, &a, "pow", &["base", "exp", "mod"], 2)?;
    let base = args[0].clone().unwrap_or(Value::None);
    let exp = args[1].clone().unwrap_or(Value::None);
    match args[2].clone().filter(|m| !m.is_none()) {
        Some(m) => {
            let (Some(b), Some(e), Some(m)) = (int_arg(&base), int_arg(&exp), int_arg(&m)) else {
                // Objects with their own three-argument __pow__ get the call.
                if !crate::ops::is_int(&base) {
                    if let Some(r) = vm.call_special(&base, "__pow__", &[exp.clone(), m.clone()])? {
                        if !crate::ops::is_not_implemented(&r) {
                            return Ok(r);
                        }
                    }
                }
                return Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers"));
            };
            crate::types::int::int_pow_mod(vm, &b, &e, &m)
        }
        None => crate::ops::binary_op(vm, &base, &exp, BinOp::Pow),
    }
}

fn int_arg(v: &Value) -> Option<BigInt> {
    if crate::ops::is_int(v) {
        crate::types::int::to_bigint(v)
    } else {
        None
    }
}


/// `round(f, ndigits)` for floats (ties to even, correctly rounded through decimal strings).
pub fn round_float(vm: &mut Vm, f: f64, nd: Option<&Value>) -> PyResult {
    match nd {
        None | Some(Value::None) => {
            if f.is_nan() {
                return Err(vm.value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(vm.overflow_error("cannot convert float infinity to integer"));
            }
            let r = f.round_ties_even();
            crate::types::int::float_to_int(vm, r)
        }
        Some(n) => {
            let n = crate::ops::index_value(vm, n)?;
            // CPython: beyond these, rounding changes nothing (or gives a signed zero).
            let n = match crate::types::int::bigint_to_i64(&n) {
                Some(n) => n,
                None if n.sign() == num_bigint::Sign::Minus => i64::MIN,
                None => i64::MAX,
            };
            if !f.is_finite() || f == 0.0 || n > 323 {
                return Ok(Value::Float(f));
            }
            if n < -308 {
                return Ok(Value::Float(0.0 * f));
            }
            if n >= 0 {
                // Rust's formatting is exact (half-even on the exact binary value), as
                // CPython's dtoa-based double_round.
                let s = format!("{:.*}", n as usize, f);
                return Ok(Value::Float(s.parse::<f64>().unwrap_or(f)));
            }
            // Round |f| to a multiple of 10**-n exactly: f = t + frac with t integral.
            let a = f.abs();
            let t = a.floor();
            let frac = a - t;
            let tb = crate::types::float::f64_to_bigint(t).unwrap_or_default();
            let p = num_traits::Pow::pow(BigInt::from(10), (-n) as u32);
            use num_integer::Integer;
            let (q, r) = tb.div_mod_floor(&p);
            // Compare 2*(r + frac) with p.
            let two_r: BigInt = &r * 2;
            let twice_frac = frac * 2.0;
            let (lhs, lfrac) = if twice_frac >= 1.0 { (two_r + 1, twice_frac - 1.0) } else { (two_r, twice_frac) };
            let up = match lhs.cmp(&p) {
                std::cmp::Ordering::Greater => true,
                std::cmp::Ordering::Equal => lfrac > 0.0 || q.is_odd(),
                std::cmp::Ordering::Less => false,
            };
            let q = if up { q + 1 } else { q };
            let v = crate::types::int::bigint_to_f64(&(q * p));
            if !v.is_finite() {
                return Err(vm.overflow_error("rounded value too large to represent"));
            }
            Ok(Value::Float(if f < 0.0 { -v } else { v }))
        }
    }
}

fn round(vm: &mut Vm, a: Args) -> PyResult {
    let mut number = a.args.first().cloned();
    let mut nd = a.args.get(1).cloned();
    for (k, v) in a.kwargs {
        match k.as_str() {
            Some("number") => number = Some(v.clone()),
            Some("ndigits") => nd = Some(v.clone()),
            _ => return Err(vm.type_error("round() got an unexpected keyword argument")),
        }
    }
    let Some(x) = number else { return Err(vm.type_error("round() missing required argument 'number' (pos 1)")) };
    match &x {
        Value::Float64(f) => round_float(vm, f.get(), nd.as_ref()),
        Value::Int(_) | Value::Bool64(_) => {
            let b = crate::types::int::to_bigint(&x).unwrap_or_default();
            crate::types::int::int_round_value(vm, &b, nd.as_ref())
        }
        Value::Obj(o) if o.cls_data().builtin && matches!(o.payload, Payload::Int(_)) => {
            let b = crate::types::int::to_bigint(&x).unwrap_or_default();
            crate::types::int::int_round_value(vm, &b, nd.as_ref())
        }
        _ => {
            let mut args = Vec::new();
            if let Some(n) = nd.filter(|n| !n.is_none()) {
                args.push(n);
            }
            match vm.call_special(&x, "__round__", &args)? {
                Some(r) => Ok(r),
                None => {
                    let tn = vm.type_name(&x);
                    Err(vm.type_error(&format!("type {tn} doesn't define __round__ method")))
                }
            }
        }
    }
}

/// Stable merge sort with a fallible `<`. On error the original items come back unchanged.
pub fn sort_values(vm: &mut Vm, items: Vec<Value>, key: Option<&Value>, reverse: bool) -> Result<Vec<Value>, (PyErr, Vec<Value>)> {
    let n = items.len();
    if n < 2 {
        return Ok(items);
    }
    let keys: Vec<Value> = match key {
        Some(f) => {
            let mut ks = Vec::with_capacity(n);
            for it in &items {
                match vm.call(f, std::slice::from_ref(it), &[]) {
                    Ok(k) => ks.push(k),
                    Err(e) => return Err((e, items)),
                }
            }
            ks
        }
        None => items.clone(),
    };
    let mut idx: Vec<usize> = (0..n).collect();
    if reverse {
        idx.reverse();
    }
    // Fast paths with a total order: all small ints, all builtin strs, all non-NaN floats.
    let fast = if keys.iter().all(|k| matches!(k, Value::Int(_))) {
        idx.sort_by_key(|&i| if let Value::Int(x) = keys[i] { x } else { 0 });
        true
    } else if keys.iter().all(|k| matches!(k, Value::Obj(o) if matches!(o.payload, Payload::Str(_)) && o.cls_data().builtin)) {
        idx.sort_by(|&i, &j| keys[i].as_str().unwrap_or("").cmp(keys[j].as_str().unwrap_or("")));
        true
    } else if keys.iter().all(|k| matches!(k, Value::Float64(f) if !f.get().is_nan())) {
        idx.sort_by(|&i, &j| {
            let (Value::Float64(x), Value::Float64(y)) = (&keys[i], &keys[j]) else { return std::cmp::Ordering::Equal };
            x.get().partial_cmp(&y.get()).unwrap_or(std::cmp::Ordering::Equal)
        });
        true
    } else {
        false
    };
    if !fast {
        if let Err(e) = merge_sort(vm, &mut idx, &keys) {
            return Err((e, items));
        }
    }
    if reverse {
        idx.reverse();
    }
    let mut slots: Vec<Option<Value>> = items.into_iter().map(Some).collect();
    Ok(idx.into_iter().map(|i| slots[i].take().unwrap_or(Value::None)).collect())
}

fn less(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if let Some(r) = crate::fast_ops::compare(a, b, CmpOp::Lt) {
        return Ok(r);
    }
    // The full protocol for everything else (`compare` takes the native path for exact
    // builtin types; a subclass's `__lt__` must be called).
    let r = crate::ops::compare(vm, a, b, CmpOp::Lt)?;
    vm.truthy(&r)
}

/// Bottom-up merge sort of `idx` by `keys[idx]` (stable; only `<` is used).
fn merge_sort(vm: &mut Vm, idx: &mut Vec<usize>, keys: &[Value]) -> PyResult<()> {
    let n = idx.len();
    // Insertion-sort runs of 16, then merge.
    const RUN: usize = 16;
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let mut j = i;
            while j > start && less(vm, &keys[idx[j]], &keys[idx[j - 1]])? {
                idx.swap(j, j - 1);
                j -= 1;
            }
        }
        start = end;
    }
    let mut width = RUN;
    let mut buf = vec![0usize; n];
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j, mut k) = (lo, mid, lo);
            while i < mid && j < hi {
                if less(vm, &keys[idx[j]], &keys[idx[i]])? {
                    buf[k] = idx[j];
                    j += 1;
                } else {
                    buf[k] = idx[i];
                    i += 1;
                }
                k += 1;
            }
            buf[k..k + (mid - i)].copy_from_slice(&idx[i..mid]);
            k += mid - i;
            buf[k..k + (hi - j)].copy_from_slice(&idx[j..hi]);
            lo = hi;
        }
        std::mem::swap(idx, &mut buf);
        width *= 2;
    }
    Ok(())
}

fn sorted(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() != 1 {
        return Err(vm.type_error(&format!("sorted expected 1 argument, got {}", a.args.len())));
    }
    for (k, _) in a.kwargs {
        match k.as_str() {
            Some("key" | "reverse") => {}
            Some(other) => return Err(vm.type_error(&format!("'{other}' is an invalid keyword argument for sort()"))),
            None => return Err(vm.type_error("keywords must be strings")),
        }
    }
    let items = vm.collect(&a.args[0])?;
    let l = crate::types::list::new_list(items);
    let sort = vm.get_attr_str(&l, "sort")?;
    vm.call(&sort, &[], a.kwargs)?;
    Ok(l)
}

fn input(vm: &mut Vm, a: Args) -> PyResult {
    check_args(vm, &a, "input", 0, 1)?;
    if let Some(p) = a.args.first() {
        let s = vm.to_str(p)?;
        crate::stdlib::sys::write_stdout(vm, &s)?;
        crate::stdlib::sys::flush_stdout(vm)?;
    }
    match crate::stdlib::sys::read_stdin_line(vm)? {
        Some(mut line) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(vm.new_string(line))
        }
        None => Err(vm.new_exc(&types().exc.eof_error.clone(), "EOF when reading a line")),
    }
}

// ----- namespaces and dynamic code -----

/// The calling frame's globals dict.
pub fn current_globals(vm: &mut Vm) -> ObjRef {
    match vm.frames.last() {
        Some(f) => f.globals.clone(),
        None => crate::vm::interp().builtins_dict.clone(),
    }
}

/// The calling frame's locals: its namespace, or a dict snapshot of a function's fast locals.
pub fn current_locals(vm: &mut Vm) -> Value {
    let Some(f) = vm.frames.last() else { return Value::Obj(vm.new_dict()) };
    if let Some(l) = &f.locals {
        return l.clone();
    }
    let co = f.code.co.clone();
    let mut pairs: Vec<(String, Value)> = Vec::new();
    for (i, name) in co.varnames.iter().enumerate() {
        let v = f.fast.get(i).cloned().unwrap_or(Value::Null);
        if !v.is_null() {
            pairs.push((name.clone(), v));
        }
    }
    for (i, name) in co.cellvars.iter().chain(co.freevars.iter()).enumerate() {
        if let Some(c) = f.cells.get(i) {
            let v = crate::eval::cell_get(c);
            if !v.is_null() {
                pairs.push((name.clone(), v));
            }
        }
    }
    let d = vm.new_dict();
    for (k, v) in pairs {
        let k = Value::Obj(vm.intern(&k));
        let _ = crate::types::dict::dict_set(vm, &d, k, v);
    }
    Value::Obj(d)
}

fn globals(vm: &mut Vm, a: Args) -> PyResult {
    check_args(vm, &a, "globals", 0, 0)?;
    Ok(Value::Obj(current_globals(vm)))
}

fn locals(vm: &mut Vm, a: Args) -> PyResult {
    check_args(vm, &a, "locals", 0, 0)?;
    Ok(current_locals(vm))
}

fn vars(vm: &mut Vm, a: Args) -> PyResult {
    check_args(vm, &a, "vars", 0, 1)?;
    match a.args.first() {
        None => Ok(current_locals(vm)),
        Some(v) => match vm.get_attr_opt(v, "__dict__")? {
            Some(d) => Ok(d),
            None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
        },
    }
}

fn source_arg(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<String>> {
    if let Some(s) = v.as_str() {
        return Ok(Some(s.to_string()));
    }
    if let Some(b) = crate::types::bytes::bytes_like(v) {
        return Ok(Some(String::from_utf8_lossy(&b).into_owned()));
    }
    if crate::run::code_of(v).is_some() {
        return Ok(None);
    }
    let _ = vm;
    Err(vm.type_error(&format!("{name}() arg 1 must be a string, bytes or code object")))
}

fn namespaces(vm: &mut Vm, a: &Args, name: &str) -> PyResult<(ObjRef, Option<Value>)> {
    let g = a.args.get(1).or_else(|| a.kw("globals")).cloned().unwrap_or(Value::None);
    let l = a.args.get(2).or_else(|| a.kw("locals")).cloned().unwrap_or(Value::None);
    let globals = match &g {
        Value::None => {
            let gd = current_globals(vm);
            let loc = if l.is_none() { Some(current_locals(vm)) } else { Some(l.clone()) };
            return Ok((gd, loc));
        }
        Value::Obj(o) if matches!(o.payload, Payload::Dict(_)) => o.clone(),
        other => {
            let tn = vm.type_name(other);
            let msg = if name == "exec" { format!("exec() globals must be a dict, not {tn}") } else { "globals must be a real dict; try eval(expr, {}, mapping)".to_string() };
            return Err(vm.type_error(&msg));
        }
    };
    let locals = if l.is_none() { None } else { Some(l) };
    Ok((globals, locals))
}

fn eval(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.is_empty() {
        return Err(vm.type_error("eval expected at least 1 argument, got 0"));
    }
    let (globals, locals) = namespaces(vm, &a, "eval")?;
    let code = match source_arg(vm, &a.args[0], "eval")? {
        Some(src) => {
            let src = src.trim_start_matches([' ', '\t']).to_string();
            crate::run::compile(vm, &src, "<string>", spindle_compiler::Mode::Eval)?
        }
        None => crate::run::code_of(&a.args[0]).expect("code"),
    };
    crate::run::run_code(vm, code, &globals, locals)
}

fn exec(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.is_empty() {
        return Err(vm.type_error("exec expected at least 1 argument, got 0"));
    }
    let (globals, locals) = namespaces(vm, &a, "exec")?;
    let code = match source_arg(vm, &a.args[0], "exec")? {
        Some(src) => crate::run::compile(vm, &src, "<string>", spindle_compiler::Mode::Exec)?,
        None => crate::run::code_of(&a.args[0]).expect("code"),
    };
    crate::run::run_code(vm, code, &globals, locals)?;
    Ok(Value::None)
}

fn compile(vm: &mut Vm, a: Args) -> PyResult {
    // compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, *, _feature_version=-1)
    const NAMES: [&str; 6] = ["source", "filename", "mode", "flags", "dont_inherit", "optimize"];
    if a.args.len() > NAMES.len() {
        return Err(vm.type_error(&format!("compile() takes at most 6 positional arguments ({} given)", a.args.len())));
    }
    for (k, _) in a.kwargs {
        let k = k.as_str().unwrap_or("");
        match NAMES.iter().position(|n| *n == k) {
            Some(i) if i < a.args.len() => {
                return Err(vm.type_error(&format!("argument for compile() given by name ('{k}') and position ({})", i + 1)));
            }
            Some(_) => {}
            None if k == "_feature_version" => {}
            None => return Err(vm.type_error(&format!("'{k}' is an invalid keyword argument for compile()"))),
        }
    }
    let mut get = |i: usize| -> PyResult<Value> {
        match a.args.get(i).or_else(|| a.kw(NAMES[i])) {
            Some(v) => Ok(v.clone()),
            None => Err(vm.type_error(&format!("compile() missing required argument '{}' (pos {})", NAMES[i], i + 1))),
        }
    };
    let (src, filename, mode) = (get(0)?, get(1)?, get(2)?);
    let filename = crate::stdlib::os::fspath_str(vm, &filename)?;
    let Some(mode) = mode.as_str().map(|s| s.to_string()) else {
        let tn = vm.type_name(&mode);
        return Err(vm.type_error(&format!("compile() argument 'mode' must be str, not {tn}")));
    };
    let Some(text) = source_arg(vm, &src, "compile")? else { return Ok(src) };
    let m = match mode.as_str() {
        "exec" => spindle_compiler::Mode::Exec,
        "eval" => spindle_compiler::Mode::Eval,
        "single" => return Err(vm.not_implemented_error("compile() mode 'single' is not implemented by Spindle")),
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    let code = crate::run::compile(vm, &text, &filename, m)?;
    Ok(crate::run::code_value(code))
}

fn import_(vm: &mut Vm, a: Args) -> PyResult {
    let Some(name) = a.args.first().or_else(|| a.kw("name")).cloned() else { return Err(vm.type_error("__import__() missing required argument 'name' (pos 1)")) };
    let Some(n) = name.as_str().map(|s| s.to_string()) else { return Err(vm.type_error("__import__() argument 1 must be str")) };
    let globals = match a.args.get(1).or_else(|| a.kw("globals")) {
        Some(Value::Obj(g)) if matches!(g.payload, Payload::Dict(_)) => g.clone(),
        _ => current_globals(vm),
    };
    let fromlist = a.args.get(3).or_else(|| a.kw("fromlist")).cloned().unwrap_or(Value::None);
    let level = a.args.get(4).or_else(|| a.kw("level")).and_then(crate::types::int::to_i64).unwrap_or(0);
    crate::import::import_module_level(vm, &n, &globals, &fromlist, level)
}

fn exit(vm: &mut Vm, a: Args) -> PyResult {
    let code = a.args.first().cloned();
    let cls = types().exc.system_exit.clone();
    let e = match code {
        Some(c) => vm.call(&Value::Obj(cls), &[c], &[])?,
        None => vm.call(&Value::Obj(cls), &[], &[])?,
    };
    match e {
        Value::Obj(o) => Err(PyErr(o)),
        _ => Err(vm.runtime_error("exit")),
    }
}

fn open(vm: &mut Vm, a: Args) -> PyResult {
    crate::stdlib::io::open(vm, a)
}

fn breakpoint(vm: &mut Vm, _a: Args) -> PyResult {
    Err(vm.not_implemented_error("breakpoint() is not supported by Spindle"))
}

/// Make a builtin function object for a module namespace.
pub fn native_function(name: &'static str, func: NativeFn, module: &'static str) -> Value {
    let sig = crate::native_sig::module_fn_sig(module, name);
    Value::Obj(ObjRef::new_immortal(types().builtin_function.clone(), Payload::Builtin { name, func, bound: None, module: Some(module), sig }))
}

pub fn init(vm: &mut Vm) {
    let d = crate::vm::interp().builtins_dict.clone();
    let fns: &[(&'static str, NativeFn)] = &[
        ("__build_class__", build_class),
        ("__import__", import_),
        ("print", print),
        ("repr", repr),
        ("ascii", ascii),
        ("format", format),
        ("len", len),
        ("abs", abs),
        ("all", all),
        ("any", any),
        ("bin", bin),
        ("oct", oct),
        ("hex", hex),
        ("callable", callable),
        ("chr", chr),
        ("ord", ord),
        ("getattr", getattr),
        ("setattr", setattr),
        ("delattr", delattr),
        ("hasattr", hasattr),
        ("dir", dir),
        ("divmod", divmod),
        ("hash", hash),
        ("id", id),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("iter", iter),
        ("next", next),
        ("min", min),
        ("max", max),
        ("sum", sum),
        ("pow", pow),
        ("round", round),
        ("sorted", sorted),
        ("input", input),
        ("globals", globals),
        ("locals", locals),
        ("vars", vars),
        ("eval", eval),
        ("exec", exec),
        ("compile", compile),
        ("open", open),
        ("exit", exit),
        ("quit", exit),
        ("breakpoint", breakpoint),
    ];
    for (name, f) in fns {
        let k = Value::Obj(vm.intern(name));
        let _ = crate::types::dict::dict_set(vm, &d, k, native_function(name, *f, "builtins"));
    }
    let t = types();
    let mut named: Vec<(&str, Value)> = vec![("type", Value::Obj(t.type_.clone())), ("object", Value::Obj(t.object.clone()))];
    for (name, ty) in t.all() {
        if matches!(
            name,
            "int" | "bool" | "float" | "complex" | "str" | "bytes" | "bytearray" | "tuple" | "list" | "dict" | "set" | "frozenset" | "range" | "slice" | "property" | "staticmethod" | "classmethod" | "super" | "enumerate" | "zip" | "map" | "filter" | "reversed"
        ) {
            named.push((name, Value::Obj(ty.clone())));
        }
    }
    for (name, ty) in t.exc.named() {
        named.push((name, Value::Obj(ty.clone())));
    }
    named.push(("None", Value::None));
    named.push(("True", Value::Bool(true)));
    named.push(("False", Value::Bool(false)));
    named.push(("NotImplemented", not_impl()));
    named.push(("Ellipsis", Value::Obj(t.ellipsis_obj.clone())));
    named.push(("__debug__", Value::Bool(true)));
    // EnvironmentError and IOError are aliases of OSError.
    named.push(("EnvironmentError", Value::Obj(t.exc.os_error.clone())));
    named.push(("IOError", Value::Obj(t.exc.os_error.clone())));
    for (name, v) in named {
        let k = Value::Obj(vm.intern(name));
        let _ = crate::types::dict::dict_set(vm, &d, k, v);
    }
    let k = Value::Obj(vm.intern("__name__"));
    let n = vm.new_str("builtins");
    let _ = crate::types::dict::dict_set(vm, &d, k, n);
}
