"""Benchmarks of Kernbrief; see README for how to run them."""
