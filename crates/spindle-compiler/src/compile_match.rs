//! The `match` statement (PEP 634), compiled as CPython 3.11's `compiler_match` does.
//!
//! A pattern consumes the subject on top of the stack. Values a pattern captures are kept on the
//! stack (under whatever the enclosing patterns still need) and only stored into their names
//! once the whole pattern matched, in the order the names were met. On failure the code jumps
//! into a chain of `Pop`s (`fail_pop[n]` pops `n` items, then falls into `fail_pop[n - 1]`...)
//! that leaves the stack as it was before the pattern, then goes on with the next case.
//!
//! Instructions carry the position of the pattern being compiled (each pattern sets it and
//! nothing restores it, as CPython's `SET_LOC`), and compile errors point where CPython's do.

use super::{check_debug, err, CResult, Compiler, Label};
use crate::bytecode::{BinOp, CmpOp, Constant, Instr};
use ruff_python_ast::{self as ast, Expr, Pattern};
use ruff_text_size::{Ranged, TextRange};

/// CPython's `pattern_context`.
struct PatCtx {
    /// Names captured so far, in the order they are stored; `stores[0]` is nearest the top.
    stores: Vec<String>,
    /// May an irrefutable pattern appear here (a guarded or last case, a sub-pattern)?
    allow_irrefutable: bool,
    /// `fail_pop[n]` pops `n` items and goes on to the next alternative / case.
    fail_pop: Vec<Label>,
    /// Items on top of the stack (above the captures) that failure must pop.
    on_top: usize,
    /// The pattern compile errors point at (the last one compilation entered).
    loc: TextRange,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar(s) if s.name.is_none())
}

fn real_of(c: &Constant) -> Option<f64> {
    match c {
        Constant::Int(i) => Some(*i as f64),
        Constant::BigInt(b) => Some(num_traits::ToPrimitive::to_f64(b).unwrap_or(f64::INFINITY)),
        Constant::Float(f) => Some(*f),
        _ => None,
    }
}

/// The constant a value pattern or mapping key stands for: literals, negative numbers and
/// complex literals (`-1`, `1 + 2j`), folded as CPython's AST optimizer does.
fn pattern_const(e: &Expr) -> Option<Constant> {
    Some(match e {
        Expr::NumberLiteral(n) => match &n.value {
            ast::Number::Int(i) => super::int_constant(i),
            ast::Number::Float(f) => Constant::Float(*f),
            ast::Number::Complex { real, imag } => Constant::Complex(*real, *imag),
        },
        Expr::StringLiteral(s) => Constant::Str(s.value.to_str().to_string()),
        Expr::BytesLiteral(b) => Constant::Bytes(b.value.bytes().collect()),
        Expr::BooleanLiteral(b) => Constant::Bool(b.value),
        Expr::NoneLiteral(_) => Constant::None,
        Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => match pattern_const(&u.operand)? {
            Constant::Int(i) if i != i64::MIN => Constant::Int(-i),
            Constant::Int(i) => super::big_constant(-num_bigint::BigInt::from(i)),
            Constant::BigInt(b) => super::big_constant(-b),
            Constant::Float(f) => Constant::Float(-f),
            Constant::Complex(r, i) => Constant::Complex(-r, -i),
            _ => return None,
        },
        Expr::BinOp(b) if matches!(b.op, ast::Operator::Add | ast::Operator::Sub) => {
            let left = pattern_const(&b.left)?;
            let Constant::Complex(r2, i2) = pattern_const(&b.right)? else { return None };
            // Real part promoted to complex(a, 0.0), then complex arithmetic (signed zeros
            // as CPython gets them).
            let (r1, i1) = match left {
                Constant::Complex(r, i) => (r, i),
                other => (real_of(&other)?, 0.0),
            };
            if b.op == ast::Operator::Add {
                Constant::Complex(r1 + r2, i1 + i2)
            } else {
                Constant::Complex(r1 - r2, i1 - i2)
            }
        }
        _ => return None,
    })
}

