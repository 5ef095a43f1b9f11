//! An action's input root as REAPI wants it: a Merkle tree of `Directory` messages, each with
//! its files and subdirectories sorted by name and serialized deterministically, so that the
//! same files always give the same root digest (and so the same action digest) on every client.
#if Remote
import MojoDriver
import MojoHashing
import MojoRemoteProtocol
import SwiftProtobuf

typealias REDigest = Build_Bazel_Remote_Execution_V2_Digest

/// Content-addressed blobs by digest (file contents, serialized messages).
struct BlobSet {
  private(set) var blobs: [String: (digest: REDigest, bytes: [UInt8])] = [:]

  /// Adds `bytes` and returns their digest.
  @discardableResult
  mutating func add(_ bytes: [UInt8]) -> REDigest {
    let digest = REDigest.of(bytes)
    blobs[digest.hash] = (digest, bytes)
    return digest
  }

  subscript(hash: String) -> [UInt8]? { blobs[hash]?.bytes }

  var digests: [REDigest] { blobs.values.map(\.digest).sorted { $0.hash < $1.hash } }
}

extension REDigest {
  /// The SHA-256 digest REAPI names `bytes` by.
  static func of(_ bytes: [UInt8]) -> REDigest {
    .with {
      $0.hash = SHA256.hash(bytes).hex
      $0.sizeBytes = Int64(bytes.count)
    }
  }
}

/// Builds the `Directory` messages of an input root.
enum InputTree {
  /// A file of the tree whose content is already in the blob set.
  struct Entry {
    var path: String
    var digest: REDigest
    var isExecutable: Bool
  }

  /// Adds every file and `Directory` message of the tree of `files` to `blobs`; returns the
  /// root directory's digest.
  static func add(_ files: [InputFile], to blobs: inout BlobSet) throws(RemoteError) -> REDigest {
    let entries = files.map { Entry(path: $0.path, digest: blobs.add($0.bytes), isExecutable: $0.isExecutable) }
    return try add(entries, to: &blobs)
  }

  /// Adds the `Directory` messages of the tree of `files` to `blobs`; returns the root
  /// directory's digest. Throws for a path that is not a plain relative path or that names a
  /// file twice (or a file and a folder).
  static func add(_ files: [Entry], to blobs: inout BlobSet) throws(RemoteError) -> REDigest {
    final class Folder {
      var files: [String: (REDigest, Bool)] = [:]
      var folders: [String: Folder] = [:]
    }
    let root = Folder()
    for file in files {
      let parts = file.path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
      guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
        throw .protocolViolation("input path '\(file.path)' is not a plain relative path")
      }
      var folder = root
      for name in parts.dropLast() {
        guard folder.files[name] == nil else { throw .protocolViolation("input path '\(file.path)' names a file as a folder") }
        if let next = folder.folders[name] { folder = next } else {
          let next = Folder()
          folder.folders[name] = next
          folder = next
        }
      }
      let name = parts.last!
      guard folder.files[name] == nil, folder.folders[name] == nil else {
        throw .protocolViolation("input path '\(file.path)' is given twice")
      }
      folder.files[name] = (file.digest, file.isExecutable)
    }
    func digest(of folder: Folder) -> REDigest {
      var directory = Build_Bazel_Remote_Execution_V2_Directory()
      directory.files = folder.files.keys.sorted().map { name in
        let (content, executable) = folder.files[name]!
        return .with {
          $0.name = name
          $0.digest = content
          $0.isExecutable = executable
        }
      }
      directory.directories = folder.folders.keys.sorted().map { name in
        let child = digest(of: folder.folders[name]!)
        return .with {
          $0.name = name
          $0.digest = child
        }
      }
      return blobs.add(directory.deterministicBytes)
    }
    return digest(of: root)
  }
}

extension SwiftProtobuf.Message {
  /// The message in binary form, fields in number order (what REAPI digests).
  var deterministicBytes: [UInt8] {
    var options = BinaryEncodingOptions()
    options.useDeterministicOrdering = true
    // Serializing a fully built message cannot fail (proto3 has no required fields).
    let bytes: [UInt8]? = try? serializedBytes(options: options)
    return bytes ?? []
  }
}
#endif
