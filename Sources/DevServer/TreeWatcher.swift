import DispatchModel
import Foundation

/// Detects changes in a set of folders and files by polling: a fingerprint of every file's
/// path and content hash. Portable (no inotify), cheap: a file's content is re-hashed only when
/// its size or modification time changed, or when it was modified in the last two seconds
/// (coarse timestamps cannot tell two quick edits apart).
public final class TreeWatcher: @unchecked Sendable {
    public let folders: [String]
    public let files: [String]
    private var cache: [String: (size: Int, mtime: Double, hash: UInt64)] = [:]

    public init(folders: [String], files: [String] = []) {
        self.folders = folders
        self.files = files
    }

    /// Fingerprint of the whole watched set; changes when any file is added, removed or edited.
    /// Names starting with `.` and editor backups ending in `~` are ignored.
    public func fingerprint() -> UInt64 {
        var paths: [String] = []
        let fm = FileManager.default
        for folder in folders {
            guard let e = fm.enumerator(atPath: folder) else { continue }
            while let rel = e.nextObject() as? String {
                let name = (rel as NSString).lastPathComponent
                if name.hasPrefix(".") || name.hasSuffix("~") {
                    var isDir: ObjCBool = false
                    if fm.fileExists(atPath: folder + "/" + rel, isDirectory: &isDir), isDir.boolValue { e.skipDescendants() }
                    continue
                }
                paths.append(folder + "/" + rel)
            }
        }
        paths += files
        var h = StableHasher("tree")
        let now = Date().timeIntervalSince1970
        var seen = Set<String>()
        for p in paths.sorted() where seen.insert(p).inserted {
            guard let attrs = try? fm.attributesOfItem(atPath: p), attrs[.type] as? FileAttributeType != .typeDirectory else { continue }
            let size = (attrs[.size] as? NSNumber)?.intValue ?? -1
            let mtime = (attrs[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            let contentHash: UInt64
            if let c = cache[p], c.size == size, c.mtime == mtime, now - mtime > 2 {
                contentHash = c.hash
            } else {
                var fh = StableHasher()
                if let data = fm.contents(atPath: p) { data.withUnsafeBytes { fh.combine(buffer: $0) } }
                contentHash = fh.value
                cache[p] = (size, mtime, contentHash)
            }
            h.combine(p)
            h.combine(contentHash)
        }
        return h.value
    }
}
