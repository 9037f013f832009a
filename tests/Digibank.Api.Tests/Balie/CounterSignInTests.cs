using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Digibank.Api.Balie.Pages;
using Digibank.Api.Staff;
using Digibank.Api.Tests.GraphQL.Transport;

namespace Digibank.Api.Tests.Balie;

/// <summary>
/// Signing in at the counter over HTTP, as a browser without script does: one answer for every refusal, lockout,
/// antiforgery, the session's end after a period without use, an authenticator app, and what every page answers with.
/// </summary>
public sealed partial class CounterSignInTests(LoopbackApiFactory api) : IClassFixture<LoopbackApiFactory>
{
    [Fact]
    public async Task An_unknown_address_and_a_wrong_password_get_the_same_answer()
    {
        var account = await CounterAccounts.CreateAsync(api.Services, StaffRole.Staff, [1]);
        using var browser = new CounterHttpClient(api.HttpAddress);

        var unknown = await browser.SignInAsync($"niemand.{Guid.NewGuid():N}@digibank.test", account.Password);
        var wrong = await browser.SignInAsync(account.Email, "niet het goede wachtwoord");
        var (unknownPage, wrongPage) = (await unknown.Content.ReadAsStringAsync(), await wrong.Content.ReadAsStringAsync());

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (unknown.StatusCode, wrong.StatusCode));
        Assert.Contains(WebUtility.HtmlEncode(SignIn.Refused), wrongPage, StringComparison.Ordinal);
        Assert.Equal(CounterHttpClient.Comparable(unknownPage).Replace(FilledEmail().Match(unknownPage).Value, string.Empty, StringComparison.Ordinal),
            CounterHttpClient.Comparable(wrongPage).Replace(FilledEmail().Match(wrongPage).Value, string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_five_wrong_passwords_the_right_one_is_refused_too_with_the_same_answer()
    {
        var account = await CounterAccounts.CreateAsync(api.Services, StaffRole.Staff, [1]);
        var colleague = await CounterAccounts.CreateAsync(api.Services, StaffRole.Staff, [1]);
        using var browser = new CounterHttpClient(api.HttpAddress);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await browser.SignInAsync(account.Email, $"fout wachtwoord {attempt}");
        }

        var locked = await browser.SignInAsync(account.Email, account.Password);
        var other = await browser.SignInAsync(colleague.Email, colleague.Password);

        Assert.Contains(WebUtility.HtmlEncode(SignIn.Refused), await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Redirect, "/balie"), (other.StatusCode, CounterHttpClient.Location(other)));
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused_and_signs_in_nobody()
    {
        var account = await CounterAccounts.CreateAsync(api.Services, StaffRole.Staff, [1]);
        using var browser = new CounterHttpClient(api.HttpAddress);

        var forged = await browser.SubmitAsync("/balie/aanmelden", "aanmelden",
            new Dictionary<string, string> { ["Form.Email"] = account.Email, ["Form.Password"] = account.Password }, withAntiforgery: false);
        var today = await browser.GetAsync("/balie");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, today.StatusCode);
        Assert.StartsWith("/balie/aanmelden", CounterHttpClient.Location(today), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_ends_after_eight_hours_without_use_and_each_page_opened_starts_the_period_again()
    {
        var account = await CounterAccounts.CreateAsync(api.Services, StaffRole.Staff, [1]);
        using var browser = new CounterHttpClient(api.HttpAddress);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(account.Email, account.Password)).StatusCode);

        api.ManualClock.Advance(TimeSpan.FromHours(7));
        var afterSeven = await browser.GetAsync("/balie");
        api.ManualClock.Advance(TimeSpan.FromHours(7));
        var sevenLater = await browser.GetAsync("/balie");
        api.ManualClock.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));
        var eightIdle = await browser.GetAsync("/balie");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (afterSeven.StatusCode, sevenLater.StatusCode));
        Assert.Equal(HttpStatusCode.Redirect, eightIdle.StatusCode);
        Assert.StartsWith("/balie/aanmelden", CounterHttpClient.Location(eightIdle), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_authenticator_app_a_password_alone_signs_in_nobody_and_the_apps_code_completes_it()
    {
        var account = await CounterAccounts.CreateAsync(api.Services, StaffRole.Staff, [1]);
        using var browser = new CounterHttpClient(api.HttpAddress);
        await browser.SignInAsync(account.Email, account.Password);
        var key = AuthenticatorKey().Match(await (await browser.GetAsync("/balie/account")).Content.ReadAsStringAsync()).Groups[1].Value;
        var turnedOn = await browser.SubmitAsync("/balie/account", "code-aan", new Dictionary<string, string> { ["On.Code"] = Totp(key) });
        Assert.Equal("/balie/account?gedaan=code-aan", CounterHttpClient.Location(turnedOn));

        using var later = new CounterHttpClient(api.HttpAddress);
        var password = await later.SignInAsync(account.Email, account.Password);
        var beforeCode = await later.GetAsync("/balie");
        var wrongCode = await later.SubmitAsync("/balie/aanmelden/code", "code", new Dictionary<string, string> { ["Form.Code"] = "000000" == Totp(key) ? "111111" : "000000" });
        var rightCode = await later.SubmitAsync("/balie/aanmelden/code", "code", new Dictionary<string, string> { ["Form.Code"] = Totp(key) });

        Assert.StartsWith("/balie/aanmelden/code", CounterHttpClient.Location(password), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, beforeCode.StatusCode);
        Assert.Contains("Deze code klopt niet", await wrongCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Redirect, "/balie"), (rightCode.StatusCode, CounterHttpClient.Location(rightCode)));
        Assert.Equal(HttpStatusCode.OK, (await later.GetAsync("/balie")).StatusCode);
    }

    [Fact]
    public async Task The_counter_answers_with_a_policy_that_runs_no_script_in_no_frame_and_stores_nothing()
    {
        using var browser = new CounterHttpClient(api.HttpAddress);
        var page = await browser.GetAsync("/balie/aanmelden");
        var html = await page.Content.ReadAsStringAsync();

        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.StartsWith("default-src 'none'; style-src 'sha256-", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("no-store", page.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"nl\">", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// The code an authenticator app shows now for <paramref name="key"/> (RFC 6238: 30-second steps, 6 digits, HMAC-SHA1).
    /// By the wall clock, as a phone's: Identity checks codes against the machine's time, not the application's clock.
    /// </summary>
    private static string Totp(string key)
    {
        var secret = Base32(key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant());
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

        var hash = HMACSHA1.HashData(secret, counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex("<strong class=\"key\">([a-z2-7 ]+)</strong>")]
    private static partial Regex AuthenticatorKey();

    [GeneratedRegex("value=\"[^\"]*@digibank.test\"")]
    private static partial Regex FilledEmail();
}
