# Uncaught ValueError raised four calls deep.
def level4(v):
    return int(v)
def level3(v):
    return level4(v) * 2
def level2(v):
    result = level3(v)
    return result
def level1():
    print('starting')
    return level2('not a number')
level1()
