namespace Digibank.Api.Partners;

/// <summary>How a plug-in run ended. Stored by name; new values go at the end.</summary>
public enum SyncOutcome
{
    Succeeded,
    Failed,
    TimedOut,

    /// <summary>The run's snapshot would have withdrawn most of the partner's courses; the API held that back until a coordinator confirms.</summary>
    NeedsConfirmation,

    /// <summary>The plug-in host stopped running the plug-in after repeated crashes or timeouts; the run's error says why.</summary>
    Quarantined,
}
