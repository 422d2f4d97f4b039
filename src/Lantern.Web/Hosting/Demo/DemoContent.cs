using Lantern.Web.Accounts;
using Lantern.Web.Core.Staff;
using Lantern.Web.Reporting.Intake;
using Microsoft.AspNetCore.Identity;

namespace Lantern.Web.Hosting.Demo;

/// <summary>
/// On a first run in Development (and while <see cref="AccountsOptions.CreateDemoContent"/> is on), creates a demo
/// administrator (who is also a coordinator, so the inbox has something to show) and a handful of clearly fictitious
/// reports, through the same use cases as real intake. At every start in Development it works out how to sign in
/// as that administrator, for the welcome message.
/// </summary>
public sealed class DemoContent(
    IServiceScopeFactory scopes,
    IHostEnvironment environment,
    IOptions<AccountsOptions> accounts,
    TimeProvider clock,
    ILogger<DemoContent> logger)
{
    public const string AdminEmail = "admin@demo.lantern.invalid";
    private const string Actor = "demo";

    /// <summary>What start-up prints about signing in; null outside Development or when the demo is off.</summary>
    public DemoSignIn? SignIn { get; private set; }

    public bool Enabled => environment.IsDevelopment() && accounts.Value.CreateDemoContent;

    public async Task PrepareAsync(CancellationToken cancellationToken = default)
    {
        if (!Enabled)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<LanternDbContext>();
        var users = services.GetRequiredService<UserManager<StaffUser>>();
        var staff = services.GetRequiredService<StaffAccounts>();

        // Only on a database without any staff: never beside real accounts.
        if (!await db.Users.AnyAsync(cancellationToken))
        {
            var token = await CreateAdministratorAsync(services, staff, users, cancellationToken);
            await CreateReportsAsync(services, db, users, cancellationToken);
            await DemoOrganisations.SetNoticeAddressesAsync(db, cancellationToken);
            SignIn = new DemoSignIn(AdminEmail, token);
            return;
        }

        var admin = await users.FindByEmailAsync(AdminEmail);
        if (admin is null || admin.IsDisabled)
        {
            return;
        }

        if (admin.EnrolmentTokenHash is null && admin.TwoFactorEnabled)
        {
            SignIn = new DemoSignIn(AdminEmail, null);
            return;
        }

        // The last link was printed, not kept: a fresh one replaces it.
        var reset = await staff.ResetEnrolmentAsync(AdminEmail, Actor, cancellationToken);
        SignIn = reset.Value is null ? null : new DemoSignIn(AdminEmail, reset.Value.EnrolmentToken);
    }

    private async Task<string> CreateAdministratorAsync(IServiceProvider services, StaffAccounts staff, UserManager<StaffUser> users, CancellationToken cancellationToken)
    {
        var created = await staff.AddAsync(AdminEmail, StaffRoles.Administrator, null, Actor, cancellationToken);
        if (created.Value is null)
        {
            throw new InvalidOperationException("The demo administrator could not be created: " + created.Error);
        }

        var roles = services.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        if (!await roles.RoleExistsAsync(StaffRoles.Coordinator))
        {
            await roles.CreateAsync(new IdentityRole<Guid>(StaffRoles.Coordinator) { Id = Guid.CreateVersion7() });
        }

        await users.AddToRoleAsync(created.Value.User, StaffRoles.Coordinator);
        logger.LogInformation("Created the demo administrator and demo reports (Development only).");
        return created.Value.EnrolmentToken;
    }

    private async Task CreateReportsAsync(IServiceProvider services, LanternDbContext db, UserManager<StaffUser> users, CancellationToken cancellationToken)
    {
        var validator = services.GetRequiredService<ReportValidator>();
        var submit = services.GetRequiredService<SubmitReport>();
        var admin = await users.FindByEmailAsync(AdminEmail) ?? throw new InvalidOperationException("The demo administrator is missing.");
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var demo in DemoReports.All)
        {
            var source = demo.Channel switch
            {
                ReportCodes.Channels.Phone => IntakeSource.PhoneCall(admin.Id, interpreterUsed: true, callMinutes: 18),
                ReportCodes.Channels.Api => IntakeSource.Api,
                _ => IntakeSource.Web,
            };

            // The same rules as real intake: demo data that would be refused is a bug in the demo.
            var errors = await validator.ValidateAsync(demo.Content, source, cancellationToken);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException("A demo report is invalid: " + string.Join(", ", errors.Select(e => e.Field + " " + e.MessageKey)));
            }

            var submitted = await submit.ExecuteAsync(demo.Content, source, cancellationToken);

            // Spread over the last days, so the inbox shows old and new reports; the receipt is not kept.
            var receivedAt = now.AddHours(-demo.HoursAgo);
            var id = await db.Reports.Where(r => r.Reference == submitted.Reference).Select(r => r.Id).SingleAsync(cancellationToken);
            await db.Reports.Where(r => r.Id == id).ExecuteUpdateAsync(r => r.SetProperty(x => x.ReceivedAt, receivedAt), cancellationToken);
            await db.ReportItems.Where(i => i.ReportId == id).ExecuteUpdateAsync(i => i.SetProperty(x => x.CreatedAt, receivedAt), cancellationToken);
        }
    }
}
