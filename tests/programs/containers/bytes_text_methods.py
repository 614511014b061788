# bytes/bytearray text-like methods: justify, case, partition, split/rsplit/splitlines, translate, hex, concat errors.
tests = ["b'ab'.center(6)", "b'ab'.center(7, b'*')", "b'ab'.center(5, b'**')", "b'ab'.center(5, '*')", "b'ab'.ljust(4, b'-')", "b'ab'.rjust(4)", "b'-12'.zfill(6)", "b'+x'.zfill(1)", "bytearray(b'ab').center(4)",
 "b'hello WORLD'.capitalize()", "b'hello WORLD'.swapcase()", "b'hello world 2x'.title()", "b'Hello World'.istitle()", "b'ABC1'.isupper()", "b'abc1'.islower()", "b''.isupper()", "b'\\x80'.isascii()", "b'abc'.isascii()",
 "b'a\\tbc\\td'.expandtabs()", "b'a\\tb'.expandtabs(4)", "b'a\\nb\\tc'.expandtabs(3)", "b'a,b,c'.partition(b',')", "b'a,b,c'.rpartition(b',')", "b'abc'.partition(b'x')", "b'abc'.rpartition(b'x')", "b'abc'.partition(b'')",
 "bytearray(b'a,b').partition(b',')", "b'prefix-x'.removeprefix(b'prefix-')", "b'x.py'.removesuffix(b'.py')", "b'x'.removeprefix(b'y')", "b' a b  c '.rsplit()", "b'a,b,c'.rsplit(b',', 1)", "b'a b c'.rsplit(None, 1)", "b'a\\nb\\r\\nc\\rd\\n'.splitlines()",
 "b'a\\nb\\r\\nc\\rd\\n'.splitlines(True)", "b'\\x0ba\\x0b'.split()", "b'\\x1ca'.split()", "b'abc'.translate(bytes.maketrans(b'ab', b'xy'))", "b'abc'.translate(None, b'b')", "b'abc'.translate(b'x')", "bytes.maketrans(b'a', b'bc')",
 "b'abc'.startswith(b'b', 1)", "b'abc'.endswith((b'x', b'b'), 0, 2)", "b'abc'.startswith('a')", "b'abcabc'.count(b'c', 3)", "b'ab'.hex(':')", "b'abcd'.hex('-', 2)", "b'abcde'.hex(' ', -2)", "bytearray(b'ab') + b'c'", "b'a' + 'b'", "b'a' + 1", "bytearray(b'a') + 'x'",
 "b'x' * 3", "3 * bytearray(b'xy')", "b'%s %d %%' % (b'a', 3)", "b'abc'[::-1]", "b'abc'[1]", "b'a' < b'b'", "b'abc' == bytearray(b'abc')", "bytes(3)", "bytes([1, 2])", "bytes(b'x')", "bytes('é', 'utf-8')", "bytes('x')", "bytes(-1)", "bytes([256])", "bytearray([256])",
 "b'a b'.split(b' ', maxsplit=1)", "b'aaa'.replace(b'a', b'b', 2)", "b'abc'.index(b'z')", "b'abc'.rindex(99)", "99 in b'abc'", "b'c' in b'abc'", "300 in b'abc'", "'a' in b'abc'", "b'  x '.strip()", "b'xxaxx'.strip(b'x')", "b'abc'.upper()", "b'ABC'.lower()", "b'abc'.isalnum()"]
for t in tests:
    try:
        print(t, '->', repr(eval(t)))
    except Exception as e:
        print(t, '->', type(e).__name__, e)
