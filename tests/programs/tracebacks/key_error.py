# Uncaught KeyError from a dict lookup inside a function.
config = {'host': 'localhost', 'port': 8080}
def get(key):
    return config[key]
print(get('host'))
print(get('user'))
