using Digibank.Api.Courses;
using Digibank.Api.Data.RowSecurity;
using Digibank.Api.Devices;
using Digibank.Api.HelpPoints;
using Digibank.Api.HelpRequests;
using Digibank.Api.Municipalities;
using Digibank.Api.Participants;
using Digibank.Api.Regions;
using Digibank.Api.Staff;
using Digibank.Api.Tests.Devices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Api.Tests.Balie;

/// <summary>
/// The lists of the Personen, Uitlenen and Inschrijven pages and of a person's page: one page of rows at most, read in
/// the same few SQL statements whether they hold one row or many (no query per row).
/// </summary>
public sealed class CounterListQueryCountTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private const int Many = 60;

    [Fact]
    public async Task A_search_for_people_reads_one_page_in_one_statement_however_many_match()
    {
        await AddPeopleAsync("Telling", Many);
        var people = api.Services.GetRequiredService<CounterPeople>();
        var staff = await StaffAsync(LendingTestData.Library);

        var (one, oneStatements) = await CountAsync(() => people.SearchAsync(staff, "Godelieve", CancellationToken.None));
        var (many, manyStatements) = await CountAsync(() => people.SearchAsync(staff, "telling", CancellationToken.None));

        Assert.Single(one.People);
        Assert.Equal((CounterPeople.PageSize, true), (many.People.Count, many.More));
        Assert.Equal(oneStatements, manyStatements);
        Assert.InRange(manyStatements, 1, 2);
    }

    [Fact]
    public async Task A_persons_page_reads_their_sign_ups_loans_reservations_and_help_requests_in_the_same_statements_however_many_they_have()
    {
        var few = await api.NewBorrowerAsync("Weinig");
        var busy = await api.NewBorrowerAsync("Veel");
        await GiveHistoryAsync(busy, Many);
        var staff = await StaffAsync(LendingTestData.Library);

        var (_, fewStatements) = await CountAsync(() => PersonPageAsync(staff, few));
        var (lists, busyStatements) = await CountAsync(() => PersonPageAsync(staff, busy));

        Assert.Equal((CounterSignUps.HistorySize, CounterLending.PageSize, CounterLending.PageSize, PersonHelpRequests.HistorySize), lists);
        Assert.Equal(fewStatements, busyStatements);
        Assert.InRange(busyStatements, 4, 6);
    }

    [Fact]
    public async Task The_lending_shelf_of_a_help_point_reads_a_page_of_each_list_in_the_same_statements_however_many_devices_are_out()
    {
        await LendManyAsync(LendingTestData.Bellewijk, Many);
        var lending = api.Services.GetRequiredService<CounterLending>();
        var krombeke = await StaffAsync(LendingTestData.Krombeke);
        var bellewijk = await StaffAsync(LendingTestData.Bellewijk);

        var (_, fewStatements) = await CountAsync(() => lending.ShelfAsync(krombeke, krombeke.HelpPointIds.Single(), null, CancellationToken.None));
        var (shelf, manyStatements) = await CountAsync(() => lending.ShelfAsync(bellewijk, bellewijk.HelpPointIds.Single(), null, CancellationToken.None));

        Assert.Equal((CounterLending.PageSize, true), (shelf.Out.Count, shelf.MoreOut));
        Assert.Equal(fewStatements, manyStatements);
        Assert.InRange(manyStatements, 4, 5);
    }

    [Fact]
    public async Task A_course_search_reads_the_courses_and_their_seats_in_two_statements_however_many_match()
    {
        var signUps = api.Services.GetRequiredService<CounterSignUps>();
        var coordinator = new StaffUser("test:coordinator", "Griet", StaffRole.Coordinator, Region.FirstRegionId, new HashSet<int>(), null);

        var (one, oneStatements) = await CountAsync(() => signUps.SearchAsync(coordinator, "Gimme voor ouders", CancellationToken.None));
        var (all, allStatements) = await CountAsync(() => signUps.SearchAsync(coordinator, null, CancellationToken.None));

        Assert.Single(one.Courses);
        Assert.InRange(all.Courses.Count, 5, CounterSignUps.PageSize);
        Assert.Equal(oneStatements, allStatements);
        Assert.Equal(2, allStatements);
    }

    private async Task<(int SignUps, int Loans, int Reservations, int HelpRequests)> PersonPageAsync(StaffUser staff, int participantId)
    {
        var people = api.Services.GetRequiredService<CounterPeople>();
        Assert.NotNull(await people.FindAsync(staff, participantId, CancellationToken.None));
        var signUps = await api.Services.GetRequiredService<CounterSignUps>().OfPersonAsync(staff, participantId, CancellationToken.None);
        var lending = await api.Services.GetRequiredService<CounterLending>().OfPersonAsync(staff, participantId, CancellationToken.None);
        var questions = await api.Services.GetRequiredService<PersonHelpRequests>().OfPersonAsync(staff, participantId, CancellationToken.None);
        return (signUps.Count, lending.Loans.Count, lending.Reservations.Count, questions.Count);
    }

    private async Task<(T Result, int Statements)> CountAsync<T>(Func<Task<T>> read)
    {
        api.SqlStatements.Reset();
        var result = await read();
        return (result, api.SqlStatements.Count);
    }

    private async Task<StaffUser> StaffAsync(string helpPoint) =>
        new($"test:{helpPoint}", "Els", StaffRole.Staff, Region.FirstRegionId, new HashSet<int> { await api.HelpPointIdAsync(helpPoint) }, null);

    private async Task AddPeopleAsync(string firstName, int count)
    {
        using var scope = RegionScope.For(Region.FirstRegionId);
        await using var db = api.CreateDbContext();
        var town = await db.Municipalities.Where(m => m.Name == "Poperinge").Select(m => m.Id).SingleAsync();
        db.Participants.AddRange(Enumerable.Range(0, count).Select(_ => new Participant
        {
            FirstName = firstName,
            MunicipalityId = town,
            RegionId = Region.FirstRegionId,
            CreatedAt = DigibankApiFactory.Now.UtcDateTime,
        }));
        await db.SaveChangesAsync();
    }

    /// <summary>Many past sign-ups, loans, reservations and help requests: more than a page of each.</summary>
    private async Task GiveHistoryAsync(int participantId, int count)
    {
        using var scope = RegionScope.For(Region.FirstRegionId);
        await using var db = api.CreateDbContext();
        var now = DigibankApiFactory.Now.UtcDateTime;
        var course = await db.Courses.Where(c => c.RegionId == Region.FirstRegionId).Select(c => new { c.Id, c.HelpPointId }).FirstAsync(c => c.HelpPointId != null);
        var device = await db.Devices.FirstAsync(d => d.HomeHelpPointId == course.HelpPointId);
        var topic = await db.Topics.Select(t => t.Id).FirstAsync();
        var town = await db.Municipalities.Where(m => m.Name == "Poperinge").Select(m => m.Id).SingleAsync();
        for (var i = 0; i < count; i++)
        {
            var at = now.AddDays(-i - 1);
            db.SignUps.Add(new SignUp { CourseId = course.Id, ParticipantId = participantId, RegionId = Region.FirstRegionId, Status = SignUpStatus.Cancelled, CreatedAt = at, UpdatedAt = at });
            db.Loans.Add(new Loan { DeviceId = device.Id, ParticipantId = participantId, HelpPointId = device.HomeHelpPointId, RegionId = Region.FirstRegionId, CheckedOutAt = at, DueAt = at, ReturnedAt = at });
            db.Reservations.Add(new Reservation { HelpPointId = device.HomeHelpPointId, Kind = device.Kind, ParticipantId = participantId, RegionId = Region.FirstRegionId, Status = ReservationStatus.Cancelled, CreatedAt = at });
            db.HelpRequests.Add(new HelpRequest { TopicId = topic, MunicipalityId = town, ParticipantId = participantId, RegionId = Region.FirstRegionId, Status = HelpRequestStatus.Resolved, CreatedAt = at });
        }

        await db.SaveChangesAsync();
    }

    /// <summary>As many devices as <paramref name="count"/> added to a help point and all lent out.</summary>
    private async Task LendManyAsync(string helpPointName, int count)
    {
        var borrower = await api.NewBorrowerAsync("Uitlener");
        using var scope = RegionScope.For(Region.FirstRegionId);
        await using var db = api.CreateDbContext();
        var helpPoint = await db.HelpPoints.Where(h => h.Name == helpPointName).Select(h => h.Id).SingleAsync();
        var now = DigibankApiFactory.Now.UtcDateTime;
        for (var i = 0; i < count; i++)
        {
            var device = new Device { AssetTag = $"TEL-{i:0000}", Model = "Telmodel", Kind = DeviceKind.Tablet, HomeHelpPointId = helpPoint, RegionId = Region.FirstRegionId, Status = DeviceStatus.OnLoan };
            db.Loans.Add(new Loan { Device = device, ParticipantId = borrower, HelpPointId = helpPoint, RegionId = Region.FirstRegionId, CheckedOutAt = now, DueAt = now.AddDays(i) });
        }

        await db.SaveChangesAsync();
    }
}
