//! Runs the compiler's work on threads with large stacks. Parsing, checking and lowering recurse
//! on the syntax tree, and the parser's nesting limit (`Parser.maximumNesting`) is sized for
//! these stacks, not for the 8 MiB a thread gets by default (debug builds use far bigger frames
//! than release builds). The stack is reserved address space: only the pages a deep input
//! touches are ever committed.
import Glibc

/// glibc's default attributes for threads created later, Dispatch's worker threads included.
@_silgen_name("pthread_setattr_default_np")
private func setDefaultThreadAttributes(_ attributes: UnsafePointer<pthread_attr_t>) -> Int32

enum LargeStack {
  /// The stack size of the compiler's threads: 512 MiB, or `MOJOC_STACK_MIB` MiB (a test
  /// hook: on a small stack, recursion per term of a long operator chain would overflow).
  static let size: Int = {
    if let text = getenv("MOJOC_STACK_MIB"), let mib = Int(String(cString: text)), mib > 0 { return mib << 20 }
    return 512 << 20
  }()

  /// Makes every thread created from now on (Dispatch's workers too) get a `size` stack; once.
  private static let defaultsSet: Bool = {
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, size)
    return setDefaultThreadAttributes(&attributes) == 0
  }()

  /// Runs `body` on a new thread with a `size` stack and returns its result (rethrowing its
  /// error); the caller waits. Falls back to the calling thread if no thread can be made.
  static func run<T>(_ body: () throws -> T) throws -> T {
    _ = defaultsSet
    var result: Result<T, any Error>?
    withoutActuallyEscaping(body) { body in
      runAndWait { result = Result { try body() } }
    }
    return try result!.get()
  }

  /// The work handed to the new thread.
  private final class Work {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
  }

  private static func runAndWait(_ work: @escaping () -> Void) {
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, size)
    var thread = pthread_t()
    let context = Unmanaged.passRetained(Work(work)).toOpaque()
    let created = pthread_create(&thread, &attributes, { raw in
      Unmanaged<Work>.fromOpaque(raw!).takeRetainedValue().run()
      return nil
    }, context)
    guard created == 0 else {
      Unmanaged<Work>.fromOpaque(context).release()
      work()
      return
    }
    pthread_join(thread, nil)
  }
}
