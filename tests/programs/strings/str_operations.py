# Concatenation, repetition, comparison, membership, iteration.
a, b = 'foo', 'bar'
print(a + b, a * 3, 3 * b, a * 0, a * -1 == '')
print(a < b, a == 'foo', a != b, 'abc' < 'abd', 'ab' < 'abc', 'Z' < 'a')
print(list('hey'), [c for c in reversed('hey')], sorted('hello'))
print(min('hello'), max('hello'), 'l' in 'hello')
print(str(123), str(1.5), str([1, 'a']), str(None), str(b'x'))
print(len(''), len('four'), 'x'[0], 'abc'[-1])
try:
    'abc'[5]
except IndexError as e:
    print('IndexError:', e)
try:
    s = 'abc'
    s[0] = 'X'
except TypeError as e:
    print('TypeError:', e)
try:
    'a' + 1
except TypeError as e:
    print('TypeError:', e)
parts = []
for i in range(5):
    parts.append(str(i) * i)
print('|'.join(parts))
print('%s' % 'x' * 3)
print(str.__name__, type('') is str, isinstance('x', str))
