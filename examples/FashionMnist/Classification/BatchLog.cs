using System.Globalization;

namespace OdeDsl.Examples.FashionMnist;

/// <summary>Every batch of a run as CSV (<c>epoch,batch,loss,accuracy,forward_nfe,backward_nfe,seconds</c>), for the NFE plot.</summary>
public static class BatchLog
{
    private const string Header = "epoch,batch,loss,accuracy,forward_nfe,backward_nfe,seconds";

    public static void Write(string path, IEnumerable<BatchRecord> batches) =>
        File.WriteAllLines(path, [Header, .. batches.Select(b => string.Create(CultureInfo.InvariantCulture,
            $"{b.Epoch},{b.Batch},{b.Loss:R},{b.Accuracy:R},{b.ForwardNfe},{b.BackwardNfe},{b.Seconds:R}"))]);

    /// <exception cref="InvalidDataException">The file is not such a log; the message says which line.</exception>
    public static IReadOnlyList<BatchRecord> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != Header)
            throw new InvalidDataException($"{path}: not a batch log (the first line should be '{Header}')");
        return [.. lines.Skip(1).Select((line, k) =>
        {
            var fields = line.Split(',');
            if (fields.Length != 7)
                throw new InvalidDataException($"{path}:{k + 2}: expected 7 fields, found {fields.Length}");
            double Number(int field) => double.Parse(fields[field], CultureInfo.InvariantCulture);
            return new BatchRecord((int)Number(0), (int)Number(1), Number(2), Number(3), (int)Number(4), (int)Number(5), Number(6));
        })];
    }
}
