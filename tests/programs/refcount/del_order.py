# Order of finalisation: a chain of owners frees front to back.
class Node:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child
    def __del__(self):
        print('freed', self.name)
head = Node('head', Node('mid', Node('tail')))
print('drop head')
head = None
print('after chain')
a = Node('a')
b = Node('b', a)
del a
print('a still referenced by b')
del b
print('end')
