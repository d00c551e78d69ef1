import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A raw HTTP/1.1 client over a blocking socket, for tests: it sends the request line exactly
/// as given (no URL normalisation, unlike URLSession, so `..` and `%2e%2e` reach the server),
/// only to 127.0.0.1, with send and receive timeouts. Runs on its own thread so that a long
/// poll never blocks Swift's cooperative pool.
enum HTTPTestClient {
    struct Response: Sendable {
        var status: Int
        var headers: [String: String]
        var body: String
        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    static func get(_ port: UInt16, _ target: String, method: String = "GET", timeout: Double = 30) async throws -> Response {
        try await withCheckedThrowingContinuation { (c: CheckedContinuation<Response, any Error>) in
            Thread { c.resume(with: Result { try blockingRequest(port: port, target: target, method: method, timeout: timeout) }) }.start()
        }
    }

    static func blockingRequest(port: UInt16, target: String, method: String, timeout: Double) throws -> Response {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        defer { close(fd) }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - floor(timeout)) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let rc = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard rc == 0 else { throw Failure(description: "connect to 127.0.0.1:\(port) failed (errno \(errno))") }
        let request = Array("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n".utf8)
        guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, 0) }) == request.count else { throw Failure(description: "send failed") }
        var data: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 65536)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let n = buf.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 { data += buf[0..<n] } else if n == 0 { break } else { throw Failure(description: "recv failed or timed out (errno \(errno))") }
            if let r = parse(data, method: method), r.complete { return r.response }
        }
        guard let r = parse(data, method: method) else { throw Failure(description: "no complete HTTP response") }
        return r.response
    }

    static func parse(_ data: [UInt8], method: String) -> (response: Response, complete: Bool)? {
        let sep: [UInt8] = [13, 10, 13, 10]
        guard let end = (0..<max(0, data.count - 3)).first(where: { Array(data[$0..<($0 + 4)]) == sep }) else { return nil }
        let head = String(decoding: data[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let parts = head[0].split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let body = Array(data[(end + 4)...])
        let length = method == "HEAD" ? 0 : Int(headers["content-length"] ?? "") ?? -1
        let complete = length >= 0 && body.count >= length
        return (Response(status: status, headers: headers, body: String(decoding: body, as: UTF8.self)), complete)
    }
}
