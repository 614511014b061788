# SyntaxError: a compiler error (not the parser): 'break' outside a loop.
def f():
    if True:
        break
