namespace Digibank.Api.Data;

/// <summary>
/// Marks the work of the API's own background services (the outbox dispatcher, the message sender, the
/// reminders), so that what counts a request's SQL statements leaves theirs out.
/// </summary>
public static class BackgroundWork
{
    private static readonly AsyncLocal<bool> Marked = new();

    public static bool IsRunning => Marked.Value;

    /// <summary>Marks the calling flow, and all it awaits from here on, as background work.</summary>
    public static void Mark() => Marked.Value = true;
}
