namespace Digibank.Api.Notifications;

/// <summary>A message ready to send or to read out.</summary>
public sealed record Message(string Subject, string Body);
