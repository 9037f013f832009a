namespace Digibank.Plugins.Host;

/// <summary>How a run ended, as reported to the API.</summary>
public enum SyncOutcome
{
    /// <summary>Offers, sign-ups and sign-up changes all went through.</summary>
    Succeeded,

    /// <summary>The plug-in or the API failed.</summary>
    Failed,

    /// <summary>The run did not finish within the plug-in's timeout.</summary>
    TimedOut,

    /// <summary>The API held back a snapshot that would withdraw most of the partner's courses until a coordinator confirms it.</summary>
    NeedsConfirmation,

    /// <summary>The host stopped running the plug-in after repeated crashes or timeouts.</summary>
    Quarantined,
}
