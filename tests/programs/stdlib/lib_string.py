# tests/lib/test_string.py's checks of the string module, run by the module the interpreter imports.
import _libcheck
_libcheck.main('string')
