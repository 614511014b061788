# SyntaxError: a backslash continuation followed by a character.
x = 1 + \ 2
