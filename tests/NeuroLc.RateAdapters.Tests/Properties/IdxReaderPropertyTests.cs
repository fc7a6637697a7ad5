using System.IO.Compression;
using CsCheck;
using NeuroLc.RateAdapters.Data;

namespace NeuroLc.RateAdapters.Tests.Properties;

/// <summary>
/// DESIGN.md section 9: the IDX and MNIST-folder readers, fed mutated or truncated files (raw and gzip), either read
/// them or throw <see cref="DataFormatException"/> naming the file — never an untyped crash.
/// </summary>
public sealed class IdxReaderPropertyTests : IDisposable
{
    private const int Cases = 400;
    private const int Items = 6;
    private const int Rows = 4;
    private const int Columns = 3;

    private readonly string _dir = Directory.CreateTempSubdirectory("neurolc-idx-property-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Which file to damage, whether the folder is gzip, and whether the damage hits the compressed bytes.</summary>
    private sealed record Case(bool Labels, bool Gzip, bool DamageCompressed, ByteMutation[] Mutations)
    {
        public override string ToString() =>
            $"{(Labels ? "labels" : "images")}{(Gzip ? ".gz" : "")}{(DamageCompressed ? " (compressed bytes)" : "")}: {string.Join("; ", Mutations.Select(m => m.ToString()))}";
    }

    private static readonly Gen<Case> s_case = Gen.Select(Gen.Bool, Gen.Bool, Gen.Bool, ByteMutation.Several, (labels, gzip, compressed, m) => new Case(labels, gzip, compressed, m));

    [Fact]
    public void Mutated_idx_files_read_or_throw_a_DataFormatException_naming_the_file()
    {
        (byte[] images, byte[] labels) = ValidFiles();
        s_case.Array[Cases].Sample(cases =>
        {
            foreach (Case c in cases)
            {
                (string imagePath, string labelPath) = WriteFolder(images, labels, c);
                string damaged = c.Labels ? labelPath : imagePath;
                AssertReadsOrNamesFile(() => IdxReader.ReadBytes(damaged), [damaged], c);
                // A count mismatch is reported on the labels file (naming the images too), whichever of the two was damaged.
                AssertReadsOrNamesFile(() => MnistFormat.LoadPair(_dir, "train"), [imagePath, labelPath], c);
            }
        }, seed: PropertySettings.Seed, iter: 1, threads: 1);
    }

    [Fact]
    public void Unmutated_files_round_trip_so_the_property_starts_from_valid_input()
    {
        (byte[] images, byte[] labels) = ValidFiles();
        foreach (bool gzip in new[] { false, true })
        {
            WriteFolder(images, labels, new Case(false, gzip, false, []));
            Assert.Equal(Items, MnistFormat.LoadPair(_dir, "train").Count);
        }
    }

    [Fact]
    public void Cases_the_property_found_overflowing_sizes_and_empty_images_are_format_errors()
    {
        // Sizes whose product wrapped a long to a negative array length (an OverflowException before the fix).
        string huge = Path.Combine(_dir, "huge-idx");
        File.WriteAllBytes(huge, [0, 0, 8, 4, 0, 0, 0, 6, 0x7F, 0xFF, 0xFF, 0xFF, 0x7F, 0xFF, 0xFF, 0xFF, 0x7F, 0xFF, 0xFF, 0xFF, 0, 0]);
        var tooBig = Assert.Throws<DataFormatException>(() => IdxReader.ReadBytes(huge));
        Assert.Contains("more than one array holds", tooBig.Message);

        // A count the file cannot hold is rejected before allocating it.
        string claims = Path.Combine(_dir, "claims-idx");
        File.WriteAllBytes(claims, [0, 0, 8, 1, 0x7F, 0xFF, 0xFF, 0x00, 1, 2]);
        Assert.Contains("truncated: 2 of 2147483392 bytes", Assert.Throws<DataFormatException>(() => IdxReader.ReadBytes(claims)).Message);

        // Zero rows: an ArgumentException from Dataset before the fix.
        (byte[] images, byte[] labels) = ValidFiles();
        WriteFolder(images, labels, new Case(false, false, false, [new ByteMutation.Word(8, 0)]));
        var empty = Assert.Throws<DataFormatException>(() => MnistFormat.LoadPair(_dir, "train"));
        Assert.Contains("no pixels to train on: 6 images of 0×3", empty.Message);
    }

    private static void AssertReadsOrNamesFile(Func<object> read, string[] paths, Case c)
    {
        try
        {
            read();
        }
        catch (DataFormatException ex)
        {
            Assert.Contains(ex.Path, paths);
            Assert.Contains(ex.Path, ex.Message);
        }
        catch (Exception ex)
        {
            Assert.Fail($"{c}: {ex}");
        }
    }

    /// <summary>A valid images file (6 items of 4×3) and labels file, as raw IDX bytes.</summary>
    private (byte[] Images, byte[] Labels) ValidFiles()
    {
        string images = Path.Combine(_dir, "valid-images");
        string labels = Path.Combine(_dir, "valid-labels");
        IdxReader.WriteBytes(images, Enumerable.Range(0, Items * Rows * Columns).Select(i => (byte)(i * 7)).ToArray(), Items, Rows, Columns);
        IdxReader.WriteBytes(labels, Enumerable.Range(0, Items).Select(i => (byte)(i % 10)).ToArray(), Items);
        (byte[] Images, byte[] Labels) result = (File.ReadAllBytes(images), File.ReadAllBytes(labels));
        File.Delete(images);
        File.Delete(labels);
        return result;
    }

    /// <summary>Writes the train pair (one of them damaged) as raw or ".gz" files, removing the other variant.</summary>
    private (string Images, string Labels) WriteFolder(byte[] images, byte[] labels, Case c)
    {
        string suffix = c.Gzip ? ".gz" : "";
        string imagePath = Path.Combine(_dir, "train-images-idx3-ubyte" + suffix);
        string labelPath = Path.Combine(_dir, "train-labels-idx1-ubyte" + suffix);
        foreach (string stale in Directory.GetFiles(_dir))
        {
            File.Delete(stale);
        }

        File.WriteAllBytes(imagePath, Encode(images, c, damage: !c.Labels));
        File.WriteAllBytes(labelPath, Encode(labels, c, damage: c.Labels));
        return (imagePath, labelPath);
    }

    private static byte[] Encode(byte[] raw, Case c, bool damage)
    {
        if (!c.Gzip)
        {
            return damage ? ByteMutation.ApplyAll(raw, c.Mutations) : raw;
        }

        byte[] content = damage && !c.DamageCompressed ? ByteMutation.ApplyAll(raw, c.Mutations) : raw;
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(content);
        }

        byte[] compressed = buffer.ToArray();
        return damage && c.DamageCompressed ? ByteMutation.ApplyAll(compressed, c.Mutations) : compressed;
    }
}
