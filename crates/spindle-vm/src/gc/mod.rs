//! The cycle collector: reference counting frees everything except reference cycles; this
//! finds unreachable cycles and breaks them, following CPython's `Modules/gcmodule.c`.
//!
//! A collection of generation `g` looks at the tracked objects of generations `0..=g`
//! (`registry`), all at once under the registry's lock with no Python code running:
//! 1. `gc_refs` = each object's reference count;
//! 2. every reference from one of these objects to another (`traverse::traverse`) is
//!    subtracted: what remains counts references from outside (frames, Rust locals, older
//!    generations, untracked objects). An object that cannot be inspected is kept;
//! 3. objects with `gc_refs > 0` are roots; everything reachable from a root survives and is
//!    promoted to the next generation; the rest is unreachable.
//!
//! Then, with the lock released and holding a counted reference to each unreachable object:
//! weak references to them die (callbacks run for the weak references that are not garbage
//! themselves), `__del__` finalizers run once each (PEP 442), objects resurrected by them
//! (and everything they reach) are spared, and the rest are cleared (`traverse::clear`, like
//! `tp_clear`). Dropping the collector's references then frees them by ordinary reference
//! counting: nothing is ever freed by hand, so a mistake can only leak, never free memory in
//! use.
//!
//! When: `gc.collect()`, or automatically when tracked allocations minus deallocations exceed
//! the gen-0 threshold (700): the allocating thread's eval breaker gets `BREAK_GC` and the
//! collection runs at the eval loop's next breaker check (a safe point: GIL held, no `PyCell`
//! guard held). Generations 1 and 2 are collected after 10 collections of the one below; a
//! full collection also waits until the objects promoted since the last one exceed a quarter of
//! its survivors (linear total cost). With `-X gil=0` a collection (automatic or explicit) runs
//! only while no thread started by `_thread` is alive: there is no stop-the-world yet, so with
//! other threads running `gc.collect()` collects nothing and returns 0.

pub mod registry;
pub mod traverse;

use crate::object::{Obj, ObjRef, Payload};
use crate::value::Value;
use crate::vm::Vm;
use registry::REGISTRY;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

/// A collection is running (CPython's `gcstate->collecting`): no nested collection.
static COLLECTING: AtomicBool = AtomicBool::new(false);

/// Per-generation statistics for `gc.get_stats()`: collections, collected, uncollectable.
pub static STATS: parking_lot::Mutex<[[usize; 3]; 3]> = parking_lot::Mutex::new([[0; 3]; 3]);

/// `gc.callbacks` and `gc.garbage`: lists created with the module, kept for the process.
pub static CALLBACKS: OnceLock<ObjRef> = OnceLock::new();
pub static GARBAGE: OnceLock<ObjRef> = OnceLock::new();

/// `gc.set_debug` flags (only `DEBUG_SAVEALL` changes what a collection does).
pub static DEBUG: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
pub const DEBUG_SAVEALL: u32 = 32;

/// May a collection run now? Always with the GIL; free-threaded only while no other thread
/// runs (see the module documentation).
fn safe_to_collect() -> bool {
    !crate::sync::free_threaded() || crate::stdlib::thread::running_threads() == 0
}

/// Collect generation `gen` (0..=2) with the `gc.callbacks` calls around it; the number of
/// unreachable objects found (0 if a collection is already running or none may run now).
pub fn collect(vm: &mut Vm, gen: usize) -> usize {
    if !safe_to_collect() {
        return 0;
    }
    if COLLECTING.swap(true, Ordering::AcqRel) {
        return 0;
    }
    callbacks(vm, "start", gen, 0, 0);
    let (m, n) = collect_main(vm, gen);
    {
        let mut st = STATS.lock();
        st[gen][0] += 1;
        st[gen][1] += m;
        st[gen][2] += n;
    }
    callbacks(vm, "stop", gen, m, n);
    COLLECTING.store(false, Ordering::Release);
    m + n
}

