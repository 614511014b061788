"""weakref: weak references, proxies, weak containers and finalizers.

Written for Spindle from the documented behaviour of CPython 3.11's weakref module.  The
reference type itself is native (`_weakref.ref`): a referent freed by reference counting clears
its references and their callbacks run at the interpreter's next check (as `__del__` does).
Everything else here is Python over that type."""

import itertools as _itertools
import sys as _sys
from _weakref import ref, ReferenceType, getweakrefcount, getweakrefs
from collections.abc import MutableMapping as _MutableMapping, MutableSet as _MutableSet

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs", "WeakKeyDictionary",
           "ReferenceType", "ProxyType", "CallableProxyType", "ProxyTypes",
           "WeakValueDictionary", "WeakSet", "WeakMethod", "finalize"]


# ---------------------------------------------------------------- WeakMethod

class WeakMethod(ref):
    """A weak reference to a bound method: alive while both the object and the function are."""

    __slots__ = ('_func_ref', '_meth_type', '_alive', '__weakref__')

    def __new__(cls, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}"
                            .format(type(meth))) from None

        def _died(_, self_ref=None):
            me = holder[0]() if holder else None
            if me is not None and me._alive:
                me._alive = False
                if callback is not None:
                    callback(me)

        holder = []
        self = ref.__new__(cls, obj, _died)
        self._func_ref = ref(func, _died)
        self._meth_type = type(meth)
        self._alive = True
        holder.append(ref(self))
        return self

    def __init__(self, meth, callback=None):
        pass

    def __call__(self):
        obj = ref.__call__(self)
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return self._meth_type(func, obj)

    def __eq__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is other
            return ref.__eq__(self, other) and self._func_ref == other._func_ref
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is not other
            return ref.__ne__(self, other) or self._func_ref != other._func_ref
        return NotImplemented

    __hash__ = ref.__hash__


# ---------------------------------------------------------------- proxies

def _target(p):
    obj = object.__getattribute__(p, '_ref')()
    if obj is None:
        raise ReferenceError('weakly-referenced object no longer exists')
    return obj


class ProxyType:
    """A weak proxy: every operation goes to the referent (ReferenceError once it died)."""

    __slots__ = ('_ref', '__weakref__')

    def __getattribute__(self, name):
        return getattr(_target(self), name)

    def __setattr__(self, name, value):
        setattr(_target(self), name, value)

    def __delattr__(self, name):
        delattr(_target(self), name)

    def __repr__(self):
        obj = object.__getattribute__(self, '_ref')()
        if obj is None:
            return '<weakproxy at %#x; dead>' % id(self)
        return '<weakproxy at %#x; to %r at %#x>' % (id(self), type(obj).__name__, id(obj))

    def __str__(self):
        return str(_target(self))

    def __bytes__(self):
        return bytes(_target(self))

    def __bool__(self):
        return bool(_target(self))

    def __hash__(self):
        raise TypeError("unhashable type: '%s'" % _type_name(self))

    def __reversed__(self):
        return reversed(_target(self))

    def __index__(self):
        return _target(self).__index__()


def _type_name(p):
    return 'weakref.' + type(p).__name__


def _forward(name, op):
    def method(self, *args):
        args = [_target(a) if type(a) in ProxyTypes else a
                for a in args]
        return op(_target(self), *args)
    method.__name__ = name
    setattr(ProxyType, name, method)


import operator as _op

