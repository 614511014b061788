# Objects held only by containers are freed when the container drops them.
class R:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('freed', self.name)
lst = [R('l0'), R('l1'), R('l2')]
print('pop')
lst.pop()
print('del lst[0]')
del lst[0]
print('clear')
lst.clear()
d = {'a': R('da'), 'b': R('db')}
print('overwrite key a')
d['a'] = 1
print('del d')
del d
s = [R('s0')]
t = (s, R('t1'))
print('del t')
del t
print('del s')
del s
nested = [[R('deep')]]
print('clear nested')
nested[0] = None
print('end')
