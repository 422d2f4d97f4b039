using System.CommandLine;
using Lantern.Web.Accounts;
using Lantern.Web.Audit;
using Lantern.Web.Platform;

namespace Lantern.Web.Hosting;

/// <summary>
/// The administration command line, in the same executable as the server:
/// <c>dotnet run --project src/Lantern.Web -- users add --email E --role R</c> or
/// <c>dotnet Lantern.Web.dll audit verify</c>. It uses the same configuration (data directory, database)
/// as the server, applies migrations first, and writes an audit entry for every change.
/// </summary>
public static class AdminCommands
{
    private const string Actor = "cli";

    public static bool Handles(string[] args) => args.Length > 0 && args[0] is "users" or "audit" or "languages" or "detection" or "keys" or "backup" or "restore" or "retention";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (!BackupCommands.IsRestore(args))
        {
            await app.Services.PrepareForCommandsAsync();
        }

        var output = Console.Out;
        var error = Console.Error;

        var email = new Option<string>("--email") { Description = "The person's e-mail address.", Required = true };
        var role = new Option<string>("--role") { Description = "One of: " + string.Join(", ", StaffRoles.All), Required = true };
        var organisation = new Option<string?>("--organisation") { Description = "The organisation's code, in any case, e.g. pag-asa." };
        var name = new Option<string>("--name") { Description = "What the token is for.", Required = true };
        var expires = new Option<int?>("--expires-days") { Description = "Days until the token expires (1-366); no expiry when absent." };

