using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Lantern.Web.Platform.Web.Uploads;

namespace Lantern.Tests.Platform.Web;

/// <summary>The encrypted spool that holds form uploads while their request lasts.</summary>
public sealed class UploadSpoolTests : IDisposable
{
    private readonly string _directory = UploadSpool.PrepareDirectory(Path.Combine(Path.GetTempPath(), "lantern-spool-" + Guid.NewGuid().ToString("N")));

    [Fact]
    public async Task WhatIsWritten_ReadsBackWhole_AgainAndAgain_AndFromAnyPosition()
    {
        var data = RandomNumberGenerator.GetBytes((3 * UploadSpool.ChunkSize) + 4321);
        using var spool = new UploadSpool(_directory);

        await spool.WriteAsync(new MemoryStream(data), long.MaxValue, TestContext.Current.CancellationToken);

        Assert.Equal(data.Length, spool.Length);
        for (var pass = 0; pass < 2; pass++)
        {
            await using var read = spool.OpenRead();
            using var copy = new MemoryStream();
            await read.CopyToAsync(copy, TestContext.Current.CancellationToken);
            Assert.Equal(data, copy.ToArray());
        }

        await using var seeking = spool.OpenRead();
        seeking.Seek(UploadSpool.ChunkSize - 3, SeekOrigin.Begin);
        var across = new byte[10];
        seeking.ReadExactly(across);
        Assert.Equal(data.AsSpan(UploadSpool.ChunkSize - 3, 10).ToArray(), across);
    }

    [Fact]
    public async Task OnDisk_ThereIsOnlyCiphertext_AndNothingIsLeftAfterTheRequest()
    {
        var marker = "MARKER-" + Guid.NewGuid().ToString("N");
        var data = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(marker + "\n", 5000)));
        var spool = new UploadSpool(_directory);
        await spool.WriteAsync(new MemoryStream(data), long.MaxValue, TestContext.Current.CancellationToken);

        // Read the file as another program would (cat ignores .NET's advisory lock).
        var file = Assert.Single(Directory.GetFiles(_directory));
        var onDisk = await ReadWithCatAsync(file);
        var chunks = (data.Length + UploadSpool.ChunkSize - 1) / UploadSpool.ChunkSize;
        Assert.Equal(data.Length + (chunks * 16), onDisk.Length);
        Assert.DoesNotContain(marker, Encoding.ASCII.GetString(onDisk), StringComparison.Ordinal);

        spool.Dispose();

        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task MoreThanTheLimit_IsRefused()
    {
        using var spool = new UploadSpool(_directory);

        await Assert.ThrowsAsync<UploadTooLargeException>(() =>
            spool.WriteAsync(new MemoryStream(new byte[UploadSpool.ChunkSize + 1]), UploadSpool.ChunkSize, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AnEmptyUpload_ReadsAsEmpty()
    {
        using var spool = new UploadSpool(_directory);

        await spool.WriteAsync(new MemoryStream(), 10, TestContext.Current.CancellationToken);

        Assert.Equal(0, spool.Length);
        await using var read = spool.OpenRead();
        Assert.Equal(0, await read.ReadAsync(new byte[10], TestContext.Current.CancellationToken));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task<byte[]> ReadWithCatAsync(string path)
    {
        using var cat = Process.Start(new ProcessStartInfo("cat", [path]) { RedirectStandardOutput = true })!;
        using var output = new MemoryStream();
        await cat.StandardOutput.BaseStream.CopyToAsync(output, TestContext.Current.CancellationToken);
        await cat.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, cat.ExitCode);
        return output.ToArray();
    }
}
