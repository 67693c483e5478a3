namespace Portal.Features.Distribution;

public static class DistributionSetup
{
    /// <summary>Sending approved minutes: the service pages call and the notice that refreshes open receipts lists.</summary>
    public static IServiceCollection AddDistribution(this IServiceCollection services)
    {
        services.AddScoped<DistributionService>();
        services.AddSingleton<DistributionNotifier>();
        return services;
    }
}
