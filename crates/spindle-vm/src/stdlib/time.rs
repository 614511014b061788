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
        Value::Int(_) | Value::Bool(_) | Value::Float(_) => crate::types::float::float_of(vm, v)?,
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
    crate::stdlib::thread::blocking(vm, || std::thread::sleep(Duration::from_secs_f64(secs)));
    Ok(Value::None)
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
