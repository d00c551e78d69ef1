import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Atomic publishing through the real binary: builds killed with SIGKILL at seeded random
/// moments, and builds that run at the same time on the same output.
@Suite(.serialized) struct KillTests {
    /// An old site (270 of the 300 dispatches, plus one that the new seeds delete, plus an
    /// editor's CNAME) and the new site (all 300, CNAME kept), built once as references.
    struct Sites {
        let root: String
        let oldSeeds: String
        let newSeeds: String
        let refOld: String
        let refNew: String
        /// Duration of a whole build of the new seeds over the old site, and of its write stage.
        let seconds: Double
        let writeSeconds: Double

        static func make() throws -> Sites {
            let corpus = try Corpus.generate(count: 300)
            let root = TestPaths.makeTemporaryFolder("kill")
            let newSeeds = corpus + "/seeds"
            let oldSeeds = root + "/old-seeds"
            try FileManager.default.createDirectory(atPath: oldSeeds, withIntermediateDirectories: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: newSeeds).sorted().prefix(270) {
                try FileManager.default.copyItem(atPath: newSeeds + "/" + name, toPath: oldSeeds + "/" + name)
            }
            try FileManager.default.copyItem(atPath: TestPaths.packageRoot + "/Tests/SiteBuildTests/Fixtures/hostile/666_hostile.txt",
                                             toPath: oldSeeds + "/999_deleted_later.txt")
            let refOld = root + "/ref-old/Public", refNew = root + "/ref-new/Public"
            let a = try Sitegen.build(seeds: oldSeeds, output: refOld)
            #expect(a.status == 0, "\(a)")
            Files.write(refOld + "/CNAME", "example.org\n")
            try FileManager.default.createDirectory(atPath: root + "/ref-new", withIntermediateDirectories: true)
            try Files.copyTree(refOld, refNew)
            let b = try Sitegen.build(seeds: newSeeds, output: refNew, ["--timings"])
            #expect(b.status == 0, "\(b)")
            // How long publishing takes: a full build streams pages into the staging folder as
            // it renders them, so the staging folder exists for the whole `render+write` stage
            // (`  render+write: 980 ms (peak memory 60 MiB)` or `… 1.24 s …`).
            var write = 0.3
            if let line = b.stdout.split(separator: "\n").first(where: { $0.contains("render+write:") }) {
                let words = line.split(separator: " ")
                if let i = words.firstIndex(where: { $0.hasSuffix("render+write:") }), i + 2 < words.count, let v = Double(words[i + 1]) {
                    write = words[i + 2] == "ms" ? v / 1000 : v
                }
            }
            #expect(write > 0 && write < 60, "publishing time read from --timings: \(write) s")
            #expect(Tree.differences(refOld, refNew).count > 30, "the two sites differ")
            return Sites(root: root, oldSeeds: oldSeeds, newSeeds: newSeeds, refOld: refOld, refNew: refNew, seconds: b.seconds, writeSeconds: write)
        }
    }

    enum Outcome: String { case old, new, broken }

    static func outcome(_ site: String, _ s: Sites) -> Outcome {
        if Tree.differences(site, s.refOld).isEmpty { return .old }
        if Tree.differences(site, s.refNew).isEmpty { return .new }
        return .broken
    }

