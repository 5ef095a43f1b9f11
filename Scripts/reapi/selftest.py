#!/usr/bin/env python3
# Proves the REAPI test server (Scripts/reapi/server start --execute) and its worker fixture
# work, without mojoc: uploads small actions (a shell script in the input root that reads an
# input file and writes output files, run in a working directory with a fixed environment),
# Executes them, reads each operation stream to its final ExecuteResponse and checks exit code,
# stdout, stderr, output files (content, executable bit), output directories and the exact
# environment; then runs the same action again and checks it is served from the action cache.
# A failing action must report its exit code and must not be cached.
#   Scripts/reapi/server selftest --dir DIR    (runs this with the server venv's python)
#   python selftest.py grpc://127.0.0.1:PORT [WORKERS]
import concurrent.futures
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import casutil  # noqa: E402
from buildgrid._protos.build.bazel.remote.execution.v2 import remote_execution_pb2 as re_pb2  # noqa: E402
from buildgrid._protos.build.bazel.remote.execution.v2 import remote_execution_pb2_grpc as re_grpc  # noqa: E402
from buildgrid._protos.google.longrunning import operations_pb2, operations_pb2_grpc  # noqa: E402
from google.protobuf import duration_pb2  # noqa: E402

SCRIPT = """#!/bin/sh
set -e
mkdir -p out/dir/nested
printf '%s %s\\n' "$GREETING" "$(cat in/data.txt)" > out/result.txt
printf 'HOME=%s PATH=%s\\n' "${HOME-unset}" "$PATH" > out/dir/env.txt
printf 'nested\\n' > out/dir/nested/file.txt
printf '#!/bin/sh\\necho tool\\n' > out/tool
chmod +x out/tool
echo "to stdout"
echo "to stderr" >&2
if [ -f in/big.bin ]; then cp in/big.bin out/big.bin; fi
sleep "${SLEEP:-0}"
exit "${EXIT_CODE:-0}"
"""


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def make_action(cas, exit_code, output_paths, big=None, sleep=0.0):
    """Uploads an input root and Command; returns the Action (not yet uploaded) and its digest."""
    with tempfile.TemporaryDirectory() as root:
        os.makedirs(os.path.join(root, "sub", "in"))
        with open(os.path.join(root, "sub", "run.sh"), "w") as f:
            f.write(SCRIPT)
        os.chmod(os.path.join(root, "sub", "run.sh"), 0o755)
        with open(os.path.join(root, "sub", "in", "data.txt"), "w") as f:
            f.write("from the input root")
        if big is not None:
            with open(os.path.join(root, "sub", "in", "big.bin"), "wb") as f:
                f.write(big)
        blobs = {}
        root_dir = casutil.directory_from_disk(root, blobs)
    root_data = root_dir.SerializeToString(deterministic=True)
    root_digest = casutil.digest_of(root_data)
    blobs[casutil.digest_key(root_digest)] = root_data
    env = {"GREETING": "hello", "PATH": "/usr/bin:/bin", "EXIT_CODE": str(exit_code), "SLEEP": str(sleep)}
    command = re_pb2.Command(
        arguments=["./run.sh"],
        environment_variables=[re_pb2.Command.EnvironmentVariable(name=k, value=v) for k, v in sorted(env.items())],
        working_directory="sub")
    if output_paths:
        command.output_paths.extend(["out/big.bin", "out/dir", "out/result.txt", "out/tool"])
    else:
        command.output_files.extend(["out/big.bin", "out/result.txt", "out/tool"])
        command.output_directories.extend(["out/dir"])
    command_data = command.SerializeToString(deterministic=True)
    command_digest = casutil.digest_of(command_data)
    blobs[casutil.digest_key(command_digest)] = command_data
    action = re_pb2.Action(command_digest=command_digest, input_root_digest=root_digest,
                           timeout=duration_pb2.Duration(seconds=60),
                           salt=os.urandom(16))  # a fresh action on every selftest run
    action_data = action.SerializeToString(deterministic=True)
    action_digest = casutil.digest_of(action_data)
    blobs[casutil.digest_key(action_digest)] = action_data
    cas.upload(blobs)
    return action_digest


def execute(execution, action_digest):
    last = None
    stages = []
    for operation in execution.Execute(re_pb2.ExecuteRequest(instance_name="", action_digest=action_digest),
                                       timeout=120):
        metadata = re_pb2.ExecuteOperationMetadata()
        if operation.metadata.Unpack(metadata):
            stages.append(re_pb2.ExecutionStage.Value.Name(metadata.stage))
        last = operation
    check(last is not None and last.done, "the operation stream ended before the operation was done")
    check(last.HasField("response"), f"operation failed: {last.error}")
    response = re_pb2.ExecuteResponse()
    last.response.Unpack(response)
    return response, stages, last.name


