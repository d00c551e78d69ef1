import DispatchModel
import Testing

@Suite struct DiagnosticOrderTests {
    /// `sortIfNeeded` leaves what `sort()` leaves: in order, ties (same place, same message,
    /// other code) in the order they came, whether the input was sorted already or not.
    @Test func sameAsSort() {
        var rng = SystemRandomNumberGenerator()
        for n in [0, 1, 2, 3, 10, 200] {
            for shuffled in [false, true] {
                var list: [Diagnostic] = (0..<n).map { i in
                    let loc = SourceLocation(path: "seeds/\(i % 7).txt", line: i % 5)
                    return i % 3 == 0 ? .warning(loc, "w", code: "c\(i)") : .error(loc, "e\(i % 2)", code: "c\(i)")
                }
                list.sort()
                if shuffled { list.shuffle(using: &rng) }
                var expected = list
                expected.sort()
                var got = list
                got.sortIfNeeded()
                #expect(got.map(\.description) == expected.map(\.description))
                #expect(got.map(\.code) == expected.map(\.code))
                #expect(zip(got, got.dropFirst()).allSatisfy { !($1 < $0) })
            }
        }
    }
}
