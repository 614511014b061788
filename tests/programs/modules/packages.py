# Packages with __init__.py, submodules and relative imports.
import _pkg
print(_pkg.VERSION, _pkg.core_value, _pkg.util.helper())
from _pkg import core
print(core.describe())
from _pkg.sub import leaf
print(leaf.info())
import _pkg.sub.leaf as leaf2
print(leaf2 is leaf, _pkg.sub.leaf is leaf)
import sys
print(sorted(k for k in sys.modules if k.startswith('_pkg')))
print(_pkg.__name__, _pkg.__package__, _pkg.sub.__package__, leaf.__package__)
print(_pkg.__path__[0].endswith('_pkg'), hasattr(core, '__path__'))
