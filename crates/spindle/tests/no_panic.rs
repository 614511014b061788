//! Hostile-input test: spindle must survive anything thrown at it.
//!
//! Runs every `tests/hostile/*.py` plus a set of inputs generated here at run
//! time (too large to check in: 100k-deep brackets, 5000-level `if` nesting,
//! megabyte lines, ...) and requires, for each one, that spindle
//! - exits within 20 s,
//! - with a normal exit status (any code, but not killed by a signal), and
//! - writes none of "panicked", "RUST_BACKTRACE", "stack overflow",
//!   "fatal runtime error" to stderr.
//!
//! Output is not compared: a SyntaxError, RecursionError or MemoryError is a
//! fine answer; a crash is not.
//!
//! Environment: `SPINDLE_BIN` runs another executable instead of the built
//! `spindle` (e.g. a wrapper that execs python3); `SPINDLE_HOSTILE_FILTER`
//! runs only the cases whose name contains the substring.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);
const FORBIDDEN: [&str; 4] = ["panicked", "RUST_BACKTRACE", "stack overflow", "fatal runtime error"];
/// Keep at most this much of stderr for the check (the markers come early or
/// late; keep both ends).
const KEEP: usize = 1 << 20;

fn repo_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    fs::canonicalize(manifest.join("../..")).expect("repository root")
}

fn spindle_bin() -> PathBuf {
    match std::env::var_os("SPINDLE_BIN") {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => PathBuf::from(env!("CARGO_BIN_EXE_spindle")),
    }
}

fn repeat(s: &str, n: usize) -> String {
    s.repeat(n)
}

