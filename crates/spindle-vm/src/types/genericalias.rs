//! `types.GenericAlias` (`list[int]`) and `types.UnionType` (`int | str`).
//!
//! A generic alias records an origin class and its arguments; calling it calls the origin,
//! attributes it does not define come from the origin, and it cannot be used with
//! isinstance. A union records its member types (flattened, without duplicates) and works
//! with isinstance/issubclass. Neither knows about TypeVars (`typing` is out of scope), so
//! `__parameters__` is always empty.

use crate::object::{ObjRef, Payload};
use crate::types::{types, BuiltinTypes};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};

pub struct GenericAliasData {
    pub origin: Value,
    /// Always a tuple.
    pub args: Value,
}

pub struct UnionData {
    /// Always a tuple of at least two distinct members.
    pub args: Value,
}

fn ga_data(v: &Value) -> Option<&GenericAliasData> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Native(n) => n.downcast_ref::<GenericAliasData>(),
            _ => None,
        },
        _ => None,
    }
}

fn union_data(v: &Value) -> Option<&UnionData> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Native(n) => n.downcast_ref::<UnionData>(),
            _ => None,
        },
        _ => None,
    }
}

/// `GenericAlias(origin, args)`; a non-tuple `args` is one argument.
pub fn new_alias(origin: Value, args: Value) -> Value {
    let args = if matches!(&args, Value::Obj(o) if matches!(o.payload, Payload::Tuple(_))) { args } else { crate::types::tuple::new_tuple(vec![args]) };
    Value::Obj(ObjRef::new(types().generic_alias.clone(), Payload::Native(Box::new(GenericAliasData { origin, args }))))
}

/// `cls.__class_getitem__(item)` of builtin generic classes.
pub fn class_getitem(_vm: &mut Vm, a: Args) -> PyResult {
    let cls = a.args.first().cloned().unwrap_or(Value::None);
    let item = a.args.get(1).cloned().unwrap_or(Value::None);
    Ok(new_alias(cls, item))
}

fn ga_new(vm: &mut Vm, a: Args) -> PyResult {
    if !a.kwargs.is_empty() {
        return Err(vm.type_error("GenericAlias() takes no keyword arguments"));
    }
    if a.args.len() != 3 {
        return Err(vm.type_error(&format!("GenericAlias expected 2 arguments, got {}", a.args.len().saturating_sub(1))));
    }
    let r = new_alias(a.args[1].clone(), a.args[2].clone());
    // A subclass (collections.abc's Callable alias) gets an instance of itself.
    match (&a.args[0], &r) {
        (Value::Obj(cls), Value::Obj(o)) if !cls.is(&types().generic_alias) && cls.as_type().is_some() && crate::types::is_subtype(cls, &types().generic_alias) => {
            let Payload::Native(n) = &o.payload else { return Ok(r) };
            let Some(d) = n.downcast_ref::<GenericAliasData>() else { return Ok(r) };
            let data = GenericAliasData { origin: d.origin.clone(), args: d.args.clone() };
            Ok(Value::Obj(ObjRef::new(cls.clone(), Payload::Native(Box::new(data)))))
        }
        _ => Ok(r),
    }
}

/// CPython's `ga_repr_item`: types as `module.qualname` (no module for builtins), `...` for
/// Ellipsis, other objects by repr.
fn repr_item(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Value::Obj(o) = v {
        if o.is(&types().ellipsis_obj) {
            return Ok("...".into());
        }
        if ga_data(v).is_some() || union_data(v).is_some() {
            return vm.repr(v);
        }
        if o.as_type().is_some() {
            let qual = vm.get_attr_opt(v, "__qualname__")?;
            let module = vm.get_attr_opt(v, "__module__")?;
            if let (Some(q), Some(m)) = (&qual, &module) {
                if let (Some(q), Some(m)) = (q.as_str(), m.as_str()) {
                    return Ok(if m == "builtins" { q.to_string() } else { format!("{m}.{q}") });
                }
            }
        }
    }
    vm.repr(v)
}

