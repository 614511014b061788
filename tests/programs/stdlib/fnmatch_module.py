# fnmatch: translate() text, fnmatch/fnmatchcase/filter, sets, ranges, stars
import fnmatch
for p in ['*.py', 'a?c', '[abc]*', '[!a]', '*a*b', '*a*b*', 'a*', '**', '[', '[!]', '[]]', 'a[b-d]e', '[a-]', '*.[ch]', 'x\\y', '[z-a]', '[a-z-0]', '\\*', 'ab*cd*ef*', '*', '', '[^x]', '[a&&b]', '[a~~b]', '[a||b]', '[!!]', '[a-c-e]', '[!a-c]x', '[b-a-c]']:
    print(repr(p), repr(fnmatch.translate(p)))
names = ['a.py', 'b.txt', 'abc', 'a.c', 'a.h', 'A.PY', '.hidden', 'x\ny', 'aXb', 'ab', '-']
for p in ['*.py', '*.[ch]', 'a*', '?b?', '*', '[!a]*', 'a*b', '[a-]', 'x?y']:
    print(p, fnmatch.filter(names, p), [n for n in names if fnmatch.fnmatchcase(n, p)], fnmatch.fnmatch('A.PY', p))
print(fnmatch.fnmatch(b'abc', b'a*'), fnmatch.filter([b'x.py', b'y'], b'*.py'))
