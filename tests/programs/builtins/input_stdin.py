# input() reads lines from stdin (see input_stdin.in); the prompt goes to stdout.
name = input('name? ')
print('hello', name)
n = int(input())
total = 0
for _ in range(n):
    total += int(input())
print('total', total)
line = input('with spaces> ')
print(repr(line))
print(repr(input()))
import sys
rest = sys.stdin.read()
print(repr(rest))
try:
    input('last? ')
except EOFError as e:
    print('EOFError', repr(e))
