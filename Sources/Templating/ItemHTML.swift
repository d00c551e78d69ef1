import DispatchModel
import Foundation

/// A list entry rendered once per article and reused on every page that lists it (timeline,
/// tags, profiles, home): only the relative prefix to the site root differs between pages, so
/// it is rendered with a marker in its place, and kept as its bytes with the marker's offsets.
/// This turns hundreds of thousands of template renders on a large site into one per article,
/// and a listing into a few `memcpy`s per entry.
struct ItemHTML: Sendable {
    /// Cannot appear in rendered text: dispatch text is decoded into printable characters,
    /// and even if it did, the root prefix (`../`) put in its place is not markup.
    static let marker = "\u{1}"

    /// The entry's bytes, the markers left out.
    let bytes: [UInt8]
    /// Where the root goes: offsets into `bytes`, in increasing order.
    let cuts: [Int]

    /// From the entry rendered with `marker` where the root goes.
    init(bytes rendered: [UInt8]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(rendered.count)
        var cuts: [Int] = []
        var start = 0
        rendered.withUnsafeBufferPointer { r in
            // From marker to marker (`memchr`): an entry is a kilobyte or two with a dozen.
            guard let base = r.baseAddress else { return }
            while start < r.count, let hit = memchr(base + start, 0x01, r.count - start) {
                let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: r[start..<i]))
                cuts.append(bytes.count)
                start = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: r[start...]))
        }
        self.bytes = bytes
        self.cuts = cuts
    }

    init(_ rendered: String) { self.init(bytes: Array(rendered.utf8)) }

    /// The pieces between the markers (what the build cache keeps).
    var parts: [String] {
        var out: [String] = []
        var start = 0
        for c in cuts + [bytes.count] {
            out.append(String(decoding: bytes[start..<c], as: UTF8.self))
            start = c
        }
        return out
    }

    /// Bytes of the entry once joined with a root of `rootBytes` bytes.
    func size(rootBytes: Int) -> Int { bytes.count + cuts.count * rootBytes }

    @inline(__always)
    func append<Sink: ByteSink & ~Copyable>(root: UnsafeBufferPointer<UInt8>, to out: inout Sink) {
        bytes.withUnsafeBufferPointer { b in
            cuts.withUnsafeBufferPointer { cs in
                var start = 0
                for c in cs {
                    out.append(bytes: UnsafeBufferPointer(rebasing: b[start..<c]))
                    out.append(bytes: root)
                    start = c
                }
                out.append(bytes: UnsafeBufferPointer(rebasing: b[start...]))
            }
        }
    }
}
