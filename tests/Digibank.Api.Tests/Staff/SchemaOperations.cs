using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Digibank.Api.Tests.Staff;

/// <summary>
/// Every root field of the running schema, read by introspection, as a request a client could send: its
/// arguments filled in, and every field below it selected a few levels deep, so a field added later is in it too.
/// </summary>
public sealed class SchemaOperations
{
    /// <summary>Object levels selected below a root field: enough to reach a resident's details, few enough for the limits.</summary>
    public const int SelectionDepth = 3;

    private const string Introspection = """
        {
          __schema {
            queryType { name } mutationType { name } subscriptionType { name }
            types {
              kind name
              fields { name args { name type { ...Ref } } type { ...Ref } }
              inputFields { name type { ...Ref } }
              enumValues { name }
              possibleTypes { name }
            }
          }
        }
        fragment Ref on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
        """;

    private readonly Dictionary<string, JsonNode> _types;
    private readonly Func<string, string> _idFor;
    private readonly Func<string, string> _dateTimeFor;
    private readonly bool _optionalIds = true;

    private SchemaOperations(SchemaOperations other, bool optionalIds)
    {
        (_types, _idFor, _dateTimeFor, _optionalIds) = (other._types, other._idFor, other._dateTimeFor, optionalIds);
        (Queries, Mutations, Subscriptions) = (other.Queries, other.Mutations, other.Subscriptions);
    }

    private SchemaOperations(JsonNode schema, Func<string, string> idFor, Func<string, string> dateTimeFor)
    {
        _types = schema["types"]!.AsArray().ToDictionary(type => (string)type!["name"]!, type => type!);
        _idFor = idFor;
        _dateTimeFor = dateTimeFor;
        Queries = RootFields(schema["queryType"]);
        Mutations = RootFields(schema["mutationType"]);
        Subscriptions = RootFields(schema["subscriptionType"]);
    }

    public IReadOnlyList<string> Queries { get; }

    public IReadOnlyList<string> Mutations { get; }

    public IReadOnlyList<string> Subscriptions { get; }

    /// <param name="client">The client that reads the schema, as the operations will run.</param>
    /// <param name="idFor">The global id to send for an argument or input field of that name (<c>helpPointId</c>, <c>ids</c>…).</param>
    /// <param name="dateTimeFor">The moment to send for a date-time of that name (<c>startsAt</c>, <c>to</c>…).</param>
    public static async Task<SchemaOperations> ReadAsync(GraphQLTestClient client, Func<string, string> idFor, Func<string, string> dateTimeFor) =>
        new((await client.QueryAsync(Introspection))["__schema"]!, idFor, dateTimeFor);

    /// <summary>The same operations with only the ids they require: a list without its optional help point is the caller's whole region's.</summary>
    public SchemaOperations WithoutOptionalIds() => new(this, optionalIds: false);

    public string Query(string field) => $"query {{ {Field("Query", field)} }}";

    public string Mutation(string field) => $"mutation {{ {Field("Mutation", field)} }}";

    public string Subscription(string field) => $"subscription {{ {Field("Subscription", field)} }}";

    private List<string> RootFields(JsonNode? root) =>
        root is null ? [] : [.. _types[(string)root["name"]!]["fields"]!.AsArray().Select(field => (string)field!["name"]!)];

    private string Field(string typeName, string fieldName)
    {
        var field = _types[typeName]["fields"]!.AsArray().Single(f => (string)f!["name"]! == fieldName)!;
        return Select(field, depth: 1, alias: null)!;
    }

    private string? Select(JsonNode field, int depth, string? alias)
    {
        var name = (string)field["name"]!;
        var arguments = field["args"]!.AsArray()
            .Where(argument => IsRequired(argument!["type"]!) || (_optionalIds && IsId(argument["type"]!)) || (string)argument["name"]! == "first")
            .Select(argument => $"{argument!["name"]}: {Value(argument["type"]!, (string)argument["name"]!)}")
            .ToList();
        var head = (alias is null ? name : $"{alias}: {name}") + (arguments.Count == 0 ? string.Empty : $"({string.Join(", ", arguments)})");
        var type = _types[NamedType(field["type"]!)];
        if ((string)type["kind"]! is "SCALAR" or "ENUM")
        {
            return head;
        }

        return depth > SelectionDepth ? null : $"{head} {{ {Selection(type, depth)} }}";
    }

    private string Selection(JsonNode type, int depth)
    {
        var selected = new List<string> { "__typename" };
        if ((string)type["kind"]! == "UNION")
        {
            // Members of a union may share a field name with different types; a prefix per member keeps them apart.
            foreach (var member in type["possibleTypes"]!.AsArray().Select(possible => _types[(string)possible!["name"]!]))
            {
                var memberName = (string)member["name"]!;
                var fields = member["fields"]!.AsArray().Select(field => Select(field!, depth + 1, $"{memberName}_{field!["name"]}")).OfType<string>();
                selected.Add($"... on {memberName} {{ {string.Join(' ', fields)} }}");
            }

            return string.Join(' ', selected);
        }

        selected.AddRange(type["fields"]!.AsArray().Select(field => Select(field!, depth + 1, alias: null)).OfType<string>());
        return string.Join(' ', selected);
    }

    private string Value(JsonNode typeReference, string name)
    {
        switch ((string)typeReference["kind"]!)
        {
            case "NON_NULL":
                return Value(typeReference["ofType"]!, name);
            case "LIST":
                return $"[{Value(typeReference["ofType"]!, name)}]";
        }

        var type = _types[(string)typeReference["name"]!];
        return ((string)type["kind"]!, (string)type["name"]!) switch
        {
            ("ENUM", _) => (string)type["enumValues"]![0]!["name"]!,
            ("INPUT_OBJECT", _) => "{ " + string.Join(", ", type["inputFields"]!.AsArray()
                .Where(field => IsRequired(field!["type"]!) || IsId(field["type"]!) || NamedType(field["type"]!) == "DateTime")
                .Select(field => $"{field!["name"]}: {Value(field["type"]!, (string)field["name"]!)}")) + " }",
            (_, "ID") => JsonSerializer.Serialize(_idFor(name)),
            (_, "DateTime") => JsonSerializer.Serialize(_dateTimeFor(name)),
            (_, "Int") => name == "first" ? "2" : "1",
            (_, "Float") => "1.5",
            (_, "Boolean") => "true",
            (_, "String") => JsonSerializer.Serialize(TextFor(name)),
            var other => throw new InvalidOperationException($"No value for a {other.Item2} ('{name}'); teach {nameof(SchemaOperations)} one."),
        };
    }

    private static string TextFor(string name) => name switch
    {
        "email" => "digibuddy-check@example.com",
        "phone" => "0470 12 34 56",
        "question" => "Ik wil leren werken met itsme",
        "documents" => "{ __typename }",
        "set" => "digibuddy-check",
        "cancellationToken" => "not-the-token-of-this-resident",
        "code" => "poperinge",
        _ => "Test",
    };

    private static bool IsRequired(JsonNode typeReference) => (string)typeReference["kind"]! == "NON_NULL";

    private static bool IsId(JsonNode typeReference) => NamedType(typeReference) == "ID";

    private static string NamedType(JsonNode typeReference) =>
        typeReference["ofType"] is { } inner ? NamedType(inner) : (string)typeReference["name"]!;

    /// <summary>The moment as the DateTime scalar takes it.</summary>
    public static string Format(DateTime moment) => moment.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
