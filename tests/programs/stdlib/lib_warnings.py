# tests/lib/test_warnings.py's checks of the warnings module, run by the module the interpreter imports.
import _libcheck
_libcheck.main('warnings')
