import os, sys
print('before', flush=True)
os.close(1)
print('written to a closed fd')
sys.stdout.write('more\n' * 1000)
sys.stderr.write('stderr still works\n')
