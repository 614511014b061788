class BadHash:
    def __init__(self, table):
        self.table = table
    def __hash__(self):
        self.table.clear()
        return 1
    def __eq__(self, o):
        self.table.clear()
        return True
d = {}
for i in range(50):
    d[BadHash(d)] = i
print(len(d) <= 50)
s = set()
for i in range(50):
    s.add(BadHash(s))
print(len(s) <= 50)
lst = list(range(100))
def mutating_key(v):
    lst[:] = []
    return -v
try:
    lst.sort(key=mutating_key)
except ValueError as e:
    print('ValueError')
print(len(lst))
