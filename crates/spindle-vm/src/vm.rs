//! `Vm`: one per Python thread (frames, handled exception, eval breaker), plus the interpreter
//! state all threads share (`Interp`: modules, builtins, settings).
//!
//! This file holds the generic object protocols the rest of the runtime calls: attribute get/set
//! (with descriptors), `repr`/`str`, hashing, truth, iteration, items and length.

use crate::object::{ObjRef, Payload, PyStr};
use crate::sync::PyCell;
use crate::types::{self, type_of, types};
use crate::value::Value;
use crate::{PyErr, PyResult};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

/// State shared by every thread of the interpreter.
pub struct Interp {
    /// `sys.modules` (a dict).
    pub modules: ObjRef,
    /// The `builtins` module and its namespace dict.
    pub builtins: ObjRef,
    pub builtins_dict: ObjRef,
    pub recursion_limit: AtomicUsize,
    /// `sys.flags`-like settings from the command line.
    pub unbuffered: AtomicBool,
    pub argv: Mutex<Vec<String>>,
    pub xoptions: Mutex<Vec<(String, Option<String>)>>,
    /// The `sys` module, once created.
    pub sys: OnceLock<ObjRef>,
}

static INTERP: OnceLock<Interp> = OnceLock::new();

pub fn interp() -> &'static Interp {
    INTERP.get().expect("interpreter not initialised")
}

/// Interned strings: one immortal `str` object per distinct identifier. Protected by the mutex.
static INTERNED: OnceLock<Mutex<HashMap<Box<str>, ObjRef>>> = OnceLock::new();

pub fn intern_static(s: &str) -> ObjRef {
    let m = INTERNED.get_or_init(|| Mutex::new(HashMap::new()));
    let mut g = m.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(o) = g.get(s) {
        return o.clone();
    }
    let o = ObjRef::new_immortal(types().str_.clone(), Payload::Str(PyStr::new(s)));
    g.insert(s.into(), o.clone());
    o
}

/// The cached one-character strings U+0000..U+00FF and the empty string (CPython caches the
/// same: `'a' is 'abc'[0]`), filled once from `intern_static` so an identifier constant `'a'`
/// is the same object. Immortal; written once by the `OnceLock`, read-only afterwards.
static SMALL_STRS: OnceLock<Box<[ObjRef]>> = OnceLock::new();

#[inline]
fn small_strs() -> &'static [ObjRef] {
    SMALL_STRS.get_or_init(|| {
        let mut v: Vec<ObjRef> = (0u32..256).map(|c| intern_static(char::from_u32(c).unwrap_or('\0').encode_utf8(&mut [0; 4]))).collect();
        v.push(intern_static(""));
        v.into_boxed_slice()
    })
}

/// The one-character string `c`: the cached object for U+0000..U+00FF, a new one otherwise.
#[inline]
pub fn char_str(c: char) -> ObjRef {
    if (c as u32) < 256 {
        return small_strs()[c as usize].clone();
    }
    ObjRef::new(types().str_.clone(), Payload::Str(PyStr::new(c.encode_utf8(&mut [0; 4]) as &str)))
}

/// A str of at most one character from the cache, if `s` is one (`s` empty or one code point
/// below U+0100).
#[inline]
fn cached_small_str(s: &str) -> Option<ObjRef> {
    let b = s.as_bytes();
    match b.len() {
        0 => Some(small_strs()[256].clone()),
        1 => Some(small_strs()[b[0] as usize].clone()),
        // One code point U+0080..U+00FF: lead byte 0xC2 or 0xC3 (a valid `str`).
        2 if b[0] == 0xC2 || b[0] == 0xC3 => Some(small_strs()[(((b[0] & 0x1F) as usize) << 6) | (b[1] & 0x3F) as usize].clone()),
        _ => None,
    }
}

/// A new str value (`''` and one Latin-1 character from the cache).
#[inline]
pub fn str_value(s: &str) -> Value {
    if s.len() <= 2 {
        if let Some(o) = cached_small_str(s) {
            return Value::Obj(o);
        }
    }
    Value::Obj(ObjRef::new(types().str_.clone(), Payload::Str(PyStr::new(s))))
}

/// `str_value` taking the text by value.
#[inline]
pub fn string_value(s: String) -> Value {
    if s.len() <= 2 {
        if let Some(o) = cached_small_str(&s) {
            return Value::Obj(o);
        }
    }
    Value::Obj(ObjRef::new(types().str_.clone(), Payload::Str(PyStr::new(s))))
}

/// One-character strings (str iteration and indexing).
pub fn intern_char(s: &str) -> ObjRef {
    cached_small_str(s).unwrap_or_else(|| ObjRef::new(types().str_.clone(), Payload::Str(PyStr::new(s))))
}

pub struct Vm {
    pub frames: Vec<Box<crate::eval::Frame>>,
    /// The exception currently being handled (`sys.exc_info()`), or None.
    pub handled: Value,
    /// Eval breaker: bits set by other threads or by finalizers; checked by the eval loop.
    pub breaker: Arc<AtomicU32>,
    /// Nesting of Rust-level calls into the eval loop.
    pub native_depth: usize,
    /// Lowest stack address this thread may use before raising RecursionError.
    pub stack_limit: usize,
    /// Python depth (frames across nested eval loops).
    pub depth: usize,
    /// Native recursion guards held (CPython's `_Py_EnterRecursiveCall` around repr, str,
    /// comparisons and some builtin calls): counted with the frames against the recursion limit,
    /// so deeply nested containers raise RecursionError with CPython's message.
    pub guard_depth: usize,
    /// Finished frames kept for reuse (their vectors keep their capacity); see `eval::Frame`.
    pub frame_pool: Vec<Box<crate::eval::Frame>>,
}

