//! `gc`: the interface of the cycle collector (`crate::gc`): `collect`, automatic collection
//! switches and thresholds, generation counts, tracked objects, `freeze`, `callbacks`,
//! `garbage` and statistics, with CPython 3.11's argument checks and messages.

use crate::gc::registry::REGISTRY;
use crate::gc::{self, CALLBACKS, DEBUG, GARBAGE, STATS};
use crate::object::ObjRef;
use crate::stdlib::{module_with, set_attr};
use crate::types::list::new_list;
use crate::types::tuple::new_tuple;
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};
use std::sync::atomic::Ordering;

fn no_args(vm: &mut Vm, a: &Args, name: &str) -> PyResult<()> {
    let n = a.args.len() + a.kwargs.len();
    if n != 0 {
        return Err(vm.type_error(&format!("gc.{name}() takes no arguments ({n} given)")));
    }
    Ok(())
}

fn one_arg<'a>(vm: &mut Vm, a: &'a Args, name: &str) -> PyResult<&'a Value> {
    if !a.kwargs.is_empty() {
        return Err(vm.type_error(&format!("gc.{name}() takes no keyword arguments")));
    }
    match a.args {
        [v] => Ok(v),
        _ => Err(vm.type_error(&format!("gc.{name}() takes exactly one argument ({} given)", a.args.len()))),
    }
}

fn collect(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() + a.kwargs.len() > 1 {
        return Err(vm.type_error(&format!("collect() takes at most 1 argument ({} given)", a.args.len() + a.kwargs.len())));
    }
    if let Some((k, _)) = a.kwargs.iter().find(|(k, _)| k.as_str() != Some("generation")) {
        let k = k.as_str().unwrap_or("").to_string();
        return Err(vm.type_error(&format!("'{k}' is an invalid keyword argument for collect()")));
    }
    let mut gen = 2;
    if let Some(g) = a.args.first().or_else(|| a.kw("generation")) {
        let g = crate::types::int::as_c_int(vm, g)?;
        if !(0..=2).contains(&g) {
            return Err(vm.value_error("invalid generation"));
        }
        gen = g as usize;
    }
    vm.run_finalizers();
    Ok(Value::Int(gc::collect(vm, gen) as i64))
}

fn enable(vm: &mut Vm, a: Args) -> PyResult {
    no_args(vm, &a, "enable")?;
    {
        let mut g = REGISTRY.lock();
        g.0.enabled = true;
        g.0.update_trigger();
    }
    Ok(Value::None)
}

fn disable(vm: &mut Vm, a: Args) -> PyResult {
    no_args(vm, &a, "disable")?;
    {
        let mut g = REGISTRY.lock();
        g.0.enabled = false;
        g.0.update_trigger();
    }
    Ok(Value::None)
}

fn isenabled(vm: &mut Vm, a: Args) -> PyResult {
    no_args(vm, &a, "isenabled")?;
    Ok(Value::Bool(REGISTRY.lock().0.enabled))
}

fn get_count(vm: &mut Vm, a: Args) -> PyResult {
    no_args(vm, &a, "get_count")?;
    let c = REGISTRY.lock().0.count;
    Ok(new_tuple(c.iter().map(|&n| Value::Int(n as i64)).collect()))
}

fn get_threshold(vm: &mut Vm, a: Args) -> PyResult {
    no_args(vm, &a, "get_threshold")?;
    let t = REGISTRY.lock().0.threshold;
    Ok(new_tuple(t.iter().map(|&n| Value::Int(n as i64)).collect()))
}

fn set_threshold(vm: &mut Vm, a: Args) -> PyResult {
    if !a.kwargs.is_empty() {
        return Err(vm.type_error("set_threshold() takes no keyword arguments"));
    }
    match a.args.len() {
        0 => return Err(vm.type_error("set_threshold() takes at least 1 argument (0 given)")),
        n if n > 3 => return Err(vm.type_error(&format!("set_threshold() takes at most 3 arguments ({n} given)"))),
        _ => {}
    }
    let mut t = Vec::new();
    for v in a.args {
        t.push(crate::types::int::as_c_int(vm, v)?);
    }
    let mut g = REGISTRY.lock();
    for (i, v) in t.into_iter().enumerate() {
        g.0.threshold[i] = v;
    }
    g.0.update_trigger();
    Ok(Value::None)
}

