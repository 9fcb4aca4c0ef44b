extension String {
    /// True when the text contains `${`, the start of a policy variable or a template placeholder.
    /// A byte scan, because `contains(_:)` with a string argument is slow in hot loops.
    var containsVariable: Bool {
        var previous: UInt8 = 0
        for byte in utf8 {
            if byte == UInt8(ascii: "{") && previous == UInt8(ascii: "$") { return true }
            previous = byte
        }
        return false
    }

    /// Returns the text with every `${name}` replaced by `value`, comparing bytes.
    func replacingVariable(_ name: String, with value: String) -> String {
        let target = Array("${\(name)}".utf8)
        let source = Array(utf8)
        guard source.count >= target.count else { return self }
        var result: [UInt8] = []
        result.reserveCapacity(source.count)
        var index = 0
        while index < source.count {
            if source[index] == target[0], index + target.count <= source.count,
                source[index..<index + target.count].elementsEqual(target)
            {
                result.append(contentsOf: value.utf8)
                index += target.count
            } else {
                result.append(source[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
