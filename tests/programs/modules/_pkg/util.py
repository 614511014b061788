print('loading _pkg.util', __name__)
def helper():
    return 'util.helper'
