# re: re.Scanner (lexicon of phrases and actions), pattern.scanner(), finditer as a lexer
import re

def ident(sc, tok):
    return ('ID', tok)

lex = re.Scanner([
    (r'[a-zA-Z_]\w*', ident),
    (r'\d+\.\d*', lambda sc, t: ('FLOAT', float(t))),
    (r'\d+', lambda sc, t: ('INT', int(t))),
    (r'[=+*/-]', lambda sc, t: ('OP', t)),
    (r'\s+', None),
    (r'#', 'HASH'),
])
print(lex.scan('sum = 3*foo + 312.50 - bar # x'))
print(lex.scan('x = 1 $ y'), lex.scan(''), lex.scan('   '))
print(re.Scanner([(r'a', 'A'), (r'b', lambda s, t: s.match.span())]).scan('abba!'))
print(re.Scanner([('x', 'X')], re.I).scan('xXy'))
sc = re.compile(r'(?P<num>\d+)|(?P<word>[a-z]+)|(?P<ws>\s+)').scanner('ab 12 cd!')
while True:
    m = sc.match()
    if m is None:
        break
    print(m.lastgroup, repr(m.group()), m.span(), m.pos, m.endpos)
TOKENS = re.compile(r'''
    (?P<NUMBER>\d+(?:\.\d+)?)
  | (?P<NAME>[A-Za-z_]\w*)
  | (?P<OP>[-+*/()=])
  | (?P<SKIP>[ \t]+)
  | (?P<MISMATCH>.)
''', re.VERBOSE)
for m in TOKENS.finditer('a1 = (b + 2.5) * c ?'):
    if m.lastgroup != 'SKIP':
        print(m.lastgroup, m.group(), end='; ')
print()
print(re.I in (re.I | re.M), re.S in re.I, list(re.M | re.I), list(re.NOFLAG))
# As CPython's: phrases keep their own group numbers, the combined pattern has no source,
# no names and no implied re.UNICODE; a scanner accepts str and bytes.
s = re.Scanner([(r'(?P<x>a)(b)', lambda s, t: (s.match.groups(), s.match.lastindex, s.match.re.groupindex,
                                               s.match.re.pattern, s.match.re.groups, s.match.re.flags)),
                (r'c(d)(e)', lambda s, t: s.match.groups()), ('x', 'X')])
print(s.scan('abcdex'))
for lexicon in ([(r'c(d)(e)(f)', None)], [(r'(a)(b)\2', None)]):
    try:
        re.Scanner(lexicon)
    except RuntimeError as e:
        print('RuntimeError', e)
print(re.Scanner([(r'\w+', lambda s, t: t)]).scan('éa b'), re.Scanner([('é', 'E')], re.I).scan('É'))
print(re.Scanner([('a', 'A'), (b'b', 'B')]).scan(b'ab'))
