import DeploymentModel
import Diagnostics
import Testing

@Suite("Parameters and conditions")
struct ParameterConditionTests {
    static let text = """
        Parameters:
          Stage: { Type: String, Default: dev }
          Bucket: { Type: String }
          DbUrl: { Type: "AWS::SSM::Parameter::Value<String>", Default: /shop/db-url }
          Subnets: { Type: "List<AWS::EC2::Subnet::Id>", Default: [subnet-1, subnet-2] }
        Conditions:
          IsProd: !Equals [!Ref Stage, prod]
          NotProd: !Not [!Condition IsProd]
          Both: !And [!Condition IsProd, { Condition: NotProd }]
          Either: { "Fn::Or": [!Condition IsProd, !Condition NotProd] }
          Unknowable: !Equals [!Ref Bucket, x]
        Resources:
          Probe:
            Type: Custom::Probe
            Properties:
              Value: !Ref Stage
              Bucket: !Ref Bucket
              DbUrl: !Ref DbUrl
              Subnets: !Ref Subnets
        """

    private func value(_ loaded: LoadedTemplate, _ property: String) -> TemplateValue? {
        loaded.template.resources["Probe"]?.properties?[property].map {
            loaded.template.evaluate($0, diagnostics: loaded.diagnostics)
        }
    }

    @Test func defaultUsedWithoutOverride() throws {
        let loaded = try LoadedTemplate(Self.text)

        // A string parameter stays symbolic so the policy holds for every stack; a list
        // parameter takes its default.
        #expect(value(loaded, "Value") == .parameter("Stage"))
        #expect(value(loaded, "Bucket") == .parameter("Bucket"))
        #expect(value(loaded, "Subnets") == .list([.literal("subnet-1"), .literal("subnet-2")]))
        #expect(loaded.template.parameterValues == [:])
        #expect(loaded.template.parameterDefaults == ["Stage": "dev", "Subnets": "subnet-1,subnet-2"])
    }

    @Test func overrideWinsOverDefault() throws {
        let loaded = try LoadedTemplate(Self.text, overrides: ["Stage": "prod", "Bucket": "orders"])

        #expect(value(loaded, "Value") == .literal("prod"))
        #expect(value(loaded, "Bucket") == .literal("orders"))
    }

    @Test func ssmParameterDefaultIsNotValue() throws {
        let loaded = try LoadedTemplate(Self.text)

        #expect(value(loaded, "DbUrl") == .parameter("DbUrl"))
    }

    @Test(arguments: [
        ("IsProd", false as Bool?), ("NotProd", true), ("Both", false), ("Either", true), ("Unknowable", nil),
    ])
    func conditionsEvaluate(_ name: String, _ expected: Bool?) throws {
        let loaded = try LoadedTemplate(Self.text)
        let location = loaded.template.conditions[name]!.location

        #expect(loaded.template.conditionValue(name, at: location, diagnostics: loaded.diagnostics) == expected)
    }

    @Test func conditionsFollowOverrides() throws {
        let loaded = try LoadedTemplate(Self.text, overrides: ["Stage": "prod"])
        let location = loaded.template.conditions["IsProd"]!.location

        #expect(loaded.template.conditionValue("IsProd", at: location, diagnostics: loaded.diagnostics) == true)
    }

    @Test func circularConditionsReported() throws {
        let loaded = try LoadedTemplate(
            """
            Conditions:
              A: !Condition B
              B: !And [!Condition C, !Equals [x, x]]
              C: !Not [!Condition A]
            Resources:
              Probe: { Type: Custom::Probe }
            """)

        let errors = loaded.diagnostics.diagnostics.filter { $0.code == .circularReference }
        #expect(errors.isEmpty == false)
        #expect(errors.first?.message == "conditions refer to each other in a cycle: A -> B -> C -> A")
        #expect(errors.first?.location?.file == "template.yaml")
    }

    @Test func undefinedConditionInIfReported() throws {
        let loaded = try LoadedTemplate(
            """
            Resources:
              Probe:
                Type: Custom::Probe
                Properties:
                  Value: !If [Missing, a, b]
            """)

        #expect(loaded.probe() == .choice(condition: "Missing", whenTrue: .literal("a"), whenFalse: .literal("b")))
        #expect(loaded.codes(.error) == [.undefinedName])
        #expect(loaded.messages(.error) == ["condition 'Missing' is not defined in the template"])
    }

    @Test func ifNoteGivesKnownValue() throws {
        let loaded = try LoadedTemplate(
            """
            Parameters:
              Stage: { Type: String, Default: dev }
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Resources:
              Probe:
                Type: Custom::Probe
                Properties:
                  Value: !If [IsProd, !Ref AWS::NoValue, b]
            """)

        #expect(
            loaded.probe()
                == .choice(condition: "IsProd", whenTrue: .pseudoParameter("AWS::NoValue"), whenFalse: .literal("b")))
        #expect(
            loaded.messages(.note) == [
                "value depends on condition 'IsProd'; both branches are kept (it is false with the current parameter values)"
            ])
    }
}
