# str.format with positional, keyword, index and attribute fields.
print('{} {} {}'.format(1, 'two', 3.0))
print('{0} {1} {0}'.format('a', 'b'))
print('{name} is {age}'.format(name='Cy', age=30))
print('{0[1]} {0[key]} {1.real} {1.denominator}'.format({1: 'one', 'key': 'K'}, 5))
print('{:>8} {:<8}| {:^8}'.format('r', 'l', 'c'))
print('{0:{1}} {2:.{3}f}'.format('w', 6, 2.71828, 2))
print('{!r} {!s} {!a}'.format('x', 'y', 'ü'))
print('{{}} {}'.format('braces'))
class P:
    x = 5
    def __format__(self, spec):
        return 'P(' + spec + ')'
print('{0.x} {0:spec}'.format(P()))
print('{:,} {:.2%} {:e}'.format(10 ** 9, 0.256, 12345))
print('{a}-{b}'.format_map({'a': 1, 'b': 2}))
for bad in ['{', '{0} {}', '{missing}', '{0[}']:
    try:
        print(bad.format('x'))
    except (ValueError, KeyError, IndexError) as e:
        print(type(e).__name__, e)
try:
    '{1}'.format('only')
except IndexError as e:
    print('IndexError:', e)