/// Python's `==` between two literal constants (for duplicate mapping keys: `1`, `1.0` and
/// `True` are the same key).
fn const_eq(a: &Constant, b: &Constant) -> bool {
    use num_bigint::BigInt;
    fn num(c: &Constant) -> Option<(Option<BigInt>, f64, f64)> {
        match c {
            Constant::Bool(b) => Some((Some(BigInt::from(*b as i64)), *b as i64 as f64, 0.0)),
            Constant::Int(i) => Some((Some(BigInt::from(*i)), *i as f64, 0.0)),
            Constant::BigInt(b) => Some((Some(b.clone()), f64::NAN, 0.0)),
            Constant::Float(f) => Some((None, *f, 0.0)),
            Constant::Complex(r, i) => Some((None, *r, *i)),
            _ => None,
        }
    }
    match (a, b) {
        (Constant::Str(x), Constant::Str(y)) => x == y,
        (Constant::Bytes(x), Constant::Bytes(y)) => x == y,
        (Constant::None, Constant::None) => true,
        _ => match (num(a), num(b)) {
            (Some((ia, ra, ima)), Some((ib, rb, imb))) => {
                if ima != imb {
                    return false;
                }
                match (ia, ib) {
                    (Some(x), Some(y)) => x == y,
                    (Some(x), None) => float_eq_int(rb, &x),
                    (None, Some(y)) => float_eq_int(ra, &y),
                    (None, None) => ra == rb,
                }
            }
            _ => false,
        },
    }
}

fn float_eq_int(f: f64, i: &num_bigint::BigInt) -> bool {
    f.is_finite() && f.fract() == 0.0 && num_traits::FromPrimitive::from_f64(f).map(|b: num_bigint::BigInt| b == *i).unwrap_or(false)
}

/// `repr()` of a float as CPython's `float_repr` ('r' format); `add_dot_0` adds the `.0` of
/// integral values (complex parts go without it).
fn float_repr(x: f64, add_dot_0: bool) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    // Shortest round-trip digits and decimal exponent from Rust's `{:e}` ("d.ddde-x").
    let s = format!("{x:e}");
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if neg { "-" } else { "" };
    let nd = digits.len() as i32;
    if (-4..16).contains(&exp) {
        // Fixed notation: the decimal point goes after exp + 1 digits.
        let point = exp + 1;
        let body = if point <= 0 {
            format!("0.{}{}", "0".repeat((-point) as usize), digits)
        } else if point >= nd {
            let mut b = format!("{}{}", digits, "0".repeat((point - nd) as usize));
            if add_dot_0 {
                b.push_str(".0");
            }
            b
        } else {
            format!("{}.{}", &digits[..point as usize], &digits[point as usize..])
        };
        format!("{sign}{body}")
    } else {
        let m = if nd > 1 { format!("{}.{}", &digits[..1], &digits[1..]) } else { digits.clone() };
        let es = if exp < 0 { '-' } else { '+' };
        format!("{sign}{m}e{es}{:02}", exp.abs())
    }
}

fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if c.is_control() || matches!(c as u32, 0x2028 | 0x2029 | 0xad) => {
                let n = c as u32;
                if n <= 0xff {
                    out.push_str(&format!("\\x{n:02x}"));
                } else if n <= 0xffff {
                    out.push_str(&format!("\\u{n:04x}"));
                } else {
                    out.push_str(&format!("\\U{n:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::from("b");
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote as char);
    out
}

/// `repr()` of a literal constant (for "mapping pattern checks duplicate key (...)").
fn const_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
        Constant::Int(i) => i.to_string(),
        Constant::BigInt(b) => b.to_string(),
        Constant::Float(f) => float_repr(*f, true),
        Constant::Complex(r, i) => {
            if *r == 0.0 && r.is_sign_positive() {
                format!("{}j", float_repr(*i, false))
            } else {
                let im = float_repr(*i, false);
                let im = if im.starts_with('-') { im } else { format!("+{im}") };
                format!("({}{}j)", float_repr(*r, false), im)
            }
        }
        Constant::Str(s) => str_repr(s),
        Constant::Bytes(b) => bytes_repr(b),
        _ => "...".into(),
    }
}

