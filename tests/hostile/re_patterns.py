# Hostile regular expressions: deep nesting, huge repeat counts, catastrophic backtracking on
# moderately long input, deep backtracking stacks on long input. None may crash the runtime.
import re

def attempt(f):
    try:
        f()
    except (re.error, RecursionError, OverflowError, MemoryError, ValueError) as e:
        print(type(e).__name__, str(e)[:60])

attempt(lambda: re.compile('(' * 100000 + ')' * 100000))
attempt(lambda: re.compile('(?:' * 100000))
attempt(lambda: re.compile('[' * 100000))
attempt(lambda: re.compile('(?=' * 5000 + ')' * 5000))
attempt(lambda: re.compile('a|' * 100000).match('b'))
attempt(lambda: re.compile('(?:a|b)' * 20000).match('ab' * 10000))
attempt(lambda: re.match('a{4294967294}', 'a' * 100))
attempt(lambda: re.match('(?:a{1000}){1000}', 'a' * 10000))
attempt(lambda: re.match('(?:(?:a{65535}){65535}){65535}', 'aaa'))
attempt(lambda: re.compile('(?<=a{4294967294})b').search('ab'))
attempt(lambda: re.compile('(?<=(?:a{65536}){65536})b'))
attempt(lambda: re.match('(a*)*b', 'a' * 18))
attempt(lambda: re.match('(?:a+)+b', 'a' * 18))
attempt(lambda: re.match('(a|aa)*c', 'a' * 22))
attempt(lambda: re.match('(?:a|b)*c', 'ab' * 200000))
attempt(lambda: re.match('(a|b)*c', 'ab' * 200000))
attempt(lambda: re.match('(?:(a)|b)*?c', 'ab' * 100000))
attempt(lambda: re.search(r'(\w+)\s+\1', 'word ' * 10000 + 'x'))
attempt(lambda: re.findall('', 'x' * 100000))
attempt(lambda: re.sub('x*', '-', 'ab' * 50000))
attempt(lambda: re.split('(?:)', 'abc' * 30000))
attempt(lambda: re.match('(?:(?=a)a)*' * 50, 'a' * 1000))
attempt(lambda: re.fullmatch('(?>a*)*+b?', 'a' * 100000))
attempt(lambda: re.compile('x' * 1000000).search('x' * 999999))
attempt(lambda: re.compile(r'\1' * 10))
attempt(lambda: re.compile('(a)' * 5000 + r'\5000'))
attempt(lambda: re.compile('[\U00010000-\U0010ffff\u0000-\uffff]', re.I).match('x'))
attempt(lambda: re.compile(b'[\x00-\xff]*', re.I | re.L).match(bytes(range(256)) * 100))
attempt(lambda: re.sub('(a)', '\\' + 'g<' + '9' * 100 + '>', 'a'))
print('done')
