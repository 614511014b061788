# re: re.error messages and positions for malformed patterns; TypeErrors
import re

bad = ['*', '+a', 'a**', 'a*??', 'x{1}{2}', '^*', r'\b+', '(', '(a', 'a)', '())', '[', '[a', '[]',
       '[z-a]', r'[\d-z]', r'[a-\w]', r'\q', r'[\q]', '\\', r'\x1', r'\xg', r'\u12', r'\U00110000',
       r'\8', r'(a)\2', r'(a\1)', r'\400', r'[\400]', '(?', '(?P', '(?P<', '(?P<a', '(?P<1a>x)',
       '(?P<a>x)(?P<a>y)', '(?P=a)', '(?P=', '(?Px)', '(?<x)', '(?z)', '(?i', '(?i-', '(?-i)',
       '(?i-i:a)', '(?a-u:a)', '(?au)', '(?L)', 'a(?i)', '(?#abc', r'(?<=a*)', r'(?<=a|bc)',
       '(?(1)a|b)', '(a)(?(1)a|b|c)', '(?(x)a)', '(?(0)a)', 'a{2,1}', r'(?<=(a)\1)', 'a|*', '(?<',
       '(?<!', '(?:', 'a{1,2}+?', '(?P>a)', '(?iz)', '(?t:a)', r'(?(-1)a)', '(?P<a!>x)']
for p in bad:
    try:
        re.compile(p)
        print(repr(p), 'compiled')
    except re.error as e:
        print(repr(p), '->', e, '|', repr(e.msg), e.pos, e.lineno, e.colno, e.pattern == p)
for p in ['a{99999999999}', 'x{4294967295}', 'x{1,4294967295}']:
    try:
        re.compile(p)
    except OverflowError as e:
        print('OverflowError:', e)
try:
    re.compile('ab\ncd\n(ef')
except re.error as e:
    print(e, e.lineno, e.colno)
try:
    re.compile(b'\\q')
except re.error as e:
    print(e, e.pattern)
for args in [(1,), (b'a', 'b'), ('a', b'b'), ('a', 5), ('a', None)]:
    try:
        re.match(*args) if len(args) == 2 else re.compile(*args)
    except TypeError as e:
        print('TypeError:', e)
try:
    re.compile(re.compile('a'), re.I)
except ValueError as e:
    print('ValueError:', e)
print(re.compile(re.compile('a')) is re.compile('a'), re.error is re.PatternError if hasattr(re, 'PatternError') else True)
print(issubclass(re.error, Exception), re.error.__module__, re.error('msg').msg, str(re.error('m', 'pat', 1)))
print(re.error('x', 'a\nb', 2).lineno, str(re.error('x', 'a\nb', 2)))
try:
    re.compile('(' * 600 + ')' * 600)
except RecursionError as e:
    print('RecursionError')
print(re.compile('(' * 100 + ')' * 100).groups, re.compile('(?:' * 300 + 'a' + ')' * 300).match('a'))
