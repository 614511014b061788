//! Builtin types: the registry of type objects (created once at start-up, immortal), MRO
//! computation, class creation, and attribute lookup along the MRO. Each builtin type's methods
//! live in a file of their own in this folder.

pub mod attr_cache;
pub mod bytes;
pub mod bytes_methods;
pub mod deque;
pub mod descr;
pub mod dict;
pub mod dict_views;
pub mod float;
pub mod frame;
pub mod genericalias;
pub mod function;
pub mod int;
pub mod iters;
pub mod list;
pub mod mappingproxy;
pub mod module;
pub mod object;
pub mod range;
pub mod set;
pub mod singletons;
pub mod str;
pub mod tuple;
pub mod typeobj;

use crate::object::{bump_type_version, DictData, Layout, ObjRef, Payload, TypeData};
use crate::sync::PyCell;
use crate::value::Value;
use crate::native_sig::Sig;
use crate::{NativeFn, PyResult};
use std::sync::atomic::AtomicBool;
use std::sync::OnceLock;

macro_rules! builtin_types {
    ($( $field:ident : $name:literal, $layout:ident, $dict:literal, $base:ident; )*) => {
        /// Every builtin type object, created once at start-up.
        pub struct BuiltinTypes {
            pub type_: ObjRef,
            pub object: ObjRef,
            $( pub $field: ObjRef, )*
            pub none_obj: ObjRef,
            pub not_implemented_obj: ObjRef,
            pub ellipsis_obj: ObjRef,
            pub exc: crate::exceptions::ExcTypes,
        }

        fn create_all() -> BuiltinTypes {
            let type_ = ObjRef::new_self_typed(Payload::Type(Box::new(type_data("type", Layout::Type, vec![], true))));
            let object = ObjRef::new_immortal(type_.clone(), Payload::Type(Box::new(type_data("object", Layout::Object, vec![], false))));
            // `type`'s base is object: patch its data (it was created before object existed).
            // SAFETY-free alternative: we rebuild `type`'s bases through the registry below.
            // Bases are looked up by field name (macro hygiene hides the `let`s below).
            let mut made: std::collections::HashMap<&'static str, ObjRef> = std::collections::HashMap::new();
            made.insert("object", object.clone());
            $( let $field = { let base = made[stringify!($base)].clone(); let mut td = type_data($name, Layout::$layout, vec![base.clone()], $dict); if !base.is(&object) { td.mro.push(object.clone()); } ObjRef::new_immortal(type_.clone(), Payload::Type(Box::new(td))) }; made.insert(stringify!($field), $field.clone()); )*
            let none_obj = ObjRef::new_immortal(object.clone(), Payload::Empty);
            let not_implemented_obj = ObjRef::new_immortal(made["not_implemented_type"].clone(), Payload::NotImplemented);
            let ellipsis_obj = ObjRef::new_immortal(made["ellipsis"].clone(), Payload::Ellipsis);
            let exc = crate::exceptions::ExcTypes::create(&type_, &object);
            BuiltinTypes { type_, object, $( $field, )* none_obj, not_implemented_obj, ellipsis_obj, exc }
        }

        impl BuiltinTypes {
            /// All (name, type) pairs except `type` and `object`.
            pub fn all(&self) -> Vec<(&'static str, &ObjRef)> {
                vec![ $( ($name, &self.$field), )* ]
            }
        }
    };
}

