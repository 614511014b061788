//! Golden-program harness: runs every program under `tests/programs` with the
//! `spindle` binary and compares stdout, stderr and the exit status byte for
//! byte with the expectations that `tests/gen_expected.py` recorded from
//! CPython 3.11.
//!
//! Rules shared with `tests/gen_expected.py` (keep the two in step):
//! - a program is a `.py` file whose name does not start with `_` and which is
//!   not inside a directory whose name starts with `_` (support modules);
//! - it runs with its own directory as cwd, stdin from `NAME.in` (else empty),
//!   `PYTHONHASHSEED=0`, `PYTHONIOENCODING=utf-8`;
//! - the absolute path of the program's directory is replaced by `$DIR` in all
//!   three streams; `NAME.err` / `NAME.code` absent means empty / 0.
//!
//! Environment:
//! - `SPINDLE_BIN`: run this executable instead of the built `spindle`
//!   (e.g. a wrapper that execs python3, to test the harness itself);
//! - `SPINDLE_GOLDEN_FILTER`: only run programs whose path (relative to the
//!   repository root) contains this substring.
//!
//! `tests/known_failures.txt` lists programs expected to fail (one per line:
//! `tests/programs/area/NAME.py  reason`, `#` starts a comment). Listed
//! failures are reported but tolerated; listed programs that pass are reported
//! as "now passing". Unlisted failures fail the test.

use std::collections::BTreeMap;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);
/// At most this many bytes of each stream are kept (a runaway program must
/// not exhaust memory); the rest is drained and dropped.
const MAX_CAPTURE: usize = 8 << 20;
/// How many lines of context to show around the first difference.
const SHOW_LINES: usize = 6;

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

/// All programs under `dir`, sorted, skipping `_`-prefixed files and dirs.
fn find_programs(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = match fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok()).map(|e| e.path()).collect(),
        Err(_) => return,
    };
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('_') || name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            find_programs(&path, out);
        } else if name.ends_with(".py") {
            out.push(path);
        }
    }
}

fn rel(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// `tests/known_failures.txt`: path -> reason.
fn known_failures(root: &Path) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    let Ok(text) = fs::read_to_string(root.join("tests/known_failures.txt")) else {
        return map;
    };
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (path, reason) = match line.split_once(char::is_whitespace) {
            Some((p, r)) => (p, r.trim()),
            None => (line, ""),
        };
        map.insert(path.to_string(), reason.to_string());
    }
    map
}

/// Replace every occurrence of `needle` in `hay` by `$DIR`.
fn normalise(hay: &[u8], needle: &[u8]) -> Vec<u8> {
    if needle.is_empty() {
        return hay.to_vec();
    }
    let mut out = Vec::with_capacity(hay.len());
    let mut i = 0;
    while i < hay.len() {
        if hay[i..].starts_with(needle) {
            out.extend_from_slice(b"$DIR");
            i += needle.len();
        } else {
            out.push(hay[i]);
            i += 1;
        }
    }
    out
}

fn read_capped(mut r: impl Read) -> Vec<u8> {
    let mut kept = Vec::new();
    let mut buf = [0u8; 64 * 1024];
    loop {
        match r.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                let room = MAX_CAPTURE.saturating_sub(kept.len());
                kept.extend_from_slice(&buf[..n.min(room)]);
            }
        }
    }
    kept
}

struct Actual {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    /// Exit status as text: "0", "3", "signal 11", or "timed out".
    code: String,
}

fn run_program(bin: &Path, prog: &Path) -> Result<Actual, String> {
    let dir = prog.parent().unwrap();
    let name = prog.file_name().unwrap();
    let stdin_path = prog.with_extension("in");
    let stdin = if stdin_path.exists() {
        Stdio::from(fs::File::open(&stdin_path).map_err(|e| format!("open {stdin_path:?}: {e}"))?)
    } else {
        Stdio::null()
    };
    let mut child = Command::new(bin)
        .arg(name)
        .current_dir(dir)
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONIOENCODING", "utf-8")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env_remove("PYTHONPATH")
        .env_remove("PYTHONSTARTUP")
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", bin.display()))?;
    let out_pipe = child.stdout.take().unwrap();
    let err_pipe = child.stderr.take().unwrap();
    let (out_tx, out_rx) = mpsc::channel();
    let (err_tx, err_rx) = mpsc::channel();
    thread::spawn(move || {
        let _ = out_tx.send(read_capped(out_pipe));
    });
    thread::spawn(move || {
        let _ = err_tx.send(read_capped(err_pipe));
    });

    let start = Instant::now();
    let code = loop {
        match child.try_wait() {
            Ok(Some(status)) => break exit_text(status),
            Ok(None) if start.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                break "timed out".to_string();
            }
            Ok(None) => thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(format!("wait: {e}")),
        }
    };
    // A grandchild may still hold a pipe open after a kill: do not wait forever.
    let deadline = Instant::now() + Duration::from_secs(5);
    let left = || deadline.saturating_duration_since(Instant::now());
    let stdout = out_rx.recv_timeout(left()).unwrap_or_default();
    let stderr = err_rx.recv_timeout(left()).unwrap_or_default();
    let needle = dir.to_string_lossy().into_owned().into_bytes();
    Ok(Actual {
        stdout: normalise(&stdout, &needle),
        stderr: normalise(&stderr, &needle),
        code,
    })
}