fn is_tracked(vm: &mut Vm, a: Args) -> PyResult {
    let v = one_arg(vm, &a, "is_tracked")?;
    Ok(Value::Bool(matches!(v, Value::Obj(o) if crate::gc::registry::is_tracked(o))))
}

fn is_finalized(vm: &mut Vm, a: Args) -> PyResult {
    let v = one_arg(vm, &a, "is_finalized")?;
    Ok(Value::Bool(matches!(v, Value::Obj(o) if o.is_finalized())))
}

/// Counted references to the tracked objects of `objs[a..b]`, taken under the registry lock.
fn tracked_in(range: impl FnOnce(&crate::gc::registry::Registry) -> (usize, usize)) -> Vec<ObjRef> {
    let g = REGISTRY.lock();
    let r = &g.0;
    let (a, b) = range(r);
    r.objs[a..b]
        .iter()
        .filter(|p| !p.is_null())
        // SAFETY: non-null registry entries are live objects; we hold the registry's lock.
        .map(|&p| unsafe { ObjRef::from_ptr(p) })
        .collect()
}

fn get_objects(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() + a.kwargs.len() > 1 {
        return Err(vm.type_error(&format!("get_objects() takes at most 1 argument ({} given)", a.args.len() + a.kwargs.len())));
    }
    if let Some((k, _)) = a.kwargs.iter().find(|(k, _)| k.as_str() != Some("generation")) {
        let k = k.as_str().unwrap_or("").to_string();
        return Err(vm.type_error(&format!("'{k}' is an invalid keyword argument for get_objects()")));
    }
    let mut gen: Option<usize> = None;
    if let Some(g) = a.args.first().or_else(|| a.kw("generation")) {
        if !g.is_none() {
            if !matches!(g, Value::Int(_) | Value::Bool64(_)) && !matches!(g, Value::Obj(o) if matches!(o.payload, crate::object::Payload::Int(_))) {
                let t = vm.type_name(g);
                return Err(vm.type_error(&format!("argument should be integer or None, not '{t}'")));
            }
            let n = crate::types::int::as_c_int(vm, g)?;
            if n >= 3 {
                return Err(vm.value_error("generation parameter must be less than the number of available generations (3)"));
            }
            if n >= 0 {
                gen = Some(n as usize);
            }
        }
    }
    let objs = tracked_in(|r| match gen {
        None => (r.bounds[0], r.objs.len()),
        Some(2) => (r.bounds[0], r.bounds[1]),
        Some(1) => (r.bounds[1], r.bounds[2]),
        Some(_) => (r.bounds[2], r.objs.len()),
    });
    Ok(new_list(objs.into_iter().map(Value::Obj).collect()))
}

fn referents_of(o: &ObjRef) -> Vec<Value> {
    let mut ptrs = Vec::new();
    crate::gc::traverse::traverse(o, &mut |p| ptrs.push(p));
    // SAFETY: each pointer is a counted reference held by `o`, which our caller keeps alive,
    // and nothing ran since it was reported.
    ptrs.into_iter().map(|p| Value::Obj(unsafe { ObjRef::from_ptr(p) })).collect()
}

fn get_referents(_vm: &mut Vm, a: Args) -> PyResult {
    let mut out = Vec::new();
    for v in a.args {
        if let Value::Obj(o) = v {
            if crate::gc::registry::is_tracked(o) {
                out.extend(referents_of(o));
            }
        }
    }
    Ok(new_list(out))
}

