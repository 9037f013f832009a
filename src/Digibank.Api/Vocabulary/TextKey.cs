using System.Text;

namespace Digibank.Api.Vocabulary;

/// <summary>
/// Folds text into a search key: lower case, accents removed, only letters and digits kept.
/// "Tax-on-web", "tax on web" and "taxonweb" all become "taxonweb", and "Één" becomes "een",
/// so residents find a course however they type it. Keys are stored beside the text they fold,
/// which keeps matching inside SQL and lets an index serve it.
/// </summary>
public static class TextKey
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        foreach (var character in decomposed)
        {
            if (char.IsLetterOrDigit(character))
            {
                key.Append(char.ToLowerInvariant(character));
            }
        }

        return key.ToString().Normalize(NormalizationForm.FormC);
    }
}