impl Drop for Vm {
    fn drop(&mut self) {
        // The thread-local breaker pointer must not outlive the breaker it points to.
        crate::object::ptr::set_thread_breaker(std::ptr::null());
    }
}

/// Bytes of Rust stack kept in reserve below the recursion guard.
const STACK_RESERVE: usize = 256 * 1024;

impl Vm {
    /// Create the interpreter state (once) and a VM for the main thread.
    pub fn new_main(argv: Vec<String>, xoptions: Vec<(String, Option<String>)>, unbuffered: bool, stack_size: usize) -> Vm {
        types::init();
        let t = types();
        let modules = ObjRef::new_immortal(t.dict.clone(), Payload::Dict(PyCell::new(crate::object::DictData::new())));
        let builtins_dict = ObjRef::new_immortal(t.dict.clone(), Payload::Dict(PyCell::new(crate::object::DictData::new())));
        let builtins = ObjRef::new_with_dict(t.module.clone(), Payload::Module, builtins_dict.clone());
        builtins.make_immortal();
        let _ = INTERP.set(Interp {
            modules,
            builtins,
            builtins_dict,
            recursion_limit: AtomicUsize::new(1000),
            unbuffered: AtomicBool::new(unbuffered),
            argv: Mutex::new(argv),
            xoptions: Mutex::new(xoptions),
            sys: OnceLock::new(),
        });
        let mut vm = Vm::new_thread(stack_size);
        // The main thread holds the GIL from the start; other threads take it when they start.
        crate::gil::acquire(&vm.breaker, crate::gil::Take::Regular);
        crate::sigint::install_main(&vm.breaker);
        crate::gil_trace::configure(&interp().xoptions.lock().unwrap_or_else(|e| e.into_inner()));
        if crate::gil_trace::on() {
            crate::gil_trace::label(crate::gil::thread_serial(), "MainThread");
        }
        crate::builtins::init(&mut vm);
        crate::stdlib::init(&mut vm);
        vm
    }

    /// A VM for a new thread of the existing interpreter. `stack_size` is the thread's stack.
    pub fn new_thread(stack_size: usize) -> Vm {
        let marker = 0u8;
        let here = &marker as *const u8 as usize;
        let limit = here.saturating_sub(stack_size.saturating_sub(STACK_RESERVE));
        let breaker = Arc::new(AtomicU32::new(0));
        crate::object::ptr::set_thread_breaker(Arc::as_ptr(&breaker));
        Vm { frames: Vec::new(), handled: Value::None, breaker, native_depth: 0, stack_limit: limit, depth: 0, guard_depth: 0, frame_pool: Vec::new() }
    }

    /// At the end of a thread, with the GIL held: drop the frames and the handled exception and
    /// run the `__del__` methods this queues, so nothing is left to free without the GIL.
    pub fn finish_thread(&mut self) {
        self.frames.clear();
        self.handled = Value::None;
        self.run_finalizers();
    }

    /// CPython's `_Py_EnterRecursiveCall(what)`: one more native recursion level, or
    /// RecursionError (`maximum recursion depth exceeded{what}`) when frames plus guards would
    /// pass the limit. Pair with [`Vm::leave_guard`].
    #[inline]
    pub fn enter_guard(&mut self, what: &str) -> PyResult<()> {
        self.check_stack()?;
        let limit = interp().recursion_limit.load(Ordering::Relaxed);
        if self.frames.len() + self.guard_depth >= limit {
            let c = types().exc.recursion_error.clone();
            return Err(self.new_exc(&c, &format!("maximum recursion depth exceeded{what}")));
        }
        self.guard_depth += 1;
        Ok(())
    }

    #[inline]
    pub fn leave_guard(&mut self) {
        self.guard_depth -= 1;
    }

    /// Python frames plus native guards: the depth compared with the recursion limit.
    #[inline]
    pub fn recursion_depth(&self) -> usize {
        self.frames.len() + self.guard_depth
    }

    /// Raise RecursionError if the Rust stack is nearly exhausted.
    #[inline]
    pub fn check_stack(&mut self) -> PyResult<()> {
        let marker = 0u8;
        let here = &marker as *const u8 as usize;
        if here < self.stack_limit {
            return Err(self.recursion_error());
        }
        Ok(())
    }

    pub fn intern(&mut self, s: &str) -> ObjRef {
        intern_static(s)
    }

    #[inline]
    pub fn new_str(&mut self, s: &str) -> Value {
        str_value(s)
    }

    #[inline]
    pub fn new_string(&mut self, s: String) -> Value {
        string_value(s)
    }

    pub fn new_dict(&mut self) -> ObjRef {
        ObjRef::new(types().dict.clone(), Payload::Dict(PyCell::new(crate::object::DictData::new())))
    }

    pub fn type_name(&self, v: &Value) -> String {
        type_of(v).type_data().name.clone()
    }

