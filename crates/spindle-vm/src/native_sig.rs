//! Argument counts of native methods checked in one place (`Vm::call`), as CPython's
//! descriptor types do before the C function runs.
//!
//! A builtin type's dunder methods have the fixed shapes of CPython's slot wrappers
//! (`__add__` takes one argument, `__len__` none, `__setitem__` two) or of its
//! METH_NOARGS / METH_O method descriptors (`__sizeof__`, `__format__`); `add_methods` derives
//! the shape from the name (and owner) so every native gets the check and CPython's message
//! without code of its own. Other natives are `Sig::Any` and check their own arguments.

use crate::object::ObjRef;
use crate::value::Value;
use crate::vm::Vm;
use crate::PyResult;

/// How a native's arguments after self are checked before it runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sig {
    /// The native checks its own arguments.
    Any,
    /// A slot wrapper taking exactly `n` arguments: "expected 1 argument, got 0" (`lead`: the
    /// wrappers that unpack with `PyArg_UnpackTuple(args, "", ...)` start with a space).
    Wrapper { n: u8, lead: bool },
    /// A slot wrapper taking `min..=max` arguments (`__get__`, `__pow__`):
    /// " expected at least 1 argument, got 0".
    WrapperRange { min: u8, max: u8 },
    /// METH_NOARGS: "int.__sizeof__() takes no arguments (1 given)".
    NoArgs,
    /// METH_O: "object.__format__() takes exactly one argument (0 given)".
    One,
    /// Argument Clinic positional range: "__round__ expected at most 1 argument, got 2".
    Clinic { min: u8, max: u8 },
}

/// The shape of method `name` defined natively by builtin type `owner` (its `__name__`): dunders
/// by their slot, and the plain methods that take no arguments on every CPython builtin type.
pub fn dunder_sig(owner: &str, name: &str) -> Sig {
    let seq = matches!(owner, "str" | "bytes" | "bytearray" | "list" | "tuple");
    match name {
        "__abs__" | "__bool__" | "__float__" | "__int__" | "__index__" | "__invert__" | "__neg__" | "__pos__" | "__hash__"
        | "__iter__" | "__next__" | "__len__" | "__repr__" | "__str__" | "__await__" | "__aiter__" | "__anext__" => {
            Sig::Wrapper { n: 0, lead: false }
        }
        "__getitem__" | "__contains__"
            if matches!((owner, name), ("dict", _) | ("list", "__getitem__") | ("set" | "frozenset", "__contains__")) =>
        {
            Sig::One
        }
        "__mul__" | "__rmul__" | "__imul__" if seq => Sig::Wrapper { n: 1, lead: true },
        "__add__" | "__radd__" | "__iadd__" | "__sub__" | "__rsub__" | "__isub__" | "__mul__" | "__rmul__" | "__imul__"
        | "__truediv__" | "__rtruediv__" | "__itruediv__" | "__floordiv__" | "__rfloordiv__" | "__ifloordiv__" | "__mod__"
        | "__rmod__" | "__imod__" | "__divmod__" | "__rdivmod__" | "__lshift__" | "__rlshift__" | "__ilshift__" | "__rshift__"
        | "__rrshift__" | "__irshift__" | "__and__" | "__rand__" | "__iand__" | "__or__" | "__ror__" | "__ior__" | "__xor__"
        | "__rxor__" | "__ixor__" | "__matmul__" | "__rmatmul__" | "__imatmul__" | "__ipow__" | "__eq__" | "__ne__" | "__lt__"
        | "__le__" | "__gt__" | "__ge__" | "__contains__" | "__getitem__" | "__delitem__" | "__getattribute__" | "__delattr__"
        | "__delete__" => Sig::Wrapper { n: 1, lead: false },
        "__setitem__" | "__setattr__" | "__set__" => Sig::Wrapper { n: 2, lead: true },
        "__get__" | "__pow__" | "__rpow__" => Sig::WrapperRange { min: 1, max: 2 },
        "__reduce__" if owner == "range" => Sig::Any,
        "__enter__" if owner == "memoryview" => Sig::NoArgs,
        "__sizeof__" | "__dir__" | "__reduce__" | "__getstate__" | "__getnewargs__" | "__reversed__" | "__length_hint__"
        | "__trunc__" | "__floor__" | "__ceil__" | "__bytes__" | "__complex__" | "__alloc__" | "__copy__"
        | "__fspath__" | "__subclasses__" => Sig::NoArgs,
        "__reduce_ex__" if owner == "bytearray" => Sig::Clinic { min: 0, max: 1 },
        "__format__" | "__reduce_ex__" | "__setstate__" | "__deepcopy__" | "__instancecheck__" | "__subclasscheck__"
        | "__class_getitem__" => Sig::One,
        "__round__" => Sig::Clinic { min: 0, max: 1 },
        // Plain methods that are METH_NOARGS on every CPython builtin type defining them.
        "as_integer_ratio" | "bit_count" | "bit_length" | "capitalize" | "casefold" | "clear" | "close" | "conjugate" | "copy"
        | "detach" | "fileno" | "flush" | "getblocking" | "getpeername" | "getsockname" | "gettimeout" | "is_integer" | "isalnum"
        | "isalpha" | "isascii" | "isatty" | "isdecimal" | "isdigit" | "isidentifier" | "islower" | "isnumeric" | "isprintable"
        | "isspace" | "istitle" | "isupper" | "items" | "keys" | "locked" | "locked_lock" | "lower" | "mro" | "popitem" | "readable"
        | "release" | "release_lock" | "reverse" | "seekable" | "swapcase" | "tell" | "title" | "tolist" | "upper" | "values"
        | "writable" | "_at_fork_reinit" | "_is_owned" | "_release_save" | "_recursion_count" => Sig::NoArgs,
        _ => Sig::Any,
    }
}