builtin_types! {
    none_type: "NoneType", Other, false, object;
    int: "int", Int, false, object;
    bool_: "bool", Bool, false, int;
    float: "float", Float, false, object;
    complex: "complex", Complex, false, object;
    str_: "str", Str, false, object;
    bytes: "bytes", Bytes, false, object;
    bytearray: "bytearray", ByteArray, false, object;
    tuple: "tuple", Tuple, false, object;
    list: "list", List, false, object;
    dict: "dict", Dict, false, object;
    set: "set", Set, false, object;
    frozenset: "frozenset", FrozenSet, false, object;
    range: "range", Other, false, object;
    slice: "slice", Other, false, object;
    function: "function", Function, true, object;
    builtin_function: "builtin_function_or_method", Other, false, object;
    method: "method", Other, false, object;
    code: "code", Other, false, object;
    cell: "cell", Other, false, object;
    module: "module", Module, true, object;
    generator: "generator", Other, false, object;
    coroutine: "coroutine", Other, false, object;
    async_generator: "async_generator", Other, false, object;
    coroutine_wrapper: "coroutine_wrapper", Other, false, object;
    async_generator_asend: "async_generator_asend", Other, false, object;
    async_generator_athrow: "async_generator_athrow", Other, false, object;
    traceback: "traceback", Other, false, object;
    property: "property", Property, false, object;
    staticmethod: "staticmethod", Other, false, object;
    classmethod: "classmethod", Other, false, object;
    super_: "super", Other, false, object;
    member_descriptor: "member_descriptor", Other, false, object;
    frame: "frame", Other, false, object;
    generic_alias: "types.GenericAlias", Other, false, object;
    union_type: "types.UnionType", Other, false, object;
    getset_descriptor: "getset_descriptor", Other, false, object;
    dict_keys: "dict_keys", Other, false, object;
    dict_values: "dict_values", Other, false, object;
    dict_items: "dict_items", Other, false, object;
    not_implemented_type: "NotImplementedType", Other, false, object;
    ellipsis: "ellipsis", Other, false, object;
    list_iterator: "list_iterator", Other, false, object;
    list_reverseiterator: "list_reverseiterator", Other, false, object;
    tuple_iterator: "tuple_iterator", Other, false, object;
    range_iterator: "range_iterator", Other, false, object;
    longrange_iterator: "longrange_iterator", Other, false, object;
    mappingproxy: "mappingproxy", Other, false, object;
    str_iterator: "str_ascii_iterator", Other, false, object;
    bytes_iterator: "bytes_iterator", Other, false, object;
    dict_keyiterator: "dict_keyiterator", Other, false, object;
    dict_valueiterator: "dict_valueiterator", Other, false, object;
    dict_itemiterator: "dict_itemiterator", Other, false, object;
    set_iterator: "set_iterator", Other, false, object;
    dict_reversekeyiterator: "dict_reversekeyiterator", Other, false, object;
    dict_reversevalueiterator: "dict_reversevalueiterator", Other, false, object;
    dict_reverseitemiterator: "dict_reverseitemiterator", Other, false, object;
    enumerate: "enumerate", Other, false, object;
    zip: "zip", Other, false, object;
    map: "map", Other, false, object;
    filter: "filter", Other, false, object;
    reversed: "reversed", Other, false, object;
    callable_iterator: "callable_iterator", Other, false, object;
    seq_iterator: "iterator", Other, false, object;
    native: "native", Other, false, object;
    text_io: "_io.TextIOWrapper", Other, false, object;
    buffered_reader: "_io.BufferedReader", Other, false, object;
    buffered_writer: "_io.BufferedWriter", Other, false, object;
    deque: "collections.deque", Other, false, object;
    deque_iterator: "_collections._deque_iterator", Other, false, object;
    deque_reverse_iterator: "_collections._deque_reverse_iterator", Other, false, object;
}

fn type_data(name: &str, layout: Layout, bases: Vec<ObjRef>, has_dict: bool) -> TypeData {
    let mro = bases.clone();
    TypeData::new(name, name, bases, mro, layout, true, has_dict, false)
}

static TYPES: OnceLock<BuiltinTypes> = OnceLock::new();

/// The builtin type registry. Initialised by [`init`] before any VM runs.
#[inline(always)]
pub fn types() -> &'static BuiltinTypes {
    // SAFETY-free: `init` runs first in every entry point; `get` after that always succeeds.
    match TYPES.get() {
        Some(t) => t,
        None => init(),
    }
}

