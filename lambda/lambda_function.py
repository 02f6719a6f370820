"""AWS Lambda entry point named in template.yaml."""

from back_relief.skill import lambda_handler, prepare

# Lambda runs module import as the INIT phase, before the first invocation: content, the
# store and the skill are made ready here so that invocation is as quick as the rest.
prepare()

__all__ = ["lambda_handler"]
