using Digibank.Api.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Digibank.Api.Accounts;

public static class AccountTables
{
    extension(DigibankDbContext db)
    {
        public DbSet<StaffAccount> StaffAccounts => db.Set<StaffAccount>();
    }
}

/// <summary>
/// Identity's tables for staff accounts, in the one store: the accounts, and the tokens Identity keeps per account (an
/// authenticator app's key and recovery codes). Claims and external logins are not used; their tables exist because
/// Identity's store asks for them.
/// </summary>
internal sealed class AccountTablesModel :
    IEntityTypeConfiguration<StaffAccount>,
    IEntityTypeConfiguration<IdentityUserToken<int>>,
    IEntityTypeConfiguration<IdentityUserClaim<int>>,
    IEntityTypeConfiguration<IdentityUserLogin<int>>
{
    public void Configure(EntityTypeBuilder<StaffAccount> account)
    {
        account.StoredIn("StaffAccounts");
        account.Property(a => a.Name).HasMaxLength(100);
        account.Property(a => a.UserName).HasMaxLength(256);
        account.Property(a => a.NormalizedUserName).HasMaxLength(256);
        account.Property(a => a.Email).HasMaxLength(256);
        account.Property(a => a.NormalizedEmail).HasMaxLength(256);
        account.Property(a => a.InvitedBy).HasMaxLength(120);
        account.Property(a => a.ConcurrencyStamp).IsConcurrencyToken();
        account.HasIndex(a => a.NormalizedUserName).IsUnique();
        account.HasIndex(a => a.NormalizedEmail).IsUnique();
        account.HasIndex(a => a.RegionId);
        account.Ignore(a => a.IsActive);
        account.Ignore(a => a.Subject);
    }

    public void Configure(EntityTypeBuilder<IdentityUserToken<int>> token)
    {
        token.StoredIn("StaffAccountTokens");
        token.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
        token.Property(t => t.LoginProvider).HasMaxLength(128);
        token.Property(t => t.Name).HasMaxLength(128);
        token.HasOne<StaffAccount>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<IdentityUserClaim<int>> claim)
    {
        claim.StoredIn("StaffAccountClaims");
        claim.HasKey(c => c.Id);
        claim.HasOne<StaffAccount>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<IdentityUserLogin<int>> login)
    {
        login.StoredIn("StaffAccountLogins");
        login.HasKey(l => new { l.LoginProvider, l.ProviderKey });
        login.Property(l => l.LoginProvider).HasMaxLength(128);
        login.Property(l => l.ProviderKey).HasMaxLength(128);
        login.HasOne<StaffAccount>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
