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

    public static string Sign(string token, string timestamp, string nonce, string encrypt)
    {
        Span<char> signature = stackalloc char[SignatureChars];
        Sign(token, timestamp, nonce, encrypt, signature);
        return new string(signature);
    }

    public string Sign(string timestamp, string nonce, string encrypt) => Sign(_token, timestamp, nonce, encrypt);

    /// <summary>Writes the signature (40 lowercase hex digits) into <paramref name="signature"/>: a reply needs no string of it.</summary>
    public void Sign(ReadOnlySpan<char> timestamp, ReadOnlySpan<char> nonce, ReadOnlySpan<char> encrypt, Span<char> signature) =>
        Sign(_token, timestamp, nonce, encrypt, signature);

    private static void Sign(ReadOnlySpan<char> token, ReadOnlySpan<char> timestamp, ReadOnlySpan<char> nonce, ReadOnlySpan<char> encrypt, Span<char> signature)
    {
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        Hash(token, timestamp, nonce, encrypt, hash);
        Convert.TryToHexStringLower(hash, signature, out _);
    }

    /// <summary>Constant-time check of <paramref name="signature"/> (case-insensitive hex).</summary>
    public bool Verify(string signature, string timestamp, string nonce, string encrypt) =>
        Verify(signature, timestamp, nonce, encrypt.AsSpan());

    /// <summary><see cref="Verify(string, string, string, string)"/> of a ciphertext read from the body without a string of it.</summary>
    public bool Verify(string signature, string timestamp, string nonce, ReadOnlySpan<char> encrypt)
    {
        if (signature.Length != SignatureChars) return false; // the length of a SHA1 in hex is no secret
        Span<char> expected = stackalloc char[SignatureChars];
        Sign(_token, timestamp, nonce, encrypt, expected);
        Span<char> given = stackalloc char[SignatureChars];
        signature.AsSpan().ToLowerInvariant(given);
        return CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(expected), MemoryMarshal.AsBytes(given));
    }

    /// <summary>SHA1 over the four parts sorted ordinally and joined, in UTF-8.</summary>
    private static void Hash(ReadOnlySpan<char> token, ReadOnlySpan<char> timestamp, ReadOnlySpan<char> nonce, ReadOnlySpan<char> encrypt, Span<byte> hash)
    {
        var length = Encoding.UTF8.GetByteCount(token) + Encoding.UTF8.GetByteCount(timestamp) +
                     Encoding.UTF8.GetByteCount(nonce) + Encoding.UTF8.GetByteCount(encrypt);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            // Spans cannot go in an array to be sorted: their indices are, by insertion (stable, at most six comparisons).
            Span<int> order = [0, 1, 2, 3];
            for (var i = 1; i < 4; i++)
                for (var j = i; j > 0 && Part(order[j - 1], token, timestamp, nonce, encrypt).SequenceCompareTo(Part(order[j], token, timestamp, nonce, encrypt)) > 0; j--)
                    (order[j - 1], order[j]) = (order[j], order[j - 1]);
            var written = 0;
            foreach (var i in order) written += Encoding.UTF8.GetBytes(Part(i, token, timestamp, nonce, encrypt), buffer.AsSpan(written));
            SHA1.HashData(buffer.AsSpan(0, written), hash);
        }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
    }

    private static ReadOnlySpan<char> Part(int i, ReadOnlySpan<char> a, ReadOnlySpan<char> b, ReadOnlySpan<char> c, ReadOnlySpan<char> d) =>
        i switch { 0 => a, 1 => b, 2 => c, _ => d };

    public string Decrypt(string encrypt) => Decrypt(encrypt, static message => Encoding.UTF8.GetString(message));

    /// <summary>
    /// Decrypts, checks the framing and the UTF-8 of the message, and hands it to <paramref name="read"/> while it is
    /// still in the pooled buffer, which is cleared after: a reader of JSON needs no copy of it.
    /// </summary>
    public T Decrypt<T>(ReadOnlySpan<char> encrypt, Func<ReadOnlySpan<byte>, T> read)
    {
        var cipher = ArrayPool<byte>.Shared.Rent(encrypt.Length / 4 * 3 + 3);
        var plain = ArrayPool<byte>.Shared.Rent(cipher.Length);
        try
        {
            if (!Convert.TryFromBase64Chars(encrypt, cipher, out var cipherLength)) throw new WeComCryptoException("encrypt is not Base64");
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
        return Seal(utf8Message, random16, ToBase64String);
    }

    private static readonly Func<ReadOnlySpan<byte>, string> ToBase64String = static cipher => Convert.ToBase64String(cipher);

    /// <summary>
    /// Encrypts a message already in UTF-8 into Base64 characters held in a pooled buffer (dispose the result): a
    /// reply signs them and writes them into its JSON, with no string of them.
    /// </summary>
    public PooledChars EncryptToBase64(ReadOnlySpan<byte> utf8Message)
    {
        Span<byte> random16 = stackalloc byte[16];
        RandomBytes.Fill(random16);
        return Seal(utf8Message, random16, static cipher =>
        {
            var chars = ArrayPool<char>.Shared.Rent((cipher.Length + 2) / 3 * 4);
            Convert.TryToBase64Chars(cipher, chars, out var written);
            return new PooledChars(chars, written);
        });
    }

    /// <summary>Encrypts with the given 16 random bytes (fixed only by tests reproducing the official vector).</summary>
    public string Encrypt(string message, ReadOnlySpan<byte> random16)
    {
        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(message.Length));
        try { return Seal(utf8.AsSpan(0, Encoding.UTF8.GetBytes(message, utf8)), random16, ToBase64String); }
        finally { ArrayPool<byte>.Shared.Return(utf8, clearArray: true); }
    }

    /// <summary>Frames, pads and encrypts the message, and hands the ciphertext to <paramref name="encode"/>.</summary>
    private T Seal<T>(ReadOnlySpan<byte> message, ReadOnlySpan<byte> random16, Func<ReadOnlySpan<byte>, T> encode)
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
            return encode(cipher.AsSpan(0, length + pad));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(plain, clearArray: true); // a teacher's message stays in no pooled buffer
            ArrayPool<byte>.Shared.Return(cipher);
        }
    }
}

/// <summary>Characters in a buffer rented from <see cref="ArrayPool{T}.Shared"/>, returned by <see cref="Dispose"/>.</summary>
public readonly struct PooledChars(char[] buffer, int length) : IDisposable
{
    public ReadOnlySpan<char> Span => buffer.AsSpan(0, length);

    public void Dispose() => ArrayPool<char>.Shared.Return(buffer);
}
