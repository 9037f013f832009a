using GraphQL;
using GraphQL.Types;

namespace Digibank.Api.Composition;

public sealed class DigibankSchema : Schema
{
    public DigibankSchema(IServiceProvider services, Query query, Mutation mutation, Subscription subscription)
        : base(services)
    {
        Description = "Digibank regio Poperinge: courses, help points and loan devices of Poperinge, Heuvelland, Mesen and Vleteren.";
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
        // Tools introspect the schema with wide queries; the depth limit still applies to them.
        this.WithIntrospectionComplexityImpact(0);
    }
}
