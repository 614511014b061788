# split, rsplit, splitlines, partition, join.
print('a,b,,c'.split(','), 'a,b,,c'.split(',', 1), 'a,b,,c'.rsplit(',', 1))
print('  many   spaces here '.split(), ' x '.split(' '), ''.split(), ''.split(','))
print('one\ntwo\r\nthree\rfour'.splitlines(), 'a\nb\n'.splitlines(keepends=True))
print('k=v=w'.partition('='), 'k=v=w'.rpartition('='), 'none'.partition('='))
print('-'.join(['a', 'b', 'c']), ''.join(map(str, range(5))), ', '.join([]))
try:
    ','.join([1, 2])
except TypeError as e:
    print('TypeError:', e)
print('a b c'.split(None, 1), 'a\tb\nc  d'.split())
try:
    'abc'.split('')
except ValueError as e:
    print('ValueError:', e)
print('1.2.3'.split('.', maxsplit=0), 'x'.join('abc'))
