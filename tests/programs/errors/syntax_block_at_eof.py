# SyntaxError: expected an indented block, reported at the end of the file.
for i in range(3):
