//! The Spindle instruction set, documented once, here.
//!
//! A [`CodeObject`] is a flat vector of [`Instr`]. Each instruction is an enum variant with typed
//! operands (8 bytes in memory); jump targets are instruction indices. The machine is a stack
//! machine in the style of CPython 3.11: every frame owns a value stack and a slot array for its
//! fast locals; cells and free variables live in a separate cell array.
//!
//! Exception handling uses a per-frame *block stack*: `SetupFinally(h)` pushes a handler that
//! records the current stack depth; when an exception is raised inside, the VM truncates the
//! value stack to that depth, pushes the exception and jumps to `h`. Handler code then brackets
//! itself with `PushExcInfo` / `PopExcept` to maintain `sys.exc_info()`.
//!
//! Conventions used in the docs below: the stack is written bottom-to-top, `TOS` is the top.

use std::fmt;

/// Binary operators, shared by `BinaryOp` and `InplaceOp`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

impl BinOp {
    /// The operator's symbol, as CPython prints it in `unsupported operand type(s) for +`.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::MatMul => "@",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "** or pow()",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
        }
    }
    /// `(forward, reflected, inplace)` dunder names.
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        match self {
            BinOp::Add => ("__add__", "__radd__", "__iadd__"),
            BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
            BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
            BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
            BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
            BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
            BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            BinOp::And => ("__and__", "__rand__", "__iand__"),
            BinOp::Or => ("__or__", "__ror__", "__ior__"),
            BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
        }
    }
}

/// Rich comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
    pub fn dunder(self) -> &'static str {
        match self {
            CmpOp::Lt => "__lt__",
            CmpOp::Le => "__le__",
            CmpOp::Eq => "__eq__",
            CmpOp::Ne => "__ne__",
            CmpOp::Gt => "__gt__",
            CmpOp::Ge => "__ge__",
        }
    }
    /// The operator tried on the right operand (`a < b` falls back to `b > a`).
    pub fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }
}

/// Unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum UnaryOp {
    Neg,
    Pos,
    Not,
    Invert,
}

