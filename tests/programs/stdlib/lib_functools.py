# tests/lib/test_functools.py's checks of the functools module, run by the module the interpreter imports.
import _libcheck
_libcheck.main('functools')
