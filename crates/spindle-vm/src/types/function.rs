//! Function objects: creation from a code constant (`MakeFunction`) and their attributes.

use crate::object::{FunctionData, ObjRef, Payload};
use crate::sync::PyCell;
use crate::types::{types, BuiltinTypes};
use crate::value::Value;
use crate::vm::Vm;
use crate::types::add_methods;
use crate::{Args, PyResult};

/// Build a function from the operands of `MakeFunction`.
pub fn make_function(vm: &mut Vm, code: &Value, globals: ObjRef, defaults: Value, kwdefaults: Value, closure: Option<Value>) -> Value {
    let Value::Obj(co) = code else { return Value::None };
    let Payload::Code(code) = &co.payload else { return Value::None };
    let defaults = crate::types::tuple::tuple_items(&defaults).map(|s| s.to_vec()).unwrap_or_default();
    let closure: Box<[ObjRef]> = closure.as_ref().and_then(|c| crate::types::tuple::tuple_items(c)).map(|s| s.iter().filter_map(|v| v.as_obj().cloned()).collect()).unwrap_or_default();
    let name = vm.new_str(&code.co.name);
    let qualname = code.qualname.clone();
    let doc = match &code.co.doc {
        Some(d) => vm.new_str(d),
        None => Value::None,
    };
    let module = crate::types::dict::dict_get_str(&globals, "__name__").unwrap_or(Value::None);
    let fd = FunctionData { code: code.clone(), globals, defaults, kwdefaults, closure, name: PyCell::new(name), qualname: PyCell::new(qualname), doc: PyCell::new(doc), module, annotations: PyCell::new(Value::Null) };
    let dict = vm.new_dict();
    Value::Obj(ObjRef::new_with_dict(types().function.clone(), Payload::Function(Box::new(fd)), dict))
}

pub fn init(t: &BuiltinTypes) {
    crate::generator::init(t);
    init_reprs(t);
}

fn func_repr(vm: &mut Vm, a: Args) -> PyResult {
    let v = &a.args[0];
    let Value::Obj(o) = v else { return Err(vm.type_error("descriptor requires a function")) };
    let s = match &o.payload {
        Payload::Function(fd) => {
            let q = fd.qualname.lock().clone();
            let q = vm.to_str(&q)?;
            format!("<function {q} at {:#x}>", v.id())
        }
        Payload::Builtin { name, bound, .. } => match bound {
            Some(b) if !matches!(b, Value::Obj(m) if matches!(m.payload, Payload::Module)) => {
                let tn = match b {
                    Value::Obj(t) if t.as_type().is_some() => t.type_data().name.clone(),
                    other => vm.type_name(other),
                };
                let what = if matches!(b, Value::Obj(t) if t.as_type().is_some()) { format!("<class '{tn}'>") } else { format!("<{tn} object at {:#x}>", b.id()) };
                format!("<built-in method {name} of {what}>")
            }
            _ => format!("<built-in function {name}>"),
        },
        Payload::Method { func, self_ } => {
            let (f, s) = (func.clone(), self_.clone());
            let q = match vm.get_attr_opt(&f, "__qualname__")? {
                Some(q) => vm.to_str(&q)?,
                None => "?".to_string(),
            };
            let r = vm.repr(&s)?;
            format!("<bound method {q} of {r}>")
        }
        Payload::Code(c) => format!("<code object {} at {:#x}, file \"{}\", line {}>", c.co.name, v.id(), c.co.filename, c.co.first_line),
        Payload::Cell(c) => {
            let inner = c.lock().clone();
            if inner.is_null() {
                format!("<cell at {:#x}: empty>", v.id())
            } else {
                let tn = vm.type_name(&inner);
                format!("<cell at {:#x}: {tn} object at {:#x}>", v.id(), inner.id())
            }
        }
        Payload::Coroutine(_) | Payload::Native(_) if crate::coroutine::repr(vm, v)?.is_some() => crate::coroutine::repr(vm, v)?.unwrap_or_default(),
        Payload::Generator(g) => {
            let q = g.lock().qualname.clone();
            let q = vm.to_str(&q)?;
            format!("<generator object {q} at {:#x}>", v.id())
        }
        _ => crate::types::object::default_repr(vm, v),
    };
    Ok(vm.new_string(s))
}

