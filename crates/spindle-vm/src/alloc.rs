//! Buffers whose size comes from user data (`'x' * n`, `format(1, '999999999d')`,
//! `list(range(n))`): allocated with `try_reserve`, so an impossible size raises `MemoryError`
//! as CPython's failing `malloc` does, instead of aborting the process. Sizes above the
//! machine's memory fail up front (`object::alloc_plausible`): the allocator over-commits, and
//! filling such a buffer would take the machine down instead of raising.

use crate::vm::Vm;
use crate::PyResult;

/// `MemoryError` unless `n` items of `T` could fit in memory.
fn check<T>(vm: &mut Vm, n: usize) -> PyResult<()> {
    match n.checked_mul(std::mem::size_of::<T>().max(1)) {
        Some(bytes) if crate::object::alloc_plausible(bytes) => Ok(()),
        _ => Err(vm.memory_error()),
    }
}

/// An empty vector with room for `n` items, or `MemoryError`.
pub fn try_vec<T>(vm: &mut Vm, n: usize) -> PyResult<Vec<T>> {
    check::<T>(vm, n)?;
    let mut v = Vec::new();
    if v.try_reserve_exact(n).is_err() {
        return Err(vm.memory_error());
    }
    Ok(v)
}

/// An empty string with room for `bytes` bytes, or `MemoryError`.
pub fn try_string(vm: &mut Vm, bytes: usize) -> PyResult<String> {
    check::<u8>(vm, bytes)?;
    let mut s = String::new();
    if s.try_reserve_exact(bytes).is_err() {
        return Err(vm.memory_error());
    }
    Ok(s)
}

/// Make room for `extra` more bytes in `s`, or `MemoryError`.
pub fn reserve_str(vm: &mut Vm, s: &mut String, extra: usize) -> PyResult<()> {
    check::<u8>(vm, s.len().saturating_add(extra))?;
    if s.try_reserve(extra).is_err() {
        return Err(vm.memory_error());
    }
    Ok(())
}

/// `s * n` for text.
pub fn repeat_str(vm: &mut Vm, s: &str, n: usize) -> PyResult<String> {
    let total = s.len().checked_mul(n).ok_or_else(|| vm.memory_error())?;
    let mut out = try_string(vm, total)?;
    if !s.is_empty() {
        for _ in 0..n {
            out.push_str(s);
        }
    }
    Ok(out)
}

/// `n` copies of `c`.
pub fn fill_str(vm: &mut Vm, c: char, n: usize) -> PyResult<String> {
    let total = c.len_utf8().checked_mul(n).ok_or_else(|| vm.memory_error())?;
    let mut out = try_string(vm, total)?;
    out.extend(std::iter::repeat_n(c, n));
    Ok(out)
}

/// `v * n` for sequences.
pub fn repeat_vec<T: Clone>(vm: &mut Vm, v: &[T], n: usize) -> PyResult<Vec<T>> {
    let total = v.len().checked_mul(n).ok_or_else(|| vm.memory_error())?;
    let mut out = try_vec(vm, total)?;
    if !v.is_empty() {
        for _ in 0..n {
            out.extend_from_slice(v);
        }
    }
    Ok(out)
}