for _name, _fn in [
        ('__lt__', _op.lt), ('__le__', _op.le), ('__eq__', _op.eq), ('__ne__', _op.ne),
        ('__gt__', _op.gt), ('__ge__', _op.ge),
        ('__add__', _op.add), ('__sub__', _op.sub), ('__mul__', _op.mul),
        ('__matmul__', _op.matmul), ('__truediv__', _op.truediv),
        ('__floordiv__', _op.floordiv), ('__mod__', _op.mod), ('__divmod__', divmod),
        ('__pow__', pow), ('__lshift__', _op.lshift), ('__rshift__', _op.rshift),
        ('__and__', _op.and_), ('__xor__', _op.xor), ('__or__', _op.or_),
        ('__radd__', lambda a, b: b + a), ('__rsub__', lambda a, b: b - a),
        ('__rmul__', lambda a, b: b * a), ('__rtruediv__', lambda a, b: b / a),
        ('__rfloordiv__', lambda a, b: b // a), ('__rmod__', lambda a, b: b % a),
        ('__rpow__', lambda a, b: b ** a), ('__rand__', lambda a, b: b & a),
        ('__ror__', lambda a, b: b | a), ('__rxor__', lambda a, b: b ^ a),
        ('__rlshift__', lambda a, b: b << a), ('__rrshift__', lambda a, b: b >> a),
        ('__iadd__', _op.iadd), ('__isub__', _op.isub), ('__imul__', _op.imul),
        ('__itruediv__', _op.itruediv), ('__ifloordiv__', _op.ifloordiv),
        ('__imod__', _op.imod), ('__ior__', _op.ior), ('__iand__', _op.iand),
        ('__ixor__', _op.ixor),
        ('__neg__', _op.neg), ('__pos__', _op.pos), ('__abs__', abs),
        ('__invert__', _op.invert), ('__int__', int), ('__float__', float),
        ('__len__', len), ('__iter__', iter), ('__next__', next),
        ('__contains__', lambda a, b: b in a), ('__getitem__', _op.getitem),
        ('__setitem__', _op.setitem), ('__delitem__', _op.delitem)]:
    _forward(_name, _fn)
del _name, _fn


class CallableProxyType(ProxyType):
    """A weak proxy to a callable object."""

    __slots__ = ()

    def __call__(self, *args, **kwargs):
        return _target(self)(*args, **kwargs)


ProxyTypes = (ProxyType, CallableProxyType)


def proxy(obj, callback=None):
    """A proxy to obj that does not keep it alive; callback(proxy) runs when obj dies."""
    cls = CallableProxyType if callable(obj) else ProxyType
    p = object.__new__(cls)
    if callback is None:
        r = ref(obj)
    else:
        pref = ref(p)

        def died(_):
            q = pref()
            if q is not None:
                callback(q)
        r = ref(obj, died)
    object.__setattr__(p, '_ref', r)
    return p


# ---------------------------------------------------------------- iteration guard

class _Guard:
    """While a weak container is iterated, entries that die are removed afterwards (a dict
    or set must not change size during iteration)."""

    def __init__(self, container):
        self.container = container

    def __enter__(self):
        self.container._iterating += 1
        return self

    def __exit__(self, *exc):
        c = self.container
        c._iterating -= 1
        if not c._iterating and c._pending:
            c._commit_removals()


# ---------------------------------------------------------------- WeakValueDictionary

class KeyedRef(ref):
    """A weak reference that knows the key it is stored under."""

    __slots__ = ('key',)

    def __new__(cls, ob, callback, key):
        self = ref.__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        pass


class WeakValueDictionary(_MutableMapping):
    """A mapping whose values are held weakly: an entry goes when its value dies."""

    def __init__(self, other=(), /, **kw):
        selfref = ref(self)

        def remove(wr):
            me = selfref()
            if me is not None:
                if me._iterating:
                    me._pending.append(wr)
                else:
                    me._drop(wr)
        self._remove = remove
        self._pending = []
        self._iterating = 0
        self.data = {}
        self.update(other, **kw)

    def _drop(self, wr):
        if self.data.get(wr.key) is wr:
            del self.data[wr.key]

    def _commit_removals(self):
        pending, self._pending = self._pending, []
        for wr in pending:
            self._drop(wr)

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __delitem__(self, key):
        if self._pending:
            self._commit_removals()
        del self.data[key]

    def __len__(self):
        if self._pending:
            self._commit_removals()
        return sum(1 for wr in self.data.values() if wr() is not None)

    def __contains__(self, key):
        try:
            o = self.data[key]()
        except KeyError:
            return False
        return o is not None

    def __repr__(self):
        return "<%s at %#x>" % (type(self).__name__, id(self))

    def __setitem__(self, key, value):
        if self._pending:
            self._commit_removals()
        self.data[key] = KeyedRef(value, self._remove, key)

    def copy(self):
        new = WeakValueDictionary()
        with _Guard(self):
            for key, wr in self.data.items():
                o = wr()
                if o is not None:
                    new[key] = o
        return new

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        new = self.__class__()
        with _Guard(self):
            for key, wr in self.data.items():
                o = wr()
                if o is not None:
                    new[deepcopy(key, memo)] = o
        return new

    def get(self, key, default=None):
        try:
            wr = self.data[key]
        except KeyError:
            return default
        o = wr()
        return default if o is None else o

    def items(self):
        with _Guard(self):
            for k, wr in list(self.data.items()):
                v = wr()
                if v is not None:
                    yield k, v

    def keys(self):
        with _Guard(self):
            for k, wr in list(self.data.items()):
                if wr() is not None:
                    yield k

    __iter__ = keys

    def itervaluerefs(self):
        with _Guard(self):
            yield from list(self.data.values())

    def valuerefs(self):
        return list(self.data.values())

    def values(self):
        with _Guard(self):
            for wr in list(self.data.values()):
                o = wr()
                if o is not None:
                    yield o

    def popitem(self):
        if self._pending:
            self._commit_removals()
        while True:
            key, wr = self.data.popitem()
            o = wr()
            if o is not None:
                return key, o

    def pop(self, key, *args):
        if self._pending:
            self._commit_removals()
        try:
            o = self.data.pop(key)()
        except KeyError:
            o = None
        if o is None:
            if args:
                return args[0]
            raise KeyError(key)
        return o

    def setdefault(self, key, default=None):
        try:
            o = self.data[key]()
        except KeyError:
            o = None
        if o is None:
            self[key] = default
            return default
        return o

    def update(self, other=None, /, **kwargs):
        if self._pending:
            self._commit_removals()
        if other is not None:
            if hasattr(other, 'items'):
                other = other.items()
            for key, o in other:
                self[key] = o
        for key, o in kwargs.items():
            self[key] = o

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if isinstance(other, (dict, WeakValueDictionary)) or hasattr(other, 'keys'):
            c = self.copy()
            c.update(other)
            return c
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, (dict, WeakValueDictionary)) or hasattr(other, 'keys'):
            c = self.__class__()
            c.update(other)
            c.update(self)
            return c
        return NotImplemented


