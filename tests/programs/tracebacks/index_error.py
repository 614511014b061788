# Uncaught IndexError in a loop.
data = [10, 20, 30]
for i in range(5):
    print(data[i])