/// The instruction set. Operand meanings are given per variant.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Instr {
    /// No operation (a jump target placeholder after peephole rewrites).
    Nop,
    /// Pop TOS.
    Pop,
    /// Push a copy of the i-th item (1 = TOS).
    Copy(u32),
    /// Swap TOS with the i-th item (2 = the item below TOS).
    Swap(u32),

    /// Push `consts[i]`.
    LoadConst(u32),
    /// Push fast local `i`; `UnboundLocalError` if it is unset.
    LoadFast(u32),
    /// Pop into fast local `i`.
    StoreFast(u32),
    /// Unset fast local `i` (`del x`).
    DeleteFast(u32),
    /// Push the value of cell `i` (cells first, then free variables).
    LoadDeref(u32),
    /// Pop into cell `i`.
    StoreDeref(u32),
    /// Empty cell `i`.
    DeleteDeref(u32),
    /// Push cell `i` itself (to build a closure).
    LoadClosure(u32),
    /// In a class body: look `names[n]` up in the class namespace, then in cell `c`.
    LoadClassDeref { name: u32, cell: u32 },
    /// Push global `names[i]` (module globals, then builtins).
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// Name lookup in module/class scope: locals dict, globals, builtins.
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),

    /// TOS = getattr(TOS, names[i]).
    LoadAttr(u32),
    /// TOS1.names[i] = TOS2 ... stack: value, obj -> (empty).
    StoreAttr(u32),
    DeleteAttr(u32),
    /// Stack: obj -> meth, self  (or: NULL-marker, bound attr). Pairs with `CallMethod`.
    LoadMethod(u32),
    /// Stack: container, key -> container[key].
    Subscr,
    /// Stack: value, container, key -> (empty); container[key] = value.
    StoreSubscr,
    /// Stack: container, key -> (empty).
    DeleteSubscr,

    /// Stack: a, b -> a OP b.
    BinaryOp(BinOp),
    /// Stack: a, b -> a OP= b (tries `__iop__` first).
    InplaceOp(BinOp),
    UnaryOp(UnaryOp),
    /// Stack: a, b -> a CMP b.
    Compare(CmpOp),
    /// Stack: a, b -> (a is b) (or `is not` when the flag is set).
    Is(bool),
    /// Stack: a, b -> (a in b) (or `not in` when the flag is set).
    Contains(bool),

    /// Unconditional jump.
    Jump(u32),
    /// Pop TOS; jump if it is falsy / truthy.
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    /// If TOS is falsy / truthy, jump keeping it; otherwise pop it and go on.
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    /// TOS = iter(TOS).
    GetIter,
    /// TOS is an iterator: push next(TOS), or pop the iterator and jump to the target when done.
    ForIter(u32),
    /// Return TOS from the frame.
    Return,

    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    /// Stack: k1, v1, ..., kn, vn -> dict.
    BuildMap(u32),
    /// Stack: start, stop[, step] -> slice (operand 2 or 3).
    BuildSlice(u32),
    /// Concatenate n str items into one str.
    BuildString(u32),
    /// Append TOS to the list at depth i (1 = the item below TOS after popping TOS).
    ListAppend(u32),
    SetAdd(u32),
    /// Stack: ..., map, ..., key, value -> map[key] = value (map at depth i after popping 2).
    MapAdd(u32),
    /// Extend the list at depth i with iterable TOS.
    ListExtend(u32),
    SetUpdate(u32),
    /// dict.update the dict at depth i with TOS.
    DictUpdate(u32),
    /// Like `DictUpdate` but a duplicate key is a TypeError (for `f(**a, **b)`).
    DictMerge(u32),
    ListToTuple,
    /// Format TOS for an f-string: low 2 bits are the conversion (0 none, 1 str, 2 repr,
    /// 3 ascii); bit 2 set means a format spec sits on TOS above the value.
    FormatValue(u32),

    /// Unpack TOS into n values (pushed so the first is on top).
    UnpackSequence(u32),
    /// Starred unpacking: `before` items, a list, `after` items.
    UnpackEx { before: u16, after: u16 },

    /// Stack: callable, arg1..argn -> result.
    Call(u32),
    /// Stack: callable, args..., kwnames-tuple -> result. Operand counts all args (positional
    /// and keyword); the last `len(kwnames)` are the keyword values.
    CallKw(u32),
    /// Stack: callable, args-tuple[, kwargs-dict] -> result. Operand 1 when kwargs are present.
    CallEx(u32),
    /// Stack: meth, self-or-marker, args... -> result (pairs with `LoadMethod`).
    CallMethod(u32),

    /// Build a function. Stack (each present only when its flag bit is set):
    /// defaults-tuple (1), kwdefaults-dict (2), annotations-dict (4), closure-tuple (8),
    /// then the code constant (which carries the qualified name). Pushes the function.
    MakeFunction(u32),
    /// Push the builtin `__build_class__`.
    LoadBuildClass,
    /// Push `locals()` of the frame (for class bodies returning their namespace).
    LoadLocals,

    /// `raise` statement: 0 = bare re-raise, 1 = raise TOS, 2 = raise TOS1 from TOS.
    Raise(u32),
    /// Re-raise the exception on TOS, keeping its traceback (end of a handler with no match).
    Reraise,
    /// Push an exception handler at the target, recording the current stack depth.
    SetupFinally(u32),
    /// Push a handler whose recorded depth excludes TOS. Inside a handler, right after
    /// `PushExcInfo` (stack: ..., prev_exc_info, exc): the cleanup code always sees
    /// `prev_exc_info, new_exc` however deep the handler's stack was when it raised. After
    /// `BeforeWith` (stack: ..., exit, entered): the `with` handler always sees `exit, exc`.
    SetupCleanup(u32),
    /// Pop the innermost handler.
    PopBlock,
    /// Entering a handler: stack exc -> prev_exc_info, exc; the current exception becomes exc.
    PushExcInfo,
    /// Stack: prev_exc_info -> (empty); restores the current exception.
    PopExcept,
    /// Stack: prev_exc_info, exc -> restores prev and re-raises exc.
    PopExceptAndReraise,
    /// Stack: exc, type -> exc, bool (isinstance check; TypeError for non-exception classes).
    CheckExcMatch,

    /// Stack: ctxmgr -> exit, enter_result.
    BeforeWith,
    /// Stack: exit -> (empty): calls exit(None, None, None).
    WithExitNormal,
    /// Stack: exit, prev, exc -> exit, prev, exc, exit(type(exc), exc, tb).
    WithExceptStart,

    /// Stack: value -> (yield value to the caller) -> sent value.
    YieldValue,
    /// Stack: subiter, sent -> result of delegating; loops internally (`yield from`).
    YieldFrom,
    /// Start of a generator body: discard the first `send` value (must be None).
    GenStart,
    /// Stack: obj -> awaitable iterator (CPython's `GET_AWAITABLE`): a coroutine, a
    /// `types.coroutine` generator, or what `__await__` returns. Operand: where the object
    /// came from, for the TypeError: 0 `await`, 1 `__aenter__`, 2 `__aexit__`. Followed by
    /// `LoadConst(None); YieldFrom`.
    GetAwaitable(u32),
    /// Stack: obj -> obj.__aiter__() (`async for`).
    GetAiter,
    /// Stack: aiter -> aiter, awaitable of aiter.__anext__().
    GetAnext,
    /// Handler end of `async for`: stack aiter, exc -> (empty) if exc is StopAsyncIteration,
    /// otherwise re-raise exc.
    EndAsyncFor,
    /// Stack: ctxmgr -> bound __aexit__, ctxmgr.__aenter__() (to be awaited).
    BeforeAsyncWith,
    /// Stack: exit, prev, exc -> exit, prev, exc, exit(type(exc), exc, tb) (to be awaited;
    /// `WithExceptStart` of `async with`).
    AsyncWithExceptStart,

    /// `import name`: stack: level, fromlist -> module; operand is `names[i]`.
    ImportName(u32),
    /// Stack: module -> module, module.names[i] (ImportError if missing).
    ImportFrom(u32),
    /// `from m import *`: stack: module -> (empty).
    ImportStar,

    // Pattern matching (`match`, compiled in `compile_match.rs` as CPython 3.11 does).
    /// Stack: subject -> subject, bool: is the subject's type a mapping for pattern matching
    /// (`dict`, `mappingproxy`, classes registered with or derived from
    /// `collections.abc.Mapping`: CPython's `Py_TPFLAGS_MAPPING`)?
    MatchMapping,
    /// Stack: subject -> subject, bool: is the subject's type a sequence for pattern matching
    /// (`list`, `tuple`, `range`, `memoryview`, `deque`, `collections.abc.Sequence` classes,
    /// never `str`/`bytes`/`bytearray`: CPython's `Py_TPFLAGS_SEQUENCE`)?
    MatchSequence,
    /// Stack: subject, keys-tuple -> subject, keys-tuple, values: the tuple of
    /// `subject.get(key, <sentinel>)` for each key, or None if a key is missing (a key seen
    /// twice is a ValueError).
    MatchKeys,
    /// Stack: subject, cls, names-tuple -> attrs: a class pattern with `n` positional
    /// sub-patterns. If `isinstance(subject, cls)`, the tuple of the `n` attributes named by
    /// `cls.__match_args__` (or the subject itself for `bool`, `int`, `str`... with one
    /// positional sub-pattern) followed by the attributes in `names`; None if it is not an
    /// instance or an attribute is missing. TypeError for a bad class or `__match_args__`.
    MatchClass(u32),
    /// Stack: obj -> obj, len(obj).
    GetLen,

    /// `assert` failure helper: push AssertionError class.
    LoadAssertionError,
    /// Stack: value -> value; raises if the stack slot is the "unbound" marker.
    /// (Reserved; not emitted yet.)
    SetupAnnotations,
    // Quickened forms. The compiler never emits these: the VM rewrites instructions into them
    // when it loads a code object (spindle-vm `code.rs`), keeping every index (jump targets,
    // positions) unchanged. `cache` indexes the code object's inline caches; the semantics are
    // exactly those of the plain instruction.
    /// `LoadGlobal(name)` with an inline cache (dict keys versions of globals/builtins).
    LoadGlobalCached { name: u32, cache: u32 },
    /// `LoadAttr(name)` with an inline cache (type and type version).
    LoadAttrCached { name: u32, cache: u32 },
    /// `StoreAttr(name)` with an inline cache (type and type version).
    StoreAttrCached { name: u32, cache: u32 },
    /// `LoadMethod(name)` with an inline cache (type and type version).
    LoadMethodCached { name: u32, cache: u32 },
    // Superinstructions (also VM-only): a fused pair replaces its first instruction and runs
    // both, skipping the second, which stays in place (a jump to it runs it alone).
    /// `LoadFast(a); LoadFast(b)`.
    LoadFastLoadFast(u32, u32),
    /// `LoadFast(a); LoadConst(c)`.
    LoadFastLoadConst(u32, u32),
    /// `StoreFast(a); LoadFast(b)`.
    StoreFastLoadFast(u32, u32),
    /// `LoadFast(a)` followed by `LoadAttrCached` (operands read from the next slot).
    LoadFastAttr(u32),
    /// `LoadFast(a)` followed by `LoadMethodCached` (operands read from the next slot).
    LoadFastMethod(u32),
    /// `LoadFast(a)` followed by `StoreAttrCached` (operands read from the next slot).
    LoadFastStoreAttr(u32),
    /// `LoadDeref(i)` followed by `LoadMethodCached` (operands read from the next slot).
    LoadDerefMethod(u32),
    /// `LoadDeref(i)` followed by `ContainsJump` (operands read from the next slot): `x in
    /// captured` tested and branched on in one dispatch.
    LoadDerefContainsJump(u32),
    /// `CallMethod(n); Pop`: a method call whose result is discarded. A call that pushes a
    /// Python frame resumes at the `Pop`, which then runs alone.
    CallMethodPop(u32),
    /// `Compare(op); PopJumpIfTrue(target)` (`jump_if` true) or `PopJumpIfFalse(target)`.
    CompareJump { op: CmpOp, jump_if: bool, target: u32 },
    /// `Is(neg); PopJumpIfTrue/False(target)`.
    IsJump { neg: bool, jump_if: bool, target: u32 },
    // Longer superinstructions (VM-only, same convention: each replaces the first slot of its
    // sequence and carries every operand; the other instructions stay in place). Where a fast path
    // does not apply (operands not inline ints/floats) they do the loads and go on with the next
    // instruction of the sequence.
    /// `LoadConst(c); BinaryOp/InplaceOp(op)`: TOS op constant.
    ConstOp { c: u16, op: BinOp },
    /// `LoadConst(c); Compare(op); PopJumpIfTrue/False(target)`: TOS compared with a constant.
    ConstCompareJump { c: u16, op: CmpOp, jump_if: bool, target: u32 },
    /// `LoadConst(c); Is(neg); PopJumpIfTrue/False(target)`: `x is None` and the like.
    ConstIsJump { c: u16, neg: bool, jump_if: bool, target: u32 },
    /// `Contains(neg); PopJumpIfTrue/False(target)`.
    ContainsJump { neg: bool, jump_if: bool, target: u32 },
    /// `LoadFast(a); LoadConst(c); BinaryOp/InplaceOp(op)` (three instructions).
    FastConstOp { a: u16, c: u16, op: BinOp },
    /// `LoadFast(a); LoadFast(b); BinaryOp/InplaceOp(op)` (three instructions).
    FastFastOp { a: u16, b: u16, op: BinOp },
    /// `LoadFast(a); LoadConst(c); Compare(op); PopJumpIfTrue/False(target)`.
    FastConstCompareJump { a: u16, c: u16, op: CmpOp, jump_if: bool, target: u32 },
    /// `LoadFast(a); LoadFast(b); Compare(op); PopJumpIfTrue/False(target)`.
    FastFastCompareJump { a: u16, b: u16, op: CmpOp, jump_if: bool, target: u32 },
    /// `LoadFast(a); LoadConst(c); BinaryOp/InplaceOp(op); StoreFast(d)`.
    FastConstOpStore { a: u16, c: u16, op: BinOp, d: u16 },
    /// `LoadFast(a); LoadFast(b); BinaryOp/InplaceOp(op); StoreFast(d)`.
    FastFastOpStore { a: u16, b: u16, op: BinOp, d: u16 },
    /// `BinaryOp(op)` (or `InplaceOp(op)` when `inplace`) followed by `StoreFast(d)`.
    OpStore { op: BinOp, inplace: bool, d: u32 },
    /// `LoadFast(a); LoadConst(k); Subscr` (`k_const`) or `LoadFast(a); LoadFast(k); Subscr`.
    FastSubscr { a: u16, k: u16, k_const: bool },
    /// `LoadFast(a); LoadConst(k)|LoadFast(k); Copy(2); Copy(2); Subscr` (five instructions):
    /// the load half of `a[k] op= v`, leaving `a, k, a[k]`.
    FastDupSubscr { a: u16, k: u16, k_const: bool },
    /// `InplaceOp(op); Swap(3); Swap(2); StoreSubscr` (four instructions): the store half of
    /// `a[k] op= v` (stack: a, k, a[k], v).
    InplaceStoreSubscr(BinOp),
    /// `UnpackSequence(n); StoreFast(a); StoreFast(b)[; StoreFast(c)]` for n = 2 or 3.
    UnpackFast { n: u8, a: u16, b: u16, c: u16 },
    /// `LoadFast(a); LoadConst(k)|LoadFast(k); Subscr; StoreFast(d)`: `d = a[k]`.
    FastSubscrStore { a: u16, k: u16, k_const: bool, d: u16 },
    /// `LoadFast(a); LoadConst(k)|LoadFast(k); StoreSubscr`: `a[k] = TOS`.
    FastStoreSubscr { a: u16, k: u16, k_const: bool },
    /// `LoadConst(a); LoadConst(b)`.
    LoadConstLoadConst(u32, u32),
    /// `LoadFast(a); PopJumpIfTrue(target)` (`jump_if` true) or `PopJumpIfFalse(target)`.
    FastJumpIf { a: u32, jump_if: bool, target: u32 },
}

