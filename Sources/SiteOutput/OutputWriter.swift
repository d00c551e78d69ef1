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

/// Stage 5: publishes the rendered files as the output folder, atomically.
///
/// Publishing, for an output folder `DIR/NAME`:
/// 1. **Lock.** `flock` on `DIR/.NAME.sitegen-lock` (created if missing, never deleted; it
///    holds the pid of the build holding it). A second build publishing to the same folder
///    says `another sitegen build is writing NAME/ (pid N); waiting…` and waits its turn,
///    so two builds never interleave. The kernel drops the lock when a build dies, even by
///    SIGKILL, so a lock is never stale.
/// 2. **Leftovers.** A build killed earlier may have left `DIR/.NAME.sitegen-staging` (a
///    half-written new site, or a fully published old one being deleted) or, where the
///    swap falls back to two renames, `DIR/.NAME.sitegen-old`. Both are beside the output,
///    never inside it, so they are harmless; they are removed here (an `-old` folder with
///    no output folder is the previous site and is put back first).
/// 3. **Stage.** Every file is written into the staging folder (same file system as the
///    output, so the swap is a rename); files in the output that sitegen did not generate
///    (a `CNAME`, a verification file) are copied over: the previous `.sitegen-manifest`
///    tells which files are ours.
/// 4. **Swap.** `renameat2(RENAME_EXCHANGE)` exchanges staging and output in one step:
///    at every instant the output folder is the complete old site or the complete new one.
///    Where the kernel or file system cannot exchange (not Linux, or `EINVAL`), two renames
///    are used, and step 2 of the next build repairs the instant between them.
/// 5. **Clean.** The old site (now under the staging name) is deleted.
///
/// Durability: by default nothing is fsynced. Atomicity against a crashed or killed build
/// does not need it (the kernel keeps written data), and a 10,000-page site would pay for
/// it on every build; after a power loss a rebuild restores the site. With `durable` (or
/// `SITEGEN_FSYNC=1`) one `syncfs` flushes the staged site before the swap and the parent
/// folder is fsynced after it, so the swap is never persisted before the files it names.
public struct OutputWriter: Sendable {
    public static let manifestName = ".sitegen-manifest"

    public let output: String
    /// Flush the staged site to stable storage before the swap (see above).
    public var durable: Bool
    /// Told when another build holds the lock, before waiting for it.
    public var onWait: @Sendable (String) -> Void

    public init(output: String, durable: Bool = ProcessInfo.processInfo.environment["SITEGEN_FSYNC"] == "1",
                onWait: @escaping @Sendable (String) -> Void = OutputWriter.printToStandardError) {
        self.output = output
        self.durable = durable
        self.onWait = onWait
    }

    public static let printToStandardError: @Sendable (String) -> Void = { message in
        FileHandle.standardError.write(Data(("sitegen: " + message + "\n").utf8))
    }

    public struct Report: Sendable {
        public var written: Int
        public var bytes: Int
        /// Files found in the output that sitegen did not make, kept in place.
        public var kept: [String]
    }

    /// The sibling paths used while publishing `output`.
    public struct Paths: Sendable, Equatable {
        public var output: String
        public var parent: String
        public var staging: String
        public var old: String
        public var lock: String
        /// Display name, `NAME/`.
        public var display: String
    }

    public var paths: Paths {
        let url = URL(fileURLWithPath: output).standardizedFileURL
        let parent = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        let base = parent.hasSuffix("/") ? parent : parent + "/"
        return Paths(output: url.path, parent: parent, staging: base + "." + name + ".sitegen-staging",
                     old: base + "." + name + ".sitegen-old", lock: base + "." + name + ".sitegen-lock",
                     display: output.hasSuffix("/") ? output : output + "/")
    }

    /// - Throws: a `Diagnostic` naming the path that could not be written. The previous
    ///   output folder is then exactly as it was.
    public func publish(_ files: [OutputFile]) throws(Diagnostic) -> Report {
        let staging = try begin()
        for f in files {
            do throws(Diagnostic) { try staging.write(f) } catch { staging.abandon(); throw error }
        }
        return try staging.commit()
    }