/// The automatic collection requested by `BREAK_GC`: the oldest generation whose count
/// exceeds its threshold (CPython's `gc_collect_generations`).
pub fn collect_auto(vm: &mut Vm) {
    let gen = {
        let mut g = REGISTRY.lock();
        let r = &mut g.0;
        r.pending = false;
        r.update_trigger();
        if !r.enabled || COLLECTING.load(Ordering::Acquire) {
            return;
        }
        if !safe_to_collect() {
            r.count[0] = 0;
            return;
        }
        let mut gen = None;
        for i in (0..3).rev() {
            if r.count[i] as i64 > r.threshold[i] as i64 {
                if i == 2 && r.long_lived_pending < r.long_lived_total / 4 {
                    continue;
                }
                gen = Some(i);
                break;
            }
        }
        gen
    };
    if let Some(g) = gen {
        collect(vm, g);
    }
}

fn callbacks(vm: &mut Vm, phase: &str, gen: usize, collected: usize, uncollectable: usize) {
    let Some(list) = CALLBACKS.get() else { return };
    let cbs: Vec<Value> = match &list.payload {
        Payload::List(l) => l.lock().clone(),
        _ => return,
    };
    if cbs.is_empty() {
        return;
    }
    let info = vm.new_dict();
    for (k, v) in [("generation", gen), ("collected", collected), ("uncollectable", uncollectable)] {
        let key = vm.new_str(k);
        let _ = crate::types::dict::dict_set(vm, &info, key, Value::Int(v as i64));
    }
    let phase = vm.new_str(phase);
    for cb in cbs {
        let saved = vm.handled.clone();
        if let Err(e) = vm.call(&cb, &[phase.clone(), Value::Obj(info.clone())], &[]) {
            crate::traceback::print_unraisable(vm, &e, "Exception ignored in", &cb);
        }
        vm.handled = saved;
    }
}

/// Big enough that no subtraction brings it to zero: an object that cannot be inspected.
const KEEP: isize = isize::MAX / 2;

/// Scratch flags of `find_unreachable`.
const HAS_KIDS: u8 = 1;
const REACHED: u8 = 2;

/// Steps 1-3 of the module documentation over `objs[start..]` of the locked registry: the
/// unreachable objects, each with a new counted reference.
///
/// The loops are the collector's cost (every tracked object of the scanned generations, about
/// twice per object's life), so they are kept tight: per object one traversal that both adds
/// its count to its own `gc_refs` slot and subtracts one from the slot of each scanned object
/// it refers to (the slot's index is the target's registry index minus `start`: no hashing),
/// then one pass over the slots for the roots; objects are traversed again only when they
/// refer to scanned objects (`HAS_KIDS`), and the unreachable ones are looked for only when
/// fewer objects were reached than scanned.
fn find_unreachable(r: &mut registry::Registry, gen: usize) -> Vec<ObjRef> {
    if gen + 1 < 3 {
        r.count[gen + 1] += 1;
    }
    for c in &mut r.count[..=gen] {
        *c = 0;
    }
    let start = r.bounds[2 - gen];
    let end = r.objs.len();
    let n = end - start;
    let mut refs = std::mem::take(&mut r.scratch_refs);
    let mut flags = std::mem::take(&mut r.scratch_flags);
    refs.clear();
    refs.resize(n, 0);
    flags.clear();
    flags.resize(n, 0);
    let objs = &r.objs[start..end];
    // `base`: registry index + 1 of the first scanned object, so that a target's slot is its
    // `gc_idx - base` (an unsigned wrap puts untracked and older objects out of range).
    let base = start + 1;
    let mut scanned = 0usize;
    {
        // The slots as cells: the visitor (built once) and the loop both update them.
        let cells = std::cell::Cell::from_mut(&mut refs[..]).as_slice_of_cells();
        let kids = std::cell::Cell::new(false);
        let mut visit = |c: *const Obj| {
            // SAFETY: `c` is a counted reference held by a live object being traversed.
            let j = (unsafe { (*c).gc_idx_relaxed() } as usize).wrapping_sub(base);
            if let Some(slot) = cells.get(j) {
                slot.set(slot.get().wrapping_sub(1));
                kids.set(true);
            }
        };
        for ((&p, slot), f) in objs.iter().zip(cells).zip(flags.iter_mut()) {
            if p.is_null() {
                continue;
            }
            scanned += 1;
            // SAFETY: non-null registry entries are live objects (see `registry`).
            let o = unsafe { &*p };
            kids.set(false);
            let ok = traverse::traverse(o, &mut visit);
            // The slot may already hold subtractions by objects scanned before this one.
            let own = if ok { o.rc_for_gc() as isize } else { KEEP };
            slot.set(slot.get().wrapping_add(own));
            *f = kids.get() as u8 * HAS_KIDS;
        }
    }
    // Roots: references from outside; then everything reachable from them.
    let mut stack = Vec::new();
    let mut reached = 0usize;
    for (k, (&g, f)) in refs.iter().zip(flags.iter_mut()).enumerate() {
        if g > 0 {
            *f |= REACHED;
            reached += 1;
            if *f & HAS_KIDS != 0 {
                stack.push(k);
            }
        }
    }
    while let Some(k) = stack.pop() {
        // A traversal that stops at a held lock stops where it stopped in the first pass
        // (nothing changed meanwhile): what it did not report was not subtracted either, so
        // those targets are roots themselves.
        // SAFETY: as above (an object with kids is a non-null entry).
        traverse::traverse(unsafe { &*objs[k] }, &mut |c| {
            // SAFETY: as above.
            let j = (unsafe { (*c).gc_idx_relaxed() } as usize).wrapping_sub(base);
            if let Some(f) = flags.get_mut(j) {
                if *f & REACHED == 0 {
                    *f |= REACHED;
                    reached += 1;
                    if *f & HAS_KIDS != 0 {
                        stack.push(j);
                    }
                }
            }
        });
    }
    let mut unreachable = Vec::new();
    if reached < scanned {
        for (&p, &f) in objs.iter().zip(flags.iter()) {
            if !p.is_null() && f & REACHED == 0 {
                // SAFETY: a live tracked object, and we hold the registry's lock.
                unreachable.push(unsafe { ObjRef::from_ptr(p) });
            }
        }
    }
    let live = reached;
    r.scratch_refs = refs;
    r.scratch_flags = flags;
    match gen {
        0 => r.bounds[2] = end,
        1 => {
            r.long_lived_pending += live;
            r.bounds[1] = end;
            r.bounds[2] = end;
        }
        _ => {
            r.long_lived_pending = 0;
            r.long_lived_total = live;
            r.bounds[1] = end;
            r.bounds[2] = end;
        }
    }
    unreachable
}

