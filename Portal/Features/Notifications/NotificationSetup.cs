namespace Portal.Features.Notifications;

/// <summary>The notifications' shared services (the scoped ones are in AddFeatureServices) and the outbox's sender.</summary>
public static class NotificationSetup
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddSingleton<NotificationSignal>();
        services.AddHostedService<NotificationOutboxJob>();
        return services;
    }
}
