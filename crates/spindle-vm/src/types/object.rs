//! `object`: the root type's methods, and the attributes every kind of object exposes without a
//! namespace entry (`__class__`, `__dict__`, a function's `__name__`, an exception's `args`...).

use crate::object::{ObjRef, Payload};
use crate::types::{self, add_classmethod, add_methods, add_staticmethod, type_of, types, BuiltinTypes};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};

fn object_new(vm: &mut Vm, a: Args) -> PyResult {
    let cls = match a.args.first() {
        Some(Value::Obj(c)) => c,
        Some(other) => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!("object.__new__(X): X is not a type object ({tn})")));
        }
        None => return Err(vm.type_error("object.__new__(): not enough arguments")),
    };
    let Some(td) = cls.as_type() else {
        let tn = vm.type_name(&a.args[0]);
        return Err(vm.type_error(&format!("object.__new__(X): X is not a type object ({tn})")));
    };
    if a.args.len() > 1 || !a.kwargs.is_empty() {
        // Excess arguments are an error unless __init__ is overridden and __new__ is not.
        let init_overridden = !is_object_attr(cls, "__init__");
        let new_overridden = !is_object_attr(cls, "__new__");
        if new_overridden || !init_overridden {
            let name = td.name.clone();
            return Err(vm.type_error(&format!("{name}() takes no arguments")));
        }
    }
    if td.builtin && !cls.is(&types().object) {
        let name = td.name.clone();
        return Err(vm.type_error(&format!("object.__new__({name}) is not safe, use {name}.__new__()")));
    }
    if let Some(abs) = types::lookup(cls, "__abstractmethods__") {
        if !abs.is_none() {
            let mut names: Vec<String> = Vec::new();
            for v in vm.collect(&abs)? {
                names.push(vm.to_str(&v)?);
            }
            if !names.is_empty() {
                names.sort();
                let s = if names.len() > 1 { "s" } else { "" };
                let list = names.iter().map(|n| format!("'{n}'")).collect::<Vec<_>>().join(", ");
                let name = td.name.clone();
                return Err(vm.type_error(&format!("Can't instantiate abstract class {name} with abstract method{s} {list}")));
            }
        }
    }
    Ok(new_instance(vm, cls))
}

/// A plain instance of a user class (with a `__dict__`).
pub fn new_instance(_vm: &mut Vm, cls: &ObjRef) -> Value {
    Value::Obj(types::new_object(cls, Payload::Empty))
}

/// Does `cls` inherit `name` unchanged from `object`?
fn is_object_attr(cls: &ObjRef, name: &str) -> bool {
    match (types::lookup(cls, name), types::lookup(&types().object, name)) {
        (Some(a), Some(b)) => a.is(&b),
        _ => false,
    }
}

/// `object.__init__` and `object.__new__` as found in `object`'s namespace (which cannot
/// change: builtin types are immutable). Written once.
static OBJECT_INIT_NEW: std::sync::OnceLock<(Option<Value>, Option<Value>)> = std::sync::OnceLock::new();

/// Does a class whose `__init__` and `__new__` resolve to `init` and `new` get nothing from
/// calling `__init__`? True when `__init__` is `object.__init__` and `__new__` is not
/// `object.__new__`: `object.__init__` then accepts any arguments and does nothing.
pub fn init_is_noop(init: &Value, new: &Value) -> bool {
    let (oi, on) = OBJECT_INIT_NEW.get_or_init(|| (types::lookup(&types().object, "__init__"), types::lookup(&types().object, "__new__")));
    matches!(oi, Some(oi) if oi.is(init)) && !matches!(on, Some(on) if on.is(new))
}

fn object_init(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() > 1 || !a.kwargs.is_empty() {
        let cls = type_of(&a.args[0]).clone();
        let init_overridden = !is_object_attr(&cls, "__init__");
        let new_overridden = !is_object_attr(&cls, "__new__");
        if init_overridden || !new_overridden {
            let n = if init_overridden { "object.__init__() takes exactly one argument (the instance to initialize)".to_string() } else { format!("{}() takes no arguments", cls.type_data().name) };
            return Err(vm.type_error(&n));
        }
    }
    Ok(Value::None)
}

