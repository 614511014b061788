tests = [(1, 'garbage'), (1.5, '{}'), ('s', '=10'), (1, ',_'), (1, '.-1f'), (1, '9' * 30), (1.0, '.' + '9' * 30 + 'f'),
         ('x', '<<'), (1, 'z'), (None, 'd'), (1, '\x00'), (1, '%%'), (10 ** 100, '.1000e'), (1.5, '999999999999f')]
for value, spec in tests:
    try:
        r = format(value, spec)
        print('ok', len(r))
    except (ValueError, TypeError, OverflowError, MemoryError) as e:
        print(type(e).__name__)
for fmt, args in [('%', ()), ('%(', {}), ('%*d', (1,)), ('%.*f', ('x', 1)), ('%' + '9' * 30 + 'd', (1,)), ('%c', (-1,)), ('%c', (2 ** 40,))]:
    try:
        print('ok', len(fmt % args))
    except (ValueError, TypeError, OverflowError, KeyError, MemoryError) as e:
        print(type(e).__name__)
for s in ['{', '}', '{0!z}', '{:{:{:{}}}}', '{0[}', '{.}', '{' * 1000, '{0:' + '{' * 100]:
    try:
        print('ok', s.format(1, 2, 3, 4))
    except (ValueError, IndexError, KeyError, AttributeError) as e:
        print(type(e).__name__)
