# tests/lib/test_contextlib.py's checks of the contextlib module, run by the module the interpreter imports.
import _libcheck
_libcheck.main('contextlib')
