# re: sub/subn with templates and callables, split with groups and maxsplit, empty matches
import re

print(re.sub(r'\d+', '#', 'a1b22c333'), re.subn(r'\d+', '#', 'a1b22c333'))
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@home, ann@work'))
print(re.sub(r'(?P<w>\w+)', r'[\g<w>|\g<1>|\g<0>]', 'ab cd'))
print(re.sub('a', r'\n\t\\', 'xa'), repr(re.sub('a', r'\0\01\101', 'a')))
print(re.sub('(a)|b', r'[\1]', 'ab'), re.sub('x', r'\-\ ', 'x'))
print(re.sub('a', lambda m: m.group().upper() * 2, 'banana'), re.sub('a', lambda m: None, 'banana'))
print(re.sub('a', '-', 'aaaa', count=2), re.sub('a', '-', 'aaaa', 3), re.subn('x', '-', 'abc'))
print(re.sub('x*', '-', 'abxd'), re.sub('', '-', 'abc'), re.sub('a|', '-', 'bab'))
print(re.sub('(?m)^', '> ', 'one\ntwo\n'), re.sub(r'\s+', ' ', '  a \n b  '))
print(re.sub('b*', '|', 'abc'), re.subn('$', '!', 'a\nb\n'), re.sub('(?m)$', '!', 'a\nb\n'))
print(re.split(r',\s*', 'a, b,c ,  d'), re.split(r'(,)\s*', 'a, b,c'))
print(re.split(r'(a)|(b)', 'xaybz'), re.split(r'\W+', 'Words, words, words.', 1))
print(re.split('x*', 'axbc'), re.split('', 'abc'), re.split(r'\b', 'a b'))
print(re.split('a', 'bab', maxsplit=-1), re.split('a', 'aaa'), re.split('(a)', ''), re.split('a', ''))
print(re.split(r'(?=b)', 'abab'), re.split('[ab]', 'cacbc', maxsplit=1))
p = re.compile(r'(\d)')
print(p.sub(r'<\1>', 'a1b2'), p.subn(lambda m: str(int(m[1]) * 2), 'a1b2'), p.split('a1b2c'))
print(re.sub('a', 'b', 'xyz') == 'xyz', re.sub('(a)(b)?', r'\2', 'a'))
def repl(m):
    return '%s@%d' % (m.group(), m.start())
print(re.sub(r'\w+', repl, 'ab cd ef'))
for bad in [r'\g', r'\g<', r'\g<1a>', r'\g<-1>', r'\3', r'\q', r'\g<2>', 'x\\']:
    try:
        re.sub('(a)', bad, 'a')
    except re.error as e:
        print('error:', e)
try:
    re.sub('(a)', r'\g<nope>', 'a')
except IndexError as e:
    print('IndexError:', e)
try:
    re.sub('a', lambda m: 1, 'bab')
except TypeError as e:
    print('TypeError:', e)
print(re.sub(b'a', b'\\\\', b'xay'), re.sub(b'(a)', rb'<\1>', b'xay'))
print(re.sub('(?P<n>a)', r'\g<n>\g<n>', 'aXa'), re.subn('', '', 'abc'))
print(re.compile('o').sub('0', 'foo boo', 1), re.sub('(?i)O', '0', 'fOo'))
