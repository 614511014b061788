# Uncaught exception inside a list comprehension and a lambda.
inverse = lambda x: 1 / x
print([inverse(x) for x in [4, 2, 1]])
print([inverse(x) for x in [2, 1, 0]])
