/// A wildcard pattern for an ARN, split into its six colon-separated parts (`arn`, partition,
/// service, region, account, resource) so that a wildcard in one of the first five parts never
/// spans a colon. The resource part keeps any further colons, and a wildcard there may span them.
struct ARNPattern: Sendable {
    private let parts: [CompiledWildcard]

    /// Splits `elements` at their first five colons; `nil` when there are fewer. With
    /// `foldsHead`, the first five parts compare case-insensitively, as the `Resource` element
    /// does; the ARN condition operators compare every part case-sensitively.
    init?(elements: [PatternElement], foldsHead: Bool) {
        var parts: [CompiledWildcard] = []
        var current: [PatternElement] = []
        for element in elements {
            if parts.count < 5, element == .byte(UInt8(ascii: ":")) {
                parts.append(CompiledWildcard(elements: current, foldsCase: foldsHead))
                current = []
            } else {
                current.append(element)
            }
        }
        guard parts.count == 5 else { return nil }
        parts.append(CompiledWildcard(elements: current, foldsCase: false))
        self.parts = parts
    }

    func matches(_ text: UnsafeBufferPointer<UInt8>, bounds: ARNBounds) -> Bool {
        for index in 0..<6 {
            let range = bounds.part(index, length: text.count)
            if !parts[index].matches(bytes: UnsafeBufferPointer(rebasing: text[range])) { return false }
        }
        return true
    }

    /// Matches an ARN given as a string; a text with fewer than six parts never matches.
    func matches(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let bounds = ARNBounds(bytes) else { return false }
        return bytes.withUnsafeBufferPointer { matches($0, bounds: bounds) }
    }
}
