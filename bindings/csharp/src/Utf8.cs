// UTF-8 in and out of the library.
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;

namespace TransformModel
{
    internal static class Utf8
    {
        static readonly UTF8Encoding Strict = new UTF8Encoding(false, true);

        /// <summary>NUL-terminated UTF-8 (null stays null, for optional arguments).</summary>
        internal static byte[] Encode(string s)
        {
            if (s == null) return null;
            if (s.IndexOf('\0') >= 0) throw new ArgumentException("a string passed to the library contains NUL");
            int n = Strict.GetByteCount(s);
            var bytes = new byte[n + 1];
            Strict.GetBytes(s, 0, s.Length, bytes, 0);
            return bytes;
        }

        internal static string Decode(byte[] bytes, int count) => Strict.GetString(bytes, 0, count);

        /// <summary>Copies a NUL-terminated string the library owns (borrowed: not freed).</summary>
        internal static string Copy(IntPtr p)
        {
            if (p == IntPtr.Zero) return null;
            int n = 0;
            while (Marshal.ReadByte(p, n) != 0) n++;
            var bytes = new byte[n];
            Marshal.Copy(p, bytes, 0, n);
            return Decode(bytes, n);
        }

        /// <summary>Copies a string the library returned to the caller, then frees it.</summary>
        internal static string Take(IntPtr p)
        {
            try { return Copy(p); } finally { Native.tm_string_free(p); }
        }
    }

    /// <summary>Unmanaged copies of strings (and arrays of them) that live for one call.</summary>
    internal sealed class UnmanagedStrings : IDisposable
    {
        readonly List<IntPtr> blocks = new List<IntPtr>();

        internal IntPtr String(string s)
        {
            if (s == null) return IntPtr.Zero;
            var bytes = Utf8.Encode(s);
            var p = Marshal.AllocHGlobal(bytes.Length);
            blocks.Add(p);
            Marshal.Copy(bytes, 0, p, bytes.Length);
            return p;
        }

        /// <summary>An array of string pointers (IntPtr.Zero for an empty list).</summary>
        internal IntPtr Array(IList<string> items)
        {
            if (items == null || items.Count == 0) return IntPtr.Zero;
            var p = Marshal.AllocHGlobal(IntPtr.Size * items.Count);
            blocks.Add(p);
            for (int i = 0; i < items.Count; i++)
            {
                if (items[i] == null) throw new ArgumentNullException("items[" + i + "]");
                Marshal.WriteIntPtr(p, i * IntPtr.Size, String(items[i]));
            }
            return p;
        }

        /// <summary>An array of size_t values.</summary>
        internal IntPtr Sizes(IList<long> items)
        {
            if (items == null || items.Count == 0) return IntPtr.Zero;
            var p = Marshal.AllocHGlobal(IntPtr.Size * items.Count);
            blocks.Add(p);
            for (int i = 0; i < items.Count; i++)
            {
                if (items[i] < 0) throw new ArgumentOutOfRangeException("items[" + i + "]", "a count is never negative");
                Marshal.WriteIntPtr(p, i * IntPtr.Size, new IntPtr(items[i]));
            }
            return p;
        }

        internal IntPtr Doubles(IList<double> items)
        {
            if (items == null || items.Count == 0) return IntPtr.Zero;
            var p = Marshal.AllocHGlobal(8 * items.Count);
            blocks.Add(p);
            Marshal.Copy(new List<double>(items).ToArray(), 0, p, items.Count);
            return p;
        }

        internal IntPtr Ints(IList<int> items)
        {
            if (items == null || items.Count == 0) return IntPtr.Zero;
            var p = Marshal.AllocHGlobal(4 * items.Count);
            blocks.Add(p);
            for (int i = 0; i < items.Count; i++) Marshal.WriteInt32(p, i * 4, items[i]);
            return p;
        }

        public void Dispose()
        {
            foreach (var p in blocks) Marshal.FreeHGlobal(p);
            blocks.Clear();
        }
    }
}
