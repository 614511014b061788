# finally runs on return, break, continue and exceptions; return in finally swallows.
log = []
def f(kind):
    try:
        if kind == 'return':
            return 'from try'
        if kind == 'raise':
            raise ValueError('boom')
        log.append('fell through')
    finally:
        log.append('finally ' + kind)
print(f('return'), f('none'))
try:
    f('raise')
except ValueError as e:
    print('caught', e)
print(log)
def swallow():
    try:
        raise RuntimeError('lost')
    finally:
        return 'swallowed'
print(swallow())
def nested():
    out = []
    try:
        try:
            out.append(1)
            return out
        finally:
            out.append(2)
    finally:
        out.append(3)
print(nested())
def value_captured():
    x = 'before'
    try:
        return x
    finally:
        x = 'after'
print(value_captured())
def gen():
    try:
        yield 1
        yield 2
    finally:
        print('gen finally')
for v in gen():
    print('got', v)
    break
print('done')
