import DispatchModel
import Foundation
import SiteModel
import Templating
import TestSupport
import Testing

@Suite struct TemplateSyncTests {
    /// The repository's Templates/ and the defaults embedded in the binary must be the same
    /// files. `SITEGEN_SYNC_TEMPLATES=1` regenerates DefaultTemplates.swift from Templates/.
    @Test func embeddedDefaultsMatchTheTemplatesFolder() throws {
        let dir = TestPaths.packageRoot + "/Templates"
        var onDisk: [String: String] = [:]
        for rel in Tree.files(dir) { onDisk[rel] = Tree.read(dir + "/" + rel) }
        if ProcessInfo.processInfo.environment["SITEGEN_SYNC_TEMPLATES"] == "1" {
            var src = """
            // Generated from Templates/ — do not edit by hand. After changing a file in Templates/,
            // run `SITEGEN_SYNC_TEMPLATES=1 swift test --filter TemplateSyncTests` to refresh this file.

            /// The default theme, embedded so that `sitegen` runs with no Templates folder.
            public enum DefaultTemplates {
                /// Relative path in a templates folder -> contents.
                public static let files: [String: String] = [

            """
            for (rel, text) in onDisk.sorted(by: { $0.key < $1.key }) {
                #expect(!text.contains("\"\"\"#"))
                src += "        \"\(rel)\": #\"\"\"\n\(text)\n\"\"\"#,\n"
            }
            src += "    ]\n}\n"
            try src.write(toFile: TestPaths.packageRoot + "/Sources/Templating/DefaultTemplates.swift", atomically: true, encoding: .utf8)
            return
        }
        #expect(Set(onDisk.keys) == Set(DefaultTemplates.files.keys), "Templates/ and the embedded defaults list different files")
        for (rel, text) in onDisk {
            #expect(DefaultTemplates.files[rel] == text, "Templates/\(rel) differs from the embedded default; run SITEGEN_SYNC_TEMPLATES=1 swift test --filter TemplateSyncTests")
        }
    }
}

@Suite struct TemplateSetTests {
    @Test func defaultsLoadWithoutAFolder() throws {
        let t = try TemplateSet(directory: nil)
        #expect(t.assets["assets/style.css"] != nil)
        #expect(t.overridden.isEmpty)
    }

    @Test func aFileInTheFolderOverridesOnlyThatTemplate() throws {
        let dir = TestPaths.makeTemporaryFolder("tpl")
        try "<p>{{pageTitle}} personnalisé</p>".write(toFile: dir + "/404.mustache", atomically: true, encoding: .utf8)
        let t = try TemplateSet(directory: dir)
        #expect(t.overridden == ["404.mustache"])
        #expect(t.render("404", ["pageTitle": "<x>"]) == "<p>&lt;x&gt; personnalisé</p>")
        #expect(t.render("sitemap", ["urls": [["loc": "u"]]]).contains("<loc>u</loc>"))
    }

    @Test func aBrokenTemplateIsAnErrorNamingTheFile() throws {
        let dir = TestPaths.makeTemporaryFolder("tpl-bad")
        try "line one\n{{#open}}never closed".write(toFile: dir + "/home.mustache", atomically: true, encoding: .utf8)
        do {
            _ = try TemplateSet(directory: dir)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix(dir + "/home.mustache"))
            #expect(error.severity == .error)
        }
    }
}
