using System.Runtime.InteropServices;
using NewsDigest.Normalization;

namespace NewsDigest.Stories;

/// <summary>What building features reuses from one document to the next: term counts, word hashes, named days, a token buffer.</summary>
internal sealed class DocumentFeatureBuffers
{
    private readonly List<ulong> _wordHashes = [];
    private readonly HashSet<ulong> _shingles = [];
    private char[] _token = new char[256];

    public TermCounter Terms { get; } = new();

    public TermCounter Lead { get; } = new();

    public EntityExtractionBuffers Entities { get; } = new();

    /// <summary>The days a document names, collected before they are copied into its features.</summary>
    public List<int> Days { get; } = [];

    /// <summary>The vocabulary id of a name, as of <see cref="StoryClusterer.EntityTerm"/>, without making that string.</summary>
    public int EntityId(StoryVocabulary vocabulary, string name)
    {
        var length = name.Length + 1;
        if (_token.Length < length)
        {
            _token = new char[Math.Max(length, _token.Length * 2)];
        }

        _token[0] = '@';
        name.AsSpan().ToLowerInvariant(_token.AsSpan(1, name.Length));
        return vocabulary.Id(_token.AsSpan(0, length));
    }

    /// <summary>A buffer that holds any token of a text of <paramref name="length"/> characters.</summary>
    public char[] TokenBuffer(int length)
    {
        if (_token.Length < length + 1)
        {
            _token = new char[Math.Max(length + 1, _token.Length * 2)];
        }

        return _token;
    }

    /// <summary>Records a body word (its ordinal hash) for counting shingles.</summary>
    public void AddBodyWord(ReadOnlySpan<char> word) => _wordHashes.Add(StableHash.Of(word));

    /// <summary>Distinct 3-word shingles of the body words recorded, as <see cref="TextTokens.CountShingles(List{string})"/> counts them; then forgets the words.</summary>
    public int CountShingles()
    {
        var hashes = CollectionsMarshal.AsSpan(_wordHashes);
        int count;
        if (hashes.Length < 3)
        {
            count = hashes.Length == 0 ? 0 : 1;
        }
        else
        {
            _shingles.Clear();
            for (var i = 0; i + 2 < hashes.Length; i++)
            {
                _shingles.Add(TextTokens.ShingleHash(hashes[i], hashes[i + 1], hashes[i + 2]));
            }

            count = _shingles.Count;
        }

        _wordHashes.Clear();
        return count;
    }
}
