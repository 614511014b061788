//! `re` matcher: runs a compiled program (`sre_compile.rs`) over a text by backtracking, with
//! an explicit stack (no Rust recursion, however deep the pattern or long the text) and
//! CPython's semantics: alternatives and repeats tried in sre's order, an iteration of a
//! general repeat that matched the empty string at the position where the previous one
//! started ends the repeat, lookarounds and atomic groups keep only their first match,
//! captures are undone on backtracking (positive lookarounds keep theirs).

use crate::stdlib::sre_chars::{self, Mode};
use crate::stdlib::sre_compile::{AtOp, Item, LookKind, Op, Program};
use crate::stdlib::sre_parse::{RepKind, MAXREPEAT};

/// Characters of the subject: bytes, or code points (ASCII strings use their bytes).
pub trait Text {
    fn len(&self) -> usize;
    fn at(&self, i: usize) -> u32;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Text for [u8] {
    #[inline]
    fn len(&self) -> usize {
        <[u8]>::len(self)
    }
    #[inline]
    fn at(&self, i: usize) -> u32 {
        self[i] as u32
    }
}

impl Text for [u32] {
    #[inline]
    fn len(&self) -> usize {
        <[u32]>::len(self)
    }
    #[inline]
    fn at(&self, i: usize) -> u32 {
        self[i]
    }
}

/// Unset capture slot.
pub const NONE: usize = usize::MAX;

/// Why a match stopped without an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The interrupt check asked to stop (a signal is pending).
    Interrupted,
    /// The backtracking stack could not grow.
    NoMemory,
}

/// A backtracking entry: a choice point to resume, or state to restore on the way back.
#[derive(Clone, Copy)]
enum Bt {
    Alt { pc: usize, pos: usize },
    Slot { slot: usize, old: usize, lastindex: usize },
    Rep { id: usize, count: u64, last: usize },
    /// A greedy one-character repeat (op at `op`) that matched `count` items from `base`.
    GreedyOne { op: usize, base: usize, count: u64 },
    /// A lazy one-character repeat (op at `op`) that matched `count` items, ending at `pos`.
    LazyOne { op: usize, pos: usize, count: u64 },
    /// Another iteration of lazy repeat `id` (body at `pc`) from `pos`.
    LazyRep { id: usize, pc: usize, pos: usize },
    /// Start of a lookaround or atomic group (op at `op`), entered at `pos`.
    Barrier { op: usize, pos: usize },
}

pub struct Matcher<'a, T: Text + ?Sized> {
    prog: &'a Program,
    text: &'a T,
    /// End of the subject (`endpos`).
    end: usize,
    /// Capture positions, two per group (group 0 included).
    pub slots: Vec<usize>,
    /// Last closed group (0: none).
    pub lastindex: usize,
    reps: Vec<(u64, usize)>,
    stack: Vec<Bt>,
    barriers: Vec<usize>,
    steps: u32,
    check: &'a mut dyn FnMut() -> bool,
}

#[inline]
fn item_ok(prog: &Program, item: Item, c: u32) -> bool {
    match item {
        Item::Char(x) => c == x,
        Item::NotChar(x) => c != x,
        Item::CharIA(x) => sre_chars::lower_ascii(c) == x,
        Item::NotCharIA(x) => sre_chars::lower_ascii(c) != x,
        Item::CharIU(x) => sre_chars::lower_unicode(c) == x,
        Item::NotCharIU(x) => sre_chars::lower_unicode(c) != x,
        Item::Any => c != b'\n' as u32,
        Item::AnyAll => true,
        Item::Set(i) => prog.sets[i as usize].contains(c),
    }
}

fn unbounded(max: u64) -> bool {
    max == MAXREPEAT
}

impl<'a, T: Text + ?Sized> Matcher<'a, T> {
    /// A matcher of `prog` over `text[..end]`; `check` is called now and then during long
    /// matches and stops the match when it returns false.
    pub fn new(prog: &'a Program, text: &'a T, end: usize, check: &'a mut dyn FnMut() -> bool) -> Self {
        let end = end.min(text.len());
        Matcher { prog, text, end, slots: vec![NONE; prog.slot_groups * 2], lastindex: 0, reps: vec![(0, NONE); prog.nreps], stack: Vec::new(), barriers: Vec::new(), steps: 0, check }
    }

