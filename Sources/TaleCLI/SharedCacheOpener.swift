import Foundation
import TaleBuild
import TaleCore
import TaleOutput
import TalePublish

/// Opens the shared cache that `--cache` or tale.yaml's `cache:` names: `s3://bucket/prefix` in
/// S3-compatible storage (credentials as `tale publish` takes them; the endpoint from
/// `--cache-endpoint`, `AWS_ENDPOINT_URL_S3` or `AWS_ENDPOINT_URL`, else AWS), or a folder,
/// relative to the project.
enum SharedCacheOpener {
    static func open(_ location: String, project: URL, endpoint: String?, environment: [String: String]) throws(TaleError) -> SharedBookCache {
        let tool = SharedBookCache.toolIdentity(version: TaleVersion.current, project: project)
        guard location.hasPrefix("s3://") else {
            let folder = location.hasPrefix("/") ? URL(fileURLWithPath: location) : project.appending(path: location)
            return SharedBookCache(store: DirectoryStore(folder: folder), tool: tool)
        }
        guard let place = S3Location(location) else {
            throw .usage("'\(location)' is not an S3 location for the cache; write it like s3://my-bucket/tale-cache")
        }
        guard let credentials = AWSCredentials.fromEnvironment(environment) else {
            throw .usage("the cache \(location) needs credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials)")
        }
        let url = endpoint ?? environment["AWS_ENDPOINT_URL_S3"] ?? environment["AWS_ENDPOINT_URL"]
        if let url, !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
            throw .usage("the cache's endpoint must start with https:// or http://; found '\(url)'")
        }
        let client = S3Client.connecting(to: place.bucket, endpoint: url, region: S3Client.region(in: environment), credentials: credentials)
        let local = DirectoryStore(folder: project.appending(path: ".tale-cache/shared-blobs"))
        return SharedBookCache(store: S3Store(client: client, location: place, local: local), tool: tool)
    }
}
