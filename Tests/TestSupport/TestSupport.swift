import Foundation

/// Paths and scratch space for tests.
public enum TestPaths {
    /// The package root (the folder holding Package.swift).
    public static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// `../shared` beside the project: the real seeds and the corpus generator.
    public static var shared: String { packageRoot + "/../shared" }

    /// A fresh empty folder under the system temp dir. Folders of earlier runs (older than
    /// six hours, so never those of a run in progress) are removed on the first call, so a
    /// developer's temp dir does not fill up with test sites.
    public static func makeTemporaryFolder(_ label: String) -> String {
        _ = purgeOldFolders
        let path = NSTemporaryDirectory() + "sitegen-tests-\(label)-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private static let purgeOldFolders: Void = {
        let fm = FileManager.default
        let tmp = NSTemporaryDirectory()
        let cutoff = Date().addingTimeInterval(-6 * 3600)
        for name in (try? fm.contentsOfDirectory(atPath: tmp)) ?? [] where name.hasPrefix("sitegen-tests-") {
            let path = tmp + name
            if let m = (try? fm.attributesOfItem(atPath: path))?[.modificationDate] as? Date, m < cutoff {
                try? fm.removeItem(atPath: path)
            }
        }
    }()
}

/// The deterministic corpus generator from `../shared/bench`, cached per count for one run.
public enum Corpus {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [Int: String] = [:]

    /// Folder holding `seeds/` and `gold.jsonl` for `count` generated dispatches.
    public static func generate(count: Int) throws -> String {
        lock.lock()
        defer { lock.unlock() }
        if let dir = cache[count] { return dir }
        let out = NSTemporaryDirectory() + "sitegen-corpus-\(count)-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: out)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", TestPaths.shared + "/bench/gen_corpus.py", "--count", String(count), "--out", out]
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        cache[count] = out
        return out
    }
}

/// Reading and comparing output trees.
public enum Tree {
    /// Relative paths of the regular files under `dir`, sorted.
    public static func files(_ dir: String) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: dir) else { return [] }
        var out: [String] = []
        while let rel = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir + "/" + rel, isDirectory: &isDir), !isDir.boolValue { out.append(rel) }
        }
        return out.sorted()
    }

    public static func read(_ path: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }

    /// Files that differ between two trees (missing on either side included).
    public static func differences(_ a: String, _ b: String, ignoring: Set<String> = []) -> [String] {
        let fa = Set(files(a)).subtracting(ignoring), fb = Set(files(b)).subtracting(ignoring)
        var diff = fa.symmetricDifference(fb).map { $0 }
        for f in fa.intersection(fb) where FileManager.default.contents(atPath: a + "/" + f) != FileManager.default.contents(atPath: b + "/" + f) {
            diff.append(f)
        }
        return diff.sorted()
    }
}

/// Golden files: compared byte for byte; `SITEGEN_RECORD=1` rewrites them.
public enum Golden {
    public static var recording: Bool { ProcessInfo.processInfo.environment["SITEGEN_RECORD"] == "1" }

    /// Compares `actual` with the golden file at `path` (relative to the package root), or
    /// records it. Returns a description of the mismatch, or nil.
    public static func check(_ actual: String, against path: String) -> String? {
        let full = TestPaths.packageRoot + "/" + path
        if recording {
            try? FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: full, contents: Data(actual.utf8))
            return nil
        }
        guard let data = FileManager.default.contents(atPath: full) else {
            return "missing golden file \(path) (run with SITEGEN_RECORD=1 to create it)"
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected == actual { return nil }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? String(e[i]) : "<end>", al = i < a.count ? String(a[i]) : "<end>"
            if el != al { return "\(path):\(i + 1): golden differs\n  expected: \(el)\n  actual:   \(al)\n(re-record with SITEGEN_RECORD=1 if the change is intended)" }
        }
        return "\(path): golden differs"
    }
}