impl Instr {
    /// Jump target of this instruction, if it has one.
    pub fn target(&self) -> Option<u32> {
        match *self {
            Instr::Jump(t)
            | Instr::PopJumpIfFalse(t)
            | Instr::PopJumpIfTrue(t)
            | Instr::JumpIfFalseOrPop(t)
            | Instr::JumpIfTrueOrPop(t)
            | Instr::ForIter(t)
            | Instr::SetupFinally(t)
            | Instr::SetupCleanup(t) => Some(t),
            _ => None,
        }
    }
    pub fn set_target(&mut self, new: u32) {
        match self {
            Instr::Jump(t)
            | Instr::PopJumpIfFalse(t)
            | Instr::PopJumpIfTrue(t)
            | Instr::JumpIfFalseOrPop(t)
            | Instr::JumpIfTrueOrPop(t)
            | Instr::ForIter(t)
            | Instr::SetupFinally(t)
            | Instr::SetupCleanup(t) => *t = new,
            _ => {}
        }
    }
}

/// A compile-time constant.
#[derive(Clone, Debug)]
pub enum Constant {
    None,
    Bool(bool),
    Int(i64),
    BigInt(num_bigint::BigInt),
    Float(f64),
    Complex(f64, f64),
    Str(String),
    Bytes(Vec<u8>),
    Ellipsis,
    Tuple(Vec<Constant>),
    /// A frozenset of constants, built by adding the items in order (CPython folds constant
    /// set displays into one: its table decides the iteration order).
    FrozenSet(Vec<Constant>),
    Code(std::sync::Arc<CodeObject>),
}

