"""The models' clock: model time runs ``timeScale`` times faster than real time.

Every model reads time here, so one setting (``timeScale``, see control.py) makes a 10-minute bake
or a one-hour hook timeout take seconds in a test. Changing the scale mid-run keeps time monotonic:
the clock accumulates each real interval at the scale in force when it is read.
"""
import datetime
import threading
import time

from . import control

_lock = threading.Lock()
_model = datetime.datetime.now(datetime.timezone.utc)
_last_real = time.monotonic()


def now() -> datetime.datetime:
    global _model, _last_real
    with _lock:
        real = time.monotonic()
        _model += datetime.timedelta(seconds=(real - _last_real) * float(control.setting("timeScale", 1)))
        _last_real = real
        return _model


def after(moment: datetime.datetime, model_seconds: float) -> datetime.datetime:
    return moment + datetime.timedelta(seconds=model_seconds)