impl<'a> Compiler<'a> {
    /// `match subject: case ...` (CPython's `compiler_match_inner`).
    pub(super) fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> CResult<()> {
        self.expr(&m.subject)?;
        let end = self.new_label();
        let cases = m.cases.len();
        let Some(last) = m.cases.last() else { return err("invalid syntax", m.range) };
        // A trailing `case _:` needs no copy of the subject and no pattern code.
        let has_default = is_wildcard(&last.pattern) && cases > 1;
        let n = cases - has_default as usize;
        for (i, case) in m.cases[..n].iter().enumerate() {
            self.set_pos(case.pattern.range());
            // Only copy the subject if this is not the last case that needs it.
            let keep_subject = i + 1 != n;
            if keep_subject {
                self.emit(Instr::Copy(1));
            }
            let mut pc = PatCtx { stores: Vec::new(), allow_irrefutable: case.guard.is_some() || i + 1 == cases, fail_pop: Vec::new(), on_top: 0, loc: case.pattern.range() };
            self.pattern(&case.pattern, &mut pc)?;
            // A match: store the captured names (they are on the stack, first one on top).
            for name in std::mem::take(&mut pc.stores) {
                self.store_name(&name);
            }
            if let Some(g) = &case.guard {
                let fail = self.ensure_fail_pop(&mut pc, 0);
                self.jump_if(g, false, fail)?;
            }
            if keep_subject {
                self.emit(Instr::Pop);
            }
            self.body(&case.body)?;
            self.jump(Instr::Jump, end);
            // The clean-up of a failed pattern belongs to the pattern's line, not the body's.
            self.set_pos(case.pattern.range());
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            self.set_pos(last.pattern.range());
            self.emit(Instr::Nop);
            if let Some(g) = &last.guard {
                self.jump_if(g, false, end)?;
            }
            self.body(&last.body)?;
        }
        self.bind_label(end);
        Ok(())
    }

    /// The label that pops `n` items and fails.
    fn ensure_fail_pop(&mut self, pc: &mut PatCtx, n: usize) -> Label {
        while pc.fail_pop.len() <= n {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
        pc.fail_pop[n]
    }

    /// Jump (with `make`: a conditional jump or `Jump`) to the failure path, popping whatever
    /// is on top of the stack plus the captures made so far.
    fn jump_to_fail_pop(&mut self, pc: &mut PatCtx, make: fn(u32) -> Instr) {
        let pops = pc.on_top + pc.stores.len();
        let l = self.ensure_fail_pop(pc, pops);
        self.jump(make, l);
    }

    /// Emit the failure chain: `fail_pop[n]: Pop` ... `fail_pop[1]: Pop`, `fail_pop[0]:`.
    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatCtx) {
        let labels = std::mem::take(&mut pc.fail_pop);
        for (i, l) in labels.iter().enumerate().rev() {
            self.bind_label(*l);
            if i > 0 {
                self.emit(Instr::Pop);
            }
        }
    }

    /// Move TOS down to depth `count` (1 = stays on top).
    fn rotate(&mut self, mut count: usize) {
        while count > 1 {
            self.emit(Instr::Swap(count as u32));
            count -= 1;
        }
    }

    fn pattern_error<T>(&self, pc: &PatCtx, msg: impl Into<String>) -> CResult<T> {
        err(msg, pc.loc)
    }

    /// Capture TOS as `name` (or drop it for a wildcard): keep it under the items still needed.
    fn store_capture(&mut self, name: Option<&ast::Identifier>, pc: &mut PatCtx) -> CResult<()> {
        let Some(n) = name else {
            self.emit(Instr::Pop);
            return Ok(());
        };
        check_debug(&n.id, pc.loc, false)?;
        if pc.stores.iter().any(|s| s == n.id.as_str()) {
            return self.pattern_error(pc, format!("multiple assignments to name '{}' in pattern", n.id));
        }
        self.rotate(pc.on_top + pc.stores.len() + 1);
        pc.stores.push(n.id.to_string());
        Ok(())
    }

    fn set_pattern_loc(&mut self, p: &Pattern, pc: &mut PatCtx) {
        pc.loc = p.range();
        self.set_pos(p.range());
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatCtx) -> CResult<()> {
        self.set_pattern_loc(p, pc);
        match p {
            Pattern::MatchValue(v) => self.pattern_value(&v.value, pc),
            Pattern::MatchSingleton(s) => {
                let c = match s.value {
                    ast::Singleton::None => Constant::None,
                    ast::Singleton::True => Constant::Bool(true),
                    ast::Singleton::False => Constant::Bool(false),
                };
                let c = self.const_(c);
                self.emit(Instr::LoadConst(c));
                self.emit(Instr::Is(false));
                self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
                Ok(())
            }
            Pattern::MatchSequence(s) => self.pattern_sequence(&s.patterns, pc),
            Pattern::MatchMapping(m) => self.pattern_mapping(m, pc),
            Pattern::MatchClass(c) => self.pattern_class(c, pc),
            Pattern::MatchStar(s) => self.store_capture(s.name.as_ref(), pc),
            Pattern::MatchAs(a) => self.pattern_as(a, pc),
            Pattern::MatchOr(o) => self.pattern_or(o, pc),
        }
    }

