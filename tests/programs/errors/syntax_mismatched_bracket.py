# SyntaxError: a closing bracket of the wrong kind, on a later line.
items = [1, 2,
         3)
