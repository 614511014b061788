# str and bytes hash as CPython with PYTHONHASHSEED=0 (SipHash-1-3), so sets of strings iterate in CPython's order.
print(set('hello world'), {'apple', 'banana', 'cherry'}, {'é', 'ü', '日本', '😀'}, frozenset(['x', 'y', 'z']))
print(hash('abc'), hash(''), hash('é'), hash(b'abc'), hash(b''), hash(('a', 1)), hash(frozenset({'a'})))
d = {'k%d' % i: i for i in range(10)}; print(set(d), {w for w in 'the quick brown fox jumps over the lazy dog'.split()})
print({'a': 1}.keys() | {'b'}, set(['Python', 'Rust', 'Go', 'C']) - {'Go'})
