//! The compiler against the golden corpus: every program python3 runs without a SyntaxError
//! must compile, and every program whose expected stderr reports a SyntaxError (or
//! IndentationError/TabError) must be rejected with that error class.

use std::path::{Path, PathBuf};

fn programs(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
        if name.starts_with('_') {
            continue;
        }
        if p.is_dir() {
            programs(&p, out);
        } else if name.ends_with(".py") {
            out.push(p);
        }
    }
}

fn expected_syntax_error(py: &Path) -> Option<&'static str> {
    let err = std::fs::read_to_string(py.with_extension("err")).ok()?;
    let last = err.lines().last()?;
    // Only errors reported at compile time (no traceback before them).
    if err.contains("Traceback (most recent call last)") {
        return None;
    }
    ["TabError", "IndentationError", "SyntaxError"].into_iter().find(|k| last.starts_with(&format!("{k}:")))
}

#[test]
fn corpus_compiles_as_python3_does() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/programs");
    let mut files = Vec::new();
    programs(&root, &mut files);
    files.sort();
    assert!(files.len() > 100, "corpus not found at {}", root.display());
    let mut failures = Vec::new();
    for f in &files {
        let src = match std::fs::read_to_string(f) {
            Ok(s) => s,
            Err(_) => continue,
        };
        let r = spindle_compiler::compile_source(&src, &f.display().to_string());
        match (expected_syntax_error(f), r) {
            (None, Ok(_)) | (Some(_), Err(_)) => {}
            (None, Err(e)) => failures.push(format!("{}: unexpected {:?} error: {} (line {})", f.display(), e.kind, e.message, e.lineno)),
            (Some(k), Ok(_)) => failures.push(format!("{}: expected {k}, compiled fine", f.display())),
        }
    }
    let total = files.len();
    println!("corpus: {} compiled as expected, {} differ", total - failures.len(), failures.len());
    // Known gaps: features the compiler reports as not supported yet are listed here by name.
    let known: Vec<String> = std::fs::read_to_string(root.join("../compiler_known_gaps.txt")).unwrap_or_default().lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(|l| l.split_whitespace().next().unwrap_or("").to_string()).collect();
    let unexpected: Vec<&String> = failures.iter().filter(|f| !known.iter().any(|k| f.contains(k.as_str()))).collect();
    assert!(unexpected.is_empty(), "compiler disagrees with python3 on:\n{}", unexpected.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n"));
}

#[test]
fn syntax_error_reports_position_and_text() {
    let e = spindle_compiler::compile_source("x = (1,\n", "t.py").unwrap_err();
    assert_eq!(e.message, "'(' was never closed");
    assert_eq!((e.lineno, e.offset), (1, 5));
    // As CPython's compile(): the tokenizer's buffer, with its newline, for the last line.
    assert_eq!(e.text.as_deref(), Some("x = (1,\n"));
}

#[test]
fn scope_errors_are_syntax_errors() {
    for (src, msg) in [
        ("return 1\n", "'return' outside function"),
        ("break\n", "'break' outside loop"),
        ("def f():\n    x = 1\n    global x\n", "name 'x' is assigned to before global declaration"),
        ("nonlocal x\n", "nonlocal declaration not allowed at module level"),
    ] {
        let e = spindle_compiler::compile_source(src, "t.py").unwrap_err();
        assert_eq!(e.message, msg, "for {src:?}");
    }
}

#[test]
fn closures_get_cells_and_free_variables() {
    let co = spindle_compiler::compile_source("def f():\n    x = 1\n    def g():\n        return x\n    return g\n", "t.py").unwrap();
    let f = co.consts.iter().find_map(|c| match c { spindle_compiler::bytecode::Constant::Code(c) => Some(c.clone()), _ => None }).unwrap();
    assert_eq!(f.cellvars, vec!["x".to_string()]);
    let g = f.consts.iter().find_map(|c| match c { spindle_compiler::bytecode::Constant::Code(c) => Some(c.clone()), _ => None }).unwrap();
    assert_eq!(g.freevars, vec!["x".to_string()]);
}

#[test]
fn hostile_nesting_is_rejected_not_overflowed() {
    let deep = format!("x = {}1{}\n", "(".repeat(100_000), ")".repeat(100_000));
    let e = spindle_compiler::compile_source(&deep, "t.py").unwrap_err();
    assert_eq!(e.message, "too many nested parentheses");
}
