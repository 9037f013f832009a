using Digibank.Api.Data.Leases;
using Digibank.Api.Data.Outbox;

namespace Digibank.Api.Notifications;

public static class NotificationsSetup
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.AddSingleton<NotificationSignal>();
        services.AddSingleton<MessageWriter>();
        services.AddSingleton<MailFolder>();
        services.AddSingleton<Mailboxes>();
        services.AddHttpClient<ITextMessageChannel, HttpSmsGateway>();
        services.AddOutboxConsumer<NotificationsConsumer>();
        services.AddSingleton<NotificationSender>();
        services.AddSingleton<Reminders>();
        services.AddSingleton<CounterFailedMessages>();
        services.AddScoped<CounterCallList>();
        services.AddLeasedHostedService<Reminders>("reminders");
        return services.AddLeasedHostedService<NotificationSender>("notification sender");
    }
}
