using Digibank.Api.Courses;
using Digibank.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Finder;

/// <summary>
/// The index the finder searches, built from the topics, the lexicon, the coordinator's words and the courses'
/// texts, and built again when it is older than <see cref="Freshness"/> or when words were added. One caller
/// rebuilds while the others keep answering from the index they have.
/// </summary>
public sealed class TopicFinder(IDbContextFactory<DigibankDbContext> dbContextFactory, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(5);

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Lexicon = TopicIndex.ReadLexicon();

    private readonly SemaphoreSlim _building = new(1, 1);
    private (TopicIndex Index, DateTimeOffset BuiltAt)? _current;

    public async ValueTask<TopicIndex> IndexAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is { } fresh && clock.GetUtcNow() - fresh.BuiltAt < Freshness)
        {
            return fresh.Index;
        }

        if (current is { } stale && !await _building.WaitAsync(0, cancellationToken))
        {
            return stale.Index;
        }

        if (current is null)
        {
            await _building.WaitAsync(cancellationToken);
        }

        try
        {
            if (_current is { } built && built.BuiltAt != current?.BuiltAt && clock.GetUtcNow() - built.BuiltAt < Freshness)
            {
                return built.Index;
            }

            await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
            var index = new TopicIndex(await TextsAsync(db, cancellationToken));
            _current = (index, clock.GetUtcNow());
            return index;
        }
        finally
        {
            _building.Release();
        }
    }

    /// <summary>The next question is answered from a new index: words were added.</summary>
    public void Invalidate() => _current = _current is { } current ? (current.Index, DateTimeOffset.MinValue) : null;

    public static async Task<List<TopicText>> TextsAsync(DigibankDbContext db, CancellationToken cancellationToken)
    {
        var topics = await db.Topics.Select(t => new { t.Id, t.Code, t.Name }).ToListAsync(cancellationToken);
        var added = (await db.TopicWords.Select(w => new { w.TopicId, w.Word }).ToListAsync(cancellationToken)).ToLookup(w => w.TopicId, w => w.Word);
        var courseTexts = (await db.Courses.Where(c => c.Status != CourseStatus.Withdrawn)
                .Select(c => new { c.Title, c.Summary, TopicIds = c.Topics.Select(t => t.Id).ToList() })
                .ToListAsync(cancellationToken))
            .SelectMany(c => c.TopicIds.Select(topicId => (TopicId: topicId, Text: $"{c.Title} {c.Summary}")))
            .ToLookup(c => c.TopicId, c => c.Text);
        return [.. topics.Select(topic => new TopicText(
            topic.Id,
            topic.Code,
            topic.Name,
            [.. Lexicon.GetValueOrDefault(topic.Code) ?? [], .. added[topic.Id]],
            [.. courseTexts[topic.Id].Distinct(StringComparer.Ordinal)],
            Lexicon.GetValueOrDefault($"{topic.Code} (weak)") ?? []))];
    }

    public void Dispose() => _building.Dispose();
}
