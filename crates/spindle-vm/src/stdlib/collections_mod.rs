//! `_collections`: the native types under `lib/collections` (`deque` and its iterators; the
//! types themselves live in `types/deque.rs`).

use crate::object::ObjRef;
use crate::stdlib::set_attr;
use crate::types::types;
use crate::value::Value;
use crate::vm::Vm;

pub fn create(vm: &mut Vm) -> ObjRef {
    let m = crate::stdlib::module_with(vm, "_collections", &[]);
    let t = types();
    set_attr(vm, &m, "deque", Value::Obj(t.deque.clone()));
    set_attr(vm, &m, "_deque_iterator", Value::Obj(t.deque_iterator.clone()));
    set_attr(vm, &m, "_deque_reverse_iterator", Value::Obj(t.deque_reverse_iterator.clone()));
    m
}
