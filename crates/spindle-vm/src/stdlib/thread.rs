//! Threads and the GIL. This file holds the eval-breaker hook and the switch interval; the
//! `_thread` module arrives with the GIL (issue 4), until then `import _thread` fails.

use crate::vm::Vm;
use crate::PyResult;
use std::sync::atomic::{AtomicU64, Ordering};

/// The switch interval in microseconds (`sys.setswitchinterval`). Atomic: read by every thread.
static SWITCH_INTERVAL_US: AtomicU64 = AtomicU64::new(5000);

pub fn switch_interval() -> f64 {
    SWITCH_INTERVAL_US.load(Ordering::Relaxed) as f64 / 1e6
}

pub fn set_switch_interval(secs: f64) {
    SWITCH_INTERVAL_US.store(((secs * 1e6) as u64).max(1), Ordering::Relaxed);
}

/// Called by the eval loop when its breaker has bits set (after finalizers ran).
pub fn on_breaker(_vm: &mut Vm, _bits: u32) -> PyResult<()> {
    Ok(())
}

/// The `_thread` module: not available until the GIL lands.
pub fn create(_vm: &mut Vm) -> Option<crate::object::ObjRef> {
    None
}

/// Run a blocking operation. With the GIL (issue 4) this releases it around `f`.
pub fn blocking<R>(_vm: &mut Vm, f: impl FnOnce() -> R) -> R {
    f()
}
