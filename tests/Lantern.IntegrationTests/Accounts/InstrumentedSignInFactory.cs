using System.Collections.Concurrent;
using System.Data.Common;
using Lantern.IntegrationTests.Infrastructure;
using Lantern.Web.Core.Persistence;
using Lantern.Web.Core.Staff;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lantern.IntegrationTests.Accounts;

/// <summary>
/// Identity's own password hasher, noting every hash it is asked to verify against: shows that each sign-in attempt
/// pays for one password verification of full cost, without measuring time (that is bench/'s job).
/// </summary>
public sealed class CountingPasswordHasher(IOptions<PasswordHasherOptions> options, PasswordVerifications seen) : IPasswordHasher<StaffUser>
{
    private readonly PasswordHasher<StaffUser> _real = new(options);

    public string HashPassword(StaffUser user, string password) => _real.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
    {
        seen.Add(hashedPassword);
        return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>The hashes verified since the last <see cref="Clear"/>.</summary>
public sealed class PasswordVerifications
{
    private readonly ConcurrentQueue<string> _hashes = new();

    public void Add(string hash) => _hashes.Enqueue(hash);

    public void Clear() => _hashes.Clear();

    public IReadOnlyList<string> Hashes => [.. _hashes];

    /// <summary>The PBKDF2 iteration count of an Identity V3 hash (format byte, PRF, iterations, salt length, big-endian).</summary>
    public static int Iterations(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        return System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(5, 4));
    }
}

/// <summary>
/// Holds the first two commands that write an account's last used code step until both have arrived (or a few
/// seconds have passed), so two sign-ins with the same code really write at the same moment, after both have read
/// the account: the race of a replayed code, made to happen every time instead of by luck.
/// </summary>
public sealed class CodeStepCollision : DbCommandInterceptor
{
    private readonly Lock _lock = new();
    private TaskCompletionSource? _bothArrived;
    private int _arrivals;

    /// <summary>True when the two writes met: the race took place.</summary>
    public bool Met { get; private set; }

    public void Arm()
    {
        lock (_lock)
        {
            _bothArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _arrivals = 0;
            Met = false;
        }
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await ArriveAsync(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await ArriveAsync(command);
        return result;
    }

    private async Task ArriveAsync(DbCommand command)
    {
        var text = command.CommandText;
        if (!text.Contains("UPDATE", StringComparison.OrdinalIgnoreCase) || !text.Contains("AspNetUsers", StringComparison.Ordinal) || !text.Contains("LastCodeStep", StringComparison.Ordinal))
        {
            return;
        }

        TaskCompletionSource? wait;
        lock (_lock)
        {
            wait = _bothArrived;
            if (wait is null || _arrivals >= 2)
            {
                return;
            }

            if (++_arrivals == 2)
            {
                Met = true;
                wait.TrySetResult();
                _bothArrived = null;
            }
        }

        try
        {
            await wait.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            // The other request never came this far (it was refused earlier): go on alone; Met stays false.
        }
    }
}

/// <summary>A Lantern whose password verifications are counted and whose code-step writes can be made to collide.</summary>
public interface IInstrumentedSignIn
{
    PasswordVerifications Verifications { get; }

    CodeStepCollision Collision { get; }
}

/// <summary>What both instrumented factories add to Lantern: the counting hasher and the collision point.</summary>
internal static class SignInInstruments
{
    public static void Add(IWebHostBuilder builder, PasswordVerifications verifications, CodeStepCollision collision) =>
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(verifications);
            services.AddScoped<IPasswordHasher<StaffUser>, CountingPasswordHasher>();
            services.ConfigureDbContext<SqliteLanternDbContext>(options => options.AddInterceptors(collision));
            services.ConfigureDbContext<PostgresLanternDbContext>(options => options.AddInterceptors(collision));
        });
}

public sealed class InstrumentedSqliteFactory : SqliteLanternFactory, IInstrumentedSignIn
{
    public PasswordVerifications Verifications { get; } = new();

    public CodeStepCollision Collision { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        SignInInstruments.Add(builder, Verifications, Collision);
    }
}

public sealed class InstrumentedPostgresFactory : PostgresLanternFactory, IInstrumentedSignIn
{
    public PasswordVerifications Verifications { get; } = new();

    public CodeStepCollision Collision { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        SignInInstruments.Add(builder, Verifications, Collision);
    }
}
