# collections.deque: error types and messages of every method.
from collections import deque

def t(label, f):
    try:
        r = f()
        print(label, 'ok', r)
    except Exception as e:
        print(label, type(e).__name__, e)

class Idx:
    def __index__(self):
        return 1

d = deque([1, 2, 3])
t('pop', lambda: deque().pop())
t('popleft', lambda: deque().popleft())
t('getitem', lambda: d[3])
t('getitem-neg', lambda: d[-4])
t('getitem-idx', lambda: d[Idx()])
t('getitem-bool', lambda: d[True])
t('getitem-big', lambda: d[2 ** 70])
t('getitem-str', lambda: d['a'])
t('getitem-float', lambda: d[1.0])
t('slice', lambda: d[1:2])
def setslice(): d[0:1] = [9]
def delslice(): del d[0:1]
def setbad(): d[5] = 1
def delbad(): del d[-5]
t('setslice', setslice)
t('delslice', delslice)
t('setitem', setbad)
t('delitem', delbad)
t('index-missing', lambda: d.index('q'))
t('index-badstart', lambda: d.index(1, 'a'))
t('index-none', lambda: d.index(1, None))
t('index-bigstop', lambda: d.index(3, 0, 2 ** 80))
t('index-bigstart', lambda: d.index(3, -2 ** 80))
t('index-idx', lambda: d.index(3, Idx()))
t('index-noargs', lambda: d.index())
t('index-kw', lambda: d.index(x=1))
t('remove-missing', lambda: d.remove(9))
t('insert-full', lambda: deque([1], maxlen=1).insert(0, 2))
t('insert-str', lambda: d.insert('a', 1))
t('insert-big', lambda: d.insert(2 ** 70, 1))
t('insert-args', lambda: d.insert(1))
t('rotate-str', lambda: d.rotate('a'))
t('rotate-big', lambda: d.rotate(2 ** 70))
t('rotate-args', lambda: d.rotate(1, 2))
t('rotate-kw', lambda: d.rotate(n=1))
t('rotate-idx', lambda: d.rotate(Idx()))
t('append-args', lambda: d.append())
t('append-2', lambda: d.append(1, 2))
t('pop-arg', lambda: d.pop(1))
t('pop-kw', lambda: d.pop(x=1))
t('count-args', lambda: d.count())
t('extend-int', lambda: d.extend(1))
t('extendleft-none', lambda: d.extendleft(None))
t('maxlen-neg', lambda: deque(maxlen=-1))
t('maxlen-str', lambda: deque(maxlen='3'))
t('maxlen-float', lambda: deque([], 2.0))
t('maxlen-idx', lambda: deque([], Idx()))
t('maxlen-big', lambda: deque([], 2 ** 70))
t('maxlen-bool', lambda: deque([1, 2], True))
t('init-3', lambda: deque([], 2, 3))
t('init-kw', lambda: deque(foo=1))
t('init-dup', lambda: deque([], iterable=[]))
t('init-dup2', lambda: deque([], 2, maxlen=3))
t('init-int', lambda: deque(5))
t('setattr-maxlen', lambda: setattr(d, 'maxlen', 3))
t('new-int', lambda: deque.__new__(int))
t('new-nontype', lambda: deque.__new__(1))
t('hash', lambda: hash(d))
t('descr', lambda: deque.append(1, 2))
t('add-list', lambda: d + [1])
t('radd-list', lambda: [1] + d)
t('mul-str', lambda: d * 'a')
t('rmul-float', lambda: 2.5 * d)
t('lt-list', lambda: d < [1])
t('lt-mixed', lambda: deque([1, 'a']) < deque([1, 2]))
def iadd_int():
    x = deque(); x += 5
def imul_str():
    x = deque([1]); x *= 'z'
t('iadd-int', iadd_int)
t('imul-str', imul_str)
print(d)
class S(deque):
    pass
t('sub-append', lambda: S().append())
t('sub-pop', lambda: S().pop(1))
t('sub-index', lambda: S([1]).index(1, 0, 1, 2))
t('descr-len', lambda: deque.__len__(5))
t('descr-iter', lambda: deque.__iter__([1]))
t('descr-init', lambda: deque.__init__([]))
t('descr-reduce', lambda: deque.__reduce__(1))
t('sub-mul', lambda: S([1]) * S([2]))
x = deque(maxlen=3); x.__init__(); print(x.maxlen)
t('direct-getitem-slice', lambda: d.__getitem__(slice(1)))
t('direct-getitem-str', lambda: d.__getitem__('a'))
t('direct-getitem-big', lambda: d.__getitem__(2 ** 70))
t('direct-setitem-slice', lambda: d.__setitem__(slice(1, 2), 5))
t('direct-delitem-slice', lambda: d.__delitem__(slice(1, 2)))
t('direct-delitem-big', lambda: d.__delitem__(-2 ** 70))
t('direct-getitem-ok', lambda: (d.__getitem__(-1), d.__setitem__(0, 'z'), d.__delitem__(1), d))
