# Support module for simple_call_frames.py: a function whose globals are this module's.
TAG = "owner module"


def where():
    return TAG


def drop_self_and_run(name, table):
    # Remove every other reference to this function and its module while it runs.
    import sys
    del sys.modules[name]
    table.clear()
    junk = [str(i) * 50 for i in range(200)]
    return TAG + " still reachable " + str(len(junk))