fn self_ga<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a GenericAliasData> {
    match a.args.first().and_then(ga_data) {
        Some(d) => Ok(d),
        None => Err(vm.type_error("descriptor requires a 'types.GenericAlias' object")),
    }
}

fn ga_repr(vm: &mut Vm, a: Args) -> PyResult {
    let d = self_ga(vm, &a)?;
    let (origin, args) = (d.origin.clone(), d.args.clone());
    let mut s = repr_item(vm, &origin)?;
    s.push('[');
    let items = crate::types::tuple::tuple_items(&args).map(|x| x.to_vec()).unwrap_or_default();
    if items.is_empty() {
        s.push_str("()");
    }
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        // A list argument (Callable[[int], str]) shows its items.
        if let Some(inner) = match x {
            Value::Obj(o) if matches!(o.payload, Payload::List(_)) => Some(vm.collect(x)?),
            _ => None,
        } {
            let parts: Vec<String> = inner.iter().map(|y| repr_item(vm, y)).collect::<PyResult<_>>()?;
            s.push_str(&format!("[{}]", parts.join(", ")));
        } else {
            s.push_str(&repr_item(vm, x)?);
        }
    }
    s.push(']');
    Ok(vm.new_string(s))
}

fn ga_call(vm: &mut Vm, a: Args) -> PyResult {
    let origin = self_ga(vm, &a)?.origin.clone();
    let r = vm.call(&origin, &a.args[1..], a.kwargs)?;
    // As CPython: record the alias on the result when it takes attributes.
    if let Err(e) = vm.set_attr_str(&r, "__orig_class__", a.args[0].clone()) {
        let t = types();
        if !vm.is_instance_of(&e, &t.exc.attribute_error.clone()) && !vm.is_instance_of(&e, &t.exc.type_error.clone()) {
            return Err(e);
        }
    }
    Ok(r)
}

/// Attributes the alias does not define come from its origin.
fn ga_getattr(vm: &mut Vm, a: Args) -> PyResult {
    let origin = self_ga(vm, &a)?.origin.clone();
    let name = a.args.get(1).cloned().unwrap_or(Value::None);
    match name.as_str() {
        Some(n) => {
            let n = n.to_string();
            vm.get_attr_str(&origin, &n)
        }
        None => Err(vm.type_error("attribute name must be string")),
    }
}

fn ga_origin(vm: &mut Vm, a: Args) -> PyResult {
    Ok(self_ga(vm, &a)?.origin.clone())
}
fn ga_args(vm: &mut Vm, a: Args) -> PyResult {
    Ok(self_ga(vm, &a)?.args.clone())
}
fn no_parameters(_vm: &mut Vm, _a: Args) -> PyResult {
    Ok(crate::types::tuple::new_tuple(Vec::new()))
}

fn ga_eq(vm: &mut Vm, a: Args) -> PyResult {
    let d = self_ga(vm, &a)?;
    let (o1, a1) = (d.origin.clone(), d.args.clone());
    let Some(other) = a.args.get(1).and_then(ga_data) else { return Ok(Value::Obj(types().not_implemented_obj.clone())) };
    let (o2, a2) = (other.origin.clone(), other.args.clone());
    Ok(Value::Bool(crate::ops::eq(vm, &o1, &o2)? && crate::ops::eq(vm, &a1, &a2)?))
}

fn ga_hash(vm: &mut Vm, a: Args) -> PyResult {
    let d = self_ga(vm, &a)?;
    let (o, args) = (d.origin.clone(), d.args.clone());
    let h = vm.hash(&o)? ^ vm.hash(&args)?;
    Ok(Value::Int(if h == -1 { -2 } else { h }))
}

fn ga_mro_entries(vm: &mut Vm, a: Args) -> PyResult {
    let origin = self_ga(vm, &a)?.origin.clone();
    Ok(crate::types::tuple::new_tuple(vec![origin]))
}

fn ga_getitem(vm: &mut Vm, a: Args) -> PyResult {
    let r = ga_repr(vm, Args::new(&a.args[..1]))?;
    let s = vm.to_str(&r)?;
    Err(vm.type_error(&format!("{s} is not a generic class")))
}