/// `<module.Class object at 0x...>`
pub fn default_repr(vm: &mut Vm, v: &Value) -> String {
    let cls = type_of(v).clone();
    let td = cls.type_data();
    let module = if td.builtin {
        None
    } else {
        types::lookup(&cls, "__module__").and_then(|m| m.as_str().map(|s| s.to_string()))
    };
    let _ = vm;
    match module {
        Some(m) if m != "builtins" => format!("<{m}.{} object at {:#x}>", td.qualname, v.id()),
        _ => format!("<{} object at {:#x}>", td.qualname, v.id()),
    }
}

fn object_repr(vm: &mut Vm, a: Args) -> PyResult {
    let s = default_repr(vm, &a.args[0]);
    Ok(vm.new_string(s))
}

fn object_str(vm: &mut Vm, a: Args) -> PyResult {
    let s = vm.repr(&a.args[0])?;
    Ok(vm.new_string(s))
}

fn object_eq(_vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() == 2 && a.args[0].is(&a.args[1]) {
        return Ok(Value::Bool(true));
    }
    Ok(Value::Obj(types().not_implemented_obj.clone()))
}

fn object_ne(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() != 2 {
        return Err(vm.type_error("expected 1 argument"));
    }
    // Delegate to __eq__ and invert unless NotImplemented.
    let r = match vm.call_special(&a.args[0], "__eq__", &[a.args[1].clone()])? {
        Some(r) => r,
        None => return Ok(Value::Obj(types().not_implemented_obj.clone())),
    };
    if crate::ops::is_not_implemented(&r) {
        return Ok(r);
    }
    Ok(Value::Bool(!vm.truthy(&r)?))
}

fn not_implemented(_vm: &mut Vm, _a: Args) -> PyResult {
    Ok(Value::Obj(types().not_implemented_obj.clone()))
}

fn object_hash(_vm: &mut Vm, a: Args) -> PyResult {
    let id = a.args[0].id() as i64;
    Ok(Value::Int(id.rotate_right(4)))
}

fn object_getattribute(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() != 2 {
        return Err(vm.type_error("expected 1 argument"));
    }
    let Some(name) = a.args[1].as_str().map(|s| s.to_string()) else {
        let tn = vm.type_name(&a.args[1]);
        return Err(vm.type_error(&format!("attribute name must be string, not '{tn}'")));
    };
    let obj = a.args[0].clone();
    let ty = type_of(&obj).clone();
    match vm.generic_getattr(&obj, &ty, &name)? {
        Some(v) => Ok(v),
        None => Err(vm.no_attribute(&obj, &name)),
    }
}

fn name_arg(vm: &mut Vm, v: &Value) -> PyResult<ObjRef> {
    match v {
        Value::Obj(o) if o.as_str().is_some() => Ok(vm.intern(o.as_str().map(|s| s.as_str()).unwrap_or(""))),
        _ => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("attribute name must be string, not '{tn}'")))
        }
    }
}

fn object_setattr(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() != 3 {
        return Err(vm.type_error(&format!("expected 2 arguments, got {}", a.args.len().saturating_sub(1))));
    }
    let n = name_arg(vm, &a.args[1])?;
    vm.generic_setattr(&a.args[0], &n, Some(a.args[2].clone()))?;
    Ok(Value::None)
}

fn object_delattr(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() != 2 {
        return Err(vm.type_error("expected 1 argument"));
    }
    let n = name_arg(vm, &a.args[1])?;
    vm.generic_setattr(&a.args[0], &n, None)?;
    Ok(Value::None)
}

fn object_init_subclass(vm: &mut Vm, a: Args) -> PyResult {
    if let Some((k, _)) = a.kwargs.first() {
        let k = vm.to_str(k)?;
        let cls = a.args.first().and_then(|c| c.as_obj()).and_then(|c| c.as_type()).map(|t| t.name.clone()).unwrap_or_default();
        let _ = k;
        return Err(vm.type_error(&format!("{cls}.__init_subclass__() takes no keyword arguments")));
    }
    if a.args.len() > 1 {
        let cls = a.args.first().and_then(|c| c.as_obj()).and_then(|c| c.as_type()).map(|t| t.name.clone()).unwrap_or_default();
        return Err(vm.type_error(&format!("{cls}.__init_subclass__() takes no arguments ({} given)", a.args.len() - 1)));
    }
    Ok(Value::None)
}

