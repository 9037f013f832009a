using Digibank.Api.Finder;

namespace Digibank.Api.Tests.Finder;

/// <summary>
/// The plain baseline the finder is measured against: BM25 over each topic's name and its courses' titles and
/// summaries, words split and lower-cased but not stemmed, without the lexicon, compounds or misspellings.
/// </summary>
public sealed class PlainBm25
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly List<(int TopicId, Dictionary<string, int> Counts, int Length)> _documents;
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly double _averageLength;

    public PlainBm25(IEnumerable<TopicText> topics)
    {
        _documents = [.. topics.Select(topic =>
        {
            var words = Words.Split(string.Join(' ', [topic.Name, .. topic.CourseTexts])).ToList();
            return (topic.TopicId, words.GroupBy(word => word, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal), words.Count);
        })];
        foreach (var word in _documents.SelectMany(document => document.Counts.Keys))
        {
            _documentFrequency[word] = _documentFrequency.GetValueOrDefault(word) + 1;
        }

        _averageLength = _documents.Count == 0 ? 1 : Math.Max(1, _documents.Average(document => document.Length));
    }

    public IReadOnlyList<int> Find(string question, int max = 3)
    {
        var words = Words.Split(question).Distinct(StringComparer.Ordinal).ToList();
        return [.. _documents
            .Select(document => (document.TopicId, Score: words.Sum(word =>
            {
                if (!document.Counts.TryGetValue(word, out var count))
                {
                    return 0;
                }

                var frequency = _documentFrequency[word];
                var idf = Math.Log(1 + ((_documents.Count - frequency + 0.5) / (frequency + 0.5)));
                return idf * count * (K1 + 1) / (count + (K1 * (1 - B + (B * document.Length / _averageLength))));
            })))
            .Where(scored => scored.Score > 0)
            .OrderByDescending(scored => scored.Score).ThenBy(scored => scored.TopicId)
            .Take(max)
            .Select(scored => scored.TopicId)];
    }
}
