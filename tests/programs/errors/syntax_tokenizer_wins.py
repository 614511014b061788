# SyntaxError: a tokenizer error later in the file wins over an earlier parser error.
x = 1 +
y = 2
z = "open
