# __len__, __getitem__, __setitem__, __delitem__, __contains__, __missing__.
class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        print('get', key)
        return self.cells.get(key, '.')
    def __setitem__(self, key, value):
        self.cells[key] = value
    def __delitem__(self, key):
        del self.cells[key]
    def __len__(self):
        return len(self.cells)
    def __contains__(self, key):
        return key in self.cells
g = Grid()
g[0, 0] = 'X'
g[1, 2] = 'O'
print(g[0, 0], g[5, 5], len(g), (1, 2) in g, (2, 2) in g)
del g[0, 0]
print(len(g), bool(g))
class Seq:
    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return ('slice', idx.start, idx.stop, idx.step)
        return ('index', idx)
s = Seq()
print(s[3], s[1:2], s[::3], s[1:2, 3])
class Defaulting(dict):
    def __missing__(self, key):
        return key * 2
d = Defaulting(a=1)
print(d['a'], d['zz'], d.get('zz'), len(d))
class Rev:
    def __init__(self, data): self.data = data
    def __len__(self): return len(self.data)
    def __getitem__(self, i): return self.data[i]
    def __reversed__(self): return iter(['custom reversed'])
print(list(reversed(Rev([1, 2]))))
class NoRev:
    def __len__(self): return 3
    def __getitem__(self, i): return i * 10
print(list(reversed(NoRev())))
