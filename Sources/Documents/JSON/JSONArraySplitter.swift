import Diagnostics

/// Cuts the elements of one JSON array out of a byte stream, one element at a time, so a
/// CloudTrail file of any size is parsed one record at a time with flat memory. The splitter
/// only tracks strings and brackets; each element is checked when it is parsed, with
/// `JSONParser`.
package struct JSONArraySplitter {
    package enum Target: Sendable, Equatable {
        /// The array under this key of the top-level object, such as CloudTrail's `Records`.
        case member(String)
        /// The top-level value, which is an array.
        case topLevelArray
    }

    private enum Phase {
        case before, inArray, after
    }

    package let target: Target
    package let displayPath: String
    /// Largest element, in bytes.
    package let maximumElementSize: Int
    /// Elements returned so far.
    package private(set) var elementCount = 0
    /// Bytes read so far.
    package private(set) var offset = 0

    private let keyBytes: [UInt8]
    private var phase = Phase.before
    private var depth = 0
    private var arrayDepth = 0
    private var isInString = false
    private var isEscaped = false
    private var key: [UInt8]? = nil
    private var isKeyMatched = false
    private var isAwaitingArray = false
    private var element: [UInt8] = []
    private var isInElement = false
    /// When true, an element over `maximumElementSize` is dropped as it streams past and
    /// returned as `.oversizedElement`; when false, it stops the split with an error.
    private let skipsOversizedElements: Bool
    /// Bytes of the current element when it is being dropped for its size, otherwise `nil`.
    private var droppedElementSize: Int? = nil

    /// One element of the array, or the size of one that was larger than the limit and skipped.
    package enum Piece: Sendable, Equatable {
        case element([UInt8])
        case oversizedElement(byteCount: Int)
    }

    package init(
        target: Target = .member("Records"), displayPath: String, maximumElementSize: Int = 16 * 1024 * 1024,
        skipsOversizedElements: Bool = false
    ) {
        self.target = target
        self.displayPath = displayPath
        self.maximumElementSize = maximumElementSize
        self.skipsOversizedElements = skipsOversizedElements
        if case .member(let name) = target { keyBytes = Array(name.utf8) } else { keyBytes = [] }
        isAwaitingArray = target == .topLevelArray
    }

    /// Reads the next chunk of the stream and returns the elements that end in it, each as
    /// its own bytes without surrounding white space.
    package mutating func split(_ chunk: [UInt8]) throws(DocumentError) -> [[UInt8]] {
        try pieces(of: chunk).compactMap { piece in
            if case .element(let bytes) = piece { return bytes }
            return nil
        }
    }

    /// Reads the next chunk of the stream and returns the elements that end in it in array order,
    /// including the ones skipped for their size when the splitter was made to skip them.
    package mutating func pieces(of chunk: [UInt8]) throws(DocumentError) -> [Piece] {
        var elements: [Piece] = []
        var elementStart = 0
        for index in chunk.indices {
            let byte = chunk[index]
            if isInString {
                scanStringByte(byte)
                continue
            }
            if phase == .inArray && depth == arrayDepth {
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") {
                    if isInElement {
                        try appendToElement(chunk[elementStart..<index], at: index)
                        elements.append(finishElement())
                    }
                    if byte == UInt8(ascii: "]") {
                        phase = .after
                        depth -= 1
                    }
                    continue
                }
                if !isInElement && !isWhiteSpace(byte) {
                    isInElement = true
                    elementStart = index
                }
            }
            try scanStructuralByte(byte, at: offset + index)
        }
        if isInElement {
            try appendToElement(chunk[elementStart...], at: chunk.count)
        }
        offset += chunk.count
        return elements
    }

    /// Checks that the stream ended after the array and the value around it closed.
    package func finish() throws(DocumentError) {
        let name = targetName
        switch phase {
        case .before:
            throw error("no \(name) found; check that this is the expected kind of file", at: offset)
        case .inArray:
            throw error(
                "the file ends inside the \(name) (elements read so far: \(elementCount)); it may be truncated",
                at: offset)
        case .after:
            guard depth == 0 && !isInString else {
                throw error("the file ends before the JSON value closes; it may be truncated", at: offset)
            }
        }
    }

    private var targetName: String {
        if case .member(let name) = target { return "'\(name)' array" }
        return "top-level array"
    }

    private var notArrayMessage: String {
        if case .member(let name) = target { return "the value of '\(name)' is not an array" }
        return "the top-level value is not an array"
    }

    private mutating func scanStringByte(_ byte: UInt8) {
        if isEscaped {
            isEscaped = false
        } else if byte == UInt8(ascii: "\\") {
            isEscaped = true
        } else if byte == UInt8(ascii: "\"") {
            isInString = false
            if let collected = key {
                isKeyMatched = collected == keyBytes
                key = nil
            }
            return
        }
        if key != nil && (key?.count ?? 0) <= keyBytes.count { key?.append(byte) }
    }

    /// Tracks brackets outside strings, and finds the target array before it starts.
    private mutating func scanStructuralByte(_ byte: UInt8, at position: Int) throws(DocumentError) {
        if isWhiteSpace(byte) { return }
        if phase == .after && depth == 0 {
            throw error("text after the end of the JSON value; remove it", at: position)
        }
        if phase == .before {
            try findArray(byte, at: position)
        }
        switch byte {
        case UInt8(ascii: "\""):
            isInString = true
            if phase == .before && depth == 1 { key = [] }
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            depth += 1
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            depth -= 1
            guard depth >= 0 else { throw error("unbalanced '\(Character(Unicode.Scalar(byte)))'", at: position) }
        default:
            break
        }
    }

    private mutating func findArray(_ byte: UInt8, at position: Int) throws(DocumentError) {
        if depth == 0 && target != .topLevelArray && byte != UInt8(ascii: "{") {
            throw error("expected a JSON object with a \(targetName)", at: position)
        }
        if isAwaitingArray && depth == (target == .topLevelArray ? 0 : 1) {
            guard byte == UInt8(ascii: "[") else { throw error(notArrayMessage, at: position) }
            isAwaitingArray = false
            phase = .inArray
            arrayDepth = depth + 1
            return
        }
        if byte == UInt8(ascii: ":") && depth == 1 && isKeyMatched {
            isAwaitingArray = true
        }
        isKeyMatched = false
    }

    private mutating func appendToElement(_ bytes: ArraySlice<UInt8>, at position: Int) throws(DocumentError) {
        if let dropped = droppedElementSize {
            droppedElementSize = dropped + bytes.count
            return
        }
        if skipsOversizedElements && element.count + bytes.count > maximumElementSize {
            droppedElementSize = element.count + bytes.count
            element = []
            return
        }
        guard element.count + bytes.count <= maximumElementSize else {
            throw error(
                "element \(elementCount + 1) of the \(targetName) is larger than the limit of \(maximumElementSize) bytes",
                at: offset + position)
        }
        element.append(contentsOf: bytes)
    }

    private mutating func finishElement() -> Piece {
        isInElement = false
        elementCount += 1
        if let dropped = droppedElementSize {
            droppedElementSize = nil
            return .oversizedElement(byteCount: dropped)
        }
        while let last = element.last, isWhiteSpace(last) { element.removeLast() }
        let finished = element
        element = []
        return .element(finished)
    }

    private func isWhiteSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private func error(_ message: String, at position: Int) -> DocumentError {
        DocumentError(
            "invalid JSON stream: \(message) (at byte \(position))", at: SourceLocation(file: displayPath),
            code: .jsonSyntax)
    }
}
