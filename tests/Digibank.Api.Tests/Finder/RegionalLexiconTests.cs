using Digibank.Api.Finder;
using Digibank.Api.Regions;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.Finder;

/// <summary>The rules of the region's words for a topic on the database itself, without GraphQL.</summary>
public sealed class RegionalLexiconTests(DigibankApiFactory api) : IClassFixture<DigibankApiFactory>
{
    private static readonly StaffUser Coordinator = new("coordinator", "Coördinator", StaffRole.Coordinator, Region.FirstRegionId, new HashSet<int>(), null);

    private DateTime Now => api.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task A_word_the_topic_has_already_is_kept_once_and_only_the_coordinator_adds_words()
    {
        var topicId = await IdOfATopicAsync();
        var staff = new StaffUser("staff", "Els", StaffRole.Staff, Region.FirstRegionId, new HashSet<int> { 1 }, null);

        var first = await AddAsync(new AddTopicWords(topicId, ["Smartphone-Les"], Coordinator));
        var again = await AddAsync(new AddTopicWords(topicId, ["smartphone-les ", "gsm-les"], Coordinator));
        var byStaff = await AddAsync(new AddTopicWords(topicId, ["tablet-les"], staff));

        Assert.Equal(["smartphone-les"], first.Value!.Words);
        Assert.Equal(["gsm-les", "smartphone-les"], again.Value!.Words);
        Assert.IsType<NotAllowedError>(byStaff.Error);
        await using var db = api.CreateDbContext();
        Assert.Equal(1, await db.TopicWords.CountAsync(w => w.TopicId == topicId && w.Word == "smartphone-les"));
        Assert.False(await db.TopicWords.AnyAsync(w => w.Word == "tablet-les"));
    }

    private async Task<int> IdOfATopicAsync()
    {
        await using var db = api.CreateDbContext();
        return await db.Topics.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
    }

    private async Task<Result<WordsOfTopic>> AddAsync(AddTopicWords command)
    {
        var rules = new InputRules();
        var checkedCommand = RegionalLexicon.Check(rules, command);
        Assert.Empty(rules.Errors);
        await using var db = api.CreateDbContext();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        var added = await new RegionalLexicon(db, Now).AddAsync(checkedCommand, CancellationToken.None);
        if (added.Error is null)
        {
            await db.SaveChangesAsync();
        }

        return added;
    }
}
