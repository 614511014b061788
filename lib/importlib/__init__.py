"""A subset of importlib for Spindle: import_module, reload, invalidate_caches.

Written for Spindle from the documented behaviour of CPython 3.11's importlib;
imports go through the runtime's own import system (`__import__`).
"""

import sys as _sys

__all__ = ['import_module', 'reload', 'invalidate_caches']


def _resolve_name(name, package, level):
    """Resolve a relative module name to an absolute one."""
    bits = package.rsplit('.', level - 1)
    if len(bits) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = bits[0]
    return '{}.{}'.format(base, name) if name else base


def import_module(name, package=None):
    """Import a module.

    The 'package' argument is required when performing a relative import. It
    specifies the package to use as the anchor point from which to resolve the
    relative import to an absolute import.
    """
    level = 0
    if name.startswith('.'):
        if not package:
            raise TypeError("the 'package' argument is required to perform a relative "
                            "import for {!r}".format(name))
        for character in name:
            if character != '.':
                break
            level += 1
        name = _resolve_name(name[level:], package, level)
    if not name:
        raise ValueError('Empty module name')
    __import__(name)
    return _sys.modules[name]


def invalidate_caches():
    """Spindle's import system keeps no finder caches: there is nothing to invalidate."""


def reload(module):
    """Reload the module and return it: its source is executed again in the same
    module namespace (objects created by the old code are kept)."""
    try:
        name = module.__name__
    except AttributeError:
        raise TypeError('reload() argument must be a module')
    if type(module) is not type(_sys):
        raise TypeError('reload() argument must be a module')
    if _sys.modules.get(name) is not module:
        raise ImportError('module {} not in sys.modules'.format(name), name=name)
    path = getattr(module, '__file__', None)
    if path is None:
        if name in _sys.builtin_module_names:
            return module
        raise ModuleNotFoundError('spec not found for the module {!r}'.format(name), name=name)
    if path.startswith('<spindle-lib>'):
        raise NotImplementedError("reload() of Spindle's embedded library module {!r} is not "
                                  "supported".format(name))
    with open(path, encoding='utf-8') as f:
        source = f.read()
    code = compile(source, path, 'exec')
    exec(code, module.__dict__)
    return _sys.modules[name]
