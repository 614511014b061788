import time
time.sleep(0.05)
import _cycle_a
B = 2
