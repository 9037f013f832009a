using Digibank.Api.Participants;
using Digibank.Api.Staff;
using Microsoft.EntityFrameworkCore;

namespace Digibank.Api.Tests.HelpRequests;

/// <summary>A write that fails half-way (here a trigger that refuses the request row) leaves nothing behind.</summary>
public sealed class HelpRequestTransactionTests : IDisposable
{
    private readonly DigibankApiFactory _api = new();

    [Fact]
    public async Task A_registration_that_fails_while_saving_leaves_no_participant_behind()
    {
        await using (var db = _api.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse_help_requests BEFORE INSERT ON HelpRequests BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
        }

        var response = await _api.CreateStaffClient(StaffRole.Coordinator).PostMutationAsync("registerHelpRequest",
            _api.Question("itsme", "Poperinge", "Bibliotheek Poperinge") with { Email = "half.written@example.com" }, "id");

        Assert.Equal(["INTERNAL_SERVER_ERROR"], response.ErrorCodes);
        Assert.DoesNotContain("disk full", response.Pretty, StringComparison.Ordinal);
        await using var after = _api.CreateDbContext();
        Assert.False(await after.Participants.AnyAsync(p => p.Email == "half.written@example.com"));
    }

    public void Dispose() => _api.Dispose();
}
