using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Digibank.Api.GraphQL.Transport;
using Digibank.Api.Observability;
using Digibank.Api.Tests.Courses;
using Digibank.Api.Tests.Dashboard;
using Digibank.Api.Tests.GraphQL.TrustedDocuments;
using Digibank.Api.Tests.Notifications;
using Digibank.Api.Tests.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Api.Tests.Observability;

public sealed class GraphQLTelemetryTests(ObservedApiFactory api) : IClassFixture<ObservedApiFactory>
{
    private const string EntityFrameworkSource = "OpenTelemetry.Instrumentation.EntityFrameworkCore";

    private TelemetryCapture Capture => api.Capture;

    [Fact]
    public async Task A_catalogue_query_is_traced_from_the_request_through_the_operation_to_its_SQL()
    {
        const string query = "query TracedCatalogue { courses(first: 5) { totalCount nodes { id title partner { name } } } }";

        await api.CreateGraphQLClient().QueryAsync(query);

        var expectedHash = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));
        var operation = await Capture.WaitForSpanAsync(span => span.Source.Name == DigibankTelemetry.GraphQLSourceName && Tag(span, DigibankTelemetry.Attributes.OperationName) == "TracedCatalogue");
        Assert.Equal("query TracedCatalogue", operation.DisplayName);
        Assert.Equal("query", Tag(operation, DigibankTelemetry.Attributes.OperationType));
        Assert.Equal(expectedHash, Tag(operation, DigibankTelemetry.Attributes.DocumentHash));
        Assert.Equal(expectedHash, Digibank.Api.GraphQL.TrustedDocuments.TrustedDocument.IdOf(query));

        var request = await Capture.WaitForSpanAsync(span => span.SpanId == operation.ParentSpanId);
        Assert.Equal(ActivityKind.Server, request.Kind);
        Assert.Equal("POST /graphql", request.DisplayName);

        var statements = Capture.Spans.Snapshot().Where(span => span.Source.Name == EntityFrameworkSource && span.ParentSpanId == operation.SpanId).ToList();
        Assert.NotEmpty(statements);
        Assert.All(statements, statement =>
        {
            Assert.Equal(operation.TraceId, statement.TraceId);
            Assert.DoesNotContain(statement.TagObjects, tag => tag.Key.StartsWith(ParameterValuesRemover.ParameterPrefix, StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task The_operation_duration_is_measured_per_operation_with_names_kept_short_and_anonymous_ones_named_so()
    {
        var longName = "Measured" + new string('x', 80);
        var client = api.CreateGraphQLClient();
        await client.QueryAsync("query MeasuredCatalogue { courses(first: 2) { nodes { id } } }");
        await client.QueryAsync($"query {longName} {{ __typename }}");
        await client.QueryAsync("{ __typename }");

        var duration = Assert.Single(Capture.CollectMetrics().Where(metric => metric.Name == DigibankTelemetry.Instruments.OperationDuration).TakeLast(1));
        Assert.Equal("s", duration.Unit);
        var operations = duration.MetricPoints
            .Select(point => TelemetryCapture.TagsOf(point).ToDictionary(tag => tag.Key, tag => (string?)tag.Value))
            .ToList();
        Assert.Contains(operations, tags => tags[DigibankTelemetry.Attributes.OperationName] == "MeasuredCatalogue" && tags[DigibankTelemetry.Attributes.OperationType] == "query");
        Assert.Contains(operations, tags => tags[DigibankTelemetry.Attributes.OperationName] == longName[..GraphQLTelemetry.MaxOperationNameLength]);
        Assert.Contains(operations, tags => tags[DigibankTelemetry.Attributes.OperationName] == DigibankTelemetry.OperationNames.Anonymous);
        var catalogue = duration.MetricPoints.First(point => TelemetryCapture.TagsOf(point).Any(tag => (string?)tag.Value == "MeasuredCatalogue"));
        Assert.True(catalogue.GetHistogramCount() >= 1);
    }

    [Fact]
    public async Task Once_callers_used_up_the_operation_names_a_partner_site_s_trusted_operation_keeps_its_own()
    {
        await using var fresh = new ObservedApiFactory();
        const string SiteTowns = "query SiteTowns { municipalities { totalCount } }";
        await fresh.RegisterTrustedDocumentsAsync("ligo-website", SiteTowns);
        var client = fresh.CreateGraphQLClient();
        for (var i = 0; i < GraphQLTelemetry.MaxOperationNames; i++)
        {
            await client.QueryAsync($"query Filler{i} {{ __typename }}");
        }

        await client.QueryAsync("query LateUntrusted { __typename }");
        var trusted = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/graphql?documentId={Digibank.Api.GraphQL.TrustedDocuments.TrustedDocument.IdOf(SiteTowns)}"));

        Assert.Equal(4, (int)trusted.Data!["municipalities"]!["totalCount"]!);
        var names = fresh.Capture.CollectMetrics()
            .Where(metric => metric.Name == DigibankTelemetry.Instruments.OperationDuration)
            .SelectMany(metric => metric.MetricPoints)
            .SelectMany(point => TelemetryCapture.TagsOf(point))
            .Where(tag => tag.Key == DigibankTelemetry.Attributes.OperationName)
            .Select(tag => (string?)tag.Value)
            .ToHashSet();
        Assert.Contains("SiteTowns", names);
        Assert.Contains(DigibankTelemetry.OperationNames.Other, names);
        Assert.DoesNotContain("LateUntrusted", names);
    }

    [Fact]
    public async Task Personal_data_sent_in_a_mutation_reaches_no_span_metric_or_log_line()
    {
        // Letters only, as a first name has: the hex digits of a new id moved to the letters a–p.
        var unique = string.Concat(Guid.NewGuid().ToString("N")[..8].Select(digit => (char)('a' + Convert.ToInt32(digit.ToString(), 16))));
        var firstName = $"Wendelien{unique}";
        var email = $"wendelien.{unique}@example.org";
        var digits = $"047{Random.Shared.Next(0, 9_999_999):0000000}";
        var phone = $"{digits[..4]} {digits[4..6]} {digits[6..8]} {digits[8..]}";
        var course = await TestCourses.AddAsync(api, capacity: 5);

        // One way to reach a person per sign-up: one resident gives an e-mail address, the other a mobile number.
        var byEmail = await SignUpAsync(course, firstName, email, phone: null);
        await SignUpAsync(course, firstName + "a", email: null, phone);
        // The consumers (partner feed, notifications, dashboard) get the event too, and the messages go out: their telemetry counts as well.
        await api.UntilQuietAsync();

        var mutation = await Capture.WaitForSpanAsync(span => span.Source.Name == DigibankTelemetry.GraphQLSourceName && Tag(span, DigibankTelemetry.Attributes.OperationType) == "mutation");
        Assert.Equal(DigibankTelemetry.OperationNames.Anonymous, Tag(mutation, DigibankTelemetry.Attributes.OperationName));
        Assert.NotNull((string?)byEmail["signUp"]!["id"]);

        var exported = new List<string>();
        foreach (var span in Capture.Spans.Snapshot())
        {
            exported.Add(span.DisplayName);
            exported.Add(span.StatusDescription ?? string.Empty);
            exported.AddRange(span.TagObjects.Select(tag => $"{tag.Key}={Text(tag.Value)}"));
            exported.AddRange(span.Events.SelectMany(spanEvent => spanEvent.Tags.Select(tag => $"{spanEvent.Name} {tag.Key}={Text(tag.Value)}")));
            exported.AddRange(span.Baggage.Select(item => $"{item.Key}={item.Value}"));
        }

        foreach (var metric in Capture.CollectMetrics())
        {
            exported.AddRange(metric.MetricPoints.SelectMany(point => TelemetryCapture.TagsOf(point).Select(tag => $"{metric.Name} {tag.Key}={Text(tag.Value)}")));
        }

        var logLines = Capture.Logs.Lines.Snapshot();
        Assert.Contains(logLines, line => line.Contains("\"Category\":\"Microsoft.EntityFrameworkCore.Database.Command\"", StringComparison.Ordinal));
        Assert.Contains(exported, text => text.Contains("INSERT", StringComparison.OrdinalIgnoreCase));
        foreach (var secret in new[] { firstName, email, digits, digits[1..], phone })
        {
            Assert.DoesNotContain(exported, text => text.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(logLines, line => line.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }

        Assert.Contains(Capture.CollectMetrics(), metric => metric.Name == DigibankTelemetry.Instruments.SignUps);
    }

    [Fact]
    public async Task Our_log_lines_inside_a_GraphQL_operation_carry_the_request_id_and_the_operation_span()
    {
        await api.CreateGraphQLClient().QueryAsync("query LoggedCatalogue { courses(first: 1) { nodes { id } } }");

        var operation = await Capture.WaitForSpanAsync(span => Tag(span, DigibankTelemetry.Attributes.OperationName) == "LoggedCatalogue");
        var line = Capture.Logs.Lines.Snapshot().Single(line => line.Contains("LoggedCatalogue", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(line);
        Assert.Equal(typeof(GraphQLTelemetry).FullName, json.RootElement.GetProperty("Category").GetString());
        var scopes = json.RootElement.GetProperty("Scopes").EnumerateArray().ToList();
        Assert.Contains(scopes, scope => scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty("RequestId", out var requestId) && requestId.GetString() is { Length: > 0 });
        Assert.Contains(scopes, scope => scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty("TraceId", out var traceId) && traceId.GetString() == operation.TraceId.ToHexString());
    }

    [Fact]
    public async Task A_partner_gRPC_call_has_a_server_span_with_its_method()
    {
        var partner = await PartnerSyncClient.ForAsync(api, "bib-poperinge");

        await partner.ChangesAsync();

        var call = await Capture.WaitForSpanAsync(span => span.Kind == ActivityKind.Server && span.DisplayName.Contains("WatchSignUpChanges", StringComparison.Ordinal));
        Assert.Equal("grpc", Tag(call, "rpc.system.name"));
        Assert.Equal("digibank.partners.v1.PartnerSync/WatchSignUpChanges", Tag(call, "rpc.method"));
        Assert.Equal("OK", Tag(call, "rpc.response.status_code"));
    }

    [Fact]
    public async Task Subscriptions_over_a_WebSocket_are_counted_while_they_run_and_their_operation_is_traced()
    {
        var active = api.Services.GetRequiredService<ActiveSubscriptions>();
        var before = active.Count;
        await using (var client = await GraphQLWebSocketClient.ConnectAndInitAsync(api))
        {
            await client.SubscribeAsync("s", "subscription CountedEvents { signUpChanged { kind } }");
            Assert.Equal(before + 1, active.Count);
            await Capture.WaitForSpanAsync(span => span.DisplayName == "subscription CountedEvents");
            Assert.Contains(Capture.CollectMetrics(), metric => metric.Name == DigibankTelemetry.Instruments.ActiveSubscriptions);
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (active.Count != before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(before, active.Count);
    }

    private async Task<System.Text.Json.Nodes.JsonNode> SignUpAsync(string course, string firstName, string? email, string? phone)
    {
        var payload = (await api.CreateGraphQLClient().QueryAsync(Residents.SignUpMutation, new
        {
            input = new { courseId = course, firstName, email, phone, smsConsent = phone is not null, municipalityId = await TestCourses.MunicipalityIdAsync(api), targetGroup = "SENIORS", consent = true },
        }))["signUpForCourse"]!;
        Assert.True(payload["errors"]!.AsArray().Count == 0, payload.ToJsonString());
        return payload;
    }

    private static string? Tag(Activity span, string key) => span.GetTagItem(key) is { } value ? Text(value) : null;

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        System.Collections.IEnumerable items => string.Join(",", items.Cast<object?>()),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
