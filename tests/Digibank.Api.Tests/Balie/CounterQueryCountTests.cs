using Digibank.Api.HelpPoints;
using Digibank.Api.HelpRequests;
using Digibank.Api.Municipalities;
using Digibank.Api.Notifications;
using Digibank.Api.Participants;
using Digibank.Api.Privacy;
using Digibank.Api.Regions;
using Digibank.Api.Staff;
using Digibank.Api.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Digibank.Api.Tests.Balie;

/// <summary>No N+1 on the counter's help, erasure and follow-up pages: what they list is read in a fixed number of statements.</summary>
public sealed class CounterQueryCountTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private static readonly StaffUser Coordinator = new("test:coordinator", "Griet", StaffRole.Coordinator, Region.FirstRegionId, new HashSet<int>(), null);

    [Fact]
    public async Task The_open_help_requests_are_one_statement_for_a_few_and_for_many()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var help = scope.ServiceProvider.GetRequiredService<CounterHelp>();
        await help.OpenAsync(Coordinator, null, CancellationToken.None); // warm-up: migrations, model and plan caches

        api.SqlStatements.Reset();
        var few = await help.OpenAsync(Coordinator, null, CancellationToken.None);
        var statementsForFew = api.SqlStatements.Count;

        await AddRequestsAsync(60, "smartphone-basics");
        api.SqlStatements.Reset();
        var many = await help.OpenAsync(Coordinator, null, CancellationToken.None);
        var statementsForMany = api.SqlStatements.Count;

        Assert.True(many.Count >= few.Count + 60);
        Assert.All(many.Where(row => row.PersonName?.StartsWith("Telling", StringComparison.Ordinal) == true), row => Assert.NotNull(row.DigibuddyName));
        Assert.Equal((1, 1), (statementsForFew, statementsForMany));
    }

    [Fact]
    public async Task A_help_request_with_many_digibuddies_to_choose_from_and_a_week_to_plan_in_is_four_statements()
    {
        var requestId = (await AddRequestsAsync(1, "google-meet")).Single();
        await AddDigibuddiesAsync(25, "google-meet");
        await using var scope = api.Services.CreateAsyncScope();
        var help = scope.ServiceProvider.GetRequiredService<CounterHelp>();
        await help.FindAsync(Coordinator, requestId, 0, CancellationToken.None);

        api.SqlStatements.Reset();
        var detail = await help.FindAsync(Coordinator, requestId, 0, CancellationToken.None);

        Assert.NotNull(detail);
        Assert.True(detail.Matches.Count >= 25);
        Assert.NotNull(detail.Week);
        // the request with its topic, town, person and digibuddy; the matches with their counts; their towns; the week's visits
        Assert.Equal(4, api.SqlStatements.Count);
    }

    [Fact]
    public async Task The_search_the_erasure_preview_the_held_withdrawals_and_the_failed_messages_are_one_statement_each()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        int marleen;
        await using (var db = api.CreateDbContext())
        {
            marleen = await db.Participants.Where(p => p.FirstName == "Marleen").Select(p => p.Id).SingleAsync();
        }

        var reads = new Func<Task<int>>[]
        {
            async () => (await services.GetRequiredService<ParticipantSearch>().FindAsync(Coordinator, "e", CancellationToken.None)).Count,
            async () => (await services.GetRequiredService<ParticipantSearch>().FindAsync(Coordinator, "ma", CancellationToken.None)).Count,
            async () => (await services.GetRequiredService<CounterErasure>().PreviewAsync(Coordinator, marleen, CancellationToken.None))!.HistoryKept,
            async () => (await services.GetRequiredService<CounterWithdrawals>().HeldAsync(Coordinator, CancellationToken.None)).Count,
            async () => (await services.GetRequiredService<CounterFailedMessages>().ListAsync(Coordinator, CancellationToken.None)).Count,
        };
        var statements = new List<int>();
        foreach (var read in reads)
        {
            await read(); // warm-up
            api.SqlStatements.Reset();
            await read();
            statements.Add(api.SqlStatements.Count);
        }

        // A search shorter than two characters reads nothing.
        Assert.Equal([0, 1, 1, 1, 1], statements);
    }

    /// <summary>Open requests of people of the demo region, given to a digibuddy who knows <paramref name="topicCode"/>.</summary>
    private async Task<List<int>> AddRequestsAsync(int count, string topicCode)
    {
        await using var db = api.CreateDbContext();
        var topic = await db.Topics.SingleAsync(t => t.Code == topicCode);
        var town = await db.Municipalities.SingleAsync(m => m.Name == "Poperinge");
        var point = await db.HelpPoints.SingleAsync(h => h.Name == "Mobiele digiploeg");
        var buddy = await db.Digibuddies.FirstOrDefaultAsync(d => d.Skills.Any(s => s.Id == topic.Id));
        var now = api.Clock.GetUtcNow().UtcDateTime;
        var requests = Enumerable.Range(0, count).Select(index => new HelpRequest
        {
            RegionId = Region.FirstRegionId,
            TopicId = topic.Id,
            Urgency = HelpRequestUrgency.Normal,
            Channel = HelpRequestChannel.HomeVisit,
            MunicipalityId = town.Id,
            HelpPointId = point.Id,
            Participant = new Participant { RegionId = Region.FirstRegionId, FirstName = $"Telling {index}", MunicipalityId = town.Id, ConsentGivenAt = now, CreatedAt = now },
            AssignedDigibuddyId = buddy?.Id,
            Status = buddy is null ? HelpRequestStatus.Open : HelpRequestStatus.Assigned,
            CreatedAt = now,
        }).ToList();
        db.HelpRequests.AddRange(requests);
        await db.SaveChangesAsync();
        return [.. requests.Select(r => r.Id)];
    }

    private async Task AddDigibuddiesAsync(int count, string topicCode)
    {
        await using var db = api.CreateDbContext();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        var topic = await db.Topics.SingleAsync(t => t.Code == topicCode);
        var towns = await db.Municipalities.Where(m => m.RegionId == Region.FirstRegionId).ToListAsync();
        db.Digibuddies.AddRange(Enumerable.Range(0, count).Select(index => new Digibuddy
        {
            FirstName = $"Buddy {index}",
            MunicipalityId = towns[index % towns.Count].Id,
            Skills = [topic],
        }));
        await db.SaveChangesAsync();
    }
}
