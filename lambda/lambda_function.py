"""AWS Lambda entry point named in template.yaml."""

import gc

# Everything INIT makes lives as long as the process, so collecting during it only walks the
# same objects again and again (~13 passes, ~6 ms of a cold start): the collector is off
# until INIT is done.
gc.disable()

from back_relief.skill import lambda_handler, prepare  # noqa: E402

# Lambda runs module import as the INIT phase, before the first invocation: content, the
# store and the skill are made ready here so that invocation is as quick as the rest.
prepare()
# Then INIT's objects are frozen: the collector's full passes (a warm request's pause, the last
# one at interpreter exit) never walk them again. The few hundred unreachable objects INIT
# leaves (class-creation cycles, the rehearsal's) stay for the process's life: tens of KB.
gc.freeze()
gc.enable()

__all__ = ["lambda_handler"]
