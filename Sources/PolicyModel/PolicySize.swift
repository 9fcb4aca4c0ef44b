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
        for scalar in writer.json(self).unicodeScalars {
            if inString {
                count += 1
                if escaped {
                    escaped = false
                } else if scalar == "\\" {
                    escaped = true
                } else if scalar == "\"" {
                    inString = false
                }
                continue
            }
            switch scalar {
            case " ", "\n", "\t", "\r": continue
            case "\"":
                inString = true
                count += 1
            default: count += 1
            }
        }
        return count
    }
}