/// The shape of native module function `module.name` where CPython's is METH_NOARGS or METH_O
/// (the others check their own arguments).
pub fn module_fn_sig(module: &str, name: &str) -> Sig {
    match (module, name) {
        ("time", "time" | "time_ns" | "monotonic" | "monotonic_ns" | "perf_counter" | "perf_counter_ns" | "process_time" | "process_time_ns" | "thread_time" | "thread_time_ns")
        | ("os", "getpid" | "getppid" | "getuid" | "geteuid" | "getgid" | "getegid" | "getpgrp" | "getcwd" | "getcwdb" | "cpu_count" | "getlogin" | "times" | "uname" | "setsid" | "sync")
        | ("sys", "exc_info" | "exception" | "getdefaultencoding" | "getfilesystemencoding" | "getfilesystemencodeerrors" | "getrecursionlimit" | "getswitchinterval" | "is_finalizing" | "getallocatedblocks")
        | ("gc", "enable" | "disable" | "isenabled" | "get_count" | "get_threshold" | "freeze" | "unfreeze" | "get_freeze_count")
        | ("_thread", "get_ident" | "get_native_id" | "_count" | "allocate_lock" | "allocate" | "daemon_threads_allowed")
        | ("select", "poll" | "epoll")
        | ("socket", "gethostname")
        | ("signal" | "_signal", "valid_signals") => Sig::NoArgs,
        ("os", "strerror") | ("sys", "getrefcount" | "intern" | "setrecursionlimit" | "setswitchinterval") => Sig::One,
        _ => Sig::Any,
    }
}

/// The module name CPython's messages give a native module's functions.
fn cpython_module(module: &str) -> &str {
    match module {
        "os" => "posix",
        "socket" => "_socket",
        "signal" => "_signal",
        m => m,
    }
}

impl Sig {
    /// `check` for a module function (no self): "time.time() takes no arguments (1 given)".
    #[inline]
    pub fn check_fn(self, vm: &mut Vm, module: &str, name: &str, n: usize, kw: usize) -> PyResult<()> {
        let ok = kw == 0
            && match self {
                Sig::NoArgs => n == 0,
                Sig::One => n == 1,
                _ => true,
            };
        if ok {
            return Ok(());
        }
        let m = cpython_module(module);
        let msg = match self {
            _ if kw > 0 => format!("{m}.{name}() takes no keyword arguments"),
            Sig::One => format!("{m}.{name}() takes exactly one argument ({n} given)"),
            _ => format!("{m}.{name}() takes no arguments ({n} given)"),
        };
        Err(vm.type_error(&msg))
    }

    /// Refuse a call of native `f` (named `name`) on `self_` with `n` positional arguments after
    /// self (and `kw` keyword arguments) that its shape does not allow. `bound`: called as a bound
    /// method object (`getattr(x, name)(...)`) rather than through the type (`x.name(...)`,
    /// `T.name(x, ...)`); CPython's messages then name self's type instead of the defining one.
    #[inline]
    pub fn check(self, vm: &mut Vm, f: &ObjRef, name: &str, self_: &Value, n: usize, kw: usize, bound: bool) -> PyResult<()> {
        let ok = kw == 0
            && match self {
                Sig::Any => true,
                Sig::Wrapper { n: want, .. } => n == want as usize,
                Sig::WrapperRange { min, max } | Sig::Clinic { min, max } => n >= min as usize && n <= max as usize,
                Sig::NoArgs => n == 0,
                Sig::One => n == 1,
            };
        if ok {
            return Ok(());
        }
        Err(self.error(vm, f, name, self_, n, kw, bound))
    }

    #[cold]
    #[allow(clippy::too_many_arguments)]
    fn error(self, vm: &mut Vm, f: &ObjRef, name: &str, self_: &Value, n: usize, kw: usize, bound: bool) -> crate::PyErr {
        let s = |k: usize| if k == 1 { "" } else { "s" };
        // CPython names a bound method object by its self's type (or self itself for a class),
        // a method descriptor by the type defining it.
        let defining = if bound { None } else { crate::types::native_owner(f, name).map(|(o, _)| o) };
        let owner = match (defining, self_) {
            (Some(o), _) => o,
            (None, Value::Obj(o)) if o.as_type().is_some() => o.type_data().name.clone(),
            (None, v) => vm.type_name(v),
        };
        let owner = owner.rsplit('.').next().unwrap_or("").to_string();
        let msg = match self {
            Sig::Wrapper { .. } | Sig::WrapperRange { .. } if kw > 0 => format!("wrapper {name}() takes no keyword arguments"),
            _ if kw > 0 => format!("{owner}.{name}() takes no keyword arguments"),
            Sig::Wrapper { n: want, lead } => {
                let want = want as usize;
                format!("{}expected {want} argument{}, got {n}", if lead { " " } else { "" }, s(want))
            }
            Sig::WrapperRange { min, .. } if n < min as usize => format!(" expected at least {min} argument{}, got {n}", s(min as usize)),
            Sig::WrapperRange { max, .. } => format!(" expected at most {max} argument{}, got {n}", s(max as usize)),
            Sig::NoArgs => format!("{owner}.{name}() takes no arguments ({n} given)"),
            Sig::One => format!("{owner}.{name}() takes exactly one argument ({n} given)"),
            Sig::Clinic { min, .. } if n < min as usize => format!("{name} expected at least {min} argument{}, got {n}", s(min as usize)),
            Sig::Clinic { max, .. } => format!("{name} expected at most {max} argument{}, got {n}", s(max as usize)),
            Sig::Any => unreachable!("Sig::Any accepts every call"),
        };
        vm.type_error(&msg)
    }
}

