import DispatchModel
import Foundation
@testable import SiteBuild
import TestSupport
import Testing

@Suite struct BuildCacheTests {
    /// The cache is written in pieces and hashed as it goes: any piece size gives the same
    /// file, which loads back (its checksum holds) and saves again to the same bytes.
    @Test func writtenInPiecesItIsTheSameFileAndLoads() throws {
        let root = TestPaths.makeTemporaryFolder("cache-pieces")
        let corpus = try Corpus.generate(count: 200)
        var o = BuildOptions()
        o.seeds = corpus + "/seeds"
        o.output = root + "/Public"
        #expect(Site(options: o).build().published)
        let path = BuildCache.defaultPath(output: o.output)
        let cache = try #require(BuildCache.load(path: path, generator: Site.generator))
        var files: [[UInt8]] = []
        for chunk in [8, 64, 1000, 1 << 30] {
            let p = root + "/cache-\(chunk)"
            cache.save(path: p, chunk: chunk)
            files.append(try #require(FileManager.default.contents(atPath: p)).map { $0 })
            let again = try #require(BuildCache.load(path: p, generator: Site.generator), "chunk \(chunk)")
            #expect(again.seeds.count == cache.seeds.count && again.jobs.count == cache.jobs.count)
        }
        #expect(Set(files).count == 1, "every piece size writes the same bytes")
        #expect(files[0] == (try #require(FileManager.default.contents(atPath: path))).map { $0 }, "and the build's own file")
    }
}
