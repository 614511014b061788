//! Calling: binding arguments to parameters (with CPython's error messages), the eval loop's
//! frame-pushing fast path, and the generic `Vm::call` for every callable kind.

use crate::eval::{new_cell, CallOutcome, Frame};
use crate::native_sig::Sig;
use crate::object::{FunctionData, ObjRef, Payload};
use crate::types::{self, type_of, types};
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};
use spindle_compiler::bytecode::flags;
use std::sync::atomic::Ordering;

impl Vm {
    /// Call any callable.
    pub fn call(&mut self, f: &Value, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult {
        let Value::Obj(o) = f else {
            let tn = self.type_name(f);
            return Err(self.type_error(&format!("'{tn}' object is not callable")));
        };
        match &o.payload {
            Payload::Function(fd) => {
                let frame = self.function_frame(o, fd, args, kwargs)?;
                if fd.code.co.is_generator() {
                    return Ok(crate::generator::new_generator(self, frame, fd));
                }
                self.run_frame(frame)
            }
            Payload::Builtin { func, bound, module, name, sig } => {
                // A native calling back into natives with no Python frame between (a
                // `__reversed__` finding itself again) ends in RecursionError, not a Rust stack
                // overflow.
                self.check_stack()?;
                match bound {
                    // A type's method called unbound with no self (`str.upper()`): natives may
                    // assume args[0], so refuse here (staticmethods such as `str.maketrans` go on).
                    None if args.is_empty() && module.is_none() && *name != "__new__" => match types::native_owner(o, name) {
                        Some((_, false)) => func(self, Args { args, kwargs }),
                        owner => Err(self.type_error(&types::unbound_without_self_message(owner.as_ref().map(|(n, _)| n.as_str()), name))),
                    },
                    None => {
                        self.check_native_args(o, *module, name, *sig, args, kwargs.len())?;
                        func(self, Args { args, kwargs })
                    }
                    Some(s) => {
                        if *sig != Sig::Any {
                            sig.check(self, o, name, s, args.len(), kwargs.len(), true)?;
                        }
                        // A bound builtin: its function with self first.
                        let s = s.clone();
                        let func = *func;
                        if args.len() < INLINE_ARGS {
                            let mut buf = [const { Value::Null }; INLINE_ARGS];
                            buf[0] = s;
                            for (slot, v) in buf[1..].iter_mut().zip(args) {
                                *slot = v.clone();
                            }
                            return func(self, Args { args: &buf[..args.len() + 1], kwargs });
                        }
                        let mut full = Vec::with_capacity(args.len() + 1);
                        full.push(s);
                        full.extend_from_slice(args);
                        func(self, Args { args: &full, kwargs })
                    }
                }
            }
            Payload::Method { func, self_ } => {
                let (func, self_) = (func.clone(), self_.clone());
                call_with_first(self, &func, &self_, args, kwargs)
            }
            Payload::Type(_) => self.call_type(o, args, kwargs),
            _ => {
                if let Some(c) = types::lookup(&o.cls, "__call__") {
                    let mut full = Vec::with_capacity(args.len() + 1);
                    full.push(f.clone());
                    full.extend_from_slice(args);
                    // CPython's _PyObject_MakeTpCall guards calls of objects with __call__.
                    self.enter_guard(" while calling a Python object")?;
                    let r = self.call(&c, &full, kwargs);
                    self.leave_guard();
                    return r;
                }
                let tn = self.type_name(f);
                Err(self.type_error(&format!("'{tn}' object is not callable")))
            }
        }
    }

    /// The eval loop's call: callable at `stack[at]`, arguments above it; the last `nkw` are
    /// keyword values named by `kwnames`. Pops them all. Python functions get a pushed frame.
    pub(crate) fn call_from_stack(&mut self, fp: *mut Frame, at: usize, nkw: usize, kwnames: &[Value]) -> PyResult<CallOutcome> {
        // SAFETY: `fp` is the eval loop's live frame; no other reference to it exists here.
        let f = unsafe { &mut *fp };
        if nkw == 0 {
            if let Value::Obj(o) = &f.stack[at] {
                // A builtin function, or a method descriptor with its self first (a type's method
                // called with no arguments at all goes through `call`, which refuses it): it reads
                // its arguments where they are on the stack, then they are popped.
                if let (Payload::Builtin { func, bound: None, name, sig, module }, true) = (&o.payload, at + 1 < f.stack.len()) {
                    let func = *func;
                    let checked = match self.check_stack() {
                        Ok(()) => self.check_native_args(o, *module, name, *sig, &f.stack[at + 1..], 0),
                        Err(e) => Err(e),
                    };
                    let r = match checked {
                        Ok(()) => {
                            let args: *const [Value] = &f.stack[at + 1..];
                            // SAFETY: the slice is the top of the current frame's value stack,
                            // which only this frame's eval loop pushes to or pops from; the
                            // builtin (and any Python code it runs, on other frames) leaves it
                            // untouched until it returns. The callable below the arguments stays
                            // there, alive, during the call.
                            func(self, Args { args: unsafe { &*args }, kwargs: &[] })
                        }
                        Err(e) => Err(e),
                    };
                    // SAFETY: as above; re-borrow after the call.
                    let f = unsafe { &mut *fp };
                    truncate_stack(&mut f.stack, at);
                    return r.map(CallOutcome::Value);
                }
            }
        }
        let callee = f.stack[at].clone();
        if let Value::Obj(o) = &callee {
            match &o.payload {
                Payload::Function(fd) if !fd.code.co.is_generator() => {
                    let limit = crate::vm::interp().recursion_limit.load(Ordering::Relaxed);
                    if self.recursion_depth() >= limit {
                        f.stack.truncate(at);
                        return Err(self.recursion_error());
                    }
                    let args_end = f.stack.len() - nkw;
                    if nkw == 0 && exact_positional(fd, args_end - at - 1) {
                        // Move the arguments straight from the caller's stack into the locals.
                        let mut frame = self.new_frame(&fd.code, fd.globals.clone(), None, Some(o.clone()));
                        // SAFETY: as above; re-borrow after `new_frame`.
                        let f = unsafe { &mut *fp };
                        for (slot, v) in frame.fast.iter_mut().zip(f.stack.drain(at + 1..)) {
                            *slot = v;
                        }
                        f.stack.truncate(at);
                        if !fd.code.co.cellvars.is_empty() || !fd.closure.is_empty() {
                            init_cells(&mut frame, fd);
                        }
                        self.frames.push(frame);
                        self.depth += 1;
                        return Ok(CallOutcome::Pushed);
                    }
                    let frame = if nkw == 0 {
                        let r = self.function_frame(o, fd, &f.stack[at + 1..], &[]);
                        // SAFETY: as above; re-borrow after the call.
                        let f = unsafe { &mut *fp };
                        f.stack.truncate(at);
                        r?
                    } else {
                        let kw: Vec<(Value, Value)> = kwnames.iter().cloned().zip(f.stack[args_end..].iter().cloned()).collect();
                        let pos: Vec<Value> = f.stack[at + 1..args_end].to_vec();
                        f.stack.truncate(at);
                        self.function_frame(o, fd, &pos, &kw)?
                    };
                    self.frames.push(frame);
                    self.depth += 1;
                    return Ok(CallOutcome::Pushed);
                }
                // A generator function called with exactly its positional parameters: the
                // arguments move into the new frame, which the generator object takes.
                Payload::Function(fd) if nkw == 0 && exact_positional(fd, f.stack.len() - at - 1) => {
                    let n = f.stack.len() - at - 1;
                    let mut frame = self.frame_from_stack(fp, at, n)?;
                    if !fd.code.co.cellvars.is_empty() || !fd.closure.is_empty() {
                        init_cells(&mut frame, fd);
                    }
                    return Ok(CallOutcome::Value(crate::generator::new_generator(self, frame, fd)));
                }
                Payload::Method { func: Value::Obj(fo), self_ } if nkw == 0 => {
                    if let Payload::Function(fd) = &fo.payload {
                        if !fd.code.co.is_generator() {
                            // Replace the bound method by (function, self) in place.
                            let func_v = Value::Obj(fo.clone());
                            let s = self_.clone();
                            f.stack[at] = s;
                            f.stack.insert(at, func_v);
                            return self.call_from_stack(fp, at, 0, &[]);
                        }
                    }
                }
                Payload::Type(_) if nkw == 0 => {
                    if o.is(&types().range) {
                        if let Some(r) = crate::types::range::range_of_ints(&f.stack[at + 1..]) {
                            f.stack.truncate(at);
                            return Ok(CallOutcome::Value(r));
                        }
                    }
                    if let Some(out) = self.try_fast_init(fp, at, o)? {
                        return Ok(out);
                    }
                }
                _ => {}
            }
        }
        // SAFETY: as above.
        let f = unsafe { &mut *fp };
        let args_end = f.stack.len() - nkw;
        let r = if nkw == 0 {
            let n = f.stack.len() - at - 1;
            if n <= INLINE_ARGS {
                let mut buf = [const { Value::Null }; INLINE_ARGS];
                for slot in buf[..n].iter_mut().rev() {
                    *slot = f.stack.pop().unwrap_or(Value::Null);
                }
                f.stack.truncate(at);
                self.call(&callee, &buf[..n], &[])
            } else {
                let args = f.stack.split_off(at + 1);
                f.stack.truncate(at);
                self.call(&callee, &args, &[])
            }
        } else {
            let kw: Vec<(Value, Value)> = kwnames.iter().cloned().zip(f.stack[args_end..].iter().cloned()).collect();
            let pos: Vec<Value> = f.stack[at + 1..args_end].to_vec();
            f.stack.truncate(at);
            self.call(&callee, &pos, &kw)
        };
        r.map(CallOutcome::Value)
    }

    /// The eval loop's call of a plain Python function (`Code::simple_argc` equal to the
    /// argument count): the callable at `stack[at]` and its arguments above it move into a new
    /// frame (the callable becomes the frame's function, the arguments its first locals) without
    /// count updates or binding. Returns Ok(false), touching nothing, for any other callable.
    #[inline(always)]
    pub(crate) fn try_push_simple(&mut self, fp: *mut Frame, at: usize) -> PyResult<bool> {
        // SAFETY: `fp` is the eval loop's live frame; no other reference to it exists here.
        let f = unsafe { &mut *fp };
        let n = f.stack.len() - at - 1;
        let Value::Obj(o) = &f.stack[at] else { return Ok(false) };
        let Payload::Function(fd) = &o.payload else { return Ok(false) };
        if fd.code.simple_argc as usize != n {
            return Ok(false);
        }
        self.push_simple_frame(fp, at, n)?;
        Ok(true)
    }

    fn push_simple_frame(&mut self, fp: *mut Frame, at: usize, n: usize) -> PyResult<()> {
        // SAFETY: as in `try_push_simple`.
        let f = unsafe { &mut *fp };
        let limit = crate::vm::interp().recursion_limit.load(Ordering::Relaxed);
        if self.recursion_depth() >= limit {
            f.stack.truncate(at);
            return Err(self.recursion_error());
        }
        let frame = self.frame_from_stack(fp, at, n)?;
        self.frames.push(frame);
        self.depth += 1;
        Ok(())
    }

    /// A frame for the Python function at `stack[at]` called with exactly its `n` positional
    /// parameters (no `*args`, `**kwargs` or keyword-only ones), which are the values above
    /// it: the function and the arguments are moved in (no count updates, no binding) and the
    /// stack is cut to `at`. Cells are not set up (see `init_cells`).
    #[inline(always)]
    fn frame_from_stack(&mut self, fp: *mut Frame, at: usize, n: usize) -> PyResult<Box<Frame>> {
        // SAFETY: as in `try_push_simple`.
        let f = unsafe { &mut *fp };
        let (code, globals, nl) = match &f.stack[at] {
            Value::Obj(o) => match &o.payload {
                Payload::Function(fd) => (crate::eval::alias_code(&fd.code), crate::eval::RefAlias::of(&fd.globals), fd.code.co.nlocals()),
                _ => return Err(self.runtime_error("internal error: simple call of a non-function")),
            },
            _ => return Err(self.runtime_error("internal error: simple call of a non-function")),
        };
        let mut frame = match self.frame_pool.pop() {
            Some(mut fr) => {
                fr.set_function_code(code, globals);
                fr
            }
            None => Frame::for_function(code, globals),
        };
        frame.fast.reserve(nl.max(n));
        // SAFETY: `stack[at]` (the function) and the `n` arguments above it are moved out by
        // bitwise reads and the stack's length cut to `at`, so each value keeps exactly one
        // owner; `fast` is empty (pooled frames are emptied) with room for `nl >= n` values,
        // the rest of which are written as Null before the length is set. (One or two arguments
        // are moved inline: `copy_nonoverlapping` of a run-time length is a `memcpy` call.)
        let func = unsafe {
            let src = f.stack.as_ptr().add(at);
            let func = std::ptr::read(src);
            let dst = frame.fast.as_mut_ptr();
            match n {
                0 => {}
                1 => std::ptr::write(dst, std::ptr::read(src.add(1))),
                2 => {
                    std::ptr::write(dst, std::ptr::read(src.add(1)));
                    std::ptr::write(dst.add(1), std::ptr::read(src.add(2)));
                }
                _ => std::ptr::copy_nonoverlapping(src.add(1), dst, n),
            }
            for i in n..nl {
                std::ptr::write(dst.add(i), Value::Null);
            }
            frame.fast.set_len(nl.max(n));
            f.stack.set_len(at);
            func
        };
        if let Value::Obj(o) = func {
            frame.func = Some(o);
        }
        Ok(frame)
    }

    /// The argument count check `Vm::call` does before an unbound native runs (`args` start
    /// with self for a type's method; not called with no arguments for those).
    #[inline]
    fn check_native_args(&mut self, o: &ObjRef, module: Option<&'static str>, name: &'static str, sig: Sig, args: &[Value], nkw: usize) -> PyResult<()> {
        if sig == Sig::Any {
            return Ok(());
        }
        match (module, args.first()) {
            (Some(m), _) => sig.check_fn(self, m, name, args.len(), nkw),
            (None, Some(first)) => sig.check(self, o, name, first, args.len() - 1, nkw, false),
            (None, None) => Ok(()),
        }
    }

    /// Instantiating a plain user class whose `__init__` is a Python function: create the
    /// instance and push the `__init__` frame directly.
    fn try_fast_init(&mut self, fp: *mut Frame, at: usize, cls: &ObjRef) -> PyResult<Option<CallOutcome>> {
        let td = cls.type_data();
        if td.builtin || td.layout != crate::object::Layout::Object || !cls.cls.is(&types().type_) {
            return Ok(None);
        }
        // `__new__` is object's and `__init__` a Python function (not a generator).
        let init = crate::types::attr_cache::cached_init(cls.id(), || {
            let new = types::lookup(cls, "__new__");
            let obj_new = types::lookup(&types().object, "__new__");
            match (&new, &obj_new) {
                (Some(a), Some(b)) if a.is(b) => {}
                _ => return None,
            }
            match types::lookup(cls, "__init__") {
                Some(Value::Obj(init)) if matches!(&init.payload, Payload::Function(fd) if !fd.code.co.is_generator()) => Some(Value::Obj(init)),
                _ => None,
            }
        });
        let Some(Value::Obj(init)) = init else { return Ok(None) };
        let Payload::Function(fd) = &init.payload else { return Ok(None) };
        let inst = Value::Obj(types::new_object(cls, Payload::Empty));
        // SAFETY: `fp` is the eval loop's live frame.
        let f = unsafe { &mut *fp };
        let n = f.stack.len() - at - 1;
        if fd.code.simple_argc as usize == n + 1 {
            // A plain `__init__(self, ...)`: the stack becomes (init, instance, arguments...)
            // and the frame is pushed as a simple call. The class on the stack is released
            // (the caller holds its own reference to `cls`).
            f.stack[at] = Value::Obj(init.clone());
            f.stack.insert(at + 1, inst.clone());
            self.push_simple_frame(fp, at, n + 1)?;
            if let Some(fr) = self.frames.last_mut() {
                fr.init_self = Some(inst);
            }
            return Ok(Some(CallOutcome::Pushed));
        }
        let mut args = Vec::with_capacity(f.stack.len() - at);
        args.push(inst.clone());
        args.extend(f.stack.drain(at + 1..));
        f.stack.truncate(at);
        let limit = crate::vm::interp().recursion_limit.load(Ordering::Relaxed);
        if self.recursion_depth() >= limit {
            return Err(self.recursion_error());
        }
        let mut frame = self.function_frame(&init, fd, &args, &[])?;
        frame.init_self = Some(inst);
        self.frames.push(frame);
        self.depth += 1;
        Ok(Some(CallOutcome::Pushed))
    }

    /// Build the frame for calling a Python function (arguments bound).
    pub fn function_frame(&mut self, fobj: &ObjRef, fd: &FunctionData, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<Box<Frame>> {
        let mut frame = self.new_frame(&fd.code, fd.globals.clone(), None, Some(fobj.clone()));
        if let Err(e) = self.bind_args(fd, &mut frame.fast, args, kwargs) {
            self.release_frame(frame);
            return Err(e);
        }
        init_cells(&mut frame, fd);
        Ok(frame)
    }

    fn bind_args(&mut self, fd: &FunctionData, fast: &mut [Value], args: &[Value], kwargs: &[(Value, Value)]) -> PyResult<()> {
        let co = &fd.code.co;
        let argcount = co.argcount as usize;
        let kwonly = co.kwonlyargcount as usize;
        let has_varargs = co.flags & flags::VARARGS != 0;
        let has_varkw = co.flags & flags::VARKEYWORDS != 0;
        // Fast path: exact positional call.
        if kwargs.is_empty() && args.len() == argcount && !has_varargs && !has_varkw && kwonly == 0 {
            for (slot, a) in fast.iter_mut().zip(args.iter()) {
                *slot = a.clone();
            }
            return Ok(());
        }
        let npos = args.len().min(argcount);
        fast[..npos].clone_from_slice(&args[..npos]);
        let mut slot = argcount + kwonly;
        if has_varargs {
            let extra = if args.len() > argcount { args[argcount..].to_vec() } else { Vec::new() };
            fast[slot] = crate::types::tuple::new_tuple(extra);
            slot += 1;
        } else if args.len() > argcount {
            return Err(self.too_many_positional(fd, args.len(), kwargs));
        }
        let kwdict = if has_varkw {
            let d = self.new_dict();
            fast[slot] = Value::Obj(d.clone());
            Some(d)
        } else {
            None
        };
        for (k, v) in kwargs {
            let name = k.as_str().unwrap_or("");
            let pos = co.varnames[..argcount + kwonly].iter().position(|n| n == name);
            match pos {
                Some(i) if i >= co.posonlyargcount as usize => {
                    if !fast[i].is_null() {
                        let q = self.func_qualname(fd);
                        return Err(self.type_error(&format!("{q}() got multiple values for argument '{name}'")));
                    }
                    fast[i] = v.clone();
                }
                _ => match &kwdict {
                    Some(d) => {
                        crate::types::dict::dict_set(self, d, k.clone(), v.clone())?;
                    }
                    None => {
                        let q = self.func_qualname(fd);
                        if let Some(i) = pos {
                            let _ = i;
                            return Err(self.type_error(&format!("{q}() got some positional-only arguments passed as keyword arguments: '{name}'")));
                        }
                        return Err(self.type_error(&format!("{q}() got an unexpected keyword argument '{name}'")));
                    }
                },
            }
        }
        // Defaults for missing positionals.
        let ndef = fd.defaults.len();
        let mut missing: Vec<String> = Vec::new();
        #[allow(clippy::needless_range_loop)] // `i` also indexes the defaults and the names
        for i in 0..argcount {
            if fast[i].is_null() {
                if i >= argcount - ndef {
                    fast[i] = fd.defaults[i - (argcount - ndef)].clone();
                } else {
                    missing.push(co.varnames[i].clone());
                }
            }
        }
        if !missing.is_empty() {
            let q = self.func_qualname(fd);
            return Err(self.type_error(&format!("{q}() missing {} required positional argument{}: {}", missing.len(), if missing.len() == 1 { "" } else { "s" }, join_names(&missing))));
        }
        #[allow(clippy::needless_range_loop)] // `i` also indexes the names
        for i in argcount..argcount + kwonly {
            if fast[i].is_null() {
                let name = &co.varnames[i];
                let dv = match &fd.kwdefaults {
                    Value::Obj(d) => crate::types::dict::dict_get_str(d, name),
                    _ => None,
                };
                match dv {
                    Some(v) => fast[i] = v,
                    None => missing.push(name.clone()),
                }
            }
        }
        if !missing.is_empty() {
            let q = self.func_qualname(fd);
            return Err(self.type_error(&format!("{q}() missing {} required keyword-only argument{}: {}", missing.len(), if missing.len() == 1 { "" } else { "s" }, join_names(&missing))));
        }
        Ok(())
    }

    fn func_qualname(&self, fd: &FunctionData) -> String {
        fd.qualname.lock().as_str().unwrap_or("?").to_string()
    }

    fn too_many_positional(&mut self, fd: &FunctionData, given: usize, kwargs: &[(Value, Value)]) -> crate::PyErr {
        let co = &fd.code.co;
        let argcount = co.argcount as usize;
        let ndef = fd.defaults.len();
        let q = self.func_qualname(fd);
        let kwonly_given = kwargs.iter().filter(|(k, _)| co.varnames[argcount..argcount + co.kwonlyargcount as usize].iter().any(|n| Some(n.as_str()) == k.as_str())).count();
        let takes = if ndef > 0 { format!("from {} to {}", argcount - ndef, argcount) } else { argcount.to_string() };
        let plural = if argcount == 1 && ndef == 0 { "" } else { "s" };
        let was = if given == 1 { "was" } else { "were" };
        if kwonly_given > 0 {
            let kplural = if kwonly_given == 1 { "" } else { "s" };
            return self.type_error(&format!("{q}() takes {takes} positional argument{plural} but {given} positional argument{} (and {kwonly_given} keyword-only argument{kplural}) were given", if given == 1 { "" } else { "s" }));
        }
        self.type_error(&format!("{q}() takes {takes} positional argument{plural} but {given} {was} given"))
    }

    /// Calling a class: `type(x)`, builtin constructors, and user classes (`__new__` then
    /// `__init__`).
    pub fn call_type(&mut self, cls: &ObjRef, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult {
        let t = types();
        if cls.is(&t.type_) && args.len() == 1 && kwargs.is_empty() {
            return Ok(Value::Obj(type_of(&args[0]).clone()));
        }
        // Metaclass __call__ override.
        let meta = &cls.cls;
        if !meta.is(&t.type_) {
            if let Some(mc) = types::lookup(meta, "__call__") {
                if !matches!(&mc, Value::Obj(o) if matches!(o.payload, Payload::Builtin { .. })) {
                    let mut full = vec![Value::Obj(cls.clone())];
                    full.extend_from_slice(args);
                    return self.call(&mc, &full, kwargs);
                }
            }
        }
        if let Some(ctor) = builtin_ctor(cls) {
            let n = args.len();
            if n < INLINE_ARGS {
                // `__new__` and `__init__` of an immutable builtin type, resolved once.
                let mut buf = [const { Value::Null }; INLINE_ARGS];
                buf[0] = Value::Obj(cls.clone());
                buf[1..=n].clone_from_slice(args);
                let obj = self.call(&ctor.new, &buf[..=n], kwargs)?;
                if let Some(init) = &ctor.init {
                    if types::isinstance(&obj, cls) {
                        buf[0] = obj.clone();
                        let r = self.call(init, &buf[..=n], kwargs)?;
                        if !r.is_none() {
                            let tn = self.type_name(&r);
                            return Err(self.type_error(&format!("__init__() should return None, not '{tn}'")));
                        }
                    }
                }
                return Ok(obj);
            }
        }
        self.type_call_default(cls, args, kwargs)
    }

    /// `type.__call__`: `__new__` then `__init__`.
    pub fn type_call_default(&mut self, cls: &ObjRef, args: &[Value], kwargs: &[(Value, Value)]) -> PyResult {
        let new = types::lookup(cls, "__new__").unwrap_or(Value::None);
        let new_f = match &new {
            Value::Obj(o) => match &o.payload {
                Payload::StaticMethod(f) => f.clone(),
                _ => new.clone(),
            },
            _ => new.clone(),
        };
        let obj = call_with_first(self, &new_f, &Value::Obj(cls.clone()), args, kwargs)?;
        if !types::isinstance(&obj, cls) {
            return Ok(obj);
        }
        if let Some(init) = types::lookup(cls, "__init__") {
            if crate::types::object::init_is_noop(&init, &new) {
                return Ok(obj);
            }
            let r = call_with_first(self, &init, &obj, args, kwargs)?;
            if !r.is_none() {
                let tn = self.type_name(&r);
                return Err(self.type_error(&format!("__init__() should return None, not '{tn}'")));
            }
        }
        Ok(obj)
    }
}

/// The constructor of a builtin type: its `__new__` (unwrapped from the staticmethod) and its
/// `__init__` unless that is a no-op (`init_is_noop`).
struct BuiltinCtor {
    ty: usize,
    new: Value,
    init: Option<Value>,
}

/// Constructors of the commonly called builtin types, resolved once: these types are immortal
/// and immutable (their namespaces never change), so the lookups `type.__call__` does are
/// done here a single time. Written once (OnceLock), read-only afterwards.
static BUILTIN_CTORS: std::sync::OnceLock<Vec<BuiltinCtor>> = std::sync::OnceLock::new();

#[inline]
fn builtin_ctor(cls: &ObjRef) -> Option<&'static BuiltinCtor> {
    if !cls.type_data().builtin {
        return None;
    }
    let table = BUILTIN_CTORS.get_or_init(|| {
        let t = types();
        [&t.int, &t.bool_, &t.float, &t.str_, &t.bytes, &t.bytearray, &t.tuple, &t.list, &t.dict, &t.set, &t.frozenset, &t.range, &t.slice, &t.enumerate, &t.zip, &t.map, &t.filter, &t.reversed]
            .into_iter()
            .filter_map(|ty| {
                let new = types::lookup(ty, "__new__")?;
                let new_f = match &new {
                    Value::Obj(o) => match &o.payload {
                        Payload::StaticMethod(f) => f.clone(),
                        _ => new.clone(),
                    },
                    _ => return None,
                };
                let init = types::lookup(ty, "__init__").filter(|i| !crate::types::object::init_is_noop(i, &new));
                Some(BuiltinCtor { ty: ty.as_ptr() as usize, new: new_f, init })
            })
            .collect()
    });
    let p = cls.as_ptr() as usize;
    table.iter().find(|c| c.ty == p)
}

/// `stack.truncate(at)` (the values dropped first to last, as CPython's `CALL` releases its
/// arguments) with one test of the GIL mode for all of them.
#[inline(always)]
fn truncate_stack(stack: &mut Vec<Value>, at: usize) {
    if crate::sync::free_threaded() {
        stack.truncate(at);
        return;
    }
    let len = stack.len();
    if at >= len {
        return;
    }
    // SAFETY: the length is cut to `at` first, so the values at `at..len` have this loop as
    // their only owner; each is read out once and dropped (GIL mode was just tested).
    unsafe {
        stack.set_len(at);
        let p = stack.as_ptr().add(at);
        for i in 0..len - at {
            std::ptr::read(p.add(i)).drop_gil();
        }
    }
}

/// Cells of a new frame: fresh cells for cellvars (parameters moved in), then the closure's.
#[inline]
fn init_cells(frame: &mut Frame, fd: &FunctionData) {
    let co = &fd.code.co;
    for (ci, _) in co.cellvars.iter().enumerate() {
        let init = co.cell_params.iter().find(|(c, _)| *c as usize == ci).map(|(_, v)| std::mem::replace(&mut frame.fast[*v as usize], Value::Null)).unwrap_or(Value::Null);
        frame.cells.push(new_cell(init));
    }
    if !fd.closure.is_empty() {
        frame.cells.extend(fd.closure.iter().cloned());
    }
}

/// Can a call with `nargs` positional arguments and no keywords fill the parameters directly?
#[inline(always)]
fn exact_positional(fd: &FunctionData, nargs: usize) -> bool {
    let co = &fd.code.co;
    co.argcount as usize == nargs && co.kwonlyargcount == 0 && co.flags & (flags::VARARGS | flags::VARKEYWORDS) == 0
}

/// Calls with at most this many arguments (including a bound self) gather them in a local
/// array instead of a heap vector.
const INLINE_ARGS: usize = 6;

/// `f(first, *rest)` with the arguments gathered without a heap allocation when few.
#[inline]
fn call_with_first(vm: &mut Vm, f: &Value, first: &Value, rest: &[Value], kwargs: &[(Value, Value)]) -> PyResult {
    if rest.len() < INLINE_ARGS {
        let mut buf = [const { Value::Null }; INLINE_ARGS];
        buf[0] = first.clone();
        for (slot, v) in buf[1..].iter_mut().zip(rest) {
            *slot = v.clone();
        }
        return vm.call(f, &buf[..rest.len() + 1], kwargs);
    }
    let mut full = Vec::with_capacity(rest.len() + 1);
    full.push(first.clone());
    full.extend_from_slice(rest);
    vm.call(f, &full, kwargs)
}

fn join_names(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        _ => format!("{}, and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
    }
}
