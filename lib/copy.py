"""Shallow and deep copy operations.

Written for Spindle from the documented behaviour of CPython 3.11's `copy`
module.  `copy(x)` and `deepcopy(x, memo=None)` handle:

- atomic values (numbers, strings, bytes, None, types, functions, ranges...),
  returned as they are;
- the builtin containers list, tuple, dict, set, frozenset, bytearray;
- objects defining `__copy__` / `__deepcopy__(memo)`;
- other instances, rebuilt with `cls.__new__(cls)` (or `__reduce_ex__` when
  the class defines its own reduction) and given a (deep) copy of their
  state: `__getstate__()`/`__setstate__()` when defined, else `__dict__`.
  Instances of list/dict/set subclasses also get their items copied.

`deepcopy` keeps a memo dict (id -> copy) so shared and recursive structures
are copied once.
"""

import types as _types

__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass


error = Error


def _atomic_types():
    def f():
        pass
    kinds = [type(None), type(Ellipsis), type(NotImplemented), int, float, bool,
             complex, bytes, str, type, range, type(f), type(len), property]
    try:
        kinds.append(type(f.__code__))
    except AttributeError:
        pass
    return tuple(kinds)


_ATOMIC = _atomic_types()


def _own(cls, name):
    """The attribute `name` of cls, unless it is the one inherited from object."""
    value = getattr(cls, name, None)
    if value is None or value is getattr(object, name, None):
        return None
    return value


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if cls in _ATOMIC or cls is tuple or cls is frozenset:
        return x
    if cls in (list, dict, set, bytearray):
        return cls.copy(x)
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    if issubclass(cls, type):
        return x
    return _reconstruct(x, None)


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y

    cls = type(x)
    if cls in _ATOMIC or issubclass(cls, type):
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        # A tuple that was copied while copying its own items.
        if d in memo:
            return memo[d]
        if all(a is b for a, b in zip(items, x)):
            y = x
        else:
            y = tuple(items)
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set or cls is frozenset:
        y = cls(deepcopy(item, memo) for item in x)
    elif cls is bytearray:
        y = bytearray(x)
    elif cls is _types.MethodType:
        y = cls(x.__func__, deepcopy(x.__self__, memo))
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _reconstruct(x, memo)

    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    """Keep `x` alive while memo lives, so its id is not reused."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo):
    """Copy an instance: new object of the same class, then its state."""
    deep = memo is not None
    cls = type(x)
    reductor = _own(cls, '__reduce_ex__')
    reduce = _own(cls, '__reduce__')
    if reductor is not None or reduce is not None:
        return _from_reduce(x, reductor(x, 4) if reductor is not None else reduce(x), memo)

    getnewargs = getattr(x, '__getnewargs__', None)
    args = getnewargs() if getnewargs is not None else ()
    if deep and args:
        args = deepcopy(args, memo)
    try:
        y = cls.__new__(cls, *args)
    except TypeError:
        raise Error('un(%scopy)able object of type %s' % ('deep' if deep else 'shallow', cls))
    if deep:
        memo[id(x)] = y

    getstate = _own(cls, '__getstate__')
    if getstate is not None:
        state = getstate(x)
    else:
        state = getattr(x, '__dict__', None)
    if state:
        if deep:
            state = deepcopy(state, memo)
        setstate = getattr(y, '__setstate__', None)
        if setstate is not None and _own(cls, '__setstate__') is not None:
            setstate(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state:
                y.__dict__.update(state)
            if slotstate:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if isinstance(x, list):
        for item in x:
            list.append(y, deepcopy(item, memo) if deep else item)
    elif isinstance(x, dict):
        for key, value in x.items():
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            dict.__setitem__(y, key, value)
    elif isinstance(x, set):
        for item in x:
            set.add(y, deepcopy(item, memo) if deep else item)
    return y


def _from_reduce(x, rv, memo):
    """Rebuild from a __reduce__-style tuple (callable, args[, state[, listiter[, dictiter]]])."""
    if isinstance(rv, str):
        return x
    deep = memo is not None
    func, args = rv[0], rv[1]
    state = rv[2] if len(rv) > 2 else None
    listiter = rv[3] if len(rv) > 3 else None
    dictiter = rv[4] if len(rv) > 4 else None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for key, value in dictiter:
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    return y
