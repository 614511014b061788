# Uncaught exception raised inside a generator while it is consumed.
def parse(lines):
    for n, line in enumerate(lines, 1):
        key, value = line.split('=')
        yield key, value
for k, v in parse(['a=1', 'b=2', 'broken', 'c=3']):
    print(k, v)
