import Diagnostics

extension DiagnosticCode {
    /// The template is not a mapping, or a section has the wrong shape.
    package static let invalidTemplate = DiagnosticCode("MR2001")
    /// The template has no `Resources` mapping.
    package static let missingResources = DiagnosticCode("MR2002")
    /// A resource is not a mapping, has no `Type`, or its `Properties` is not a mapping.
    package static let invalidResource = DiagnosticCode("MR2003")
    /// An intrinsic function name that CloudFormation does not define.
    package static let unknownIntrinsic = DiagnosticCode("MR2010")
    /// An intrinsic function with arguments of the wrong shape.
    package static let invalidIntrinsicArguments = DiagnosticCode("MR2011")
    /// A `Ref`, `Fn::GetAtt`, `Fn::Sub` or condition that names nothing in the template.
    package static let undefinedName = DiagnosticCode("MR2012")
    /// Conditions or resource names that refer to themselves through a chain.
    package static let circularReference = DiagnosticCode("MR2013")
    /// Intrinsic functions nested beyond the evaluation limit.
    package static let evaluationTooDeep = DiagnosticCode("MR2014")
    /// A value that depends on a condition (`Fn::If`); both branches are kept.
    package static let conditionalValue = DiagnosticCode("MR2015")
    /// A value imported from another stack (`Fn::ImportValue`), unknown here.
    package static let importedValue = DiagnosticCode("MR2016")
    /// A `Fn::FindInMap` key that the mapping does not contain.
    package static let mappingKeyNotFound = DiagnosticCode("MR2017")
    /// An intrinsic function or transform whose result is known only at deploy time.
    package static let unevaluatedIntrinsic = DiagnosticCode("MR2018")
    /// A property that SAM does not allow in `Globals`.
    package static let propertyNotAllowedInGlobals = DiagnosticCode("MR2020")
    /// Function code that is not in a local folder (S3 object, image, inline code).
    package static let codeNotLocal = DiagnosticCode("MR2021")
    /// A function whose code location is missing or invalid.
    package static let invalidCode = DiagnosticCode("MR2022")
    /// `Policies` on a SAM function that also sets `Role`: SAM ignores them.
    package static let policiesIgnored = DiagnosticCode("MR2023")
    /// An event source, destination or other function property of the wrong shape.
    package static let invalidFunctionProperty = DiagnosticCode("MR2024")
    /// A `Policies` entry that is neither a name, an ARN, a statement list nor a SAM template.
    package static let invalidPolicyEntry = DiagnosticCode("MR2025")
    /// A SAM `Policies` entry names a policy template SAM does not define (warning).
    package static let unknownPolicyTemplate = DiagnosticCode("MR2026")
    /// Template discovery stopped at a limit.
    package static let discoveryLimit = DiagnosticCode("MR2030")
}
