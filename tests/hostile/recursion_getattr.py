class G:
    def __getattr__(self, name):
        return self.missing_attribute
try:
    G().x
except RecursionError:
    print('RecursionError')
class S:
    def __setattr__(self, name, value):
        self.name = value
S().x = 1
