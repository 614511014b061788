# More SyntaxErrors from compile(): '=' in named-expression contexts, decorators, unindents,
# forgotten commas, errors at the end of the input and tokenizer errors after parser errors.
sources = [
    '[x = 1]', '(x = 1)', '{x = 1}', 'print(x = 1 + )', 'assert x = 1', 'return x = 1', 'x = [y = 1]',
    'f(a, x = 1 = 2)', '@dec = 1\ndef f(): pass', 'while x = 1:\n  pass', 'if x.y = 1: pass',
    'if x == 1 = 2: pass', 'if a.b =\t= c: pass', 'class A:\n    @dec\nx = 1\n', 'class A:\n    @dec\n',
    'if x:\n    pass\n  @d\n', 'def f():\n    x = 1\n    @d\n', '@d\n@e\nx = 1\n',
    'f(a b c)', 'f(a, not b c)', 'f(x if y else z w)', 'f(a.b c.d)', 'f(a b.c)', 'f(-a b)',
    'f(a + b c)', 'f(a < b c)', 'f(a b + c)', 'f(a b, c)', 'f(a lambda: 1)', 'f(a not b)',
    '[a for a in b c]', '[x for x in y if a b]', 'f(1 if 2 else 3 4)', 'f(lambda x: a b)',
    'f(x=a b)', 'f(*a b)', 'f(**a b)', '{a: b c}', '{a b: c}', 'f(a)(b c)', 'a[b c]', 'a[1:b c]',
    'def f(a, b c): pass', 'def f(a=1 b=2): pass', 'from m import (a b)', 'import a b',
    'x = (not a in b and not c d e)', 'def f(a, b=1, c==2): pass', 'f():\n', 'g(x):\n    pass\n',
    'if x:\n\n\n', 'if x:\n   \n', 'if x:\n# c\n\n', 'if x:\n# c', 'if x:  # c\n',
    'try:\n  pass\n# end\n', 'if x:\n    # c\n\n\n', 'for x in y:\n    # body\n',
    'class C:\n    x = 1\n    def f(self):\n        # todo\n',
    'x = 1\n  y = 2\nz = "unterminated\n', 'x = (1,\ny = 2\nz = 3 4\n',
    'x = [1,\n     2\n     3]\n', 'y = x x\nz = (', 'print(1, 2\nprint(3)\n',
    'def f(:\n    pass\n', 'lambda x=1, y: 0', 'def f(x, x=1): pass',
]
for src in sources:
    try:
        compile(src, '<src>', 'exec')
        print(repr(src), 'compiled')
    except SyntaxError as e:
        print(repr(src), type(e).__name__, '|', e.msg, '|', e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
for src in ['@d\n', 'x = 1\n@d\n\n\n', '@dec\n    def f(): pass\n', 'f(): pass', '{k: v for k, v in d.items() k}',
            'x = 1 \\ 2', 'x = 1 +\\', 'def f():\n  return\n x = 1']:
    try:
        compile(src, '<src>', 'exec')
        print(repr(src), 'compiled')
    except SyntaxError as e:
        print(repr(src), type(e).__name__, '|', e.msg, '|', e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
