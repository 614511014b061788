//! `Code`: a compiled [`CodeObject`] plus its constants converted to runtime values once, and
//! its names interned, so the eval loop never converts at run time.
//!
//! Quickening: `instrs` is the instruction stream the eval loop runs. It is `co.instrs` with
//! some instructions replaced by their quickened forms (same index, same semantics) that carry
//! an inline cache slot (`inline_cache.rs`). Positions and jump targets are unchanged.

use crate::object::{ObjRef, Payload};
use crate::types::types;
use crate::value::Value;
use crate::vm::Vm;
use spindle_compiler::bytecode::{flags, CodeObject, Constant, Instr};
use std::sync::Arc;

// The eval loop copies instructions by value: keep them at 12 bytes.
const _: () = assert!(std::mem::size_of::<Instr>() <= 12);

pub struct Code {
    pub co: Arc<CodeObject>,
    pub consts: Vec<Value>,
    /// Interned `str` objects for `co.names`.
    pub names: Vec<ObjRef>,
    /// Interned `str` objects for `co.varnames`.
    pub varnames: Vec<ObjRef>,
    /// Source lines of the file (for tracebacks), shared by every code object of one file.
    pub source: Option<Arc<str>>,
    /// The quickened instructions (see the module docs).
    pub instrs: Box<[Instr]>,
    /// One inline cache per quickened instruction.
    pub caches: crate::inline_cache::Caches,
    /// `co.qualname` as a `str` object, shared by every function made from this code.
    pub qualname: Value,
    /// The argument count of a call that binds by moving the arguments into the first locals:
    /// `co.argcount` for a plain function (no `*args`, `**kwargs`, keyword-only parameters,
    /// cells or free variables; not a generator), `u32::MAX` otherwise.
    pub simple_argc: u32,
}

impl Code {
    pub fn new(vm: &mut Vm, co: Arc<CodeObject>, source: Option<Arc<str>>) -> Arc<Code> {
        let consts = co.consts.iter().map(|c| const_value(vm, c, &source)).collect();
        let names = co.names.iter().map(|n| vm.intern(n)).collect();
        let varnames = co.varnames.iter().map(|n| vm.intern(n)).collect();
        let (instrs, ncaches) = quicken(&co.instrs);
        let caches = crate::inline_cache::Caches::new(ncaches);
        let qualname = vm.new_str(&co.qualname);
        let plain = co.flags & (flags::VARARGS | flags::VARKEYWORDS | flags::GENERATOR) == 0 && co.kwonlyargcount == 0 && co.cellvars.is_empty() && co.freevars.is_empty();
        let simple_argc = if plain { co.argcount } else { u32::MAX };
        Arc::new(Code { co, consts, names, varnames, source, instrs, caches, qualname, simple_argc })
    }
}

