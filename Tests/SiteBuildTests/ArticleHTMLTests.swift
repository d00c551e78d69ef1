import Foundation
@testable import SiteBuild
import TestSupport
import Testing

/// The article body's block quotes become figures in one pass from `<` to `<`; it must give
/// what replacing the two tags in the text gives.
@Suite struct ArticleFigureTests {
    @Test func blockQuotesBecomeFiguresAsAReplacementWould() {
        var random = SeededRandom(seed: 0xF16)
        let pieces = ["<blockquote>\n", "</blockquote>", "<blockquote>", "<p>", "</p>\n", "<", ">", "a", "é", "\n", "</block", "quote>"]
        for _ in 0..<3000 {
            let text = random.text(from: pieces, count: random.below(20))
            let expected = text.replacingOccurrences(of: "<blockquote>\n", with: "<figure class=\"photo\">\n<figcaption>\n")
                .replacingOccurrences(of: "</blockquote>", with: "</figcaption>\n</figure>")
            let found = Array(text.utf8).withUnsafeBufferPointer { ArticleHTML.captionsAsFigures($0, after: Array("<x>".utf8)) }
            #expect(String(decoding: found, as: UTF8.self) == "<x>" + expected, "\(text)")
        }
    }
}
