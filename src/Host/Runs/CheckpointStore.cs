using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NeuroLc.Host.Configuration;

namespace NeuroLc.Host.Runs;

/// <summary>
/// The checkpoints of one run in one folder, newest two kept. Each file is an envelope
/// <c>"NLCKPT01" | header length | header JSON | payload length | payload | SHA-256(header ‖ payload)</c> written with
/// <see cref="AtomicFile"/>, so a truncated or corrupted file is detected and the previous one is used instead.
/// </summary>
public sealed class CheckpointStore
{
    private static readonly byte[] s_magic = "NLCKPT01"u8.ToArray();
    private const int Keep = 2;

    public CheckpointStore(string folder)
    {
        Folder = folder;
    }

    public string Folder { get; }

    /// <summary>Saves <paramref name="header"/> and the engine state written by <paramref name="writePayload"/>, then drops all but the newest two.</summary>
    public string Save(CheckpointHeader header, Action<Stream> writePayload)
    {
        Directory.CreateDirectory(Folder);
        using var payload = new MemoryStream();
        writePayload(payload);
        byte[] headerBytes = JsonSerializer.SerializeToUtf8Bytes(header, ExperimentLoader.JsonOptions);
        string path = Path.Combine(Folder, $"ckpt-{header.Updates:D12}-{header.CompletedEpochs:D6}.bin");
        AtomicFile.Write(path, stream =>
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            Span<byte> length = stackalloc byte[8];
            stream.Write(s_magic);
            BinaryPrimitives.WriteInt32LittleEndian(length, headerBytes.Length);
            stream.Write(length[..4]);
            stream.Write(headerBytes);
            BinaryPrimitives.WriteInt64LittleEndian(length, payload.Length);
            stream.Write(length);
            stream.Write(payload.GetBuffer(), 0, (int)payload.Length);
            hash.AppendData(headerBytes);
            hash.AppendData(payload.GetBuffer(), 0, (int)payload.Length);
            stream.Write(hash.GetHashAndReset());
        });
        foreach (string old in Files().Skip(Keep))
        {
            File.Delete(old);
        }
        return path;
    }

    /// <summary>Checkpoint files, newest first (by updates, then completed epochs).</summary>
    public IReadOnlyList<string> Files()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }
        return Directory.GetFiles(Folder, "ckpt-*.bin").OrderByDescending(f => Path.GetFileName(f), StringComparer.Ordinal).ToArray();
    }

    /// <summary>Reads and verifies one checkpoint file.</summary>
    /// <exception cref="Training.CheckpointUnreadableException">The file is truncated, corrupted or not a checkpoint.</exception>
    public static (CheckpointHeader Header, byte[] Payload) Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException ex)
        {
            throw new Training.CheckpointUnreadableException($"{path}: cannot read: {ex.Message}", ex);
        }
        ReadOnlySpan<byte> span = bytes;
        if (span.Length < s_magic.Length + 4 || !span[..s_magic.Length].SequenceEqual(s_magic))
        {
            throw Unreadable(path, "not a NeuroLc checkpoint (bad magic) or truncated");
        }
        int at = s_magic.Length;
        int headerLength = BinaryPrimitives.ReadInt32LittleEndian(span[at..]);
        at += 4;
        if (headerLength < 2 || (long)at + headerLength + 8 > span.Length)
        {
            throw Unreadable(path, "truncated in the header");
        }
        ReadOnlySpan<byte> headerBytes = span.Slice(at, headerLength);
        at += headerLength;
        long payloadLength = BinaryPrimitives.ReadInt64LittleEndian(span[at..]);
        at += 8;
        if (payloadLength < 0 || at + payloadLength + SHA256.HashSizeInBytes != span.Length)
        {
            throw Unreadable(path, $"truncated or padded: {span.Length} bytes where the envelope says {at + payloadLength + SHA256.HashSizeInBytes}");
        }
        ReadOnlySpan<byte> payload = span.Slice(at, (int)payloadLength);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(headerBytes);
        hash.AppendData(payload);
        if (!hash.GetHashAndReset().AsSpan().SequenceEqual(span[^SHA256.HashSizeInBytes..]))
        {
            throw Unreadable(path, "corrupted: SHA-256 of the content does not match");
        }
        CheckpointHeader header;
        try
        {
            header = JsonSerializer.Deserialize<CheckpointHeader>(headerBytes, ExperimentLoader.JsonOptions)
                ?? throw Unreadable(path, "empty header");
        }
        catch (JsonException ex)
        {
            throw new Training.CheckpointUnreadableException($"{path}: header is not valid: {ex.Message}", ex);
        }
        return (header, payload.ToArray());
    }

    /// <summary>SHA-256 (hex) of a run's resolved configuration, with the thread count left out because results do not depend on it.</summary>
    public static string ConfigHash(RunConfig run)
    {
        RunConfig canonical = run with { Training = run.Training with { Threads = 0 } };
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(canonical, ExperimentLoader.JsonOptions);
        return Convert.ToHexStringLower(SHA256.HashData(json));
    }

    private static Training.CheckpointUnreadableException Unreadable(string path, string reason) => new($"{path}: {reason}");
}
