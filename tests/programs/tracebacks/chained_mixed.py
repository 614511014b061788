# Explicit causes, implicit contexts and suppressed contexts mixed in one chain.
class AppError(Exception):
    pass
def load(name):
    try:
        return {'a': 1}[name]
    except KeyError as e:
        raise AppError(f'no config {name!r}') from e
def parse(name):
    try:
        return int(load(name))
    except AppError:
        try:
            return int('x' + name)
        except ValueError:
            raise RuntimeError('giving up') from None
def main():
    try:
        parse('b')
    except RuntimeError as e:
        print('caught:', e, '| cause:', e.__cause__, '| suppress:', e.__suppress_context__)
        print('context:', type(e.__context__).__name__, e.__context__)
    try:
        parse('c')
    finally:
        print('cleanup')
main()
