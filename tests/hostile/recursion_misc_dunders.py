class H:
    def __hash__(self):
        return hash(self)
    def __len__(self):
        return len(self)
    def __str__(self):
        return str(self)
    def __iter__(self):
        return iter(self)
    def __bool__(self):
        return bool(self)
    def __lt__(self, o):
        return self < o
for name, fn in [('hash', hash), ('len', len), ('str', str), ('iter', iter), ('bool', bool), ('sorted', lambda h: sorted([h, H()]))]:
    try:
        fn(H())
    except RecursionError:
        print(name, 'RecursionError')
def gen():
    yield from gen()
try:
    list(gen())
except RecursionError:
    print('yield from RecursionError')
