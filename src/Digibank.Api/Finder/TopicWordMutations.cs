using Digibank.Api.GraphQL;
using Digibank.Api.GraphQL.Mutations;
using Digibank.Api.Staff;
using GraphQL.Types;

namespace Digibank.Api.Finder;

public static class TopicWordMutations
{
    public static void AddTopicWordMutations(this ObjectGraphType mutation) =>
        mutation.StaffMutation<AddTopicWordsInput, AddTopicWordsPayload>("addTopicWords", AddAsync,
            "A coordinator adds the words residents use for a topic (\"gsm\", \"pc-banking\"), so `helpFor` finds it by them from the next question on. " +
            "Topics and their words are shared by every region: the coordinator of any region may add them, for all.",
            payload: "The topic and all the words added to it so far.");

    private static async Task<Result<AddTopicWordsPayload>> AddAsync(MutationCall<AddTopicWordsInput> call, StaffUser staff)
    {
        var (input, now, cancellationToken) = call;
        var topicId = call.Rules.Id(nameof(input.TopicId), TopicType.TypeName, input.TopicId);
        var command = RegionalLexicon.Check(call.Rules, new AddTopicWords(topicId, input.Words, staff));
        var lexicon = new RegionalLexicon(await call.BeginAsync(), now);
        return (await lexicon.AddAsync(command, cancellationToken)).Map(added => new AddTopicWordsPayload(added.Topic, added.Words));
    }
}
