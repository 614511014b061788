# Temporaries die at the end of the expression; attributes and reassignment.
class R:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('freed', self.name)
    def get(self):
        return self.name.upper()
print(R('temp').get())
print('after temp')
class Holder:
    pass
h = Holder()
h.res = R('attr')
print('replace attribute')
h.res = R('attr2')
print('delete attribute')
del h.res
print('drop holder')
h.other = R('other')
h = None
x = [R('loopvar%d' % i) for i in range(2)]
print('reassign list')
x = []
for i in range(3):
    item = R('iter%d' % i)
print('loop done')
del item
print('end')
