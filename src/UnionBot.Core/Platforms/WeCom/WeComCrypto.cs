using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace UnionBot.Core.Platforms.WeCom;

/// <summary>Why a WeCom ciphertext was refused: the callback answers 401 for a signature, 400 for the rest.</summary>
public sealed class WeComCryptoException(string message) : Exception(message);

/// <summary>
/// WXBizMsgCrypt (PROTOCOLS.md 1.3): AES-256-CBC with IV = the first 16 key bytes, PKCS#7 to 32-byte
/// blocks, and a SHA1 signature over the sorted [token, timestamp, nonce, encrypt].
/// </summary>
public sealed class WeComCrypto
{
    // WeCom pads to 32 bytes, so pads of 17–32 occur; .NET's PKCS7 mode only accepts 1–16 (vector A2 has 30).
    private const int Block = 32;
    private readonly string _token;
    private readonly byte[] _key;
    private readonly string _receiveId;

    /// <param name="receiveId">"" for AI bots and group robots, the corp id for self-built apps.</param>
    public WeComCrypto(string token, string encodingAesKey, string receiveId = "")
    {
        if (encodingAesKey.Length != 43) throw new ArgumentException("EncodingAESKey must be 43 characters", nameof(encodingAesKey));
        _token = token;
        _key = Convert.FromBase64String(encodingAesKey + "=");
        _receiveId = receiveId;
    }

    public static string Sign(string token, string timestamp, string nonce, string encrypt)
    {
        string[] parts = [token, timestamp, nonce, encrypt];
        Array.Sort(parts, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
    }

    public string Sign(string timestamp, string nonce, string encrypt) => Sign(_token, timestamp, nonce, encrypt);

    /// <summary>Constant-time check of <paramref name="signature"/> (case-insensitive hex).</summary>
    public bool Verify(string signature, string timestamp, string nonce, string encrypt)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(timestamp, nonce, encrypt));
        var given = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    public string Decrypt(string encrypt)
    {
        byte[] cipher;
        try { cipher = Convert.FromBase64String(encrypt); }
        catch (FormatException) { throw new WeComCryptoException("encrypt is not Base64"); }
        if (cipher.Length == 0 || cipher.Length % 16 != 0) throw new WeComCryptoException("ciphertext is not whole AES blocks");

        using var aes = Aes.Create();
        aes.Key = _key;
        var plain = aes.DecryptCbc(cipher, _key.AsSpan(0, 16), PaddingMode.None);
        int pad = plain[^1];
        if (pad is < 1 or > Block || pad > plain.Length) throw new WeComCryptoException("bad padding");
        for (var i = plain.Length - pad; i < plain.Length; i++)
            if (plain[i] != pad) throw new WeComCryptoException("bad padding");
        var content = plain.AsSpan(0, plain.Length - pad);
        if (content.Length < 20) throw new WeComCryptoException("plaintext too short");
        var length = BinaryPrimitives.ReadInt32BigEndian(content.Slice(16, 4));
        if (length < 0 || length > content.Length - 20) throw new WeComCryptoException("bad message length");
        var receiveId = content[(20 + length)..];
        if (_receiveId.Length > 0 && !receiveId.SequenceEqual(Encoding.UTF8.GetBytes(_receiveId)))
            throw new WeComCryptoException("receiveid does not match");
        try { return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content.Slice(20, length)); }
        catch (DecoderFallbackException) { throw new WeComCryptoException("message is not UTF-8"); }
    }

    public string Encrypt(string message) => Encrypt(message, RandomNumberGenerator.GetBytes(16));

    /// <summary>Encrypts with the given 16 random bytes (fixed only by tests reproducing the official vector).</summary>
    public string Encrypt(string message, ReadOnlySpan<byte> random16)
    {
        if (random16.Length != 16) throw new ArgumentException("16 random bytes are needed", nameof(random16));
        var msg = Encoding.UTF8.GetBytes(message);
        var id = Encoding.UTF8.GetBytes(_receiveId);
        var length = 16 + 4 + msg.Length + id.Length;
        var pad = Block - length % Block;
        var plain = new byte[length + pad];
        random16.CopyTo(plain);
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(16, 4), msg.Length);
        msg.CopyTo(plain, 20);
        id.CopyTo(plain, 20 + msg.Length);
        plain.AsSpan(length).Fill((byte)pad);

        using var aes = Aes.Create();
        aes.Key = _key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, _key.AsSpan(0, 16), PaddingMode.None));
    }
}