/// Generated hostile sources: (file name, contents).
fn generated() -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = Vec::new();
    let mut add = |name: &str, src: String| v.push((name.to_string(), src.into_bytes()));
    let n = 100_000;
    add("gen_parens_100k.py", format!("x = {}1{}\nprint(x)\n", repeat("(", n), repeat(")", n)));
    add("gen_brackets_100k.py", format!("x = {}{}\nprint(x)\n", repeat("[", n), repeat("]", n)));
    add("gen_braces_100k.py", format!("x = {}{}\n", repeat("{", n), repeat("}", n)));
    add("gen_mixed_open_100k.py", format!("x = {}\n", repeat("([{", n / 3)));
    add("gen_unbalanced_close_100k.py", format!("x = 1{}\n", repeat(")]}", n / 3)));
    add("gen_unary_minus_100k.py", format!("print({}1)\n", repeat("-", n)));
    add("gen_not_chain_100k.py", format!("print({}True)\n", repeat("not ", n)));
    add("gen_invert_100k.py", format!("print({}0)\n", repeat("~", n)));
    add("gen_binop_chain_100k.py", format!("print(1{})\n", repeat(" + 1", n)));
    add("gen_compare_chain_50k.py", format!("print(0{})\n", repeat(" < 1", n / 2)));
    add("gen_attr_chain_100k.py", format!("x = object(){}\n", repeat(".a", n)));
    add("gen_subscript_chain_100k.py", format!("x = [0]{}\n", repeat("[0]", n)));
    add("gen_call_nest_100k.py", format!("print({}0{})\n", repeat("abs(", n), repeat(")", n)));
    add("gen_lambda_nest_10k.py", format!("f = {}0\nprint(f)\n", repeat("lambda: ", 10_000)));
    add(
        "gen_list_literal_nested_expr_50k.py",
        format!("x = {}1{}\nprint(len(str(x)))\n", repeat("[1, ", n / 2), repeat("]", n / 2)),
    );
    add(
        "gen_tuple_target_10k.py",
        format!("{}a{} = {}1{}\n", repeat("(", 10_000), repeat(",)", 10_000), repeat("(", 10_000), repeat(",)", 10_000)),
    );
    // 5000-level `if` nesting, one extra space per level.
    let mut ifs = String::new();
    for i in 0..5000 {
        ifs.push_str(&" ".repeat(i));
        ifs.push_str("if True:\n");
    }
    ifs.push_str(&" ".repeat(5000));
    ifs.push_str("print('deep')\n");
    add("gen_if_nesting_5000.py", ifs);
    // 1000-level nested function definitions.
    let mut defs = String::new();
    for i in 0..1000 {
        defs.push_str(&" ".repeat(i));
        defs.push_str(&format!("def f{i}():\n"));
    }
    defs.push_str(&" ".repeat(1000));
    defs.push_str("return 1\nprint('defined')\n");
    add("gen_def_nesting_1000.py", defs);
    // 200 nested for loops (CPython: "too many statically nested blocks").
    let mut fors = String::new();
    for i in 0..200 {
        fors.push_str(&"  ".repeat(i));
        fors.push_str(&format!("for v{i} in range(1):\n"));
    }
    fors.push_str(&"  ".repeat(200));
    fors.push_str("pass\n");
    add("gen_for_nesting_200.py", fors);
    // Huge literals and lines.
    add("gen_int_literal_100k_digits.py", format!("x = {}\nprint(x % 7)\n", repeat("9", n)));
    add("gen_float_literal_long.py", format!("x = 0.{}1\nprint(x)\n", repeat("0", n)));
    add("gen_string_literal_4mb.py", format!("s = '{}'\nprint(len(s))\n", repeat("x", 4 << 20)));
    add("gen_long_line_1mb.py", format!("x = [{}]\nprint(len(x))\n", repeat("1,", 500_000)));
    add("gen_many_lines_200k.py", format!("{}print(x)\n", repeat("x = 1\n", 200_000)));
    add("gen_many_names_50k.py", {
        let mut s = String::new();
        for i in 0..50_000 {
            s.push_str(&format!("v{i} = {i}\n"));
        }
        s.push_str("print(v49999)\n");
        s
    });
    add("gen_long_identifier.py", format!("{0} = 1\nprint({0})\n", repeat("a", 1 << 20)));
    add("gen_many_string_concat.py", format!("s = {}''\nprint(len(s))\n", repeat("'ab' ", 50_000)));
    add("gen_fstring_nested_braces.py", format!("x = 1\nprint(f'{}x{}')\n", repeat("{", 1000), repeat("}", 1000)));
    add("gen_comment_1mb.py", format!("#{}\nprint('after comment')\n", repeat("c", 1 << 20)));
    add("gen_deep_indent_only.py", format!("{}x = 1\n", repeat(" ", 1 << 20)));
    add("gen_exec_deep_parens.py", "try:\n    exec('(' * 100000 + ')' * 100000)\nexcept BaseException as e:\n    print(type(e).__name__)\nprint('alive')\n".to_string());
    add("gen_eval_deep_list.py", "try:\n    print(len(str(eval('[' * 50000 + ']' * 50000))))\nexcept BaseException as e:\n    print(type(e).__name__)\nprint('alive')\n".to_string());
    add(
        "gen_compile_deep_binop.py",
        "try:\n    compile('1' + '+1' * 200000, 's', 'eval')\n    print('compiled')\nexcept BaseException as e:\n    print(type(e).__name__)\n"
            .to_string(),
    );
    // Raw bytes: NULs, invalid UTF-8, lone surrogates encoded, truncated UTF-8.
    v.push(("gen_all_bytes.py".into(), (0u8..=255).cycle().take(4096).collect()));
    v.push(("gen_truncated_utf8.py".into(), b"x = '\xe6\x97'\nprint(x)\n".to_vec()));
    v.push(("gen_encoded_surrogate.py".into(), b"x = '\xed\xa0\x80'\nprint(x)\n".to_vec()));
    v.push(("gen_overlong_utf8.py".into(), b"x = '\xc0\xaf'\nprint(x)\n".to_vec()));
    v.push(("gen_nul_in_middle.py".into(), b"print(1)\n\0\0\0\nprint(2)\n".to_vec()));
    v.push(("gen_only_nuls.py".into(), vec![0u8; 10_000]));
    v.push(("gen_cr_only_lines.py".into(), b"x = 1\ry = 2\rprint(x + y)\r".to_vec()));
    v.push(("gen_form_feed_indent.py".into(), b"if True:\n\x0c    x = 1\n  \x0c  print(x)\n".to_vec()));
    v.push(("gen_empty.py".into(), Vec::new()));
    v
}

struct Outcome {
    name: String,
    problem: Option<String>,
}

