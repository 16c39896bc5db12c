using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace UnionBot.Core.Platforms.WeCom;

/// <summary>Why a WeCom ciphertext was refused: the callback answers 401 for a signature, 400 for the rest.</summary>
public sealed class WeComCryptoException(string message) : Exception(message);

/// <summary>
/// WXBizMsgCrypt (PROTOCOLS.md 1.3): AES-256-CBC with IV = the first 16 key bytes, PKCS#7 to 32-byte
/// blocks, and a SHA1 signature over the sorted [token, timestamp, nonce, encrypt].
/// </summary>
/// <remarks>
/// Every callback decrypts, signs twice and encrypts, so the work buffers are rented rather than allocated (a callback
/// carries about a kilobyte of ciphertext each way, garbage the collector otherwise sweeps at thousands a second).
/// </remarks>
public sealed class WeComCrypto
{
    // WeCom pads to 32 bytes, so pads of 17–32 occur; .NET's PKCS7 mode only accepts 1–16 (vector A2 has 30).
    private const int Block = 32;
    private const int SignatureChars = 40;
    private readonly string _token;
    private readonly byte[] _key;
    private readonly string _receiveId;
    private readonly byte[] _receiveIdBytes;
    private readonly AesCbc _cipher; // the key expanded once: every callback decrypts and encrypts with it

    /// <param name="receiveId">"" for AI bots and group robots, the corp id for self-built apps.</param>
    public WeComCrypto(string token, string encodingAesKey, string receiveId = "")
        : this(token, encodingAesKey, receiveId, cpuAes: true)
    {
    }

    /// <param name="cpuAes">false only in tests: the platform's AES even where the CPU has AES instructions.</param>
    internal WeComCrypto(string token, string encodingAesKey, string receiveId, bool cpuAes)
    {
        if (encodingAesKey.Length != 43) throw new ArgumentException("EncodingAESKey must be 43 characters", nameof(encodingAesKey));
        _token = token;
        _key = Convert.FromBase64String(encodingAesKey + "=");
        _receiveId = receiveId;
        _receiveIdBytes = Encoding.UTF8.GetBytes(receiveId);
        _cipher = AesCbc.Create(_key, cpuAes);
    }

    /// <summary>Whether this instance encrypts with the CPU's AES instructions (for the tests).</summary>
    internal bool UsesCpuAes => _cipher.UsesCpuInstructions;

    public static string Sign(string token, string timestamp, string nonce, string encrypt)
    {
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        Hash(token, timestamp, nonce, encrypt, hash);
        return Convert.ToHexStringLower(hash);
    }

    public string Sign(string timestamp, string nonce, string encrypt) => Sign(_token, timestamp, nonce, encrypt);

