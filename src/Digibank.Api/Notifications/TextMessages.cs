using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Digibank.Api.Notifications;

/// <summary>Sends a text message; throws with the reason when the message was not accepted, so it is tried again.</summary>
public interface ITextMessageChannel
{
    Task SendAsync(string phoneNumber, string text, CancellationToken cancellationToken);
}

public sealed class SmsOptions
{
    /// <summary>The gateway's address for sending one message. Empty: no texts are sent, and those people are on the call list.</summary>
    public string? Url { get; set; }

    /// <summary>With <see cref="Password"/>: HTTP Basic credentials for the gateway.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// The request body, with <c>{to}</c> (the number in E.164, as +32…), <c>{text}</c> and <c>{from}</c> filled in, each escaped for
    /// <see cref="ContentType"/>: JSON string escapes for <c>application/json</c>, URL encoding for a form.
    /// </summary>
    public string BodyTemplate { get; set; } = """{"to":"{to}","from":"{from}","text":"{text}"}""";

    public string ContentType { get; set; } = "application/json";

    /// <summary>The sender name or number the gateway shows.</summary>
    public string From { get; set; } = "Digibank";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool IsSet => !string.IsNullOrWhiteSpace(Url);
}

/// <summary>A generic HTTP SMS gateway: one POST per message, its body from <see cref="SmsOptions.BodyTemplate"/>; any 2xx answer is accepted.</summary>
public sealed class HttpSmsGateway(HttpClient http, IOptions<NotificationOptions> options) : ITextMessageChannel
{
    public async Task SendAsync(string phoneNumber, string text, CancellationToken cancellationToken)
    {
        var sms = options.Value.Sms;
        if (!sms.IsSet)
        {
            throw new InvalidOperationException("No SMS gateway is set (Notifications:Sms:Url).");
        }

        var form = sms.ContentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
        string Escape(string value) => form ? Uri.EscapeDataString(value) : JsonEncodedText.Encode(value, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value;
        var body = sms.BodyTemplate
            .Replace("{to}", Escape(PhoneNumber.ToE164(phoneNumber)), StringComparison.Ordinal)
            .Replace("{from}", Escape(sms.From), StringComparison.Ordinal)
            .Replace("{text}", Escape(text), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Post, sms.Url) { Content = new StringContent(body, Encoding.UTF8, sms.ContentType) };
        if (!string.IsNullOrEmpty(sms.UserName))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{sms.UserName}:{sms.Password}")));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(sms.Timeout);
        using var response = await SendAsync(request, timeout.Token, sms.Timeout, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The SMS gateway answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken withTimeout, TimeSpan timeout, CancellationToken stopping)
    {
        try
        {
            return await http.SendAsync(request, withTimeout);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            // A slow gateway is a failed try like any other, tried again on the message's schedule.
            throw new TimeoutException($"The SMS gateway did not answer within {timeout.TotalSeconds:0} seconds.");
        }
    }
}
