using System.Runtime.InteropServices;
using HarfBuzzSharp;

namespace ExercisePlanner.Documents.Layout;

/// <summary>
/// HarfBuzz's subsetter (hb-subset), which the native library shipped with HarfBuzzSharp exports but
/// HarfBuzzSharp does not wrap. Skia's PDF backend embeds a font file whole, so a document embeds the
/// subset made here: only the glyphs its characters need, plus what their OpenType features reach
/// (ligatures, Arabic joining forms), so shaping with the subset gives the same result as with the full font.
/// </summary>
internal static partial class FontSubset
{
    private const string HarfBuzz = "libHarfBuzzSharp";
    /// <summary>HB_SUBSET_FLAGS_NO_HINTING: PDF viewers rasterise without TrueType instructions; DejaVu's are a third of its size.</summary>
    private const uint NoHinting = 0x1;

    public static byte[] Create(Face face, IEnumerable<int> codepoints)
    {
        var input = hb_subset_input_create_or_fail();
        if (input == 0) throw new InvalidOperationException("HarfBuzz could not allocate a subset input");
        try
        {
            var unicodes = hb_subset_input_unicode_set(input);
            foreach (var codepoint in codepoints) hb_set_add(unicodes, (uint)codepoint);
            hb_subset_input_set_flags(input, NoHinting);
            var subset = hb_subset_or_fail(face.Handle, input);
            if (subset == 0) throw new InvalidOperationException("HarfBuzz could not subset the font");
            try
            {
                var blob = hb_face_reference_blob(subset);
                try
                {
                    var data = hb_blob_get_data(blob, out var length);
                    var bytes = new byte[length];
                    Marshal.Copy(data, bytes, 0, (int)length);
                    return bytes;
                }
                finally { hb_blob_destroy(blob); }
            }
            finally { hb_face_destroy(subset); }
        }
        finally { hb_subset_input_destroy(input); }
    }

    [LibraryImport(HarfBuzz)] private static partial nint hb_subset_input_create_or_fail();
    [LibraryImport(HarfBuzz)] private static partial void hb_subset_input_destroy(nint input);
    [LibraryImport(HarfBuzz)] private static partial nint hb_subset_input_unicode_set(nint input);
    [LibraryImport(HarfBuzz)] private static partial void hb_subset_input_set_flags(nint input, uint flags);
    [LibraryImport(HarfBuzz)] private static partial nint hb_subset_or_fail(nint face, nint input);
    [LibraryImport(HarfBuzz)] private static partial void hb_set_add(nint set, uint codepoint);
    [LibraryImport(HarfBuzz)] private static partial nint hb_face_reference_blob(nint face);
    [LibraryImport(HarfBuzz)] private static partial void hb_face_destroy(nint face);
    [LibraryImport(HarfBuzz)] private static partial nint hb_blob_get_data(nint blob, out uint length);
    [LibraryImport(HarfBuzz)] private static partial void hb_blob_destroy(nint blob);
}
