# SyntaxError: unmatched ')'.
print('a'))