    @Test func aBuildKilledAtAnyMomentLeavesTheOldSiteOrTheNewOne() throws {
        let s = try Sites.make()
        var rng = SeededRandom(seed: 7_2026_1124)
        var outcomes: [String] = []
        for trial in 0..<10 {
            let dir = s.root + "/trial-\(trial)"
            let site = dir + "/Public"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try Files.copyTree(s.refOld, site)
            // Even trials: a kill anywhere in the build. Odd trials: once the staging folder
            // appears (publishing has begun), a kill anywhere in the write and the swap.
            let scratch = TestPaths.makeTemporaryFolder("kill-run")
            let (p, _, _) = try Sitegen.spawn(["build", "--seeds", s.newSeeds, "--output", site, "--templates", Sitegen.templates], scratch: scratch)
            let start = Date()
            var delay: Double
            var phase = "build"
            if trial % 2 == 0 {
                delay = Double.random(in: 0...(s.seconds * 1.3), using: &rng)
            } else {
                delay = Double.random(in: 0...(s.writeSeconds * 1.3 + 0.1), using: &rng)
                phase = "publish"
                var st = stat()
                while p.isRunning && lstat(dir + "/.Public.sitegen-staging", &st) != 0 && Date().timeIntervalSince(start) < 60 { usleep(500) }
                delay += Date().timeIntervalSince(start)
            }
            let remaining = delay - Date().timeIntervalSince(start)
            if remaining > 0 { usleep(useconds_t(remaining * 1_000_000)) }
            let killed = p.isRunning
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let o = Self.outcome(site, s)
            outcomes.append("\(phase) kill at \(String(format: "%.3f", delay)) s\(killed ? "" : " (had finished)"): \(o.rawValue)")
            #expect(o != .broken, "trial \(trial), killed after \(delay) s: \(site) is neither the old site nor the new one: \(Tree.differences(site, s.refNew).prefix(5))")
            // Only the lock and an interrupted build's leftovers may sit beside the output.
            let beside = Set(try FileManager.default.contentsOfDirectory(atPath: dir))
            #expect(beside.isSubset(of: ["Public", ".Public.sitegen-lock", ".Public.sitegen-cache", ".Public.sitegen-staging", ".Public.sitegen-old"]), "\(beside)")
            // The next build cleans up and publishes the new site.
            let again = try Sitegen.build(seeds: s.newSeeds, output: site)
            #expect(again.status == 0, "\(again)")
            #expect(Self.outcome(site, s) == .new)
            #expect(Set(try FileManager.default.contentsOfDirectory(atPath: dir)) == ["Public", ".Public.sitegen-lock", ".Public.sitegen-cache"])
            try? FileManager.default.removeItem(atPath: dir)
            try? FileManager.default.removeItem(atPath: scratch)
        }
        // Seeded, so this is the same on every run on a given machine; printed for the record.
        print("kill outcomes (build \(String(format: "%.2f", s.seconds)) s, write \(String(format: "%.2f", s.writeSeconds)) s):\n  " + outcomes.joined(separator: "\n  "))
        try? FileManager.default.removeItem(atPath: s.root)
    }

    @Test func aSecondBuildWaitsForTheFirstAndSaysSo() throws {
        let s = try Sites.make()
        defer { try? FileManager.default.removeItem(atPath: s.root) }
        let dir = s.root + "/locked"
        let site = dir + "/Public"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Files.copyTree(s.refOld, site)
        // Hold the lock as a running build would.
        let fd = open(dir + "/.Public.sitegen-lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        #expect(fd >= 0 && flock(fd, LOCK_EX) == 0)
        _ = ftruncate(fd, 0)
        let pid = "\(getpid())\n"
        _ = pid.withCString { write(fd, $0, strlen($0)) }
        let scratch = TestPaths.makeTemporaryFolder("lock-run")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let (p, outPath, errPath) = try Sitegen.spawn(["build", "--seeds", s.newSeeds, "--output", site, "--templates", Sitegen.templates], scratch: scratch)
        var waited = 0.0
        while !Tree.read(errPath).contains("waiting") && p.isRunning && waited < 120 { usleep(50_000); waited += 0.05 }
        #expect(Tree.read(errPath).contains("sitegen: another sitegen build is writing \(site)/ (pid \(getpid())); waiting…"), "\(Tree.read(errPath))")
        usleep(300_000)
        #expect(p.isRunning, "the second build waits")
        #expect(Self.outcome(site, s) == .old, "nothing is written while the lock is held")
        flock(fd, LOCK_UN)
        close(fd)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(Tree.read(outPath))\(Tree.read(errPath))")
        #expect(Self.outcome(site, s) == .new)
    }

    @Test func twoBuildsAtOnceNeverInterleave() throws {
        let s = try Sites.make()
        defer { try? FileManager.default.removeItem(atPath: s.root) }
        for round in 0..<3 {
            let dir = s.root + "/both-\(round)"
            let site = dir + "/Public"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try Files.copyTree(s.refOld, site)
            let scratch = TestPaths.makeTemporaryFolder("both-run")
            let (a, _, errA) = try Sitegen.spawn(["build", "--seeds", s.newSeeds, "--output", site, "--templates", Sitegen.templates], scratch: scratch)
            let (b, _, errB) = try Sitegen.spawn(["build", "--seeds", s.oldSeeds, "--output", site, "--templates", Sitegen.templates], scratch: scratch)
            a.waitUntilExit()
            b.waitUntilExit()
            #expect(a.terminationStatus == 0 && b.terminationStatus == 0, "\(Tree.read(errA))\(Tree.read(errB))")
            // Whichever published last, the folder is exactly one complete site (the old
            // seeds' site has the editor's CNAME too: it was kept).
            #expect(Self.outcome(site, s) != .broken, "\(Tree.differences(site, s.refNew).prefix(5)) / \(Tree.differences(site, s.refOld).prefix(5))")
            #expect(Set(try FileManager.default.contentsOfDirectory(atPath: dir)) == ["Public", ".Public.sitegen-lock", ".Public.sitegen-cache"])
            try? FileManager.default.removeItem(atPath: scratch)
        }
    }
}
