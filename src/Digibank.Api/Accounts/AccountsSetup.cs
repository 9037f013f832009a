using Digibank.Api.Data;
using Digibank.Api.Data.Outbox;
using Digibank.Api.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Digibank.Api.Accounts;

public static class AccountsSetup
{
    /// <summary>The cookie of a counter session; it goes only to the counter's own pages, never to the API.</summary>
    public const string SessionCookie = "digibank-balie";

    public const string BaliePath = StaffSetup.CounterPath;

    /// <summary>
    /// Staff accounts with ASP.NET Core Identity: password hashing, lockout and authenticator codes; the counter's
    /// pages sign in with a cookie whose security stamp every request checks, API clients keep their bearer tokens.
    /// </summary>
    public static WebApplicationBuilder AddStaffAccounts(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddHttpContextAccessor();
        services.AddIdentityCore<StaffAccount>(identity =>
            {
                identity.Password.RequiredLength = StaffAccounts.MinPasswordLength;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequiredUniqueChars = 4;
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = options.MaxFailedSignIns;
                identity.Lockout.DefaultLockoutTimeSpan = options.LockoutPeriod;
                identity.User.RequireUniqueEmail = true;
                identity.ClaimsIdentity.UserIdClaimType = StaffUser.AccountClaim;
            })
            .AddSignInManager<StaffSignInManager>()
            .AddClaimsPrincipalFactory<StaffAccountClaims>()
            .AddTokenProvider<AuthenticatorTokenProvider<StaffAccount>>(TokenOptions.DefaultAuthenticatorProvider);
        services.AddScoped<AccountStoreContext>();
        services.AddScoped<IUserStore<StaffAccount>>(scope => new UserOnlyStore<StaffAccount, DigibankDbContext, int>(scope.GetRequiredService<AccountStoreContext>().Db));
        services.AddAuthentication()
            .AddCookie(IdentityConstants.ApplicationScheme, cookie =>
            {
                cookie.Cookie.Name = SessionCookie;
                cookie.Cookie.Path = BaliePath;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.LoginPath = $"{BaliePath}/aanmelden";
                cookie.AccessDeniedPath = $"{BaliePath}/geen-toegang";
                cookie.ExpireTimeSpan = options.IdleTimeout;
                cookie.SlidingExpiration = true;
                cookie.Events.OnValidatePrincipal = EndUnlessCurrentAsync;
            })
            .AddCookie(IdentityConstants.TwoFactorUserIdScheme, cookie =>
            {
                cookie.Cookie.Name = $"{SessionCookie}-code";
                cookie.Cookie.Path = BaliePath;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.ExpireTimeSpan = TimeSpan.FromMinutes(5);
            });
        services.AddSingleton<IAccountSessions, AccountSessions>();
        services.AddSingleton<InvitationLinks>();
        services.AddScoped<StaffAccounts>();
        services.AddScoped<CounterSignIn>();
        services.AddOutboxConsumer<StaffAccessEndedConsumer>();
        return builder;
    }

    /// <summary>
    /// Every request of a counter session reads its account: deactivated, or its stamp renewed (access changed), and the
    /// session ends there. Not Identity's interval-based validator: an interval, however short, is a window.
    /// </summary>
    private static async Task EndUnlessCurrentAsync(CookieValidatePrincipalContext context)
    {
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<StaffAccount>>();
        if (context.Principal is null || await signIn.ValidateSecurityStampAsync(context.Principal) is not { IsActive: true })
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
