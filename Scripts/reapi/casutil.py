# REAPI v2 CAS helpers shared by worker.py and selftest.py (test fixtures for mojoc's remote
# execution tests). They use the generated protobuf/gRPC modules that ship in the buildgrid
# wheel, so run them with the server venv's python (Scripts/reapi/server does).
import hashlib
import os
import stat
import uuid

import grpc
from buildgrid._protos.build.bazel.remote.execution.v2 import remote_execution_pb2 as re_pb2
from buildgrid._protos.build.bazel.remote.execution.v2 import remote_execution_pb2_grpc as re_grpc
from buildgrid._protos.google.bytestream import bytestream_pb2, bytestream_pb2_grpc

# Blobs up to this size go in batch requests (BuildGrid's limit is 4 MiB less 1 KiB per request).
BATCH_BYTES = 2 * 1024 * 1024
CHUNK_BYTES = 1024 * 1024


def digest_of(data):
    return re_pb2.Digest(hash=hashlib.sha256(data).hexdigest(), size_bytes=len(data))


def digest_key(digest):
    return (digest.hash, digest.size_bytes)


def channel_for(endpoint):
    """grpc://HOST:PORT (or http://, or bare HOST:PORT) -> an insecure channel."""
    for prefix in ("grpc://", "http://"):
        if endpoint.startswith(prefix):
            endpoint = endpoint[len(prefix):]
    options = [("grpc.max_receive_message_length", 64 * 1024 * 1024),
               ("grpc.max_send_message_length", 64 * 1024 * 1024)]
    return grpc.insecure_channel(endpoint, options=options)