    // ----- attributes -----

    pub fn get_attr_str(&mut self, obj: &Value, name: &str) -> PyResult {
        let n = self.intern(name);
        self.get_attr(obj, &n)
    }

    /// `getattr(obj, name)`, or None when the attribute is missing (AttributeError swallowed).
    pub fn get_attr_opt(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        match self.get_attr_str(obj, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.is_instance_of(&e, &types().exc.attribute_error.clone()) => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub fn is_instance_of(&self, e: &PyErr, cls: &ObjRef) -> bool {
        types::is_subtype(&e.0.cls, cls)
    }

    /// The full attribute protocol: data descriptors, instance dict, non-data descriptors and
    /// class attributes, `__getattr__`.
    pub fn get_attr(&mut self, obj: &Value, name: &ObjRef) -> PyResult {
        let name_s = name.as_str().map(|s| s.as_str()).unwrap_or("");
        let ty = type_of(obj).clone();
        if let Value::Obj(o) = obj {
            if matches!(o.payload, Payload::Super { .. }) {
                if let Some(v) = crate::types::descr::super_getattr(self, o, name)? {
                    return Ok(v);
                }
            }
        }
        // Custom __getattribute__ on user classes.
        if !ty.type_data().builtin {
            if let Some(ga) = types::lookup(&ty, "__getattribute__") {
                if !is_object_slot(&ga, "__getattribute__") {
                    let r = self.call(&ga, &[obj.clone(), Value::Obj(name.clone())], &[]);
                    return match r {
                        Err(e) if self.is_instance_of(&e, &types().exc.attribute_error.clone()) => self.getattr_fallback(obj, &ty, name, e),
                        other => other,
                    };
                }
            }
        }
        let found = match name.as_str() {
            Some(ps) => self.generic_getattr_hashed(obj, &ty, name_s, ps.hash())?,
            None => self.generic_getattr(obj, &ty, name_s)?,
        };
        match found {
            Some(v) => Ok(v),
            None => {
                let e = self.no_attribute(obj, name_s);
                self.getattr_fallback(obj, &ty, name, e)
            }
        }
    }

    fn getattr_fallback(&mut self, obj: &Value, ty: &ObjRef, name: &ObjRef, err: PyErr) -> PyResult {
        if let Some(ga) = types::lookup(ty, "__getattr__") {
            return self.call(&ga, &[obj.clone(), Value::Obj(name.clone())], &[]);
        }
        // Module-level __getattr__.
        if let Value::Obj(o) = obj {
            if matches!(o.payload, Payload::Module) {
                if let Some(d) = o.instance_dict() {
                    if let Some(f) = crate::types::dict::dict_get_str(d, "__getattr__") {
                        return self.call(&f, &[Value::Obj(name.clone())], &[]);
                    }
                }
            }
        }
        Err(err)
    }

    /// `object.__getattribute__` semantics. Ok(None) means "not found" (no error built yet).
    pub fn generic_getattr(&mut self, obj: &Value, ty: &ObjRef, name: &str) -> PyResult<Option<Value>> {
        self.generic_getattr_hashed(obj, ty, name, crate::object::str::hash_str(name))
    }

    /// `generic_getattr` with the name's str hash known (an interned name's cached hash).
    pub fn generic_getattr_hashed(&mut self, obj: &Value, ty: &ObjRef, name: &str, hash: i64) -> PyResult<Option<Value>> {
        let descr = types::lookup_hashed(ty, name, hash);
        if let Some(d) = &descr {
            if self.is_data_descriptor(d) {
                return self.descr_get(d, Some(obj), ty).map(Some);
            }
        }
        if let Value::Obj(o) = obj {
            // The special attributes of these builtin layouts (`__doc__`, `__name__`, `args`...)
            // are data descriptors in CPython: they win over the instance dict and over
            // same-named class attributes inherited from `object`.
            if matches!(o.payload, Payload::Function(_) | Payload::Builtin { .. } | Payload::Code(_) | Payload::Generator(_) | Payload::Coroutine(_) | Payload::Property { .. } | Payload::Exception(_) | Payload::Traceback(_)) {
                if let Some(v) = crate::types::object::special_attr(self, obj, name)? {
                    return Ok(Some(v));
                }
            }
            // A bound method's `__doc__` is its function's (a getset of CPython's method type).
            if let Payload::Method { func, .. } = &o.payload {
                if name == "__doc__" {
                    let f = func.clone();
                    return self.get_attr_opt(&f, name);
                }
            }
            // Class attribute access: walk the class's own MRO.
            if let Payload::Type(_) = &o.payload {
                if let Some(v) = types::lookup(o, name) {
                    return self.descr_get(&v, None, o).map(Some);
                }
            } else if let Some(v) = crate::object::instance_attr(o, name, hash) {
                return Ok(Some(v));
            }
        }
        if let Some(d) = descr {
            return self.descr_get(&d, Some(obj), ty).map(Some);
        }
        crate::types::object::special_attr(self, obj, name)
    }

    pub fn no_attribute(&mut self, obj: &Value, name: &str) -> PyErr {
        let msg = match obj {
            Value::Obj(o) if matches!(o.payload, Payload::Module) => {
                let mname = o.instance_dict().and_then(|d| crate::types::dict::dict_get_str(d, "__name__")).and_then(|v| v.as_str().map(|s| s.to_string())).unwrap_or_else(|| "?".into());
                format!("module '{mname}' has no attribute '{name}'")
            }
            Value::Obj(o) if o.as_type().is_some() => format!("type object '{}' has no attribute '{name}'", o.type_data().name),
            _ => format!("'{}' object has no attribute '{name}'", self.type_name(obj)),
        };
        let e = self.attribute_error(&msg);
        let ev = Value::Obj(e.0.clone());
        let n = self.new_str(name);
        if let Some(d) = e.0.instance_dict() {
            let k = self.new_str("name");
            let _ = crate::types::dict::dict_set(self, d, k, n);
            let k = self.new_str("obj");
            let _ = crate::types::dict::dict_set(self, d, k, obj.clone());
        }
        let _ = ev;
        e
    }

    pub fn is_data_descriptor(&self, d: &Value) -> bool {
        match d {
            Value::Obj(o) => match &o.payload {
                Payload::Property { .. } | Payload::Member { .. } => true,
                _ => {
                    let td = o.cls_data();
                    !td.builtin && (types::lookup(&o.cls, "__set__").is_some() || types::lookup(&o.cls, "__delete__").is_some())
                }
            },
            _ => false,
        }
    }

    /// Bind a class attribute found on `ty` to `obj` (None: accessed on the class itself).
    pub fn descr_get(&mut self, d: &Value, obj: Option<&Value>, ty: &ObjRef) -> PyResult {
        let Value::Obj(o) = d else { return Ok(d.clone()) };
        match &o.payload {
            Payload::Function(_) => match obj {
                Some(inst) => Ok(Value::Obj(ObjRef::new(types().method.clone(), Payload::Method { func: d.clone(), self_: inst.clone() }))),
                None => Ok(d.clone()),
            },
            // A method descriptor (no module) binds; a module-level builtin function stored as
            // a class attribute does not (it is not a descriptor in CPython either).
            Payload::Builtin { name, func, bound: None, module: None, sig } => match obj {
                Some(inst) => Ok(Value::Obj(ObjRef::new(types().builtin_function.clone(), Payload::Builtin { name, func: *func, bound: Some(inst.clone()), module: None, sig: *sig }))),
                None => Ok(d.clone()),
            },
            Payload::StaticMethod(f) => Ok(f.clone()),
            Payload::Member { .. } => match obj {
                Some(inst) => crate::types::descr::member_get(self, o, inst),
                None => Ok(d.clone()),
            },
            Payload::ClassMethod(f) => {
                let cls = match obj {
                    Some(Value::Obj(c)) if c.as_type().is_some() && !o.cls.is(&types().classmethod) => Value::Obj(ty.clone()),
                    Some(inst) => Value::Obj(type_of(inst).clone()),
                    None => Value::Obj(ty.clone()),
                };
                let cls = if obj.is_none() { Value::Obj(ty.clone()) } else { cls };
                // A native class method binds as a builtin method of the class, as in CPython.
                if let Value::Obj(fo) = f {
                    if let Payload::Builtin { name, func, bound: None, module, sig } = &fo.payload {
                        return Ok(Value::Obj(ObjRef::new(types().builtin_function.clone(), Payload::Builtin { name, func: *func, bound: Some(cls), module: *module, sig: *sig })));
                    }
                }
                Ok(Value::Obj(ObjRef::new(types().method.clone(), Payload::Method { func: f.clone(), self_: cls })))
            }
            Payload::Property { fget, .. } => match obj {
                Some(inst) => {
                    if fget.is_none() {
                        return Err(self.attribute_error("unreadable attribute"));
                    }
                    let f = fget.clone();
                    self.call(&f, std::slice::from_ref(inst), &[])
                }
                None => Ok(d.clone()),
            },
            _ => {
                if o.cls_data().builtin {
                    return Ok(d.clone());
                }
                if let Some(get) = types::lookup(&o.cls, "__get__") {
                    let inst = obj.cloned().unwrap_or(Value::None);
                    return self.call(&get, &[d.clone(), inst, Value::Obj(ty.clone())], &[]);
                }
                Ok(d.clone())
            }
        }
    }

    pub fn set_attr_str(&mut self, obj: &Value, name: &str, v: Value) -> PyResult<()> {
        let n = self.intern(name);
        self.set_attr(obj, &n, v)
    }

    pub fn set_attr(&mut self, obj: &Value, name: &ObjRef, v: Value) -> PyResult<()> {
        let ty = type_of(obj).clone();
        if !ty.type_data().builtin {
            if let Some(sa) = types::lookup(&ty, "__setattr__") {
                if !is_object_slot(&sa, "__setattr__") {
                    self.call(&sa, &[obj.clone(), Value::Obj(name.clone()), v], &[])?;
                    return Ok(());
                }
            }
        }
        self.generic_setattr(obj, name, Some(v))
    }

    pub fn del_attr(&mut self, obj: &Value, name: &ObjRef) -> PyResult<()> {
        let ty = type_of(obj).clone();
        if !ty.type_data().builtin {
            if let Some(da) = types::lookup(&ty, "__delattr__") {
                if !is_object_slot(&da, "__delattr__") {
                    self.call(&da, &[obj.clone(), Value::Obj(name.clone())], &[])?;
                    return Ok(());
                }
            }
        }
        self.generic_setattr(obj, name, None)
    }

    /// `object.__setattr__` / `object.__delattr__` (value None = delete).
    pub fn generic_setattr(&mut self, obj: &Value, name: &ObjRef, v: Option<Value>) -> PyResult<()> {
        let name_s = name.as_str().map(|s| s.as_str().to_string()).unwrap_or_default();
        let ty = type_of(obj).clone();
        if let Some(d) = types::lookup(&ty, &name_s) {
            if let Value::Obj(dobj) = &d {
                match &dobj.payload {
                    Payload::Property { fset, fdel, .. } => {
                        let f = if v.is_some() { fset.clone() } else { fdel.clone() };
                        if f.is_none() && dobj.cls.is(&types().getset_descriptor) {
                            // A builtin type's read-only attribute (CPython's getset_set).
                            let owner = types::lookup_with_owner(&ty, &name_s).map(|(_, o)| o.type_data().name.clone()).unwrap_or_default();
                            return Err(self.attribute_error(&format!("attribute '{name_s}' of '{owner}' objects is not writable")));
                        }
                        if f.is_none() {
                            let what = if v.is_some() { "setter" } else { "deleter" };
                            let msg = format!("property '{name_s}' of '{}' object has no {what}", ty.type_data().name);
                            return Err(self.attribute_error(&msg));
                        }
                        let mut args = vec![obj.clone()];
                        args.extend(v);
                        self.call(&f, &args, &[])?;
                        return Ok(());
                    }
                    Payload::Member { .. } => return crate::types::descr::member_set(self, dobj, obj, v),
                    _ if !dobj.cls_data().builtin => {
                        let m = if v.is_some() { "__set__" } else { "__delete__" };
                        if let Some(set) = types::lookup(&dobj.cls, m) {
                            let mut args = vec![d.clone(), obj.clone()];
                            args.extend(v);
                            self.call(&set, &args, &[])?;
                            return Ok(());
                        }
                    }
                    _ => {}
                }
            }
        }
        if let Value::Obj(o) = obj {
            if let Payload::Type(td) = &o.payload {
                if td.builtin {
                    let msg = format!("cannot set '{name_s}' attribute of immutable type '{}'", td.name);
                    return Err(self.type_error(&msg));
                }
                let d = o.instance_dict().expect("class dict").clone();
                match v {
                    Some(val) => {
                        if name_s == "__del__" {
                            td.has_del.store(true, Ordering::Relaxed);
                        }
                        crate::types::dict::dict_set(self, &d, Value::Obj(name.clone()), val)?;
                    }
                    None => {
                        if !crate::types::dict::dict_del(self, &d, &Value::Obj(name.clone()))? {
                            let msg = format!("type object '{}' has no attribute '{name_s}'", td.name);
                            return Err(self.attribute_error(&msg));
                        }
                    }
                }
                crate::object::bump_type_version();
                return Ok(());
            }
            if let Some(special) = crate::types::object::set_special_attr(self, o, &name_s, v.clone())? {
                return special;
            }
            let v = match &o.payload {
                Payload::Instance(cell) => match crate::object::inline_values::set_generic(o, cell, name, v) {
                    crate::object::inline_values::GenericSet::Done => return Ok(()),
                    crate::object::inline_values::GenericSet::Missing => return Err(self.no_attribute(obj, &name_s)),
                    crate::object::inline_values::GenericSet::UseDict(_, v) => v,
                },
                _ => v,
            };
            if let Some(d) = o.instance_dict().cloned() {
                match v {
                    Some(val) => {
                        crate::types::dict::dict_set(self, &d, Value::Obj(name.clone()), val)?;
                    }
                    None => {
                        if !crate::types::dict::dict_del(self, &d, &Value::Obj(name.clone()))? {
                            return Err(self.no_attribute(obj, &name_s));
                        }
                    }
                }
                return Ok(());
            }
        }
        let tn = self.type_name(obj);
        let msg = if types::lookup(&ty, &name_s).is_some() { format!("'{tn}' object attribute '{name_s}' is read-only") } else { format!("'{tn}' object has no attribute '{name_s}'") };
        Err(self.attribute_error(&msg))
    }

    /// Look up a special method on the type (not the instance), as the interpreter does.
    pub fn lookup_special(&self, v: &Value, name: &str) -> Option<Value> {
        types::lookup(type_of(v), name)
    }

    /// Call a special method found on the type, binding `v` as self.
    pub fn call_special(&mut self, v: &Value, name: &str, args: &[Value]) -> PyResult<Option<Value>> {
        match self.lookup_special(v, name) {
            Some(m) => {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(v.clone());
                full.extend_from_slice(args);
                self.call(&m, &full, &[]).map(Some)
            }
            None => Ok(None),
        }
    }

    /// `obj.name(*args)`.
    pub fn call_method(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult {
        let f = self.get_attr_str(obj, name)?;
        self.call(&f, args, &[])
    }

    // ----- conversions -----

    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::None => return Ok("None".into()),
            Value::Bool64(b) => return Ok(if b.get() { "True" } else { "False" }.into()),
            Value::Int(i) => return Ok(i.to_string()),
            Value::Float64(f) => return Ok(crate::format::float_repr(f.get())),
            _ => {}
        }
        self.enter_guard(" while getting the repr of an object")?;
        let r = self.call_special(v, "__repr__", &[]);
        self.leave_guard();
        let r = match r? {
            Some(r) => r,
            None => return Ok(format!("<{} object>", self.type_name(v))),
        };
        match r.as_str() {
            Some(s) => Ok(s.to_string()),
            None => {
                let tn = self.type_name(&r);
                Err(self.type_error(&format!("__repr__ returned non-string (type {tn})")))
            }
        }
    }

    pub fn repr_value(&mut self, v: &Value) -> PyResult {
        let s = self.repr(v)?;
        Ok(self.new_string(s))
    }

    /// `str(v)` as a Rust string.
    pub fn to_str(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Obj(o) => {
                if let Payload::Str(s) = &o.payload {
                    if o.cls_data().builtin {
                        return Ok(s.as_str().to_string());
                    }
                }
            }
            _ => return self.repr(v),
        }
        self.enter_guard(" while getting the str of an object")?;
        let r = self.call_special(v, "__str__", &[]);
        self.leave_guard();
        let r = match r? {
            Some(r) => r,
            None => return self.repr(v),
        };
        match r.as_str() {
            Some(s) => Ok(s.to_string()),
            None => {
                let tn = self.type_name(&r);
                Err(self.type_error(&format!("__str__ returned non-string (type {tn})")))
            }
        }
    }

