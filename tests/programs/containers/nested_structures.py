# Nested lists and dicts: building, walking, aggregating.
inventory = {
    'fruit': {'apple': 3, 'pear': 0, 'kiwi': 12},
    'veg': {'leek': 2},
    'empty': {},
}
for cat, items in inventory.items():
    total = sum(items.values())
    print(cat, total, [k for k, v in items.items() if v])
print(max(inventory, key=lambda c: len(inventory[c])))
tree = {'v': 1, 'kids': [{'v': 2, 'kids': []}, {'v': 3, 'kids': [{'v': 4, 'kids': []}]}]}
def total(node):
    return node['v'] + sum(total(k) for k in node['kids'])
print(total(tree))
groups = {}
for word in 'apple avocado banana blueberry cherry'.split():
    groups.setdefault(word[0], []).append(word)
print(groups)
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(map(list, zip(*matrix))), [sum(r) for r in matrix], sum(map(sum, matrix)))
deep = [1, [2, [3, [4]]]]
print(deep[1][1][1][0], str(deep), len(str(deep)))
rec = []
rec.append(rec)
print(rec, len(rec))
dr = {}
dr['self'] = dr
print(dr)
