using Lantern.Web.Core.Catalogue;
using Lantern.Web.Core.Organisations;
using Lantern.Web.Core.Regions;
using Lantern.Web.Core.Staff;
using Lantern.Web.Platform.Mail;
using Lantern.Web.Platform.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Lantern.Web.Core.Persistence;

/// <summary>
/// The one database of Lantern. It names only the report core's entities (and the mail outbox of Platform); each
/// capability declares its own sets beside its entities with an extension block on this context (e.g.
/// <c>Referrals/ReferralsData</c>), and configures them with <see cref="IEntityTypeConfiguration{TEntity}"/> classes
/// that name their table, all applied here. So the core never names a capability and a new one adds tables without
/// touching this file.
/// </summary>
public class LanternDbContext(DbContextOptions options) : IdentityDbContext<StaffUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<Report> Reports => Set<Report>();

    public DbSet<ReportItem> ReportItems => Set<ReportItem>();

    public DbSet<ReportForm> ReportForms => Set<ReportForm>();

    public DbSet<ReportSign> ReportSigns => Set<ReportSign>();

    public DbSet<ExploitationForm> ExploitationForms => Set<ExploitationForm>();

    public DbSet<Sign> Signs => Set<Sign>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<PostcodeRange> PostcodeRanges => Set<PostcodeRange>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<OutboxMail> MailOutbox => Set<OutboxMail>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.ReadDateTimesAsUtc();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LanternDbContext).Assembly);
    }
}
