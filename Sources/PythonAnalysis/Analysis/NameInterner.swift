/// Small integer ids for distinct names. Names are hashed with FNV-1a over their UTF-8
/// bytes, a few instructions per byte where `String`'s own hashing costs a few hundred
/// instructions per name. FNV is not keyed, so names made to collide could make probing slow:
/// a probe that runs long moves every name to a `Dictionary`, whose hashing is keyed.
struct NameInterner {
    /// The probe length past which the table gives way to a `Dictionary`.
    let maximumProbeLength: Int

    private(set) var names: [String] = []
    /// Each slot's name id plus one; zero marks an empty slot.
    private var slots: [Int32] = Array(repeating: 0, count: 64)
    private var fallback: [String: Int32]?

    init(maximumProbeLength: Int = 32) {
        self.maximumProbeLength = maximumProbeLength
    }

    /// True once names are kept in a `Dictionary` because a probe ran long.
    var usesFallback: Bool { fallback != nil }

    /// Returns the id of a name interned before, or `nil`.
    func id(of name: String) -> Int32? {
        if let fallback { return fallback[name] }
        let mask = slots.count - 1
        var slot = Self.hash(name) & mask
        for _ in 0...maximumProbeLength {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if names[Int(entry) - 1] == name { return entry - 1 }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Returns the name's id, giving it the next id when it is new.
    mutating func intern(_ name: String) -> Int32 {
        if let known = id(of: name) { return known }
        let id = Int32(names.count)
        names.append(name)
        if fallback != nil {
            fallback?[name] = id
            return id
        }
        if names.count * 2 > slots.count {
            rebuild(slotCount: slots.count * 2)
        } else if !place(id) {
            useFallback()
        }
        return id
    }

    /// Puts an id in the first free slot of its probe sequence. Returns false when the
    /// sequence is too long, and the id is then not placed.
    private mutating func place(_ id: Int32) -> Bool {
        let mask = slots.count - 1
        var slot = Self.hash(names[Int(id)]) & mask
        for _ in 0...maximumProbeLength {
            if slots[slot] == 0 {
                slots[slot] = id + 1
                return true
            }
            slot = (slot + 1) & mask
        }
        return false
    }

    private mutating func rebuild(slotCount: Int) {
        slots = Array(repeating: 0, count: slotCount)
        for id in names.indices where !place(Int32(id)) {
            useFallback()
            return
        }
    }

    private mutating func useFallback() {
        var table: [String: Int32] = [:]
        for (id, name) in names.enumerated() { table[name] = Int32(id) }
        fallback = table
        slots = []
    }

    static func hash(_ name: String) -> Int {
        let hash =
            name.utf8.withContiguousStorageIfAvailable(hash(bytes:)) ?? hash(bytes: Array(name.utf8))
        return Int(truncatingIfNeeded: hash ^ hash >> 32)
    }

    private static func hash<Bytes: Sequence<UInt8>>(bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }
}