    pub fn str_value(&mut self, v: &Value) -> PyResult {
        if let Value::Obj(o) = v {
            if matches!(o.payload, Payload::Str(_)) && o.cls_data().builtin {
                return Ok(v.clone());
            }
        }
        let s = self.to_str(v)?;
        Ok(self.new_string(s))
    }

    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        match v {
            Value::None | Value::Null => Ok(false),
            Value::Bool64(b) => Ok(b.get()),
            Value::Int(i) => Ok(*i != 0),
            Value::Float64(f) => Ok(f.get() != 0.0),
            Value::Obj(o) => {
                if o.cls_data().builtin {
                    match &o.payload {
                        Payload::Str(s) => return Ok(s.char_len() > 0),
                        Payload::List(l) => return Ok(!l.lock().is_empty()),
                        Payload::Tuple(t) => return Ok(!t.is_empty()),
                        Payload::Dict(d) => return Ok(!d.lock().is_empty()),
                        Payload::Set(d) => return Ok(!d.lock().is_empty()),
                        Payload::FrozenSet(d) => return Ok(!d.is_empty()),
                        Payload::Int(_) => return Ok(true),
                        Payload::Bytes(b) => return Ok(!b.is_empty()),
                        Payload::ByteArray(b) => return Ok(!b.lock().is_empty()),
                        Payload::Deque(d) => return Ok(!d.lock().items.is_empty()),
                        Payload::Complex(r, i) => return Ok(*r != 0.0 || *i != 0.0),
                        Payload::Range { .. } => return Ok(crate::types::range::range_nonempty(v)),
                        Payload::Float(f) => return Ok(*f != 0.0),
                        _ => return Ok(true),
                    }
                }
                if let Some(r) = self.call_special(v, "__bool__", &[])? {
                    return match r {
                        Value::Bool64(b) => Ok(b.get()),
                        other => {
                            let tn = self.type_name(&other);
                            Err(self.type_error(&format!("__bool__ should return bool, returned {tn}")))
                        }
                    };
                }
                if self.lookup_special(v, "__len__").is_some() {
                    return Ok(self.len(v)? > 0);
                }
                Ok(true)
            }
        }
    }

    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        if let Value::Obj(o) = v {
            match &o.payload {
                Payload::Str(s) if o.cls_data().builtin => return Ok(s.char_len()),
                Payload::List(l) if o.cls_data().builtin => return Ok(l.lock().len()),
                Payload::Tuple(t) if o.cls_data().builtin => return Ok(t.len()),
                Payload::Dict(d) if o.cls_data().builtin => return Ok(d.lock().len()),
                Payload::Deque(d) if o.cls_data().builtin => return Ok(d.lock().items.len()),
                _ => {}
            }
        }
        match self.call_special(v, "__len__", &[])? {
            Some(r) => {
                let n = match &r {
                    Value::Int(i) => *i,
                    Value::Bool64(b) => b.get() as i64,
                    Value::Obj(o) if matches!(o.payload, Payload::Int(_)) => {
                        let neg = matches!(&o.payload, Payload::Int(b) if b.sign() == num_bigint::Sign::Minus);
                        if neg {
                            return Err(self.value_error("__len__() should return >= 0"));
                        }
                        let c = types().exc.overflow_error.clone();
                        return Err(self.new_exc(&c, "cannot fit 'int' into an index-sized integer"));
                    }
                    _ => {
                        let tn = self.type_name(&r);
                        return Err(self.type_error(&format!("'{tn}' object cannot be interpreted as an integer")));
                    }
                };
                if n < 0 {
                    return Err(self.value_error("__len__() should return >= 0"));
                }
                Ok(n as usize)
            }
            None => {
                let tn = self.type_name(v);
                Err(self.type_error(&format!("object of type '{tn}' has no len()")))
            }
        }
    }

    /// The hash of an int or exact str (no protocol, no error); None for anything else.
    #[inline]
    pub fn native_hash(v: &Value) -> Option<i64> {
        match v {
            Value::Int(i) => Some(crate::types::int::hash_i64(*i)),
            Value::Obj(o) => match &o.payload {
                Payload::Str(s) if o.cls_data().builtin => Some(s.hash()),
                _ => None,
            },
            _ => None,
        }
    }

    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => return Ok(crate::types::int::hash_i64(*i)),
            Value::Bool64(b) => return Ok(b.get() as i64),
            Value::Float64(f) => return Ok(crate::types::float::hash_float(f.get())),
            Value::None => return Ok(0xFCA86420),
            Value::Null => return Ok(0),
            Value::Obj(o) => {
                if o.cls_data().builtin {
                    match &o.payload {
                        Payload::Str(s) => return Ok(s.hash()),
                        Payload::Bytes(b) => return Ok(crate::object::str::hash_bytes(b)),
                        Payload::Int(b) => return Ok(crate::types::int::hash_bigint(b)),
                        // A tuple's items never change; `v` keeps it alive during the call.
                        Payload::Tuple(items) => return crate::types::tuple::hash_tuple(self, items),
                        _ => {}
                    }
                }
            }
        }
        let ty = type_of(v).clone();
        match types::lookup(&ty, "__hash__") {
            Some(Value::None) | None => {
                let tn = self.type_name(v);
                Err(self.type_error(&format!("unhashable type: '{tn}'")))
            }
            Some(h) => {
                let r = self.call(&h, std::slice::from_ref(v), &[])?;
                match r {
                    Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
                    Value::Bool64(b) => Ok(b.get() as i64),
                    Value::Obj(ref o) if matches!(o.payload, Payload::Int(_)) => {
                        if let Payload::Int(b) = &o.payload {
                            Ok(crate::types::int::hash_bigint(b))
                        } else {
                            Ok(0)
                        }
                    }
                    _ => Err(self.type_error("__hash__ method should return an integer")),
                }
            }
        }
    }

    // ----- iteration -----

    pub fn iter(&mut self, v: &Value) -> PyResult {
        if let Some(it) = crate::types::iters::native_iter(self, v)? {
            return Ok(it);
        }
        if let Some(r) = self.call_special(v, "__iter__", &[])? {
            if self.lookup_special(&r, "__next__").is_none() && crate::types::iters::native_next_kind(&r).is_none() {
                let tn = self.type_name(&r);
                return Err(self.type_error(&format!("iter() returned non-iterator of type '{tn}'")));
            }
            return Ok(r);
        }
        if self.lookup_special(v, "__getitem__").is_some() {
            return Ok(crate::types::iters::seq_iter(v.clone()));
        }
        let tn = self.type_name(v);
        Err(self.type_error(&format!("'{tn}' object is not iterable")))
    }

    /// `next(it)`: Ok(None) when exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        if let Some(r) = crate::types::iters::native_next(self, it) {
            return r;
        }
        match self.lookup_special(it, "__next__") {
            Some(m) => match self.call(&m, std::slice::from_ref(it), &[]) {
                Ok(v) => Ok(Some(v)),
                Err(e) if self.is_instance_of(&e, &types().exc.stop_iteration.clone()) => Ok(None),
                Err(e) => Err(e),
            },
            None => {
                let tn = self.type_name(it);
                Err(self.type_error(&format!("'{tn}' object is not an iterator")))
            }
        }
    }

    /// Drain an iterable into a Vec.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        if let Value::Obj(o) = v {
            if o.cls_data().builtin {
                match &o.payload {
                    Payload::List(l) => return Ok(l.lock().clone()),
                    Payload::Tuple(t) => return Ok(t.to_vec()),
                    // Snapshots under the container's lock: atomic with respect to other
                    // threads (as with the GIL, also in free-threaded mode).
                    Payload::Dict(d) => return Ok(d.lock().iter().map(|e| e.key.clone()).collect()),
                    Payload::Set(d) => return Ok(d.lock().keys()),
                    Payload::Deque(d) => return Ok(d.lock().items.iter().cloned().collect()),
                    Payload::FrozenSet(d) => return Ok(d.keys()),
                    // `list(d.items())` and the like: one snapshot of the dict's storage (views
                    // iterate the storage even of dict subclasses).
                    Payload::DictView { dict, kind } => {
                        return Ok(match kind {
                            0 => crate::types::dict::dict_keys(dict),
                            1 => crate::types::dict::dict_items(dict).into_iter().map(|(_, v)| v).collect(),
                            _ => crate::types::dict::dict_items(dict).into_iter().map(|(k, v)| crate::types::tuple::new_tuple(vec![k, v])).collect(),
                        })
                    }
                    Payload::Range { .. } => {
                        // Preallocate from the length, as CPython's length hint does:
                        // list(range(2**62)) is a MemoryError, not a long loop.
                        let n = crate::types::range::range_length(self, v)?;
                        let mut out = crate::alloc::try_vec(self, n)?;
                        let it = self.iter(v)?;
                        while let Some(x) = self.next(&it)? {
                            out.push(x);
                        }
                        return Ok(out);
                    }
                    _ => {}
                }
            }
        }
        let it = self.iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            out.push(x);
        }
        Ok(out)
    }

    // ----- items -----

    pub fn getitem(&mut self, c: &Value, k: &Value) -> PyResult {
        if let Some(r) = crate::ops::native_getitem(self, c, k)? {
            return Ok(r);
        }
        if let Some(r) = self.call_special(c, "__getitem__", std::slice::from_ref(k))? {
            return Ok(r);
        }
        if let Value::Obj(o) = c {
            if o.as_type().is_some() {
                if let Some(cg) = types::lookup(o, "__class_getitem__") {
                    let f = self.descr_get(&cg, None, o)?;
                    let f = match &f {
                        Value::Obj(fo) if matches!(fo.payload, Payload::Function(_)) => Value::Obj(ObjRef::new(types().method.clone(), Payload::Method { func: f.clone(), self_: c.clone() })),
                        _ => f,
                    };
                    return self.call(&f, std::slice::from_ref(k), &[]);
                }
                if o.is(&types().type_) {
                    return Ok(c.clone());
                }
                let n = o.type_data().name.clone();
                return Err(self.type_error(&format!("type '{n}' is not subscriptable")));
            }
        }
        let tn = self.type_name(c);
        Err(self.type_error(&format!("'{tn}' object is not subscriptable")))
    }

    pub fn setitem(&mut self, c: &Value, k: &Value, v: Value) -> PyResult<()> {
        let Some(v) = crate::ops::native_setitem(self, c, k, v)? else { return Ok(()) };
        if self.call_special(c, "__setitem__", &[k.clone(), v])?.is_some() {
            return Ok(());
        }
        let tn = self.type_name(c);
        Err(self.type_error(&format!("'{tn}' object does not support item assignment")))
    }

    pub fn delitem(&mut self, c: &Value, k: &Value) -> PyResult<()> {
        if crate::ops::native_delitem(self, c, k)? {
            return Ok(());
        }
        if self.call_special(c, "__delitem__", std::slice::from_ref(k))?.is_some() {
            return Ok(());
        }
        let tn = self.type_name(c);
        Err(self.type_error(&format!("'{tn}' object doesn't support item deletion")))
    }

    /// Run queued `__del__` finalizers (called by the eval loop when the breaker says so).
    pub fn run_finalizers(&mut self) {
        self.breaker.fetch_and(!crate::object::ptr::BREAK_FINALIZERS, Ordering::Relaxed);
        loop {
            let objs = crate::object::ptr::take_finalizers();
            if objs.is_empty() {
                break;
            }
            for o in objs {
                if matches!(o.payload, Payload::Coroutine(_)) {
                    let saved = self.handled.clone();
                    crate::coroutine::finalize(self, &o);
                    self.handled = saved;
                    drop(o);
                    continue;
                }
                if matches!(o.payload, Payload::Generator(_)) {
                    let saved = self.handled.clone();
                    if let Err(e) = crate::generator::close(self, &o) {
                        let v = Value::Obj(o.clone());
                        crate::traceback::print_unraisable(self, &e, "Exception ignored in", &v);
                    }
                    self.handled = saved;
                    drop(o);
                    continue;
                }
                // a weak reference whose referent died: its callback, called with it
                if crate::object::weak::data_of(&o).is_some_and(|d| d.is_dead()) {
                    if let Some(cb) = crate::stdlib::weakref::take_callback(&o) {
                        let saved = self.handled.clone();
                        let v = Value::Obj(o);
                        if let Err(e) = self.call(&cb, std::slice::from_ref(&v), &[]) {
                            crate::traceback::print_unraisable(self, &e, "Exception ignored in", &cb);
                        }
                        self.handled = saved;
                        drop(v);
                        continue;
                    }
                }
                let v = Value::Obj(o);
                if let Some(del) = self.lookup_special(&v, "__del__") {
                    let saved = self.handled.clone();
                    if let Err(e) = self.call(&del, std::slice::from_ref(&v), &[]) {
                        crate::traceback::print_unraisable(self, &e, "Exception ignored in", &del);
                    }
                    self.handled = saved;
                }
                drop(v);
            }
        }
    }
}

