//! Pickle compatibility with CPython, both ways: runs `tests/pickle_compat/cross.py` under
//! `spindle` and under `python3` (`SPINDLE_PYTHON` overrides the name) and checks that
//! - what python3 pickles (protocols 2-5 and the default), spindle loads to equal values;
//! - what spindle pickles, python3 loads to equal values;
//! - spindle writes exactly CPython's bytes, except for the cases `corpus.py` explains.
//!
//! python3 is a test dependency (CI has it): without it this test fails rather than passes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn repo_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::canonicalize(manifest.join("../..")).expect("repository root")
}

fn python() -> String {
    std::env::var("SPINDLE_PYTHON").unwrap_or_else(|_| "python3".to_string())
}

/// Run `exe cross.py args` in tests/pickle_compat with `stdin`; (exit ok, stdout, stderr).
fn run(exe: &str, args: &[&str], stdin: &[u8]) -> (bool, String, String) {
    let dir = repo_root().join("tests/pickle_compat");
    let mut child = Command::new(exe)
        .arg("cross.py")
        .args(args)
        .current_dir(&dir)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env_remove("PYTHONPATH")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {exe}: {e}"));
    let mut input = child.stdin.take().expect("stdin");
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("wait");
    let _ = writer.join();
    (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn tail(s: &str) -> String {
    let lines: Vec<&str> = s.lines().collect();
    lines[lines.len().saturating_sub(30)..].join("\n")
}

#[test]
fn pickle_round_trips_with_cpython() {
    let spindle = env!("CARGO_BIN_EXE_spindle");
    let py = python();

    let (ok, py_dump, err) = run(&py, &["dump"], b"");
    assert!(ok, "python3 cross.py dump failed:\n{err}");
    let (ok, sp_dump, err) = run(spindle, &["dump"], b"");
    assert!(ok, "spindle cross.py dump failed:\n{}\n{}", tail(&sp_dump), tail(&err));

    let mut failures = Vec::new();
    let (ok, out, err) = run(spindle, &["load"], py_dump.as_bytes());
    eprintln!("python3 -> spindle: {}", out.lines().last().unwrap_or(""));
    if !ok {
        failures.push(format!("spindle could not load python3's pickles:\n{}\n{}", tail(&out), tail(&err)));
    }
    let (ok, out, err) = run(&py, &["load"], sp_dump.as_bytes());
    eprintln!("spindle -> python3: {}", out.lines().last().unwrap_or(""));
    if !ok {
        failures.push(format!("python3 could not load spindle's pickles:\n{}\n{}", tail(&out), tail(&err)));
    }

    let tmp = std::env::temp_dir().join(format!("spindle-pickle-compat-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).expect("temp dir");
    let (a, b) = (tmp.join("spindle.dump"), tmp.join("python3.dump"));
    std::fs::write(&a, &sp_dump).expect("write dump");
    std::fs::write(&b, &py_dump).expect("write dump");
    let (ok, out, err) = run(&py, &["compare", a.to_str().expect("utf-8 path"), b.to_str().expect("utf-8 path")], b"");
    eprintln!("bytes: {}", out.lines().last().unwrap_or(""));
    if !ok {
        failures.push(format!("spindle's pickles differ from CPython's bytes:\n{}\n{}", tail(&out), tail(&err)));
    }
    let _ = std::fs::remove_dir_all(&tmp);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