/// Source position of one instruction: 1-based lines, 0-based UTF-8 byte columns (as CPython's
/// `co_positions`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

/// Code flags (a subset of CPython's `co_flags`).
pub mod flags {
    pub const VARARGS: u32 = 0x04;
    pub const VARKEYWORDS: u32 = 0x08;
    pub const NESTED: u32 = 0x10;
    pub const GENERATOR: u32 = 0x20;
    /// `async def` without `yield` (CPython's `CO_COROUTINE`).
    pub const COROUTINE: u32 = 0x80;
    /// A `types.coroutine` generator (`CO_ITERABLE_COROUTINE`).
    pub const ITERABLE_COROUTINE: u32 = 0x100;
    /// `async def` with `yield`, async generator expressions (`CO_ASYNC_GENERATOR`).
    pub const ASYNC_GENERATOR: u32 = 0x200;
    /// The body reads `__class__` / calls zero-argument `super()`.
    pub const NEEDS_CLASS_CELL: u32 = 0x1000;
}

/// A compiled function, class body or module.
#[derive(Debug)]
pub struct CodeObject {
    pub name: String,
    pub qualname: String,
    pub filename: String,
    pub first_line: u32,
    pub instrs: Vec<Instr>,
    /// One entry per instruction.
    pub positions: Vec<Position>,
    pub consts: Vec<Constant>,
    /// Names used by global/attribute/name instructions.
    pub names: Vec<String>,
    /// Fast local names: parameters first (positional, keyword-only, *args, **kwargs).
    pub varnames: Vec<String>,
    /// Cell variable names (locals captured by inner scopes).
    pub cellvars: Vec<String>,
    /// Free variable names (captured from outer scopes).
    pub freevars: Vec<String>,
    /// For each cell that is also a parameter: (cell index, varname index) to copy at entry.
    pub cell_params: Vec<(u32, u32)>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    /// Maximum value-stack depth (computed conservatively).
    pub max_stack: u32,
    /// The function's docstring, if any (constant index into `consts`).
    pub doc: Option<String>,
    /// Compile-time SyntaxWarnings (line, message), on the outermost code object only.
    pub warnings: Vec<(u32, String)>,
}

impl CodeObject {
    /// Calling the function makes a generator, a coroutine or an async generator (the body
    /// runs in a suspendable frame).
    pub fn is_generator(&self) -> bool {
        self.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0
    }
    /// Number of fast-local slots.
    pub fn nlocals(&self) -> usize {
        self.varnames.len()
    }
    /// Line of instruction `i`.
    pub fn line_of(&self, i: usize) -> u32 {
        self.positions.get(i).map(|p| p.line).unwrap_or(self.first_line)
    }
}

impl fmt::Display for CodeObject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "code {} ({})", self.qualname, self.filename)?;
        for (i, ins) in self.instrs.iter().enumerate() {
            writeln!(f, "{:>5} {:>4}  {:?}", self.positions[i].line, i, ins)?;
        }
        for c in &self.consts {
            if let Constant::Code(code) = c {
                write!(f, "{code}")?;
            }
        }
        Ok(())
    }
}
