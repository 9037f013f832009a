using System.Reflection;
using NetArchTest.Rules;

namespace Digibank.Api.Tests.Architecture;

/// <summary>
/// The rooms of the API and which may use which: features share the vocabulary and the infrastructure, never
/// each other in a loop; the vocabulary knows no feature; the GraphQL infrastructure knows no feature but who is asking;
/// the data layer knows the features' entities and none of their behaviour.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Api = typeof(Digibank.Api.Courses.Course).Assembly;

    public static readonly string[] Features =
    [
        "Accounts", "Balie", "Courses", "Dashboard", "Devices", "Finder", "HelpPoints", "HelpRequests", "Municipalities", "Notifications", "Observability", "Participants", "Partners", "Privacy", "Regions", "Reports", "SelfService", "Staff", "Sync",
    ];

    public static TheoryData<string, string> FeaturePairs()
    {
        var pairs = new TheoryData<string, string>();
        foreach (var first in Features)
        {
            foreach (var second in Features.Where(second => string.CompareOrdinal(first, second) < 0))
                pairs.Add(first, second);
        }

        return pairs;
    }

    [Theory]
    [MemberData(nameof(FeaturePairs))]
    public void Two_features_never_use_each_other_both_ways(string first, string second)
    {
        var firstUsesSecond = DependentTypes(first, second);
        var secondUsesFirst = DependentTypes(second, first);

        Assert.True(
            firstUsesSecond.Count == 0 || secondUsesFirst.Count == 0,
            $"{first} and {second} use each other: {string.Join(", ", firstUsesSecond)} use {second}; {string.Join(", ", secondUsesFirst)} use {first}.");
    }

    /// <summary>The classes that own a feature's rules; GraphQL resolvers, the gRPC service and partner uploads call them.</summary>
    public static readonly Type[] FeatureServices =
    [
        typeof(Digibank.Api.Courses.SignUpBook), typeof(Digibank.Api.Courses.SessionChanges), typeof(Digibank.Api.Devices.LendingDesk), typeof(Digibank.Api.HelpRequests.HelpDesk),
        typeof(Digibank.Api.Privacy.ParticipantPrivacy), typeof(Digibank.Api.Sync.WithdrawalHolds), typeof(Digibank.Api.Notifications.CallList),
        typeof(Digibank.Api.HelpPoints.ClosureBook), typeof(Digibank.Api.Finder.RegionalLexicon), typeof(Digibank.Api.Partners.TrustedDocumentRegistry),
        typeof(Digibank.Api.Participants.ParticipantRegister),
    ];

    [Fact]
    public void Feature_services_know_no_transport()
    {
        // A rule reached through GraphQL must hold just the same for a partner's upload or an erasure, so the class
        // that owns it cannot lean on a resolver's context, a graph type or a gRPC message.
        string[] transports = ["GraphQL", Namespace("GraphQL"), "Grpc", "Digibank.Partners", "Microsoft.AspNetCore"];
        var failing = FeatureServices
            .Select(service =>
            {
                var selected = Types.InAssembly(Api).That().ResideInNamespace(service.Namespace).And().HaveNameMatching($"^{service.Name}$");
                Assert.Single(selected.GetTypes());
                return selected.ShouldNot().HaveDependencyOnAny(transports).GetResult();
            })
            .SelectMany(result => result.FailingTypeNames ?? [])
            .ToList();

        Assert.True(failing.Count == 0, $"Feature services use a transport: {string.Join(", ", failing)}");
    }

    [Fact]
    public void Counter_pages_reach_the_store_only_through_their_features_services()
    {
        // A page shows and changes what a feature's service gives it: the rules stay in the feature, one home for the
        // page and the GraphQL mutation alike. A page that opened the database, a transaction or a feature's desk
        // itself would have a way around them.
        string[] aroundTheRules =
        [
            "Microsoft.EntityFrameworkCore", Namespace("Data"), typeof(Digibank.Api.Data.DigibankDbContext).FullName!, typeof(Digibank.Api.Data.StoreWork).FullName!,
            .. FeatureServices.Select(service => service.FullName!),
        ];
        var result = Types.InAssembly(Api).That().ResideInNamespaceStartingWith(Namespace("Balie"))
            .ShouldNot().HaveDependencyOnAny(aroundTheRules).GetResult();

        Assert.True(result.IsSuccessful, $"Counter pages reach past their services: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void The_vocabulary_uses_no_feature()
    {
        var result = Types.InAssembly(Api).That().ResideInNamespace(Namespace("Vocabulary"))
            .ShouldNot().HaveDependencyOnAny([.. Features.Select(Namespace)]).GetResult();

        Assert.True(result.IsSuccessful, $"The vocabulary uses features: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void The_GraphQL_infrastructure_uses_no_feature()
    {
        // The root types (Query, Mutation, Subscription, the schema) put the features' fields together; everything
        // below them (transport, paging, filtering, projection, loaders, limits, ids) serves every feature alike.
        // It knows who is asking (Staff: the transport authenticates, staff are never rate limited), nothing more.
        var result = Types.InAssembly(Api).That().ResideInNamespaceStartingWith(Namespace("GraphQL") + ".")
            .ShouldNot().HaveDependencyOnAny([.. Features.Where(feature => feature != "Staff").Select(Namespace)]).GetResult();

        Assert.True(result.IsSuccessful, $"GraphQL infrastructure uses features: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void The_data_layer_knows_the_features_entities_and_none_of_their_behaviour()
    {
        // Entities, the enums they hold and the types of their properties are data; graph types, services, events
        // and everything else a feature does are not, and the DbContext must not reach them.
        var featureTypes = Api.GetTypes()
            .Where(type => type.Namespace is { } name && Features.Any(feature => name == Namespace(feature) || name.StartsWith(Namespace(feature) + ".", StringComparison.Ordinal)))
            .Where(type => !type.IsNested && !type.Name.Contains('<', StringComparison.Ordinal))
            .ToList();
        var data = new HashSet<Type>(featureTypes.Where(type => typeof(Digibank.Api.Vocabulary.IEntity).IsAssignableFrom(type) || type.IsEnum));
        foreach (var entity in data.ToList())
        {
            foreach (var property in entity.GetProperties())
            {
                var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                data.UnionWith(featureTypes.Where(type => type == propertyType || (propertyType.IsGenericType && propertyType.GetGenericArguments().Contains(type))));
            }
        }

        var behaviour = featureTypes.Where(type => !data.Contains(type)).Select(type => type.FullName!).ToArray();
        var result = Types.InAssembly(Api).That().ResideInNamespaceStartingWith(Namespace("Data"))
            .ShouldNot().HaveDependencyOnAny(behaviour).GetResult();

        Assert.True(result.IsSuccessful, $"The data layer uses feature behaviour: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Every_folder_of_the_api_is_known_to_these_rules()
    {
        var known = Features.Concat(["Composition", "Data", "DemoRegion", "GraphQL", "Hosting", "Vocabulary"]).Select(Namespace).ToHashSet();
        var unknown = Api.GetTypes()
            .Select(type => type.Namespace)
            .OfType<string>()
            .Where(name => name.StartsWith("Digibank.Api.", StringComparison.Ordinal))
            .Select(name => string.Join('.', name.Split('.').Take(3)))
            .Where(name => !known.Contains(name))
            .Distinct()
            .ToList();

        Assert.Empty(unknown);
    }

    private static string Namespace(string folder) => $"Digibank.Api.{folder}";

    private static List<string> DependentTypes(string user, string used) =>
        [.. Types.InAssembly(Api).That().ResideInNamespace(Namespace(user)).And().HaveDependencyOn(Namespace(used)).GetTypes().Select(type => type.FullName!)];
}