fn object_format(vm: &mut Vm, a: Args) -> PyResult {
    let spec = match a.args.get(1) {
        Some(s) => match s.as_str() {
            Some(s) => s.to_string(),
            None => {
                let tn = vm.type_name(s);
                return Err(vm.type_error(&format!("__format__() argument must be str, not {tn}")));
            }
        },
        None => String::new(),
    };
    if !spec.is_empty() {
        let tn = vm.type_name(&a.args[0]);
        return Err(vm.type_error(&format!("unsupported format string passed to {tn}.__format__")));
    }
    vm.str_value(&a.args[0])
}

fn object_dir(vm: &mut Vm, a: Args) -> PyResult {
    let obj = &a.args[0];
    let mut names: Vec<Value> = Vec::new();
    if let Value::Obj(o) = obj {
        if let Some(d) = o.instance_dict() {
            names.extend(crate::types::dict::dict_keys(d));
        }
    }
    let ty = type_of(obj).clone();
    names.extend(class_attr_names(&ty));
    crate::types::set::new_set_from(vm, names).and_then(|s| {
        let items = vm.collect(&s)?;
        Ok(crate::types::list::new_list(items))
    })
}

/// Names in a class's namespace and its bases'.
pub fn class_attr_names(ty: &ObjRef) -> Vec<Value> {
    let mut out = Vec::new();
    let mut chain = vec![ty.clone()];
    chain.extend(ty.type_data().mro.iter().cloned());
    for c in chain {
        if let Some(d) = c.dict.get() {
            out.extend(crate::types::dict::dict_keys(d));
        }
    }
    out
}

fn object_reduce_ex(vm: &mut Vm, a: Args) -> PyResult {
    if let Some(p) = a.args.get(1) {
        crate::types::int::as_c_int(vm, p)?;
    }
    let obj = a.args[0].clone();
    // Classes that define __reduce__ use it.
    if let Some(r) = types::lookup(type_of(&obj), "__reduce__") {
        let base = types::lookup(&types().object, "__reduce__");
        if !base.map(|b| b.is(&r)).unwrap_or(false) {
            return vm.call(&r, &[obj], &[]);
        }
    }
    object_reduce(vm, Args::new(&[obj]))
}

/// The default `__reduce__`: `copyreg.__newobj__`-style reconstruction, as protocol 2.
fn object_reduce(vm: &mut Vm, a: Args) -> PyResult {
    let obj = a.args[0].clone();
    let cls = type_of(&obj).clone();
    if cls.type_data().builtin {
        let tn = cls.type_data().name.clone();
        return Err(vm.type_error(&format!("cannot pickle '{tn}' object")));
    }
    let copyreg = crate::import::import_simple(vm, "copyreg")?;
    let newobj = vm.get_attr_str(&copyreg, "__newobj__")?;
    let newargs = match vm.call_special(&obj, "__getnewargs__", &[])? {
        Some(t) => vm.collect(&t)?,
        None => Vec::new(),
    };
    let mut args = vec![Value::Obj(cls)];
    args.extend(newargs);
    let state = match vm.call_special(&obj, "__getstate__", &[])? {
        Some(s) => s,
        None => Value::None,
    };
    let (listitems, dictitems) = match &obj {
        Value::Obj(o) => match &o.payload {
            Payload::List(_) => (vm.iter(&obj)?, Value::None),
            Payload::Dict(_) => {
                let items = vm.call_method(&obj, "items", &[])?;
                (Value::None, vm.iter(&items)?)
            }
            _ => (Value::None, Value::None),
        },
        _ => (Value::None, Value::None),
    };
    Ok(crate::types::tuple::new_tuple(vec![newobj, crate::types::tuple::new_tuple(args), state, listitems, dictitems]))
}

fn object_getstate(_vm: &mut Vm, a: Args) -> PyResult {
    match &a.args[0] {
        Value::Obj(o) => match o.instance_dict() {
            Some(d) if crate::types::dict::dict_len(d) > 0 => Ok(Value::Obj(crate::types::dict::dict_copy(d))),
            _ => Ok(Value::None),
        },
        _ => Ok(Value::None),
    }
}