# ---------------------------------------------------------------- WeakKeyDictionary

class WeakKeyDictionary(_MutableMapping):
    """A mapping whose keys are held weakly: an entry goes when its key dies."""

    def __init__(self, dict=None):
        self.data = {}
        selfref = ref(self)

        def remove(k):
            me = selfref()
            if me is not None:
                if me._iterating:
                    me._pending.append(k)
                else:
                    me.data.pop(k, None)
        self._remove = remove
        self._pending = []
        self._iterating = 0
        if dict is not None:
            self.update(dict)

    def _commit_removals(self):
        pending, self._pending = self._pending, []
        for k in pending:
            self.data.pop(k, None)

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __len__(self):
        if self._pending:
            self._commit_removals()
        return sum(1 for k in self.data if k() is not None)

    def __repr__(self):
        return "<%s at %#x>" % (type(self).__name__, id(self))

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def copy(self):
        new = WeakKeyDictionary()
        with _Guard(self):
            for key, value in self.data.items():
                o = key()
                if o is not None:
                    new[o] = value
        return new

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        new = self.__class__()
        with _Guard(self):
            for key, value in self.data.items():
                o = key()
                if o is not None:
                    new[o] = deepcopy(value, memo)
        return new

    def get(self, key, default=None):
        try:
            return self.data.get(ref(key), default)
        except TypeError:
            return default

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def items(self):
        with _Guard(self):
            for wr, value in list(self.data.items()):
                key = wr()
                if key is not None:
                    yield key, value

    def keys(self):
        with _Guard(self):
            for wr in list(self.data):
                o = wr()
                if o is not None:
                    yield o

    __iter__ = keys

    def values(self):
        with _Guard(self):
            for wr, value in list(self.data.items()):
                if wr() is not None:
                    yield value

    def keyrefs(self):
        return list(self.data)

    def popitem(self):
        while True:
            key, value = self.data.popitem()
            o = key()
            if o is not None:
                return o, value

    def pop(self, key, *args):
        return self.data.pop(ref(key), *args)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, /, **kwargs):
        d = self.data
        if dict is not None:
            if hasattr(dict, 'items'):
                dict = dict.items()
            for key, value in dict:
                d[ref(key, self._remove)] = value
        if kwargs:
            self.update(kwargs)

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if hasattr(other, 'keys'):
            c = self.copy()
            c.update(other)
            return c
        return NotImplemented

    def __ror__(self, other):
        if hasattr(other, 'keys'):
            c = self.__class__()
            c.update(other)
            c.update(self)
            return c
        return NotImplemented


