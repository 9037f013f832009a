using Digibank.Api.Courses;
using Digibank.Api.Data;
using Digibank.Api.Data.RowSecurity;
using Digibank.Api.Devices;
using Digibank.Api.GraphQL.Relay;
using Digibank.Api.HelpRequests;
using Digibank.Api.Municipalities;
using Digibank.Api.Participants;
using Digibank.Api.Partners;
using Digibank.Api.Regions;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.Dashboard;

/// <summary>
/// People and what they took part in, written straight into the store for one test. Dates are chosen by the test,
/// far from the demo region (which lives around the factory's clock in 2026).
/// </summary>
public sealed class ReachTestData : IAsyncDisposable
{
    private readonly DigibankDbContext _db;
    private readonly Dictionary<string, int> _municipalities;
    private readonly int _partnerId;
    private readonly Device _device;
    private readonly int _topicId;

    private ReachTestData(DigibankDbContext db, Dictionary<string, int> municipalities, int partnerId, Device device, int topicId)
    {
        _db = db;
        _municipalities = municipalities;
        _partnerId = partnerId;
        _device = device;
        _topicId = topicId;
    }

    public static async Task<ReachTestData> OpenAsync(DigibankApiFactory api)
    {
        var db = api.CreateDbContext();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        return new ReachTestData(
            db,
            await db.Municipalities.ToDictionaryAsync(m => m.Name, m => m.Id),
            await db.Partners.Where(p => p.Code == "bib-poperinge").Select(p => p.Id).SingleAsync(),
            await db.Devices.OrderBy(d => d.Id).FirstAsync(),
            await db.Topics.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync());
    }

    public DigibankDbContext Db => _db;

    public int MunicipalityId(string name) => _municipalities[name];

    public static string GlobalMunicipalityId(int id) => GlobalId.Encode(MunicipalityType.TypeName, id);

    public Municipality AddMunicipality(string name)
    {
        var municipality = _db.Municipalities.Add(new Municipality { Name = name, PostalCode = "8999", RegionId = Region.FirstRegionId }).Entity;
        return municipality;
    }

    public Participant Person(string municipality, TargetGroup group = TargetGroup.Seniors) =>
        Person(_municipalities[municipality], group);

    public Participant Person(int municipalityId, TargetGroup group = TargetGroup.Seniors) =>
        _db.Participants.Add(new Participant
        {
            FirstName = "Testpersoon",
            MunicipalityId = municipalityId,
            TargetGroup = group,
            ConsentGivenAt = DigibankApiFactory.Now.UtcDateTime,
            CreatedAt = DigibankApiFactory.Now.UtcDateTime,
        }).Entity;

    public List<Participant> People(int count, string municipality, TargetGroup group = TargetGroup.Seniors) =>
        [.. Enumerable.Range(0, count).Select(_ => Person(municipality, group))];

    public Course Course(DateTime startsAt, CourseStatus status = CourseStatus.Finished) =>
        _db.Courses.Add(new Course
        {
            Title = $"Bereikcursus {Guid.NewGuid():N}",
            Summary = "Een cursus voor de bereikcijfers.",
            PartnerId = _partnerId,
            ExternalId = Guid.NewGuid().ToString("N"),
            MunicipalityId = _municipalities["Poperinge"],
            Capacity = 500,
            Status = status,
            StartsAt = startsAt,
            TargetGroups = [TargetGroup.Everyone],
            UpdatedAt = startsAt,
        }).Entity;

    public SignUp SignUp(Participant person, Course course, DateTime createdAt, SignUpStatus status = SignUpStatus.Confirmed) =>
        _db.SignUps.Add(new SignUp
        {
            Course = course,
            Participant = person,
            Status = status,
            Channel = SignUpChannel.Counter,
            WaitlistPosition = status == SignUpStatus.Waitlisted ? 1 : null,
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
        }).Entity;

    public Loan Loan(Participant person, DateTime checkedOutAt) =>
        _db.Loans.Add(new Loan
        {
            DeviceId = _device.Id,
            Participant = person,
            HelpPointId = _device.HomeHelpPointId,
            CheckedOutAt = checkedOutAt,
            DueAt = checkedOutAt.AddDays(21),
            ReturnedAt = checkedOutAt.AddDays(20),
            ReturnedCondition = DeviceCondition.Good,
        }).Entity;

    public HelpRequest HelpRequest(
        Participant? person,
        DateTime createdAt,
        HelpRequestChannel channel = HelpRequestChannel.WalkIn,
        HelpRequestStatus status = HelpRequestStatus.Resolved,
        int? municipalityId = null) =>
        _db.HelpRequests.Add(new HelpRequest
        {
            TopicId = _topicId,
            Urgency = HelpRequestUrgency.Normal,
            Channel = channel,
            MunicipalityId = municipalityId ?? person?.MunicipalityId ?? throw new ArgumentException("A help request needs a town."),
            Participant = person,
            Status = status,
            CreatedAt = createdAt,
            ResolvedAt = status == HelpRequestStatus.Resolved ? createdAt.AddHours(1) : null,
        }).Entity;

    public Reservation Reservation(Participant person, DeviceKind kind, ReservationStatus status = ReservationStatus.Waiting) =>
        _db.Reservations.Add(new Reservation
        {
            HelpPointId = _device.HomeHelpPointId,
            Kind = kind,
            Participant = person,
            Status = status,
            CreatedAt = DigibankApiFactory.Now.UtcDateTime,
        }).Entity;

    public async Task SaveAsync()
    {
        // Rows of several regions written straight into the store, as the seed writes the demo region's.
        using var scope = RegionScope.Bypass(RegionBypasses.Seed);
        await _db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    public static DateTime Utc(int year, int month, int day, int hour = 12, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, DateTimeKind.Utc);
}
