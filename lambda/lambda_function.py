"""AWS Lambda entry point named in template.yaml."""

import gc

from back_relief.skill import lambda_handler, prepare

# Lambda runs module import as the INIT phase, before the first invocation: content, the
# store and the skill are made ready here so that invocation is as quick as the rest.
prepare()
# What INIT made lives as long as the process. Frozen, the collector's full passes (a warm
# request's pause, the last one at interpreter exit) no longer walk its ~25,000 objects again.
# INIT leaves next to no cyclic garbage to be kept by this (tests/performance checks).
gc.freeze()

__all__ = ["lambda_handler"]
