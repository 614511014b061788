"""Abstract Base Classes (ABCs), as in PEP 3119.

Written for Spindle from the documented behaviour of CPython 3.11's `abc`
module.  `ABCMeta` is a `type` subclass that records the names of the
abstract methods of each class it creates in `__abstractmethods__` (a
frozenset); `ABCMeta.__call__` refuses to instantiate a class while that
set is non-empty, with CPython's message.  `register()` adds virtual
subclasses that `isinstance()`/`issubclass()` see through
`__instancecheck__`/`__subclasscheck__`, which also consult
`__subclasshook__`.
"""

__all__ = ['ABC', 'ABCMeta', 'abstractmethod', 'abstractclassmethod',
           'abstractstaticmethod', 'abstractproperty', 'get_cache_token',
           'update_abstractmethods']


def abstractmethod(funcobj):
    """A decorator indicating abstract methods.

    A class whose metaclass is ABCMeta cannot be instantiated unless all of
    its abstract methods are overridden.
    """
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    """A decorator indicating abstract classmethods (deprecated)."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    """A decorator indicating abstract staticmethods (deprecated)."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    """A decorator indicating abstract properties (deprecated)."""

    __isabstractmethod__ = True


_cache_token = [0]

# Pattern matching: `__abc_tpflags__` in an ABC's namespace, and registering a class with an
# ABC that has them, make instances match sequence or mapping patterns (CPython's `_abc`).
_SEQUENCE = 1 << 5
_MAPPING = 1 << 6
try:
    from _patma import set_collection_flag as _set_collection_flag
except ImportError:  # under CPython (tests/lib compares this module with CPython's)
    def _set_collection_flag(cls, flag):
        pass


def get_cache_token():
    """Returns the current ABC cache token.

    The token changes with every call to register() on any ABC."""
    return _cache_token[0]


def _is_abstract(value):
    return bool(getattr(value, '__isabstractmethod__', False))


def _compute_abstracts(cls, namespace_items):
    abstracts = set()
    for name, value in namespace_items:
        if _is_abstract(value):
            abstracts.add(name)
    for base in cls.__bases__:
        for name in getattr(base, '__abstractmethods__', ()):
            value = getattr(cls, name, None)
            if _is_abstract(value):
                abstracts.add(name)
    return frozenset(abstracts)


class ABCMeta(type):
    """Metaclass for defining Abstract Base Classes (ABCs).

    Use this metaclass to create an ABC.  An ABC can be subclassed directly,
    and then acts as a mix-in class.  You can also register unrelated
    concrete classes (even built-in classes) and unrelated ABCs as 'virtual
    subclasses' -- these and their descendants will be considered
    subclasses of the registering ABC by isinstance() and issubclass().
    """

    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _compute_abstracts(cls, namespace.items())
        cls._abc_registry = []
        if '__abc_tpflags__' in cls.__dict__:
            flags = cls.__dict__['__abc_tpflags__']
            if type(flags) is int:
                flags &= _SEQUENCE | _MAPPING
                if flags == _SEQUENCE | _MAPPING:
                    raise TypeError("__abc_tpflags__ cannot be both Py_TPFLAGS_SEQUENCE "
                                    "and Py_TPFLAGS_MAPPING")
                if flags:
                    _set_collection_flag(cls, flags)
            type.__delattr__(cls, '__abc_tpflags__')
        return cls

    def __call__(cls, *args, **kwargs):
        abstracts = getattr(cls, '__abstractmethods__', None)
        if abstracts:
            names = sorted(abstracts)
            raise TypeError("Can't instantiate abstract class %s with abstract method%s %s"
                            % (cls.__name__, 's' if len(names) > 1 else '', ', '.join(names)))
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        """Register a virtual subclass of an ABC.

        Returns the subclass, to allow usage as a class decorator.
        """
        if not isinstance(subclass, type):
            raise TypeError('Can only register classes')
        if issubclass(subclass, cls):
            return subclass  # Already a subclass
        if issubclass(cls, subclass):
            raise RuntimeError('Refusing to create an inheritance cycle')
        cls._abc_registry.append(subclass)
        _cache_token[0] += 1
        flag = cls.__flags__ & (_SEQUENCE | _MAPPING)
        if flag in (_SEQUENCE, _MAPPING):
            _set_collection_flag(subclass, flag)
        return subclass

    def __instancecheck__(cls, instance):
        """Override for isinstance(instance, cls)."""
        subclass = instance.__class__
        if cls.__subclasscheck__(subclass):
            return True
        subtype = type(instance)
        if subtype is not subclass:
            return cls.__subclasscheck__(subtype)
        return False

    def __subclasscheck__(cls, subclass):
        """Override for issubclass(subclass, cls)."""
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        hook = getattr(cls, '__subclasshook__', None)
        if hook is not None:
            ok = hook(subclass)
            if ok is not NotImplemented:
                return bool(ok)
        if cls in getattr(subclass, '__mro__', ()):
            return True
        for rcls in cls.__dict__.get('_abc_registry', ()):
            if issubclass(subclass, rcls):
                return True
        subclasses = getattr(type(cls), '__subclasses__', None)
        if subclasses is not None:
            for scls in subclasses(cls):
                if issubclass(subclass, scls):
                    return True
        return False

    def _abc_registry_clear(cls):
        """Clear the registry (for debugging or testing)."""
        del cls._abc_registry[:]

    def _abc_caches_clear(cls):
        """Clear the caches (for debugging or testing)."""


def update_abstractmethods(cls):
    """Recalculate the set of abstract methods of an abstract class.

    Use after adding or overriding methods of a class created with ABCMeta
    (or a subclass) after the class was created.
    """
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    cls.__abstractmethods__ = _compute_abstracts(cls, cls.__dict__.items())
    return cls


class ABC(metaclass=ABCMeta):
    """Helper class that provides a standard way to create an ABC using
    inheritance.
    """
