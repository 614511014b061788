# assert with and without messages.
assert True
assert 1 == 1, 'not shown'
try:
    assert 1 == 2
except AssertionError as e:
    print('caught', repr(e), e.args)
try:
    assert [], 'empty list is falsy'
except AssertionError as e:
    print('caught', e)
try:
    assert False, ('tuple', 1)
except AssertionError as e:
    print(e.args)
n = 0
def count():
    global n
    n += 1
    return 'msg'
assert True, count()
print('message evaluated', n, 'times')
try:
    assert 0, count()
except AssertionError as e:
    print(e, n)
print(__debug__)
