using System.Collections.Concurrent;

namespace Digibank.Api.Finder;

/// <summary>
/// Finds the topics a question in a resident's own words is about. Each topic is a bag of weighted word keys
/// (a word and its stems): its name and lexicon words weigh most, its courses' titles and summaries less. A
/// question's word counts for every topic that has one of its keys, weighted by how few topics share it. A word
/// the index does not know is tried as a compound of two known words ("belastingaangifte") and then, from five
/// letters, as a misspelling of a name or lexicon word ("smarschool"), each a little weaker than a plain match.
/// </summary>
public sealed class TopicIndex
{
    // A question that names the service ("itsme", "Gimme") is about it, whatever else it mentions.
    private const double NameWeight = 6;
    private const double LexiconWeight = 3;
    private const double WeakWeight = 1;
    private const double CourseWeight = 1;
    private const double CompoundFactor = 0.9;
    private const double MisspellingFactor = 0.7;

    // Residents use a few thousand words; a flood of made-up ones stops being remembered here, not answered.
    private const int MaxWordsRemembered = 20_000;

    // key -> topic -> weight
    private readonly Dictionary<string, Dictionary<int, double>> _weights = new(StringComparer.Ordinal);

    // Lexicon entries of several words, with the keys of each: each adds its weight once all its words are in the question.
    private readonly List<(int TopicId, string[][] WordKeys, string Entry)> _phrases = [];

    // What each question word scores for which topics, worked out once per word: stemming, splitting a compound and
    // looking for a misspelling cost far more than adding up, and the index does not change.
    private readonly ConcurrentDictionary<string, WordScores> _wordScores = new(StringComparer.Ordinal);

    // Counted apart: the dictionary's own Count takes all its locks, on every request that meets a new word.
    private int _wordsRemembered;

    // Words that misspellings are compared with: names and lexicon words only, not every word of every course.
    private readonly List<string> _spellingWords = [];

    private readonly int _topicCount;

