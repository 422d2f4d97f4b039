using Lantern.Web.Accounts;
using Lantern.Web.Audit;
using Lantern.Web.Cases;
using Lantern.Web.Detection;
using Lantern.Web.Platform.Mail;
using Lantern.Web.Referrals;
using Lantern.Web.Referrals.Organisations;
using Lantern.Web.Referrals.Regions;
using Lantern.Web.Referrals.Routing;
using Lantern.Web.Reporting;
using Lantern.Web.Reporting.Catalogue;
using Lantern.Web.Reporting.Files;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Platform.Persistence;

/// <summary>
/// The one database of Lantern. Each capability configures its own entities with
/// <see cref="IEntityTypeConfiguration{TEntity}"/> classes beside them; they are all applied here.
/// </summary>
public class LanternDbContext(DbContextOptions options) : IdentityDbContext<StaffUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<Report> Reports => Set<Report>();

    public DbSet<ReportItem> ReportItems => Set<ReportItem>();

    public DbSet<ReportForm> ReportForms => Set<ReportForm>();

    public DbSet<ReportSign> ReportSigns => Set<ReportSign>();

    public DbSet<EntityIndexEntry> EntityIndex => Set<EntityIndexEntry>();

    public DbSet<ExploitationForm> ExploitationForms => Set<ExploitationForm>();

    public DbSet<Sign> Signs => Set<Sign>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<PostcodeRange> PostcodeRanges => Set<PostcodeRange>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<Referral> Referrals => Set<Referral>();

    public DbSet<RoutingRule> RoutingRules => Set<RoutingRule>();

    public DbSet<ReferralDismissal> ReferralDismissals => Set<ReferralDismissal>();

    public DbSet<ReportFile> ReportFiles => Set<ReportFile>();

    public DbSet<OutboxMail> MailOutbox => Set<OutboxMail>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.ReadDateTimesAsUtc();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LanternDbContext).Assembly);
    }
}