/// One collection: (collected, uncollectable).
fn collect_main(vm: &mut Vm, gen: usize) -> (usize, usize) {
    let unreachable = {
        let mut g = REGISTRY.lock();
        find_unreachable(&mut g.0, gen)
    };
    if unreachable.is_empty() {
        return (0, 0);
    }
    let mut collected = handle_weakrefs(vm, &unreachable);
    let mut finalized = false;
    for o in &unreachable {
        if !o.is_finalized() && crate::object::has_finalizer(o) && o.mark_finalized() {
            finalized = true;
            run_del(vm, o);
        }
    }
    let garbage = if finalized { still_unreachable(release_freed(unreachable)) } else { unreachable };
    collected += garbage.len();
    if DEBUG.load(Ordering::Relaxed) & DEBUG_SAVEALL != 0 {
        if let Some(Payload::List(l)) = GARBAGE.get().map(|g| &g.payload) {
            l.lock().extend(garbage.into_iter().map(Value::Obj));
        }
    } else {
        let mut out = Vec::new();
        for o in &garbage {
            traverse::clear(o, &mut out);
            out.clear();
        }
        drop(garbage);
    }
    vm.run_finalizers();
    (collected, 0)
}

/// Weak references to unreachable objects die; the callbacks of those that are not garbage
/// themselves run (CPython's `handle_weakrefs`). Returns how many of those weak reference
/// objects were freed after their callback (CPython counts them as collected).
fn handle_weakrefs(vm: &mut Vm, unreachable: &[ObjRef]) -> usize {
    let garbage: std::collections::HashSet<usize> = unreachable.iter().map(|o| o.id()).collect();
    for o in unreachable {
        if let Some(w) = crate::object::weak::data_of(o) {
            crate::object::weak::weakref_dies(w, o.id());
        }
    }
    let mut due = Vec::new();
    for o in unreachable {
        if o.is_weakly_referenced() {
            for wr in crate::object::weak::clear_for_collector(o.id()) {
                let has_cb = crate::object::weak::data_of(&wr).is_some_and(|d| d.callback.lock().is_some());
                if has_cb && !garbage.contains(&wr.id()) {
                    due.push(wr);
                }
            }
        }
    }
    let mut freed = 0;
    for wr in due {
        if let Some(cb) = crate::stdlib::weakref::take_callback(&wr) {
            let saved = vm.handled.clone();
            if let Err(e) = vm.call(&cb, &[Value::Obj(wr.clone())], &[]) {
                crate::traceback::print_unraisable(vm, &e, "Exception ignored in", &cb);
            }
            vm.handled = saved;
        }
        if wr.refcount() == 1 {
            freed += 1;
        }
    }
    freed
}

