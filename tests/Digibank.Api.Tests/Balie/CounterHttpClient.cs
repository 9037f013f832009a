using System.Net;
using System.Text.RegularExpressions;

namespace Digibank.Api.Tests.Balie;

/// <summary>
/// The counter's pages as a browser without script uses them, at the HTTP level: cookies kept, redirects seen, and a
/// form posted the way the page renders it (its handler name and antiforgery token read from the page).
/// </summary>
public sealed partial class CounterHttpClient(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseAddress };

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    /// <summary>Opens <paramref name="path"/>, fills its form <paramref name="formName"/> with <paramref name="fields"/> and posts it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string path, string formName, IReadOnlyDictionary<string, string> fields, bool withAntiforgery = true)
    {
        var page = await (await _http.GetAsync(path)).Content.ReadAsStringAsync();
        Assert.Contains($"name=\"_handler\" value=\"{formName}\"", page, StringComparison.Ordinal);
        var posted = new Dictionary<string, string>(fields) { ["_handler"] = formName };
        if (withAntiforgery)
        {
            posted["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value;
        }

        return await _http.PostAsync(path, new FormUrlEncodedContent(posted));
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        await SubmitAsync("/balie/aanmelden", "aanmelden", new Dictionary<string, string> { ["Form.Email"] = email, ["Form.Password"] = password });

    /// <summary>Where a redirect leads, as a path with its query.</summary>
    public static string? Location(HttpResponseMessage response) =>
        response.Headers.Location is { } location ? (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString) : null;

    /// <summary>The page's HTML without what differs on every answer (antiforgery tokens), to compare two answers.</summary>
    public static string Comparable(string html) => AntiforgeryToken().Replace(html, "token");

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
