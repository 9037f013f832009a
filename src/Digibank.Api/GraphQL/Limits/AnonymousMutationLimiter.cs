using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Digibank.Api.GraphQL.Limits;

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
