//! "Did you mean 'x'?" for a misspelled name, by the rule Mojo 1.2 follows (measured against
//! the real compiler): plain Levenshtein distance (a transposition costs 2), at most
//! `min(2, typo length - 2)` edits, and only when exactly one candidate is nearest — with two
//! equally near candidates Mojo suggests nothing, and so do we.

/// Finds the one candidate a misspelled name most likely meant.
public enum SpellingSuggestion {
  /// The candidate nearest to `typo`, or nil when none is near enough or the nearest is not unique.
  public static func best(for typo: String, among candidates: some Sequence<String>) -> String? {
    let typoBytes = Array(typo.utf8)
    let limit = min(2, typoBytes.count - 2)
    guard limit > 0 else { return nil }
    var best: String?
    var bestDistance = limit + 1
    var tied = false
    var row: [Int] = []
    for candidate in candidates where candidate != typo {
      guard abs(candidate.utf8.count - typoBytes.count) <= limit else { continue }
      let d = distance(typoBytes, Array(candidate.utf8), limit: bestDistance, row: &row)
      if d < bestDistance {
        best = candidate
        bestDistance = d
        tied = false
      } else if d == bestDistance && best != candidate {
        tied = true
      }
    }
    return tied ? nil : best
  }

  /// Levenshtein distance between `a` and `b`, or some value above `limit` once it must exceed it.
  /// Both are non-empty (a typo has at least 3 bytes, a candidate at least one).
  static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int, row: inout [Int]) -> Int {
    row.removeAll(keepingCapacity: true)
    row.append(contentsOf: 0...b.count)
    for i in 0..<a.count {
      var diagonal = row[0]
      row[0] = i + 1
      var rowMinimum = row[0]
      for j in 0..<b.count {
        let above = row[j + 1]
        row[j + 1] = min(above + 1, row[j] + 1, diagonal + (a[i] == b[j] ? 0 : 1))
        diagonal = above
        rowMinimum = min(rowMinimum, row[j + 1])
      }
      if rowMinimum > limit { return rowMinimum }  // every path is already too long
    }
    return row[b.count]
  }
}
