# tests/lib/test_copy.py's checks of the copy module, run by the module the interpreter imports.
import _libcheck
_libcheck.main('copy')
