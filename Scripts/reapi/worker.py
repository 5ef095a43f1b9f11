#!/usr/bin/env python3
# A small REAPI worker, a TEST FIXTURE for mojoc's remote-execution tests (BuildGrid ships no
# worker and buildbox is not packaged for Debian). It speaks the Remote Workers (Bots) API to
# BuildGrid 0.4.4: CreateBotSession, then an UpdateBotSession loop; each lease's payload is the
# Action (or its Digest). For a lease it fetches the Action, Command and input root from CAS,
# materialises the tree in a fresh directory (executables keep their executable bit), runs
# Command.arguments in the working directory with exactly Command.environment_variables,
# uploads the outputs, stdout and stderr, and completes the lease with the ActionResult.
# Started by Scripts/reapi/server (`start --execute --workers N`); not a production worker:
# no sandbox, no resource limits, one action at a time per process.
import argparse
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import casutil  # noqa: E402
import grpc  # noqa: E402
from buildgrid._protos.build.bazel.remote.execution.v2 import remote_execution_pb2 as re_pb2  # noqa: E402
from buildgrid._protos.google.devtools.remoteworkers.v1test2 import bots_pb2, bots_pb2_grpc, worker_pb2  # noqa: E402
from buildgrid._protos.google.rpc import code_pb2, status_pb2  # noqa: E402
from google.protobuf import timestamp_pb2  # noqa: E402

POLL_SECONDS = 30        # long-poll deadline of UpdateBotSession while idle
HEARTBEAT_SECONDS = 10   # keepalive while an action runs

running = None           # the running action's Popen (its own process group)
stopping = False


def log(message):
    print(f"{time.strftime('%H:%M:%S')} {message}", flush=True)


def now():
    t = timestamp_pb2.Timestamp()
    t.GetCurrentTime()
    return t


