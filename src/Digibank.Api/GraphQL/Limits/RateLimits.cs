using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using GraphQL;
using Microsoft.Extensions.Options;

namespace Digibank.Api.GraphQL.Limits;

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
