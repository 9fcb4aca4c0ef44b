/// Reads the date forms that date condition operators take: ISO 8601 as the W3C profile writes
/// it (`2026-12-05`, `2026-12-05T10:20Z`, `2026-12-05T10:20:30.5+01:00`) or epoch seconds
/// (`1764930000`). Returns seconds since 1970-01-01T00:00:00Z.
enum DateValue {
    static func seconds(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= 64 else { return nil }
        if bytes.allSatisfy({ $0.isDigit || $0 == UInt8(ascii: ".") }) {
            return ConditionValueParsing.number(text)
        }
        var reader = DateReader(bytes: bytes)
        return reader.read()
    }
}

private struct DateReader {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func read() -> Double? {
        guard let year = digits(4) else { return nil }
        var month = 1
        var day = 1
        if skip("-") {
            guard let value = digits(2), (1...12).contains(value) else { return nil }
            month = value
            if skip("-") {
                guard let value = digits(2), value >= 1, value <= Self.daysIn(month: month, year: year) else {
                    return nil
                }
                day = value
            }
        }
        var seconds = Double(Self.daysSinceEpoch(year: year, month: month, day: day)) * 86_400
        if skip("T") {
            guard let time = readTime() else { return nil }
            seconds += time
        }
        return index == bytes.count ? seconds : nil
    }

    /// Reads `hh:mm[:ss[.fraction]]` and the zone designator; a time without one is read as UTC.
    private mutating func readTime() -> Double? {
        guard let hour = digits(2), hour <= 23, skip(":"), let minute = digits(2), minute <= 59 else { return nil }
        var seconds = Double(hour * 3600 + minute * 60)
        if skip(":") {
            guard let second = digits(2), second <= 60 else { return nil }
            seconds += Double(second)
            if skip(".") {
                var scale = 0.1
                let start = index
                while index < bytes.count, bytes[index].isDigit {
                    seconds += Double(bytes[index] - 48) * scale
                    scale /= 10
                    index += 1
                }
                guard index > start else { return nil }
            }
        }
        if skip("Z") || index == bytes.count { return seconds }
        let sign: Double
        if skip("+") {
            sign = 1
        } else if skip("-") {
            sign = -1
        } else {
            return nil
        }
        guard let offsetHours = digits(2), offsetHours <= 23, skip(":"), let offsetMinutes = digits(2),
            offsetMinutes <= 59
        else { return nil }
        return seconds - sign * Double(offsetHours * 3600 + offsetMinutes * 60)
    }

    private mutating func digits(_ count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for offset in 0..<count {
            let byte = bytes[index + offset]
            guard byte.isDigit else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        index += count
        return value
    }

    private mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 in the proleptic Gregorian calendar, counted in 400-year eras of
    /// 146,097 days with March as the first month so leap days fall at the end of a year.
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
