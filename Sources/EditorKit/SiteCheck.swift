import DispatchModel
import Foundation
import SiteBuild
import SiteModel

/// One thing `sitegen check` reports.
public struct CheckFinding: Sendable, Hashable, Comparable {
    public var severity: Diagnostic.Severity
    /// Stable kind: the build's diagnostic codes (`date.missing-year`, …) or a check's own
    /// (`link.broken`, `link.anchor`, `date.incomplete`, `title.derived`, `title.duplicate`,
    /// `officials.once-no-role`, `tags.empty`, `build`).
    public var code: String
    /// The input file concerned (seed, sidecar, data file, template folder), when known.
    public var file: String?
    public var line: Int?
    public var column: Int?
    public var message: String
    /// The generated page concerned (broken links), relative to the site root.
    public var page: String?

    public init(severity: Diagnostic.Severity, code: String, file: String?, line: Int? = nil, column: Int? = nil, message: String, page: String? = nil) {
        self.severity = severity
        self.code = code
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.page = page
    }

    init(_ d: Diagnostic) {
        self.init(severity: d.severity, code: d.code ?? "build", file: d.location.path, line: d.location.line,
                  column: d.location.column, message: d.message)
    }

    /// `file:line: severity: message [code]` (compiler style, clickable in editors).
    public var description: String {
        var loc = file ?? page ?? "<site>"
        if let line { loc += ":\(line)" }
        if let line, line > 0, let column { loc += ":\(column)" }
        var s = "\(loc): \(severity.rawValue): \(message)"
        if let page, file != nil { s += " (in \(page))" }
        return s + " [\(code)]"
    }

    public static func < (a: CheckFinding, b: CheckFinding) -> Bool {
        let ka = (a.file ?? "\u{10FFFF}", a.line ?? 0, a.page ?? ""), kb = (b.file ?? "\u{10FFFF}", b.line ?? 0, b.page ?? "")
        if ka != kb { return ka < kb }
        if a.severity != b.severity { return a.severity > b.severity }
        if a.code != b.code { return a.code < b.code }
        return a.message < b.message
    }
}

/// The outcome of `sitegen check`.
public struct CheckReport: Sendable {
    public var findings: [CheckFinding]
    public var strict: Bool
    public var dispatches = 0
    public var pages = 0
    public var linksChecked = 0

    public var errors: Int { findings.filter { $0.severity == .error }.count }
    public var warnings: Int { findings.filter { $0.severity == .warning }.count }
    public var notes: Int { findings.filter { $0.severity == .note }.count }

    /// 0 clean; 1 errors, or warnings under `--strict`.
    public var exitCode: Int32 { errors > 0 || (strict && warnings > 0) ? 1 : 0 }

    /// Version of the JSON document below; bumped on any incompatible change.
    public static let schemaVersion = 1

    /// The machine-readable report (`--format json`). Keys always present, in this order:
    /// `{"schemaVersion":1, "ok":Bool, "strict":Bool, "exitCode":0|1,
    ///   "summary":{"errors","warnings","notes","dispatches","pages","linksChecked"},
    ///   "findings":[{"severity":"error|warning|note", "code":String, "file":String|null,
    ///                "line":Int|null, "column":Int|null, "message":String, "page":String|null}]}`
    /// Findings are sorted by file, line, page, severity (errors first), code, message.
    public func json() -> String {
        func opt(_ s: String?) -> String { s.map(JSONString.quote) ?? "null" }
        func opt(_ i: Int?) -> String { i.map(String.init) ?? "null" }
        var out = "{\n  \"schemaVersion\": \(Self.schemaVersion),\n  \"ok\": \(exitCode == 0),\n  \"strict\": \(strict),\n  \"exitCode\": \(exitCode),\n"
        out += "  \"summary\": {\"errors\": \(errors), \"warnings\": \(warnings), \"notes\": \(notes), \"dispatches\": \(dispatches), \"pages\": \(pages), \"linksChecked\": \(linksChecked)},\n"
        out += "  \"findings\": ["
        out += findings.map { f in
            "\n    {\"severity\": \(JSONString.quote(f.severity.rawValue)), \"code\": \(JSONString.quote(f.code)), \"file\": \(opt(f.file)), \"line\": \(opt(f.line)), \"column\": \(opt(f.column)), \"message\": \(JSONString.quote(f.message)), \"page\": \(opt(f.page))}"
        }.joined(separator: ",")
        out += findings.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }

    /// Human output: one line per finding (notes only when `verbose`), then a summary line.
    public func text(verbose: Bool) -> String {
        var out = ""
        for f in findings where verbose || f.severity != .note { out += f.description + "\n" }
        let verdict = exitCode == 0 ? "ok" : "failed"
        out += "check \(verdict): \(errors) error(s), \(warnings) warning(s)\(strict ? " (--strict)" : ""); "
        out += "\(dispatches) dispatch(es), \(pages) page(s), \(linksChecked) internal link(s) checked\n"
        return out
    }
}

