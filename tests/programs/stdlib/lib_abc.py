# tests/lib/test_abc.py's checks of the abc module, run by the module the interpreter imports.
import _libcheck
_libcheck.main('abc')
