using System.Text;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Tartarus.Snowball;
using Snowball = Lucene.Net.Tartarus.Snowball.Ext;

namespace Digibank.Api.Finder;

/// <summary>
/// Words as the finder compares them: lower case without accents, split on anything that is not a letter or
/// digit, common words of Dutch, French and English left out, and each word's stems (Snowball, for the three
/// languages), so "belastingen", "belasting" and "impôts"/"impot" meet their lexicon entries.
/// </summary>
public static class Words
{
    // One stemmer per language and thread: Snowball stemmers keep state between calls.
    [ThreadStatic] private static SnowballProgram[]? _stemmers;

    public static IReadOnlyList<string> Split(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return words;
        }

        var word = new StringBuilder();
        foreach (var character in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(character))
            {
                word.Append(char.ToLowerInvariant(character));
            }
            else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(character) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                Flush();
            }
        }

        Flush();
        return words;

        void Flush()
        {
            if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
    }

    /// <summary>The words that carry meaning: no "ik", "de", "mon", "the", nor single letters.</summary>
    public static IEnumerable<string> Meaningful(string? text) => Split(text).Where(IsMeaningful);

    public static bool IsMeaningful(string word) =>
        word.Length > 1
        && !DutchAnalyzer.DefaultStopSet.Contains(word)
        && !FrenchAnalyzer.DefaultStopSet.Contains(word)
        && !EnglishAnalyzer.DefaultStopSet.Contains(word)
        && !ExtraStopWords.Contains(word);

    /// <summary>The word and its Dutch, French and English stems, without repeats.</summary>
    public static IEnumerable<string> Keys(string word)
    {
        yield return word;
        var seen = new HashSet<string>(StringComparer.Ordinal) { word };
        foreach (var stemmer in _stemmers ??= [new Snowball.DutchStemmer(), new Snowball.FrenchStemmer(), new Snowball.EnglishStemmer()])
        {
            stemmer.SetCurrent(word);
            stemmer.Stem();
            if (stemmer.Current is { Length: > 1 } stem && seen.Add(stem))
            {
                yield return stem;
            }
        }
    }

    /// <summary>Damerau–Levenshtein distance, stopping once it exceeds <paramref name="limit"/>.</summary>
    public static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        // Three rows of the table, on the stack for words of any usual length: a question's unknown word is compared with every spelling word.
        var width = b.Length + 1;
        var table = width <= 128 ? stackalloc int[3 * width] : new int[3 * width];
        var previousPrevious = table[..width];
        var previous = table.Slice(width, width);
        var current = table[(2 * width)..];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], previousPrevious[j - 2] + 1);
                }

                rowMinimum = Math.Min(rowMinimum, current[j]);
            }

            if (rowMinimum > limit)
            {
                return limit + 1;
            }

            var oldest = previousPrevious;
            previousPrevious = previous;
            previous = current;
            current = oldest;
        }

        return previous[b.Length];
    }

    // Words residents use around every question, which say nothing about its topic.
    private static readonly HashSet<string> ExtraStopWords = new(StringComparer.Ordinal)
    {
        "hoe", "wat", "waar", "wanneer", "moet", "moeten", "kan", "kunnen", "wil", "willen", "weet", "niet", "nie", "geen", "mee", "erop",
        "help", "hulp", "helpen", "vraag", "vragen", "lukt", "gaat", "doen", "krijg", "krijgen", "nu", "toch", "eens", "keer", "heb", "hebt",
        "comment", "faire", "veux", "peux", "dois", "aide", "aider", "besoin", "how", "can", "need", "want", "get", "do", "does", "my", "please",
    };
}
