# At exit, non-daemon threads are joined; daemon threads do not keep the process alive
import threading, time

def late():
    time.sleep(0.05)
    print("non-daemon thread finished after the main module")

def forever():
    while True:
        time.sleep(0.01)

threading.Thread(target=late).start()
threading.Thread(target=forever, daemon=True).start()
print("main module done")
