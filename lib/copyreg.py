"""copyreg: the registry that pickle and copy consult (Spindle's own implementation).

Owns: the reduction dispatch table (``pickle()``), the helpers pickles refer to by name
(``__newobj__``, ``__newobj_ex__``, ``_reconstructor``), the protocol 0/1 default reduction
(``_reduce_ex``), ``_slotnames`` and the extension-code registry.  Behaviour follows CPython 3.11;
the code is written for Spindle.
"""

__all__ = ["pickle", "constructor", "add_extension", "remove_extension",
           "clear_extension_cache"]

# type -> reduction function; pickle.Pickler falls back to this table.
dispatch_table = {}


def pickle(ob_type, pickle_function, constructor_ob=None):
    if not callable(pickle_function):
        raise TypeError("reduction functions must be callable")
    dispatch_table[ob_type] = pickle_function
    if constructor_ob is not None:
        constructor(constructor_ob)


def constructor(object):
    if not callable(object):
        raise TypeError("constructors must be callable")


def pickle_complex(c):
    return complex, (c.real, c.imag)


pickle(complex, pickle_complex, complex)


def pickle_union(obj):
    import functools
    import operator
    return functools.reduce, (operator.or_, obj.__args__)


try:
    _UnionType = type(int | str)
except Exception:
    _UnionType = None
if _UnionType is not None and _UnionType is not type:
    pickle(_UnionType, pickle_union)
del _UnionType


# --- helpers that pickles name ------------------------------------------------------------

def _reconstructor(cls, base, state):
    """Rebuild an instance pickled with protocol 0/1 by ``_reduce_ex``."""
    if base is object:
        return object.__new__(cls)
    obj = base.__new__(cls, state)
    if base.__init__ != object.__init__:
        base.__init__(obj, state)
    return obj


def __newobj__(cls, *args):
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


_HEAPTYPE = 1 << 9


def _is_heap_type(cls):
    flags = getattr(cls, '__flags__', None)
    if flags is not None:
        return bool(flags & _HEAPTYPE)
    # A runtime without __flags__: classes of the builtins module are the static ones.
    return getattr(cls, '__module__', None) != 'builtins'


def _reduce_ex(self, proto):
    """Default reduction for protocols 0 and 1."""
    assert proto < 2
    cls = self.__class__
    base = object
    for klass in cls.__mro__:
        if not _is_heap_type(klass):
            base = klass
            break
    if base is object:
        state = None
    else:
        if base is cls:
            raise TypeError("cannot pickle %r object" % cls.__name__)
        state = base(self)
    args = (cls, base, state)
    getstate = getattr(self, '__getstate__', None)
    obj_getstate = getattr(object, '__getstate__', None)
    default_getstate = getstate is None or (
        obj_getstate is not None and getattr(type(self), '__getstate__', None) is obj_getstate)
    if default_getstate and getattr(self, '__slots__', None):
        if getstate is None:
            raise TypeError("cannot pickle %r object: a class that defines __slots__ without "
                            "defining __getstate__ cannot be pickled with protocol %d"
                            % (cls.__name__, proto))
        raise TypeError("a class that defines __slots__ without defining __getstate__ "
                        "cannot be pickled")
    if getstate is None:
        try:
            state_dict = self.__dict__
        except AttributeError:
            state_dict = None
    else:
        state_dict = getstate()
    if state_dict:
        return _reconstructor, args, state_dict
    return _reconstructor, args


def _slotnames(cls):
    """The names of the slots of cls and its bases (private names mangled), cached on cls."""
    names = cls.__dict__.get("__slotnames__")
    if names is not None:
        return names
    names = []
    if hasattr(cls, "__slots__"):
        for klass in cls.__mro__:
            if "__slots__" not in klass.__dict__:
                continue
            slots = klass.__dict__["__slots__"]
            if isinstance(slots, str):
                slots = (slots,)
            for name in slots:
                if name in ("__dict__", "__weakref__"):
                    continue
                if name.startswith('__') and not name.endswith('__'):
                    owner = klass.__name__.lstrip('_')
                    if owner:
                        name = '_%s%s' % (owner, name)
                names.append(name)
    try:
        cls.__slotnames__ = names
    except Exception:
        pass
    return names


# --- extension codes ------------------------------------------------------------------------

_extension_registry = {}    # (module, name) -> code
_inverted_registry = {}     # code -> (module, name)
_extension_cache = {}       # code -> object


def add_extension(module, name, code):
    code = int(code)
    if not 1 <= code <= 0x7fffffff:
        raise ValueError("code out of range")
    key = (module, name)
    if _extension_registry.get(key) == code and _inverted_registry.get(code) == key:
        return
    if key in _extension_registry:
        raise ValueError("key %s is already registered with code %s"
                         % (key, _extension_registry[key]))
    if code in _inverted_registry:
        raise ValueError("code %s is already in use for key %s"
                         % (code, _inverted_registry[code]))
    _extension_registry[key] = code
    _inverted_registry[code] = key


def remove_extension(module, name, code):
    key = (module, name)
    if _extension_registry.get(key) != code or _inverted_registry.get(code) != key:
        raise ValueError("key %s is not registered with code %s" % (key, code))
    del _extension_registry[key]
    del _inverted_registry[code]
    if code in _extension_cache:
        del _extension_cache[code]


def clear_extension_cache():
    _extension_cache.clear()
