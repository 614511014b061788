# try / except / else / finally ordering.
def attempt(x):
    try:
        print(' try', x)
        r = 10 // x
    except ZeroDivisionError:
        print(' except')
        return 'error'
    else:
        print(' else', r)
        return 'ok'
    finally:
        print(' finally')
print(attempt(2))
print(attempt(0))
def override():
    try:
        return 'try'
    finally:
        return 'finally'
print(override())
def swallow():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            if i == 0:
                break
    return i
print(swallow())
def cont():
    out = []
    for i in range(3):
        try:
            if i == 1:
                continue
            out.append(i)
        finally:
            out.append('f%d' % i)
    return out
print(cont())
try:
    pass
except Exception:
    print('never')
else:
    print('else runs when no exception')
try:
    try:
        raise KeyError('inner')
    finally:
        print('inner finally')
except KeyError as e:
    print('outer caught', e)
