# sys.stdout / sys.stderr write and redirection.
import sys, io
n = sys.stdout.write('written directly\n')
print(n)
sys.stderr.write('error stream line\n')
saved = sys.stdout
buf = io.StringIO()
sys.stdout = buf
print('captured', 123)
sys.stdout = saved
print('buffer holds', repr(buf.getvalue()))
print(sys.__stdout__ is saved)
sys.stdout.write('no newline; ')
sys.stdout.flush()
print('then newline')
sys.stdout.writelines(['a\n', 'b\n'])
print('é ü 日本', file=sys.stderr)
print('done')
