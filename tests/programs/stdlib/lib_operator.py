# tests/lib/test_operator.py's checks of the operator module, run by the module the interpreter imports.
import _libcheck
_libcheck.main('operator', brief=True)
