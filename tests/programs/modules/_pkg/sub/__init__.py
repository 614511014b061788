print('init _pkg.sub', __package__)
