/// The IAM decision engine: given the policies that apply to a principal and one request,
/// decides allow, implicit deny or explicit deny as AWS does, with the deciding statements.
package enum PolicyEvaluation {}