    /// A sub-pattern: irrefutable patterns are always allowed there.
    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatCtx) -> CResult<()> {
        let saved = std::mem::replace(&mut pc.allow_irrefutable, true);
        let r = self.pattern(p, pc);
        pc.allow_irrefutable = saved;
        r
    }

    fn pattern_value(&mut self, value: &'a Expr, pc: &mut PatCtx) -> CResult<()> {
        if let Some(c) = pattern_const(value) {
            let c = self.const_(c);
            self.emit(Instr::LoadConst(c));
        } else if let Expr::Attribute(_) = value {
            self.expr(value)?;
        } else {
            return self.pattern_error(pc, "patterns may only match literals and attribute lookups");
        }
        self.emit(Instr::Compare(CmpOp::Eq));
        self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
        Ok(())
    }

    fn pattern_as(&mut self, a: &'a ast::PatternMatchAs, pc: &mut PatCtx) -> CResult<()> {
        let Some(inner) = &a.pattern else {
            if !pc.allow_irrefutable {
                return match &a.name {
                    Some(n) => self.pattern_error(pc, format!("name capture '{}' makes remaining patterns unreachable", n.id)),
                    None => self.pattern_error(pc, "wildcard makes remaining patterns unreachable"),
                };
            }
            return self.store_capture(a.name.as_ref(), pc);
        };
        // Keep a copy to store if the inner pattern matches.
        pc.on_top += 1;
        self.emit(Instr::Copy(1));
        self.pattern(inner, pc)?;
        pc.on_top -= 1;
        self.store_capture(a.name.as_ref(), pc)
    }

    fn pattern_sequence(&mut self, patterns: &'a [Pattern], pc: &mut PatCtx) -> CResult<()> {
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in patterns.iter().enumerate() {
            if let Pattern::MatchStar(_) = p {
                if star.is_some() {
                    return self.pattern_error(pc, "multiple starred names in sequence pattern");
                }
                star_wildcard = is_star_wildcard(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        // The subject stays on top during the type and length checks.
        pc.on_top += 1;
        self.emit(Instr::MatchSequence);
        self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
        match star {
            None => {
                self.emit(Instr::GetLen);
                let c = self.const_(Constant::Int(size as i64));
                self.emit(Instr::LoadConst(c));
                self.emit(Instr::Compare(CmpOp::Eq));
                self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
            }
            Some(_) if size > 1 => {
                self.emit(Instr::GetLen);
                let c = self.const_(Constant::Int(size as i64 - 1));
                self.emit(Instr::LoadConst(c));
                self.emit(Instr::Compare(CmpOp::Ge));
                self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
            }
            Some(_) => {}
        }
        // What follows consumes the subject.
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Instr::Pop);
            return Ok(());
        }
        match star {
            Some(s) if star_wildcard => self.sequence_subscr(patterns, s, pc),
            _ => self.sequence_unpack(patterns, star, pc),
        }
    }

    /// Unpack the subject and match each item (first item on top).
    fn sequence_unpack(&mut self, patterns: &'a [Pattern], star: Option<usize>, pc: &mut PatCtx) -> CResult<()> {
        let size = patterns.len();
        match star {
            Some(i) => {
                if i >= 256 || size - i > 256 {
                    return self.pattern_error(pc, "too many expressions in star-unpacking sequence pattern");
                }
                self.emit(Instr::UnpackEx { before: i as u16, after: (size - i - 1) as u16 });
            }
            None => {
                self.emit(Instr::UnpackSequence(size as u32));
            }
        }
        pc.on_top += size;
        for p in patterns {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    /// With a `*_` wildcard: index the items that matter instead of unpacking (counting from
    /// the length for items after the star: the subject may not support negative indexes).
    fn sequence_subscr(&mut self, patterns: &'a [Pattern], star: usize, pc: &mut PatCtx) -> CResult<()> {
        pc.on_top += 1;
        let size = patterns.len();
        for (i, p) in patterns.iter().enumerate() {
            if is_wildcard(p) || i == star {
                continue;
            }
            self.emit(Instr::Copy(1));
            if i < star {
                let c = self.const_(Constant::Int(i as i64));
                self.emit(Instr::LoadConst(c));
            } else {
                self.emit(Instr::GetLen);
                let c = self.const_(Constant::Int((size - i) as i64));
                self.emit(Instr::LoadConst(c));
                self.emit(Instr::BinaryOp(BinOp::Sub));
            }
            self.emit(Instr::Subscr);
            self.subpattern(p, pc)?;
        }
        pc.on_top -= 1;
        self.emit(Instr::Pop);
        Ok(())
    }

    fn pattern_mapping(&mut self, m: &'a ast::PatternMatchMapping, pc: &mut PatCtx) -> CResult<()> {
        let size = m.keys.len();
        if size != m.patterns.len() {
            return self.pattern_error(pc, format!("keys ({size}) / patterns ({}) length mismatch in mapping pattern", m.patterns.len()));
        }
        pc.on_top += 1;
        self.emit(Instr::MatchMapping);
        self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
        if size == 0 && m.rest.is_none() {
            // `{}`: any mapping.
            pc.on_top -= 1;
            self.emit(Instr::Pop);
            return Ok(());
        }
        if size > 0 {
            self.emit(Instr::GetLen);
            let c = self.const_(Constant::Int(size as i64));
            self.emit(Instr::LoadConst(c));
            self.emit(Instr::Compare(CmpOp::Ge));
            self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
        }
        // The keys, as one tuple: literals (no duplicates) or attribute lookups.
        let mut seen: Vec<Constant> = Vec::new();
        let mut all_const = true;
        for k in &m.keys {
            match pattern_const(k) {
                Some(c) => {
                    if seen.iter().any(|s| const_eq(s, &c)) {
                        return self.pattern_error(pc, format!("mapping pattern checks duplicate key ({})", const_repr(&c)));
                    }
                    seen.push(c);
                }
                None => {
                    if !matches!(k, Expr::Attribute(_)) {
                        return self.pattern_error(pc, "mapping pattern keys may only match literals and attribute lookups");
                    }
                    all_const = false;
                }
            }
        }
        if all_const {
            let c = self.const_(Constant::Tuple(seen));
            self.emit(Instr::LoadConst(c));
        } else {
            for k in &m.keys {
                match pattern_const(k) {
                    Some(c) => {
                        let c = self.const_(c);
                        self.emit(Instr::LoadConst(c));
                    }
                    None => self.expr(k)?,
                }
            }
            self.emit(Instr::BuildTuple(size as u32));
        }
        self.emit(Instr::MatchKeys);
        // Stack: subject, keys, values (or None).
        pc.on_top += 2;
        self.emit(Instr::Copy(1));
        let none = self.const_(Constant::None);
        self.emit(Instr::LoadConst(none));
        self.emit(Instr::Is(true));
        self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
        self.emit(Instr::UnpackSequence(size as u32));
        pc.on_top = pc.on_top + size - 1;
        for p in &m.patterns {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        // Matched: what follows consumes the keys and the subject.
        pc.on_top -= 2;
        match &m.rest {
            Some(rest) => {
                // rest = dict(subject); del rest[k] for each key.
                self.emit(Instr::BuildMap(0));
                self.emit(Instr::Swap(3));
                self.emit(Instr::DictUpdate(2));
                self.emit(Instr::UnpackSequence(size as u32));
                let mut left = size;
                while left > 0 {
                    self.emit(Instr::Copy(1 + left as u32));
                    left -= 1;
                    self.emit(Instr::Swap(2));
                    self.emit(Instr::DeleteSubscr);
                }
                self.store_capture(Some(rest), pc)?;
            }
            None => {
                self.emit(Instr::Pop);
                self.emit(Instr::Pop);
            }
        }
        Ok(())
    }

    fn pattern_class(&mut self, c: &'a ast::PatternMatchClass, pc: &mut PatCtx) -> CResult<()> {
        let args = &c.arguments;
        let nargs = args.patterns.len();
        let nattrs = args.keywords.len();
        if nattrs > 0 {
            for (i, k) in args.keywords.iter().enumerate() {
                pc.loc = k.pattern.range();
                check_debug(&k.attr.id, pc.loc, false)?;
                for other in &args.keywords[i + 1..] {
                    if other.attr.id == k.attr.id {
                        pc.loc = other.pattern.range();
                        return self.pattern_error(pc, format!("attribute name repeated in class pattern: {}", k.attr.id));
                    }
                }
            }
            pc.loc = c.range;
        }
        self.expr(&c.cls)?;
        let names: Vec<Constant> = args.keywords.iter().map(|k| Constant::Str(k.attr.id.to_string())).collect();
        let names = self.const_(Constant::Tuple(names));
        self.emit(Instr::LoadConst(names));
        self.emit(Instr::MatchClass(nargs as u32));
        self.emit(Instr::Copy(1));
        let none = self.const_(Constant::None);
        self.emit(Instr::LoadConst(none));
        self.emit(Instr::Is(true));
        // TOS: the tuple of nargs + nattrs attributes (or None).
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
        let total = nargs + nattrs;
        self.emit(Instr::UnpackSequence(total as u32));
        pc.on_top = pc.on_top + total - 1;
        for p in args.patterns.iter().chain(args.keywords.iter().map(|k| &k.pattern)) {
            pc.on_top -= 1;
            if is_wildcard(p) {
                self.emit(Instr::Pop);
                continue;
            }
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    fn pattern_or(&mut self, o: &'a ast::PatternMatchOr, pc: &mut PatCtx) -> CResult<()> {
        let end = self.new_label();
        let size = o.patterns.len();
        // The enclosing context, restored after the alternatives (the location is not).
        let old_stores = std::mem::take(&mut pc.stores);
        let old_allow = pc.allow_irrefutable;
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        // The names bound by the first alternative: the others must bind the same ones, and
        // are reordered on the stack to its order.
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in o.patterns.iter().enumerate() {
            self.set_pattern_loc(alt, pc);
            pc.stores = Vec::new();
            // An irrefutable alternative must be last, if allowed at all.
            pc.allow_irrefutable = i + 1 == size && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Instr::Copy(1));
            self.pattern(alt, pc)?;
            let nstores = pc.stores.len();
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) if ctl.len() != nstores => return self.pattern_error(pc, "alternative patterns bind different names"),
                Some(ctl) => {
                    let mut icontrol = nstores;
                    while icontrol > 0 {
                        icontrol -= 1;
                        let name = &ctl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return self.pattern_error(pc, "alternative patterns bind different names");
                        };
                        if icontrol != istores {
                            // Move the first `rotations` captures down so the order matches.
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            pc.stores.splice(at..at, rotated);
                            for _ in 0..rotations {
                                self.rotate(icontrol + 1);
                            }
                        }
                    }
                }
            }
            self.jump(Instr::Jump, end);
            self.emit_and_reset_fail_pop(pc);
        }
        pc.stores = old_stores;
        pc.allow_irrefutable = old_allow;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        // No alternative matched: pop the remaining copy of the subject and fail.
        self.emit(Instr::Pop);
        self.jump_to_fail_pop(pc, Instr::Jump);
        self.bind_label(end);
        let control = control.unwrap_or_default();
        let nstores = control.len();
        // Between the new captures and where they belong: the other new captures, the copy of
        // the subject, the items on top, and the captures made before.
        let nrots = nstores + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.rotate(nrots);
            if pc.stores.contains(&name) {
                return self.pattern_error(pc, format!("multiple assignments to name '{name}' in pattern"));
            }
            pc.stores.push(name);
        }
        // Pop the copy of the subject.
        self.emit(Instr::Pop);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_reprs() {
        assert_eq!(float_repr(1.0, true), "1.0");
        assert_eq!(float_repr(1.0, false), "1");
        assert_eq!(float_repr(0.1, true), "0.1");
        assert_eq!(float_repr(1e16, true), "1e+16");
        assert_eq!(float_repr(123456789012345.6, true), "123456789012345.6");
        assert_eq!(float_repr(1e-5, true), "1e-05");
        assert_eq!(float_repr(0.0001, true), "0.0001");
        assert_eq!(float_repr(-2.5e-7, true), "-2.5e-07");
        assert_eq!(float_repr(-0.0, true), "-0.0");
    }

    #[test]
    fn const_equality() {
        assert!(const_eq(&Constant::Int(1), &Constant::Bool(true)));
        assert!(const_eq(&Constant::Float(1.0), &Constant::Int(1)));
        assert!(const_eq(&Constant::Float(-0.0), &Constant::Int(0)));
        assert!(const_eq(&Constant::Complex(2.0, 0.0), &Constant::Int(2)));
        assert!(!const_eq(&Constant::Complex(2.0, 1.0), &Constant::Int(2)));
        assert!(!const_eq(&Constant::Str("1".into()), &Constant::Int(1)));
        assert_eq!(const_repr(&Constant::Complex(1.0, -2.0)), "(1-2j)");
        assert_eq!(const_repr(&Constant::Complex(0.0, 2.0)), "2j");
        assert_eq!(const_repr(&Constant::Str("it's".into())), "\"it's\"");
    }
}