/// Run an unreachable object's finalizer: `__del__`, or closing a suspended generator.
fn run_del(vm: &mut Vm, o: &ObjRef) {
    let saved = vm.handled.clone();
    let v = Value::Obj(o.clone());
    if matches!(o.payload, Payload::Coroutine(_)) {
        crate::coroutine::finalize(vm, o);
    } else if matches!(o.payload, Payload::Generator(_)) {
        if let Err(e) = crate::generator::close(vm, o) {
            crate::traceback::print_unraisable(vm, &e, "Exception ignored in", &v);
        }
    } else if let Some(del) = vm.lookup_special(&v, "__del__") {
        if let Err(e) = vm.call(&del, std::slice::from_ref(&v), &[]) {
            crate::traceback::print_unraisable(vm, &e, "Exception ignored in", &del);
        }
    }
    vm.handled = saved;
}

/// After finalizers ran: drop the collector's reference to every object that nothing else
/// holds any more (a finalizer may have cut the cycle: a closed generator lets go of its
/// frame), so reference counting frees it as CPython would have during the finalizer, and
/// follow up with the objects it held. The rest are returned.
fn release_freed(set: Vec<ObjRef>) -> Vec<ObjRef> {
    let pos: HashMap<usize, usize> = set.iter().enumerate().map(|(k, o)| (o.id(), k)).collect();
    let mut slots: Vec<Option<ObjRef>> = set.into_iter().map(Some).collect();
    let mut work: Vec<usize> = (0..slots.len()).filter(|&k| slots[k].as_ref().is_some_and(|o| o.refcount() == 1)).collect();
    while let Some(k) = work.pop() {
        let Some(o) = slots[k].take() else { continue };
        if o.refcount() != 1 {
            slots[k] = Some(o);
            continue;
        }
        let mut kids = Vec::new();
        traverse::traverse(&o, &mut |c| {
            if let Some(&j) = pos.get(&(c as usize)) {
                kids.push(j);
            }
        });
        drop(o);
        for j in kids {
            if slots[j].as_ref().is_some_and(|x| x.refcount() == 1) {
                work.push(j);
            }
        }
    }
    slots.into_iter().flatten().collect()
}

/// After finalizers ran: the objects still unreachable. One that a finalizer made reachable
/// again (a count not explained by the collector's own reference and the references among
/// the set), and everything it reaches, survives (CPython's `handle_resurrected_objects`).
fn still_unreachable(set: Vec<ObjRef>) -> Vec<ObjRef> {
    let pos: HashMap<usize, usize> = set.iter().enumerate().map(|(k, o)| (o.id(), k)).collect();
    let mut refs: Vec<isize> = set.iter().map(|o| o.rc_for_gc() as isize - 1).collect();
    for (k, o) in set.iter().enumerate() {
        let ok = traverse::traverse(o, &mut |c| {
            if let Some(&j) = pos.get(&(c as usize)) {
                refs[j] -= 1;
            }
        });
        if !ok {
            refs[k] = KEEP;
        }
    }
    let mut reach: Vec<bool> = refs.iter().map(|&r| r > 0).collect();
    let mut stack: Vec<usize> = (0..set.len()).filter(|&k| reach[k]).collect();
    while let Some(k) = stack.pop() {
        traverse::traverse(&set[k], &mut |c| {
            if let Some(&j) = pos.get(&(c as usize)) {
                if !reach[j] {
                    reach[j] = true;
                    stack.push(j);
                }
            }
        });
    }
    set.into_iter().zip(reach).filter(|(_, r)| !r).map(|(o, _)| o).collect()
}

impl Obj {
    /// The reference count as the collector reads it.
    #[inline(always)]
    fn rc_for_gc(&self) -> usize {
        self.refcount_raw()
    }

    /// The registry index + 1 (0: not tracked), read by a collection under the registry's lock.
    #[inline(always)]
    fn gc_idx_relaxed(&self) -> u32 {
        self.gc_idx.load(Ordering::Relaxed)
    }
}