# ---------------------------------------------------------------- WeakSet

class WeakSet(_MutableSet):
    """A set whose elements are held weakly: an element goes when it dies."""

    def __init__(self, data=None):
        self.data = set()
        selfref = ref(self)

        def remove(item):
            me = selfref()
            if me is not None:
                if me._iterating:
                    me._pending.append(item)
                else:
                    me.data.discard(item)
        self._remove = remove
        self._pending = []
        self._iterating = 0
        if data is not None:
            self.update(data)

    def _commit_removals(self):
        pending, self._pending = self._pending, []
        for item in pending:
            self.data.discard(item)

    def __iter__(self):
        with _Guard(self):
            for wr in list(self.data):
                item = wr()
                if item is not None:
                    yield item

    def __len__(self):
        return sum(1 for wr in self.data if wr() is not None)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __reduce__(self):
        return (self.__class__, (list(self),), getattr(self, '__dict__', None))

    def __repr__(self):
        return '%s(%r)' % (type(self).__name__, set(self))

    def add(self, item):
        if self._pending:
            self._commit_removals()
        self.data.add(ref(item, self._remove))

    def clear(self):
        if self._pending:
            self._commit_removals()
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def pop(self):
        if self._pending:
            self._commit_removals()
        while True:
            try:
                wr = self.data.pop()
            except KeyError:
                raise KeyError('pop from empty WeakSet') from None
            item = wr()
            if item is not None:
                return item

    def remove(self, item):
        if self._pending:
            self._commit_removals()
        self.data.remove(ref(item))

    def discard(self, item):
        if self._pending:
            self._commit_removals()
        self.data.discard(ref(item))

    def update(self, other):
        if self._pending:
            self._commit_removals()
        for element in other:
            self.add(element)

    def __ior__(self, other):
        self.update(other)
        return self

    def difference(self, other):
        new = self.copy()
        new.difference_update(other)
        return new

    __sub__ = difference

    def difference_update(self, other):
        self.__isub__(other)

    def __isub__(self, other):
        if self._pending:
            self._commit_removals()
        if self is other:
            self.data.clear()
        else:
            self.data.difference_update(ref(item) for item in other)
        return self

    def intersection(self, other):
        return self.__class__(item for item in other if item in self)

    __and__ = intersection

    def intersection_update(self, other):
        self.__iand__(other)

    def __iand__(self, other):
        if self._pending:
            self._commit_removals()
        self.data.intersection_update(ref(item) for item in other)
        return self

    def issubset(self, other):
        return self.data.issubset(ref(item) for item in other)

    __le__ = issubset

    def __lt__(self, other):
        return self.data < set(map(ref, other))

    def issuperset(self, other):
        return self.data.issuperset(ref(item) for item in other)

    __ge__ = issuperset

    def __gt__(self, other):
        return self.data > set(map(ref, other))

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.data == set(map(ref, other))

    __hash__ = None

    def symmetric_difference(self, other):
        new = self.copy()
        new.symmetric_difference_update(other)
        return new

    __xor__ = symmetric_difference

    def symmetric_difference_update(self, other):
        self.__ixor__(other)

    def __ixor__(self, other):
        if self._pending:
            self._commit_removals()
        if self is other:
            self.data.clear()
        else:
            self.data.symmetric_difference_update(ref(item, self._remove) for item in other)
        return self

    def union(self, other):
        return self.__class__(e for s in (self, other) for e in s)

    __or__ = union

    def isdisjoint(self, other):
        return len(self.intersection(other)) == 0


