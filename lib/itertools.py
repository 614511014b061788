"""Functions creating iterators for efficient looping.

Written for Spindle from the documented behaviour of CPython 3.11's
`itertools`.  Every tool is a class whose instances are their own
iterators (`iter(x) is x`), with the same class name as in CPython; the
arguments are checked (and the input iterators created) when the object is
made, as CPython does.  Most classes keep their state in a private
generator made by `_run()`, and `__next__` advances it.
"""

import sys as _sys

__all__ = ['accumulate', 'chain', 'combinations', 'combinations_with_replacement',
           'compress', 'count', 'cycle', 'dropwhile', 'filterfalse', 'groupby',
           'islice', 'pairwise', 'permutations', 'product', 'repeat', 'starmap',
           'takewhile', 'tee', 'zip_longest']


class _GenIter:
    """Base: an iterator whose items come from the generator `self._gen`."""

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._gen)

    def __class_getitem__(cls, item):
        return cls


def _check_r(r):
    if not isinstance(r, int):
        r = r.__index__()
    if r < 0:
        raise ValueError('r must be non-negative')
    return r


################################################################################
### infinite iterators
################################################################################

class count:
    """Return a count object whose .__next__() method returns consecutive values.

    count(start=0, step=1) --> start, start+step, start+2*step, ...
    """

    def __init__(self, start=0, step=1):
        for value in (start, step):
            if not (isinstance(value, (int, float, complex)) or hasattr(value, '__index__')
                    or hasattr(value, '__float__') or hasattr(value, '__int__')):
                raise TypeError('a number is required')
        self._value = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        value = self._value
        self._value = value + self._step
        return value

    def __repr__(self):
        name = type(self).__name__
        step = self._step
        if isinstance(step, int) and step == 1:
            return '%s(%r)' % (name, self._value)
        return '%s(%r, %r)' % (name, self._value, step)


class cycle(_GenIter):
    """Return elements from the iterable until it is exhausted.  Then repeat
    the sequence indefinitely."""

    def __init__(self, iterable):
        self._gen = self._run(iter(iterable))

    @staticmethod
    def _run(it):
        saved = []
        for element in it:
            yield element
            saved.append(element)
        if not saved:
            return
        while True:
            for element in saved:
                yield element


class repeat:
    """repeat(object [,times]) -> create an iterator which returns the object
    for the specified number of times.  If not specified, returns the object
    endlessly."""

    def __init__(self, object, times=None):
        self._object = object
        if times is not None:
            if not isinstance(times, int):
                times = times.__index__()
            if times < 0:
                times = 0
        self._times = times

    def __iter__(self):
        return self

    def __next__(self):
        if self._times is None:
            return self._object
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._object

    def __length_hint__(self):
        if self._times is None:
            raise TypeError('len() of unsized object')
        return self._times

    def __repr__(self):
        if self._times is None:
            return '%s(%r)' % (type(self).__name__, self._object)
        return '%s(%r, %d)' % (type(self).__name__, self._object, self._times)


################################################################################
### iterators terminating on the shortest input
################################################################################

class accumulate(_GenIter):
    """Return series of accumulated sums (or other binary function results)."""

    def __init__(self, iterable, func=None, *, initial=None):
        self._gen = self._run(iter(iterable), func, initial)

    @staticmethod
    def _run(it, func, initial):
        total = initial
        if initial is None:
            try:
                total = next(it)
            except StopIteration:
                return
        yield total
        for element in it:
            total = total + element if func is None else func(total, element)
            yield total


class chain(_GenIter):
    """Return a chain object whose .__next__() method returns elements from the
    first iterable until it is exhausted, then elements from the next
    iterable, until all of the iterables are exhausted."""

    def __init__(self, *iterables):
        self._gen = self._run(iter(iterables))

    @staticmethod
    def _run(iterables):
        for iterable in iterables:
            for element in iterable:
                yield element

    @classmethod
    def from_iterable(cls, iterable):
        """Alternative chain() constructor taking a single iterable argument
        that evaluates lazily."""
        self = cls.__new__(cls)
        self._gen = cls._run(iter(iterable))
        return self


class compress(_GenIter):
    """Return data elements corresponding to true selector elements."""

    def __init__(self, data, selectors):
        self._gen = (d for d, s in zip(iter(data), iter(selectors)) if s)


class dropwhile(_GenIter):
    """Drop items from the iterable while predicate(item) is true."""

    def __init__(self, predicate, iterable):
        self._gen = self._run(predicate, iter(iterable))

    @staticmethod
    def _run(predicate, it):
        for x in it:
            if not predicate(x):
                yield x
                break
        for x in it:
            yield x


