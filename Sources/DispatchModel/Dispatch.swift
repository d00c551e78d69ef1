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
///
/// A value type whose fields sit behind one reference, copied on write: a build copies
/// dispatches from stage to stage (records, the index, articles) on two threads, and a copy
/// of fourteen separate fields retained each of its strings and arrays, an atomic operation
/// on memory another core had written. Now a copy is one retain.
public struct Dispatch: Hashable, Sendable {
    @usableFromInline final class Fields: @unchecked Sendable {
        // Never mutated while shared (`Dispatch.fieldsForWriting` copies a shared one), so
        // the dynamic exclusivity checks of class properties would only cost.
        @usableFromInline @exclusivity(unchecked) var file: String
        @usableFromInline @exclusivity(unchecked) var title: String
        @usableFromInline @exclusivity(unchecked) var titleDerived: Bool
        @usableFromInline @exclusivity(unchecked) var date: DispatchDate
        @usableFromInline @exclusivity(unchecked) var eventDate: DispatchDate?
        @usableFromInline @exclusivity(unchecked) var place: String?
        @usableFromInline @exclusivity(unchecked) var agency: String?
        @usableFromInline @exclusivity(unchecked) var dateline: String?
        @usableFromInline @exclusivity(unchecked) var lead: String?
        @usableFromInline @exclusivity(unchecked) var body: [Block]
        @usableFromInline @exclusivity(unchecked) var signOff: String?
        @usableFromInline @exclusivity(unchecked) var officials: [OfficialMention]
        @usableFromInline @exclusivity(unchecked) var tags: [Tag]
        @usableFromInline @exclusivity(unchecked) var searchWords: String?

        @usableFromInline init(file: String, title: String, titleDerived: Bool, date: DispatchDate, eventDate: DispatchDate?, place: String?, agency: String?, dateline: String?, lead: String?, body: [Block], signOff: String?, officials: [OfficialMention], tags: [Tag], searchWords: String?) {
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
            self.searchWords = searchWords
        }

        func copy() -> Fields {
            Fields(file: file, title: title, titleDerived: titleDerived, date: date, eventDate: eventDate, place: place, agency: agency, dateline: dateline, lead: lead, body: body, signOff: signOff, officials: officials, tags: tags, searchWords: searchWords)
        }
    }

    @usableFromInline var fields: Fields

    /// The fields, unshared first if another value holds them too (each property's
    /// `_modify`, which also serves assignments).
    @usableFromInline mutating func fieldsForWriting() -> Fields {
        if !isKnownUniquelyReferenced(&fields) { fields = fields.copy() }
        return fields
    }

    /// Seed file name (not a path), e.g. `004_96b83adbe4ecf584.txt`.
    public var file: String {
        @inlinable get { fields.file }
        _modify { let f = fieldsForWriting(); yield &f.file }
    }
    public var title: String {
        @inlinable get { fields.title }
        _modify { let f = fieldsForWriting(); yield &f.title }
    }
    /// True when the file had no title and `title` was derived from the lead.
    public var titleDerived: Bool {
        @inlinable get { fields.titleDerived }
        _modify { let f = fieldsForWriting(); yield &f.titleDerived }
    }
    /// Publication date (header), completed where the text allows; used for the timeline.
    public var date: DispatchDate {
        @inlinable get { fields.date }
        _modify { let f = fieldsForWriting(); yield &f.date }
    }
    /// Date of the event reported, when the lead names one that differs from `date`.
    public var eventDate: DispatchDate? {
        @inlinable get { fields.eventDate }
        _modify { let f = fieldsForWriting(); yield &f.eventDate }
    }
    public var place: String? {
        @inlinable get { fields.place }
        _modify { let f = fieldsForWriting(); yield &f.place }
    }
    public var agency: String? {
        @inlinable get { fields.agency }
        _modify { let f = fieldsForWriting(); yield &f.agency }
    }
    /// The dateline as written, e.g. `Hanoï, 30 novembre (VNA)`.
    public var dateline: String? {
        @inlinable get { fields.dateline }
        _modify { let f = fieldsForWriting(); yield &f.dateline }
    }
    /// First paragraph without its dateline.
    public var lead: String? {
        @inlinable get { fields.lead }
        _modify { let f = fieldsForWriting(); yield &f.lead }
    }
    /// Everything after the lead, in order: paragraphs and photo captions.
    public var body: [Block] {
        @inlinable get { fields.body }
        _modify { let f = fieldsForWriting(); yield &f.body }
    }
    /// Sign-off as written (`- VNA`, `VNA/CVN`, `./.`), if any.
    public var signOff: String? {
        @inlinable get { fields.signOff }
        _modify { let f = fieldsForWriting(); yield &f.signOff }
    }
    public var officials: [OfficialMention] {
        @inlinable get { fields.officials }
        _modify { let f = fieldsForWriting(); yield &f.officials }
    }
    public var tags: [Tag] {
        @inlinable get { fields.tags }
        _modify { let f = fieldsForWriting(); yield &f.tags }
    }
    /// The distinct words of its text as the search index keys them (folded, split, stop
    /// words left out), space-separated, computed with officials and tags while seeds load
    /// (on all cores, and kept in the build cache) rather than when the index is written.
    /// Nil when not computed: the index then reads the text itself.
    public var searchWords: String? {
        @inlinable get { fields.searchWords }
        _modify { let f = fieldsForWriting(); yield &f.searchWords }
    }

    public init(file: String, title: String = "", titleDerived: Bool = false,
                date: DispatchDate = .unknown, eventDate: DispatchDate? = nil,
                place: String? = nil, agency: String? = nil, dateline: String? = nil,
                lead: String? = nil, body: [Block] = [], signOff: String? = nil,
                officials: [OfficialMention] = [], tags: [Tag] = []) {
        fields = Fields(file: file, title: title, titleDerived: titleDerived, date: date, eventDate: eventDate,
                        place: place, agency: agency, dateline: dateline, lead: lead, body: body, signOff: signOff,
                        officials: officials, tags: tags, searchWords: nil)
    }

    /// Field by field, as the synthesised conformance compared them.
    public static func == (a: Dispatch, b: Dispatch) -> Bool {
        if a.fields === b.fields { return true }
        return a.file == b.file
            && a.title == b.title
            && a.titleDerived == b.titleDerived
            && a.date == b.date
            && a.eventDate == b.eventDate
            && a.place == b.place
            && a.agency == b.agency
            && a.dateline == b.dateline
            && a.lead == b.lead
            && a.body == b.body
            && a.signOff == b.signOff
            && a.officials == b.officials
            && a.tags == b.tags
            && a.searchWords == b.searchWords
    }

    public func hash(into h: inout Hasher) {
        h.combine(file)
        h.combine(title)
        h.combine(titleDerived)
        h.combine(date)
        h.combine(eventDate)
        h.combine(place)
        h.combine(agency)
        h.combine(dateline)
        h.combine(lead)
        h.combine(body)
        h.combine(signOff)
        h.combine(officials)
        h.combine(tags)
        h.combine(searchWords)
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
