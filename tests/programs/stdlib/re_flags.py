# re: flags (IGNORECASE, MULTILINE, DOTALL, VERBOSE, ASCII), inline and scoped flags, RegexFlag
import re

print(re.I, re.M, re.S, re.X, re.A, re.U, re.L, re.NOFLAG, re.IGNORECASE | re.MULTILINE)
print(repr(re.I | re.S), str(re.A | re.X), int(re.I | re.M), re.I.value, re.M.name, (re.I | re.M).name)
print(re.I | 1024, ~re.I, re.I & re.M, re.I ^ re.I, isinstance(re.I, int), type(re.I | re.M).__name__)
print('%d %s %r' % (re.I, re.I, re.I), format(re.S), re.RegexFlag(8), re.DOTALL == 16)
print(re.match('abc', 'ABC', re.I), re.match('[a-c]+', 'AbC', re.I), re.match('(?i)abc', 'aBc'))
print(re.findall('^\\w', 'a\nb\nc'), re.findall('^\\w', 'a\nb\nc', re.M), re.findall('\\w$', 'a\nb\nc', re.M))
print(re.match('a.c', 'a\nc'), re.match('a.c', 'a\nc', re.S), re.match('(?s)a.c', 'a\nc'))
p = re.compile(r'''
    (\d+)   # digits
    \s* [.] # a dot
    (\d*)   # more digits
''', re.X)
print(p.match('3 .14').groups(), re.match('(?x) a b # comment', 'ab'), re.match(r'(?x)a\ b', 'a b'))
print(re.match('(?x)[ a]+', ' a '), re.match('(?x)a{2} ', 'aa'), re.match('(?x)a  *', 'aaa'))
print(re.findall(r'\w+', 'héllo wörld'), re.findall(r'\w+', 'héllo wörld', re.A), re.findall(r'(?a)\w+', 'héllo'))
print(re.match(r'\d+', '١٢٣'), re.match(r'\d+', '١٢٣', re.A), re.match(r'\s+', '\u2003\x1c'), re.match(r'(?a)\s', '\x1c'))
print(re.match('(?i:a)b', 'Ab'), re.match('(?i:a)b', 'AB'), re.match('a(?i)', 'A') if False else None)
print(re.match('(?-i:a)b', 'aB', re.I), re.match('(?-i:a)b', 'AB', re.I), re.match('(?s:.).', '\n\n'))
print(re.match('(?m:^a$)\nb', 'a\nb'), re.match('(?x: a b )c', 'abc'), re.match('(?a:\\w)\\w', 'éé'))
print(re.compile('(?i)a').flags, re.compile('(?m)a').flags, re.compile('(?x)a').flags, re.compile('a', re.A).flags)
print(re.compile('(?s)a', re.I), re.compile('a', re.I | re.A), re.compile(b'a', re.I), re.compile(b'(?L)a'))
print(re.compile('(?i)(?m)a').flags, re.compile('(?im)a').flags, re.compile('(?u)a'))
print(re.match('(?i)straße', 'STRASSE'), re.match('(?i)ß', 'SS'), re.match('(?i)[k]', '\u212a'))
print(re.match('(?i)ſ', 's'), re.match('(?i)s', 'ſ'), re.match('(?i)[a-z]+', 'ſK\u212a'), re.match('(?ia)[a-z]+', 'ſK'))
print(re.match('(?i)Σ', 'ς'), re.match('(?i)[Σ]', 'σ'), re.match('(?i)İ', 'i'), re.match('(?i)ı', 'I'))
print(re.search('(?i)[^a]', 'A'), re.search('(?i)[^a]', 'AB'), re.match('(?i)[\\w]', 'É'))
for args in [('a', re.L), (b'a', re.U), ('a', re.A | re.U), ('(?a)(?u)', 0), (b'a', re.A | re.L)]:
    try:
        re.compile(*args)
    except ValueError as e:
        print('ValueError:', e)
print(re.compile('x', re.T), re.compile('a', re.M | re.S | re.X).flags)
