# strip family, padding, centering, zfill, expandtabs, replace.
s = '  \t padded \n '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print('xxhixx'.strip('x'), 'abcba'.strip('ab'), '..a..'.lstrip('.'), '..a..'.rstrip('.'))
print(repr('hi'.ljust(6)), repr('hi'.rjust(6, '*')), repr('hi'.center(7, '-')), repr('hi'.center(6)))
print('42'.zfill(5), '-42'.zfill(5), '+7'.zfill(4), 'abc'.zfill(2))
print(repr('a\tb\tc'.expandtabs(4)), repr('12345\t6'.expandtabs()))
print('aaa'.replace('a', 'b'), 'aaa'.replace('a', 'b', 2), 'abc'.replace('', '-'))
print('hello world'.replace('o', '0').replace('l', '1'))
t = str.maketrans('abc', 'xyz', 'd')
print('abcdabcd'.translate(t), str.maketrans({'a': 'A'}) == {97: 'A'})
