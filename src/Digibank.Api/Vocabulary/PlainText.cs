using System.Text;

namespace Digibank.Api.Vocabulary;

/// <summary>
/// Text from outside (a partner's title, a venue, a summary) made safe to show and to put into a message: without
/// control characters, which could start a line of their own in a message or a subject, and without the marks that
/// turn the direction of text (bidi overrides and isolates), which can make a link read as something else.
/// </summary>
public static class PlainText
{
    /// <summary>Text on one line: line breaks and tabs become a space, other control characters and direction marks go.</summary>
    public static string OneLine(string? text) => Clean(text, keepLineBreaks: false);

    /// <summary>Text of several lines (a summary): line breaks are kept as <c>\n</c>, other control characters and direction marks go.</summary>
    public static string Lines(string? text) => Clean(text, keepLineBreaks: true);

    /// <summary>Whether the text holds something <see cref="OneLine"/> or <see cref="Lines"/> takes out (line breaks aside, when they are kept).</summary>
    public static bool NeedsCleaning(string? text, bool keepLineBreaks) =>
        text is not null && text.Any(c => IsDirectionMark(c) || (IsControl(c) && !(keepLineBreaks && IsLineBreak(c))));

    private static string Clean(string? text, bool keepLineBreaks)
    {
        if (string.IsNullOrEmpty(text) || !NeedsCleaning(text, keepLineBreaks) && !(keepLineBreaks && text.Contains('\r', StringComparison.Ordinal)))
        {
            return text ?? string.Empty;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsDirectionMark(c))
            {
                continue;
            }

            if (keepLineBreaks && IsLineBreak(c))
            {
                // \r\n is one line break.
                if (c != '\r' || i + 1 >= text.Length || text[i + 1] != '\n')
                {
                    clean.Append('\n');
                }

                continue;
            }

            if (IsControl(c))
            {
                if ((IsLineBreak(c) || c == '\t') && clean.Length > 0 && clean[^1] != ' ')
                {
                    clean.Append(' ');
                }

                continue;
            }

            clean.Append(c);
        }

        return clean.ToString().Trim();
    }

    private static bool IsControl(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';

    private static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085';

    private static bool IsDirectionMark(char c) => c is '\u200E' or '\u200F' or '\u061C' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
