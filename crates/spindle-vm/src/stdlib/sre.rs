//! `_sre`: the native half of `re` (`lib/re.py` holds the module functions, flags, the
//! pattern cache and replacement-template parsing). `compile(pattern, flags, error, warn)`
//! parses (`sre_parse`) and compiles (`sre_compile`) a pattern into a `re.Pattern`
//! (`sre_pattern`), whose methods run the matcher (`sre_match`) and make `re.Match` objects
//! (`sre_matchobj`). Parse errors raise `error(msg, pattern, pos)` (the `re.error` class
//! passed in); warnings (nested sets, bytes group names) are issued by calling
//! `warn(category name, message)`, also when the pattern then turns out to be invalid.

use crate::object::{ObjRef, Payload};
use crate::stdlib::sre_compile;
use crate::stdlib::sre_parse::{self, ReError};
use crate::stdlib::sre_pattern::{new_pattern, pattern_type, PatternObj};
use crate::stdlib::module_with;
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyErr, PyResult};
use std::sync::Arc;

fn re_error(vm: &mut Vm, err: ReError, pattern: &Value, error_cls: &Value) -> PyErr {
    match err {
        ReError::Re(msg, pos) => {
            let m = vm.new_string(msg);
            // Errors found after parsing (lookbehind width) carry no position nor pattern.
            let (pat, p) = match pos {
                Some(p) => (pattern.clone(), Value::Int(p as i64)),
                None => (Value::None, Value::None),
            };
            match vm.call(error_cls, &[m, pat, p], &[]) {
                Ok(e) => match e.as_obj() {
                    Some(o) => PyErr(o.clone()),
                    None => vm.type_error("re.error could not be created"),
                },
                Err(e) => e,
            }
        }
        ReError::Overflow(m) => vm.overflow_error(&m),
        ReError::Value(m) => vm.value_error(&m),
        ReError::Recursion => vm.recursion_error(),
        ReError::NotImplemented(m) => vm.not_implemented_error(&m),
    }
}

fn compile(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() != 4 {
        return Err(vm.type_error("compile() takes 4 arguments (pattern, flags, error, warn)"));
    }
    let pattern = &a.args[0];
    let flags = crate::stdlib::posix::to_int(vm, &a.args[1])?;
    let (cps, is_text): (Vec<u32>, bool) = match pattern.as_obj().map(|o| &o.payload) {
        Some(Payload::Str(s)) => (s.as_str().chars().map(|c| c as u32).collect(), true),
        Some(Payload::Bytes(b)) => (b.iter().map(|&c| c as u32).collect(), false),
        _ => return Err(vm.type_error("first argument must be string or compiled pattern")),
    };
    let mut warnings = Vec::new();
    let result = sre_parse::parse(&cps, is_text, flags as u32, &mut warnings).and_then(sre_compile::compile);
    for (kind, msg) in &warnings {
        let k = vm.new_str(if *kind == sre_parse::Warn::Future { "FutureWarning" } else { "DeprecationWarning" });
        let m = vm.new_str(msg);
        vm.call(&a.args[3], &[k, m], &[])?;
    }
    match result {
        Ok(prog) => Ok(new_pattern(PatternObj { prog: Arc::new(prog), is_text: Some(is_text), pattern: pattern.clone() })),
        Err(e) => Err(re_error(vm, e, pattern, &a.args[2])),
    }
}

/// `compile_scanner(phrases, flags, error, warn)`: `re.Scanner`'s pattern, as CPython builds
/// it: each phrase parsed on its own (its groups numbered from 1) and wrapped in group i,
/// the alternation compiled with the flags as given (no implied re.UNICODE), no source.
fn compile_scanner(vm: &mut Vm, a: Args) -> PyResult {
    if a.args.len() != 4 {
        return Err(vm.type_error("compile_scanner() takes 4 arguments (phrases, flags, error, warn)"));
    }
    let phrases = vm.collect(&a.args[0])?;
    let flags = crate::stdlib::posix::to_int(vm, &a.args[1])? as u32;
    let mut alts = Vec::new();
    for (i, phrase) in phrases.iter().enumerate() {
        let (cps, is_text): (Vec<u32>, bool) = match phrase.as_obj().map(|o| &o.payload) {
            Some(Payload::Str(s)) => (s.as_str().chars().map(|c| c as u32).collect(), true),
            Some(Payload::Bytes(b)) => (b.iter().map(|&c| c as u32).collect(), false),
            _ => return Err(vm.type_error("first argument must be string or compiled pattern")),
        };
        let mut warnings = Vec::new();
        let parsed = sre_parse::parse(&cps, is_text, flags, &mut warnings);
        for (kind, msg) in &warnings {
            let k = vm.new_str(if *kind == sre_parse::Warn::Future { "FutureWarning" } else { "DeprecationWarning" });
            let m = vm.new_str(msg);
            vm.call(&a.args[3], &[k, m], &[])?;
        }
        let parsed = parsed.map_err(|e| re_error(vm, e, phrase, &a.args[2]))?;
        alts.push(vec![sre_parse::Node::Group { index: Some(i + 1), add: 0, del: 0, body: parsed.seq }]);
    }
    let n = alts.len();
    if n == 0 {
        // CPython's compiler produces code its validator refuses.
        return Err(vm.runtime_error("invalid SRE code"));
    }
    let seq = if n == 1 { alts.pop().unwrap_or_default() } else { vec![sre_parse::Node::Branch(alts)] };
    let parsed = sre_parse::Parsed { seq, flags, groups: n + 1, names: Vec::new(), widths: vec![(0, sre_parse::MAXWIDTH); n + 1] };
    match sre_compile::compile(parsed) {
        Ok(prog) => {
            // CPython's code validator refuses marks and references past the groups it
            // counts (one per phrase; marks may reach one group further).
            let bad = prog.code.iter().any(|op| match op {
                sre_compile::Op::Save(s) => s / 2 > n + 1,
                sre_compile::Op::Backref { group, .. } | sre_compile::Op::GroupExists { group, .. } => *group > n,
                _ => false,
            });
            if bad {
                return Err(vm.runtime_error("invalid SRE code"));
            }
            Ok(new_pattern(PatternObj { prog: Arc::new(prog), is_text: None, pattern: Value::None }))
        }
        Err(e) => Err(re_error(vm, e, &Value::None, &a.args[2])),
    }
}

pub fn create(vm: &mut Vm) -> ObjRef {
    let m = module_with(vm, "_sre", &[("compile", compile), ("compile_scanner", compile_scanner)]);
    crate::stdlib::set_attr(vm, &m, "MAXREPEAT", Value::Int(sre_parse::MAXREPEAT as i64));
    crate::stdlib::set_attr(vm, &m, "MAXGROUPS", Value::Int(sre_parse::MAXGROUPS as i64));
    let pt = Value::Obj(pattern_type().clone());
    crate::stdlib::set_attr(vm, &m, "Pattern", pt);
    let mt = Value::Obj(crate::stdlib::sre_matchobj::match_type().clone());
    crate::stdlib::set_attr(vm, &m, "Match", mt);
    m
}
