"""lib/threading.py and lib/queue.py use nothing beyond the agreed runtime API.

A static check over the source: every `_thread.NAME` is in the contract of
docs/thread-primitives.md, the modules import only what the runtime offers,
and nothing from CPython's `_thread` extras is required.  (The `contract`
mode of every other test file checks the same thing at run time.)
"""

import os

from _support import (CONTRACT_NAMES, THREADING_PATH, QUEUE_PATH, ROOT,
                      load, eq, ok, run, make_contract_thread, lazy)

ast = lazy("ast")
re = lazy("re")

threading, queue = load()


def parse(path):
    with open(path) as f:
        return ast.parse(f.read(), path)


def imports(tree):
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add(node.module)
    return names


def test_thread_attributes_in_contract():
    tree = parse(THREADING_PATH)
    used = {node.attr for node in ast.walk(tree)
            if isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name) and node.value.id == "_thread"}
    extra = used - CONTRACT_NAMES
    eq(extra, set(), "_thread names outside the contract")
    ok({"start_new_thread", "allocate_lock", "RLock", "get_ident"} <= used, "uses the core")


def test_threading_imports():
    # os: only for os.register_at_fork (threading._after_fork runs in a forked child)
    eq(imports(parse(THREADING_PATH)), {"sys", "_thread", "time", "warnings", "os"}, "imports")


def test_queue_imports():
    eq(imports(parse(QUEUE_PATH)), {"threading", "time", "types"}, "imports")


def test_doc_lists_the_contract():
    doc = os.path.join(ROOT, "docs", "thread-primitives.md")
    with open(doc) as f:
        text = f.read()
    for name in CONTRACT_NAMES:
        ok(re.search(r"`(_thread\.)?%s[`(\[]" % re.escape(name), text), "doc mentions " + name)


def test_contract_shim_is_minimal():
    mod = make_contract_thread()
    ok(not hasattr(mod.RLock(), "_release_save"), "no _release_save")
    ok(not hasattr(mod, "_set_sentinel"), "no _set_sentinel")
    ok(not hasattr(mod, "_excepthook"), "no _excepthook")


def test_no_cpython_library_modules_loaded_by_ours():
    # Our queue is bound to our threading, not CPython's.
    ok(queue.threading is threading, "queue uses our threading")


run(globals())