fn keep_ends(mut r: impl Read) -> Vec<u8> {
    let mut head = Vec::new();
    let mut tail: Vec<u8> = Vec::new();
    let mut buf = [0u8; 64 * 1024];
    loop {
        match r.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                if head.len() < KEEP {
                    let take = n.min(KEEP - head.len());
                    head.extend_from_slice(&buf[..take]);
                    tail.extend_from_slice(&buf[take..n]);
                } else {
                    tail.extend_from_slice(&buf[..n]);
                }
                if tail.len() > 2 * KEEP {
                    tail.drain(..tail.len() - KEEP);
                }
            }
        }
    }
    head.extend_from_slice(&tail);
    head
}

fn run(bin: &Path, script: &Path) -> Option<String> {
    let dir = script.parent().unwrap();
    let mut child = match Command::new(bin)
        .arg(script.file_name().unwrap())
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONIOENCODING", "utf-8")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env_remove("PYTHONPATH")
        .env_remove("RUST_BACKTRACE")
        .spawn()
    {
        Ok(c) => c,
        Err(e) => return Some(format!("cannot start {}: {e}", bin.display())),
    };
    let err_pipe = child.stderr.take().unwrap();
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let _ = tx.send(keep_ends(err_pipe));
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break Some(s),
            Ok(None) if start.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => thread::sleep(Duration::from_millis(10)),
            Err(e) => return Some(format!("wait failed: {e}")),
        }
    };
    // A grandchild may still hold the pipe open after a kill: do not wait forever.
    let stderr = rx.recv_timeout(Duration::from_secs(5)).unwrap_or_default();
    let stderr = String::from_utf8_lossy(&stderr);
    let mut problems = Vec::new();
    match status {
        None => problems.push(format!("timed out after {}s", TIMEOUT.as_secs())),
        Some(s) if s.code().is_none() => problems.push(format!("killed: {s}")),
        Some(_) => {}
    }
    for word in FORBIDDEN {
        if let Some(pos) = stderr.find(word) {
            let line_start = stderr[..pos].rfind('\n').map_or(0, |i| i + 1);
            let line_end = stderr[pos..].find('\n').map_or(stderr.len(), |i| pos + i);
            let line: String = stderr[line_start..line_end].chars().take(300).collect();
            problems.push(format!("stderr contains {word:?}: {line}"));
        }
    }
    (!problems.is_empty()).then(|| problems.join("\n    "))
}

#[test]
fn hostile_inputs_do_not_crash() {
    let root = repo_root();
    let bin = spindle_bin();
    let filter = std::env::var("SPINDLE_HOSTILE_FILTER").unwrap_or_default();

    let mut cases: Vec<PathBuf> = fs::read_dir(root.join("tests/hostile"))
        .expect("tests/hostile")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    let tmp = std::env::temp_dir().join(format!("spindle-hostile-{}", std::process::id()));
    let _ = fs::remove_dir_all(&tmp);
    fs::create_dir_all(&tmp).expect("temp dir");
    for (name, contents) in generated() {
        let p = tmp.join(&name);
        fs::write(&p, contents).expect("write generated case");
        cases.push(p);
    }
    cases.retain(|p| p.file_name().unwrap().to_string_lossy().contains(&filter));
    cases.sort();

    let threads = thread::available_parallelism().map_or(2, |n| n.get()).clamp(2, 8);
    let next = AtomicUsize::new(0);
    let results = Mutex::new(Vec::new());
    thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(case) = cases.get(i) else { break };
                let problem = run(&bin, case);
                let name = case.file_name().unwrap().to_string_lossy().into_owned();
                results.lock().unwrap().push(Outcome { name, problem });
            });
        }
    });
    let _ = fs::remove_dir_all(&tmp);
    let mut results = results.into_inner().unwrap();
    results.sort_by(|a, b| a.name.cmp(&b.name));
    let failures: Vec<_> = results.iter().filter(|o| o.problem.is_some()).collect();
    let mut report = String::new();
    for f in &failures {
        report.push_str(&format!("CRASH {}\n    {}\n", f.name, f.problem.as_deref().unwrap()));
    }
    let summary = format!(
        "no_panic: {} survived, {} crashed (of {} hostile inputs)",
        results.len() - failures.len(),
        failures.len(),
        results.len()
    );
    // Straight to stderr: visible even when libtest captures print! output.
    {
        use std::io::Write;
        let _ = writeln!(std::io::stderr().lock(), "{report}{summary}");
    }
    assert!(failures.is_empty(), "{report}{summary}");
}
