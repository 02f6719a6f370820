"""`make bench`: the performance budget, measured against baselines built in the same run."""
