# Uncaught ZeroDivisionError at module level after some output.
print('before')
x = 10
y = 0
print(x / y)
print('never')
