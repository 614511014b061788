# Unpicklable arguments and results: the task fails with the pickling error (arguments) or
# MaybeEncodingError (results); the pool keeps working.
import multiprocessing as mp
import sys
import threading


class Opaque:
    def __reduce__(self):
        raise TypeError('cannot pickle Opaque')

    def __repr__(self):
        return 'Opaque()'


def make_opaque(_):
    return Opaque()


def square(x):
    return x * x


if __name__ == '__main__':
    mp.set_start_method(sys.argv[1])
    with mp.Pool(2) as pool:
        for arg in (lambda: 0, threading.Lock(), Opaque()):
            try:
                pool.apply(square, (arg,))
            except Exception as e:
                print('argument:', type(e).__name__)
        try:
            pool.apply(make_opaque, (1,))
        except mp.pool.MaybeEncodingError as e:
            print('result:', e)
        print(pool.map(square, [1, 2, 3]))
