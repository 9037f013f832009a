using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Digibank.Api.GraphQL.Transport;
using Digibank.Api.Staff;
using GraphQL;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Digibank.Api.GraphQL.Limits;

public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary><c>--RateLimiting:Enabled false</c> turns every limit off (benchmarks and load tests).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Anonymous mutations that store a resident's details: sign-ups, reservations, help requests.</summary>
    public RateLimit AnonymousMutations { get; set; } = new() { Enabled = true, PermitLimit = 20, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Every GraphQL request (HTTP, or a WebSocket upgrade) from one address.</summary>
    public RateLimit Requests { get; set; } = new() { Enabled = false, PermitLimit = 600, Window = TimeSpan.FromMinutes(1) };
}

public sealed class RateLimit
{
    public bool Enabled { get; set; }

    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }
}

/// <summary>
/// Limits per client address, from ASP.NET Core's rate limiter: GraphQL requests (off by default) and the
/// anonymous mutations that store residents' details (on by default). Staff signed in with a token are never limited.
/// </summary>
public static class RateLimits
{
    public const string RequestPolicy = "graphql-requests";

    /// <summary>The root fields an anonymous caller can use to store someone's details.</summary>
    public static readonly IReadOnlySet<string> ResidentMutations = new HashSet<string>(StringComparer.Ordinal)
    {
        "signUpForCourse", "reserveDevice", "registerHelpRequest",
    };

    internal const string ClientAddressKey = "digibank.clientAddress";
    internal const string RetryAfterKey = "digibank.retryAfter";

    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RateLimitingOptions>(builder.Configuration.GetSection(RateLimitingOptions.Section));
        builder.Services.AddSingleton<AnonymousMutationLimiter>();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(RequestPolicy, http =>
            {
                var options = http.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value;
                return !options.Enabled || !options.Requests.Enabled || http.User.Identity?.IsAuthenticated == true
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    : RateLimitPartition.GetFixedWindowLimiter(AddressOf(http.Connection.RemoteIpAddress), _ => WindowOf(options.Requests));
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : (TimeSpan?)null;
                await context.HttpContext.RequestServices.GetRequiredService<Transport.GraphQLHttpEndpoint>()
                    .WriteRateLimitedAsync(context.HttpContext, retryAfter, "Too many requests from this address. Try again later.", cancellationToken);
            };
        });
        return builder;
    }

    /// <summary>What a limit counts against: the caller's IPv4 address, or the /64 an IPv6 caller's address lies in.</summary>
    internal static string AddressOf(IPAddress? address) => address switch
    {
        null => "unknown",
        { IsIPv4MappedToIPv6: true } mapped => mapped.MapToIPv4().ToString(),
        // One IPv6 subscriber usually holds a whole /64 and can pick any address in it.
        { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } v6 => Prefix64(v6),
        _ => address.ToString(),
    };

    private static string Prefix64(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    internal static FixedWindowRateLimiterOptions WindowOf(RateLimit limit) => new()
    {
        PermitLimit = limit.PermitLimit,
        Window = limit.Window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>Seconds for a <c>Retry-After</c> header, rounded up so a client never retries too early.</summary>
    public static string RetryAfterHeader(TimeSpan retryAfter) =>
        Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}

/// <summary>Counts each resident-storing mutation field of an anonymous request against its address's allowance.</summary>
public sealed class AnonymousMutationLimiter(IOptions<RateLimitingOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(
        address => RateLimitPartition.GetFixedWindowLimiter(address, _ => RateLimits.WindowOf(options.Value.AnonymousMutations)));

    public bool Enabled => options.Value.Enabled && options.Value.AnonymousMutations.Enabled;

    public int PermitLimit => options.Value.AnonymousMutations.PermitLimit;

    public TimeSpan Window => options.Value.AnonymousMutations.Window;

    /// <summary>Takes <paramref name="count"/> permits, or says how long to wait for them.</summary>
    public (bool Granted, TimeSpan? RetryAfter) TryTake(string address, int count)
    {
        if (count > PermitLimit)
        {
            return (false, options.Value.AnonymousMutations.Window);
        }

        using var lease = _limiter.AttemptAcquire(address, count);
        return lease.IsAcquired
            ? (true, null)
            : (false, lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Value.AnonymousMutations.Window);
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>
/// Refuses an anonymous mutation document once its address has used its allowance, before anything runs.
/// A validation rule sees the parsed operation on every transport (HTTP and WebSocket) and for cached documents.
/// </summary>
public sealed class AnonymousMutationRateRule : ValidationRuleBase, IOperationRule
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation.Operation != OperationType.Mutation
            || StaffUser.From(context.User) is not null
            || !context.UserContext.TryGetValue(RateLimits.ClientAddressKey, out var address)
            || context.RequestServices?.GetService<AnonymousMutationLimiter>() is not { Enabled: true } limiter)
        {
            return default;
        }

        var count = CountResidentMutations(context, context.Operation.SelectionSet, []);
        if (count == 0)
        {
            return default;
        }

        var (granted, retryAfter) = limiter.TryTake((string)address!, count);
        if (!granted)
        {
            context.UserContext[RateLimits.RetryAfterKey] = retryAfter;
            context.ReportError(new ValidationError(
                $"Too many sign-ups, reservations or help requests from this address: at most {limiter.PermitLimit} every {limiter.Window.TotalMinutes:0.#} minutes. " +
                "Try again later, or ask at a help point.")
            {
                Code = ErrorCodes.RateLimited,
            });
        }

        return default;
    }

    /// <summary>Root fields, also those inside fragments, so a fragment cannot hide a hundred sign-ups.</summary>
    private static int CountResidentMutations(ValidationContext context, GraphQLSelectionSet selectionSet, HashSet<string> visitedFragments) =>
        selectionSet.Selections.Sum(selection => selection switch
        {
            GraphQLField field => RateLimits.ResidentMutations.Contains(field.Name.StringValue) ? 1 : 0,
            GraphQLInlineFragment inline => CountResidentMutations(context, inline.SelectionSet, visitedFragments),
            GraphQLFragmentSpread spread when visitedFragments.Add(spread.FragmentName.Name.StringValue)
                && context.Document.FindFragmentDefinition(spread.FragmentName.Name) is { } fragment => CountResidentMutations(context, fragment.SelectionSet, visitedFragments),
            _ => 0,
        });
}
