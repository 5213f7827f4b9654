"""Tests of Kernbrief."""
