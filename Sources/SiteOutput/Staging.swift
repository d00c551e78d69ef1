import CSiteOutputSupport
import DispatchModel
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A site being published (steps 3 to 5 of `OutputWriter`): holds the lock, takes files as
/// they are rendered (from any thread) into the staging folder, then swaps it in (`commit`)
/// or removes it (`abandon`). A build can thus write each page as soon as it exists and
/// forget it, instead of holding the whole site in memory until the end. Until `commit`
/// returns, the output folder is untouched; a `Staging` dropped without either is abandoned.
public final class Staging: @unchecked Sendable {
    public let writer: OutputWriter
    public let paths: OutputWriter.Paths
    private var lock: OutputWriter.Lock?
    private let mutex = NSLock()
    private var madeDirs: Set<String>
    private var generated = Set<String>()
    private var bytes = 0

    init(writer: OutputWriter, paths: OutputWriter.Paths, lock: OutputWriter.Lock) {
        self.writer = writer
        self.paths = paths
        self.lock = lock
        madeDirs = [paths.staging]
    }

    deinit { abandon() }

    /// The staged copy of a file already written (to re-read a page after the fact).
    public func read(_ path: String) -> [UInt8]? {
        FileIO.read(paths.staging + "/" + path)
    }

    /// Puts a file of the current output into the staging folder as a hard link, for a page
    /// whose inputs did not change: reused, not rendered or written again (and no new inode,
    /// which is most of what writing a file costs on ext4). Only a regular file is linked.
    /// Returns false when it cannot be; the caller then abandons, as after a failed `write`.
    public func link(existing source: String, as path: String) -> Bool {
        guard (try? claim(path)) != nil else { return false }
        var st = stat()
        guard lstat(source, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG,
              linkat(AT_FDCWD, source, AT_FDCWD, paths.staging + "/" + path, 0) == 0 else { return false }
        added(Int(st.st_size))
        return true
    }

    /// Writes one generated file into the staging folder.
    /// - Throws: a `Diagnostic` naming the file (a path outside the folder, a duplicate, a
    ///   write error). The caller then abandons.
    public func write(_ f: OutputFile) throws(Diagnostic) {
        try claim(f.path)
        let err = OutputWriter.writeFile(paths.staging + "/" + f.path, f.contents)
        if err != 0 { throw OutputWriter.failure(writer.output + "/" + f.path, "cannot write output file", errno: err) }
        added(f.contents.count)
    }

    /// Checks a generated path, records it (each path once) and makes its folder.
    private func claim(_ path: String) throws(Diagnostic) {
        try OutputWriter.checkPath(path)
        let output = writer.output
        if path == OutputWriter.manifestName {
            throw Diagnostic.error(SourceLocation(path: output + "/" + path), "a generated file would replace the manifest", code: "output")
        }
        var dir = paths.staging
        if let slash = path.utf8.lastIndex(of: 0x2F) { dir += "/" + path[..<slash] }
        mutex.lock()
        let fresh = generated.insert(path).inserted
        // mkdir(2) directly, under the mutex (FileManager stats every component of every path).
        let made = fresh && (madeDirs.contains(dir) || FileIO.makeDirectories(dir, known: &madeDirs))
        mutex.unlock()
        guard fresh else {
            throw Diagnostic.error(SourceLocation(path: output + "/" + path), "two generated files have the same path", code: "output")
        }
        guard made else {
            throw Diagnostic.error(SourceLocation(path: output + "/" + String(dir.dropFirst(paths.staging.count + 1))),
                                   "cannot create output folder (does a generated file have this name?)", code: "output")
        }
    }

    private func added(_ count: Int) {
        mutex.lock()
        bytes += count
        mutex.unlock()
    }

    /// Keeps the files an editor put in the output folder, writes the manifest and swaps the
    /// staged site in. On failure the staging folder is removed and the output left alone.
    public func commit() throws(Diagnostic) -> OutputWriter.Report {
        let p = paths
        let output = writer.output
        let fm = FileManager.default
        func abandoned(_ d: Diagnostic) -> Diagnostic {
            abandon()
            return d
        }
        var kept: [String] = []
        let previous = OutputWriter.readManifest(p.output)
        for rel in OutputWriter.listFiles(p.output) where rel != OutputWriter.manifestName && !generated.contains(rel) && !(previous?.contains(rel) ?? false) {
            let dest = p.staging + "/" + rel
            try? fm.createDirectory(atPath: (dest as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            do {
                try fm.copyItem(atPath: p.output + "/" + rel, toPath: dest)
                kept.append(rel)
            } catch {
                throw abandoned(.error(SourceLocation(path: output + "/" + rel), "cannot keep this file (not made by sitegen): \(error.localizedDescription)", code: "output"))
            }
        }
        let manifest = generated.sorted().joined(separator: "\n") + "\n"
        let merr = OutputWriter.writeFile(p.staging + "/" + OutputWriter.manifestName, Array(manifest.utf8))
        if merr != 0 { throw abandoned(OutputWriter.failure(output + "/" + OutputWriter.manifestName, "cannot write the manifest", errno: merr)) }

        if writer.durable {
            let fd = open(p.staging, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if fd >= 0 { _ = sitegen_syncfs(fd); close(fd) }
        }
        do throws(Diagnostic) {
            try OutputWriter.swap(p)
        } catch {
            throw abandoned(error)
        }
        if writer.durable { OutputWriter.fsyncDirectory(p.parent) }
        // The old site now has the staging name; a kill during this removal leaves a
        // staging folder that the next build removes.
        OutputWriter.removeTree(p.staging)
        OutputWriter.removeTree(p.old)
        lock?.release()
        lock = nil
        return OutputWriter.Report(written: generated.count, bytes: bytes, kept: kept.sorted())
    }

    /// Removes the staging folder and releases the lock; the output is as it was.
    public func abandon() {
        guard let l = lock else { return }
        OutputWriter.removeTree(paths.staging)
        l.release()
        lock = nil
    }
}
