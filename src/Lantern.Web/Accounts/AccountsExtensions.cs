using Lantern.Web.Accounts.Authenticator;
using Lantern.Web.Accounts.SignIn;
using Lantern.Web.Accounts.Tokens;
using Lantern.Web.Core.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Lantern.Web.Accounts;

public static class AccountsExtensions
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        // Back-office pages (in a Staff folder) need a signed-in staff member and are never cached.
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(options => options.Conventions.Add(new Authorization.StaffPagesConvention()));
        services.AddOptions<AccountsOptions>().BindConfiguration(AccountsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddIdentityCore<StaffUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = Enrolment.MinimumPasswordLength;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireDigit = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<LanternDbContext>()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        // Authenticator keys are stored encrypted (replaces the store AddEntityFrameworkStores registered).
        services.AddScoped<IUserStore<StaffUser>, ProtectedTokenUserStore>();
        services.AddSingleton<ISeeder, ProtectStoredTokens>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<AccountsOptions>>((identity, accounts) =>
        {
            identity.Lockout.MaxFailedAccessAttempts = accounts.Value.MaxFailedSignIns;
            identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(accounts.Value.LockoutMinutes);
            identity.Lockout.AllowedForNewUsers = true;
        });

        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, PersonalAccessTokenHandler>(PersonalAccessTokenHandler.SchemeName, null)
            .AddIdentityCookies();
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<AccountsOptions>>((cookie, accounts) => StaffCookie.Configure(cookie, accounts.Value));

        // A disabled account or a new enrolment (security stamp change) ends open sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.FromMinutes(1);
            options.OnRefreshingPrincipal = StaffCookie.KeepSecondFactorClaim;
        });
        services.AddAuthorization(StaffPolicies.Add);

        services.AddScoped<StaffAccounts>();
        services.AddScoped<SecondFactor>();
        services.AddScoped<StaffSignIn>();
        services.AddSingleton<DecoyPasswordHash>();
        services.AddScoped<Enrolment>();
        services.AddSingleton<StepUp>();
        return services;
    }
}
