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

// ----- calendar time: struct_time, gmtime/localtime/mktime, strftime/asctime/ctime -----

const TM_FIELDS: &[&str] = &["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff"];

/// The `time.struct_time` type (created once; types are immortal in practice).
static STRUCT_TIME: OnceLock<crate::object::ObjRef> = OnceLock::new();

fn struct_time_type(vm: &mut Vm) -> PyResult<crate::object::ObjRef> {
    if let Some(t) = STRUCT_TIME.get() {
        return Ok(t.clone());
    }
    let t = crate::stdlib::structseq::new_type(vm, "time", "struct_time", TM_FIELDS, 9)?;
    Ok(STRUCT_TIME.get_or_init(|| t).clone())
}

/// Seconds argument of gmtime/localtime/ctime: None means now; floats are truncated.
fn secs_arg(vm: &mut Vm, a: &Args) -> PyResult<libc::time_t> {
    match a.args.first() {
        None | Some(Value::None) => Ok(epoch_secs().floor() as libc::time_t),
        Some(v) => {
            let f = match v {
                Value::Float64(_) => crate::types::float::float_of(vm, v)?,
                _ if crate::ops::is_int(v) => match crate::types::int::to_i64(v) {
                    Some(i) => return Ok(i as libc::time_t),
                    None => return Err(vm.overflow_error("timestamp out of range for platform time_t")),
                },
                other => {
                    let tn = vm.type_name(other);
                    return Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")));
                }
            };
            if f.is_nan() {
                return Err(vm.value_error("Invalid value NaN (not a number)"));
            }
            if !(-9.2e18..9.2e18).contains(&f) {
                return Err(vm.overflow_error("timestamp out of range for platform time_t"));
            }
            Ok(f.trunc() as libc::time_t)
        }
    }
}

fn zero_tm() -> libc::tm {
    // SAFETY: `tm` is plain old data (integers and a pointer); all-zero is a valid value.
    unsafe { std::mem::zeroed() }
}

fn tm_to_struct(vm: &mut Vm, tm: &libc::tm) -> PyResult {
    let zone = if tm.tm_zone.is_null() {
        Value::None
    } else {
        // SAFETY: tm_zone points to a NUL-terminated string owned by libc (static tz data).
        let z = unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }.to_string_lossy().into_owned();
        vm.new_string(z)
    };
    let vals = vec![
        Value::Int(tm.tm_year as i64 + 1900),
        Value::Int(tm.tm_mon as i64 + 1),
        Value::Int(tm.tm_mday as i64),
        Value::Int(tm.tm_hour as i64),
        Value::Int(tm.tm_min as i64),
        Value::Int(tm.tm_sec as i64),
        Value::Int((tm.tm_wday as i64 + 6) % 7),
        Value::Int(tm.tm_yday as i64 + 1),
        Value::Int(tm.tm_isdst as i64),
        zone,
        Value::Int(tm.tm_gmtoff),
    ];
    let cls = struct_time_type(vm)?;
    crate::stdlib::structseq::make(vm, &cls, vals)
}

fn gmtime(vm: &mut Vm, a: Args) -> PyResult {
    let t = secs_arg(vm, &a)?;
    let mut tm = zero_tm();
    // SAFETY: gmtime_r reads `t` and writes the `tm` we own; it returns null on overflow.
    if unsafe { libc::gmtime_r(&t, &mut tm) }.is_null() {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    tm_to_struct(vm, &tm)
}

fn localtime(vm: &mut Vm, a: Args) -> PyResult {
    let t = secs_arg(vm, &a)?;
    let mut tm = zero_tm();
    // SAFETY: as gmtime_r.
    if unsafe { libc::localtime_r(&t, &mut tm) }.is_null() {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    tm_to_struct(vm, &tm)
}

/// A struct_time or 9-tuple as a C `tm` (CPython's gettmarg with checktm's range checks).
fn tuple_to_tm(vm: &mut Vm, v: &Value, func: &str) -> PyResult<libc::tm> {
    let items = match v {
        Value::Obj(o) if matches!(o.payload, crate::object::Payload::Tuple(_)) => crate::types::tuple::tuple_items(v).map(|s| s.to_vec()).unwrap_or_default(),
        other => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!("Tuple or struct_time argument required, not {tn}")));
        }
    };
    if items.len() != 9 {
        return Err(vm.type_error(&format!("{func}(): illegal time tuple argument")));
    }
    let mut n = [0i64; 9];
    for (i, x) in items.iter().enumerate() {
        if !crate::ops::is_int(x) {
            let tn = vm.type_name(x);
            return Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as an integer")));
        }
        n[i] = match crate::types::int::to_i64(x) {
            Some(k) if i32::try_from(k).is_ok() => k,
            _ => return Err(vm.overflow_error("Python int too large to convert to C int")),
        };
    }
    let mut tm = zero_tm();
    tm.tm_year = (n[0] - 1900) as i32;
    tm.tm_mon = (n[1] - 1) as i32;
    tm.tm_mday = n[2] as i32;
    tm.tm_hour = n[3] as i32;
    tm.tm_min = n[4] as i32;
    tm.tm_sec = n[5] as i32;
    tm.tm_wday = ((n[6] + 1) % 7) as i32;
    tm.tm_yday = (n[7] - 1) as i32;
    tm.tm_isdst = n[8] as i32;
    // Keep tm_zone/tm_gmtoff of a struct_time (used by %Z and %z).
    if let Value::Obj(o) = v {
        if let Some(d) = o.slot_storage().or_else(|| o.instance_dict()) {
            if let Some(off) = crate::types::dict::dict_get_str(d, "tm_gmtoff").and_then(|x| crate::types::int::to_i64(&x)) {
                tm.tm_gmtoff = off as libc::c_long;
            }
        }
    }
    Ok(tm)
}

