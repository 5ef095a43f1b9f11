// swift-tools-version: 6.1
// mojoc: a parallel ahead-of-time compiler for a subset of Mojo. One target per stage or foreign
// library; see README.md ("Layout") and the dependency diagram there.
import PackageDescription

let package = Package(
  name: "mojoc",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "mojoc", targets: ["mojoc"]),
    // mojoc with the REAPI client (`mojoc build --remote` runs it): built only with the Remote
    // trait, `swift build --traits Remote --scratch-path .build/remote --product mojoc-remote`
    // (Scripts/test-remote). Without the trait it is a stub that says how to build it.
    .executable(name: "mojoc-remote", targets: ["mojoc-remote"]),
  ],
  // Remote: the REAPI client's gRPC, NIO, BoringSSL and protobuf dependencies. Off by default, so
  // that neither `mojoc` nor the normal build (Scripts/test) compiles or links any of them; the
  // remote targets' sources are inside `#if Remote`.
  traits: [.trait(name: "Remote", description: "Build mojoc-remote's REAPI client (gRPC, swift-protobuf).")],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // The REAPI client (MojoRemote, Remote trait only): gRPC over HTTP/2 and protocol buffers.
    .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0", traits: []),
    .package(url: "https://github.com/grpc/grpc-swift-2.git", from: "2.4.3"),
    .package(url: "https://github.com/grpc/grpc-swift-nio-transport.git", from: "2.9.2"),
    .package(url: "https://github.com/grpc/grpc-swift-protobuf.git", from: "2.4.1"),
  ],
  targets: [
    // MARK: - Front end
    .target(name: "MojoDiagnostics"),
    .target(name: "MojoSyntax", dependencies: ["MojoDiagnostics"]),
    .target(name: "MojoSema", dependencies: ["MojoDiagnostics", "MojoSyntax"]),
    .target(name: "MojoLowering", dependencies: ["MojoDiagnostics", "MojoSyntax", "MojoSema", "MojoIR", "MojoProfiling"]),

    // MARK: - IR and backends
    .target(name: "MojoIR"),
    .target(name: "MojoCodegen", dependencies: ["MojoIR"]),
    .systemLibrary(name: "CLLVM", pkgConfig: "mojoc-llvm-headers", providers: [.apt(["llvm-19-dev"])]),
    .target(name: "LLVMKit", dependencies: ["CLLVM", "ProcessKit"]),
    .target(name: "MojoLLVM", dependencies: ["MojoIR", "MojoCodegen", "LLVMKit"]),
    .systemLibrary(name: "CLibELF", pkgConfig: "libelf", providers: [.apt(["libelf-dev"])]),
    .target(name: "ELFKit", dependencies: ["CLibELF"]),
    .target(name: "MojoStencilContract", dependencies: ["MojoIR"]),
    .target(
      name: "MojoCopyPatch", dependencies: ["MojoIR", "MojoCodegen", "MojoStencilContract", "ELFKit"],
      exclude: ["Stencils"]),
    .executableTarget(name: "mojoc-stencils", dependencies: ["MojoStencilContract", "ELFKit"]),

    // MARK: - Runtime (C compiled by Scripts/build-runtime, shipped as embedded object bytes)
    // DWARF 4: valgrind 3.19 (Debian 12), used to profile mojoc, cannot read clang's DWARF 5.
    .target(name: "MojoRuntimeObject", cSettings: [.unsafeFlags(["-gdwarf-4"])]),
    .target(name: "MojoRuntime", dependencies: ["MojoRuntimeObject"], exclude: ["C"]),
    .target(name: "MojoLinker"),

    // MARK: - Interpreter (the IR's reference semantics; the runtime compiled into mojoc's process)
    .target(
      name: "MojoHostedRuntime",
      cSettings: [.unsafeFlags(["-ffp-contract=off", "-fno-stack-protector", "-fvisibility=hidden"])]),
    .target(name: "MojoInterpreter", dependencies: ["MojoIR", "MojoHostedRuntime"]),

    // MARK: - Driver and command line
    .target(name: "MojoProfiling"),
    .target(name: "ProcessKit"),
    .target(name: "CSHA256"),
    .target(name: "MojoHashing", dependencies: ["CSHA256"]),
    .target(
      name: "MojoDriver",
      dependencies: [
        "MojoHashing",
        "MojoDiagnostics", "MojoSyntax", "MojoSema", "MojoLowering", "MojoIR", "MojoCodegen",
        "MojoLLVM", "LLVMKit", "MojoCopyPatch", "MojoRuntime", "MojoLinker", "MojoProfiling", "ProcessKit",
        "MojoInterpreter",
      ]),
    .target(name: "MojoCorpus", dependencies: ["MojoRuntime", "MojoProfiling", "ProcessKit"]),
    .target(
      name: "MojocCommandLine",
      dependencies: ["MojoDriver", "MojoCorpus", "MojoProfiling", "MojoCodegen", "MojoDiagnostics",
                     .product(name: "ArgumentParser", package: "swift-argument-parser")]),
    .executableTarget(
      name: "mojoc",
      dependencies: ["MojocCommandLine"],
      // The Swift runtime, Foundation and libstdc++ linked in (loading their shared libraries cost
      // every run several milliseconds), by lld, into a non-PIE executable so that start-up applies
      // no relocations to the Swift metadata (README "Start-up"). Scripts/bootstrap writes a
      // linker script named libstdc++.so into /usr/local/lib/mojoc that stands for libstdc++.a, so
      // the `-lstdc++` of `-static-stdlib` links it statically (without it, dynamically).
      linkerSettings: [.unsafeFlags([
        "-static-stdlib", "-l_FoundationCShims", "-l_FoundationCollections",
        "-use-ld=lld", "-Xclang-linker", "-no-pie", "-L", "/usr/local/lib/mojoc",
      ])]),

    // MARK: - Remote execution (REAPI v2; the Remote trait, see `traits` above)
    // Messages and clients generated by Scripts/generate-reapi (committed, checked by its MANIFEST).
    .target(
      name: "MojoRemoteProtocol",
      dependencies: [
        .product(name: "SwiftProtobuf", package: "swift-protobuf", condition: .when(traits: ["Remote"])),
        .product(name: "GRPCCore", package: "grpc-swift-2", condition: .when(traits: ["Remote"])),
        .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf", condition: .when(traits: ["Remote"])),
      ],
      exclude: ["generated/MANIFEST"]),
    .target(
      name: "MojoRemote",
      dependencies: [
        "MojoDriver", "MojoHashing", "MojoRemoteProtocol",
        .product(name: "SwiftProtobuf", package: "swift-protobuf", condition: .when(traits: ["Remote"])),
        .product(name: "GRPCCore", package: "grpc-swift-2", condition: .when(traits: ["Remote"])),
        .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport", condition: .when(traits: ["Remote"])),
        .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf", condition: .when(traits: ["Remote"])),
      ]),
    // Without the Remote trait a stub (nothing linked in) that says how to build the real one.
    .executableTarget(
      name: "mojoc-remote",
      dependencies: [
        .target(name: "MojocCommandLine", condition: .when(traits: ["Remote"])),
        .target(name: "MojoRemote", condition: .when(traits: ["Remote"])),
      ]),

    // MARK: - Tests
    .target(name: "TestSupport", dependencies: ["MojoDriver", "MojoCodegen", "MojoDiagnostics", "ProcessKit"], path: "Tests/TestSupport"),
    .testTarget(name: "MojoIRTests", dependencies: ["MojoIR"]),
    .testTarget(name: "MojoInterpreterTests", dependencies: ["MojoInterpreter", "TestSupport"]),
    .testTarget(name: "MojoSyntaxTests", dependencies: ["MojoSyntax", "MojoDiagnostics"]),
    .testTarget(name: "MojoSemaTests", dependencies: ["MojoSema", "MojoSyntax", "MojoDiagnostics", "MojoDriver", "TestSupport"]),
    .testTarget(name: "MojoLLVMTests", dependencies: ["MojoLLVM", "MojoIR", "MojoCodegen", "TestSupport"]),
    .testTarget(name: "MojoCopyPatchTests", dependencies: ["MojoCopyPatch", "MojoStencilContract", "ELFKit", "MojoIR", "MojoCodegen", "TestSupport"]),
    .testTarget(name: "MojoRuntimeTests", dependencies: ["MojoRuntime", "TestSupport"]),
    .testTarget(name: "MojoDriverTests", dependencies: ["MojoDriver", "MojoHashing", "MojoLinker", "MojoCodegen", "MojoDiagnostics", "MojoSyntax", "MojoRuntime", "TestSupport"]),
    .testTarget(name: "MojoLinkerTests", dependencies: ["MojoLinker", "MojoRuntime", "ELFKit", "TestSupport"]),
    .testTarget(name: "MojoProfilingTests", dependencies: ["MojoProfiling"]),
    .testTarget(name: "MojoRemoteTests", dependencies: ["MojoRemote", "MojoDriver", "MojoHashing"]),
    .testTarget(name: "ProcessKitTests", dependencies: ["ProcessKit"]),
    .testTarget(name: "MojoCorpusTests", dependencies: ["MojoCorpus", "MojoDriver", "ProcessKit", "MojoCodegen", "MojoDiagnostics", "TestSupport"]),
    .testTarget(name: "CorpusTests", dependencies: ["MojoDriver", "MojoIR", "MojoCodegen", "MojoDiagnostics", "TestSupport"]),
    .testTarget(name: "MojocTests", dependencies: ["MojoIR", "ProcessKit", "TestSupport"]),
  ]
)
