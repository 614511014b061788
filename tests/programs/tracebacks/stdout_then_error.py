# Output buffered on stdout is still written when the program dies with a traceback.
import sys
for i in range(5):
    print('line', i)
sys.stdout.write('partial line without newline')
print('to stderr first', file=sys.stderr)
{}['boom']
