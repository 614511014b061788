# SyntaxError from the compiler for a match statement: an irrefutable case before others
def handle(command):
    match command.split():
        case [verb]:
            return verb
        case other:
            return "other"
        case ["go", direction]:
            return direction

print("not reached")
