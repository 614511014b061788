//! Failure behaviour of multiprocessing and concurrent.futures under `spindle`: the scripts
//! in `tests/mp_failures/` (a worker that raises, dies by a signal or `os._exit`, unpicklable
//! arguments and results, a missing `__main__` guard under spawn, Ctrl-C), each with the
//! fork and spawn start methods. For every run the test checks
//! - the output (the error the script must see),
//! - that it ends in time (no hang; a run is killed after `TIMEOUT`),
//! - that no process it started is left behind: every run gets a unique environment marker,
//!   which its children inherit; after the run, no process may still carry it.
//!
//! These cases are not golden programs because CPython differs on purpose (its Pool waits
//! forever for a task whose worker died) or prints paths of its own library in tracebacks.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(90);

fn repo_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::canonicalize(manifest.join("../..")).expect("repository root")
}

/// Pids of live processes whose environment holds `marker`.
fn marked_processes(marker: &str) -> Vec<u32> {
    let needle = format!("SPINDLE_MP_TEST_MARK={marker}");
    let mut out = Vec::new();
    let Ok(rd) = std::fs::read_dir("/proc") else { return out };
    for e in rd.flatten() {
        let Ok(pid) = e.file_name().to_string_lossy().parse::<u32>() else { continue };
        let Ok(env) = std::fs::read(e.path().join("environ")) else { continue };
        if env.split(|&b| b == 0).any(|kv| kv == needle.as_bytes()) {
            // a zombie's environ is empty, so a match is a live process
            out.push(pid);
        }
    }
    out
}

struct Run {
    status: std::process::ExitStatus,
    stdout: String,
    stderr: String,
    leftover: Vec<u32>,
}

/// Run `spindle script args` in tests/mp_failures. With `ctrl_c`, send SIGINT to the run's
/// process group once it printed "ready".
fn run(name: &str, script: &str, args: &[&str], ctrl_c: bool) -> Run {
    let marker = format!("{}-{}-{}", std::process::id(), name, Instant::now().elapsed().as_nanos());
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_spindle"));
    cmd.arg(script)
        .args(args)
        .current_dir(repo_root().join("tests/mp_failures"))
        .env("SPINDLE_MP_TEST_MARK", &marker)
        .env_remove("PYTHONPATH")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    let mut child = cmd.spawn().expect("spawn spindle");
    let pgid = child.id();
    let stdout = Arc::new(Mutex::new(Vec::new()));
    let stderr = Arc::new(Mutex::new(Vec::new()));
    let mut readers = Vec::new();
    for (pipe, buf) in [(child.stdout.take().map(|p| Box::new(p) as Box<dyn Read + Send>), stdout.clone()), (child.stderr.take().map(|p| Box::new(p) as Box<dyn Read + Send>), stderr.clone())] {
        let Some(mut pipe) = pipe else { continue };
        readers.push(std::thread::spawn(move || {
            let mut chunk = [0u8; 4096];
            loop {
                match pipe.read(&mut chunk) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => buf.lock().expect("buffer").extend_from_slice(&chunk[..n]),
                }
            }
        }));
    }
    let start = Instant::now();
    let mut interrupted = !ctrl_c;
    let status = loop {
        if let Some(st) = child.try_wait().expect("wait") {
            break st;
        }
        if !interrupted && String::from_utf8_lossy(&stdout.lock().expect("buffer")).contains("ready") {
            std::thread::sleep(Duration::from_millis(300));
            let _ = Command::new("kill").args(["-INT", "--", &format!("-{pgid}")]).status();
            interrupted = true;
        }
        if start.elapsed() > TIMEOUT {
            let _ = Command::new("kill").args(["-KILL", "--", &format!("-{pgid}")]).status();
            let _ = child.wait();
            for p in marked_processes(&marker) {
                let _ = Command::new("kill").args(["-KILL", &p.to_string()]).status();
            }
            panic!("{name}: still running after {TIMEOUT:?} (hang); stdout so far:\n{}", String::from_utf8_lossy(&stdout.lock().expect("buffer")));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    for r in readers {
        let _ = r.join();
    }
    // children that outlive the parent by a moment (exiting) are not leftovers
    let mut leftover = marked_processes(&marker);
    let t = Instant::now();
    while !leftover.is_empty() && t.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(100));
        leftover = marked_processes(&marker);
    }
    for p in &leftover {
        let _ = Command::new("kill").args(["-KILL", &p.to_string()]).status();
    }
    let out = String::from_utf8_lossy(&stdout.lock().expect("buffer")).into_owned();
    let err = String::from_utf8_lossy(&stderr.lock().expect("buffer")).into_owned();
    Run { status, stdout: out, stderr: err, leftover }
}

fn check(failures: &mut Vec<String>, name: &str, r: &Run, want_stdout: &str, want_success: bool, stderr_has: &[&str]) {
    let mut problems = Vec::new();
    if want_success && !r.status.success() {
        problems.push(format!("exit status {:?}", r.status));
    }
    if r.stdout != want_stdout {
        problems.push(format!("stdout:\n{}\nwanted:\n{}", r.stdout, want_stdout));
    }
    for s in stderr_has {
        if !r.stderr.contains(s) {
            problems.push(format!("stderr lacks {s:?}"));
        }
    }
    if !r.leftover.is_empty() {
        problems.push(format!("processes left behind: {:?}", r.leftover));
    }
    if !problems.is_empty() {
        failures.push(format!("{name}: {}\n--- stderr:\n{}", problems.join("\n"), r.stderr));
    }
}

#[test]
fn multiprocessing_failures() {
    let mut failures = Vec::new();
    for method in ["fork", "spawn"] {
        let r = run("pool_worker_dies", "pool_worker_dies.py", &[method], false);
        check(&mut failures, &format!("pool_worker_dies {method}"), &r, "lost exit True\nlost kill True\n[0, 1, 4, 9, 16]\n[0, 1, 4, 9]\nchildren []\n", true, &[]);

        let r = run("executor_worker_dies", "executor_worker_dies.py", &[method], false);
        check(&mut failures, &format!("executor_worker_dies {method}"), &r, "broken\nbroken\nbroken\nbroken\nrefused\nchildren []\n", true, &[]);

        let r = run("unpicklable", "unpicklable.py", &[method], false);
        let want = "argument: PicklingError\nargument: TypeError\nargument: TypeError\nresult: Error sending result: 'Opaque()'. Reason: 'TypeError('cannot pickle Opaque')'\n[1, 4, 9]\n";
        check(&mut failures, &format!("unpicklable {method}"), &r, want, true, &[]);

        for kind in ["pool", "executor"] {
            let r = run("ctrl_c", "ctrl_c.py", &[method, kind], true);
            check(&mut failures, &format!("ctrl_c {method} {kind}"), &r, "ready\n", false, &["KeyboardInterrupt"]);
            if r.status.success() {
                failures.push(format!("ctrl_c {method} {kind}: exited with success after SIGINT"));
            }
        }
    }
    let r = run("missing_guard", "missing_guard.py", &[], false);
    check(&mut failures, "missing_guard", &r, "exitcode 1\nparent done\n", true, &["An attempt has been made to start a new process before the\n        current process has finished its bootstrapping phase."]);

    let r = run("pool_missing_guard", "pool_missing_guard.py", &[], false);
    check(&mut failures, "pool_missing_guard", &r, "PoolBrokenError\nchildren []\n", true, &["RuntimeError"]);

    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
