using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Digibank.Api.Notifications;

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
