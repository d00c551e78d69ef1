import DispatchModel
import Foundation
import SiteOutput
@testable import SiteBuild
import TestSupport
import Testing

@Suite struct BuildCacheTests {
    /// The cache is written in pieces and hashed as it goes: any piece size gives the same
    /// files, which load back (their checksums hold), and the build's own files are those.
    @Test func writtenInPiecesItIsTheSameFileAndLoads() throws {
        let root = TestPaths.makeTemporaryFolder("cache-pieces")
        let corpus = try Corpus.generate(count: 200)
        var o = BuildOptions()
        o.seeds = corpus + "/seeds"
        o.output = root + "/Public"
        #expect(Site(options: o).build().published)
        let path = BuildCache.defaultPath(output: o.output)
        let cache = try #require(BuildCache.load(path: path, generator: Site.generator))
        func files(_ folder: String) throws -> [String: [UInt8]] {
            var out: [String: [UInt8]] = [:]
            for f in try FileManager.default.contentsOfDirectory(atPath: folder) {
                let bytes: [UInt8] = try #require(FileIO.read(folder + "/" + f))
                out[f] = bytes
            }
            return out
        }
        var saved: [[String: [UInt8]]] = []
        for chunk in [8, 64, 1000, 1 << 30] {
            let p = root + "/cache-\(chunk)"
            cache.save(path: p, chunk: chunk)
            saved.append(try files(p))
            let again = try #require(BuildCache.load(path: p, generator: Site.generator), "chunk \(chunk)")
            #expect(again.seeds.count == cache.seeds.count && again.jobs.count == cache.jobs.count)
            #expect(again.cachedItems() == cache.cachedItems() && !again.cachedItems().isEmpty)
            #expect(again.inputs == cache.inputs && again.manifestHash == cache.manifestHash && again.output == cache.output)
        }
        #expect(saved.allSatisfy { $0 == saved[0] }, "every piece size writes the same bytes")
        #expect(saved[0] == (try files(path)), "and the build's own files")
    }

    /// Seeds go to shards by a stable hash of their name, spread over all of them.
    @Test func seedsAreSpreadOverTheShards() {
        let shards = (0..<2000).map { BuildCache.shard(of: String(format: "%06d_x.txt", $0)) }
        #expect(Set(shards).count == BuildCache.shardCount)
        #expect(shards.allSatisfy { (0..<BuildCache.shardCount).contains($0) })
        #expect(BuildCache.shard(of: "000123_abc.txt") == BuildCache.shard(of: "000123_abc.txt"))
    }
}
