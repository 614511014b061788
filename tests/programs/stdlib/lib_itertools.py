# tests/lib/test_itertools.py's checks of the itertools module, run by the module the interpreter imports.
import _libcheck
_libcheck.main('itertools')
