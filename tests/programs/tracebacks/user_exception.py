# Uncaught user-defined exception with a custom __str__.
class ValidationError(Exception):
    def __init__(self, field, problem):
        super().__init__(field, problem)
        self.field, self.problem = field, problem
    def __str__(self):
        return f'{self.field}: {self.problem}'
def validate(user):
    if not user.get('email'):
        raise ValidationError('email', 'must not be empty')
validate({'email': 'a@b'})
print('first ok')
validate({'name': 'x'})
