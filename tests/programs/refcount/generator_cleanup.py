# Dropping a suspended generator closes it (finally runs) and frees its locals.
class R:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('freed', self.name)
def gen():
    r = R('gen-local')
    try:
        yield 1
        yield 2
    finally:
        print('gen finally')
g = gen()
print(next(g))
print('dropping generator')
g = None
print('after drop')
for v in gen():
    print('loop got', v)
    break
print('after loop')
def exhausting():
    r = R('exhausted-local')
    yield 'only'
print(list(exhausting()))
print('end')
