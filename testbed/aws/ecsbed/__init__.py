"""The bed's models of AWS behaviour that moto lacks. Test infrastructure, never product code.

Each model is a module of this package with an ``install()`` that extends moto's backends and
response classes in this process; :func:`install` applies them all, once. See ../README.md.
"""
import importlib

# The models, in the order they are installed. A new model is a module here plus one line.
MODELS: list[str] = [
    "service_deployments", "calls", "tasks", "scheduler", "capacity_providers", "ecr_registry",
    "sts_roles", "throttling"]

_installed = False


def install() -> None:
    """Applies every model to moto in this process; safe to call more than once."""
    global _installed
    if _installed:
        return
    for name in MODELS:
        importlib.import_module(f"{__name__}.{name}").install()
    _installed = True