/// `function.__get__`: bind to an instance.
fn func_get(vm: &mut Vm, a: Args) -> PyResult {
    let f = a.args[0].clone();
    let inst = a.args.get(1).cloned().unwrap_or(Value::None);
    if inst.is_none() {
        return Ok(f);
    }
    let ty = crate::types::type_of(&inst).clone();
    vm.descr_get(&f, Some(&inst), &ty)
}

fn method_eq(vm: &mut Vm, a: Args) -> PyResult {
    let (Value::Obj(x), Some(Value::Obj(y))) = (&a.args[0], a.args.get(1)) else { return Ok(Value::Obj(types().not_implemented_obj.clone())) };
    match (&x.payload, &y.payload) {
        (Payload::Method { func: f1, self_: s1 }, Payload::Method { func: f2, self_: s2 }) => Ok(Value::Bool(f1.is(f2) && s1.is(s2))),
        _ => {
            let _ = vm;
            Ok(Value::Obj(types().not_implemented_obj.clone()))
        }
    }
}

fn method_hash(vm: &mut Vm, a: Args) -> PyResult {
    let Value::Obj(x) = &a.args[0] else { return Ok(Value::Int(0)) };
    match &x.payload {
        Payload::Method { func, self_ } => {
            let h = vm.hash(self_)?;
            Ok(Value::Int(h ^ (func.id() as i64 >> 4)))
        }
        _ => Ok(Value::Int((x.id() >> 4) as i64)),
    }
}

/// `method.__reduce__`: `(getattr, (self, name))`, as CPython (copy and pickle use it).
fn method_reduce(vm: &mut Vm, a: Args) -> PyResult {
    let Some(Value::Obj(m)) = a.args.first() else { return Err(vm.type_error("descriptor requires a 'method' object")) };
    let Payload::Method { func, self_ } = &m.payload else { return Err(vm.type_error("descriptor requires a 'method' object")) };
    let (func, self_) = (func.clone(), self_.clone());
    let name = vm.get_attr_str(&func, "__name__")?;
    let getattr = crate::types::dict::dict_get_str(&crate::vm::interp().builtins_dict, "getattr").unwrap_or(Value::None);
    let args = crate::types::tuple::new_tuple(vec![self_, name]);
    Ok(crate::types::tuple::new_tuple(vec![getattr, args]))
}

/// `types.MethodType(func, obj)`.
fn method_new(vm: &mut Vm, a: Args) -> PyResult {
    if !a.kwargs.is_empty() {
        return Err(vm.type_error("method() takes no keyword arguments"));
    }
    if a.args.len() != 3 {
        return Err(vm.type_error(&format!("method expected 2 arguments, got {}", a.args.len().saturating_sub(1))));
    }
    let (func, self_) = (a.args[1].clone(), a.args[2].clone());
    if !crate::builtins::is_callable(&func) {
        return Err(vm.type_error("first argument must be callable"));
    }
    if self_.is_none() {
        return Err(vm.type_error("instance must not be None"));
    }
    Ok(Value::Obj(ObjRef::new(types().method.clone(), Payload::Method { func, self_ })))
}

fn cell_new(vm: &mut Vm, a: Args) -> PyResult {
    let _ = vm;
    let v = a.args.get(1).cloned().unwrap_or(Value::Null);
    Ok(Value::Obj(crate::eval::new_cell(v)))
}

/// `f.__call__(*args, **kwargs)` for functions, builtins and bound methods.
fn func_call(vm: &mut Vm, a: Args) -> PyResult {
    let Some(f) = a.args.first() else { return Err(vm.type_error("descriptor '__call__' of 'function' object needs an argument")) };
    vm.call(f, &a.args[1..], a.kwargs)
}

pub fn init_reprs(t: &BuiltinTypes) {
    for ty in [&t.function, &t.builtin_function, &t.method, &t.code, &t.cell, &t.generator, &t.coroutine, &t.async_generator, &t.coroutine_wrapper, &t.async_generator_asend, &t.async_generator_athrow] {
        add_methods(ty, &[("__repr__", func_repr)]);
    }
    for ty in [&t.function, &t.builtin_function, &t.method] {
        add_methods(ty, &[("__call__", func_call)]);
    }
    add_methods(&t.function, &[("__get__", func_get)]);
    add_methods(&t.method, &[("__eq__", method_eq), ("__hash__", method_hash), ("__reduce__", method_reduce)]);
    crate::types::add_staticmethod(&t.cell, "__new__", cell_new);
    crate::types::add_staticmethod(&t.method, "__new__", method_new);
}
