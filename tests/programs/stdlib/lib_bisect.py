# tests/lib/test_bisect.py's checks of the bisect module, run by the module the interpreter imports.
import _libcheck
_libcheck.main('bisect')
