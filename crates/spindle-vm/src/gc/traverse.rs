//! What the cycle collector sees of an object: [`traverse`] reports the references an object
//! holds (CPython's `tp_traverse`), [`clear`] drops the ones that can be dropped (`tp_clear`).
//!
//! `traverse` must report *only counted references* (each one is subtracted from its target's
//! count: reporting one that holds no count would make a live object look unreachable). It may
//! omit some (the target then looks referenced from outside and survives: a leak at worst).
//! So the uncounted aliases of frames (`Frame::code`, `Frame::globals`), weak references and
//! the weak subclass lists are never reported. Locks are only tried: an object whose lock is
//! held elsewhere cannot be inspected and `traverse` returns false (the caller then keeps it).

use crate::eval::Frame;
use crate::object::{Obj, ObjRef, Payload};
use crate::types::iters::IterState;
use crate::value::Value;

#[inline(always)]
fn val(v: &Value, visit: &mut impl FnMut(*const Obj)) {
    if let Value::Obj(o) = v {
        visit(o.as_ptr());
    }
}

#[inline(always)]
fn obj(o: &ObjRef, visit: &mut impl FnMut(*const Obj)) {
    visit(o.as_ptr());
}

/// Report every counted reference `o` holds; false if part of it could not be inspected.
pub fn traverse(o: &Obj, visit: &mut impl FnMut(*const Obj)) -> bool {
    obj(&o.cls, visit);
    if let Some(d) = o.dict.get() {
        obj(d, visit);
    }
    match &o.payload {
        Payload::Instance(c) => {
            let Some(iv) = c.try_lock() else { return false };
            iv.vals.iter().for_each(|v| val(v, visit));
        }
        Payload::Tuple(items) => items.iter().for_each(|v| val(v, visit)),
        Payload::List(c) => {
            let Some(l) = c.try_lock() else { return false };
            l.iter().for_each(|v| val(v, visit));
        }
        Payload::Deque(c) => {
            let Some(d) = c.try_lock() else { return false };
            d.items.iter().for_each(|v| val(v, visit));
        }
        Payload::Dict(c) => {
            let Some(d) = c.try_lock() else { return false };
            for e in d.iter() {
                val(&e.key, visit);
                val(&e.value, visit);
            }
        }
        Payload::Set(c) => {
            let Some(s) = c.try_lock() else { return false };
            s.iter().for_each(|(v, _)| val(v, visit));
        }
        Payload::FrozenSet(s) => s.iter().for_each(|(v, _)| val(v, visit)),
        Payload::Range { start, stop, step } | Payload::Slice { start, stop, step } => {
            val(start, visit);
            val(stop, visit);
            val(step, visit);
        }
        Payload::Type(td) => {
            td.bases.iter().for_each(|b| obj(b, visit));
            td.mro.iter().for_each(|b| obj(b, visit));
        }
        Payload::Function(fd) => {
            obj(&fd.globals, visit);
            fd.defaults.iter().for_each(|v| val(v, visit));
            val(&fd.kwdefaults, visit);
            fd.closure.iter().for_each(|c| obj(c, visit));
            val(&fd.module, visit);
            for cell in [&fd.name, &fd.qualname, &fd.doc, &fd.annotations] {
                let Some(v) = cell.try_lock() else { return false };
                val(&v, visit);
            }
        }
        Payload::Builtin { bound: Some(b), .. } => val(b, visit),
        Payload::Method { func, self_ } => {
            val(func, visit);
            val(self_, visit);
        }
        Payload::Cell(c) => {
            let Some(v) = c.try_lock() else { return false };
            val(&v, visit);
        }
        Payload::Generator(c) | Payload::Coroutine(c) => {
            let Some(g) = c.try_lock() else { return false };
            if let Some(f) = &g.frame {
                frame(f, visit);
            }
            val(&g.name, visit);
            val(&g.qualname, visit);
        }
        Payload::Exception(c) => {
            let Some(e) = c.try_lock() else { return false };
            for v in [&e.args, &e.traceback, &e.cause, &e.context, &e.notes] {
                val(v, visit);
            }
        }
        Payload::Traceback(tb) => {
            obj(&tb.globals, visit);
            obj(&tb.builtins, visit);
            val(&tb.next, visit);
            if let Some(f) = tb.frame.get() {
                frame(f, visit);
            }
        }
        Payload::Iter(c) => {
            let Some(st) = c.try_lock() else { return false };
            iter_state(&st, visit);
        }
        Payload::Property { fget, fset, fdel, doc } => {
            for v in [fget, fset, fdel, doc] {
                val(v, visit);
            }
        }
        Payload::StaticMethod(v) | Payload::ClassMethod(v) => val(v, visit),
        Payload::Super { ty, obj: o2 } => {
            obj(ty, visit);
            val(o2, visit);
        }
        Payload::DictView { dict, .. } => obj(dict, visit),
        Payload::Native(n) => {
            if let Some(w) = n.downcast_ref::<crate::object::weak::WeakRefData>() {
                let Some(cb) = w.callback.try_lock() else { return false };
                if let Some(v) = &*cb {
                    val(v, visit);
                }
            }
        }
        _ => {}
    }
    true
}

