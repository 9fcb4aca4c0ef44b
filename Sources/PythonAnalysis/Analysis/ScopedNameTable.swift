/// A hash table from a scope and an interned name to an index, with open addressing. Keys are
/// small integers, so a multiplicative hash spreads them well, and a lookup costs a few
/// instructions where hashing a `String` key in each scope's dictionary cost hundreds.
struct ScopedNameTable {
    /// Each slot's key plus one; zero marks an empty slot.
    private var keys: [UInt64] = []
    private var values: [Int32] = []
    private var count = 0
    /// log2 of the slot count.
    private var shift = 0

    init() {
        allocate(slotBits: 6)
    }

    static func key(scope: Int, name: Int32) -> UInt64 {
        UInt64(UInt32(truncatingIfNeeded: scope)) << 32 | UInt64(UInt32(bitPattern: name))
    }

    func value(scope: Int, name: Int32) -> Int? {
        let stored = Self.key(scope: scope, name: name) &+ 1
        let mask = keys.count - 1
        var slot = slotIndex(of: stored)
        while true {
            let key = keys[slot]
            if key == stored { return Int(values[slot]) }
            if key == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// Adds a key that is not in the table.
    mutating func insert(scope: Int, name: Int32, value: Int) {
        if (count + 1) * 2 > keys.count { allocate(slotBits: shift + 1) }
        place(Self.key(scope: scope, name: name) &+ 1, Int32(value))
        count += 1
    }

    /// Makes room for `additional` more keys without growing step by step.
    mutating func reserve(additional: Int) {
        var bits = shift
        while (count + additional) * 2 > 1 << bits { bits += 1 }
        if bits > shift { allocate(slotBits: bits) }
    }

    private func slotIndex(of stored: UInt64) -> Int {
        Int(truncatingIfNeeded: (stored &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - shift))
    }

    private mutating func place(_ stored: UInt64, _ value: Int32) {
        let mask = keys.count - 1
        var slot = slotIndex(of: stored)
        while keys[slot] != 0 { slot = (slot + 1) & mask }
        keys[slot] = stored
        values[slot] = value
    }

    private mutating func allocate(slotBits: Int) {
        let oldKeys = keys
        let oldValues = values
        shift = slotBits
        keys = Array(repeating: 0, count: 1 << slotBits)
        values = Array(repeating: 0, count: 1 << slotBits)
        for (slot, key) in oldKeys.enumerated() where key != 0 { place(key, oldValues[slot]) }
    }
}
