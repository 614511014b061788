# SyntaxError: a character that cannot start a token.
price = 10
total = price € 2
