"""Serverless Workbench: entry point of the Python runtime (see ../README.md).

Started by the runner as `python3 -S -B -u bootstrap.py`. The runtime itself is
swb_lambda_runtime.py beside this file. It is imported rather than run as the script because
Python compiles a script named on the command line at every start (about 4 ms here, a tenth of
a cold start) but caches the bytecode of an imported module. -B keeps Python from writing into
the function's folder; it is lifted for this one import only, whose cache lands in
__pycache__ next to the runtime, in the runner's runtime folder.
"""

import sys

_write_bytecode = sys.dont_write_bytecode
sys.dont_write_bytecode = False
try:
    import swb_lambda_runtime
finally:
    sys.dont_write_bytecode = _write_bytecode

swb_lambda_runtime.run()
