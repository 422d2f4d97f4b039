namespace Lantern.Web.Referrals.Directory;

public static class DirectoryExtensions
{
    /// <summary>The public help directory (the organisation editor, staff, is registered by <c>AddReferrals</c>).</summary>
    public static IServiceCollection AddHelpDirectory(this IServiceCollection services)
    {
        services.AddScoped<HelpDirectory>();
        return services;
    }
}
