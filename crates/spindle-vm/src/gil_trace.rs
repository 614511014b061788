//! GIL telemetry: who held the GIL, who waited for it and how long, who asked whom to drop it.
//!
//! Off by default. Two `-X` options turn it on (both may be given):
//! * `-X gil_trace=FILE` writes, at exit, a Chrome trace-event JSON file (open it in
//!   `chrome://tracing` or <https://ui.perfetto.dev>): one row per thread, with "holds GIL" and
//!   "waits for GIL" spans and instant events for drop requests and forced switches;
//! * `-X gil_stats` prints a per-thread summary table on the process's stderr at exit.
//!
//! Cost when off: each hook in `gil.rs` is behind one relaxed load of [`ON`] (a predictable
//! branch); nothing is timed or recorded. When on, every GIL take/drop appends an event to a
//! global buffer (capped at [`MAX_EVENTS`]; later events are counted, not kept).

use parking_lot::Mutex;
use std::cell::Cell;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::Instant;

static ON: AtomicBool = AtomicBool::new(false);

/// Events beyond this many are dropped (and counted in `State::lost`).
const MAX_EVENTS: usize = 4_000_000;

#[derive(Clone, Copy)]
enum Ev {
    /// A thread waited for the GIL from `start` to `end` (microseconds since start-up).
    Wait { tid: u32, start: u64, end: u64, prio: bool },
    /// A thread held the GIL from `start` to `end`.
    Hold { tid: u32, start: u64, end: u64 },
    /// `from` asked `to` (the holder) to drop the GIL.
    Request { from: u32, to: u32, at: u64 },
    /// `tid` dropped the GIL on request and waited for someone to take it.
    Forced { tid: u32, at: u64 },
}

/// Recorded events and thread labels. Protected by its mutex.
struct State {
    events: Vec<Ev>,
    lost: u64,
    labels: Vec<(u32, String)>,
    trace_file: Option<String>,
    stats: bool,
}

static STATE: Mutex<State> = parking_lot::const_mutex(State { events: Vec::new(), lost: 0, labels: Vec::new(), trace_file: None, stats: false });

thread_local! {
    /// When the calling thread took the GIL (microseconds), while it holds it.
    static HOLD_START: Cell<u64> = const { Cell::new(0) };
}

static EPOCH: OnceLock<Instant> = OnceLock::new();
/// Microseconds at which the last report was written (so the exit report is written once).
static REPORTED: AtomicU64 = AtomicU64::new(0);

#[inline(always)]
pub fn on() -> bool {
    ON.load(Ordering::Relaxed)
}

/// Microseconds since telemetry started.
pub fn now() -> u64 {
    EPOCH.get_or_init(Instant::now).elapsed().as_micros() as u64
}

/// Read the `-X` options (start-up, before any other thread exists).
pub fn configure(xoptions: &[(String, Option<String>)]) {
    let mut st = STATE.lock();
    for (k, v) in xoptions {
        match (k.as_str(), v) {
            ("gil_trace", Some(f)) if !f.is_empty() => st.trace_file = Some(f.clone()),
            ("gil_trace", _) => st.trace_file = Some("spindle-gil-trace.json".to_string()),
            ("gil_stats", _) => st.stats = true,
            _ => {}
        }
    }
    if st.trace_file.is_some() || st.stats {
        let _ = now();
        ON.store(true, Ordering::Relaxed);
    }
}

fn push(st: &mut State, e: Ev) {
    if st.events.len() < MAX_EVENTS {
        st.events.push(e);
    } else {
        st.lost += 1;
    }
}

/// Name the thread `tid` in reports.
pub fn label(tid: u32, name: &str) {
    STATE.lock().labels.push((tid, name.to_string()));
}

/// `tid` took the GIL; it started asking at `t0`.
pub fn took(tid: u32, t0: u64, waited: bool, prio: bool) {
    let t = now();
    HOLD_START.with(|h| h.set(t));
    if waited {
        push(&mut STATE.lock(), Ev::Wait { tid, start: t0, end: t, prio });
    }
}

/// `tid` dropped the GIL.
pub fn dropped(tid: u32) {
    let t = now();
    let start = HOLD_START.with(|h| h.get());
    push(&mut STATE.lock(), Ev::Hold { tid, start, end: t });
}

pub fn drop_request(from: u32, to: u32) {
    let at = now();
    push(&mut STATE.lock(), Ev::Request { from, to, at });
}

pub fn forced_switch(tid: u32) {
    let at = now();
    push(&mut STATE.lock(), Ev::Forced { tid, at });
}

#[derive(Default)]
struct Row {
    holds: u64,
    held: u64,
    waits: u64,
    prio_waits: u64,
    waited: u64,
    max_wait: u64,
    asked: u64,
    forced: u64,
}

