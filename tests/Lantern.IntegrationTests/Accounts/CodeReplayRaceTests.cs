using System.Net;
using Lantern.IntegrationTests.Forms;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace Lantern.IntegrationTests.Accounts;

/// <summary>
/// An authenticator code works once even when two requests carry it at the same moment (someone who saw the code
/// sends it while its owner does): the writes of the two requests are held until both have read the account and
/// arrive together, so the race happens on every run, on both databases.
/// </summary>
public abstract class CodeReplayRaceTests<TFactory>(TFactory factory) : LanternTestBase<TFactory>(factory)
    where TFactory : LanternFactory, IInstrumentedSignIn
{
    [Fact]
    public async Task TwoSignInsRacingWithTheSameCode_OnlyOneGetsIn()
    {
        var credentials = await StaffSessions.CreateAsync(Factory, StaffRoles.Coordinator);
        var code = credentials.CurrentCode();
        var forms = new List<FormFill>();
        for (var i = 0; i < 2; i++)
        {
            forms.Add((await new FormClient(CreateBrowserClient()).GetAsync("/staff/sign-in", Cancellation)).Form("main form")
                .Set("Email", credentials.Email).Set("Password", credentials.Password).Set("Code", code));
        }

        Factory.Collision.Arm();
        var pages = await Task.WhenAll(forms.Select(f => f.SubmitAsync(Cancellation)));

        Assert.True(Factory.Collision.Met, "The two sign-ins did not write at the same moment: the race was not tested.");
        Assert.Single(pages, p => p.Url.AbsolutePath == "/staff");
        Assert.Single(pages, p => p.Status == HttpStatusCode.BadRequest);
        var audit = await Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Record == credentials.Id.ToString()).Select(e => e.Action + ":" + e.Detail).ToListAsync(Cancellation));
        Assert.Single(audit, a => a.StartsWith("sign-in.succeeded", StringComparison.Ordinal));
        Assert.Contains("sign-in.failed:wrong-code", audit);
    }
}

public sealed class CodeReplayRaceTestsOnSqlite(InstrumentedSqliteFactory factory) : CodeReplayRaceTests<InstrumentedSqliteFactory>(factory);

public sealed class CodeReplayRaceTestsOnPostgres(InstrumentedPostgresFactory factory) : CodeReplayRaceTests<InstrumentedPostgresFactory>(factory);
