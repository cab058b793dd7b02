using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NewsDigest.Normalization;

/// <summary>
/// Characters held in native memory, given back to the system the moment they are disposed. A large page's decoded
/// text is needed only until it is bounded for the parse: on the heap it would stay, as garbage, until a full
/// collection, and its pages in the process until the collector returns them, while the parse builds the DOM.
/// </summary>
internal sealed class NativeText : IDisposable
{
    private IntPtr memory;

    public NativeText(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        memory = Marshal.AllocHGlobal((nint)Math.Max(length, 1) * sizeof(char));
        Length = length;
    }

    public int Length { get; }

    public Span<char> Span
    {
        get
        {
            ObjectDisposedException.ThrowIf(memory == IntPtr.Zero, this);

            // A reference into native memory, which the collector ignores: no unsafe code needed for the span.
            ref var first = ref Unsafe.As<byte, char>(ref Unsafe.AddByteOffset(ref Unsafe.NullRef<byte>(), memory));
            return MemoryMarshal.CreateSpan(ref first, Length);
        }
    }

    public void Dispose()
    {
        if (memory != IntPtr.Zero)
        {
            Marshal.FreeHGlobal(memory);
            memory = IntPtr.Zero;
        }
    }
}