/// CPython's checktm: fields out of range are ValueErrors (strftime and asctime).
fn check_tm(vm: &mut Vm, tm: &mut libc::tm) -> PyResult<()> {
    if tm.tm_mon == -1 {
        tm.tm_mon = 0;
    } else if !(0..=11).contains(&tm.tm_mon) {
        return Err(vm.value_error("month out of range"));
    }
    if tm.tm_mday == 0 {
        tm.tm_mday = 1;
    } else if !(0..=31).contains(&tm.tm_mday) {
        return Err(vm.value_error("day of month out of range"));
    }
    if !(0..=23).contains(&tm.tm_hour) {
        return Err(vm.value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.tm_min) {
        return Err(vm.value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.tm_sec) {
        return Err(vm.value_error("seconds out of range"));
    }
    if tm.tm_wday < 0 {
        return Err(vm.value_error("day of week out of range"));
    }
    if tm.tm_yday == -1 {
        tm.tm_yday = 0;
    } else if !(0..=365).contains(&tm.tm_yday) {
        return Err(vm.value_error("day of year out of range"));
    }
    Ok(())
}

fn time_arg(vm: &mut Vm, a: &Args, i: usize, func: &str) -> PyResult<libc::tm> {
    match a.args.get(i) {
        Some(v) => tuple_to_tm(vm, v, func),
        None => {
            let now = epoch_secs().floor() as libc::time_t;
            let mut tm = zero_tm();
            // SAFETY: as gmtime_r.
            unsafe { libc::localtime_r(&now, &mut tm) };
            Ok(tm)
        }
    }
}

fn strftime(vm: &mut Vm, a: Args) -> PyResult {
    let Some(fmt) = a.args.first().and_then(|v| v.as_str()).map(|s| s.to_string()) else {
        let tn = a.args.first().map(|v| vm.type_name(v)).unwrap_or_else(|| "nothing".into());
        return Err(vm.type_error(&format!("strftime() argument 1 must be str, not {tn}")));
    };
    let mut tm = time_arg(vm, &a, 1, "strftime")?;
    check_tm(vm, &mut tm)?;
    if fmt.is_empty() {
        return Ok(vm.new_str(""));
    }
    let Ok(cfmt) = std::ffi::CString::new(fmt.clone()) else { return Err(vm.value_error("embedded null character")) };
    let mut cap = 256usize.max(fmt.len() * 4);
    loop {
        let mut buf = vec![0u8; cap];
        // SAFETY: strftime writes at most `cap` bytes into `buf` and reads the format and tm.
        let n = unsafe { libc::strftime(buf.as_mut_ptr() as *mut libc::c_char, cap, cfmt.as_ptr(), &tm) };
        if n > 0 || cap >= fmt.len() * 256 + 4096 {
            buf.truncate(n);
            return Ok(vm.new_string(String::from_utf8_lossy(&buf).into_owned()));
        }
        cap *= 4;
    }
}

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

fn asctime_of(tm: &libc::tm) -> String {
    format!("{} {} {:2} {:02}:{:02}:{:02} {}", DAYS[tm.tm_wday.rem_euclid(7) as usize], MONTHS[tm.tm_mon.rem_euclid(12) as usize], tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, tm.tm_year as i64 + 1900)
}

fn asctime(vm: &mut Vm, a: Args) -> PyResult {
    let mut tm = time_arg(vm, &a, 0, "asctime")?;
    check_tm(vm, &mut tm)?;
    Ok(vm.new_string(asctime_of(&tm)))
}

fn ctime(vm: &mut Vm, a: Args) -> PyResult {
    let t = secs_arg(vm, &a)?;
    let mut tm = zero_tm();
    // SAFETY: as gmtime_r.
    if unsafe { libc::localtime_r(&t, &mut tm) }.is_null() {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(vm.new_string(asctime_of(&tm)))
}

fn mktime(vm: &mut Vm, a: Args) -> PyResult {
    let Some(v) = a.args.first() else { return Err(vm.type_error("time.mktime() takes exactly one argument (0 given)")) };
    let mut tm = tuple_to_tm(vm, v, "mktime")?;
    tm.tm_wday = -1;
    // SAFETY: mktime normalises the `tm` we own and returns -1 on error (tm_wday untouched).
    let t = unsafe { libc::mktime(&mut tm) };
    if t == -1 && tm.tm_wday == -1 {
        return Err(vm.overflow_error("mktime argument out of range"));
    }
    Ok(Value::Float(t as f64))
}

/// `timezone`, `altzone`, `daylight`, `tzname` from the C library's view of the local zone.
fn add_zone_attrs(vm: &mut Vm, m: &crate::object::ObjRef) {
    // SAFETY: tzset initialises libc's timezone globals; reading them afterwards is what
    // CPython does too (single-threaded module initialisation under the GIL).
    let (tz0, tz1) = unsafe {
        tzset();
        let names = [tzname_at(0), tzname_at(1)];
        (names[0].clone(), names[1].clone())
    };
    // Offsets from January and July of this year, as CPython's init_timezone.
    let year_start = {
        let now = epoch_secs() as libc::time_t;
        let mut tm = zero_tm();
        // SAFETY: as gmtime_r.
        unsafe { libc::gmtime_r(&now, &mut tm) };
        tm.tm_year
    };
    let off = |mon: i32| -> i64 {
        let mut tm = zero_tm();
        tm.tm_year = year_start;
        tm.tm_mon = mon;
        tm.tm_mday = 1;
        tm.tm_isdst = -1;
        // SAFETY: timegm reads and normalises the `tm` we own.
        let t = unsafe { libc::timegm(&mut tm) };
        let mut lt = zero_tm();
        // SAFETY: localtime_r reads `t` and writes the `tm` we own.
        unsafe { libc::localtime_r(&t, &mut lt) };
        -lt.tm_gmtoff
    };
    let (jan, jul) = (off(0), off(6));
    let (timezone, altzone, daylight) = if jan < jul { (jul, jan, jan != jul) } else { (jan, jul, jan != jul) };
    let tzn = crate::types::tuple::new_tuple(vec![vm.new_string(tz0), vm.new_string(tz1)]);
    crate::stdlib::set_attr(vm, m, "timezone", Value::Int(timezone));
    crate::stdlib::set_attr(vm, m, "altzone", Value::Int(altzone));
    crate::stdlib::set_attr(vm, m, "daylight", Value::Int(daylight as i64));
    crate::stdlib::set_attr(vm, m, "tzname", tzn);
}

extern "C" {
    /// POSIX `tzset` (not bound by the libc crate).
    fn tzset();
}

/// libc's `tzname[i]`.
///
/// # Safety
/// `tzset` must have run.
unsafe fn tzname_at(i: usize) -> String {
    extern "C" {
        static tzname: [*const libc::c_char; 2];
    }
    // SAFETY: after tzset, tzname holds two NUL-terminated strings owned by libc.
    unsafe {
        let p = tzname[i];
        if p.is_null() {
            String::new()
        } else {
            std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
        }
    }
}

pub fn create(vm: &mut Vm) -> crate::object::ObjRef {
    let _ = start();
    let m = create_fns(vm);
    if let Ok(st) = struct_time_type(vm) {
        crate::stdlib::set_attr(vm, &m, "struct_time", Value::Obj(st));
    }
    add_zone_attrs(vm, &m);
    m
}

fn create_fns(vm: &mut Vm) -> crate::object::ObjRef {
    module_with(
        vm,
        "time",
        &[
            ("gmtime", gmtime),
            ("localtime", localtime),
            ("mktime", mktime),
            ("strftime", strftime),
            ("asctime", asctime),
            ("ctime", ctime),
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
