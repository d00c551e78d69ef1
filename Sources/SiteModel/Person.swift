import DispatchModel
import OfficialsExtraction

/// One official's profile.
public struct Person: Sendable {
    public var resolved: ResolvedPerson
    public var slug: String
    /// Every role seen, with the first and last dispatch dates that give it.
    public var roles: [RoleSpan]
    /// Article indexes (timeline order) naming this person.
    public var articles: [Int]
    /// People most often named in the same dispatches: (person index, shared dispatches).
    public var coAppearances: [(person: Int, count: Int)] = []

    public struct RoleSpan: Sendable, Hashable {
        public var role: String
        /// Earliest and latest dates among dispatches with at least a year and month.
        public var first: DispatchDate?
        public var last: DispatchDate?
        public var count: Int
    }

    public var name: String { resolved.displayName }
    public var path: String { "officials/\(slug)/" }

    /// The role in the newest dispatch that gives one.
    public var latestRole: String? {
        roles.max { ($0.last?.sortKey ?? -1, $0.count) < ($1.last?.sortKey ?? -1, $1.count) }?.role
    }

    /// - Parameter dates: the date of each dispatch (by index into the timeline).
    init(resolved: ResolvedPerson, slug: String, dates: [DispatchDate]) {
        self.resolved = resolved
        self.slug = slug
        self.articles = Array(Set(resolved.appearances.map(\.dispatch))).sorted()
        var spans: [String: RoleSpan] = [:]
        var order: [String] = []
        for a in resolved.appearances {
            guard let role = a.role, !role.isEmpty else { continue }
            let date = dates[a.dispatch]
            let dated = date.year != nil ? date : nil
            if spans[role] == nil { order.append(role); spans[role] = RoleSpan(role: role, first: nil, last: nil, count: 0) }
            spans[role]!.count += 1
            if let d = dated {
                if spans[role]!.first.map({ d.sortKey < $0.sortKey }) ?? true { spans[role]!.first = d }
                if spans[role]!.last.map({ d.sortKey > $0.sortKey }) ?? true { spans[role]!.last = d }
            }
        }
        // Roles in the order they were first held; undated roles after dated ones.
        roles = order.map { spans[$0]! }.sorted {
            ($0.first?.sortKey ?? Int.max, $0.role) < ($1.first?.sortKey ?? Int.max, $1.role)
        }
    }

    static func linkCoAppearances(_ people: inout [Person], articles: [Article]) {
        for pi in people.indices {
            var counts: [Int: Int] = [:]
            for ai in people[pi].articles {
                for ref in articles[ai].people where ref.person != pi { counts[ref.person, default: 0] += 1 }
            }
            people[pi].coAppearances = counts
                .sorted { ($1.value, people[$0.key].slug) < ($0.value, people[$1.key].slug) }
                .prefix(10)
                .map { (person: $0.key, count: $0.value) }
        }
    }
}
