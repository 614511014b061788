# Uncaught NameError with a "Did you mean" suggestion.
def compute():
    counter = 5
    return countr + 1
compute()
