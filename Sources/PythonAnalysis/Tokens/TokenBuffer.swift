/// Tokens written through a pointer into an array's uninitialized storage, without the
/// uniqueness and capacity bookkeeping of `Array.append`. A token past the end of the storage
/// is counted but not written, so the caller can tokenize again with room for `count` tokens.
struct TokenBuffer {
    private let storage: UnsafeMutableBufferPointer<Token>
    /// The tokens appended, including those that did not fit.
    private(set) var count = 0

    init(storage: UnsafeMutableBufferPointer<Token>) {
        self.storage = storage
    }

    /// The tokens at the start of the storage that were written.
    var writtenCount: Int { min(count, storage.count) }

    @inline(__always) mutating func append(_ token: Token) {
        // `count < storage.count` keeps the write in bounds, and makes the storage non-empty,
        // so its base address is not nil.
        if count < storage.count { (storage.baseAddress.unsafelyUnwrapped + count).initialize(to: token) }
        count += 1
    }
}
