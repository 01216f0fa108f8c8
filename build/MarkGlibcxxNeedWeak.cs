// MSBuild inline task (see TorchSharpNativeFix.targets). TorchSharp 0.107.0's libLibTorchSharp.so
// records a version need for GLIBCXX_3.4.32 (GCC 13) although the one symbol behind it,
// _ZSt21ios_base_library_initv, is referenced and never called. Debian 12's libstdc++ stops at
// GLIBCXX_3.4.30, so the dynamic loader refuses the library. Marking that version-need entry
// weak (VER_FLG_WEAK) in the copy the program loads makes the loader accept it. Systems whose
// libstdc++ already provides GLIBCXX_3.4.32 are left untouched.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class MarkGlibcxxNeedWeak : Task
{
    private const string VersionName = "GLIBCXX_3.4.32";
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 2;

    private static readonly string[] SystemLibstdcxxPaths =
    {
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6",
        "/usr/lib/libstdc++.so.6",
    };

    /// <summary>Copies of libLibTorchSharp.so in the build output.</summary>
    [Required]
    public ITaskItem[] Libraries { get; set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        if (!OperatingSystemIsLinux() || !SystemLibstdcxxLacksVersion())
            return true;

        foreach (var item in Libraries)
        {
            var path = item.ItemSpec;
            if (!File.Exists(path))
                continue;
            var bytes = File.ReadAllBytes(path);
            switch (MarkWeak(bytes))
            {
                case Outcome.Patched:
                    File.WriteAllBytes(path, bytes);
                    Log.LogMessage(MessageImportance.Normal, $"OdeDsl: marked the {VersionName} need weak in {path} (system libstdc++ is older than GCC 13).");
                    break;
                case Outcome.NotELF:
                    Log.LogWarning($"OdeDsl: {path} is not a 64-bit little-endian ELF file; left as it is.");
                    break;
            }
        }
        return !Log.HasLoggedErrors;
    }

    private static bool OperatingSystemIsLinux() =>
        Environment.OSVersion.Platform == PlatformID.Unix && Directory.Exists("/proc");

    private static bool SystemLibstdcxxLacksVersion()
    {
        foreach (var candidate in SystemLibstdcxxPaths)
        {
            if (File.Exists(candidate))
                return IndexOf(File.ReadAllBytes(candidate), Encoding.ASCII.GetBytes(VersionName + "\0")) < 0;
        }
        return false; // no known system libstdc++: nothing is known to be wrong, so change nothing
    }

    private enum Outcome { Patched, AlreadyWeakOrAbsent, NotELF }

    // ELF64 little-endian: walk the section headers to SHT_GNU_verneed, then each Verneed entry's
    // Vernaux list, and set VER_FLG_WEAK on the entry named GLIBCXX_3.4.32.
    private static Outcome MarkWeak(byte[] elf)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F'
            || elf[4] != 2 /* ELFCLASS64 */ || elf[5] != 1 /* little-endian */)
            return Outcome.NotELF;

        long sectionHeaders = (long)BitConverter.ToUInt64(elf, 0x28);
        int sectionHeaderSize = BitConverter.ToUInt16(elf, 0x3A);
        int sectionCount = BitConverter.ToUInt16(elf, 0x3C);

        for (int section = 0; section < sectionCount; section++)
        {
            long header = sectionHeaders + (long)section * sectionHeaderSize;
            if (BitConverter.ToUInt32(elf, (int)header + 4) != ShtGnuVerneed)
                continue;

            long needs = (long)BitConverter.ToUInt64(elf, (int)header + 24);
            int needCount = (int)BitConverter.ToUInt32(elf, (int)header + 44);
            int stringTableIndex = (int)BitConverter.ToUInt32(elf, (int)header + 40);
            long stringTable = (long)BitConverter.ToUInt64(elf, (int)(sectionHeaders + (long)stringTableIndex * sectionHeaderSize) + 24);

            long need = needs;
            for (int n = 0; n < needCount; n++)
            {
                int auxCount = BitConverter.ToUInt16(elf, (int)need + 2);
                long aux = need + BitConverter.ToUInt32(elf, (int)need + 8);
                for (int a = 0; a < auxCount; a++)
                {
                    long name = stringTable + BitConverter.ToUInt32(elf, (int)aux + 8);
                    if (ReadCString(elf, name) == VersionName)
                    {
                        ushort flags = BitConverter.ToUInt16(elf, (int)aux + 4);
                        if ((flags & VerFlagWeak) != 0)
                            return Outcome.AlreadyWeakOrAbsent;
                        flags |= VerFlagWeak;
                        elf[aux + 4] = (byte)(flags & 0xff);
                        elf[aux + 5] = (byte)(flags >> 8);
                        return Outcome.Patched;
                    }
                    aux += BitConverter.ToUInt32(elf, (int)aux + 12);
                }
                need += BitConverter.ToUInt32(elf, (int)need + 12);
            }
        }
        return Outcome.AlreadyWeakOrAbsent;
    }

    private static string ReadCString(byte[] bytes, long start)
    {
        long end = start;
        while (end < bytes.Length && bytes[end] != 0)
            end++;
        return Encoding.ASCII.GetString(bytes, (int)start, (int)(end - start));
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i <= haystack.Length - needle.Length; i++)
        {
            int j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j])
                j++;
            if (j == needle.Length)
                return i;
        }
        return -1;
    }
}