    public TopicIndex(IEnumerable<TopicText> topics)
    {
        var list = topics.ToList();
        Topics = list.ToDictionary(topic => topic.TopicId);
        _topicCount = Math.Max(1, list.Count);
        foreach (var topic in list)
        {
            foreach (var word in Words.Meaningful(topic.Name).Concat(Words.Meaningful(topic.Code)))
            {
                Add(topic.TopicId, word, NameWeight, spelling: true);
            }

            foreach (var entry in topic.LexiconWords)
            {
                var words = Words.Meaningful(entry).ToArray();
                if (words.Length == 1)
                {
                    Add(topic.TopicId, words[0], LexiconWeight, spelling: true);
                }
                else if (words.Length > 1)
                {
                    _phrases.Add((topic.TopicId, [.. words.Select(word => Words.Keys(word).ToArray())], entry));
                    // Also the entry written as one word: "pc banking" is often typed "pcbanking".
                    Add(topic.TopicId, string.Concat(words), LexiconWeight, spelling: true);
                }
            }

            foreach (var word in (topic.WeakWords ?? []).SelectMany(Words.Meaningful).Distinct(StringComparer.Ordinal))
            {
                Add(topic.TopicId, word, WeakWeight, spelling: false);
            }

            foreach (var word in topic.CourseTexts.SelectMany(Words.Meaningful).Distinct(StringComparer.Ordinal))
            {
                Add(topic.TopicId, word, CourseWeight, spelling: false);
            }
        }

        _spellingWords = [.. _spellingWords.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The topics the index was built from, so an answer needs no query to name them.</summary>
    public IReadOnlyDictionary<int, TopicText> Topics { get; }

    public IReadOnlyList<TopicMatch> Find(string question, int max = 5)
    {
        var scores = new Dictionary<int, (double Score, List<string> Words)>();
        var questionKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Words.Meaningful(question).Distinct(StringComparer.Ordinal))
        {
            var wordScores = ScoresOf(word);
            questionKeys.UnionWith(wordScores.Keys);
            foreach (var (topicId, score) in wordScores.Steps)
            {
                var (total, matched) = scores.GetValueOrDefault(topicId, (0, []));
                matched.Add(word);
                scores[topicId] = (total + score, matched);
            }
        }

        foreach (var (topicId, wordKeys, entry) in _phrases)
        {
            if (wordKeys.All(keys => keys.Any(questionKeys.Contains)))
            {
                var (score, matched) = scores.GetValueOrDefault(topicId, (0, []));
                matched.Add(entry);
                scores[topicId] = (score + LexiconWeight * wordKeys.Length, matched);
            }
        }

        return scores
            .Where(pair => pair.Value.Score > 0)
            .OrderByDescending(pair => pair.Value.Score).ThenBy(pair => pair.Key)
            .Take(max)
            .Select(pair => new TopicMatch(pair.Key, Math.Round(pair.Value.Score, 2), pair.Value.Words.Distinct(StringComparer.Ordinal).ToList()))
            .ToList();
    }

    /// <summary>The word's keys, and what it adds to which topics, in the order it adds it.</summary>
    private sealed record WordScores(string[] Keys, (int TopicId, double Score)[] Steps);

    private WordScores ScoresOf(string word)
    {
        if (_wordScores.TryGetValue(word, out var known))
        {
            return known;
        }

        var steps = new List<(int TopicId, double Score)>();
        // A Dutch past participle: "gesolliciteerd" is about "solliciteren".
        if (!Score(word, 1, steps) && !(word.Length > 6 && word.StartsWith("ge", StringComparison.Ordinal) && Score(word[2..], 1, steps)))
        {
            var asCompound = SplitCompound(word);
            foreach (var part in asCompound)
            {
                Score(part, CompoundFactor, steps);
            }

            if (asCompound.Count == 0 && word.Length >= 5 && Misspelled(word) is { } meant)
            {
                Score(meant, MisspellingFactor, steps);
            }
        }

        var wordScores = new WordScores([.. Words.Keys(word)], [.. steps]);
        if (Volatile.Read(ref _wordsRemembered) < MaxWordsRemembered && _wordScores.TryAdd(word, wordScores))
        {
            Interlocked.Increment(ref _wordsRemembered);
        }

        return wordScores;
    }

    private bool Score(string word, double factor, List<(int TopicId, double Score)> steps)
    {
        // The strongest key of the word counts, once per topic: "belastingen" and its stem "belast" are one word.
        var best = new Dictionary<int, double>();
        foreach (var key in Words.Keys(word))
        {
            if (_weights.TryGetValue(key, out var topics))
            {
                var rarity = Math.Log(1 + (double)_topicCount / topics.Count);
                foreach (var (topicId, weight) in topics)
                {
                    best[topicId] = Math.Max(best.GetValueOrDefault(topicId), weight * rarity * factor);
                }
            }
        }

        steps.AddRange(best.Select(pair => (pair.Key, pair.Value)));
        return best.Count > 0;
    }

    /// <summary>Two known words that make up this one, with an optional linking s or e between them ("belasting|s|brief").</summary>
    private List<string> SplitCompound(string word)
    {
        if (word.Length < 7)
        {
            return [];
        }

        for (var split = 3; split <= word.Length - 3; split++)
        {
            var (left, right) = (word[..split], word[split..]);
            foreach (var head in new[] { left, left.EndsWith('s') || left.EndsWith('e') ? left[..^1] : null })
            {
                if (head is { Length: >= 3 } && Known(head) && Known(right))
                {
                    return [head, right];
                }
            }
        }

        return [];
    }

    private bool Known(string word) => Words.Keys(word).Any(_weights.ContainsKey);

    private string? Misspelled(string word)
    {
        var limit = word.Length >= 8 ? 2 : 1;
        string? closest = null;
        var closestDistance = limit + 1;
        foreach (var candidate in _spellingWords)
        {
            var distance = Words.Distance(word, candidate, limit);
            if (distance < closestDistance)
            {
                (closest, closestDistance) = (candidate, distance);
            }
        }

        return closest;
    }

    private void Add(int topicId, string word, double weight, bool spelling)
    {
        foreach (var key in Words.Keys(word))
        {
            if (!_weights.TryGetValue(key, out var topics))
            {
                _weights[key] = topics = [];
            }

            topics[topicId] = Math.Max(topics.GetValueOrDefault(topicId), weight);
        }

        if (spelling && word.Length >= 4)
        {
            _spellingWords.Add(word);
        }
    }

    /// <summary>The lexicon that ships with the API: topic code (with " (weak)" for its weak words) → the words residents use for it.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ReadLexicon()
    {
        using var stream = typeof(TopicIndex).Assembly.GetManifestResourceStream("Digibank.Api.Finder.lexicon.txt")
            ?? throw new InvalidOperationException("The lexicon is not embedded.");
        using var reader = new StreamReader(stream);
        var lexicon = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (line.StartsWith('#') || colon < 0)
            {
                continue;
            }

            lexicon[line[..colon].Trim()] = [.. line[(colon + 1)..].Split(',').Select(word => word.Trim()).Where(word => word.Length > 0)];
        }

        return lexicon;
    }
}
