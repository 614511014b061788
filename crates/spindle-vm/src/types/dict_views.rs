//! Set behaviour of `dict.keys()` and `dict.items()` views (`&`, `|`, `-`, `^`, comparisons,
//! `isdisjoint`, item membership), following CPython's `dictobject.c` so results are built in
//! the same order.

use crate::object::{ObjRef, Payload};
use crate::types::dict::{dict_get, dict_items, dict_len};
use crate::types::{add_methods, types, BuiltinTypes};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};
use spindle_compiler::bytecode::{BinOp, CmpOp};

/// A keys or items view (the set-like ones): its dict and kind (0 keys, 2 items).
fn setview(v: &Value) -> Option<(&ObjRef, u8)> {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::DictView { dict, kind } if *kind != 1 => Some((dict, *kind)),
            _ => None,
        },
        _ => None,
    }
}

fn is_anyset(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.payload, Payload::Set(_) | Payload::FrozenSet(_)))
}

/// `(k, v) in d.items()`.
fn items_contains(vm: &mut Vm, d: &ObjRef, item: &Value) -> PyResult<bool> {
    let Some(pair) = crate::types::tuple::tuple_items(item).filter(|p| p.len() == 2 && matches!(item, Value::Obj(o) if matches!(o.payload, Payload::Tuple(_)))) else { return Ok(false) };
    let (k, v) = (pair[0].clone(), pair[1].clone());
    match dict_get(vm, d, &k)? {
        Some(found) => crate::ops::eq(vm, &found, &v),
        None => Ok(false),
    }
}

/// Membership in a set-like view.
pub fn view_contains(vm: &mut Vm, d: &ObjRef, kind: u8, item: &Value) -> PyResult<bool> {
    if kind == 0 {
        Ok(dict_get(vm, d, item)?.is_some())
    } else {
        items_contains(vm, d, item)
    }
}

fn len_of(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    vm.len(v)
}

/// CPython's `dictviews_to_set`: a keys view of an exact dict reads the dict directly.
fn to_set(vm: &mut Vm, v: &Value) -> PyResult {
    let s = crate::types::set::new_set_from(vm, Vec::new())?;
    let src = match setview(v) {
        Some((d, 0)) if d.cls.is(&types().dict) => Value::Obj(d.clone()),
        _ => v.clone(),
    };
    crate::types::set::set_update(vm, &s, &src)?;
    Ok(s)
}

/// `_PyDictView_Intersect`.
fn intersect(vm: &mut Vm, a: &Value, b: &Value) -> PyResult {
    let (mut me, mut other) = if setview(a).is_some() { (a.clone(), b.clone()) } else { (b.clone(), a.clone()) };
    let len_self = len_of(vm, &me)?;
    if matches!(&other, Value::Obj(o) if o.cls.is(&types().set)) && len_self <= len_of(vm, &other)? {
        return vm.call_method(&other, "intersection", &[me]);
    }
    if setview(&other).is_some() && len_of(vm, &other)? > len_self {
        std::mem::swap(&mut me, &mut other);
    }
    let Some((d, kind)) = setview(&me).map(|(d, k)| (d.clone(), k)) else { return Ok(Value::None) };
    let result = crate::types::set::new_set_from(vm, Vec::new())?;
    let it = vm.iter(&other)?;
    while let Some(x) = vm.next(&it)? {
        if view_contains(vm, &d, kind, &x)? {
            crate::types::set::set_add(vm, &result, x)?;
        }
    }
    Ok(result)
}

/// `dictitems_xor`: items of either view whose key is missing from, or maps to a different
/// value in, the other.
fn items_xor(vm: &mut Vm, d1: &ObjRef, d2: &ObjRef) -> PyResult {
    let temp = Value::Obj(crate::types::dict::dict_copy(d1));
    let result = crate::types::set::new_set_from(vm, Vec::new())?;
    for (k, v2) in dict_items(d2) {
        let Value::Obj(t) = &temp else { break };
        let v1 = dict_get(vm, t, &k)?;
        let same = match &v1 {
            Some(v1) => crate::ops::eq(vm, v1, &v2)?,
            None => false,
        };
        if same {
            vm.delitem(&temp, &k)?;
        } else {
            let pair = crate::types::tuple::new_tuple(vec![k, v2]);
            crate::types::set::set_add(vm, &result, pair)?;
        }
    }
    let rest = vm.call_method(&temp, "items", &[])?;
    crate::types::set::set_update(vm, &result, &rest)?;
    Ok(result)
}

