# SystemExit with a non-int, non-None code prints it and exits 1.
import sys
sys.exit([1, 'list code'])
