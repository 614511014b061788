# SyntaxErrors from compile/eval/exec can be caught and inspected.
for src in ['1 +', 'def f(:\n pass', 'x = (1,', 'if x\n  pass', '  indented', 'a b', "'open", 'f(**x, *y)', 'del 1', 'lambda: (yield)']:
    try:
        compile(src, '<src>', 'exec')
        print(repr(src), 'compiled')
    except SyntaxError as e:
        print(repr(src), type(e).__name__, '|', e.msg, '|', e.lineno, e.offset)
