# A sys.excepthook that raises: both reports, the hook error first.
import sys
def hook(t, v, tb):
    raise RuntimeError("hook failed")
sys.excepthook = hook
print("start")
raise ValueError("original")
