#!/usr/bin/env python3
# `bgd server start CONFIG` (BuildGrid 0.4.4) without re-checking BuildGrid's own bundled JSON
# schema against the JSON Schema meta-schema for every object of the configuration: that check
# (jsonschema.validate's check_schema, 7 times for our configs) took about 3 s of CPU, half of the
# server's start-up. The configuration itself is still validated against the schema.
# Used by Scripts/reapi/server with the server venv's python.
import sys

import jsonschema
from jsonschema import exceptions, validators


def validate(instance, schema, cls=None, *args, **kwargs):
    if cls is None:
        cls = validators.validator_for(schema)
    error = exceptions.best_match(cls(schema, *args, **kwargs).iter_errors(instance))
    if error is not None:
        raise error


jsonschema.validate = validate

from buildgrid.server.app import cli  # noqa: E402

sys.argv = ["bgd", "server", "start", *sys.argv[1:]]
sys.exit(cli())
