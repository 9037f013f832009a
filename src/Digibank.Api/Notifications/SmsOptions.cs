namespace Digibank.Api.Notifications;

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
