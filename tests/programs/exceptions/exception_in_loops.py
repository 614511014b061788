# Exceptions used for control flow in loops; StopIteration handling.
data = ['1', '2', 'x', '4', '', '6']
total, bad = 0, []
for s in data:
    try:
        total += int(s)
    except ValueError as e:
        bad.append(str(e))
        continue
    finally:
        pass
print(total, bad)
it = iter([1, 2])
while True:
    try:
        v = next(it)
    except StopIteration:
        print('exhausted')
        break
    print('v', v)
def first_negative(nums):
    class Found(Exception):
        pass
    try:
        for row in nums:
            for n in row:
                if n < 0:
                    raise Found(n)
    except Found as f:
        return f.args[0]
print(first_negative([[1, 2], [3, -4, -5]]))
count = 0
while True:
    try:
        count += 1
        if count > 3:
            raise OverflowError('limit')
    except OverflowError as e:
        print('stop at', count, e)
        break
