/// Where text built as bytes is appended: a `[UInt8]`, or a `ByteBuffer` for a page being
/// rendered. Writers of escaped text (`HTMLEscape`) are generic over it, so one scanner serves
/// both.
public protocol ByteSink: ~Copyable {
    mutating func append(bytes: UnsafeBufferPointer<UInt8>)
    mutating func append(byte: UInt8)
}

extension Array: ByteSink where Element == UInt8 {
    @inlinable @inline(__always)
    public mutating func append(bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }

    @inlinable @inline(__always)
    public mutating func append(byte: UInt8) { append(byte) }
}

/// A page's bytes while it is rendered: a pointer, a count and a capacity, appended to with an
/// inlined bounds check and copy. A page is built from thousands of small pieces (template
/// text, escaped values, a listing's entries and their root prefixes); appending each to a
/// `[UInt8]` went through `Array.append(contentsOf:)`, a call with a uniqueness check and a
/// `memcpy` call every time, some 70 instructions of overhead per piece and 4 % of a build's
/// instructions. Not copyable, so the memory has one owner and is freed once.
public struct ByteBuffer: ~Copyable, ByteSink {
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var length = 0
    @usableFromInline var capacity: Int

    /// Whether `base` is this buffer's own (false: memory it was given to write into).
    public private(set) var ownsMemory = true

    public init(capacity: Int = 4096) {
        self.capacity = Swift.max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    /// Writes into `memory` (which it never frees) while the bytes fit, then into memory of
    /// its own: a page rendered straight into the storage of the array that becomes the file's
    /// contents (`Array(unsafeUninitializedCapacity:)`) is not copied at the end.
    public init(writingInto memory: UnsafeMutableBufferPointer<UInt8>) {
        if let start = memory.baseAddress, memory.count >= 16 {
            base = start
            capacity = memory.count
            ownsMemory = false
        } else {
            capacity = 16
            base = .allocate(capacity: capacity)
        }
    }

    deinit { if ownsMemory { base.deallocate() } }

    public var count: Int { length }

    public var isEmpty: Bool { length == 0 }

    /// The last byte, if any.
    public var last: UInt8? { count > 0 ? base[count - 1] : nil }

    public subscript(_ i: Int) -> UInt8 {
        precondition(i >= 0 && i < count, "index out of range")
        return base[i]
    }

    @inlinable @inline(__always)
    public mutating func append(bytes p: UnsafeBufferPointer<UInt8>) {
        let n = p.count
        guard n > 0, let src = p.baseAddress else { return }
        if n > capacity - length { grow(atLeast: n) }
        Self.copy(base + length, src, n)
        length += n
    }

    @inlinable @inline(__always)
    public mutating func append(_ byte: UInt8) {
        if length == capacity { grow(atLeast: 1) }
        base[length] = byte
        length += 1
    }

    @inlinable @inline(__always)
    public mutating func append(byte: UInt8) { append(byte) }

    @inlinable @inline(__always)
    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append(bytes: $0) }
    }

    @inlinable @inline(__always)
    public mutating func append(literal: StaticString) {
        literal.withUTF8Buffer { append(bytes: $0) }
    }

    /// `s`'s UTF-8 bytes (native strings are contiguous; others are copied first).
    @inlinable @inline(__always)
    public mutating func append(utf8 s: String) {
        if let done: Void = s.utf8.withContiguousStorageIfAvailable({ append(bytes: $0) }) { return done }
        append(Array(s.utf8))
    }

    /// The bytes of another buffer.
    public mutating func append(_ other: borrowing ByteBuffer) {
        append(bytes: UnsafeBufferPointer(start: other.base, count: other.count))
    }

    /// Drops the last `k` bytes.
    public mutating func removeLast(_ k: Int) {
        precondition(k >= 0 && k <= count, "cannot remove more bytes than there are")
        length -= k
    }

    /// The bytes as text (valid UTF-8 is kept as it is; anything else is repaired).
    public var string: String {
        String(decoding: UnsafeBufferPointer(start: base, count: length), as: UTF8.self)
    }

    /// The bytes as an array (one copy, at the end of a page).
    public var bytes: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { buf, n in
            if count > 0 { buf.baseAddress!.update(from: base, count: count) }
            n = count
        }
    }

    /// `n` bytes from `src` to `dst`. Most pieces of a page are a few bytes (`../`, `">`, a
    /// date): those are copied with two overlapping loads and stores, not a `memcpy` call.
    @inlinable @inline(__always)
    static func copy(_ dst: UnsafeMutablePointer<UInt8>, _ src: UnsafePointer<UInt8>, _ n: Int) {
        let d = UnsafeMutableRawPointer(dst), s = UnsafeRawPointer(src)
        if n >= 16 {
            d.copyMemory(from: s, byteCount: n)
        } else if n >= 8 {
            let a = s.loadUnaligned(as: UInt64.self), b = s.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            d.storeBytes(of: a, as: UInt64.self)
            d.storeBytes(of: b, toByteOffset: n - 8, as: UInt64.self)
        } else if n >= 4 {
            let a = s.loadUnaligned(as: UInt32.self), b = s.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
            d.storeBytes(of: a, as: UInt32.self)
            d.storeBytes(of: b, toByteOffset: n - 4, as: UInt32.self)
        } else {
            dst[0] = src[0]
            if n > 1 { dst[n - 1] = src[n - 1]; dst[n >> 1] = src[n >> 1] }
        }
    }

    /// Doubles the capacity (at least `n` more bytes), out of line: it happens a few times a page.
    @usableFromInline
    mutating func grow(atLeast n: Int) {
        let next = Swift.max(capacity * 2, length + n)
        let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: next)
        if length > 0 { fresh.update(from: base, count: length) }
        if ownsMemory { base.deallocate() }
        ownsMemory = true
        base = fresh
        capacity = next
    }
}

extension String {
    /// `body` of the string's UTF-8 bytes, read in place. `withUTF8` needs a mutable copy of
    /// the string (a retain and a release per call, for every text escaped on every page);
    /// only a string without contiguous UTF-8 (bridged) is copied here.
    @inlinable @inline(__always)
    public func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let r = try utf8.withContiguousStorageIfAvailable(body) { return r }
        var copy = self
        return try copy.withUTF8(body)
    }
}