/// Is `v` the builtin slot of `object` named `name` (i.e. not overridden)?
fn is_object_slot(v: &Value, name: &str) -> bool {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Builtin { .. } => types::lookup(&types().object, name).map(|ov| ov.is(v)).unwrap_or(false),
            _ => false,
        },
        _ => false,
    }
}

thread_local! {
    /// Containers whose repr is being computed on this thread (CPython's `Py_ReprEnter`).
    static REPR_RUNNING: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Leaves the repr of a container when dropped (`Py_ReprLeave`).
pub struct ReprLeave(usize);

impl Drop for ReprLeave {
    fn drop(&mut self) {
        REPR_RUNNING.with(|r| {
            let mut r = r.borrow_mut();
            if let Some(p) = r.iter().rposition(|&x| x == self.0) {
                r.remove(p);
            }
        });
    }
}

/// `Py_ReprEnter` for the object with id `id`: None when its repr is already being computed on
/// this thread (the caller prints `[...]`), else a guard that leaves when dropped.
pub fn repr_enter(id: usize) -> Option<ReprLeave> {
    REPR_RUNNING.with(|r| {
        let mut r = r.borrow_mut();
        if r.contains(&id) {
            return None;
        }
        r.push(id);
        Some(ReprLeave(id))
    })
}
