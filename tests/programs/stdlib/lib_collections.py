# tests/lib/test_collections.py's checks of the collections module, run by the module the interpreter imports.
import _libcheck
_libcheck.main('collections')
