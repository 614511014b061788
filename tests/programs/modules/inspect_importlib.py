# The inspect and importlib subsets: predicates, members, docstrings, generator state, import_module.
import inspect, importlib, sys
class Base:
    """Base class.

        Indented line.
    """
    x = 1
    def method(self):
        return 1
    @property
    def prop(self):
        return 2
def func():
    pass
def gen():
    yield 1
print(inspect.isclass(Base), inspect.isclass(Base()), inspect.isfunction(func), inspect.isfunction(len))
print(inspect.ismethod(Base().method), inspect.ismodule(sys), inspect.isbuiltin(len), inspect.isroutine(func))
print(inspect.isgeneratorfunction(gen), inspect.isgeneratorfunction(func), inspect.isgenerator(gen()))
print(inspect.iscode(func.__code__), inspect.isframe(sys._getframe()), inspect.isdatadescriptor(Base.__dict__['prop']))
print(inspect.getmro(Base) == Base.__mro__, [n for n, v in inspect.getmembers(Base) if not n.startswith('__')])
print([n for n, v in inspect.getmembers(Base(), inspect.ismethod)])
print(repr(inspect.getdoc(Base)), inspect.getdoc(func))
print(repr(inspect.cleandoc('  first\n    second\n      third\n')))
def counter():
    n = 0
    while True:
        n += 1
        yield n
g = counter()
print(inspect.getgeneratorstate(g), inspect.getgeneratorlocals(g))
next(g)
print(inspect.getgeneratorstate(g), inspect.getgeneratorlocals(g))
g.close()
print(inspect.getgeneratorstate(g), inspect.getgeneratorlocals(g))
print(inspect.currentframe().f_code.co_name, inspect.getattr_static(Base(), 'x'))
m = importlib.import_module('os.path')
print(m.__name__ in ('posixpath', 'ntpath'), importlib.import_module('sys') is sys)
for bad in [lambda: importlib.import_module('.x'), lambda: importlib.import_module(''), lambda: importlib.import_module('no_such_mod_xyz')]:
    try:
        bad()
    except (TypeError, ValueError, ImportError) as e:
        print(type(e).__name__, e)
importlib.invalidate_caches()
import _helper_mod
print(importlib.reload(_helper_mod) is _helper_mod)
