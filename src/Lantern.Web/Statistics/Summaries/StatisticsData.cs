namespace Lantern.Web.Statistics.Summaries;

/// <summary>The sets of this capability on <see cref="LanternDbContext"/>, declared here so the core never names them.</summary>
public static class StatisticsData
{
    extension(LanternDbContext db)
    {
        public DbSet<StatisticsDay> StatisticsDays => db.Set<StatisticsDay>();

        public DbSet<StatisticsMonth> StatisticsMonths => db.Set<StatisticsMonth>();

        public DbSet<StatisticsDirtyDay> StatisticsDirtyDays => db.Set<StatisticsDirtyDay>();

        public DbSet<SummaryCube> SummaryCube => db.Set<SummaryCube>();

        public DbSet<SummaryForm> SummaryForms => db.Set<SummaryForm>();

        public DbSet<SummaryDuration> SummaryDurations => db.Set<SummaryDuration>();

        public DbSet<SummaryReferral> SummaryReferrals => db.Set<SummaryReferral>();
    }
}