/// Create the builtin types and fill their namespaces.
pub fn init() -> &'static BuiltinTypes {
    let t = TYPES.get_or_init(create_all);
    static FILLED: OnceLock<()> = OnceLock::new();
    FILLED.get_or_init(|| {
        // Every type gets a namespace dict; then each type module adds its methods.
        let mut all: Vec<&ObjRef> = vec![&t.type_, &t.object];
        for (_, ty) in t.all() {
            all.push(ty);
        }
        for ty in t.exc.all() {
            all.push(ty);
        }
        for ty in all {
            let mut ns = DictData::new();
            ns.set_type_namespace();
            let d = ObjRef::new_immortal(t.dict.clone(), Payload::Dict(PyCell::new(ns)));
            let _ = ty.dict.set(d);
        }
        fix_builtin_bases(t);
        // The builtin sequences and mappings of pattern matching (CPython's flags).
        for (ty, flag) in [(&t.list, crate::object::TPFLAGS_SEQUENCE), (&t.tuple, crate::object::TPFLAGS_SEQUENCE), (&t.range, crate::object::TPFLAGS_SEQUENCE), (&t.dict, crate::object::TPFLAGS_MAPPING), (&t.mappingproxy, crate::object::TPFLAGS_MAPPING)] {
            ty.type_data().collection_flags.store(flag, std::sync::atomic::Ordering::Relaxed);
        }
        object::init(t);
        typeobj::init(t);
        int::init(t);
        float::init(t);
        str::init(t);
        bytes::init(t);
        bytes_methods::init(t);
        list::init(t);
        tuple::init(t);
        dict::init(t);
        dict_views::init(t);
        mappingproxy::init(t);
        set::init(t);
        deque::init(t);
        range::init(t);
        function::init(t);
        iters::init(t);
        descr::init(t);
        frame::init(t);
        genericalias::init(t);
        module::init(t);
        singletons::init(t);
        crate::exceptions::init_methods(t);
    });
    t
}

/// Builtin types whose base is not `object` (bool -> int) get their real MRO.
fn fix_builtin_bases(t: &BuiltinTypes) {
    // bool's MRO is (int, object). TypeData is immutable after creation, so bool was created
    // with bases [object]; its behaviour as an int subclass is provided by `is_subtype`.
    let _ = t;
}

/// The class of a value.
#[inline]
pub fn type_of(v: &Value) -> &ObjRef {
    let t = types();
    match v {
        Value::Obj(o) => &o.cls,
        Value::Int(_) => &t.int,
        Value::Float64(_) => &t.float,
        Value::Bool64(_) => &t.bool_,
        Value::None => &t.none_type,
        Value::Null => &t.none_type,
    }
}

/// Resolve `name` along `ty`'s MRO (the type itself first). Never runs Python code.
/// Cached per (type, name): see `attr_cache`.
#[inline]
pub fn lookup(ty: &ObjRef, name: &str) -> Option<Value> {
    // The str hash is only needed on a cache miss.
    attr_cache::cached_lookup(ty.as_ptr() as usize, name, || lookup_uncached(ty, name, crate::object::str::hash_str(name)))
}

/// `lookup` with the name's hash already known (an interned name's cached hash).
#[inline]
pub fn lookup_hashed(ty: &ObjRef, name: &str, h: i64) -> Option<Value> {
    attr_cache::cached_lookup(ty.as_ptr() as usize, name, || lookup_uncached(ty, name, h))
}

fn lookup_uncached(ty: &ObjRef, name: &str, h: i64) -> Option<Value> {
    if let Some(v) = lookup_in(ty, h, name) {
        return Some(v);
    }
    let td = ty.type_data();
    for base in &td.mro {
        if let Some(v) = lookup_in(base, h, name) {
            return Some(v);
        }
    }
    if td.mro.is_empty() && td.layout == Layout::Type {
        // `type` was created before `object` existed: its MRO (type, object) ends here.
        return lookup_in(&types().object, h, name);
    }
    None
}

/// Like `lookup`, also returning the class that defines the name.
pub fn lookup_with_owner(ty: &ObjRef, name: &str) -> Option<(Value, ObjRef)> {
    let h = crate::object::str::hash_str(name);
    if let Some(v) = lookup_in(ty, h, name) {
        return Some((v, ty.clone()));
    }
    let td = ty.type_data();
    for base in &td.mro {
        if let Some(v) = lookup_in(base, h, name) {
            return Some((v, base.clone()));
        }
    }
    if td.mro.is_empty() && td.layout == Layout::Type {
        let o = &types().object;
        return lookup_in(o, h, name).map(|v| (v, o.clone()));
    }
    None
}

#[inline]
/// `name` in `ty`'s own namespace only (no MRO walk).
pub fn lookup_own(ty: &ObjRef, name: &str) -> Option<Value> {
    lookup_in(ty, crate::object::str::hash_str(name), name)
}

fn lookup_in(ty: &ObjRef, hash: i64, name: &str) -> Option<Value> {
    let d = ty.dict.get()?;
    let Payload::Dict(cell) = &d.payload else { return None };
    let g = cell.lock();
    g.lookup_str(hash, name).map(|i| g.value_at(i).clone())
}