fn get_referrers(_vm: &mut Vm, a: Args) -> PyResult {
    let targets: Vec<usize> = a.args.iter().filter_map(|v| if let Value::Obj(o) = v { Some(o.id()) } else { None }).collect();
    let all = tracked_in(|r| (0, r.objs.len()));
    let mut out = Vec::new();
    for o in all {
        let mut hit = false;
        crate::gc::traverse::traverse(&o, &mut |p| hit |= targets.contains(&(p as usize)));
        if hit {
            out.push(Value::Obj(o));
        }
    }
    Ok(new_list(out))
}

fn get_stats(vm: &mut Vm, a: Args) -> PyResult {
    no_args(vm, &a, "get_stats")?;
    let st = *STATS.lock();
    let mut out = Vec::new();
    for g in st {
        let d = vm.new_dict();
        for (k, n) in [("collections", g[0]), ("collected", g[1]), ("uncollectable", g[2])] {
            let key = vm.new_str(k);
            crate::types::dict::dict_set(vm, &d, key, Value::Int(n as i64))?;
        }
        out.push(Value::Obj(d));
    }
    Ok(new_list(out))
}

fn freeze(vm: &mut Vm, a: Args) -> PyResult {
    no_args(vm, &a, "freeze")?;
    let mut g = REGISTRY.lock();
    let n = g.0.objs.len();
    g.0.bounds = [n; 3];
    g.0.count[0] = 0;
    Ok(Value::None)
}

fn unfreeze(vm: &mut Vm, a: Args) -> PyResult {
    no_args(vm, &a, "unfreeze")?;
    REGISTRY.lock().0.bounds[0] = 0;
    Ok(Value::None)
}

fn get_freeze_count(vm: &mut Vm, a: Args) -> PyResult {
    no_args(vm, &a, "get_freeze_count")?;
    let g = REGISTRY.lock();
    Ok(Value::Int(g.0.live_in(0, g.0.bounds[0]) as i64))
}

fn get_debug(vm: &mut Vm, a: Args) -> PyResult {
    no_args(vm, &a, "get_debug")?;
    Ok(Value::Int(DEBUG.load(Ordering::Relaxed) as i64))
}

fn set_debug(vm: &mut Vm, a: Args) -> PyResult {
    let v = one_arg(vm, &a, "set_debug")?;
    let n = crate::types::int::as_c_int(vm, v)?;
    DEBUG.store(n as u32, Ordering::Relaxed);
    Ok(Value::None)
}

pub fn create(vm: &mut Vm) -> crate::object::ObjRef {
    let m = module_with(
        vm,
        "gc",
        &[
            ("collect", collect),
            ("enable", enable),
            ("disable", disable),
            ("isenabled", isenabled),
            ("get_count", get_count),
            ("get_threshold", get_threshold),
            ("set_threshold", set_threshold),
            ("is_tracked", is_tracked),
            ("is_finalized", is_finalized),
            ("get_objects", get_objects),
            ("get_referents", get_referents),
            ("get_referrers", get_referrers),
            ("get_stats", get_stats),
            ("freeze", freeze),
            ("unfreeze", unfreeze),
            ("get_freeze_count", get_freeze_count),
            ("get_debug", get_debug),
            ("set_debug", set_debug),
        ],
    );
    let cbs = CALLBACKS.get_or_init(|| match new_list(Vec::new()) {
        Value::Obj(o) => o,
        _ => unreachable!("new_list returns a list object"),
    });
    set_attr(vm, &m, "callbacks", Value::Obj(cbs.clone()));
    let garbage = GARBAGE.get_or_init(|| match new_list(Vec::new()) {
        Value::Obj(o) => o,
        _ => unreachable!("new_list returns a list object"),
    });
    set_attr(vm, &m, "garbage", Value::Obj(garbage.clone()));
    for (k, v) in [("DEBUG_STATS", 1), ("DEBUG_COLLECTABLE", 2), ("DEBUG_UNCOLLECTABLE", 4), ("DEBUG_SAVEALL", 32), ("DEBUG_LEAK", 38)] {
        set_attr(vm, &m, k, Value::Int(v));
    }
    m
}
