print("bom program")
x = 1
print(x)
