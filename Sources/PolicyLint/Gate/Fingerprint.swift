import Diagnostics

/// The 64-bit FNV-1a hash (Fowler, Noll and Vo), written out here so fingerprints stay the
/// same across Swift versions and runs, which `Hasher` does not promise.
package struct FNV1a64: Sendable {
    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    package private(set) var value: UInt64 = offsetBasis

    package init() {}

    package mutating func combine(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* Self.prime
        }
    }

    /// Adds a string followed by a zero byte, so `("ab", "c")` and `("a", "bc")` differ.
    package mutating func combine(field text: String) {
        combine(text.utf8)
        combine(CollectionOfOne(0))
    }

    /// The value as 16 lowercase hexadecimal digits.
    package var hexDigits: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// Computes the fingerprints that baselines and SARIF `partialFingerprints` key findings by.
/// A fingerprint hashes the rule id, the file path, the subject, the finding's source text
/// with white space collapsed, and an occurrence counter that distinguishes findings that share
/// all of these. Line numbers are left out, so moving a statement keeps its fingerprint.
package enum FindingFingerprints {
    /// The `partialFingerprints` key in SARIF; the version changes when the hash input does.
    package static let sarifKey = "minrole/v1"

    /// Returns the findings, in the same order, with `fingerprint` set. `sourceText` returns
    /// the bytes of a file by its display path, or `nil` when the file is not at hand.
    package static func assign(
        to findings: [Finding], sourceText: (String) -> [UInt8]?
    ) -> [Finding] {
        var cache: [String: SourceLines] = [:]
        var occurrences: [String: Int] = [:]
        let order = findings.indices.sorted { findings[$0].location < findings[$1].location }
        var result = findings
        for index in order {
            let finding = findings[index]
            let file = finding.location.file
            if cache[file] == nil { cache[file] = SourceLines(sourceText(file) ?? []) }
            let text = cache[file]?.normalizedText(from: finding.location, to: finding.endLocation) ?? ""
            var hash = FNV1a64()
            hash.combine(field: sarifKey)
            hash.combine(field: finding.ruleId)
            hash.combine(field: file)
            hash.combine(field: finding.subject ?? "")
            hash.combine(field: text)
            let key = hash.hexDigits
            let occurrence = occurrences[key, default: 0]
            occurrences[key] = occurrence + 1
            hash.combine(field: String(occurrence))
            result[index].fingerprint = hash.hexDigits
        }
        return result
    }
}

/// A file's text split into lines, for cutting out the span a finding points at.
struct SourceLines {
    /// The largest span hashed; a longer one is cut, which keeps hashing linear in the file.
    static let maximumSpanBytes = 4096

    private let lines: [ArraySlice<UInt8>]
    /// True for a line of ASCII text only, where a column is a byte offset: a policy written on
    /// one line with thousands of findings then costs no scan per finding.
    private let isASCII: [Bool]

    init(_ bytes: [UInt8]) {
        lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        isASCII = lines.map { line in line.allSatisfy { $0 < 0x80 } }
    }

    /// Returns the text from `start` to `end` (or to the end of the start line) with runs of white
    /// space collapsed to one space. Columns count characters; a column of 0 means the whole
    /// line. Returns "" when the location lies outside the file.
    func normalizedText(from start: SourceLocation, to end: SourceLocation?) -> String {
        guard start.line >= 1, start.line <= lines.count else { return "" }
        let lastLine = min(max(end?.line ?? start.line, start.line), lines.count, start.line + 200)
        var bytes: [UInt8] = []
        for lineNumber in start.line...lastLine {
            var line = lines[lines.startIndex + lineNumber - 1]
            let ascii = isASCII[lineNumber - 1]
            if lineNumber == lastLine, let end, end.line == lineNumber, end.column > 0 {
                line = line[..<Self.index(afterCharacters: end.column - 1, in: line, isASCII: ascii)]
            }
            if lineNumber == start.line, start.column > 1 {
                line = line[Self.index(afterCharacters: start.column - 1, in: line, isASCII: ascii)...]
            }
            bytes.append(contentsOf: line)
            bytes.append(0x0A)
            if bytes.count > Self.maximumSpanBytes { break }
        }
        return Self.collapsingWhiteSpace(bytes.prefix(Self.maximumSpanBytes))
    }

    /// Returns the byte index after `count` UTF-8 characters, or the end of the line.
    private static func index(afterCharacters count: Int, in line: ArraySlice<UInt8>, isASCII: Bool) -> Int {
        if isASCII { return min(line.startIndex + max(count, 0), line.endIndex) }
        var index = line.startIndex
        var seen = 0
        while index < line.endIndex, seen < count {
            index += 1
            while index < line.endIndex, line[index] & 0xC0 == 0x80 { index += 1 }
            seen += 1
        }
        return index
    }

    private static func collapsingWhiteSpace(_ bytes: ArraySlice<UInt8>) -> String {
        var output: [UInt8] = []
        var pendingSpace = false
        for byte in bytes {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = !output.isEmpty
                continue
            }
            if pendingSpace { output.append(0x20) }
            pendingSpace = false
            output.append(byte)
        }
        return String(decoding: output, as: UTF8.self)
    }
}
