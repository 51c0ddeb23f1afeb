"""Validates JSON files against a JSON Schema (Python's jsonschema). Usage: validate_json_schema.py SCHEMA FILE...
Prints one line per invalid file and "N passed, M failed"."""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1]))
validator = jsonschema.Draft202012Validator(schema)
failed = 0
for path in sys.argv[2:]:
    errors = sorted(validator.iter_errors(json.load(open(path))), key=lambda e: list(e.path))
    if errors:
        failed += 1
        print(f"{path}: {'/'.join(map(str, errors[0].path))}: {errors[0].message}")
print(f"{len(sys.argv) - 2 - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