    /// Steps 1 to 3: locks, repairs what a killed build left, and creates the staging folder.
    /// The files are then written through the returned `Staging`.
    public func begin() throws(Diagnostic) -> Staging {
        let p = paths
        do {
            try FileManager.default.createDirectory(atPath: p.parent, withIntermediateDirectories: true)
        } catch {
            throw Diagnostic.error(SourceLocation(path: p.parent), "cannot create the folder of the output: \(error.localizedDescription)", code: "output")
        }
        let lock = try Lock.acquire(p, onWait: onWait)
        do throws(Diagnostic) {
            try IncrementalWriter.rollForward(p)
            try Self.cleanLeftovers(p)
        } catch {
            lock.release()
            throw error
        }
        if mkdir(p.staging, 0o755) != 0 {
            let e = errno
            lock.release()
            throw Self.failure(p.staging, "cannot create staging folder", errno: e)
        }
        return Staging(writer: self, paths: p, lock: lock)
    }

    /// Puts the staged site in place of the output in one step where possible.
    static func swap(_ p: Paths) throws(Diagnostic) {
        var st = stat()
        let exists = lstat(p.output, &st) == 0
        if exists {
            if sitegen_exchange_paths(p.staging, p.output) == 0 { return }
            let e = errno
            guard e == ENOSYS || e == EINVAL || e == ENOTSUP || e == EOPNOTSUPP else {
                throw failure(p.output, "cannot replace the output folder", errno: e)
            }
            // No exchange here: two renames. A kill between them leaves `-old` and no output;
            // the next build's `cleanLeftovers` puts `-old` back before anything else.
            if rename(p.output, p.old) != 0 { throw failure(p.output, "cannot move the old output folder aside", errno: errno) }
            if rename(p.staging, p.output) != 0 {
                let e2 = errno
                _ = rename(p.old, p.output)
                throw failure(p.output, "cannot replace the output folder", errno: e2)
            }
            return // the caller removes the old site, now under the `-old` name
        }
        if sitegen_rename_noreplace(p.staging, p.output) == 0 { return }
        let e = errno
        if e == EEXIST { throw failure(p.output, "the output folder appeared while publishing; not replaced", errno: e) }
        if rename(p.staging, p.output) != 0 { throw failure(p.output, "cannot create the output folder", errno: errno) }
    }

    /// Removes what a killed build left beside the output (under the lock, so no build is
    /// using them): a staging folder, and an `-old` folder (restored first if the output
    /// folder is missing, i.e. the build died between the two fallback renames).
    static func cleanLeftovers(_ p: Paths) throws(Diagnostic) {
        var st = stat()
        if lstat(p.old, &st) == 0 {
            var ost = stat()
            if lstat(p.output, &ost) != 0 {
                if rename(p.old, p.output) != 0 { throw failure(p.old, "cannot restore the previous output folder", errno: errno) }
            } else {
                removeTree(p.old)
            }
        }
        if lstat(p.staging, &st) == 0 {
            removeTree(p.staging)
            if lstat(p.staging, &st) == 0 {
                throw Diagnostic.error(SourceLocation(path: p.staging), "cannot remove the staging folder left by an interrupted build", code: "output")
            }
        }
    }

