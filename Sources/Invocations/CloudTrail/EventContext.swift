import Documents
import PolicyModel

/// The global condition keys a CloudTrail event shows, as IAM would have set them on the request.
/// CloudTrail does not record `aws:SourceVpc` or `lambda:SourceFunctionArn`, so they are never set.
enum EventContext {
    /// The keys `keys(of:...)` can build.
    static let allKeyNames: [String] = [
        "aws:CurrentTime", "aws:EpochTime", "aws:SourceIp", "aws:ViaAWSService", "aws:SourceVpce",
        "aws:RequestedRegion", "aws:UserAgent", "aws:PrincipalArn", "aws:PrincipalAccount", "aws:userid",
        "aws:PrincipalType", "aws:MultiFactorAuthPresent", "aws:TokenIssueTime", "aws:SecureTransport",
        "s3:TlsVersion",
    ]

    /// Returns the key names, as spelled here, whose lowercase form is in `lowercased`; `nil`
    /// for `nil`.
    static func keyNames(matching lowercased: Set<String>?) -> Set<String>? {
        lowercased.map { wanted in Set(allKeyNames.filter { wanted.contains($0.lowercased()) }) }
    }

    static func keys(
        of event: JSONValue, principal: String, sessionIssuer: String?, only wanted: Set<String>? = nil
    ) -> [String: ContextValue] {
        if wanted?.isEmpty == true { return [:] }
        var context: [String: ContextValue] = [:]
        context.reserveCapacity(20)
        let identity = event["userIdentity"]
        func set(_ key: String, _ value: @autoclosure () -> String?) {
            guard wanted?.contains(key) ?? true, let value = value(), !value.isEmpty else { return }
            context[key] = ContextValue(value)
        }
        if let time = event["eventTime"]?.string {
            set("aws:CurrentTime", time)
            set("aws:EpochTime", EpochTime.seconds(fromISO8601: time).map(String.init))
        }
        if let address = event["sourceIPAddress"]?.string {
            if isIPAddress(address) { set("aws:SourceIp", address) }
        }
        let isViaService =
            identity?["invokedBy"]?.string != nil
            || event["sourceIPAddress"]?.string?.hasSuffix(".amazonaws.com") == true
        set("aws:ViaAWSService", isViaService ? "true" : "false")
        set("aws:SourceVpce", event["vpcEndpointId"]?.string)
        set("aws:RequestedRegion", event["awsRegion"]?.string)
        set("aws:UserAgent", event["userAgent"]?.string)
        let needsSession = wanted.map { $0.contains("aws:PrincipalArn") || $0.contains("aws:PrincipalAccount") } ?? true
        let session = needsSession ? RoleSession(principal: principal) : nil
        set("aws:PrincipalArn", sessionIssuer ?? session?.roleARNWithoutPath ?? principal)
        set("aws:PrincipalAccount", identity?["accountId"]?.string ?? session?.account)
        set("aws:userid", identity?["principalId"]?.string)
        set("aws:PrincipalType", principalType(identity?["type"]?.string))
        let attributes = identity?["sessionContext"]?["attributes"]
        set("aws:MultiFactorAuthPresent", attributes?["mfaAuthenticated"]?.string)
        set("aws:TokenIssueTime", attributes?["creationDate"]?.string)
        if let tls = event["tlsDetails"], tls.object != nil {
            set("aws:SecureTransport", "true")
            if event["eventSource"]?.string == "s3.amazonaws.com", let version = tls["tlsVersion"]?.string {
                set("s3:TlsVersion", version.hasPrefix("TLSv") ? String(version.dropFirst(4)) : version)
            }
        }
        return context
    }

    /// `aws:PrincipalType` for a CloudTrail `userIdentity.type`.
    private static func principalType(_ type: String?) -> String? {
        switch type {
        case "AssumedRole": "AssumedRole"
        case "IAMUser": "User"
        case "Root": "Account"
        case "FederatedUser": "FederatedUser"
        default: nil
        }
    }

    /// True for an IPv4 or IPv6 address; CloudTrail writes a service's host name instead when a
    /// service made the call.
    static func isIPAddress(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 45 else { return false }
        if text.contains(":") { return text.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." } }
        var partCount = 1
        var partValue = 0
        var partLength = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") {
                guard partLength > 0 else { return false }
                partCount += 1
                partValue = 0
                partLength = 0
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                partValue = partValue * 10 + Int(byte - UInt8(ascii: "0"))
                partLength += 1
                guard partLength <= 3, partValue <= 255 else { return false }
            } else {
                return false
            }
        }
        return partCount == 4 && partLength > 0
    }
}

/// Converts CloudTrail's `eventTime` to seconds since 1970 without Foundation.
enum EpochTime {
    /// Reads `YYYY-MM-DDTHH:MM:SS` followed by `Z` or fractional seconds and `Z`, in UTC, as
    /// CloudTrail writes it. Returns `nil` for any other form.
    static func seconds(fromISO8601 text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            bytes[19] == UInt8(ascii: "Z") || bytes[19] == UInt8(ascii: "."), bytes.last == UInt8(ascii: "Z")
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        return daysSinceEpoch(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
    }

    /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar, by the civil-calendar
    /// arithmetic that counts in 400-year eras of 146,097 days starting on 1 March.
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