class CAS:
    def __init__(self, channel, instance=""):
        self.instance = instance
        self.cas = re_grpc.ContentAddressableStorageStub(channel)
        self.bytestream = bytestream_pb2_grpc.ByteStreamStub(channel)

    def _resource(self, digest):
        prefix = f"{self.instance}/" if self.instance else ""
        return f"{prefix}blobs/{digest.hash}/{digest.size_bytes}"

    # Reading

    def read_many(self, digests):
        """{(hash, size): bytes} for the given digests; raises KeyError naming a missing blob."""
        wanted = {}
        for d in digests:
            wanted.setdefault(digest_key(d), d)
        found = {}
        batch, batch_bytes = [], 0

        def flush():
            nonlocal batch, batch_bytes
            if not batch:
                return
            reply = self.cas.BatchReadBlobs(re_pb2.BatchReadBlobsRequest(
                instance_name=self.instance, digests=batch))
            for r in reply.responses:
                if r.status.code != 0:
                    raise KeyError(f"blob {r.digest.hash}/{r.digest.size_bytes}: {r.status.message or r.status.code}")
                found[digest_key(r.digest)] = r.data
            batch, batch_bytes = [], 0

        for key, d in wanted.items():
            if d.size_bytes == 0:
                found[key] = b""
            elif d.size_bytes > BATCH_BYTES:
                found[key] = self.read_stream(d)
            else:
                if batch_bytes + d.size_bytes > BATCH_BYTES:
                    flush()
                batch.append(d)
                batch_bytes += d.size_bytes
        flush()
        for key in wanted:
            if key not in found:
                raise KeyError(f"blob {key[0]}/{key[1]} missing")
        return found

    def read(self, digest):
        return self.read_many([digest])[digest_key(digest)]

    def read_stream(self, digest):
        parts = []
        try:
            for reply in self.bytestream.Read(bytestream_pb2.ReadRequest(resource_name=self._resource(digest))):
                parts.append(reply.data)
        except grpc.RpcError as e:
            if e.code() == grpc.StatusCode.NOT_FOUND:
                raise KeyError(f"blob {digest.hash}/{digest.size_bytes} missing") from None
            raise
        data = b"".join(parts)
        if len(data) != digest.size_bytes or hashlib.sha256(data).hexdigest() != digest.hash:
            raise KeyError(f"blob {digest.hash}/{digest.size_bytes}: wrong content read")
        return data

    def read_message(self, digest, message_type):
        message = message_type()
        message.ParseFromString(self.read(digest))
        return message

    # Writing

    def upload(self, blobs):
        """Uploads the blobs ({(hash, size): bytes} or a list of bytes) the server is missing."""
        if not isinstance(blobs, dict):
            blobs = {digest_key(digest_of(b)): b for b in blobs}
        if not blobs:
            return
        digests = [re_pb2.Digest(hash=h, size_bytes=s) for (h, s) in blobs]
        missing = []
        for i in range(0, len(digests), 1000):
            reply = self.cas.FindMissingBlobs(re_pb2.FindMissingBlobsRequest(
                instance_name=self.instance, blob_digests=digests[i:i + 1000]))
            missing.extend(reply.missing_blob_digests)
        batch, batch_bytes = [], 0

        def flush():
            nonlocal batch, batch_bytes
            if not batch:
                return
            reply = self.cas.BatchUpdateBlobs(re_pb2.BatchUpdateBlobsRequest(
                instance_name=self.instance, requests=batch))
            for r in reply.responses:
                if r.status.code != 0:
                    raise RuntimeError(f"upload of {r.digest.hash}: {r.status.message or r.status.code}")
            batch, batch_bytes = [], 0

        for d in missing:
            data = blobs[digest_key(d)]
            if d.size_bytes > BATCH_BYTES:
                self.write_stream(d, data)
                continue
            if batch_bytes + d.size_bytes > BATCH_BYTES:
                flush()
            batch.append(re_pb2.BatchUpdateBlobsRequest.Request(digest=d, data=data))
            batch_bytes += d.size_bytes
        flush()

    def write_stream(self, digest, data):
        prefix = f"{self.instance}/" if self.instance else ""
        name = f"{prefix}uploads/{uuid.uuid4()}/blobs/{digest.hash}/{digest.size_bytes}"

        def requests():
            offset = 0
            while True:
                chunk = data[offset:offset + CHUNK_BYTES]
                last = offset + len(chunk) >= len(data)
                yield bytestream_pb2.WriteRequest(resource_name=name if offset == 0 else "",
                                                  write_offset=offset, data=chunk, finish_write=last)
                offset += len(chunk)
                if last:
                    return

        reply = self.bytestream.Write(requests())
        if reply.committed_size != digest.size_bytes:
            raise RuntimeError(f"ByteStream Write of {digest.hash}: committed {reply.committed_size}")


# Merkle trees

def directory_from_disk(path, blobs):
    """Directory message for the tree at path; adds every file and Directory blob to blobs."""
    directory = re_pb2.Directory()
    for name in sorted(os.listdir(path)):
        full = os.path.join(path, name)
        st = os.lstat(full)
        if stat.S_ISLNK(st.st_mode):
            directory.symlinks.add(name=name, target=os.readlink(full))
        elif stat.S_ISDIR(st.st_mode):
            child = directory_from_disk(full, blobs)
            data = child.SerializeToString(deterministic=True)
            d = digest_of(data)
            blobs[digest_key(d)] = data
            directory.directories.add(name=name, digest=d)
        elif stat.S_ISREG(st.st_mode):
            with open(full, "rb") as f:
                data = f.read()
            d = digest_of(data)
            blobs[digest_key(d)] = data
            directory.files.add(name=name, digest=d, is_executable=bool(st.st_mode & stat.S_IXUSR))
    return directory


def tree_from_disk(path, blobs):
    """Tree message (root plus every distinct descendant Directory) for an output directory."""
    root = directory_from_disk(path, blobs)
    children, seen = [], set()
    pending = [root]
    while pending:
        directory = pending.pop()
        for node in directory.directories:
            key = digest_key(node.digest)
            if key in seen:
                continue
            seen.add(key)
            child = re_pb2.Directory()
            child.ParseFromString(blobs[key])
            children.append(child)
            pending.append(child)
    return re_pb2.Tree(root=root, children=children)
