import Foundation
import Templating

/// `sitegen init DIR`: a new digest that builds at once.
public enum Scaffold {
    public enum Failure: Error, CustomStringConvertible {
        case notEmpty(String)
        case notAFolder(String)
        case io(String)

        public var description: String {
            switch self {
            case .notEmpty(let d): return "\(d) is not empty; `sitegen init` only creates a digest in a new or empty folder"
            case .notAFolder(let d): return "\(d) exists and is not a folder"
            case .io(let m): return m
            }
        }
    }

    /// The files created, relative to the new digest's folder, with their contents.
    public static var files: [(path: String, contents: String)] {
        var out: [(String, String)] = [
            ("README.md", readme),
            ("seeds/_site.yml", siteConfig),
            ("seeds/001_premiere-depeche.txt", exampleSeed),
            ("seeds/001_premiere-depeche.yml", exampleSidecar),
        ]
        for (name, contents) in DefaultTemplates.files.sorted(by: { $0.key < $1.key }) {
            out.append(("Templates/" + name, contents))
        }
        return out
    }

    /// Creates the digest in `dir` (created if missing). Refuses a non-empty folder.
    /// Returns the relative paths written.
    @discardableResult
    public static func create(at dir: String) throws(Failure) -> [String] {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: dir, isDirectory: &isDir) {
            guard isDir.boolValue else { throw .notAFolder(dir) }
            let entries = (try? fm.contentsOfDirectory(atPath: dir)) ?? []
            guard entries.isEmpty else { throw .notEmpty(dir) }
        }
        var written: [String] = []
        for (rel, contents) in files {
            let path = dir + "/" + rel
            do {
                try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
            } catch {
                throw .io("cannot write \(path): \(error.localizedDescription)")
            }
            written.append(rel)
        }
        return written
    }

    static let siteConfig = """
    # Site configuration for sitegen. Every key is optional; unknown keys are errors.
    # Values shown are examples; delete a line to get the default.

    # Name of the digest, shown in every page's header and in the feeds.
    title: "Mon digest de dépêches"
    # One sentence for the home page, the feed and search engines.
    description: "Les dépêches, par date, par personnalité et par thème."
    # Absolute URL where Public/ will be published (feeds and the sitemap need it).
    # For GitHub Pages: https://USER.github.io/REPOSITORY/
    baseURL: "https://example.org/digest/"
    # Language of the pages (the html lang attribute).
    language: fr
    # IANA time zone in which dispatch dates are read (feed timestamps).
    timeZone: Asia/Ho_Chi_Minh
    # Dispatches on the home page, entries in the feeds, dispatches per tag page.
    homeCount: 20
    feedCount: 50
    pageSize: 200

    """

    static let exampleSeed = """
     date 2025-08-29 Une première dépêche pour essayer le digest

    Hanoï, 29 août (VNA) - Le ministre des Affaires étrangères, Bui Thanh Son, a reçu le 28 août à Hanoï une délégation de journalistes venus présenter un nouveau digest de dépêches.

    Les deux parties ont salué les progrès de la coopération dans le domaine de l'information et sont convenues de renforcer les échanges entre les agences de presse.

    Photo : VNA

    Remplacez ce fichier par vos propres dépêches : un fichier .txt par dépêche, tel qu'il a été récupéré.

    VNA/CVN

    """

    static let exampleSidecar = """
    # Sidecar of 001_premiere-depeche.txt: editorial facts that win over what is parsed.
    # Every key is optional. Dates: YYYY-MM-DD, YYYY-MM or --MM-DD.
    title: "Une première dépêche pour essayer le digest"
    date: 2025-08-29
    place: Hanoï
    # eventDate: 2025-08-28
    # tags: {add: [presse], drop: []}
    # officials: {add: [{name: "Bui Thanh Son", role: "ministre des Affaires étrangères"}], drop: []}

    """

    static let readme = """
    # A dispatch digest

    Built with **sitegen**. The site is generated from `seeds/` and `Templates/` into `Public/`.

    ## Everyday commands

    ```sh
    sitegen serve            # preview on http://127.0.0.1:1111/, rebuilds and reloads as you edit
    sitegen check            # everything worth fixing: errors, warnings, broken links (nothing written)
    sitegen check --strict   # the same, failing on warnings too
    sitegen build            # write the site to Public/
    ```

    ## Files

    | file | what it is |
    |---|---|
    | `seeds/*.txt` | raw dispatches, one per file, as scraped |
    | `seeds/*.md` | hand-written dispatches (YAML front matter + Markdown) |
    | `seeds/NAME.yml` | a sidecar: facts for `NAME.txt` that win over parsing (title, date, place, tags, officials) |
    | `seeds/_site.yml` | site configuration (commented) |
    | `seeds/_topics.yml` | optional topic vocabulary: `topic: [keywords, "phrases"]` |
    | `Templates/` | the theme: Mustache templates and assets; delete a file to use the built-in default |

    When `check` says a dispatch has an incomplete date or a derived title, supply the fact in the
    seed's sidecar (`date: 2025-08-29`, `title: "…"`); the warning disappears.

    """
}