# ---------------------------------------------------------------- finalize

class _FinalizerInfo:
    __slots__ = ('weakref', 'func', 'args', 'kwargs', 'atexit', 'index')


class finalize:
    """finalize(obj, func, *args, **kwargs): call func(*args, **kwargs) once, when obj dies,
    when the finalizer is called, or at interpreter exit (if `atexit` is true), whichever
    comes first."""

    __slots__ = ()
    _registry = {}
    _shutdown = False
    _counter = _itertools.count()
    _atexit_hooked = False

    def __init__(self, obj, func, /, *args, **kwargs):
        if not finalize._atexit_hooked:
            import atexit
            atexit.register(finalize._exitfunc)
            finalize._atexit_hooked = True
        info = _FinalizerInfo()
        info.weakref = ref(obj, self)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        info.index = next(finalize._counter)
        finalize._registry[self] = info

    def __call__(self, _=None):
        """Run the callback now if it has not run yet; returns its result (None otherwise)."""
        info = finalize._registry.pop(self, None)
        if info is not None and not finalize._shutdown:
            return info.func(*info.args, **(info.kwargs or {}))

    def detach(self):
        """Unregister; returns (obj, func, args, kwargs) if it was alive, else None."""
        info = finalize._registry.get(self)
        obj = info.weakref() if info is not None else None
        if obj is not None and finalize._registry.pop(self, None) is not None:
            return (obj, info.func, info.args, info.kwargs or {})
        return None

    def peek(self):
        """(obj, func, args, kwargs) if alive, else None."""
        info = finalize._registry.get(self)
        obj = info.weakref() if info is not None else None
        if obj is not None:
            return (obj, info.func, info.args, info.kwargs or {})
        return None

    @property
    def alive(self):
        return self in finalize._registry

    @property
    def atexit(self):
        info = finalize._registry.get(self)
        return bool(info) and info.atexit

    @atexit.setter
    def atexit(self, value):
        info = finalize._registry.get(self)
        if info is not None:
            info.atexit = bool(value)

    def __repr__(self):
        info = finalize._registry.get(self)
        obj = info.weakref() if info is not None else None
        if obj is None:
            return '<%s object at %#x; dead>' % (type(self).__name__, id(self))
        return '<%s object at %#x; for %r at %#x>' % (type(self).__name__, id(self),
                                                      type(obj).__name__, id(obj))

    @classmethod
    def _exitfunc(cls):
        # newest first, only those marked atexit; finalizers made meanwhile are seen too
        try:
            while True:
                pending = [(info.index, f) for f, info in cls._registry.items() if info.atexit]
                if not pending:
                    break
                pending.sort()
                _, f = pending[-1]
                try:
                    f()
                except Exception:
                    _sys.excepthook(*_sys.exc_info())
        finally:
            cls._shutdown = True
