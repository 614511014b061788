"""Load Spindle's lib/pickle.py (and optionally lib/copyreg.py) under python3 as aliases."""
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LIB = os.path.normpath(os.path.join(HERE, '..', '..', '..', 'lib'))


def _load(name, filename):
    spec = importlib.util.spec_from_file_location(name, os.path.join(LIB, filename))
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


import copyreg as _cpython_copyreg  # noqa: E402

# the copyreg modules in use: CPython's (bound by its C pickle) and, when swapped in, Spindle's
COPYREGS = [_cpython_copyreg]


def load_spickle():
    """Spindle's pickle as `spickle`.  With SPINDLE_OWN_COPYREG=1, Spindle's copyreg replaces
    CPython's in sys.modules first (CPython's C pickle has already bound its own copy)."""
    import pickle  # noqa: F401  (CPython's, imported before any swap)
    if 'spickle' in sys.modules:
        return sys.modules['spickle']
    if os.environ.get('SPINDLE_OWN_COPYREG') == '1':
        COPYREGS.append(_load('copyreg', 'copyreg.py'))
    return _load('spickle', 'pickle.py')


def load_scopyreg():
    return _load('scopyreg', 'copyreg.py')
