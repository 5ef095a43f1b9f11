#!/usr/bin/env python3
"""Writes a FileDescriptorSet of the REAPI v2 protocol files, for `protoc --descriptor_set_in`.

No .proto files are available offline; the `buildgrid` wheel on PyPI ships the compiled
descriptors of the protocol (its `_protos` modules). This imports them and writes every file
they need, dependencies first, as one FileDescriptorSet (what `protoc -o` would have written).
Usage: descriptor_set.py OUTPUT
"""
import importlib
import sys

from google.protobuf import descriptor_pb2

# The protocol files mojoc's client speaks; their imports are added as dependencies.
ROOTS = [
    "buildgrid._protos.build.bazel.remote.execution.v2.remote_execution_pb2",
    "buildgrid._protos.google.bytestream.bytestream_pb2",
    "buildgrid._protos.google.longrunning.operations_pb2",
    "buildgrid._protos.google.rpc.status_pb2",
]


def main() -> None:
    files = descriptor_pb2.FileDescriptorSet()
    seen = set()

    def add(descriptor) -> None:
        if descriptor.name in seen:
            return
        seen.add(descriptor.name)
        for dependency in descriptor.dependencies:
            add(dependency)
        descriptor.CopyToProto(files.file.add())

    for name in ROOTS:
        add(importlib.import_module(name).DESCRIPTOR)
    with open(sys.argv[1], "wb") as output:
        output.write(files.SerializeToString(deterministic=True))


if __name__ == "__main__":
    main()