fn object_subclasshook(vm: &mut Vm, a: Args) -> PyResult {
    if !a.kwargs.is_empty() {
        return Err(vm.type_error("__subclasshook__() takes no keyword arguments"));
    }
    Ok(Value::Obj(types().not_implemented_obj.clone()))
}

fn object_sizeof(_vm: &mut Vm, a: Args) -> PyResult {
    let base = std::mem::size_of::<crate::object::Obj>() as i64;
    let extra = match &a.args[0] {
        Value::Obj(o) => match &o.payload {
            Payload::Str(s) => s.as_str().len() as i64 + 1,
            Payload::List(l) => 8 * l.lock().capacity() as i64,
            Payload::Tuple(t) => 8 * t.len() as i64,
            _ => 0,
        },
        _ => 0,
    };
    Ok(Value::Int(base + extra))
}

pub fn init(t: &BuiltinTypes) {
    let o = &t.object;
    add_staticmethod(o, "__new__", object_new);
    add_methods(
        o,
        &[
            ("__init__", object_init),
            ("__repr__", object_repr),
            ("__str__", object_str),
            ("__eq__", object_eq),
            ("__ne__", object_ne),
            ("__lt__", not_implemented),
            ("__le__", not_implemented),
            ("__gt__", not_implemented),
            ("__ge__", not_implemented),
            ("__hash__", object_hash),
            ("__getattribute__", object_getattribute),
            ("__setattr__", object_setattr),
            ("__delattr__", object_delattr),
            ("__format__", object_format),
            ("__dir__", object_dir),
            ("__reduce_ex__", object_reduce_ex),
            ("__reduce__", object_reduce),
            ("__getstate__", object_getstate),
            ("__sizeof__", object_sizeof),
        ],
    );
    add_classmethod(o, "__init_subclass__", object_init_subclass);
    add_classmethod(o, "__subclasshook__", object_subclasshook);
    types::set_type_attr(o, "__doc__", Value::Obj(crate::vm::intern_static("The base class of the class hierarchy.")));
    // Unhashable builtin containers.
    for ty in [&t.list, &t.dict, &t.set, &t.bytearray] {
        types::set_type_attr(ty, "__hash__", Value::None);
    }
}

fn tuple_of(items: Vec<Value>) -> Value {
    crate::types::tuple::new_tuple(items)
}

/// `type.__flags__`: the CPython `Py_TPFLAGS_*` bits that hold for this type (heap type,
/// subclassable, and the fast-subclass bits of its builtin layout).
fn type_flags(td: &crate::object::TypeData) -> i64 {
    use crate::object::Layout;
    let mut f: i64 = 0;
    if !td.builtin {
        f |= 1 << 9; // Py_TPFLAGS_HEAPTYPE
    }
    if !td.final_ {
        f |= 1 << 10; // Py_TPFLAGS_BASETYPE
    }
    f |= match td.layout {
        Layout::Int | Layout::Bool => 1 << 24,
        Layout::List => 1 << 25,
        Layout::Tuple => 1 << 26,
        Layout::Bytes => 1 << 27,
        Layout::Str => 1 << 28,
        Layout::Dict => 1 << 29,
        Layout::Exception => 1 << 30,
        Layout::Type => 1 << 31,
        _ => 0,
    };
    // Pattern matching: the collection flags, and `_Py_TPFLAGS_MATCH_SELF` (`case int(x)`).
    f |= td.collection_flags.load(std::sync::atomic::Ordering::Relaxed) as i64;
    if crate::match_ops::matches_self_layout(td.layout) {
        f |= 1 << 22;
    }
    f
}

fn s(vm: &mut Vm, x: &str) -> Value {
    vm.new_str(x)
}

