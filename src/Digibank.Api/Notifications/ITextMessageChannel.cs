namespace Digibank.Api.Notifications;

/// <summary>Sends a text message; throws with the reason when the message was not accepted, so it is tried again.</summary>
public interface ITextMessageChannel
{
    Task SendAsync(string phoneNumber, string text, CancellationToken cancellationToken);
}
