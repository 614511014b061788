//! The Spindle runtime: values and objects, the eval loop, builtins, and the stdlib modules
//! written in Rust. See `docs/architecture.md` at the repository root.

pub mod alloc;
pub mod builtins;
pub mod call;
pub mod codecs;
pub mod coroutine;
pub mod run;
pub mod sigint;
pub mod code;
pub mod eval;
pub mod exceptions;
pub mod fast_ops;
pub mod format;
pub mod generator;
pub mod gil;
pub mod gil_trace;
pub mod import;
pub mod inline_cache;
pub mod match_ops;
pub mod native_sig;
pub mod object;
pub mod ops;
pub mod stdlib;
pub mod suggestions;
pub mod sync;
pub mod traceback;
pub mod types;
pub mod unicode;
pub mod gc;
mod unicode_tables;
pub mod value;
pub mod vm;

pub use value::Value;
pub use vm::Vm;

/// A raised Python exception (the exception instance).
#[derive(Clone, Debug)]
pub struct PyErr(pub object::ObjRef);

pub type PyResult<T = Value> = Result<T, PyErr>;

/// Arguments of a native call: positional values and keyword pairs (key is a `str` value).
#[derive(Clone, Copy)]
pub struct Args<'a> {
    pub args: &'a [Value],
    pub kwargs: &'a [(Value, Value)],
}

impl<'a> Args<'a> {
    pub fn new(args: &'a [Value]) -> Self {
        Args { args, kwargs: &[] }
    }
    pub fn len(&self) -> usize {
        self.args.len()
    }
    pub fn is_empty(&self) -> bool {
        self.args.is_empty()
    }
    /// The keyword argument `name`, if given.
    pub fn kw(&self, name: &str) -> Option<&'a Value> {
        self.kwargs.iter().find(|(k, _)| k.as_str() == Some(name)).map(|(_, v)| v)
    }
}

/// The signature of every builtin function and method.
pub type NativeFn = fn(&mut Vm, Args) -> PyResult;
