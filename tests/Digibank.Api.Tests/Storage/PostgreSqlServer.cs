using Microsoft.AspNetCore.Hosting;
using Digibank.Api.Testing;

namespace Digibank.Api.Tests.Storage;

/// <summary>
/// The PostgreSQL server the provider-specific tests use: a real one on 127.0.0.1, named by
/// <c>DIGIBANK_TEST_POSTGRESQL</c> (a connection string of a role that may create databases). <c>.ci/run</c>
/// installs Debian's <c>postgresql</c>, starts it and sets the variable; the README shows how to do the same.
/// Every test class gets a database of its own, dropped afterwards.
/// </summary>
public static class PostgreSqlServer
{
    public const string Variable = "DIGIBANK_TEST_POSTGRESQL";

    public static string? AdminConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static string SkipReason =>
        $"No PostgreSQL server for the tests: set {Variable}, e.g. \"Host=127.0.0.1;Username=digibank;Password=digibank;Database=postgres\" (see the README).";
}

/// <summary>A test that needs a PostgreSQL server; skipped, with the reason, without one.</summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (PostgreSqlServer.AdminConnectionString is null)
        {
            Skip = PostgreSqlServer.SkipReason;
        }
    }
}

public sealed class PostgreSqlTheoryAttribute : TheoryAttribute
{
    public PostgreSqlTheoryAttribute()
    {
        if (PostgreSqlServer.AdminConnectionString is null)
        {
            Skip = PostgreSqlServer.SkipReason;
        }
    }
}

/// <summary>
/// The API on a PostgreSQL database of its own; or, given another factory, a second instance of the API on
/// that one's database, as two instances behind a load balancer share one.
/// </summary>
public class PostgreSqlApiFactory : DigibankApiFactory
{
    private readonly PostgreSqlApiFactory? _sharesWith;
    private string? _connectionString;

    public PostgreSqlApiFactory()
        : this(null)
    {
    }

    protected PostgreSqlApiFactory(PostgreSqlApiFactory? sharesWith)
    {
        _sharesWith = sharesWith;
        if (sharesWith is not null)
        {
            foreach (var (name, value) in sharesWith.Settings)
                Settings[name] = value;
        }
    }

    /// <summary>More settings of this instance (and of its second instance), e.g. Redis.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    public string ConnectionString => _connectionString ??= _sharesWith?.ConnectionString
        ?? (PostgreSqlServer.AdminConnectionString is null
            ? throw new InvalidOperationException(PostgreSqlServer.SkipReason)
            : ScratchDatabases.CreateAsync(PostgreSqlServer.AdminConnectionString, "digibank_test").GetAwaiter().GetResult());

    /// <summary>A second API instance on this one's database.</summary>
    public PostgreSqlApiFactory SecondInstance() => new(this);

    protected override void ConfigureStore(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:Provider", "PostgreSQL");
        builder.UseSetting("ConnectionStrings:Digibank", ConnectionString);
        foreach (var (name, value) in Settings)
            builder.UseSetting(name, value);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (_sharesWith is null && _connectionString is not null)
        {
            ScratchDatabases.Drop(PostgreSqlServer.AdminConnectionString!, _connectionString);
        }
    }
}

/// <summary>Two API instances on one PostgreSQL database, for the tests that race across instances.</summary>
public sealed class TwoPostgreSqlInstances : IDisposable
{
    private readonly PostgreSqlApiFactory _first = new();
    private readonly Lazy<PostgreSqlApiFactory> _second;

    public TwoPostgreSqlInstances() => _second = new(() =>
    {
        _ = _first.Server; // the first starts alone, migrates and seeds; the second finds it done
        return _first.SecondInstance();
    });

    public IReadOnlyList<DigibankApiFactory> Both => [_first, _second.Value];

    public void Dispose()
    {
        if (_second.IsValueCreated)
        {
            _second.Value.Dispose();
        }

        _first.Dispose();
    }
}