    /// <summary>Constant-time check of <paramref name="signature"/> (case-insensitive hex).</summary>
    public bool Verify(string signature, string timestamp, string nonce, string encrypt)
    {
        if (signature.Length != SignatureChars) return false; // the length of a SHA1 in hex is no secret
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        Hash(_token, timestamp, nonce, encrypt, hash);
        Span<char> expected = stackalloc char[SignatureChars];
        Convert.TryToHexStringLower(hash, expected, out _);
        Span<char> given = stackalloc char[SignatureChars];
        signature.AsSpan().ToLowerInvariant(given);
        return CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(expected), MemoryMarshal.AsBytes(given));
    }

    /// <summary>SHA1 over the four parts sorted ordinally and joined, in UTF-8.</summary>
    private static void Hash(string token, string timestamp, string nonce, string encrypt, Span<byte> hash)
    {
        Span<string> parts = [token, timestamp, nonce, encrypt]; // on the stack: every callback signs twice
        parts.Sort(string.CompareOrdinal);
        var length = 0;
        foreach (var part in parts) length += Encoding.UTF8.GetByteCount(part);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = 0;
            foreach (var part in parts) written += Encoding.UTF8.GetBytes(part, buffer.AsSpan(written));
            SHA1.HashData(buffer.AsSpan(0, written), hash);
        }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
    }

    public string Decrypt(string encrypt) => Open(encrypt, static message => Encoding.UTF8.GetString(message));

    /// <summary>The message as the UTF-8 bytes it was sent in, for a reader of UTF-8 (JSON) that needs no string of it.</summary>
    public byte[] DecryptUtf8(string encrypt) => Open(encrypt, static message => message.ToArray());

    /// <summary>Decrypts, checks the framing and the UTF-8 of the message, and hands the message to <paramref name="read"/>.</summary>
    private T Open<T>(string encrypt, Func<ReadOnlySpan<byte>, T> read)
    {
        var cipher = ArrayPool<byte>.Shared.Rent(encrypt.Length / 4 * 3 + 3);
        var plain = ArrayPool<byte>.Shared.Rent(cipher.Length);
        try
        {
            if (!Convert.TryFromBase64String(encrypt, cipher, out var cipherLength)) throw new WeComCryptoException("encrypt is not Base64");
            if (cipherLength == 0 || cipherLength % AesCbc.BlockSize != 0) throw new WeComCryptoException("ciphertext is not whole AES blocks");
            _cipher.Decrypt(cipher.AsSpan(0, cipherLength), _key.AsSpan(0, 16), plain);
            var message = Unwrap(plain.AsSpan(0, cipherLength));
            if (!Utf8.IsValid(message)) throw new WeComCryptoException("message is not UTF-8");
            return read(message);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(cipher);
            ArrayPool<byte>.Shared.Return(plain, clearArray: true); // a teacher's message stays in no pooled buffer
        }
    }

    /// <summary>The message inside random(16) · length(4, big-endian) · message · receiveid · pad, checked part by part.</summary>
    private ReadOnlySpan<byte> Unwrap(ReadOnlySpan<byte> plain)
    {
        int pad = plain[^1];
        if (pad is < 1 or > Block || pad > plain.Length) throw new WeComCryptoException("bad padding");
        foreach (var b in plain[^pad..])
            if (b != pad) throw new WeComCryptoException("bad padding");
        var content = plain[..^pad];
        if (content.Length < 20) throw new WeComCryptoException("plaintext too short");
        var length = BinaryPrimitives.ReadInt32BigEndian(content.Slice(16, 4));
        if (length < 0 || length > content.Length - 20) throw new WeComCryptoException("bad message length");
        var receiveId = content[(20 + length)..];
        if (_receiveId.Length > 0 && !receiveId.SequenceEqual(_receiveIdBytes))
            throw new WeComCryptoException("receiveid does not match");
        return content.Slice(20, length);
    }

    public string Encrypt(string message)
    {
        Span<byte> random16 = stackalloc byte[16];
        RandomBytes.Fill(random16);
        return Encrypt(message, random16);
    }

    /// <summary>Encrypts a message already in UTF-8 (a reply serialised straight to bytes).</summary>
    public string Encrypt(ReadOnlySpan<byte> utf8Message)
    {
        Span<byte> random16 = stackalloc byte[16];
        RandomBytes.Fill(random16);
        return Seal(utf8Message, random16);
    }

    /// <summary>Encrypts with the given 16 random bytes (fixed only by tests reproducing the official vector).</summary>
    public string Encrypt(string message, ReadOnlySpan<byte> random16)
    {
        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(message.Length));
        try { return Seal(utf8.AsSpan(0, Encoding.UTF8.GetBytes(message, utf8)), random16); }
        finally { ArrayPool<byte>.Shared.Return(utf8, clearArray: true); }
    }

    private string Seal(ReadOnlySpan<byte> message, ReadOnlySpan<byte> random16)
    {
        if (random16.Length != 16) throw new ArgumentException("16 random bytes are needed", nameof(random16));
        var length = 16 + 4 + message.Length + _receiveIdBytes.Length;
        var pad = Block - length % Block;
        var plain = ArrayPool<byte>.Shared.Rent(length + pad);
        var cipher = ArrayPool<byte>.Shared.Rent(length + pad);
        try
        {
            random16.CopyTo(plain);
            BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(16, 4), message.Length);
            message.CopyTo(plain.AsSpan(20));
            _receiveIdBytes.CopyTo(plain.AsSpan(20 + message.Length));
            plain.AsSpan(length, pad).Fill((byte)pad);
            _cipher.Encrypt(plain.AsSpan(0, length + pad), _key.AsSpan(0, 16), cipher);
            return Convert.ToBase64String(cipher.AsSpan(0, length + pad));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(plain, clearArray: true); // a teacher's message stays in no pooled buffer
            ArrayPool<byte>.Shared.Return(cipher);
        }
    }
}
