/// IAM's policy size limits, which count characters without white space.
package enum PolicySizeLimit: Int, Sendable, CaseIterable {
    /// An inline policy of a role (`AWS::IAM::Role` `Policies`, `AWS::IAM::Policy`).
    case inline = 10_240
    /// A customer managed policy.
    case managed = 6_144
}

extension PolicyDocument {
    /// The size IAM checks: the characters of the policy JSON that are not white space outside
    /// strings. White space inside strings counts, as IAM counts it.
    package func sizeForLimits(writer: PolicyJSONWriter = PolicyJSONWriter()) -> Int {
        var count = 0
        var inString = false
        var escaped = false
        // Counting bytes that do not continue a UTF-8 sequence counts Unicode scalars.
        for byte in writer.json(self).utf8 where byte & 0xC0 != 0x80 {
            if inString {
                count += 1
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"): continue
            case UInt8(ascii: "\""):
                inString = true
                count += 1
            default: count += 1
            }
        }
        return count
    }
}