/// Attributes served by the runtime rather than a namespace: the last step of attribute lookup.
pub fn special_attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    if name == "__class__" {
        return Ok(Some(Value::Obj(type_of(obj).clone())));
    }
    let Value::Obj(o) = obj else {
        return Ok(match (obj, name) {
            (Value::Int(_) | Value::Bool64(_), "real" | "numerator") => Some(Value::Int(crate::types::int::to_i64(obj).unwrap_or(0))),
            (Value::Int(_) | Value::Bool64(_), "imag") => Some(Value::Int(0)),
            (Value::Int(_) | Value::Bool64(_), "denominator") => Some(Value::Int(1)),
            (Value::Float64(f), "real") => Some(Value::Float(f.get())),
            (Value::Float64(_), "imag") => Some(Value::Float(0.0)),
            _ => None,
        });
    };
    if name == "__dict__" {
        if let Some(d) = o.instance_dict() {
            // A class's namespace is read-only from Python: a mappingproxy over it.
            if o.as_type().is_some() {
                return Ok(Some(crate::types::mappingproxy::new_mappingproxy(Value::Obj(d.clone()))));
            }
            return Ok(Some(Value::Obj(d.clone())));
        }
    }
    let v = match &o.payload {
        // A builtin type named "module.Name" (CPython's tp_name, e.g. "_io.TextIOWrapper")
        // has __module__ "module" and __name__ "Name"; messages print the dotted name.
        Payload::Type(td) => match name {
            "__flags__" => Value::Int(type_flags(td)),
            "__name__" if td.builtin => s(vm, td.name.rsplit('.').next().unwrap_or(&td.name)),
            "__qualname__" if td.builtin => s(vm, td.qualname.rsplit('.').next().unwrap_or(&td.qualname)),
            "__name__" => s(vm, &td.name),
            "__qualname__" => s(vm, &td.qualname),
            "__module__" if td.builtin && td.name.contains('.') => {
                let m = td.name.rsplit_once('.').map(|(m, _)| m).unwrap_or("builtins");
                Value::Obj(vm.intern(m))
            }
            "__mro__" => {
                let mut items = vec![Value::Obj(o.clone())];
                items.extend(td.mro.iter().map(|b| Value::Obj(b.clone())));
                if o.is(&types().type_) {
                    items.push(Value::Obj(types().object.clone()));
                }
                tuple_of(items)
            }
            // `type` was created before `object`: its base is patched in here.
            "__bases__" if o.is(&types().type_) => tuple_of(vec![Value::Obj(types().object.clone())]),
            "__base__" if o.is(&types().type_) => Value::Obj(types().object.clone()),
            "__bases__" => tuple_of(td.bases.iter().map(|b| Value::Obj(b.clone())).collect()),
            "__base__" => td.bases.first().map(|b| Value::Obj(b.clone())).unwrap_or(Value::None),
            // Interned, as CPython's: pickle memoizes module names by identity.
            "__module__" => Value::Obj(vm.intern("builtins")),
            "__doc__" => Value::None,
            "__abstractmethods__" => return Ok(None),
            _ => return Ok(None),
        },
        Payload::Function(fd) => match name {
            "__name__" => fd.name.lock().clone(),
            "__qualname__" => fd.qualname.lock().clone(),
            "__doc__" => fd.doc.lock().clone(),
            "__module__" => fd.module.clone(),
            "__defaults__" => {
                if fd.defaults.is_empty() {
                    Value::None
                } else {
                    tuple_of(fd.defaults.clone())
                }
            }
            "__kwdefaults__" => fd.kwdefaults.clone(),
            "__code__" => Value::Obj(ObjRef::new(types().code.clone(), Payload::Code(fd.code.clone()))),
            "__globals__" => Value::Obj(fd.globals.clone()),
            "__closure__" => {
                if fd.closure.is_empty() {
                    Value::None
                } else {
                    tuple_of(fd.closure.iter().map(|c| Value::Obj(c.clone())).collect())
                }
            }
            "__annotations__" => {
                let cur = fd.annotations.lock().clone();
                if cur.is_null() {
                    let d = Value::Obj(vm.new_dict());
                    *fd.annotations.lock() = d.clone();
                    d
                } else {
                    cur
                }
            }
            "__builtins__" => Value::Obj(crate::vm::interp().builtins_dict.clone()),
            _ => return Ok(None),
        },
        Payload::Builtin { name: n, bound, module, .. } => match name {
            "__name__" => s(vm, n),
            "__qualname__" => match bound {
                Some(b) if !matches!(b, Value::Obj(m) if matches!(m.payload, Payload::Module)) => {
                    let tn = match b {
                        Value::Obj(t) if t.as_type().is_some() => t.type_data().name.clone(),
                        other => vm.type_name(other),
                    };
                    s(vm, &format!("{tn}.{n}"))
                }
                _ => s(vm, n),
            },
            "__self__" => bound.clone().unwrap_or(Value::None),
            "__module__" => match module {
                Some(m) => Value::Obj(vm.intern(m)),
                None => Value::None,
            },
            "__doc__" | "__text_signature__" => Value::None,
            _ => return Ok(None),
        },
        Payload::Method { func, self_ } => match name {
            "__func__" => func.clone(),
            "__self__" => self_.clone(),
            _ => {
                let f = func.clone();
                return vm.get_attr_opt(&f, name);
            }
        },
        Payload::Code(c) => {
            let co = &c.co;
            match name {
                "co_name" => s(vm, &co.name),
                "co_qualname" => s(vm, &co.qualname),
                "co_filename" => s(vm, &co.filename),
                "co_firstlineno" => Value::Int(co.first_line as i64),
                "co_argcount" => Value::Int(co.argcount as i64),
                "co_kwonlyargcount" => Value::Int(co.kwonlyargcount as i64),
                "co_posonlyargcount" => Value::Int(co.posonlyargcount as i64),
                "co_flags" => Value::Int(co.flags as i64),
                "co_nlocals" => Value::Int(co.nlocals() as i64),
                "co_varnames" => {
                    let items = co.varnames.iter().map(|n| Value::Obj(crate::vm::intern_static(n))).collect();
                    tuple_of(items)
                }
                "co_names" => {
                    let items = co.names.iter().map(|n| Value::Obj(crate::vm::intern_static(n))).collect();
                    tuple_of(items)
                }
                "co_freevars" => {
                    let items = co.freevars.iter().map(|n| Value::Obj(crate::vm::intern_static(n))).collect();
                    tuple_of(items)
                }
                "co_cellvars" => {
                    let items = co.cellvars.iter().map(|n| Value::Obj(crate::vm::intern_static(n))).collect();
                    tuple_of(items)
                }
                "co_consts" => tuple_of(c.consts.clone()),
                _ => return Ok(None),
            }
        }
        Payload::Exception(d) => match name {
            "args" => d.lock().args.clone(),
            "__traceback__" => d.lock().traceback.clone(),
            "__cause__" => d.lock().cause.clone(),
            "__context__" => d.lock().context.clone(),
            "__suppress_context__" => Value::Bool(d.lock().suppress_context),
            _ => return Ok(None),
        },
        Payload::Coroutine(_) => return crate::coroutine::attr(vm, o, name),
        Payload::Generator(g) => match name {
            "gi_yieldfrom" => return crate::coroutine::attr(vm, o, name),
            "__name__" => g.lock().name.clone(),
            "__qualname__" => g.lock().qualname.clone(),
            "gi_running" => Value::Bool(g.lock().running),
            "gi_suspended" => {
                let st = g.lock();
                Value::Bool(st.started && !st.running && st.frame.is_some())
            }
            "gi_frame" => {
                // Snapshot the suspended frame (a running generator's frame is on the stack).
                let st = g.lock();
                match st.frame.as_ref() {
                    Some(f) => {
                        let fp: *const crate::eval::Frame = &**f;
                        drop(st);
                        // SAFETY: the generator is not running (its frame is in its state, and
                        // only resuming it, which `frame_object` never does, takes it out), and
                        // `o` keeps the generator alive.
                        return crate::types::frame::frame_object(vm, unsafe { &*fp }, None).map(Some);
                    }
                    // Running: the frame is somewhere on the thread's stack (not found here).
                    None => Value::None,
                }
            }
            "gi_code" => match g.lock().frame.as_ref() {
                Some(f) => Value::Obj(ObjRef::new(types().code.clone(), Payload::Code(f.code.clone()))),
                None => Value::None,
            },
            _ => return Ok(None),
        },
        Payload::Traceback(tb) => match name {
            "tb_next" => tb.next.clone(),
            "tb_lineno" => Value::Int(tb.code.co.line_of(tb.instr) as i64),
            "tb_lasti" => Value::Int(tb.instr as i64 * 2),
            "tb_frame" => {
                // The frame the exception left (kept by the traceback), or the one still
                // running on this thread's stack.
                if let Some(f) = tb.frame.get() {
                    let fp: *const crate::eval::Frame = &**f;
                    // SAFETY: the frame is owned by the traceback entry, which `o` keeps alive
                    // and which never replaces it once set.
                    return crate::types::frame::frame_object(vm, unsafe { &*fp }, None).map(Some);
                }
                let found = vm.frames.iter().rposition(|f| std::sync::Arc::ptr_eq(&f.code, &tb.code) && f.globals.is(&tb.globals));
                match found {
                    Some(i) => {
                        let fp: *const crate::eval::Frame = &*vm.frames[i];
                        // SAFETY: the frame is boxed in `vm.frames`, which frame_object does not
                        // change.
                        return crate::types::frame::frame_object(vm, unsafe { &*fp }, Some(i)).map(Some);
                    }
                    None => {
                        let (code, globals, builtins) = (tb.code.clone(), tb.globals.clone(), tb.builtins.clone());
                        return crate::types::frame::gone_frame_object(vm, code, globals, builtins, tb.instr).map(Some);
                    }
                }
            }
            _ => return Ok(None),
        },
        Payload::Property { fget, fset, fdel, doc } => match name {
            "fget" => fget.clone(),
            "fset" => fset.clone(),
            "fdel" => fdel.clone(),
            "__doc__" => {
                if doc.is_none() && !fget.is_none() {
                    let g = fget.clone();
                    return vm.get_attr_opt(&g, "__doc__");
                }
                doc.clone()
            }
            "__isabstractmethod__" => {
                let mut any = false;
                for f in [fget.clone(), fset.clone(), fdel.clone()] {
                    if !f.is_none() {
                        if let Some(v) = vm.get_attr_opt(&f, "__isabstractmethod__")? {
                            any |= vm.truthy(&v)?;
                        }
                    }
                }
                Value::Bool(any)
            }
            _ => return Ok(None),
        },
        Payload::StaticMethod(f) | Payload::ClassMethod(f) => match name {
            "__func__" | "__wrapped__" => f.clone(),
            "__isabstractmethod__" | "__doc__" | "__name__" | "__qualname__" => {
                let f = f.clone();
                return vm.get_attr_opt(&f, name);
            }
            _ => return Ok(None),
        },
        Payload::Range { start, stop, step } | Payload::Slice { start, stop, step } => match name {
            "start" => start.clone(),
            "stop" => stop.clone(),
            "step" => step.clone(),
            _ => return Ok(None),
        },
        Payload::Complex(r, i) => match name {
            "real" => Value::Float(*r),
            "imag" => Value::Float(*i),
            _ => return Ok(None),
        },
        Payload::Float(f) => match name {
            "real" => Value::Float(*f),
            "imag" => Value::Float(0.0),
            _ => return Ok(None),
        },
        Payload::Int(b) => match name {
            "real" | "numerator" => crate::types::int::from_bigint(b.clone()),
            "imag" => Value::Int(0),
            "denominator" => Value::Int(1),
            _ => return Ok(None),
        },
        Payload::Cell(c) => match name {
            "cell_contents" => {
                let v = c.lock().clone();
                if v.is_null() {
                    return Err(vm.value_error("Cell is empty"));
                }
                v
            }
            _ => return Ok(None),
        },
        Payload::Super { ty, obj } => match name {
            "__thisclass__" => Value::Obj(ty.clone()),
            "__self__" => obj.clone(),
            "__self_class__" => Value::Obj(type_of(obj).clone()),
            _ => return Ok(None),
        },
        _ => return Ok(None),
    };
    Ok(Some(v))
}