/// `sitegen check`: loads and renders the whole site in memory (nothing is written) and
/// reports the build's diagnostics plus what an editor should look at.
public enum SiteCheck {
    public static func run(options: BuildOptions, strict: Bool = false) -> CheckReport {
        var report = CheckReport(findings: [], strict: strict)
        var timings = StageTimings()
        let site = Site(options: options)
        let loaded: LoadedSite
        do throws(Diagnostic) {
            loaded = try site.load(timings: &timings)
        } catch {
            report.findings = [CheckFinding(error)]
            return report
        }
        var findings = loaded.diagnostics.map(CheckFinding.init)
        report.dispatches = loaded.dispatches.count
        findings += dispatchFindings(loaded, seeds: options.seeds)
        do throws(Diagnostic) {
            let (index, files) = try site.render(loaded, timings: &timings)
            findings += indexFindings(index, seeds: options.seeds)
            var pageToSeed: [String: String] = [:]
            for a in index.articles { pageToSeed[a.page] = options.seeds + "/" + a.dispatch.file }
            let links = LinkCheck.check(files)
            report.pages = files.filter { $0.path.hasSuffix(".html") }.count
            report.linksChecked = links.checked
            for b in links.broken {
                findings.append(CheckFinding(severity: .error, code: b.code, file: pageToSeed[b.page], message: b.message, page: b.page))
            }
        } catch {
            findings.append(CheckFinding(error))
        }
        report.findings = Array(Set(findings)).sorted()
        return report
    }

    /// Dates that are not full days, derived titles, duplicate titles, empty tags.
    static func dispatchFindings(_ loaded: LoadedSite, seeds: String) -> [CheckFinding] {
        var out: [CheckFinding] = []
        // A build diagnostic about the same field of the same seed already says it.
        var said = Set<String>()
        for d in loaded.diagnostics { if let f = d.field { said.insert(d.location.path + "|" + f) } }
        var titles: [String: String] = [:]
        for d in loaded.dispatches {
            let path = seeds + "/" + d.file
            if d.date.precision != .day && !said.contains(path + "|date") {
                let what: String
                switch d.date.precision {
                case .month: what = "only a month (\(d.date.iso ?? "?"))"
                case .dayNoYear: what = "no year (\(d.date.iso ?? "?"))"
                default: what = "no date at all"
                }
                out.append(CheckFinding(severity: .warning, code: "date.incomplete", file: path,
                                        message: "dispatch has \(what); supply `date:` in the sidecar \(sidecarName(d.file)) if it is known"))
            }
            if d.titleDerived && !said.contains(path + "|title") {
                out.append(CheckFinding(severity: .warning, code: "title.derived", file: path,
                                        message: "title derived from the lead (“\(d.title)”); supply `title:` in the sidecar \(sidecarName(d.file))"))
            }
            let key = TextFolding.key(d.title)
            if !key.isEmpty {
                if let first = titles[key] {
                    out.append(CheckFinding(severity: .warning, code: "title.duplicate", file: path,
                                            message: "same title as \(first): “\(d.title)”"))
                } else {
                    titles[key] = d.file
                }
            }
            for t in d.tags where t.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || Slug.make(t.name).isEmpty {
                out.append(CheckFinding(severity: .warning, code: "tags.empty", file: path,
                                        message: "tag with an empty name or slug (“\(t.name)”, \(t.kind.rawValue)); drop or rename it in the sidecar"))
            }
        }
        return out
    }

    /// Officials named once with no role, and tags with no dispatch.
    static func indexFindings(_ index: SiteIndex, seeds: String) -> [CheckFinding] {
        var out: [CheckFinding] = []
        for p in index.people where p.articles.count == 1 && p.roles.isEmpty {
            let file = index.articles[p.articles[0]].dispatch.file
            out.append(CheckFinding(severity: .warning, code: "officials.once-no-role", file: seeds + "/" + file,
                                    message: "official “\(p.name)” is named in one dispatch only, with no role; add the role (or drop the name) in the sidecar \(sidecarName(file))"))
        }
        for t in index.tags where t.articles.isEmpty {
            out.append(CheckFinding(severity: .warning, code: "tags.empty", file: nil,
                                    message: "tag “\(t.tag.name)” has no dispatch", page: t.path + "index.html"))
        }
        return out
    }

    static func sidecarName(_ file: String) -> String {
        guard let dot = file.lastIndex(of: ".") else { return file + ".yml" }
        return String(file[..<dot]) + ".yml"
    }
}
