using System.Buffers.Binary;
using System.IO.Compression;

namespace NeuroLc.RateAdapters.Data;

/// <summary>
/// Reader of the IDX format of MNIST and Fashion-MNIST: magic 0x0000 08 0D (unsigned bytes, D dimensions), D big-endian
/// 32-bit sizes, then the data. Files ending in ".gz" are decompressed on the fly.
/// </summary>
public static class IdxReader
{
    /// <summary>Reads up to <paramref name="limit"/> items of an unsigned-byte IDX file; returns the data and the full dimensions (first = items read).</summary>
    public static (byte[] Data, int[] Dimensions) ReadBytes(string path, int? limit = null)
    {
        using Stream stream = Open(path);
        Span<byte> header = stackalloc byte[4];
        ReadExactly(stream, header, path, "the magic number");
        if (header[0] != 0 || header[1] != 0 || header[2] != 0x08 || header[3] is 0 or > 4)
        {
            throw new DataFormatException(path, $"wrong IDX magic number 0x{BinaryPrimitives.ReadUInt32BigEndian(header):X8} (expected 0x0000080D, unsigned bytes with 1 to 4 dimensions)");
        }

        var dims = new int[header[3]];
        for (int i = 0; i < dims.Length; i++)
        {
            ReadExactly(stream, header, path, $"dimension {i}");
            dims[i] = BinaryPrimitives.ReadInt32BigEndian(header);
            if (dims[i] < 0)
            {
                throw new DataFormatException(path, $"dimension {i} is negative ({dims[i]})");
            }
        }

        if (limit is { } max)
        {
            dims[0] = Math.Min(dims[0], Math.Max(0, max));
        }

        // Each size is below 2^31 and the running product is kept below Array.MaxLength, so no product overflows a long.
        long itemSize = 1;
        for (int i = 1; i < dims.Length; i++)
        {
            itemSize *= dims[i];
            if (itemSize > Array.MaxLength)
            {
                throw new DataFormatException(path, $"items of [{string.Join(" x ", dims[1..])}] bytes are more than one array holds");
            }
        }

        long total = dims[0] * itemSize;
        if (total > Array.MaxLength)
        {
            throw new DataFormatException(path, $"{total} bytes of data is more than one array holds");
        }

        byte[] data = ReadData(stream, total, path, $"{dims[0]} items of {itemSize} bytes");
        return (data, dims);
    }

    /// <summary>Writes an unsigned-byte IDX file (gzip when the name ends in ".gz"); used for fixtures.</summary>
    public static void WriteBytes(string path, ReadOnlySpan<byte> data, params int[] dimensions)
    {
        long expected = 1;
        foreach (int d in dimensions)
        {
            expected *= d;
        }

        if (dimensions.Length is 0 or > 4 || expected != data.Length)
        {
            throw new ArgumentException($"{data.Length} bytes do not fill dimensions [{string.Join(", ", dimensions)}].", nameof(data));
        }

        using FileStream file = File.Create(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionLevel.Optimal) : file;
        Span<byte> word = stackalloc byte[4];
        word[0] = 0;
        word[1] = 0;
        word[2] = 0x08;
        word[3] = (byte)dimensions.Length;
        stream.Write(word);
        foreach (int d in dimensions)
        {
            BinaryPrimitives.WriteInt32BigEndian(word, d);
            stream.Write(word);
        }

        stream.Write(data);
    }

    private static Stream Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"IDX file not found: {path}", path);
        }

        Stream file = File.OpenRead(path);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : new BufferedStream(file, 1 << 16);
    }

    /// <summary>
    /// Reads <paramref name="total"/> bytes. A raw file is checked against its length first; a gzip stream cannot say how
    /// much it holds, so the buffer grows as data arrives and a corrupt count cannot claim gigabytes up front.
    /// </summary>
    private static byte[] ReadData(Stream stream, long total, string path, string what)
    {
        if (stream.CanSeek && stream.Length - stream.Position < total)
        {
            throw new DataFormatException(path, $"truncated: {stream.Length - stream.Position} of {total} bytes of {what}");
        }

        var data = new byte[Math.Min(total, 1 << 24)];
        int filled = 0;
        while (true)
        {
            filled += ReadAtMost(stream, data.AsSpan(filled), path, what);
            if (filled < data.Length)
            {
                throw new DataFormatException(path, $"truncated: {filled} of {total} bytes of {what}");
            }

            if (filled == total)
            {
                return data;
            }

            Array.Resize(ref data, (int)Math.Min(total, 2L * data.Length));
        }
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer, string path, string what)
    {
        int read = ReadAtMost(stream, buffer, path, what);
        if (read != buffer.Length)
        {
            throw new DataFormatException(path, $"truncated: {read} of {buffer.Length} bytes of {what}");
        }
    }

    private static int ReadAtMost(Stream stream, Span<byte> buffer, string path, string what)
    {
        try
        {
            return stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException ex)
        {
            throw new DataFormatException(path, $"corrupt gzip data while reading {what}: {ex.Message}");
        }
    }
}
