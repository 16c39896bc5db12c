using System.Collections.Concurrent;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using X86 = System.Runtime.Intrinsics.X86;

namespace UnionBot.Core.Platforms.WeCom;

/// <summary>
/// AES-256-CBC without padding under one fixed key, as WXBizMsgCrypt uses it (PROTOCOLS.md 1.3): with the CPU's AES
/// instructions (AES-NI) where it has them, through the platform's cipher (OpenSSL on Linux) where it has not.
/// Lengths are whole 16-byte blocks; the caller pads and unpads.
/// </summary>
/// <remarks>
/// Why not always the platform's: each one-shot CBC call of .NET on Linux builds an OpenSSL cipher context, expands
/// the key into it, runs, and frees it again, clearing OpenSSL's error queue at each native call on the way — however
/// long the <see cref="Aes"/> object is kept: about 1.3 µs to decrypt 352 bytes and 2.1–2.6 µs to encrypt 896, against
/// 0.06 µs and 0.9 µs here, where the key is expanded once per channel (timed in one process, 200 000 calls each after a
/// warm-up). A profile of /报名 under load gave libcrypto 8 % of the bot's samples; bench/CallbackLoad's <c>crypto</c>
/// verb times a whole callback's crypto (7–11 µs before, 3–3.6 µs after, with the random bytes of RandomBytes).
/// The AES instructions take the same time whatever the key and data (no table lookups), as OpenSSL's own AES-NI code
/// does. The two implementations are held to each other over random keys, IVs and lengths, and to NIST's CBC vectors,
/// in AesCbcTests; the WeCom vectors run through both in WeComCryptoTests.
/// </remarks>
internal abstract class AesCbc
{
    public const int BlockSize = 16;

    /// <param name="key">32 bytes.</param>
    /// <param name="cpuInstructions">false only in tests, to run the platform's cipher on a CPU that has AES-NI.</param>
    public static AesCbc Create(ReadOnlySpan<byte> key, bool cpuInstructions = true)
    {
        if (key.Length != 32) throw new ArgumentException("AES-256 needs a 32-byte key", nameof(key));
        return cpuInstructions && WithAesNi.IsSupported ? new WithAesNi(key) : new WithPlatform(key);
    }

    /// <summary>Encrypts <paramref name="plain"/> (whole blocks) into <paramref name="cipher"/>, as long.</summary>
    public void Encrypt(ReadOnlySpan<byte> plain, ReadOnlySpan<byte> iv, Span<byte> cipher)
    {
        Check(plain, iv, cipher);
        EncryptBlocks(plain, iv, cipher[..plain.Length]);
    }

    /// <summary>Decrypts <paramref name="cipher"/> (whole blocks) into <paramref name="plain"/>, as long.</summary>
    public void Decrypt(ReadOnlySpan<byte> cipher, ReadOnlySpan<byte> iv, Span<byte> plain)
    {
        Check(cipher, iv, plain);
        DecryptBlocks(cipher, iv, plain[..cipher.Length]);
    }

    /// <summary>Whether this instance runs on the CPU's AES instructions (for the tests).</summary>
    public abstract bool UsesCpuInstructions { get; }

    protected abstract void EncryptBlocks(ReadOnlySpan<byte> plain, ReadOnlySpan<byte> iv, Span<byte> cipher);

    protected abstract void DecryptBlocks(ReadOnlySpan<byte> cipher, ReadOnlySpan<byte> iv, Span<byte> plain);

    private static void Check(ReadOnlySpan<byte> input, ReadOnlySpan<byte> iv, Span<byte> output)
    {
        if (input.Length % BlockSize != 0) throw new ArgumentException("CBC without padding takes whole 16-byte blocks", nameof(input));
        if (iv.Length != BlockSize) throw new ArgumentException("the IV is one 16-byte block", nameof(iv));
        if (output.Length < input.Length) throw new ArgumentException("the output is shorter than the input", nameof(output));
    }

