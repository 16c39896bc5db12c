using System.Security.Cryptography;
using UnionBot.Core.Platforms.WeCom;

namespace UnionBot.Tests.Callbacks;

/// <summary>
/// WeCom's AES-256-CBC (<see cref="AesCbc"/>) on the CPU's AES instructions and on the platform's cipher: both give
/// NIST's vectors, and the first gives what .NET's own AES gives for any key, IV and length.
/// </summary>
public sealed class AesCbcTests
{
    // NIST SP 800-38A, F.2.5 CBC-AES256.Encrypt (F.2.6 is the same in reverse).
    private static readonly byte[] NistKey = Convert.FromHexString("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4");
    private static readonly byte[] NistIv = Convert.FromHexString("000102030405060708090a0b0c0d0e0f");
    private static readonly byte[] NistPlain = Convert.FromHexString(
        "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710");
    private static readonly byte[] NistCipher = Convert.FromHexString(
        "f58c4c04d6e5f1ba779eabfb5f7bfbd69cfc4e967edb808d679f777bc6702c7d39f23369a9d9bacfa530e26304231461b2eb05e2c39be9fcda6c19078c6a9d1b");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TheNistVectorsEncryptAndDecrypt(bool cpuInstructions)
    {
        var aes = AesCbc.Create(NistKey, cpuInstructions);
        var cipher = new byte[NistPlain.Length];
        var plain = new byte[NistCipher.Length];

        aes.Encrypt(NistPlain, NistIv, cipher);
        aes.Decrypt(NistCipher, NistIv, plain);

        Assert.Equal(NistCipher, cipher);
        Assert.Equal(NistPlain, plain);
    }

    [Fact]
    public void TheCpuInstructionsAreUsedWhereTheCpuHasThem()
    {
        Assert.Equal(System.Runtime.Intrinsics.X86.Aes.IsSupported, AesCbc.Create(NistKey).UsesCpuInstructions);
        Assert.False(AesCbc.Create(NistKey, cpuInstructions: false).UsesCpuInstructions);
    }

    [Fact]
    public void EveryKeyIvAndLengthGivesWhatDotNetsAesGives()
    {
        // Lengths from none to 67 blocks: decryption takes four blocks at a time, so every remainder is covered.
        var random = new Random(20261204);
        for (var trial = 0; trial < 2000; trial++)
        {
            var key = new byte[32];
            var iv = new byte[16];
            var data = new byte[16 * random.Next(0, 68)];
            random.NextBytes(key);
            random.NextBytes(iv);
            random.NextBytes(data);
            using var reference = Aes.Create();
            reference.Key = key;
            var ours = AesCbc.Create(key);

            var cipher = new byte[data.Length];
            ours.Encrypt(data, iv, cipher);
            var plain = new byte[data.Length];
            ours.Decrypt(data, iv, plain);

            Assert.Equal(reference.EncryptCbc(data, iv, PaddingMode.None), cipher);
            Assert.Equal(reference.DecryptCbc(data, iv, PaddingMode.None), plain);
        }
    }

    [Fact]
    public void AnythingButWholeBlocksAndA16ByteIvIsRefused()
    {
        var aes = AesCbc.Create(NistKey);

        Assert.Throws<ArgumentException>(() => aes.Encrypt(new byte[17], NistIv, new byte[32]));
        Assert.Throws<ArgumentException>(() => aes.Decrypt(new byte[15], NistIv, new byte[16]));
        Assert.Throws<ArgumentException>(() => aes.Decrypt(new byte[16], new byte[8], new byte[16]));
        Assert.Throws<ArgumentException>(() => aes.Encrypt(new byte[32], NistIv, new byte[16]));
        Assert.Throws<ArgumentException>(() => AesCbc.Create(new byte[16]));
    }
}