/// Rewrite instructions into their cached forms and fuse common pairs into superinstructions;
/// returns the stream and the number of caches. Indices never move: a fused pair replaces its
/// first slot only (see the instruction set docs).
fn quicken(instrs: &[Instr]) -> (Box<[Instr]>, usize) {
    let mut n: u32 = 0;
    let mut next = || {
        n += 1;
        n - 1
    };
    let mut out: Vec<Instr> = instrs
        .iter()
        .map(|ins| match *ins {
            Instr::LoadGlobal(name) => Instr::LoadGlobalCached { name, cache: next() },
            Instr::LoadAttr(name) => Instr::LoadAttrCached { name, cache: next() },
            Instr::StoreAttr(name) => Instr::StoreAttrCached { name, cache: next() },
            Instr::LoadMethod(name) => Instr::LoadMethodCached { name, cache: next() },
            other => other,
        })
        .collect();
    for i in 0..instrs.len().saturating_sub(1) {
        let fused = match (instrs[i], instrs[i + 1]) {
            (Instr::LoadFast(a), Instr::LoadAttr(_)) => Instr::LoadFastAttr(a),
            (Instr::LoadFast(a), Instr::LoadMethod(_)) => Instr::LoadFastMethod(a),
            (Instr::LoadFast(a), Instr::StoreAttr(_)) => Instr::LoadFastStoreAttr(a),
            (Instr::LoadFast(a), Instr::LoadFast(b)) => Instr::LoadFastLoadFast(a, b),
            (Instr::LoadFast(a), Instr::LoadConst(c)) => Instr::LoadFastLoadConst(a, c),
            (Instr::StoreFast(a), Instr::LoadFast(b)) => Instr::StoreFastLoadFast(a, b),
            (Instr::Compare(op), Instr::PopJumpIfTrue(target)) => Instr::CompareJump { op, jump_if: true, target },
            (Instr::Compare(op), Instr::PopJumpIfFalse(target)) => Instr::CompareJump { op, jump_if: false, target },
            (Instr::Is(neg), Instr::PopJumpIfTrue(target)) => Instr::IsJump { neg, jump_if: true, target },
            (Instr::Is(neg), Instr::PopJumpIfFalse(target)) => Instr::IsJump { neg, jump_if: false, target },
            _ => continue,
        };
        out[i] = fused;
    }
    let u16_of = |x: u32| u16::try_from(x).ok();
    // Three-instruction sequences (over the pairs fused above: their first slot wins).
    for i in 0..instrs.len().saturating_sub(2) {
        let fused = match (instrs[i], instrs[i + 1], instrs[i + 2]) {
            (Instr::LoadFast(a), Instr::LoadConst(c), Instr::BinaryOp(op) | Instr::InplaceOp(op)) => match (u16_of(a), u16_of(c)) {
                (Some(a), Some(c)) => Instr::FastConstOp { a, c, op },
                _ => continue,
            },
            (Instr::LoadFast(a), Instr::LoadFast(b), Instr::BinaryOp(op) | Instr::InplaceOp(op)) => match (u16_of(a), u16_of(b)) {
                (Some(a), Some(b)) => Instr::FastFastOp { a, b, op },
                _ => continue,
            },
            _ => continue,
        };
        out[i] = fused;
    }
    // Four-instruction sequences (over the shorter ones: their first slot wins).
    for i in 0..instrs.len().saturating_sub(3) {
        let fused = match (instrs[i], instrs[i + 1], instrs[i + 2], instrs[i + 3]) {
            (Instr::LoadFast(a), second @ (Instr::LoadConst(_) | Instr::LoadFast(_)), Instr::Compare(op), jump @ (Instr::PopJumpIfTrue(_) | Instr::PopJumpIfFalse(_))) => {
                let (Some(a), Some(target)) = (u16_of(a), jump.target()) else { continue };
                let jump_if = matches!(jump, Instr::PopJumpIfTrue(_));
                match second {
                    Instr::LoadConst(c) => match u16_of(c) {
                        Some(c) => Instr::FastConstCompareJump { a, c, op, jump_if, target },
                        None => continue,
                    },
                    Instr::LoadFast(b) => match u16_of(b) {
                        Some(b) => Instr::FastFastCompareJump { a, b, op, jump_if, target },
                        None => continue,
                    },
                    _ => continue,
                }
            }
            (Instr::LoadFast(a), second @ (Instr::LoadConst(_) | Instr::LoadFast(_)), Instr::BinaryOp(op) | Instr::InplaceOp(op), Instr::StoreFast(d)) => {
                let (Some(a), Some(d)) = (u16_of(a), u16_of(d)) else { continue };
                match second {
                    Instr::LoadConst(c) => match u16_of(c) {
                        Some(c) => Instr::FastConstOpStore { a, c, op, d },
                        None => continue,
                    },
                    Instr::LoadFast(b) => match u16_of(b) {
                        Some(b) => Instr::FastFastOpStore { a, b, op, d },
                        None => continue,
                    },
                    _ => continue,
                }
            }
            _ => continue,
        };
        out[i] = fused;
    }
    (out.into_boxed_slice(), n as usize)
}

fn const_value(vm: &mut Vm, c: &Constant, source: &Option<Arc<str>>) -> Value {
    match c {
        Constant::None => Value::None,
        Constant::Bool(b) => Value::Bool(*b),
        Constant::Int(i) => Value::Int(*i),
        Constant::BigInt(b) => crate::types::int::from_bigint(b.clone()),
        Constant::Float(f) => Value::Float(*f),
        Constant::Complex(r, i) => Value::Obj(ObjRef::new(types().complex.clone(), Payload::Complex(*r, *i))),
        // Identifier-like constants are interned (as CPython does); other strings (docstrings,
        // long qualified names, text) are ordinary objects, freed with their code.
        Constant::Str(s) if s.len() <= 64 && s.bytes().all(|b| b == b'_' || b.is_ascii_alphanumeric()) => Value::Obj(vm.intern(s)),
        Constant::Str(s) => vm.new_str(s),
        Constant::Bytes(b) => crate::types::bytes::new_bytes(b.clone()),
        Constant::Ellipsis => Value::Obj(types().ellipsis_obj.clone()),
        Constant::Tuple(items) => {
            let v: Vec<Value> = items.iter().map(|c| const_value(vm, c, source)).collect();
            crate::types::tuple::new_tuple(v)
        }
        Constant::FrozenSet(items) => {
            // Constants hash and compare natively: no Python code runs here.
            let add_all = |d: &mut crate::object::set::SetData, vals: Vec<(Value, i64)>| {
                for (v, h) in vals {
                    if d.find_native(h, &v) == Some(None) {
                        d.insert_new(h, v);
                    }
                }
            };
            let mut vals = Vec::with_capacity(items.len());
            for c in items {
                let v = const_value(vm, c, source);
                if let Ok(h) = vm.hash(&v) {
                    vals.push((v, h));
                }
            }
            let mut first = crate::object::set::SetData::new();
            add_all(&mut first, vals);
            // CPython's compiler rebuilds a constant frozenset from its own iteration order
            // when merging constants; that second table is the one code sees.
            let mut d = crate::object::set::SetData::new();
            add_all(&mut d, first.iter().map(|(k, h)| (k.clone(), h)).collect());
            crate::types::set::new_frozenset(d)
        }
        Constant::Code(co) => {
            let code = Code::new(vm, co.clone(), source.clone());
            Value::Obj(ObjRef::new(types().code.clone(), Payload::Code(code)))
        }
    }
}
