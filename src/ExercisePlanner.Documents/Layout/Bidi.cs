namespace ExercisePlanner.Documents.Layout;

/// <summary>
/// The Unicode bidirectional algorithm (UAX #9): embedding levels from ICU's implementation (the machine's
/// libicu through icu.net), and the reordering of one line by those levels (rule L2).
/// </summary>
public static class Bidi
{
    public const byte LeftToRight = 0;
    public const byte RightToLeft = 1;
    /// <summary>The paragraph takes the direction of its first strong character, left to right if it has none (rules P2, P3).</summary>
    public const byte FirstStrong = Icu.BiDi.DEFAULT_LTR;

    static Bidi() => Icu.Wrapper.Init();

    /// <summary>The resolved level of each UTF-16 unit of one paragraph (no line breaks inside), and the paragraph's level.</summary>
    public static (byte Paragraph, byte[] Levels) Resolve(string text, byte paragraphLevel)
    {
        // Below U+0590 there is no right-to-left character and no explicit formatting: everything stays at level 0.
        if (paragraphLevel == LeftToRight && text.All(c => c < '\u0590')) return (LeftToRight, new byte[text.Length]);
        using var bidi = new Icu.BiDi();
        bidi.SetPara(text, paragraphLevel, null);
        var levels = text.Length == 0 ? [] : bidi.GetLevels().ToArray();
        MarksAfterBrackets(text, levels);
        return (bidi.GetParaLevel(), levels);
    }

    /// <summary>
    /// Rule N0's last paragraph (Unicode 8.0): combining marks after a paired bracket take the type the
    /// bracket resolved to, so the same level. ICU 72 resolves them as if the bracket had kept its own type;
    /// BidiCharacterTest.txt has cases of it ("a(b)" + U+0331 in a right-to-left paragraph).
    /// </summary>
    private static void MarksAfterBrackets(string text, byte[] levels)
    {
        int? bracket = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (Icu.Character.GetIntPropertyValue(text[i], Icu.Character.UProperty.BIDI_PAIRED_BRACKET_TYPE) != (int)Icu.Character.UBidiPairedBracketType.NONE)
                bracket = i;
            else if (bracket is { } at && Icu.Character.CharDirection(text[i]) == Icu.Character.UCharDirection.DIR_NON_SPACING_MARK)
                levels[i] = levels[at];
            else
                bracket = null;
        }
    }

    /// <summary>
    /// Rule L2: from the highest level down to the lowest odd one, reverse every sequence at that level or
    /// higher. Returns, position by position from the left, the index of the character shown there.
    /// </summary>
    public static int[] VisualOrder(ReadOnlySpan<byte> levels)
    {
        var order = new int[levels.Length];
        var at = levels.ToArray();
        for (var i = 0; i < order.Length; i++) order[i] = i;
        if (at.Length == 0) return order;
        var lowestOdd = (byte)(at.Min() | 1);
        for (var level = at.Max(); level >= lowestOdd; level--)
        {
            for (var start = 0; start < at.Length; start++)
            {
                if (at[start] < level) continue;
                var end = start;
                while (end + 1 < at.Length && at[end + 1] >= level) end++;
                Array.Reverse(order, start, end - start + 1);
                Array.Reverse(at, start, end - start + 1);
                start = end;
            }
        }
        return order;
    }
}
