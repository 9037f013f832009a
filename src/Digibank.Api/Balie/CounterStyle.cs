using System.Security.Cryptography;
using System.Text;

namespace Digibank.Api.Balie;

/// <summary>
/// The counter's one style sheet, inlined in every page so a page is one request, and its hash, which the pages'
/// Content-Security-Policy allows as the only style: no other style, and no script at all, runs on a counter page.
/// </summary>
public static class CounterStyle
{
    public static string Css { get; } = Read();

    public static string Hash { get; } = $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css)))}'";

    private static string Read()
    {
        using var stream = typeof(CounterStyle).Assembly.GetManifestResourceStream("Digibank.Api.Balie/counter.css")
            ?? throw new InvalidOperationException("The counter's style sheet is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
