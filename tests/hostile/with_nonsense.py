class Exit:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise SystemExit(7)
class Swallow:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return True
for _ in range(3):
    with Swallow():
        raise KeyboardInterrupt
with Swallow():
    with Swallow():
        1 / 0
print('swallowed')
with Exit():
    raise RuntimeError('replaced by SystemExit')
