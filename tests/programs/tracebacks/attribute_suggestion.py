# Uncaught AttributeError with a "Did you mean" suggestion.
class Account:
    def __init__(self):
        self.balance = 100
a = Account()
print(a.balance)
print(a.balanse)
