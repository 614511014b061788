//! "Did you mean" suggestions for uncaught `NameError` and `AttributeError`, as CPython 3.11's
//! Python/suggestions.c: the closest candidate by a Levenshtein distance where a case flip costs
//! 1 and any other edit 2, within a third of the characters involved.

use crate::object::{ObjRef, Payload};
use crate::types::types;
use crate::value::Value;
use crate::vm::Vm;

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// Edit distance between two UTF-8 strings (bytewise, as CPython), or `max_cost + 1` when it
/// certainly exceeds `max_cost`.
fn levenshtein<'a>(mut a: &'a [u8], mut b: &'a [u8], max_cost: usize) -> usize {
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut buffer = [0usize; MAX_STRING_SIZE];
    for (i, slot) in buffer.iter_mut().enumerate().take(a.len()) {
        *slot = (i + 1) * MOVE_COST;
    }
    let mut result = 0;
    for (b_index, &code) in b.iter().enumerate() {
        let mut distance = b_index * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (index, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = buffer[index];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[index] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The best candidate for `name` among `dir`, or None (also when a candidate is not a str).
fn calculate(dir: &[Value], name: &str) -> Option<String> {
    if dir.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<&str> = None;
    let mut best_distance = usize::MAX;
    for item in dir {
        let s: &str = item.as_str()?;
        if s == name {
            continue;
        }
        let max_distance = ((name.len() + s.len() + 3) * MOVE_COST / 6).min(best_distance.saturating_sub(1));
        let d = levenshtein(name.as_bytes(), s.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.is_none() || d < best_distance {
            best = Some(s);
            best_distance = d;
        }
    }
    best.map(|s| s.to_string())
}

/// An attribute the runtime or the constructor stored on the exception (None: never set).
fn stored(exc: &ObjRef, key: &str) -> Option<Value> {
    exc.instance_dict().and_then(|d| crate::types::dict::dict_get_str(d, key))
}

/// The suggestion CPython appends to an uncaught exception's message (`. Did you mean: 'x'?`),
/// for exactly `AttributeError` and `NameError` (not their subclasses).
pub fn offer(vm: &mut Vm, exc: &ObjRef) -> Option<String> {
    let t = types();
    if exc.cls.is(&t.exc.attribute_error) {
        let name = stored(exc, "name")?;
        let obj = stored(exc, "obj")?;
        let name = name.as_str()?.to_string();
        let dir = crate::builtins::dir_of(vm, &obj).ok()?;
        return calculate(&dir, &name);
    }
    if exc.cls.is(&t.exc.name_error) {
        let name = stored(exc, "name")?;
        let name = name.as_str()?.to_string();
        let tb = crate::exceptions::exc_data(exc)?.lock().traceback.clone();
        // The innermost traceback entry: where the name was looked up.
        let mut cur = tb;
        let mut last = None;
        while let Value::Obj(o) = &cur {
            let Payload::Traceback(d) = &o.payload else { break };
            last = Some(o.clone());
            cur = d.next.clone();
        }
        let last = last?;
        let Payload::Traceback(d) = &last.payload else { return None };
        let varnames: Vec<Value> = d.code.varnames.iter().map(|v| Value::Obj(v.clone())).collect();
        if let Some(s) = calculate(&varnames, &name) {
            return Some(s);
        }
        for ns in [&d.globals, &d.builtins] {
            let keys = crate::types::dict::dict_keys(ns);
            if let Some(s) = calculate(&keys, &name) {
                return Some(s);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(levenshtein(b"countr", b"counter", 100), 2);
        assert_eq!(levenshtein(b"abc", b"ABC", 100), 3);
        assert_eq!(levenshtein(b"balanse", b"balance", 100), 2);
        assert_eq!(levenshtein(b"", b"abc", 100), 6);
    }
}
