/// A small binary encoding for the build cache: little-endian varints and length-prefixed
/// UTF-8. Far cheaper than JSON or YAML for tens of thousands of records, and the reader
/// never traps on bad data: it reports `nil` and the cache is ignored.
public struct ByteWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    /// A writer whose buffer has room for `capacity` bytes (a large file then grows once).
    public init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// `v` as eight little-endian bytes.
    public mutating func uint64LE(_ v: UInt64) {
        for k in 0..<8 { bytes.append(UInt8((v >> (8 * UInt64(k))) & 0xFF)) }
    }

    /// Hands the bytes over without copying them.
    public consuming func finish() -> [UInt8] { bytes }

    public mutating func varint(_ v: UInt64) {
        var v = v
        while v >= 0x80 { bytes.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        bytes.append(UInt8(v))
    }

    public mutating func int(_ i: Int) { varint(UInt64(bitPattern: Int64(i))) }
    public mutating func bool(_ b: Bool) { bytes.append(b ? 1 : 0) }

    public mutating func string(_ s: String) {
        s.withUTF8Bytes { buf in
            varint(UInt64(buf.count))
            bytes.append(contentsOf: buf)
        }
    }

    public mutating func optionalString(_ s: String?) {
        bool(s != nil)
        if let s { string(s) }
    }

    public mutating func optionalInt(_ i: Int?) {
        bool(i != nil)
        if let i { int(i) }
    }

    /// Length-prefixed raw bytes: a record that a reader can skip without decoding it.
    public mutating func blob<C: Collection>(_ raw: C) where C.Element == UInt8 {
        varint(UInt64(raw.count))
        bytes.append(contentsOf: raw)
    }

    /// Bytes appended as they are (the caller wrote their length before them).
    public mutating func raw<C: Collection>(_ raw: C) where C.Element == UInt8 {
        bytes.append(contentsOf: raw)
    }

    /// How many bytes `varint(v)` writes.
    public static func varintSize(_ v: UInt64) -> Int {
        var v = v, n = 1
        while v >= 0x80 { v >>= 7; n += 1 }
        return n
    }

    /// Hands the first `count` bytes to `body`, then forgets them (to stream a large file out
    /// in pieces instead of holding it whole).
    public mutating func drain(_ count: Int, _ body: (UnsafeRawBufferPointer) -> Void) {
        bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        bytes.removeFirst(count)
    }
}

extension Array where Element == UInt8 {
    /// Appends a literal's UTF-8 bytes (for text built as bytes: data files, the search index).
    public mutating func append(literal: StaticString) {
        literal.withUTF8Buffer { append(contentsOf: $0) }
    }
}

public struct ByteReader {
    let bytes: [UInt8]
    var pos = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// A reader of `bytes` (shared, not copied) starting at `position`.
    public init(_ bytes: [UInt8], position: Int) { self.bytes = bytes; pos = position }

    public var position: Int { pos }

    /// Skips a length-prefixed blob and returns where its bytes are; nil when the data is bad.
    public mutating func blob() -> Range<Int>? {
        guard let n = varint(), n <= UInt64(bytes.count - pos) else { return nil }
        let r = pos..<(pos + Int(n))
        pos += Int(n)
        return r
    }

    public var atEnd: Bool { pos >= bytes.count }

    public mutating func varint() -> UInt64? {
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while pos < bytes.count, shift < 64 {
            let b = bytes[pos]
            pos += 1
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return v }
            shift += 7
        }
        return nil
    }

    public mutating func int() -> Int? { varint().map { Int(Int64(bitPattern: $0)) } }

    public mutating func bool() -> Bool? {
        guard pos < bytes.count else { return nil }
        pos += 1
        return bytes[pos - 1] != 0
    }

    public mutating func string() -> String? {
        guard let n = varint(), n <= UInt64(bytes.count - pos) else { return nil }
        let s = String(decoding: bytes[pos..<(pos + Int(n))], as: UTF8.self)
        pos += Int(n)
        return s
    }

    /// `.some(nil)` for an encoded absent value; nil when the data is bad.
    public mutating func optionalString() -> String?? {
        guard let present = bool() else { return nil }
        if !present { return .some(nil) }
        guard let s = string() else { return nil }
        return .some(s)
    }

    public mutating func optionalInt() -> Int?? {
        guard let present = bool() else { return nil }
        if !present { return .some(nil) }
        guard let i = int() else { return nil }
        return .some(i)
    }
}

