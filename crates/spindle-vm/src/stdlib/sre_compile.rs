//! `re` compiler: the parsed tree to a flat program for the backtracking matcher
//! (`sre_match.rs`). Flags that act at match time (IGNORECASE, MULTILINE, DOTALL, ASCII)
//! are resolved here per scoped group, as CPython's compiler does.

use crate::stdlib::sre_chars::{self, CharSet, Mode};
use crate::stdlib::sre_parse::{self as p, At, Node, Parsed, RepKind, ReError};

/// Something that matches exactly one character.
#[derive(Clone, Copy, Debug)]
pub enum Item {
    Char(u32),
    NotChar(u32),
    /// The character's ASCII lowercase equals the value.
    CharIA(u32),
    NotCharIA(u32),
    /// The character's Unicode simple lowercase equals the value.
    CharIU(u32),
    NotCharIU(u32),
    /// Any character but a newline.
    Any,
    AnyAll,
    /// Index into `Program::sets`.
    Set(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AtOp {
    /// Start of the string (`\A`, `^` without MULTILINE).
    Beginning,
    BeginningLine,
    /// `$` without MULTILINE: the end, or before a newline that ends the string.
    End,
    EndLine,
    EndString,
    Boundary(Mode),
    NonBoundary(Mode),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LookKind {
    Ahead,
    NotAhead,
    Behind,
    NotBehind,
    /// An atomic group: the body's first match, never re-entered.
    Atomic,
}

#[derive(Clone, Copy, Debug)]
pub enum Op {
    One(Item),
    At(AtOp),
    /// Record the position in capture slot n (group n/2; odd slots close a group).
    Save(usize),
    Jmp(usize),
    /// Try pc+1 first, then the target.
    Split(usize),
    /// A repeat of one character, continuing at pc+1.
    RepeatOne { item: Item, min: u64, max: u64, kind: RepKind },
    /// Start repeat `id`: zero iterations so far.
    RepInit(usize),
    /// Decide on another iteration of repeat `id` (body at pc+1, ending in a jump back here)
    /// or the tail at `exit`.
    RepCheck { id: usize, min: u64, max: u64, greedy: bool, exit: usize },
    Backref { group: usize, fold: Option<Mode> },
    /// A lookaround or atomic group whose body runs from pc+1 to its `LookEnd`; the
    /// pattern continues at `end`. `width` is the lookbehind distance.
    Look { kind: LookKind, width: usize, end: usize },
    LookEnd,
    /// Continue at pc+1 if `group` matched, else at `no`.
    GroupExists { group: usize, no: usize },
    Match,
}

pub struct Program {
    pub code: Vec<Op>,
    pub sets: Vec<CharSet>,
    /// Capture groups, including group 0.
    pub groups: usize,
    /// Groups the program records (more than `groups` only for `re.Scanner`'s combined
    /// pattern, whose phrases number their own groups from 1 as CPython's).
    pub slot_groups: usize,
    pub nreps: usize,
    /// Final flags (with the global inline flags).
    pub flags: u32,
    /// Group names in definition order.
    pub names: Vec<(String, usize)>,
    /// A literal every match starts with (case-sensitive), for searching.
    pub prefix: Vec<u32>,
    /// Every match starts at the beginning of the string.
    pub anchored: bool,
    /// Every match starts with a character one of these items matches (for searching;
    /// empty when unknown).
    pub first: Vec<Item>,
}

const MAXCODE: u128 = (1 << 32) - 1;

struct Compiler<'a> {
    code: Vec<Op>,
    sets: Vec<CharSet>,
    nreps: usize,
    widths: &'a [(u128, u128)],
}

fn mode_of(flags: u32) -> Mode {
    if flags & p::FLAG_LOCALE != 0 {
        Mode::Locale
    } else if flags & p::FLAG_UNICODE != 0 {
        Mode::Unicode
    } else {
        Mode::Ascii
    }
}

fn combine(flags: u32, add: u32, del: u32) -> u32 {
    let mut f = flags;
    if add & (p::FLAG_ASCII | p::FLAG_LOCALE | p::FLAG_UNICODE) != 0 {
        f &= !(p::FLAG_ASCII | p::FLAG_LOCALE | p::FLAG_UNICODE);
    }
    (f | add) & !del
}

impl Compiler<'_> {
    fn add_set(&mut self, set: CharSet) -> Item {
        self.sets.push(set);
        Item::Set((self.sets.len() - 1) as u32)
    }

    /// The item matching literal `c` (or anything but `c`) under `flags`.
    fn lit_item(&mut self, c: u32, negate: bool, flags: u32) -> Item {
        if flags & p::FLAG_IGNORECASE == 0 {
            return if negate { Item::NotChar(c) } else { Item::Char(c) };
        }
        let mode = mode_of(flags);
        if mode == Mode::Unicode {
            if !sre_chars::is_cased_unicode(c) {
                return if negate { Item::NotChar(c) } else { Item::Char(c) };
            }
            let lo = sre_chars::lower_unicode(c);
            if !sre_chars::extra_cases(lo).is_empty() {
                let set = CharSet::new(&[p::SetItem::Lit(lo)], negate, true, mode);
                return self.add_set(set);
            }
            if negate {
                Item::NotCharIU(lo)
            } else {
                Item::CharIU(lo)
            }
        } else {
            if !sre_chars::is_cased_ascii(c) {
                return if negate { Item::NotChar(c) } else { Item::Char(c) };
            }
            let lo = sre_chars::lower_ascii(c);
            if negate {
                Item::NotCharIA(lo)
            } else {
                Item::CharIA(lo)
            }
        }
    }

    /// The single-character item `n` stands for, if it is one.
    fn unit(&mut self, n: &Node, flags: u32) -> Option<Item> {
        Some(match n {
            Node::Lit(c) => self.lit_item(*c, false, flags),
            Node::NotLit(c) => self.lit_item(*c, true, flags),
            Node::Any => {
                if flags & p::FLAG_DOTALL != 0 {
                    Item::AnyAll
                } else {
                    Item::Any
                }
            }
            Node::Set { negate, items } => {
                let set = CharSet::new(items, *negate, flags & p::FLAG_IGNORECASE != 0, mode_of(flags));
                self.add_set(set)
            }
            _ => return None,
        })
    }

    /// The single-character item of a repeat body, if it is one (possibly in `(?flags:...)`).
    fn simple(&mut self, body: &[Node], flags: u32) -> Option<Item> {
        match body {
            [Node::Group { index: None, add, del, body }] => self.simple(body, combine(flags, *add, *del)),
            [n @ (Node::Lit(_) | Node::NotLit(_) | Node::Any | Node::Set { .. })] => self.unit(n, flags),
            _ => None,
        }
    }

    fn emit(&mut self, op: Op) -> usize {
        self.code.push(op);
        self.code.len() - 1
    }

    fn seq(&mut self, seq: &[Node], flags: u32) -> Result<(), ReError> {
        for n in seq {
            self.node(n, flags)?;
        }
        Ok(())
    }

    fn look(&mut self, kind: LookKind, width: usize, body: &[Node], flags: u32) -> Result<(), ReError> {
        let at = self.emit(Op::Look { kind, width, end: 0 });
        self.seq(body, flags)?;
        self.emit(Op::LookEnd);
        let end = self.code.len();
        if let Op::Look { end: e, .. } = &mut self.code[at] {
            *e = end;
        }
        Ok(())
    }

    fn node(&mut self, n: &Node, flags: u32) -> Result<(), ReError> {
        match n {
            Node::Lit(_) | Node::NotLit(_) | Node::Any | Node::Set { .. } => {
                if let Some(item) = self.unit(n, flags) {
                    self.emit(Op::One(item));
                }
            }
            Node::At(a) => {
                let ml = flags & p::FLAG_MULTILINE != 0;
                let op = match a {
                    At::Beginning if ml => AtOp::BeginningLine,
                    At::Beginning | At::BeginningString => AtOp::Beginning,
                    At::End if ml => AtOp::EndLine,
                    At::End => AtOp::End,
                    At::EndString => AtOp::EndString,
                    At::Boundary => AtOp::Boundary(mode_of(flags)),
                    At::NonBoundary => AtOp::NonBoundary(mode_of(flags)),
                };
                self.emit(Op::At(op));
            }
            Node::Branch(alts) => {
                let mut jumps = Vec::new();
                for (i, alt) in alts.iter().enumerate() {
                    if i + 1 < alts.len() {
                        let split = self.emit(Op::Split(0));
                        self.seq(alt, flags)?;
                        jumps.push(self.emit(Op::Jmp(0)));
                        let next = self.code.len();
                        self.code[split] = Op::Split(next);
                    } else {
                        self.seq(alt, flags)?;
                    }
                }
                let end = self.code.len();
                for j in jumps {
                    self.code[j] = Op::Jmp(end);
                }
            }
            Node::Group { index, add, del, body } => {
                let f = combine(flags, *add, *del);
                if let Some(g) = index {
                    self.emit(Op::Save(2 * g));
                    self.seq(body, f)?;
                    self.emit(Op::Save(2 * g + 1));
                } else {
                    self.seq(body, f)?;
                }
            }
            Node::Atomic(body) => self.look(LookKind::Atomic, 0, body, flags)?,
            Node::Repeat { min, max, kind, body } => self.repeat(*min, *max, *kind, body, flags)?,
            Node::GroupRef(g) => {
                let fold = if flags & p::FLAG_IGNORECASE != 0 { Some(mode_of(flags)) } else { None };
                self.emit(Op::Backref { group: *g, fold });
            }
            Node::Assert { behind, negate, body } => {
                let mut width = 0;
                if *behind {
                    let (lo, hi) = p::width(body, self.widths);
                    if lo > MAXCODE {
                        return Err(ReError::Re("looks too much behind".into(), None));
                    }
                    if lo != hi {
                        return Err(ReError::Re("look-behind requires fixed-width pattern".into(), None));
                    }
                    width = lo as usize;
                }
                let kind = match (behind, negate) {
                    (false, false) => LookKind::Ahead,
                    (false, true) => LookKind::NotAhead,
                    (true, false) => LookKind::Behind,
                    (true, true) => LookKind::NotBehind,
                };
                self.look(kind, width, body, flags)?;
            }
            Node::GroupExists { group, yes, no } => {
                let test = self.emit(Op::GroupExists { group: *group, no: 0 });
                self.seq(yes, flags)?;
                match no {
                    Some(no) => {
                        let j = self.emit(Op::Jmp(0));
                        let no_at = self.code.len();
                        self.seq(no, flags)?;
                        let end = self.code.len();
                        self.code[j] = Op::Jmp(end);
                        self.code[test] = Op::GroupExists { group: *group, no: no_at };
                    }
                    None => {
                        let end = self.code.len();
                        self.code[test] = Op::GroupExists { group: *group, no: end };
                    }
                }
            }
        }
        Ok(())
    }

    fn repeat(&mut self, min: u64, max: u64, kind: RepKind, body: &[Node], flags: u32) -> Result<(), ReError> {
        if flags & p::FLAG_TEMPLATE != 0 {
            let name = match kind {
                RepKind::Greedy => "MAX_REPEAT",
                RepKind::Lazy => "MIN_REPEAT",
                RepKind::Possessive => "POSSESSIVE_REPEAT",
            };
            return Err(ReError::Re(format!("internal: unsupported template operator {name}"), None));
        }
        if let Some(item) = self.simple(body, flags) {
            self.emit(Op::RepeatOne { item, min, max, kind });
            return Ok(());
        }
        let atomic_at = if kind == RepKind::Possessive { Some(self.emit(Op::Look { kind: LookKind::Atomic, width: 0, end: 0 })) } else { None };
        let id = self.nreps;
        self.nreps += 1;
        self.emit(Op::RepInit(id));
        let check = self.emit(Op::RepCheck { id, min, max, greedy: kind != RepKind::Lazy, exit: 0 });
        if kind == RepKind::Possessive {
            self.look(LookKind::Atomic, 0, body, flags)?;
        } else {
            self.seq(body, flags)?;
        }
        self.emit(Op::Jmp(check));
        let exit = self.code.len();
        self.code[check] = Op::RepCheck { id, min, max, greedy: kind != RepKind::Lazy, exit };
        if let Some(at) = atomic_at {
            self.emit(Op::LookEnd);
            let end = self.code.len();
            self.code[at] = Op::Look { kind: LookKind::Atomic, width: 0, end };
        }
        Ok(())
    }
}

/// A literal prefix of every match (case-sensitive literals only), and whether every match
/// starts at the beginning of the string.
fn prefix_of(code: &[Op]) -> (Vec<u32>, bool) {
    let mut out = Vec::new();
    let mut pc = 0;
    if let Some(Op::At(AtOp::Beginning)) = code.first() {
        return (out, true);
    }
    while let Some(op) = code.get(pc) {
        match op {
            Op::One(Item::Char(c)) => out.push(*c),
            Op::Save(_) => {}
            _ => break,
        }
        pc += 1;
    }
    (out, false)
}

/// Items one of which every match's first character must match, found by following the
/// program from `pc` through group marks, jumps and alternatives to the first consuming
/// item of each path. None when a path can match the empty string or starts otherwise.
fn firsts(code: &[Op], mut pc: usize, depth: usize, out: &mut Vec<Item>) -> Option<()> {
    if depth > 16 || out.len() > 16 {
        return None;
    }
    loop {
        match code.get(pc)? {
            Op::Save(_) => pc += 1,
            Op::Jmp(t) => pc = *t,
            Op::One(item) => {
                out.push(*item);
                return Some(());
            }
            Op::RepeatOne { item, min, .. } if *min >= 1 => {
                out.push(*item);
                return Some(());
            }
            Op::Split(t) => {
                firsts(code, pc + 1, depth + 1, out)?;
                pc = *t;
            }
            _ => return None,
        }
    }
}

/// Compile a parsed pattern.
pub fn compile(parsed: Parsed) -> Result<Program, ReError> {
    let mut c = Compiler { code: Vec::new(), sets: Vec::new(), nreps: 0, widths: &parsed.widths };
    c.seq(&parsed.seq, parsed.flags)?;
    c.emit(Op::Match);
    let (prefix, anchored) = prefix_of(&c.code);
    let mut first = Vec::new();
    if firsts(&c.code, 0, 0, &mut first).is_none() {
        first.clear();
    }
    let mut slot_groups = parsed.groups;
    for op in &c.code {
        let g = match op {
            Op::Save(s) => s / 2,
            Op::Backref { group, .. } | Op::GroupExists { group, .. } => *group,
            _ => 0,
        };
        slot_groups = slot_groups.max(g + 1);
    }
    Ok(Program { code: c.code, sets: c.sets, groups: parsed.groups, slot_groups, nreps: c.nreps, flags: parsed.flags, names: parsed.names, prefix, anchored, first })
}
