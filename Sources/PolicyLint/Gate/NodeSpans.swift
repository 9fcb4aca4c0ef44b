import Diagnostics
import Documents

/// The last line of the longest YAML node or mapping entry that starts on each line, so that a
/// suppression comment alone on the line above a statement covers the whole statement.
struct NodeSpans {
    private var lastLines: [Int: Int] = [:]

    init(root: Node?, text: [UInt8]) {
        guard let root else { return }
        let lines = text.split(separator: 0x0A, omittingEmptySubsequences: false)
        // An explicit stack, because documents can nest thousands of levels deep.
        var pending = [root]
        while let node = pending.popLast() {
            // A comment above `- Effect: Allow` is about that item, not the list that starts with it.
            if node.sequence?.first?.location.line != node.location.line {
                record(start: node.location, end: node.endLocation, lines: lines)
            }
            pending += node.sequence ?? []
            for pair in node.mapping ?? [] {
                record(start: pair.key.location, end: pair.value.endLocation, lines: lines)
                pending.append(pair.key)
                pending.append(pair.value)
            }
        }
    }

    /// Returns the last line of the longest node that starts on `line`, or `nil` when none does.
    func lastLine(ofNodeStartingOn line: Int) -> Int? { lastLines[line] }

    private mutating func record(start: SourceLocation, end: SourceLocation?, lines: [ArraySlice<UInt8>]) {
        guard let end, start.line > 0, end.line >= start.line else { return }
        var last = end.line
        // libyaml ends a block collection where the next token starts. When only indentation
        // or a sequence dash comes before that point, the node ended on the line above.
        if end.line > start.line, end.line <= lines.count {
            let before = lines[lines.startIndex + end.line - 1].prefix(max(end.column - 1, 0))
            if before.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x2D }) { last -= 1 }
        }
        lastLines[start.line] = max(lastLines[start.line] ?? start.line, last)
    }
}
