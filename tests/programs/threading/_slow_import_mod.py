import time
time.sleep(0.1)
VALUE = 42
