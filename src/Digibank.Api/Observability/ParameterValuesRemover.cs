using System.Diagnostics;
using OpenTelemetry;

namespace Digibank.Api.Observability;

/// <summary>
/// Takes SQL parameter values off a span before any exporter sees it. EF Core sends values as parameters, and
/// the instrumentation records them only when an environment variable asks for it; a resident's name or phone
/// number must never leave in a span however the environment is set, so they are removed here as well.
/// The statement text itself stays: the instrumentation replaces the literals in it with placeholders.
/// </summary>
public sealed class ParameterValuesRemover : BaseProcessor<Activity>
{
    public const string ParameterPrefix = "db.query.parameter.";

    public override void OnEnd(Activity data)
    {
        if (data.Kind != ActivityKind.Client)
        {
            return;
        }

        List<string>? parameters = null;
        foreach (var tag in data.TagObjects)
        {
            if (tag.Key.StartsWith(ParameterPrefix, StringComparison.Ordinal))
            {
                (parameters ??= []).Add(tag.Key);
            }
        }

        foreach (var parameter in parameters ?? [])
        {
            data.SetTag(parameter, null);
        }
    }
}
