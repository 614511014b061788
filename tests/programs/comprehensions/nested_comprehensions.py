# Nested comprehensions: matrices, flattening, products.
size = 4
identity = [[1 if r == c else 0 for c in range(size)] for r in range(size)]
for row in identity:
    print(row)
m = [[r * size + c for c in range(size)] for r in range(size)]
transposed = [[m[r][c] for r in range(size)] for c in range(size)]
print(transposed)
print([v for row in m for v in row if v % 5 == 0])
a = [[1, 2], [3, 4]]
b = [[5, 6], [7, 8]]
product = [[sum(a[i][k] * b[k][j] for k in range(2)) for j in range(2)] for i in range(2)]
print(product)
print([(x, y, z) for x in range(1, 20) for y in range(x, 20) for z in range(y, 20) if x * x + y * y == z * z])
print({ch: [i for i, c in enumerate('banana') if c == ch] for ch in 'ban'})
