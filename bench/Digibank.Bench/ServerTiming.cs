using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Digibank.Bench;

/// <summary>
/// The server's own time for each request under a path, from the first middleware in, to the last byte of the answer
/// written: what the API spends, without the client's queue or the socket. Added in front of the API's pipeline.
/// </summary>
internal sealed class ServerTiming(string pathPrefix) : IStartupFilter
{
    private ConcurrentQueue<(string Target, double Ms)> _requests = new();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (http, following) =>
        {
            if (!http.Request.Path.StartsWithSegments(pathPrefix))
            {
                await following(http);
                return;
            }

            var clock = Stopwatch.StartNew();
            await following(http);
            _requests.Enqueue((http.Request.Path + http.Request.QueryString, clock.Elapsed.TotalMilliseconds));
        });
        next(app);
    };

    /// <summary>The times recorded since the last call, by request target (path and query); the record starts again.</summary>
    public ILookup<string, double> Take() => Interlocked.Exchange(ref _requests, new()).ToLookup(request => request.Target, request => request.Ms);
}