    /// <summary>AES-256 with the x86 AES instructions: the FIPS-197 key expansion done once, 14 rounds a block.</summary>
    private sealed class WithAesNi : AesCbc
    {
        private const int Rounds = 14;
        private readonly Vector128<byte>[] _encrypt = new Vector128<byte>[Rounds + 1];
        private readonly Vector128<byte>[] _decrypt = new Vector128<byte>[Rounds + 1];

        public static bool IsSupported => X86.Aes.IsSupported && X86.Sse2.IsSupported;

        public override bool UsesCpuInstructions => true;

        public WithAesNi(ReadOnlySpan<byte> key)
        {
            // AES-256's schedule: each round key pair comes from the pair before it, the first of the two through
            // SubWord(RotWord(w)) ^ rcon (KeygenAssist, word 3), the second through SubWord(w) alone (word 2).
            var even = Vector128.Create(key[..16]);
            var odd = Vector128.Create(key[16..32]);
            _encrypt[0] = even;
            _encrypt[1] = odd;
            for (var i = 2; i <= Rounds; i += 2)
            {
                even = MixIn(even, X86.Sse2.Shuffle(KeygenAssist(odd, i / 2).AsUInt32(), 0xFF).AsByte());
                _encrypt[i] = even;
                if (i == Rounds) break;
                odd = MixIn(odd, X86.Sse2.Shuffle(X86.Aes.KeygenAssist(even, 0).AsUInt32(), 0xAA).AsByte());
                _encrypt[i + 1] = odd;
            }
            // The equivalent inverse cipher (FIPS-197 5.3.5): the round keys in reverse, the inner ones through InvMixColumns.
            _decrypt[0] = _encrypt[Rounds];
            for (var i = 1; i < Rounds; i++) _decrypt[i] = X86.Aes.InverseMixColumns(_encrypt[Rounds - i]);
            _decrypt[Rounds] = _encrypt[0];
        }

        // KeygenAssist takes its round constant as an immediate: one call site per constant.
        private static Vector128<byte> KeygenAssist(Vector128<byte> v, int step) => step switch
        {
            1 => X86.Aes.KeygenAssist(v, 0x01),
            2 => X86.Aes.KeygenAssist(v, 0x02),
            3 => X86.Aes.KeygenAssist(v, 0x04),
            4 => X86.Aes.KeygenAssist(v, 0x08),
            5 => X86.Aes.KeygenAssist(v, 0x10),
            6 => X86.Aes.KeygenAssist(v, 0x20),
            _ => X86.Aes.KeygenAssist(v, 0x40),
        };

        // w0..w3 of the previous key of the same parity, each xored with all before it, then with the new word.
        private static Vector128<byte> MixIn(Vector128<byte> previous, Vector128<byte> word)
        {
            var shifted = X86.Sse2.ShiftLeftLogical128BitLane(previous, 4);
            previous ^= shifted;
            shifted = X86.Sse2.ShiftLeftLogical128BitLane(shifted, 4);
            previous ^= shifted;
            shifted = X86.Sse2.ShiftLeftLogical128BitLane(shifted, 4);
            return previous ^ shifted ^ word;
        }

        // Each block waits for the one before it: CBC encryption cannot overlap blocks.
        protected override void EncryptBlocks(ReadOnlySpan<byte> plain, ReadOnlySpan<byte> iv, Span<byte> cipher)
        {
            ReadOnlySpan<Vector128<byte>> k = _encrypt;
            var chain = Vector128.Create(iv);
            for (var at = 0; at < plain.Length; at += BlockSize)
            {
                var x = Vector128.Create(plain.Slice(at, BlockSize)) ^ chain ^ k[0];
                for (var r = 1; r < Rounds; r++) x = X86.Aes.Encrypt(x, k[r]);
                chain = X86.Aes.EncryptLast(x, k[Rounds]);
                chain.CopyTo(cipher.Slice(at, BlockSize));
            }
        }