/// Stores to runtime-served attributes (a function's `__name__`, an exception's `__cause__`...).
/// Ok(None): not special, use the instance dict. Ok(Some(result)): handled.
pub fn set_special_attr(vm: &mut Vm, o: &ObjRef, name: &str, v: Option<Value>) -> PyResult<Option<PyResult<()>>> {
    match &o.payload {
        Payload::Function(fd) => {
            let slot = match name {
                "__name__" => &fd.name,
                "__qualname__" => &fd.qualname,
                "__doc__" => &fd.doc,
                "__annotations__" => {
                    let new = match v {
                        None => Value::Null,
                        Some(d) if matches!(&d, Value::Obj(o) if matches!(o.payload, Payload::Dict(_))) => d,
                        Some(_) => return Ok(Some(Err(vm.type_error("__annotations__ must be set to a dict object")))),
                    };
                    let old = std::mem::replace(&mut *fd.annotations.lock(), new);
                    drop(old);
                    return Ok(Some(Ok(())));
                }
                _ => return Ok(None),
            };
            let Some(v) = v else { return Ok(Some(Err(vm.type_error(&format!("{name} must be set to a string object"))))) };
            if name != "__doc__" && v.as_str().is_none() {
                return Ok(Some(Err(vm.type_error(&format!("{name} must be set to a string object")))));
            }
            let old = std::mem::replace(&mut *slot.lock(), v);
            drop(old);
            Ok(Some(Ok(())))
        }
        Payload::Exception(d) => {
            if matches!(name, "args" | "__traceback__" | "__cause__" | "__context__") {
                let Some(val) = &v else { return Ok(Some(Err(vm.type_error(&format!("{name} may not be deleted"))))) };
                let is_exc = |x: &Value| matches!(x, Value::Obj(o) if matches!(o.payload, Payload::Exception(_)));
                let bad = match name {
                    "__traceback__" if !(val.is_none() || matches!(val, Value::Obj(o) if matches!(o.payload, Payload::Traceback(_)))) => Some("__traceback__ must be a traceback or None"),
                    "__cause__" if !(val.is_none() || is_exc(val)) => Some("exception cause must be None or derive from BaseException"),
                    "__context__" if !(val.is_none() || is_exc(val)) => Some("exception context must be None or derive from BaseException"),
                    _ => None,
                };
                if let Some(msg) = bad {
                    return Ok(Some(Err(vm.type_error(msg))));
                }
            }
            let mut g = d.lock();
            let val = v.unwrap_or(Value::None);
            let old = match name {
                "args" => {
                    drop(g);
                    let items = vm.collect(&val)?;
                    let t = tuple_of(items);
                    let mut g = d.lock();
                    let old = std::mem::replace(&mut g.args, t);
                    drop(g);
                    drop(old);
                    return Ok(Some(Ok(())));
                }
                "__traceback__" => std::mem::replace(&mut g.traceback, val),
                "__cause__" => {
                    g.suppress_context = true;
                    std::mem::replace(&mut g.cause, val)
                }
                "__context__" => std::mem::replace(&mut g.context, val),
                "__suppress_context__" => {
                    drop(g);
                    let b = vm.truthy(&val)?;
                    d.lock().suppress_context = b;
                    return Ok(Some(Ok(())));
                }
                _ => return Ok(None),
            };
            drop(g);
            drop(old);
            Ok(Some(Ok(())))
        }
        Payload::Cell(c) if name == "cell_contents" => {
            let old = std::mem::replace(&mut *c.lock(), v.unwrap_or(Value::Null));
            drop(old);
            Ok(Some(Ok(())))
        }
        _ => {
            if name == "__class__" {
                let Some(Value::Obj(newcls)) = v else { return Ok(Some(Err(vm.type_error("__class__ must be set to a class")))) };
                if newcls.as_type().is_none() {
                    return Ok(Some(Err(vm.type_error("__class__ must be set to a class"))));
                }
                return Ok(Some(Err(vm.type_error("__class__ assignment is not supported by Spindle"))));
            }
            if name == "__dict__" && o.instance_dict().is_some() {
                let Some(Value::Obj(nd)) = v else { return Ok(Some(Err(vm.type_error("__dict__ must be set to a dictionary")))) };
                if !matches!(nd.payload, Payload::Dict(_)) {
                    let tn = nd.cls_data().name.clone();
                    return Ok(Some(Err(vm.type_error(&format!("__dict__ must be set to a dictionary, not a '{tn}'")))));
                }
                // Replace the contents (the dict slot itself is set once).
                let d = o.instance_dict().cloned().unwrap_or_else(|| vm.new_dict());
                let items = crate::types::dict::dict_items(&nd);
                if let Payload::Dict(c) = &d.payload {
                    let old = c.lock().clear();
                    drop(old);
                }
                for (k, val) in items {
                    crate::types::dict::dict_set(vm, &d, k, val)?;
                }
                return Ok(Some(Ok(())));
            }
            Ok(None)
        }
    }
}
