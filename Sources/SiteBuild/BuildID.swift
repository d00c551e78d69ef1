#if canImport(Glibc)
import Glibc
#endif

/// The running executable's GNU build ID: a hash of its linked contents that the linker
/// writes into the binary (`.note.gnu.build-id`). It identifies a sitegen binary for the
/// build cache as well as hashing the whole file does, reading a few hundred bytes of ELF
/// headers instead of the whole executable (tens of megabytes) on every build. Nil where
/// there is none (then the caller hashes the file).
enum BuildID {
    static let current: [UInt8]? = read(path: "/proc/self/exe")

    static func read(path: String) -> [UInt8]? {
        #if os(Linux)
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        func bytes(_ offset: Int, _ count: Int) -> [UInt8]? {
            guard count > 0, count < 1 << 20 else { return nil }
            var out = [UInt8](repeating: 0, count: count)
            let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, count, off_t(offset)) }
            return n == count ? out : nil
        }
        func u16(_ b: [UInt8], _ o: Int) -> Int { Int(b[o]) | Int(b[o + 1]) << 8 }
        func u32(_ b: [UInt8], _ o: Int) -> Int { u16(b, o) | u16(b, o + 2) << 16 }
        func u64(_ b: [UInt8], _ o: Int) -> Int { u32(b, o) | u32(b, o + 4) << 32 }
        // 64-bit little-endian ELF only (what this toolchain produces); anything else: nil.
        guard let h = bytes(0, 64), h[0] == 0x7F, h[1] == 0x45, h[2] == 0x4C, h[3] == 0x46,
              h[4] == 2, h[5] == 1 else { return nil }
        let phoff = u64(h, 32), phentsize = u16(h, 54), phnum = u16(h, 56)
        guard phentsize >= 56, let ph = bytes(phoff, phentsize * phnum) else { return nil }
        for i in 0..<phnum where u32(ph, i * phentsize) == 4 { // PT_NOTE
            let offset = u64(ph, i * phentsize + 8), size = u64(ph, i * phentsize + 32)
            guard let note = bytes(offset, size) else { continue }
            var k = 0
            while k + 12 <= note.count {
                let namesz = u32(note, k), descsz = u32(note, k + 4), type = u32(note, k + 8)
                let name = k + 12, desc = name + ((namesz + 3) & ~3)
                guard desc + descsz <= note.count else { break }
                // NT_GNU_BUILD_ID, owner "GNU\0"
                if type == 3, namesz == 4, note[name..<(name + 4)].elementsEqual([0x47, 0x4E, 0x55, 0]), descsz > 0 {
                    return Array(note[desc..<(desc + descsz)])
                }
                k = desc + ((descsz + 3) & ~3)
            }
        }
        return nil
        #else
        return nil
        #endif
    }
}
