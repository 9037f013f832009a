using System.Reactive.Linq;
using System.Reactive.Subjects;

namespace Digibank.Api.Dashboard;

public enum DashboardEventKind
{
    SignUp,
    SignUpCancelled,
    SignUpUpdated,
    CourseAvailability,
    Loan,
    Return,
    DeviceAvailability,
    HelpRequest,
    HelpRequestUpdated,
    PartnerSync,

    /// <summary>Someone was put on a help point's call list.</summary>
    CallTask,
}

/// <summary>
/// Something that happened in the region, published once its change is committed. The summary never
/// holds personal data; <see cref="ParticipantId"/> lets a staff member who may see the person ask for them.
/// </summary>
public sealed record DashboardEvent(
    DashboardEventKind Kind,
    DateTime At,
    string Summary,
    int? MunicipalityId = null,
    int? HelpPointId = null,
    int? CourseId = null,
    int? PartnerId = null,
    int? ParticipantId = null,
    int? CallTaskId = null);

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