        // Decryption can: four blocks go through the rounds together, each then xored with the ciphertext before it.
        protected override void DecryptBlocks(ReadOnlySpan<byte> cipher, ReadOnlySpan<byte> iv, Span<byte> plain)
        {
            ReadOnlySpan<Vector128<byte>> k = _decrypt;
            var previous = Vector128.Create(iv);
            var at = 0;
            for (; at + 4 * BlockSize <= cipher.Length; at += 4 * BlockSize)
            {
                var c0 = Vector128.Create(cipher.Slice(at, BlockSize));
                var c1 = Vector128.Create(cipher.Slice(at + BlockSize, BlockSize));
                var c2 = Vector128.Create(cipher.Slice(at + 2 * BlockSize, BlockSize));
                var c3 = Vector128.Create(cipher.Slice(at + 3 * BlockSize, BlockSize));
                var (x0, x1, x2, x3) = (c0 ^ k[0], c1 ^ k[0], c2 ^ k[0], c3 ^ k[0]);
                for (var r = 1; r < Rounds; r++)
                {
                    var key = k[r];
                    x0 = X86.Aes.Decrypt(x0, key);
                    x1 = X86.Aes.Decrypt(x1, key);
                    x2 = X86.Aes.Decrypt(x2, key);
                    x3 = X86.Aes.Decrypt(x3, key);
                }
                (X86.Aes.DecryptLast(x0, k[Rounds]) ^ previous).CopyTo(plain.Slice(at, BlockSize));
                (X86.Aes.DecryptLast(x1, k[Rounds]) ^ c0).CopyTo(plain.Slice(at + BlockSize, BlockSize));
                (X86.Aes.DecryptLast(x2, k[Rounds]) ^ c1).CopyTo(plain.Slice(at + 2 * BlockSize, BlockSize));
                (X86.Aes.DecryptLast(x3, k[Rounds]) ^ c2).CopyTo(plain.Slice(at + 3 * BlockSize, BlockSize));
                previous = c3;
            }
            for (; at < cipher.Length; at += BlockSize)
            {
                var c = Vector128.Create(cipher.Slice(at, BlockSize));
                var x = c ^ k[0];
                for (var r = 1; r < Rounds; r++) x = X86.Aes.Decrypt(x, k[r]);
                (X86.Aes.DecryptLast(x, k[Rounds]) ^ previous).CopyTo(plain.Slice(at, BlockSize));
                previous = c;
            }
        }
    }

    /// <summary>The platform's AES (OpenSSL on Linux), for CPUs without the x86 AES instructions.</summary>
    private sealed class WithPlatform(ReadOnlySpan<byte> key) : AesCbc
    {
        private readonly byte[] _key = key.ToArray();

        // An Aes instance must not serve two threads at once: each call takes one from here and puts it back, so
        // there are never more than the threads that were inside a call at the same moment.
        private readonly ConcurrentBag<Aes> _ciphers = [];

        public override bool UsesCpuInstructions => false;

        protected override void EncryptBlocks(ReadOnlySpan<byte> plain, ReadOnlySpan<byte> iv, Span<byte> cipher)
        {
            var aes = Take();
            try { aes.EncryptCbc(plain, iv, cipher, PaddingMode.None); }
            finally { _ciphers.Add(aes); }
        }

        protected override void DecryptBlocks(ReadOnlySpan<byte> cipher, ReadOnlySpan<byte> iv, Span<byte> plain)
        {
            var aes = Take();
            try { aes.DecryptCbc(cipher, iv, plain, PaddingMode.None); }
            finally { _ciphers.Add(aes); }
        }

        private Aes Take()
        {
            if (_ciphers.TryTake(out var aes)) return aes;
            aes = Aes.Create();
            aes.Key = _key;
            return aes;
        }
    }
}
