# SyntaxError: unterminated string literal.
name = 'unterminated
print(name)
