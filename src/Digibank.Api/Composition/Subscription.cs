using Digibank.Api.Dashboard;
using GraphQL.Types;

namespace Digibank.Api.Composition;

/// <summary>The root subscription: each feature adds its own fields.</summary>
public sealed class Subscription : ObjectGraphType
{
    public Subscription()
    {
        Name = "Subscription";
        this.AddDashboardSubscriptions();
    }
}
