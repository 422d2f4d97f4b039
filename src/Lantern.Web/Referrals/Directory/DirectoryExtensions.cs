using Lantern.Web.Referrals.Organisations;

namespace Lantern.Web.Referrals.Directory;

public static class DirectoryExtensions
{
    /// <summary>The organisation editor (staff) and the public help directory.</summary>
    public static IServiceCollection AddHelpDirectory(this IServiceCollection services)
    {
        services.AddScoped<OrganisationEditor>();
        services.AddScoped<HelpDirectory>();
        return services;
    }
}
