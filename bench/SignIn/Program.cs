using System.Diagnostics;
using System.Globalization;
using Lantern.Web.Accounts;
using Lantern.Web.Accounts.SignIn;
using Lantern.Web.Core.Access;
using Lantern.Web.Core.Staff;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lantern.Bench.SignIn;

// Does staff sign-in answer as fast for an unknown e-mail address as for a known one? If not, its timing tells an
// attacker which addresses have accounts. Lantern is hosted in-process (no HTTP) on a fresh SQLite data directory
// with its production settings; StaffSignIn.SignInAsync is timed, in a fresh DI scope as a request has, for:
// an unknown address, a known account with a wrong password, a locked account, a disabled one. The runs are
// interleaved (each round runs every case once, in turn) so that all cases share the machine's noise.
// Baseline in the same run: one verification of a password hash alone (Identity's PasswordHasher), the work
// sign-in must do whatever the address.
//
// Usage: SignIn [--rounds 200] [--warmup 20]
internal static class SignInBench
{
    public static async Task<int> Main(string[] args)
    {
        var rounds = 200;
        var warmup = 20;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--rounds": rounds = value; break;
                case "--warmup": warmup = value; break;
                default: throw new ArgumentException($"Unknown option {args[i]}");
            }
        }

        if (rounds is < 10 or > 2000 || warmup is < 0 or > 200)
        {
            throw new ArgumentException("Bounded runs only: --rounds 10-2000, --warmup 0-200.");
        }

        var dataDirectory = Directory.CreateTempSubdirectory("lantern-signin.");
        try
        {
            await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            {
                web.UseContentRoot(LanternContentRoot());
                web.UseEnvironment("Production");
                web.UseSetting("Lantern:DataDirectory", dataDirectory.FullName);
                web.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            });
            var services = factory.Services;
            var known = await EnrolledAsync(services, "known@example.org", lockable: false);
            var locked = await EnrolledAsync(services, "locked@example.org", lockable: true);
            var disabled = await EnrolledAsync(services, "disabled@example.org", lockable: true);
            await using (var scope = services.CreateAsyncScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
                await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(locked))!, DateTimeOffset.UtcNow.AddYears(1));
                await scope.ServiceProvider.GetRequiredService<StaffAccounts>().DisableAsync(disabled, "bench", CancellationToken.None);
            }

            var hasher = new PasswordHasher<StaffUser>();
            var hash = hasher.HashPassword(new StaffUser(), "a password of some length");
            var cases = new (string Name, Func<Task> Run)[]
            {
                ("baseline: one password hash verification", () =>
                {
                    hasher.VerifyHashedPassword(new StaffUser(), hash, "another password");
                    return Task.CompletedTask;
                }),
                ("known account, wrong password", () => SignInAsync(services, known)),
                ("unknown e-mail address", () => SignInAsync(services, $"nobody-{Guid.NewGuid():N}@example.org")),
                ("locked account", () => SignInAsync(services, locked)),
                ("disabled account", () => SignInAsync(services, disabled)),
            };

            var times = cases.Select(_ => new List<double>(rounds)).ToArray();
            for (var round = -warmup; round < rounds; round++)
            {
                // A different case goes first in each round: none always runs on a cold cache.
                for (var k = 0; k < cases.Length; k++)
                {
                    var index = (k + Math.Abs(round)) % cases.Length;
                    var watch = Stopwatch.StartNew();
                    await cases[index].Run();
                    if (round >= 0)
                    {
                        times[index].Add(watch.Elapsed.TotalMilliseconds);
                    }
                }
            }

            var knownP50 = Percentile(times[1], 0.50);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SIGNIN {rounds} interleaved rounds after {warmup} warm-up rounds; ms"));
            for (var i = 0; i < cases.Length; i++)
            {
                var p50 = Percentile(times[i], 0.50);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"SIGNIN {cases[i].Name,-42} p50 {p50,7:0.00}  p90 {Percentile(times[i], 0.90),7:0.00}  p50 / known account {p50 / knownP50,5:0.00}"));
            }
        }
        finally
        {
            dataDirectory.Delete(recursive: true);
        }

        return 0;
    }

    private static async Task SignInAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        var failure = await scope.ServiceProvider.GetRequiredService<StaffSignIn>().SignInAsync(email, "not the password", "000000", CancellationToken.None);
        if (failure == SignInFailure.None)
        {
            throw new InvalidOperationException("A wrong password was accepted.");
        }
    }

    /// <summary>An enrolled account; with <paramref name="lockable"/> false, wrong passwords never lock it (so every run is a wrong-password run).</summary>
    private static async Task<string> EnrolledAsync(IServiceProvider services, string email, bool lockable)
    {
        await using var scope = services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync(email, StaffRoles.Analyst, null, "bench", CancellationToken.None);
        var user = created.Value?.User ?? throw new InvalidOperationException(created.Error);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        await users.ResetAuthenticatorKeyAsync(user);
        user.PasswordHash = users.PasswordHasher.HashPassword(user, "correct horse battery staple");
        user.TwoFactorEnabled = true;
        user.EnrolmentTokenHash = null;
        user.LockoutEnabled = lockable;
        await users.UpdateAsync(user);
        return email;
    }

    private static double Percentile(List<double> values, double fraction)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)(fraction * sorted.Count))];
    }

    private static string LanternContentRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Lantern.slnx")))
            {
                return Path.Combine(folder.FullName, "src", "Lantern.Web");
            }
        }

        throw new InvalidOperationException("Lantern.slnx not found above " + AppContext.BaseDirectory);
    }
}
