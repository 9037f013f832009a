using Digibank.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Finder;

/// <summary>
/// The rules of the words the region adds to its topics, whoever asks: only the regional coordinator adds them; a word
/// has letters and is stored once, trimmed and in lower case; every addition makes the finders build a new index
/// (<see cref="TopicWordsAdded"/>). Works inside the caller's transaction on the caller's context.
/// </summary>
public sealed class RegionalLexicon(DigibankDbContext db, DateTime now)
{
    public const int MaxWordsPerCall = 50;
    public const int MaxWordLength = 60;

    /// <summary>
    /// The words' own shape, before any database is asked: every failure goes into <paramref name="rules"/>. Returns the
    /// command with each word trimmed, in lower case and given once.
    /// </summary>
    public static AddTopicWords Check(InputRules rules, AddTopicWords command)
    {
        var words = command.Words.Select(word => word.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        rules.Require(words.Count is > 0 and <= MaxWordsPerCall, nameof(command.Words), $"Give 1 to {MaxWordsPerCall} words.");
        rules.Require(words.All(word => word.Length is > 0 and <= MaxWordLength && word.Any(char.IsLetter)), nameof(command.Words),
            $"Each word has letters and at most {MaxWordLength} characters.");
        return command with { Words = words };
    }

    /// <summary>Adds the words <see cref="Check"/> accepted; a word the topic has already is not stored twice.</summary>
    public async Task<Result<WordsOfTopic>> AddAsync(AddTopicWords command, CancellationToken cancellationToken)
    {
        var (topicId, words, staff) = command;
        if (!staff.IsCoordinator)
        {
            return new NotAllowedError("Only the regional coordinator adds words to a topic.");
        }

        var topic = await db.Topics.SingleOrDefaultAsync(t => t.Id == topicId, cancellationToken);
        if (topic is null)
        {
            return new NotFoundError("There is no such topic.");
        }

        var known = await db.TopicWords.Where(w => w.TopicId == topicId).Select(w => w.Word).ToListAsync(cancellationToken);
        foreach (var word in words.Except(known, StringComparer.Ordinal))
        {
            db.TopicWords.Add(new TopicWord { TopicId = topicId, Word = word, AddedAt = now, AddedBy = staff.Subject });
        }

        db.Raise(new TopicWordsAdded(topicId, now));
        return new WordsOfTopic(topic, [.. known.Union(words, StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }
}
