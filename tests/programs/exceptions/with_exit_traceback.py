# an exception raised by __exit__: the traceback names the with statement, without carets
class CM:
    def __init__(self, r=True): self.r = r
    def __enter__(self): return self
    def __exit__(self, *a):
        if self.r: raise ValueError('x')
def h():
    with CM() as c, CM(False):
        pass
def k():
    with CM():
        1/0
import traceback
for f in (h, k):
    try: f()
    except Exception: traceback.print_exc()