fn exit_text(status: std::process::ExitStatus) -> String {
    if let Some(c) = status.code() {
        return c.to_string();
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            return format!("signal {sig}");
        }
    }
    format!("{status}")
}

/// A readable description of where `expected` and `actual` first differ.
fn diff_stream(label: &str, expected: &[u8], actual: &[u8]) -> Option<String> {
    if expected == actual {
        return None;
    }
    let exp = String::from_utf8_lossy(expected);
    let act = String::from_utf8_lossy(actual);
    let e: Vec<&str> = exp.split_inclusive('\n').collect();
    let a: Vec<&str> = act.split_inclusive('\n').collect();
    let first = e.iter().zip(a.iter()).take_while(|(x, y)| x == y).count();
    let mut s = format!(
        "  {label} differs at line {} (expected {} lines, got {}):\n",
        first + 1,
        e.len(),
        a.len()
    );
    let from = first.saturating_sub(1);
    for (tag, lines) in [("expected", &e), ("actual  ", &a)] {
        let shown: Vec<_> = lines.iter().skip(from).take(SHOW_LINES).collect();
        if shown.is_empty() {
            s.push_str(&format!("    {tag} | <end of output>\n"));
        }
        for line in shown {
            s.push_str(&format!("    {tag} | {:?}\n", line.trim_end_matches('\n')));
        }
        if lines.len() > from + SHOW_LINES {
            s.push_str(&format!("    {tag} | ... ({} more lines)\n", lines.len() - from - SHOW_LINES));
        }
    }
    Some(s)
}

/// `None` when the program passes, else a multi-line failure summary.
fn check(root: &Path, bin: &Path, prog: &Path) -> Option<String> {
    let read = |ext: &str| fs::read(prog.with_extension(ext)).ok();
    let Some(exp_out) = read("out") else {
        return Some(format!(
            "  no {} (run python3 tests/gen_expected.py {})\n",
            rel(root, &prog.with_extension("out")),
            rel(root, prog)
        ));
    };
    let exp_err = read("err").unwrap_or_default();
    let exp_code = read("code")
        .map(|c| String::from_utf8_lossy(&c).trim().to_string())
        .unwrap_or_else(|| "0".to_string());
    let actual = match run_program(bin, prog) {
        Ok(a) => a,
        Err(e) => return Some(format!("  {e}\n")),
    };
    let mut report = String::new();
    if actual.code == "timed out" {
        report.push_str(&format!("  timed out after {}s\n", TIMEOUT.as_secs()));
    } else if actual.code != exp_code {
        report.push_str(&format!("  exit status: expected {exp_code}, got {}\n", actual.code));
    }
    if let Some(d) = diff_stream("stdout", &exp_out, &actual.stdout) {
        report.push_str(&d);
    }
    if let Some(d) = diff_stream("stderr", &exp_err, &actual.stderr) {
        report.push_str(&d);
    }
    (!report.is_empty()).then_some(report)
}

/// Write straight to the process's stderr so the report is visible even when
/// the test harness captures `print!` output.
fn say(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes());
    let _ = err.flush();
}

#[test]
fn golden_programs() {
    let root = repo_root();
    let bin = spindle_bin();
    let mut programs = Vec::new();
    find_programs(&root.join("tests/programs"), &mut programs);
    let filter = std::env::var("SPINDLE_GOLDEN_FILTER").unwrap_or_default();
    programs.retain(|p| rel(&root, p).contains(&filter));
    assert!(
        !programs.is_empty() || !filter.is_empty(),
        "no golden programs found under {}",
        root.join("tests/programs").display()
    );
    let known = known_failures(&root);

    let threads = thread::available_parallelism().map_or(2, |n| n.get()).clamp(2, 8);
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(String, Option<String>)>> = Mutex::new(Vec::new());
    thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(prog) = programs.get(i) else { break };
                let outcome = check(&root, &bin, prog);
                results.lock().unwrap().push((rel(&root, prog), outcome));
            });
        }
    });
    let mut results = results.into_inner().unwrap();
    results.sort_by(|a, b| a.0.cmp(&b.0));

    let (mut passed, mut failed, mut known_failed) = (0, 0, 0);
    let mut failures = String::new();
    let mut notes = String::new();
    for (path, outcome) in &results {
        match (outcome, known.get(path)) {
            (None, None) => passed += 1,
            (None, Some(_)) => {
                passed += 1;
                notes.push_str(&format!("now passing: remove from known_failures.txt: {path}\n"));
            }
            (Some(_), Some(reason)) => {
                known_failed += 1;
                notes.push_str(&format!("known failure: {path}  ({reason})\n"));
            }
            (Some(report), None) => {
                failed += 1;
                failures.push_str(&format!("FAIL {path}\n{report}"));
            }
        }
    }
    for path in known.keys() {
        if !results.iter().any(|(p, _)| p == path) && filter.is_empty() {
            notes.push_str(&format!("known_failures.txt lists a missing program: {path}\n"));
        }
    }
    let summary = format!("golden: {passed} passed, {failed} failed, {known_failed} known failures");
    say(&format!("{failures}{notes}{summary}\n"));
    println!("{summary}");
    assert!(failed == 0, "{summary} (details above)");
}
