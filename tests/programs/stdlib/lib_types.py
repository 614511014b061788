# tests/lib/test_types.py's checks of the types module, run by the module the interpreter imports.
# CPython's messages name its C type 'types.SimpleNamespace'; lib/types names it SimpleNamespace.
import _libcheck
_libcheck.main('types', normalize=(("'types.SimpleNamespace'", "'SimpleNamespace'"),))
