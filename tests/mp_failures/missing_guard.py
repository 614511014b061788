# No `if __name__ == '__main__':` guard under the spawn start method: the child, importing
# this file as __mp_main__, would start processes again; it gets CPython's RuntimeError
# instead (no fork bomb) and the parent goes on.
import multiprocessing as mp
import sys


def work():
    print('work ran')


mp.set_start_method('spawn', force=True)
p = mp.Process(target=work)
p.start()
p.join()
print('exitcode', p.exitcode, file=sys.stderr if __name__ != '__main__' else sys.stdout)
if __name__ == '__main__':
    print('parent done')
