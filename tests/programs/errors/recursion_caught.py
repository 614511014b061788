# RecursionError can be caught, and the program continues normally.
import sys
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print('RecursionError:', e)
class Node:
    def __init__(self):
        self.me = self
    def __repr__(self):
        return 'Node(' + repr(self.me) + ')'
try:
    repr(Node())
except RecursionError as e:
    print('repr recursion:', e)
def depth(n=0):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
print(depth() > 900)
sys.setrecursionlimit(200)
try:
    down(0)
except RecursionError as e:
    print('with lower limit:', e)
lst = []
lst.append(lst)
print(repr(lst))
d = {}
d['d'] = d
print(d)
print('still running')