        var add = new Command("add", "Create a staff account and print its one-time enrolment link.") { email, role, organisation };
        add.SetAction(async (result, cancellationToken) =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var created = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync(
                result.GetValue(email)!, result.GetValue(role)!, result.GetValue(organisation), Actor, cancellationToken);
            if (created.Value is null)
            {
                await error.WriteLineAsync(created.Error);
                return 2;
            }

            var baseUrl = app.Services.GetRequiredService<IOptions<LanternOptions>>().Value.StaffBaseUrl.TrimEnd('/');
            await output.WriteLineAsync($"Created {created.Value.User.Email}. Enrolment link (valid {StaffAccounts.EnrolmentLifetime.TotalDays:0} days, shown once):");
            await output.WriteLineAsync($"{baseUrl}/staff/enrol/{created.Value.EnrolmentToken}");
            return 0;
        });

        var list = new Command("list", "List staff accounts.");
        list.SetAction(async (_, cancellationToken) =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            foreach (var account in await scope.ServiceProvider.GetRequiredService<StaffAccounts>().ListAsync(cancellationToken))
            {
                var state = account.Disabled ? "disabled" : account.Enrolled ? "active" : "not enrolled";
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{account.Email}\t{string.Join(',', account.Roles)}\t{account.Organisation ?? "-"}\t{state}"));
            }

            return 0;
        });

        var disable = new Command("disable", "Disable an account: ends its sessions and revokes its tokens.") { email };
        disable.SetAction(async (result, cancellationToken) =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var disabled = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().DisableAsync(result.GetValue(email)!, Actor, cancellationToken);
            await (disabled.Value is null ? error.WriteLineAsync(disabled.Error) : output.WriteLineAsync($"Disabled {disabled.Value.Email}."));
            return disabled.Value is null ? 2 : 0;
        });

        var reset = new Command("reset", "Start a new enrolment: the password, authenticator, sessions and tokens stop working; prints a one-time link.") { email };
        reset.SetAction(async (result, cancellationToken) =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var reset = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().ResetEnrolmentAsync(result.GetValue(email)!, Actor, cancellationToken);
            if (reset.Value is null)
            {
                await error.WriteLineAsync(reset.Error);
                return 2;
            }

            var baseUrl = app.Services.GetRequiredService<IOptions<LanternOptions>>().Value.StaffBaseUrl.TrimEnd('/');
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"New enrolment for {result.GetValue(email)}: open sessions end within a minute; revoked {reset.Value.TokensRevoked} token(s). Link (valid {StaffAccounts.EnrolmentLifetime.TotalDays:0} days, shown once):"));
            await output.WriteLineAsync($"{baseUrl}/staff/enrol/{reset.Value.EnrolmentToken}");
            return 0;
        });

        var token = new Command("token", "Print a personal access token for the staff API (stored hashed; shown once).") { email, name, expires };
        token.SetAction(async (result, cancellationToken) =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var created = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateTokenAsync(
                result.GetValue(email)!, result.GetValue(name)!, result.GetValue(expires), Actor, cancellationToken);
            await (created.Value is null ? error.WriteLineAsync(created.Error) : output.WriteLineAsync(created.Value));
            return created.Value is null ? 2 : 0;
        });

        var anchorValues = new Option<string[]>("--anchor")
        {
            Description = "An anchor printed earlier by `audit anchor` (sequence:hash); may be given several times.",
            AllowMultipleArgumentsPerToken = false,
        };
        var verify = new Command("verify", "Walk the audit chain (and check kept anchors); exit 0 when intact, 1 naming the first broken entry.") { anchorValues };
        verify.SetAction(async (result, cancellationToken) =>
        {
            var anchors = new List<AuditAnchor>();
            foreach (var value in result.GetValue(anchorValues) ?? [])
            {
                if (AuditAnchor.Parse(value) is not { } anchor)
                {
                    await error.WriteLineAsync($"Not an audit anchor: \"{value}\" (expected sequence:hash, as printed by `audit anchor`).");
                    return 2;
                }

                anchors.Add(anchor);
            }

            await using var scope = app.Services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(anchors, cancellationToken);
            await ReportAsync(outcome);
            return outcome.Intact ? 0 : 1;
        });

        var anchorCommand = new Command("anchor", "Record an anchor of the chain and print its head (sequence:hash time), to keep outside Lantern; exit 1 when the chain is broken.");
        anchorCommand.SetAction(async (_, cancellationToken) =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var verifier = scope.ServiceProvider.GetRequiredService<AuditVerifier>();
            var before = await verifier.VerifyAsync(cancellationToken);
            if (!before.Intact)
            {
                await ReportAsync(before);
                return 1;
            }

            // The anchor is an entry of its own, so it is always keyed and the trail records when anchors were taken.
            await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync(
                scope.ServiceProvider.GetRequiredService<Lantern.Web.Core.Persistence.LanternDbContext>(), Actor, "audit.anchored");
            var after = await verifier.VerifyAsync(cancellationToken);
            if (!after.Intact || after.Head is null)
            {
                await ReportAsync(after);
                return 1;
            }

            await output.WriteLineAsync(after.Head.ToString());
            return 0;
        });

        var language = new Option<string?>("--language") { Description = "One language's code: list its missing and unreviewed keys." };
        var status = new Command("status", "Per language: offered or not, texts missing (shown in English), texts not reviewed by a native speaker; exit 1 when a configured language is not offered.") { language };
        status.SetAction(async (result, _) =>
        {
            var all = app.Services.GetRequiredService<CatalogueStatus>().All();
            if (result.GetValue(language) is { } code)
            {
                if (all.FirstOrDefault(s => string.Equals(s.Language, code.Trim(), StringComparison.OrdinalIgnoreCase)) is not { } one)
                {
                    await error.WriteLineAsync($"No such language: {code}.");
                    return 2;
                }

                foreach (var key in one.Missing)
                {
                    await output.WriteLineAsync("missing\t" + key);
                }

                foreach (var key in one.Unreviewed)
                {
                    await output.WriteLineAsync("unreviewed\t" + key);
                }

                return 0;
            }

            await output.WriteLineAsync("language\toffered\tmissing\tunreviewed\tback office");
            foreach (var line in all)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{line.Language}\t{(line.Offered ? "yes" : line.Configured ? "NO (texts missing)" : "no")}\t{line.Missing.Count}/{line.PublicTexts}\t{line.Unreviewed.Count}\t{(line.BackOffice ? "yes" : "no")}"));
            }

            return all.Any(l => l.Configured && !l.Offered) ? 1 : 0;
        });

        var root = new RootCommand("Lantern administration")
        {
            new Command("users", "Staff accounts.") { add, list, disable, reset, token },
            new Command("audit", "The audit trail.") { verify, anchorCommand },
            new Command("languages", "The translations.") { status },
            DetectionCommands.Create(app, output, error),
            KeyCommands.Create(app, output, error),
            RetentionCommands.Create(app, output),
        };
        foreach (var command in BackupCommands.Create(app, output, error))
        {
            root.Subcommands.Add(command);
        }

        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        async Task ReportAsync(AuditVerification outcome)
        {
            if (outcome.Intact)
            {
                var unkeyed = outcome.Unkeyed > 0 ? $" ({outcome.Unkeyed} from before the audit key, with bare SHA-256 hashes)" : string.Empty;
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Audit chain intact: {outcome.Checked} entries checked{unkeyed}."));
                return;
            }

            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Audit chain BROKEN at entry {outcome.FirstBrokenSequence} ({outcome.Problem}): {outcome.Message} {outcome.Checked} entries before it are intact."));
        }
    }
}