def on_term(signum, frame):
    global stopping
    stopping = True
    if running is not None and running.poll() is None:
        try:
            os.killpg(running.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    os._exit(0)


class Cancelled(Exception):
    pass


class Worker:
    def __init__(self, args):
        self.name = args.name
        self.instance = args.instance
        self.work = os.path.join(args.work_dir, args.name)
        self.cache = os.path.join(args.work_dir, "blob-cache")
        os.makedirs(self.cache, exist_ok=True)
        channel = casutil.channel_for(args.endpoint)
        self.bots = bots_pb2_grpc.BotsStub(channel)
        self.cas = casutil.CAS(channel, self.instance)
        self.session = None
        self.leases_run = 0
        self.ready_file = args.ready_file

    # Bots API

    def new_session(self):
        device = worker_pb2.Device(handle=self.name, properties=[
            worker_pb2.Device.Property(key="OSFamily", value="linux"),
            worker_pb2.Device.Property(key="ISA", value="x86-64"),
        ])
        worker = worker_pb2.Worker(devices=[device], configs=[worker_pb2.Worker.Config(key="capacity", value="1")])
        session = bots_pb2.BotSession(bot_id=self.name, status=bots_pb2.OK, worker=worker)
        # A first deadline under 3.75 s makes BuildGrid answer at once instead of long-polling for
        # a lease (it waits 80% of the deadline, and not at all below 3 s), so the worker can
        # report itself ready quickly.
        delay, timeout = 0.1, 3.5
        while True:
            try:
                return self.bots.CreateBotSession(
                    bots_pb2.CreateBotSessionRequest(parent=self.instance, bot_session=session),
                    timeout=timeout)
            except grpc.RpcError as e:
                if e.code() not in (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED):
                    raise
                if e.code() == grpc.StatusCode.DEADLINE_EXCEEDED:
                    timeout = POLL_SECONDS
                time.sleep(delay)
                delay = min(delay * 2, 2.0)

    def update(self, timeout):
        try:
            self.session = self.bots.UpdateBotSession(
                bots_pb2.UpdateBotSessionRequest(name=self.session.name, bot_session=self.session),
                timeout=timeout)
        except grpc.RpcError as e:
            if e.code() == grpc.StatusCode.DEADLINE_EXCEEDED:
                return
            if e.code() == grpc.StatusCode.UNAVAILABLE:
                time.sleep(0.5)
                return
            log(f"UpdateBotSession failed ({e.code()}: {e.details()}); new session")
            self.session = self.new_session()

    def run(self):
        self.session = self.new_session()
        log(f"session {self.session.name}")
        if self.ready_file:
            with open(self.ready_file, "w") as f:
                f.write(self.session.name + "\n")
        while not stopping:
            pending = [lease for lease in self.session.leases
                       if lease.state in (bots_pb2.PENDING, bots_pb2.ACTIVE)]
            if not pending:
                self.update(POLL_SECONDS)
                continue
            lease = pending[0]
            lease.state = bots_pb2.ACTIVE
            self.leases_run += 1
            result, status = self.execute_lease(lease)
            for current in self.session.leases:
                if current.id == lease.id:
                    current.state = bots_pb2.COMPLETED
                    current.status.CopyFrom(status)
                    if result is not None:
                        current.result.Pack(result)
            self.update(POLL_SECONDS)

    def heartbeat(self, lease_id):
        """Keeps the session alive while an action runs; raises Cancelled when the lease went away."""
        self.update(HEARTBEAT_SECONDS)
        if not any(lease.id == lease_id for lease in self.session.leases):
            raise Cancelled()

    # One lease

    def execute_lease(self, lease):
        lease_dir = os.path.join(self.work, f"lease-{self.leases_run}")
        shutil.rmtree(lease_dir, ignore_errors=True)
        os.makedirs(lease_dir)
        # When each action ran (wall clock, comparable between the workers): tests check the
        # client's limit on concurrent Executes with these lines.
        started = time.time()
        try:
            return self.execute(lease, lease_dir)
        except Cancelled:
            log(f"lease {lease.id} cancelled")
            return None, status_of(code_pb2.CANCELLED, "cancelled")
        except KeyError as e:
            log(f"lease {lease.id}: missing input: {e}")
            return None, status_of(code_pb2.FAILED_PRECONDITION, f"missing input: {e}")
        except Exception as e:
            log(f"lease {lease.id}: {traceback.format_exc()}")
            return None, status_of(code_pb2.INTERNAL, f"worker error: {e}")
        finally:
            shutil.rmtree(lease_dir, ignore_errors=True)
            log(f"lease {lease.id}: ran {started:.6f} {time.time():.6f}")

    def execute(self, lease, lease_dir):
        metadata = re_pb2.ExecutedActionMetadata(worker=self.name, worker_start_timestamp=now())
        if lease.payload.Is(re_pb2.Action.DESCRIPTOR):
            action = re_pb2.Action()
            lease.payload.Unpack(action)
        else:
            digest = re_pb2.Digest()
            lease.payload.Unpack(digest)
            action = self.cas.read_message(digest, re_pb2.Action)
        metadata.input_fetch_start_timestamp.CopyFrom(now())
        command = self.cas.read_message(action.command_digest, re_pb2.Command)
        root = os.path.join(lease_dir, "root")
        self.materialise(action.input_root_digest, root)
        cwd = os.path.join(root, command.working_directory) if command.working_directory else root
        os.makedirs(cwd, exist_ok=True)
        outputs = list(command.output_paths) or list(command.output_files) + list(command.output_directories)
        for path in command.output_files:
            os.makedirs(os.path.dirname(os.path.join(cwd, path)), exist_ok=True)
        for path in list(command.output_paths) + list(command.output_directories):
            os.makedirs(os.path.dirname(os.path.join(cwd, path.rstrip("/"))), exist_ok=True)
        metadata.input_fetch_completed_timestamp.CopyFrom(now())

        env = {v.name: v.value for v in command.environment_variables}
        timeout = action.timeout.ToTimedelta().total_seconds() if action.HasField("timeout") else None
        metadata.execution_start_timestamp.CopyFrom(now())
        exit_code, timed_out = self.spawn(lease.id, list(command.arguments), env, cwd, lease_dir, timeout)
        metadata.execution_completed_timestamp.CopyFrom(now())

        metadata.output_upload_start_timestamp.CopyFrom(now())
        result = re_pb2.ActionResult(exit_code=exit_code)
        blobs = {}
        for name, field in (("stdout", "stdout_digest"), ("stderr", "stderr_digest")):
            with open(os.path.join(lease_dir, name), "rb") as f:
                data = f.read()
            d = casutil.digest_of(data)
            blobs[casutil.digest_key(d)] = data
            getattr(result, field).CopyFrom(d)
        self.collect(command, cwd, outputs, result, blobs)
        self.cas.upload(blobs)
        metadata.output_upload_completed_timestamp.CopyFrom(now())
        metadata.worker_completed_timestamp.CopyFrom(now())
        result.execution_metadata.CopyFrom(metadata)
        log(f"lease {lease.id}: {' '.join(command.arguments)[:200]} -> exit {result.exit_code}")
        if timed_out:
            return result, status_of(code_pb2.DEADLINE_EXCEEDED, "action timed out")
        return result, status_of(code_pb2.OK)

    def spawn(self, lease_id, argv, env, cwd, lease_dir, timeout):
        global running
        if not argv:
            raise KeyError("Command has no arguments")
        with open(os.path.join(lease_dir, "stdout"), "wb") as out, open(os.path.join(lease_dir, "stderr"), "wb") as err:
            try:
                running = subprocess.Popen(argv, env=env, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out,
                                           stderr=err, start_new_session=True)
            except OSError as e:
                err.write(f"worker: cannot run {argv[0]}: {e.strerror}\n".encode())
                return 127, False
            deadline = time.monotonic() + timeout if timeout else None
            try:
                while True:
                    wait = HEARTBEAT_SECONDS
                    if deadline is not None:
                        wait = min(wait, max(0.0, deadline - time.monotonic()))
                    try:
                        code = running.wait(timeout=wait)
                        break
                    except subprocess.TimeoutExpired:
                        pass
                    if deadline is not None and time.monotonic() >= deadline:
                        os.killpg(running.pid, signal.SIGKILL)
                        running.wait()
                        return (128 + signal.SIGKILL, True)
                    self.heartbeat(lease_id)
            except Cancelled:
                os.killpg(running.pid, signal.SIGKILL)
                running.wait()
                raise
            finally:
                try:
                    os.killpg(running.pid, signal.SIGKILL)  # stray children of the action
                except ProcessLookupError:
                    pass
                running = None
        return (128 - code if code < 0 else code), False

    # Inputs

    def materialise(self, root_digest, root):
        directories = {}
        level = [root_digest]
        while level:
            fetched = self.cas.read_many([d for d in level if casutil.digest_key(d) not in directories])
            level = []
            for key, data in fetched.items():
                directory = re_pb2.Directory()
                directory.ParseFromString(data)
                directories[key] = directory
                level.extend(node.digest for node in directory.directories)
        files = []

        def walk(key, path):
            os.makedirs(path, exist_ok=True)
            directory = directories[key]
            for node in directory.files:
                files.append((os.path.join(path, node.name), node.digest, node.is_executable))
            for node in directory.symlinks:
                os.symlink(node.target, os.path.join(path, node.name))
            for node in directory.directories:
                walk(casutil.digest_key(node.digest), os.path.join(path, node.name))

        walk(casutil.digest_key(root_digest), root)
        missing = {}
        for _, digest, _ in files:
            if not os.path.exists(self.cached(digest)):
                missing[casutil.digest_key(digest)] = digest
        group, group_bytes = [], 0
        for digest in list(missing.values()) + [None]:
            if digest is not None:
                group.append(digest)
                group_bytes += digest.size_bytes
            if group and (digest is None or group_bytes >= 64 * 1024 * 1024):
                for key, data in self.cas.read_many(group).items():
                    d = re_pb2.Digest(hash=key[0], size_bytes=key[1])
                    if casutil.digest_of(data) != d:
                        raise KeyError(f"blob {key[0]}/{key[1]}: wrong content read")
                    tmp = f"{self.cached(d)}.{os.getpid()}.tmp"
                    with open(tmp, "wb") as f:
                        f.write(data)
                    os.replace(tmp, self.cached(d))
                group, group_bytes = [], 0
        for path, digest, executable in files:
            shutil.copyfile(self.cached(digest), path)
            os.chmod(path, 0o755 if executable else 0o644)

    def cached(self, digest):
        return os.path.join(self.cache, f"{digest.hash}-{digest.size_bytes}")

    # Outputs

    def collect(self, command, cwd, outputs, result, blobs):
        for path in outputs:
            full = os.path.join(cwd, path)
            if os.path.islink(full) and command.output_paths:
                result.output_symlinks.add(path=path, target=os.readlink(full))
            elif os.path.isdir(full):
                if not command.output_paths and path in command.output_files:
                    continue  # a declared output file that is a directory is not an output
                tree = casutil.tree_from_disk(full, blobs)
                data = tree.SerializeToString(deterministic=True)
                d = casutil.digest_of(data)
                blobs[casutil.digest_key(d)] = data
                result.output_directories.add(path=path, tree_digest=d)
            elif os.path.isfile(full):
                if not command.output_paths and path in command.output_directories:
                    continue
                with open(full, "rb") as f:
                    data = f.read()
                d = casutil.digest_of(data)
                blobs[casutil.digest_key(d)] = data
                result.output_files.add(path=path, digest=d, is_executable=bool(os.stat(full).st_mode & 0o100))


def status_of(code, message=""):
    return status_pb2.Status(code=code, message=message)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--instance", default="")
    parser.add_argument("--name", required=True)
    parser.add_argument("--work-dir", required=True)
    parser.add_argument("--ready-file", help="written once the bot session exists")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGINT, on_term)
    # The Bots loop runs in a thread: the main thread stays in the interpreter, so a SIGTERM is
    # handled at once even while a gRPC call blocks.
    failure = []

    def run():
        try:
            Worker(args).run()
        except BaseException:
            failure.append(traceback.format_exc())

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    while thread.is_alive():
        thread.join(0.2)
    if failure:
        log(failure[0])
        sys.exit(1)


if __name__ == "__main__":
    main()
