# tests/lib/test_textwrap.py's checks of the textwrap module, run by the module the interpreter imports.
import _libcheck
_libcheck.main('textwrap', brief=True)
