import Foundation
import Testing
@testable import DispatchParsing

@Test(.enabled(if: ProcessInfo.processInfo.environment["SITEGEN_DUMP"] != nil))
func dumpFiles() throws {
    for path in ProcessInfo.processInfo.environment["SITEGEN_DUMP"]!.split(separator: ":") {
        let bytes = [UInt8](FileManager.default.contents(atPath: String(path))!)
        print("=== \(path)\n" + dump(DispatchParser().parse(bytes: bytes, file: String(path.split(separator: "/").last!), path: String(path))))
    }
}