extension Dispatch {
    public func encode(to w: inout ByteWriter) {
        w.string(file); w.string(title); w.bool(titleDerived)
        encodeDate(date, &w)
        w.bool(eventDate != nil)
        if let e = eventDate { encodeDate(e, &w) }
        w.optionalString(place); w.optionalString(agency); w.optionalString(dateline); w.optionalString(lead)
        w.int(body.count)
        for b in body {
            switch b {
            case .paragraph(let p): w.bool(false); w.string(p)
            case .caption(let c): w.bool(true); w.string(c.text); w.optionalString(c.credit)
            }
        }
        w.optionalString(signOff)
        w.int(officials.count)
        for o in officials { w.string(o.name); w.optionalString(o.role) }
        w.int(tags.count)
        for t in tags { w.string(t.name); w.string(t.kind.rawValue) }
        w.optionalString(searchWords)
    }

    private func encodeDate(_ d: DispatchDate, _ w: inout ByteWriter) {
        w.optionalInt(d.year); w.optionalInt(d.month); w.optionalInt(d.day)
    }

    public static func decode(from r: inout ByteReader) -> Dispatch? {
        func readDate() -> DispatchDate? {
            guard let y = r.optionalInt(), let m = r.optionalInt(), let d = r.optionalInt() else { return nil }
            return DispatchDate(year: y, month: m, day: d)
        }
        guard let file = r.string(), let title = r.string(), let derived = r.bool(), let date = readDate(),
              let hasEvent = r.bool() else { return nil }
        var d = Dispatch(file: file, title: title, titleDerived: derived, date: date)
        if hasEvent { guard let e = readDate() else { return nil }; d.eventDate = e }
        guard let place = r.optionalString(), let agency = r.optionalString(), let dateline = r.optionalString(),
              let lead = r.optionalString(), let n = r.int(), n >= 0 else { return nil }
        d.place = place; d.agency = agency; d.dateline = dateline; d.lead = lead
        for _ in 0..<n {
            guard let isCaption = r.bool() else { return nil }
            if isCaption {
                guard let text = r.string(), let credit = r.optionalString() else { return nil }
                d.body.append(.caption(Caption(text: text, credit: credit)))
            } else {
                guard let p = r.string() else { return nil }
                d.body.append(.paragraph(p))
            }
        }
        guard let signOff = r.optionalString(), let no = r.int(), no >= 0 else { return nil }
        d.signOff = signOff
        for _ in 0..<no {
            guard let name = r.string(), let role = r.optionalString() else { return nil }
            d.officials.append(OfficialMention(name: name, role: role))
        }
        guard let nt = r.int(), nt >= 0 else { return nil }
        for _ in 0..<nt {
            guard let name = r.string(), let kindText = r.string(), let kind = TagKind(rawValue: kindText) else { return nil }
            d.tags.append(Tag(name: name, kind: kind))
        }
        guard let words = r.optionalString() else { return nil }
        d.searchWords = words
        return d
    }
}

extension Diagnostic {
    public func encode(to w: inout ByteWriter) {
        w.string(severity.rawValue); w.string(location.path); w.optionalInt(location.line); w.optionalInt(location.column)
        w.string(message); w.optionalString(code)
    }

    public static func decode(from r: inout ByteReader) -> Diagnostic? {
        guard let sev = r.string().flatMap(Severity.init(rawValue:)), let path = r.string(), let line = r.optionalInt(),
              let column = r.optionalInt(), let message = r.string(), let code = r.optionalString() else { return nil }
        return Diagnostic(sev, SourceLocation(path: path, line: line, column: column), message, code: code)
    }
}
