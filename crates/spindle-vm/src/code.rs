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
        let plain = co.flags & (flags::VARARGS | flags::VARKEYWORDS | flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) == 0 && co.kwonlyargcount == 0 && co.cellvars.is_empty() && co.freevars.is_empty();
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
    let base: Vec<Instr> = instrs
        .iter()
        .map(|ins| match *ins {
            Instr::LoadGlobal(name) => Instr::LoadGlobalCached { name, cache: next() },
            Instr::LoadAttr(name) => Instr::LoadAttrCached { name, cache: next() },
            Instr::StoreAttr(name) => Instr::StoreAttrCached { name, cache: next() },
            Instr::LoadMethod(name) => Instr::LoadMethodCached { name, cache: next() },
            other => other,
        })
        .collect();
    // The longest fusion starting at each index, then: a pair whose second instruction starts a
    // longer fusion is not fused (running the pair would skip that instruction and so its
    // fusion: `StoreFast(n); LoadFast(i); LoadConst; InplaceOp; StoreFast(i)` runs as
    // `StoreFast` + one `FastConstOpStore`, not `StoreFastLoadFast` + three).
    let fused: Vec<Option<(Instr, usize)>> = (0..instrs.len()).map(|i| fuse_at(&instrs[i..])).collect();
    let mut out = base;
    for i in 0..instrs.len() {
        if let Some((f, len)) = fused[i] {
            let next_len = fused.get(i + 1).copied().flatten().map_or(0, |(_, l)| l);
            if len == 2 && next_len > 2 {
                continue;
            }
            out[i] = f;
        }
    }
    (out.into_boxed_slice(), n as usize)
}

