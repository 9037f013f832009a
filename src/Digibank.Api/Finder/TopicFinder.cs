using Digibank.Api.Courses;
using Digibank.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Finder;

/// <summary>
/// The index the finder searches, built from the topics, the lexicon, the coordinator's words and the courses'
/// texts, and built again when it is older than <see cref="Freshness"/> or when words were added.
/// </summary>
public sealed class TopicFinder : IDisposable
{
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(5);

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Lexicon = TopicIndex.ReadLexicon();

    private readonly StoreSnapshot<TopicIndex> _index;

    public TopicFinder(IDbContextFactory<DigibankDbContext> dbContextFactory, TimeProvider clock) =>
        _index = new StoreSnapshot<TopicIndex>(
            async cancellationToken =>
            {
                await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
                return new TopicIndex(await TextsAsync(db, cancellationToken));
            },
            Freshness,
            clock);

    public ValueTask<TopicIndex> IndexAsync(CancellationToken cancellationToken) => _index.GetAsync(cancellationToken);

    /// <summary>The next question is answered from a new index: words were added.</summary>
    public void Invalidate() => _index.Invalidate();

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

    public void Dispose() => _index.Dispose();
}
