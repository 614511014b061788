# SyntaxError from the compiler: OR pattern alternatives bind different names
print("not reached")
match (1, 2):
    case (x, 1) | (1, y):
        pass
