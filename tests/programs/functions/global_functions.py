# global statement used inside nested functions and loops.
total = 0
items = []
def add(x):
    global total
    total += x
    items.append(x)
def run():
    for i in range(5):
        add(i)
    def inner():
        global total
        total *= 2
    inner()
run()
print(total, items)
def define():
    global later
    def later():
        return 'later defined'
define()
print(later())
x = 'module'
def read():
    return x
def write():
    global x
    x = 'changed'
print(read()); write(); print(read())
