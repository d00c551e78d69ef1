import DispatchModel
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files of a seeds folder, classified. Raw dispatches are `*.txt`; hand-written
/// dispatches are `*.md` with front matter; `NAME.yml` beside a seed is its sidecar.
/// Names starting with `_` are the digest's data files (`_site.yml`, `_officials.yml`,
/// `_topics.yml`); names starting with `.` are ignored. Sorted by name, so the order never
/// depends on how the file system lists them.
public struct SeedSource: Sendable {
    public struct Seed: Sendable, Hashable {
        public var name: String
        public var path: String
        public var sidecarPath: String?
        public var isMarkdown: Bool { name.hasSuffix(".md") }
    }

    public var seeds: [Seed] = []
    public var diagnostics: [Diagnostic] = []

    public static let configName = "_site.yml"
    public static let registryName = "_officials.yml"
    public static let topicsName = "_topics.yml"
    /// Larger seeds are refused (memory stays bounded; a real dispatch is a few kB).
    public static let maxSeedBytes = 16 << 20
    public static let maxSidecarBytes = 1 << 20

    /// Why a seed or sidecar file cannot be read safely, or nil. A symbolic link must point
    /// inside the seeds folder (scraped files are untrusted; a link could publish any file
    /// the build can read); the file must be a regular file (a FIFO or device would block or
    /// never end) of a bounded size.
    static func refusal(_ path: String, realDir: String, limit: Int) -> String? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return "cannot read: " + String(cString: strerror(errno)) }
        if (st.st_mode & S_IFMT) == S_IFLNK {
            guard let target = realPath(path) else { return "symbolic link is broken; refused" }
            if !target.hasPrefix(realDir + "/") {
                return "symbolic link points outside the seeds folder (to \(target)); refused"
            }
            guard stat(path, &st) == 0 else { return "cannot read: " + String(cString: strerror(errno)) }
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else { return "not a regular file (a folder, FIFO or device); refused" }
        if Int(st.st_size) > limit { return tooLarge(Int(st.st_size), limit: limit) }
        return nil
    }

    /// A seed file refused, `problem` saying why.
    static func refused(_ path: String, _ problem: String) -> Diagnostic {
        .error(SourceLocation(path: path), problem, code: "seeds.refused")
    }

    /// A sidecar refused: its seed is left out too (publishing it without its editor's facts
    /// would be wrong).
    static func refusedSidecar(_ path: String, _ problem: String, seed: String) -> Diagnostic {
        refused(path, problem + " (seed \(seed) left out)")
    }

    static func tooLarge(_ size: Int, limit: Int) -> String {
        "file is too large (\(size) bytes; the limit is \(limit >> 20) MB); refused"
    }

    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    public init(directory: String) throws(Diagnostic) {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            throw Diagnostic.error(SourceLocation(path: directory), "seeds folder not found", code: "seeds")
        }
        // Listed with their types (`readdir`'s `d_type`): a regular file needs no `lstat`
        // here (its size is checked on the open file when it is read, `SeedInput`), which
        // was most of the listing's time on a folder of ten thousand seeds.
        guard let dir = opendir(directory) else {
            throw Diagnostic.error(SourceLocation(path: directory), "cannot list seeds folder: " + String(cString: strerror(errno)), code: "seeds")
        }
        var types: [String: UInt8] = [:]
        while let e = readdir(dir) {
            let name = withUnsafePointer(to: e.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: e.pointee.d_name)) { String(cString: $0) }
            }
            if name != "." && name != ".." { types[name] = e.pointee.d_type }
        }
        closedir(dir)
        let names = types.keys.sorted()
        func isRegular(_ name: String) -> Bool { types[name] == UInt8(DT_REG) }
        let realDir = Self.realPath(directory) ?? URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        var sidecars: [String: String] = [:]
        for n in names where !n.hasPrefix("_") && !n.hasPrefix(".") && (n.hasSuffix(".yml") || n.hasSuffix(".yaml")) {
            sidecars[String(n[..<n.lastIndex(of: ".")!])] = n
        }
        var usedSidecars = Set<String>()
        for n in names where !n.hasPrefix(".") && !n.hasPrefix("_") {
            let path = directory + "/" + n
            let isSeed = n.hasSuffix(".txt") || n.hasSuffix(".md")
            if n.hasSuffix(".yml") || n.hasSuffix(".yaml") { continue }
            guard isSeed else {
                diagnostics.append(.warning(SourceLocation(path: path), "ignored: not a seed (.txt or .md), sidecar (.yml) or data file (_*.yml)", code: "seeds.ignored"))
                continue
            }
            if !isRegular(n), let problem = Self.refusal(path, realDir: realDir, limit: Self.maxSeedBytes) {
                diagnostics.append(Self.refused(path, problem))
                continue
            }
            let base = String(n[..<n.lastIndex(of: ".")!])
            let sidecar = sidecars[base]
            if let s = sidecar {
                usedSidecars.insert(s)
                if !isRegular(s), let problem = Self.refusal(directory + "/" + s, realDir: realDir, limit: Self.maxSidecarBytes) {
                    diagnostics.append(Self.refusedSidecar(directory + "/" + s, problem, seed: n))
                    continue
                }
            }
            seeds.append(Seed(name: n, path: path, sidecarPath: sidecar.map { directory + "/" + $0 }))
        }
        for (_, s) in sidecars.sorted(by: { $0.key < $1.key }) where !usedSidecars.contains(s) {
            diagnostics.append(.warning(SourceLocation(path: directory + "/" + s), "sidecar has no seed with the same name; ignored", code: "sidecar.orphan"))
        }
    }
}