    pub fn end(&self) -> usize {
        self.end
    }

    #[inline]
    fn push(&mut self, e: Bt) -> Result<(), Stop> {
        if self.stack.len() == self.stack.capacity() && self.stack.try_reserve(self.stack.len().max(64)).is_err() {
            return Err(Stop::NoMemory);
        }
        self.stack.push(e);
        Ok(())
    }

    fn is_word(&self, mode: Mode, i: usize) -> bool {
        sre_chars::is_word(mode, self.text.at(i))
    }

    fn at_ok(&self, a: AtOp, pos: usize) -> bool {
        let end = self.end;
        let nl = b'\n' as u32;
        match a {
            AtOp::Beginning => pos == 0,
            AtOp::BeginningLine => pos == 0 || self.text.at(pos - 1) == nl,
            AtOp::End => pos == end || (pos + 1 == end && self.text.at(pos) == nl),
            AtOp::EndLine => pos == end || (pos < end && self.text.at(pos) == nl),
            AtOp::EndString => pos == end,
            AtOp::Boundary(m) | AtOp::NonBoundary(m) => {
                if end == 0 {
                    return false;
                }
                let before = pos > 0 && self.is_word(m, pos - 1);
                let here = pos < end && self.is_word(m, pos);
                (before != here) == matches!(a, AtOp::Boundary(_))
            }
        }
    }

    /// With a literal next, a greedy repeat gives back characters until that literal follows.
    fn skip_to_next_literal(&self, op: usize, base: usize, mut count: u64, min: u64) -> u64 {
        if let Some(Op::One(Item::Char(c))) = self.prog.code.get(op + 1) {
            while count > min {
                let p = base + count as usize;
                if p < self.end && self.text.at(p) == *c {
                    break;
                }
                count -= 1;
            }
        }
        count
    }

    /// Pop entries until a choice point; its (pc, pos), or None when none is left.
    fn backtrack(&mut self) -> Result<Option<(usize, usize)>, Stop> {
        while let Some(e) = self.stack.pop() {
            match e {
                Bt::Alt { pc, pos } => return Ok(Some((pc, pos))),
                Bt::Slot { slot, old, lastindex } => {
                    self.slots[slot] = old;
                    self.lastindex = lastindex;
                }
                Bt::Rep { id, count, last } => self.reps[id] = (count, last),
                Bt::GreedyOne { op, base, count } => {
                    let min = match self.prog.code[op] {
                        Op::RepeatOne { min, .. } => min,
                        _ => 0,
                    };
                    let c = self.skip_to_next_literal(op, base, count - 1, min);
                    if c > min {
                        self.push(Bt::GreedyOne { op, base, count: c })?;
                    }
                    return Ok(Some((op + 1, base + c as usize)));
                }
                Bt::LazyOne { op, pos, count } => {
                    let (item, max) = match self.prog.code[op] {
                        Op::RepeatOne { item, max, .. } => (item, max),
                        _ => continue,
                    };
                    if (unbounded(max) || count < max) && pos < self.end && item_ok(self.prog, item, self.text.at(pos)) {
                        let c = count + 1;
                        if unbounded(max) || c < max {
                            self.push(Bt::LazyOne { op, pos: pos + 1, count: c })?;
                        }
                        return Ok(Some((op + 1, pos + 1)));
                    }
                }
                Bt::LazyRep { id, pc, pos } => {
                    let max = match self.prog.code[pc - 1] {
                        Op::RepCheck { max, .. } => max,
                        _ => continue,
                    };
                    let (count, last) = self.reps[id];
                    if (!unbounded(max) && count >= max) || pos == last {
                        continue;
                    }
                    self.push(Bt::Rep { id, count, last })?;
                    self.reps[id] = (count + 1, pos);
                    return Ok(Some((pc, pos)));
                }
                Bt::Barrier { op, pos } => {
                    self.barriers.pop();
                    if let Op::Look { kind: LookKind::NotAhead | LookKind::NotBehind, end, .. } = self.prog.code[op] {
                        return Ok(Some((end, pos)));
                    }
                }
            }
        }
        Ok(None)
    }

