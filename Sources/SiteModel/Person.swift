import DispatchModel
import OfficialsExtraction

/// One official's profile.
public struct Person: Sendable {
    public let resolved: ResolvedPerson
    /// The slug, the profile's folder (`officials/slug/`) and the name shown, stored: they are
    /// read for every link to the profile, and were computed (a string built) each time.
    public let slug: String
    public let path: String
    /// `path` + `index.html`: what links to the profile name.
    public let page: String
    public let name: String
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


    /// The role in the newest dispatch that gives one.
    public var latestRole: String? {
        roles.max { ($0.last?.sortKey ?? -1, $0.count) < ($1.last?.sortKey ?? -1, $1.count) }?.role
    }

    /// - Parameter dates: the date of each dispatch (by index into the timeline).
    init(resolved: ResolvedPerson, slug: String, dates: [DispatchDate]) {
        self.resolved = resolved
        self.slug = slug
        path = "officials/\(slug)/"
        page = path + "index.html"
        name = resolved.displayName
        // The resolver gives appearances sorted by dispatch, one per dispatch.
        let ids = resolved.appearances.map(\.dispatch)
        self.articles = zip(ids, ids.dropFirst()).allSatisfy { $0 < $1 } ? ids : Array(Set(ids)).sorted()
        // Each role looked up once per appearance (hashing a String with accents is slow),
        // then updated in the array.
        var index: [String: Int] = [:]
        var spans: [RoleSpan] = []
        for a in resolved.appearances {
            guard let role = a.role, !role.isEmpty else { continue }
            let k: Int
            if let known = index[role] {
                k = known
            } else {
                k = spans.count
                index[role] = k
                spans.append(RoleSpan(role: role, first: nil, last: nil, count: 0))
            }
            spans[k].count += 1
            let d = dates[a.dispatch]
            guard d.year != nil else { continue }
            let key = d.sortKey
            if spans[k].first.map({ key < $0.sortKey }) ?? true { spans[k].first = d }
            if spans[k].last.map({ key > $0.sortKey }) ?? true { spans[k].last = d }
        }
        // Roles in the order they were first held; undated roles after dated ones.
        roles = spans.sorted {
            ($0.first?.sortKey ?? Int.max, $0.role) < ($1.first?.sortKey ?? Int.max, $1.role)
        }
    }

    /// Each person's ten most frequent co-appearances: people are independent of each other,
    /// so they are counted on all cores.
    static func linkCoAppearances(_ people: inout [Person], articles: [Article], jobs: Int = 1) {
        let slugs = people.map(\.slug)
        let lists = people.map(\.articles)
        let co = Parallel.map(people.count, jobs: jobs) { pi -> [(person: Int, count: Int)] in
            var counts: [Int: Int] = [:]
            for ai in lists[pi] {
                for ref in articles[ai].people where ref.person != pi { counts[ref.person, default: 0] += 1 }
            }
            return counts
                .sorted { ($1.value, slugs[$0.key]) < ($0.value, slugs[$1.key]) }
                .prefix(10)
                .map { (person: $0.key, count: $0.value) }
        }
        for pi in people.indices { people[pi].coAppearances = co[pi] }
    }
}
