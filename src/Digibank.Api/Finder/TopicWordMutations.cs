using Digibank.Api.GraphQL;
using Digibank.Api.GraphQL.Mutations;
using Digibank.Api.Staff;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Finder;

public static class TopicWordMutations
{
    public const int MaxWordsPerCall = 50;
    public const int MaxWordLength = 60;

    public static void AddTopicWordMutations(this ObjectGraphType mutation) =>
        mutation.StaffMutation<AddTopicWordsInput, AddTopicWordsPayload>("addTopicWords", AddAsync,
            "The coordinator adds the words the region uses for a topic (\"gsm\", \"pc-banking\"), so `helpFor` finds it by them from the next question on.",
            payload: "The topic and all the words added to it so far.");

    private static async Task<Result<AddTopicWordsPayload>> AddAsync(MutationCall<AddTopicWordsInput> call, StaffUser staff)
    {
        var (input, now, cancellationToken) = call;
        var topicId = call.Rules.Id(nameof(input.TopicId), TopicType.TypeName, input.TopicId);
        var words = input.Words.Select(word => word.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        call.Rules.Require(words.Count is > 0 and <= MaxWordsPerCall, nameof(input.Words), $"Give 1 to {MaxWordsPerCall} words.");
        call.Rules.Require(words.All(word => word.Length is > 0 and <= MaxWordLength && word.Any(char.IsLetter)), nameof(input.Words),
            $"Each word has letters and at most {MaxWordLength} characters.");
        if (!staff.IsCoordinator)
        {
            return new NotAllowedError("Only the regional coordinator adds words to a topic.");
        }

        var db = await call.BeginAsync();
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
        return new AddTopicWordsPayload(topic, [.. known.Union(words, StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }
}
