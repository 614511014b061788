# UnicodeDecodeError / UnicodeEncodeError attributes and messages.
for data in [b'ab\xff', b'\xe2\x28\xa1', b'\xe2\x82', b'\xed\xa0\x80', b'\xf0\x90\x28', b'ok\xc3']:
    try:
        data.decode('utf-8')
    except UnicodeDecodeError as e:
        print(e.encoding, e.object, e.start, e.end, e.reason, '|', e)
for text, enc in [('héé!', 'ascii'), ('h€', 'latin-1'), ('a\U0001f600b', 'ascii')]:
    try:
        text.encode(enc)
    except UnicodeEncodeError as e:
        print(e.encoding, repr(e.object), e.start, e.end, e.reason, '|', e)
e = UnicodeDecodeError('x', b'abc', 1, 3, 'r')
print(e, repr(e), e.args)
print(UnicodeEncodeError('ascii', 'a\xe9', 1, 2, 'bad'))
print(UnicodeTranslateError('a\u20ac', 1, 2, 'bad'))
for args in [('x',), (1, b'', 1, 2, 'r'), ('e', 'not bytes', 1, 2, 'r')]:
    try:
        UnicodeDecodeError(*args)
    except TypeError as err:
        print('TypeError', err)
print(issubclass(UnicodeDecodeError, ValueError), UnicodeError.__mro__[1].__name__)
