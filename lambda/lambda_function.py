"""AWS Lambda entry point named in template.yaml."""

from back_relief.skill import lambda_handler

__all__ = ["lambda_handler"]
