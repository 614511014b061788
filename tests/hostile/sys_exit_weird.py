import sys
class Code:
    def __str__(self):
        raise ValueError('bad str')
sys.exit(Code())
