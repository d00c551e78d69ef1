/// A photo caption as scraped: the caption text (may be empty for a credit-only
/// placeholder) and the credit line as written (`Photo : VNA/CVN`).
public struct Caption: Hashable, Sendable, Codable {
    public var text: String
    public var credit: String?

    public init(text: String, credit: String? = nil) {
        self.text = text
        self.credit = credit
    }
}

/// One block of an article body, in reading order.
public enum Block: Hashable, Sendable {
    case paragraph(String)
    case caption(Caption)
}

/// An official named in a dispatch: the name as written (cleaned of honorifics) and the
/// role as written in that dispatch (cleaned of articles), if one was given.
public struct OfficialMention: Hashable, Sendable, Codable {
    public var name: String
    public var role: String?

    public init(name: String, role: String? = nil) {
        self.name = name
        self.role = role
    }
}

/// What a tag is about; tag pages are grouped by kind.
public enum TagKind: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case organisation, country, place, topic

    private var rank: Int { TagKind.allCases.firstIndex(of: self)! }
    public static func < (a: TagKind, b: TagKind) -> Bool { a.rank < b.rank }

    /// French label for headings.
    public var label: String {
        switch self {
        case .organisation: return "Organisations"
        case .country: return "Pays"
        case .place: return "Lieux"
        case .topic: return "Thèmes"
        }
    }
}

public struct Tag: Hashable, Sendable, Codable {
    public var name: String
    public var kind: TagKind

    public init(name: String, kind: TagKind) {
        self.name = name
        self.kind = kind
    }
}

/// One news dispatch, as parsed from a seed (or read back from its Markdown intermediate).
/// Text fields hold plain text: escaping is the job of each output format.
public struct Dispatch: Hashable, Sendable {
    /// Seed file name (not a path), e.g. `004_96b83adbe4ecf584.txt`.
    public var file: String
    public var title: String
    /// True when the file had no title and `title` was derived from the lead.
    public var titleDerived: Bool
    /// Publication date (header), completed where the text allows; used for the timeline.
    public var date: DispatchDate
    /// Date of the event reported, when the lead names one that differs from `date`.
    public var eventDate: DispatchDate?
    public var place: String?
    public var agency: String?
    /// The dateline as written, e.g. `Hanoï, 30 novembre (VNA)`.
    public var dateline: String?
    /// First paragraph without its dateline.
    public var lead: String?
    /// Everything after the lead, in order: paragraphs and photo captions.
    public var body: [Block]
    /// Sign-off as written (`- VNA`, `VNA/CVN`, `./.`), if any.
    public var signOff: String?
    public var officials: [OfficialMention]
    public var tags: [Tag]
    /// The distinct words of its text as the search index keys them (folded, split, stop
    /// words left out), space-separated, computed with officials and tags while seeds load
    /// (on all cores, and kept in the build cache) rather than when the index is written.
    /// Nil when not computed: the index then reads the text itself.
    public var searchWords: String?

    public init(file: String, title: String = "", titleDerived: Bool = false,
                date: DispatchDate = .unknown, eventDate: DispatchDate? = nil,
                place: String? = nil, agency: String? = nil, dateline: String? = nil,
                lead: String? = nil, body: [Block] = [], signOff: String? = nil,
                officials: [OfficialMention] = [], tags: [Tag] = []) {
        self.file = file
        self.title = title
        self.titleDerived = titleDerived
        self.date = date
        self.eventDate = eventDate
        self.place = place
        self.agency = agency
        self.dateline = dateline
        self.lead = lead
        self.body = body
        self.signOff = signOff
        self.officials = officials
        self.tags = tags
    }

    /// Lead then body paragraphs, the text that extraction reads.
    public var paragraphs: [String] {
        var out: [String] = []
        if let lead { out.append(lead) }
        for case .paragraph(let p) in body { out.append(p) }
        return out
    }

    public var captions: [Caption] {
        body.compactMap { if case .caption(let c) = $0 { return c } else { return nil } }
    }
}
