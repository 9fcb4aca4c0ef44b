/// A function body whose parsing waits until the body is first read. Most functions in a
/// project are never reached from a handler, so their statements are never built.
///
/// The parser defers a body only when parsing it later gives the statements parsing it at
/// once would give, and when its statements bind names in the function's own scope only.
/// One analysis reads and fills the body, on one thread.
// NOTE: syntax problems in a body are reported when the body is parsed, so a body the
// analysis never reads reports none.
package final class DeferredBody: @unchecked Sendable {
    /// Released once the body is parsed.
    private var file: TokenizedFile?
    /// The index of the colon that starts the suite.
    private let start: Int
    /// The parser's nesting depth at the definition.
    private let depth: Int
    /// True when a statement in the body may assign `first.name = value`, where `first` is the
    /// first parameter: in a method that records an instance attribute of the class.
    package let mayAssignFirstParameterAttribute: Bool
    /// The first token and nesting level of each logical line that may assign such an
    /// attribute, or `nil` when one of them cannot be parsed apart from the block.
    private let attributeLines: [(start: Int, level: Int)]?
    private var parsed: [Statement]?
    /// The object that receives `listenerToken`, the statements and the syntax problems once,
    /// when the body is parsed.
    weak var listener: (any DeferredBodyListener)?
    var listenerToken = 0

    init(
        file: TokenizedFile, start: Int, depth: Int, mayAssignFirstParameterAttribute: Bool,
        attributeLines: [(start: Int, level: Int)]?
    ) {
        self.file = file
        self.start = start
        self.depth = depth
        self.mayAssignFirstParameterAttribute = mayAssignFirstParameterAttribute
        self.attributeLines = attributeLines
    }

    /// Parses only the lines that may assign an attribute of the first parameter, each as the
    /// whole body's parsing would. Returns `nil` when the lines must be read with the block.
    func attributeAssignments() -> [Statement]? {
        guard let attributeLines, let file, parsed == nil else { return nil }
        var statements: [Statement] = []
        for line in attributeLines {
            var parser = Parser(file: file, depth: depth + line.level, fixedPosition: nil)
            parser.index = line.start
            parser.parseStatementRecovering(into: &statements)
        }
        return statements
    }

    package var isParsed: Bool { parsed != nil }

    package var statements: [Statement] {
        if let parsed { return parsed }
        guard let file else { return [] }
        var parser = Parser(file: file, depth: depth, fixedPosition: nil)
        parser.index = start
        let statements = (try? parser.parseSuite()) ?? []
        parsed = statements
        self.file = nil
        let listener = self.listener
        self.listener = nil
        listener?.deferredBodyParsed(token: listenerToken, statements: statements, problems: parser.problems)
        return statements
    }
}

/// The receiver of a deferred body's statements once it is parsed, so that the names the
/// body binds can be recorded.
protocol DeferredBodyListener: AnyObject {
    func deferredBodyParsed(token: Int, statements: [Statement], problems: [SyntaxProblem])
}

extension Parser {
    /// Steps over the function body at the current colon and returns it deferred, or returns
    /// `nil` and stays put when the body must be parsed now. That is the case for a body that
    /// is not an indented block, or that declares `global` or `nonlocal` names. It is also the
    /// case for nested functions and classes, which get scopes and indexes in definition
    /// order, and for a `match` statement, whose errors can end the block early. Blocks
    /// nested deep enough to reach the depth limit are parsed now too.
    mutating func deferBody(firstParameter: String?) -> DeferredBody? {
        let tokens = file.tokens
        guard current.kind == .colon, index + 2 < tokens.count, tokens[index + 1].kind == .newline,
            tokens[index + 2].kind == .indent
        else { return nil }
        let start = index + 3
        let found = tokens.withUnsafeBufferPointer { tokens in
            file.bytes.withUnsafeBufferPointer { bytes in
                // The name's own UTF-8 storage, so that no array is made per function.
                guard var name = firstParameter else {
                    return BodyScan.scan(tokens, bytes: bytes, from: start, firstParameter: nil)
                }
                return name.withUTF8 { BodyScan.scan(tokens, bytes: bytes, from: start, firstParameter: $0) }
            }
        }
        guard let (end, scan) = found, depth + 1 + scan.deepestLevel < Self.maximumDepth else { return nil }
        let body = DeferredBody(
            file: file, start: index, depth: depth,
            mayAssignFirstParameterAttribute: scan.mayAssignFirstParameterAttribute,
            attributeLines: scan.attributeLinesParseAlone ? scan.attributeLines : nil)
        index = end + 1
        return body
    }
}
