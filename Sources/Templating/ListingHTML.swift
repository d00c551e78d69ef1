import DispatchModel

/// A listing's entries for one page (`TemplateValue.listing`): which articles' entries, and
/// the page's root prefix. Copied into the page entry by entry as it is rendered, so the
/// entries are not joined into a buffer of their own first (a tag page's listing is hundreds
/// of kilobytes), and the page records where they went (`OutputFile.listings`): their links
/// are the same on every page apart from the root prefix, and are checked once for the site.
public struct ListingHTML: Sendable {
    let items: [ItemHTML]
    let articles: [Int]
    let root: [UInt8]

    /// The bytes the listing adds to a page.
    var size: Int { articles.reduce(0) { $0 + items[$1].size(rootBytes: root.count) } }

    func append<Sink: ByteSink & ~Copyable>(to out: inout Sink) {
        // Entries read in place: `items[i]` copied out of the array retained and released
        // its two arrays, for each of the hundred thousand entries of a 10,000-dispatch site.
        root.withUnsafeBufferPointer { r in
            items.withUnsafeBufferPointer { its in
                for i in articles { its[i].append(root: r, to: &out) }
            }
        }
    }

    /// The entries joined (for swift-mustache and escaped output).
    var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(size)
        append(to: &out)
        return out
    }
}
