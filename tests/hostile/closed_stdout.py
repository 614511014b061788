import sys
print('before close')
sys.stdout.close()
print('after close')
