import Foundation
import TestSupport
import Testing

/// The same input gives the same bytes whatever the threads, time zone, locale, listing
/// order, folder or modification times — through the real binary.
@Suite(.serialized) struct DeterminismTests {
    /// 200 generated dispatches plus the repository's seeds (a sidecar, the site config)
    /// and a hand-written seed.
    static func seeds() throws -> String {
        let corpus = try Corpus.generate(count: 200)
        let dir = TestPaths.makeTemporaryFolder("det-seeds") + "/seeds"
        try FileManager.default.copyItem(atPath: corpus + "/seeds", toPath: dir)
        for name in try FileManager.default.contentsOfDirectory(atPath: TestPaths.packageRoot + "/seeds") {
            try FileManager.default.copyItem(atPath: TestPaths.packageRoot + "/seeds/" + name, toPath: dir + "/" + name)
        }
        try FileManager.default.copyItem(atPath: TestPaths.packageRoot + "/Tests/RobustnessTests/Fixtures/777_injection.md", toPath: dir + "/777_injection.md")
        return dir
    }

    static func build(_ seeds: String, _ out: String, jobs: Int, env: [String: String?], cwd: String? = nil) throws {
        let r = try Sitegen.build(seeds: seeds, output: out, ["--jobs", String(jobs)], env: env, cwd: cwd)
        #expect(r.status == 0, "\(r)")
    }

    @Test func threadsTimeZoneAndLocaleDoNotChangeTheBytes() throws {
        let seeds = try Self.seeds()
        let base = TestPaths.makeTemporaryFolder("det")
        try Self.build(seeds, base + "/ref", jobs: 1, env: ["TZ": "UTC", "LANG": "C", "LC_ALL": "C"])
        let variants: [(String, Int, [String: String?])] = [
            ("jobs2", 2, ["TZ": "UTC", "LANG": "C", "LC_ALL": "C"]),
            ("jobs8-kiritimati-fr", 8, ["TZ": "Pacific/Kiritimati", "LANG": "fr_FR.UTF-8", "LC_ALL": "fr_FR.UTF-8"]),
            ("jobs2-honolulu-tr", 2, ["TZ": "Pacific/Honolulu", "LANG": "tr_TR.UTF-8", "LC_ALL": "tr_TR.UTF-8"]),
            ("jobs2-stjohns-vi", 2, ["TZ": "America/St_Johns", "LANG": "vi_VN.UTF-8", "LC_ALL": nil, "LC_TIME": "ja_JP.UTF-8"]),
            ("jobs1-no-tz", 1, ["TZ": nil, "LANG": nil, "LC_ALL": nil]),
        ]
        for (name, jobs, env) in variants {
            try Self.build(seeds, base + "/" + name, jobs: jobs, env: env)
            let diff = Tree.differences(base + "/ref", base + "/" + name)
            #expect(diff.isEmpty, "\(name): \(diff.prefix(10))")
        }
        try? FileManager.default.removeItem(atPath: base)
    }

    @Test func listingOrderFolderAndModificationTimesDoNotChangeTheBytes() throws {
        let seeds = try Self.seeds()
        let base = TestPaths.makeTemporaryFolder("det-order")
        try Self.build(seeds, base + "/ref", jobs: 2, env: [:])

        // The same files created in a seeded shuffled order, in another folder, with random
        // modification times, and the build run from another working directory with a
        // relative seeds path.
        var rng = SeededRandom(seed: 42)
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds).shuffled(using: &rng)
        let other = base + "/elsewhere/deeper/seeds"
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        for n in names {
            try FileManager.default.copyItem(atPath: seeds + "/" + n, toPath: other + "/" + n)
            let when = Date(timeIntervalSince1970: Double.random(in: 0...2_000_000_000, using: &rng))
            try FileManager.default.setAttributes([.modificationDate: when], ofItemAtPath: other + "/" + n)
        }
        try Self.build("deeper/seeds", "../shuffled", jobs: 2, env: [:], cwd: base + "/elsewhere")
        #expect(Tree.differences(base + "/ref", base + "/shuffled").isEmpty, "\(Tree.differences(base + "/ref", base + "/shuffled").prefix(10))")

        // Touch everything and rebuild over the previous output: same bytes.
        for n in names { try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: other + "/" + n) }
        sleep(1)
        try Self.build(other, base + "/shuffled", jobs: 1, env: ["TZ": "Asia/Kolkata"])
        #expect(Tree.differences(base + "/ref", base + "/shuffled").isEmpty)
        try? FileManager.default.removeItem(atPath: base)
    }
}
