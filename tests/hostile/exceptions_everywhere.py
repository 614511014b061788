class Bad:
    def __repr__(self): raise ValueError('repr')
    def __str__(self): raise ValueError('str')
    def __format__(self, spec): raise ValueError('format')
    def __len__(self): raise ValueError('len')
    def __iter__(self): raise ValueError('iter')
    def __hash__(self): raise ValueError('hash')
    def __eq__(self, o): raise ValueError('eq')
    def __lt__(self, o): raise ValueError('lt')
    def __bool__(self): raise ValueError('bool')
    def __del__(self): raise ValueError('del')
    def __index__(self): raise ValueError('index')
    def __getattr__(self, n): raise ValueError('getattr')
b = Bad()
for fn in [repr, str, len, iter, hash, bool, lambda x: f'{x}', lambda x: [1][x], lambda x: x == 1,
           lambda x: sorted([x, Bad()]), lambda x: {x: 1}, lambda x: x in [1], lambda x: print(x),
           lambda x: x.attr, lambda x: [x] == [Bad()], lambda x: max([x, Bad()]), lambda x: '%s' % x]:
    try:
        fn(b)
    except ValueError as e:
        print('ValueError', e)
del b
print('end')
