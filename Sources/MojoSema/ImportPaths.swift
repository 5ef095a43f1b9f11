//! Where an import points: turns an `ImportDecl` of a module into absolute dotted module names
//! (LANGUAGE.md §11). Shared by the driver, which uses it to find the files to read, and by the
//! import binder, which reports what cannot be found.
import MojoSyntax

/// The absolute module path an import names.
public enum ImportTarget: Sendable, Equatable {
  /// Absolute dotted components of the module named after `import` / `from`.
  case path([String])
  /// A relative import in a top-level module (such as `main.mojo`): an error.
  case relativeToTopLevel
  /// More leading dots than enclosing packages.
  case beyondRoot
}

/// Computes import targets.
public enum ImportPaths {
  /// The module path named by `decl`, imported from module `importer` (dotted name) which is a
  /// package's `__init__` when `importerIsPackage`.
  public static func target(of decl: ImportDecl, in tree: SyntaxTree, importer: String, importerIsPackage: Bool) -> ImportTarget {
    let components = decl.path.map { tree.name($0.name) }
    guard decl.dots > 0 else { return .path(components) }
    // The package containing the importing file: the module itself for an `__init__`, else its parent.
    var package = importer.split(separator: ".").map(String.init)
    if !importerIsPackage { package.removeLast() }
    if package.isEmpty && !importerIsPackage { return .relativeToTopLevel }
    let up = decl.dots - 1
    guard up <= package.count else { return .beyondRoot }
    return .path(Array(package.dropLast(up)) + components)
  }
}
