using System.Net;
using System.Text.RegularExpressions;

namespace Digibank.Api.Tests.Balie;

/// <summary>
/// Signs a staff member in to the counter over plain HTTP, through the sign-in page as a browser without script does:
/// the page's form with its hidden fields (antiforgery token, form name), then the post that sets the session cookie.
/// The <see cref="HttpClient"/> keeps cookies and does not follow redirects. For the tests that count a page's SQL
/// statements and for the benchmark, which link this file.
/// </summary>
public static partial class CounterHttpSignIn
{
    public const string SignInPath = "/balie/aanmelden";

    public static async Task SignInAsync(HttpClient http, string email, string password, CancellationToken cancellationToken = default)
    {
        var form = HiddenFields(await http.GetStringAsync(SignInPath, cancellationToken));
        form["Form.Email"] = email;
        form["Form.Password"] = password;
        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync(SignInPath, content, cancellationToken);
        // Signed in, the page sends the browser on to the counter; refused, it answers with the form again.
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains(SignInPath, StringComparison.Ordinal) != false)
        {
            throw new InvalidOperationException($"Signing in {email} failed: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    /// <summary>The hidden fields of a page with one form, by name, as the browser would post them.</summary>
    public static Dictionary<string, string> HiddenFields(string html) =>
        HiddenInput().Matches(html)
            .Select(match => (Name: WebUtility.HtmlDecode(match.Groups["name"].Value), Value: WebUtility.HtmlDecode(match.Groups["value"].Value)))
            .DistinctBy(field => field.Name)
            .ToDictionary(field => field.Name, field => field.Value);

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)"(?: value="(?<value>[^"]*)")?""")]
    private static partial Regex HiddenInput();
}