class takewhile(_GenIter):
    """Return successive entries from an iterable as long as the predicate
    evaluates to true for each entry."""

    def __init__(self, predicate, iterable):
        self._gen = self._run(predicate, iter(iterable))

    @staticmethod
    def _run(predicate, it):
        for x in it:
            if predicate(x):
                yield x
            else:
                break


class filterfalse(_GenIter):
    """Return those items of iterable for which function(item) is false.
    If function is None, return the items that are false."""

    def __init__(self, function, iterable):
        self._gen = self._run(function, iter(iterable))

    @staticmethod
    def _run(function, it):
        if function is None:
            function = bool
        for x in it:
            if not function(x):
                yield x


class starmap(_GenIter):
    """Return an iterator whose values are returned from the function
    evaluated with an argument tuple taken from the given sequence."""

    def __init__(self, function, iterable):
        self._gen = (function(*args) for args in iter(iterable))


class pairwise(_GenIter):
    """Return an iterator of overlapping pairs taken from the input iterator.

        s -> (s0, s1), (s1, s2), (s2, s3), ..."""

    def __init__(self, iterable):
        self._gen = self._run(iter(iterable))

    @staticmethod
    def _run(it):
        try:
            a = next(it)
        except StopIteration:
            return
        for b in it:
            yield (a, b)
            a = b


_ISLICE_STOP = ('Stop argument for islice() must be None or an integer: '
                '0 <= x <= sys.maxsize.')
_ISLICE_INDEX = ('Indices for islice() must be None or an integer: '
                 '0 <= x <= sys.maxsize.')
_ISLICE_STEP = 'Step for islice() must be a positive integer or None.'


def _islice_arg(value, message):
    if value is None:
        return None
    try:
        value = value if isinstance(value, int) else value.__index__()
    except AttributeError:
        raise ValueError(message) from None
    if value < 0 or value > _sys.maxsize:
        raise ValueError(message)
    return value


class islice:
    """islice(iterable, stop) --> islice object
    islice(iterable, start, stop[, step]) --> islice object

    Return an iterator whose next() method returns selected values from an
    iterable."""

    def __init__(self, iterable, *args):
        if not args:
            raise TypeError('islice expected at least 2 arguments, got 1')
        if len(args) > 3:
            raise TypeError('islice expected at most 4 arguments, got %d' % (len(args) + 1))
        if len(args) == 1:
            start, stop, step = 0, _islice_arg(args[0], _ISLICE_STOP), 1
        else:
            stop = _islice_arg(args[1], _ISLICE_STOP)
            start = _islice_arg(args[0], _ISLICE_INDEX)
            step = 1
            if len(args) == 3 and args[2] is not None:
                try:
                    step = args[2] if isinstance(args[2], int) else args[2].__index__()
                except AttributeError:
                    raise ValueError(_ISLICE_STEP) from None
                if step <= 0 or step > _sys.maxsize:
                    raise ValueError(_ISLICE_STEP)
            if start is None:
                start = 0
        self._it = iter(iterable)
        self._next = start       # index of the next item to return
        self._stop = stop
        self._step = step
        self._pos = 0            # index of the next item of the source

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        stop = self._stop
        while self._pos < self._next:
            try:
                next(it)
            except StopIteration:
                self._it = None
                raise
            self._pos += 1
        if stop is not None and self._pos >= stop:
            self._it = None
            raise StopIteration
        try:
            item = next(it)
        except StopIteration:
            self._it = None
            raise
        self._pos += 1
        self._next += self._step
        if stop is not None and self._next > stop:
            self._next = stop
        return item


class zip_longest(_GenIter):
    """Return a zip_longest object whose .__next__() method returns a tuple
    where the i-th element comes from the i-th iterable argument.  Missing
    values are replaced by fillvalue."""

    def __init__(self, *iterables, fillvalue=None):
        self._gen = self._run([iter(x) for x in iterables], fillvalue)

    @staticmethod
    def _run(iterators, fillvalue):
        if not iterators:
            return
        active = len(iterators)
        while True:
            values = []
            for i, it in enumerate(iterators):
                if it is None:
                    values.append(fillvalue)
                    continue
                try:
                    value = next(it)
                except StopIteration:
                    active -= 1
                    if not active:
                        return
                    iterators[i] = None
                    value = fillvalue
                values.append(value)
            yield tuple(values)


class _grouper:
    """The sub-iterator of one group produced by groupby."""

    def __init__(self, parent, tgtkey):
        self._parent = parent
        self._tgtkey = tgtkey

    def __iter__(self):
        return self

    def __next__(self):
        gb = self._parent
        if gb._currgrouper is not self:
            raise StopIteration
        if gb._currvalue is _marker:
            gb._step()
        if not (gb._currkey is self._tgtkey or gb._currkey == self._tgtkey):
            raise StopIteration
        value = gb._currvalue
        gb._currvalue = _marker
        return value


