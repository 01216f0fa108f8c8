using System.IO.Compression;
using static TorchSharp.torch;

namespace OdeDsl.Examples.FashionMnist;

/// <summary>
/// Fashion-MNIST (Xiao et al. 2017) from the IDX files of Debian's <c>dataset-fashion-mnist</c> package:
/// images <c>[N, 1, 28, 28]</c> as float32 in [0, 1], labels <c>[N]</c> as int64 class indices 0–9.
/// </summary>
public sealed record FashionMnistData(Tensor Images, Tensor Labels)
{
    /// <summary>Where the package installs the files.</summary>
    public const string PackageDirectory = "/usr/share/datasets/fashion-mnist";

    public const string MissingHelp =
        "install Debian's dataset-fashion-mnist package: examples/FashionMnist/setup.sh (apt-get install -y dataset-fashion-mnist)";

    private static readonly string[] Files =
        ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"];

    public long Count => Labels.shape[0];

    /// <summary>The files the directory lacks, as one message naming the package; <c>null</c> when all are there.</summary>
    public static string? Missing(string directory)
    {
        var missing = Files.Where(file => !File.Exists(Path.Combine(directory, file))).ToList();
        return missing.Count == 0 ? null : $"Fashion-MNIST not found: {directory} lacks {string.Join(", ", missing)}; {MissingHelp}";
    }

    /// <summary>The first <paramref name="limit"/> examples of the training (60 000) or test (10 000) set.</summary>
    /// <exception cref="FileNotFoundException">A file is missing; the message names the package.</exception>
    /// <exception cref="InvalidDataException">A file is not an IDX file of the expected kind.</exception>
    public static FashionMnistData Load(string directory, bool training, int limit = int.MaxValue)
    {
        if (Missing(directory) is { } message)
            throw new FileNotFoundException(message);
        var prefix = training ? "train" : "t10k";
        var (images, rows, columns) = ReadIdx(Path.Combine(directory, $"{prefix}-images-idx3-ubyte.gz"), 2051, limit);
        var (labels, _, _) = ReadIdx(Path.Combine(directory, $"{prefix}-labels-idx1-ubyte.gz"), 2049, limit);
        var count = labels.Length;
        var pixels = tensor(images, [count, 1, rows, columns], ScalarType.Byte).to(ScalarType.Float32) / 255;
        return new FashionMnistData(pixels, tensor(labels, ScalarType.Byte).to(ScalarType.Int64));
    }

    /// <summary>An IDX file (LeCun's MNIST format: big-endian magic, dimensions, then unsigned bytes).</summary>
    private static (byte[] Values, long Rows, long Columns) ReadIdx(string path, int magic, int limit)
    {
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new BinaryReader(stream);
        int ReadInt() => System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(reader.ReadInt32());
        var found = ReadInt();
        if (found != magic)
            throw new InvalidDataException($"{path}: magic number {found}, expected {magic} (an IDX {(magic == 2051 ? "image" : "label")} file)");
        var count = Math.Min(ReadInt(), limit);
        var (rows, columns) = magic == 2051 ? (ReadInt(), ReadInt()) : (1, 1);
        var values = reader.ReadBytes(count * rows * columns);
        if (values.Length != count * rows * columns)
            throw new InvalidDataException($"{path}: the file ends after {values.Length} of {count * rows * columns} values");
        return (values, rows, columns);
    }
}
