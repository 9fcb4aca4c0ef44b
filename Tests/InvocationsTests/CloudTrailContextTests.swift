import PolicyModel
import TestSupport
import Testing

@testable import Invocations

@Suite struct CloudTrailContextTests {
    private func onlyCall(_ event: String) throws -> RecordedCall {
        let project = TemporaryProject(files: ["trail.json": Fixture.logFile([event])])
        let result = readCalls([.cloudTrail(path: project.root + "/trail.json")])
        #expect(result.calls.count == 1)
        return try #require(result.calls.first)
    }

    @Test func setsGlobalKeysFromEvent() throws {
        let event = Fixture.event(
            source: "s3.amazonaws.com", name: "GetObject", parameters: #"{"bucketName":"b","key":"k"}"#,
            extra:
                #""vpcEndpointId":"vpce-0abc","tlsDetails":{"tlsVersion":"TLSv1.3","cipherSuite":"TLS_AES_128_GCM_SHA256"},"#
                + #""eventCategory":"Data","errorCode":"AccessDenied","errorMessage":"Access Denied","#)
        let call = try onlyCall(event)
        let context = call.request.context
        #expect(context["aws:CurrentTime"] == ContextValue("2026-11-30T10:15:30Z"))
        #expect(context["aws:EpochTime"] == ContextValue("1796033730"))
        #expect(context["aws:SourceIp"] == ContextValue("203.0.113.7"))
        #expect(context["aws:SourceVpce"] == ContextValue("vpce-0abc"))
        #expect(context["aws:RequestedRegion"] == ContextValue("us-east-1"))
        #expect(context["aws:UserAgent"] == ContextValue("Boto3/1.35.0"))
        #expect(context["aws:PrincipalArn"] == ContextValue(Fixture.roleARN))
        #expect(context["aws:PrincipalAccount"] == ContextValue("123456789012"))
        #expect(context["aws:SecureTransport"] == ContextValue("true"))
        #expect(context["s3:TlsVersion"] == ContextValue("1.3"))
        #expect(context["aws:MultiFactorAuthPresent"] == ContextValue("false"))
        #expect(context["aws:ViaAWSService"] == ContextValue("false"))
        #expect(context["aws:SourceVpc"] == nil)
        #expect(call.request.principal == Fixture.sessionARN)
        #expect(call.eventTime == "2026-11-30T10:15:30Z")
        #expect(call.recordedError == "AccessDenied")
        #expect(call.isDataEvent)
    }

    @Test func buildsOnlyTheKeysARoleNames() throws {
        let event = Fixture.event(
            source: "s3.amazonaws.com", name: "GetObject", parameters: #"{"bucketName":"b","key":"k"}"#,
            extra: #""vpcEndpointId":"vpce-0abc","#)
        let project = TemporaryProject(files: ["trail.json": Fixture.logFile([event])])
        var limits = InvocationReader.Limits()
        limits.contextKeys = ["aws:sourcevpce", "aws:principalarn"]
        let result = readCalls([.cloudTrail(path: project.root + "/trail.json")], limits: limits)
        let context = try #require(result.calls.first).request.context
        #expect(Set(context.keys) == ["aws:SourceVpce", "aws:PrincipalArn"])
        limits.contextKeys = []
        let none = readCalls([.cloudTrail(path: project.root + "/trail.json")], limits: limits)
        #expect(try #require(none.calls.first).request.context.isEmpty)
    }

    @Test func leavesOutServiceHostAsSourceIp() throws {
        let event = Fixture.event(source: "sts.amazonaws.com", name: "GetCallerIdentity")
            .replacing(#""sourceIPAddress":"203.0.113.7""#, with: #""sourceIPAddress":"lambda.amazonaws.com""#)
        let call = try onlyCall(event)
        #expect(call.request.context["aws:SourceIp"] == nil)
        #expect(call.request.context["aws:ViaAWSService"] == ContextValue("true"))
        #expect(!call.isDataEvent)
        #expect(call.recordedError == nil)
    }

    @Test func fillsConditionKeysFromParameters() throws {
        let listing = try onlyCall(
            Fixture.event(
                source: "s3.amazonaws.com", name: "ListObjects", parameters: #"{"bucketName":"b","prefix":"in/"}"#))
        #expect(listing.request.context["s3:prefix"] == ContextValue("in/"))
        let metrics = try onlyCall(
            Fixture.event(
                source: "monitoring.amazonaws.com", name: "PutMetricData", parameters: #"{"namespace":"Orders"}"#))
        #expect(metrics.request.context["cloudwatch:namespace"] == ContextValue("Orders"))
    }

    @Test(arguments: [
        ("1970-01-01T00:00:00Z", 0), ("2000-02-29T12:00:00Z", 951_825_600), ("2026-11-30T10:15:30Z", 1_796_033_730),
        ("2026-11-30T10:15:30.123Z", 1_796_033_730),
    ])
    func convertsEventTime(_ text: String, _ seconds: Int) {
        #expect(EpochTime.seconds(fromISO8601: text) == seconds)
    }

    @Test(arguments: ["", "2026-13-01T00:00:00Z", "2026-11-30 10:15:30Z", "2026-11-30T10:15:30+01:00", "yesterday"])
    func rejectsOtherTimeForms(_ text: String) {
        #expect(EpochTime.seconds(fromISO8601: text) == nil)
    }
}