_marker = object()


class groupby:
    """make an iterator that returns consecutive keys and groups from the iterable"""

    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._tgtkey = self._currkey = self._currvalue = _marker
        self._currgrouper = None

    def _step(self):
        value = next(self._it)
        key = value if self._keyfunc is None else self._keyfunc(value)
        self._currvalue = value
        self._currkey = key

    def __iter__(self):
        return self

    def __next__(self):
        self._currgrouper = None
        while True:
            if self._currkey is _marker:
                pass
            elif self._tgtkey is _marker:
                break
            elif not (self._tgtkey is self._currkey or self._tgtkey == self._currkey):
                break
            self._step()
        self._tgtkey = self._currkey
        grouper = _grouper(self, self._tgtkey)
        self._currgrouper = grouper
        return (self._currkey, grouper)


class _tee:
    """Iterator wrapped to make it copyable."""

    def __init__(self, source, link):
        self._source = source   # shared [iterator]
        self._link = link       # [value, next_link] or [] when not read yet

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        if not link:
            it = self._source[0]
            value = next(it)
            link.append(value)
            link.append([])
        self._link = link[1]
        return link[0]

    def __copy__(self):
        return _tee(self._source, self._link)


def tee(iterable, n=2):
    """Returns a tuple of n independent iterators."""
    if not isinstance(n, int):
        n = n.__index__()
    if n < 0:
        raise ValueError('n must be >= 0')
    if n == 0:
        return ()
    it = iter(iterable)
    if isinstance(it, _tee):
        first = it.__copy__()
    else:
        first = _tee([it], [])
    return tuple([first] + [first.__copy__() for _ in range(n - 1)])


################################################################################
### combinatoric iterators
################################################################################

class product(_GenIter):
    """Cartesian product of input iterables.  Equivalent to nested for-loops."""

    def __init__(self, *iterables, repeat=1):
        if not isinstance(repeat, int):
            repeat = repeat.__index__()
        if repeat < 0:
            raise ValueError('repeat argument cannot be negative')
        pools = [tuple(pool) for pool in iterables] * repeat
        self._gen = self._run(pools)

    @staticmethod
    def _run(pools):
        for pool in pools:
            if not pool:
                return
        n = len(pools)
        indices = [0] * n
        yield tuple(pool[0] for pool in pools)
        while True:
            i = n - 1
            while i >= 0:
                indices[i] += 1
                if indices[i] < len(pools[i]):
                    break
                indices[i] = 0
                i -= 1
            if i < 0:
                return
            yield tuple(pools[k][indices[k]] for k in range(n))


class permutations(_GenIter):
    """Return successive r-length permutations of elements in the iterable."""

    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        n = len(pool)
        r = n if r is None else _check_r(r)
        self._gen = self._run(pool, n, r)

    @staticmethod
    def _run(pool, n, r):
        if r > n:
            return
        indices = list(range(n))
        cycles = list(range(n, n - r, -1))
        yield tuple(pool[i] for i in indices[:r])
        while n:
            for i in reversed(range(r)):
                cycles[i] -= 1
                if cycles[i] == 0:
                    indices[i:] = indices[i + 1:] + indices[i:i + 1]
                    cycles[i] = n - i
                else:
                    j = cycles[i]
                    indices[i], indices[-j] = indices[-j], indices[i]
                    yield tuple(pool[i] for i in indices[:r])
                    break
            else:
                return


class combinations(_GenIter):
    """Return successive r-length combinations of elements in the iterable."""

    def __init__(self, iterable, r):
        pool = tuple(iterable)
        self._gen = self._run(pool, _check_r(r))

    @staticmethod
    def _run(pool, r):
        n = len(pool)
        if r > n:
            return
        indices = list(range(r))
        yield tuple(pool[i] for i in indices)
        while True:
            for i in reversed(range(r)):
                if indices[i] != i + n - r:
                    break
            else:
                return
            indices[i] += 1
            for j in range(i + 1, r):
                indices[j] = indices[j - 1] + 1
            yield tuple(pool[i] for i in indices)


class combinations_with_replacement(_GenIter):
    """Return successive r-length combinations of elements in the iterable
    allowing individual elements to have successive repeats."""

    def __init__(self, iterable, r):
        pool = tuple(iterable)
        self._gen = self._run(pool, _check_r(r))

    @staticmethod
    def _run(pool, r):
        n = len(pool)
        if not n and r:
            return
        indices = [0] * r
        yield tuple(pool[i] for i in indices)
        while True:
            for i in reversed(range(r)):
                if indices[i] != n - 1:
                    break
            else:
                return
            indices[i:] = [indices[i] + 1] * (r - i)
            yield tuple(pool[i] for i in indices)
