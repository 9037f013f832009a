namespace Digibank.Api.Dashboard;

/// <summary>
/// Something that happened in the region, published once its change is committed. The summary never
/// holds personal data; <see cref="ParticipantId"/> lets a staff member who may see the person ask for them.
/// <see cref="RegionId"/> is the region it happened in: staff of other regions never see the person.
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
    int? CallTaskId = null,
    int? RegionId = null);
