# ImportError, ModuleNotFoundError and a module that fails while importing.
import sys
try:
    import _no_such_module_anywhere
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from _pkg import not_there
except ImportError as e:
    print(type(e).__name__, e)
try:
    import _raises_mod
except ValueError as e:
    print('ValueError:', e)
print('_raises_mod' in sys.modules)
try:
    import _raises_mod
except ValueError as e:
    print('again ValueError:', e)
try:
    import _pkg.nothing_here
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
print(issubclass(ModuleNotFoundError, ImportError))
