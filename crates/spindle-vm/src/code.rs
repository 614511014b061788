//! `Code`: a compiled [`CodeObject`] plus its constants converted to runtime values once, and
//! its names interned, so the eval loop never converts at run time.

use crate::object::{ObjRef, Payload};
use crate::types::types;
use crate::value::Value;
use crate::vm::Vm;
use spindle_compiler::bytecode::{CodeObject, Constant};
use std::sync::Arc;

pub struct Code {
    pub co: Arc<CodeObject>,
    pub consts: Vec<Value>,
    /// Interned `str` objects for `co.names`.
    pub names: Vec<ObjRef>,
    /// Interned `str` objects for `co.varnames`.
    pub varnames: Vec<ObjRef>,
    /// Source lines of the file (for tracebacks), shared by every code object of one file.
    pub source: Option<Arc<str>>,
}

impl Code {
    pub fn new(vm: &mut Vm, co: Arc<CodeObject>, source: Option<Arc<str>>) -> Arc<Code> {
        let consts = co.consts.iter().map(|c| const_value(vm, c, &source)).collect();
        let names = co.names.iter().map(|n| vm.intern(n)).collect();
        let varnames = co.varnames.iter().map(|n| vm.intern(n)).collect();
        Arc::new(Code { co, consts, names, varnames, source })
    }
}

fn const_value(vm: &mut Vm, c: &Constant, source: &Option<Arc<str>>) -> Value {
    match c {
        Constant::None => Value::None,
        Constant::Bool(b) => Value::Bool(*b),
        Constant::Int(i) => Value::Int(*i),
        Constant::BigInt(b) => crate::types::int::from_bigint(b.clone()),
        Constant::Float(f) => Value::Float(*f),
        Constant::Complex(r, i) => Value::Obj(ObjRef::new(types().complex.clone(), Payload::Complex(*r, *i))),
        Constant::Str(s) => Value::Obj(vm.intern(s)),
        Constant::Bytes(b) => crate::types::bytes::new_bytes(b.clone()),
        Constant::Ellipsis => Value::Obj(types().ellipsis_obj.clone()),
        Constant::Tuple(items) => {
            let v: Vec<Value> = items.iter().map(|c| const_value(vm, c, source)).collect();
            crate::types::tuple::new_tuple(v)
        }
        Constant::Code(co) => {
            let code = Code::new(vm, co.clone(), source.clone());
            Value::Obj(ObjRef::new(types().code.clone(), Payload::Code(code)))
        }
    }
}
