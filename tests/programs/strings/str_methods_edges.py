# str methods: find/count bounds, split/rsplit/splitlines, partition, join, replace, strip, justify, translate, slicing, dunders.
E = [
 "'abc'.find('c', -1)", "'abc'.find('', 5)", "'abc'.find('', 3)", "'abc'.rfind('')", "'aaa'.count('aa')", "'aaa'.count('')", "'abc'.count('', 1, 2)", "'abc'.index('d')", "'abc'.rindex('a', 1)",
 "'a,b,,c'.split(',')", "'a,b,,c'.split(',', 1)", "' a  b '.split()", "' a  b '.split(None, 1)", "'a b'.split(' ', -1)", "''.split()", "''.split(',')", "'abc'.split('')", "'a\\x1cb\\u2028c\\x85d'.split()",
 "'a,b,c'.rsplit(',', 1)", "'  a b  c '.rsplit(None, 1)", "'a\\nb\\r\\nc\\rd\\x0be\\x0cf\\x1cg\\x1dh\\x1ei\\x85j\\u2028k\\u2029l'.splitlines()", "'a\\n'.splitlines(True)", "''.splitlines()",
 "'abc'.partition('b')", "'abc'.rpartition('x')", "'abc'.partition('')", "'-'.join(['a', 'b'])", "'-'.join([])", "'-'.join(['a', 1])", "','.join('abc')",
 "'abc'.replace('', '-')", "'abc'.replace('', '-', 2)", "'aaa'.replace('a', 'b', 0)", "'aaa'.replace('a', 'b', -1)", "'abc'.replace('b', '')",
 "'  x  '.strip()", "'xxaxx'.strip('x')", "'abc'.strip('')", "'\\u3000x\\u3000'.strip()", "'abc'.lstrip('ba')", "'abc'.rstrip(None)",
 "'abc'.startswith(('x', 'a'))", "'abc'.startswith('b', 1)", "'abc'.startswith('', 4)", "'abc'.endswith('c', 0, 2)", "'abc'.startswith(1)", "'abc'.endswith(('c', 1))",
 "'abc'.center(9, '*')", "'abc'.center(8, '*')", "'ab'.center(5)", "'abcd'.center(7)", "'x'.ljust(3, 'é')", "'x'.rjust(3, 'ab')", "'-5'.zfill(4)", "'+'.zfill(3)", "'abc'.zfill(2)",
 "'a\\tb\\tc'.expandtabs(0)", "'ab\\tc\\n\\td'.expandtabs(3)", "'abc'.removeprefix('ab')", "'abc'.removesuffix('')",
 "'abc'.translate({97: 'X', 98: None})", "'abc'.translate(str.maketrans('ab', 'xy', 'c'))", "str.maketrans({'a': 1})", "str.maketrans('ab', 'x')", "'abc'.translate({97: 300})",
 "'%s' % 'x'", "'abc'[::-1]", "'abcdef'[1:5:2]", "'abc'[5:]", "'abc'[-10:2]", "'abc' * 0", "'abc' * -1", "'ab' < 'abc'", "'b' > 'abc'", "'Z' < 'a'",
 "'abc'.encode()", "str(b'x')", "str(1.5)", "str(None)", "str()", "str(b'x', 'ascii')", "str(b'\\xff', 'utf-8', 'replace')", "str(object=5)", "str(1, 'x')",
 "'a' in 'abc'", "'' in 'abc'", "'abc'.isidentifier()", "'1a'.isidentifier()", "'abc'.index('c', -1)", "'abc'.casefold()", "'%c' % 128512",
 "format('abc', '>5')", "'{:>5}'.format('ab')", "f'{\"ab\":^6}'", "f'{3.14159:.2f}'", "f'{10:#x}'", "f'{1e10:g}'", "f'{12345:_}'", "'x'.__len__()", "'abc'.__contains__('b')", "'ab'.__getitem__(0)",
 "'ab'.__add__('c')", "'ab'.__mul__(2)", "'ab'.__rmul__(2)", "'ab'.__mod__(())", "'a%sb'.__rmod__('x')", "'abc'.__hash__() == hash('abc')",
 "sorted('hello')", "max('abc')", "min('bca')", "list(reversed('abc'))", "'abc'.upper().lower()", "ord('é')", "chr(0x10FFFF) == '\\U0010ffff'", "chr(-1)", "chr(0x110000)", "ord('ab')", "ord('')", "ord(b'a')",
]
for e in E:
    try:
        print(e, '->', repr(eval(e)))
    except Exception as x:
        print(e, '->', type(x).__name__, x)