/// The counted references of a frame that is not running (a generator's, or one kept by a
/// traceback). `code` and `globals` are uncounted aliases and are not reported.
fn frame(f: &Frame, visit: &mut impl FnMut(*const Obj)) {
    f.stack.iter().for_each(|v| val(v, visit));
    f.fast.iter().for_each(|v| val(v, visit));
    f.cells.iter().for_each(|c| obj(c, visit));
    obj(&f.builtins, visit);
    if let Some(g) = &f.globals_owner {
        obj(g, visit);
    }
    if let Some(l) = &f.locals {
        val(l, visit);
    }
    if let Some(func) = &f.func {
        obj(func, visit);
    }
    if let Some(s) = &f.init_self {
        val(s, visit);
    }
}

fn iter_state(st: &IterState, visit: &mut impl FnMut(*const Obj)) {
    match st {
        IterState::List { seq, .. } | IterState::ListRev { seq, .. } | IterState::Tuple { seq, .. } | IterState::Str { seq, .. } | IterState::Bytes { seq, .. } => obj(seq, visit),
        IterState::Dict { dict, .. } => obj(dict, visit),
        IterState::Set { set, .. } => obj(set, visit),
        IterState::Deque { deque, .. } => obj(deque, visit),
        IterState::Enumerate { it, count } => {
            val(it, visit);
            val(count, visit);
        }
        IterState::Zip { its, .. } => its.iter().for_each(|v| val(v, visit)),
        IterState::Map { f, its } => {
            val(f, visit);
            its.iter().for_each(|v| val(v, visit));
        }
        IterState::Filter { f, it } => {
            val(f, visit);
            val(it, visit);
        }
        IterState::Seq { obj: o, .. } | IterState::SeqRev { obj: o, .. } => val(o, visit),
        IterState::Callable { f, sentinel } => {
            val(f, visit);
            val(sentinel, visit);
        }
        IterState::Range { .. } | IterState::LongRange { .. } | IterState::Done => {}
    }
}

/// Break the cycles through `o` (CPython's `tp_clear`): take out the references held in its
/// mutable parts. Immutable parts (tuple items, a function's defaults, a method's self) stay;
/// a cycle always passes through some mutable container. The references come back to the
/// caller, which drops them with no lock held.
pub fn clear(o: &Obj, out: &mut Vec<Value>) {
    match &o.payload {
        Payload::Instance(c) => {
            let mut iv = c.lock();
            out.append(&mut iv.vals);
        }
        Payload::List(c) => out.append(&mut c.lock()),
        Payload::Deque(c) => {
            let mut d = c.lock();
            d.state = d.state.wrapping_add(1);
            out.extend(std::mem::take(&mut d.items));
        }
        Payload::Dict(c) => {
            for e in c.lock().clear() {
                out.push(e.key);
                out.push(e.value);
            }
        }
        Payload::Set(c) => out.extend(c.lock().clear()),
        Payload::Function(fd) => {
            out.push(std::mem::replace(&mut *fd.doc.lock(), Value::None));
            out.push(std::mem::replace(&mut *fd.annotations.lock(), Value::Null));
        }
        Payload::Cell(c) => out.push(std::mem::replace(&mut *c.lock(), Value::Null)),
        Payload::Generator(c) | Payload::Coroutine(c) => {
            let f = {
                let mut g = c.lock();
                if g.running {
                    return;
                }
                g.frame.take()
            };
            drop(f);
        }
        Payload::Exception(c) => {
            let empty = crate::types::tuple::new_tuple(Vec::new());
            let mut e = c.lock();
            out.push(std::mem::replace(&mut e.args, empty));
            out.push(std::mem::replace(&mut e.traceback, Value::None));
            out.push(std::mem::replace(&mut e.cause, Value::None));
            out.push(std::mem::replace(&mut e.context, Value::None));
            out.push(std::mem::replace(&mut e.notes, Value::Null));
        }
        Payload::Iter(c) => {
            let st = std::mem::replace(&mut *c.lock(), IterState::Done);
            drop(st);
        }
        Payload::Native(n) => {
            if let Some(w) = n.downcast_ref::<crate::object::weak::WeakRefData>() {
                if let Some(cb) = w.callback.lock().take() {
                    out.push(cb);
                }
            }
        }
        _ => {}
    }
}
