import Foundation
import Testing
import TaleHTTP
import TalePublish
import TaleTestSupport

/// moto's S3 server with the recording proxy in front (Fixtures/s3_stack.py), started and stopped per test.
final class S3Stack {
    let process = Process()
    let motoPort: Int, proxyPort: Int
    static let secret = "CANARY-secret-Zq9XwV7"
    static let environment = ["AWS_ACCESS_KEY_ID": "AKIDTALETEST", "AWS_SECRET_ACCESS_KEY": secret, "AWS_REGION": "us-east-1"]

    init(bucket: String = "shelf") throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Support.fixtures.appending(path: "s3_stack.py").path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = pipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let ports = try JSONSerialization.jsonObject(with: line) as? [String: Int] ?? [:]
        motoPort = ports["moto"] ?? 0
        proxyPort = ports["proxy"] ?? 0
        aws(["s3api", "create-bucket", "--bucket", bucket])
    }

    var proxyEndpoint: String { "http://127.0.0.1:\(proxyPort)" }

    /// Runs the AWS CLI against moto directly.
    @discardableResult
    func aws(_ arguments: [String]) -> (status: Int32, out: String, err: String) {
        Support.run(URL(fileURLWithPath: "/usr/bin/env"), ["aws", "--endpoint-url", "http://127.0.0.1:\(motoPort)"] + arguments,
                    environment: S3Stack.environment)
    }

    /// Every key in the bucket.
    func keys(_ bucket: String = "shelf") throws -> [String] {
        let result = aws(["s3api", "list-objects-v2", "--bucket", bucket, "--query", "Contents[].Key", "--output", "json"])
        return (try JSONSerialization.jsonObject(with: Data(result.out.utf8), options: .fragmentsAllowed) as? [String] ?? []).sorted()
    }

    /// The HEAD of one object as the AWS CLI reports it.
    func head(_ key: String, bucket: String = "shelf") throws -> [String: Any] {
        let result = aws(["s3api", "head-object", "--bucket", bucket, "--key", key])
        return try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any] ?? [:]
    }

    /// The requests the proxy has seen, as (method, path).
    func proxyLog() async throws -> [(method: String, path: String)] {
        let response = try await HTTPClient().send(HTTPRequest(url: proxyEndpoint + "/__proxy/log"))
        let rows = try JSONSerialization.jsonObject(with: Data(response.body)) as? [[String]] ?? []
        return rows.map { ($0[0], $0[1]) }
    }

    /// Sets the proxy's fault rules.
    func faults(_ rules: [[String: Any]]) async throws {
        let body = try JSONSerialization.data(withJSONObject: rules)
        _ = try await HTTPClient().send(HTTPRequest(method: "POST", url: proxyEndpoint + "/__proxy/faults", body: Array(body)))
    }

    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
