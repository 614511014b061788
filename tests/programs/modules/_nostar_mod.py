public = 'pub'
_underscored = 'under'
