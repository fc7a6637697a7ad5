using System.Buffers.Binary;
using CsCheck;

namespace NeuroLc.RateAdapters.Tests.Properties;

/// <summary>
/// One random edit of a byte buffer, for the reader properties: flip bits, truncate, insert bytes, or overwrite a
/// big-endian 32-bit word (an IDX magic number or dimension). Positions are drawn as raw numbers and reduced modulo
/// the buffer length when applied, so one generator serves buffers of any size.
/// </summary>
internal abstract record ByteMutation
{
    /// <summary>Header words worth writing over a count or a magic number: edges of the int range and near misses.</summary>
    private static readonly int[] s_interestingWords = [0, 1, 2, -1, int.MaxValue, int.MinValue, 0x00000801, 0x00000803, 0x00000805, 0x0000080F, 0x00000C03, 65536, 1 << 20, 0x7FFFFFC7];

    /// <summary>A mutation of any kind, header-word overwrites aimed at the first 20 bytes (magic and 4 dimensions).</summary>
    public static Gen<ByteMutation> Any { get; } = Gen.Frequency(
        (3, Gen.Select(Gen.UInt, Gen.Byte[1, 255], (at, mask) => (ByteMutation)new Flip(at, mask))),
        (2, Gen.UInt.Select(at => (ByteMutation)new Truncate(at))),
        (2, Gen.Select(Gen.UInt, Gen.Byte.Array[1, 6], (at, bytes) => (ByteMutation)new Insert(at, bytes))),
        (3, Gen.Select(Gen.Int[0, 4], Gen.Frequency((3, Gen.OneOf(s_interestingWords)), (1, Gen.Int)), (word, value) => (ByteMutation)new Word(word * 4, value))));

    /// <summary>One to three mutations in a row.</summary>
    public static Gen<ByteMutation[]> Several { get; } = Any.Array[1, 3];

    /// <summary>The mutated copy of <paramref name="bytes"/>.</summary>
    public abstract byte[] Apply(byte[] bytes);

    /// <summary>Applies every mutation in order.</summary>
    public static byte[] ApplyAll(byte[] bytes, IEnumerable<ByteMutation> mutations) =>
        mutations.Aggregate(bytes, (current, m) => m.Apply(current));

    /// <summary>XOR of one byte with a non-zero mask.</summary>
    public sealed record Flip(uint At, byte Mask) : ByteMutation
    {
        public override byte[] Apply(byte[] bytes)
        {
            byte[] copy = (byte[])bytes.Clone();
            if (copy.Length > 0)
            {
                copy[At % copy.Length] ^= Mask;
            }

            return copy;
        }
    }

    /// <summary>Keeps a prefix shorter than the buffer.</summary>
    public sealed record Truncate(uint At) : ByteMutation
    {
        public override byte[] Apply(byte[] bytes) => bytes.Length == 0 ? bytes : bytes[..(int)(At % bytes.Length)];
    }

    /// <summary>Inserts bytes before a position (or at the end).</summary>
    public sealed record Insert(uint At, byte[] Bytes) : ByteMutation
    {
        public override string ToString() => $"Insert {{ At = {At}, Bytes = {Convert.ToHexString(Bytes)} }}";

        public override byte[] Apply(byte[] bytes)
        {
            int at = (int)(At % (bytes.Length + 1));
            return [.. bytes.AsSpan(0, at), .. Bytes, .. bytes.AsSpan(at)];
        }
    }

    /// <summary>Writes a big-endian 32-bit word at an offset when it fits.</summary>
    public sealed record Word(int Offset, int Value) : ByteMutation
    {
        public override byte[] Apply(byte[] bytes)
        {
            byte[] copy = (byte[])bytes.Clone();
            if (Offset + 4 <= copy.Length)
            {
                BinaryPrimitives.WriteInt32BigEndian(copy.AsSpan(Offset), Value);
            }

            return copy;
        }
    }
}