fn ga_reduce(vm: &mut Vm, a: Args) -> PyResult {
    let d = self_ga(vm, &a)?;
    let (o, args) = (d.origin.clone(), d.args.clone());
    let cls = Value::Obj(types().generic_alias.clone());
    Ok(crate::types::tuple::new_tuple(vec![cls, crate::types::tuple::new_tuple(vec![o, args])]))
}

fn ga_instancecheck(vm: &mut Vm, _a: Args) -> PyResult {
    Err(vm.type_error("isinstance() argument 2 cannot be a parameterized generic"))
}

fn ga_subclasscheck(vm: &mut Vm, _a: Args) -> PyResult {
    Err(vm.type_error("issubclass() argument 2 cannot be a parameterized generic"))
}

// ----- unions -----

/// Can `v` be a member of a union (`X | Y`)? Types, None, aliases and unions.
fn unionable(v: &Value) -> bool {
    match v {
        Value::None => true,
        Value::Obj(o) => o.as_type().is_some() || ga_data(v).is_some() || union_data(v).is_some(),
        _ => false,
    }
}

/// `a | b` for types, None, generic aliases and unions; NotImplemented otherwise.
pub fn union_of(vm: &mut Vm, a: &Value, b: &Value) -> PyResult {
    if !unionable(a) || !unionable(b) {
        return Ok(Value::Obj(types().not_implemented_obj.clone()));
    }
    let mut members: Vec<Value> = Vec::new();
    for v in [a, b] {
        let parts = match union_data(v) {
            Some(u) => crate::types::tuple::tuple_items(&u.args).map(|s| s.to_vec()).unwrap_or_default(),
            None => vec![if v.is_none() { Value::Obj(types().none_type.clone()) } else { v.clone() }],
        };
        for p in parts {
            let mut dup = false;
            for m in &members {
                if m.is(&p) || (ga_data(m).is_some() && ga_data(&p).is_some() && crate::ops::eq(vm, m, &p)?) {
                    dup = true;
                    break;
                }
            }
            if !dup {
                members.push(p);
            }
        }
    }
    if members.len() == 1 {
        return Ok(members.pop().unwrap_or(Value::None));
    }
    let args = crate::types::tuple::new_tuple(members);
    Ok(Value::Obj(ObjRef::new(types().union_type.clone(), Payload::Native(Box::new(UnionData { args })))))
}

fn self_union<'a>(vm: &mut Vm, a: &'a Args) -> PyResult<&'a UnionData> {
    match a.args.first().and_then(union_data) {
        Some(d) => Ok(d),
        None => Err(vm.type_error("descriptor requires a 'types.UnionType' object")),
    }
}

fn union_members(vm: &mut Vm, a: &Args) -> PyResult<Vec<Value>> {
    let u = self_union(vm, a)?;
    Ok(crate::types::tuple::tuple_items(&u.args).map(|s| s.to_vec()).unwrap_or_default())
}

fn union_repr(vm: &mut Vm, a: Args) -> PyResult {
    let members = union_members(vm, &a)?;
    let mut parts = Vec::with_capacity(members.len());
    for m in &members {
        if matches!(m, Value::Obj(o) if o.is(&types().none_type)) {
            parts.push("None".to_string());
        } else {
            parts.push(repr_item(vm, m)?);
        }
    }
    Ok(vm.new_string(parts.join(" | ")))
}

fn union_args(vm: &mut Vm, a: Args) -> PyResult {
    Ok(self_union(vm, &a)?.args.clone())
}

fn union_or(vm: &mut Vm, a: Args) -> PyResult {
    let (x, y) = (a.args[0].clone(), a.args.get(1).cloned().unwrap_or(Value::None));
    union_of(vm, &x, &y)
}

fn union_ror(vm: &mut Vm, a: Args) -> PyResult {
    let (x, y) = (a.args[0].clone(), a.args.get(1).cloned().unwrap_or(Value::None));
    union_of(vm, &y, &x)
}

