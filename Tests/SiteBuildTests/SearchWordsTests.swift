import DispatchModel
import DispatchParsing
import OfficialsExtraction
@testable import SiteBuild
import SiteModel
import Tagging
import TestSupport
import Testing

@Suite struct SearchWordsTests {
    /// A seed's `searchWords`, taken from the tagger's folded text while it loads, are the
    /// distinct words the search index would read from the dispatch's text itself: the real
    /// seeds, hand-written ones and 200 generated dispatches.
    @Test func wordsFromTheTaggerAreTheWordsOfTheText() throws {
        let corpus = try Corpus.generate(count: 200)
        var seeds = try SeedSource(directory: corpus + "/seeds").seeds
        seeds += try SeedSource(directory: TestPaths.packageRoot + "/seeds").seeds
        #expect(seeds.count > 200)
        for seed in seeds {
            let outcome = Site.loadSeed(Site.SeedInput(seed), parser: DispatchParser(), extractor: OfficialsExtractor(), tagger: Tagger())
            guard var d = outcome.dispatch else { continue }
            let words = try #require(d.searchWords)
            d.searchWords = nil
            let fromText = SearchWords.Collector.words(of: d)
            #expect(Set(words.split(separator: " ")) == Set(fromText.split(separator: " ")), "\(seed.name)")
            #expect(words.split(separator: " ").count == Set(words.split(separator: " ")).count, "distinct")
        }
    }
}