/// Characters that are not text: C0 controls other than tab, line feed and carriage return,
/// and the non-characters U+FFFE/U+FFFF. XML (feeds, sitemap) forbids them, so one NUL in a
/// dispatch (a raw seed, or a `"\0"` escape in a hand-written one) would make every feed
/// listing it unreadable. They are removed when a seed is loaded, with a warning.
enum ControlCharacters {
    @inline(__always) static func isForbidden(_ v: UInt32) -> Bool {
        (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || v == 0xFFFE || v == 0xFFFF
    }

    /// Whether `s` has a forbidden character, on its bytes (every text of every dispatch is
    /// checked): C0 controls are single bytes, U+FFFE and U+FFFF are `EF BF BE`/`EF BF BF`.
    static func hasForbidden(_ s: String) -> Bool {
        return s.withUTF8Bytes { u in
            guard let base = u.baseAddress else { return false }
            let raw = UnsafeRawPointer(base)
            let n = u.count
            // Eight bytes at a time: a word with no byte below 0x20 and no 0xEF (the lead byte
            // of U+FFFE and U+FFFF) needs no closer look, and nearly every word of a text is such.
            @inline(__always) func cleanWords(from start: Int) -> Int {
                var i = start
                while i + 8 <= n {
                    let w = ByteWord.load(raw, i)
                    if ByteWord.hasByte(below: 0x20, in: w) || ByteWord.hasByte(0xEF, in: w) { break }
                    i += 8
                }
                return i
            }
            var i = cleanWords(from: 0)
            while i < n {
                let b = u[i]
                if b < 0x20, b != 0x09, b != 0x0A, b != 0x0D { return true }
                if b == 0xEF, i + 2 < n, u[i + 1] == 0xBF, u[i + 2] >= 0xBE { return true }
                i = cleanWords(from: i + 1)
            }
            return false
        }
    }

    /// `s` without forbidden characters; adds how many were removed to `count`.
    static func clean(_ s: String, _ count: inout Int) -> String {
        guard hasForbidden(s) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if isForbidden(u.value) { count += 1 } else { out.append(u) }
        }
        return String(out)
    }

    static func clean(_ s: String?, _ count: inout Int) -> String? {
        s.map { clean($0, &count) }
    }

    /// Cleans every text field of a dispatch; returns how many characters were removed.
    static func clean(_ d: inout Dispatch) -> Int {
        // Nearly always clean: check each text in place before rebuilding any list (an array
        // of every text of every dispatch, to check, cost a retain and release per text).
        func dirty(_ s: String?) -> Bool { s.map(hasForbidden) ?? false }
        let found = dirty(d.title) || dirty(d.place) || dirty(d.agency) || dirty(d.dateline) || dirty(d.lead) || dirty(d.signOff)
            || d.body.contains { b in
                switch b {
                case .paragraph(let p): return hasForbidden(p)
                case .caption(let c): return hasForbidden(c.text) || dirty(c.credit)
                }
            }
            || d.officials.contains { hasForbidden($0.name) || dirty($0.role) }
            || d.tags.contains { hasForbidden($0.name) }
        guard found else { return 0 }
        var n = 0
        d.title = clean(d.title, &n)
        d.place = clean(d.place, &n)
        d.agency = clean(d.agency, &n)
        d.dateline = clean(d.dateline, &n)
        d.lead = clean(d.lead, &n)
        d.signOff = clean(d.signOff, &n)
        d.body = d.body.map { b -> Block in
            switch b {
            case .paragraph(let p): return .paragraph(clean(p, &n))
            case .caption(let c): return .caption(Caption(text: clean(c.text, &n), credit: clean(c.credit, &n)))
            }
        }
        d.officials = d.officials.map { OfficialMention(name: clean($0.name, &n), role: clean($0.role, &n)) }
        d.tags = d.tags.map { Tag(name: clean($0.name, &n), kind: $0.kind) }
        return n
    }

    static func clean(_ c: inout SiteConfig) {
        var n = 0
        c.title = clean(c.title, &n)
        c.description = clean(c.description, &n)
        c.author = clean(c.author, &n)
    }
}
