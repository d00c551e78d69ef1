import Foundation
import SiteOutput
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct WriteDisposableTests {
    /// The new file replaces the old one and nothing else appears in the folder; a write that
    /// fails leaves the old file as it was.
    @Test func replacesTheFileAndLeavesNoOtherName() throws {
        let dir = TestPaths.makeTemporaryFolder("disposable")
        let path = dir + "/.cache"
        func put(_ text: String) -> Bool {
            FileIO.writeDisposable(at: path) { fd in
                Array(text.utf8).withUnsafeBytes { FileIO.writeAll(fd, $0) }
            }
        }
        #expect(put("first"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "first")
        #expect(put("second, longer"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second, longer")
        #expect(!FileIO.writeDisposable(at: path) { fd in
            _ = "partial".withCString { write(fd, $0, 7) }
            return false
        })
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second, longer")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == [".cache"])
    }
}
