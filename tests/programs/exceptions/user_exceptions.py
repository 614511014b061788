# User-defined exception classes with extra state.
class BankError(Exception):
    pass
class InsufficientFunds(BankError):
    def __init__(self, balance, amount):
        super().__init__(f'balance {balance} < {amount}')
        self.balance, self.amount = balance, amount
class Frozen(BankError):
    def __str__(self):
        return 'account frozen!'
def withdraw(balance, amount, frozen=False):
    if frozen:
        raise Frozen('ignored message')
    if amount > balance:
        raise InsufficientFunds(balance, amount)
    return balance - amount
for args in [(100, 30), (10, 30), (5, 1, True)]:
    try:
        print('left', withdraw(*args))
    except InsufficientFunds as e:
        print('insufficient:', e, e.balance, e.amount, e.args)
    except BankError as e:
        print('bank error:', e, repr(e), e.args)
print(InsufficientFunds.__mro__)
class NoArgs(Exception):
    pass
print(repr(NoArgs()), str(NoArgs()), repr(NoArgs(1, 'two')), str(NoArgs(1, 'two')))
e = ValueError('x')
e.extra = 'attached'
print(e.extra, e.__traceback__)
try:
    raise e
except ValueError as caught:
    print(caught is e, caught.__traceback__ is not None)
class NotAnException:
    pass
try:
    raise NotAnException()
except TypeError as err:
    print('TypeError:', err)
