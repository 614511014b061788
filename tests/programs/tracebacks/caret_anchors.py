# Caret lines under binary operators, subscripts, calls and multi-line expressions, shown
# through a chain of exceptions (each link prints its own traceback).
data = {'k': [1, 2, 3]}
def sub():
    return data['k'] [10]
def div(a, b):
    return (a + 1) // (b * 0)
def call():
    return len(5)
def attr():
    return data.missing
def multi():
    return max(1,
               'x')
def nested():
    return data['k'][1] + data['k'][2] / (data['k'][0] - 1)
steps = [sub, lambda: div(1, 2), call, attr, multi, nested]
def run(i):
    if i == len(steps):
        return
    try:
        steps[i]()
    finally:
        run(i + 1)
run(0)