fn union_eq(vm: &mut Vm, a: Args) -> PyResult {
    let mine = union_members(vm, &a)?;
    let Some(other) = a.args.get(1).and_then(union_data) else { return Ok(Value::Obj(types().not_implemented_obj.clone())) };
    let theirs = crate::types::tuple::tuple_items(&other.args).map(|s| s.to_vec()).unwrap_or_default();
    // Equal as sets of members.
    let s1 = crate::types::set::new_set_from(vm, mine)?;
    let s2 = crate::types::set::new_set_from(vm, theirs)?;
    Ok(Value::Bool(crate::ops::eq(vm, &s1, &s2)?))
}

fn union_hash(vm: &mut Vm, a: Args) -> PyResult {
    let members = union_members(vm, &a)?;
    let fs = crate::types::set::new_set_from(vm, members)?;
    let items = vm.collect(&fs)?;
    let mut h: i64 = 0;
    for x in &items {
        h ^= vm.hash(x)?;
    }
    Ok(Value::Int(if h == -1 { -2 } else { h }))
}

fn union_check(vm: &mut Vm, a: &Args, sub: bool) -> PyResult {
    let members = union_members(vm, a)?;
    let obj = a.args.get(1).cloned().unwrap_or(Value::None);
    for m in &members {
        if ga_data(m).is_some() {
            let what = if sub { "issubclass" } else { "isinstance" };
            return Err(vm.type_error(&format!("{what}() argument 2 cannot contain a parameterized generic")));
        }
    }
    for m in &members {
        let hit = if sub { crate::builtins::issubclass_of(vm, &obj, m)? } else { crate::builtins::isinstance_of(vm, &obj, m)? };
        if hit {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn union_instancecheck(vm: &mut Vm, a: Args) -> PyResult {
    union_check(vm, &a, false)
}

fn union_subclasscheck(vm: &mut Vm, a: Args) -> PyResult {
    union_check(vm, &a, true)
}

/// `type.__or__` / `type.__ror__`.
pub fn type_or(vm: &mut Vm, a: Args) -> PyResult {
    let (x, y) = (a.args[0].clone(), a.args.get(1).cloned().unwrap_or(Value::None));
    union_of(vm, &x, &y)
}

pub fn type_ror(vm: &mut Vm, a: Args) -> PyResult {
    let (x, y) = (a.args[0].clone(), a.args.get(1).cloned().unwrap_or(Value::None));
    union_of(vm, &y, &x)
}

pub fn init(t: &BuiltinTypes) {
    let ga = &t.generic_alias;
    crate::types::add_staticmethod(ga, "__new__", ga_new);
    crate::types::add_methods(
        ga,
        &[
            ("__repr__", ga_repr),
            ("__call__", ga_call),
            ("__getattr__", ga_getattr),
            ("__eq__", ga_eq),
            ("__hash__", ga_hash),
            ("__mro_entries__", ga_mro_entries),
            ("__getitem__", ga_getitem),
            ("__reduce__", ga_reduce),
            ("__instancecheck__", ga_instancecheck),
            ("__subclasscheck__", ga_subclasscheck),
            ("__or__", union_or),
            ("__ror__", union_ror),
        ],
    );
    crate::types::add_getters(ga, &[("__origin__", ga_origin), ("__args__", ga_args), ("__parameters__", no_parameters)]);
    let un = &t.union_type;
    crate::types::add_methods(
        un,
        &[
            ("__repr__", union_repr),
            ("__or__", union_or),
            ("__ror__", union_ror),
            ("__eq__", union_eq),
            ("__hash__", union_hash),
            ("__instancecheck__", union_instancecheck),
            ("__subclasscheck__", union_subclasscheck),
        ],
    );
    crate::types::add_getters(un, &[("__args__", union_args), ("__parameters__", no_parameters)]);
    crate::types::add_methods(&t.type_, &[("__or__", type_or), ("__ror__", type_ror)]);
    for ty in [&t.list, &t.dict, &t.tuple, &t.set, &t.frozenset, &t.type_, &t.enumerate] {
        crate::types::add_classmethod(ty, "__class_getitem__", class_getitem);
    }
}