/// `a op b` where either side is a keys or items view.
pub fn view_binop(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    if setview(a).is_none() && setview(b).is_none() {
        return Ok(None);
    }
    Ok(Some(match op {
        BinOp::And => intersect(vm, a, b)?,
        BinOp::Or => {
            let r = to_set(vm, a)?;
            crate::types::set::set_update(vm, &r, b)?;
            r
        }
        BinOp::Sub => {
            let r = to_set(vm, a)?;
            vm.call_method(&r, "difference_update", std::slice::from_ref(b))?;
            r
        }
        BinOp::Xor => {
            if let (Some((d1, 2)), Some((d2, 2))) = (setview(a), setview(b)) {
                let (d1, d2) = (d1.clone(), d2.clone());
                return items_xor(vm, &d1, &d2).map(Some);
            }
            let r = to_set(vm, a)?;
            vm.call_method(&r, "symmetric_difference_update", std::slice::from_ref(b))?;
            r
        }
        _ => return Ok(None),
    }))
}

/// Is every item of `a` in `b`?
fn all_contained_in(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let it = vm.iter(a)?;
    while let Some(x) = vm.next(&it)? {
        if !crate::ops::contains(vm, b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `dictview_richcompare`: comparisons of a set-like view with a set or another such view.
pub fn view_compare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Option<bool>> {
    let ok_operand = |v: &Value| setview(v).is_some() || is_anyset(v);
    if !(setview(a).is_some() || setview(b).is_some()) || !ok_operand(a) || !ok_operand(b) {
        return Ok(None);
    }
    let (la, lb) = (len_of(vm, a)?, len_of(vm, b)?);
    Ok(Some(match op {
        CmpOp::Eq => la == lb && all_contained_in(vm, a, b)?,
        CmpOp::Ne => !(la == lb && all_contained_in(vm, a, b)?),
        CmpOp::Lt => la < lb && all_contained_in(vm, a, b)?,
        CmpOp::Le => la <= lb && all_contained_in(vm, a, b)?,
        CmpOp::Gt => la > lb && all_contained_in(vm, b, a)?,
        CmpOp::Ge => la >= lb && all_contained_in(vm, b, a)?,
    }))
}

fn not_implemented() -> Value {
    Value::Obj(types().not_implemented_obj.clone())
}

fn binop_method(vm: &mut Vm, a: &Args, op: BinOp, reflected: bool) -> PyResult {
    if a.args.len() != 2 {
        return Err(vm.type_error(&format!("expected 1 argument, got {}", a.args.len().saturating_sub(1))));
    }
    let (x, y) = if reflected { (&a.args[1], &a.args[0]) } else { (&a.args[0], &a.args[1]) };
    Ok(view_binop(vm, x, y, op)?.unwrap_or_else(not_implemented))
}

fn compare_method(vm: &mut Vm, a: &Args, op: CmpOp) -> PyResult {
    if a.args.len() != 2 {
        return Err(vm.type_error(&format!("expected 1 argument, got {}", a.args.len().saturating_sub(1))));
    }
    Ok(view_compare(vm, &a.args[0], &a.args[1], op)?.map(Value::Bool).unwrap_or_else(not_implemented))
}

macro_rules! view_dunders {
    ($( $f:ident => $body:expr; )*) => {
        $( fn $f(vm: &mut Vm, a: Args) -> PyResult { let f: fn(&mut Vm, &Args) -> PyResult = $body; f(vm, &a) } )*
    };
}
view_dunders! {
    v_and => |vm, a| binop_method(vm, a, BinOp::And, false);
    v_rand => |vm, a| binop_method(vm, a, BinOp::And, true);
    v_or => |vm, a| binop_method(vm, a, BinOp::Or, false);
    v_ror => |vm, a| binop_method(vm, a, BinOp::Or, true);
    v_sub => |vm, a| binop_method(vm, a, BinOp::Sub, false);
    v_rsub => |vm, a| binop_method(vm, a, BinOp::Sub, true);
    v_xor => |vm, a| binop_method(vm, a, BinOp::Xor, false);
    v_rxor => |vm, a| binop_method(vm, a, BinOp::Xor, true);
    v_eq => |vm, a| compare_method(vm, a, CmpOp::Eq);
    v_ne => |vm, a| compare_method(vm, a, CmpOp::Ne);
    v_lt => |vm, a| compare_method(vm, a, CmpOp::Lt);
    v_le => |vm, a| compare_method(vm, a, CmpOp::Le);
    v_gt => |vm, a| compare_method(vm, a, CmpOp::Gt);
    v_ge => |vm, a| compare_method(vm, a, CmpOp::Ge);
}

/// `view.isdisjoint(other)` (`dictviews_isdisjoint`).
fn v_isdisjoint(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() != 2 {
        return Err(vm.type_error(&format!("isdisjoint() takes exactly one argument ({} given)", a.args.len().saturating_sub(1))));
    }
    let (mut me, mut other) = (a.args[0].clone(), a.args[1].clone());
    if me.is(&other) {
        return Ok(Value::Bool(len_of(vm, &me)? == 0));
    }
    if is_anyset(&other) || setview(&other).is_some() {
        let (ls, lo) = (len_of(vm, &me)?, len_of(vm, &other)?);
        if lo > ls {
            std::mem::swap(&mut me, &mut other);
        }
    }
    let it = vm.iter(&other)?;
    while let Some(x) = vm.next(&it)? {
        if crate::ops::contains(vm, &me, &x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn v_contains(vm: &mut Vm, a: Args) -> PyResult {
    crate::types::need_args(vm, &a, 1)?;
    let Some((d, kind)) = a.args.first().and_then(setview).map(|(d, k)| (d.clone(), k)) else {
        // values views: a linear search with ==.
        let it = vm.iter(&a.args[0])?;
        while let Some(x) = vm.next(&it)? {
            if x.is(&a.args[1]) || crate::ops::eq(vm, &x, &a.args[1])? {
                return Ok(Value::Bool(true));
            }
        }
        return Ok(Value::Bool(false));
    };
    Ok(Value::Bool(view_contains(vm, &d, kind, &a.args[1])?))
}

fn v_reversed(_vm: &mut Vm, a: Args) -> PyResult {
    match &a.args[0] {
        Value::Obj(o) => match &o.payload {
            Payload::DictView { dict, kind } => Ok(crate::types::iters::dict_reversed(dict, *kind)),
            _ => Ok(Value::None),
        },
        _ => Ok(Value::None),
    }
}

fn v_len(vm: &mut Vm, a: Args) -> PyResult {
    let _ = vm;
    match &a.args[0] {
        Value::Obj(o) => match &o.payload {
            Payload::DictView { dict, .. } => Ok(Value::Int(dict_len(dict) as i64)),
            _ => Ok(Value::Int(0)),
        },
        _ => Ok(Value::Int(0)),
    }
}

pub fn init(t: &BuiltinTypes) {
    for v in [&t.dict_keys, &t.dict_items] {
        add_methods(v, &[
            ("__and__", v_and), ("__rand__", v_rand), ("__or__", v_or), ("__ror__", v_ror), ("__sub__", v_sub), ("__rsub__", v_rsub), ("__xor__", v_xor), ("__rxor__", v_rxor),
            ("__eq__", v_eq), ("__ne__", v_ne), ("__lt__", v_lt), ("__le__", v_le), ("__gt__", v_gt), ("__ge__", v_ge), ("isdisjoint", v_isdisjoint),
        ]);
        crate::types::set_type_attr(v, "__hash__", Value::None);
    }
    for v in [&t.dict_keys, &t.dict_values, &t.dict_items] {
        add_methods(v, &[("__contains__", v_contains), ("__reversed__", v_reversed), ("__len__", v_len)]);
    }
}
