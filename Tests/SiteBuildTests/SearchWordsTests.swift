import DispatchModel
import DispatchParsing
import OfficialsExtraction
@testable import SiteBuild
import SiteModel
import Tagging
import TestSupport
import Testing

@Suite struct SearchWordsTests {
    /// Pieces where tokens and the folded text's runs of `a-z0-9` part ways: glued words
    /// (split into two tokens, one run), numbers followed by letters, punctuation that folds
    /// to a digit or to nothing, elisions, hyphens, case in numbers, non-Latin letters.
    static let pieces = ["TranKim", "Premierministre", "1er", "5G", "15E", "km²", "m\u{00B2}", "ab\u{00AD}cd", "\u{00AD}",
                         "COVID-19", "l'importance", "d\u{2019}Hanoï", "aujourd'hui", "Hô Chi Minh-Ville", "Ệ", "œuvre",
                         "ﬁn", "Москва", "北京", "1.234,5", "3.618", "20e", "e", "É", "x", "-", "'", ",", ".", "(", "«", "»",
                         "–", "…", "\u{A0}", "\u{202F}", "\u{200B}", " ", " ", " ", "M.", "D.C.", "VNA", "½", "№", "€", "™", "😀", "\u{212A}", "\u{0301}", "e\u{0301}"]

    /// On random texts made of those pieces, the words taken from the tokens are the words of
    /// the folded text (`words(of:)`, the definition the search script shares).
    @Test func wordsFromTokensAreTheWordsOfTheFoldedText() {
        var rng = SeededRandom(seed: 11)
        var total = 0
        for _ in 0..<3000 {
            func text() -> String { rng.text(from: Self.pieces, count: rng.below(12)) }
            var body: [Block] = []
            for _ in 0..<rng.below(4) {
                body.append(rng.below(3) == 0 ? .caption(Caption(text: text(), credit: "Photo: VNA")) : .paragraph(text()))
            }
            let d = Dispatch(file: "x.txt", title: text(), place: rng.below(2) == 0 ? text() : nil,
                             lead: rng.below(2) == 0 ? text() : nil, body: body)
            let fromTokens = SearchWords.Collector.words(tokens: DispatchTokens(d), place: d.place)
            let fromText = SearchWords.Collector.words(of: d)
            let words = fromTokens.split(separator: " ")
            #expect(Set(words) == Set(fromText.split(separator: " ")), "\(d.title) | \(d.lead ?? "") | \(d.body)")
            #expect(words.count == Set(words).count, "distinct")
            total += words.count
        }
        #expect(total > 10000)
    }

    /// A seed's `searchWords`, taken from the dispatch's tokens while it loads, are the
    /// distinct words the search index would read from the dispatch's text itself: the real
    /// seeds, hand-written ones and 200 generated dispatches.
    @Test func wordsFromTheTokensAreTheWordsOfTheText() throws {
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
