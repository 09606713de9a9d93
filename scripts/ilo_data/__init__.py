"""Tooling for the ilo-eeca Frictionless Data Package."""
