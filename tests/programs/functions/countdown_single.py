# The countdown example (examples/countdown_single.py) with the timing printed as a check.
import time
from threading import Thread

COUNT = 500000

def countdown(n):
    while n>0:
        n -= 1
    return n

start = time.time()
print(countdown(COUNT))
end = time.time()

print('Time taken in seconds -', type(end - start).__name__, end - start >= 0, Thread.__name__)
