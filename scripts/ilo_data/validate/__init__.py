"""`ilo-data validate`: descriptor safety, file hygiene, Table Schema, domain rules and JSON files.

One job per module:
  command      the CLI (add_arguments, run): options, output, exit status
  runner       runs the layers over a package in one pass and collects the problems
  rules        the rule catalogue (RULES), rendered by the docs
  problems     the Problem record and its collector; output: text, json and github formats
  descriptor   layer 1: datapackage.json, Table Schemas, safe paths (jsonload: JSON with line numbers)
  lines        layer 2, bytes: UTF-8, BOM, line endings, NUL, giant lines, in blocks
  hygiene      layer 2, records: header, blank and ragged rows, padding, canonical quoting
  tableschema  layer 3: frictionless, its errors mapped to our format (background: in a worker)
  keys         layer 3: primary keys (compact, streaming); references: rows pointing at invalid rows
  domain/      layer 4: the domain rules, one module per subject
  jsonfiles    layer 5: JSON files and their JSON Schemas (conventions: the bundled ones)
  progress     progress on stderr for long runs; testing: helpers for the tests' fixtures
"""