    /// Drop the choice points above the barrier at `idx` (and the barrier), keeping the
    /// entries that restore state.
    fn cut(&mut self, idx: usize) {
        let mut w = idx;
        for r in idx + 1..self.stack.len() {
            let e = self.stack[r];
            if matches!(e, Bt::Slot { .. } | Bt::Rep { .. }) {
                self.stack[w] = e;
                w += 1;
            }
        }
        self.stack.truncate(w);
    }

    /// Undo the entries above the barrier at `idx` and remove it.
    fn unwind(&mut self, idx: usize) {
        while self.stack.len() > idx {
            match self.stack.pop() {
                Some(Bt::Slot { slot, old, lastindex }) => {
                    self.slots[slot] = old;
                    self.lastindex = lastindex;
                }
                Some(Bt::Rep { id, count, last }) => self.reps[id] = (count, last),
                _ => {}
            }
        }
    }

    /// Try to match at `start`. `full`: the match must end at the end; `must_advance`: an
    /// empty match at `start` does not count.
    pub fn run(&mut self, start: usize, full: bool, must_advance: bool) -> Result<bool, Stop> {
        self.stack.clear();
        self.barriers.clear();
        for s in self.slots.iter_mut() {
            *s = NONE;
        }
        self.lastindex = 0;
        let prog = self.prog;
        let code = &prog.code[..];
        let end = self.end;
        let mut pc = 0usize;
        let mut pos = start;
        loop {
            self.steps = self.steps.wrapping_add(1);
            if self.steps & 0xfffff == 0 && !(self.check)() {
                return Err(Stop::Interrupted);
            }
            let ok = match code[pc] {
                Op::One(item) => {
                    if pos < end && item_ok(prog, item, self.text.at(pos)) {
                        pos += 1;
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Op::At(a) => {
                    pc += 1;
                    self.at_ok(a, pos)
                }
                Op::Save(slot) => {
                    self.push(Bt::Slot { slot, old: self.slots[slot], lastindex: self.lastindex })?;
                    self.slots[slot] = pos;
                    if slot & 1 == 1 {
                        self.lastindex = slot / 2;
                    }
                    pc += 1;
                    true
                }
                Op::Jmp(t) => {
                    pc = t;
                    true
                }
                Op::Split(t) => {
                    self.push(Bt::Alt { pc: t, pos })?;
                    pc += 1;
                    true
                }
                Op::RepeatOne { item, min, max, kind } => {
                    let room = end.saturating_sub(pos) as u64;
                    if pos > end {
                        // Only reachable by match() with pos > endpos: sre fails here.
                        false
                    } else if kind == RepKind::Lazy {
                        if room < min {
                            false
                        } else {
                            let mut ok = true;
                            for i in 0..min as usize {
                                if !item_ok(prog, item, self.text.at(pos + i)) {
                                    ok = false;
                                    break;
                                }
                            }
                            if ok {
                                pos += min as usize;
                                if unbounded(max) || min < max {
                                    self.push(Bt::LazyOne { op: pc, pos, count: min })?;
                                }
                                pc += 1;
                            }
                            ok
                        }
                    } else {
                        let lim = if unbounded(max) { room } else { max.min(room) };
                        let mut n = 0u64;
                        while n < lim && item_ok(prog, item, self.text.at(pos + n as usize)) {
                            n += 1;
                        }
                        if n < min {
                            false
                        } else {
                            if kind == RepKind::Greedy {
                                n = self.skip_to_next_literal(pc, pos, n, min);
                                if n > min {
                                    self.push(Bt::GreedyOne { op: pc, base: pos, count: n })?;
                                }
                            }
                            pos += n as usize;
                            pc += 1;
                            true
                        }
                    }
                }
                Op::RepInit(id) => {
                    let (count, last) = self.reps[id];
                    self.push(Bt::Rep { id, count, last })?;
                    self.reps[id] = (0, NONE);
                    pc += 1;
                    true
                }
                Op::RepCheck { id, min, max, greedy, exit } => {
                    let (count, last) = self.reps[id];
                    if count < min {
                        self.push(Bt::Rep { id, count, last })?;
                        self.reps[id].0 = count + 1;
                        pc += 1;
                    } else if greedy {
                        if (unbounded(max) || count < max) && pos != last {
                            self.push(Bt::Alt { pc: exit, pos })?;
                            self.push(Bt::Rep { id, count, last })?;
                            self.reps[id] = (count + 1, pos);
                            pc += 1;
                        } else {
                            pc = exit;
                        }
                    } else {
                        self.push(Bt::LazyRep { id, pc: pc + 1, pos })?;
                        pc = exit;
                    }
                    true
                }
                Op::Backref { group, fold } => {
                    let (s, e) = (self.slots[2 * group], self.slots[2 * group + 1]);
                    if s == NONE || e == NONE || e < s || pos + (e - s) > end {
                        false
                    } else {
                        let n = e - s;
                        let mut ok = true;
                        for i in 0..n {
                            let (a, b) = (self.text.at(s + i), self.text.at(pos + i));
                            let same = match fold {
                                None => a == b,
                                Some(m) => sre_chars::lower(m, a) == sre_chars::lower(m, b),
                            };
                            if !same {
                                ok = false;
                                break;
                            }
                        }
                        if ok {
                            pos += n;
                            pc += 1;
                        }
                        ok
                    }
                }
                Op::Look { kind, width, end: after } => {
                    let behind = matches!(kind, LookKind::Behind | LookKind::NotBehind);
                    if behind && pos < width {
                        if kind == LookKind::NotBehind {
                            pc = after;
                            true
                        } else {
                            false
                        }
                    } else {
                        self.push(Bt::Barrier { op: pc, pos })?;
                        self.barriers.push(self.stack.len() - 1);
                        if behind {
                            pos -= width;
                        }
                        pc += 1;
                        true
                    }
                }
                Op::LookEnd => {
                    let idx = self.barriers.pop().unwrap_or(0);
                    let (op, saved) = match self.stack.get(idx) {
                        Some(Bt::Barrier { op, pos }) => (*op, *pos),
                        _ => return Ok(false),
                    };
                    let (kind, after) = match code[op] {
                        Op::Look { kind, end, .. } => (kind, end),
                        _ => return Ok(false),
                    };
                    match kind {
                        LookKind::Ahead | LookKind::Behind => {
                            self.cut(idx);
                            pos = saved;
                            pc = after;
                            true
                        }
                        LookKind::Atomic => {
                            self.cut(idx);
                            pc = after;
                            true
                        }
                        LookKind::NotAhead | LookKind::NotBehind => {
                            self.unwind(idx);
                            false
                        }
                    }
                }
                Op::GroupExists { group, no } => {
                    let (s, e) = (self.slots[2 * group], self.slots[2 * group + 1]);
                    if s != NONE && e != NONE && e >= s {
                        pc += 1;
                    } else {
                        pc = no;
                    }
                    true
                }
                Op::Match => {
                    if (full && pos != end) || (must_advance && pos == start) {
                        false
                    } else {
                        self.slots[0] = start;
                        self.slots[1] = pos;
                        return Ok(true);
                    }
                }
            };
            if !ok {
                match self.backtrack()? {
                    Some((p, q)) => {
                        pc = p;
                        pos = q;
                    }
                    None => return Ok(false),
                }
            }
        }
    }

    /// The first match starting at `pos` or later.
    pub fn search(&mut self, pos: usize, must_advance: bool) -> Result<bool, Stop> {
        let end = self.end;
        if pos > end {
            return Ok(false);
        }
        let prog = self.prog;
        if prog.anchored {
            return if pos == 0 { self.run(0, false, must_advance) } else { Ok(false) };
        }
        let mut s = pos;
        if let Some(&first) = prog.prefix.first() {
            let n = prog.prefix.len();
            while s + n <= end {
                if self.text.at(s) == first && (1..n).all(|i| self.text.at(s + i) == prog.prefix[i]) && self.run(s, false, must_advance && s == pos)? {
                    return Ok(true);
                }
                s += 1;
            }
            return Ok(false);
        }
        if !prog.first.is_empty() {
            // A match needs a first character matching one of `first`: skip to candidates.
            let first = &prog.first[..];
            loop {
                while s < end && !first.iter().any(|&f| item_ok(prog, f, self.text.at(s))) {
                    s += 1;
                }
                if s >= end {
                    return Ok(false);
                }
                if self.run(s, false, must_advance && s == pos)? {
                    return Ok(true);
                }
                s += 1;
            }
        }
        loop {
            if self.run(s, false, must_advance && s == pos)? {
                return Ok(true);
            }
            if s >= end {
                return Ok(false);
            }
            s += 1;
        }
    }
}
