# sys.exit(3) exits with status 3 and no traceback.
import sys
def main():
    print('working')
    sys.exit(3)
main()
print('never')
