//! The object model: the [`Payload`] kinds a heap object can carry, and the data structures
//! behind them. Behaviour (methods, operators) lives in `crate::types::*`, one file per builtin
//! type; this module only owns the layouts.
//!
//! Locks: every mutable payload sits behind a [`PyCell`] (the per-object lock; see `sync`).

pub mod dict;
pub mod inline_values;
pub mod ptr;
pub mod set;
pub mod str;
pub mod weak;

pub use dict::DictData;
pub use ptr::{Obj, ObjRef};
pub use str::PyStr;

use crate::sync::PyCell;
use crate::value::Value;
use crate::NativeFn;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicU8, Ordering};
use std::sync::Arc;

/// The layout of a heap object. A user class inherits the layout of its builtin base.
pub enum Payload {
    /// Plain instance (`object()`, instances without a `__dict__`).
    Empty,
    /// Instance of a plain class with a `__dict__`: attributes stored by the class's shared
    /// keys until the dict is asked for (see `inline_values`). Protected by its own lock.
    Instance(PyCell<inline_values::InlineValues>),
    Int(num_bigint::BigInt),
    /// Instances of float subclasses (plain floats are inline in `Value`).
    Float(f64),
    Complex(f64, f64),
    Str(PyStr),
    Bytes(Box<[u8]>),
    /// Protected by its own lock.
    ByteArray(PyCell<Vec<u8>>),
    Tuple(Box<[Value]>),
    /// Protected by its own lock.
    List(PyCell<Vec<Value>>),
    /// Protected by its own lock.
    Dict(PyCell<DictData>),
    /// `collections.deque`. Protected by its own lock.
    Deque(PyCell<crate::types::deque::DequeData>),
    /// Protected by its own lock.
    Set(PyCell<set::SetData>),
    FrozenSet(set::SetData),
    Range { start: Value, stop: Value, step: Value },
    Slice { start: Value, stop: Value, step: Value },
    Type(Box<TypeData>),
    Function(Box<FunctionData>),
    /// A builtin function or method descriptor; `bound` is `self` for bound builtin methods.
    /// `sig`: the argument count `Vm::call` checks before the native runs (`native_sig`).
    Builtin { name: &'static str, func: NativeFn, bound: Option<Value>, module: Option<&'static str>, sig: crate::native_sig::Sig },
    Method { func: Value, self_: Value },
    Code(Arc<crate::code::Code>),
    /// A closure cell. Protected by its own lock.
    Cell(PyCell<Value>),
    Module,
    /// Protected by its own lock.
    Generator(PyCell<crate::generator::GenState>),
    /// Coroutines and async generators (the kind is in the state). Protected by its own lock.
    Coroutine(PyCell<crate::generator::GenState>),
    /// Protected by its own lock.
    Exception(PyCell<ExcData>),
    Traceback(TracebackData),
    /// Builtin iterators (list, range, dict views, zip, map ...). Protected by its own lock.
    Iter(PyCell<crate::types::iters::IterState>),
    Property { fget: Value, fset: Value, fdel: Value, doc: Value },
    StaticMethod(Value),
    ClassMethod(Value),
    Super { ty: ObjRef, obj: Value },
    /// A `__slots__` member descriptor: slot `name` (a str) of instances of class `owner`;
    /// `owner_id` is that class's `id()` (set once the class exists; 0 before).
    Member { name: ObjRef, owner: String, owner_id: std::sync::atomic::AtomicUsize },
    /// `dict.keys()` / `values()` / `items()` views.
    DictView { dict: ObjRef, kind: u8 },
    NotImplemented,
    Ellipsis,
    /// Native state of stdlib objects (files, locks, ...).
    Native(Box<dyn std::any::Any + Send + Sync>),
}

/// Exception state beyond `args` (which lives in the payload too).
pub struct ExcData {
    pub args: Value,
    pub traceback: Value,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
    pub notes: Value,
}

/// One traceback entry: a frame's code and the instruction where the exception passed.
pub struct TracebackData {
    pub code: Arc<crate::code::Code>,
    pub instr: usize,
    /// The frame's globals and builtins (NameError suggestions look there).
    pub globals: ObjRef,
    pub builtins: ObjRef,
    pub next: Value,
    /// The frame itself once it has been left by the exception: as in CPython, a traceback
    /// keeps the frame's locals alive until the exception goes away.
    pub frame: std::sync::OnceLock<Box<crate::eval::Frame>>,
}

/// Builtin layouts a class can inherit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Object,
    Int,
    Bool,
    Float,
    Complex,
    Str,
    Bytes,
    ByteArray,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Type,
    Exception,
    Function,
    Module,
    Property,
    Other,
}

