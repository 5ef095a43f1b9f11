"""Helpers of Scripts/fuzz: source mutations, deep and large input generators, and the checks
that build an input with both backends and classify what happened."""