fn json_str(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(o, "\\u{:04x}", c as u32);
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

/// At exit, by the thread holding the GIL: close its hold span, then write the trace file
/// and/or print the statistics. Errors writing the file are reported on stderr.
pub fn report() {
    if !on() || REPORTED.swap(1, Ordering::Relaxed) != 0 {
        return;
    }
    let me = crate::gil::thread_serial();
    if !crate::sync::free_threaded() {
        dropped(me);
    }
    let end = now();
    let st = STATE.lock();
    let labels: HashMap<u32, &str> = st.labels.iter().map(|(t, n)| (*t, n.as_str())).collect();
    let label = |tid: u32| labels.get(&tid).map(|s| s.to_string()).unwrap_or_else(|| format!("thread {tid}"));
    if let Some(path) = &st.trace_file {
        let mut out = String::with_capacity(st.events.len() * 90 + 1024);
        out.push_str("{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n");
        out.push_str("{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":1,\"args\":{\"name\":\"spindle\"}}");
        let mut tids: Vec<u32> = labels.keys().copied().collect();
        for e in &st.events {
            match *e {
                Ev::Wait { tid, .. } | Ev::Hold { tid, .. } | Ev::Forced { tid, .. } => tids.push(tid),
                Ev::Request { from, to, .. } => tids.extend([from, to]),
            }
        }
        tids.sort_unstable();
        tids.dedup();
        for tid in &tids {
            let _ = write!(out, ",\n{{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1,\"tid\":{tid},\"args\":{{\"name\":{}}}}}", json_str(&label(*tid)));
            let _ = write!(out, ",\n{{\"ph\":\"M\",\"name\":\"thread_sort_index\",\"pid\":1,\"tid\":{tid},\"args\":{{\"sort_index\":{tid}}}}}");
        }
        for e in &st.events {
            let _ = match *e {
                Ev::Hold { tid, start, end } => write!(out, ",\n{{\"ph\":\"X\",\"cat\":\"gil\",\"name\":\"holds GIL\",\"pid\":1,\"tid\":{tid},\"ts\":{start},\"dur\":{}}}", end.saturating_sub(start)),
                Ev::Wait { tid, start, end, prio } => write!(
                    out,
                    ",\n{{\"ph\":\"X\",\"cat\":\"gil\",\"name\":\"{}\",\"pid\":1,\"tid\":{tid},\"ts\":{start},\"dur\":{}}}",
                    if prio { "waits for GIL (back from a blocking call)" } else { "waits for GIL" },
                    end.saturating_sub(start)
                ),
                Ev::Request { from, to, at } => write!(out, ",\n{{\"ph\":\"i\",\"s\":\"t\",\"cat\":\"gil\",\"name\":\"asked to drop GIL\",\"pid\":1,\"tid\":{to},\"ts\":{at},\"args\":{{\"by\":{}}}}}", json_str(&label(from))),
                Ev::Forced { tid, at } => write!(out, ",\n{{\"ph\":\"i\",\"s\":\"t\",\"cat\":\"gil\",\"name\":\"dropped GIL on request\",\"pid\":1,\"tid\":{tid},\"ts\":{at}}}"),
            };
        }
        out.push_str("\n]}\n");
        if let Err(e) = std::fs::write(path, out) {
            eprintln!("spindle: cannot write the GIL trace to {path}: {e}");
        }
    }
    if st.stats {
        let mut rows: HashMap<u32, Row> = HashMap::new();
        let mut switches = 0u64;
        let mut requests = 0u64;
        for e in &st.events {
            match *e {
                Ev::Hold { tid, start, end } => {
                    let r = rows.entry(tid).or_default();
                    r.holds += 1;
                    r.held += end.saturating_sub(start);
                    switches += 1;
                }
                Ev::Wait { tid, start, end, prio } => {
                    let r = rows.entry(tid).or_default();
                    let d = end.saturating_sub(start);
                    r.waits += 1;
                    r.prio_waits += prio as u64;
                    r.waited += d;
                    r.max_wait = r.max_wait.max(d);
                }
                Ev::Request { to, .. } => {
                    rows.entry(to).or_default().asked += 1;
                    requests += 1;
                }
                Ev::Forced { tid, .. } => rows.entry(tid).or_default().forced += 1,
            }
        }
        let mut ids: Vec<u32> = rows.keys().copied().collect();
        ids.sort_unstable();
        let mut s = format!("GIL statistics: {:.3} s, {switches} holds, {requests} drop requests, switch interval {} ms\n", end as f64 / 1e6, crate::gil::switch_interval() * 1e3);
        let _ = writeln!(s, "{:<36} {:>7} {:>10} {:>7} {:>7} {:>10} {:>10} {:>7} {:>7}", "thread", "holds", "held ms", "waits", "(prio)", "wait ms", "max ms", "asked", "forced");
        for id in ids {
            let r = &rows[&id];
            let mut name = format!("{id} {}", label(id));
            if name.chars().count() > 36 {
                name = name.chars().take(35).collect::<String>() + "…";
            }
            let _ = writeln!(
                s,
                "{name:<36} {:>7} {:>10.1} {:>7} {:>7} {:>10.1} {:>10.2} {:>7} {:>7}",
                r.holds,
                r.held as f64 / 1e3,
                r.waits,
                r.prio_waits,
                r.waited as f64 / 1e3,
                r.max_wait as f64 / 1e3,
                r.asked,
                r.forced
            );
        }
        if st.lost > 0 {
            let _ = writeln!(s, "({} events past the first {MAX_EVENTS} were not recorded)", st.lost);
        }
        eprint!("{s}");
    }
}
