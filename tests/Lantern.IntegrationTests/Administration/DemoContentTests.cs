using System.Net;
using System.Text.Json;
using Lantern.IntegrationTests.Forms;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Core.Access;
using Lantern.Web.Core.Persistence;
using Lantern.Web.Core.Reports;
using Lantern.Web.Core.Staff;
using Lantern.Web.Hosting.Demo;
using Lantern.Web.Platform.Crypto;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Lantern.IntegrationTests.Administration;

/// <summary>Lantern on SQLite in the Development environment, where a first run creates demo content.</summary>
public sealed class DevelopmentSqliteLanternFactory : SqliteLanternFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
    }
}

/// <summary>Lantern on PostgreSQL in the Development environment.</summary>
public sealed class DevelopmentPostgresLanternFactory : PostgresLanternFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
    }
}

public sealed class DemoContentTestsOnSqlite(DevelopmentSqliteLanternFactory factory) : DemoContentTests<DevelopmentSqliteLanternFactory>(factory);

public sealed class DemoContentTestsOnPostgres(DevelopmentPostgresLanternFactory factory) : DemoContentTests<DevelopmentPostgresLanternFactory>(factory);

/// <summary>
/// The first start in Development creates a demo administrator and fictitious reports; later starts create nothing
/// more, print a fresh enrolment link until the administrator has enrolled, then the sign-in address.
/// Each start is a new host on the same data directory and database.
/// </summary>
public abstract class DemoContentTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory
{
    [Fact]
    public async Task TheFirstStart_CreatesTheDemo_AndLaterStartsNeitherDuplicateItNorLoseTheWayIn()
    {
        string firstLink;
        (int Users, int Reports, int Items) firstCounts;
        await using (var first = Start())
        {
            var signIn = first.Services.GetRequiredService<DemoContent>().SignIn;
            Assert.NotNull(signIn);
            Assert.Equal(DemoContent.AdminEmail, signIn.Email);
            Assert.NotNull(signIn.EnrolmentToken);
            firstLink = "/staff/enrol/" + signIn.EnrolmentToken;

            await using var scope = first.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var admin = await users.FindByEmailAsync(DemoContent.AdminEmail);
            Assert.NotNull(admin);
            Assert.Equal([StaffRoles.Administrator, StaffRoles.Coordinator], (await users.GetRolesAsync(admin)).Order(StringComparer.Ordinal));

            var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
            var reports = await db.Reports.AsNoTracking().Include(r => r.Items).ToListAsync(Cancellation);
            Assert.Equal(DemoReports.All.Count, reports.Count);
            Assert.InRange(reports.Count, 6, 12);
            Assert.Equal(["BE-BRU", "BE-VLG", "BE-WAL"], reports.Select(r => r.Region).Distinct().Order(StringComparer.Ordinal));
            Assert.Contains(reports, r => r.ImmediateDanger == true);
            Assert.Contains(reports, r => r.MinorsInvolved == true);
            var call = Assert.Single(reports, r => r.Channel == ReportCodes.Channels.Phone);
            Assert.Equal(admin.Id, call.RecordedById);
            Assert.NotNull(call.CallMinutes);
            Assert.Contains(reports, r => r.ReceivedAt < DateTime.UtcNow.AddDays(-1));

            // Partners get clearly fictitious notice addresses (a reserved domain); the rest keep none.
            var notices = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Code, o => o.NoticeEmail, Cancellation);
            Assert.Equal("referrals@pag-asa.example", notices["pag-asa"]);
            Assert.Equal("referrals@child-focus.example", notices["child-focus"]);
            Assert.Null(notices["myria"]);
            Assert.All(notices.Values.OfType<string>(), address => Assert.EndsWith(".example", address, StringComparison.Ordinal));

            // Every free text is marked as fictitious.
            var keys = scope.ServiceProvider.GetRequiredService<KeyRing>();
            foreach (var report in reports)
            {
                var dataKey = KeySealer.Open(report.SealedDataKey, keys.FindStaffKey(report.StaffKeyId)!, report.Id);
                var content = JsonSerializer.Deserialize<ReportContent>(
                    ItemCipher.Decrypt(dataKey, report.Id, ItemKind.Answers, 0, Assert.Single(report.Items).Ciphertext), ReportJson.Options)!;
                Assert.StartsWith(DemoReports.Prefix, content.Description, StringComparison.Ordinal);
            }

            firstCounts = (await db.Users.CountAsync(Cancellation), reports.Count, await db.ReportItems.CountAsync(Cancellation));
            Assert.Equal(HttpStatusCode.OK, (await new FormClient(first.CreateClient()).GetAsync(firstLink, Cancellation)).Status);
        }

        // Second start, not enrolled yet: nothing new, and a fresh link replaces the printed one.
        string secondLink;
        await using (var second = Start())
        {
            var signIn = second.Services.GetRequiredService<DemoContent>().SignIn;
            Assert.NotNull(signIn?.EnrolmentToken);
            secondLink = "/staff/enrol/" + signIn.EnrolmentToken;
            Assert.NotEqual(firstLink, secondLink);
            Assert.Equal(firstCounts, await CountAsync(second));

            var client = new FormClient(second.CreateClient());
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(firstLink, Cancellation)).Status);
            var page = await client.GetAsync(secondLink, Cancellation);
            var key = page.Document.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal);
            var home = await page.Form("main form")
                .Set("Password", "demo passphrase for tests")
                .Set("Confirmation", "demo passphrase for tests")
                .Set("Code", new Totp(Base32Encoding.ToBytes(key)).ComputeTotp())
                .SubmitAsync(Cancellation);
            Assert.Equal("/staff", home.Url.AbsolutePath);
        }

        // Third start, enrolled: the sign-in address, no link, still nothing new.
        await using (var third = Start())
        {
            var signIn = third.Services.GetRequiredService<DemoContent>().SignIn;
            Assert.NotNull(signIn);
            Assert.Null(signIn.EnrolmentToken);
            Assert.Contains(signIn.Instructions("http://localhost:5080"), line => line.Contains("http://localhost:5080/staff/sign-in", StringComparison.Ordinal));
            Assert.Equal(firstCounts, await CountAsync(third));
        }
    }

    /// <summary>A new host on the class's data directory and database, started at once.</summary>
    private WebApplicationFactory<Program> Start()
    {
        var host = Factory.WithWebHostBuilder(_ => { });
        _ = host.Services;
        return host;
    }

    private static async Task<(int Users, int Reports, int Items)> CountAsync(WebApplicationFactory<Program> host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LanternDbContext>();
        return (await db.Users.CountAsync(Cancellation), await db.Reports.CountAsync(Cancellation), await db.ReportItems.CountAsync(Cancellation));
    }
}
