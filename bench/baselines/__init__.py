"""Baseline skills for the cold-start comparison, written the way the official samples are.

Each module is imported as a top-level module (its directory on sys.path), exactly like a
Lambda handler file, and exposes `lambda_handler`.
"""
