using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Digibank.Api.Staff;

public static class StaffSetup
{
    public static WebApplicationBuilder AddStaffAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<StaffTokenOptions>(builder.Configuration.GetSection(StaffTokenOptions.Section));
        var dataFolder = Path.Combine(builder.Environment.ContentRootPath, "data");
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<StaffTokenOptions>>().Value;
            return new StaffTokens(StaffTokens.LoadKey(options, dataFolder), options, services.GetRequiredService<TimeProvider>());
        });
        builder.Services.AddAuthentication(StaffTokenAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, StaffTokenAuthentication>(StaffTokenAuthentication.SchemeName, configureOptions: null);
        builder.Services.AddAuthorization();
        return builder;
    }
}
