# collections.deque: mutation during iteration and during searches that call __eq__.
from collections import deque

def t(label, f):
    try:
        print(label, 'ok', f())
    except Exception as e:
        print(label, type(e).__name__, e)

def after(change):
    d = deque([1, 2, 3, 4])
    it = iter(d)
    next(it)
    change(d)
    t('  next', lambda: next(it))
    t('  again', lambda: next(it))

for name, change in [('append', lambda d: d.append(5)), ('appendleft', lambda d: d.appendleft(0)),
                     ('pop', lambda d: d.pop()), ('setitem', lambda d: d.__setitem__(0, 9)),
                     ('reverse', lambda d: d.reverse()), ('rotate', lambda d: d.rotate(1)),
                     ('rotate0', lambda d: d.rotate(0)), ('extend-empty', lambda d: d.extend([])),
                     ('clear', lambda d: d.clear()), ('insert', lambda d: d.insert(1, 'i')),
                     ('remove', lambda d: d.remove(3)), ('delitem', lambda d: d.__delitem__(2)),
                     ('imul1', lambda d: d.__imul__(1)), ('imul2', lambda d: d.__imul__(2)),
                     ('init', lambda d: d.__init__([7, 8, 9, 10]))]:
    print(name)
    after(change)

d = deque([1, 2]); it = iter(d); print(list(it)); d.append(3); t('exhausted then mutated', lambda: next(it))
d = deque([1, 2, 3]); it = reversed(d); next(it); d.appendleft(0); t('reversed', lambda: next(it))
d = deque([1, 2, 3])
t('for-append', lambda: [d.append(x) for x in d])

class Mutator:
    def __init__(self, dq, how):
        self.dq, self.how = dq, how
    def __eq__(self, other):
        self.how(self.dq)
        return False
    __hash__ = None

for how_name, how in [('append', lambda q: q.append(0)), ('setitem', lambda q: q.__setitem__(-1, 'S')), ('pop', lambda q: q.pop())]:
    for op in ['index', 'count', 'contains', 'remove']:
        q = deque([5, 6, 7]); q.appendleft(Mutator(q, how))
        f = {'index': lambda: q.index(99), 'count': lambda: q.count(99),
             'contains': lambda: 99 in q, 'remove': lambda: q.remove(99)}[op]
        t(how_name + '-' + op, f)
        print('   ', len(q), q[-1])

class Boom:
    def __eq__(self, other):
        raise KeyError('boom')
for op in [lambda: deque([Boom()]).index(1), lambda: deque([Boom()]).count(1), lambda: 1 in deque([Boom()]), lambda: deque([Boom()]).remove(1), lambda: deque([Boom()]) == deque([1])]:
    t('boom', op)
p = deque([1, 2]); q = deque([Mutator(p, lambda z: z.append(1)), 2]); t('cmp-mutate', lambda: q == p)
t('found-first', lambda: deque([1, Mutator(None, None)]).index(1))
