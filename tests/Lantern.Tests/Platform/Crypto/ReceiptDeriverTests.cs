using System.Security.Cryptography;
using Lantern.Tests.Support;
using Lantern.Web.Platform.Crypto;

namespace Lantern.Tests.Platform.Crypto;

public class ReceiptDeriverTests
{
    private static readonly byte[] _pepper = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void Derive_SameReceiptAndPepper_GivesTheSameKeys()
    {
        var receipt = Receipt.Generate();

        var first = ReceiptDeriver.Derive(receipt, _pepper);
        var second = ReceiptDeriver.Derive(receipt, _pepper);

        Assert.Equal(first.Verifier, second.Verifier);
        Assert.Equal(first.WrappingKey, second.WrappingKey);
        Assert.Equal(32, first.Verifier.Length);
        Assert.Equal(32, first.WrappingKey.Length);
    }

    [Fact]
    public void Derive_TheReceiptAsTyped_GivesTheSameKeysAsTheReceiptAsGiven()
    {
        var receipt = Receipt.Generate();
        Assert.True(Receipt.TryParse(receipt.ToString().Replace(' ', '-'), out var typed));

        Assert.Equal(ReceiptDeriver.Derive(receipt, _pepper).Verifier, ReceiptDeriver.Derive(typed, _pepper).Verifier);
    }

    [Fact]
    public void Derive_WithAnotherPepper_GivesOtherKeys()
    {
        var receipt = Receipt.Generate();

        var first = ReceiptDeriver.Derive(receipt, _pepper);
        var second = ReceiptDeriver.Derive(receipt, RandomNumberGenerator.GetBytes(32));

        Assert.NotEqual(first.Verifier, second.Verifier);
        Assert.NotEqual(first.WrappingKey, second.WrappingKey);
    }

    [Fact]
    public void Derive_AnotherReceipt_GivesOtherKeys()
    {
        Assert.True(Receipt.TryParse("1234 5678 9012 3456 7890", out var one));
        Assert.True(Receipt.TryParse("1234 5678 9012 3456 7891", out var other));

        var first = ReceiptDeriver.Derive(one, _pepper);
        var second = ReceiptDeriver.Derive(other, _pepper);

        Assert.NotEqual(first.Verifier, second.Verifier);
        Assert.NotEqual(first.WrappingKey, second.WrappingKey);
    }

    [Fact]
    public void Derive_TheStoredVerifierIsNotTheWrappingKey()
    {
        // The verifier is stored in the database; if it equalled the wrapping key, the database alone would open the reporter's copy.
        var keys = ReceiptDeriver.Derive(Receipt.Generate(), _pepper);

        Assert.NotEqual(keys.Verifier, keys.WrappingKey);
    }

    [Fact]
    public async Task DeriveAsync_UsesTheKeyRingPepper()
    {
        using var folder = new TempDirectory();
        using var keyRing = Keys.CreateKeyRing(folder.Path);
        using var deriver = new ReceiptDeriver(keyRing);
        var receipt = Receipt.Generate();

        var derived = await deriver.DeriveAsync(receipt, TestContext.Current.CancellationToken);

        Assert.Equal(ReceiptDeriver.Derive(receipt, keyRing.ReceiptPepper).Verifier, derived.Verifier);
        Assert.Equal(ReceiptDeriver.Derive(receipt, keyRing.ReceiptPepper).WrappingKey, derived.WrappingKey);
    }
}