def check_result(cas, result, exit_code, output_paths, big=None):
    check(result.exit_code == exit_code, f"exit code {result.exit_code}, expected {exit_code}")
    check(cas.read(result.stdout_digest) == b"to stdout\n", "wrong stdout")
    check(cas.read(result.stderr_digest) == b"to stderr\n", "wrong stderr")
    files = {f.path: f for f in result.output_files}
    expected = ["out/result.txt", "out/tool"] if big is None else ["out/big.bin", "out/result.txt", "out/tool"]
    check(sorted(files) == expected, f"output files {sorted(files)}, expected {expected}")
    if big is not None:
        check(cas.read(files["out/big.bin"].digest) == big, "wrong out/big.bin")
    check(cas.read(files["out/result.txt"].digest) == b"hello from the input root\n", "wrong out/result.txt")
    check(not files["out/result.txt"].is_executable, "out/result.txt should not be executable")
    check(files["out/tool"].is_executable, "out/tool should be executable")
    check([d.path for d in result.output_directories] == ["out/dir"], "output directories")
    tree = cas.read_message(result.output_directories[0].tree_digest, re_pb2.Tree)
    names = {f.name: f for f in tree.root.files}
    check(sorted(names) == ["env.txt"] and [d.name for d in tree.root.directories] == ["nested"], "tree root")
    check(cas.read(names["env.txt"].digest) == b"HOME=unset PATH=/usr/bin:/bin\n",
          "the environment was not exactly the Command's")
    check(len(tree.children) == 1 and cas.read(tree.children[0].files[0].digest) == b"nested\n", "tree children")
    check(result.execution_metadata.worker.startswith("worker-"), "no worker name in the execution metadata")


def main():
    endpoint = sys.argv[1]
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    channel = casutil.channel_for(endpoint)
    cas = casutil.CAS(channel)
    execution = re_grpc.ExecutionStub(channel)
    action_cache = re_grpc.ActionCacheStub(channel)
    operations = operations_pb2_grpc.OperationsStub(channel)
    capabilities = re_grpc.CapabilitiesStub(channel).GetCapabilities(re_pb2.GetCapabilitiesRequest())
    check(capabilities.execution_capabilities.exec_enabled, "the server does not execute")
    check(workers > 0, "the server has no workers")

    for output_paths in (False, True):
        style = "output_paths" if output_paths else "output_files/output_directories"
        # With output_paths, a 5 MiB input and output: ByteStream both ways (above the batch limit).
        big = os.urandom(5 * 1024 * 1024) if output_paths else None
        if big is not None:
            style += ", 5 MiB through ByteStream"
        digest = make_action(cas, 0, output_paths, big)
        start = time.monotonic()
        response, stages, name = execute(execution, digest)
        took = time.monotonic() - start
        operation = operations.GetOperation(operations_pb2.GetOperationRequest(name=name))
        fetched = re_pb2.ExecuteResponse()
        check(operation.done and operation.response.Unpack(fetched) and fetched == response,
              "Operations.GetOperation does not give the same ExecuteResponse")
        check(response.status.code == 0, f"status {response.status}")
        check(not response.cached_result, "a fresh action came from the cache")
        check_result(cas, response.result, 0, output_paths, big)
        print(f"selftest: executed ({style}) in {took:.2f}s, stages {'>'.join(dict.fromkeys(stages))}")

        cached = action_cache.GetActionResult(re_pb2.GetActionResultRequest(action_digest=digest))
        check_result(cas, cached, 0, output_paths, big)
        start = time.monotonic()
        response, _, _ = execute(execution, digest)
        check(response.cached_result, "the second Execute was not served from the action cache")
        check_result(cas, response.result, 0, output_paths, big)
        print(f"selftest: cached result in {time.monotonic() - start:.2f}s")

    digest = make_action(cas, 3, False)
    for attempt in range(2):
        response, _, _ = execute(execution, digest)
        check(response.status.code == 0, f"status {response.status}")
        check(not response.cached_result, "a failed action was served from the cache")
        check_result(cas, response.result, 3, False)
    print("selftest: a failing action reports exit code 3 and is not cached")

    # Concurrent Executes (more than BuildGrid's default RPC limit of 10 on 2 cores) spread over
    # the workers.
    count = max(2 * workers, 12)
    digests = [make_action(cas, 0, False, sleep=0.3) for _ in range(count)]
    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(count) as pool:
        responses = list(pool.map(lambda d: execute(execution, d)[0], digests))
    took = time.monotonic() - start
    for response in responses:
        check(response.status.code == 0 and not response.cached_result, f"status {response.status}")
        check_result(cas, response.result, 0, False)
    used = sorted({r.result.execution_metadata.worker for r in responses})
    check(len(used) == workers, f"{count} concurrent actions ran on {used}, expected {workers} workers")
    print(f"selftest: {count} concurrent 0.3 s actions on {workers} workers in {took:.2f}s")
    print("selftest: ok")


if __name__ == "__main__":
    try:
        main()
    except Failure as e:
        print(f"selftest: FAILED: {e}", file=sys.stderr)
        sys.exit(1)
