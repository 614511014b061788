//! `time`: clocks and `sleep`.

use crate::stdlib::module_with;
use crate::value::Value;
use crate::vm::Vm;
use crate::{Args, PyResult};
use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

fn epoch_secs() -> f64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or(0.0)
}

fn start() -> Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
}

fn mono_ns() -> u128 {
    // CLOCK_MONOTONIC as an offset from process start plus a fixed base, so values are positive.
    start().elapsed().as_nanos() + 1_000_000_000
}

fn time(_vm: &mut Vm, _a: Args) -> PyResult {
    Ok(Value::Float(epoch_secs()))
}

fn time_ns(_vm: &mut Vm, _a: Args) -> PyResult {
    let ns = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    Ok(Value::Int(ns as i64))
}

fn monotonic(_vm: &mut Vm, _a: Args) -> PyResult {
    Ok(Value::Float(mono_ns() as f64 / 1e9))
}

fn monotonic_ns(_vm: &mut Vm, _a: Args) -> PyResult {
    Ok(Value::Int(mono_ns() as i64))
}

fn process_time(_vm: &mut Vm, _a: Args) -> PyResult {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes into the timespec we own.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    Ok(Value::Float(ts.tv_sec as f64 + ts.tv_nsec as f64 / 1e9))
}

fn sleep(vm: &mut Vm, a: Args) -> PyResult {
    let Some(v) = a.args.first() else { return Err(vm.type_error("time.sleep() takes exactly one argument (0 given)")) };
    let secs = match v {
        Value::Int(_) | Value::Bool64(_) | Value::Float64(_) => crate::types::float::float_of(vm, v)?,
        Value::Obj(o) if matches!(o.payload, crate::object::Payload::Int(_)) => crate::types::float::float_of(vm, v)?,
        other => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")));
        }
    };
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    if secs > 1e12 {
        return Err(vm.overflow_error("sleep length is too large"));
    }
    let deadline = Instant::now().checked_add(Duration::from_secs_f64(secs)).unwrap_or_else(|| Instant::now() + Duration::from_secs(1 << 40));
    let main = crate::sigint::is_main_thread();
    // With the GIL released; a SIGINT in the main thread ends the sleep early and raises.
    // `sleep(0)` is a voluntary yield: the GIL is taken back as a regular waiter.
    let kind = if secs == 0.0 { crate::gil::Take::Regular } else { crate::gil::Take::Priority };
    while crate::stdlib::thread::blocking_as(vm, kind, || sleep_until(deadline, main)) {
        crate::sigint::check(vm)?;
    }
    Ok(Value::None)
}

/// Sleep until `deadline`; true if interrupted by a SIGINT meant for the main thread.
fn sleep_until(deadline: Instant, main: bool) -> bool {
    loop {
        let now = Instant::now();
        if now >= deadline {
            return false;
        }
        let rem = deadline - now;
        let ts = libc::timespec { tv_sec: rem.as_secs().min(i64::MAX as u64) as libc::time_t, tv_nsec: rem.subsec_nanos() as libc::c_long };
        // SAFETY: nanosleep reads the timespec we own; the remainder pointer may be null.
        let r = unsafe { libc::nanosleep(&ts, std::ptr::null_mut()) };
        if r != 0 && main && crate::sigint::pending() {
            return true;
        }
    }
}

pub fn create(vm: &mut Vm) -> crate::object::ObjRef {
    let _ = start();
    module_with(
        vm,
        "time",
        &[
            ("time", time),
            ("time_ns", time_ns),
            ("monotonic", monotonic),
            ("monotonic_ns", monotonic_ns),
            ("perf_counter", monotonic),
            ("perf_counter_ns", monotonic_ns),
            ("process_time", process_time),
            ("sleep", sleep),
        ],
    )
}
