# IndentationError: the body of an if statement is missing.
x = 1
if x > 0:
print('positive')
