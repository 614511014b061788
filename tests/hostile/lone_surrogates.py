# Lone surrogates: Spindle's str is UTF-8, so every path that would create one raises
# (SyntaxError for literals, ValueError/NotImplementedError at run time); none may crash.
import json
for src in [r"'\ud800'", r"'a\udfffb'", r"f'{1}\udc80'", r"'\U0000d800'", r"'\\ud800'", r"r'\ud800'"]:
    try:
        print(ascii(eval(src)))
    except SyntaxError as e:
        print('SyntaxError', e.msg)
for f in [lambda: chr(0xd800), lambda: '%c' % 0xdc00, lambda: format(0xdbff, 'c'), lambda: 'a'.translate({97: 0xd800}),
          lambda: 'a'.translate({97: 2 ** 32 + 97}), lambda: json.loads(r'"\ud800"'), lambda: b'\xff'.decode('utf-8', 'surrogateescape')]:
    try:
        print(ascii(f()))
    except Exception as e:
        print(type(e).__name__, e)
