//! Input roots as REAPI Merkle trees.
#if Remote
import MojoDriver
import Testing
@testable import MojoRemote

@Suite struct InputTreeTests {
  @Test func anEmptyRootIsTheDigestOfNoBytes() throws {
    var blobs = BlobSet()
    let root = try InputTree.add([InputFile](), to: &blobs)
    // An empty Directory message serializes to no bytes (REAPI's well-known empty digest).
    #expect(root.hash == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(root.sizeBytes == 0)
  }

  @Test func theRootDigestDependsOnContentNotOnTheOrderFilesAreGiven() throws {
    let files = [
      InputFile(path: "project/main.mojo", bytes: Array("def main():\n    pass\n".utf8)),
      InputFile(path: "project/lib/util.mojo", bytes: Array("def f(): pass\n".utf8)),
      InputFile(path: "bin/mojoc", bytes: [0x7F, 0x45, 0x4C, 0x46], isExecutable: true),
    ]
    var first = BlobSet(), second = BlobSet(), third = BlobSet()
    let a = try InputTree.add(files, to: &first)
    let b = try InputTree.add(files.reversed(), to: &second)
    #expect(a == b)
    // 3 files, 4 directories (root, bin, project, project/lib).
    #expect(first.digests.count == 7)
    var changed = files
    changed[2].isExecutable = false
    #expect(try InputTree.add(changed, to: &third) != a)
  }

  @Test func pathsThatAreNotPlainAreRefused() {
    for path in ["", "/abs", "a/../b", "a//b", "./a"] {
      var blobs = BlobSet()
      #expect(throws: RemoteError.self) { try InputTree.add([InputFile(path: path, bytes: [])], to: &blobs) }
    }
    var blobs = BlobSet()
    #expect(throws: RemoteError.self) {
      try InputTree.add([InputFile(path: "a", bytes: [1]), InputFile(path: "a/b", bytes: [2])], to: &blobs)
    }
  }
}
#endif
