/// The editor's listing printed by `sitegen officials`: one block per person, in the
/// resolver's order, separated by blank lines.
///
/// ```
/// Tô Lâm — 3 dépêches
///   graphies : To Lam ; Tô Lam ; Tô Lâm
///   fonctions : ministre de la Sécurité publique (2) ; président (1)
///   organisations : PCV
///   pays : Vietnam
/// ```
public enum OfficialsReport {
    /// - Parameters:
    ///   - people: resolved people (`IdentityResolver.resolve`).
    ///   - files: optional dispatch file names by index, to list where each person appears.
    public static func text(people: [ResolvedPerson], files: [String]? = nil) -> String {
        var out = "\(people.count) \(people.count == 1 ? "personne" : "personnes")\n"
        for p in people {
            let n = p.appearances.count
            out += "\n\(p.displayName) — \(n) \(n == 1 ? "dépêche" : "dépêches")\n"
            out += "  graphies : \(p.spellings.joined(separator: " ; "))\n"
            let roles = p.roleCounts
            out += "  fonctions : " + (roles.isEmpty ? "(aucune)" : roles.map { "\($0.role) (\($0.count))" }.joined(separator: " ; ")) + "\n"
            if !p.organisations.isEmpty { out += "  organisations : \(p.organisations.joined(separator: " ; "))\n" }
            if let c = p.country { out += "  pays : \(c)\n" }
            if let d = p.description { out += "  description : \(d)\n" }
            if let c = p.portraitCredit { out += "  portrait : \(c)\n" }
            if let files {
                let names = p.appearances.map { $0.dispatch < files.count ? files[$0.dispatch] : "#\($0.dispatch)" }
                out += "  dépêches : \(names.joined(separator: " ; "))\n"
            }
        }
        return out
    }
}