/// Set `name` in a type's namespace (native code: method tables).
pub fn set_type_attr(ty: &ObjRef, name: &str, v: Value) {
    let key = Value::Obj(crate::vm::intern_static(name));
    let h = crate::object::str::hash_str(name);
    if let Some(d) = ty.dict.get() {
        if let Payload::Dict(cell) = &d.payload {
            let mut g = cell.lock();
            match g.lookup_str(h, name) {
                Some(i) => {
                    g.set_value_at(i, v);
                }
                None => g.insert_new(h, key, v),
            }
        }
    }
    bump_type_version();
}

/// Add native methods to a builtin type.
pub fn add_methods(ty: &ObjRef, methods: &[(&'static str, NativeFn)]) {
    let owner = ty.type_data().name.clone();
    for (name, f) in methods {
        let sig = crate::native_sig::dunder_sig(&owner, name);
        let b = ObjRef::new_immortal(types_builtin_function_type(), Payload::Builtin { name, func: *f, bound: None, module: None, sig });
        set_type_attr(ty, name, Value::Obj(b));
    }
}

/// Add one native method whose argument count `Vm::call` checks (`sig`), for non-dunder
/// methods with CPython's METH_NOARGS / METH_O shapes.
pub fn add_method_sig(ty: &ObjRef, name: &'static str, f: NativeFn, sig: Sig) {
    let b = ObjRef::new_immortal(types_builtin_function_type(), Payload::Builtin { name, func: f, bound: None, module: None, sig });
    set_type_attr(ty, name, Value::Obj(b));
}

/// Add read-only attributes computed by native getters (properties of a builtin type).
pub fn add_getters(ty: &ObjRef, getters: &[(&'static str, NativeFn)]) {
    for (name, f) in getters {
        let b = ObjRef::new_immortal(types_builtin_function_type(), Payload::Builtin { name, func: *f, bound: None, module: None, sig: Sig::Any });
        let p = ObjRef::new_immortal(types().getset_descriptor.clone(), Payload::Property { fget: Value::Obj(b), fset: Value::None, fdel: Value::None, doc: Value::None });
        set_type_attr(ty, name, Value::Obj(p));
    }
}

/// Add static/class-level native functions (e.g. `__new__`, `dict.fromkeys`).
pub fn add_staticmethod(ty: &ObjRef, name: &'static str, f: NativeFn) {
    let b = ObjRef::new_immortal(types_builtin_function_type(), Payload::Builtin { name, func: f, bound: None, module: None, sig: Sig::Any });
    let sm = ObjRef::new_immortal(types().staticmethod.clone(), Payload::StaticMethod(Value::Obj(b)));
    set_type_attr(ty, name, Value::Obj(sm));
}

pub fn add_classmethod(ty: &ObjRef, name: &'static str, f: NativeFn) {
    let sig = crate::native_sig::dunder_sig(&ty.type_data().name, name);
    let b = ObjRef::new_immortal(types_builtin_function_type(), Payload::Builtin { name, func: f, bound: None, module: None, sig });
    let cm = ObjRef::new_immortal(types().classmethod.clone(), Payload::ClassMethod(Value::Obj(b)));
    set_type_attr(ty, name, Value::Obj(cm));
}

fn types_builtin_function_type() -> ObjRef {
    TYPES.get().expect("types").builtin_function.clone()
}

/// Is `sub` a subclass of `sup` (including equality)?
pub fn is_subtype(sub: &ObjRef, sup: &ObjRef) -> bool {
    if sub.is(sup) {
        return true;
    }
    let t = types();
    if sup.is(&t.object) {
        return true;
    }
    let td = sub.type_data();
    if td.mro.iter().any(|b| b.is(sup)) {
        return true;
    }
    // bool is an int subclass.
    if sub.is(&t.bool_) && sup.is(&t.int) {
        return true;
    }
    // Exception types and subclasses of bool/int builtins.
    td.mro.iter().any(|b| b.is(&t.bool_)) && sup.is(&t.int)
}

pub fn isinstance(v: &Value, cls: &ObjRef) -> bool {
    is_subtype(type_of(v), cls)
}

/// C3 linearisation of `bases` for a new class (excluding the class itself).
pub fn compute_mro(bases: &[ObjRef]) -> Result<Vec<ObjRef>, String> {
    let t = types();
    let mut seqs: Vec<Vec<ObjRef>> = Vec::new();
    for b in bases {
        let mut s = vec![b.clone()];
        s.extend(b.type_data().mro.iter().cloned());
        if b.is(&t.bool_) {
            s = vec![b.clone(), t.int.clone(), t.object.clone()];
        }
        if !s.iter().any(|x| x.is(&t.object)) {
            s.push(t.object.clone());
        }
        seqs.push(s);
    }
    seqs.push(bases.to_vec());
    let mut out: Vec<ObjRef> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut cand = None;
        for s in &seqs {
            let head = &s[0];
            if !seqs.iter().any(|o| o[1..].iter().any(|x| x.is(head))) {
                cand = Some(head.clone());
                break;
            }
        }
        let Some(c) = cand else {
            // As CPython's set_mro_error: the heads of the sequences left to merge, once each.
            let mut names: Vec<String> = Vec::new();
            for s in &seqs {
                let n = s[0].type_data().name.clone();
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            return Err(format!("Cannot create a consistent method resolution\norder (MRO) for bases {}", names.join(", ")));
        };
        for s in seqs.iter_mut() {
            if s[0].is(&c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

/// Create a new class object (used by `__build_class__` and `type(name, bases, ns)`).
/// `slots`: the names declared by `__slots__`, if the class body has one (member descriptors
/// are already in `ns`).
pub fn new_class(meta: &ObjRef, name: &str, qualname: &str, bases: Vec<ObjRef>, mut ns: DictData, slots: Option<&[String]>) -> Result<ObjRef, String> {
    ns.set_type_namespace();
    let t = types();
    let bases = if bases.is_empty() { vec![t.object.clone()] } else { bases };
    // The layout comes from the most derived builtin base.
    let mut layout = Layout::Object;
    for b in &bases {
        let bd = b.type_data();
        if bd.final_ || b.is(&t.bool_) || b.is(&t.none_type) || b.is(&t.range) || b.is(&t.slice) || b.is(&t.function) || b.is(&t.generator) || b.is(&t.coroutine) || b.is(&t.async_generator) || b.is(&t.coroutine_wrapper) || b.is(&t.async_generator_asend) || b.is(&t.async_generator_athrow) {
            return Err(format!("type '{}' is not an acceptable base type", bd.name));
        }
        let bl = if bd.layout == Layout::Bool { Layout::Int } else { bd.layout };
        if bl != Layout::Object {
            if layout != Layout::Object && layout != bl {
                return Err("multiple bases have instance lay-out conflict".to_string());
            }
            layout = bl;
        }
    }
    let mro = compute_mro(&bases)?;
    let has_del = ns.lookup_str(crate::object::str::hash_str("__del__"), "__del__").is_some() || mro.iter().any(|b| lookup_in(b, crate::object::str::hash_str("__del__"), "__del__").is_some());
    // Without `__slots__` instances have a `__dict__`; with it, only if asked for or inherited.
    let (has_dict, slotted) = match slots {
        None => (true, bases.iter().any(|b| b.type_data().slotted)),
        Some(names) => {
            let has_dict = names.iter().any(|n| n == "__dict__") || bases.iter().any(|b| b.type_data().has_dict && !b.is(&t.object));
            let own = names.iter().any(|n| n != "__dict__" && n != "__weakref__");
            (has_dict, !has_dict && (own || bases.iter().any(|b| b.type_data().slotted)))
        }
    };
    // Pattern-matching collection flags: from the first class along the MRO that has any.
    let collection_flags = mro.iter().map(|b| b.type_data().collection_flags.load(std::sync::atomic::Ordering::Relaxed)).find(|f| *f != 0).unwrap_or(0);
    let mut td = TypeData::new(name, qualname, bases, mro, layout, false, has_dict, false);
    td.has_del = AtomicBool::new(has_del);
    td.collection_flags = std::sync::atomic::AtomicU8::new(collection_flags);
    td.slotted = slotted;
    // Weak references: CPython adds `__weakref__` unless `__slots__` leaves it out (or the
    // base's layout has items: int, tuple, bytes).
    let base_weak = td.bases.iter().any(|b| {
        let bd = b.type_data();
        if bd.builtin {
            matches!(bd.layout, Layout::Set | Layout::FrozenSet | Layout::Type | Layout::Function | Layout::Module | Layout::Other) && !b.is(&t.object)
        } else {
            bd.weakrefable
        }
    });
    td.weakrefable = !matches!(layout, Layout::Int | Layout::Tuple | Layout::Bytes)
        && match slots {
            None => true,
            Some(names) => names.iter().any(|n| n == "__weakref__") || base_weak,
        };
    let dict = ObjRef::new(t.dict.clone(), Payload::Dict(PyCell::new(ns)));
    let cls = ObjRef::new_with_dict(meta.clone(), Payload::Type(Box::new(td)), dict);
    for b in &cls.type_data().bases {
        b.type_data().subclasses.lock().push(cls.id());
    }
    bump_type_version();
    Ok(cls)
}

/// Allocate an instance of `cls` with `payload`, with a `__dict__` if the class has one and
/// slot storage if it declares `__slots__` (builtin types: neither unless they have a dict).
pub fn new_object(cls: &ObjRef, payload: Payload) -> ObjRef {
    let td = cls.type_data();
    let t = types();
    if td.has_dict && !td.builtin && td.layout == Layout::Object && matches!(payload, Payload::Empty) {
        return ObjRef::new(cls.clone(), crate::object::inline_values::new_payload(&td.shared_keys));
    }
    if td.has_dict {
        ObjRef::new_with_dict(cls.clone(), payload, ObjRef::new(t.dict.clone(), Payload::Dict(PyCell::new(DictData::new()))))
    } else if td.slotted {
        ObjRef::new_with_slots(cls.clone(), payload, ObjRef::new(t.dict.clone(), Payload::Dict(PyCell::new(DictData::new()))))
    } else {
        ObjRef::new(cls.clone(), payload)
    }
}

/// The live direct subclasses of `cls`, oldest first (`type.__subclasses__()`).
pub fn subclasses(cls: &ObjRef) -> Vec<ObjRef> {
    let td = cls.type_data();
    let g = td.subclasses.lock();
    // SAFETY: a registered class removes itself from this list, under this lock, before its
    // memory is freed (`object::before_free`), so every address here is still allocated.
    g.iter().filter_map(|&a| unsafe { ObjRef::upgrade(a) }).collect()
}

/// Helper for native code: a `PyResult` of `None`.
pub fn none() -> PyResult {
    Ok(Value::None)
}

/// The checks CPython's `tp_new_wrapper` makes before a builtin `T.__new__(cls, ...)` runs:
/// `cls` must be a type, a subtype of `T`, and not one whose nearest builtin base has a
/// different `__new__` (`int.__new__(bool)`). Returns `cls`.
pub fn check_new(vm: &mut crate::Vm, owner: &ObjRef, a: &crate::Args) -> PyResult<ObjRef> {
    if let Some(Value::Obj(c)) = a.args.first() {
        if c.is(owner) {
            return Ok(c.clone());
        }
    }
    let oname = owner.type_data().name.clone();
    let Some(first) = a.args.first() else { return Err(vm.type_error(&format!("{oname}.__new__(): not enough arguments"))) };
    let Value::Obj(cls) = first else {
        let tn = vm.type_name(first);
        return Err(vm.type_error(&format!("{oname}.__new__(X): X is not a type object ({tn})")));
    };
    let Some(td) = cls.as_type() else {
        let tn = vm.type_name(first);
        return Err(vm.type_error(&format!("{oname}.__new__(X): X is not a type object ({tn})")));
    };
    let cname = td.name.clone();
    if !is_subtype(cls, owner) {
        return Err(vm.type_error(&format!("{oname}.__new__({cname}): {cname} is not a subtype of {oname}")));
    }
    // The most derived builtin class in cls's MRO must be `owner` itself.
    let t = types();
    let nearest_builtin = if td.builtin { Some(cls.clone()) } else { td.mro.iter().find(|b| b.type_data().builtin).cloned() };
    if let Some(nb) = nearest_builtin {
        let same = nb.is(owner) || (owner.is(&t.int) && nb.is(&t.int));
        if !(same || nb.is(&t.bool_) && owner.is(&t.bool_)) {
            let nbname = nb.type_data().name.clone();
            return Err(vm.type_error(&format!("{oname}.__new__({cname}) is not safe, use {nbname}.__new__()")));
        }
    }
    Ok(cls.clone())
}


/// A native method that reads `a.args[n]` (self is `a.args[0]`): refuse fewer arguments with a
/// TypeError instead of indexing past the end. The message is CPython's for slot wrappers
/// (`list.__setitem__`, `dict.__eq__`, ...).
#[inline]
pub fn need_args(vm: &mut crate::Vm, a: &crate::Args, n: usize) -> PyResult<()> {
    if a.args.len() > n {
        return Ok(());
    }
    let given = a.args.len().saturating_sub(1);
    // Two-argument wrappers unpack with `PyArg_UnpackTuple(args, "", ...)`: an empty name
    // leaves a leading space in CPython's message.
    let lead = if n == 2 { " " } else { "" };
    Err(vm.type_error(&format!("{lead}expected {n} argument{}, got {given}", if n == 1 { "" } else { "s" })))
}

/// Argument Clinic's positional count check (`_PyArg_CheckPositional`) for a function taking
/// `min..=max` positional arguments after the first `skip` (1 for a method's self):
/// "pop expected at least 1 argument, got 0". No keywords allowed ("pop() takes no keyword
/// arguments").
pub fn check_positional(vm: &mut crate::Vm, a: &crate::Args, skip: usize, name: &str, min: usize, max: usize) -> PyResult<()> {
    let n = a.args.len().saturating_sub(skip);
    if !a.kwargs.is_empty() {
        return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
    }
    if n >= min && n <= max {
        return Ok(());
    }
    let (how, bound) = match () {
        _ if min == max => ("", min),
        _ if n < min => ("at least ", min),
        _ => ("at most ", max),
    };
    Err(vm.type_error(&format!("{name} expected {how}{bound} argument{}, got {n}", if bound == 1 { "" } else { "s" })))
}

/// Where a module-less native function sits in the builtin types' namespaces: the owning type's
/// name, and whether it is a plain method there (called on the type it needs a self argument)
/// rather than a staticmethod or classmethod. None when no builtin type holds it (the natives of
/// module types such as `_thread.lock`, getters). Scans every builtin type: only for error paths.
pub fn native_owner(f: &ObjRef, name: &str) -> Option<(String, bool)> {
    let t = types();
    let h = crate::object::str::hash_str(name);
    let mut all: Vec<&ObjRef> = vec![&t.type_, &t.object];
    all.extend(t.all().into_iter().map(|(_, ty)| ty));
    all.extend(t.exc.all());
    for ty in all {
        let Some(Value::Obj(v)) = lookup_in(ty, h, name) else { continue };
        let method = match &v.payload {
            _ if v.is(f) => true,
            Payload::StaticMethod(Value::Obj(b)) | Payload::ClassMethod(Value::Obj(b)) if b.is(f) => false,
            _ => continue,
        };
        return Some((ty.type_data().name.clone(), method));
    }
    None
}

/// CPython's error for a type's method called with no self (`str.upper()`, `list.__len__()`):
/// method descriptors say "unbound method", slot wrappers "descriptor ... needs an argument".
pub fn unbound_without_self_message(owner: Option<&str>, name: &str) -> String {
    // Dunders CPython defines as plain methods (method descriptors), not slot wrappers.
    const METHOD_DUNDERS: &[&str] = &[
        "__alloc__", "__bytes__", "__ceil__", "__class_getitem__", "__complex__", "__copy__", "__deepcopy__", "__dir__", "__enter__",
        "__exit__", "__floor__", "__format__", "__getnewargs__", "__getnewargs_ex__", "__getstate__", "__instancecheck__",
        "__length_hint__", "__reduce__", "__reduce_ex__", "__reversed__", "__round__", "__set_name__", "__setstate__",
        "__sizeof__", "__subclasscheck__", "__subclasses__", "__trunc__",
    ];
    let Some(owner) = owner else { return format!("unbound method {name}() needs an argument") };
    let method = !(name.starts_with("__") && name.ends_with("__"))
        || METHOD_DUNDERS.contains(&name)
        || (name == "__contains__" && matches!(owner, "dict" | "set" | "frozenset"))
        || (name == "__getitem__" && matches!(owner, "dict" | "list"));
    if method {
        format!("unbound method {owner}.{name}() needs an argument")
    } else {
        format!("descriptor '{name}' of '{owner}' object needs an argument")
    }
}
