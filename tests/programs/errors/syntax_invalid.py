# SyntaxError: invalid syntax.
x = 1
y = x x