/// Bumped whenever any class's namespace changes; attribute caches compare against it.
pub static TYPE_VERSION: AtomicU64 = AtomicU64::new(1);

pub fn bump_type_version() {
    TYPE_VERSION.fetch_add(1, Ordering::Relaxed);
}

pub struct TypeData {
    pub name: String,
    pub qualname: String,
    pub bases: Vec<ObjRef>,
    /// The method resolution order, *excluding* the type itself.
    pub mro: Vec<ObjRef>,
    pub layout: Layout,
    /// Defined by Spindle (not a Python `class` statement).
    pub builtin: bool,
    /// Instances get a `__dict__`.
    pub has_dict: bool,
    /// The class (or a base) defines `__del__`.
    pub has_del: AtomicBool,
    /// Builtin types that cannot be subclassed (bool, NoneType, ...).
    pub final_: bool,
    /// Instances carry slot storage (some class in the MRO declares non-empty `__slots__`
    /// and the instances have no `__dict__`).
    pub slotted: bool,
    /// `id()`s of the live direct subclasses, in creation order (weak: a subclass removes
    /// itself when freed, see `before_free`). Protected by its own mutex.
    pub subclasses: parking_lot::Mutex<Vec<usize>>,
    /// CPython's collection flags for pattern matching ([`TPFLAGS_SEQUENCE`],
    /// [`TPFLAGS_MAPPING`]): set for builtins at start, inherited along the MRO at class
    /// creation, changed by `ABCMeta.register`. Atomic: registration may run while another
    /// thread matches (no lock; a plain load/store pair is all that is needed).
    pub collection_flags: AtomicU8,
    /// Instances of this (user) class accept weak references (CPython's `tp_weaklistoffset`):
    /// no `__slots__`, or `__weakref__` among them or inherited; never for int/tuple/bytes
    /// layouts. Builtin types decide by payload (`object::weak::weakrefable`).
    pub weakrefable: bool,
    /// Attribute names of instances stored inline (`Payload::Instance`); append-only.
    pub shared_keys: inline_values::SharedKeys,
}

/// `Py_TPFLAGS_SEQUENCE`: instances match sequence patterns (`case [a, b]`).
pub const TPFLAGS_SEQUENCE: u8 = 1 << 5;
/// `Py_TPFLAGS_MAPPING`: instances match mapping patterns (`case {"k": v}`).
pub const TPFLAGS_MAPPING: u8 = 1 << 6;

impl TypeData {
    /// Type data with the defaults of a plain class: no slots, no subclasses yet.
    #[allow(clippy::too_many_arguments)]
    pub fn new(name: &str, qualname: &str, bases: Vec<ObjRef>, mro: Vec<ObjRef>, layout: Layout, builtin: bool, has_dict: bool, final_: bool) -> TypeData {
        TypeData {
            name: name.to_string(),
            qualname: qualname.to_string(),
            bases,
            mro,
            layout,
            builtin,
            has_dict,
            has_del: AtomicBool::new(false),
            final_,
            slotted: false,
            subclasses: parking_lot::Mutex::new(Vec::new()),
            collection_flags: AtomicU8::new(0),
            weakrefable: false,
            shared_keys: inline_values::SharedKeys::default(),
        }
    }
}

/// Called by `ptr::dealloc` just before an object's memory is freed: a class leaves the weak
/// subclass lists of its bases (under their locks, so `__subclasses__` never sees it freed);
/// lists and tuples release their items last to first, as CPython does (the order `__del__`
/// methods run in).
pub(crate) fn before_free(obj: &mut Obj, addr: usize) {
    match &mut obj.payload {
        Payload::Type(td) => {
            for b in &td.bases {
                if let Payload::Type(bd) = &b.payload {
                    bd.subclasses.lock().retain(|&a| a != addr);
                }
            }
        }
        Payload::List(l) => {
            let items = std::mem::take(&mut *l.lock());
            for v in items.into_iter().rev() {
                drop(v);
            }
        }
        Payload::Tuple(t) => {
            let items = std::mem::take(t);
            for v in items.into_vec().into_iter().rev() {
                drop(v);
            }
        }
        Payload::Native(n) => {
            if let Some(w) = n.downcast_ref::<weak::WeakRefData>() {
                weak::weakref_dies(w, addr);
            }
        }
        _ => {}
    }
}

/// A class going away invalidates attribute caches keyed by its address.
impl Drop for TypeData {
    fn drop(&mut self) {
        bump_type_version();
    }
}