/// The superinstruction (and how many instructions it covers) for the sequence starting at
/// `code[0]`, longest first.
fn fuse_at(code: &[Instr]) -> Option<(Instr, usize)> {
    let u16_of = |x: u32| u16::try_from(x).ok();
    let jump_of = |j: Instr| match j {
        Instr::PopJumpIfTrue(t) => Some((true, t)),
        Instr::PopJumpIfFalse(t) => Some((false, t)),
        _ => None,
    };
    // `a[k] op= v`: the load half (five instructions).
    if let [Instr::LoadFast(a), second, Instr::Copy(2), Instr::Copy(2), Instr::Subscr, ..] = *code {
        let k = match second {
            Instr::LoadConst(c) => Some((c, true)),
            Instr::LoadFast(b) => Some((b, false)),
            _ => None,
        };
        if let (Some(a), Some((k, k_const))) = (u16_of(a), k) {
            if let Some(k) = u16_of(k) {
                return Some((Instr::FastDupSubscr { a, k, k_const }, 5));
            }
        }
    }
    // `a[k] op= v`: the store half.
    if let [Instr::InplaceOp(op), Instr::Swap(3), Instr::Swap(2), Instr::StoreSubscr, ..] = *code {
        return Some((Instr::InplaceStoreSubscr(op), 4));
    }
    // `x, y[, z] = seq` into locals.
    if let [Instr::UnpackSequence(n @ (2 | 3)), Instr::StoreFast(a), Instr::StoreFast(b), ..] = *code {
        let c = match code.get(3) {
            Some(Instr::StoreFast(c)) if n == 3 => Some(*c),
            _ if n == 2 => Some(0),
            _ => None,
        };
        if let (Some(a), Some(b), Some(c)) = (u16_of(a), u16_of(b), c.and_then(u16_of)) {
            return Some((Instr::UnpackFast { n: n as u8, a, b, c }, 1 + n as usize));
        }
    }
    if let [Instr::LoadFast(a), second, third, fourth, ..] = *code {
        let a = u16_of(a)?;
        let four = match (second, third, fourth) {
            (Instr::LoadConst(c), Instr::Compare(op), j) => match (u16_of(c), jump_of(j)) {
                (Some(c), Some((jump_if, target))) => Some(Instr::FastConstCompareJump { a, c, op, jump_if, target }),
                _ => None,
            },
            (Instr::LoadFast(b), Instr::Compare(op), j) => match (u16_of(b), jump_of(j)) {
                (Some(b), Some((jump_if, target))) => Some(Instr::FastFastCompareJump { a, b, op, jump_if, target }),
                _ => None,
            },
            (Instr::LoadConst(c), Instr::BinaryOp(op) | Instr::InplaceOp(op), Instr::StoreFast(d)) => match (u16_of(c), u16_of(d)) {
                (Some(c), Some(d)) => Some(Instr::FastConstOpStore { a, c, op, d }),
                _ => None,
            },
            (Instr::LoadFast(b), Instr::BinaryOp(op) | Instr::InplaceOp(op), Instr::StoreFast(d)) => match (u16_of(b), u16_of(d)) {
                (Some(b), Some(d)) => Some(Instr::FastFastOpStore { a, b, op, d }),
                _ => None,
            },
            (Instr::LoadConst(k), Instr::Subscr, Instr::StoreFast(d)) => match (u16_of(k), u16_of(d)) {
                (Some(k), Some(d)) => Some(Instr::FastSubscrStore { a, k, k_const: true, d }),
                _ => None,
            },
            (Instr::LoadFast(k), Instr::Subscr, Instr::StoreFast(d)) => match (u16_of(k), u16_of(d)) {
                (Some(k), Some(d)) => Some(Instr::FastSubscrStore { a, k, k_const: false, d }),
                _ => None,
            },
            _ => None,
        };
        if let Some(f) = four {
            return Some((f, 4));
        }
    }
    if let [first, second, third, ..] = *code {
        let three = match (first, second, third) {
            (Instr::LoadFast(a), Instr::LoadConst(c), Instr::BinaryOp(op) | Instr::InplaceOp(op)) => match (u16_of(a), u16_of(c)) {
                (Some(a), Some(c)) => Some(Instr::FastConstOp { a, c, op }),
                _ => None,
            },
            (Instr::LoadFast(a), Instr::LoadFast(b), Instr::BinaryOp(op) | Instr::InplaceOp(op)) => match (u16_of(a), u16_of(b)) {
                (Some(a), Some(b)) => Some(Instr::FastFastOp { a, b, op }),
                _ => None,
            },
            (Instr::LoadConst(c), Instr::Compare(op), j) => match (u16_of(c), jump_of(j)) {
                (Some(c), Some((jump_if, target))) => Some(Instr::ConstCompareJump { c, op, jump_if, target }),
                _ => None,
            },
            (Instr::LoadFast(a), Instr::LoadConst(k), Instr::Subscr) => match (u16_of(a), u16_of(k)) {
                (Some(a), Some(k)) => Some(Instr::FastSubscr { a, k, k_const: true }),
                _ => None,
            },
            (Instr::LoadFast(a), Instr::LoadFast(k), Instr::Subscr) => match (u16_of(a), u16_of(k)) {
                (Some(a), Some(k)) => Some(Instr::FastSubscr { a, k, k_const: false }),
                _ => None,
            },
            (Instr::LoadFast(a), Instr::LoadConst(k), Instr::StoreSubscr) => match (u16_of(a), u16_of(k)) {
                (Some(a), Some(k)) => Some(Instr::FastStoreSubscr { a, k, k_const: true }),
                _ => None,
            },
            (Instr::LoadFast(a), Instr::LoadFast(k), Instr::StoreSubscr) => match (u16_of(a), u16_of(k)) {
                (Some(a), Some(k)) => Some(Instr::FastStoreSubscr { a, k, k_const: false }),
                _ => None,
            },
            (Instr::LoadConst(c), Instr::Is(neg), j) => match (u16_of(c), jump_of(j)) {
                (Some(c), Some((jump_if, target))) => Some(Instr::ConstIsJump { c, neg, jump_if, target }),
                _ => None,
            },
            // The `ContainsJump` of the next two slots is made by the pass over pairs.
            (Instr::LoadDeref(i), Instr::Contains(_), j) if jump_of(j).is_some() => Some(Instr::LoadDerefContainsJump(i)),
            _ => None,
        };
        if let Some(f) = three {
            return Some((f, 3));
        }
    }
    if let [first, second, ..] = *code {
        let two = match (first, second) {
            (Instr::LoadFast(a), Instr::LoadAttr(_)) => Instr::LoadFastAttr(a),
            (Instr::LoadFast(a), Instr::LoadMethod(_)) => Instr::LoadFastMethod(a),
            (Instr::LoadFast(a), Instr::StoreAttr(_)) => Instr::LoadFastStoreAttr(a),
            (Instr::LoadDeref(i), Instr::LoadMethod(_)) => Instr::LoadDerefMethod(i),
            (Instr::CallMethod(n), Instr::Pop) => Instr::CallMethodPop(n),
            (Instr::LoadFast(a), Instr::LoadFast(b)) => Instr::LoadFastLoadFast(a, b),
            (Instr::LoadFast(a), Instr::LoadConst(c)) => Instr::LoadFastLoadConst(a, c),
            (Instr::LoadConst(a), Instr::LoadConst(b)) => Instr::LoadConstLoadConst(a, b),
            (Instr::LoadFast(a), j @ (Instr::PopJumpIfTrue(_) | Instr::PopJumpIfFalse(_))) => {
                let (jump_if, target) = jump_of(j)?;
                Instr::FastJumpIf { a, jump_if, target }
            }
            (Instr::StoreFast(a), Instr::LoadFast(b)) => Instr::StoreFastLoadFast(a, b),
            (Instr::LoadConst(c), Instr::BinaryOp(op) | Instr::InplaceOp(op)) => Instr::ConstOp { c: u16_of(c)?, op },
            (Instr::BinaryOp(op), Instr::StoreFast(d)) => Instr::OpStore { op, inplace: false, d },
            (Instr::InplaceOp(op), Instr::StoreFast(d)) => Instr::OpStore { op, inplace: true, d },
            (Instr::Compare(op), j) => {
                let (jump_if, target) = jump_of(j)?;
                Instr::CompareJump { op, jump_if, target }
            }
            (Instr::Is(neg), j) => {
                let (jump_if, target) = jump_of(j)?;
                Instr::IsJump { neg, jump_if, target }
            }
            (Instr::Contains(neg), j) => {
                let (jump_if, target) = jump_of(j)?;
                Instr::ContainsJump { neg, jump_if, target }
            }
            _ => return None,
        };
        return Some((two, 2));
    }
    None
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
