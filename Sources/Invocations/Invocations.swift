/// Recorded invocations: CloudTrail events, AccessDenied messages from SDK logs and JSON Lines
/// of requests, read as a stream of authorization requests.
package enum Invocations {}
