using System.Reactive.Linq;
using System.Reactive.Subjects;

namespace Digibank.Api.Dashboard;

/// <summary>The one stream of committed events that every subscription filters.</summary>
public sealed class DashboardEvents : IDisposable
{
    private readonly Subject<DashboardEvent> _events = new();

    public IObservable<DashboardEvent> Stream => _events.AsObservable();

    public void Publish(IEnumerable<DashboardEvent> events)
    {
        foreach (var dashboardEvent in events)
        {
            _events.OnNext(dashboardEvent);
        }
    }

    public void Dispose() => _events.Dispose();
}
