# re: bytes patterns and subjects (ASCII classes), bytearray subjects, type mixing errors
import re

print(re.match(rb'\w+', b'abc def'), re.findall(rb'\d+', b'a1b22'), re.search(b'b', b'abc').span())
print(re.findall(rb'\w', 'é'.encode('latin-1') + b'a'), re.findall(rb'\s', b' \t\x1c\x85'))
print(re.match(rb'(?i)abc', b'ABC'), re.match(rb'(?i)\xe9', b'\xc9'), re.match(rb'[a-z]+', b'ABC', re.I))
print(re.sub(rb'(\w+)', rb'<\1>', b'ab cd'), re.split(rb'\s', b'a b'), re.subn(b'a', b'', b'aaa'))
m = re.match(rb'(?P<x>\w)(\w)?', b'a')
print(m.groups(), m.groupdict(), m.group('x'), m.span(2), repr(m), m[0])
print(re.match(b'a', bytearray(b'abc')), re.findall(b'.', bytearray(b'ab')), re.sub(b'a', b'b', bytearray(b'aa')))
print(re.compile(b'\\x00\\xff'), re.compile(rb'\d', re.A).flags, re.compile(rb'\d').flags, re.compile(b'(?L)a').flags)
print(re.escape(b'a.b\xff'), re.match(rb'\x41\101', b'AA'), re.match(b'[\x80-\xff]+', b'\x80\xff!'))
for args in [(b'a', 'a'), ('a', b'a'), (b'a', 1)]:
    try:
        re.match(*args)
    except TypeError as e:
        print('TypeError:', e)
for p in [rb'\u1234', rb'\N{DIGIT ONE}', b'(?u)a', rb'[\U00000041]']:
    try:
        re.compile(p)
    except re.error as e:
        print('error:', e)
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    print(re.compile(b'(?P<\xe9>a)').groupindex, re.compile(b'[[a]').pattern)
print([(x.category.__name__, str(x.message)) for x in w])
print(re.match(rb'\bab\b', b'ab'), re.fullmatch(rb'[^\W\d]+', b'ab_'), re.findall(rb'\W', b'a-b c'))
print(re.sub(b'x', lambda m: m.group() * 2, b'axb'), re.sub(b'x', lambda m: None, b'axb'))
print(re.findall(rb'(a)(b)?', b'aab'), list(m.span() for m in re.finditer(rb'a*', b'baab')))