    /// Writes a new file (never follows or replaces an existing one). Returns 0 or an errno.
    static func writeFile(_ path: String, _ bytes: [UInt8]) -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        if fd < 0 { return errno }
        var err: Int32 = bytes.withUnsafeBytes { FileIO.writeAll(fd, $0) } ? 0 : errno
        if close(fd) != 0 && err == 0 { err = errno }
        return err
    }

    static func fsyncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { _ = fsync(fd); close(fd) }
    }

    static func failure(_ path: String, _ what: String, errno e: Int32) -> Diagnostic {
        .error(SourceLocation(path: path), what + ": " + String(cString: strerror(e)), code: "output")
    }

    /// A generated path must stay inside the output folder: relative, no `..`, no NUL,
    /// no empty or dot components, and of a length the file system accepts.
    static func checkPath(_ p: String) throws(Diagnostic) {
        if !isSafePath(p) { throw Diagnostic.error(SourceLocation(path: p), "refusing to write outside the output folder", code: "output") }
    }

    /// One pass over the bytes (every file of a build is checked; splitting the path into
    /// substrings was a percent of a build).
    static func isSafePath(_ p: String) -> Bool {
        return p.withUTF8Bytes { u -> Bool in
            if u.isEmpty || u.count > 1024 { return false }
            var start = 0 // first byte of the current component
            for i in 0...u.count {
                let c: UInt8 = i < u.count ? u[i] : 0x2F
                if c == 0 { return false }
                guard c == 0x2F else { continue }
                let n = i - start
                if n == 0 || n > 255 { return false } // empty (a leading `/` or `//`) or too long
                if u[start] == 0x2E && (n == 1 || (n == 2 && u[start + 1] == 0x2E)) { return false } // `.` or `..`
                start = i + 1
            }
            return true
        }
    }

    static func readManifest(_ output: String) -> Set<String>? {
        guard let data = FileManager.default.contents(atPath: output + "/" + manifestName) else { return nil }
        return Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
    }

    /// Relative paths of the regular files and symbolic links under `dir`, sorted (one
    /// `readdir` pass; `FileManager`'s enumerator stats every entry twice).
    static func listFiles(_ dir: String) -> [String] {
        var out: [String] = []
        walk(dir, "") { rel, isDir in if !isDir { out.append(rel) } }
        return out.sorted()
    }

    /// Removes a folder tree with `unlink`/`rmdir` (several times faster than `FileManager`
    /// for a 10,000-page site). Missing is fine.
    static func removeTree(_ path: String) {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        if (st.st_mode & S_IFMT) != S_IFDIR { unlink(path); return }
        var dirs: [String] = []
        walk(path, "") { rel, isDir in
            if isDir { dirs.append(rel) } else { unlink(path + "/" + rel) }
        }
        for d in dirs.reversed() { rmdir(path + "/" + d) }
        if rmdir(path) != 0 { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Depth-first walk (a folder is reported before its contents); symbolic links are
    /// reported as files and never followed.
    static func walk(_ root: String, _ rel: String, _ visit: (String, Bool) -> Void) {
        guard let d = opendir(rel.isEmpty ? root : root + "/" + rel) else { return }
        defer { closedir(d) }
        while let e = readdir(d) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let child = rel.isEmpty ? name : rel + "/" + name
            var isDir = Int32(e.pointee.d_type) == Int32(DT_DIR)
            if Int32(e.pointee.d_type) == Int32(DT_UNKNOWN) {
                var st = stat()
                isDir = lstat(root + "/" + child, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
            }
            visit(child, isDir)
            if isDir { walk(root, child, visit) }
        }
    }

    /// The publishing lock: `flock` on a file beside the output.
    struct Lock {
        let fd: Int32

        static func acquire(_ p: Paths, onWait: (String) -> Void) throws(Diagnostic) -> Lock {
            let fd = open(p.lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            if fd < 0 { throw failure(p.lock, "cannot open the lock file", errno: errno) }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let e = errno
                guard e == EWOULDBLOCK || e == EINTR else {
                    close(fd)
                    throw failure(p.lock, "cannot lock", errno: e)
                }
                var buf = [UInt8](repeating: 0, count: 32)
                let n = pread(fd, &buf, buf.count, 0)
                let holder = n > 0 ? String(decoding: buf[..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : ""
                onWait("another sitegen build is writing \(p.display) (pid \(holder.isEmpty ? "?" : holder)); waiting…")
                while flock(fd, LOCK_EX) != 0 {
                    if errno == EINTR { continue }
                    let e = errno
                    close(fd)
                    throw failure(p.lock, "cannot lock", errno: e)
                }
            }
            let pid = Array("\(getpid())\n".utf8)
            _ = ftruncate(fd, 0)
            _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
            return Lock(fd: fd)
        }

        func release() {
            _ = flock(fd, LOCK_UN)
            close(fd)
        }
    }
}
