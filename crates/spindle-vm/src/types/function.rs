//! Function objects: creation from a code constant (`MakeFunction`) and their attributes.

use crate::object::{FunctionData, ObjRef, Payload};
use crate::sync::PyCell;
use crate::types::{types, BuiltinTypes};
use crate::value::Value;
use crate::vm::Vm;

/// Build a function from the operands of `MakeFunction`.
pub fn make_function(vm: &mut Vm, code: &Value, globals: ObjRef, qualname: Value, defaults: Value, kwdefaults: Value, closure: Option<Value>) -> Value {
    let Value::Obj(co) = code else { return Value::None };
    let Payload::Code(code) = &co.payload else { return Value::None };
    let defaults = crate::types::tuple::tuple_items(&defaults).map(|s| s.to_vec()).unwrap_or_default();
    let closure: Box<[ObjRef]> = closure.as_ref().and_then(|c| crate::types::tuple::tuple_items(c)).map(|s| s.iter().filter_map(|v| v.as_obj().cloned()).collect()).unwrap_or_default();
    let name = vm.new_str(&code.co.name);
    let doc = match &code.co.doc {
        Some(d) => vm.new_str(d),
        None => Value::None,
    };
    let module = crate::types::dict::dict_get_str(&globals, "__name__").unwrap_or(Value::None);
    let fd = FunctionData { code: code.clone(), globals, defaults, kwdefaults, closure, name: PyCell::new(name), qualname: PyCell::new(qualname), doc: PyCell::new(doc), module };
    let dict = vm.new_dict();
    Value::Obj(ObjRef::new_with_dict(types().function.clone(), Payload::Function(Box::new(fd)), dict))
}

pub fn init(t: &BuiltinTypes) {
    crate::generator::init(t);
}
