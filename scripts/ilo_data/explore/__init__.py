"""Explore the release database in Datasette: metadata generated from the schemas, canned queries."""
