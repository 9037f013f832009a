namespace Digibank.Api.Vocabulary;

/// <summary>What a feature service returns: its result, or the error that made it change nothing.</summary>
public readonly record struct Result<TResult>(TResult? Value, UserError? Error)
    where TResult : class
{
    public static implicit operator Result<TResult>(TResult value) => new(value, null);

    public static implicit operator Result<TResult>(UserError error) => new(null, error);

    /// <summary>The result made into another (a feature service's result into a payload); an error stays as it is.</summary>
    public Result<TOther> Map<TOther>(Func<TResult, TOther> map)
        where TOther : class =>
        Error is null ? map(Value!) : Error;
}
