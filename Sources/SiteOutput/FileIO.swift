import DispatchModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plain POSIX file writes. Foundation's `createFile` writes atomically through a temporary
/// file and a rename, which on a site of ten thousand pages doubles the file-system work;
/// the output stage already makes publishing atomic as a whole, so each file is written once.
public enum FileIO {
    /// Writes all of `buf` to `fd` (retrying short and interrupted writes); on failure `errno`
    /// says why.
    public static func writeAll(_ fd: Int32, _ buf: UnsafeRawBufferPointer) -> Bool {
        var done = 0
        while done < buf.count {
            let n = Glibc.write(fd, buf.baseAddress! + done, buf.count - done)
            if n < 0 { if errno == EINTR { continue }; return false }
            done += n
        }
        return true
    }

    /// Creates or truncates `path` and writes `bytes`. Returns false on any failure.
    public static func write(_ bytes: [UInt8], to path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return bytes.withUnsafeBytes { writeAll(fd, $0) }
    }

    /// `mkdir -p`, remembering folders already made in this run.
    public static func makeDirectories(_ path: String, known: inout Set<String>) -> Bool {
        if path.isEmpty || known.contains(path) { return true }
        if mkdir(path, 0o755) == 0 || errno == EEXIST { known.insert(path); return true }
        if errno == ENOENT {
            let parent = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
            guard !parent.isEmpty, parent != path, makeDirectories(parent, known: &known) else { return false }
            if mkdir(path, 0o755) == 0 || errno == EEXIST { known.insert(path); return true }
        }
        return false
    }

    /// Puts a file written by `fill` (into the descriptor it is given) at `path`, for a file
    /// whose loss only costs time (the build cache), never leaving a partial file or a
    /// temporary name behind, even if the process is killed while writing: it is written
    /// unnamed (`O_TMPFILE`) in `path`'s folder, then the old file is removed and the new one
    /// linked in its place. Killed between the two, there is no file at `path`; two builds
    /// racing, one of them keeps its file. Where the file system has no unnamed files, a
    /// named temporary and a rename. Returns whether the file was put in place.
    public static func writeDisposable(at path: String, _ fill: (Int32) -> Bool) -> Bool {
        #if os(Linux)
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[..<$0]) } ?? "."
        // O_TMPFILE is `__O_TMPFILE | O_DIRECTORY`, a macro Swift does not import.
        let unnamed = open(dir.isEmpty ? "/" : dir, 0o20000000 | O_DIRECTORY | O_WRONLY | O_CLOEXEC, 0o644)
        if unnamed >= 0 {
            defer { close(unnamed) }
            guard fill(unnamed) else { return false }
            unlink(path)
            return linkat(AT_FDCWD, "/proc/self/fd/\(unnamed)", AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0
        }
        #endif
        let tmp = path + ".sitegen-tmp"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        let ok = fill(fd)
        close(fd)
        guard ok, rename(tmp, path) == 0 else { unlink(tmp); return false }
        return true
    }

    public static func read(_ path: String) -> [UInt8]? {
        if case .bytes(let b) = read(path, limit: Int.max) { return b }
        return nil
    }

    public enum ReadOutcome: Sendable {
        case bytes([UInt8])
        /// Larger than the limit (its size): refused before anything is read.
        case tooLarge(Int)
        case failed
    }

    /// The file's bytes, unless it is larger than `limit` (checked on the open file, so the
    /// check and the read see the same file).
    public static func read(_ path: String, limit: Int) -> ReadOutcome {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failed }
        defer { close(fd) }
        // Sized by fstat (seeds are a few kilobytes: a fixed 64 KB chunk per file cost more
        // than the read), then read to the end in case the file grew meanwhile.
        var st = stat()
        let size = fstat(fd, &st) == 0 && st.st_size > 0 ? Int(st.st_size) : 0
        if size > limit { return .tooLarge(size) }
        // Uninitialized: zeroing a buffer the read overwrites at once costs as much as the
        // read itself for the build cache's tens of megabytes.
        var count = 0
        var failed = false
        var out = [UInt8](unsafeUninitializedCapacity: size + 1) { buf, initialized in
            while count < buf.count {
                let n = Glibc.read(fd, buf.baseAddress! + count, buf.count - count)
                if n < 0 { if errno == EINTR { continue }; failed = true; break }
                if n == 0 { break }
                count += n
            }
            initialized = count
        }
        if failed { return .failed }
        // A full buffer means the file grew since `fstat`: read on to its end.
        if count == size + 1 {
            while true {
                if count == out.count { out += [UInt8](repeating: 0, count: max(out.count, 1 << 16)) }
                let n = out.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
                if n < 0 { if errno == EINTR { continue }; return .failed }
                if n == 0 { break }
                count += n
                if count > limit { return .tooLarge(count) }
            }
        }
        out.removeLast(out.count - count)
        return .bytes(out)
    }
}
