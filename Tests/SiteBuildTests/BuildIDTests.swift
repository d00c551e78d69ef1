import Foundation
@testable import SiteBuild
import Testing

@Suite struct BuildIDTests {
    /// The build ID read from memory is the one the linker wrote into the executable file,
    /// so it changes with the binary (and the build cache with it).
    @Test func theBuildIDReadFromMemoryIsInTheExecutable() throws {
        #if os(Linux)
        let id = try #require(BuildID.current, "the toolchain links with --build-id")
        #expect(id.count >= 8)
        let exe = try #require(FileManager.default.contents(atPath: "/proc/self/exe"))
        #expect(exe.range(of: Data(id)) != nil)
        #endif
    }
}
