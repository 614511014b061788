# Uncaught exceptions without a message.
def fail():
    raise RuntimeError
fail()