pub struct FunctionData {
    pub code: Arc<crate::code::Code>,
    pub globals: ObjRef,
    /// Positional defaults (rightmost parameters).
    pub defaults: Vec<Value>,
    /// Keyword-only defaults: a dict or `Value::None`.
    pub kwdefaults: Value,
    pub closure: Box<[ObjRef]>,
    /// `__name__` / `__qualname__` are mutable (functools.wraps). Protected by their own locks.
    pub name: PyCell<Value>,
    pub qualname: PyCell<Value>,
    pub doc: PyCell<Value>,
    pub module: Value,
    /// `__annotations__`: a dict, or `Value::Null` until first asked for. Protected by its lock.
    pub annotations: PyCell<Value>,
}

/// Can a single buffer of `bytes` bytes plausibly be allocated? The allocator (mimalloc)
/// over-commits, so a huge request would "succeed" and the process be killed when it touches the
/// memory; like Linux's heuristic overcommit, anything above the machine's physical memory is
/// refused up front (the caller raises MemoryError).
pub fn alloc_plausible(bytes: usize) -> bool {
    static PHYS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let phys = *PHYS.get_or_init(|| {
        // SAFETY: sysconf has no preconditions; it returns -1 for unknown names.
        let (pages, size) = unsafe { (libc::sysconf(libc::_SC_PHYS_PAGES), libc::sysconf(libc::_SC_PAGESIZE)) };
        if pages > 0 && size > 0 {
            (pages as usize).saturating_mul(size as usize)
        } else {
            1 << 36
        }
    });
    bytes <= phys
}

/// Called by `ptr::dealloc`: does this dying object need `__del__`? A suspended generator
/// inside a `try` or `with` needs closing (GeneratorExit runs its `finally`/`__exit__`);
/// without an active handler, closing it would have no visible effect.
#[inline]
pub(crate) fn has_finalizer(obj: &Obj) -> bool {
    match &obj.payload {
        Payload::Generator(g) => {
            let st = g.lock();
            st.started && st.frame.as_ref().is_some_and(|f| !f.blocks.is_empty())
        }
        Payload::Coroutine(g) => coroutine_has_finalizer(g),
        _ => match &obj.cls.payload {
            Payload::Type(t) => t.has_del.load(Ordering::Relaxed),
            _ => false,
        },
    }
}

/// A coroutine or async generator: closed as a generator is, and a coroutine that never
/// started warns ("was never awaited").
#[cold]
fn coroutine_has_finalizer(g: &PyCell<crate::generator::GenState>) -> bool {
    let st = g.lock();
    st.frame.as_ref().is_some_and(|f| (st.started && !f.blocks.is_empty()) || (!st.started && st.kind == crate::generator::GenKind::Coroutine))
}

impl Obj {
    pub fn type_data(&self) -> &TypeData {
        match &self.payload {
            Payload::Type(t) => t,
            _ => panic!("type_data on a non-type"),
        }
    }
}

/// Attribute `name` (str hash `hash`) of an instance's `__dict__` or inline values, without
/// creating the dict.
#[inline]
pub fn instance_attr(o: &ObjRef, name: &str, hash: i64) -> Option<Value> {
    if let Payload::Instance(cell) = &o.payload {
        match inline_values::get(o, cell, name) {
            inline_values::InlineGet::Found(v) => return Some(v),
            inline_values::InlineGet::Absent => return None,
            inline_values::InlineGet::DictMode => {}
        }
    }
    if o.has_slot_storage() {
        return None;
    }
    let d = o.dict.get()?;
    crate::types::dict::dict_get_str_hashed(d, name, hash)
}

impl ObjRef {
    /// The instance dict (`__dict__`), if present. An instance with inline values gets its
    /// dict now (see `inline_values`); hot paths read the values without this.
    #[inline]
    pub fn instance_dict(&self) -> Option<&ObjRef> {
        let Some(d) = self.dict.get() else {
            return match &self.payload {
                Payload::Instance(cell) => Some(inline_values::materialize(self, cell)),
                _ => None,
            };
        };
        if self.has_slot_storage() {
            return None;
        }
        Some(d)
    }
    /// The storage of `__slots__` values of instances of slotted classes.
    #[inline]
    pub fn slot_storage(&self) -> Option<&ObjRef> {
        if self.has_slot_storage() {
            self.dict.get()
        } else {
            None
        }
    }
    /// The type data of this object's class.
    #[inline]
    pub fn cls_data(&self) -> &TypeData {
        self.cls.type_data()
    }
    pub fn as_type(&self) -> Option<&TypeData> {
        match &self.payload {
            Payload::Type(t) => Some(t),
            _ => None,
        }
    }
    pub fn as_str(&self) -> Option<&PyStr> {
        match &self.payload {
            Payload::Str(s) => Some(s),
            _ => None,
        }
    }
}
