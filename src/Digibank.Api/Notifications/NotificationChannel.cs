namespace Digibank.Api.Notifications;

public enum NotificationChannel
{
    /// <summary>Over SMTP, or as an <c>.eml</c> file under the data folder when no SMTP server is set.</summary>
    Email,

    /// <summary>A text message through the SMS gateway, to a person who gave a mobile number and agreed to texts.</summary>
    Sms,

    /// <summary>A task on the call list of the help point involved: the person has no e-mail address.</summary>
    CallList,
}
