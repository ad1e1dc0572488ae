"""The bed's AWS endpoint: moto's server with the bed's models of what moto lacks (ecsbed).

Same arguments as `python -m moto.server` (-H host, -p port). One process, one endpoint: the
models extend moto's own backends, so a service the model deploys is the object moto stores.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from ecsbed import server  # noqa: E402

if __name__ == "__main__":
    server.main(sys.argv[1:])
